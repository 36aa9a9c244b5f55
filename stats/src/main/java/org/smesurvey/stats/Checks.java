package org.smesurvey.stats;

import java.util.Locale;

/** The argument checks of this package; each message names the value and the rule. */
final class Checks {
    private Checks() {
    }

    static String format(String template, Object... values) {
        return String.format(Locale.ROOT, template, values);
    }

    static double requireNotNaN(double value, String name) {
        if (!Double.isNaN(value)) {
            return value;
        }
        throw new IllegalArgumentException(capitalise(name) + " is NaN");
    }

    /** A confidence level: in (0, 1). */
    static double requireLevel(double level) {
        if (level > 0 && level < 1) {
            return level;
        }
        throw new IllegalArgumentException("Confidence level is not in (0, 1): " + level);
    }

    /** A probability of error or power: in (0, 1). */
    static double requireOpenUnit(double value, String name) {
        if (value > 0 && value < 1) {
            return value;
        }
        throw new IllegalArgumentException(format("%s is not in (0, 1): %s", capitalise(name), value));
    }

    static double requireProportion(double value, String name) {
        if (value >= 0 && value <= 1) {
            return value;
        }
        throw new IllegalArgumentException(format("%s is not in [0, 1]: %s", capitalise(name), value));
    }

    static double requirePositive(double value, String name) {
        if (value > 0 && value < Double.POSITIVE_INFINITY) {
            return value;
        }
        throw new IllegalArgumentException(format("%s is not a positive finite number: %s", capitalise(name), value));
    }

    /** Counts of a binomial sample: {@code 0 <= x <= n}, {@code n > 0}; real values allowed (effective samples). */
    static void requireCounts(double x, double n) {
        if (!(n > 0 && n < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("n is not a positive finite number: " + n);
        }
        if (!(x >= 0 && x <= n)) {
            throw new IllegalArgumentException(format("x is not in [0, n]: x = %s, n = %s", x, n));
        }
    }

    static String capitalise(String name) {
        return name.length() < 2 ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
