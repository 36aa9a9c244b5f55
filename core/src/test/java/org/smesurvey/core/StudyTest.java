package org.smesurvey.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StudyTest {

    private static Study.Builder minimal(String id) {
        return Study.builder(id).title("T").publisher("P").region(Region.of("FR"))
                .population(new Population("SMEs", SizeClassScheme.NOT_STATED, Optional.empty(), Optional.empty()));
    }

    @Test
    void builderDefaultsAreNotStated() {
        Study study = minimal("S1").build();
        assertEquals(Optional.empty(), study.fieldwork());
        assertEquals(OptionalInt.empty(), study.sampleSize());
        assertEquals(Set.of(RespondentFunction.UNKNOWN), study.respondents());
        assertEquals(StudyMethod.UNKNOWN, study.method());
        assertEquals(List.of(), study.sources());
        assertEquals("", study.notes());
    }

    @Test
    void keepsEveryField() {
        Study study = Fixtures.frenchCeoSurvey();
        assertEquals("FR_CEO_2018", study.id());
        assertEquals(Optional.of(YearRange.of(2018)), study.fieldwork());
        assertEquals(OptionalInt.of(400), study.sampleSize());
        assertEquals(List.of(RespondentFunction.CEO, RespondentFunction.FINANCE), study.respondentsInOrder());
        assertEquals(SurveyMode.TELEPHONE, study.method().mode());
        assertEquals(Optional.of(SizeBand.of(10, 249)), study.population().sizeCoverage());
        assertEquals(List.of(URI.create("https://example.org/fr-ceo-2018")), study.sources());
    }

    @Test
    void stripsTextAndCopiesCollections() {
        List<URI> sources = new ArrayList<>(List.of(URI.create("https://example.org/a")));
        Set<RespondentFunction> functions = EnumSet.of(RespondentFunction.HR);
        Study study = minimal(" S2 ").title("  Title  ").sources(sources).respondents(functions).build();
        sources.add(URI.create("https://example.org/b"));
        functions.add(RespondentFunction.IT);
        assertEquals("S2", study.id());
        assertEquals("Title", study.title());
        assertEquals(1, study.sources().size());
        assertEquals(Set.of(RespondentFunction.HR), study.respondents());
        assertThrows(UnsupportedOperationException.class, () -> study.sources().clear());
    }

    @Test
    void rejectsInvalidFields() {
        assertEquals("Study id is not letters, digits, '_', '.' and '-': 'a b'",
                assertThrows(IllegalArgumentException.class, () -> minimal("a b").build()).getMessage());
        assertEquals("Title is blank",
                assertThrows(IllegalArgumentException.class, () -> minimal("S").title(" ").build()).getMessage());
        assertEquals("Sample size is not positive: 0",
                assertThrows(IllegalArgumentException.class, () -> minimal("S").sampleSize(0).build()).getMessage());
        assertEquals("Respondents combine 'unknown' with named functions: ",
                assertThrows(IllegalArgumentException.class, () -> minimal("S")
                        .respondents(RespondentFunction.UNKNOWN, RespondentFunction.CEO).build()).getMessage()
                        .replaceAll("\\[.*]", ""));
        assertEquals("Respondents are empty; use RespondentFunction.UNKNOWN if not stated",
                assertThrows(IllegalArgumentException.class, () -> minimal("S").respondents(Set.of()).build())
                        .getMessage());
        assertEquals("Source is not an absolute URI: page.html", assertThrows(IllegalArgumentException.class,
                () -> minimal("S").sources(List.of(URI.create("page.html"))).build()).getMessage());
        assertEquals("publisher", assertThrows(NullPointerException.class,
                () -> Study.builder("S").title("T").region(Region.WORLD).build()).getMessage());
    }

    @Test
    void populationAndMethodValidate() {
        assertEquals("Population description is blank", assertThrows(IllegalArgumentException.class,
                () -> new Population(" ", SizeClassScheme.NOT_STATED, Optional.empty(), Optional.empty())).getMessage());
        assertThrows(NullPointerException.class,
                () -> new Population("SMEs", null, Optional.empty(), Optional.empty()));
        assertThrows(NullPointerException.class, () -> new StudyMethod(SurveyMode.ONLINE, null, Weighting.UNKNOWN));
    }
}
