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
import org.smesurvey.core.csv.CatalogueFormatException;
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
        assertArrayEquals(new boolean[] {true, false, true, false}, data.answers("external"));
        assertArrayEquals(new String[] {"0-9", "10-49", "0-9", "250+"}, data.categories("band"));
        assertEquals("No answer column x; the answers are [external]",
                assertThrows(IllegalArgumentException.class, () -> data.answers("x")).getMessage());
    }

    @Test
    void everyProblemIsReportedWithItsPlace(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("survey.csv");
        Files.writeString(file, "stratum,psu,w,external,band\nA,1,-3,1,0-9\nA,2,12,maybe,\n,1,20,1,0-9\nB,2\n");
        List<Problem> problems = assertThrows(CatalogueFormatException.class, () -> READER.read(file)).problems();
        assertEquals(List.of(
                "survey.csv, line 2, column 3 (w), value '-3': is not a weight: expected a positive number",
                "survey.csv, line 3, column 5 (band): is empty; expected a label",
                "survey.csv, line 3, column 4 (external), value 'maybe': is not an answer: expected 1 or 0 (yes/no,"
                        + " true/false, oui/non)",
                "survey.csv, line 4, column 1 (stratum): is empty; expected a label",
                "survey.csv, line 5: has 2 cells, the header 5"), problems.stream().map(Problem::toString).toList());
    }

    @Test
    void missingColumnsAreNamed(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("survey.csv");
        Files.writeString(file, "stratum,weight,external\nA,1,1\n");
        List<Problem> problems = assertThrows(CatalogueFormatException.class, () -> READER.read(file)).problems();
        assertEquals(List.of("survey.csv, line 1: has no column w; the header is [stratum, weight, external]",
                "survey.csv, line 1: has no column psu; the header is [stratum, weight, external]",
                "survey.csv, line 1: has no column band; the header is [stratum, weight, external]"),
                problems.stream().map(Problem::toString).toList());
    }

    @Test
    void aDesignProblemIsAProblemOfTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("survey.csv");
        Files.writeString(file, "stratum,psu,w,external,band\nA,1,10,1,0-9\nA,1,12,0,0-9\nB,7,20,1,0-9\n");
        assertEquals("survey.csv: Stratum A has a single primary sampling unit: its variance cannot be estimated;"
                + " choose a LonelyPsu rule", assertThrows(CatalogueFormatException.class, () -> READER.read(file))
                .problems().get(0).toString());
    }

    @Test
    void readsATablesawTable() throws CatalogueFormatException {
        Table table = Table.create("firms", StringColumn.create("stratum", "A", "A", "B", "B"),
                StringColumn.create("psu", "1", "2", "1", "2"), DoubleColumn.create("w", 10, 12, 20, 8),
                StringColumn.create("external", "1", "0", "true", "x"), StringColumn.create("band", "a", "b", "a", "b"));
        List<Problem> problems = assertThrows(CatalogueFormatException.class, () -> READER.read(table)).problems();
        assertEquals("firms, line 5, column 4 (external), value 'x': is not an answer: expected 1 or 0 (yes/no,"
                + " true/false, oui/non)", problems.get(0).toString());
        table.stringColumn("external").set(3, "0");
        Respondents data = READER.read(table);
        // (10 + 20) / (10 + 12 + 20 + 8)
        assertEquals(0.6, SurveyEstimator.of(data.design()).proportion("external", data.answers("external"))
                .estimate(), 1e-15);
    }
}
