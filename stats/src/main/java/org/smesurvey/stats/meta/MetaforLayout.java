package org.smesurvey.stats.meta;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.smesurvey.stats.TestResult;
import org.smesurvey.stats.internal.Formats;

/**
 * A fit laid out as metafor 3.8's {@code print.rma.uni} prints it, line for line: the model and k, τ² with its
 * standard error, τ, I², H² (and R² with moderators), the heterogeneity test, the moderators' test, the table of
 * coefficients rounded to four decimals with significance stars, and the legend of the stars. Its tests, table and
 * legend serve {@code print.rma.mv}'s layout too ({@link MultilevelResult#summary()}).
 */
final class MetaforLayout {

    private static final String[] TOTAL = {"tau^2 (estimated amount of total heterogeneity):",
        "tau (square root of estimated tau^2 value):", "I^2 (total heterogeneity / total variability):",
        "H^2 (total variability / sampling variability):"};
    private static final String[] RESIDUAL = {"tau^2 (estimated amount of residual heterogeneity):",
        "tau (square root of estimated tau^2 value):", "I^2 (residual heterogeneity / unaccounted variability):",
        "H^2 (unaccounted variability / sampling variability):", "R^2 (amount of heterogeneity accounted for):"};
    static final String LEGEND = Formats.SIGNIFICANCE_LEGEND;

    private MetaforLayout() {
    }

    static String of(Fitted fit, OptionalDouble r2) {
        boolean equal = fit.options.estimator() == Tau2Estimator.EE;
        boolean interceptOnly = fit.p == 1 && fit.moderators.hasIntercept();
        List<String> lines = new ArrayList<>();
        lines.add("");
        if (equal) {
            lines.add((interceptOnly ? "Equal-Effects Model" : "Fixed-Effects with Moderators Model") + " (k = " + fit.k
                    + ")");
        } else {
            lines.add((interceptOnly ? "Random-Effects Model" : "Mixed-Effects Model") + " (k = " + fit.k
                    + "; tau^2 estimator: " + fit.options.estimator().name() + ")");
        }
        lines.add("");
        String[] labels = interceptOnly ? TOTAL : RESIDUAL;
        int width = 0;
        for (String label : labels) {
            width = Math.max(width, label.length());
        }
        if (!equal) {
            String tau2 = Formats.fixed(fit.tau2, 4) + (fit.tau2StandardError.isPresent()
                    ? " (SE = " + Formats.fixed(fit.tau2StandardError.getAsDouble(), 4) + ")" : "");
            lines.add(pad(labels[0], width) + tau2);
            lines.add(pad(labels[1], width) + Formats.fixed(Math.sqrt(fit.tau2), 4));
        }
        if (!(equal && fit.k == fit.p)) {
            lines.add(pad(labels[2], width) + Formats.fixed(fit.i2, 2) + "%");
            lines.add(pad(labels[3], width) + Formats.fixed(fit.h2, 2));
        }
        if (!interceptOnly && r2.isPresent()) {
            lines.add(pad(labels[4], width) + Formats.fixed(r2.getAsDouble(), 2) + "%");
        }
        lines.add("");
        results(lines, fit.heterogeneityTest(), interceptOnly, fit.moderatorTest(), fit.coefficients(),
                fit.moderators, fit.options.knappHartung() ? OptionalDouble.of(fit.degreesOfFreedom)
                        : OptionalDouble.empty());
        return String.join("\n", lines);
    }

    /**
     * The part every metafor print shares after the heterogeneity statistics: the heterogeneity test, the moderators'
     * test, the coefficients with their stars and the stars' legend (with the blank lines metafor puts between).
     *
     * @param lines receives the lines
     * @param q the heterogeneity test
     * @param interceptOnly whether the model has the intercept alone (Q rather than QE, no row names)
     * @param moderatorTest the moderators' test, if any
     * @param coefficients the coefficients
     * @param moderators the design, for the coefficients' names and the moderators' positions
     * @param t the degrees of freedom of t tests, empty for z tests
     */
    static void results(List<String> lines, TestResult q, boolean interceptOnly,
            java.util.Optional<TestResult> moderatorTest, List<Coefficient> coefficients, Moderators moderators,
            OptionalDouble t) {
        lines.add(interceptOnly ? "Test for Heterogeneity:" : "Test for Residual Heterogeneity:");
        lines.add((interceptOnly ? "Q" : "QE") + "(df = " + (int) q.degreesOfFreedom().getAsDouble() + ") = "
                + Formats.fixed(q.statistic(), 4) + ", p-val " + pValue(q.pValue()));
        lines.add("");
        int p = coefficients.size();
        moderatorTest.ifPresent(qm -> {
            lines.addAll(moderatorTest(qm, p, moderators));
            lines.add("");
        });
        lines.add("Model Results:");
        lines.add("");
        lines.addAll(table(coefficients, interceptOnly ? null : moderators.names(), t));
        lines.add("");
        lines.add("---");
        lines.add(LEGEND);
        lines.add("");
    }

    /**
     * The two lines of the moderators' test, as metafor prints them: which coefficients, then
     * {@code QM(df = m) = ...} or {@code F(df1 = m, df2 = k - p) = ...} with its p-value.
     */
    static List<String> moderatorTest(TestResult qm, int p, Moderators moderators) {
        int first = moderators.hasIntercept() ? 2 : 1;
        String statistic = qm.denominatorDegreesOfFreedom().isPresent()
                ? "F(df1 = " + Formats.number(qm.degreesOfFreedom().getAsDouble()) + ", df2 = "
                        + Formats.number(qm.denominatorDegreesOfFreedom().getAsDouble()) + ")"
                : "QM(df = " + Formats.number(qm.degreesOfFreedom().getAsDouble()) + ")";
        return List.of("Test of Moderators (" + (first == p ? "coefficient " + first : "coefficients " + first + ":"
                + p) + "):", statistic + " = " + Formats.fixed(qm.statistic(), 4) + ", p-val " + pValue(qm.pValue()));
    }

    /** The coefficients' table: estimate, se, z (or t and df), pval, ci.lb, ci.ub and stars; row names when given. */
    static List<String> table(List<Coefficient> coefficients, List<String> names, OptionalDouble df) {
        boolean t = df.isPresent();
        List<String> headers = new ArrayList<>(List.of("estimate", "se", t ? "tval" : "zval"));
        if (t) {
            headers.add("df");
        }
        headers.addAll(List.of("pval", "ci.lb", "ci.ub", ""));
        List<List<String>> rows = new ArrayList<>();
        for (Coefficient c : coefficients) {
            List<String> row = new ArrayList<>(List.of(Formats.fixed(c.estimate(), 4), Formats.fixed(c.standardError(), 4),
                    Formats.fixed(c.statistic(), 4)));
            if (t) {
                row.add(Formats.number(df.getAsDouble()));
            }
            row.addAll(List.of(Formats.pValueColumn(c.pValue()), Formats.fixed(c.lower(), 4), Formats.fixed(c.upper(), 4),
                    stars(c.pValue())));
            rows.add(row);
        }
        return table(names, headers, rows);
    }

    /**
     * A table as metafor prints its data frames ({@code print.gap = 2}): row names left-aligned (none when
     * {@code names} is null), each column right-aligned under its header, two spaces apart.
     *
     * @param names the row names, or null for none
     * @param headers the column headers
     * @param rows the formatted cells, row by row
     * @return the lines, trailing blanks stripped
     */
    static List<String> table(List<String> names, List<String> headers, List<List<String>> rows) {
        return table(names, headers, rows, 2);
    }

    /**
     * A table as R prints a matrix or data frame with {@code print.gap = gap}: {@code confint}'s character
     * matrices take 1.
     *
     * @param names the row names, or null for none
     * @param headers the column headers
     * @param rows the formatted cells, row by row
     * @param gap the spaces between columns
     * @return the lines, trailing blanks stripped
     */
    static List<String> table(List<String> names, List<String> headers, List<List<String>> rows, int gap) {
        int[] widths = new int[headers.size()];
        for (int j = 0; j < widths.length; j++) {
            widths[j] = headers.get(j).length();
            for (List<String> row : rows) {
                widths[j] = Math.max(widths[j], row.get(j).length());
            }
        }
        int nameWidth = names == null ? 0 : names.stream().mapToInt(String::length).max().orElse(0);
        List<String> lines = new ArrayList<>();
        lines.add(line(names == null ? null : "", nameWidth, headers, widths, gap));
        for (int i = 0; i < rows.size(); i++) {
            lines.add(line(names == null ? null : names.get(i), nameWidth, rows.get(i), widths, gap));
        }
        return lines;
    }

    private static String line(String name, int nameWidth, List<String> cells, int[] widths, int gap) {
        StringBuilder text = new StringBuilder();
        if (name != null) {
            text.append(name).append(" ".repeat(nameWidth - name.length()));
        }
        for (int j = 0; j < cells.size(); j++) {
            if (name != null || j > 0) {
                text.append(" ".repeat(gap));
            }
            text.append(" ".repeat(widths[j] - cells.get(j).length())).append(cells.get(j));
        }
        return text.toString().stripTrailing();
    }

    private static String pad(String label, int width) {
        return label + " ".repeat(width - label.length() + 1);
    }

    /** metafor's p-value after a relation: {@code < .0001} or {@code = 0.0477}. */
    static String pValue(double p) {
        return p < 1e-4 ? "< .0001" : "= " + Formats.fixed(p, 4);
    }

    /** R's significance stars, as {@code symnum} with cut points 0.001, 0.01, 0.05 and 0.1. */
    static String stars(double p) {
        return Formats.stars(p);
    }
}
