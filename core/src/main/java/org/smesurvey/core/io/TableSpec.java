package org.smesurvey.core.io;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The columns a file must and may have.
 *
 * <p>A <em>closed</em> spec knows every column (a catalogue file): header names are read without regard to
 * case and an unknown column is a problem. An <em>open</em> spec names only the columns it needs (respondent
 * data, whose other columns are ignored): header names are matched exactly, after trimming.
 *
 * @param columns every known column, lower case; empty for an open spec
 * @param required the columns the header must have
 * @param oneOf groups of which the header must have at least one column each
 * @param mayBeEmpty whether a header with no data rows is a valid file
 * @since 0.1
 */
public record TableSpec(List<String> columns, List<String> required, List<List<String>> oneOf, boolean mayBeEmpty) {

    /**
     * Validates and copies the lists.
     *
     * @param columns every known column, lower case; empty for an open spec
     * @param required the columns the header must have
     * @param oneOf groups of which the header must have at least one column each
     * @param mayBeEmpty whether a header with no data rows is a valid file
     * @throws NullPointerException if a list is null
     * @throws IllegalArgumentException if a closed spec requires a column it does not know
     */
    public TableSpec {
        columns = List.copyOf(Objects.requireNonNull(columns, "columns"));
        required = List.copyOf(Objects.requireNonNull(required, "required"));
        oneOf = Objects.requireNonNull(oneOf, "oneOf").stream().map(List::copyOf).toList();
        if (!columns.isEmpty()) {
            for (String column : required) {
                if (!columns.contains(column)) {
                    throw new IllegalArgumentException("Required column is not among the columns: " + column);
                }
            }
        }
    }

    /**
     * A spec that knows every column.
     *
     * @param columns every known column, lower case
     * @param required the columns the header must have
     * @param oneOf groups of which the header must have at least one column each
     * @param mayBeEmpty whether a header with no data rows is a valid file
     * @return the spec
     */
    public static TableSpec closed(List<String> columns, List<String> required, List<List<String>> oneOf,
            boolean mayBeEmpty) {
        Objects.requireNonNull(columns, "columns");
        Objects.requireNonNull(required, "required");
        Objects.requireNonNull(oneOf, "oneOf");
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("A closed spec needs at least one column");
        }
        return new TableSpec(columns, required, oneOf, mayBeEmpty);
    }

    /**
     * A spec that needs these columns and ignores any other.
     *
     * @param required the columns the header must have, matched exactly after trimming
     * @return the spec
     */
    public static TableSpec open(List<String> required) {
        return new TableSpec(List.of(), required, List.of(), false);
    }

    /**
     * Whether this spec knows every column.
     *
     * @return true for a closed spec
     */
    public boolean isClosed() {
        return !columns.isEmpty();
    }

    /** The name a header cell is matched by: trimmed, and lower case for a closed spec. */
    String key(String headerCell) {
        String name = headerCell.strip();
        return isClosed() ? name.toLowerCase(Locale.ROOT) : name;
    }
}
