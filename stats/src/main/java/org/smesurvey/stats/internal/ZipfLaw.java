package org.smesurvey.stats.internal;

import java.util.Locale;
import java.util.Objects;
import org.smesurvey.core.SizeBand;

/**
 * Zipf's law of firm sizes (Axtell 2001): enterprises spread over employee sizes with a density proportional to
 * \( n^{-2} \), so that the fraction of a band \( [A, B) \)'s enterprises in a part \( [a, b) \) of it is
 * \[ \frac{1/a - 1/b}{1/A - 1/B}, \]
 * a firm of 0 employees counted at 1 (\( a \ge 1 \)), \( b \) one past the part's largest size (at least
 * \( a + 1 \)), \( 1/b = 0 \) for an open band. The one split of a counted band into narrower ones that the stats
 * packages use: {@code adoption.SizeMixture} and {@code harmonisation.SizeHarmonisation}.
 *
 * <p>Reference: Axtell, R. L. (2001). Zipf distribution of U.S. firm sizes. <i>Science</i> 293, 1818–1820.
 * doi:10.1126/science.1062081.
 */
public final class ZipfLaw {
    private ZipfLaw() {
    }

    /**
     * The fraction of a band's enterprises in a part of it.
     *
     * @param part the part
     * @param whole the band that contains it
     * @return the fraction, in [0, 1]
     * @throws IllegalArgumentException if {@code whole} does not contain {@code part}
     */
    public static double fraction(SizeBand part, SizeBand whole) {
        return fraction(part, whole, 1);
    }

    /**
     * The fraction of a band's enterprises in a part of it under a Pareto law of exponent α: the enterprises of size
     * n or more proportional to \( n^{-α} \), so that the fraction is
     * \( (a^{-α} - b^{-α}) / (A^{-α} - B^{-α}) \); Zipf's law is α = 1.
     *
     * @param part the part
     * @param whole the band that contains it
     * @param exponent α, positive
     * @return the fraction, in [0, 1]
     * @throws IllegalArgumentException if {@code whole} does not contain {@code part} or α is not positive
     */
    public static double fraction(SizeBand part, SizeBand whole, double exponent) {
        Objects.requireNonNull(part, "part");
        Objects.requireNonNull(whole, "whole");
        if (!whole.contains(part)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "Band %s does not contain %s",
                    whole.label(), part.label()));
        }
        if (!(exponent > 0) || Double.isInfinite(exponent)) {
            throw new IllegalArgumentException("Exponent is not positive and finite: " + exponent);
        }
        return (survival(Math.max(part.min(), 1), exponent) - end(part, exponent))
                / (survival(Math.max(whole.min(), 1), exponent) - end(whole, exponent));
    }

    private static double survival(double n, double exponent) {
        return exponent == 1 ? 1 / n : Math.pow(n, -exponent); // Zipf's exactly as 1/n, to the last bit
    }

    private static double end(SizeBand band, double exponent) {
        return band.isOpenEnded() ? 0
                : survival(Math.max(band.max() + 1.0, Math.max(band.min(), 1) + 1.0), exponent);
    }
}
