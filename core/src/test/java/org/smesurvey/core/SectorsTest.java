package org.smesurvey.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SectorsTest {

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"ALL; ALL", "all; ALL", "C-N|Q; C-N|Q", "c-j, l-n; C-J|L-N", "Q|C; C|Q",
            "C|D|E; C-E", "A-U; ALL"})
    void parsesToCanonicalLabels(String text, String label) {
        Sectors sectors = Sectors.parse(text);
        assertEquals(label, sectors.label());
        assertEquals(sectors, Sectors.parse(sectors.label()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "V", "C-", "C--N", "95.1", "C;N"})
    void rejectsOtherText(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sectors.parse(text));
        assertTrue(e.getMessage().startsWith("Sectors are not ALL or NACE Rev. 2 sections A-U"), e.getMessage());
    }

    @Test
    void rejectsInvertedRangesAndEmptySets() {
        assertEquals("Sector range is inverted: 'N-C'",
                assertThrows(IllegalArgumentException.class, () -> Sectors.parse("N-C")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Sectors(Set.of()));
    }

    @Test
    void comparesCoverage() {
        Sectors ictSurvey = Sectors.parse("C-J|L-N");
        assertTrue(Sectors.ALL.contains(ictSurvey));
        assertFalse(ictSurvey.contains(Sectors.of(NaceSection.K)));
        assertTrue(ictSurvey.overlaps(Sectors.of(NaceSection.G, NaceSection.K)));
        assertFalse(ictSurvey.overlaps(Sectors.of(NaceSection.K)));
        assertTrue(Sectors.ALL.isAll());
        assertEquals(EnumSet.of(NaceSection.C, NaceSection.Q), Sectors.parse("C|Q").sections());
        assertEquals("Manufacturing", NaceSection.C.title());
    }
}
