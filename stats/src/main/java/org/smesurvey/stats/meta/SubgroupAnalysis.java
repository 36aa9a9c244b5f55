package org.smesurvey.stats.meta;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.smesurvey.stats.TestResult;
import org.smesurvey.stats.internal.Distributions;

/**
 * A separate meta-analysis in each subgroup and the test of differences between their pooled estimates:
 * \( Q_B = \sum_g (\hat μ_g - \bar μ)^2/\mathrm{se}_g^2 \) with \( \bar μ \) their inverse-variance mean,
 * χ² with G − 1 degrees of freedom. Immutable.
 *
 * <p>Reference: Borenstein, M., Hedges, L. V., Higgins, J. P. T. and Rothstein, H. R. (2009). <i>Introduction
 * to Meta-Analysis</i>. Wiley, ch. 19 (separate estimates of τ²).
 *
 * @param results each subgroup's fit, in order of first appearance
 * @param between the test of differences between subgroups
 * @since 0.1
 */
public record SubgroupAnalysis(Map<String, MetaResult> results, TestResult between) {

    /**
     * Copies the map, keeping its order.
     *
     * @param results each subgroup's fit
     * @param between the test of differences between subgroups
     */
    public SubgroupAnalysis {
        results = Collections.unmodifiableMap(new LinkedHashMap<>(java.util.Objects.requireNonNull(results, "results")));
        java.util.Objects.requireNonNull(between, "between");
    }

    static SubgroupAnalysis of(Map<String, MetaResult> results) {
        double sumW = 0;
        double sumWy = 0;
        for (MetaResult r : results.values()) {
            double w = 1 / (r.standardError() * r.standardError());
            sumW += w;
            sumWy += w * r.estimate();
        }
        double mean = sumWy / sumW;
        double q = 0;
        for (MetaResult r : results.values()) {
            double d = r.estimate() - mean;
            q += d * d / (r.standardError() * r.standardError());
        }
        int df = results.size() - 1;
        return new SubgroupAnalysis(results, TestResult.of("Q test of subgroup differences", q, df,
                Distributions.chiSquareUpperTail(q, df)));
    }

    /**
     * Each subgroup's pooled estimate with its interval, one line each, then the test of differences between them.
     *
     * @return the text
     */
    public String summary() {
        StringBuilder text = new StringBuilder();
        int width = results.keySet().stream().mapToInt(String::length).max().orElse(0);
        results.forEach((name, r) -> text.append(name).append(" ".repeat(width - name.length()))
                .append(String.format(java.util.Locale.ROOT, "  k = %d  ", r.k()))
                .append(r.confidenceInterval().summary()).append('\n'));
        return text.append(between.summary()).toString();
    }
}
