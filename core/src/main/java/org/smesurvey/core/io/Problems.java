package org.smesurvey.core.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The problems of one read, collected so that a reader reports all of them at once. The first
 * {@value #KEPT} are kept and every one is counted, so that a file that is wrong on every line still fails in
 * memory proportional to its largest row, not to its size.
 *
 * <p>Not thread-safe: one read, one collector.
 *
 * @since 0.1
 */
public final class Problems {

    /** How many problems are kept; beyond it they are only counted. */
    public static final int KEPT = 1000;

    /** Makes the exception a reader throws, such as a {@code CatalogueFormatException}. */
    @FunctionalInterface
    public interface Failure<E extends InputFormatException> {
        /**
         * The exception for these problems.
         *
         * @param problems the problems kept
         * @param count how many were found
         * @return the exception
         */
        E of(List<Problem> problems, long count);
    }

    private final List<Problem> kept = new ArrayList<>();
    private long count;

    /** An empty collector. */
    public Problems() {
    }

    /**
     * Adds a problem.
     *
     * @param problem the problem
     * @throws NullPointerException if {@code problem} is null
     */
    public void add(Problem problem) {
        Objects.requireNonNull(problem, "problem");
        count++;
        if (kept.size() < KEPT) {
            kept.add(problem);
        }
    }

    /**
     * Adds a problem.
     *
     * @param file the file name
     * @param line the line, counted from 1; 0 for the whole file
     * @param column the column, counted from 1; 0 for the whole line or file
     * @param columnName the column's header, empty when {@code column} is 0
     * @param value the offending text
     * @param message what was expected
     */
    public void add(String file, long line, int column, String columnName, String value, String message) {
        count++;
        if (kept.size() < KEPT) {
            kept.add(new Problem(file, line, column, columnName, value, message));
        }
    }

    /**
     * Whether nothing was found.
     *
     * @return true if no problem was added
     */
    public boolean isEmpty() {
        return count == 0;
    }

    /**
     * How many problems were added, including those not kept.
     *
     * @return the count
     */
    public long count() {
        return count;
    }

    /**
     * The problems kept.
     *
     * @return an immutable copy
     */
    public List<Problem> kept() {
        return List.copyOf(kept);
    }

    /**
     * Throws when anything was found.
     *
     * @param what what was read, as in "3 problems in the respondent data"
     * @throws InputFormatException listing the problems, if there is any
     */
    public void throwIfAny(String what) throws InputFormatException {
        throwIfAny((list, n) -> new InputFormatException(what, list, n));
    }

    /**
     * Throws the reader's own exception when anything was found.
     *
     * @param <E> the exception's type
     * @param failure makes the exception
     * @throws E listing the problems, if there is any
     */
    public <E extends InputFormatException> void throwIfAny(Failure<E> failure) throws E {
        if (count > 0) {
            throw failure.of(kept, count);
        }
    }
}
