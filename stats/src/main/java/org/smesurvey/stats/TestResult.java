package org.smesurvey.stats;

import org.smesurvey.stats.internal.Checks;

import java.util.Map;
import java.util.Objects;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

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

    /**
     * Named results as a table with columns {@code name, method, statistic, df, p_value} ({@code df} missing
     * for normal statistics), in the map's iteration order.
     *
     * @param results results by name
     * @return the table
     */
    public static Table table(Map<String, TestResult> results) {
        Table table = Table.create("tests", StringColumn.create("name"), StringColumn.create("method"),
                DoubleColumn.create("statistic"), DoubleColumn.create("df"), DoubleColumn.create("p_value"));
        results.forEach((name, result) -> {
            table.stringColumn("name").append(name);
            table.stringColumn("method").append(result.method());
            table.doubleColumn("statistic").append(result.statistic());
            if (Double.isNaN(result.degreesOfFreedom())) {
                table.doubleColumn("df").appendMissing();
            } else {
                table.doubleColumn("df").append(result.degreesOfFreedom());
            }
            table.doubleColumn("p_value").append(result.pValue());
        });
        return table;
    }
}
