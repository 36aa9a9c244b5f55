package org.smesurvey.examples.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.smesurvey.core.Indicator;
import org.smesurvey.core.NetworkScope;
import org.smesurvey.core.Observation;
import org.smesurvey.core.Population;
import org.smesurvey.core.Region;
import org.smesurvey.core.RespondentFunction;
import org.smesurvey.core.Sampling;
import org.smesurvey.core.Sectors;
import org.smesurvey.core.SizeBand;
import org.smesurvey.core.SizeClassScheme;
import org.smesurvey.core.Study;
import org.smesurvey.core.StudyCatalogue;
import org.smesurvey.core.StudyMethod;
import org.smesurvey.core.SurveyMode;
import org.smesurvey.core.Weighting;
import org.smesurvey.core.YearRange;
import org.smesurvey.core.csv.CatalogueWriter;
import org.smesurvey.core.imports.EurostatTable;
import org.smesurvey.core.imports.Imported;
import org.smesurvey.core.imports.OfficeTable;
import org.smesurvey.core.io.InputFormatException;
import org.smesurvey.core.io.InputSource;
import org.smesurvey.examples.CatalogueSummary;
import org.smesurvey.examples.NamedCatalogue;
import org.smesurvey.examples.report.Report;
import org.smesurvey.stats.adoption.AdoptionData;
import org.smesurvey.stats.adoption.AdoptionModel;
import org.smesurvey.stats.adoption.GapDecomposition;
import org.smesurvey.stats.meta.EffectSizes;
import org.smesurvey.stats.meta.MetaAnalysis;
import org.smesurvey.stats.meta.MetaResult;
import org.smesurvey.stats.meta.ProportionMeasure;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The command line: {@code smesurvey report|summary|compare|pool|import}, each with {@code --help}. Exit status 0
 * on success, 2 for wrong arguments and for input with problems (printed one per line with file, line and column),
 * 1 when a file cannot be read or written.
 *
 * @since 0.1
 */
@Command(name = "smesurvey", mixinStandardHelpOptions = true, versionProvider = Smesurvey.Version.class,
        description = "Study published figures of SME social-network adoption: the report, summaries, gaps between"
                + " studies, pools, and imports of official tables.",
        subcommands = {Smesurvey.ReportCommand.class, Smesurvey.SummaryCommand.class, Smesurvey.CompareCommand.class,
            Smesurvey.PoolCommand.class, Smesurvey.ImportCommand.class})
public final class Smesurvey implements Callable<Integer> {

    /** Bad arguments or input with problems. */
    static final int BAD_INPUT = 2;
    /** A file that cannot be read or written. */
    static final int FAILED = 1;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** picocli creates the command. */
    public Smesurvey() {
    }

    /**
     * Runs the command line and exits with its status.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the command line.
     *
     * @param args the arguments
     * @param out where results go
     * @param err where problems go
     * @return the exit status
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine line = new CommandLine(new Smesurvey());
        line.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        line.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        line.setExecutionExceptionHandler((e, command, parsed) -> {
            if (e instanceof InputFormatException || e instanceof IllegalArgumentException) {
                command.getErr().println(e.getMessage());
                return BAD_INPUT;
            }
            command.getErr().println("Cannot complete " + command.getCommandName() + ": " + e);
            return FAILED;
        });
        return line.execute(args);
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return BAD_INPUT;
    }

    /** The version in the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Smesurvey.class.getPackage().getImplementationVersion();
            return new String[] {"smesurvey " + (version == null ? "(development build)" : version)};
        }
    }

    /** Catalogue options shared by the commands that read catalogues. */
    static final class Catalogues {
        @Option(names = "--catalogue", paramLabel = "DIR", split = ",",
                description = "A catalogue directory added to the bundled catalogue; several allowed.")
        List<Path> directories = new ArrayList<>();

        @Option(names = "--bundled", paramLabel = "true|false", arity = "1", defaultValue = "true",
                description = "Whether the bundled catalogue comes first (default: ${DEFAULT-VALUE}).")
        boolean bundled = true;

        StudyCatalogue read() throws IOException {
            List<StudyCatalogue> all = new ArrayList<>();
            if (bundled) {
                all.add(StudyCatalogue.bundled());
            }
            for (Path dir : directories) {
                all.add(NamedCatalogue.load(dir.toString()).catalogue());
            }
            if (all.isEmpty()) {
                throw new IllegalArgumentException("No catalogue: give --catalogue DIR, or leave --bundled true");
            }
            return StudyCatalogue.union(all);
        }
    }

    /** {@code report}: the main job. */
    @Command(name = "report", mixinStandardHelpOptions = true,
            description = "Write the report (index.html) on the bundled catalogue and any added.")
    static final class ReportCommand implements Callable<Integer> {
        @CommandLine.Mixin
        Catalogues catalogues = new Catalogues();

        @Option(names = "--out", paramLabel = "DIR", description = "Where index.html goes (default: target/report).")
        Path out;

        @Option(names = "--lang", paramLabel = "en|fr", description = "The page's language (default: en).")
        String lang;

        @Option(names = "--year", paramLabel = "YYYY", description = "The year the headline predicts.")
        Integer year;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            List<String> args = new ArrayList<>();
            if (!catalogues.directories.isEmpty()) {
                args.add("--catalogue=" + catalogues.directories.stream().map(Path::toString)
                        .collect(Collectors.joining(",")));
            }
            args.add("--bundled=" + catalogues.bundled);
            if (out != null) {
                args.add("--out=" + out);
            }
            if (lang != null) {
                args.add("--lang=" + lang);
            }
            if (year != null) {
                args.add("--year=" + year);
            }
            PrintStream progress = new PrintStream(new WriterStream(spec.commandLine().getOut()), true,
                    StandardCharsets.UTF_8);
            PrintStream problems = new PrintStream(new WriterStream(spec.commandLine().getErr()), true,
                    StandardCharsets.UTF_8);
            return Report.run(args.toArray(String[]::new), progress, problems);
        }
    }

    /** {@code summary}: a catalogue's studies and figures. */
    @Command(name = "summary", mixinStandardHelpOptions = true,
            description = "Summarise a catalogue: its studies and figures by region, size scheme, scope, respondent.")
    static final class SummaryCommand implements Callable<Integer> {
        @Parameters(arity = "0..1", paramLabel = "DIR", description = "A catalogue directory (the bundled one if"
                + " none).")
        Path directory;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintStream out = new PrintStream(new WriterStream(spec.commandLine().getOut()), true,
                    StandardCharsets.UTF_8);
            PrintStream err = new PrintStream(new WriterStream(spec.commandLine().getErr()), true,
                    StandardCharsets.UTF_8);
            return CatalogueSummary.run(directory == null ? new String[0] : new String[] {directory.toString()},
                    out, err);
        }
    }

    /** {@code compare STUDY STUDY}: the gap between two studies' figures, decomposed by the adoption model. */
    @Command(name = "compare", mixinStandardHelpOptions = true,
            description = "Why two studies' figures differ: the gap decomposed by the adoption model (time, size,"
                    + " indicator, private survey against official statistics, country, and what none of them"
                    + " explains: the studies, the figures, sampling error), each part with its range when one other"
                    + " study is left out.")
    static final class CompareCommand implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "STUDY", description = "The first study's id.")
        String first;

        @Parameters(index = "1", paramLabel = "STUDY", description = "The second study's id.")
        String second;

        @Option(names = "--indicator", paramLabel = "CODE", description = "Compare the figures of this indicator"
                + " (default: each study's first figure the model covers).")
        String indicator;

        @CommandLine.Mixin
        Catalogues catalogues = new Catalogues();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            StudyCatalogue catalogue = catalogues.read();
            AdoptionData data = AdoptionData.of(catalogue);
            AdoptionModel.Fit fit = AdoptionModel.fit(data);
            Observation a = figure(data, catalogue, first);
            Observation b = figure(data, catalogue, second);
            spec.commandLine().getOut().println(GapDecomposition.of(fit, a, b).summary());
            return 0;
        }

        private Observation figure(AdoptionData data, StudyCatalogue catalogue, String study) {
            if (catalogue.studies().stream().noneMatch(s -> s.id().equals(study))) {
                throw new IllegalArgumentException("No study " + study + " in the catalogue; `smesurvey summary`"
                        + " lists them");
            }
            return data.entries().stream().map(AdoptionData.Entry::figure)
                    .filter(o -> o.study().id().equals(study))
                    .filter(o -> indicator == null || o.indicator().code().equals(indicator)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("Study " + study + " has no figure the adoption"
                            + " model covers" + (indicator == null ? "" : " for the indicator " + indicator)));
        }
    }

    /** {@code pool}: a random-effects pool of comparable figures, one per study, within a window of years. */
    @Command(name = "pool", mixinStandardHelpOptions = true,
            description = "Pool the figures of one indicator with a base, one per study (its latest), within a window"
                    + " of years: the prediction interval first, then the pooled rate.")
    static final class PoolCommand implements Callable<Integer> {
        @Option(names = "--indicator", required = true, paramLabel = "CODE", description = "The indicator, such"
                + " as social_networks or platform_use.")
        String indicator;

        @Option(names = "--scope", paramLabel = "external|internal|mixed", description = "Only figures of this"
                + " scope.")
        String scope;

        @Option(names = "--platform", paramLabel = "NAME", description = "Only figures about this platform (such as"
                + " facebook); needed when the indicator's figures are about several.")
        String platform;

        @Option(names = "--window", paramLabel = "YEARS", defaultValue = "3", description = "Years up to the"
                + " latest figure's (default: ${DEFAULT-VALUE}).")
        int window;

        @CommandLine.Mixin
        Catalogues catalogues = new Catalogues();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            StudyCatalogue catalogue = catalogues.read();
            List<Observation> candidates = catalogue.observations().stream()
                    .filter(o -> o.indicator().code().equals(indicator) && o.figure().hasBase()
                            && o.year().isPresent())
                    .filter(o -> scope == null || o.scope().name().equalsIgnoreCase(scope))
                    .filter(o -> platform == null || o.platform().map(p -> p.code().equalsIgnoreCase(platform)
                            || p.name().equalsIgnoreCase(platform)).orElse(false)).toList();
            if (candidates.isEmpty()) {
                throw new IllegalArgumentException("No figure of " + indicator + " with a base"
                        + (scope == null ? "" : " and scope " + scope) + (platform == null ? "" : " about " + platform));
            }
            java.util.Set<String> platforms = new java.util.TreeSet<>();
            candidates.forEach(o -> platforms.add(o.platform().map(p -> p.code()).orElse("none")));
            if (platforms.size() > 1) {
                throw new IllegalArgumentException("The figures of " + indicator + " are about several platforms "
                        + platforms + ", which a pool must not mix: choose one with --platform");
            }
            int latest = candidates.stream().mapToInt(o -> o.year().getAsInt()).max().orElseThrow();
            Map<String, Observation> perStudy = new java.util.TreeMap<>();
            candidates.stream().filter(o -> o.year().getAsInt() > latest - window)
                    .sorted(Comparator.comparingInt((Observation o) -> o.year().getAsInt()).reversed())
                    .forEach(o -> perStudy.putIfAbsent(o.study().id(), o));
            List<Observation> pooled = List.copyOf(perStudy.values());
            if (pooled.size() < 2) {
                throw new IllegalArgumentException("Only " + pooled.size() + " study has a figure of " + indicator
                        + " in " + (latest - window + 1) + "-" + latest + ": nothing to pool");
            }
            MetaResult result = MetaAnalysis.withDefaults().fit(EffectSizes.of(ProportionMeasure.PLO, pooled));
            PrintWriter out = spec.commandLine().getOut();
            var pi = result.backTransformed().prediction();
            var ci = result.backTransformed().confidence();
            out.printf(Locale.ROOT, "%s, %d studies, %d-%d: a new study would find %.1f to %.1f %% (95 %% prediction"
                    + " interval)%n", indicator, pooled.size(), latest - window + 1, latest, 100 * pi.lower(),
                    100 * pi.upper());
            out.printf(Locale.ROOT, "pooled %.1f %% (95 %% CI %.1f to %.1f %%), I2 = %.1f %%%s%n", 100 * ci.estimate(),
                    100 * ci.lower(), 100 * ci.upper(), result.i2(), result.i2() >= 75
                            ? ": heterogeneity is high, the pool is not a single rate" : "");
            pooled.forEach(o -> out.printf(Locale.ROOT, "  %-28s %s %d  %.1f %%%n", o.study().id(),
                    o.region().code(), o.year().getAsInt(), 100 * o.figure().proportion()));
            return 0;
        }
    }

    /** {@code import}: official tables into catalogues. */
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import an official table into a catalogue directory.",
            subcommands = {EurostatCommand.class, TableCommand.class})
    static final class ImportCommand implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().usage(spec.commandLine().getOut());
            return BAD_INPUT;
        }
    }

    /** Writes an import and says what it made and left out. */
    private static Integer write(Imported imported, Path out, PrintWriter to) throws IOException {
        CatalogueWriter.withDefaults().write(imported.catalogue(), out);
        to.println(imported.summary());
        to.println("Catalogue written to " + out.toAbsolutePath());
        return 0;
    }

    /** {@code import eurostat FILE}. */
    @Command(name = "eurostat", mixinStandardHelpOptions = true,
            description = "A Eurostat ICT-usage table (isoc_cismt, isoc_cismp…) in SDMX-CSV or the bulk TSV.")
    static final class EurostatCommand implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "The table.")
        Path file;

        @Option(names = "--dataset", paramLabel = "CODE", description = "The dataset, when the file's name does not"
                + " say it (TSV).")
        String dataset;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "The catalogue directory to"
                + " write.")
        Path out;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            InputSource source = InputSource.of(file);
            Imported imported = dataset == null ? EurostatTable.read(source) : EurostatTable.read(source, dataset);
            return write(imported, out, spec.commandLine().getOut());
        }
    }

    /** {@code import table FILE}. */
    @Command(name = "table", mixinStandardHelpOptions = true,
            description = "A national office's table export: dimension columns and one value column (decimal"
                    + " commas allowed); say what the file does not (docs/importers.md).")
    static final class TableCommand implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "The table (comma- or semicolon-separated, with a header).")
        Path file;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "The catalogue directory to"
                + " write.")
        Path out;

        @Option(names = "--id", required = true, description = "The study's id, such as INE_TIC_2022.")
        String id;

        @Option(names = "--title", required = true, description = "The publication's title.")
        String title;

        @Option(names = "--publisher", required = true, description = "Who published it.")
        String publisher;

        @Option(names = "--country", required = true, paramLabel = "CC", description = "The country (ISO code).")
        String country;

        @Option(names = "--year", required = true, paramLabel = "YYYY", description = "The fieldwork year.")
        int year;

        @Option(names = "--source", required = true, paramLabel = "URL", description = "Where the table comes from.")
        String source;

        @Option(names = "--value", required = true, paramLabel = "COLUMN", description = "The column of percentages.")
        String value;

        @Option(names = "--indicator", required = true, paramLabel = "CODE", description = "The indicator code,"
                + " such as social_media_any.")
        String indicator;

        @Option(names = "--wording", defaultValue = "", description = "The figures' wording.")
        String wording;

        @Option(names = "--scope", required = true, paramLabel = "external|internal|mixed",
                description = "The networks the indicator is about.")
        String scope;

        @Option(names = "--area", paramLabel = "COLUMN=WHOLE", description = "The column of areas within the country"
                + " and the label of the whole country, such as 'Comunidad=Total Nacional'.")
        String area;

        @Option(names = "--activity", paramLabel = "COLUMN=ALL", description = "The activity column and the label of"
                + " all activities, such as 'Actividad=Total'.")
        String activity;

        @Option(names = "--section", paramLabel = "LABEL=SECTIONS", description = "An activity label's NACE sections,"
                + " such as 'Industria=B-E'; several allowed.")
        List<String> sections = new ArrayList<>();

        @Option(names = "--min-employees", defaultValue = "10", description = "The smallest firms covered (default:"
                + " ${DEFAULT-VALUE}).")
        int minEmployees;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        private static String[] pair(String text, String option) {
            int equals = text.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("--" + option + " is NAME=VALUE, not '" + text + "'");
            }
            return new String[] {text.substring(0, equals), text.substring(equals + 1)};
        }

        @Override
        public Integer call() throws IOException {
            NetworkScope networks;
            try {
                networks = NetworkScope.valueOf(scope.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--scope is external, internal or mixed, not '" + scope + "'", e);
            }
            SizeBand band = SizeBand.atLeast(minEmployees);
            Study study = Study.builder(id).title(title).publisher(publisher).fieldwork(YearRange.of(year))
                    .region(Region.of(country))
                    .population(new Population("enterprises with " + minEmployees + " or more employees",
                            SizeClassScheme.NOT_STATED, Optional.of(band), Optional.empty()))
                    .respondents(RespondentFunction.UNKNOWN)
                    .method(new StudyMethod(SurveyMode.UNKNOWN, Sampling.PROBABILITY, Weighting.WEIGHTED))
                    .sources(List.of(java.net.URI.create(source))).build();
            OfficeTable.Builder mapping = OfficeTable.forStudy(study).value(value).year(year)
                    .size(minEmployees + "+", band).indicator(new OfficeTable.IndicatorCode(
                            Indicator.of(indicator, wording).code(), wording, networks));
            if (area != null) {
                String[] a = pair(area, "area");
                mapping.area(a[0], a[1]);
            }
            if (activity != null) {
                String[] a = pair(activity, "activity");
                Map<String, Sectors> labels = new java.util.LinkedHashMap<>();
                for (String section : sections) {
                    String[] s = pair(section, "section");
                    labels.put(s[0], Sectors.parse(s[1]));
                }
                mapping.sectors(a[0], a[1], labels);
            }
            return write(mapping.build().read(InputSource.of(file)), out, spec.commandLine().getOut());
        }
    }

    /** A PrintWriter seen as the stream the example programs print to. */
    private static final class WriterStream extends java.io.OutputStream {
        private final PrintWriter writer;
        private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

        WriterStream(PrintWriter writer) {
            this.writer = writer;
        }

        @Override
        public void write(int b) {
            line.write(b);
            if (b == '\n') {
                flush();
            }
        }

        @Override
        public void flush() {
            writer.print(line.toString(StandardCharsets.UTF_8));
            writer.flush();
            line.reset();
        }
    }
}
