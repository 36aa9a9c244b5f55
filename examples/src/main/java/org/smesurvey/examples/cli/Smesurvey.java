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
import java.util.Set;
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
import org.smesurvey.core.bundled.Bundled;
import org.smesurvey.core.csv.CatalogueWriter;
import org.smesurvey.core.imports.EurostatTable;
import org.smesurvey.core.imports.Imported;
import org.smesurvey.core.imports.OfficeTable;
import org.smesurvey.core.io.InputFormatException;
import org.smesurvey.core.io.InputSource;
import org.smesurvey.examples.CatalogueSummary;
import org.smesurvey.examples.FileFailures;
import org.smesurvey.examples.NamedCatalogue;
import org.smesurvey.examples.report.Report;
import org.smesurvey.stats.adoption.AdoptionData;
import org.smesurvey.stats.adoption.AdoptionModel;
import org.smesurvey.stats.adoption.DuplicateFigures;
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
 * The command line: {@code smesurvey report|summary|list|compare|pool|import|fetch}, each with {@code --help}.
 * Exit status 0 on success; 2 for a usage error (an unknown option or command, a value outside its rule, an
 * unknown study id or indicator code, with the closest one offered) and for an unusable catalogue or table (its
 * problems printed one per line with file, line and column, or two catalogues that give one study different
 * contents); 1 when a file or directory cannot be used: missing, unreadable or unwritable, a directory where a
 * file is expected or the reverse ({@link FileFailures}), or when an office's API fails to answer ({@code fetch}).
 * Study ids and indicator codes are taken in any case; {@code smesurvey list studies|indicators} lists them. Every
 * message says in words what is wrong with which option or path, never with a Java exception's name nor a stack
 * trace.
 *
 * @since 0.1
 */
@Command(name = "smesurvey", mixinStandardHelpOptions = true, versionProvider = Smesurvey.Version.class,
        description = "Study published figures of SME social-network adoption: the report, summaries, gaps between"
                + " studies, pools, and imports of official tables. Study ids and indicator codes are taken in any"
                + " case; `smesurvey list studies` and `smesurvey list indicators` list them.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:done", "1:a file or directory missing, unreadable, unwritable, or of the wrong kind;"
                + " an office's API that failed to answer",
            "2:usage error: a wrong option or value, an unknown id, or a catalogue or table with problems or in"
                + " conflict"},
        subcommands = {Smesurvey.ReportCommand.class, Smesurvey.SummaryCommand.class, ListCommand.class,
            Smesurvey.CompareCommand.class, Smesurvey.PoolCommand.class, Smesurvey.ImportCommand.class,
            FetchCommand.class})
public final class Smesurvey implements Callable<Integer> {

    /** A usage error (picocli's {@link CommandLine.ExitCode#USAGE}): bad arguments, or input with problems. */
    static final int BAD_INPUT = CommandLine.ExitCode.USAGE;
    /** A file or directory that cannot be used: missing, unreadable, unwritable, or of the wrong kind. */
    static final int FAILED = CommandLine.ExitCode.SOFTWARE;

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
        line.registerConverter(Path.class, Smesurvey::path);
        line.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        line.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        line.setParameterExceptionHandler((e, given) -> {
            CommandLine command = e.getCommandLine();
            command.getErr().println(e.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(e, command.getErr());
            command.getErr().println("See '" + command.getCommandSpec().qualifiedName() + " --help'.");
            return BAD_INPUT;
        });
        line.setExecutionExceptionHandler((e, command, parsed) -> {
            Throwable cause = e instanceof java.io.UncheckedIOException u ? u.getCause() : e;
            if (cause instanceof InputFormatException || cause instanceof IllegalArgumentException) {
                command.getErr().println(cause.getMessage()); // the input's problems, or a value the library refused
                return BAD_INPUT;
            }
            if (cause instanceof IOException io) {
                command.getErr().println(FileFailures.inWords(io));
                return FAILED;
            }
            command.getErr().println("Cannot complete " + command.getCommandSpec().qualifiedName() + ": "
                    + (cause.getMessage() == null ? "an unexpected error" : cause.getMessage())
                    + " (a fault of smesurvey: please report it)");
            return FAILED;
        });
        return line.execute(args);
    }

    /**
     * A path as typed, never empty: an empty one would be the working directory, where {@code --out=} would write a
     * catalogue and {@code --catalogue=} would add the bundled catalogue again.
     *
     * @param text the argument
     * @return the path
     * @throws CommandLine.TypeConversionException if it is blank or not a path; picocli names the option (status 2)
     */
    static Path path(String text) {
        if (text.isBlank()) {
            throw new CommandLine.TypeConversionException("a path, not an empty value");
        }
        try {
            return Path.of(text);
        } catch (java.nio.file.InvalidPathException e) {
            throw new CommandLine.TypeConversionException(String.format(Locale.ROOT, "'%s' is not a path (%s)", text,
                    e.getReason()));
        }
    }

    /**
     * A usage error: picocli prints the message and exits with status 2.
     *
     * @param spec the command
     * @param format the message, with {@link String#format} placeholders
     * @param values the values
     * @return the exception to throw
     */
    static CommandLine.ParameterException usage(CommandLine.Model.CommandSpec spec, String format, Object... values) {
        return new CommandLine.ParameterException(spec.commandLine(), String.format(Locale.ROOT, format, values));
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
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

        StudyCatalogue read(CommandLine line) throws IOException {
            List<StudyCatalogue> all = new ArrayList<>();
            if (bundled) {
                all.add(Bundled.catalogue());
            }
            for (Path dir : directories) {
                all.add(NamedCatalogue.load(dir.toString()).catalogue());
            }
            if (all.isEmpty()) {
                throw new CommandLine.ParameterException(line, "No catalogue: give --catalogue DIR, or leave"
                        + " --bundled true");
            }
            return StudyCatalogue.union(all);
        }
    }

    /** How far before the first and after the last year of a catalogue's figures a year may lie. */
    static final int YEAR_MARGIN = 10;

    /**
     * The years a figure covers: its own year, else its study's fieldwork (one year or a range).
     *
     * @param o a figure
     * @return its years, empty if neither the figure nor its study gives one
     */
    static Optional<YearRange> years(Observation o) {
        return o.year().isPresent() ? Optional.of(YearRange.of(o.year().getAsInt())) : o.study().fieldwork();
    }

    /**
     * Checks that a year lies within {@value #YEAR_MARGIN} years of a catalogue's figures.
     *
     * @param year the year asked for
     * @param option the option's name
     * @param catalogue the figures
     * @param spec the command
     * @throws CommandLine.ParameterException if it does not
     */
    static void checkYear(int year, String option, StudyCatalogue catalogue, CommandLine.Model.CommandSpec spec) {
        List<YearRange> all = catalogue.observations().stream().map(Smesurvey::years).flatMap(Optional::stream)
                .toList();
        if (all.isEmpty()) {
            return; // a catalogue without years: nothing to measure the year against
        }
        int first = all.stream().mapToInt(YearRange::first).min().orElseThrow();
        int last = all.stream().mapToInt(YearRange::last).max().orElseThrow();
        if (year >= first - YEAR_MARGIN && year <= last + YEAR_MARGIN) {
            return;
        }
        throw usage(spec, "%s is within %d years of the catalogue's figures (%d-%d), from %d to %d: not %d", option,
                YEAR_MARGIN, first, last, first - YEAR_MARGIN, last + YEAR_MARGIN, year);
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

        @Option(names = "--year", paramLabel = "YYYY", description = "The year the page's answer predicts (default:"
                + " the latest year with figures), within " + YEAR_MARGIN + " years of the catalogue's figures: the"
                + " model's curves are not extrapolated further.")
        Integer year;

        @Option(names = "--country", paramLabel = "CODE", description = "The country or area the page answers for"
                + " first (default: the EU), a two-letter code such as FR, or EU27_2020.")
        String country;

        @Option(names = "--size", paramLabel = "BAND", description = "The size band the page answers for first"
                + " (default: each size class and 10+), such as 10-49 or 250+.")
        String size;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            if (lang != null && !List.of("en", "fr").contains(lang.strip().toLowerCase(Locale.ROOT))) {
                throw usage(spec, "--lang is en or fr, not '%s'", lang);
            }
            if (country != null) {
                Ids.region(country, "--country", spec.commandLine()); // named with its option, before the model
            }
            if (size != null) {
                try {
                    SizeBand.parse(size);
                } catch (IllegalArgumentException e) {
                    throw usage(spec, "--size is an employee band such as 10-49 or 250+, not '%s'", size);
                }
            }
            // Read here too, so that the catalogues' problems and conflicts get the same status as elsewhere (2).
            StudyCatalogue catalogue = catalogues.read(spec.commandLine());
            if (year != null) {
                checkYear(year, "--year", catalogue, spec);
            }
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
            if (country != null) {
                args.add("--country=" + country);
            }
            if (size != null) {
                args.add("--size=" + size);
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
        public Integer call() throws IOException {
            if (directory != null) {
                NamedCatalogue.load(directory.toString()); // its problems through this command line's handler
            }
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
            CommandLine line = spec.commandLine();
            StudyCatalogue catalogue = catalogues.read(line);
            Study a = Ids.study(catalogue, first, line);
            Study b = Ids.study(catalogue, second, line);
            String code = indicator == null ? null : Ids.indicator(catalogue, indicator, line);
            AdoptionData data = AdoptionData.of(catalogue);
            Observation x = figure(data, a, code);
            Observation y = figure(data, b, code);
            AdoptionModel.Fit fit = AdoptionModel.fit(data);
            line.getOut().println(GapDecomposition.of(fit, x, y).summary());
            return 0;
        }

        private Observation figure(AdoptionData data, Study study, String code) {
            return data.entries().stream().map(AdoptionData.Entry::figure)
                    .filter(o -> o.study().equals(study))
                    .filter(o -> code == null || o.indicator().code().equals(code)).findFirst()
                    .orElseThrow(() -> usage(spec, "Study %s has no figure the adoption model covers%s; `smesurvey"
                            + " list indicators --study %s` lists its indicators (the model reads the shares of all"
                            + " firms using a social tool)", study.id(), code == null ? "" : " of " + code,
                            study.id()));
        }
    }

    /**
     * {@code pool}: a random-effects pool of comparable figures, one per study, within a window of years. The
     * window is the library's ({@link org.smesurvey.stats.meta.Pooling#of(StudyCatalogue, int)}): the most years
     * between the pool's first and last figure. It is counted back from the latest figure, and a figure without a
     * year of its own spans its study's whole fieldwork, so that no figure reaches outside it.
     */
    @Command(name = "pool", mixinStandardHelpOptions = true,
            description = {"Pool the figures of one indicator with a base, one per study (its latest), within a"
                    + " window of years: the prediction interval first, then the pooled rate.",
                "The pool's figures are at most --window years apart: the window ends at the latest figure's year"
                    + " and starts --window years before it; a figure without a year of its own is in the window"
                    + " only if its study's whole fieldwork is. Adoption moves over the years, and a pool counts that"
                    + " as heterogeneity: `smesurvey compare` separates time from the rest."})
    static final class PoolCommand implements Callable<Integer> {
        /** The default window, in years. */
        static final int WINDOW = 3;

        @Option(names = "--indicator", required = true, paramLabel = "CODE", description = "The indicator, such"
                + " as social_networks or platform_use (any case; `smesurvey list indicators` lists them).")
        String indicator;

        @Option(names = "--scope", paramLabel = "external|internal|mixed", description = "Only figures of this"
                + " scope.")
        String scope;

        @Option(names = "--platform", paramLabel = "NAME", description = "Only figures about this platform (such as"
                + " facebook); needed when the indicator's figures are about several.")
        String platform;

        @Option(names = "--window", paramLabel = "YEARS", defaultValue = "" + WINDOW, description = "The most years"
                + " between the pool's first and last figure, at least 0 (default: ${DEFAULT-VALUE}: with a latest"
                + " figure of 2023, figures of 2020 to 2023; 0 pools the latest year's figures only).")
        int window;

        @CommandLine.Mixin
        Catalogues catalogues = new Catalogues();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            CommandLine line = spec.commandLine();
            if (window < 0) {
                throw usage(spec, "--window is the most years between the pool's first and last figure, at least"
                        + " 0: not %d", window);
            }
            NetworkScope networks = scope == null ? null : scope(scope);
            StudyCatalogue catalogue = catalogues.read(line);
            String code = Ids.indicator(catalogue, indicator, line);
            // One statistic reported by several sources (an import repeating a bundled figure) is pooled once.
            java.util.Set<Observation> repeats = new java.util.HashSet<>(DuplicateFigures.of(catalogue).duplicates());
            List<Observation> withBase = catalogue.observations().stream()
                    .filter(o -> !repeats.contains(o))
                    .filter(o -> o.indicator().code().equals(code) && o.figure().hasBase())
                    .filter(o -> networks == null || o.scope() == networks).toList();
            String of = code + (networks == null ? "" : " with scope " + scope.strip().toLowerCase(Locale.ROOT));
            if (withBase.isEmpty()) {
                throw usage(spec, "No figure of %s has a base to weigh it by; nothing to pool", of);
            }
            java.util.Set<String> platforms = new java.util.TreeSet<>();
            withBase.forEach(o -> platforms.add(o.platform().map(p -> p.code()).orElse("none")));
            List<Observation> candidates = withBase;
            String about = of;
            if (platform != null) {
                String chosen = Ids.resolve(platforms, platform, "platform", "among the figures of " + of,
                        "They are about " + String.join(", ", platforms) + ".", line);
                candidates = withBase.stream().filter(o -> o.platform().map(p -> p.code()).orElse("none")
                        .equals(chosen)).toList();
                about = of + " about " + chosen;
            } else if (platforms.size() > 1) {
                throw usage(spec, "The figures of %s are about several platforms (%s), which a pool must not mix:"
                        + " choose one with --platform", of, String.join(", ", platforms));
            }
            Map<Observation, YearRange> years = new java.util.LinkedHashMap<>();
            candidates.forEach(o -> years(o).ifPresent(y -> years.put(o, y)));
            int undated = candidates.size() - years.size();
            if (years.isEmpty()) {
                throw usage(spec, "No figure of %s has a year; a pool within a window of years needs them", about);
            }
            int latest = years.values().stream().mapToInt(YearRange::last).max().orElseThrow();
            long from = (long) latest - window; // the window's first year; long, so that a huge window cannot wrap
            Map<String, Observation> perStudy = new java.util.TreeMap<>();
            years.entrySet().stream().filter(e -> e.getValue().first() >= from)
                    .sorted(Comparator.comparingInt((Map.Entry<Observation, YearRange> e) -> e.getValue().last())
                            .reversed())
                    .forEach(e -> perStudy.putIfAbsent(e.getKey().study().id(), e.getKey()));
            List<Observation> pooled = List.copyOf(perStudy.values());
            int earlier = (int) years.values().stream().filter(y -> y.first() < from).count();
            int earliest = years.values().stream().mapToInt(YearRange::first).min().orElseThrow();
            String span = window(Math.max(from, earliest), latest);
            if (pooled.size() < 2) {
                throw usage(spec, "%s has a figure of %s in %s (--window %d): nothing to pool; a wider --window"
                        + " reaches further back", pooled.isEmpty() ? "No study" : "Only 1 study", about, span,
                        window);
            }
            int first = pooled.stream().mapToInt(o -> years.get(o).first()).min().orElseThrow();
            MetaResult result = MetaAnalysis.withDefaults().fit(EffectSizes.of(ProportionMeasure.PLO, pooled));
            PrintWriter out = line.getOut();
            var pi = result.backTransformed().prediction();
            var ci = result.backTransformed().confidence();
            out.printf(Locale.ROOT, "%s, %d studies, figures of %s: a new study would find %.1f to %.1f %% (95 %%"
                    + " prediction interval)%n", about, pooled.size(), window(first, latest), 100 * pi.lower(),
                    100 * pi.upper());
            out.printf(Locale.ROOT, "pooled %.1f %% (95 %% CI %.1f to %.1f %%), I2 = %.1f %%%s%n", 100 * ci.estimate(),
                    100 * ci.lower(), 100 * ci.upper(), result.i2(), result.i2() >= 75
                            ? ": heterogeneity is high, the pool is not a single rate" : "");
            pooled.forEach(o -> out.printf(Locale.ROOT, "  %-28s %s %s  %.1f %%%n", o.study().id(),
                    o.region().code(), years.get(o).label(), 100 * o.figure().proportion()));
            if (earlier > 0 || undated > 0) {
                out.printf(Locale.ROOT, "left out: %s%s%s%n", earlier == 0 ? "" : figures(earlier) + " before "
                        + from + " (--window " + window + ")", earlier > 0 && undated > 0 ? ", " : "",
                        undated == 0 ? "" : figures(undated) + " without a year");
            }
            if (latest - first > WINDOW) {
                out.printf(Locale.ROOT, "note: these figures are %d years apart, and adoption moves over such a span;"
                        + " the pool counts that as heterogeneity (`smesurvey compare` separates time)%n",
                        latest - first);
            }
            return 0;
        }

        private static String window(long from, int latest) {
            return from == latest ? Integer.toString(latest) : from + "-" + latest;
        }

        private static String figures(int n) {
            return n + (n == 1 ? " figure" : " figures");
        }

        private NetworkScope scope(String text) {
            for (NetworkScope s : NetworkScope.values()) {
                if (s.name().equalsIgnoreCase(text.strip())) {
                    return s;
                }
            }
            throw usage(spec, "--scope is external, internal or mixed, not '%s'", text);
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
            spec.commandLine().usage(spec.commandLine().getErr());
            return BAD_INPUT;
        }
    }

    /**
     * Writes an import and says what it made and left out, and which of its figures repeat the bundled catalogue's
     * (the same statistic, {@link DuplicateFigures}): the report and the adoption model enter those once.
     */
    static Integer write(Imported imported, Path out, PrintWriter to) throws IOException {
        CatalogueWriter.withDefaults().write(imported.catalogue(), out);
        to.println(imported.summary());
        repeats(imported.catalogue(), Bundled.catalogue()).forEach(to::println);
        to.println("Catalogue written to " + out.toAbsolutePath());
        return 0;
    }

    /** How many imported figures repeat a figure of another catalogue, with up to three of them, in words. */
    static List<String> repeats(StudyCatalogue imported, StudyCatalogue bundled) {
        Set<Observation> mine = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        mine.addAll(imported.observations());
        List<Observation> all = new ArrayList<>(bundled.observations());
        all.addAll(imported.observations());
        List<String> examples = new ArrayList<>();
        int count = 0;
        for (DuplicateFigures.Group group : DuplicateFigures.of(all).groups()) {
            List<Observation> members = new ArrayList<>(List.of(group.kept()));
            members.addAll(group.duplicates());
            Optional<Observation> theirs = members.stream().filter(o -> !mine.contains(o)).findFirst();
            if (theirs.isEmpty()) {
                continue;
            }
            for (Observation o : members) {
                if (mine.contains(o)) {
                    count++;
                    if (examples.size() < 3) {
                        examples.add("  " + o.label() + " = " + theirs.get().study().id());
                    }
                }
            }
        }
        if (count == 0) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%d of these figures repeat the bundled catalogue's (the same statistic):"
                + " the report and the adoption model enter each once", count));
        lines.addAll(examples);
        return lines;
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
            InputSource source = InputSource.of(FileFailures.notADirectory(file));
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

        @Option(names = "--year", required = true, paramLabel = "YYYY", description = "The fieldwork year, from 1900"
                + " to 2100.")
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

        @Option(names = "--min-employees", defaultValue = "10", paramLabel = "N", description = "The smallest firms"
                + " covered, in employees, at least 0 (default: ${DEFAULT-VALUE}).")
        int minEmployees;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        private String[] pair(String text, String option) {
            int equals = text.indexOf('=');
            if (equals <= 0) {
                throw usage(spec, "--%s is NAME=VALUE, not '%s'", option, text);
            }
            return new String[] {text.substring(0, equals), text.substring(equals + 1)};
        }

        @Override
        public Integer call() throws IOException {
            CommandLine line = spec.commandLine();
            if (!(year >= 1900 && year <= 2100)) {
                throw usage(spec, "--year is a fieldwork year from 1900 to 2100: not %d", year);
            }
            if (minEmployees < 0) {
                throw usage(spec, "--min-employees is a number of employees, at least 0: not %d", minEmployees);
            }
            NetworkScope networks = java.util.Arrays.stream(NetworkScope.values())
                    .filter(n -> n.name().equalsIgnoreCase(scope.strip())).findFirst()
                    .orElseThrow(() -> usage(spec, "--scope is external, internal or mixed, not '%s'", scope));
            Region region = Ids.region(country, "--country", line);
            java.net.URI uri;
            try {
                uri = new java.net.URI(source.strip());
            } catch (java.net.URISyntaxException e) {
                throw usage(spec, "--source is the table's address, such as https://www.ine.es/: not '%s' (%s)",
                        source, e.getReason());
            }
            if (!uri.isAbsolute()) {
                throw usage(spec, "--source is the table's absolute address, such as https://www.ine.es/: not '%s'",
                        source);
            }
            InputSource table = InputSource.of(FileFailures.notADirectory(file));
            SizeBand band = SizeBand.atLeast(minEmployees);
            Study study = Study.builder(id).title(title).publisher(publisher).fieldwork(YearRange.of(year))
                    .region(region)
                    .population(new Population("enterprises with " + minEmployees + " or more employees",
                            SizeClassScheme.NOT_STATED, Optional.of(band), Optional.empty()))
                    .respondents(RespondentFunction.UNKNOWN)
                    .method(new StudyMethod(SurveyMode.UNKNOWN, Sampling.PROBABILITY, Weighting.WEIGHTED))
                    .sources(List.of(uri)).build();
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
            return write(mapping.build().read(table), out, spec.commandLine().getOut());
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
