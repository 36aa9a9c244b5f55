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
 * <li>Pettigrew, H. M., Gart, J. J. and Thomas, D. G. (1986). The bias and higher cumulants of the logarithm of
 *     a binomial variate. <i>Biometrika</i> 73, 425–435. doi:10.1093/biomet/73.2.425</li>
 * <li>Gart, J. J. (1966). Alternative analyses of contingency tables. <i>Journal of the Royal Statistical
 *     Society B</i> 28, 164–179.</li>
 * <li>Fagerland, M. W., Lydersen, S. and Laake, P. (2015). Recommended confidence intervals for two
 *     independent binomial proportions. <i>Statistical Methods in Medical Research</i> 24, 224–254.
 *     doi:10.1177/0962280211415469</li>
 * </ol>
 *
 * <p><b>Adjusted intervals.</b> {@link #adjustedRiskRatio} and {@link #adjustedOddsRatio} add ½ always, not
 * only when a cell is 0: statsmodels' {@code "log-adjusted"} and {@code "logit-adjusted"} methods, its defaults
 * for these comparisons; [6] compares them with the unadjusted Katz and Woolf intervals, which are undefined
 * when a cell is 0.
 *
 * <p>Results agree with metafor 3.8 {@code escalc("RR" | "OR", ai, n1i, ci, n2i)} and statsmodels 0.13.5
 * {@code confint_proportions_2indep}; the tests quote the calls.
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
     * The risk ratio with the log-adjusted interval of [4]: ½ added to each count of companies with the
     * characteristic and to each group's size,
     * \[ \log\frac{(x_1 + ½)/(n_1 + ½)}{(x_2 + ½)/(n_2 + ½)} \pm
     *    z\sqrt{\frac1{x_1 + ½} - \frac1{n_1 + ½} + \frac1{x_2 + ½} - \frac1{n_2 + ½}}, \]
     * always, whether or not a count is 0; the estimate is the adjusted ratio, the centre of the interval on the
     * log scale, which is finite for every table. statsmodels' {@code confint_proportions_2indep(x1, n1, x2, n2,
     * compare="ratio", method="log-adjusted")}.
     *
     * @param x1 companies with the characteristic in the first group
     * @param n1 companies in the first group
     * @param x2 companies with the characteristic in the second group
     * @param n2 companies in the second group
     * @param level the confidence level, such as 0.95
     * @return the adjusted ratio and its interval
     * @throws IllegalArgumentException if a group has {@code n <= 0} or {@code x} outside [0, n], or the level
     *         is not in (0, 1)
     */
    public static Interval adjustedRiskRatio(int x1, int n1, int x2, int n2, double level) {
        Checks.requireCounts(x1, n1);
        Checks.requireCounts(x2, n2);
        double a = x1 + 0.5;
        double m1 = n1 + 0.5;
        double c = x2 + 0.5;
        double m2 = n2 + 0.5;
        return logInterval(Math.log(a / m1) - Math.log(c / m2), 1 / a - 1 / m1 + 1 / c - 1 / m2, level);
    }

    /**
     * The odds ratio with the logit-adjusted interval of [5]: ½ added to each of the four cells always
     * (Woolf's interval [2] on the Haldane–Anscombe estimate),
     * \[ \log\frac{(a + ½)(d + ½)}{(b + ½)(c + ½)} \pm
     *    z\sqrt{\frac1{a + ½} + \frac1{b + ½} + \frac1{c + ½} + \frac1{d + ½}}, \]
     * with \( a = x_1, b = n_1 - x_1, c = x_2, d = n_2 - x_2 \); the estimate is the adjusted odds ratio, finite
     * for every table. statsmodels' {@code confint_proportions_2indep(x1, n1, x2, n2, compare="odds-ratio",
     * method="logit-adjusted")}.
     *
     * @param x1 companies with the characteristic in the first group
     * @param n1 companies in the first group
     * @param x2 companies with the characteristic in the second group
     * @param n2 companies in the second group
     * @param level the confidence level, such as 0.95
     * @return the adjusted odds ratio and its interval
     * @throws IllegalArgumentException if a group has {@code n <= 0} or {@code x} outside [0, n], or the level
     *         is not in (0, 1)
     */
    public static Interval adjustedOddsRatio(int x1, int n1, int x2, int n2, double level) {
        Checks.requireCounts(x1, n1);
        Checks.requireCounts(x2, n2);
        double[] k = {x1 + 0.5, n1 - x1 + 0.5, x2 + 0.5, n2 - x2 + 0.5};
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
