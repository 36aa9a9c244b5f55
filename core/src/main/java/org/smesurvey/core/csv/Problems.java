package org.smesurvey.core.csv;

import java.util.ArrayList;
import java.util.List;

/** Collects the problems of one read; the read fails at the end if there is any. */
final class Problems {
    private final List<Problem> problems = new ArrayList<>();

    void add(String file, long line, int column, String columnName, String value, String message) {
        problems.add(new Problem(file, line, column, columnName, value, message));
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    /** Throws when anything was found. */
    void throwIfAny() throws CatalogueFormatException {
        if (!problems.isEmpty()) {
            throw new CatalogueFormatException(problems);
        }
    }
}
