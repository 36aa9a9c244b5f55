package org.smesurvey.examples.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.text.StringEscapeUtils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main job on the bundled catalogue, in English and French, with a catalogue added (an INE-like table of
 * percentages by region and activity, with no base and no year per figure) and alone, and on bad input.
 */
class ReportTest {

    private static final List<String> SECTIONS = List.of("adoption", "gaps", "comparability", "pooled",
            "harmonisation", "sources");
    private static String english;
    private static String progress;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void bundled(@TempDir Path dir) throws IOException {
        ReportTest test = new ReportTest();
        assertEquals(0, test.run("--out=" + dir, "--year=2026"), test.err.toString(StandardCharsets.UTF_8));
        progress = test.out.toString(StandardCharsets.UTF_8);
        english = Files.readString(dir.resolve("index.html"));
    }

    private int run(String... args) {
        return Report.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    /** The page's text as a reader sees it: no tags, no drawing, entities decoded. */
    private static String text(String page) {
        String body = page.replaceAll("(?s)<svg.*?</svg>", " ").replaceAll("(?s)<style>.*?</style>", " ");
        return StringEscapeUtils.unescapeXml(body.replaceAll("<[^>]+>", " ")).replaceAll("\\s+", " ");
    }

    private static String section(String page, String id) {
        Matcher m = Pattern.compile("(?s)<section id='" + id + "'>(.*?)</section>").matcher(page);
        assertTrue(m.find(), id);
        return m.group(1);
    }

    /** The INE-like fixture, copied to a directory as a user would have it. */
    private static Path ineLike(Path dir) throws IOException {
        Path catalogue = Files.createDirectories(dir.resolve("ine-like"));
        for (String file : List.of("studies.csv", "observations.csv")) {
            try (InputStream in = ReportTest.class.getResourceAsStream("ine-like/" + file)) {
                Files.copy(in, catalogue.resolve(file));
            }
        }
        return catalogue;
    }

    @Test
    void theSectionsAnswerTheQuestionInOrder() {
        assertTrue(progress.startsWith("[1/7] Reading the catalogues and fitting the adoption model"), progress);
        assertTrue(progress.contains("[7/7] Listing the sources"), progress);
        assertTrue(english.startsWith("<!DOCTYPE html><html lang='en'>"));
        List<Integer> at = new ArrayList<>();
        for (String id : SECTIONS) {
            assertEquals(1, count(english, "<section id='" + id + "'>"), id);
            at.add(english.indexOf("<section id='" + id + "'>"));
        }
        assertEquals(at.stream().sorted().toList(), at, "sections in the order of the question");
        assertTrue(english.contains("<title>SME adoption of social networks: what the published figures say</title>"),
                "a title, never a file path");
        // 0: the answer first, before any section: the EU by size class in the year asked (2026; by default the
        // latest year with figures),
        // each share with where a new survey's figure would fall, the out-of-sample test, the seed case's sentence
        // and waterfall.
        assertEquals(1, count(english, "<section id='answer'>"));
        assertTrue(english.indexOf("<section id='answer'>") < at.get(0), "the answer before the sections");
        String answer = section(english, "answer");
        assertTrue(text(answer).contains("Firms on social media: European Union (27 countries, from 2020), 2026 Firms Share Where a new"
                + " survey's figure would fall (95 %) 0–9 employees 58% 42% – 73% 10–49 employees 75% 62% – 85%"),
                text(answer));
        assertEquals(5, count(answer, "<tr><td>"), "each size class and 10+");
        assertTrue(text(answer).contains("Tested on studies it has not seen: 94% of 322 figures of 75 studies fell"
                + " inside their 95 % interval when their study was left out; off by 7.1 points on average."),
                text(answer));
        assertEquals(1, count(answer, "<svg"), "the seed case's waterfall");
        assertTrue(text(answer).contains("Bpifrance Le Lab, 2018: social networks, 0-4999 employees, 2018 (70%) against"
                + " Insee, 2013: any social media, 10+ employees, 2013 (20%): +50.0 points. Most of it comes from"
                + " the private-survey contrast (+25.4 points; +23.5 to +29.3 with one study left out) and the years"
                + " between them (+17.3 points; +16.5 to +18.0 with one study left out)."), text(answer));
        // 1: the model's picture and the headline table, the EU first.
        String adoption = section(english, "adoption");
        assertEquals(1, count(adoption, "<svg"), "the diffusion chart");
        // The model's out-of-sample test in words, right after what the model is (CrossValidation on the bundled
        // catalogue: the line every fit's summary prints, 92.2 % of 322 figures, 7.9 points, bias +0.7).
        String tested = "Tested on studies it has not seen: each of the 75 studies was left out in turn and its figures"
                + " predicted from the others; 94% of the 322 figures fell inside their 95 % prediction interval, and"
                + " the predictions were off by 7.1 points on average (bias +1.1 points).";
        assertTrue(text(adoption).contains(tested), text(adoption));
        assertTrue(text(adoption).indexOf(tested) < text(adoption).indexOf("Each year multiplies"), "near the top");
        // The speed by size (AdoptionModel.speed), and what the figures can say of it: the year × log size
        // coefficient's 95 % interval includes 0 in the fit's summary, so they do not tell the two apart.
        assertTrue(text(adoption).contains("Each year multiplies the odds of adoption by 1.16 for firms of 0–9"
                + " employees (95 % CI 1.13 to 1.19) and by 1.20 for firms of 250 or more (1.17 to 1.24): a logistic"
                + " diffusion whose speed the model lets depend on size. The figures do not tell the speeds apart"),
                text(adoption));
        assertTrue(adoption.contains("<h3>2023</h3>") && adoption.contains("<h3>2026</h3>"));
        assertTrue(adoption.indexOf("European Union") < adoption.indexOf("France"), "the EU first");
        // The table asks official statistics about any social media, by class and for 10+, which lies between its
        // classes by construction: the EU in 2023, 10-49 65 %, 50-249 76 %, 250+ 86 %, 10+ 66 %.
        assertTrue(adoption.contains("<th>0–9 employees</th>") && adoption.contains("<th>10+ employees</th>"),
                adoption);
        assertTrue(text(adoption).contains("European Union (27 countries, from 2020) 47% (40%–54%) [32%–63%] 65%"
                + " (59%–70%) [50%–77%] 76% (71%–81%) [63%–86%] 86% (82%–90%) [77%–92%] 66% (61%–71%) [52%–78%]"),
                text(adoption));
        Matcher row = Pattern.compile("<tr><td>([^<]+)</td><td>(\\d+)%[^<]*</td><td>(\\d+)%[^<]*</td><td>(\\d+)%"
                + "[^<]*</td><td>(\\d+)%[^<]*</td><td>(\\d+)%[^<]*</td></tr>").matcher(adoption);
        int rows = 0;
        while (row.find()) {
            rows++;
            int tenToFortyNine = Integer.parseInt(row.group(3));
            int large = Integer.parseInt(row.group(5));
            int tenPlus = Integer.parseInt(row.group(6));
            assertTrue(tenToFortyNine <= tenPlus && tenPlus <= large, "10+ between its classes: " + row.group());
        }
        assertTrue(rows >= 2, "the headline rows: " + rows);
        assertTrue(Pattern.compile("10–49 employees (19|20)\\d\\d \\((19|20)\\d\\d–(19|20)\\d\\d\\)").matcher(
                text(adoption)).find(), "the year half the small firms are on: " + text(adoption));
        assertTrue(text(adoption).contains("0–9 employees 2024 (2022–2026) 2033 (2030–2037)"), text(adoption));
        // 2: the seed case first, then the largest gaps, each with its waterfall and its sentences.
        String gaps = section(english, "gaps");
        assertTrue(gaps.indexOf("The seed case") < gaps.indexOf("The largest gaps"));
        assertEquals(3, count(gaps, "<svg"), "three gaps: the seed case's waterfall opens the page");
        // The headline gap: every part with its range when one other study is left out, then the notes.
        String seed = gaps.substring(gaps.indexOf("The seed case"), gaps.indexOf("The largest gaps"));
        assertTrue(seed.contains("<th>With one other study left out</th>"), seed);
        assertEquals(8, count(seed, "<tr><td>"), "the eight parts");
        assertTrue(text(seed).contains("the private-survey contrast +25.4 +12.9 / +37.9 +23.5 / +29.3"), text(seed));
        assertTrue(text(seed).contains("the two figures' own effects within their studies +7.8 -4.1 / +19.7"
                + " +6.2 / +10.0"), text(seed));
        assertFalse(text(seed).contains("(crosses 0)"), "every part keeps its sign with one study left out: " + seed);
        assertTrue(text(seed).contains("The private-survey part merges who answered, how the firms were sampled and"
                + " which networks were asked about: the 14 private surveys of the model carry all three"), text(seed));
        assertEquals(1, count(seed, "<p class='note'>"), "the notes GapDecomposition.notes() gives: " + seed);
        // 3: compact, studies grouped by kind; a map only for a group small enough to read.
        String comparability = section(english, "comparability");
        assertTrue(comparability.contains("<td>Official and other probability surveys</td><td>73</td>"));
        assertTrue(text(comparability).contains("No map for groups of more than 12 studies"), text(comparability));
        // 4: the prediction interval leads, and a pool of high heterogeneity is marked.
        String pooled = section(english, "pooled");
        assertTrue(pooled.indexOf("A new study would find") < pooled.indexOf("Pooled (95 % CI)"));
        // A pool that is not one rate is one line, with no pooled value and no forest plot.
        Matcher line = Pattern.compile("<li>([^<]+): not a single rate — a new study would find anywhere from"
                + " (\\d+)% to (\\d+)% \\(I² (\\d+) %\\)\\.</li>").matcher(pooled);
        int spread = 0;
        while (line.find()) {
            spread++;
            assertTrue(Integer.parseInt(line.group(4)) >= 75, line.group());
            assertTrue(Integer.parseInt(line.group(3)) - Integer.parseInt(line.group(2)) > 20, line.group());
        }
        assertTrue(spread >= 1, pooled);
        assertEquals(count(pooled, "<tr><td>"), count(pooled, "<svg"), "a forest plot for each single-rate pool");
        // 5: Destatis' classes re-expressed on 10+ give the published 48 %.
        assertTrue(text(section(english, "harmonisation")).contains("10+ 47.7 % 48%"), text(section(english,
                "harmonisation")));
        // Insee 2015's classes on 10+: its register's 10-249 split by a Pareto law fitted to its bands, not by width
        // (14.3 % before), and the split said where the caveats are.
        assertTrue(text(section(english, "harmonisation")).contains("10+ 28.3 % —"), text(section(english,
                "harmonisation")));
        assertTrue(text(section(english, "harmonisation")).contains("counts split by a law of firm sizes; no"
                + " variance; INSEE_TEF_2018 counts 10-249 as one band: 10-49 given 83% of it by a Pareto law of firm sizes fitted to its bands"
                + " from 10 employees up (exponent 1.00)"), text(section(english, "harmonisation")));
        // 6: every study, one row each with its figures counted, linked, folded under a summary.
        assertTrue(section(english, "sources").contains("<details><summary>Show the 120 studies"));
        assertEquals(120, count(section(english, "sources"), "<tr><td>"));
        assertTrue(text(section(english, "sources")).contains("Every study of the catalogue (120 studies, 583"
                + " figures)"));
        assertTrue(section(english, "sources").contains("<small>BPIFRANCE_LAB_2018</small></td><td>France</td>"
                + "<td>10</td><td>10</td>"), "its 10 figures, all with a base");
        assertTrue(english.contains("<a href='https://www.presseportal.de/pm/32102/4688037'>"), "sources are links");
        // A statistical office's own release before the newspapers that reported it.
        Matcher eurostat = Pattern.compile("<small>EUROSTAT_NEWS_2022</small>.*?<a href='([^']+)'").matcher(
                section(english, "sources"));
        assertTrue(eurostat.find() && eurostat.group(1).contains("europa.eu"), "Eurostat's own release first");
        assertTrue(SourcesSection.primary(java.net.URI.create("https://www.insee.fr/fr/statistiques/1")));
        assertTrue(SourcesSection.primary(java.net.URI.create("https://www.stat.gov.rs/sr-latn/vesti/1")));
        assertFalse(SourcesSection.primary(java.net.URI.create("https://starting-finance.com/more-1")));
    }

    @Test
    void thePageIsSmallSelfContainedAndInWords() {
        assertTrue(english.length() < 600_000, english.length() + " characters");
        assertFalse(english.contains("<script"));
        assertFalse(english.contains("<img"));
        assertFalse(english.contains("<link"));
        assertEquals(count(english, "<figure>"), count(english, "<svg"), "every chart inline");
        // Names, not codes: no indicator code, and no snake_case at all, in the text a reader sees.
        Matcher code = Pattern.compile("\\b[a-z]+(_[a-z0-9]+)+\\b").matcher(text(english));
        assertFalse(code.find(), () -> "a code in the text: " + code.group());
        // The drawings: styles shared, coordinates to a tenth of a pixel, no text under 11 px.
        assertFalse(english.contains(" style='"), "no repeated inline styles");
        assertFalse(Pattern.compile("d='[^']*\\d\\.\\d\\d").matcher(english).find(), "coordinates rounded");
        Matcher size = Pattern.compile("font-size: ?(\\d+(\\.\\d+)?)px").matcher(english);
        int sizes = 0;
        while (size.find()) {
            sizes++;
            assertTrue(Double.parseDouble(size.group(1)) >= 11, size.group());
        }
        assertTrue(sizes > 10);
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void inFrenchTheSizeClassesAreThoseOfFrenchStatistics(@TempDir Path dir) throws IOException {
        assertEquals(0, run("--out=" + dir, "--lang=fr", "--year=2026"), err.toString(StandardCharsets.UTF_8));
        String page = Files.readString(dir.resolve("index.html"));
        assertTrue(page.startsWith("<!DOCTYPE html><html lang='fr'>"));
        assertTrue(page.contains("<title>Les PME et les réseaux sociaux : ce que disent les chiffres publiés</title>"));
        String text = text(page);
        assertTrue(text.contains("PME de 10 à 49 salariés") && text.contains("ETI et GE (250 salariés ou plus)"), text);
        assertTrue(text.contains("Pourquoi les études divergent"));
        assertTrue(text.contains("Mis à l'épreuve sur des études qu'il n'a pas vues : chacune des 75 études a été"
                + " retirée à son tour"), text);
        assertTrue(text.contains("TPE de 0 à 9 salariés") && text.contains("10+ salariés"), text);
        assertTrue(text.contains("L'essentiel s'explique par le contraste entre enquête privée et statistique publique"
                + " (+25,4 points ; de +23,5 à +29,3 selon l'étude retirée)"), text);
        assertTrue(text.contains("La part de l'enquête privée réunit la fonction du répondant"), text);
        assertFalse(text.contains("What the figures say"), "no English heading");
        assertTrue(text.contains("Union européenne"));
        // None of the English word file's sentences: every run of four words or more between its placeholders,
        // looked for in the page's text, its charts' text and its hover texts.
        String everything = StringEscapeUtils.unescapeXml(page.replaceAll("(?s)<style>.*?</style>", " ")
                .replaceAll("<[^>]+>", " ")).replaceAll("\\s+", " ");
        java.util.Properties english = new java.util.Properties();
        try (InputStream in = Report.class.getResourceAsStream("/org/smesurvey/examples/report/words.properties")) {
            english.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        List<String> found = new ArrayList<>();
        for (String key : english.stringPropertyNames()) {
            for (String run : english.getProperty(key).split("%[-#+ 0,(]*\\d*(\\.\\d+)?[a-zA-Z%]")) {
                String words = run.strip();
                if (words.split("\\s+").length >= 4 && everything.contains(words)) {
                    found.add(key + ": " + words);
                }
            }
        }
        assertEquals(List.of(), found, "English in the French page");
    }

    @Test
    void anAddedTableWithoutBaseOrYearReachesTheModelTheGapsAndTheSources(@TempDir Path dir) throws IOException {
        Path catalogue = ineLike(dir);
        assertEquals(0, run("--catalogue=" + catalogue, "--out=" + dir.resolve("out"), "--year=2026"),
                err.toString(StandardCharsets.UTF_8));
        String page = Files.readString(dir.resolve("out").resolve("index.html"));
        assertTrue(text(page).contains("The bundled catalogue plus 1 study (ine-like): 121 studies, 594 figures"),
                text(page).substring(0, 400));
        assertTrue(text(section(page, "adoption")).contains("Your catalogue's figures: 11 entered the model, 0 were"
                + " left out"), text(section(page, "adoption")));
        String gaps = section(page, "gaps");
        assertTrue(text(gaps).contains("Your figures against the catalogue's closest"));
        assertTrue(text(gaps).contains("INE-like test table, 2022: any social media"), text(gaps));
        assertTrue(section(page, "sources").contains("<small>INE_LIKE_2022</small></td><td>Spain</td><td>11</td>"
                + "<td>0</td>"), "its 11 figures, none with a base: " + section(page, "sources"));
    }

    @Test
    void aCatalogueAloneGetsEverySectionThatAppliesAndAReasonForTheOthers(@TempDir Path dir) throws IOException {
        Path catalogue = ineLike(dir);
        assertEquals(0, run("--catalogue=" + catalogue, "--bundled=false", "--out=" + dir.resolve("out")),
                err.toString(StandardCharsets.UTF_8));
        String page = Files.readString(dir.resolve("out").resolve("index.html"));
        for (String id : SECTIONS) {
            assertEquals(1, count(page, "<section id='" + id + "'>"), id);
        }
        for (String id : List.of("adoption", "gaps", "pooled", "harmonisation")) {
            Matcher reason = Pattern.compile("<p class='note'>Left out: [^<]+</p>").matcher(section(page, id));
            assertTrue(reason.find(), id + ": " + section(page, id));
        }
        assertTrue(text(section(page, "adoption")).contains("at least three studies"));
        assertEquals(1, count(section(page, "sources"), "<tr><td>"), "its one study");
        assertTrue(text(section(page, "sources")).contains("(1 study, 11 figures)"), text(section(page, "sources")));
    }

    @Test
    void problemsAreOneLineWithoutAStackTrace(@TempDir Path dir) throws IOException {
        assertEquals(1, run("--catalogue=" + dir.resolve("missing")));
        assertEquals("Not a catalogue directory: " + dir.resolve("missing").toAbsolutePath() + "\n",
                err.toString(StandardCharsets.UTF_8));
        err.reset();
        Path bad = Files.createDirectories(dir.resolve("bad"));
        Files.writeString(bad.resolve("studies.csv"), "study_id,title\n");
        Files.writeString(bad.resolve("observations.csv"), "study_id\n");
        assertEquals(2, run("--catalogue=" + bad, "--out=" + dir.resolve("out")));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("studies.csv"), err.toString(StandardCharsets.UTF_8));
        assertFalse(err.toString(StandardCharsets.UTF_8).contains("\tat "));
        assertFalse(Files.exists(dir.resolve("out")), "nothing written");
        err.reset();
        // An output folder under a file cannot be made: said before the catalogues are read and the model fitted.
        Path file = Files.writeString(dir.resolve("a-file"), "");
        out.reset();
        assertEquals(1, run("--out=" + file.resolve("report")));
        assertEquals(file.toAbsolutePath() + " is a file, expected a directory\n", err.toString(StandardCharsets.UTF_8));
        assertFalse(out.toString(StandardCharsets.UTF_8).contains("fitting"), out.toString(StandardCharsets.UTF_8));
        err.reset();
        // A study of the bundled catalogue given again with other contents: a conflict, not a guess.
        Path clash = Files.createDirectories(dir.resolve("clash"));
        Files.writeString(clash.resolve("studies.csv"), "study_id,title,publisher,region,population,size_scheme\n"
                + "INSEE_IP_2013,Another title,Insee,FR,firms,not_stated\n");
        Files.writeString(clash.resolve("observations.csv"), "study_id,indicator,scope,value\n"
                + "INSEE_IP_2013,social_media_any,mixed,20 %\n");
        assertEquals(2, run("--catalogue=" + clash, "--out=" + dir.resolve("out")));
        assertEquals("The catalogues cannot be joined: study INSEE_IP_2013 is in two catalogues with different"
                + " contents\n", err.toString(StandardCharsets.UTF_8));
        err.reset();
        assertEquals(2, run("a"));
        assertEquals("Not an option: 'a'\n" + ReportOptions.USAGE + "\n", err.toString(StandardCharsets.UTF_8));
        err.reset();
        assertEquals(2, run("--lang=de"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("--lang is en or fr, not 'de'\n"));
        err.reset();
        assertEquals(2, run("--country=France"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("--country is a two-letter code such as FR, or"
                + " EU27_2020 or EU28, not 'France'\n"), err.toString(StandardCharsets.UTF_8));
        err.reset();
        assertEquals(2, run("--size=ten"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("--size is an employee band such as 10-49 or"
                + " 250+, not 'ten'\n"), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * A year further than ten years from the figures' years is a usage error, found before anything is fitted or
     * written (it once ran 27 s and wrote a 30 MB page for --year=99999).
     */
    @Test
    void aYearFarFromTheFiguresIsRefused(@TempDir Path dir) {
        for (String year : List.of("-5", "1990", "99999")) {
            err.reset();
            assertEquals(2, run("--year=" + year, "--out=" + dir), year);
            assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("--year is within 10 years of the figures'"
                    + " years, "), err.toString(StandardCharsets.UTF_8));
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("not " + year + "\n"));
        }
        assertFalse(Files.exists(dir.resolve("index.html")), "nothing written");
    }

    /** The reader's own question: a country and a size band, answered first. */
    @Test
    void theAnswerIsForTheReadersQuestion(@TempDir Path dir) throws IOException {
        assertEquals(0, run("--out=" + dir, "--country=fr", "--size=10-49", "--year=2020"),
                err.toString(StandardCharsets.UTF_8));
        String answer = section(Files.readString(dir.resolve("index.html")), "answer");
        assertTrue(text(answer).startsWith(" Firms on social media: France, 2020 Firms Share Where a new survey's"
                + " figure would fall (95 %) 10–49 employees "), text(answer));
        assertEquals(1, count(answer, "<tr><td>"), "the one band asked");
    }
}
