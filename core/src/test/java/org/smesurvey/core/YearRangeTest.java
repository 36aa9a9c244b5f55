package org.smesurvey.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class YearRangeTest {

    @ParameterizedTest
    @CsvSource({"2013, 2013, 2013, 2013", "2013-2015, 2013, 2015, 2013-2015", "'2013 \u2013 2015', 2013, 2015, 2013-2015"})
    void parsesAndLabels(String text, int first, int last, String label) {
        YearRange range = YearRange.parse(text);
        assertEquals(YearRange.of(first, last), range);
        assertEquals(label, range.label());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "13", "2013-", "2013/2014", "twenty"})
    void rejectsOtherText(String text) {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> YearRange.parse(text)).getMessage()
                .startsWith("Years are not of the form 2013 or 2013-2015"));
    }

    @Test
    void rejectsImplausibleAndInvertedYears() {
        assertEquals("Year is not in [1900, 2100]: 1899",
                assertThrows(IllegalArgumentException.class, () -> YearRange.of(1899)).getMessage());
        assertEquals("Year is not in [1900, 2100]: 2101",
                assertThrows(IllegalArgumentException.class, () -> YearRange.of(2000, 2101)).getMessage());
        assertEquals("Year range is inverted: 2015 is after 2013",
                assertThrows(IllegalArgumentException.class, () -> YearRange.parse("2015-2013")).getMessage());
    }

    @Test
    void containsAndOverlaps() {
        YearRange cso = YearRange.of(2013, 2015);
        assertTrue(cso.contains(2013));
        assertTrue(cso.contains(2015));
        assertFalse(cso.contains(2016));
        assertTrue(cso.overlaps(YearRange.of(2015, 2019)));
        assertFalse(cso.overlaps(YearRange.of(2016)));
        assertEquals("2013-2015", cso.toString());
    }
}
