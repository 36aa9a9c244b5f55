package org.smesurvey.stats;

import java.util.Objects;

/**
 * The outcome of a significance test.
 *
 * @param method what was computed, such as "Pearson χ² with Yates' continuity correction"
 * @param statistic the test statistic
 * @param degreesOfFreedom its degrees of freedom, NaN for a normal statistic
 * @param pValue the two-sided p-value, in [0, 1]
 * @since 0.1
 */
public record TestResult(String method, double statistic, double degreesOfFreedom, double pValue) {

    /**
     * Validates the result.
     *
     * @param method what was computed
     * @param statistic the test statistic
     * @param degreesOfFreedom its degrees of freedom, NaN for a normal statistic
     * @param pValue the two-sided p-value, in [0, 1]
     * @throws NullPointerException if the method is null
     * @throws IllegalArgumentException if the statistic is NaN or the p-value is not in [0, 1]
     */
    public TestResult {
        Objects.requireNonNull(method, "method");
        Checks.requireNotNaN(statistic, "statistic");
        Checks.requireProportion(pValue, "p-value");
    }

    /**
     * Whether the result is significant at this level of error.
     *
     * @param alpha the error rate, such as 0.05
     * @return {@code true} if {@code pValue < alpha}
     * @throws IllegalArgumentException if {@code alpha} is not in (0, 1)
     */
    public boolean significantAt(double alpha) {
        return pValue < Checks.requireOpenUnit(alpha, "alpha");
    }
}
