package org.smesurvey.stats.meta;

import java.util.List;
import java.util.Objects;
import tech.tablesaw.api.Table;

/**
 * The cumulative meta-analysis: the model fitted to the first study, the first two, …, all of them, in an order
 * such as their years — metafor's {@code cumul(res, order)}; a forest plot of {@link #results()} shows how the
 * pooled estimate settled. Immutable.
 *
 * <p>Reference: Lau, J. et al. (1992). Cumulative meta-analysis of therapeutic trials for myocardial infarction.
 * <i>New England Journal of Medicine</i> 327, 248–254.
 *
 * @param studies the effect sizes, in the order they were added
 * @param results {@code results.get(m)} is the fit to the first m + 1 studies
 * @since 0.1
 */
public record Cumulative(EffectSizes studies, List<MetaResult> results) {

    /**
     * Copies the list.
     *
     * @param studies the effect sizes, in order
     * @param results one fit per number of studies
     */
    public Cumulative {
        Objects.requireNonNull(studies, "studies");
        results = List.copyOf(Objects.requireNonNull(results, "results"));
    }

    /**
     * The fits as a table, one row per study added: {@code added, estimate, se, statistic, p_value, ci_lower,
     * ci_upper, q, q_p_value, tau2, i2, h2}.
     *
     * @return the table
     */
    public Table toTable() {
        return Refits.table("cumulative", "added", labels(), results);
    }

    /**
     * The fits as metafor's {@code print(cumul(res))} lays them out, one row per study added, four decimals.
     *
     * @return the text
     */
    public String summary() {
        return Refits.summary(labels(), results);
    }

    private List<String> labels() {
        return java.util.stream.IntStream.range(0, results.size()).mapToObj(studies::label).toList();
    }
}
