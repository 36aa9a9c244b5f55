package org.smesurvey.core.csv;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A catalogue file that cannot be read, with every problem found in it: nothing of it was loaded.
 *
 * @since 0.1
 */
public final class CatalogueFormatException extends IOException {

    private static final long serialVersionUID = 1L;
    private static final int LISTED = 25;

    /** Kept as an immutable list; records are not serialisable-friendly, so the field is transient. */
    private final transient List<Problem> problems;

    /**
     * An exception for these problems.
     *
     * @param problems what was found, at least one
     * @throws IllegalArgumentException if {@code problems} is empty
     */
    public CatalogueFormatException(List<Problem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    /**
     * Every problem found, in file and line order.
     *
     * @return the problems
     */
    public List<Problem> problems() {
        return problems == null ? List.of() : problems;
    }

    private static String describe(List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("A format exception needs at least one problem");
        }
        String head = problems.size() == 1 ? "1 problem in the catalogue; nothing was loaded:"
                : problems.size() + " problems in the catalogue; nothing was loaded:";
        String listed = problems.stream().limit(LISTED).map(p -> "  " + p).collect(Collectors.joining("\n"));
        String more = problems.size() > LISTED ? "\n  … and " + (problems.size() - LISTED) + " more" : "";
        return head + "\n" + listed + more;
    }
}
