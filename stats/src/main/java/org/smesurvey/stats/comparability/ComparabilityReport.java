package org.smesurvey.stats.comparability;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The dimension-by-dimension comparison of two figures or two studies.
 *
 * @param first the first side's label
 * @param second the second side's label
 * @param assessments one per dimension checked, in {@link Dimension} order
 * @since 0.1
 */
public record ComparabilityReport(String first, String second, List<Assessment> assessments) {

    /**
     * Validates the report and copies its assessments.
     *
     * @param first the first side's label
     * @param second the second side's label
     * @param assessments one per dimension checked
     * @throws NullPointerException if an argument is null
     */
    public ComparabilityReport {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        assessments = List.copyOf(assessments);
    }

    /**
     * The worst verdict over the dimensions checked.
     *
     * @return {@link Verdict#COMPARABLE} if every dimension is
     */
    public Verdict overall() {
        return assessments.stream().map(Assessment::verdict).reduce(Verdict.COMPARABLE, Verdict::worse);
    }

    /**
     * The assessment of one dimension.
     *
     * @param dimension a dimension
     * @return its assessment, empty if it was not checked
     */
    public Optional<Assessment> assessment(Dimension dimension) {
        return assessments.stream().filter(a -> a.dimension() == dimension).findFirst();
    }

    /**
     * The adjustments that would make the two comparable where they are not yet.
     *
     * @return the adjustments, without repetition
     */
    public Set<Adjustment> adjustments() {
        Set<Adjustment> adjustments = EnumSet.noneOf(Adjustment.class);
        assessments.forEach(a -> a.adjustment().ifPresent(adjustments::add));
        return adjustments;
    }

    /**
     * The report in a few lines: the overall verdict, then each dimension that is not comparable as is.
     *
     * @return the summary
     */
    public String summary() {
        String head = first + " vs " + second + ": " + overall().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        String details = assessments.stream().filter(a -> a.verdict() != Verdict.COMPARABLE)
                .map(a -> "  " + a.dimension().description() + ": " + a.reason())
                .collect(Collectors.joining("\n"));
        return details.isEmpty() ? head : head + "\n" + details;
    }

    /**
     * The assessments as a table with columns {@code dimension, verdict, adjustment, reason}.
     *
     * @return the table
     */
    public Table toTable() {
        Table table = Table.create(first + " vs " + second, StringColumn.create("dimension"),
                StringColumn.create("verdict"), StringColumn.create("adjustment"), StringColumn.create("reason"));
        for (Assessment a : assessments) {
            table.stringColumn("dimension").append(a.dimension().name());
            table.stringColumn("verdict").append(a.verdict().name());
            table.stringColumn("adjustment").append(a.adjustment().map(Enum::name).orElse(""));
            table.stringColumn("reason").append(a.reason());
        }
        return table;
    }
}
