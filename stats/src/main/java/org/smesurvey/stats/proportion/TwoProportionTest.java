package org.smesurvey.stats.proportion;

import org.smesurvey.stats.EffectiveSample;
import org.smesurvey.stats.TestResult;
import org.smesurvey.stats.internal.Distributions;

/**
 * Large-sample tests of \( p_1 = p_2 \) for two independent proportions. For small samples see
 * {@link FisherExactTest}.
 *
 * <p>Below, \( \bar p = (x_1 + x_2)/(n_1 + n_2) \) and \( d = p_1 - p_2 \).
 *
 * <p>References:
 * <ol>
 * <li>Fleiss, J. L., Levin, B. and Paik, M. C. (2003). <i>Statistical Methods for Rates and
 *     Proportions</i>, 3rd ed. Wiley, §6.2 (z and χ² tests).</li>
 * <li>Yates, F. (1934). Contingency tables involving small numbers and the χ² test. <i>Supplement to the
 *     Journal of the Royal Statistical Society</i> 1, 217–235.</li>
 * </ol>
 *
 * <p>Results agree with R 4.2 {@code prop.test} and {@code chisq.test}, and statsmodels 0.13.5
 * {@code test_proportions_2indep(method="wald")}; the tests quote the calls.
 *
 * @since 0.1
 */
public enum TwoProportionTest {

    /** \( z = d / \sqrt{\bar p\bar q(1/n_1 + 1/n_2)} \); its square is the χ² statistic without correction. */
    Z_POOLED("z test, pooled variance") {
        @Override
        TestResult test(double x1, double n1, double x2, double n2) {
            double p = (x1 + x2) / (n1 + n2);
            return normal(x1 / n1 - x2 / n2, Math.sqrt(p * (1 - p) * (1 / n1 + 1 / n2)));
        }
    },

    /** \( z = d / \sqrt{p_1q_1/n_1 + p_2q_2/n_2} \) (Wald). */
    Z_UNPOOLED("z test, unpooled variance") {
        @Override
        TestResult test(double x1, double n1, double x2, double n2) {
            double p1 = x1 / n1;
            double p2 = x2 / n2;
            return normal(p1 - p2, Math.sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2));
        }
    },

    /** Pearson's χ² on the 2×2 table, 1 degree of freedom; R's {@code prop.test(..., correct = FALSE)}. */
    CHI_SQUARE("Pearson χ²") {
        @Override
        TestResult test(double x1, double n1, double x2, double n2) {
            return chiSquare(x1, n1, x2, n2, 0);
        }
    },

    /**
     * Pearson's χ² with Yates' continuity correction [2], as R applies it: each \( |O - E| \) is reduced by
     * \( \min(\tfrac12, |O - E|) \); R's {@code prop.test(..., correct = TRUE)} and {@code chisq.test}.
     */
    CHI_SQUARE_YATES("Pearson χ² with Yates' continuity correction") {
        @Override
        TestResult test(double x1, double n1, double x2, double n2) {
            return chiSquare(x1, n1, x2, n2, 0.5);
        }
    };

    private final String description;

    TwoProportionTest(String description) {
        this.description = description;
    }

    /**
     * Tests \( p_1 = p_2 \).
     *
     * @param x1 companies with the characteristic in the first group
     * @param n1 companies in the first group
     * @param x2 companies with the characteristic in the second group
     * @param n2 companies in the second group
     * @return the statistic and its two-sided p-value
     * @throws IllegalArgumentException if a group has {@code n <= 0} or {@code x} outside [0, n], or the
     *         statistic is undefined (no variance: both proportions 0, or both 1, for the pooled tests; both
     *         groups at 0 or 1 for the unpooled one)
     */
    public TestResult test(int x1, int n1, int x2, int n2) {
        return test(EffectiveSample.of(x1, n1), EffectiveSample.of(x2, n2));
    }

    /**
     * Tests \( p_1 = p_2 \) for two effective samples.
     *
     * @param first the first group
     * @param second the second group
     * @return the statistic and its two-sided p-value
     * @throws IllegalArgumentException if the statistic is undefined (no variance)
     */
    public TestResult test(EffectiveSample first, EffectiveSample second) {
        TestResult result = test(first.successes(), first.size(), second.successes(), second.size());
        return new TestResult(description, result.statistic(), result.degreesOfFreedom(),
                result.denominatorDegreesOfFreedom(), result.pValue());
    }

    abstract TestResult test(double x1, double n1, double x2, double n2);

    private static TestResult normal(double difference, double standardError) {
        if (!(standardError > 0)) {
            throw new IllegalArgumentException("The test is undefined: the proportions have no variance");
        }
        double z = difference / standardError;
        return TestResult.normal("", z, Distributions.normalTwoSided(z));
    }

    private static TestResult chiSquare(double x1, double n1, double x2, double n2, double yates) {
        double n = n1 + n2;
        double p = (x1 + x2) / n;
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("The test is undefined: the proportions have no variance");
        }
        double[] observed = {x1, n1 - x1, x2, n2 - x2};
        double[] expected = {n1 * p, n1 * (1 - p), n2 * p, n2 * (1 - p)};
        // |O - E| is the same in the four cells of a 2×2 table.
        double deviation = Math.abs(observed[0] - expected[0]);
        double correction = Math.min(yates, deviation);
        double statistic = 0;
        for (int i = 0; i < 4; i++) {
            double d = Math.abs(observed[i] - expected[i]) - correction;
            statistic += d * d / expected[i];
        }
        return TestResult.of("", statistic, 1, Distributions.chiSquareUpperTail(statistic, 1));
    }
}
