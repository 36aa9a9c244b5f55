package org.smesurvey.core.io;

import java.util.Objects;

/**
 * One thing wrong in an input file: where it is, what was found and the rule it breaks.
 *
 * @param file the file name, such as {@code observations.csv}
 * @param line the line, counted from 1; 0 when the problem is about the whole file
 * @param column the column, counted from 1; 0 when the problem is about the whole line or file
 * @param columnName the column's header, empty when {@code column} is 0
 * @param value the offending text, shortened to 80 characters; may be empty
 * @param message what was expected
 * @since 0.1
 */
public record Problem(String file, long line, int column, String columnName, String value, String message) {

    private static final int SHOWN = 80;

    /**
     * Validates the problem and shortens the value.
     *
     * @param file the file name, such as {@code observations.csv}
     * @param line the line, counted from 1; 0 when the problem is about the whole file
     * @param column the column, counted from 1; 0 when the problem is about the whole line or file
     * @param columnName the column's header, empty when {@code column} is 0
     * @param value the offending text, shortened to 80 characters; may be empty
     * @param message what was expected
     * @throws NullPointerException if a text is null
     */
    public Problem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(columnName, "columnName");
        Objects.requireNonNull(message, "message");
        value = shorten(Objects.requireNonNull(value, "value"));
    }

    private static String shorten(String value) {
        return value.length() <= SHOWN ? value
                : value.substring(0, SHOWN) + "… (" + value.length() + " characters)";
    }

    /**
     * The problem as one line: {@code observations.csv, line 12, column 13 (n), value '-3': …}.
     *
     * @return the description
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(file);
        if (line > 0) {
            text.append(", line ").append(line);
        }
        if (column > 0) {
            text.append(", column ").append(column);
            if (!columnName.isEmpty()) {
                text.append(" (").append(columnName).append(')');
            }
        }
        if (!value.isEmpty()) {
            text.append(", value '").append(value).append('\'');
        }
        return text.append(": ").append(message).toString();
    }
}
