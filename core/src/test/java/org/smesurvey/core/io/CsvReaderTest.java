package org.smesurvey.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules every reader follows, one test each, through {@link CsvReader} itself. */
class CsvReaderTest {

    private static final TableSpec SPEC = TableSpec.open(List.of("id", "n"));

    /** Reads text, parsing n as a decimal number; returns the rows as "line:id:n". */
    private static List<String> read(String text) throws IOException {
        return read(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    private static List<String> read(byte[] bytes, Charset charset) throws IOException {
        Problems problems = new Problems();
        List<String> rows = new ArrayList<>();
        CsvReader.of(SPEC).withCharset(charset).read(InputSource.of("f.csv", bytes), problems, row -> {
            row.required("n", Numbers::finite).ifPresent(n -> rows.add(row.line() + ":" + row.text("id") + ":" + n));
        });
        problems.throwIfAny("the test file");
        return rows;
    }

    private static Problem failure(String text) {
        return failure(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Problem failure(byte[] bytes) {
        InputFormatException e = assertThrows(InputFormatException.class,
                () -> read(bytes, StandardCharsets.UTF_8));
        return e.problems().get(0);
    }

    private static String where(Problem p) {
        return p.line() + ":" + p.column() + ":" + p.message();
    }

    @ParameterizedTest(name = "line ending {0}")
    @ValueSource(strings = {"\n", "\r\n", "\r"})
    void linesAreCountedWhateverEndsThem(String eol) throws IOException {
        String text = String.join(eol, "id,n", "a,1", "\"b" + eol + "b\",2", "c,x", "");
        Problem p = failure(text);
        assertEquals("5:2:expected a decimal number such as 0.125, 12,5 or 1.2e-3", where(p),
                "the quoted cell on lines 3-4 counts two lines");
        assertEquals(List.of("2:a:1.0", "3:b" + eol + "b:2.0"), read(String.join(eol, "id,n", "a,1",
                "\"b" + eol + "b\",2", "")));
    }

    @ParameterizedTest(name = "line ending {0}")
    @ValueSource(strings = {"\n", "\r\n", "\r"})
    void aStrayQuoteIsBlamedWhereItsCellBegins(String eol) {
        String text = String.join(eol, "id,n", "a,1", "b,\"2", "c,3", "d,4", "");
        assertEquals("3:2:unterminated quoted cell: the quote that opens this cell is never closed", where(failure(text)));
    }

    @ParameterizedTest(name = "line ending {0}")
    @ValueSource(strings = {"\n", "\r\n", "\r"})
    void aQuoteLeftOpenUntilALaterQuoteIsBlamedWhereItOpens(String eol) {
        String text = String.join(eol, "id,n", "a,1", "b,\"2", "c,3", "d,4", "\"e\",5", "");
        assertEquals("3:2:unterminated quote opened at line 3, column 2: the quoted cell runs on to line 6, where a"
                + " quote ends it and text follows", where(failure(text)));
        StringBuilder late = new StringBuilder("id,n").append(eol);
        for (int i = 2; i < 125; i++) {
            late.append("r").append(i).append(',').append(i).append(eol);
        }
        late.append("r125,\"125").append(eol).append("r126,126").append(eol).append("r127,127").append(eol)
                .append("r128,128").append(eol).append("\"r129\",129").append(eol);
        assertEquals("125:2:unterminated quote opened at line 125, column 2: the quoted cell runs on to line 129,"
                + " where a quote ends it and text follows", where(failure(late.toString())));
    }

    @Test
    void textAfterAClosingQuoteIsBlamedOnItsCell() {
        assertEquals("3:1:text after a closing quote: a quoted cell must end at the delimiter (write \"\" for a quote"
                + " inside it)", where(failure("id,n\na,1\n\"b\"x,2\n")));
    }

    @Test
    void aByteOrderMarkIsDroppedAndBlankLinesSkipped() throws IOException {
        assertEquals(List.of("4:a:1.0", "6:b:2.0"), read("\uFEFF\n  \n id , n \na,1\n\nb,2\n\n"));
    }

    @Test
    void semicolonsAreFoundFromTheHeader() throws IOException {
        assertEquals(List.of("2:a:1.5"), read("id;n\na;1,5\n"));
    }

    @Test
    void anEmptyOrRepeatedHeaderNameIsAProblem() {
        assertEquals("1:2:column has no name; every header cell needs one", where(failure("id,,n\na,,1\n")));
        assertEquals("1:3:column repeats column 1", where(failure("id,n, id\na,1,b\n")));
    }

    @Test
    void aMissingColumnIsNamed() {
        Problem p = failure("id,m\na,1\n");
        assertEquals("1:0:missing required column 'n'; the header is [id, m]", where(p));
    }

    @Test
    void aRaggedRowIsPlacedAtItsFirstMissingOrExtraCell() {
        assertEquals("2:2:row has 1 cells but the header has 2 columns (a decimal comma in a comma-separated file"
                + " must be quoted)", where(failure("id,n\na\n")));
        Problem extra = failure("id,n\na,1,5\n");
        assertEquals(3, extra.column());
        assertEquals("5", extra.value());
    }

    @Test
    void invalidUtf8IsPlacedAndTheHintNamesWindows1252() {
        byte[] bytes = ("id,n\na,1\n" + "b,2\n".repeat(5000) + "caf\u00e9,3\n").getBytes(Charset.forName("windows-1252"));
        Problem p = failure(bytes);
        assertEquals(5003, p.line());
        assertEquals(1, p.column());
        assertEquals("id", p.columnName());
        assertTrue(p.value().startsWith("byte 0xE9 at offset "), p.value());
        assertEquals("not valid UTF-8 text; a file saved by Excel on Windows is usually Windows-1252: read it with the"
                + " character set windows-1252", p.message());
    }

    @Test
    void aSplitMultiByteCharacterIsNotAnError() throws IOException {
        // 8,191 ASCII bytes put the two bytes of é across the reader's first chunk boundary.
        String id = "x".repeat(8191 - "id,n\n".length()) + "\u00e9";
        assertEquals(List.of("2:" + id + ":1.0"), read("id,n\n" + id + ",1\n"));
    }

    @Test
    void onlyAThousandProblemsAreKeptAndAllAreCounted() {
        InputFormatException e = assertThrows(InputFormatException.class,
                () -> read("id,n\n" + "a,x\n".repeat(5000)));
        assertEquals(Problems.KEPT, e.problems().size());
        assertEquals(5000, e.count());
        assertTrue(e.getMessage().startsWith("5,000 problems in the test file; nothing was loaded:"), e.getMessage());
        assertTrue(e.getMessage().endsWith("… and 4,975 more"), e.getMessage());
    }

    @Test
    void aTenMegabyteHeaderOfCommasFailsInBoundedMemory() {
        // This module's tests run in a 256 MB heap (core/pom.xml); commons-csv alone would make ten million cells.
        Problem p = failure("," .repeat(10 * 1024 * 1024) + "\na,1\n");
        assertEquals(1, p.line());
        assertTrue(p.message().startsWith("row is longer than 1,048,576 characters"), p.message());
    }

    @Test
    void theSizeCapIsAProblemNotAnError() {
        InputFormatException e = assertThrows(InputFormatException.class, () -> {
            Problems problems = new Problems();
            CsvReader.of(SPEC).withMaxBytes(100).read(InputSource.of("f.csv", ("id,n\n" + "a,1\n".repeat(50))
                    .getBytes(StandardCharsets.UTF_8)), problems, row -> { });
            problems.throwIfAny("the test file");
        });
        assertEquals("f.csv: file is larger than 100 bytes, the most this format reads", e.problems().get(0).toString());
    }

    @Test
    void anEmptyFileNamesTheColumnsExpected() {
        assertEquals("1:0:file is empty; expected a header row with the columns id, n", where(failure(" \n\r\n")));
    }
}
