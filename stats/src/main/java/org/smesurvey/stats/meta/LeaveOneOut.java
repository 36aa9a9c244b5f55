package org.smesurvey.stats.meta;

import java.util.List;
import tech.tablesaw.api.Table;

/**
 * The model refitted without each study in turn: metafor's {@code leave1out}. Immutable.
 *
 * @param studies the effect sizes
 * @param results {@code results.get(i)} is the fit without study {@code i}
 * @since 0.1
 */
public record LeaveOneOut(EffectSizes studies, List<MetaResult> results) {

    /**
     * Copies the list.
     *
     * @param studies the effect sizes
     * @param results one fit per study left out
     */
    public LeaveOneOut {
        java.util.Objects.requireNonNull(studies, "studies");
        results = List.copyOf(java.util.Objects.requireNonNull(results, "results"));
    }

    /**
     * The fits as a table, one row per study left out: {@code left_out, estimate, se, statistic, p_value,
     * ci_lower, ci_upper, q, q_p_value, tau2, i2, h2}.
     *
     * @return the table
     */
    public Table toTable() {
        return Refits.table("leave-one-out", "left_out", labels(), results);
    }

    /**
     * The fits as metafor's {@code print(leave1out(res))} lays them out, one row per study left out, four decimals
     * (in one table, where R wraps at the console's width).
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
