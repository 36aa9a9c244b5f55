package org.smesurvey.stats.proportion;

import java.util.Objects;
import org.smesurvey.stats.EffectiveSample;
import org.smesurvey.stats.internal.Distributions;
import org.smesurvey.stats.internal.Checks;

import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * How many companies a survey needs: for a target precision of one proportion, or for the power to detect a
 * difference between two (an 80-company study against a 2,600-company one has little power for differences
 * of a few points).
 *
 * <p>Power of the two-sided z test of \( p_1 = p_2 \) with the pooled variance under the null hypothesis
 * and the unpooled one under the alternative [1, §4.2]:
 * \[ 1 - β = Φ\Big(\frac{|Δ| - z_{1-α/2}σ_0}{σ_1}\Big) + Φ\Big(\frac{-|Δ| - z_{1-α/2}σ_0}{σ_1}\Big),\quad
 *    σ_0^2 = \bar p\bar q\Big(\frac1{n_1} + \frac1{n_2}\Big),\quad
 *    σ_1^2 = \frac{p_1q_1}{n_1} + \frac{p_2q_2}{n_2}, \]
 * with \( \bar p = (n_1p_1 + n_2p_2)/(n_1 + n_2) \). Both tails count, as R's
 * {@code power.prop.test(strict = TRUE)} and statsmodels' {@code power_proportions_2indep}.
 *
 * <p>References:
 * <ol>
 * <li>Fleiss, J. L., Levin, B. and Paik, M. C. (2003). <i>Statistical Methods for Rates and
 *     Proportions</i>, 3rd ed. Wiley, §2.5 and §4.2.</li>
 * <li>Kish, L. (1965). <i>Survey Sampling</i>. Wiley, §2.6 (sample size for a proportion) and §8.2 (design
 *     effect).</li>
 * </ol>
 *
 * @since 0.1
 */
public final class StudyPlanning {

    private static final int MAX_EVALUATIONS = 10_000;

    private StudyPlanning() {
    }

    /**
     * The companies needed for a Wald interval of half-width {@code halfWidth} around an expected proportion
     * [2]: \( \lceil z^2 p(1-p)\,\mathrm{deff} / E^2 \rceil \).
     *
     * @param proportion the expected proportion (0.5 for the most cautious plan)
     * @param halfWidth the target half-width, such as 0.03 for ±3 points
     * @param level the confidence level, such as 0.95
     * @param designEffect the survey's design effect, 1 for simple random sampling
     * @return the sample size, at least 1
     * @throws IllegalArgumentException if the proportion is not in [0, 1], the half-width not in (0, 1), the
     *         level not in (0, 1), or the design effect not positive
     */
    public static int sampleSizeForHalfWidth(double proportion, double halfWidth, double level, double designEffect) {
        Checks.requireProportion(proportion, "proportion");
        Checks.requireOpenUnit(halfWidth, "half-width");
        Checks.requirePositive(designEffect, "design effect");
        double z = Distributions.z(Checks.requireLevel(level));
        return Math.max(1, (int) Math.ceil(z * z * proportion * (1 - proportion) * designEffect / (halfWidth * halfWidth)));
    }

    /**
     * The smallest number of companies for which {@code method}'s interval around {@code proportion} is no
     * wider than {@code 2 * halfWidth}, the expected count being {@code proportion * n}.
     *
     * @param method the interval method the study will report
     * @param proportion the expected proportion
     * @param halfWidth the target half-width
     * @param level the confidence level
     * @return the sample size
     * @throws IllegalArgumentException if the proportion is not in [0, 1], the half-width not in (0, 1), the
     *         level not in (0, 1), or no sample of fewer than 2^30 companies reaches the target
     */
    public static int sampleSizeForHalfWidth(ProportionInterval method, double proportion, double halfWidth,
            double level) {
        Objects.requireNonNull(method, "method");
        Checks.requireProportion(proportion, "proportion");
        Checks.requireOpenUnit(halfWidth, "half-width");
        Checks.requireLevel(level);
        int high = 1;
        while (!narrowEnough(method, proportion, high, halfWidth, level)) {
            if (high >= 1 << 30) {
                throw new IllegalArgumentException(Checks.format(
                        "No sample of fewer than 2^30 companies gives %s a half-width of %s", method, halfWidth));
            }
            high *= 2;
        }
        int low = high / 2;
        while (high - low > 1) {
            int mid = (low + high) >>> 1;
            if (narrowEnough(method, proportion, mid, halfWidth, level)) {
                high = mid;
            } else {
                low = mid;
            }
        }
        return high;
    }

    private static boolean narrowEnough(ProportionInterval method, double p, int n, double halfWidth, double level) {
        return method.of(new EffectiveSample(p * n, n), level).width() <= 2 * halfWidth;
    }

    /**
     * The power of the two-sided z test to detect \( p_1 \ne p_2 \) with {@code n1} and {@code n2} companies.
     *
     * @param p1 the proportion in the first group
     * @param p2 the proportion in the second group
     * @param n1 companies in the first group
     * @param n2 companies in the second group
     * @param alpha the significance level, such as 0.05
     * @return the power, in (0, 1]
     * @throws IllegalArgumentException if a proportion is not in (0, 1), a size not positive, or alpha not in
     *         (0, 1)
     */
    public static double power(double p1, double p2, double n1, double n2, double alpha) {
        Checks.requireOpenUnit(p1, "p1");
        Checks.requireOpenUnit(p2, "p2");
        Checks.requirePositive(n1, "n1");
        Checks.requirePositive(n2, "n2");
        double z = Distributions.normalQuantile(1 - Checks.requireOpenUnit(alpha, "alpha") / 2);
        double pooled = (n1 * p1 + n2 * p2) / (n1 + n2);
        double sigma0 = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
        double sigma1 = Math.sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2);
        double d = Math.abs(p1 - p2);
        return Distributions.normalCdf((d - z * sigma0) / sigma1) + Distributions.normalCdf((-d - z * sigma0) / sigma1);
    }

    /**
     * The size of the first group for which the test reaches {@code power}, the second group being
     * {@code ratio} times larger; not rounded up.
     *
     * @param p1 the proportion in the first group
     * @param p2 the proportion in the second group, different from {@code p1}
     * @param ratio {@code n2 / n1}
     * @param alpha the significance level
     * @param power the target power, such as 0.8
     * @return {@code n1}
     * @throws IllegalArgumentException if an argument is out of range or {@code p1 == p2}
     */
    public static double sampleSizeForPower(double p1, double p2, double ratio, double alpha, double power) {
        Checks.requirePositive(ratio, "ratio");
        Checks.requireOpenUnit(power, "power");
        if (p1 == p2) {
            throw new IllegalArgumentException("p1 equals p2: no sample detects a difference of 0");
        }
        UnivariateFunction shortfall = n -> power(p1, p2, n, ratio * n, alpha) - power;
        double high = 2;
        while (shortfall.value(high) < 0) {
            high *= 2;
            if (high > 1e15) {
                throw new IllegalArgumentException("No sample reaches power " + power);
            }
        }
        return solve(shortfall, Math.min(1e-3, high / 2), high);
    }

    /**
     * The proportion above {@code p2} that a study of {@code n1} companies would detect with this power
     * against one of {@code n2}: the minimum detectable effect.
     *
     * @param p2 the proportion in the second group
     * @param n1 companies in the first group
     * @param n2 companies in the second group
     * @param alpha the significance level
     * @param power the target power
     * @return the smallest \( p_1 > p_2 \) detected with that power
     * @throws IllegalArgumentException if an argument is out of range, or even \( p_1 \to 1 \) does not reach
     *         the power
     */
    public static double detectableProportion(double p2, double n1, double n2, double alpha, double power) {
        Checks.requireOpenUnit(power, "power");
        double top = 1 - 1e-12;
        UnivariateFunction shortfall = p1 -> power(p1, p2, n1, n2, alpha) - power;
        if (shortfall.value(top) < 0) {
            throw new IllegalArgumentException(Checks.format(
                    "Even a proportion of 1 against %s is not detected with power %s by %s and %s companies", p2,
                    power, n1, n2));
        }
        return solve(shortfall, p2 + 1e-12, top);
    }

    /**
     * The power against each alternative {@code p1} as a table with columns {@code p1, p2, n1, n2, power}: a
     * power curve, to see which differences a pair of studies can detect.
     *
     * @param p2 the proportion in the second group
     * @param n1 companies in the first group
     * @param n2 companies in the second group
     * @param alpha the significance level
     * @param p1 the alternatives
     * @return the table
     * @throws IllegalArgumentException as {@link #power(double, double, double, double, double)}
     */
    public static Table powerCurve(double p2, double n1, double n2, double alpha, double... p1) {
        Objects.requireNonNull(p1, "p1");
        Table table = Table.create("power", DoubleColumn.create("p1"), DoubleColumn.create("p2"),
                DoubleColumn.create("n1"), DoubleColumn.create("n2"), DoubleColumn.create("power"));
        for (double p : p1) {
            double power = power(p, p2, n1, n2, alpha);
            table.doubleColumn("p1").append(p);
            table.doubleColumn("p2").append(p2);
            table.doubleColumn("n1").append(n1);
            table.doubleColumn("n2").append(n2);
            table.doubleColumn("power").append(power);
        }
        return table;
    }

    private static double solve(UnivariateFunction f, double min, double max) {
        return new BrentSolver(1e-15, 1e-300).solve(MAX_EVALUATIONS, f, min, max);
    }
}
