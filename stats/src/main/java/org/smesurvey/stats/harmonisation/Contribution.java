package org.smesurvey.stats.harmonisation;

import java.util.Objects;
import org.smesurvey.core.SizeBand;

/**
 * What one source figure contributes to a re-weighted proportion.
 *
 * @param source the band of the source figure
 * @param part the part of that band inside the target
 * @param enterprises the enterprises counted in {@code part}
 * @param weight their share of the target's enterprises, in [0, 1]
 * @param apportioned whether {@code enterprises} was apportioned from a wider band by its width, rather than
 *        read from the population
 * @since 0.1
 */
public record Contribution(SizeBand source, SizeBand part, double enterprises, double weight, boolean apportioned) {

    /**
     * Validates the contribution.
     *
     * @param source the band of the source figure
     * @param part the part of that band inside the target
     * @param enterprises the enterprises counted in {@code part}
     * @param weight their share of the target's enterprises
     * @param apportioned whether the count was apportioned
     * @throws NullPointerException if a band is null
     */
    public Contribution {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(part, "part");
    }
}
