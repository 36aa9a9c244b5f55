package org.smesurvey.stats.internal;

import java.util.Locale;

/** Numbers as R's print methods show them, for the {@code summary()} of every result. */
public final class Formats {
    private Formats() {
    }

    /**
     * Significant digits as R's {@code format(x, digits = d)}: whole numbers without decimals, no trailing
     * zeros, an exponent for very large or small values.
     *
     * @param x the number
     * @param digits the significant digits, at least 1
     * @return the text
     */
    public static String number(double x, int digits) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return Double.isNaN(x) ? "NaN" : x > 0 ? "Inf" : "-Inf";
        }
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return String.format(Locale.ROOT, "%d", (long) x);
        }
        String text = String.format(Locale.ROOT, "%." + digits + "g", x);
        if (text.contains("e")) {
            String[] parts = text.split("e");
            String mantissa = parts[0].contains(".") ? parts[0].replaceFirst("0+$", "").replaceFirst("\\.$", "")
                    : parts[0];
            int exponent = Integer.parseInt(parts[1]);
            return mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format(Locale.ROOT, "%02d", Math.abs(exponent));
        }
        return text.contains(".") ? text.replaceFirst("0+$", "").replaceFirst("\\.$", "") : text;
    }

    /**
     * Four significant digits, R's default.
     *
     * @param x the number
     * @return the text
     */
    public static String number(double x) {
        return number(x, 4);
    }

    /**
     * A p-value as R's {@code format.pval} shows it after a relation: {@code = 0.0773}, or {@code < 2.2e-16}.
     *
     * @param p the p-value
     * @return the text
     */
    public static String pValue(double p) {
        return p < 2.2e-16 ? "< 2.2e-16" : "= " + number(p);
    }

    /**
     * A p-value as metafor's tables show it: four decimals, {@code <.0001} below.
     *
     * @param p the p-value
     * @return the text
     */
    public static String pValueColumn(double p) {
        return p < 1e-4 ? "<.0001" : String.format(Locale.ROOT, "%.4f", p);
    }

    /**
     * A number with a fixed count of decimals, as metafor's tables.
     *
     * @param x the number
     * @param decimals the decimals
     * @return the text
     */
    public static String fixed(double x, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", x);
    }
}
