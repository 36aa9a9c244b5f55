package org.smesurvey.stats.proportion;

import org.smesurvey.stats.Interval;
import org.smesurvey.stats.internal.Distributions;
import org.smesurvey.stats.internal.Checks;

/**
 * The risk ratio \( p_1/p_2 \) and the odds ratio \( \frac{p_1/(1-p_1)}{p_2/(1-p_2)} \) of two independent
 * proportions, with Wald intervals on the log scale.
 *
 * <p>With \( a = x_1, b = n_1 - x_1, c = x_2, d = n_2 - x_2 \):
 * \[ \log RR \pm z\sqrt{\tfrac1a - \tfrac1{n_1} + \tfrac1c - \tfrac1{n_2}}, \qquad
 *    \log OR \pm z\sqrt{\tfrac1a + \tfrac1b + \tfrac1c + \tfrac1d}. \]
 *
 * <p><b>Zero cells.</b> When one of the four cells is 0, ½ is added to each of them before the estimate and
 * its interval are computed, as metafor's {@code escalc} does by default ({@code add = 1/2, to = "only0"}):
 * the estimate is then the corrected one, finite, with a wide interval.
 *
 * <p>References:
 * <ol>
 * <li>Katz, D., Baptista, J., Azen, S. P. and Pike, M. C. (1978). Obtaining confidence intervals for the
 *     risk ratio in cohort studies. <i>Biometrics</i> 34, 469–474.</li>
 * <li>Woolf, B. (1955). On estimating the relation between blood group and disease. <i>Annals of Human
 *     Genetics</i> 19, 251–253.</li>
 * <li>Haldane, J. B. S. (1956). The estimation and significance of the logarithm of a ratio of frequencies.
 *     <i>Annals of Human Genetics</i> 20, 309–311 (adding ½).</li>
 * </ol>
 *
 * <p>Results agree with metafor 3.8 {@code escalc("RR" | "OR", ai, n1i, ci, n2i)}; the tests quote the calls.
 *
 * @since 0.1
 */
public final class Ratios {
    private Ratios() {
    }

    /**
     * The risk ratio \( p_1/p_2 \) with its log-scale (Katz) interval.
     *
     * @param x1 companies with the characteristic in the first group
     * @param n1 companies in the first group
     * @param x2 companies with the characteristic in the second group
     * @param n2 companies in the second group
     * @param level the confidence level, such as 0.95
     * @return the ratio and its interval
     * @throws IllegalArgumentException if a group has {@code n <= 0} or {@code x} outside [0, n], or the level
     *         is not in (0, 1)
     */
    public static Interval riskRatio(int x1, int n1, int x2, int n2, double level) {
        double[] cells = cells(x1, n1, x2, n2);
        double a = cells[0];
        double c = cells[2];
        double m1 = cells[0] + cells[1];
        double m2 = cells[2] + cells[3];
        return logInterval(Math.log(a / m1) - Math.log(c / m2), 1 / a - 1 / m1 + 1 / c - 1 / m2, level);
    }

    /**
     * The odds ratio with its log-scale (Woolf) interval.
     *
     * @param x1 companies with the characteristic in the first group
     * @param n1 companies in the first group
     * @param x2 companies with the characteristic in the second group
     * @param n2 companies in the second group
     * @param level the confidence level, such as 0.95
     * @return the ratio and its interval
     * @throws IllegalArgumentException if a group has {@code n <= 0} or {@code x} outside [0, n], or the level
     *         is not in (0, 1)
     */
    public static Interval oddsRatio(int x1, int n1, int x2, int n2, double level) {
        double[] k = cells(x1, n1, x2, n2);
        return logInterval(Math.log(k[0] / k[1]) - Math.log(k[2] / k[3]), 1 / k[0] + 1 / k[1] + 1 / k[2] + 1 / k[3],
                level);
    }

    /**
     * The standard error of the log risk ratio, \( \sqrt{1/a - 1/n_1 + 1/c - 1/n_2} \) with the same ½ correction
     * as {@link #riskRatio}: metafor's {@code sqrt(escalc("RR", ...)$vi)}.
     *
     * @param x1 companies with the characteristic in the first group
     * @param n1 companies in the first group
     * @param x2 companies with the characteristic in the second group
     * @param n2 companies in the second group
     * @return the standard error on the log scale
     * @throws IllegalArgumentException if a group has {@code n <= 0} or {@code x} outside [0, n]
     */
    public static double logRiskRatioStandardError(int x1, int n1, int x2, int n2) {
        double[] k = cells(x1, n1, x2, n2);
        return Math.sqrt(1 / k[0] - 1 / (k[0] + k[1]) + 1 / k[2] - 1 / (k[2] + k[3]));
    }

    /**
     * The standard error of the log odds ratio, \( \sqrt{1/a + 1/b + 1/c + 1/d} \) with the same ½ correction as
     * {@link #oddsRatio}: metafor's {@code sqrt(escalc("OR", ...)$vi)}.
     *
     * @param x1 companies with the characteristic in the first group
     * @param n1 companies in the first group
     * @param x2 companies with the characteristic in the second group
     * @param n2 companies in the second group
     * @return the standard error on the log scale
     * @throws IllegalArgumentException if a group has {@code n <= 0} or {@code x} outside [0, n]
     */
    public static double logOddsRatioStandardError(int x1, int n1, int x2, int n2) {
        double[] k = cells(x1, n1, x2, n2);
        return Math.sqrt(1 / k[0] + 1 / k[1] + 1 / k[2] + 1 / k[3]);
    }

    /** The cells a, b, c, d, each plus ½ if any is 0. */
    private static double[] cells(int x1, int n1, int x2, int n2) {
        Checks.requireCounts(x1, n1);
        Checks.requireCounts(x2, n2);
        double[] cells = {x1, n1 - x1, x2, n2 - x2};
        if (x1 == 0 || x1 == n1 || x2 == 0 || x2 == n2) {
            for (int i = 0; i < cells.length; i++) {
                cells[i] += 0.5;
            }
        }
        return cells;
    }

    private static Interval logInterval(double log, double variance, double level) {
        double half = Distributions.z(Checks.requireLevel(level)) * Math.sqrt(variance);
        return new Interval(Math.exp(log), Math.exp(log - half), Math.exp(log + half), level);
    }
}
