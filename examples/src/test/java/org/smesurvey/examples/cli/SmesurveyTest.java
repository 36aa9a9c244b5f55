package org.smesurvey.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smesurvey.core.StudyCatalogue;
import org.smesurvey.core.csv.CatalogueReader;

/**
 * The command line as a user runs it: help on every command, each command on the bundled catalogue or a file, exit
 * statuses (0, 2 for wrong arguments and input with problems, 1 for a missing file), and messages with line and
 * column, never a stack trace.
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

    @Test
    void everyCommandHasItsHelp() {
        for (List<String> command : List.<List<String>>of(List.of(), List.of("report"), List.of("summary"), List.of("compare"),
                List.of("pool"), List.of("import"), List.of("import", "eurostat"), List.of("import", "table"))) {
            String[] args = java.util.stream.Stream.concat(command.stream(), java.util.stream.Stream.of("--help"))
                    .toArray(String[]::new);
            assertEquals(0, run(args), String.join(" ", args) + ": " + err());
            assertTrue(out().startsWith("Usage: smesurvey"), out());
        }
        assertEquals(0, run("--version"));
        assertTrue(out().startsWith("smesurvey "), out());
        assertEquals(2, run());
        assertEquals(2, run("tabulate"));
        assertTrue(err().contains("Unmatched argument"), err());
    }

    @Test
    void compareExplainsTheSeedCase() {
        assertEquals(0, run("compare", "INSEE_IP_2013", "BPIFRANCE_LAB_2018"), err());
        assertTrue(out().startsWith("INSEE_IP_2013 (20 %) against BPIFRANCE_LAB_2018 (70 %): -50.0 points"), out());
        // GapDecomposition.summary(): the parts with their ranges when one other study is left out, then the notes.
        assertTrue(out().contains("one study left out (points)"), out());
        assertTrue(out().lines().anyMatch(l -> l.startsWith("  private survey ")), out());
        assertTrue(out().contains("note: the private-survey part merges who answered"), out());
        assertEquals(2, run("compare", "NOPE", "INSEE_IP_2013"));
        assertTrue(err().contains("No study NOPE"), err());
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
    }

    @Test
    void importsWriteCatalogues(@TempDir Path dir) throws IOException {
        Path tsv = dir.resolve("isoc_cismt.tsv");
        Files.writeString(tsv, "freq,indic_is,size_emp,nace_r2,unit,geo\\TIME_PERIOD\t2019 \t2021 \n"
                + "A,E_SNET,10_M,C10-S951_X_K,PC_ENT,BE\t45 \t50 b\n"
                + "A,E_SNET,10_M,C10-S951_X_K,PC_ENT,EA19\t45 \t: \n");
        assertEquals(0, run("import", "eurostat", tsv.toString(), "--out", dir.resolve("eurostat").toString()),
                err());
        assertTrue(out().startsWith("2 figures in 1 studies"), out());
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
        assertTrue(out().startsWith("3 figures in 1 studies"), out());
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
