package org.smesurvey.core;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The number of enterprises in one size band, as a statistical office published it.
 *
 * @param sizeClass the class as the publisher names it ("PME hors MIC", "10-49", "total")
 * @param band its employee band
 * @param enterprises the number of enterprises; empty when the publisher gave only a share, which
 *        {@code notes} then quotes
 * @param source where the count was read, if given
 * @param notes remarks, such as "reported as '22.3 million'"; may be empty
 * @since 0.1
 */
public record PopulationCount(String sizeClass, SizeBand band, OptionalLong enterprises, Optional<URI> source,
        String notes) {

    /**
     * Validates the count.
     *
     * @param sizeClass the class as the publisher names it ("PME hors MIC", "10-49", "total")
     * @param band its employee band
     * @param enterprises the number of enterprises; empty when the publisher gave only a share, which
     *        {@code notes} then quotes
     * @param source where the count was read, if given
     * @param notes remarks, such as "reported as '22.3 million'"; may be empty
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the class name is blank, the count is negative, or the source
     *         is not an absolute URI
     */
    public PopulationCount {
        sizeClass = Arguments.requireText(sizeClass, "size class");
        Objects.requireNonNull(band, "band");
        Objects.requireNonNull(enterprises, "enterprises").ifPresent(n -> {
            if (n < 0) {
                throw new IllegalArgumentException("Number of enterprises is negative: " + n);
            }
        });
        Objects.requireNonNull(source, "source").ifPresent(uri -> {
            if (!uri.isAbsolute()) {
                throw new IllegalArgumentException("Source is not an absolute URI: " + uri);
            }
        });
        notes = Arguments.optionalText(notes, "notes");
    }
}
