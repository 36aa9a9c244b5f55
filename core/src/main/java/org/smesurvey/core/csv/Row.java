package org.smesurvey.core.csv;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One data row. Each getter reads a cell through a parser; a cell that fails is reported with its line and
 * column, the row is marked bad, and the getter returns empty so that reading goes on to find every problem.
 */
final class Row {
    private final String file;
    private final long line;
    private final Map<String, Integer> columns;
    private final String[] header;
    private final String[] cells;
    private final Problems problems;
    private boolean ok = true;

    Row(String file, long line, Map<String, Integer> columns, String[] header, String[] cells, Problems problems) {
        this.file = file;
        this.line = line;
        this.columns = columns;
        this.header = header;
        this.cells = cells;
        this.problems = problems;
    }

    long line() {
        return line;
    }

    /** Whether no cell of this row has failed so far. */
    boolean ok() {
        return ok;
    }

    /** The cell's text, stripped; empty if blank or if the file has no such column. */
    String text(String column) {
        Integer index = columns.get(column);
        return index == null ? "" : Cells.unguard(cells[index].strip());
    }

    boolean has(String column) {
        return !text(column).isEmpty();
    }

    /** The parsed cell, empty if blank; a failure is reported. */
    <T> Optional<T> optional(String column, Function<String, T> parser) {
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

    /** The parsed cell; a blank cell is reported as missing. */
    <T> Optional<T> required(String column, Function<String, T> parser) {
        if (!has(column)) {
            fail(column, "", "required value is missing");
            return Optional.empty();
        }
        return optional(column, parser);
    }

    /** Marks the row bad without a report, because what it refers to has already been reported. */
    void dependsOnAFailure() {
        ok = false;
    }

    /** Reports a problem with a cell (or with the whole row if the file lacks the column). */
    void fail(String column, String value, String message) {
        ok = false;
        Integer index = columns.get(column);
        if (index == null) {
            problems.add(file, line, 0, "", value, column + ": " + message);
        } else {
            problems.add(file, line, index + 1, header[index].strip(), value, message);
        }
    }

    private static String lowerFirst(String message) {
        return message == null || message.isEmpty() ? "invalid value"
                : Character.toLowerCase(message.charAt(0)) + message.substring(1);
    }
}
