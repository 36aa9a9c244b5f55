package org.smesurvey.examples.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smesurvey.core.ObservationFilters;
import org.smesurvey.core.Region;
import org.smesurvey.core.StudyCatalogue;
import org.smesurvey.core.csv.CatalogueWriter;

class ReportTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Report.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    @Test
    void theBundledCatalogueMakesASelfContainedPage(@TempDir Path dir) throws IOException {
        assertEquals(0, run("", dir.toString()), err.toString(StandardCharsets.UTF_8));
        String progress = out.toString(StandardCharsets.UTF_8);
        assertTrue(progress.startsWith("[1/6] Reading the catalogue"), progress);
        assertTrue(progress.contains("[6/6] Listing the sources"), progress);
        String page = Files.readString(dir.resolve("index.html"));
        assertTrue(page.startsWith("<!DOCTYPE html>"));
        for (String section : new String[] {"comparability", "size", "pooled", "harmonisation", "sources"}) {
            assertEquals(1, count(page, "<section id='" + section + "'>"), section);
        }
        // Self-contained: charts are inline SVG, and nothing is loaded from elsewhere.
        assertFalse(page.contains("<script"));
        assertFalse(page.contains("<img"));
        assertFalse(page.contains("<link"));
        assertEquals(count(page, "<figure>"), count(page, "<svg"), "every chart inline");
        assertTrue(count(page, "<figure>") >= 1 + 3 + 5, "map, size profiles, forest plots");
        // The comparability map has the reasons of every pair of the 75 studies.
        assertEquals(75 * 74, count(page, "<title>") - 1, "each off-diagonal cell, and the page title");
        // With country and year set aside, pairs that only rest on assumptions appear.
        assertTrue(page.contains("Set country and year aside"), "the looser check");
        // Destatis' size classes re-expressed on 10+ give the published 48 %.
        Matcher destatis = Pattern.compile("<td>DESTATIS_2020</td><td>social_media_any</td><td>[^<]*</td>"
                + "<td>10\\+</td><td>47.7%</td><td>48.0%</td>").matcher(page);
        assertTrue(destatis.find(), "the Destatis check");
        // Figures are pooled per platform; every pool has a forest plot.
        assertTrue(page.contains("<td>platform_use / facebook</td><td>5</td>"), "Facebook pooled over 5 studies");
        assertTrue(page.contains("<a href='https://www.presseportal.de/pm/32102/4688037'>"), "sources are links");
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aCatalogueDirectoryGivesItsOwnReport(@TempDir Path dir) throws IOException {
        Path catalogue = dir.resolve("catalogue");
        CatalogueWriter.withDefaults().write(StudyCatalogue.bundled().filter(ObservationFilters.region(Region.of("DE"))),
                catalogue);
        assertEquals(0, run(catalogue.toString(), dir.resolve("out").toString()), err.toString(StandardCharsets.UTF_8));
        String page = Files.readString(dir.resolve("out").resolve("index.html"));
        assertTrue(page.contains("4 studies, 20 figures"), page.substring(0, 2000));
    }

    @Test
    void problemsAreOneLineWithoutAStackTrace(@TempDir Path dir) throws IOException {
        assertEquals(1, run(dir.resolve("missing").toString()));
        assertEquals("Not a catalogue directory: " + dir.resolve("missing").toAbsolutePath() + "\n",
                err.toString(StandardCharsets.UTF_8));
        err.reset();
        Files.writeString(dir.resolve("studies.csv"), "study_id,title\n");
        Files.writeString(dir.resolve("observations.csv"), "study_id\n");
        assertEquals(1, run(dir.toString(), dir.resolve("out").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("studies.csv"), err.toString(StandardCharsets.UTF_8));
        assertFalse(err.toString(StandardCharsets.UTF_8).contains("\tat "));
        assertFalse(Files.exists(dir.resolve("out")), "nothing written");
        err.reset();
        assertEquals(2, run("a", "b", "c"));
        assertEquals("usage: Report [catalogue-directory [output-directory]]\n", err.toString(StandardCharsets.UTF_8));
    }
}
