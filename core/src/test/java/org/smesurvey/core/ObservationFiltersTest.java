package org.smesurvey.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class ObservationFiltersTest {

    /** Indexes (in {@link Fixtures#observations()}) of the observations the predicate keeps. */
    private static List<Integer> kept(Predicate<Observation> predicate) {
        List<Observation> all = Fixtures.observations();
        return java.util.stream.IntStream.range(0, all.size()).filter(i -> predicate.test(all.get(i))).boxed().toList();
    }

    @Test
    void region() {
        assertEquals(List.of(0, 1, 2, 4), kept(ObservationFilters.region(Region.of("FR"))));
        assertEquals(List.of(3), kept(ObservationFilters.region(Region.EU28)));
        assertEquals(List.of(0, 1, 2, 3, 4, 5), kept(ObservationFilters.within(Region.EU28)));
    }

    @Test
    void scope() {
        assertEquals(List.of(2), kept(ObservationFilters.scope(NetworkScope.INTERNAL)));
        assertEquals(List.of(2, 3, 4, 5), kept(ObservationFilters.scope(NetworkScope.INTERNAL, NetworkScope.MIXED)));
    }

    @Test
    void sizeOverlappingUsesTheStudyCoverageWhenTheFigureHasNoBand() {
        assertEquals(List.of(0, 1, 2, 3, 4), kept(ObservationFilters.sizeOverlapping(SizeBand.of(0, 49))));
        assertEquals(List.of(3, 4, 5), kept(ObservationFilters.sizeOverlapping(SizeBand.atLeast(250))));
    }

    @Test
    void indicatorYearsRespondentPublisherPlatformStudy() {
        assertEquals(List.of(1, 6), kept(ObservationFilters.indicator("platform_use")));
        assertEquals(List.of(0, 2, 3, 4, 5), kept(ObservationFilters.indicator("social_media_any", "social_networks",
                "enterprise_social_network")));
        assertEquals(List.of(3, 4), kept(ObservationFilters.years(2010, 2013)));
        assertEquals(List.of(0, 1, 2, 5), kept(ObservationFilters.years(2014, 2018)));
        assertEquals(List.of(0, 1, 2), kept(ObservationFilters.respondent(RespondentFunction.FINANCE)));
        assertEquals(List.of(3, 4, 5, 6), kept(ObservationFilters.respondent(RespondentFunction.UNKNOWN)));
        assertEquals(List.of(3, 4, 5), kept(ObservationFilters.publisher("EUROSTAT")));
        assertEquals(List.of(6), kept(ObservationFilters.publisher("reported by")));
        assertEquals(List.of(1), kept(ObservationFilters.platform(Platform.LINKEDIN)));
        assertEquals(List.of(6), kept(ObservationFilters.study("US_SMB")));
        assertEquals(List.of(0, 1, 2, 3), kept(ObservationFilters.withBase()));
    }

    @Test
    void combine() {
        assertEquals(List.of(4), kept(ObservationFilters.region(Region.of("FR"))
                .and(ObservationFilters.scope(NetworkScope.MIXED))));
        assertEquals("Publisher is blank",
                assertThrows(IllegalArgumentException.class, () -> ObservationFilters.publisher(" ")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> ObservationFilters.years(2019, 2013));
    }
}
