package org.smesurvey.core.csv;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.smesurvey.core.io.Numbers;

/**
 * Reads and writes the text of single cells. Every reader throws {@link IllegalArgumentException} with a
 * message that says what was expected; the caller adds where.
 */
final class Cells {

    private static final Pattern SPACES = Pattern.compile("[\\s\u00a0\u202f]+");
    private static final Pattern WHOLE = Pattern.compile("\\d+");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Cells() {
    }

    /**
     * Reads a proportion: a plain number in [0, 1] ({@code 0.125}), or a percentage in [0, 100] marked by
     * {@code %} ({@code 12.5 %}, {@code 12,5%}); decimal point or decimal comma, no thousands separator.
     */
    static double proportion(String text) {
        String s = SPACES.matcher(text).replaceAll("");
        boolean percent = s.endsWith("%");
        if (percent) {
            s = s.substring(0, s.length() - 1);
        }
        BigDecimal value = decimalOrProportion(s);
        if (percent) {
            if (value.signum() < 0 || value.compareTo(HUNDRED) > 0) {
                throw new IllegalArgumentException("percentage is not in [0, 100] %");
            }
            return Numbers.toDouble(value.movePointLeft(2));
        }
        if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException(
                    "proportion is not in [0, 1]; write a percentage with its sign, such as 45 %");
        }
        return value.doubleValue();
    }

    private static BigDecimal decimalOrProportion(String s) {
        try {
            return Numbers.decimal(s);
        } catch (IllegalArgumentException e) {
            if (e.getMessage().startsWith("expected a decimal number")) {
                throw new IllegalArgumentException("expected a number such as 0.125, 12.5 % or 12,5 %", e);
            }
            throw e;
        }
    }

    /** Reads a positive finite decimal, such as a design effect. */
    static double positive(String text) {
        BigDecimal value = Numbers.decimal(text);
        if (value.signum() <= 0) {
            throw new IllegalArgumentException("expected a positive number");
        }
        return Numbers.toDouble(value);
    }

    /** Reads a whole number of at least {@code min}; digits may be grouped by spaces ({@code 1 657}). */
    static int whole(String text, int min) {
        String s = SPACES.matcher(text).replaceAll("");
        if (!WHOLE.matcher(s).matches()) {
            throw new IllegalArgumentException(min > 0
                    ? "expected a positive whole number (digits, optionally grouped by spaces)"
                    : "expected a whole number, 0 or more (digits, optionally grouped by spaces)");
        }
        BigDecimal value = new BigDecimal(s);
        if (value.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException("number is larger than " + Integer.MAX_VALUE);
        }
        if (value.intValue() < min) {
            throw new IllegalArgumentException(min > 0 ? "expected a positive whole number" : "expected " + min + " or more");
        }
        return value.intValue();
    }

    /** Reads a whole number that may exceed the range of int, such as a count of enterprises. */
    static long count(String text) {
        String s = SPACES.matcher(text).replaceAll("");
        if (!WHOLE.matcher(s).matches() || s.length() > 18) {
            throw new IllegalArgumentException("expected a whole number, 0 or more (digits, optionally grouped by spaces)");
        }
        return Long.parseLong(s);
    }

    /** Reads an absolute URI. */
    static URI uri(String text) {
        try {
            URI uri = new URI(text.strip());
            if (!uri.isAbsolute()) {
                throw new IllegalArgumentException("expected an absolute address such as https://example.org/page");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a valid address: " + e.getReason());
        }
    }

    /** Splits a list cell on {@code |}; empty items are dropped. */
    static List<String> list(String text) {
        List<String> items = new ArrayList<>();
        for (String item : text.split("\\|")) {
            if (!item.isBlank()) {
                items.add(item.strip());
            }
        }
        return items;
    }

    /** Writes a proportion as a percentage with a decimal point, exactly: 0.452 is {@code 45.2%}. */
    static String percent(double proportion) {
        return plain(new BigDecimal(Double.toString(proportion)).movePointRight(2)) + "%";
    }

    /** Writes a positive number exactly, without exponent. */
    static String number(double value) {
        return plain(new BigDecimal(Double.toString(value)));
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
