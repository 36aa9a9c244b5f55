package org.smesurvey.examples.report;

import static org.smesurvey.examples.report.Html.escape;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.smesurvey.core.ReferencePopulations;
import org.smesurvey.core.StudyCatalogue;
import org.smesurvey.core.bundled.Bundled;
import org.smesurvey.core.io.InputFormatException;
import org.smesurvey.examples.FileFailures;
import org.smesurvey.examples.NamedCatalogue;

/**
 * The main job: turns the bundled catalogue of published figures, with any catalogue directories added to it,
 * into one self-contained HTML page, {@code target/report/index.html}, that opens from disk with no network.
 * Its sections answer the reader's question in order: what the figures say (the adoption model by size class,
 * country and year), why studies disagree (gaps decomposed), which studies can be compared, the figures pooled
 * only where a pool means something, size classes re-expressed on common bands, and every figure's source.
 *
 * <pre>{@code
 * ./mvnw -q -pl examples -am package -DskipTests exec:java                            # the bundled catalogue
 * ./mvnw -q -pl examples -am package -DskipTests exec:java -Dcatalogue=dir -Dlang=fr  # yours added, in French
 * }</pre>
 *
 * @since 0.1
 */
public final class Report {

    private static final int STEPS = 7;

    private final PrintStream progress;
    private final long start = System.nanoTime();
    private int step;

    private Report(PrintStream progress) {
        this.progress = progress;
    }

    /**
     * Writes the report; see {@link ReportOptions} for the options.
     *
     * @param args the options
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
     * @param args the options: {@code --catalogue=DIR[,DIR…]}, {@code --bundled=false}, {@code --out=DIR},
     *        {@code --lang=en|fr}, {@code --country=CODE}, {@code --size=BAND}, {@code --year=YYYY}; empty values
     *        mean the defaults
     * @param out where progress goes
     * @param err where problems go
     * @return the exit status: 0 on success, 2 for wrong options (a year more than ten years from the figures'
     *         included), a catalogue with problems or catalogues that conflict, 1 if a directory is missing or
     *         unreadable or the page cannot be written (said with the path, {@link FileFailures})
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        ReportOptions options;
        try {
            options = ReportOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(ReportOptions.USAGE);
            return 2;
        }
        Report report = new Report(out);
        try {
            requireFolderCanBeMade(options.out()); // said before the model is fitted, not after
            report.step("Reading the catalogues and fitting the adoption model");
            ReportContext context = report.read(options);
            out.printf(Locale.ROOT, "      %d studies, %d figures%n", context.catalogue().studies().size(),
                    context.catalogue().observations().size());
            String page = report.page(context);
            Files.createDirectories(options.out());
            Path index = options.out().resolve("index.html");
            Files.writeString(index, page, StandardCharsets.UTF_8);
            out.printf(Locale.ROOT, "Report written to %s (%d kB) in %.1f s%n", index.toAbsolutePath(),
                    Files.size(index) / 1024, (System.nanoTime() - report.start) / 1e9);
            return 0;
        } catch (InputFormatException e) {
            err.println(e.getMessage()); // a bad catalogue: its problems, each with file, line and column
            return 2;
        } catch (OptionException e) {
            err.println(e.getMessage()); // an option that only the figures can check, such as --year
            err.println(ReportOptions.USAGE);
            return 2;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage()); // catalogues that conflict
            return 2;
        } catch (IOException e) {
            err.println(FileFailures.inWords(e)); // what is wrong with which path
            return 1;
        }
    }

    /**
     * Refuses an output folder that cannot be made, without making it (a bad catalogue must leave nothing behind):
     * its nearest existing part must be a folder the user may write in.
     */
    private static void requireFolderCanBeMade(Path out) throws IOException {
        Path existing = out.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return;
        }
        if (!Files.isDirectory(existing)) {
            throw new NotDirectoryException(existing.toString());
        }
        if (!Files.isWritable(existing)) {
            throw new AccessDeniedException(existing.toString());
        }
    }

    /** The union of the bundled catalogue (unless left out) and the directories, with their populations. */
    private ReportContext read(ReportOptions options) throws IOException {
        Words words = new Words(options.language());
        List<StudyCatalogue> catalogues = new ArrayList<>();
        List<ReferencePopulations> populations = new ArrayList<>();
        if (options.bundled()) {
            catalogues.add(Bundled.catalogue());
            populations.add(Bundled.populations());
        }
        List<StudyCatalogue> added = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Path dir : options.catalogues()) {
            NamedCatalogue named = NamedCatalogue.load(dir.toString());
            catalogues.add(named.catalogue());
            added.add(named.catalogue());
            names.add(dir.getFileName() == null ? dir.toString() : dir.getFileName().toString());
            named.populations().ifPresent(populations::add);
        }
        if (populations.isEmpty()) {
            populations.add(Bundled.populations()); // a catalogue without counts of its own
        }
        StudyCatalogue catalogue = StudyCatalogue.union(catalogues);
        String name;
        if (options.catalogues().isEmpty()) {
            name = words.get("catalogue.bundled");
        } else if (options.bundled()) {
            name = capitalise(words.get("catalogue.added", words.count(catalogue.studies().size()
                    - Bundled.catalogue().studies().size(), "study"), String.join(", ", names)));
        } else {
            name = capitalise(words.get("catalogue.own", words.count(catalogue.studies().size(), "study"),
                    String.join(", ", names)));
        }
        java.util.IntSummaryStatistics years = catalogue.observations().stream()
                .map(o -> o.effectiveYear()).filter(java.util.OptionalInt::isPresent)
                .mapToInt(java.util.OptionalInt::getAsInt).summaryStatistics();
        int year;
        try {
            year = options.year(years.getCount() == 0 ? java.time.Year.now().getValue() : years.getMin(),
                    years.getCount() == 0 ? java.time.Year.now().getValue() : years.getMax());
        } catch (IllegalArgumentException e) {
            throw new OptionException(e.getMessage());
        }
        return ReportContext.of(catalogue, StudyCatalogue.union(added), ReferencePopulations.union(populations),
                words, year, options.country(), options.size(), name);
    }

    /** An option that is wrong for the figures read (a year too far from theirs): a usage error. */
    private static final class OptionException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        OptionException(String message) {
            super(message);
        }
    }

    private void step(String what) {
        step++;
        progress.printf(Locale.ROOT, "[%d/%d] %s (%.1f s)%n", step, STEPS, what, (System.nanoTime() - start) / 1e9);
    }

    private String page(ReportContext c) {
        Html body = new Html();
        step("Predicting adoption by size class and country");
        AnswerSection.write(body, c);
        AdoptionSection.write(body, c);
        step("Decomposing the gaps between studies");
        GapsSection.write(body, c);
        step("Comparing every pair of studies");
        ComparabilitySection.write(body, c);
        step("Pooling comparable figures");
        PooledSection.write(body, c);
        step("Re-expressing size classes on common bands");
        HarmonisationSection.write(body, c);
        step("Listing the sources");
        SourcesSection.write(body, c);

        Words w = c.words();
        StudyCatalogue catalogue = c.catalogue();
        Html page = new Html();
        page.raw("<!DOCTYPE html><html lang='" + w.locale().getLanguage() + "'><head><meta charset='utf-8'>")
                .raw("<meta name='viewport' content='width=device-width, initial-scale=1'>")
                .element("title", w.get("page.title"))
                .raw("<style>" + STYLE + "</style></head><body><main>")
                .element("h1", w.get("page.title"))
                .raw("<p class='lead'>" + escape(w.get("page.lead", c.name(),
                        w.count(catalogue.studies().size(), "study"),
                        w.count(catalogue.observations().size(), "figure"),
                        catalogue.observations().stream().filter(o -> o.figure().hasBase()).count(),
                        catalogue.observations().stream().map(o -> o.region().code()).distinct().count())) + "</p>")
                .raw("<nav>" + String.join(" · ", List.of(link("adoption", w), link("gaps", w),
                        link("comparability", w), link("pooled", w), link("harmonisation", w), link("sources", w)))
                        + "</nav>")
                .raw(body.toString())
                .raw("</main></body></html>");
        return page.toString();
    }

    private static String link(String section, Words w) {
        return "<a href='#" + section + "'>" + escape(w.get("nav." + section)) + "</a>";
    }

    static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** Legible at 800 px and at 1,400 px: no text under 12 px, tables that scroll rather than overflow. */
    private static final String STYLE = String.join("\n",
            "body{font-family:'DejaVu Sans',Arial,sans-serif;font-size:16px;line-height:1.45;color:#222;margin:0;"
                    + "background:#fafafa}",
            "main{max-width:1100px;margin:0 auto;padding:.5em 1.5em 1.5em;background:#fff}",
            "h1{font-size:1.6em;margin:.4em 0 .2em}h2{margin-top:2em;border-bottom:2px solid #0072B2;"
                    + "padding-bottom:.2em}h3{margin-top:1.5em}",
            ".lead{color:#444;margin:.4em 0}nav{margin:.6em 0;font-size:.95em}a{color:#0072B2}.note{color:#444;font-style:italic}",
            ".scroll{overflow-x:auto}table{border-collapse:collapse;margin:1em 0;font-size:.85em;width:100%}",
            "th,td{border-bottom:1px solid #ddd;padding:.35em .5em;text-align:left;vertical-align:top}",
            "td.n{text-align:right;white-space:nowrap}th{background:#f0f4f8}",
            "figure{margin:1.5em 0}figure svg{max-width:100%;height:auto;display:block}",
            "figcaption{font-size:.85em;color:#444}",
            // The answer first: its table and the seed case side by side at 1,400 px, one above the other at 800.
            "#answer{display:flex;flex-wrap:wrap;gap:0 2em;background:#f0f4f8;padding:.2em 1em;border-radius:6px}",
            "#answer>div{flex:1 1 330px;min-width:0}#answer>div+div{flex:1.8 1 600px}",
            "#answer h2{margin-top:.4em;font-size:1.25em}#answer svg{width:600px}",
            "#answer figure{margin:.5em 0}#answer table{margin:.5em 0}",
            "details summary{cursor:pointer;color:#0072B2;margin:.5em 0}");
}
