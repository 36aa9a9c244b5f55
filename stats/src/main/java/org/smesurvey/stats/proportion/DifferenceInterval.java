package org.smesurvey.stats.proportion;

import org.smesurvey.stats.EffectiveSample;
import org.smesurvey.stats.Interval;
import org.smesurvey.stats.internal.Distributions;
import org.smesurvey.stats.internal.Checks;

import java.util.Objects;
import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.solvers.BrentSolver;

/**
 * Confidence intervals for the difference of two independent proportions, \( p_1 - p_2 \).
 *
 * <p>References:
 * <ol>
 * <li>Newcombe, R. G. (1998). Interval estimation for the difference between independent proportions:
 *     comparison of eleven methods. <i>Statistics in Medicine</i> 17, 873–890 (method 10).</li>
 * <li>Agresti, A. and Caffo, B. (2000). Simple and effective confidence intervals for proportions and
 *     differences of proportions result from adding two successes and two failures. <i>The American
 *     Statistician</i> 54, 280–288.</li>
 * <li>Miettinen, O. and Nurminen, M. (1985). Comparative analysis of two rates. <i>Statistics in
 *     Medicine</i> 4, 213–226. doi:10.1002/sim.4780040211</li>
 * <li>Farrington, C. P. and Manning, G. (1990). Test statistics and sample size formulae for comparative
 *     binomial trials with null hypothesis of non-zero risk difference or non-unity relative risk.
 *     <i>Statistics in Medicine</i> 9, 1447–1454 (the closed form of the restricted estimates).</li>
 * <li>Fagerland, M. W., Lydersen, S. and Laake, P. (2015). Recommended confidence intervals for two
 *     independent binomial proportions. <i>Statistical Methods in Medical Research</i> 24, 224–254.
 *     doi:10.1177/0962280211415469</li>
 * <li>Mee, R. W. (1984). Confidence bounds for the difference between two probabilities (letter).
 *     <i>Biometrics</i> 40, 1175–1176.</li>
 * </ol>
 *
 * <p>Results agree with R 4.2 {@code prop.test} (Wald, with and without its continuity correction),
 * statsmodels 0.13.5 {@code confint_proportions_2indep} (Newcombe, Agresti–Caffo) and an R computation of the
 * Miettinen–Nurminen and Mee intervals from their definition (statsmodels 0.13.5's score intervals are wrong:
 * their restricted estimates use a wrong coefficient, and {@code correction = False} is ignored for a
 * difference); the tests quote each.
 *
 * @since 0.1
 */
public enum DifferenceInterval {

    /**
     * Wald: \( p_1 - p_2 \pm z\sqrt{p_1q_1/n_1 + p_2q_2/n_2} \), clipped to [−1, 1]; R's
     * {@code prop.test(c(x1, x2), c(n1, n2), correct = FALSE)$conf.int}. Too narrow for small samples [5].
     */
    WALD {
        @Override
        double[] limits(double x1, double n1, double x2, double n2, double level) {
            return wald(x1, n1, x2, n2, Distributions.z(level));
        }
    },

    /**
     * Wald with R's continuity correction, {@code prop.test(c(x1, x2), c(n1, n2), correct = TRUE)$conf.int}:
     * \[ d \pm \Big(z\sqrt{p_1q_1/n_1 + p_2q_2/n_2} + c\Big),\qquad
     *    c = \min\Big(\tfrac12\Big(\frac1{n_1} + \frac1{n_2}\Big),\ |d|\Big), \]
     * clipped to [−1, 1]. The correction of ½ per group is Newcombe's method 2 [1]; R caps it at \( |d| \), so
     * that it vanishes when the proportions are equal.
     */
    WALD_CONTINUITY_R {
        @Override
        double[] limits(double x1, double n1, double x2, double n2, double level) {
            double p1 = x1 / n1;
            double p2 = x2 / n2;
            double d = p1 - p2;
            double correction = Math.min(0.5 * (1 / n1 + 1 / n2), Math.abs(d));
            double half = Distributions.z(level) * Math.sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2) + correction;
            return new double[] {Math.max(-1, d - half), Math.min(1, d + half)};
        }
    },

    /**
     * Newcombe's hybrid score interval [1], from the Wilson intervals \( (l_i, u_i) \) of each proportion:
     * \[ d - \sqrt{(p_1 - l_1)^2 + (u_2 - p_2)^2},\quad d + \sqrt{(u_1 - p_1)^2 + (p_2 - l_2)^2}. \]
     */
    NEWCOMBE {
        @Override
        double[] limits(double x1, double n1, double x2, double n2, double level) {
            double z = Distributions.z(level);
            double p1 = x1 / n1;
            double p2 = x2 / n2;
            double[] w1 = ProportionInterval.WILSON.limits(x1, n1, z);
            double[] w2 = ProportionInterval.WILSON.limits(x2, n2, z);
            double d = p1 - p2;
            return new double[] {d - Math.hypot(p1 - w1[0], w2[1] - p2), d + Math.hypot(w1[1] - p1, p2 - w2[0])};
        }
    },

    /**
     * Agresti–Caffo [2]: the Wald interval after adding one success and one failure to each group, clipped
     * to [−1, 1].
     */
    AGRESTI_CAFFO {
        @Override
        double[] limits(double x1, double n1, double x2, double n2, double level) {
            return wald(x1 + 1, n1 + 2, x2 + 1, n2 + 2, Distributions.z(level));
        }
    },

    /**
     * Miettinen–Nurminen score interval [3]: the differences \( δ \) with
     * \[ \frac{(p_1 - p_2 - δ)^2}{\big(\tilde p_1\tilde q_1/n_1 + \tilde p_2\tilde q_2/n_2\big)\frac{N}{N - 1}}
     *    \le χ^2_{1,\,1-α}, \]
     * where \( \tilde p_i \) are the maximum-likelihood proportions under \( p_1 - p_2 = δ \) (the closed
     * form of [4]) and \( N = n_1 + n_2 \). Recommended by [5]. The limits are found by Brent's method to
     * an absolute accuracy of 1e-15.
     */
    MIETTINEN_NURMINEN {
        @Override
        double[] limits(double x1, double n1, double x2, double n2, double level) {
            double n = n1 + n2;
            return score(x1, n1, x2, n2, level, n / (n - 1));
        }
    },

    /**
     * Mee's score interval [6]: the Miettinen–Nurminen interval without the factor \( N/(N-1) \),
     * \[ \frac{(p_1 - p_2 - δ)^2}{\tilde p_1\tilde q_1/n_1 + \tilde p_2\tilde q_2/n_2} \le χ^2_{1,\,1-α}, \]
     * with the same restricted proportions \( \tilde p_i \) [3, 4]; Newcombe's method 5 [1]. A little
     * narrower than Miettinen–Nurminen's, the two alike for large samples. The limits are found by Brent's
     * method to an absolute accuracy of 1e-15.
     */
    MEE {
        @Override
        double[] limits(double x1, double n1, double x2, double n2, double level) {
            return score(x1, n1, x2, n2, level, 1);
        }
    };

    private static final int MAX_EVALUATIONS = 10_000;

    /**
     * The interval for {@code x1} of {@code n1} against {@code x2} of {@code n2}.
     *
     * @param x1 companies with the characteristic in the first group
     * @param n1 companies in the first group
     * @param x2 companies with the characteristic in the second group
     * @param n2 companies in the second group
     * @param level the confidence level, such as 0.95
     * @return the interval around \( x_1/n_1 - x_2/n_2 \)
     * @throws IllegalArgumentException if a group has {@code n <= 0} or {@code x} outside [0, n], or the level
     *         is not in (0, 1)
     */
    public Interval of(int x1, int n1, int x2, int n2, double level) {
        return of(EffectiveSample.of(x1, n1), EffectiveSample.of(x2, n2), level);
    }

    /**
     * The interval for two effective samples, such as two weighted survey figures.
     *
     * @param first the first group
     * @param second the second group
     * @param level the confidence level, such as 0.95
     * @return the interval around the difference of their proportions
     * @throws IllegalArgumentException if the level is not in (0, 1)
     */
    public Interval of(EffectiveSample first, EffectiveSample second, double level) {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        Checks.requireLevel(level);
        double[] limits = limits(first.successes(), first.size(), second.successes(), second.size(), level);
        return new Interval(first.proportion() - second.proportion(), limits[0], limits[1], level);
    }

    /**
     * The standard error of the difference, \( \sqrt{p_1q_1/n_1 + p_2q_2/n_2} \), the one the {@link #WALD}
     * interval is built on: R's {@code prop.test}, and metafor's {@code sqrt(escalc("RD", ...)$vi)} when no count
     * is 0 or n (where escalc adds ½ to every cell).
     *
     * @param first the first group
     * @param second the second group
     * @return the standard error
     * @throws NullPointerException if an argument is null
     */
    public static double standardError(EffectiveSample first, EffectiveSample second) {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        double p1 = first.proportion();
        double p2 = second.proportion();
        return Math.sqrt(p1 * (1 - p1) / first.size() + p2 * (1 - p2) / second.size());
    }

    abstract double[] limits(double x1, double n1, double x2, double n2, double level);

    private static double[] wald(double x1, double n1, double x2, double n2, double z) {
        double p1 = x1 / n1;
        double p2 = x2 / n2;
        double half = z * Math.sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2);
        return new double[] {Math.max(-1, p1 - p2 - half), Math.min(1, p1 - p2 + half)};
    }

    /**
     * The score interval: the differences whose statistic, with the restricted variance times
     * {@code varianceFactor}, stays within the χ² quantile.
     */
    private static double[] score(double x1, double n1, double x2, double n2, double level, double varianceFactor) {
        double critical = Math.pow(Distributions.z(level), 2); // the χ² quantile with 1 df
        double d = x1 / n1 - x2 / n2;
        UnivariateFunction excess = delta -> scoreStatistic(x1, n1, x2, n2, delta, varianceFactor) - critical;
        double edge = 1 - 1e-12;
        double lower = d <= -edge || excess.value(-edge) < 0 ? -1 : root(excess, -edge, d);
        double upper = d >= edge || excess.value(edge) < 0 ? 1 : root(excess, d, edge);
        return new double[] {lower, upper};
    }

    /**
     * The score statistic for the hypothesis {@code p1 - p2 = delta}, its restricted variance multiplied by
     * {@code varianceFactor}: N/(N − 1) for Miettinen–Nurminen, 1 for Mee.
     */
    static double scoreStatistic(double x1, double n1, double x2, double n2, double delta, double varianceFactor) {
        double p1 = x1 / n1;
        double p2 = x2 / n2;
        double diff = p1 - p2 - delta;
        if (diff == 0) {
            return 0;
        }
        double[] restricted = restrictedProportions(p1, n1, p2, n2, delta);
        double variance = (restricted[0] * (1 - restricted[0]) / n1 + restricted[1] * (1 - restricted[1]) / n2)
                * varianceFactor;
        return diff * diff / variance;
    }

    /**
     * The maximum-likelihood proportions under {@code p1 - p2 = delta}: the root of a cubic in closed form
     * [3, 4].
     */
    static double[] restrictedProportions(double p1, double n1, double p2, double n2, double delta) {
        double t = n2 / n1;
        double a = 1 + t;
        double b = -(1 + t + p1 + t * p2 + delta * (t + 2));
        double c = delta * delta + delta * (2 * p1 + t + 1) + p1 + t * p2;
        double d = -p1 * delta * (1 + delta);
        double v = Math.pow(b / (3 * a), 3) - b * c / (6 * a * a) + d / (2 * a);
        double s = Math.sqrt(Math.max(0, Math.pow(b / (3 * a), 2) - c / (3 * a)));
        double u = v > 0 ? s : -s;
        double cosine = u == 0 ? 0 : Math.max(-1, Math.min(1, v / (u * u * u)));
        double w = (Math.PI + Math.acos(cosine)) / 3;
        double restricted1 = 2 * u * Math.cos(w) - b / (3 * a);
        double q1 = Math.max(0, Math.min(1, restricted1));
        return new double[] {q1, Math.max(0, Math.min(1, q1 - delta))};
    }

    private static double root(UnivariateFunction f, double min, double max) {
        return new BrentSolver(0, 1e-15).solve(MAX_EVALUATIONS, f, min, max);
    }
}
