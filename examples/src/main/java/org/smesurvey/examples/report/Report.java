package org.smesurvey.examples.report;

import static org.smesurvey.examples.report.Html.escape;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.smesurvey.charts.ChartSpec;
import org.smesurvey.charts.ComparabilityMap;
import org.smesurvey.charts.ForestPlot;
import org.smesurvey.charts.SizeProfileChart;
import org.smesurvey.core.Observation;
import org.smesurvey.core.ReferencePopulations;
import org.smesurvey.core.Study;
import org.smesurvey.core.StudyCatalogue;
import org.smesurvey.core.io.InputFormatException;
import org.smesurvey.examples.NamedCatalogue;
import org.smesurvey.stats.Interval;
import org.smesurvey.stats.comparability.ComparabilityCheck;
import org.smesurvey.stats.comparability.ComparabilityReport;
import org.smesurvey.stats.comparability.Verdict;
import org.smesurvey.stats.harmonisation.CatalogueHarmonisation;
import org.smesurvey.stats.meta.MetaResult;
import org.smesurvey.stats.meta.Pooling;

/**
 * The main job: turns a catalogue — the bundled one of published figures, or a directory given on the command
 * line — into one self-contained HTML page, {@code target/report/index.html}, that opens from disk with no
 * network: what the catalogue holds, which studies can be compared and why not, adoption by company size,
 * the figures pooled where they are comparable, size classes re-expressed on common bands, and the sources.
 *
 * <pre>{@code
 * ./mvnw -q -pl examples -am package -DskipTests exec:java                      # the bundled catalogue
 * ./mvnw -q -pl examples -am package -DskipTests exec:java -Dcatalogue=dir      # yours
 * }</pre>
 *
 * @since 0.1
 */
public final class Report {

    private static final int STEPS = 6;
    private static final NumberFormat PERCENT = percent();

    private final PrintStream progress;
    private final long start = System.nanoTime();
    private int step;

    private Report(PrintStream progress) {
        this.progress = progress;
    }

    private static NumberFormat percent() {
        NumberFormat format = NumberFormat.getPercentInstance(Locale.ENGLISH);
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format;
    }

    /**
     * Writes the report of the bundled catalogue, or of the catalogue directory given as the first argument, to
     * {@code target/report/index.html} (or the directory given as the second argument).
     *
     * @param args nothing, or a catalogue directory and optionally the output directory
     */
    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Writes the report; progress goes to {@code out}, problems to {@code err} as one line each.
     *
     * @param arguments nothing, or a catalogue directory (blank for the bundled catalogue) and optionally the
     *        output directory
     * @param out where progress goes
     * @param err where problems go
     * @return the exit status: 0 on success, 1 if the catalogue cannot be read or the page written, 2 for wrong
     *         arguments
     */
    public static int run(String[] arguments, PrintStream out, PrintStream err) {
        String[] args = Arrays.stream(arguments).map(a -> a == null ? "" : a.trim()).toArray(String[]::new);
        if (args.length > 2) {
            err.println("usage: Report [catalogue-directory [output-directory]]");
            return 2;
        }
        Path output = Path.of(args.length == 2 ? args[1] : "target/report");
        Report report = new Report(out);
        try {
            report.step("Reading the catalogue");
            NamedCatalogue named = NamedCatalogue.load(args.length == 0 ? "" : args[0]);
            StudyCatalogue catalogue = named.catalogue();
            // Without populations of its own, a catalogue is harmonised with the bundled enterprise counts.
            ReferencePopulations populations = named.populations().orElseGet(ReferencePopulations::bundled);
            String name = named.name();
            out.printf(Locale.ROOT, "      %d studies, %d figures%n", catalogue.studies().size(),
                    catalogue.observations().size());
            String page = report.page(catalogue, populations, name);
            Files.createDirectories(output);
            Path index = output.resolve("index.html");
            Files.writeString(index, page, StandardCharsets.UTF_8);
            out.printf(Locale.ROOT, "Report written to %s (%d kB) in %.1f s%n", index.toAbsolutePath(),
                    Files.size(index) / 1024, (System.nanoTime() - report.start) / 1e9);
            return 0;
        } catch (InputFormatException | FileNotFoundException e) {
            err.println(e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("Cannot read the catalogue or write the report: " + e);
            return 1;
        }
    }

    private void step(String what) {
        step++;
        progress.printf(Locale.ROOT, "[%d/%d] %s (%.1f s)%n", step, STEPS, what, (System.nanoTime() - start) / 1e9);
    }

    private String page(StudyCatalogue catalogue, ReferencePopulations populations, String name) {
        Html body = new Html();
        step("Comparing every pair of studies");
        comparability(body, catalogue);
        step("Drawing size profiles");
        sizeProfiles(body, catalogue);
        step("Pooling comparable figures");
        pooled(body, catalogue);
        step("Re-expressing size classes on common bands");
        harmonisation(body, catalogue, populations);
        step("Listing the sources");
        sources(body, catalogue);

        Html page = new Html();
        page.raw("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>")
                .raw("<meta name='viewport' content='width=device-width, initial-scale=1'>")
                .element("title", "smesurvey report: " + name)
                .raw("<style>" + STYLE + "</style></head><body><main>")
                .element("h1", "SME adoption of social networks: what the published figures say")
                .raw("<p class='lead'>" + escape(String.format(Locale.ROOT,
                        "%s: %d studies, %d figures (%d with a base, standard error or interval), %d countries or"
                                + " areas. Made by smesurvey.", capitalise(name), catalogue.studies().size(),
                        catalogue.observations().size(),
                        catalogue.observations().stream().filter(o -> o.figure().hasBase()).count(),
                        catalogue.observations().stream().map(o -> o.region().code()).distinct().count())) + "</p>")
                .raw("<nav><a href='#comparability'>Comparability</a> · <a href='#size'>By company size</a> · "
                        + "<a href='#pooled'>Pooled figures</a> · <a href='#harmonisation'>Size classes</a> · "
                        + "<a href='#sources'>Sources</a></nav>")
                .raw(body.toString())
                .raw("</main></body></html>");
        return page.toString();
    }

    private static String capitalise(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static void comparability(Html html, StudyCatalogue catalogue) {
        html.raw("<section id='comparability'>").element("h2", "Which studies can be compared");
        ComparabilityCheck check = ComparabilityCheck.withDefaults();
        Map<String, Integer> reasons = new TreeMap<>();
        Map<Verdict, Integer> verdicts = verdicts(catalogue, check, reasons);
        html.raw("<p>" + escape(String.format(Locale.ROOT, "Of the %d pairs of studies, %s What most often stands in"
                + " the way:", total(verdicts), describe(verdicts))) + "</p>");
        List<List<String>> rows = reasons.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .map(e -> List.of(escape(e.getKey()), String.valueOf(e.getValue()))).toList();
        html.table(List.of("Dimension", "Pairs it makes not comparable"), rows);
        Map<Verdict, Integer> apart = verdicts(catalogue, Pooling.CHECK, new TreeMap<>());
        html.raw("<p>" + escape(String.format(Locale.ROOT, "Set country and year aside — the differences a"
                + " meta-analysis measures as heterogeneity — and %s", describe(apart))) + "</p>");
        if (catalogue.studies().size() >= 2) {
            html.chart(ComparabilityMap.ofStudies(catalogue, check, ChartSpec.defaults()),
                    "Study by study: hover over a cell (in a browser) for the reasons.");
        }
        html.raw("</section>");
    }

    /** The overall verdict of every pair of studies, counting the dimensions that make a pair not comparable. */
    private static Map<Verdict, Integer> verdicts(StudyCatalogue catalogue, ComparabilityCheck check,
            Map<String, Integer> reasons) {
        List<Study> studies = catalogue.studies();
        Map<Verdict, Integer> verdicts = new EnumMap<>(Verdict.class);
        for (int i = 0; i < studies.size(); i++) {
            for (int j = i + 1; j < studies.size(); j++) {
                ComparabilityReport r = check.compare(studies.get(i), catalogue.observationsOf(studies.get(i)),
                        studies.get(j), catalogue.observationsOf(studies.get(j)));
                verdicts.merge(r.overall(), 1, Integer::sum);
                r.assessments().stream().filter(a -> a.verdict() == Verdict.NOT_COMPARABLE)
                        .forEach(a -> reasons.merge(a.dimension().description(), 1, Integer::sum));
            }
        }
        return verdicts;
    }

    private static int total(Map<Verdict, Integer> verdicts) {
        return verdicts.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static String describe(Map<Verdict, Integer> verdicts) {
        return String.format(Locale.ROOT, "%d are comparable as they are, %d after an adjustment, %d rest on an"
                + " assumption (one side does not say), and %d cannot be compared.",
                verdicts.getOrDefault(Verdict.COMPARABLE, 0), verdicts.getOrDefault(Verdict.AFTER_ADJUSTMENT, 0),
                verdicts.getOrDefault(Verdict.UNKNOWN, 0), verdicts.getOrDefault(Verdict.NOT_COMPARABLE, 0));
    }

    private static void sizeProfiles(Html html, StudyCatalogue catalogue) {
        html.raw("<section id='size'>").element("h2", "Adoption by company size");
        html.element("p", "Each study's figures by size class, placed on a true employee scale so that classes"
                + " defined differently line up; bars are 95 % Wilson intervals where the figure has a base.");
        // A profile needs one study's figures for at least two size classes of the same country and year.
        Map<String, List<Observation>> profiles = catalogue.observations().stream()
                .filter(o -> o.sizeBand().isPresent() && o.platform().isEmpty())
                .collect(Collectors.groupingBy(o -> String.join("|", o.indicator().code(), o.study().id(),
                        o.region().code(), String.valueOf(o.effectiveYear())), TreeMap::new, Collectors.toList()));
        Map<String, List<Observation>> byIndicator = new TreeMap<>();
        profiles.values().stream().filter(p -> p.stream().map(o -> o.sizeBand().get()).distinct().count() >= 2)
                .forEach(p -> byIndicator.computeIfAbsent(p.get(0).indicator().code(), k -> new ArrayList<>())
                        .addAll(p));
        byIndicator.forEach((indicator, figures) -> html.chart(
                SizeProfileChart.of(figures, ChartSpec.builder().title(indicator).build()),
                indicator + ": " + figures.get(0).indicator().wording()));
        html.raw("</section>");
    }

    private static void pooled(Html html, StudyCatalogue catalogue) {
        html.raw("<section id='pooled'>").element("h2", "Pooled figures, where studies are comparable");
        Pooling.Result pooling = Pooling.of(catalogue);
        html.element("p", String.format(Locale.ROOT, "Figures on the same indicator and platform are pooled by a"
                + " random-effects meta-analysis (logit scale, REML, 95 %% intervals) when every pair is comparable"
                + " or rests only on an assumption, region and year set aside: the model's heterogeneity (I², τ²,"
                + " prediction interval) is what measures them. One figure per study. %d figures give no base,"
                + " standard error or interval and cannot be weighed.", pooling.unweighable()));
        List<List<String>> summary = new ArrayList<>();
        for (Pooling.Pool pool : pooling.pools()) {
            MetaResult r = pool.result().orElseThrow();
            Interval ci = r.backTransformed().confidence();
            Interval pi = r.backTransformed().prediction();
            summary.add(List.of(escape(pool.topic()), String.valueOf(r.k()), PERCENT.format(ci.estimate()),
                    PERCENT.format(ci.lower()) + " – " + PERCENT.format(ci.upper()),
                    PERCENT.format(pi.lower()) + " – " + PERCENT.format(pi.upper()),
                    String.format(Locale.ROOT, "%.0f %%", r.i2())));
        }
        html.table(List.of("Topic", "Studies", "Pooled", "95 % CI", "95 % prediction", "I²"), summary);
        for (Pooling.Pool pool : pooling.pools()) {
            html.chart(ForestPlot.of(pool.result().orElseThrow(), ChartSpec.builder().title(pool.topic()).build()),
                    pool.topic() + ": " + pool.figures().stream().map(o -> o.region().code()).distinct()
                            .collect(Collectors.joining(", ")));
        }
        if (!pooling.alone().isEmpty()) {
            html.element("h3", "Weighable figures left out");
            html.table(List.of("Figure", "Topic", "Why"), pooling.alone().stream().map(a -> List.of(
                    escape(a.figure().label()), escape(Pooling.topic(a.figure())), escape(a.reason()))).toList());
        }
        html.raw("</section>");
    }

    private static void harmonisation(Html html, StudyCatalogue catalogue, ReferencePopulations populations) {
        html.raw("<section id='harmonisation'>").element("h2", "Size classes re-expressed on common bands");
        html.element("p", "A study's figures by size class, weighted by the enterprises of its country in each"
                + " class, give its figure for the whole band they cover — the same band another study reports —"
                + " and, where the study publishes that figure too, check the method.");
        List<List<String>> rows = new ArrayList<>();
        for (CatalogueHarmonisation.Case c : CatalogueHarmonisation.of(catalogue, populations)) {
            String classes = c.classes().stream().map(o -> o.sizeBand().orElseThrow().label() + ": "
                    + PERCENT.format(o.figure().proportion())).collect(Collectors.joining(", "));
            rows.add(List.of(escape(c.classes().get(0).study().id()), escape(c.classes().get(0).indicator().code()),
                    escape(classes), escape(c.target().label()), PERCENT.format(c.result().proportion()),
                    c.published().map(o -> PERCENT.format(o.figure().proportion())).orElse("—"),
                    escape(c.population().id() + " (" + c.population().year() + ")"),
                    escape(c.result().caveats().stream().map(Enum::name).map(s -> s.toLowerCase(Locale.ROOT)
                            .replace('_', ' ')).collect(Collectors.joining(", ")))));
        }
        html.table(List.of("Study", "Indicator", "Size classes", "Band", "Re-expressed", "Published", "Population",
                "Caveats"), rows);
        html.raw("</section>");
    }

    private static void sources(Html html, StudyCatalogue catalogue) {
        html.raw("<section id='sources'>").element("h2", "Sources");
        List<List<String>> rows = catalogue.studies().stream().sorted(Comparator.comparing(Study::id)).map(s -> List.of(
                escape(s.id()), escape(s.title()), escape(s.publisher()),
                escape(s.fieldwork().map(Object::toString).orElse("?")), escape(s.region().code()),
                s.sampleSize().isPresent() ? String.valueOf(s.sampleSize().getAsInt()) : "?",
                s.sources().stream().map(u -> "<a href='" + escape(u.toString()) + "'>" + escape(u.getHost() == null
                        ? u.toString() : u.getHost()) + "</a>").collect(Collectors.joining("<br>")))).toList();
        html.table(List.of("Study", "Title", "Publisher", "Fieldwork", "Region", "Sample", "Links"), rows);
        html.raw("</section>");
    }

    private static final String STYLE = String.join("\n",
            "body{font-family:'DejaVu Sans',Arial,sans-serif;color:#222;margin:0;background:#fafafa}",
            "main{max-width:1100px;margin:0 auto;padding:1.5em 2em;background:#fff}",
            "h1{font-size:1.6em;margin-bottom:.2em}h2{margin-top:2em;border-bottom:2px solid #0072B2;padding-bottom:.2em}",
            ".lead{color:#555}nav{margin:1em 0;font-size:.95em}a{color:#0072B2}",
            "table{border-collapse:collapse;margin:1em 0;font-size:.85em;width:100%}",
            "th,td{border-bottom:1px solid #ddd;padding:.35em .5em;text-align:left;vertical-align:top}",
            "th{background:#f0f4f8}figure{margin:1.5em 0}figure svg{width:100%;height:auto}",
            "figcaption{font-size:.85em;color:#555}");
}
