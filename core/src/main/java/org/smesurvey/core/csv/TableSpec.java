package org.smesurvey.core.csv;

import java.util.List;

/**
 * The columns of one kind of catalogue file, in the order they are written.
 *
 * @param columns every known column
 * @param required the columns the header must have
 * @param oneOf groups of which the header must have at least one column each
 * @param mayBeEmpty whether a header with no data rows is a valid file
 */
record TableSpec(List<String> columns, List<String> required, List<List<String>> oneOf, boolean mayBeEmpty) {

    TableSpec {
        columns = List.copyOf(columns);
        required = List.copyOf(required);
        oneOf = List.copyOf(oneOf);
    }
}
