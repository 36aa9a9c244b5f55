package org.smesurvey.stats.harmonisation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.smesurvey.core.PopulationCount;
import org.smesurvey.core.ReferencePopulation;
import org.smesurvey.core.Region;
import org.smesurvey.core.SizeBand;
import org.smesurvey.stats.EffectiveSample;

/**
 * Kitagawa's decomposition against the same computation written out in R (stats/src/test/reference/kitagawa.R,
 * R 4.2.2): rates 320/800, 220/400, 144/200 against 150/500, 135/300, 90/150 in the classes 10-49, 50-249 and 250+,
 * shares from 30,000/5,000/1,000 and 40,000/4,000/600 enterprises.
 */
class RateDecompositionTest {

    private static final List<SizeBand> BANDS = List.of(SizeBand.of(10, 49), SizeBand.of(50, 249), SizeBand.atLeast(250));

    private static List<SizeFigure> figures(int[] x, int[] n) {
        return List.of(SizeFigure.of(BANDS.get(0), EffectiveSample.of(x[0], n[0])),
                SizeFigure.of(BANDS.get(1), EffectiveSample.of(x[1], n[1])),
                SizeFigure.of(BANDS.get(2), EffectiveSample.of(x[2], n[2])));
    }

    private static ReferencePopulation population(String id, long... counts) {
        return new ReferencePopulation(id, "test", Region.of("FR"), 2020, "enterprises", Optional.empty(), List.of(
                new PopulationCount("10-49", BANDS.get(0), OptionalLong.of(counts[0]), Optional.empty(), ""),
                new PopulationCount("50-249", BANDS.get(1), OptionalLong.of(counts[1]), Optional.empty(), ""),
                new PopulationCount("250+", BANDS.get(2), OptionalLong.of(counts[2]), Optional.empty(), "")));
    }

    @Test
    void partsAreKitagawasAndAddUpToTheGap() {
        RateDecomposition.Decomposition d = RateDecomposition.kitagawa(
                figures(new int[] {320, 220, 144}, new int[] {800, 400, 200}), population("A", 30000, 5000, 1000),
                figures(new int[] {150, 135, 90}, new int[] {500, 300, 150}), population("B", 40000, 4000, 600));
        assertEquals(0.42972222222222228, d.first(), 1e-15);
        assertEquals(0.31748878923766816, d.second(), 1e-15);
        assertEquals(0.11223343298455413, d.gap().value(), 1e-15);
        assertEquals(0.02378662346082807, d.gap().standardError().getAsDouble(), 1e-15);
        assertEquals(0.10041230692575988, d.rates().value(), 1e-15);
        assertEquals(0.02363914422641392, d.rates().standardError().getAsDouble(), 1e-15);
        assertEquals(0.011821126058794224, d.composition().value(), 1e-15);
        assertEquals(0.0013168248363298757, d.composition().standardError().getAsDouble(), 1e-15);
        assertEquals(d.gap().value(), d.rates().value() + d.composition().value(), 1e-15, "the parts add up");
        double byClass = d.classes().stream().mapToDouble(c -> c.rates() + c.composition()).sum();
        assertEquals(d.gap().value(), byClass, 1e-15, "the classes' contributions add up");
        assertEquals("43.0 % against 31.7 %: a gap of +11.2 (SE 2.4) points, +10.0 (SE 2.4) from the size classes'"
                + " rates and +1.2 (SE 0.1) from the size mix", d.summary());
    }

    @Test
    void theClassesMustBeTheSame() {
        List<SizeFigure> two = List.of(SizeFigure.of(BANDS.get(0), 0.3), SizeFigure.of(BANDS.get(1), 0.4));
        List<SizeFigure> three = figures(new int[] {1, 1, 1}, new int[] {2, 2, 2});
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RateDecomposition.kitagawa(two,
                population("A", 1, 1, 1), three, population("B", 1, 1, 1))).getMessage()
                .startsWith("The two sets of figures must be for the same size classes"));
        RateDecomposition.Decomposition unbased = RateDecomposition.kitagawa(
                List.of(SizeFigure.of(BANDS.get(0), 0.3), SizeFigure.of(BANDS.get(1), 0.5), SizeFigure.of(BANDS.get(2), 0.7)),
                population("A", 3, 2, 1), three, population("B", 1, 1, 1));
        assertTrue(unbased.rates().standardError().isEmpty(), "a figure without a base has no variance");
    }
}
