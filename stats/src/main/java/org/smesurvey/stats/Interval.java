package org.smesurvey.stats;

import java.util.Objects;
import org.smesurvey.stats.internal.Distributions;
import org.smesurvey.stats.internal.Checks;
import org.smesurvey.stats.internal.Formats;

import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A confidence interval around an estimate.
 *
 * <p>The estimate need not be the centre, and for some methods (Wald, Agresti–Coull) it need not lie
 * inside; the limits are ordered.
 *
 * @param estimate the point estimate
 * @param lower the lower limit
 * @param upper the upper limit, at least {@code lower}
 * @param level the confidence level, in (0, 1), such as 0.95
 * @since 0.1
 */
public record Interval(double estimate, double lower, double upper, double level) {

    /**
     * Validates the interval.
     *
     * @param estimate the point estimate
     * @param lower the lower limit
     * @param upper the upper limit, at least {@code lower}
     * @param level the confidence level, in (0, 1), such as 0.95
     * @throws IllegalArgumentException if a value is NaN, the limits are not ordered, or the level is not
     *         in (0, 1)
     */
    public Interval {
        Checks.requireNotNaN(estimate, "estimate");
        Checks.requireNotNaN(lower, "lower limit");
        Checks.requireNotNaN(upper, "upper limit");
        if (lower > upper) {
            throw new IllegalArgumentException(Checks.format("Interval limits are not ordered: %s > %s", lower, upper));
        }
        Checks.requireLevel(level);
    }

    /**
     * The normal (Wald) interval \( \hat θ \pm z_{1-α/2}\,\mathrm{se} \), optionally clipped to a range such as
     * [0, 1] for a proportion.
     *
     * @param estimate the estimate
     * @param standardError its standard error, 0 or more
     * @param level the confidence level, such as 0.95
     * @param min the smallest limit allowed ({@code Double.NEGATIVE_INFINITY} for none)
     * @param max the largest limit allowed ({@code Double.POSITIVE_INFINITY} for none)
     * @return the interval
     * @throws IllegalArgumentException if the standard error is negative or not finite, or the level is not in
     *         (0, 1)
     */
    public static Interval normal(double estimate, double standardError, double level, double min, double max) {
        if (!(standardError >= 0 && standardError < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("Standard error is not a finite number of at least 0: " + standardError);
        }
        double half = Distributions.z(Checks.requireLevel(level)) * standardError;
        return new Interval(estimate, Math.max(min, estimate - half), Math.min(max, estimate + half), level);
    }

    /**
     * The distance between the limits.
     *
     * @return {@code upper - lower}
     */
    public double width() {
        return upper - lower;
    }

    /**
     * Whether a value lies within the limits, both included.
     *
     * @param value a value
     * @return {@code true} if {@code lower <= value <= upper}
     */
    public boolean contains(double value) {
        return value >= lower && value <= upper;
    }

    /**
     * Named intervals as a table with columns {@code label, estimate, lower, upper, level}, in the map's
     * iteration order.
     *
     * @param intervals intervals by label
     * @return the table
     */
    public static Table table(Map<String, Interval> intervals) {
        Objects.requireNonNull(intervals, "intervals");
        Table table = Table.create("intervals", StringColumn.create("label"), DoubleColumn.create("estimate"),
                DoubleColumn.create("lower"), DoubleColumn.create("upper"), DoubleColumn.create("level"));
        intervals.forEach((label, interval) -> {
            table.stringColumn("label").append(label);
            table.doubleColumn("estimate").append(interval.estimate());
            table.doubleColumn("lower").append(interval.lower());
            table.doubleColumn("upper").append(interval.upper());
            table.doubleColumn("level").append(interval.level());
        });
        return table;
    }

    /**
     * The interval as one line, four significant digits: {@code 0.452 [0.401, 0.503], 95 % CI}.
     *
     * @return the line
     */
    public String summary() {
        return Formats.number(estimate) + " [" + Formats.number(lower) + ", " + Formats.number(upper) + "], "
                + Formats.number(100 * level) + " % CI";
    }
}
