package org.smesurvey.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.smesurvey.stats.internal.Distributions;
import org.smesurvey.core.Figure;
import org.smesurvey.core.Indicator;
import org.smesurvey.core.NetworkScope;
import org.smesurvey.core.Observation;
import org.smesurvey.core.Population;
import org.smesurvey.core.Region;
import org.smesurvey.core.SizeClassScheme;
import org.smesurvey.core.Study;

class EffectiveSampleTest {

    private static final double TOLERANCE = 1e-12;

    private static final Study STUDY = Study.builder("S").title("T").publisher("P").region(Region.of("FR"))
            .population(new Population("SMEs", SizeClassScheme.NOT_STATED, java.util.Optional.empty(),
                    java.util.Optional.empty())).build();

    private static Observation observation(Figure figure, double deff) {
        Observation.Builder builder = Observation.builder(STUDY, Indicator.of("a", ""), NetworkScope.EXTERNAL, figure);
        if (deff > 0) {
            builder.designEffect(deff);
        }
        return builder.build();
    }

    @Test
    void designEffectDividesTheSampleSize() {
        EffectiveSample s = EffectiveSample.fromDesignEffect(0.3, 1200, 1.5);
        assertEquals(800, s.size(), TOLERANCE);
        assertEquals(240, s.successes(), TOLERANCE);
        assertEquals(0.3, s.proportion(), TOLERANCE);
    }

    @Test
    void standardErrorGivesTheSizeWithTheSameBinomialVariance() {
        // p(1 - p) / se^2 = 0.21 / 0.0001 = 2100
        EffectiveSample s = EffectiveSample.fromStandardError(0.3, 0.01);
        assertEquals(2100, s.size(), 1e-9);
        assertEquals(0.3, s.proportion(), TOLERANCE);
        assertEquals("Proportion is not in (0, 1): 0.0", assertThrows(IllegalArgumentException.class,
                () -> EffectiveSample.fromStandardError(0, 0.01)).getMessage());
    }

    /** R 4.2.2: {@code w <- c(1, 2, 2, 5, 10); y <- c(1, 0, 1, 1, 0); sum(w)^2 / sum(w^2); sum(w * y) / sum(w)}. */
    @Test
    void kishEffectiveSizeOfWeights() {
        EffectiveSample s = EffectiveSample.kish(new double[] {1, 2, 2, 5, 10},
                new boolean[] {true, false, true, true, false});
        assertEquals(2.9850746268656718, s.size(), TOLERANCE);
        assertEquals(0.40000000000000002, s.proportion(), TOLERANCE);
        assertEquals(5, EffectiveSample.kish(new double[] {3, 3, 3, 3, 3}, new boolean[5]).size(), TOLERANCE);
        assertEquals("Weights and outcomes must be non-empty and of the same length: 2 and 1",
                assertThrows(IllegalArgumentException.class,
                        () -> EffectiveSample.kish(new double[] {1, 2}, new boolean[1])).getMessage());
        assertEquals("Weight is not a positive finite number: 0.0", assertThrows(IllegalArgumentException.class,
                () -> EffectiveSample.kish(new double[] {1, 0}, new boolean[2])).getMessage());
    }

    @Test
    void readsEveryFigureForm() {
        assertEquals(new EffectiveSample(212, 400), EffectiveSample.of(observation(new Figure.Counts(212, 400), 0)));
        EffectiveSample counts = EffectiveSample.of(observation(new Figure.Counts(212, 400), 2));
        assertEquals(200, counts.size(), TOLERANCE);
        assertEquals(106, counts.successes(), TOLERANCE);
        assertEquals(0.53 * 400, EffectiveSample.of(observation(new Figure.WithBase(0.53, 400), 0)).successes(),
                TOLERANCE);
        assertEquals(2100, EffectiveSample.of(observation(
                new Figure.WithStandardError(0.3, 0.01, OptionalInt.empty()), 0)).size(), 1e-9);
        // A Wald interval of half-width z * 0.01 gives back the standard error 0.01.
        double half = Distributions.z(0.9) * 0.01;
        assertEquals(2100, EffectiveSample.of(observation(
                new Figure.WithInterval(0.3, 0.3 - half, 0.3 + half, 0.9, OptionalInt.empty()), 0)).size(), 1e-7);
        assertEquals("Figure of S has no base, standard error or interval: its precision is unknown",
                assertThrows(IllegalArgumentException.class,
                        () -> EffectiveSample.of(observation(new Figure.Unbased(0.2), 0))).getMessage());
    }
}
