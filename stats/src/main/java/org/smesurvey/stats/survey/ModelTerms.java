package org.smesurvey.stats.survey;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.smesurvey.stats.meta.Moderators;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The right-hand side of a survey regression given by named terms, as an R formula gives it: numeric terms, factors
 * with their levels in order and their reference level, and interactions of two terms — {@code ~ band + country +
 * employees + band:country} — read from the columns of {@link Respondents} or of a Tablesaw {@link Table}. The
 * model matrix is coded as R's {@code model.matrix} codes it with treatment contrasts, and its columns carry R's
 * names, so that they line up with survey's coefficients: {@code (Intercept)}, then the main effects in the order
 * declared (a factor's column per level but the reference, named after the factor and the level, {@code band10-49}),
 * then the interactions in the order declared (a column per pair of their terms' columns, the first term's varying
 * fastest, named {@code band10-49:countryES}; a numeric term's one column is its name, {@code band10-49:employees}).
 *
 * <p>A factor's levels are, as R's {@code factor(x, levels = ...)}, those given, in that order, the first the
 * reference; without levels, as {@code factor(x)}, the distinct values sorted — in Java's {@link String} order, R's
 * in the C locale — the first the reference; with a reference only, as {@code relevel(factor(x), ref)}, the sorted
 * levels with the reference moved first. Levels that no respondent in the model has are left out (R would give
 * their all-zero columns a coefficient of NA); a value outside the levels given is refused, where R would make it
 * missing. An interaction needs both its terms as main effects (the marginality under which R codes it with
 * contrasts, as {@code band * country} does).
 *
 * <p>A respondent missing a value of a term — a missing answer used as a 0/1 number, an empty cell of a Tablesaw
 * column — is left out of the model, as R's {@code na.action = na.omit}; survey then keeps the design's strata and
 * clusters for the variance ({@link SurveyEstimator#regression(Answers, ModelTerms, SurveyRegression.Family)}).
 * Such a respondent's row of {@link #matrix()} holds the reference levels and zeros.
 *
 * <p>Immutable.
 *
 * @since 0.1
 */
public final class ModelTerms {

    /** R's name of the intercept's column. */
    static final String INTERCEPT = "(Intercept)";

    private enum Kind { NUMERIC, FACTOR, INTERACTION }

    /** A term: its name, kind, a factor's levels (reference first), an interaction's two terms. */
    private record Term(String name, Kind kind, List<String> levels, String first, String second) {
    }

    private final List<Term> terms;
    private final Map<String, Term> byName;
    private final Map<String, List<String>> columns;
    /** Each interaction column's two parent columns. */
    private final Map<String, String[]> parents;
    private final Moderators matrix;
    private final boolean[] complete;
    private final int incomplete;
    private final Respondents source;

    private ModelTerms(List<Term> terms, Map<String, List<String>> columns, Map<String, String[]> parents,
            Moderators matrix, boolean[] complete, int incomplete, Respondents source) {
        this.terms = List.copyOf(terms);
        Map<String, Term> names = new HashMap<>();
        terms.forEach(t -> names.put(t.name(), t));
        this.byName = names;
        this.columns = columns;
        this.parents = parents;
        this.matrix = matrix;
        this.complete = complete;
        this.incomplete = incomplete;
        this.source = source;
    }

    /**
     * Starts a model of columns of {@link Respondents}: numeric terms from its numeric columns or its answer columns
     * (0 and 1, a missing answer leaving the respondent out), factors from its category columns.
     *
     * @param data the respondents
     * @return a builder
     * @throws NullPointerException if {@code data} is null
     */
    public static Builder builder(Respondents data) {
        Objects.requireNonNull(data, "data");
        return new Builder(data.size(), data, (name, factor) -> respondentColumn(data, name, factor));
    }

    /**
     * Starts a model of columns of a Tablesaw table, one row per respondent in the design's order: numeric terms from
     * its numeric or boolean columns, factors from its text columns; a missing cell leaves the respondent out.
     *
     * @param table the table
     * @return a builder
     * @throws NullPointerException if {@code table} is null
     */
    public static Builder builder(Table table) {
        Objects.requireNonNull(table, "table");
        return new Builder(table.rowCount(), null, (name, factor) -> tableColumn(table, name, factor));
    }

    /** A column's values: numbers or labels, and which are missing (null when none is). */
    private record Values(double[] numbers, String[] labels, boolean[] missing) {
    }

    private interface Source {
        Values column(String name, boolean factor);
    }

    private static Values respondentColumn(Respondents data, String name, boolean factor) {
        if (factor) {
            if (data.categoryColumns().contains(name)) {
                return new Values(null, data.categories(name), null);
            }
            throw new IllegalArgumentException("No category column " + name + " to make a factor of; the categories"
                    + " are " + data.categoryColumns());
        }
        if (data.numberColumns().contains(name)) {
            return new Values(data.numbers(name), null, null);
        }
        if (data.answerColumns().contains(name)) {
            Answers answers = data.answers(name);
            return new Values(answers.numbers(), null, answers.missing() == 0 ? null : not(answers.answered()));
        }
        throw new IllegalArgumentException("No numeric or answer column " + name + (data.categoryColumns()
                .contains(name) ? " (it is a category column: add it as a factor)" : "") + "; the numeric columns are "
                + data.numberColumns() + ", the answers " + data.answerColumns());
    }

    private static Values tableColumn(Table table, String name, boolean factor) {
        if (!table.columnNames().contains(name)) {
            throw new IllegalArgumentException("The table " + table.name() + " has no column " + name
                    + "; its columns are " + table.columnNames());
        }
        Column<?> column = table.column(name);
        int n = column.size();
        boolean[] missing = new boolean[n];
        boolean any = false;
        for (int i = 0; i < n; i++) {
            missing[i] = column.isMissing(i);
            any |= missing[i];
        }
        if (factor && column instanceof StringColumn text) {
            String[] labels = text.asObjectArray();
            for (int i = 0; i < n; i++) {
                labels[i] = missing[i] ? null : labels[i];
            }
            return new Values(null, labels, any ? missing : null);
        }
        if (!factor && column instanceof NumericColumn<?> numbers) {
            double[] values = numbers.asDoubleArray();
            for (int i = 0; i < n; i++) {
                values[i] = missing[i] ? 0 : values[i];
            }
            return new Values(values, null, any ? missing : null);
        }
        if (!factor && column instanceof BooleanColumn flags) {
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = !missing[i] && flags.get(i) ? 1 : 0;
            }
            return new Values(values, null, any ? missing : null);
        }
        throw new IllegalArgumentException("Column " + name + " of " + table.name() + " is " + column.type() + "; "
                + (factor ? "a factor takes a text column" : "a numeric term takes a numeric or boolean column"));
    }

    private static boolean[] not(boolean[] flags) {
        boolean[] not = new boolean[flags.length];
        for (int i = 0; i < flags.length; i++) {
            not[i] = !flags[i];
        }
        return not;
    }

    /**
     * The terms, main effects in the order declared, then interactions ({@code band:country}): R's
     * {@code attr(terms(formula), "term.labels")}.
     *
     * @return the term names
     */
    public List<String> terms() {
        return terms.stream().map(Term::name).toList();
    }

    /**
     * The model formula's right-hand side, R's way: {@code ~ band + country + band:country}.
     *
     * @return the formula
     */
    public String formula() {
        return "~ " + String.join(" + ", terms());
    }

    /**
     * The model matrix's columns, {@code (Intercept)} first.
     *
     * @return the column names
     */
    public List<String> columns() {
        return matrix.names();
    }

    /**
     * The columns of a term: a numeric term's one, a factor's one per level but the reference
     * ({@code band10-49}…), an interaction's one per pair ({@code band10-49:countryES}…).
     *
     * @param term the term's name
     * @return its columns
     * @throws IllegalArgumentException if the model has no such term
     */
    public List<String> columns(String term) {
        return columns.get(term(term).name());
    }

    /**
     * A factor's levels, its reference first: those that respondents in the model have, in the factor's order.
     *
     * @param factor the factor's name
     * @return the levels
     * @throws IllegalArgumentException if the model has no such term or it is not a factor
     */
    public List<String> levels(String factor) {
        Term term = term(factor);
        if (term.kind() != Kind.FACTOR) {
            throw new IllegalArgumentException("The term " + factor + " is not a factor; the factors are "
                    + terms.stream().filter(t -> t.kind() == Kind.FACTOR).map(Term::name).toList());
        }
        return term.levels();
    }

    /**
     * The model matrix, one row per respondent with {@code (Intercept)} first: what any fitter taking a
     * {@link Moderators} takes. A respondent left out for a missing value ({@link #isComplete(int)}) has the
     * reference levels and zeros in its row; a fitter of this package drops it.
     *
     * @return the model matrix
     */
    public Moderators matrix() {
        return matrix;
    }

    /**
     * The number of respondents, in the model or not.
     *
     * @return n
     */
    public int size() {
        return matrix.studies();
    }

    /**
     * The number of respondents left out for a missing value of a term.
     *
     * @return how many
     */
    public int incomplete() {
        return incomplete;
    }

    /**
     * Whether a respondent has a value for every term.
     *
     * @param i the respondent, from 0
     * @return true if it is in the model
     * @throws IndexOutOfBoundsException if there is no such respondent
     */
    public boolean isComplete(int i) {
        Objects.checkIndex(i, size());
        return complete == null || complete[i];
    }

    /** Which respondents have every value, or null when all do; not copied. */
    boolean[] completeOrNull() {
        return complete;
    }

    /** The respondents the terms were read from, or null for a table. */
    Respondents source() {
        return source;
    }

    /** Whether a name is a term's. */
    boolean hasTerm(String name) {
        return byName.containsKey(name);
    }

    /**
     * The term a name stands for, an interaction's terms in either order ({@code country:band} is
     * {@code band:country}, as regTermTest reads them), or null if none.
     */
    String termNamed(String name) {
        if (byName.containsKey(name)) {
            return name;
        }
        String[] parts = name.split(":", -1);
        if (parts.length == 2) {
            String reversed = parts[1] + ":" + parts[0];
            return byName.containsKey(reversed) ? reversed : null;
        }
        return null;
    }

    /** Whether a factor enters an interaction. */
    boolean inInteraction(String name) {
        return terms.stream().anyMatch(t -> t.kind() == Kind.INTERACTION && (t.first().equals(name)
                || t.second().equals(name)));
    }

    private Term term(String name) {
        Term term = byName.get(Objects.requireNonNull(name, "term"));
        if (term == null) {
            throw new IllegalArgumentException("The model has no term " + name + "; its terms are " + terms());
        }
        return term;
    }

    /**
     * The model matrix's row for named values of the main effects — a level for each factor, a number for each
     * numeric term — interactions following from them: what {@code predict(model, newdata)} builds from a data
     * frame.
     */
    double[] row(Map<String, ?> values) {
        Objects.requireNonNull(values, "values");
        for (String name : values.keySet()) {
            Term term = byName.get(Objects.requireNonNull(name, "term"));
            if (term == null) {
                throw new IllegalArgumentException("The model has no term " + name + "; give a value for each of "
                        + mainEffects());
            }
            if (term.kind() == Kind.INTERACTION) {
                throw new IllegalArgumentException("The term " + name + " is an interaction: give the values of "
                        + term.first() + " and " + term.second() + ", and it follows from them");
            }
        }
        Map<String, Double> column = new HashMap<>();
        column.put(INTERCEPT, 1.0);
        for (Term term : terms) {
            if (term.kind() == Kind.INTERACTION) {
                continue;
            }
            Object value = values.get(term.name());
            if (value == null) {
                throw new IllegalArgumentException("No value for the term " + term.name() + "; give a value for each"
                        + " of " + mainEffects());
            }
            if (term.kind() == Kind.NUMERIC) {
                if (!(value instanceof Number number) || !Double.isFinite(number.doubleValue())) {
                    throw new IllegalArgumentException("The term " + term.name() + " is numeric: its value must be a"
                            + " finite number, not " + describe(value));
                }
                column.put(term.name(), number.doubleValue());
            } else {
                if (!(value instanceof CharSequence text) || !term.levels().contains(text.toString())) {
                    throw new IllegalArgumentException("The factor " + term.name() + " has no level " + describe(value)
                            + "; its levels are " + term.levels());
                }
                for (String level : term.levels().subList(1, term.levels().size())) {
                    column.put(term.name() + level, level.equals(text.toString()) ? 1.0 : 0.0);
                }
            }
        }
        parents.forEach((name, pair) -> column.put(name, column.get(pair[0]) * column.get(pair[1])));
        return matrix.names().stream().mapToDouble(column::get).toArray();
    }

    private List<String> mainEffects() {
        return terms.stream().filter(t -> t.kind() != Kind.INTERACTION).map(Term::name).toList();
    }

    private static String describe(Object value) {
        return value instanceof CharSequence ? "'" + value + "'" : value.getClass().getSimpleName() + " " + value;
    }

    @Override
    public String toString() {
        return "ModelTerms[" + formula() + ", " + size() + " respondents, " + incomplete + " incomplete]";
    }

    /**
     * Collects the terms of a model. Not thread-safe.
     *
     * @since 0.1
     */
    public static final class Builder {
        private final int n;
        private final Respondents data;
        private final Source source;
        private final List<Term> terms = new ArrayList<>();
        private final Map<String, Values> values = new HashMap<>();
        /** A factor's declared levels, or its reference alone (then flagged), or nothing (sorted). */
        private final Map<String, List<String>> declared = new HashMap<>();
        private final Map<String, Boolean> referenceOnly = new HashMap<>();

        private Builder(int n, Respondents data, Source source) {
            this.n = n;
            this.data = data;
            this.source = source;
        }

        /**
         * Adds a numeric term: a numeric column, or an answer column as 0 and 1.
         *
         * @param column the column, whose name becomes the term's and its model-matrix column's
         * @return this builder
         * @throws IllegalArgumentException if there is no such numeric column, or the term is already in the model
         */
        public Builder numeric(String column) {
            return add(new Term(Objects.requireNonNull(column, "column"), Kind.NUMERIC, List.of(), null, null),
                    source.column(column, false));
        }

        /**
         * Adds a factor whose levels are its distinct values sorted, the first the reference: R's {@code factor(x)}.
         *
         * @param column the category column, whose name becomes the factor's
         * @return this builder
         * @throws IllegalArgumentException if there is no such category column, or the term is already in the model
         */
        public Builder factor(String column) {
            return add(new Term(Objects.requireNonNull(column, "column"), Kind.FACTOR, List.of(), null, null),
                    source.column(column, true));
        }

        /**
         * Adds a factor whose levels are sorted but for the reference, which comes first: R's
         * {@code relevel(factor(x), ref = reference)}.
         *
         * @param column the category column
         * @param reference the reference level
         * @return this builder
         * @throws IllegalArgumentException if there is no such category column or the term is already in the model
         *         (the reference is checked by {@link #build()})
         */
        public Builder factor(String column, String reference) {
            Objects.requireNonNull(reference, "reference");
            factor(column);
            declared.put(column, List.of(reference));
            referenceOnly.put(column, true);
            return this;
        }

        /**
         * Adds a factor whose levels come in the order given, the first the reference: R's
         * {@code factor(x, levels = levels)} — size bands from the smallest, say.
         *
         * @param column the category column
         * @param levels every value the column takes, each once, the reference first
         * @return this builder
         * @throws IllegalArgumentException if there is no such category column, the levels are empty or repeat one,
         *         or the term is already in the model (values outside the levels are refused by {@link #build()})
         */
        public Builder factor(String column, List<String> levels) {
            Objects.requireNonNull(levels, "levels");
            if (levels.isEmpty() || new TreeSet<>(levels).size() != levels.size()) {
                throw new IllegalArgumentException("The levels of " + column + " are empty or repeat one: " + levels);
            }
            factor(column);
            declared.put(column, List.copyOf(levels));
            return this;
        }

        /**
         * Adds the interaction of two terms already added — factor × factor, factor × numeric or numeric ×
         * numeric — named {@code first:second} as R names it.
         *
         * @param first the first term, whose columns vary fastest
         * @param second the second term
         * @return this builder
         * @throws IllegalArgumentException if either is not a main effect of the model, they are the same, or the
         *         interaction (either way round) is already in the model
         */
        public Builder interaction(String first, String second) {
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(second, "second");
            for (String name : List.of(first, second)) {
                if (terms.stream().noneMatch(t -> t.kind() != Kind.INTERACTION && t.name().equals(name))) {
                    throw new IllegalArgumentException("The interaction " + first + ":" + second + " needs " + name
                            + " as a main effect (add it first); the main effects are " + terms.stream()
                            .filter(t -> t.kind() != Kind.INTERACTION).map(Term::name).toList());
                }
            }
            if (first.equals(second)) {
                throw new IllegalArgumentException("A term cannot interact with itself: " + first);
            }
            if (terms.stream().anyMatch(t -> t.name().equals(second + ":" + first))) {
                throw new IllegalArgumentException("The interaction " + second + ":" + first + " is already in the"
                        + " model");
            }
            return add(new Term(first + ":" + second, Kind.INTERACTION, List.of(), first, second), null);
        }

        private Builder add(Term term, Values column) {
            if (terms.stream().anyMatch(t -> t.name().equals(term.name()))) {
                throw new IllegalArgumentException("The term " + term.name() + " is already in the model");
            }
            if (column != null) {
                int length = column.numbers() != null ? column.numbers().length : column.labels().length;
                SurveyDesign.requireLength(length, n, term.name());
                values.put(term.name(), column);
            }
            terms.add(term);
            return this;
        }

        /**
         * Builds the model matrix.
         *
         * @return the terms with their model matrix
         * @throws IllegalArgumentException if there is no term, every respondent misses a value, a factor's value
         *         is outside its levels, or its reference level is not among its values
         */
        public ModelTerms build() {
            if (terms.isEmpty()) {
                throw new IllegalArgumentException("A model needs at least one term");
            }
            boolean[] complete = new boolean[n];
            Arrays.fill(complete, true);
            for (Values column : values.values()) {
                if (column.missing() != null) {
                    for (int i = 0; i < n; i++) {
                        complete[i] &= !column.missing()[i];
                    }
                }
            }
            int incomplete = 0;
            for (boolean c : complete) {
                incomplete += c ? 0 : 1;
            }
            if (incomplete == n) {
                throw new IllegalArgumentException("Every respondent misses a value of a term of the model");
            }
            // Main effects first, as R orders the terms of a formula by their degree; then the interactions.
            List<Term> ordered = new ArrayList<>();
            terms.stream().filter(t -> t.kind() != Kind.INTERACTION).forEach(t -> ordered.add(resolve(t, complete)));
            terms.stream().filter(t -> t.kind() == Kind.INTERACTION).forEach(ordered::add);
            Moderators main = mainEffects(ordered, complete).build();
            Map<String, List<String>> columns = new LinkedHashMap<>();
            for (Term t : ordered) {
                if (t.kind() == Kind.NUMERIC) {
                    columns.put(t.name(), List.of(t.name()));
                } else if (t.kind() == Kind.FACTOR) {
                    columns.put(t.name(), t.levels().subList(1, t.levels().size()).stream().map(l -> t.name() + l)
                            .toList());
                }
            }
            Map<String, String[]> parents = new LinkedHashMap<>();
            Moderators.Builder all = mainEffects(ordered, complete);
            for (Term t : ordered) {
                if (t.kind() != Kind.INTERACTION) {
                    continue;
                }
                List<String> names = new ArrayList<>();
                for (String right : columns.get(t.second())) {
                    int r = main.names().indexOf(right);
                    for (String left : columns.get(t.first())) {
                        int l = main.names().indexOf(left);
                        String name = left + ":" + right;
                        double[] product = new double[n];
                        for (int i = 0; i < n; i++) {
                            product[i] = main.value(i, l) * main.value(i, r);
                        }
                        all.numeric(name, product);
                        names.add(name);
                        parents.put(name, new String[] {left, right});
                    }
                }
                columns.put(t.name(), List.copyOf(names));
            }
            boolean any = incomplete > 0;
            return new ModelTerms(ordered, columns, parents, parents.isEmpty() ? main : all.build(),
                    any ? complete : null, incomplete, data);
        }

        /** The model matrix of the main effects, the incomplete respondents' values at the reference and 0. */
        private Moderators.Builder mainEffects(List<Term> ordered, boolean[] complete) {
            Moderators.Builder b = Moderators.builder(n).interceptNamed(INTERCEPT);
            for (Term t : ordered) {
                Values column = values.get(t.name());
                if (t.kind() == Kind.NUMERIC) {
                    double[] numbers = column.numbers().clone();
                    for (int i = 0; i < n; i++) {
                        numbers[i] = complete[i] ? numbers[i] : 0;
                    }
                    b.numeric(t.name(), numbers);
                } else if (t.kind() == Kind.FACTOR) {
                    String[] labels = column.labels().clone();
                    for (int i = 0; i < n; i++) {
                        labels[i] = complete[i] ? labels[i] : t.levels().get(0);
                    }
                    b.factor(t.name(), labels, t.levels());
                }
            }
            return b;
        }

        /** A factor's levels among the complete respondents, in its order, the reference first. */
        private Term resolve(Term t, boolean[] complete) {
            if (t.kind() != Kind.FACTOR) {
                return t;
            }
            String[] labels = values.get(t.name()).labels();
            TreeSet<String> present = new TreeSet<>();
            for (int i = 0; i < n; i++) {
                if (complete[i]) {
                    present.add(labels[i]);
                }
            }
            List<String> given = declared.get(t.name());
            List<String> levels;
            if (given == null || referenceOnly.containsKey(t.name())) {
                levels = new ArrayList<>(present);
                if (given != null) {
                    String reference = given.get(0);
                    if (!present.contains(reference)) {
                        throw new IllegalArgumentException("The reference level " + reference + " of " + t.name()
                                + " is not among its values " + present);
                    }
                    levels.remove(reference);
                    levels.add(0, reference);
                }
            } else {
                TreeSet<String> outside = new TreeSet<>(present);
                outside.removeAll(given);
                if (!outside.isEmpty()) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT, "The values %s of %s are not among"
                            + " its levels %s", outside, t.name(), given));
                }
                if (!present.contains(given.get(0))) {
                    throw new IllegalArgumentException("The reference level " + given.get(0) + " of " + t.name()
                            + " is not among its values " + present);
                }
                levels = given.stream().filter(present::contains).toList();
            }
            return new Term(t.name(), Kind.FACTOR, List.copyOf(levels), null, null);
        }
    }
}
