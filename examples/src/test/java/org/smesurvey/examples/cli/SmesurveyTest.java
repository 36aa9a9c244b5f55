package org.smesurvey.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.smesurvey.core.StudyCatalogue;
import org.smesurvey.core.bundled.Bundled;
import org.smesurvey.core.csv.CatalogueReader;
import org.smesurvey.core.csv.CatalogueWriter;

/**
 * The command line as a user runs it: help on every command, each command on the bundled catalogue or a file, exit
 * statuses (0, 2 for wrong arguments and unusable input, 1 for a path that cannot be used), and messages that name
 * the option or the path, or the line and column, never a stack trace nor a Java exception's name.
 */
class SmesurveyTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return Smesurvey.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Runs a command that must fail with this status, its message in words containing each of the parts. */
    private void fails(int status, List<String> args, String... parts) {
        assertEquals(status, run(args.toArray(String[]::new)), String.join(" ", args) + ": " + out() + err());
        for (String part : parts) {
            assertTrue(err().contains(part), String.join(" ", args) + ": '" + part + "' not in " + err());
        }
        assertFalse(err().contains("Exception") || err().contains("java.") || err().contains("\tat "), err());
    }

    @Test
    void everyCommandHasItsHelp() {
        for (List<String> command : List.<List<String>>of(List.of(), List.of("report"), List.of("summary"),
                List.of("compare"), List.of("pool"), List.of("list"), List.of("list", "studies"),
                List.of("list", "indicators"), List.of("import"), List.of("import", "eurostat"),
                List.of("import", "table"), List.of("fetch"), List.of("fetch", "eurostat"),
                List.of("fetch", "oecd"))) {
            String[] args = Stream.concat(command.stream(), Stream.of("--help")).toArray(String[]::new);
            assertEquals(0, run(args), String.join(" ", args) + ": " + err());
            assertTrue(out().startsWith("Usage: smesurvey"), out());
        }
        assertEquals(0, run("--version"));
        assertTrue(out().startsWith("smesurvey "), out());
        fails(2, List.of(), "Usage: smesurvey");
        fails(2, List.of("import"), "Usage: smesurvey import");
        assertEquals(2, run("tabulate"));
        assertTrue(err().contains("Unmatched argument"), err());
    }

    @Test
    void compareExplainsTheSeedCase() {
        assertEquals(0, run("compare", "insee_ip_2013", "Bpifrance_Lab_2018"), err()); // ids in any case
        assertTrue(out().startsWith("INSEE_IP_2013 (20 %) against BPIFRANCE_LAB_2018 (70 %): -50.0 points"), out());
        // GapDecomposition.summary(): the parts with their ranges when one other study is left out, then the notes.
        assertTrue(out().contains("one study left out (points)"), out());
        assertTrue(out().lines().anyMatch(l -> l.startsWith("  private survey ")), out());
        assertTrue(out().contains("note: the private-survey part merges who answered"), out());
        fails(2, List.of("compare", "NOPE", "INSEE_IP_2013"), "No study 'NOPE' in the catalogue.",
                "`smesurvey list studies` lists them all.");
        assertFalse(err().contains("Did you mean"), "nothing close to NOPE: " + err());
        fails(2, List.of("compare", "INSEE_IP_2013", "BPIFRANCE_LAB_2019"),
                "No study 'BPIFRANCE_LAB_2019' in the catalogue. Did you mean BPIFRANCE_LAB_2018?");
        fails(2, List.of("compare", "INSEE_IP_2013", "BPIFRANCE_LAB_2018", "--indicator", "wiki"),
                "No indicator 'wiki' in the catalogue. Did you mean wikis?", "`smesurvey list indicators`");
        fails(2, List.of("compare", "insee_ip_2013", "BPIFRANCE_LAB_2018", "--indicator", "attitude_vital"),
                "Study INSEE_IP_2013 has no figure the adoption model covers of attitude_vital;",
                "`smesurvey list indicators --study INSEE_IP_2013` lists its indicators");
        fails(2, List.of("pool", "--indicator", "social_networks", "--window", "abc"), "--window", "'abc'");
    }

    @Test
    void listShowsTheIdsAndCodesTheOtherCommandsTake() {
        assertEquals(0, run("list", "studies"), err());
        List<String> studies = out().lines().toList();
        assertEquals(Bundled.catalogue().studies().size(), studies.size());
        assertTrue(studies.stream().anyMatch(l -> l.startsWith("BPIFRANCE_LAB_2018 ") && l.contains(" FR ")
                && l.contains("Bpifrance Le Lab")), out());
        assertEquals(0, run("list", "studies", "--country", "fr", "--indicator", "SOCIAL_NETWORKS"), err());
        assertTrue(out().lines().anyMatch(l -> l.startsWith("BPIFRANCE_LAB_2018 ")), out());
        assertFalse(out().contains("BITKOM_2023"), out());
        assertEquals(0, run("list", "indicators"), err());
        assertEquals(Bundled.catalogue().indicatorCodes().size(), out().lines().count());
        assertTrue(out().lines().anyMatch(l -> l.startsWith("social_networks ") && l.contains(" figures,")), out());
        assertEquals(0, run("list", "indicators", "--study", "bitkom_2023"), err());
        assertEquals(List.of("platform_use", "social_networks"), out().lines().map(l -> l.split(" ")[0]).toList());
        fails(2, List.of("list", "indicators", "--study", "BITKOM_2O23"), "Did you mean BITKOM_2023?");
        fails(2, List.of("list", "studies", "--country", "XX"), "--country", "'XX'");
        fails(2, List.of("list", "studies", "--indicator", "social_network"), "Did you mean social_networks?");
        fails(2, List.of("list"), "Usage: smesurvey list");
    }

    @Test
    void reportYearIsWithinTenYearsOfTheFigures() {
        int first = Bundled.catalogue().observations().stream().map(Smesurvey::years)
                .flatMap(java.util.Optional::stream).mapToInt(y -> y.first()).min().orElseThrow();
        int last = Bundled.catalogue().observations().stream().map(Smesurvey::years)
                .flatMap(java.util.Optional::stream).mapToInt(y -> y.last()).max().orElseThrow();
        for (int year : new int[] {-5, 0, 1990, first - 11, last + 11, 99999, Integer.MAX_VALUE}) {
            fails(2, List.of("report", "--year=" + year), "--year is within 10 years of the catalogue's figures ("
                    + first + "-" + last + "), from " + (first - 10) + " to " + (last + 10) + ": not " + year);
        }
        fails(2, List.of("report", "--year=twenty"), "--year", "'twenty'");
        fails(2, List.of("report", "--lang=de"), "--lang is en or fr, not 'de'");
        fails(2, List.of("report", "--country=XX"), "--country: Unknown region 'XX'");
        fails(2, List.of("report", "--size=abc"), "--size is an employee band such as 10-49 or 250+, not 'abc'",
                "See 'smesurvey report --help'.");
    }


    @Test
    void poolPutsThePredictionIntervalFirstAndNeverMixesPlatforms() {
        assertEquals(2, run("pool", "--indicator", "platform_use", "--window", "15"));
        assertTrue(err().contains("several platforms"), err());
        assertEquals(0, run("pool", "--indicator", "platform_use", "--platform", "facebook", "--window", "15"), err());
        assertTrue(out().contains("prediction interval") && out().indexOf("prediction") < out().indexOf("pooled"),
                out());
        assertEquals(2, run("pool"));
        assertTrue(err().contains("--indicator"), err());
        fails(2, List.of("pool", "--indicator", "platform_use", "--platform", "facebok"),
                "No platform 'facebok' among the figures of platform_use. Did you mean facebook?");
        fails(2, List.of("pool", "--indicator", "social_networks", "--scope", "public"),
                "--scope is external, internal or mixed, not 'public'");
    }

    /** The window is the most years between the pool's first and last figure, as in stats' Pooling. */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 3, 7, 12, 15, Integer.MAX_VALUE})
    void aPoolNeverSpansMoreThanItsWindow(int window) {
        int status = run("pool", "--indicator", "PLATFORM_USE", "--platform", "Facebook", "--window",
                Integer.toString(window));
        if (status == 2) {
            assertTrue(err().contains("nothing to pool"), err());
            return;
        }
        assertEquals(0, status, err());
        java.util.regex.Matcher figure = java.util.regex.Pattern.compile("(?m)^  \\S+ +\\S+ (\\d{4})(?:-(\\d{4}))?  ")
                .matcher(out());
        java.util.IntSummaryStatistics years = new java.util.IntSummaryStatistics();
        while (figure.find()) {
            years.accept(Integer.parseInt(figure.group(1)));
            years.accept(Integer.parseInt(figure.group(2) == null ? figure.group(1) : figure.group(2)));
        }
        assertTrue(years.getCount() >= 2, out());
        assertTrue(years.getMax() - years.getMin() <= window, window + ": " + out());
        if (window == 7) {
            assertTrue(out().contains("left out: ") && out().contains(" figures before " + (years.getMax() - 7)
                    + " (--window 7)"), out());
        }
        assertTrue(out().startsWith("platform_use about facebook, ")
                && out().contains("figures of " + years.getMin() + "-" + years.getMax() + ": "), out());
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, -3, Integer.MIN_VALUE})
    void aNegativeWindowIsAUsageError(int window) {
        fails(2, List.of("pool", "--indicator", "social_networks", "--window", Integer.toString(window)),
                "--window is the most years between the pool's first and last figure, at least 0: not " + window);
    }

    /** The kind of case that root, for whom permissions do not block reads, skips. */
    private static final String UNREADABLE = "unreadable file";

    /** Files for the bad-argument cases, made once: see {@link #makeFiles()}. */
    @TempDir
    static Path files;
    /** A Eurostat table and a national office's table that import. */
    private static Path eurostat;
    private static Path officeTable;
    /** A path that does not exist, a plain file, and an empty directory. */
    private static Path missing;
    private static Path file;
    private static Path directory;
    /** A catalogue whose studies.csv has no permissions, and a Eurostat table with none. */
    private static Path unreadable;
    private static Path unreadableTable;
    /** A catalogue that gives the bundled BITKOM_2023 another title. */
    private static Path conflict;

    @BeforeAll
    static void makeFiles() throws IOException {
        eurostat = Files.writeString(files.resolve("isoc_cismt.tsv"), "freq,indic_is,size_emp,nace_r2,unit,"
                + "geo\\TIME_PERIOD\t2019 \nA,E_SNET,10_M,C10-S951_X_K,PC_ENT,BE\t45 \n");
        officeTable = Files.writeString(files.resolve("ine.csv"),
                "Comunidad;Actividad;Total\nTotal Nacional;Total;66,1\n");
        missing = files.resolve("missing");
        file = Files.writeString(files.resolve("file.txt"), "not a catalogue");
        directory = Files.createDirectory(files.resolve("directory"));
        StudyCatalogue bundled = Bundled.catalogue();
        StudyCatalogue bitkom = bundled.filter(o -> o.study().id().equals("BITKOM_2023"));
        unreadable = files.resolve("unreadable");
        CatalogueWriter.withDefaults().write(bitkom, unreadable);
        unreadableTable = Files.copy(eurostat, files.resolve("unreadable.tsv"));
        for (Path p : List.of(unreadable.resolve("studies.csv"), unreadableTable)) {
            Files.setPosixFilePermissions(p, java.util.Set.of());
        }
        conflict = files.resolve("conflict");
        CatalogueWriter.withDefaults().write(bitkom, conflict);
        Path studies = conflict.resolve("studies.csv");
        Files.writeString(studies, Files.readString(studies).replace(bundled.study("BITKOM_2023").orElseThrow()
                .title(), "Another title"));
    }

    /** {@code import table FILE --out DIR} with the other options it needs: these as given, the rest fixed. */
    private static List<String> table(Path from, Path out, String country, String year, String source,
            String... more) {
        return concat(List.of("import", "table", from.toString(), "--out", out.toString(), "--id", "INE_TEST",
                "--title", "TIC-E", "--publisher", "INE", "--value", "Total", "--indicator", "social_media_any",
                "--scope", "mixed", "--country", country, "--year", year, "--source", source), more);
    }

    /** {@code import table FILE} into a new directory, with options that are right but for these. */
    private static List<String> table(Path from, String year, String source, String... more) {
        return table(from, files.resolve("ine"), "ES", year, source, more);
    }

    /**
     * Each command with each kind of bad argument or path it can be given: its name, the arguments, the exit status
     * (2 for a wrong argument or an unusable catalogue, 1 for a path that cannot be used) and what stderr must say.
     */
    static Stream<Arguments> badArguments() {
        Map<String, Function<Path, List<String>>> catalogues = new LinkedHashMap<>();
        catalogues.put("report", c -> List.of("report", "--out", files.resolve("page").toString(), "--catalogue",
                c.toString()));
        catalogues.put("summary", c -> List.of("summary", c.toString()));
        catalogues.put("compare", c -> List.of("compare", "A", "B", "--catalogue", c.toString()));
        catalogues.put("pool", c -> List.of("pool", "--indicator", "social_networks", "--catalogue", c.toString()));
        catalogues.put("list studies", c -> List.of("list", "studies", "--catalogue", c.toString()));
        catalogues.put("list indicators", c -> List.of("list", "indicators", "--catalogue", c.toString()));
        Map<String, Function<Path, List<String>>> imports = new LinkedHashMap<>();
        imports.put("import eurostat", f -> List.of("import", "eurostat", f.toString(), "--out",
                files.resolve("eurostat").toString()));
        imports.put("import table", f -> table(f, "2022", "https://www.ine.es/"));
        List<Arguments> cases = new ArrayList<>();
        catalogues.forEach((name, command) -> {
            cases.add(bad("missing catalogue", name, command.apply(missing), 1,
                    "Not a catalogue directory: " + missing.toAbsolutePath()));
            cases.add(bad("file as catalogue", name, command.apply(file), 1,
                    "Not a catalogue directory: " + file.toAbsolutePath()));
            cases.add(bad(UNREADABLE, name, command.apply(unreadable), 1,
                    "Permission denied: " + unreadable.resolve("studies.csv")));
            if (!name.equals("summary")) { // summary reads one catalogue: nothing to conflict with
                cases.add(bad("conflicting catalogue", name, command.apply(conflict), 2, "The catalogues cannot be"
                        + " joined: study BITKOM_2023 is in two catalogues with different contents"));
            }
        });
        imports.forEach((name, command) -> {
            cases.add(bad("missing file", name, command.apply(missing), 1, "No such file or directory: " + missing));
            cases.add(bad("directory as file", name, command.apply(directory), 1,
                    directory + " is a directory, expected a file"));
            cases.add(bad(UNREADABLE, name, command.apply(unreadableTable), 1,
                    "Permission denied: " + unreadableTable));
        });
        cases.add(bad("file as --out", "report", List.of("report", "--out", file.toString()), 1,
                file + " is a file, expected a directory"));
        cases.add(bad("file as --out", "import eurostat", List.of("import", "eurostat", eurostat.toString(),
                "--out", file.toString()), 1, file + " is a file, expected a directory"));
        cases.add(bad("file as --out", "import table", table(officeTable, file, "ES", "2022", "https://www.ine.es/"),
                1, file + " is a file, expected a directory"));
        // An empty path would be the working directory: the bundled catalogue again, a catalogue written there.
        String empty = "a path, not an empty value";
        cases.add(bad("empty path", "report", List.of("report", "--out="), 2, "--out", empty));
        cases.add(bad("empty path", "summary", List.of("summary", ""), 2, "DIR", empty));
        cases.add(bad("empty path", "list studies", List.of("list", "studies", "--catalogue="), 2,
                "--catalogue", empty));
        cases.add(bad("empty path", "import eurostat", List.of("import", "eurostat", "", "--out", files.toString()),
                2, "FILE", empty));
        cases.add(bad("empty path", "import eurostat", List.of("import", "eurostat", eurostat.toString(), "--out="),
                2, "--out", empty));
        cases.add(bad("not a path", "import eurostat", List.of("import", "eurostat", "nul\0.tsv", "--out",
                files.toString()), 2, "FILE", "is not a path (Nul character not allowed)"));
        for (String uri : List.of("not a uri", "www.ine.es")) {
            cases.add(bad("bad URI", "import table", table(officeTable, "2022", uri), 2, "--source", "'" + uri + "'"));
        }
        // report --year: reportYearIsWithinTenYearsOfTheFigures.
        for (String year : List.of("-5", "1899", "2101", "99999")) {
            cases.add(bad("year out of range", "import table", table(officeTable, year, "https://www.ine.es/"), 2,
                    "--year is a fieldwork year from 1900 to 2100: not " + year));
        }
        // An unknown option among arguments that are otherwise complete (picocli names a missing one first); parsing
        // stops before any path is read.
        Map<String, List<String>> right = new LinkedHashMap<>(Map.of("", List.of()));
        catalogues.forEach((name, command) -> right.put(name, command.apply(missing)));
        right.put("import eurostat", imports.get("import eurostat").apply(eurostat));
        right.put("import table", imports.get("import table").apply(officeTable));
        right.forEach((name, args) -> cases.add(bad("unknown option", name, concat(args, "--frobnicate"), 2,
                "Unknown option: '--frobnicate'")));
        return cases.stream();
    }

    private static Arguments bad(String kind, String command, List<String> args, int status, String... parts) {
        return Arguments.of(kind + ": " + (command.isEmpty() ? "smesurvey" : command), args, status, List.of(parts));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badArguments")
    void everyBadArgumentOrPathHasItsStatusAndIsNamed(String name, List<String> args, int status,
            List<String> parts) {
        if (name.startsWith(UNREADABLE)) {
            assumeFalse(Files.isReadable(unreadableTable), "running as root: permissions do not block reads");
        }
        fails(status, args, parts.toArray(String[]::new));
    }

    @Test
    void importOptionsAreChecked() {
        fails(2, table(officeTable, "2022", "https://www.ine.es/", "--min-employees", "-1"),
                "--min-employees is a number of employees, at least 0: not -1");
        fails(2, table(officeTable, files.resolve("ine"), "XX", "2022", "https://www.ine.es/"), "--country",
                "'XX'");
    }

    private static List<String> concat(List<String> first, String... more) {
        return Stream.concat(first.stream(), java.util.Arrays.stream(more)).toList();
    }

    /**
     * An import that repeats a statistic of the bundled catalogue (Eurostat's 50 % of EU enterprises on social media
     * in 2019, which the bundled catalogue holds as reported in Eurostat's news item) says so: the report and the
     * adoption model enter it once.
     */
    @Test
    void anImportSaysWhichFiguresRepeatTheBundledOnes(@TempDir Path dir) throws IOException {
        Path tsv = dir.resolve("isoc_cismt.tsv");
        Files.writeString(tsv, "freq,indic_is,size_emp,nace_r2,unit,geo\\TIME_PERIOD\t2019 \n"
                + "A,E_SM1_GE,10_M,C10-S951_X_K,PC_ENT,EU27_2020\t50 \n");
        assertEquals(0, run("import", "eurostat", tsv.toString(), "--out", dir.resolve("eurostat").toString()),
                err());
        assertTrue(out().contains("1 of these figures repeat the bundled catalogue's (the same statistic): the report"
                + " and the adoption model enter each once\n  "), out());
        assertTrue(out().contains(" = EUROSTAT_NEWS_2020"), out());
    }

    @Test
    void importsWriteCatalogues(@TempDir Path dir) throws IOException {
        Path tsv = dir.resolve("isoc_cismt.tsv");
        Files.writeString(tsv, "freq,indic_is,size_emp,nace_r2,unit,geo\\TIME_PERIOD\t2019 \t2021 \n"
                + "A,E_SNET,10_M,C10-S951_X_K,PC_ENT,BE\t45 \t50 b\n"
                + "A,E_SNET,10_M,C10-S951_X_K,PC_ENT,EA19\t45 \t: \n");
        assertEquals(0, run("import", "eurostat", tsv.toString(), "--out", dir.resolve("eurostat").toString()),
                err());
        assertTrue(out().startsWith("2 figures in 1 study"), out());
        assertFalse(out().contains("repeat the bundled catalogue"), "BE's 45 % and 50 % of 2019 and 2021 are new");
        StudyCatalogue imported = CatalogueReader.withDefaults().read(dir.resolve("eurostat"));
        assertEquals(2, imported.observations().size());
        assertEquals(0, run("summary", dir.resolve("eurostat").toString()), err());

        Path table = dir.resolve("ine.csv");
        Files.writeString(table, "Comunidad;Actividad;Total\nTotal Nacional;Total;66,1\nAndalucía;Total;63,4\n"
                + "Total Nacional;Industria;55,3\nTotal Nacional;Comercio;..\n");
        assertEquals(0, run("import", "table", table.toString(), "--out", dir.resolve("ine").toString(), "--id",
                "INE_TEST", "--title", "TIC-E", "--publisher", "INE", "--country", "ES", "--year", "2022", "--source",
                "https://www.ine.es/", "--value", "Total", "--indicator", "social_media_any", "--scope", "mixed",
                "--area", "Comunidad=Total Nacional", "--activity", "Actividad=Total", "--section",
                "Industria=B-E"), err());
        assertTrue(out().startsWith("3 figures in 1 study"), out());
        assertEquals(3, CatalogueReader.withDefaults().read(dir.resolve("ine")).observations().size());

        Files.writeString(table, "Comunidad;Actividad;Total\nTotal Nacional;Total;6x,1\n");
        assertEquals(2, run("import", "table", table.toString(), "--out", dir.resolve("bad").toString(), "--id",
                "INE_TEST", "--title", "TIC-E", "--publisher", "INE", "--country", "ES", "--year", "2022", "--source",
                "https://www.ine.es/", "--value", "Total", "--indicator", "social_media_any", "--scope", "mixed"));
        assertTrue(err().contains("line 2") && err().contains("6x,1"), err());
        assertEquals(1, run("import", "eurostat", dir.resolve("missing.tsv").toString(), "--out", dir.toString()));
    }

    @Test
    void aBadCatalogueGetsItsProblemsAndStatus2(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("studies.csv"), "study_id,title\nX,\n");
        Files.writeString(dir.resolve("observations.csv"), "study_id,indicator\n");
        assertEquals(2, run("summary", dir.toString()));
        assertTrue(err().contains("studies.csv, line 1"), err());
        assertEquals(2, run("compare", "A", "B", "--catalogue", dir.toString()));
        assertTrue(err().contains("studies.csv, line 1"), err());
        assertTrue(!err().contains("\tat "), "no stack trace");
    }
}
