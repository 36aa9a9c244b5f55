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
