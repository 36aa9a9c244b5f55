package org.smesurvey.stats.adoption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.smesurvey.core.SizeBand;
import org.smesurvey.core.StudyCatalogue;
import org.smesurvey.core.bundled.Bundled;
import org.smesurvey.core.csv.CatalogueReader;
import org.smesurvey.core.io.InputSource;
import org.smesurvey.stats.meta.EffectSizes;

/** Each figure's year, size, precision and assumptions, worked out by hand on a small catalogue. */
class AdoptionDataTest {

    private static final String STUDIES = """
            study_id,title,publisher,fieldwork,region,population,size_scheme,size_min,size_max,sample_size,sampling
            A,Survey A,Pub,2013,FR,PME,eu_2003_361,10,249,400,probability
            B,Survey B,Pub,2010-2012,FR,Large firms,eu_2003_361,250,,,unknown
            C,Survey C,Pub,,FR,All firms,eu_2003_361,,,,
            """;
    private static final String OBSERVATIONS = """
            study_id,indicator,scope,year,size_min,size_max,x,n,value
            A,social_networks,external,2013,10,49,120,400,
            A,social_networks,external,2013,50,249,,,60 %
            B,social_media_any,mixed,,,,,,30 %
            C,social_media_any,mixed,,,,,,40 %
            """;

    static StudyCatalogue catalogue() throws IOException {
        return CatalogueReader.withDefaults().read(InputSource.of("studies.csv", STUDIES.getBytes(StandardCharsets.UTF_8)),
                InputSource.of("observations.csv", OBSERVATIONS.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void everyFigureEntersWithWhatItAssumesOrIsLeftOutWithItsReason() throws IOException {
        AdoptionData data = AdoptionData.of(catalogue());
        List<AdoptionData.Entry> entries = data.entries();
        assertEquals(3, entries.size());

        AdoptionData.Entry counted = entries.get(0);
        assertEquals(AdoptionData.Precision.PUBLISHED, counted.precision());
        assertEquals(Set.of(), counted.assumptions());
        assertEquals(2013, counted.year());
        assertEquals(SizeBand.of(10, 49), counted.band());

        AdoptionData.Entry unbased = entries.get(1);
        assertEquals(AdoptionData.Precision.STUDY_SAMPLE_SIZE, unbased.precision());
        assertEquals(Set.of(AdoptionData.Assumption.PRECISION_FROM_STUDY_SAMPLE), unbased.assumptions());
        assertEquals(400, unbased.sample().size(), 0.0);
        assertEquals(240, unbased.sample().successes(), 1e-12);

        AdoptionData.Entry inferred = entries.get(2);
        assertEquals(2011, inferred.year(), "the middle of 2010-2012");
        assertEquals(SizeBand.atLeast(250), inferred.band());
        assertEquals(AdoptionData.Precision.ASSUMED_SAMPLE, inferred.precision());
        assertEquals(AdoptionData.ASSUMED_SAMPLE, inferred.sample().size(), 0.0);
        assertEquals(Set.of(AdoptionData.Assumption.YEAR_FROM_FIELDWORK, AdoptionData.Assumption.SIZE_FROM_STUDY,
                AdoptionData.Assumption.OPEN_BAND, AdoptionData.Assumption.PRECISION_ASSUMED),
                inferred.assumptions());

        assertEquals(1, data.excluded().size());
        assertEquals("C", data.excluded().get(0).figure().study().id());
        assertEquals("no year: neither the figure nor its study's fieldwork gives one", data.excluded().get(0).reason());

        EffectSizes es = data.effectSizes();
        assertEquals(Math.log(0.3 / 0.7), es.yi(0), 1e-15);
        assertEquals(1 / (400 * 0.3 * 0.7), es.vi(0), 1e-15);
        assertEquals(List.of("A", "A", "B"), List.of(data.studies()));
    }

    @Test
    void theBundledCatalogueEntersWholeButForFiguresWithoutAYearOrBandOrNotAnAdoptionRate() {
        AdoptionData data = AdoptionData.of(Bundled.catalogue());
        assertEquals(Bundled.catalogue().observations().size(), data.entries().size() + data.excluded().size());
        assertTrue(data.entries().size() > 250, data.entries().size() + " figures enter");
        assertTrue(data.entries().stream().filter(e -> e.precision() != AdoptionData.Precision.PUBLISHED)
                .allMatch(e -> !e.assumptions().isEmpty()), "every figure without a base is flagged");
        data.excluded().forEach(x -> assertTrue(x.reason().startsWith(x.cause().words() + ": "), x.reason()));
        assertTrue(data.entries().stream().allMatch(e -> AdoptionData.USE_INDICATORS.contains(
                e.figure().indicator().code())));
        Set<String> out = data.excluded().stream().filter(x -> x.cause() == AdoptionData.Cause.NOT_AN_ADOPTION_RATE)
                .map(x -> x.figure().indicator().code()).collect(java.util.stream.Collectors.toSet());
        assertTrue(out.containsAll(Set.of("no_social_media", "platform_non_use", "promotion", "platform_daily_use",
                "social_networks_among_social_media_users", "social_media_among_internet_users",
                "enterprise_social_network_planned")), out.toString());
    }

    @Test
    void aCatalogueNamesItsOwnAdoptionIndicators() throws IOException {
        AdoptionData data = AdoptionData.of(catalogue(), Set.of("social_networks"), 500);
        assertEquals(List.of("A", "A"), List.of(data.studies()));
        assertEquals(List.of(AdoptionData.Cause.NOT_AN_ADOPTION_RATE, AdoptionData.Cause.NOT_AN_ADOPTION_RATE),
                data.excluded().stream().map(AdoptionData.Excluded::cause).toList());
        assertEquals("not an adoption rate: indicator social_media_any is not a share of all the companies using a"
                + " social tool", data.excluded().get(0).reason());
        assertThrows(IllegalArgumentException.class, () -> AdoptionData.of(catalogue(), Set.of(), 500));
    }

    /**
     * A purpose of use as a share of all firms is an indicator of its own; the same purpose as a share of the firms
     * using social media is a population of its own and stays out, with its reason.
     */
    @Test
    void aPurposeOfAllFirmsEntersAndAShareAmongUsersStaysApart() throws IOException {
        String observations = """
                study_id,indicator,scope,year,size_min,size_max,x,n,value
                A,purpose_marketing,mixed,2013,10,49,80,400,
                A,purpose_marketing_among_social_media_users,mixed,2013,10,49,,,72 %
                """;
        StudyCatalogue catalogue = CatalogueReader.withDefaults().read(
                InputSource.of("studies.csv", STUDIES.getBytes(StandardCharsets.UTF_8)),
                InputSource.of("observations.csv", observations.getBytes(StandardCharsets.UTF_8)));
        AdoptionData data = AdoptionData.of(catalogue);
        assertEquals(List.of("purpose_marketing"),
                data.entries().stream().map(e -> e.figure().indicator().code()).toList());
        assertEquals("not an adoption rate: indicator purpose_marketing_among_social_media_users is a share of a"
                + " narrower set of firms (users), a population of its own", data.excluded().get(0).reason());
    }
}
