package org.smesurvey.stats.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.smesurvey.core.NetworkScope;
import org.smesurvey.core.Population;
import org.smesurvey.core.Region;
import org.smesurvey.core.RespondentFunction;
import org.smesurvey.core.Sampling;
import org.smesurvey.core.Sectors;
import org.smesurvey.core.SizeBand;
import org.smesurvey.core.SizeClassScheme;
import org.smesurvey.core.Study;
import org.smesurvey.core.StudyMethod;
import org.smesurvey.core.SurveyMode;
import org.smesurvey.core.Weighting;
import org.smesurvey.core.YearRange;
import org.smesurvey.core.csv.CatalogueReader;
import org.smesurvey.core.imports.EurostatTable;
import org.smesurvey.core.imports.OfficeTable;
import org.smesurvey.core.io.InputFormatException;
import org.smesurvey.core.io.InputSource;
import org.smesurvey.core.io.Problem;

/**
 * Every reader of the input layer fed thousands of mutations of a valid file — bytes changed, separators, quotes,
 * line breaks, byte-order marks, bytes that are not UTF-8 and numbers of every odd kind inserted, ranges deleted or
 * repeated, lines swapped, the file cut short — from a fixed seed, so that a failure is reproduced by its number.
 * Each read either succeeds or ends in the one {@link InputFormatException}, every problem with the file's name and
 * a message in words (no exception's class, no {@code java.} name); nothing else gets out.
 */
class ReadersFuzzTest {

    private static final int MUTANTS = 4000;
    private static final String BUNDLED = "/org/smesurvey/core/bundled/";

    /** A reader of one file's bytes, the others it needs given. */
    private interface Read {
        void read(byte[] content, Path dir) throws IOException;
    }

    /** A valid file's bytes, made in a directory. */
    private interface Seed {
        byte[] make(Path dir) throws IOException;
    }

    private record Reader(String name, String file, Seed seed, Read read, int mutants) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String resource(String name) throws IOException {
        try (var in = ReadersFuzzTest.class.getResourceAsStream(BUNDLED + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The rows of a bundled CSV file whose first cell is one of {@code ids}, the header first, written back. */
    private static String rowsOf(String text, Set<String> ids, int most) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();
        StringWriter out = new StringWriter();
        try (var parser = format.parse(new StringReader(text)); CSVPrinter printer = new CSVPrinter(out, format)) {
            int kept = 0;
            for (CSVRecord record : parser) {
                if (record.getRecordNumber() == 1 || (ids.contains(record.get(0)) && kept++ < most)) {
                    printer.printRecord((Object[]) record.values());
                }
            }
        }
        return out.toString();
    }

    private static final Study OFFICE_STUDY = Study.builder("INE_TEST_2022").title("An office's table (test)")
            .publisher("test office").fieldwork(YearRange.of(2022)).region(Region.of("ES"))
            .population(new Population("empresas de 10 o más empleados", SizeClassScheme.EUROSTAT_ICT,
                    Optional.of(SizeBand.atLeast(10)), Optional.of(Sectors.ICT_SURVEY)))
            .respondents(RespondentFunction.UNKNOWN)
            .method(new StudyMethod(SurveyMode.UNKNOWN, Sampling.PROBABILITY, Weighting.WEIGHTED)).build();

    private static final RespondentReader RESPONDENTS = RespondentReader.builder().weight("w").strata("stratum")
            .clusters("psu").fpc("fpc").answers("external").categories("band").numbers("employees")
            .lonelyPsu(LonelyPsu.ADJUST).build();

    private static final String RESPONDENTS_CSV = "stratum,psu,fpc,w,external,band,employees\n"
            + "A,1,40,10,1,0-9,3\nA,2,40,12.5,0,10-49,12\nA,3,40,11,yes,10-49,30\nB,1,20,20,1,0-9,4\n"
            + "B,2,20,8,No,250+,400\nB,3,20,9,NA,50-249,\"60\"\n";

    static Stream<Reader> readers() throws IOException {
        String studiesText = resource(CatalogueReader.STUDIES_FILE);
        String observationsText = resource(CatalogueReader.OBSERVATIONS_FILE);
        byte[] schemes = utf8(resource(CatalogueReader.SCHEMES_FILE));
        Set<String> ids = new HashSet<>(List.of("EUROSTAT_NR_2013", "EUROSTAT_NR_2014"));
        byte[] studies = utf8(rowsOf(studiesText, ids, 10));
        byte[] observations = utf8(rowsOf(observationsText, ids, 12));
        byte[] populations = utf8(resource("populations.csv").lines().limit(25).map(l -> l + "\n")
                .reduce("", String::concat));
        byte[] sdmx = utf8("DATAFLOW,LAST UPDATE,freq,indic_is,size_emp,nace_r2,unit,geo,TIME_PERIOD,OBS_VALUE,"
                + "OBS_FLAG\n"
                + "ESTAT:ISOC_CISMT(1.0),15/12/23 23:00:00,A,E_SM1_GE,10-49,C10-S951_X_K,PC_ENT,BE,2021,45,\n"
                + "ESTAT:ISOC_CISMT(1.0),15/12/23 23:00:00,A,E_SM1_GE,GE250,C10-S951_X_K,PC_ENT,BE,2021,81,e\n"
                + "ESTAT:ISOC_CISMT(1.0),15/12/23 23:00:00,A,E_SNET,10_M,J,PC_ENT,EL,2019,62.5,b\n"
                + "ESTAT:ISOC_CISMT(1.0),15/12/23 23:00:00,A,E_IACC,10_M,C10-S951_X_K,PC_ENT,FR,2019,95,\n"
                + "ESTAT:ISOC_CISMT(1.0),15/12/23 23:00:00,A,E_WIKI,10_M,C-E,PC_ENT,EU27_2020,2021,:,c\n");
        byte[] tsv = utf8("freq,indic_is,size_emp,nace_r2,unit,geo\\TIME_PERIOD\t2015 \t2019 \t2021 \n"
                + "A,E_SM1_GE,10-49,C10-S951_X_K,PC_ENT,EU27_2020\t34 \t49 \t56 \n"
                + "A,E_SM1_GE,GE250,C10-S951_X_K,PC_ENT,EL\t: \t70 b\t81 e\n"
                + "A,E_SNET,10_M,C10-C33,PC_ENT,SE\t40 u\t: c\t62.5 \n");
        byte[] table = utf8("Comunidades y Ciudades Autónomas;Actividad principal (CNAE 2009);Principales variables;"
                + "Total\n"
                + "Total Nacional;Total;% de empresas que utilizaron medios sociales;66,1\n"
                + "Total Nacional;Industria;% de empresas que utilizaron medios sociales;55,3\n"
                + "Andalucía;Construcción;% de empresas que utilizaron medios sociales;..\n"
                + "Cataluña;Total;% de empresas que utilizaron medios sociales;69,8 %\n");
        byte[] respondents = utf8(RESPONDENTS_CSV);
        CatalogueReader catalogue = CatalogueReader.withDefaults();
        OfficeTable office = OfficeTable.forStudy(OFFICE_STUDY).value("Total")
                .area("Comunidades y Ciudades Autónomas", "Total Nacional")
                .sectors("Actividad principal (CNAE 2009)", "Total", Map.of("Industria", Sectors.parse("B-E"),
                        "Construcción", Sectors.parse("F")))
                .indicators("Principales variables", Map.of("% de empresas que utilizaron medios sociales",
                        new OfficeTable.IndicatorCode("social_media_any", "empresas que utilizaron medios sociales",
                                NetworkScope.MIXED)))
                .year(2022).build();
        return Stream.of(
                new Reader("catalogue, observations mutated", CatalogueReader.OBSERVATIONS_FILE, d -> observations,
                        (bytes, d) -> catalogue.read(InputSource.of(CatalogueReader.STUDIES_FILE, studies),
                                InputSource.of(CatalogueReader.OBSERVATIONS_FILE, bytes),
                                InputSource.of(CatalogueReader.SCHEMES_FILE, schemes)), MUTANTS),
                new Reader("catalogue, studies mutated", CatalogueReader.STUDIES_FILE, d -> studies,
                        (bytes, d) -> catalogue.read(InputSource.of(CatalogueReader.STUDIES_FILE, bytes),
                                InputSource.of(CatalogueReader.OBSERVATIONS_FILE, observations),
                                InputSource.of(CatalogueReader.SCHEMES_FILE, schemes)), MUTANTS),
                new Reader("enterprise counts", "populations.csv", d -> populations,
                        (bytes, d) -> catalogue.readPopulations(InputSource.of("populations.csv", bytes)), MUTANTS),
                new Reader("Eurostat SDMX-CSV", "isoc_cismt.csv", d -> sdmx,
                        (bytes, d) -> EurostatTable.read(InputSource.of("isoc_cismt.csv", bytes)), MUTANTS),
                new Reader("Eurostat TSV", "isoc_cismt.tsv", d -> tsv,
                        (bytes, d) -> EurostatTable.read(InputSource.of("isoc_cismt.tsv", bytes)), MUTANTS),
                new Reader("office table", "tabla.csv", d -> table,
                        (bytes, d) -> office.read(InputSource.of("tabla.csv", bytes)), MUTANTS),
                new Reader("respondents, CSV", "survey.csv", d -> respondents,
                        (bytes, d) -> RESPONDENTS.read(InputSource.of("survey.csv", bytes)), MUTANTS),
                new Reader("respondents, Arrow IPC", "survey.arrow", d -> {
                    Path csv = d.resolve("seed.csv");
                    Files.writeString(csv, RESPONDENTS_CSV);
                    Path arrow = d.resolve("seed.arrow");
                    RESPONDENTS.convertToArrow(csv, arrow);
                    return Files.readAllBytes(arrow);
                }, (bytes, d) -> {
                    Path file = d.resolve("survey.arrow");
                    Files.write(file, bytes);
                    RESPONDENTS.read(file);
                }, MUTANTS / 2));
    }

    /** Pieces a mutation inserts: what breaks CSV and number parsing. */
    private static final List<byte[]> PIECES = List.of(utf8("\""), utf8(","), utf8(";"), utf8("\t"), utf8("\n"),
            utf8("\r"), utf8("\r\n"), utf8("\"\""), new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xC3},
            new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, new byte[] {0}, utf8("NaN"), utf8("-0"),
            utf8("1e309"), utf8("0x1p3"), utf8("45d"), utf8(":"), utf8(" "), utf8("%"), utf8("-"), utf8("99999999999"),
            utf8("x".repeat(5000)), utf8("=cmd()"), utf8("\\"), utf8("ARROW1"), utf8("\u00e9"), utf8("|"));

    /** A mutant of {@code seed}: one to four changes drawn from {@code random}. */
    static byte[] mutate(byte[] seed, SplittableRandom random) {
        byte[] bytes = seed.clone();
        int changes = 1 + random.nextInt(4);
        for (int c = 0; c < changes && bytes.length > 0; c++) {
            int at = random.nextInt(bytes.length);
            switch (random.nextInt(6)) {
                case 0 -> bytes[at] = (byte) random.nextInt(256);
                case 1 -> bytes = splice(bytes, at, at, PIECES.get(random.nextInt(PIECES.size())));
                case 2 -> bytes = splice(bytes, at, Math.min(bytes.length, at + 1 + random.nextInt(40)), new byte[0]);
                case 3 -> {
                    int end = Math.min(bytes.length, at + 1 + random.nextInt(120));
                    bytes = splice(bytes, end, end, java.util.Arrays.copyOfRange(bytes, at, end));
                }
                case 4 -> bytes = java.util.Arrays.copyOf(bytes, at);
                default -> bytes = swapLines(bytes, random);
            }
        }
        return bytes;
    }

    private static byte[] splice(byte[] bytes, int from, int to, byte[] piece) {
        byte[] out = new byte[bytes.length - (to - from) + piece.length];
        System.arraycopy(bytes, 0, out, 0, from);
        System.arraycopy(piece, 0, out, from, piece.length);
        System.arraycopy(bytes, to, out, from + piece.length, bytes.length - to);
        return out;
    }

    private static byte[] swapLines(byte[] bytes, SplittableRandom random) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                lines.add(java.util.Arrays.copyOfRange(bytes, start, i + 1));
                start = i + 1;
            }
        }
        lines.add(java.util.Arrays.copyOfRange(bytes, start, bytes.length));
        if (lines.size() < 2) {
            return bytes;
        }
        int a = random.nextInt(lines.size());
        int b = random.nextInt(lines.size());
        java.util.Collections.swap(lines, a, b);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(bytes.length);
        lines.forEach(out::writeBytes);
        return out.toByteArray();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readers")
    void everyMutantIsReadOrRefusedInWords(Reader reader, @TempDir Path dir) throws IOException {
        byte[] seed = reader.seed().make(dir);
        reader.read().read(seed, dir); // the seed itself is valid
        SplittableRandom random = new SplittableRandom(20261207L);
        int refused = 0;
        for (int m = 0; m < reader.mutants(); m++) {
            byte[] mutant = mutate(seed, random);
            try {
                reader.read().read(mutant, dir);
            } catch (InputFormatException e) {
                refused++;
                assertTrue(!e.problems().isEmpty(), what(reader, m, mutant, "no problem listed"));
                for (Problem p : e.problems()) {
                    assertTrue(!p.message().isBlank() && !p.message().matches("(?s).*(Exception|Error\\b|java\\.).*"),
                            what(reader, m, mutant, "a message not in words: " + p));
                    assertTrue(p.file().endsWith(reader.file()) || p.file().endsWith(".csv"),
                            what(reader, m, mutant, "the file is not named: " + p));
                }
            } catch (IOException | RuntimeException e) {
                throw new AssertionError(what(reader, m, mutant, "got out: " + e), e);
            }
        }
        assertTrue(refused > reader.mutants() / 10, reader + ": only " + refused + " mutants refused");
    }

    private static String what(Reader reader, int mutant, byte[] bytes, String problem) {
        String text = new String(bytes, 0, Math.min(bytes.length, 600), StandardCharsets.ISO_8859_1);
        return String.format(Locale.ROOT, "%s, mutant %d: %s%nits bytes (Latin-1, first 600):%n%s", reader, mutant,
                problem, text);
    }

    @org.junit.jupiter.api.Test
    void mutationsAreReproducible() {
        byte[] seed = utf8(RESPONDENTS_CSV);
        assertEquals(new String(mutate(seed, new SplittableRandom(7)), StandardCharsets.ISO_8859_1),
                new String(mutate(seed, new SplittableRandom(7)), StandardCharsets.ISO_8859_1));
    }
}
