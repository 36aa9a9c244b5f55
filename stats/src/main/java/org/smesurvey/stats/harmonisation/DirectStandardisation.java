package org.smesurvey.stats.harmonisation;

import java.util.List;
import java.util.Objects;
import org.smesurvey.core.ReferencePopulation;
import org.smesurvey.core.SizeBand;

/**
 * Direct standardisation: a study's size-specific proportions weighted by a <em>standard</em> population's
 * mix of sizes, so that two countries or two studies with different mixes of small and large companies can be
 * compared on the same mix (the EU's, say).
 *
 * <p>\[ \hat p_{std} = \sum_i \frac{N_i}{\sum_j N_j} p_i, \qquad
 *      \operatorname{se} = \sqrt{\sum_i \Big(\frac{N_i}{\sum_j N_j}\Big)^2 \operatorname{Var} p_i}, \]
 * \( N_i \) being the standard population's enterprises in band \( i \).
 *
 * <p>References:
 * <ol>
 * <li>Fleiss, J. L., Levin, B. and Paik, M. C. (2003). <i>Statistical Methods for Rates and
 *     Proportions</i>, 3rd ed. Wiley, §19.3.</li>
 * <li>Breslow, N. E. and Day, N. E. (1987). <i>Statistical Methods in Cancer Research II</i>. IARC, §2.3
 *     (variance of a directly standardised rate).</li>
 * </ol>
 *
 * @since 0.1
 */
public final class DirectStandardisation {
    private DirectStandardisation() {
    }

    /**
     * The proportion a study would have with the standard population's mix of sizes.
     *
     * @param figures figures for disjoint bands, such as one study's size classes
     * @param standard the standard population, counting enterprises in (or around) each band
     * @return the standardised proportion over the union of the bands, with its standard error
     * @throws IllegalArgumentException if there is no figure, the bands overlap or leave gaps, or the standard
     *         population cannot count a band
     */
    public static Reweighted standardise(List<SizeFigure> figures, ReferencePopulation standard) {
        Objects.requireNonNull(standard, "standard");
        if (figures.isEmpty()) {
            throw new IllegalArgumentException("No figure to standardise");
        }
        List<SizeFigure> sorted = figures.stream().sorted((a, b) -> a.band().compareTo(b.band())).toList();
        SizeBand span = SizeBand.of(sorted.get(0).band().min(), sorted.get(sorted.size() - 1).band().max());
        return SizeHarmonisation.reexpress(sorted, span, standard);
    }
}
