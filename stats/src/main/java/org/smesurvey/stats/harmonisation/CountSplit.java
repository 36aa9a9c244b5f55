package org.smesurvey.stats.harmonisation;

import java.util.Locale;
import java.util.Objects;
import org.smesurvey.core.SizeBand;

/**
 * A count the reference population does not give, taken as a share of a wider band it does count: the share a law
 * of firm sizes gives the part ({@link SizeHarmonisation}), never one in proportion to the part's width. The law is
 * a Pareto law, the enterprises of n employees or more proportional to \( n^{-α} \), with α fitted to the
 * population's own bands from the counted band's lower bound up (least squares of the log of the enterprises of
 * each band's lower bound or more on the log of that bound, at least two bounds); with fewer, Zipf's law, α = 1
 * (Axtell 2001).
 *
 * @param population the id of the population whose band was split
 * @param counted the band it counts
 * @param enterprises the enterprises it counts there
 * @param part the part of {@code counted} that was needed
 * @param fraction the share of {@code counted}'s enterprises the law puts in {@code part}, in [0, 1]
 * @param exponent the Pareto exponent α used
 * @param fitted whether α was fitted to the population's bands (else Zipf's α = 1)
 * @since 0.1
 */
public record CountSplit(String population, SizeBand counted, double enterprises, SizeBand part, double fraction,
        double exponent, boolean fitted) {

    /**
     * Validates the split.
     *
     * @param population the id of the population whose band was split
     * @param counted the band it counts
     * @param enterprises the enterprises it counts there
     * @param part the part of {@code counted} that was needed
     * @param fraction the share the law puts in {@code part}
     * @param exponent the Pareto exponent α, positive
     * @param fitted whether α was fitted
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code counted} does not contain {@code part}, the count is negative or
     *         NaN, the fraction is not in [0, 1] or the exponent is not positive
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
        if (!(exponent > 0) || Double.isInfinite(exponent)) {
            throw new IllegalArgumentException("Exponent is not positive and finite: " + exponent);
        }
    }

    /**
     * The assumption in words, such as "INSEE_TEF_2018 counts 10-249 only as a whole (140,000 enterprises): 10-49
     * given 83.4 % of them by a Pareto law fitted to its bands from 10 employees up (exponent 1.00)".
     *
     * @return the sentence
     */
    public String assumption() {
        return String.format(Locale.ROOT, "%s counts %s only as a whole (%,.0f enterprises): %s given %.1f %% of "
                + "them by %s", population, counted.label(), enterprises, part.label(), 100 * fraction, law());
    }

    /**
     * The law in words: the fitted Pareto law and its exponent, or Zipf's law.
     *
     * @return such as {@code a Pareto law fitted to its bands from 10 employees up (exponent 1.00)}
     */
    public String law() {
        return fitted ? String.format(Locale.ROOT, "a Pareto law fitted to its bands from %d employees up (exponent"
                + " %.2f)", Math.max(counted.min(), 1), exponent)
                : "Zipf's law (density ∝ n^-2, Axtell 2001), too few of its bands to fit one";
    }
}
