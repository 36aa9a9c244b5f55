package org.smesurvey.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.smesurvey.core.bundled.Bundled;

class ReferencePopulationTest {

    private static PopulationCount count(String label, SizeBand band, long n) {
        return new PopulationCount(label, band, OptionalLong.of(n), Optional.empty(), "");
    }

    private static final ReferencePopulation FRANCE = new ReferencePopulation("FR_2017", "Insee", Region.of("FR"), 2017,
            "market sectors", Optional.empty(), List.of(count("MIC", SizeBand.of(0, 9), 3_701_363),
                    count("PME hors MIC", SizeBand.of(10, 249), 147_767),
                    new PopulationCount("ETI", SizeBand.of(250, 4999), OptionalLong.empty(),
                            Optional.of(URI.create("https://example.org")), "share only")));

    @Test
    void looksUpCountsByBand() {
        assertEquals(OptionalLong.of(147_767), FRANCE.enterprises(SizeBand.of(10, 249)));
        assertEquals(OptionalLong.empty(), FRANCE.enterprises(SizeBand.of(250, 4999)), "listed without a count");
        assertEquals(OptionalLong.empty(), FRANCE.enterprises(SizeBand.atLeast(5000)), "not listed");
    }

    @Test
    void rejectsRepeatedBandsAndEmptyPopulations() {
        assertEquals("Population P repeats the band 0-9", assertThrows(IllegalArgumentException.class,
                () -> new ReferencePopulation("P", "X", Region.of("FR"), 2017, "s", Optional.empty(),
                        List.of(count("a", SizeBand.of(0, 9), 1), count("b", SizeBand.of(0, 9), 2)))).getMessage());
        assertEquals("Population P has no count", assertThrows(IllegalArgumentException.class,
                () -> new ReferencePopulation("P", "X", Region.of("FR"), 2017, "s", Optional.empty(), List.of())).getMessage());
        assertEquals("Year is not in [1900, 2100]: 17", assertThrows(IllegalArgumentException.class,
                () -> new ReferencePopulation("P", "X", Region.of("FR"), 17, "s", Optional.empty(), FRANCE.counts())).getMessage());
        assertEquals("Number of enterprises is negative: -1", assertThrows(IllegalArgumentException.class,
                () -> count("a", SizeBand.of(0, 9), -1)).getMessage());
        assertEquals("Population id is not letters, digits, '_', '.' and '-': 'a/b'",
                assertThrows(IllegalArgumentException.class,
                        () -> new ReferencePopulation("a/b", "X", Region.of("FR"), 2017, "s", Optional.empty(), FRANCE.counts()))
                        .getMessage());
    }

    @Test
    void collectionLooksUpByIdAndRegion() {
        ReferencePopulation us = new ReferencePopulation("US_2002", "Census", Region.of("US"), 2002, "employer firms", Optional.empty(),
                List.of(count("<500", SizeBand.of(0, 499), 5_680_914)));
        ReferencePopulations all = ReferencePopulations.of(List.of(FRANCE, us));
        assertEquals(List.of(FRANCE, us), all.all());
        assertEquals(Optional.of(us), all.population("US_2002"));
        assertEquals(List.of(FRANCE), all.forRegion(Region.of("FR")));
        assertEquals("ReferencePopulations[2 populations]", all.toString());
        assertEquals(all, ReferencePopulations.of(List.of(FRANCE, us)));
        assertEquals("Population id is repeated: FR_2017", assertThrows(IllegalArgumentException.class,
                () -> ReferencePopulations.of(List.of(FRANCE, FRANCE))).getMessage());
    }

    @Test
    void sumsPopulationsBandByBand() {
        ReferencePopulation other = new ReferencePopulation("FR_2017_B", "Insee", Region.of("FR"), 2017, "other", Optional.empty(),
                List.of(count("a", SizeBand.of(10, 249), 1000), count("b", SizeBand.of(0, 9), 5)));
        ReferencePopulation partial = new ReferencePopulation("FR_PART", "Insee", Region.of("FR"), 2017, "s", Optional.empty(),
                List.of(count("MIC", SizeBand.of(0, 9), 1), count("PME hors MIC", SizeBand.of(10, 249), 2)));
        ReferencePopulation total = ReferencePopulation.sum("FR_ALL", "both", List.of(partial, other));
        assertEquals(OptionalLong.of(6), total.enterprises(SizeBand.of(0, 9)));
        assertEquals(OptionalLong.of(1002), total.enterprises(SizeBand.of(10, 249)));
        assertEquals("sum of FR_PART, FR_2017_B", total.counts().get(0).notes());
        assertEquals("Insee", total.publisher());
        assertEquals("Population FR_2017 has no count for 250-4999", assertThrows(IllegalArgumentException.class,
                () -> ReferencePopulation.sum("X", "s", List.of(FRANCE, partial))).getMessage());
        assertEquals("No population to add up", assertThrows(IllegalArgumentException.class,
                () -> ReferencePopulation.sum("X", "s", List.of())).getMessage());
        ReferencePopulation us = new ReferencePopulation("US", "Census", Region.of("US"), 2017, "s", Optional.empty(), partial.counts());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ReferencePopulation.sum("X", "s", List.of(partial, us))).getMessage()
                .startsWith("Populations differ in region or year"));
    }

    @Test
    void registerSectionsAreTypedAndAddUp() {
        ReferencePopulations bundled = Bundled.populations();
        assertEquals(Optional.of(Sectors.of(NaceSection.C)),
                bundled.population("DESTATIS_URS_2022_C").orElseThrow().sectors());
        assertEquals(Optional.empty(), bundled.population("INSEE_TEF_2018").orElseThrow().sectors(),
                "a scope not stated in NACE sections has none");
        List<ReferencePopulation> ict = bundled.forRegion(Region.of("DE")).stream()
                .filter(p -> p.sectors().filter(Sectors.ICT_SURVEY::contains).isPresent()).toList();
        assertEquals(11, ict.size(), "sections C to J and L to N");
        assertEquals(Optional.of(Sectors.ICT_SURVEY), ReferencePopulation.sum("DE_ICT", "ICT survey", ict).sectors());
        assertEquals("C-J|L-N", Sectors.ICT_SURVEY.label());
    }
}
