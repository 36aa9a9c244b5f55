package org.smesurvey.core.io;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One data row of a {@link CsvReader} read. Each getter reads a cell through a parser; a cell that fails is
 * reported with its line and column, the row is marked bad, and the getter returns empty, so that reading goes
 * on to find every problem.
 *
 * <p>Not thread-safe; a row belongs to one read.
 *
 * @since 0.1
 */
public final class Row {
    private final String file;
    private final long line;
    private final Map<String, Integer> columns;
    private final List<String> header;
    private final String[] cells;
    private final Problems problems;
    private boolean ok = true;

    Row(String file, long line, Map<String, Integer> columns, List<String> header, String[] cells, Problems problems) {
        this.file = file;
        this.line = line;
        this.columns = columns;
        this.header = header;
        this.cells = cells;
        this.problems = problems;
    }

    /**
     * The file the row is in.
     *
     * @return its name
     */
    public String file() {
        return file;
    }

    /**
     * The line the row begins on.
     *
     * @return the line, counted from 1
     */
    public long line() {
        return line;
    }

    /**
     * The file's header, as the row's cells are named.
     *
     * @return the header's names, trimmed
     */
    public List<String> header() {
        return header;
    }

    /**
     * Whether no cell of this row has failed so far.
     *
     * @return true while the row is good
     */
    public boolean ok() {
        return ok;
    }

    /**
     * The cell's text, stripped of surrounding white space and of the {@linkplain FormulaGuard formula guard}.
     *
     * @param column the column's name as the spec has it
     * @return the text; empty if the cell is blank or the file has no such column
     */
    public String text(String column) {
        Integer index = columns.get(Objects.requireNonNull(column, "column"));
        return index == null ? "" : FormulaGuard.unguard(cells[index].strip());
    }

    /**
     * Whether the cell has text.
     *
     * @param column the column's name
     * @return true if {@link #text(String)} is not empty
     */
    public boolean has(String column) {
        return !text(column).isEmpty();
    }

    /**
     * The parsed cell; a parser's {@link IllegalArgumentException} is reported at this cell.
     *
     * @param <T> the value's type
     * @param column the column's name
     * @param parser reads the text, throwing {@link IllegalArgumentException} with what was expected
     * @return the value, or empty if the cell is blank or fails
     */
    public <T> Optional<T> optional(String column, Function<String, ? extends T> parser) {
        String text = text(column);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parser.apply(text));
        } catch (IllegalArgumentException e) {
            fail(column, text, lowerFirst(e.getMessage()));
            return Optional.empty();
        }
    }

    /**
     * The parsed cell; a blank cell is reported as missing.
     *
     * @param <T> the value's type
     * @param column the column's name
     * @param parser reads the text, throwing {@link IllegalArgumentException} with what was expected
     * @return the value, or empty if the cell is blank or fails
     */
    public <T> Optional<T> required(String column, Function<String, ? extends T> parser) {
        if (!has(column)) {
            fail(column, "", "required value is missing");
            return Optional.empty();
        }
        return optional(column, parser);
    }

    /** Marks the row bad without a report, because what it refers to has already been reported. */
    public void dependsOnAFailure() {
        ok = false;
    }

    /**
     * Reports a problem with a cell, or with the whole row if the file lacks the column, and marks the row bad.
     *
     * @param column the column's name
     * @param value the offending text
     * @param message what was expected
     */
    public void fail(String column, String value, String message) {
        ok = false;
        Integer index = columns.get(column);
        if (index == null) {
            problems.add(file, line, 0, "", value, column + ": " + message);
        } else {
            problems.add(file, line, index + 1, header.get(index), value, message);
        }
    }

    private static String lowerFirst(String message) {
        return message == null || message.isEmpty() ? "invalid value"
                : Character.toLowerCase(message.charAt(0)) + message.substring(1);
    }
}
