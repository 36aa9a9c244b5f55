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

    /**
     * A column of numbers as R's {@code format(round(x, decimals), digits)}: rounded, then shown with the fewest
     * decimals (at most {@code decimals}) that give every non-zero value {@code digits} significant digits, trailing
     * zeros common to all dropped — the zeros of each value rounded to {@code digits} significant digits, as R's
     * {@code formatReal} counts them: {@code format(c(0.827948, 0.0256), digits = 5)} shows five decimals, not six,
     * and {@code format(11.6897, digits = 5)} "11.69".
     *
     * @param values the column
     * @param decimals the rounding
     * @param digits the significant digits
     * @return the texts, not padded
     */
    public static String[] column(double[] values, int decimals, int digits) {
        int shown = 0;
        double[] rounded = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            rounded[i] = Double.isFinite(values[i])
                    ? new java.math.BigDecimal(values[i]).setScale(decimals, java.math.RoundingMode.HALF_EVEN).doubleValue()
                    : values[i];
            if (Double.isFinite(rounded[i]) && rounded[i] != 0) {
                shown = Math.max(shown, digits - 1 - (int) Math.floor(Math.log10(Math.abs(rounded[i]))));
            }
        }
        shown = Math.max(0, Math.min(decimals, shown));
        double[] significant = new double[rounded.length];
        for (int i = 0; i < rounded.length; i++) {
            significant[i] = Double.isFinite(rounded[i]) && rounded[i] != 0 ? new java.math.BigDecimal(rounded[i])
                    .round(new java.math.MathContext(digits, java.math.RoundingMode.HALF_EVEN)).doubleValue()
                    : rounded[i];
        }
        while (shown > 0 && allExactAt(significant, shown - 1)) {
            shown--;
        }
        String[] texts = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            texts[i] = Double.isFinite(rounded[i]) ? fixed(rounded[i], shown) : number(rounded[i]);
        }
        return texts;
    }

    private static boolean allExactAt(double[] values, int decimals) {
        for (double v : values) {
            if (Double.isFinite(v) && Math.abs(v * Math.pow(10, decimals) - Math.rint(v * Math.pow(10, decimals)))
                    > 1e-9 * Math.max(1, Math.abs(v * Math.pow(10, decimals)))) {
                return false;
            }
        }
        return true;
    }

    /** The legend of R's significance stars, as {@code printCoefmat} prints it after {@code ---}. */
    public static final String SIGNIFICANCE_LEGEND = "Signif. codes:  0 \u2018***\u2019 0.001 \u2018**\u2019 0.01"
            + " \u2018*\u2019 0.05 \u2018.\u2019 0.1 \u2018 \u2019 1";

    /**
     * R's significance stars, as {@code symnum} with cut points 0.001, 0.01, 0.05 and 0.1.
     *
     * @param p the p-value
     * @return {@code ***}, {@code **}, {@code *}, {@code .} or the empty text
     */
    public static String stars(double p) {
        return p < 0.001 ? "***" : p < 0.01 ? "**" : p < 0.05 ? "*" : p < 0.1 ? "." : "";
    }

    /**
     * A column as R's {@code format(x, digits = d)} lays it out: in fixed notation each value needs the decimals
     * that show it to d significant digits, trailing zeros dropped, and all are shown with the most any needs; in
     * scientific notation likewise with the mantissa's digits; fixed notation unless it is wider.
     *
     * @param values the column
     * @param digits the significant digits, at least 1
     * @return the texts, not padded
     */
    public static String[] significant(double[] values, int digits) {
        int decimals = 0;
        int mantissa = 1;
        for (double v : values) {
            if (Double.isFinite(v) && v != 0) {
                java.math.BigDecimal rounded = new java.math.BigDecimal(v).round(new java.math.MathContext(digits,
                        java.math.RoundingMode.HALF_EVEN)).stripTrailingZeros();
                decimals = Math.max(decimals, rounded.scale());
                mantissa = Math.max(mantissa, rounded.precision());
            }
        }
        String[] fixed = new String[values.length];
        String[] scientific = new String[values.length];
        int fixedWidth = 0;
        int scientificWidth = 0;
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                fixed[i] = number(values[i]);
                scientific[i] = fixed[i];
            } else {
                fixed[i] = fixed(values[i], decimals);
                String[] parts = String.format(Locale.ROOT, "%." + (mantissa - 1) + "e", values[i]).split("e");
                int exponent = Integer.parseInt(parts[1]);
                scientific[i] = parts[0] + "e" + (exponent < 0 ? "-" : "+") + String.format(Locale.ROOT, "%02d",
                        Math.abs(exponent));
            }
            fixedWidth = Math.max(fixedWidth, fixed[i].length());
            scientificWidth = Math.max(scientificWidth, scientific[i].length());
        }
        return fixedWidth <= scientificWidth ? fixed : scientific;
    }

    /**
     * p-values as R's {@code format.pval(p, digits)} lays out a column of them: those of order 1e-3 or more (1e-4
     * with more than one digit) together by {@code format(p, digits)} ({@link #significant}), the smaller ones
     * together likewise, and those below the machine epsilon as {@code < 2e-16} (its digits and spacing as
     * {@code format.pval} chooses them); NaN as {@code NaN}, as {@code printCoefmat} shows it.
     *
     * @param p the p-values
     * @param digits the significant digits, at least 1
     * @return the texts, not padded
     */
    public static String[] pValues(double[] p, int digits) {
        double eps = Math.ulp(1.0);
        String[] texts = new String[p.length];
        java.util.List<Integer> large = new java.util.ArrayList<>();
        java.util.List<Integer> small = new java.util.ArrayList<>();
        for (int i = 0; i < p.length; i++) {
            if (p[i] >= eps) {
                double exponent = Math.floor(Math.log10(p[i]));
                (exponent >= -3 || exponent == -4 && digits > 1 ? large : small).add(i);
            }
        }
        int widest = 0;
        for (java.util.List<Integer> set : java.util.List.of(large, small)) {
            String[] formatted = significant(set.stream().mapToDouble(i -> p[i]).toArray(), digits);
            for (int k = 0; k < formatted.length; k++) {
                texts[set.get(k)] = formatted[k];
                widest = Math.max(widest, formatted[k].length());
            }
        }
        int epsDigits = Math.max(1, digits - 2);
        String sep;
        if (widest > 0) {
            if (epsDigits > 1 && epsDigits + 6 > widest) {
                epsDigits = Math.max(1, widest - 7);
            }
            sep = epsDigits == 1 && widest <= 6 ? "" : " ";
        } else {
            sep = epsDigits == 1 ? "" : " ";
        }
        String epsText = significant(new double[] {eps}, epsDigits)[0];
        for (int i = 0; i < p.length; i++) {
            if (Double.isNaN(p[i])) {
                texts[i] = "NaN"; // printCoefmat's text for an undefined p-value
            } else if (texts[i] == null) {
                texts[i] = "<" + sep + epsText;
            }
        }
        return texts;
    }

    /**
     * A table as R's {@code printCoefmat} lays it out: row names left-aligned, columns right-aligned under their
     * headers, one space apart.
     *
     * @param names the row names
     * @param headers the column headers
     * @param columns the formatted columns, each as long as {@code names}
     * @return the lines
     */
    public static java.util.List<String> table(java.util.List<String> names, java.util.List<String> headers,
            java.util.List<String[]> columns) {
        int nameWidth = names.stream().mapToInt(String::length).max().orElse(0);
        int[] widths = new int[headers.size()];
        for (int j = 0; j < widths.length; j++) {
            widths[j] = headers.get(j).length();
            for (String cell : columns.get(j)) {
                widths[j] = Math.max(widths[j], cell.length());
            }
        }
        java.util.List<String> lines = new java.util.ArrayList<>();
        StringBuilder header = new StringBuilder(" ".repeat(nameWidth));
        for (int j = 0; j < widths.length; j++) {
            header.append(' ').append(" ".repeat(widths[j] - headers.get(j).length())).append(headers.get(j));
        }
        lines.add(header.toString());
        for (int i = 0; i < names.size(); i++) {
            StringBuilder line = new StringBuilder(names.get(i)).append(" ".repeat(nameWidth - names.get(i).length()));
            for (int j = 0; j < widths.length; j++) {
                String cell = columns.get(j)[i];
                line.append(' ').append(" ".repeat(widths[j] - cell.length())).append(cell);
            }
            lines.add(line.toString());
        }
        return lines;
    }
}
