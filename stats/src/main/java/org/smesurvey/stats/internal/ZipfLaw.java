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
        Objects.requireNonNull(part, "part");
        Objects.requireNonNull(whole, "whole");
        if (!whole.contains(part)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "Band %s does not contain %s",
                    whole.label(), part.label()));
        }
        return (inverse(part.min()) - inverseEnd(part)) / (inverse(whole.min()) - inverseEnd(whole));
    }

    private static double inverse(int min) {
        return 1.0 / Math.max(min, 1);
    }

    private static double inverseEnd(SizeBand band) {
        return band.isOpenEnded() ? 0 : 1.0 / Math.max(band.max() + 1.0, Math.max(band.min(), 1) + 1.0);
    }
}
