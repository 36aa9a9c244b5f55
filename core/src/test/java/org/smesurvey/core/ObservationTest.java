package org.smesurvey.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ObservationTest {

    private static final Indicator SOCIAL = Indicator.of("social_media_any", "enterprises using any social media");

    @Test
    void defaultsToTheStudyRegionAndNothingElse() {
        Observation o = Observation.builder(Fixtures.ictSurvey(), SOCIAL, NetworkScope.MIXED, new Figure.Unbased(0.3))
                .build();
        assertEquals(Region.EU28, o.region());
        assertEquals(OptionalInt.empty(), o.year());
        assertEquals("", o.sizeClass());
        assertEquals(Optional.empty(), o.sizeBand());
        assertEquals(Optional.empty(), o.platform());
        assertEquals(Optional.empty(), o.source());
        assertEquals("", o.notes());
    }

    @Test
    void effectiveYearAndBandFallBackToTheStudy() {
        Observation french = Fixtures.observations().get(0);
        assertEquals(OptionalInt.empty(), french.year());
        assertEquals(OptionalInt.of(2018), french.effectiveYear());
        Observation ict = Observation.builder(Fixtures.ictSurvey(), SOCIAL, NetworkScope.MIXED, new Figure.Unbased(0.3))
                .build();
        assertEquals(OptionalInt.empty(), ict.effectiveYear(), "a 2013-2015 study gives no single year");
        assertEquals(Optional.of(SizeBand.atLeast(10)), ict.effectiveSizeBand());
        Observation us = Fixtures.observations().get(6);
        assertEquals(Optional.empty(), us.effectiveSizeBand());
    }

    @Test
    void labelsNameTheSubgroup() {
        assertEquals("FR_CEO_2018", Fixtures.observations().get(0).label());
        assertEquals("FR_CEO_2018 linkedin", Fixtures.observations().get(1).label());
        assertEquals("ICT_EU_2013_2015 2013", Fixtures.observations().get(3).label());
        assertEquals("ICT_EU_2013_2015 IT 2014 250+ C-J", Fixtures.observations().get(5).label());
    }

    @Test
    void rejectsAYearOutsideTheFieldwork() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Observation
                .builder(Fixtures.ictSurvey(), SOCIAL, NetworkScope.MIXED, new Figure.Unbased(0.3)).year(2016).build());
        assertEquals("Year 2016 is outside the fieldwork 2013-2015 of study ICT_EU_2013_2015", e.getMessage());
        assertEquals("Year is not in [1900, 2100]: 16", assertThrows(IllegalArgumentException.class, () -> Observation
                .builder(Fixtures.vagueUsSurvey(), SOCIAL, NetworkScope.MIXED, new Figure.Unbased(0.3)).year(16).build())
                .getMessage());
    }

    @Test
    void rejectsBadDesignEffectsAndSources() {
        Observation.Builder builder = Observation.builder(Fixtures.ictSurvey(), SOCIAL, NetworkScope.MIXED,
                new Figure.Unbased(0.3));
        for (double deff : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertEquals("Design effect is not a positive finite number: " + deff,
                    assertThrows(IllegalArgumentException.class, () -> builder.designEffect(deff).build()).getMessage());
        }
        assertEquals("Source is not an absolute URI: /page", assertThrows(IllegalArgumentException.class,
                () -> Observation.builder(Fixtures.ictSurvey(), SOCIAL, NetworkScope.MIXED, new Figure.Unbased(0.3))
                        .source(URI.create("/page")).build()).getMessage());
        assertEquals("scope", assertThrows(NullPointerException.class,
                () -> Observation.builder(Fixtures.ictSurvey(), SOCIAL, null, new Figure.Unbased(0.3)).build())
                        .getMessage());
    }

    @Test
    void indicatorCodesAreLowerCaseWords() {
        assertEquals("social_media_any", Indicator.of(" social_media_any ", "").code());
        assertEquals("Indicator code is not lower-case letters, digits and '_' starting with a letter: 'Social media'",
                assertThrows(IllegalArgumentException.class, () -> Indicator.of("Social media", "x")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Indicator.of("1st", "x"));
        assertThrows(NullPointerException.class, () -> Indicator.of("ok", null));
    }
}
