package org.smesurvey.core.io;

import java.util.Objects;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a number in an input file is: a decimal number, with a point or a comma as its decimal separator, an
 * optional sign and an optional exponent ({@code 12.5}, {@code 12,5}, {@code -3}, {@code 1.2e-3}); spaces
 * (also non-breaking) may group digits. Java's own forms — hexadecimal ({@code 0x1p3}), type suffixes
 * ({@code 8d}, {@code 8f}), {@code NaN} and {@code Infinity} — are not numbers here, and neither is a value
 * that overflows a {@code double} ({@code 1e309}) or that underflows to zero while written non-zero
 * ({@code 1e-400}). Each refusal is an {@link IllegalArgumentException} whose message says what was expected;
 * the reader adds where.
 *
 * @since 0.1
 */
public final class Numbers {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:\\d+(?:[.,]\\d*)?|[.,]\\d+)(?:[eE][+-]?\\d{1,6})?");
    private static final Pattern SPACES = Pattern.compile("[\\s\u00a0\u202f]+");

    private Numbers() {
    }

    /**
     * Reads a decimal number exactly.
     *
     * @param text the cell's text
     * @return the number
     * @throws IllegalArgumentException if the text is not a decimal number as defined above
     */
    public static BigDecimal decimal(String text) {
        Objects.requireNonNull(text, "text");
        String s = SPACES.matcher(text).replaceAll("");
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.contains("nan") || lower.contains("inf") || lower.contains("\u221e")) {
            throw new IllegalArgumentException("not a number: NaN and infinities are not values");
        }
        if (s.indexOf(',') >= 0 && s.indexOf('.') >= 0 || s.indexOf(',') != s.lastIndexOf(',')) {
            throw new IllegalArgumentException(
                    "expected one decimal separator, a point or a comma, and no thousands separator");
        }
        if (!DECIMAL.matcher(s).matches()) {
            throw new IllegalArgumentException("expected a decimal number such as 0.125, 12,5 or 1.2e-3");
        }
        BigDecimal value = new BigDecimal(s.replace(',', '.'));
        // Enough for every double (4.9E-324 as a percentage has 326 decimals), not for a runaway exponent.
        if (Math.abs((long) value.scale()) > 400) {
            throw new IllegalArgumentException("expected a number with at most 400 decimals");
        }
        return value;
    }

    /**
     * Reads a decimal number as the nearest {@code double}.
     *
     * @param text the cell's text
     * @return the number, finite
     * @throws IllegalArgumentException if the text is not a decimal number, or it is too large for a double, or
     *         it is non-zero but too small for one
     */
    public static double finite(String text) {
        Objects.requireNonNull(text, "text");
        return toDouble(decimal(text));
    }

    /**
     * The nearest {@code double} of a decimal, refusing overflow and underflow to zero.
     *
     * @param value the decimal
     * @return the double, finite, zero only if {@code value} is zero
     * @throws IllegalArgumentException if {@code value} is beyond the range of a double
     */
    public static double toDouble(BigDecimal value) {
        Objects.requireNonNull(value, "value");
        double d = value.doubleValue();
        if (Double.isInfinite(d)) {
            throw new IllegalArgumentException("number is too large: beyond ±1.8e308");
        }
        if (d == 0 && value.signum() != 0) {
            throw new IllegalArgumentException("number is too small: it is not zero but rounds to 0");
        }
        return d;
    }
}
