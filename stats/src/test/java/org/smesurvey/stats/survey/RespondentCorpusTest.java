package org.smesurvey.stats.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.smesurvey.core.io.InputFormatException;
import org.smesurvey.core.io.Problem;

/**
 * Malformed respondent files, written to disk and read through {@link RespondentReader}: each defect of a weight,
 * an answer, a label, the quoting, the shape and the encoding, under every line ending and start of file, early
 * and late. Each ends in the one exception, its first problem at the line and column of the defect.
 */
class RespondentCorpusTest {

    private static final String HEADER = "stratum,psu,w,external,band";
    private static final int ROWS = 40;
    private static final RespondentReader READER = RespondentReader.builder().weight("w").strata("stratum")
            .clusters("psu").answers("external").categories("band").build();

    private static String row(int i) {
        return (i % 2 == 0 ? "A" : "B") + "," + i + ",12.5," + (i % 3 == 0 ? "1" : "0") + ",10-49";
    }

    private static String cell(String row, int column, String value) {
        String[] cells = row.split(",", -1);
        cells[column - 1] = value;
        return String.join(",", cells);
    }

    private record Defect(String name, int column, String value, String message) {
    }

    private static final List<Defect> DEFECTS = List.of(
            new Defect("hexadecimal weight", 3, "0x1p3", "is not a weight: expected a decimal number"),
            new Defect("weight with a type suffix", 3, "8f", "is not a weight: expected a decimal number"),
            new Defect("weight overflows", 3, "1e309", "is not a weight: number is too large"),
            new Defect("weight underflows", 3, "1e-400", "is not a weight: number is too small"),
            new Defect("negative weight", 3, "-1", "is a negative weight"),
            new Defect("weight missing", 3, "", "is not a weight: expected a decimal number"),
            new Defect("weight NaN", 3, "NaN", "is not a weight: not a number"),
            new Defect("answer not yes or no", 4, "maybe", "is not an answer"),
            new Defect("label empty", 5, " ", "is empty; expected a label"),
            new Defect("stratum empty", 1, "", "is empty; expected a label"),
            new Defect("unterminated quote", 5, "\"10-49", "unterminated quoted cell"),
            new Defect("text after a closing quote", 5, "\"10\"-49", "text after a closing quote"),
            new Defect("invalid UTF-8 byte", 5, "caf\u0000", "not valid UTF-8 text"));

    static Stream<Arguments> corpus() {
        List<Arguments> cases = new ArrayList<>();
        for (String eol : List.of("\n", "\r\n", "\r")) {
            for (String start : List.of("", "\uFEFF", "\n\n")) {
                String prefix = start.replace("\n", eol);
                int headerLine = start.startsWith("\n") ? 3 : 1;
                for (Defect defect : DEFECTS) {
                    for (int bad : new int[] {1, ROWS - 3}) {
                        StringBuilder text = new StringBuilder(prefix).append(HEADER).append(eol);
                        for (int i = 1; i <= ROWS; i++) {
                            text.append(i == bad ? cell(row(i), defect.column(), defect.value()) : row(i)).append(eol);
                        }
                        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
                        for (int b = 0; b < bytes.length; b++) {
                            bytes[b] = bytes[b] == 0 ? (byte) 0xE9 : bytes[b];
                        }
                        cases.add(Arguments.of(String.format(Locale.ROOT, "%s, %s, start %s, row %d", defect.name(),
                                eol.replace("\r", "CR").replace("\n", "LF"), start.isEmpty() ? "plain"
                                        : start.startsWith("\n") ? "blank lines" : "BOM", bad),
                                bytes, headerLine + bad, defect.column(), defect.message()));
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void endsInTheOneExceptionWithLineAndColumn(String name, byte[] bytes, long line, int column, String message,
            @TempDir Path dir) throws IOException {
        Path file = dir.resolve("respondents.csv");
        Files.write(file, bytes);
        InputFormatException e = assertThrows(InputFormatException.class, () -> READER.read(file));
        Problem first = e.problems().get(0);
        assertEquals(line, first.line(), first.toString());
        assertEquals(column, first.column(), first.toString());
        assertTrue(first.message().startsWith(message), first.toString());
    }
}
