package org.smesurvey.stats.survey;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.smesurvey.core.csv.CatalogueFormatException;
import org.smesurvey.core.io.Problem;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Reads respondent-level survey data — one row per respondent — from a CSV file or a Tablesaw table, with the
 * catalogue's conventions: every problem (missing column, ragged row, weight that is not a positive number,
 * answer that is not 0/1) is reported with its file, line, column and value, all at once, and nothing is
 * half-read.
 *
 * <pre>{@code
 * Respondents data = RespondentReader.builder().weight("weight").strata("stratum").clusters("psu")
 *         .answers("external").categories("country", "band").build().read(Path.of("respondents.csv"));
 * SurveyEstimator.of(data.design()).proportionBy(data.answers("external"), data.categories("country"));
 * }</pre>
 *
 * <p>Answers are read as yes for {@code 1}, {@code yes}, {@code true}, {@code oui} and as no for {@code 0},
 * {@code no}, {@code false}, {@code non}, in any case. The file is UTF-8, comma-separated, with a header row.
 *
 * @since 0.1
 */
public final class RespondentReader {

    private final String weight;
    private final Optional<String> strata;
    private final Optional<String> clusters;
    private final Optional<String> fpc;
    private final List<String> answers;
    private final List<String> categories;
    private final LonelyPsu lonelyPsu;

    private RespondentReader(Builder b) {
        this.weight = b.weight;
        this.strata = Optional.ofNullable(b.strata);
        this.clusters = Optional.ofNullable(b.clusters);
        this.fpc = Optional.ofNullable(b.fpc);
        this.answers = List.copyOf(b.answers);
        this.categories = List.copyOf(b.categories);
        this.lonelyPsu = b.lonelyPsu;
    }

    /**
     * A reader to configure.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads a CSV file.
     *
     * @param file the file
     * @return the respondents
     * @throws CatalogueFormatException listing every problem, if the file is not as configured
     * @throws IOException if the file cannot be read
     */
    public Respondents read(Path file) throws IOException {
        String name = String.valueOf(file.getFileName());
        Columns columns = new Columns(name);
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (Reader reader = new java.io.InputStreamReader(Files.newInputStream(file), decoder);
                CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                        .parse(reader)) {
            Map<String, Integer> header = parser.getHeaderMap();
            if (!columns.header(header.keySet().stream().toList())) {
                throw new CatalogueFormatException(columns.problems);
            }
            for (CSVRecord record : parser) {
                long line = parser.getCurrentLineNumber();
                if (record.size() != header.size()) {
                    columns.problem(line, 0, "", "", String.format(Locale.ROOT, "has %d cells, the header %d",
                            record.size(), header.size()));
                    continue;
                }
                columns.row(line, record::get);
            }
        } catch (CharacterCodingException e) {
            throw new CatalogueFormatException(List.of(new Problem(name, 0, 0, "", "", "is not UTF-8 text")));
        } catch (UncheckedIOException e) {
            // commons-csv reports a broken quote this way
            throw new CatalogueFormatException(List.of(new Problem(name, 0, 0, "", "", "cannot be split into"
                    + " cells: " + e.getCause().getMessage())));
        }
        return columns.respondents();
    }

    /**
     * Reads a Tablesaw table; its rows are counted as lines from 2, as if it had been a CSV file with a header.
     *
     * @param table the table
     * @return the respondents
     * @throws CatalogueFormatException listing every problem, if the table is not as configured
     */
    public Respondents read(Table table) throws CatalogueFormatException {
        Columns columns = new Columns(table.name() == null ? "table" : table.name());
        if (!columns.header(table.columnNames())) {
            throw new CatalogueFormatException(columns.problems);
        }
        List<Column<?>> all = table.columns();
        for (int r = 0; r < table.rowCount(); r++) {
            int row = r;
            columns.row(r + 2, name -> {
                Column<?> column = all.get(table.columnIndex(name));
                return column.isMissing(row) ? "" : column.getString(row);
            });
        }
        return columns.respondents();
    }

    /** The columns being read, and the problems met. */
    private final class Columns {
        private final String file;
        private final List<Problem> problems = new ArrayList<>();
        private final Map<String, Integer> index = new LinkedHashMap<>();
        private double[] weights = new double[1024];
        private final Map<String, List<String>> text = new LinkedHashMap<>();
        private double[] fpcValues = new double[1024];
        private final Map<String, boolean[]> yes = new LinkedHashMap<>();
        private int n;

        Columns(String file) {
            this.file = file;
        }

        void problem(long line, int column, String columnName, String value, String message) {
            if (problems.size() < 1000) {
                problems.add(new Problem(file, line, column, columnName, value, message));
            }
        }

        boolean header(List<String> names) {
            for (int c = 0; c < names.size(); c++) {
                index.put(names.get(c), c + 1);
            }
            List<String> wanted = new ArrayList<>(List.of(weight));
            strata.ifPresent(wanted::add);
            clusters.ifPresent(wanted::add);
            fpc.ifPresent(wanted::add);
            wanted.addAll(answers);
            wanted.addAll(categories);
            for (String column : wanted) {
                if (!index.containsKey(column)) {
                    problem(1, 0, "", "", "has no column " + column + "; the header is " + names);
                }
            }
            strata.ifPresent(s -> text.put(s, new ArrayList<>()));
            clusters.ifPresent(c -> text.put(c, new ArrayList<>()));
            categories.forEach(c -> text.put(c, new ArrayList<>()));
            answers.forEach(a -> yes.put(a, new boolean[1024]));
            return problems.isEmpty();
        }

        void row(long line, java.util.function.Function<String, String> cell) {
            if (n == weights.length) {
                weights = Arrays.copyOf(weights, 2 * n);
                fpcValues = Arrays.copyOf(fpcValues, 2 * n);
                yes.replaceAll((k, v) -> Arrays.copyOf(v, 2 * n));
            }
            weights[n] = number(line, weight, cell.apply(weight), true);
            fpc.ifPresent(f -> fpcValues[n] = number(line, f, cell.apply(f), false));
            for (Map.Entry<String, List<String>> e : text.entrySet()) {
                String value = cell.apply(e.getKey()).trim();
                if (value.isEmpty()) {
                    problem(line, index.get(e.getKey()), e.getKey(), "", "is empty; expected a label");
                }
                e.getValue().add(value);
            }
            for (Map.Entry<String, boolean[]> e : yes.entrySet()) {
                String value = cell.apply(e.getKey()).trim().toLowerCase(Locale.ROOT);
                switch (value) {
                    case "1", "yes", "true", "oui" -> e.getValue()[n] = true;
                    case "0", "no", "false", "non" -> e.getValue()[n] = false;
                    default -> problem(line, index.get(e.getKey()), e.getKey(), value,
                            "is not an answer: expected 1 or 0 (yes/no, true/false, oui/non)");
                }
            }
            n++;
        }

        private double number(long line, String column, String text, boolean weight) {
            try {
                double value = Double.parseDouble(text.trim());
                if (value > 0 && value < Double.POSITIVE_INFINITY) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            problem(line, index.get(column), column, text, weight ? "is not a weight: expected a positive number"
                    : "is not a finite population correction: expected a positive number");
            return Double.NaN;
        }

        Respondents respondents() throws CatalogueFormatException {
            if (n == 0) {
                problem(0, 0, "", "", "has no respondent");
            }
            if (!problems.isEmpty()) {
                throw new CatalogueFormatException(problems);
            }
            SurveyDesign.Builder design = SurveyDesign.builder(Arrays.copyOf(weights, n)).lonelyPsu(lonelyPsu);
            strata.ifPresent(s -> design.strata(text.get(s).toArray(String[]::new)));
            clusters.ifPresent(c -> design.clusters(text.get(c).toArray(String[]::new)));
            fpc.ifPresent(f -> design.fpc(Arrays.copyOf(fpcValues, n)));
            Map<String, boolean[]> answerColumns = new LinkedHashMap<>();
            yes.forEach((k, v) -> answerColumns.put(k, Arrays.copyOf(v, n)));
            Map<String, String[]> categoryColumns = new LinkedHashMap<>();
            categories.forEach(c -> categoryColumns.put(c, text.get(c).toArray(String[]::new)));
            try {
                return new Respondents(design.build(), answerColumns, categoryColumns);
            } catch (IllegalArgumentException e) {
                throw new CatalogueFormatException(List.of(new Problem(file, 0, 0, "", "", e.getMessage())));
            }
        }
    }

    /**
     * Configures a {@link RespondentReader}.
     *
     * @since 0.1
     */
    public static final class Builder {
        private String weight;
        private String strata;
        private String clusters;
        private String fpc;
        private final List<String> answers = new ArrayList<>();
        private final List<String> categories = new ArrayList<>();
        private LonelyPsu lonelyPsu = LonelyPsu.FAIL;

        private Builder() {
        }

        /**
         * Names the weight column (required).
         *
         * @param column the column
         * @return this builder
         */
        public Builder weight(String column) {
            this.weight = Objects.requireNonNull(column, "column");
            return this;
        }

        /**
         * Names the stratum column.
         *
         * @param column the column
         * @return this builder
         */
        public Builder strata(String column) {
            this.strata = Objects.requireNonNull(column, "column");
            return this;
        }

        /**
         * Names the primary sampling unit column.
         *
         * @param column the column
         * @return this builder
         */
        public Builder clusters(String column) {
            this.clusters = Objects.requireNonNull(column, "column");
            return this;
        }

        /**
         * Names the finite population correction column (see {@link SurveyDesign.Builder#fpc}).
         *
         * @param column the column
         * @return this builder
         */
        public Builder fpc(String column) {
            this.fpc = Objects.requireNonNull(column, "column");
            return this;
        }

        /**
         * Names yes/no answer columns.
         *
         * @param columns the columns
         * @return this builder
         */
        public Builder answers(String... columns) {
            answers.addAll(Arrays.asList(columns));
            return this;
        }

        /**
         * Names categorical columns: domains (country, size band), calibration margins, cross-tabulated answers.
         *
         * @param columns the columns
         * @return this builder
         */
        public Builder categories(String... columns) {
            categories.addAll(Arrays.asList(columns));
            return this;
        }

        /**
         * Sets the rule for strata with a single unit.
         *
         * @param rule the rule
         * @return this builder
         */
        public Builder lonelyPsu(LonelyPsu rule) {
            this.lonelyPsu = Objects.requireNonNull(rule, "rule");
            return this;
        }

        /**
         * Builds the reader.
         *
         * @return the reader
         * @throws NullPointerException if no weight column is named
         */
        public RespondentReader build() {
            Objects.requireNonNull(weight, "weight column");
            return new RespondentReader(this);
        }
    }
}
