package org.smesurvey.stats.harmonisation;

import java.util.Locale;
import java.util.Objects;
import org.smesurvey.core.SizeBand;

/**
 * A count the reference population does not give, taken as a share of a wider band it does count: the share
 * Zipf's law gives the part ({@link SizeHarmonisation}), never one in proportion to the part's width.
 *
 * @param population the id of the population whose band was split
 * @param counted the band it counts
 * @param enterprises the enterprises it counts there
 * @param part the part of {@code counted} that was needed
 * @param fraction the share of {@code counted}'s enterprises Zipf's law puts in {@code part}, in [0, 1]
 * @since 0.1
 */
public record CountSplit(String population, SizeBand counted, double enterprises, SizeBand part, double fraction) {

    /**
     * Validates the split.
     *
     * @param population the id of the population whose band was split
     * @param counted the band it counts
     * @param enterprises the enterprises it counts there
     * @param part the part of {@code counted} that was needed
     * @param fraction the share Zipf's law puts in {@code part}
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code counted} does not contain {@code part}, the count is negative or
     *         NaN, or the fraction is not in [0, 1]
     */
    public CountSplit {
        Objects.requireNonNull(population, "population");
        Objects.requireNonNull(counted, "counted");
        Objects.requireNonNull(part, "part");
        if (!counted.contains(part)) {
            throw new IllegalArgumentException("Band " + counted + " does not contain " + part);
        }
        if (!(enterprises >= 0)) {
            throw new IllegalArgumentException("Enterprises are negative or NaN: " + enterprises);
        }
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("Fraction is not in [0, 1]: " + fraction);
        }
    }

    /**
     * The assumption in words, such as "INSEE_TEF_2018 counts 10-249 only as a whole (140,000 enterprises): 10-49
     * given 83.3 % of them by Zipf's law (density ∝ n^-2, Axtell 2001)".
     *
     * @return the sentence
     */
    public String assumption() {
        return String.format(Locale.ROOT, "%s counts %s only as a whole (%,.0f enterprises): %s given %.1f %% of "
                + "them by Zipf's law (density ∝ n^-2, Axtell 2001)", population, counted.label(), enterprises,
                part.label(), 100 * fraction);
    }
}
