package org.smesurvey.core.io;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * An input that cannot be read, with the problems found in it: nothing of it was loaded. At most
 * {@value Problems#KEPT} problems are kept; {@link #count()} says how many were found in all.
 *
 * @since 0.1
 */
public class InputFormatException extends IOException {

    private static final long serialVersionUID = 1L;
    private static final int LISTED = 25;

    /** Kept as an immutable list; records are not serialisable-friendly, so the field is transient. */
    private final transient List<Problem> problems;
    private final long count;

    /**
     * An exception for these problems.
     *
     * @param what what was being read, as it reads in "3 problems in the catalogue", such as {@code the catalogue}
     * @param problems the problems kept, at least one
     * @param count how many problems were found, at least {@code problems.size()}
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code problems} is empty or {@code count} is less than its size
     */
    public InputFormatException(String what, List<Problem> problems, long count) {
        super(describe(Objects.requireNonNull(what, "what"), Objects.requireNonNull(problems, "problems"), count));
        this.problems = List.copyOf(problems);
        this.count = count;
    }

    /**
     * The problems kept, in the order they were found (file, then line).
     *
     * @return the problems
     */
    public List<Problem> problems() {
        return problems == null ? List.of() : problems;
    }

    /**
     * How many problems were found, including those not kept.
     *
     * @return the count
     */
    public long count() {
        return count;
    }

    private static String describe(String what, List<Problem> problems, long count) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("A format exception needs at least one problem");
        }
        if (count < problems.size()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "Count of problems is less than the %d kept: %d", problems.size(), count));
        }
        String head = count == 1 ? "1 problem in " + what + "; nothing was loaded:"
                : String.format(Locale.ROOT, "%,d problems in %s; nothing was loaded:", count, what);
        String listed = problems.stream().limit(LISTED).map(p -> "  " + p).collect(Collectors.joining("\n"));
        String more = count > LISTED ? String.format(Locale.ROOT, "\n  … and %,d more", count - LISTED) : "";
        return head + "\n" + listed + more;
    }
}
