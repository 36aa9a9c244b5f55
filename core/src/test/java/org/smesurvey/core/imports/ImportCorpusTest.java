package org.smesurvey.core.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.smesurvey.core.NetworkScope;
import org.smesurvey.core.Sectors;
import org.smesurvey.core.io.InputFormatException;
import org.smesurvey.core.io.InputSource;
import org.smesurvey.core.io.MalformedText;
import org.smesurvey.core.io.MalformedText.Start;
import org.smesurvey.core.io.Problem;
import org.smesurvey.core.io.Problems;

/**
 * A corpus of malformed files for each importer — Eurostat's SDMX-CSV and TSV, a national office's table — written
 * to disk and read as a user's would be, as {@code MalformedCorpusTest} does for the catalogue: each defect of a
 * cell, a row, the header, the quoting and the encoding, under every line ending (LF, CRLF, CR alone), with and
 * without a byte-order mark or blank lines before the header, early and late in the file. Each ends in the one
 * {@link InputFormatException}, its first problem at the line and column of the cell that caused it. A 60 MB file
 * of each kind with one bad value near its end fails the same way within this module's 256 MB test heap.
 */
class ImportCorpusTest {

    private static final int ROWS = 60;
    private static final List<String> GEOS = List.of("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "EL", "ES",
            "FI", "FR", "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK");
    private static final List<String> SIZES = List.of("10_M", "10-49", "50-249", "GE250");

    private static final OfficeTable OFFICE = OfficeTable.forStudy(OfficeTableTest.STUDY).value("Total")
            .area("Comunidad", "Total Nacional")
            .sectors("Actividad", "Total", Map.of("Industria", Sectors.parse("B-E")))
            .indicator(new OfficeTable.IndicatorCode("social_media_any", "empresas que utilizaron medios sociales",
                    NetworkScope.MIXED))
            .year(2022).build();

    /** An importer: its file, header and valid rows (each a different figure), and how it reads. */
    enum Format {
        SDMX("isoc_cismt.csv", "DATAFLOW,LAST UPDATE,freq,indic_is,size_emp,nace_r2,unit,geo,TIME_PERIOD,OBS_VALUE,"
                + "OBS_FLAG", i -> "ESTAT:ISOC_CISMT(1.0),15/12/23 23:00:00,A,E_SNET," + SIZES.get(i / 27 % 4)
                        + ",C10-S951_X_K,PC_ENT," + GEOS.get(i % 27) + ",2021,45,"),
        TSV("isoc_cismt.tsv", "freq,indic_is,size_emp,nace_r2,unit,geo\\TIME_PERIOD\t2019 \t2020 \t2021 ",
                i -> "A,E_SNET," + SIZES.get(i / 27 % 4) + ",C10-S951_X_K,PC_ENT," + GEOS.get(i % 27)
                        + "\t45 \t: \t50 e"),
        OFFICE_TABLE("tabla.csv", "Comunidad;Actividad;Total", i -> "Área " + i + ";Industria;45,5");

        final String file;
        final String header;
        final IntFunction<String> row;

        Format(String file, String header, IntFunction<String> row) {
            this.file = file;
            this.header = header;
            this.row = row;
        }

        Imported read(InputSource source) throws IOException {
            return this == OFFICE_TABLE ? OFFICE.read(source) : EurostatTable.read(source);
        }

        char separator() {
            return this == TSV ? '\t' : this == OFFICE_TABLE ? ';' : ',';
        }
    }

    /** Replaces a cell of a row. */
    private static String cell(Format format, String row, int column, String value) {
        String separator = String.valueOf(format.separator());
        String[] cells = row.split(java.util.regex.Pattern.quote(separator), -1);
        cells[column - 1] = value;
        return String.join(separator, cells);
    }

    /** How a defect breaks row {@code i}. */
    private interface Breaker {
        String apply(Format format, int i);
    }

    /** A defect of one row, the column it is reported at and how its message starts. */
    private record RowDefect(String name, Format format, Breaker breaker, int column, String message) {
    }

    private static final List<RowDefect> ROW_DEFECTS = rowDefects();

    private static List<RowDefect> rowDefects() {
        List<RowDefect> defects = new ArrayList<>();
        Format sdmx = Format.SDMX;
        Format tsv = Format.TSV;
        Format office = Format.OFFICE_TABLE;
        String decimal = "is not a value: expected a decimal number such as 45 or 45.5";
        defects.add(new RowDefect("hexadecimal value", sdmx, (f, i) -> cell(f, f.row.apply(i), 10, "0x1p5"), 10,
                decimal));
        defects.add(new RowDefect("value with a type suffix", sdmx, (f, i) -> cell(f, f.row.apply(i), 10, "45d"), 10,
                decimal));
        defects.add(new RowDefect("value above 100", sdmx, (f, i) -> cell(f, f.row.apply(i), 10, "150"), 10,
                "is not a percentage of enterprises (0 to 100)"));
        defects.add(new RowDefect("unknown flag", sdmx, (f, i) -> cell(f, f.row.apply(i), 11, "x"), 11,
                "has the flag 'x'"));
        defects.add(new RowDefect("size code beyond an int", sdmx, (f, i) -> cell(f, f.row.apply(i), 5,
                "GE99999999999"), 5, "is not a size class"));
        defects.add(new RowDefect("unknown activity", sdmx, (f, i) -> cell(f, f.row.apply(i), 6, "C10-J63"), 6,
                "is not an activity this importer maps"));
        defects.add(new RowDefect("quarterly series", sdmx, (f, i) -> cell(f, f.row.apply(i), 3, "Q"), 3,
                "is not annual (A)"));
        defects.add(new RowDefect("quarter for a year", sdmx, (f, i) -> cell(f, f.row.apply(i), 9, "2021Q1"), 9,
                "is not a year (YYYY)"));
        defects.add(new RowDefect("another dataset", sdmx, (f, i) -> cell(f, f.row.apply(i), 1,
                "ESTAT:ISOC_CISMP(1.0)"), 1, "is not the dataset isoc_cismt"));
        defects.add(new RowDefect("second value for a figure", sdmx, (f, i) -> cell(f, f.row.apply(1), 10, "46"), 10,
                "is a second value for the figure E_SNET BE 2021 size 10_M"));
        defects.add(new RowDefect("hexadecimal value", tsv, (f, i) -> cell(f, f.row.apply(i), 4, "0x1p5 e"), 4,
                decimal));
        defects.add(new RowDefect("value above 100", tsv, (f, i) -> cell(f, f.row.apply(i), 2, "101 "), 2,
                "is not a percentage of enterprises (0 to 100)"));
        defects.add(new RowDefect("unknown flag", tsv, (f, i) -> cell(f, f.row.apply(i), 2, "45 x"), 2,
                "has the flag 'x'"));
        defects.add(new RowDefect("size code beyond an int", tsv, (f, i) -> f.row.apply(i).replaceFirst(
                "E_SNET,[^,]+,", "E_SNET,GE99999999999,"), 1, "size_emp is not a size class"));
        defects.add(new RowDefect("unknown activity", tsv, (f, i) -> f.row.apply(i).replace("C10-S951_X_K",
                "C10-J63"), 1, "nace_r2 is not an activity this importer maps"));
        defects.add(new RowDefect("codes missing from the key", tsv, (f, i) -> f.row.apply(i).replace("A,E_SNET,",
                "E_SNET,"), 1, "has 5 codes for the 6 dimensions"));
        defects.add(new RowDefect("second value for a figure", tsv, (f, i) -> cell(f, f.row.apply(1), 2, "46 "), 2,
                "is a second value for the figure E_SNET BE 2019 size 10_M"));
        defects.add(new RowDefect("value not a number", office, (f, i) -> cell(f, f.row.apply(i), 3, "cuarenta"), 3,
                "is not a percentage"));
        defects.add(new RowDefect("hexadecimal value", office, (f, i) -> cell(f, f.row.apply(i), 3, "0x1p5"), 3,
                "is not a percentage"));
        defects.add(new RowDefect("value above 100", office, (f, i) -> cell(f, f.row.apply(i), 3, "100,5"), 3,
                "is not a percentage of enterprises (0 to 100)"));
        defects.add(new RowDefect("second value for a figure", office, (f, i) -> cell(f, f.row.apply(1), 3, "46"), 3,
                "is a second value for the figure social_media_any; Actividad: Industria; Comunidad: Área 1"));
        for (Format f : Format.values()) {
            int last = f.header.split(String.valueOf(f.separator()), -1).length;
            defects.add(new RowDefect("unterminated quote", f, (g, i) -> cell(g, g.row.apply(i), last,
                    "\"never closed"), last, "unterminated quoted cell"));
            defects.add(new RowDefect("text after a closing quote", f, (g, i) -> cell(g, g.row.apply(i), last,
                    "\"closed\" then text"), last, "text after a closing quote"));
            defects.add(new RowDefect("row one cell short", f, (g, i) -> g.row.apply(i).substring(0,
                    g.row.apply(i).lastIndexOf(g.separator())), last, "row has " + (last - 1) + " cells but the"
                            + " header has " + last + " columns"));
            defects.add(new RowDefect("row one cell long", f, (g, i) -> g.row.apply(i) + g.separator() + "extra",
                    last + 1, "row has " + (last + 1) + " cells but the header has " + last + " columns"));
            defects.add(new RowDefect("invalid UTF-8 byte", f, (g, i) -> g.row.apply(i).replaceFirst("E_SNET|Área",
                    "\u0000"), f == sdmx ? 4 : 1, "not valid UTF-8 text"));
        }
        return defects;
    }

    /** A defect of the header: the header to write, how rows change with it, and where and what the problem is. */
    private record HeaderDefect(String name, Format format, String header, UnaryOperator<String> rows, int column,
            String message) {

        HeaderDefect(String name, Format format, String header, int column, String message) {
            this(name, format, header, UnaryOperator.identity(), column, message);
        }
    }

    private static final List<HeaderDefect> HEADER_DEFECTS = List.of(
            new HeaderDefect("no TIME_PERIOD column", Format.SDMX, Format.SDMX.header.replace("TIME_PERIOD", "TIME"),
                    0, "missing required column 'TIME_PERIOD'"),
            new HeaderDefect("a dimension not mapped", Format.SDMX, Format.SDMX.header.replace("geo,", "lev_ict,geo,"),
                    r -> r.replace(",PC_ENT,", ",PC_ENT,HIGH,"), 8, "is a dimension this importer does not map"),
            new HeaderDefect("separated by tabs", Format.SDMX, Format.SDMX.header.replace(',', '\t'), 0,
                    "the header is separated by tabs, not commas"),
            new HeaderDefect("separated by semicolons", Format.SDMX, Format.SDMX.header.replace(',', ';'), 0,
                    "the header is separated by semicolons, not commas"),
            new HeaderDefect("a quarter for a year", Format.TSV, Format.TSV.header.replace("2020 ", "2020Q1"), 3,
                    "is not a year (YYYY)"),
            new HeaderDefect("a series key not ending in \\TIME_PERIOD", Format.TSV,
                    Format.TSV.header.replace("\\TIME_PERIOD", "\\GEO"), 1,
                    "the series key must end with \\TIME_PERIOD"),
            new HeaderDefect("a dimension not mapped", Format.TSV, Format.TSV.header.replace("unit,", "unit,lev_ict,"),
                    r -> r.replace(",PC_ENT,", ",PC_ENT,HIGH,"), 1, "is a dimension this importer does not map"),
            new HeaderDefect("separated by commas", Format.TSV, Format.TSV.header.replace('\t', ','), 0,
                    "the header starts with a TSV series key (...\\TIME_PERIOD) but is not tab-separated"),
            new HeaderDefect("no value column", Format.OFFICE_TABLE, "Comunidad;Actividad;Valor", 0,
                    "missing required column 'Total'"),
            new HeaderDefect("separated by tabs", Format.OFFICE_TABLE, "Comunidad\tActividad\tTotal", 1,
                    "the header is separated by tabs, not commas or semicolons"),
            new HeaderDefect("separated by pipes", Format.OFFICE_TABLE, "Comunidad|Actividad|Total", 1,
                    "the header is separated by pipes (|), not commas or semicolons"));

    static Stream<Arguments> corpus() {
        List<Arguments> cases = new ArrayList<>();
        for (String eol : MalformedText.LINE_ENDINGS) {
            for (Start start : Start.values()) {
                for (RowDefect defect : ROW_DEFECTS) {
                    Format f = defect.format();
                    for (int row : new int[] {2, ROWS - 5}) {
                        StringBuilder text = new StringBuilder(start.prefix(eol)).append(f.header).append(eol);
                        for (int i = 1; i <= ROWS; i++) {
                            text.append(i == row ? defect.breaker().apply(f, i) : f.row.apply(i)).append(eol);
                        }
                        cases.add(Arguments.of(String.format(Locale.ROOT, "%s: %s, %s, %s, row %d", f,
                                defect.name(), MalformedText.eolName(eol), start, row), f, MalformedText.bytes(text.toString()),
                                start.headerLine() + row, defect.column(), defect.message()));
                    }
                }
                for (HeaderDefect defect : HEADER_DEFECTS) {
                    Format f = defect.format();
                    StringBuilder text = new StringBuilder(start.prefix(eol)).append(defect.header()).append(eol);
                    for (int i = 1; i <= ROWS; i++) {
                        text.append(defect.rows().apply(f.row.apply(i)).replace(f.separator(), defect.header().contains("\t") ? '\t'
                                : defect.header().contains("|") ? '|' : defect.header().contains(";") ? ';'
                                : f == Format.TSV ? ',' : f.separator())).append(eol);
                    }
                    cases.add(Arguments.of(String.format(Locale.ROOT, "%s header: %s, %s, %s", f, defect.name(),
                            MalformedText.eolName(eol), start), f, MalformedText.bytes(text.toString()), start.headerLine(), defect.column(),
                            defect.message()));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void endsInTheOneExceptionAtTheCellThatCausedIt(String name, Format format, byte[] content, long line,
            int column, String message, @TempDir Path dir) throws IOException {
        Path file = dir.resolve(format.file);
        Files.write(file, content);
        InputFormatException e = assertThrows(InputFormatException.class, () -> format.read(InputSource.of(file)));
        Problem first = e.problems().get(0);
        assertEquals(format.file, first.file(), first.toString());
        assertEquals(line, first.line(), first.toString());
        assertEquals(column, first.column(), first.toString());
        assertTrue(first.message().startsWith(message), first.toString());
        assertEquals(1, e.problems().size(), e.problems().toString());
    }

    /**
     * A 60 MB file of distinct figures with one bad value near its end: it fails with that value's line and
     * column in this module's 256 MB heap, holding the figures it read (Eurostat's SDMX-CSV: each row a figure;
     * the TSV: one series in ten a mapped one, the others another unit, as in Eurostat's files), not the file.
     */
    @ParameterizedTest
    @EnumSource(Format.class)
    void aSixtyMegabyteFileWithOneBadValueNearItsEndFailsInBoundedMemory(Format format, @TempDir Path dir)
            throws IOException {
        Path file = dir.resolve(format.file);
        long rows = 0;
        long badLine = 0;
        int badColumn = format == Format.SDMX ? 10 : format == Format.TSV ? 2 : 3;
        try (BufferedWriter out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            out.write(format.header + "\n");
            long bytes = format.header.length();
            while (bytes < 60_000_000L) {
                String row = bigRow(format, rows);
                rows++;
                if (bytes > 59_990_000L && badLine == 0) {
                    row = cell(format, row, badColumn, "4S");
                    badLine = rows + 1;
                }
                out.write(row);
                out.write('\n');
                bytes += row.length() + 1;
            }
        }
        assertTrue(Files.size(file) >= 60_000_000L);
        InputFormatException e = assertThrows(InputFormatException.class, () -> format.read(InputSource.of(file)));
        assertEquals(1, e.problems().size(), e.getMessage());
        assertEquals(badLine, e.problems().get(0).line(), e.getMessage());
        assertEquals(badColumn, e.problems().get(0).column(), e.getMessage());
        assertTrue(e.problems().size() <= Problems.KEPT);
    }

    private static final List<String> INDICATORS = List.of("E_SM1_GE", "E_SM2_GE", "E_SNET", "E_BLOG", "E_MMCS",
            "E_WIKI");
    private static final List<String> ACTIVITIES = List.of("C10-S951_X_K", "C", "D", "E", "F", "G", "H", "I", "J",
            "L", "M", "N", "C-E", "G-I", "J-N", "C10-C33", "G45-G47", "J58-J63", "D-E", "L-N");

    /** Row {@code r} of a big file: every row a different figure (series, in a TSV). */
    private static String bigRow(Format format, long r) {
        int geo = (int) (r % 27);
        long rest = r / 27;
        int activity = (int) (rest % ACTIVITIES.size());
        rest /= ACTIVITIES.size();
        int indicator = (int) (rest % INDICATORS.size());
        rest /= INDICATORS.size();
        int size = (int) (rest % SIZES.size());
        rest /= SIZES.size();
        String value = Integer.toString((int) (r % 100));
        return switch (format) {
            case SDMX -> "ESTAT:ISOC_CISMT(1.0),15/12/23 23:00:00,A," + INDICATORS.get(indicator) + ","
                    + SIZES.get(size) + "," + ACTIVITIES.get(activity) + ",PC_ENT," + GEOS.get(geo) + ","
                    + (2000 + rest) + "," + value + ",";
            case TSV -> "A," + INDICATORS.get(indicator) + "," + (size * 100 + 10) + "-" + (size * 100 + 49 + rest)
                    + "," + ACTIVITIES.get(activity)
                    + (rest % 10 == 0 ? ",PC_ENT," : ",PC_ENT_SM" + rest + ",") + GEOS.get(geo) + "\t" + value
                    + " \t: \t" + value + " e";
            case OFFICE_TABLE -> "Área " + r + ";Industria;" + value + ",5";
        };
    }
}
