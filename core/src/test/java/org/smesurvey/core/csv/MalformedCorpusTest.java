package org.smesurvey.core.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.smesurvey.core.io.MalformedText;
import org.smesurvey.core.io.MalformedText.Start;
import org.smesurvey.core.io.Problem;
import org.smesurvey.core.io.Problems;

/**
 * A corpus of malformed catalogues, written to disk and read as a user's would be: every defect of a cell, a row,
 * the header, the quoting and the encoding, under every line ending (LF, CRLF, CR alone), with and without a byte
 * order mark or leading blank lines, early and late in the file; and files too large in every direction (a
 * 10 MB header, a 2 MB cell, 100,000 columns, 100,000 rows). Each ends in the one exception, its first problem at
 * the line and column where a person would look, within this module's 256 MB test heap.
 */
class MalformedCorpusTest {

    private static final String HEADER =
            "study_id,indicator,scope,region,year,size_min,size_max,x,n,value,ci_low,ci_high,ci_level,deff,notes";
    private static final int ROWS = 60;

    /** A valid observation row with counts: cells 1 to 15 of the header. */
    private static String countsRow(int i) {
        return "S1,social_networks,external,FR,2018,10,49,12,400,,,,,,row " + i;
    }

    /** A valid observation row with a published percentage and a design effect. */
    private static String valueRow(int i) {
        return "S1,social_networks,external,FR,2018,10,49,,,45 %,,,,1.5,row " + i;
    }

    /** A defect of one row: how to break a valid row, and the column and message it must be reported with. */
    private record RowDefect(String name, UnaryOperator<String> breakRow, int column, String message) {
    }

    private static String cell(String row, int column, String value) {
        String[] cells = row.split(",", -1);
        cells[column - 1] = value;
        return String.join(",", cells);
    }

    private static final List<RowDefect> ROW_DEFECTS = List.of(
            new RowDefect("n negative", r -> cell(r, 9, "-3"), 9, "expected a positive whole number"),
            new RowDefect("x above n", r -> cell(cell(r, 8, "500"), 9, "400"), 8, "x is greater than n: 500 > 400"),
            new RowDefect("hexadecimal value", r -> cell(cell(cell(r, 8, ""), 9, ""), 10, "0x1p3"), 10,
                    "expected a number such as 0.125, 12.5 % or 12,5 %"),
            new RowDefect("value with a type suffix", r -> cell(cell(cell(r, 8, ""), 9, ""), 10, "8d"), 10,
                    "expected a number such as 0.125, 12.5 % or 12,5 %"),
            new RowDefect("percentage above 100", r -> cell(cell(cell(r, 8, ""), 9, ""), 10, "112 %"), 10,
                    "percentage is not in [0, 100] %"),
            new RowDefect("design effect overflows", r -> cell(valueRow(0), 14, "1e309"), 14,
                    "number is too large: beyond ±1.8e308"),
            new RowDefect("design effect underflows", r -> cell(valueRow(0), 14, "1e-400"), 14,
                    "number is too small: it is not zero but rounds to 0"),
            new RowDefect("confidence level of 100 %", r -> cell(cell(cell(valueRow(0), 11, "40 %"), 12, "50 %"), 13,
                    "100 %"), 13, "confidence level is not in (0, 1); write it as 95 % or 0.95"),
            new RowDefect("unknown scope", r -> cell(r, 3, "public"), 3, "unknown network scope 'public'"),
            new RowDefect("unknown study", r -> cell(r, 1, "S9"), 1, "no study with this id in studies.csv"),
            new RowDefect("unterminated quote", r -> cell(r, 15, "\"never closed"), 15,
                    "unterminated quoted cell: the quote that opens this cell is never closed"),
            new RowDefect("text after a closing quote", r -> cell(r, 15, "\"closed\" then text"), 15,
                    "text after a closing quote"),
            new RowDefect("row one cell short", r -> r.substring(0, r.lastIndexOf(',')), 15, "row has 14 cells but the"
                    + " header has 15 columns"),
            new RowDefect("row one cell long", r -> r + ",extra", 16, "row has 16 cells but the header has 15 columns"),
            new RowDefect("invalid UTF-8 byte", r -> cell(r, 15, "caf\u0000"), 15, "not valid UTF-8 text"));

    /** A defect of the header: the header and rows to write, and where the problem must be. */
    private record HeaderDefect(String name, String header, UnaryOperator<String> row, int column, String message) {
    }

    private static String without(String line, int column) {
        List<String> cells = new ArrayList<>(List.of(line.split(",", -1)));
        cells.remove(column - 1);
        return String.join(",", cells);
    }

    private static final List<HeaderDefect> HEADER_DEFECTS = List.of(
            new HeaderDefect("header name empty", cell(HEADER, 15, ""), r -> r, 15,
                    "column has no name; every header cell needs one"),
            new HeaderDefect("header name repeated", cell(HEADER, 15, "scope"), r -> r, 15, "column repeats column 3"),
            new HeaderDefect("header name unknown", cell(HEADER, 10, "valeur"), r -> r, 10, "unknown column"),
            new HeaderDefect("header name blank", cell(HEADER, 4, "  "), r -> r, 4,
                    "column has no name; every header cell needs one"),
            new HeaderDefect("study_id missing", without(HEADER, 1), r -> without(r, 1), 0,
                    "missing required column 'study_id'"),
            new HeaderDefect("indicator missing", without(HEADER, 2), r -> without(r, 2), 0,
                    "missing required column 'indicator'"),
            new HeaderDefect("scope missing", without(HEADER, 3), r -> without(r, 3), 0,
                    "missing required column 'scope'"),
            new HeaderDefect("value and x missing", without(without(HEADER, 10), 8), r -> without(without(r, 10), 8), 0,
                    "missing column: one of value, x"));

    static Stream<Arguments> corpus() {
        List<Arguments> cases = new ArrayList<>();
        for (String eol : MalformedText.LINE_ENDINGS) {
            for (Start start : Start.values()) {
                for (RowDefect defect : ROW_DEFECTS) {
                    for (int row : new int[] {1, ROWS - 5}) {
                        StringBuilder text = new StringBuilder(start.prefix(eol)).append(HEADER).append(eol);
                        for (int i = 1; i <= ROWS; i++) {
                            text.append(i == row ? defect.breakRow().apply(countsRow(i)) : countsRow(i)).append(eol);
                        }
                        cases.add(Arguments.of(String.format(Locale.ROOT, "%s, %s, %s, row %d", defect.name(),
                                MalformedText.eolName(eol), start, row), eol, MalformedText.bytes(text.toString()),
                                start.headerLine() + row, defect.column(), defect.message()));
                    }
                }
                for (int row : new int[] {1, ROWS - 5}) {
                    // A quote left open swallows the rows up to the next quoted cell, four lines on, whose opening
                    // quote closes it: the parser fails there, but the problem is where the quote opened.
                    StringBuilder text = new StringBuilder(start.prefix(eol)).append(HEADER).append(eol);
                    for (int i = 1; i <= ROWS; i++) {
                        text.append(i == row ? cell(countsRow(i), 15, "\"left open")
                                : i == row + 4 ? cell(countsRow(i), 15, "\"quoted, as it should be\"")
                                : countsRow(i)).append(eol);
                    }
                    long line = start.headerLine() + row;
                    cases.add(Arguments.of(String.format(Locale.ROOT, "quote left open until a later quote, %s, %s,"
                            + " row %d", MalformedText.eolName(eol), start, row), eol, MalformedText.bytes(text.toString()), line, 15,
                            String.format(Locale.ROOT, "unterminated quote opened at line %d, column 15: the quoted"
                                    + " cell runs on to line %d, where a quote ends it and text follows", line,
                                    line + 4)));
                }
                for (HeaderDefect defect : HEADER_DEFECTS) {
                    StringBuilder text = new StringBuilder(start.prefix(eol)).append(defect.header()).append(eol);
                    for (int i = 1; i <= ROWS; i++) {
                        text.append(defect.row().apply(countsRow(i))).append(eol);
                    }
                    cases.add(Arguments.of(String.format(Locale.ROOT, "%s, %s, %s", defect.name(), MalformedText.eolName(eol), start),
                            eol, MalformedText.bytes(text.toString()), start.headerLine(), defect.column(), defect.message()));
                }
            }
            cases.add(Arguments.of("Windows-1252 file, " + MalformedText.eolName(eol), eol,
                    (HEADER + eol + cell(countsRow(1), 15, "Enquête") + eol).getBytes(Charset.forName("windows-1252")),
                    2, 15, "not valid UTF-8 text; a file saved by Excel on Windows is usually Windows-1252"));
            cases.add(Arguments.of("UTF-16 file with its byte order mark, " + MalformedText.eolName(eol), eol,
                    (HEADER + eol + countsRow(1) + eol).getBytes(StandardCharsets.UTF_16), 1, 1, "not valid UTF-8 text"));
            cases.add(Arguments.of("10 MB header of commas, " + MalformedText.eolName(eol), eol,
                    MalformedText.bytes(",".repeat(10 * 1024 * 1024) + eol + countsRow(1) + eol), 1, 1_048_577,
                    "row is longer than 1,048,576 characters"));
            cases.add(Arguments.of("2 MB cell, " + MalformedText.eolName(eol), eol,
                    MalformedText.bytes(HEADER + eol + countsRow(1) + eol + cell(countsRow(2), 15, "x".repeat(2 << 20)) + eol), 3, 15,
                    "row is longer than 1,048,576 characters"));
            cases.add(Arguments.of("100,000 columns, " + MalformedText.eolName(eol), eol, MalformedText.bytes(HEADER + ","
                    + String.join(",", IntStream.range(0, 100_000).mapToObj(i -> "c" + i).toList()) + eol
                    + countsRow(1) + eol), 1, 16, "unknown column"));
            StringBuilder longFile = new StringBuilder(HEADER).append(eol);
            for (int i = 1; i < 100_000; i++) {
                longFile.append(countsRow(i)).append(eol);
            }
            longFile.append(cell(countsRow(100_000), 9, "four hundred")).append(eol);
            cases.add(Arguments.of("100,000 rows, the last wrong, " + MalformedText.eolName(eol), eol, MalformedText.bytes(longFile.toString()),
                    100_001, 9, "expected a positive whole number"));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void endsInTheOneExceptionWithLineAndColumn(String name, String eol, byte[] observations, long line, int column,
            String message, @TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(CatalogueReader.STUDIES_FILE), CsvFiles.STUDIES.replace("\n", eol));
        Files.write(dir.resolve(CatalogueReader.OBSERVATIONS_FILE), observations);
        CatalogueFormatException e = assertThrows(CatalogueFormatException.class,
                () -> CatalogueReader.withDefaults().read(dir));
        Problem first = e.problems().get(0);
        assertEquals(CatalogueReader.OBSERVATIONS_FILE, first.file(), first.toString());
        assertEquals(line, first.line(), first.toString());
        assertEquals(column, first.column(), first.toString());
        assertTrue(first.message().startsWith(message), first.toString());
        assertTrue(e.problems().size() <= Problems.KEPT, "problems kept are bounded");
    }

    @ParameterizedTest(name = "line ending {0}")
    @MethodSource("lineEndings")
    void everyRowWrongIsCountedButOnlyAThousandKept(String eol, @TempDir Path dir) throws IOException {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        text.writeBytes((HEADER + eol).getBytes(StandardCharsets.UTF_8));
        for (int i = 1; i <= 100_000; i++) {
            text.writeBytes((cell(countsRow(i), 9, "-3") + eol).getBytes(StandardCharsets.UTF_8));
        }
        Files.writeString(dir.resolve(CatalogueReader.STUDIES_FILE), CsvFiles.STUDIES);
        Files.write(dir.resolve(CatalogueReader.OBSERVATIONS_FILE), text.toByteArray());
        CatalogueFormatException e = assertThrows(CatalogueFormatException.class,
                () -> CatalogueReader.withDefaults().read(dir));
        assertEquals(100_000, e.count());
        assertEquals(Problems.KEPT, e.problems().size());
        assertEquals(1001, e.problems().get(Problems.KEPT - 1).line());
    }

    static Stream<String> lineEndings() {
        return MalformedText.LINE_ENDINGS.stream();
    }

    /**
     * A file just under the 64 MiB cap, every row ragged: it fails with its problems (a thousand kept, all counted)
     * in this module's 256 MB heap, where the file alone as a Java string would take 128 MB.
     */
    @ParameterizedTest(name = "line ending {0}")
    @MethodSource("lineEndings")
    void aFileAtTheCapFailsInBoundedMemory(String eol, @TempDir Path dir) throws IOException {
        Path file = dir.resolve(CatalogueReader.OBSERVATIONS_FILE);
        String row = countsRow(1) + ",extra" + eol;
        long rows = (CatalogueReader.MAX_BYTES - HEADER.length() - 100) / row.length();
        try (var out = new java.io.BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            out.write(HEADER + eol);
            for (long i = 0; i < rows; i++) {
                out.write(row);
            }
        }
        assertTrue(Files.size(file) <= CatalogueReader.MAX_BYTES);
        Files.writeString(dir.resolve(CatalogueReader.STUDIES_FILE), CsvFiles.STUDIES);
        CatalogueFormatException e = assertThrows(CatalogueFormatException.class,
                () -> CatalogueReader.withDefaults().read(dir));
        assertEquals(rows + 1, e.count(), "every row, and the file for having no good row");
        assertEquals(Problems.KEPT, e.problems().size());
        assertEquals(16, e.problems().get(0).column());
    }
}
