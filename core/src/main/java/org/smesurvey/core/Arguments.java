package org.smesurvey.core;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** The argument checks shared by the value types; each message names the value and the rule. */
final class Arguments {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    private Arguments() {
    }

    /** Returns {@code value} stripped; rejects null and anything but letters, digits, '_', '.' and '-'. */
    static String requireIdentifier(String value, String name) {
        String stripped = Objects.requireNonNull(value, name).strip();
        if (IDENTIFIER.matcher(stripped).matches()) {
            return stripped;
        }
        throw new IllegalArgumentException(
                format("%s is not letters, digits, '_', '.' and '-': '%s'", capitalise(name), stripped));
    }

    static String format(String template, Object... values) {
        return String.format(Locale.ROOT, template, values);
    }

    /** Returns {@code value} stripped of surrounding white space; rejects null and blank. */
    static String requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        String stripped = value.strip();
        if (!stripped.isEmpty()) {
            return stripped;
        }
        throw new IllegalArgumentException(format("%s is blank", capitalise(name)));
    }

    /** Returns {@code value} stripped of surrounding white space; rejects null only. */
    static String optionalText(String value, String name) {
        return Objects.requireNonNull(value, name).strip();
    }

    static int requireNonNegative(int value, String name) {
        if (value >= 0) {
            return value;
        }
        throw new IllegalArgumentException(format("%s is negative: %d", capitalise(name), value));
    }

    static int requirePositive(int value, String name) {
        if (value > 0) {
            return value;
        }
        throw new IllegalArgumentException(format("%s is not positive: %d", capitalise(name), value));
    }

    /** Rejects NaN and values outside [0, 1]. */
    static double requireProportion(double value, String name) {
        if (value >= 0 && value <= 1) {
            return value;
        }
        throw new IllegalArgumentException(format("%s is not in [0, 1]: %s", capitalise(name), value));
    }

    /** Rejects NaN, infinities, zero and negative values. */
    static double requirePositiveFinite(double value, String name) {
        if (value > 0 && value < Double.POSITIVE_INFINITY) {
            return value;
        }
        throw new IllegalArgumentException(format("%s is not a positive finite number: %s", capitalise(name), value));
    }

    static String capitalise(String name) {
        // Single letters are symbols (n, x) and keep their case.
        return name.length() < 2 ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
