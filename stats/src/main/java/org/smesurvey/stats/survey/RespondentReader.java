package org.smesurvey.stats.survey;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.smesurvey.core.io.CsvReader;
import org.smesurvey.core.io.InputFormatException;
import org.smesurvey.core.io.InputSource;
import org.smesurvey.core.io.Numbers;
import org.smesurvey.core.io.Problems;
import org.smesurvey.core.io.Row;
import org.smesurvey.core.io.TableSpec;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Reads respondent-level survey data — one row per respondent — from a CSV file or a Tablesaw table, through the
 * library's one input layer ({@link org.smesurvey.core.io}): every problem (missing column, ragged row, a weight
 * that is not a number, an answer that is not yes or no) is reported with its file, line, column and value, all at
 * once, and nothing is half-read. Other columns of the file are ignored.
 *
 * <pre>{@code
 * Respondents data = RespondentReader.builder().weight("weight").strata("stratum").clusters("psu")
 *         .answers("external").categories("country", "band").build().read(Path.of("respondents.csv"));
 * SurveyEstimator.of(data.design()).proportionBy(data.answers("external"), data.categories("country"));
 * }</pre>
 *
 * <p>Answers are read as yes for {@code 1}, {@code yes}, {@code true}, {@code oui} and as no for {@code 0},
 * {@code no}, {@code false}, {@code non}, in any case; an empty cell or {@code NA} is a missing answer, kept as
 * such ({@link Answers}) and left out of estimates as R's survey leaves it out with {@code na.rm = TRUE}. A weight
 * is a decimal number, 0 or more: a respondent with weight 0 stays in the design, as in survey; a negative weight
 * (left by GREG calibration) is a problem unless {@linkplain Builder#allowNegativeWeights() allowed}. The file is
 * UTF-8 unless {@linkplain Builder#charset(Charset) told otherwise}, comma- or semicolon-separated, with a header
 * row.
 *
 * @since 0.1
 */
public final class RespondentReader {

    private static final String WHAT = "the respondent data";

    private final String weight;
    private final Optional<String> strata;
    private final Optional<String> clusters;
    private final Optional<String> fpc;
    private final List<String> answers;
    private final List<String> categories;
    private final List<String> numbers;
    private final LonelyPsu lonelyPsu;
    private final boolean negativeWeights;
    private final Charset charset;

    private RespondentReader(Builder b) {
        this.weight = b.weight;
        this.strata = Optional.ofNullable(b.strata);
        this.clusters = Optional.ofNullable(b.clusters);
        this.fpc = Optional.ofNullable(b.fpc);
        this.answers = List.copyOf(b.answers);
        this.categories = List.copyOf(b.categories);
        this.numbers = List.copyOf(b.numbers);
        this.lonelyPsu = b.lonelyPsu;
        this.negativeWeights = b.negativeWeights;
        this.charset = b.charset;
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
     * @throws InputFormatException listing the problems, if the file is not as configured
     * @throws IOException if the file cannot be read
     */
    public Respondents read(Path file) throws IOException {
        return read(InputSource.of(Objects.requireNonNull(file, "file")));
    }

    /**
     * Reads a CSV source.
     *
     * @param source the source
     * @return the respondents
     * @throws InputFormatException listing the problems, if the file is not as configured
     * @throws IOException if the source cannot be read
     */
    public Respondents read(InputSource source) throws IOException {
        Objects.requireNonNull(source, "source");
        Problems problems = new Problems();
        Columns columns = new Columns(problems);
        CsvReader.of(TableSpec.open(wanted())).withCharset(charset).read(source, problems, row -> columns.row(row.line(),
                new Cells() {
                    @Override
                    public String text(String column) {
                        return row.text(column);
                    }

                    @Override
                    public void fail(String column, String value, String message) {
                        row.fail(column, value, message);
                    }
                }));
        return columns.respondents(source.name());
    }

    /**
     * Reads a Tablesaw table; its rows are counted as lines from 2, as if it had been a CSV file with a header.
     *
     * @param table the table
     * @return the respondents
     * @throws InputFormatException listing the problems, if the table is not as configured
     */
    public Respondents read(Table table) throws InputFormatException {
        Objects.requireNonNull(table, "table");
        String name = table.name() == null ? "table" : table.name();
        Problems problems = new Problems();
        List<String> names = table.columnNames();
        for (String column : wanted()) {
            if (!names.contains(column)) {
                problems.add(name, 1, 0, "", "", "missing required column '" + column + "'; the columns are " + names);
            }
        }
        problems.throwIfAny(WHAT);
        Columns columns = new Columns(problems);
        List<Column<?>> all = table.columns();
        for (int r = 0; r < table.rowCount(); r++) {
            int row = r;
            long line = r + 2L;
            columns.row(line, new Cells() {
                @Override
                public String text(String column) {
                    Column<?> c = all.get(table.columnIndex(column));
                    return c.isMissing(row) ? "" : c.getString(row).strip();
                }

                @Override
                public void fail(String column, String value, String message) {
                    problems.add(name, line, table.columnIndex(column) + 1, column, value, message);
                }
            });
        }
        return columns.respondents(name);
    }

    private List<String> wanted() {
        List<String> wanted = new ArrayList<>(List.of(weight));
        strata.ifPresent(wanted::add);
        clusters.ifPresent(wanted::add);
        fpc.ifPresent(wanted::add);
        wanted.addAll(answers);
        wanted.addAll(categories);
        wanted.addAll(numbers);
        return wanted;
    }

    /** One row's cells, by column name, from a CSV row or a table. */
    private interface Cells {
        String text(String column);

        void fail(String column, String value, String message);
    }

    /** The columns being read, grown as rows come. */
    private final class Columns {
        private final Problems problems;
        private double[] weights = new double[1024];
        private double[] fpcValues = new double[1024];
        private final Map<String, List<String>> text = new LinkedHashMap<>();
        /**
         * Each label once: a file of millions of rows repeats a few hundred strata, units and categories, and the
         * rows keep a reference to the one copy instead of a string each.
         */
        private final Map<String, String> labels = new HashMap<>();
        private final Map<String, boolean[]> yes = new LinkedHashMap<>();
        private final Map<String, boolean[]> answered = new LinkedHashMap<>();
        private final Map<String, double[]> values = new LinkedHashMap<>();
        private int n;

        Columns(Problems problems) {
            this.problems = problems;
            strata.ifPresent(s -> text.put(s, new ArrayList<>()));
            clusters.ifPresent(c -> text.put(c, new ArrayList<>()));
            categories.forEach(c -> text.put(c, new ArrayList<>()));
            answers.forEach(a -> {
                yes.put(a, new boolean[1024]);
                answered.put(a, new boolean[1024]);
            });
            numbers.forEach(c -> values.put(c, new double[1024]));
        }

        void row(long line, Cells cells) {
            if (n == weights.length) {
                int size = 2 * n;
                weights = Arrays.copyOf(weights, size);
                fpcValues = Arrays.copyOf(fpcValues, size);
                yes.replaceAll((k, v) -> Arrays.copyOf(v, size));
                answered.replaceAll((k, v) -> Arrays.copyOf(v, size));
                values.replaceAll((k, v) -> Arrays.copyOf(v, size));
            }
            weights[n] = weight(cells);
            fpc.ifPresent(f -> fpcValues[n] = fpc(cells, f));
            for (Map.Entry<String, List<String>> e : text.entrySet()) {
                String value = cells.text(e.getKey());
                if (value.isEmpty()) {
                    cells.fail(e.getKey(), "", "is empty; expected a label");
                }
                e.getValue().add(labels.computeIfAbsent(value, v -> v));
            }
            for (String column : answers) {
                String value = cells.text(column).toLowerCase(Locale.ROOT);
                switch (value) {
                    case "1", "yes", "true", "oui" -> {
                        yes.get(column)[n] = true;
                        answered.get(column)[n] = true;
                    }
                    case "0", "no", "false", "non" -> answered.get(column)[n] = true;
                    case "", "na" -> answered.get(column)[n] = false;
                    default -> cells.fail(column, value,
                            "is not an answer: expected 1 or 0 (yes/no, true/false, oui/non), or empty or NA if missing");
                }
            }
            for (String column : numbers) {
                String value = cells.text(column);
                try {
                    values.get(column)[n] = Numbers.finite(value);
                } catch (IllegalArgumentException e) {
                    cells.fail(column, value, value.isEmpty() ? "is empty; expected a number (numeric columns have no"
                            + " missing values: leave the respondent out, or read the column as categories)"
                            : "is not a number: " + e.getMessage());
                }
            }
            n++;
        }

        private double weight(Cells cells) {
            String text = cells.text(weight);
            try {
                double value = Numbers.finite(text);
                if (value >= 0 || negativeWeights) {
                    return value;
                }
                cells.fail(weight, text, "is a negative weight; a file calibrated by GREG may have some: read it with"
                        + " allowNegativeWeights()");
            } catch (IllegalArgumentException e) {
                cells.fail(weight, text, "is not a weight: " + e.getMessage());
            }
            return Double.NaN;
        }

        private double fpc(Cells cells, String column) {
            String text = cells.text(column);
            try {
                double value = Numbers.finite(text);
                if (value > 0) {
                    return value;
                }
                cells.fail(column, text, "is not a finite population correction: expected a positive number");
            } catch (IllegalArgumentException e) {
                cells.fail(column, text, "is not a finite population correction: " + e.getMessage());
            }
            return Double.NaN;
        }

        Respondents respondents(String file) throws InputFormatException {
            if (n == 0 && problems.isEmpty()) {
                problems.add(file, 0, 0, "", "", "has no respondent");
            }
            problems.throwIfAny(WHAT);
            SurveyDesign.Builder design = SurveyDesign.builder(Arrays.copyOf(weights, n)).lonelyPsu(lonelyPsu);
            if (negativeWeights) {
                design.allowNegativeWeights();
            }
            strata.ifPresent(s -> design.strata(text.get(s).toArray(String[]::new)));
            clusters.ifPresent(c -> design.clusters(text.get(c).toArray(String[]::new)));
            fpc.ifPresent(f -> design.fpc(Arrays.copyOf(fpcValues, n)));
            Map<String, Answers> answerColumns = new LinkedHashMap<>();
            for (String column : answers) {
                answerColumns.put(column, Answers.of(Arrays.copyOf(yes.get(column), n),
                        Arrays.copyOf(answered.get(column), n)));
            }
            Map<String, String[]> categoryColumns = new LinkedHashMap<>();
            categories.forEach(c -> categoryColumns.put(c, text.get(c).toArray(String[]::new)));
            Map<String, double[]> numberColumns = new LinkedHashMap<>();
            numbers.forEach(c -> numberColumns.put(c, Arrays.copyOf(values.get(c), n)));
            try {
                return new Respondents(design.build(), answerColumns, categoryColumns, numberColumns);
            } catch (IllegalArgumentException e) {
                problems.add(file, 0, 0, "", "", e.getMessage());
                problems.throwIfAny(WHAT);
                throw e;
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
        private final List<String> numbers = new ArrayList<>();
        private LonelyPsu lonelyPsu = LonelyPsu.FAIL;
        private boolean negativeWeights;
        private Charset charset = StandardCharsets.UTF_8;

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
            for (String column : Objects.requireNonNull(columns, "columns")) {
                answers.add(Objects.requireNonNull(column, "column"));
            }
            return this;
        }

        /**
         * Names categorical columns: domains (country, size band), calibration margins, cross-tabulated answers.
         *
         * @param columns the columns
         * @return this builder
         */
        public Builder categories(String... columns) {
            for (String column : Objects.requireNonNull(columns, "columns")) {
                categories.add(Objects.requireNonNull(column, "column"));
            }
            return this;
        }

        /**
         * Names numeric columns: a regression's covariates (employees, turnover), calibration variables, replicate
         * weights as delivered ({@link ReplicateDesign#fromWeights}). Each cell must be a finite decimal number;
         * these columns have no missing values.
         *
         * @param columns the columns
         * @return this builder
         */
        public Builder numbers(String... columns) {
            for (String column : Objects.requireNonNull(columns, "columns")) {
                numbers.add(Objects.requireNonNull(column, "column"));
            }
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
         * Allows negative weights, as a file calibrated by GREG may have; a problem unless allowed.
         *
         * @return this builder
         */
        public Builder allowNegativeWeights() {
            this.negativeWeights = true;
            return this;
        }

        /**
         * Sets the character set of CSV files ({@code UTF-8} unless set), such as {@code windows-1252} for a file
         * saved by Excel on Windows.
         *
         * @param charset the character set
         * @return this builder
         */
        public Builder charset(Charset charset) {
            this.charset = Objects.requireNonNull(charset, "charset");
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
