package org.smesurvey.stats.survey;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smesurvey.core.io.InputFormatException;
import org.smesurvey.core.io.Problem;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class RespondentReaderTest {

    private static final RespondentReader READER = RespondentReader.builder().weight("w").strata("stratum")
            .clusters("psu").answers("external").categories("band").build();

    @Test
    void readsAFileIntoADesignAndColumns(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("survey.csv");
        Files.writeString(file, "stratum,psu,w,external,band\nA,1,10,1,0-9\nA,2,12.5,0,10-49\nB,1,20,yes,0-9\n"
                + "B,2,8,No,250+\n");
        Respondents data = READER.read(file);
        assertEquals(4, data.size());
        assertEquals(2, data.design().strata());
        assertEquals(4, data.design().units(), "unit 1 of A and unit 1 of B are two units");
        assertEquals(12.5, data.design().weight(1));
        assertArrayEquals(new boolean[] {true, false, true, false}, data.answers("external").yes());
        assertEquals(0, data.answers("external").missing());
        assertArrayEquals(new String[] {"0-9", "10-49", "0-9", "250+"}, data.categories("band"));
        assertEquals("No answer column x; the answers are [external]",
                assertThrows(IllegalArgumentException.class, () -> data.answers("x")).getMessage());
    }

    @Test
    void everyProblemIsReportedWithItsPlace(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("survey.csv");
        Files.writeString(file, "stratum,psu,w,external,band\nA,1,-3,1,0-9\nA,2,12,maybe,\n,1,20,1,0-9\nB,2\n"
                + "B,3,0x1p3,1,a\nB,4,8d,1,a\nB,5,1e309,1,a\n");
        List<Problem> problems = assertThrows(InputFormatException.class, () -> READER.read(file)).problems();
        assertEquals(List.of(
                "survey.csv, line 2, column 3 (w), value '-3': is a negative weight; a file calibrated by GREG may"
                        + " have some: read it with allowNegativeWeights()",
                "survey.csv, line 3, column 5 (band): is empty; expected a label",
                "survey.csv, line 3, column 4 (external), value 'maybe': is not an answer: expected 1 or 0 (yes/no,"
                        + " true/false, oui/non), or empty or NA if missing",
                "survey.csv, line 4, column 1 (stratum): is empty; expected a label",
                "survey.csv, line 5, column 3 (w): row has 2 cells but the header has 5 columns (a decimal comma in a"
                        + " comma-separated file must be quoted)",
                "survey.csv, line 6, column 3 (w), value '0x1p3': is not a weight: expected a decimal number such as"
                        + " 0.125, 12,5 or 1.2e-3",
                "survey.csv, line 7, column 3 (w), value '8d': is not a weight: expected a decimal number such as"
                        + " 0.125, 12,5 or 1.2e-3",
                "survey.csv, line 8, column 3 (w), value '1e309': is not a weight: number is too large: beyond"
                        + " ±1.8e308"), problems.stream().map(Problem::toString).toList());
    }

    @Test
    void missingColumnsAreNamed(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("survey.csv");
        Files.writeString(file, "stratum,weight,external\nA,1,1\n");
        List<Problem> problems = assertThrows(InputFormatException.class, () -> READER.read(file)).problems();
        assertEquals(List.of("survey.csv, line 1: missing required column 'w'; the header is [stratum, weight, external]",
                "survey.csv, line 1: missing required column 'psu'; the header is [stratum, weight, external]",
                "survey.csv, line 1: missing required column 'band'; the header is [stratum, weight, external]"),
                problems.stream().map(Problem::toString).toList());
    }

    @Test
    void aDesignProblemIsAProblemOfTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("survey.csv");
        Files.writeString(file, "stratum,psu,w,external,band\nA,1,10,1,0-9\nA,1,12,0,0-9\nB,7,20,1,0-9\n");
        assertEquals("survey.csv: Stratum A has a single primary sampling unit: its variance cannot be estimated;"
                + " choose a LonelyPsu rule", assertThrows(InputFormatException.class, () -> READER.read(file))
                .problems().get(0).toString());
    }

    @Test
    void readsATablesawTable() throws InputFormatException {
        Table table = Table.create("firms", StringColumn.create("stratum", "A", "A", "B", "B"),
                StringColumn.create("psu", "1", "2", "1", "2"), DoubleColumn.create("w", 10, 12, 20, 8),
                StringColumn.create("external", "1", "0", "true", "x"), StringColumn.create("band", "a", "b", "a", "b"));
        List<Problem> problems = assertThrows(InputFormatException.class, () -> READER.read(table)).problems();
        assertEquals("firms, line 5, column 4 (external), value 'x': is not an answer: expected 1 or 0 (yes/no,"
                + " true/false, oui/non), or empty or NA if missing", problems.get(0).toString());
        table.stringColumn("external").set(3, "0");
        Respondents data = READER.read(table);
        // (10 + 20) / (10 + 12 + 20 + 8)
        assertEquals(0.6, SurveyEstimator.of(data.design()).proportion("external", data.answers("external"))
                .estimate(), 1e-15);
    }

    @Test
    void missingAnswersAndZeroWeightsAreKept(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("survey.csv");
        Files.writeString(file, "stratum,psu,w,external,band\nA,1,10,1,a\nA,2,0,0,a\nB,1,20,NA,a\nB,2,8,,b\n");
        Respondents data = READER.read(file);
        Answers external = data.answers("external");
        assertEquals(2, external.missing());
        assertArrayEquals(new boolean[] {true, true, false, false}, external.answered());
        assertEquals(0.0, data.design().weight(1));
        assertEquals(4, data.design().units(), "the unit with weight 0 stays in the design");
        assertEquals(1, data.design().degreesOfFreedom(), "3 units with a non-zero weight in 2 strata");
        // Of the answered, only the first has a non-zero weight.
        assertEquals(1.0, SurveyEstimator.of(data.design()).proportion("external", external).estimate());
    }

    @Test
    void negativeWeightsOnlyWhenAllowed(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("survey.csv");
        Files.writeString(file, "stratum;psu;w;external;band\nA;1;10,5;1;a\nA;2;-2;0;a\nB;1;20;1;a\nB;2;8;0;b\n");
        assertThrows(InputFormatException.class, () -> READER.read(file));
        RespondentReader allowing = RespondentReader.builder().weight("w").strata("stratum").clusters("psu")
                .answers("external").categories("band").allowNegativeWeights().build();
        Respondents data = allowing.read(file);
        assertEquals(-2.0, data.design().weight(1));
        assertEquals(10.5, data.design().weight(0), "a decimal comma in a semicolon-separated file");
    }
}
