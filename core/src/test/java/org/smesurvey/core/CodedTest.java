package org.smesurvey.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CodedTest {

    static Stream<Class<? extends Enum<?>>> codedTypes() {
        return Stream.of(NetworkScope.class, RespondentFunction.class, Platform.class, SurveyMode.class,
                Sampling.class, Weighting.class);
    }

    @ParameterizedTest
    @MethodSource("codedTypes")
    <E extends Enum<E> & Coded> void everyCodeIsUniqueLowerCaseAndParsesBack(Class<E> type) {
        E[] constants = type.getEnumConstants();
        assertEquals(constants.length, new HashSet<>(Arrays.stream(constants).map(Coded::code).toList()).size());
        for (E constant : constants) {
            assertEquals(constant.code().toLowerCase(Locale.ROOT), constant.code());
            assertFalse(constant.description().isBlank());
            assertEquals(constant, Coded.parse(type, constant.code()));
            assertEquals(constant, Coded.parse(type, " " + constant.code().toUpperCase(Locale.ROOT) + " "));
        }
    }

    @Test
    void unknownCodeListsTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Coded.parse(NetworkScope.class, "public"));
        assertEquals("Unknown network scope 'public'; expected one of: external, internal, mixed", e.getMessage());
        assertEquals("Unknown respondent function 'boss'; expected one of: ceo, marketing, communication, hr, it,"
                + " finance, sales, other, mixed, unknown",
                assertThrows(IllegalArgumentException.class, () -> Coded.parse(RespondentFunction.class, "boss"))
                        .getMessage());
        assertThrows(NullPointerException.class, () -> Coded.parse(Platform.class, null));
    }

    @Test
    void codesAreTheFileForms() {
        assertEquals(List.of("external", "internal", "mixed"),
                Arrays.stream(NetworkScope.values()).map(Coded::code).toList());
        assertEquals(Platform.GOOGLE_PLUS, Coded.parse(Platform.class, "google_plus"));
        assertEquals(SurveyMode.FACE_TO_FACE, Coded.parse(SurveyMode.class, "face_to_face"));
    }
}
