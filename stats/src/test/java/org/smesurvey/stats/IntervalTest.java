package org.smesurvey.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IntervalTest {

    /** R 4.2.2: {@code 0.4 + c(-1, 1) * qnorm(0.95) * 0.02} and {@code 0.01 + c(-1, 1) * qnorm(0.975) * 0.02}. */
    @Test
    void normalIntervalAgreesWithR() {
        Interval interval = Interval.normal(0.4, 0.02, 0.9, 0, 1);
        assertEquals(0.36710292746097062, interval.lower(), 1e-15);
        assertEquals(0.43289707253902943, interval.upper(), 1e-15);
        Interval unclipped = Interval.normal(0.01, 0.02, 0.95, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        assertEquals(-0.029199279690801071, unclipped.lower(), 1e-15);
        assertEquals(0, Interval.normal(0.01, 0.02, 0.95, 0, 1).lower(), 0.0);
        assertEquals(0.049199279690801075, unclipped.upper(), 1e-15);
    }

    @Test
    void validatesAndMeasures() {
        Interval interval = new Interval(0.5, 0.4, 0.7, 0.95);
        assertEquals(0.3, interval.width(), 1e-15);
        assertTrue(interval.contains(0.4));
        assertFalse(interval.contains(0.71));
        assertEquals("Interval limits are not ordered: 0.7 > 0.4",
                assertThrows(IllegalArgumentException.class, () -> new Interval(0.5, 0.7, 0.4, 0.95)).getMessage());
        assertEquals("Estimate is NaN",
                assertThrows(IllegalArgumentException.class, () -> new Interval(Double.NaN, 0, 1, 0.95)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Interval.normal(0.5, -1, 0.95, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> Interval.normal(0.5, 0.1, 1.5, 0, 1));
    }
}
