package org.smesurvey.stats.internal;

import java.util.Locale;

/**
 * The argument checks of the stats packages; each message names the value and the rule, and NaN fails every
 * range check.
 *
 * @since 0.1
 */
public final class Checks {
    private Checks() {
    }

    /**
     * Formats with {@link Locale#ROOT}.
     *
     * @param template a {@link String#format} template
     * @param values its values
     * @return the text
     */
    public static String format(String template, Object... values) {
        return String.format(Locale.ROOT, template, values);
    }

    /**
     * Rejects NaN.
     *
     * @param value the value
     * @param name its name in the message
     * @return the value
     * @throws IllegalArgumentException if it is NaN
     */
    public static double requireNotNaN(double value, String name) {
        if (!Double.isNaN(value)) {
            return value;
        }
        throw new IllegalArgumentException(capitalise(name) + " is NaN");
    }

    /**
     * A confidence level: in (0, 1).
     *
     * @param level the level
     * @return the level
     * @throws IllegalArgumentException if it is not in (0, 1)
     */
    public static double requireLevel(double level) {
        if (level > 0 && level < 1) {
            return level;
        }
        throw new IllegalArgumentException("Confidence level is not in (0, 1): " + level);
    }

    /**
     * A value in the open interval (0, 1), such as an error rate or a power.
     *
     * @param value the value
     * @param name its name in the message
     * @return the value
     * @throws IllegalArgumentException if it is not in (0, 1)
     */
    public static double requireOpenUnit(double value, String name) {
        if (value > 0 && value < 1) {
            return value;
        }
        throw new IllegalArgumentException(format("%s is not in (0, 1): %s", capitalise(name), value));
    }

    /**
     * A proportion: in [0, 1].
     *
     * @param value the value
     * @param name its name in the message
     * @return the value
     * @throws IllegalArgumentException if it is not in [0, 1]
     */
    public static double requireProportion(double value, String name) {
        if (value >= 0 && value <= 1) {
            return value;
        }
        throw new IllegalArgumentException(format("%s is not in [0, 1]: %s", capitalise(name), value));
    }

    /**
     * A positive finite number.
     *
     * @param value the value
     * @param name its name in the message
     * @return the value
     * @throws IllegalArgumentException if it is not positive and finite
     */
    public static double requirePositive(double value, String name) {
        if (value > 0 && value < Double.POSITIVE_INFINITY) {
            return value;
        }
        throw new IllegalArgumentException(format("%s is not a positive finite number: %s", capitalise(name), value));
    }

    /**
     * The counts of a binomial sample, possibly non-integer (effective samples): {@code 0 <= x <= n},
     * {@code n > 0}.
     *
     * @param x the successes
     * @param n the size
     * @throws IllegalArgumentException if they are not such counts
     */
    public static void requireCounts(double x, double n) {
        if (!(n > 0 && n < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("n is not a positive finite number: " + n);
        }
        if (!(x >= 0 && x <= n)) {
            throw new IllegalArgumentException(format("x is not in [0, n]: x = %s, n = %s", x, n));
        }
    }

    private static String capitalise(String name) {
        // Single letters are symbols (n, x) and keep their case.
        return name.length() < 2 ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
