package org.smesurvey.stats.harmonisation;

import java.util.List;
import java.util.Objects;
import org.smesurvey.core.SizeBand;

/**
 * What one source figure contributes to a re-weighted proportion.
 *
 * @param source the band of the source figure
 * @param part the part of that band inside the target
 * @param enterprises the enterprises counted in {@code part}
 * @param weight their share of the target's enterprises, in [0, 1]
 * @param splits the wider counted bands whose shares make up {@code enterprises}, by Zipf's law; empty when the
 *        population counts {@code part} itself (or bands that tile it)
 * @since 0.1
 */
public record Contribution(SizeBand source, SizeBand part, double enterprises, double weight, List<CountSplit> splits) {

    /**
     * Validates the contribution and copies the splits.
     *
     * @param source the band of the source figure
     * @param part the part of that band inside the target
     * @param enterprises the enterprises counted in {@code part}
     * @param weight their share of the target's enterprises
     * @param splits the counted bands split to count {@code part}, perhaps none
     * @throws NullPointerException if a band or the splits are null
     */
    public Contribution {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(part, "part");
        splits = List.copyOf(Objects.requireNonNull(splits, "splits"));
    }

    /**
     * Whether {@code enterprises} was apportioned from wider counted bands by Zipf's law rather than read from the
     * population.
     *
     * @return whether there are splits
     */
    public boolean apportioned() {
        return !splits.isEmpty();
    }
}
