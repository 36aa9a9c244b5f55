package org.smesurvey.core.csv;

import static org.smesurvey.core.csv.Columns.*;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.smesurvey.core.Coded;
import org.smesurvey.core.Figure;
import org.smesurvey.core.Indicator;
import org.smesurvey.core.NetworkScope;
import org.smesurvey.core.Observation;
import org.smesurvey.core.Platform;
import org.smesurvey.core.Population;
import org.smesurvey.core.PopulationCount;
import org.smesurvey.core.ReferencePopulation;
import org.smesurvey.core.ReferencePopulations;
import org.smesurvey.core.Region;
import org.smesurvey.core.RespondentFunction;
import org.smesurvey.core.Sampling;
import org.smesurvey.core.Sectors;
import org.smesurvey.core.SizeBand;
import org.smesurvey.core.SizeClass;
import org.smesurvey.core.SizeClassScheme;
import org.smesurvey.core.Study;
import org.smesurvey.core.StudyCatalogue;
import org.smesurvey.core.StudyMethod;
import org.smesurvey.core.SurveyMode;
import org.smesurvey.core.Weighting;
import org.smesurvey.core.YearRange;
import org.smesurvey.core.io.CsvFile;
import org.smesurvey.core.io.CsvReader;
import org.smesurvey.core.io.InputSource;
import org.smesurvey.core.io.Problems;
import org.smesurvey.core.io.Row;
import org.smesurvey.core.io.TableSpec;

/**
 * Reads a catalogue from CSV files, as {@code docs/catalogue-format.md} describes them.
 *
 * <p>A catalogue is a directory with {@value #STUDIES_FILE}, {@value #OBSERVATIONS_FILE} and, when studies
 * define their own size classes, {@value #SCHEMES_FILE}. Each file may use commas or semicolons (found from
 * its header), a decimal point or a decimal comma, percentages such as {@code 12,5 %}, and UTF-8 with or
 * without a byte order mark; Windows-1252 when {@linkplain #withCharset(Charset) asked}.
 *
 * <p>Reading is all or nothing: every problem in every file is collected, and if there is any a
 * {@link CatalogueFormatException} lists them all with file, line and column, and nothing is returned.
 *
 * <p>Instances are immutable; {@link #withDefaults()} is UTF-8.
 *
 * @since 0.1
 */
public final class CatalogueReader {

    /** The studies file of a catalogue directory. */
    public static final String STUDIES_FILE = "studies.csv";
    /** The observations file of a catalogue directory. */
    public static final String OBSERVATIONS_FILE = "observations.csv";
    /** The optional file of study-defined size-class schemes. */
    public static final String SCHEMES_FILE = "size-schemes.csv";

    private static final CatalogueReader DEFAULTS = new CatalogueReader(StandardCharsets.UTF_8);
    /** The largest catalogue file read. */
    public static final long MAX_BYTES = 64L * 1024 * 1024;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    private final Charset charset;

    private CatalogueReader(Charset charset) {
        this.charset = charset;
    }

    /**
     * A reader of UTF-8 files.
     *
     * @return the default reader
     */
    public static CatalogueReader withDefaults() {
        return DEFAULTS;
    }

    /**
     * A reader of files in this character set, such as {@code windows-1252} for files saved by Excel.
     *
     * @param charset the character set
     * @return a new reader
     */
    public CatalogueReader withCharset(Charset charset) {
        return new CatalogueReader(Objects.requireNonNull(charset, "charset"));
    }

    /**
     * The character set files are read in.
     *
     * @return the character set
     */
    public Charset charset() {
        return charset;
    }

    /**
     * Reads the catalogue in a directory.
     *
     * @param directory a directory with {@value #STUDIES_FILE}, {@value #OBSERVATIONS_FILE} and optionally
     *        {@value #SCHEMES_FILE}
     * @return the catalogue
     * @throws CatalogueFormatException if a file is missing or anything in the files is wrong
     * @throws IOException if a file cannot be read
     */
    public StudyCatalogue read(Path directory) throws IOException {
        Problems problems = new Problems();
        for (String file : List.of(STUDIES_FILE, OBSERVATIONS_FILE)) {
            if (Files.isDirectory(directory.resolve(file))) {
                problems.add(file, 0, 0, "", "", "is a directory, expected a file, in the catalogue directory "
                        + directory.toAbsolutePath());
            } else if (!Files.isRegularFile(directory.resolve(file))) {
                problems.add(file, 0, 0, "", "", "file not found in the catalogue directory "
                        + directory.toAbsolutePath());
            }
        }
        problems.throwIfAny(CatalogueFormatException::new);
        Path schemes = directory.resolve(SCHEMES_FILE);
        return read(InputSource.of(directory.resolve(STUDIES_FILE)), InputSource.of(directory.resolve(OBSERVATIONS_FILE)),
                Files.isRegularFile(schemes) ? Optional.of(InputSource.of(schemes)) : Optional.empty());
    }

    /**
     * Reads a catalogue whose studies use only built-in size-class schemes.
     *
     * @param studies the studies file
     * @param observations the observations file
     * @return the catalogue
     * @throws CatalogueFormatException if anything in the files is wrong
     * @throws IOException if a source cannot be read
     */
    public StudyCatalogue read(InputSource studies, InputSource observations) throws IOException {
        return read(studies, observations, Optional.empty());
    }

    /**
     * Reads a catalogue.
     *
     * @param studies the studies file
     * @param observations the observations file
     * @param schemes the study-defined size-class schemes
     * @return the catalogue
     * @throws CatalogueFormatException if anything in the files is wrong
     * @throws IOException if a source cannot be read
     */
    public StudyCatalogue read(InputSource studies, InputSource observations, InputSource schemes) throws IOException {
        return read(studies, observations, Optional.of(schemes));
    }

    /**
     * Reads a catalogue stored as class-path resources, such as one shipped in a jar.
     *
     * @param anchor the class whose loader finds the resources
     * @param folder the absolute resource folder, ending with {@code /}
     * @return the catalogue
     * @throws CatalogueFormatException if anything in the files is wrong
     * @throws IOException if a resource cannot be read
     */
    public StudyCatalogue readResources(Class<?> anchor, String folder) throws IOException {
        Optional<InputSource> schemes = anchor.getResource(folder + SCHEMES_FILE) == null ? Optional.empty()
                : Optional.of(InputSource.ofResource(anchor, folder + SCHEMES_FILE));
        return read(InputSource.ofResource(anchor, folder + STUDIES_FILE),
                InputSource.ofResource(anchor, folder + OBSERVATIONS_FILE), schemes);
    }

    /**
     * Reads enterprise counts by size band.
     *
     * @param file the populations file
     * @return the populations
     * @throws CatalogueFormatException if anything in the file is wrong
     * @throws IOException if the file cannot be read
     */
    public ReferencePopulations readPopulations(Path file) throws IOException {
        return readPopulations(InputSource.of(file));
    }

    /**
     * Reads enterprise counts by size band from a class-path resource.
     *
     * @param anchor the class whose loader finds the resource
     * @param resource the absolute resource name
     * @return the populations
     * @throws CatalogueFormatException if anything in the file is wrong
     * @throws IOException if the resource cannot be read
     */
    public ReferencePopulations readPopulationResource(Class<?> anchor, String resource) throws IOException {
        return readPopulations(InputSource.ofResource(anchor, resource));
    }

    /**
     * Reads enterprise counts by size band: one row per band, rows with the same {@code population_id}
     * forming one population.
     *
     * @param source the populations file
     * @return the populations
     * @throws CatalogueFormatException if anything in the file is wrong
     * @throws IOException if the source cannot be read
     */
    public ReferencePopulations readPopulations(InputSource source) throws IOException {
        Problems problems = new Problems();
        CsvFile table = reader(POPULATIONS).readAll(source, problems);
        List<ReferencePopulation> populations = new ArrayList<>();
        for (List<Row> group : groupBy(table.rows(), POPULATION_ID)) {
            Row first = group.get(0);
            Optional<String> id = first.required(POPULATION_ID, CatalogueReader::identifier);
            Optional<Region> region = first.required(REGION, Region::of);
            Optional<Integer> year = first.required(YEAR, CatalogueReader::year);
            requireSame(group, List.of(PUBLISHER, REGION, YEAR, SCOPE, SECTORS));
            Optional<Sectors> sectors = first.optional(SECTORS, Sectors::parse);
            first.required(PUBLISHER, Function.identity());
            first.required(SCOPE, Function.identity());
            List<Item<PopulationCount>> counts = new ArrayList<>();
            for (Row row : group) {
                Optional<String> sizeClass = row.required(SIZE_CLASS, Function.identity());
                Optional<SizeBand> band = band(row, true);
                OptionalLong enterprises = row.optional(ENTERPRISES, Cells::count)
                        .map(OptionalLong::of).orElse(OptionalLong.empty());
                Optional<URI> uri = row.optional(SOURCE, Cells::uri);
                if (row.ok()) {
                    counts.add(new Item<>(row, new PopulationCount(sizeClass.orElseThrow(), band.orElseThrow(),
                            enterprises, uri, row.text(NOTES))));
                }
            }
            if (group.stream().allMatch(Row::ok)) {
                buildIncrementally(counts, SIZE_MIN, list -> new ReferencePopulation(id.orElseThrow(),
                        first.text(PUBLISHER), region.orElseThrow(), year.orElseThrow(), first.text(SCOPE), sectors, list))
                        .ifPresent(populations::add);
            }
        }
        problems.throwIfAny(CatalogueFormatException::new);
        return ReferencePopulations.of(populations);
    }

    /** Catalogue files are kept in memory whole, so they are capped; no real catalogue comes near. */
    private CsvReader reader(TableSpec spec) {
        return CsvReader.of(spec).withCharset(charset).withMaxBytes(MAX_BYTES);
    }

    private StudyCatalogue read(InputSource studiesSource, InputSource observationsSource, Optional<InputSource> schemesSource)
            throws IOException {
        Problems problems = new Problems();
        Map<String, SizeClassScheme> schemes = new HashMap<>();
        SizeClassScheme.builtIn().forEach(s -> schemes.put(s.id(), s));
        Set<String> brokenSchemes = new HashSet<>();
        boolean schemesComplete = true;
        if (schemesSource.isPresent()) {
            CsvFile schemeTable = reader(SCHEMES).readAll(schemesSource.get(), problems);
            readSchemes(schemeTable, schemes, brokenSchemes);
            schemesComplete = schemeTable.complete();
            brokenSchemes.addAll(schemeTable.droppedKeys());
        }
        // Studies and observations are streamed, row by row: only what they become is kept.
        Map<String, Study> studies = new LinkedHashMap<>();
        Map<String, Long> studyLines = new HashMap<>();
        Set<String> brokenStudies = new HashSet<>();
        boolean builtInOnly = schemesComplete;
        CsvFile studyTable = reader(STUDIES).read(studiesSource, problems, row -> {
            Optional<String> id = row.required(STUDY_ID, CatalogueReader::identifier);
            if (id.isPresent() && studyLines.containsKey(id.get())) {
                row.fail(STUDY_ID, id.get(), "study id repeats the study on line " + studyLines.get(id.get()));
                return;
            }
            id.ifPresent(i -> studyLines.put(i, row.line()));
            Optional<Study> study = study(row, id, schemes, builtInOnly ? brokenSchemes : null,
                    schemesSource.isPresent());
            if (study.isPresent()) {
                studies.put(study.get().id(), study.get());
            } else {
                id.ifPresent(brokenStudies::add);
            }
        });
        brokenStudies.addAll(studyTable.droppedKeys());
        Set<String> knownBroken = studyTable.complete() ? brokenStudies : null;
        List<Observation> observations = new ArrayList<>();
        reader(OBSERVATIONS).read(observationsSource, problems,
                row -> observation(row, studies, knownBroken).ifPresent(observations::add));
        problems.throwIfAny(CatalogueFormatException::new);
        return StudyCatalogue.of(studies.values(), observations);
    }

    private static void readSchemes(CsvFile table, Map<String, SizeClassScheme> schemes, Set<String> broken) {
        for (List<Row> group : groupBy(table.rows(), SCHEME_ID)) {
            Row first = group.get(0);
            Optional<String> id = first.required(SCHEME_ID, CatalogueReader::code);
            if (id.isPresent() && SizeClassScheme.builtIn(id.get()).isPresent()) {
                first.fail(SCHEME_ID, id.get(), "redefines a built-in scheme; choose another id");
            }
            requireSame(group, List.of(SCHEME_NAME));
            List<Item<SizeClass>> classes = new ArrayList<>();
            for (Row row : group) {
                Optional<String> code = row.required(CLASS_CODE, CatalogueReader::code);
                Optional<String> label = row.required(CLASS_LABEL, Function.identity());
                Optional<SizeBand> band = band(row, true);
                if (row.ok()) {
                    classes.add(new Item<>(row, SizeClass.of(code.orElseThrow(), label.orElseThrow(), band.orElseThrow())));
                }
            }
            Optional<SizeClassScheme> scheme = group.stream().allMatch(Row::ok)
                    ? buildIncrementally(classes, SIZE_MIN, list -> new SizeClassScheme(id.orElseThrow(),
                            first.text(SCHEME_NAME), list, first.text(NOTES)))
                    : Optional.empty();
            if (scheme.isPresent()) {
                schemes.put(scheme.get().id(), scheme.get());
            } else {
                id.ifPresent(broken::add);
            }
        }
    }

    /**
     * A study from its row. {@code brokenSchemes} are the schemes already reported as wrong; null when the
     * schemes file could not be read, so that no reference to a scheme can be checked.
     */
    private static Optional<Study> study(Row row, Optional<String> id, Map<String, SizeClassScheme> schemes,
            Set<String> brokenSchemes, boolean hasSchemesFile) {
        Optional<String> title = row.required(TITLE, Function.identity());
        Optional<String> publisher = row.required(PUBLISHER, Function.identity());
        Optional<YearRange> fieldwork = row.optional(FIELDWORK, YearRange::parse);
        Optional<Region> region = row.required(REGION, Region::of);
        Optional<String> description = row.required(POPULATION, Function.identity());
        Optional<String> schemeId = row.required(SIZE_SCHEME, CatalogueReader::code);
        Optional<SizeClassScheme> scheme = schemeId.map(schemes::get);
        if (schemeId.isPresent() && scheme.isEmpty() && brokenSchemes != null && !brokenSchemes.contains(schemeId.get())) {
            row.fail(SIZE_SCHEME, schemeId.get(), "unknown size-class scheme; expected a built-in one ("
                    + String.join(", ", SizeClassScheme.builtIn().stream().map(SizeClassScheme::id).toList())
                    + ") or one defined in " + (hasSchemesFile ? SCHEMES_FILE : "a " + SCHEMES_FILE + " file"));
        } else if (schemeId.isPresent() && scheme.isEmpty()) {
            row.dependsOnAFailure();
        }
        Optional<SizeBand> coverage = band(row, false);
        Optional<Sectors> sectors = row.optional(SECTORS, Sectors::parse);
        Optional<Integer> sampleSize = row.optional(SAMPLE_SIZE, text -> Cells.whole(text, 1));
        Optional<Set<RespondentFunction>> respondents = row.optional(RESPONDENTS, CatalogueReader::respondents);
        Optional<SurveyMode> mode = row.optional(MODE, text -> Coded.parse(SurveyMode.class, text));
        Optional<Sampling> sampling = row.optional(SAMPLING, text -> Coded.parse(Sampling.class, text));
        Optional<Weighting> weighting = row.optional(WEIGHTING, text -> Coded.parse(Weighting.class, text));
        Optional<List<URI>> sources = row.optional(SOURCES,
                text -> Cells.list(text).stream().map(Cells::uri).toList());
        if (!row.ok()) {
            return Optional.empty();
        }
        Study.Builder builder = Study.builder(id.orElseThrow())
                .title(title.orElseThrow())
                .publisher(publisher.orElseThrow())
                .region(region.orElseThrow())
                .population(new Population(description.orElseThrow(), scheme.orElseThrow(), coverage, sectors))
                .method(new StudyMethod(mode.orElse(SurveyMode.UNKNOWN), sampling.orElse(Sampling.UNKNOWN),
                        weighting.orElse(Weighting.UNKNOWN)))
                .sources(sources.orElse(List.of()))
                .notes(row.text(NOTES));
        fieldwork.ifPresent(builder::fieldwork);
        sampleSize.ifPresent(builder::sampleSize);
        respondents.ifPresent(builder::respondents);
        return build(row, RESPONDENTS, builder::build);
    }

    /**
     * An observation from its row. {@code brokenStudies} are the studies already reported as wrong; null when the
     * studies file could not be read, so that no reference to a study can be checked.
     */
    private static Optional<Observation> observation(Row row, Map<String, Study> studies, Set<String> brokenStudies) {
        Optional<String> studyId = row.required(STUDY_ID, Function.identity());
        Optional<Study> study = studyId.map(studies::get);
        if (studyId.isPresent() && study.isEmpty() && brokenStudies != null && !brokenStudies.contains(studyId.get())) {
            row.fail(STUDY_ID, studyId.get(), "no study with this id in " + STUDIES_FILE);
        }
        String wording = row.text(WORDING);
        Optional<Indicator> indicator = row.required(INDICATOR, code -> Indicator.of(code, wording));
        Optional<Region> region = row.optional(REGION, Region::of);
        Optional<Integer> year = row.optional(YEAR, CatalogueReader::year);
        Optional<SizeBand> band = band(row, false);
        Optional<Sectors> sectors = row.optional(SECTORS, Sectors::parse);
        Optional<Platform> platform = row.optional(PLATFORM, text -> Coded.parse(Platform.class, text));
        Optional<NetworkScope> scope = row.required(SCOPE, text -> Coded.parse(NetworkScope.class, text));
        Optional<Figure> figure = figure(row);
        Optional<Double> deff = row.optional(DEFF, Cells::positive);
        Optional<URI> source = row.optional(SOURCE, Cells::uri);
        if (!row.ok() || study.isEmpty()) {
            return Optional.empty();
        }
        return build(row, YEAR, () -> new Observation(study.get(), indicator.orElseThrow(),
                region.orElse(study.get().region()),
                year.map(OptionalInt::of).orElse(OptionalInt.empty()), row.text(SIZE_CLASS), band, sectors, platform,
                scope.orElseThrow(), figure.orElseThrow(), deff.map(OptionalDouble::of).orElse(OptionalDouble.empty()),
                row.text(DENOMINATOR), source, row.text(NOTES)));
    }

    /** The figure of an observation row, from x and n, or value with n, se or an interval. */
    private static Optional<Figure> figure(Row row) {
        Optional<Integer> x = row.optional(X, text -> Cells.whole(text, 0));
        Optional<Integer> n = row.optional(N, text -> Cells.whole(text, 1));
        Optional<Double> value = row.optional(VALUE, Cells::proportion);
        Optional<Double> se = row.optional(SE, Cells::proportion);
        Optional<Double> low = row.optional(CI_LOW, Cells::proportion);
        Optional<Double> high = row.optional(CI_HIGH, Cells::proportion);
        Optional<Double> level = row.optional(CI_LEVEL, CatalogueReader::level);
        if (!row.ok()) {
            return Optional.empty();
        }
        OptionalInt base = n.map(OptionalInt::of).orElse(OptionalInt.empty());
        if (row.has(X)) {
            for (String other : List.of(VALUE, SE, CI_LOW, CI_HIGH, CI_LEVEL)) {
                if (row.has(other)) {
                    row.fail(other, row.text(other), "give either x and n, or a value; not both");
                    return Optional.empty();
                }
            }
            if (n.isEmpty()) {
                row.fail(N, "", "required when x is given");
                return Optional.empty();
            }
            return build(row, X, () -> new Figure.Counts(x.orElseThrow(), n.orElseThrow()));
        }
        if (value.isEmpty()) {
            row.fail(VALUE, "", "no figure: give a value, or x and n");
            return Optional.empty();
        }
        double p = value.get();
        if (se.isPresent() && (low.isPresent() || high.isPresent())) {
            row.fail(SE, row.text(SE), "give either a standard error or an interval; not both");
            return Optional.empty();
        }
        if (se.isPresent()) {
            return build(row, SE, () -> new Figure.WithStandardError(p, se.get(), base));
        }
        if (low.isPresent() != high.isPresent()) {
            String missing = low.isPresent() ? CI_HIGH : CI_LOW;
            row.fail(missing, "", "an interval needs both ci_low and ci_high");
            return Optional.empty();
        }
        if (low.isPresent()) {
            return build(row, CI_LOW, () -> new Figure.WithInterval(p, low.get(), high.get(), level.orElse(0.95), base));
        }
        if (level.isPresent()) {
            row.fail(CI_LEVEL, row.text(CI_LEVEL), "a confidence level needs ci_low and ci_high");
            return Optional.empty();
        }
        return Optional.of(n.isPresent() ? new Figure.WithBase(p, n.get()) : new Figure.Unbased(p));
    }

    /** The band of size_min and size_max; a lone size_max is an error, and so is a missing size_min if required. */
    private static Optional<SizeBand> band(Row row, boolean required) {
        Optional<Integer> min = required ? row.required(SIZE_MIN, text -> Cells.whole(text, 0))
                : row.optional(SIZE_MIN, text -> Cells.whole(text, 0));
        Optional<Integer> max = row.optional(SIZE_MAX, text -> Cells.whole(text, 0));
        if (min.isEmpty()) {
            if (max.isPresent() && !required) {
                row.fail(SIZE_MIN, "", "required when size_max is given");
            }
            return Optional.empty();
        }
        if (max.isEmpty()) {
            return Optional.of(SizeBand.atLeast(min.get()));
        }
        return build(row, SIZE_MAX, () -> SizeBand.of(min.get(), max.get()));
    }

    /** Builds a value, reporting the model's own rejection at {@code column}. */
    private static <T> Optional<T> build(Row row, String column, Supplier<T> builder) {
        try {
            return Optional.of(builder.get());
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            row.fail(column, row.text(column), Character.toLowerCase(message.charAt(0)) + message.substring(1));
            return Optional.empty();
        }
    }

    /** A value read from a row. */
    private record Item<T>(Row row, T value) {
    }

    /**
     * Builds a whole from items added one at a time, so that the row whose item breaks the whole (an
     * overlapping size class, a repeated band) is the one reported.
     */
    private static <T, W> Optional<W> buildIncrementally(List<Item<T>> items, String column, Function<List<T>, W> whole) {
        List<T> values = new ArrayList<>();
        for (Item<T> item : items) {
            values.add(item.value());
            if (build(item.row(), column, () -> whole.apply(values)).isEmpty()) {
                return Optional.empty();
            }
        }
        return items.isEmpty() ? Optional.empty() : Optional.of(whole.apply(values));
    }

    /** Groups rows by a key column, in order of first appearance. */
    private static List<List<Row>> groupBy(List<Row> rows, String column) {
        Map<String, List<Row>> groups = new LinkedHashMap<>();
        for (Row row : rows) {
            groups.computeIfAbsent(row.text(column), k -> new ArrayList<>()).add(row);
        }
        return List.copyOf(groups.values());
    }

    /** Reports rows of a group that disagree with its first row on a shared column. */
    private static void requireSame(List<Row> group, List<String> columns) {
        Row first = group.get(0);
        for (Row row : group.subList(1, group.size())) {
            for (String column : columns) {
                if (!row.text(column).equals(first.text(column))) {
                    row.fail(column, row.text(column),
                            "differs from line " + first.line() + " ('" + first.text(column) + "') of the same group");
                }
            }
        }
    }

    private static String identifier(String text) {
        if (!ID.matcher(text).matches()) {
            throw new IllegalArgumentException("expected letters, digits, '_', '.' and '-', starting with a letter or digit");
        }
        return text;
    }

    private static String code(String text) {
        if (!text.matches("[a-z0-9][a-z0-9_]*")) {
            throw new IllegalArgumentException("expected lower-case letters, digits and '_'");
        }
        return text;
    }

    /** A confidence level: a proportion strictly between 0 and 1, so that the interval's fault is not blamed on it. */
    private static double level(String text) {
        double level = Cells.proportion(text);
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level is not in (0, 1); write it as 95 % or 0.95");
        }
        return level;
    }

    private static int year(String text) {
        return YearRange.requireYear(Cells.whole(text, 0));
    }

    private static Set<RespondentFunction> respondents(String text) {
        Set<RespondentFunction> functions = EnumSet.noneOf(RespondentFunction.class);
        for (String item : Cells.list(text)) {
            functions.add(Coded.parse(RespondentFunction.class, item));
        }
        if (functions.isEmpty()) {
            throw new IllegalArgumentException("expected respondent functions separated by |");
        }
        return functions;
    }
}
