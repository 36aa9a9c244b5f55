package org.smesurvey.stats.harmonisation;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import org.smesurvey.core.SizeBand;
import org.smesurvey.stats.Interval;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A proportion recomputed for a band from figures of other bands, weighting each by the enterprises it
 * stands for: \( \hat p = \sum_i w_i p_i \) with \( w_i = N_i / \sum_j N_j \), and, the counts being fixed,
 * \( \operatorname{Var}\hat p = \sum_i w_i^2 \operatorname{Var} p_i \) for independent figures.
 *
 * @param band the band the proportion describes
 * @param proportion the re-weighted proportion
 * @param standardError its standard error, empty when a source figure has no variance
 * @param contributions what each source figure contributes
 * @param caveats what the result assumes beyond the published figures
 * @since 0.1
 */
public record Reweighted(SizeBand band, double proportion, OptionalDouble standardError,
        List<Contribution> contributions, Set<Caveat> caveats) {

    /**
     * Validates the result and copies its collections.
     *
     * @param band the band the proportion describes
     * @param proportion the re-weighted proportion
     * @param standardError its standard error, empty when a source figure has no variance
     * @param contributions what each source figure contributes
     * @param caveats what the result assumes
     * @throws NullPointerException if an argument is null
     */
    public Reweighted {
        Objects.requireNonNull(band, "band");
        Objects.requireNonNull(standardError, "standardError");
        contributions = List.copyOf(contributions);
        caveats = caveats.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(caveats));
    }

    /**
     * The Wald interval \( \hat p \pm z\,\mathrm{se} \), clipped to [0, 1].
     *
     * @param level the confidence level, such as 0.95
     * @return the interval
     * @throws IllegalStateException if the standard error is unknown
     * @throws IllegalArgumentException if the level is not in (0, 1)
     */
    public Interval interval(double level) {
        double se = standardError.orElseThrow(() -> new IllegalStateException(
                "The standard error is unknown: a source figure of " + band + " was published without a base"));
        return Interval.normal(proportion, se, level, 0, 1);
    }

    /**
     * What the weights assume beyond the population's counts, one sentence per counted band that was split (see
     * {@link CountSplit#assumption()}); empty when the population counts every part.
     *
     * @return the sentences, in the order of the contributions
     */
    public List<String> assumptions() {
        return contributions.stream().flatMap(c -> c.splits().stream()).map(CountSplit::assumption).distinct()
                .toList();
    }

    /**
     * The contributions as a table with columns {@code source, part, enterprises, weight, apportioned}
     * ({@code apportioned}: split from a wider counted band by Zipf's law).
     *
     * @return the table, named after the band
     */
    public Table toTable() {
        Table table = Table.create(band.label(), StringColumn.create("source"), StringColumn.create("part"),
                DoubleColumn.create("enterprises"), DoubleColumn.create("weight"), BooleanColumn.create("apportioned"));
        for (Contribution c : contributions) {
            table.stringColumn("source").append(c.source().label());
            table.stringColumn("part").append(c.part().label());
            table.doubleColumn("enterprises").append(c.enterprises());
            table.doubleColumn("weight").append(c.weight());
            table.booleanColumn("apportioned").append(c.apportioned());
        }
        return table;
    }

    /**
     * Results as a table with columns {@code band, proportion, standard_error, caveats} (caveats separated by
     * {@code |}; the standard error missing when unknown).
     *
     * @param results re-weighted proportions
     * @return the table
     */
    public static Table table(List<Reweighted> results) {
        Objects.requireNonNull(results, "results");
        Table table = Table.create("reweighted", StringColumn.create("band"), DoubleColumn.create("proportion"),
                DoubleColumn.create("standard_error"), StringColumn.create("caveats"));
        for (Reweighted r : results) {
            table.stringColumn("band").append(r.band().label());
            table.doubleColumn("proportion").append(r.proportion());
            if (r.standardError().isPresent()) {
                table.doubleColumn("standard_error").append(r.standardError().getAsDouble());
            } else {
                table.doubleColumn("standard_error").appendMissing();
            }
            table.stringColumn("caveats").append(r.caveats().stream().sorted().map(Enum::name)
                    .collect(java.util.stream.Collectors.joining("|")));
        }
        return table;
    }

    /**
     * The result in words and a table: the band and its proportion with the standard error, what each source band
     * contributes (its part of the band, the enterprises and the weight), and the caveats.
     *
     * @return the text
     */
    public String summary() {
        StringBuilder text = new StringBuilder(String.format(java.util.Locale.ROOT, "%s: %.1f %%", band.label(),
                100 * proportion));
        standardError.ifPresent(se -> text.append(String.format(java.util.Locale.ROOT, " (SE %.2f points)", 100 * se)));
        text.append('\n');
        List<String> names = contributions.stream().map(c -> c.source().label()).toList();
        List<String[]> columns = List.of(
                contributions.stream().map(c -> c.part().label()).toArray(String[]::new),
                contributions.stream().map(c -> String.format(java.util.Locale.ROOT, "%,.0f", c.enterprises()))
                        .toArray(String[]::new),
                contributions.stream().map(c -> String.format(java.util.Locale.ROOT, "%.3f", c.weight()))
                        .toArray(String[]::new));
        text.append(String.join("\n", org.smesurvey.stats.internal.Formats.table(names,
                List.of("part", "enterprises", "weight"), columns)));
        if (!caveats.isEmpty()) {
            text.append("\nCaveats: ").append(caveats.stream().map(c -> c.name().toLowerCase(java.util.Locale.ROOT)
                    .replace('_', ' ')).sorted().collect(java.util.stream.Collectors.joining(", ")));
        }
        for (String assumption : assumptions()) {
            text.append("\nAssumed: ").append(assumption);
        }
        return text.toString();
    }
}
