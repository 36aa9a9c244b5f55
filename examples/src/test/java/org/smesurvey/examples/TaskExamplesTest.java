package org.smesurvey.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs each task example and checks what it prints or writes. */
class TaskExamplesTest {

    private static List<String> lines(Consumer<PrintStream> example) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        example.accept(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void compareTwoFiguresExplainsTheContradiction() {
        List<String> lines = lines(CompareTwoFigures::print);
        assertTrue(lines.get(0).startsWith("INSEE_IP_2013         20 %  "), lines.get(0));
        assertTrue(lines.get(1).startsWith("BPIFRANCE_LAB_2018    70 %  "), lines.get(1));
        assertTrue(lines.contains("INSEE_IP_2013 vs BPIFRANCE_LAB_2018: not comparable"), lines::toString);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("  network scope: ")), lines::toString);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("  year: ")), lines::toString);
    }

    @Test
    void explainTheGapSplitsTheHeadlineContradiction() {
        List<String> lines = lines(ExplainTheGap::print);
        // The values the model printed on the bundled catalogue of 2026 (issue 21's model, read and checked against
        // AdoptionModelTest and GapDecompositionTest): 322 figures, a speed of 1.18 a year for firms of 10-49.
        assertEquals("Adoption model: 322 figures of 75 studies (261 left out), odds x1.18 a year for firms of 10-49"
                + " (95 % CI 1.16 to 1.20)", lines.get(0));
        // The out-of-sample test, as every fit's summary states it.
        assertEquals("Tested on studies it has not seen: Leaving each study out (75 studies, no ceiling, one speed): 95 %"
                + " prediction intervals held 93.8 % of 322 figures; mean absolute error 7.1 points, bias +1.1",
                lines.get(1));
        assertTrue(lines.get(2).startsWith("BPIFRANCE_LAB_2018 (70 %) against INSEE_IP_2013 (20 %): +50.0 points"),
                lines.get(2));
        assertTrue(lines.get(3).endsWith("one study left out (points)"), lines.get(3));
        // Each part with its range when one other study is left out: five years of diffusion up, size down (Insee's
        // 10+ against Bpifrance's firms of every size), the private survey up; every part keeps its sign.
        assertTrue(lines.get(4).matches("  time +\\+17\\.3 .*\\+16\\.5 to \\+18\\.0"), lines.get(4));
        assertTrue(lines.get(5).matches("  size +-13\\.9 .*-15\\.3 to -13\\.0"), lines.get(5));
        assertTrue(lines.get(6).startsWith("  indicator "), lines.get(6));
        assertTrue(lines.get(7).matches("  private survey +\\+25\\.4 .*\\+23\\.5 to \\+29\\.3"), lines.get(7));
        assertTrue(lines.get(8).startsWith("  country "), lines.get(8));
        assertTrue(lines.get(9).startsWith("  studies "), lines.get(9));
        assertTrue(lines.get(10).matches("  figures +\\+7\\.8 .*\\+6\\.2 to \\+10\\.0"), lines.get(10));
        assertTrue(lines.get(11).startsWith("  sampling error "), lines.get(11));
        // The note: what the private-survey part merges, naming the surveys that carry it.
        assertTrue(lines.get(12).startsWith("  note: the private-survey part merges who answered, how the firms were"
                + " sampled and which networks were asked about: the 14 private surveys"), lines.get(12));
        assertTrue(lines.get(12).contains("BPIFRANCE_LAB_2018"), lines.get(12));
        assertEquals("French firms of 10-49 on any social media, 2023, an official survey: 59 % (95 % CI 53 to 64 %;"
                + " a new study's figure 44 to 72 %); 50 % reached in 2021 (SE 0.7 years)", lines.get(13));
        assertTrue(lines.get(14).startsWith("DESTATIS_2020 (45.4 %) against SCB_2013 (41.8 %) over size classes"
                + " [10-49, 250+]: +3.5 points"), lines.get(15));
        assertEquals("  weighted by DESTATIS_URS_2022_SECTIONS and SCB_FTG_2016", lines.get(15));
        assertTrue(lines.get(16).startsWith("  size mix "), lines.get(16));
        assertTrue(lines.get(17).startsWith("  time "), lines.get(17));
    }

    @Test
    void harmoniseSizeClassesFindsThePublishedFigure() {
        List<String> lines = lines(HarmoniseSizeClasses::print);
        // 255,145 of the 311,600 enterprises of 10+ employees in the ICT sections are in 10-49.
        assertEquals("10-49    44 %    255,145 enterprises  weight 0.819", lines.get(0));
        assertTrue(lines.contains("10+ re-expressed: 47.7 %, published by Destatis: 48 %"), lines::toString);
    }

    @Test
    void poolStudiesShowsTheDisagreement() {
        List<String> lines = lines(PoolStudies::print);
        assertTrue(lines.get(0).startsWith("12 studies: "), lines.get(0));
        assertTrue(lines.get(1).startsWith("I2 = 9"), lines.get(1));
        assertEquals(2 + 12, lines.size());
        assertTrue(lines.get(2).startsWith("without BPIFRANCE_LAB_2018 facebook "), lines.get(2));
    }

    @Test
    void chartStudiesWritesRealCharts(@TempDir Path dir) throws Exception {
        List<Path> files = ChartStudies.write(dir, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8));
        assertTrue(Files.readString(files.get(0)).contains("SMEs on Facebook"));
        assertEquals(960, ImageIO.read(files.get(1).toFile()).getWidth());
        assertTrue(Files.readString(files.get(2)).contains("DESTATIS_2020"));
    }

    @Test
    void estimateFromRespondentsPostStratifiesAndBreaksDown() {
        List<String> lines = lines(EstimateFromRespondents::print);
        // The 80 companies of 5000+ fall in 40 of its 50 registers: 190 units.
        assertEquals("2000 respondents, 4 strata, 190 units, 186 degrees of freedom", lines.get(0));
        assertTrue(lines.get(1).startsWith("external networks: "), lines.get(1));
        assertEquals(List.of("0-9", "10-249", "250-4999", "5000+"), lines.subList(2, 6).stream()
                .map(l -> l.trim().split(" +")[0]).toList());
        assertTrue(lines.get(6).startsWith("external vs internal networks: Rao-Scott F = "), lines.get(6));
        assertTrue(lines.get(7).startsWith("10-249 minus 0-9 employees: +"), lines.get(7));
        assertTrue(lines.get(8).startsWith("external minus internal networks, same companies: +"), lines.get(8));
        assertTrue(lines.contains("Survey design-based quasibinomial regression"), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("band5000+ ")), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("size, working likelihood-ratio test: p = ")));
        assertEquals(4, lines.stream().filter(l -> l.endsWith("(regional mix held fixed)")).count());
    }
}
