package org.smesurvey.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smesurvey.core.ObservationFilters;
import org.smesurvey.core.Region;
import org.smesurvey.core.bundled.Bundled;
import org.smesurvey.core.csv.CatalogueWriter;

class CatalogueSummaryTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return CatalogueSummary.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void summarisesTheBundledCatalogue() {
        assertEquals(0, run());
        String summary = out();
        assertTrue(summary.startsWith("smesurvey: the bundled catalogue of published figures\n"
                + "120 studies, 583 figures (132 with a base or a standard error, 451 without)\n"
                + "34 reference populations of enterprises by size band (134 counts)\n"), summary);
        assertTrue(summary.contains("FR France                                                12       50         18"
                + "  165 to 13,000 (5 of 12)"), summary);
        assertTrue(summary.contains("\nbitkom_2023                           1       15         12  604 to 604 (1 of 1)"),
                summary);
        assertTrue(summary.contains("\nexternal            45      236        114  143 to 15,000 (33 of 45)"), summary);
        assertTrue(summary.contains("\nceo+finance          1       13          5  302 to 302 (1 of 1)"), summary);
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void summarisesACatalogueDirectory(@TempDir Path dir) throws IOException {
        CatalogueWriter.withDefaults().write(Bundled.catalogue().filter(ObservationFilters.region(Region.of("DE"))),
                dir);
        assertEquals(0, run(dir.toString(), " "));
        assertTrue(out().startsWith("smesurvey: " + dir + "\n5 studies, 36 figures (20 with a base or a standard error,"
                + " 16 without)\n\n"), out());
    }

    @Test
    void reportsABadCatalogueWithoutAStackTrace(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("studies.csv"), "study_id,title\n");
        Files.writeString(dir.resolve("observations.csv"), "");
        assertEquals(2, run(dir.toString()));
        String problems = err.toString(StandardCharsets.UTF_8);
        assertTrue(problems.startsWith("5 problems in the catalogue; nothing was loaded:\n"
                + "  studies.csv, line 1: missing required column 'publisher'\n"), problems);
        assertTrue(problems.contains("  observations.csv, line 1: file is empty;"), problems);
        assertEquals("", out());
    }

    @Test
    void rejectsMissingDirectoriesAndExtraArguments(@TempDir Path dir) {
        assertEquals(1, run(dir.resolve("none").toString()));
        assertEquals(2, run("a", "b"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("Not a catalogue directory: "));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage: CatalogueSummary [catalogue-directory]"));
    }
}
