package org.smesurvey.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SizeBandTest {

    @ParameterizedTest
    @CsvSource({"10-49, 10, 49, 10-49", "250+, 250, 2147483647, 250+", "0, 0, 0, 0", "10 \u2013 49, 10, 49, 10-49",
            "' 5 + ', 5, 2147483647, 5+"})
    void parsesAndLabels(String text, int min, int max, String label) {
        SizeBand band = SizeBand.parse(text);
        assertEquals(new SizeBand(min, max), band);
        assertEquals(label, band.label());
        assertEquals(band, SizeBand.parse(band.label()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ten", "10-", "-5", "<500", "10-49-99", "1.5"})
    void rejectsUnparsableText(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SizeBand.parse(text));
        assertTrue(e.getMessage().startsWith("Size band is not of the form 10-49, 250+ or 0"), e.getMessage());
    }

    @Test
    void rejectsInvertedAndNegativeBands() {
        assertEquals("Size band is inverted: minimum 50 is above maximum 9",
                assertThrows(IllegalArgumentException.class, () -> SizeBand.of(50, 9)).getMessage());
        assertEquals("Size band is inverted: minimum 50 is above maximum 9",
                assertThrows(IllegalArgumentException.class, () -> SizeBand.parse("50-9")).getMessage());
        assertEquals("Size band minimum is negative: -1",
                assertThrows(IllegalArgumentException.class, () -> SizeBand.atLeast(-1)).getMessage());
    }

    @Test
    void containsCountsAtBothEnds() {
        SizeBand small = SizeBand.of(10, 49);
        assertTrue(small.contains(10));
        assertTrue(small.contains(49));
        assertFalse(small.contains(9));
        assertFalse(small.contains(50));
        assertTrue(SizeBand.atLeast(250).contains(Integer.MAX_VALUE));
        assertTrue(SizeBand.ALL.contains(0));
    }

    @Test
    void containsAndOverlapsBands() {
        SizeBand tenPlus = SizeBand.atLeast(10);
        assertTrue(tenPlus.contains(SizeBand.of(10, 49)));
        assertTrue(tenPlus.contains(SizeBand.atLeast(250)));
        assertFalse(SizeBand.of(10, 49).contains(tenPlus));
        assertTrue(SizeBand.of(0, 49).overlaps(SizeBand.of(49, 99)));
        assertFalse(SizeBand.of(0, 49).overlaps(SizeBand.of(50, 99)));
        // The EU "fewer than 50" and the UK "not more than 50" share 11-49 but differ at 10 and 50.
        SizeBand euSmall = SizeClassScheme.EU_2003_361.sizeClass("small").orElseThrow().band();
        SizeBand ukSmall = SizeClassScheme.UK_COMPANIES_ACT.sizeClass("small").orElseThrow().band();
        assertEquals(Optional.of(SizeBand.of(11, 49)), euSmall.intersection(ukSmall));
        assertEquals(Optional.empty(), SizeBand.of(0, 9).intersection(SizeBand.atLeast(10)));
        assertEquals(Optional.of(SizeBand.atLeast(250)), SizeBand.atLeast(10).intersection(SizeBand.atLeast(250)));
    }

    @Test
    void ordersByMinimumThenMaximum() {
        assertTrue(SizeBand.of(0, 9).compareTo(SizeBand.of(10, 49)) < 0);
        assertTrue(SizeBand.of(10, 49).compareTo(SizeBand.atLeast(10)) < 0);
        assertEquals(0, SizeBand.of(10, 49).compareTo(SizeBand.parse("10-49")));
        assertEquals("250+", SizeBand.atLeast(250).toString());
    }
}
