package org.smesurvey.core.io;

import java.util.List;
import java.util.Set;

/**
 * What a {@link CsvReader} read of one file: its header, whether every row could be split into cells, and the
 * rows it kept, if it was asked to keep them.
 *
 * @param file the file's name
 * @param header the header's names, trimmed; empty if the file has no readable header
 * @param complete whether the header was right and every row could be split into cells; when false, rows are
 *        missing and references to them cannot be checked
 * @param droppedKeys the first cell of each row dropped for its shape, so that references to it are not
 *        reported twice
 * @param rowCount how many good-shaped data rows were read
 * @param rows the rows, when read with {@link CsvReader#readAll}; empty when streamed
 * @since 0.1
 */
public record CsvFile(String file, List<String> header, boolean complete, Set<String> droppedKeys, long rowCount,
        List<Row> rows) {

    /**
     * Copies the collections.
     *
     * @param file the file's name
     * @param header the header's names
     * @param complete whether every row could be split into cells
     * @param droppedKeys the first cell of each dropped row
     * @param rowCount how many good-shaped data rows were read
     * @param rows the rows kept
     */
    public CsvFile {
        java.util.Objects.requireNonNull(file, "file");
        header = List.copyOf(java.util.Objects.requireNonNull(header, "header"));
        droppedKeys = Set.copyOf(java.util.Objects.requireNonNull(droppedKeys, "droppedKeys"));
        rows = List.copyOf(java.util.Objects.requireNonNull(rows, "rows"));
    }
}
