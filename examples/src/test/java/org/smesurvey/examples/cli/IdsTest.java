package org.smesurvey.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** Ids as typed: any case, and the closest known one offered when a slip, nothing when far from all. */
class IdsTest {

    private static final List<String> KNOWN = List.of("BPIFRANCE_LAB_2018", "INSEE_IP_2013", "INSEE_IP_1594",
            "BITKOM_2023", "social_networks", "wikis");

    /** Levenshtein distances counted by hand; the limit is max(2, longer length / 3). */
    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
        "BPIFRANCE_LAB_2019, BPIFRANCE_LAB_2018",  // one substitution
        "bpifrance_2018,     BPIFRANCE_LAB_2018",  // four insertions, 18 / 3 = 6 allowed
        "insee_2013,         INSEE_IP_2013",       // three insertions, 13 / 3 = 4 allowed
        "wiki,               wikis",               // one insertion, 2 allowed
        "social_network,     social_networks",
        "NOPE,               -",                    // 5 or more from every id
        "facebook,           -",
        "'',                 -"})
    void theClosestIdWhenCloseEnough(String typed, String expected) {
        assertEquals(Optional.ofNullable(expected), Ids.closest(KNOWN, typed));
    }

    @ParameterizedTest
    @CsvSource({"insee_ip_2013, INSEE_IP_2013", "Wikis, wikis", " BITKOM_2023 , BITKOM_2023"})
    void anyCase(String typed, String expected) {
        assertEquals(expected, Ids.resolve(KNOWN, typed, "id", "here", "", new CommandLine(new Smesurvey())));
    }

    @ParameterizedTest
    @CsvSource({"A_b, A_B and a_b", "a_B, A_B and a_b"})
    void idsThatDifferOnlyInCaseAreNotGuessed(String typed, String both) {
        CommandLine.ParameterException e = assertThrows(CommandLine.ParameterException.class,
                () -> Ids.resolve(List.of("a_b", "A_B"), typed, "study", "here", "", new CommandLine(new Smesurvey())));
        assertTrue(e.getMessage().startsWith("'" + typed + "' is the study " + both + " in other cases"),
                e.getMessage());
    }
}
