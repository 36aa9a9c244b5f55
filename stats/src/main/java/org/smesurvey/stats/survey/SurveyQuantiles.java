package org.smesurvey.stats.survey;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.smesurvey.stats.internal.Formats;

/**
 * Design-based quantiles of one variable, over all respondents or in one domain, with their confidence intervals
 * and standard errors: survey's {@code svyquantile(~x, design, quantiles, ci = TRUE)} (one of its rows per
 * probability), or one row of {@code svyby(~x, ~domain, design, svyquantile, ...)}. See {@link QuantileRule} for
 * the estimate and {@link QuantileInterval} for the interval and the standard error derived from it.
 *
 * <p>Immutable.
 *
 * @since 0.1
 */
public final class SurveyQuantiles {

    /**
     * One quantile with its interval.
     *
     * @param probability the probability p, in [0, 1]
     * @param estimate the p-quantile
     * @param lower the interval's lower limit; NaN where survey gives NaN (a share's limit below 0)
     * @param upper the interval's upper limit; NaN where survey gives NaN (a share's limit above 1)
     * @param standardError the interval's length over \( 2t_{1-α/2} \), as survey reports it; NaN if a limit is
     * @since 0.1
     */
    public record Quantile(double probability, double estimate, double lower, double upper, double standardError) {
    }

    private final String label;
    private final List<Quantile> quantiles;
    private final double level;
    private final int degreesOfFreedom;
    private final int respondents;

    SurveyQuantiles(String label, List<Quantile> quantiles, double level, int degreesOfFreedom, int respondents) {
        this.label = label;
        this.quantiles = List.copyOf(quantiles);
        this.level = level;
        this.degreesOfFreedom = degreesOfFreedom;
        this.respondents = respondents;
    }

    /**
     * What was estimated: the variable's label overall, the domain's name by domain.
     *
     * @return the label
     */
    public String label() {
        return label;
    }

    /**
     * The quantiles, in the order of the probabilities asked for.
     *
     * @return the quantiles
     */
    public List<Quantile> quantiles() {
        return quantiles;
    }

    /**
     * The quantile of a probability asked for.
     *
     * @param probability the probability
     * @return its quantile
     * @throws IllegalArgumentException if that probability was not asked for
     */
    public Quantile quantile(double probability) {
        for (Quantile q : quantiles) {
            if (Double.compare(q.probability(), probability) == 0) {
                return q;
            }
        }
        throw new IllegalArgumentException(String.format(Locale.ROOT, "Probability %s was not asked for; asked: %s",
                probability, quantiles.stream().map(q -> Formats.number(q.probability(), 15)).toList()));
    }

    /**
     * The confidence level of the intervals, \( 1 - α \).
     *
     * @return the level
     */
    public double level() {
        return level;
    }

    /**
     * The degrees of freedom of the t quantiles: survey's {@code degf} of the design restricted to the respondents
     * estimated on.
     *
     * @return the degrees of freedom
     */
    public int degreesOfFreedom() {
        return degreesOfFreedom;
    }

    /**
     * The respondents of non-zero weight with a value, on whom the quantiles rest.
     *
     * @return their number
     */
    public int respondents() {
        return respondents;
    }

    /**
     * The quantiles as R prints {@code svyquantile}'s result for one variable: the label after {@code $}, then a
     * row per probability with columns {@code quantile}, {@code ci.2.5}, {@code ci.97.5} (at level 0.95) and
     * {@code se}, each column to seven significant digits as R's {@code print} (the object's attributes, which R
     * prints after, are left out; survey 4.1.1 names the last column {@code se.97.5} on replicate designs, 4.4
     * {@code se}).
     *
     * @return the text, lines separated by {@code \n}
     */
    public String summary() {
        List<String> names = quantiles.stream().map(q -> Formats.number(q.probability(), 15)).toList();
        double alpha = 1 - level;
        List<String> headers = List.of("quantile", "ci." + limitName(100 * alpha / 2),
                "ci." + limitName(100 - 100 * alpha / 2), "se");
        List<String[]> columns = new ArrayList<>();
        columns.add(column(quantiles.stream().mapToDouble(Quantile::estimate).toArray()));
        columns.add(column(quantiles.stream().mapToDouble(Quantile::lower).toArray()));
        columns.add(column(quantiles.stream().mapToDouble(Quantile::upper).toArray()));
        columns.add(column(quantiles.stream().mapToDouble(Quantile::standardError).toArray()));
        return "$" + label + "\n" + String.join("\n", Formats.table(names, headers, columns));
    }

    /**
     * Quantiles by domain as R prints {@code svyby(~x, ~domain, design, svyquantile, quantiles, ci = TRUE)}: a data
     * frame with the domain column, the quantiles ({@code x.0.25}…) and their standard errors ({@code se.x.0.25}…),
     * each column to seven significant digits, split into blocks of columns narrower than R's width of 80 characters.
     *
     * @param domain the name of the domain variable (the column of domain names)
     * @param variable the name of the variable
     * @param byDomain the domains' quantiles, as {@code quantilesBy} gives them, with the same probabilities
     * @return the text, lines separated by {@code \n}
     * @throws IllegalArgumentException if there is no domain or the domains' probabilities differ
     */
    public static String table(String domain, String variable, List<SurveyQuantiles> byDomain) {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(variable, "variable");
        Objects.requireNonNull(byDomain, "byDomain");
        if (byDomain.isEmpty()) {
            throw new IllegalArgumentException("No domain to lay out");
        }
        List<Quantile> first = byDomain.get(0).quantiles();
        for (SurveyQuantiles s : byDomain) {
            if (s.quantiles().size() != first.size()) {
                throw new IllegalArgumentException("The domains' probabilities differ: " + s.label());
            }
        }
        List<String> names = byDomain.stream().map(SurveyQuantiles::label).toList();
        List<String> headers = new ArrayList<>();
        List<String[]> columns = new ArrayList<>();
        headers.add(domain);
        columns.add(names.toArray(String[]::new));
        for (boolean se : new boolean[] {false, true}) {
            for (int j = 0; j < first.size(); j++) {
                int k = j;
                headers.add((se ? "se." : "") + variable + "." + Formats.number(first.get(j).probability(), 15));
                columns.add(column(byDomain.stream().mapToDouble(s -> se ? s.quantiles().get(k).standardError()
                        : s.quantiles().get(k).estimate()).toArray()));
            }
        }
        int nameWidth = names.stream().mapToInt(String::length).max().orElse(0);
        List<String> lines = new ArrayList<>();
        int from = 0;
        while (from < headers.size()) {
            int width = nameWidth;
            int to = from;
            while (to < headers.size()) {
                int w = headers.get(to).length();
                for (String cell : columns.get(to)) {
                    w = Math.max(w, cell.length());
                }
                if (to > from && width + 1 + w >= 80) {
                    break;
                }
                width += 1 + w;
                to++;
            }
            lines.addAll(Formats.table(names, headers.subList(from, to), columns.subList(from, to)));
            from = to;
        }
        return String.join("\n", lines);
    }

    /** A limit's name as survey's {@code round(100 * alpha / 2, 2)} prints. */
    private static String limitName(double percent) {
        return Formats.number(Math.round(percent * 100) / 100.0, 15);
    }

    /** A numeric column as R's print: seven significant digits, the decimals the column needs. */
    private static String[] column(double[] values) {
        return Formats.column(values, 15, 7);
    }

    @Override
    public String toString() {
        return summary();
    }
}
