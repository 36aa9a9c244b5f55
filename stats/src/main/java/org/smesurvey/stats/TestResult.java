package org.smesurvey.stats;

import org.smesurvey.stats.internal.Checks;

import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The outcome of a significance test: the library's one {@link SignificanceResult} value.
 *
 * @param method what was computed, such as "Pearson χ² with Yates' continuity correction"
 * @param statistic the test statistic
 * @param degreesOfFreedom its degrees of freedom (the numerator's for F), empty for a normal statistic
 * @param denominatorDegreesOfFreedom the denominator's degrees of freedom of an F statistic, empty otherwise
 * @param pValue the p-value, in [0, 1]
 * @since 0.1
 */
public record TestResult(String method, double statistic, OptionalDouble degreesOfFreedom,
        OptionalDouble denominatorDegreesOfFreedom, double pValue) implements SignificanceResult {

    /**
     * Validates the result.
     *
     * @param method what was computed
     * @param statistic the test statistic
     * @param degreesOfFreedom its degrees of freedom, empty for a normal statistic
     * @param denominatorDegreesOfFreedom the denominator's degrees of freedom of an F statistic, empty otherwise
     * @param pValue the p-value, in [0, 1]
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the statistic is NaN, a degree of freedom is negative or not finite
     *         (0 is a test with nothing left to test, such as Q of a single study), there is a
     *         denominator's without a numerator's, or the p-value is not in [0, 1]
     */
    public TestResult {
        Objects.requireNonNull(method, "method");
        Checks.requireNotNaN(statistic, "statistic");
        Objects.requireNonNull(degreesOfFreedom, "degreesOfFreedom").ifPresent(df -> requireDegrees(df,
                "degrees of freedom"));
        Objects.requireNonNull(denominatorDegreesOfFreedom, "denominatorDegreesOfFreedom")
                .ifPresent(df -> requireDegrees(df, "denominator degrees of freedom"));
        if (denominatorDegreesOfFreedom.isPresent() && degreesOfFreedom.isEmpty()) {
            throw new IllegalArgumentException("Denominator degrees of freedom without numerator degrees of freedom");
        }
        Checks.requireProportion(pValue, "p-value");
    }

    private static void requireDegrees(double df, String name) {
        if (!(df >= 0 && df < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(Checks.format("%s are not a finite number of 0 or more: %s",
                    Character.toUpperCase(name.charAt(0)) + name.substring(1), df));
        }
    }

    /**
     * A normal (z) test: no degrees of freedom.
     *
     * @param method what was computed
     * @param z the statistic
     * @param pValue the p-value
     * @return the result
     */
    public static TestResult normal(String method, double z, double pValue) {
        return new TestResult(method, z, OptionalDouble.empty(), OptionalDouble.empty(), pValue);
    }

    /**
     * A test whose statistic has one number of degrees of freedom: χ², t.
     *
     * @param method what was computed
     * @param statistic the statistic
     * @param degreesOfFreedom its degrees of freedom, 0 or more
     * @param pValue the p-value
     * @return the result
     */
    public static TestResult of(String method, double statistic, double degreesOfFreedom, double pValue) {
        return new TestResult(method, statistic, OptionalDouble.of(degreesOfFreedom), OptionalDouble.empty(), pValue);
    }

    /**
     * An F test.
     *
     * @param method what was computed
     * @param f the statistic
     * @param numerator the numerator's degrees of freedom
     * @param denominator the denominator's degrees of freedom
     * @param pValue the p-value
     * @return the result
     */
    public static TestResult f(String method, double f, double numerator, double denominator, double pValue) {
        return new TestResult(method, f, OptionalDouble.of(numerator), OptionalDouble.of(denominator), pValue);
    }

    /**
     * The result as one line; see {@link SignificanceResult#summary()}.
     *
     * @return the line
     */
    @Override
    public String toString() {
        return summary();
    }

    /**
     * Named results as a table with columns {@code name, method, statistic, df, p_value} ({@code df} missing
     * for normal statistics; the numerator's for F), in the map's iteration order.
     *
     * @param results results by name
     * @return the table
     */
    public static Table table(Map<String, ? extends SignificanceResult> results) {
        Objects.requireNonNull(results, "results");
        Table table = Table.create("tests", StringColumn.create("name"), StringColumn.create("method"),
                DoubleColumn.create("statistic"), DoubleColumn.create("df"), DoubleColumn.create("p_value"));
        results.forEach((name, result) -> {
            table.stringColumn("name").append(name);
            table.stringColumn("method").append(result.method());
            table.doubleColumn("statistic").append(result.statistic());
            if (result.degreesOfFreedom().isEmpty()) {
                table.doubleColumn("df").appendMissing();
            } else {
                table.doubleColumn("df").append(result.degreesOfFreedom().getAsDouble());
            }
            table.doubleColumn("p_value").append(result.pValue());
        });
        return table;
    }
}
