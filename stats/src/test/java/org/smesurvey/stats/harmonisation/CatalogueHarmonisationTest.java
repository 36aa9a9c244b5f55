package org.smesurvey.stats.harmonisation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.smesurvey.core.Observation;
import org.smesurvey.core.ObservationFilters;
import org.smesurvey.core.ReferencePopulation;
import org.smesurvey.core.Sectors;
import org.smesurvey.core.SizeBand;
import org.smesurvey.core.bundled.Bundled;

class CatalogueHarmonisationTest {

    @Test
    void destatisIsReexpressedOnTheRegisterOfTheIctSurveySections() {
        List<CatalogueHarmonisation.Case> cases = CatalogueHarmonisation.of(Bundled.catalogue(),
                Bundled.populations());
        CatalogueHarmonisation.Case destatis = cases.stream()
                .filter(c -> c.classes().get(0).study().id().equals("DESTATIS_2020")
                        && c.classes().get(0).effectiveYear().orElse(0) == 2019)
                .findFirst().orElseThrow();
        assertEquals(SizeBand.atLeast(10), destatis.target());
        assertEquals(Optional.of(Sectors.ICT_SURVEY), destatis.population().sectors());
        assertEquals("DESTATIS_URS_2022_SECTIONS", destatis.population().id());
        // The same weighting as the HarmoniseSizeClasses example: 47.7 % against the 48 % Destatis published.
        assertEquals(0.477, destatis.result().proportion(), 0.0005);
        assertEquals(0.48, destatis.published().orElseThrow().figure().proportion(), 1e-15);
        String summary = destatis.result().summary();
        assertTrue(summary.startsWith("10+: 47.7 %"), summary);
        assertTrue(summary.contains("enterprises") && summary.contains("weight"), summary);
        for (CatalogueHarmonisation.Case c : cases) {
            assertTrue(c.classes().size() >= 2);
            assertEquals(c.classes().get(0).region(), c.population().region());
        }
    }

    /**
     * Insee 2015's no-website-nor-social-media figures (33 %, 11 %, 5 %) on 10+: Insee's register of 2015 counts
     * 10-249 as one band, which a Pareto law fitted to the register splits (SizeHarmonisationTest holds the value to R's,
     * 0.28332060140889126);
     * the split of 10-249 by the bands' widths gave 14.3 %.
     */
    @Test
    void insee2015IsWeightedBySplittingItsRegistersBandByZipfsLaw() {
        CatalogueHarmonisation.Case insee = CatalogueHarmonisation.of(Bundled.catalogue(),
                Bundled.populations()).stream()
                .filter(c -> c.classes().get(0).study().id().equals("INSEE_IP_1594")).findFirst().orElseThrow();
        assertEquals(SizeBand.atLeast(10), insee.target());
        assertEquals("INSEE_TEF_2018", insee.population().id());
        assertEquals(0.28332060140889126, insee.result().proportion(), 1e-12);
        assertTrue(insee.result().caveats().contains(Caveat.COUNTS_SPLIT_BY_SIZE_LAW));
        assertEquals(2, insee.result().assumptions().size(), insee.result().assumptions().toString());
        assertTrue(insee.result().assumptions().get(0).startsWith("INSEE_TEF_2018 counts 10-249 only as a whole"));
    }

    @Test
    void aWholeEconomyCountComesBeforeTheRegisterSum() {
        Observation german = Bundled.catalogue().filter(ObservationFilters.study("DESTATIS_2020"))
                .observations().get(0);
        List<ReferencePopulation> candidates = CatalogueHarmonisation.candidates(german, Bundled.populations());
        ReferencePopulation last = candidates.get(candidates.size() - 1);
        assertEquals(Optional.of(Sectors.ICT_SURVEY), last.sectors());
        assertTrue(candidates.subList(0, candidates.size() - 1).stream().allMatch(p -> p.sectors().isEmpty()));
    }
}
