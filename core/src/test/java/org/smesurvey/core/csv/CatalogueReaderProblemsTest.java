package org.smesurvey.core.csv;

import org.smesurvey.core.io.Problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smesurvey.core.csv.CsvFiles.OBSERVATIONS;
import static org.smesurvey.core.csv.CsvFiles.SCHEMES;
import static org.smesurvey.core.csv.CsvFiles.STUDIES;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each bad input is refused whole, with the file, line, column and rule of the problem. */
class CatalogueReaderProblemsTest {

    private static final String STUDIES_FILE = "studies.csv";
    private static final String OBSERVATIONS_FILE = "observations.csv";
    private static final String SCHEMES_FILE = "size-schemes.csv";
    private static final String OBSERVATION_ROW = "S2,social_media_any,mixed,FR,2013,10,,,,19 %,stated as 'deux sur dix'";

    /** The observations file with its second row replaced. */
    private static String observation(String row) {
        return OBSERVATIONS.replace(OBSERVATION_ROW, row);
    }

    private static Arguments badStudies(String name, String studies, int line, int column, String message) {
        return Arguments.of(name, studies, OBSERVATIONS, SCHEMES, STUDIES_FILE, line, column, message);
    }

    private static Arguments badObservations(String name, String row, int column, String message) {
        return Arguments.of(name, STUDIES, observation(row), SCHEMES, OBSERVATIONS_FILE, 3, column, message);
    }

    static Stream<Arguments> cases() {
        String tenMegabytes = "x".repeat(10 * 1024 * 1024);
        return Stream.of(
                badStudies("missing column", STUDIES.replace(",publisher,", ",").replace(",Institut,", ",")
                        .replace(",Eurostat,", ","), 1, 0, "missing required column 'publisher'"),
                Arguments.of("unknown column", STUDIES, OBSERVATIONS.replace(",value,", ",valeur,"), SCHEMES,
                        OBSERVATIONS_FILE, 1, 10, "unknown column; the columns are study_id, indicator, wording, region,"
                                + " year, size_class, size_min, size_max, sectors, platform, scope, x, n, value, se,"
                                + " ci_low, ci_high, ci_level, deff, denominator, source, notes"),
                Arguments.of("repeated column", STUDIES, OBSERVATIONS.replace(",notes", ",scope"), SCHEMES,
                        OBSERVATIONS_FILE, 1, 11, "column repeats column 3"),
                Arguments.of("no figure column", STUDIES, "study_id,indicator,scope\nS1,a,external\n", SCHEMES,
                        OBSERVATIONS_FILE, 1, 0, "missing column: one of value, x"),
                badStudies("empty file", "", 1, 0, "file is empty; expected a header row with the columns study_id,"
                        + " title, publisher, region, population, size_scheme"),
                badStudies("blank file", " \n\n", 1, 0, "file is empty; expected a header row with the columns"
                        + " study_id, title, publisher, region, population, size_scheme"),
                Arguments.of("header only", STUDIES, OBSERVATIONS.lines().findFirst().orElseThrow() + "\n", SCHEMES,
                        OBSERVATIONS_FILE, 0, 0, "file has a header but no data rows"),
                badObservations("unknown scope", OBSERVATION_ROW.replace("mixed", "public"), 3,
                        "unknown network scope 'public'; expected one of: external, internal, mixed"),
                badStudies("unknown respondent", STUDIES.replace("ceo|finance", "ceo|boss"), 2, 11,
                        "unknown respondent function 'boss'; expected one of: ceo, marketing, communication, hr, it,"
                                + " finance, sales, other, mixed, unknown"),
                badStudies("unknown and named respondents", STUDIES.replace("ceo|finance", "ceo|unknown"), 2, 11,
                        "respondents combine 'unknown' with named functions: [CEO, UNKNOWN]"),
                badStudies("unknown region", STUDIES.replace(",FR,", ",XX,"), 2, 5,
                        "unknown region 'XX'; expected an ISO 3166-1 alpha-2 country code (EL and UK accepted),"
                                + " EU27_2020, EU28 or WORLD"),
                badStudies("unknown scheme", STUDIES.replace("eu_2003_361", "eu_2005"), 2, 7,
                        "unknown size-class scheme; expected a built-in one (eu_2003_361, fr_lme_2008, eurostat_ict,"
                                + " us_sba, uk_companies_act, not_stated) or one defined in size-schemes.csv"),
                badObservations("x above n", "S1,a,external,,,,,401,400,,", 8, "x is greater than n: 401 > 400"),
                badObservations("n zero", "S1,a,external,,,,,0,0,,", 9, "expected a positive whole number"),
                badObservations("n negative", "S1,a,external,,,,,,-3,10%,", 9,
                        "expected a positive whole number (digits, optionally grouped by spaces)"),
                badObservations("x without n", "S1,a,external,,,,,3,,,", 9, "required when x is given"),
                badObservations("x and value", "S1,a,external,,,,,3,10,30%,", 10,
                        "give either x and n, or a value; not both"),
                badObservations("no figure", "S1,a,external,,,,,,,,", 10, "no figure: give a value, or x and n"),
                badObservations("proportion above 1", OBSERVATION_ROW.replace("19 %", "1.2"), 10,
                        "proportion is not in [0, 1]; write a percentage with its sign, such as 45 %"),
                badObservations("percentage above 100", OBSERVATION_ROW.replace("19 %", "112 %"), 10,
                        "percentage is not in [0, 100] %"),
                badObservations("NaN", OBSERVATION_ROW.replace("19 %", "NaN"), 10,
                        "not a number: NaN and infinities are not values"),
                badObservations("Infinity", OBSERVATION_ROW.replace("19 %", "Infinity"), 10,
                        "not a number: NaN and infinities are not values"),
                badObservations("year outside fieldwork", OBSERVATION_ROW.replace(",2013,", ",2016,"), 5,
                        "year 2016 is outside the fieldwork 2013-2015 of study S2"),
                badObservations("year not a number", OBSERVATION_ROW.replace(",2013,", ",20l3,"), 5,
                        "expected a whole number, 0 or more (digits, optionally grouped by spaces)"),
                badObservations("inverted band", OBSERVATION_ROW.replace(",10,,", ",250,10,"), 7,
                        "size band is inverted: minimum 250 is above maximum 10"),
                badObservations("size max alone", OBSERVATION_ROW.replace(",10,,", ",,249,"), 6,
                        "required when size_max is given"),
                badStudies("inverted coverage", STUDIES.replace(",10,249,", ",250,10,"), 2, 9,
                        "size band is inverted: minimum 250 is above maximum 10"),
                badStudies("duplicate study id", STUDIES.replace("S2,", "S1,"), 3, 1,
                        "study id repeats the study on line 2"),
                badStudies("bad study id", STUDIES.replace("S2,", "S 2,"), 3, 1,
                        "expected letters, digits, '_', '.' and '-', starting with a letter or digit"),
                badStudies("sample size with a thousands comma", STUDIES.replace(",400,", ",\"1,657\","), 2, 10,
                        "expected a positive whole number (digits, optionally grouped by spaces)"),
                badStudies("missing required value", STUDIES.replace("Survey one", ""), 2, 2,
                        "required value is missing"),
                badObservations("unknown study", OBSERVATION_ROW.replace("S2,", "S9,"), 1,
                        "no study with this id in studies.csv"),
                Arguments.of("overlapping scheme bands", STUDIES, OBSERVATIONS, SCHEMES.replace("pme,PME,50,", "pme,PME,40,"),
                        SCHEMES_FILE, 3, 5, "size classes overlap in scheme tpe49: tpe (0-49) and pme (40-249)"),
                Arguments.of("inverted scheme band", STUDIES, OBSERVATIONS, SCHEMES.replace("pme,PME,50,249", "pme,PME,249,50"),
                        SCHEMES_FILE, 3, 6, "size band is inverted: minimum 249 is above maximum 50"),
                Arguments.of("redefined built-in scheme", STUDIES, OBSERVATIONS, SCHEMES.replace("tpe49", "us_sba"),
                        SCHEMES_FILE, 2, 1, "redefines a built-in scheme; choose another id"),
                Arguments.of("scheme name differs", STUDIES, OBSERVATIONS, SCHEMES.replace("tpe49,TPE up to 49,pme",
                        "tpe49,TPE jusqu'à 49,pme"), SCHEMES_FILE, 3, 2,
                        "differs from line 2 ('TPE up to 49') of the same group"),
                Arguments.of("interval without its upper limit", STUDIES,
                        "study_id,indicator,scope,value,ci_low\nS1,a,external,30%,25%\n", SCHEMES, OBSERVATIONS_FILE,
                        2, 0, "ci_high: an interval needs both ci_low and ci_high"),
                Arguments.of("standard error and interval", STUDIES,
                        "study_id,indicator,scope,value,se,ci_low,ci_high\nS1,a,external,30%,1%,25%,35%\n", SCHEMES,
                        OBSERVATIONS_FILE, 2, 5, "give either a standard error or an interval; not both"),
                Arguments.of("interval not around the value", STUDIES,
                        "study_id,indicator,scope,value,ci_low,ci_high\nS1,a,external,30%,31%,35%\n", SCHEMES,
                        OBSERVATIONS_FILE, 2, 5, "interval [0.31, 0.35] does not contain the proportion 0.3"),
                Arguments.of("level without interval", STUDIES,
                        "study_id,indicator,scope,value,ci_level\nS1,a,external,30%,95%\n", SCHEMES,
                        OBSERVATIONS_FILE, 2, 5, "a confidence level needs ci_low and ci_high"),
                Arguments.of("ragged row", STUDIES, observation("S2,social_media_any,mixed,FR"), SCHEMES,
                        OBSERVATIONS_FILE, 3, 5, "row has 4 cells but the header has 11 columns (a decimal comma in a"
                                + " comma-separated file must be quoted)"),
                Arguments.of("unquoted decimal comma", STUDIES, observation(OBSERVATION_ROW.replace("19 %", "12,5 %")),
                        SCHEMES, OBSERVATIONS_FILE, 3, 12, "row has 12 cells but the header has 11 columns (a decimal"
                                + " comma in a comma-separated file must be quoted)"),
                badStudies("unterminated quote", STUDIES.replace("\"ICT usage, 2013-2015\"", "\"ICT usage, 2013-2015"),
                        3, 2, "unterminated quoted cell: the quote that opens this cell is never closed"),
                badStudies("text after a closing quote", STUDIES.replace("\"ICT usage, 2013-2015\"", "\"ICT usage\" 2013"),
                        3, 2, "text after a closing quote: a quoted cell must end at the delimiter (write \"\" for a"
                                + " quote inside it)"),
                badObservations("10 MB cell", OBSERVATION_ROW.replace("stated as 'deux sur dix'", tenMegabytes), 11,
                        "row is longer than 1,048,576 characters (with the row before it), in this cell; a cell may have"
                                + " at most 100,000"),
                Arguments.of("10 MB line without delimiters", STUDIES, observation(tenMegabytes), SCHEMES,
                        OBSERVATIONS_FILE, 3, 1, "row is longer than 1,048,576 characters (with the row before it), in"
                                + " this cell; a cell may have at most 100,000"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusesBadInputWithWhereAndWhy(String name, String studies, String observations, String schemes, String file,
            int line, int column, String message) {
        CatalogueFormatException e = CsvFiles.failure(studies, observations, schemes);
        Problem problem = e.problems().get(0);
        assertEquals(List.of(file, (long) line, column, message),
                List.of(problem.file(), problem.line(), problem.column(), problem.message()), e::getMessage);
        assertTrue(e.getMessage().matches("(?s)\\d+ problems? in the catalogue; nothing was loaded:\n  "
                + java.util.regex.Pattern.quote(file) + ".*"), e.getMessage());
    }

    @Test
    void reportsEveryProblemOfEveryFileAtOnce() {
        String studies = STUDIES.replace(",FR,", ",XX,").replace("2013-2015,EU28", "2013-2015,EU29");
        String observations = observation(OBSERVATION_ROW.replace("19 %", "190 %").replace("mixed", "public"));
        CatalogueFormatException e = CsvFiles.failure(studies, observations, SCHEMES);
        assertEquals(List.of("studies.csv, line 2, column 5 (region), value 'XX': unknown region 'XX'; expected an"
                        + " ISO 3166-1 alpha-2 country code (EL and UK accepted), EU27_2020, EU28 or WORLD",
                "studies.csv, line 3, column 5 (region), value 'EU29': unknown region 'EU29'; expected an ISO 3166-1"
                        + " alpha-2 country code (EL and UK accepted), EU27_2020, EU28 or WORLD",
                "observations.csv, line 3, column 3 (scope), value 'public': unknown network scope 'public'; expected"
                        + " one of: external, internal, mixed",
                "observations.csv, line 3, column 10 (value), value '190 %': percentage is not in [0, 100] %"),
                e.problems().stream().map(Problem::toString).toList());
        assertTrue(e.getMessage().startsWith("4 problems in the catalogue; nothing was loaded:\n"), e.getMessage());
    }

    @Test
    void doesNotReportObservationsOfAStudyThatFailed() {
        CatalogueFormatException e = CsvFiles.failure(STUDIES.replace(",FR,", ",XX,"), OBSERVATIONS, SCHEMES);
        assertEquals(1, e.problems().size(), e::getMessage);
    }

    @Test
    void shortensLongValuesAndListsAtMostTwentyFiveProblems() {
        StringBuilder observations = new StringBuilder("study_id,indicator,scope,value\n");
        for (int i = 0; i < 30; i++) {
            observations.append("S1,a,external,").append("9".repeat(200)).append('\n');
        }
        CatalogueFormatException e = CsvFiles.failure(STUDIES, observations.toString(), SCHEMES);
        assertEquals(30, e.problems().size());
        assertEquals("9".repeat(80) + "… (200 characters)", e.problems().get(0).value());
        assertTrue(e.getMessage().endsWith("\n  … and 5 more"), e.getMessage());
    }
}
