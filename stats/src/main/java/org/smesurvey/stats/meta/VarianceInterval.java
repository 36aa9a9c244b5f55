package org.smesurvey.stats.meta;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.smesurvey.stats.Interval;
import org.smesurvey.stats.internal.Formats;

/**
 * A variance component of a multilevel model with its profile-likelihood confidence interval, and its square root
 * with theirs: one block of metafor's {@code confint(res)} for an {@code rma.mv} fit
 * ({@link MultilevelResult#varianceInterval(int)} says how it is found).
 *
 * <p>Reference: Viechtbauer, W. (2007). Confidence intervals for the amount of heterogeneity in meta-analysis.
 * <i>Statistics in Medicine</i> 26, 37–52. doi:10.1002/sim.2514
 *
 * @param name metafor's name of the component, {@code sigma^2.1}, {@code sigma^2.2}, …
 * @param factor the random term it belongs to: a crossed factor's name, {@code cluster} or
 *        {@code cluster/estimate}
 * @param variance the variance σ² with its interval
 * @param standardDeviation σ with its interval, the square roots of the variance's
 * @since 0.2
 */
public record VarianceInterval(String name, String factor, Interval variance, Interval standardDeviation) {

    /**
     * Validates the interval.
     *
     * @param name metafor's name of the component
     * @param factor the random term
     * @param variance the variance with its interval
     * @param standardDeviation the standard deviation with its interval
     * @throws NullPointerException if an argument is null
     */
    public VarianceInterval {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(factor, "factor");
        Objects.requireNonNull(variance, "variance");
        Objects.requireNonNull(standardDeviation, "standardDeviation");
    }

    /**
     * The interval as metafor's {@code print(confint(res, sigma2 = j))} prints it: a header line, then the variance
     * and its square root, each with its estimate and bounds rounded to four decimals, between blank lines.
     *
     * @return the text, lines separated by {@code \n}
     */
    public String summary() {
        String sd = name.replace("^2", "");
        // print.confint.rma prints a character matrix (print.gap 1) between blank lines.
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.addAll(MetaforLayout.table(List.of(name, sd), List.of("estimate", "ci.lb", "ci.ub"),
                List.of(cells(variance), cells(standardDeviation)), 1));
        lines.add("");
        return String.join("\n", lines);
    }

    private static List<String> cells(Interval interval) {
        return List.of(Formats.fixed(interval.estimate(), 4), Formats.fixed(interval.lower(), 4),
                Formats.fixed(interval.upper(), 4));
    }
}
