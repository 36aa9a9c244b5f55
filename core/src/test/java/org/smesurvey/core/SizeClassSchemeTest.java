package org.smesurvey.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SizeClassSchemeTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "eu_2003_361; 0-9 10-49 50-249 250+",
            "fr_lme_2008; 0-9 10-249 250-4999 5000+",
            "eurostat_ict; 10-49 50-249 250+",
            "us_sba; 0-499 500+",
            "uk_companies_act; 0-10 11-50 51-250 251+"})
    void builtInSchemesHaveTheirHeadcountBands(String id, String bands) {
        SizeClassScheme scheme = SizeClassScheme.builtIn(id).orElseThrow();
        assertEquals(List.of(bands.split(" ")), scheme.classes().stream().map(c -> c.band().label()).toList());
        assertTrue(scheme.isBuiltIn());
        assertFalse(scheme.notes().isEmpty());
    }

    @Test
    void euAndUkDefinitionsDifferAtTheBoundaries() {
        // EU: "fewer than 50"; UK Companies Act: "not more than 50".
        assertEquals("medium", SizeClassScheme.EU_2003_361.classOf(50).orElseThrow().code());
        assertEquals("small", SizeClassScheme.UK_COMPANIES_ACT.classOf(50).orElseThrow().code());
        assertEquals("small", SizeClassScheme.EU_2003_361.classOf(10).orElseThrow().code());
        assertEquals("micro", SizeClassScheme.UK_COMPANIES_ACT.classOf(10).orElseThrow().code());
    }

    @Test
    void eurostatSpanIsTenPlusAndExcludesMicro() {
        assertEquals(Optional.of(SizeBand.atLeast(10)), SizeClassScheme.EUROSTAT_ICT.span());
        assertEquals(Optional.empty(), SizeClassScheme.EUROSTAT_ICT.classOf(9));
        assertEquals(Optional.empty(), SizeClassScheme.NOT_STATED.span());
        assertTrue(SizeClassScheme.NOT_STATED.classes().isEmpty());
    }

    @Test
    void alignsWithRunsOfAdjacentClasses() {
        assertTrue(SizeClassScheme.EUROSTAT_ICT.aligns(SizeBand.atLeast(10)));
        assertTrue(SizeClassScheme.EUROSTAT_ICT.aligns(SizeBand.of(50, 249)));
        assertTrue(SizeClassScheme.EU_2003_361.aligns(SizeBand.of(0, 249)));
        assertFalse(SizeClassScheme.EU_2003_361.aligns(SizeBand.of(0, 99)));
        assertFalse(SizeClassScheme.EU_2003_361.aligns(SizeBand.of(5, 49)));
        assertFalse(SizeClassScheme.FRANCE_LME_2008.aligns(SizeBand.of(10, 49)));
        assertFalse(SizeClassScheme.NOT_STATED.aligns(SizeBand.ALL));
    }

    @Test
    void studyDefinedSchemeIsSortedAndLooksUpClasses() {
        SizeClassScheme tpe = new SizeClassScheme("study_tpe", "TPE up to 49", List.of(
                SizeClass.of("pme", "PME", SizeBand.of(50, 249)), SizeClass.of("tpe", "TPE", SizeBand.of(0, 49))), "");
        assertEquals(List.of("tpe", "pme"), tpe.classes().stream().map(SizeClass::code).toList());
        assertEquals("TPE", tpe.sizeClass("tpe").orElseThrow().label());
        assertEquals(Optional.empty(), tpe.sizeClass("eti"));
        assertEquals(Optional.of(SizeBand.of(0, 249)), tpe.span());
        assertFalse(tpe.isBuiltIn());
        assertEquals(Optional.empty(), SizeClassScheme.builtIn("study_tpe"));
    }

    @Test
    void rejectsOverlappingClasses() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SizeClassScheme("bad", "Bad", List.of(SizeClass.of("a", "A", SizeBand.of(10, 49)),
                        SizeClass.of("b", "B", SizeBand.of(40, 99))), ""));
        assertEquals("Size classes overlap in scheme bad: a (10-49) and b (40-99)", e.getMessage());
    }

    @Test
    void rejectsRepeatedCodesAndBadIds() {
        assertEquals("Size class codes repeat in scheme bad", assertThrows(IllegalArgumentException.class,
                () -> new SizeClassScheme("bad", "Bad", List.of(SizeClass.of("a", "A", SizeBand.of(0, 9)),
                        SizeClass.of("a", "A again", SizeBand.of(10, 19))), "")).getMessage());
        assertEquals("Size class scheme id is not lower-case letters, digits and '_': 'Bad Id'",
                assertThrows(IllegalArgumentException.class,
                        () -> new SizeClassScheme("Bad Id", "Bad", List.of(), "")).getMessage());
        assertEquals("Size class scheme name is blank", assertThrows(IllegalArgumentException.class,
                () -> new SizeClassScheme("ok", " ", List.of(), "")).getMessage());
    }

    @Test
    void copiesItsClasses() {
        List<SizeClass> classes = new java.util.ArrayList<>(List.of(SizeClass.of("a", "A", SizeBand.of(0, 9))));
        SizeClassScheme scheme = new SizeClassScheme("copy", "Copy", classes, "");
        classes.add(SizeClass.of("b", "B", SizeBand.of(10, 19)));
        assertEquals(1, scheme.classes().size());
        assertThrows(UnsupportedOperationException.class, () -> scheme.classes().clear());
    }

    @Test
    void sizeClassValidatesCodeAndLabel() {
        assertEquals("Size class code is not lower-case letters, digits and '_': 'Micro'",
                assertThrows(IllegalArgumentException.class, () -> SizeClass.of("Micro", "m", SizeBand.of(0, 9)))
                        .getMessage());
        assertEquals("Size class label is blank",
                assertThrows(IllegalArgumentException.class, () -> SizeClass.of("micro", "", SizeBand.of(0, 9)))
                        .getMessage());
        assertThrows(NullPointerException.class, () -> SizeClass.of("micro", "m", null));
    }
}
