package org.smesurvey.core.csv;

import java.util.List;
import org.smesurvey.core.io.InputFormatException;
import org.smesurvey.core.io.Problem;

/**
 * A catalogue file that cannot be read, with the problems found in it: nothing of it was loaded.
 *
 * @since 0.1
 */
public final class CatalogueFormatException extends InputFormatException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception for these problems, all of them kept.
     *
     * @param problems what was found, at least one
     * @throws IllegalArgumentException if {@code problems} is empty
     */
    public CatalogueFormatException(List<Problem> problems) {
        this(problems, java.util.Objects.requireNonNull(problems, "problems").size());
    }

    /**
     * An exception for these problems.
     *
     * @param problems the problems kept, at least one
     * @param count how many were found, at least {@code problems.size()}
     * @throws IllegalArgumentException if {@code problems} is empty or {@code count} is less than its size
     */
    public CatalogueFormatException(List<Problem> problems, long count) {
        super("the catalogue", problems, count);
    }
}
