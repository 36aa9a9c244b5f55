package org.smesurvey.stats;

import java.util.OptionalDouble;
import org.smesurvey.stats.internal.Checks;
import org.smesurvey.stats.internal.Formats;

/**
 * The one contract of every significance test here, as Apache Commons Statistics' {@code SignificanceResult}:
 * the statistic, its degrees of freedom where it has them, and the p-value. A normal (z) statistic and Fisher's
 * exact test have no degrees of freedom, and say so with an empty value rather than NaN; an F statistic has two.
 *
 * <p>Implementations are immutable.
 *
 * @since 0.1
 */
public interface SignificanceResult {

    /**
     * What was computed, in words, such as "Pearson χ² test of equal proportions".
     *
     * @return the test's name
     */
    String method();

    /**
     * The test statistic.
     *
     * @return the statistic
     */
    double statistic();

    /**
     * The degrees of freedom of the statistic's reference distribution (the numerator's for an F statistic).
     *
     * @return the degrees of freedom, empty for a normal statistic or an exact test
     */
    OptionalDouble degreesOfFreedom();

    /**
     * The denominator degrees of freedom of an F statistic.
     *
     * @return the degrees of freedom, empty unless the statistic is F
     */
    default OptionalDouble denominatorDegreesOfFreedom() {
        return OptionalDouble.empty();
    }

    /**
     * The p-value.
     *
     * @return the p-value, in [0, 1]
     */
    double pValue();

    /**
     * Whether the result is significant at this level of error.
     *
     * @param alpha the error rate, such as 0.05
     * @return {@code true} if {@code pValue() < alpha}
     * @throws IllegalArgumentException if {@code alpha} is not in (0, 1)
     */
    default boolean significantAt(double alpha) {
        return pValue() < Checks.requireOpenUnit(alpha, "alpha");
    }

    /**
     * The result as one line, as R prints a test: {@code Pearson χ² test of equal proportions: statistic = 5.12,
     * df = 2, p-value = 0.0773}; four significant digits, p-values below 2.2e-16 shown as such.
     *
     * @return the line
     */
    default String summary() {
        StringBuilder text = new StringBuilder(method()).append(": statistic = ").append(Formats.number(statistic()));
        degreesOfFreedom().ifPresent(df -> {
            OptionalDouble df2 = denominatorDegreesOfFreedom();
            text.append(df2.isPresent() ? ", df = " + Formats.number(df) + " and " + Formats.number(df2.getAsDouble())
                    : ", df = " + Formats.number(df));
        });
        return text.append(", p-value ").append(Formats.pValue(pValue())).toString();
    }
}
