package org.smesurvey.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FigureTest {

    @Test
    void countsGiveTheirProportionAndBase() {
        Figure counts = new Figure.Counts(212, 400);
        assertEquals(0.53, counts.proportion(), 0.0);
        assertEquals(OptionalInt.of(400), counts.base());
        assertTrue(counts.hasBase());
        assertEquals(0.0, new Figure.Counts(0, 80).proportion(), 0.0);
        assertEquals(1.0, new Figure.Counts(80, 80).proportion(), 0.0);
    }

    @Test
    void countsRejectImpossibleValues() {
        assertEquals("x is greater than n: 81 > 80",
                assertThrows(IllegalArgumentException.class, () -> new Figure.Counts(81, 80)).getMessage());
        assertEquals("n is not positive: 0",
                assertThrows(IllegalArgumentException.class, () -> new Figure.Counts(0, 0)).getMessage());
        assertEquals("x is negative: -1",
                assertThrows(IllegalArgumentException.class, () -> new Figure.Counts(-1, 10)).getMessage());
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.01, 1.0000000000000002})
    void proportionsOutsideTheUnitIntervalAreRejected(double p) {
        assertEquals("Proportion is not in [0, 1]: " + p,
                assertThrows(IllegalArgumentException.class, () -> new Figure.Unbased(p)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Figure.WithBase(p, 10));
        assertThrows(IllegalArgumentException.class, () -> new Figure.WithStandardError(p, 0.01, OptionalInt.empty()));
        assertThrows(IllegalArgumentException.class, () -> new Figure.WithInterval(p, 0, 1, 0.95, OptionalInt.empty()));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 4.9e-324, 0.5, 1.0})
    void edgeProportionsAreAccepted(double p) {
        assertEquals(p, new Figure.Unbased(p).proportion(), 0.0);
        assertEquals(p, new Figure.WithBase(p, 1).proportion(), 0.0);
    }

    @Test
    void unbasedHasNoBase() {
        Figure f = new Figure.Unbased(0.2);
        assertFalse(f.hasBase());
        assertEquals(OptionalInt.empty(), f.base());
    }

    @Test
    void standardErrorMustBePositiveAndAtMostOneHalf() {
        assertEquals(OptionalInt.of(300), new Figure.WithStandardError(0.4, 0.5, OptionalInt.of(300)).base());
        for (double se : new double[] {0, -0.1, 0.5000001, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertEquals("Standard error is not in (0, 0.5]: " + se, assertThrows(IllegalArgumentException.class,
                    () -> new Figure.WithStandardError(0.4, se, OptionalInt.empty())).getMessage());
        }
        assertEquals("Base is not positive: 0", assertThrows(IllegalArgumentException.class,
                () -> new Figure.WithStandardError(0.4, 0.1, OptionalInt.of(0))).getMessage());
    }

    @Test
    void intervalMustContainTheProportion() {
        Figure.WithInterval ok = new Figure.WithInterval(0.4, 0.35, 0.45, 0.95, OptionalInt.empty());
        assertEquals(0.35, ok.lower(), 0.0);
        assertTrue(ok.hasBase());
        assertEquals("Interval [0.45, 0.5] does not contain the proportion 0.4", assertThrows(
                IllegalArgumentException.class,
                () -> new Figure.WithInterval(0.4, 0.45, 0.5, 0.95, OptionalInt.empty())).getMessage());
        assertEquals("Confidence level is not in (0, 1): 95.0", assertThrows(IllegalArgumentException.class,
                () -> new Figure.WithInterval(0.4, 0.35, 0.45, 95, OptionalInt.empty())).getMessage());
        assertEquals("Upper limit is not in [0, 1]: NaN", assertThrows(IllegalArgumentException.class,
                () -> new Figure.WithInterval(0.4, 0.35, Double.NaN, 0.95, OptionalInt.empty())).getMessage());
    }
}
