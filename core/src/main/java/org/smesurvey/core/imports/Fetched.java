package org.smesurvey.core.imports;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A table fetched from a statistical office's API ({@link EurostatFetch}, {@link OecdFetch}) and kept on disk.
 *
 * @param url the address asked
 * @param file where the table is kept in the cache directory
 * @param released the release date the office gave (the response's {@code Last-Modified}, else the table's own
 *        {@code LAST UPDATE}), if any
 * @param fromCache whether the office answered that the cached table is current (HTTP 304), so that it was reused
 * @param imported what the importer made of the table
 * @since 0.2
 */
public record Fetched(URI url, Path file, Optional<String> released, boolean fromCache, Imported imported) {

    /**
     * Checks the parts.
     *
     * @param url the address asked
     * @param file where the table is kept
     * @param released the release date, if any
     * @param fromCache whether the cached table was reused
     * @param imported what the importer made of it
     * @throws NullPointerException if an argument is null
     */
    public Fetched {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(released, "released");
        Objects.requireNonNull(imported, "imported");
    }
}
