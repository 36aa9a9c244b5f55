package org.smesurvey.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RegionTest {

    @ParameterizedTest
    @CsvSource({"fr, FR", "' FR ', FR", "EL, GR", "UK, GB", "eu28, EU28", "EU27_2020, EU27_2020", "world, WORLD"})
    void normalisesCodes(String code, String expected) {
        assertEquals(expected, Region.of(code).code());
    }

    @ParameterizedTest
    @ValueSource(strings = {"XX", "FRA", "EU", "", "EU27"})
    void rejectsUnknownCodes(String code) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Region.of(code));
        assertTrue(e.getMessage().startsWith("Unknown region '" + code.strip().toUpperCase(java.util.Locale.ROOT)
                + "'; expected an ISO 3166-1 alpha-2 country code"), e.getMessage());
    }

    @Test
    void aggregatesContainTheirMembers() {
        assertEquals(28, Region.EU28.countries().size());
        assertEquals(27, Region.EU27_2020.countries().size());
        assertTrue(Region.EU28.contains(Region.of("UK")));
        assertFalse(Region.EU27_2020.contains(Region.of("GB")));
        assertTrue(Region.EU28.contains(Region.EU27_2020));
        assertTrue(Region.WORLD.contains(Region.of("US")));
        assertFalse(Region.of("FR").contains(Region.EU28));
        assertTrue(Region.of("FR").contains(Region.of("FR")));
        assertTrue(Region.EU28.isAggregate());
        assertFalse(Region.of("IS").isAggregate());
        assertFalse(Region.EU28.contains(Region.of("IS")));
    }

    @Test
    void hasEnglishNames() {
        assertEquals("France", Region.of("FR").displayName());
        assertEquals("Greece", Region.of("EL").displayName());
        assertEquals("European Union (28 countries)", Region.EU28.displayName());
        assertEquals("World", Region.WORLD.displayName());
        assertEquals("DE", Region.of("de").toString());
    }
}
