package org.smesurvey.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.smesurvey.core.bundled.Bundled;

class StudyCatalogueTest {

    @Test
    void holdsStudiesAndObservationsInOrder() {
        StudyCatalogue catalogue = Fixtures.catalogue();
        assertEquals(List.of("FR_CEO_2018", "ICT_EU_2013_2015", "US_SMB"),
                catalogue.studies().stream().map(Study::id).toList());
        assertEquals(7, catalogue.observations().size());
        assertEquals(Optional.of(Fixtures.ictSurvey()), catalogue.study("ICT_EU_2013_2015"));
        assertEquals(Optional.empty(), catalogue.study("nope"));
        assertEquals(3, catalogue.observationsOf(Fixtures.ictSurvey()).size());
        assertEquals(Set.of("social_networks", "platform_use", "enterprise_social_network", "social_media_any"),
                catalogue.indicatorCodes());
        assertEquals(List.of(SizeClassScheme.EU_2003_361, SizeClassScheme.EUROSTAT_ICT, SizeClassScheme.NOT_STATED),
                catalogue.sizeSchemes());
        assertEquals("StudyCatalogue[3 studies, 7 observations]", catalogue.toString());
    }

    @Test
    void filterKeepsOnlyStudiesWithMatchingObservations() {
        StudyCatalogue external = Fixtures.catalogue().filter(o -> o.scope() == NetworkScope.EXTERNAL);
        assertEquals(List.of("FR_CEO_2018", "US_SMB"), external.studies().stream().map(Study::id).toList());
        assertEquals(3, external.observations().size());
        StudyCatalogue none = Fixtures.catalogue().filter(o -> false);
        assertTrue(none.isEmpty());
        assertTrue(none.studies().isEmpty());
        assertFalse(Fixtures.catalogue().isEmpty());
    }

    @Test
    void aUnionKeepsEachStudyOnceAndReportsEveryConflict() {
        StudyCatalogue fixtures = Fixtures.catalogue();
        StudyCatalogue bundled = Bundled.catalogue();
        StudyCatalogue both = StudyCatalogue.union(List.of(bundled, fixtures, fixtures));
        assertEquals(bundled.studies().size() + 3, both.studies().size(), "the same catalogue twice counts once");
        assertEquals(bundled.observations().size() + 7, both.observations().size());
        assertEquals(fixtures.observations(), both.observations().subList(bundled.observations().size(),
                both.observations().size()));
        StudyCatalogue fewer = fixtures.filter(o -> o.scope() == NetworkScope.EXTERNAL);
        IllegalArgumentException conflict = assertThrows(IllegalArgumentException.class,
                () -> StudyCatalogue.union(List.of(fixtures, fewer)));
        // US_SMB's figures are all external, the same in both: only FR_CEO_2018 lost figures.
        assertEquals("The catalogues cannot be joined: study FR_CEO_2018 is in two catalogues with different contents",
                conflict.getMessage());
        ReferencePopulations populations = Bundled.populations();
        assertEquals(populations, ReferencePopulations.union(List.of(populations, populations)));
        ReferencePopulation first = populations.all().get(0);
        ReferencePopulation other = new ReferencePopulation(first.id(), first.publisher(), first.region(),
                first.year() + 1, first.scope(), first.sectors(), first.counts());
        assertEquals("The populations cannot be joined: ids with different counts in two collections: " + first.id(),
                assertThrows(IllegalArgumentException.class, () -> ReferencePopulations.union(List.of(populations,
                        ReferencePopulations.of(List.of(other))))).getMessage());
    }

    @Test
    void isAnImmutableValue() {
        List<Observation> observations = new ArrayList<>(Fixtures.observations());
        StudyCatalogue catalogue = StudyCatalogue.of(
                List.of(Fixtures.frenchCeoSurvey(), Fixtures.ictSurvey(), Fixtures.vagueUsSurvey()), observations);
        observations.clear();
        assertEquals(7, catalogue.observations().size());
        assertThrows(UnsupportedOperationException.class, () -> catalogue.observations().clear());
        assertThrows(UnsupportedOperationException.class, () -> catalogue.studies().clear());
        assertEquals(Fixtures.catalogue(), catalogue);
        assertEquals(Fixtures.catalogue().hashCode(), catalogue.hashCode());
        assertNotEquals(Fixtures.catalogue(), catalogue.filter(o -> o.year().isPresent()));
    }

    @Test
    void rejectsRepeatedIdsAndForeignStudies() {
        assertEquals("Study id is repeated: US_SMB", assertThrows(IllegalArgumentException.class,
                () -> StudyCatalogue.of(List.of(Fixtures.vagueUsSurvey(), Fixtures.vagueUsSurvey()), List.of()))
                .getMessage());
        assertEquals("Observation refers to a study not in the catalogue: FR_CEO_2018",
                assertThrows(IllegalArgumentException.class,
                        () -> StudyCatalogue.of(List.of(Fixtures.ictSurvey()), Fixtures.observations())).getMessage());
        assertThrows(NullPointerException.class, () -> StudyCatalogue.of(java.util.Arrays.asList((Study) null), List.of()));
    }
}
