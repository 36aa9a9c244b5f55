package org.smesurvey.stats.harmonisation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.smesurvey.core.ReferencePopulation;
import org.smesurvey.core.SizeBand;
import org.smesurvey.core.bundled.Bundled;
import org.smesurvey.stats.EffectiveSample;

class DirectStandardisationTest {

    /** Eurostat preliminary SBS 2023, EU27: 0-49, 50-249, 250+ (bundled). */
    private static final ReferencePopulation EU_2023 =
            Bundled.populations().population("EUROSTAT_SBS_2023P").orElseThrow();

    /**
     * R 4.2.2, stats/src/test/reference/harmonisation.R: {@code s <- c(0.35, 0.52, 0.71);
     * sv <- s * (1 - s) / c(1000, 400, 150); w <- c(32400000, 246000, 53000); w <- w / sum(w);
     * sum(w * s); sqrt(sum(w^2 * sv))}.
     */
    @Test
    void weightsByTheStandardMix() {
        List<SizeFigure> figures = List.of(
                SizeFigure.of(SizeBand.atLeast(250), new EffectiveSample(0.71 * 150, 150)),
                SizeFigure.of(SizeBand.of(0, 49), new EffectiveSample(0.35 * 1000, 1000)),
                SizeFigure.of(SizeBand.of(50, 249), new EffectiveSample(0.52 * 400, 400)));
        Reweighted standardised = DirectStandardisation.standardise(figures, EU_2023);
        assertEquals(0.35186244227652219, standardised.proportion(), 1e-12);
        assertEquals(0.014946485222477169, standardised.standardError().getAsDouble(), 1e-12);
        assertEquals(SizeBand.ALL, standardised.band());
        assertEquals(Set.of(), standardised.caveats());
        assertTrue(standardised.contributions().get(0).weight() > 0.99);
    }

    @Test
    void needsFiguresCoveringAContiguousSpan() {
        assertEquals("No figure to standardise", assertThrows(IllegalArgumentException.class,
                () -> DirectStandardisation.standardise(List.of(), EU_2023)).getMessage());
        assertEquals("The figures do not cover 0+: nothing for [50-249]", assertThrows(IllegalArgumentException.class,
                () -> DirectStandardisation.standardise(List.of(SizeFigure.of(SizeBand.of(0, 49), 0.3),
                        SizeFigure.of(SizeBand.atLeast(250), 0.7)), EU_2023)).getMessage());
    }

    @Test
    void figureValidation() {
        assertThrows(IllegalArgumentException.class, () -> SizeFigure.of(SizeBand.of(0, 9), 1.5));
        assertThrows(IllegalArgumentException.class,
                () -> new SizeFigure(SizeBand.of(0, 9), 0.5, java.util.OptionalDouble.of(Double.NaN)));
    }
}
