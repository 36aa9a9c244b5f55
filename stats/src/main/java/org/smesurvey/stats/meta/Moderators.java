package org.smesurvey.stats.meta;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import org.smesurvey.core.Observation;
import org.smesurvey.core.SizeBand;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The design matrix of a meta-regression: an intercept, numeric moderators (year, size-band midpoint) and
 * factors (network scope, respondent function), coded as R codes them: a factor's levels sorted, the first the
 * reference, one 0/1 column per other level named after the factor and the level ({@code scopeinternal}).
 *
 * @since 0.1
 */
public final class Moderators {

    private final List<String> names;
    private final double[][] rows;
    private final boolean intercept;
    /** Each factor's levels, the reference first; level j > 0 is the column named factor + level. */
    private final Map<String, List<String>> factors;

    private Moderators(List<String> names, double[][] rows, boolean intercept, Map<String, List<String>> factors) {
        this.names = List.copyOf(names);
        this.rows = rows;
        this.intercept = intercept;
        this.factors = Map.copyOf(factors);
    }

    /**
     * A factor's levels, its reference first: level j > 0 is coded by the column {@code factor + level}.
     *
     * @param factor the factor's name
     * @return the levels
     * @throws IllegalArgumentException if the design has no such factor
     */
    public List<String> levels(String factor) {
        List<String> levels = factors.get(Objects.requireNonNull(factor, "factor"));
        if (levels == null) {
            throw new IllegalArgumentException("The design has no factor " + factor + "; its factors are "
                    + new TreeSet<>(factors.keySet()));
        }
        return levels;
    }

    /**
     * Starts a design for {@code k} studies, with an intercept.
     *
     * @param k the number of studies
     * @return a builder
     * @throws IllegalArgumentException if {@code k} is not positive
     */
    public static Builder builder(int k) {
        if (k <= 0) {
            throw new IllegalArgumentException("Number of studies is not positive: " + k);
        }
        return new Builder(k);
    }

    /**
     * The column names, {@code intrcpt} first when there is an intercept.
     *
     * @return the names
     */
    public List<String> names() {
        return names;
    }

    /**
     * Whether the design has an intercept.
     *
     * @return {@code true} if it has one
     */
    public boolean hasIntercept() {
        return intercept;
    }

    /**
     * The number of studies.
     *
     * @return k
     */
    public int studies() {
        return rows.length;
    }

    /**
     * The number of columns.
     *
     * @return p
     */
    public int columns() {
        return names.size();
    }

    /**
     * One value.
     *
     * @param study the study, from 0
     * @param column the column, from 0
     * @return the value
     */
    public double value(int study, int column) {
        return rows[study][column];
    }

    /**
     * One study's row of the design.
     *
     * @param study the study, from 0
     * @return a copy of its row, intercept first when there is one
     * @throws IndexOutOfBoundsException if there is no such study
     */
    public double[] rowArrayOf(int study) {
        return rows[java.util.Objects.checkIndex(study, rows.length)].clone();
    }

    /** The rows, for the model fitting of this package; not copied. */

    double[][] rowArray() {
        return rows;
    }

    /** The rows at these positions. */
    Moderators subset(int[] positions) {
        double[][] subset = new double[positions.length][];
        for (int j = 0; j < positions.length; j++) {
            subset[j] = rows[positions[j]];
        }
        return new Moderators(names, subset, intercept, factors);
    }

    /** The intercept alone, for k studies. */
    static Moderators interceptOnly(int k) {
        return builder(k).build();
    }

    /**
     * The fieldwork year of each figure, or of its study when that is a single year.
     *
     * @param observations the figures
     * @return the years
     * @throws IllegalArgumentException if a figure's year is unknown (the message names it)
     */
    public static double[] years(List<Observation> observations) {
        Objects.requireNonNull(observations, "observations");
        return observations.stream().mapToDouble(o -> o.effectiveYear().orElseThrow(() -> new IllegalArgumentException(
                "The year of " + o.label() + " is unknown"))).toArray();
    }

    /**
     * The midpoint of each figure's size band; an open-ended band such as 250+ takes the midpoint of
     * {@code [min, openEndedMax]}.
     *
     * @param observations the figures
     * @param openEndedMax the upper end assumed for open-ended bands, such as 1000
     * @return the midpoints
     * @throws IllegalArgumentException if a figure's size band is unknown, or {@code openEndedMax} is below
     *         an open band's minimum
     */
    public static double[] sizeMidpoints(List<Observation> observations, int openEndedMax) {
        return observations.stream().mapToDouble(o -> {
            SizeBand band = o.effectiveSizeBand().orElseThrow(() -> new IllegalArgumentException(
                    "The size band of " + o.label() + " is unknown"));
            if (band.isOpenEnded() && openEndedMax < band.min()) {
                throw new IllegalArgumentException("Open-ended band " + band + " starts above " + openEndedMax);
            }
            return (band.min() + (double) (band.isOpenEnded() ? openEndedMax : band.max())) / 2;
        }).toArray();
    }

    /**
     * A factor read from each figure, such as its network scope.
     *
     * @param observations the figures
     * @param level what to read
     * @return the levels
     */
    public static String[] levels(List<Observation> observations, Function<Observation, String> level) {
        Objects.requireNonNull(observations, "observations");
        Objects.requireNonNull(level, "level");
        return observations.stream().map(level).toArray(String[]::new);
    }

    /**
     * Collects the columns of a design. Not thread-safe.
     *
     * @since 0.1
     */
    public static final class Builder {
        private final int k;
        private boolean intercept = true;
        private String interceptName = "intrcpt";
        private final List<String> names = new ArrayList<>();
        private final List<double[]> columns = new ArrayList<>();
        private final Map<String, List<String>> factors = new LinkedHashMap<>();

        private Builder(int k) {
            this.k = k;
        }

        /**
         * Leaves out the intercept.
         *
         * @return this builder
         */
        public Builder withoutIntercept() {
            intercept = false;
            return this;
        }

        /**
         * Names the intercept's column: {@code intrcpt} as metafor names it unless told, {@code (Intercept)} for a
         * model whose coefficients should carry R's {@code lm}/{@code glm} names.
         *
         * @param name the column's name
         * @return this builder
         * @throws IllegalArgumentException if the name is blank
         */
        public Builder interceptNamed(String name) {
            if (Objects.requireNonNull(name, "name").isBlank()) {
                throw new IllegalArgumentException("The intercept's name is blank");
            }
            interceptName = name;
            return this;
        }

        /**
         * Adds a numeric moderator.
         *
         * @param name the column name
         * @param values one finite value per study
         * @return this builder
         * @throws IllegalArgumentException if the number of values is not k or a value is not finite
         */
        public Builder numeric(String name, double[] values) {
            Objects.requireNonNull(name, "name");
            if (values.length != k) {
                throw new IllegalArgumentException(name + " has " + values.length + " values for " + k + " studies");
            }
            for (double value : values) {
                if (!Double.isFinite(value)) {
                    throw new IllegalArgumentException(name + " has a value that is not finite: " + value);
                }
            }
            names.add(name);
            columns.add(values.clone());
            return this;
        }

        /**
         * Adds a factor: one 0/1 column per level but the first in sorted order.
         *
         * @param name the factor's name
         * @param levels one level per study
         * @return this builder
         * @throws IllegalArgumentException if the number of levels is not k or a level is null
         */
        public Builder factor(String name, String[] levels) {
            Objects.requireNonNull(levels, "levels");
            return factor(name, levels, new TreeSet<>(Arrays.asList(levels)).first());
        }

        /**
         * Adds a factor with a chosen reference level: one 0/1 column per other level, in sorted order, named
         * after the factor and the level — R's {@code relevel(factor(x), ref = reference)}.
         *
         * @param name the factor's name
         * @param levels one level per row
         * @param reference the reference level, which must occur
         * @return this builder
         * @throws IllegalArgumentException if the number of levels is not k, a level is null, the reference does
         *         not occur or the factor is already in the design
         */
        public Builder factor(String name, String[] levels, String reference) {
            Objects.requireNonNull(levels, "levels");
            Objects.requireNonNull(reference, "reference");
            TreeSet<String> others = new TreeSet<>(Arrays.asList(levels));
            others.remove(reference);
            List<String> order = new ArrayList<>(List.of(reference));
            order.addAll(others);
            return factor(name, levels, order);
        }

        /**
         * Adds a factor whose levels come in a stated order — size bands from the smallest, say — the first the
         * reference: one 0/1 column per other level, in that order, R's {@code factor(x, levels = order)}.
         *
         * @param name the factor's name
         * @param levels one level per row
         * @param order every level that occurs, each once, the reference first (levels that do not occur are
         *        left out, as a model matrix has no column for them)
         * @return this builder
         * @throws IllegalArgumentException if the number of levels is not k, a level is null or not in the order,
         *         the order repeats a level, the reference does not occur or the factor is already in the design
         */
        public Builder factor(String name, String[] levels, List<String> order) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(levels, "levels");
            Objects.requireNonNull(order, "order");
            if (order.isEmpty() || new java.util.HashSet<>(order).size() != order.size()) {
                throw new IllegalArgumentException("The level order of " + name + " is empty or repeats a level: "
                        + order);
            }
            String reference = order.get(0);
            if (levels.length != k) {
                throw new IllegalArgumentException(name + " has " + levels.length + " levels for " + k + " studies");
            }
            TreeSet<String> distinct = new TreeSet<>();
            for (String level : levels) {
                distinct.add(Objects.requireNonNull(level, "level"));
            }
            if (!distinct.contains(reference)) {
                throw new IllegalArgumentException("The reference level " + reference + " of " + name
                        + " does not occur; its levels are " + distinct);
            }
            if (factors.containsKey(name)) {
                throw new IllegalArgumentException("The factor " + name + " is already in the design");
            }
            if (!order.containsAll(distinct)) {
                distinct.removeAll(order);
                throw new IllegalArgumentException("The levels " + distinct + " of " + name + " are not in the order "
                        + order);
            }
            List<String> ordered = order.stream().filter(distinct::contains).toList();
            factors.put(name, ordered);
            for (String level : ordered.subList(1, ordered.size())) {
                double[] dummy = new double[k];
                for (int i = 0; i < k; i++) {
                    dummy[i] = levels[i].equals(level) ? 1 : 0;
                }
                names.add(name + level);
                columns.add(dummy);
            }
            return this;
        }

        /**
         * Adds a column of a Tablesaw table: a numeric column as a numeric moderator, a text column as a factor
         * (its first level in sorted order the reference).
         *
         * @param table the table, one row per study or respondent
         * @param column the column's name, which becomes the moderator's or factor's
         * @return this builder
         * @throws IllegalArgumentException if the table has no such column, a value is missing, or the column is
         *         neither numeric nor text
         */
        public Builder column(Table table, String column) {
            return column(table, column, null);
        }

        /**
         * Adds a text column of a Tablesaw table as a factor with a chosen reference level.
         *
         * @param table the table
         * @param column the column's name
         * @param reference the reference level, or null for the first in sorted order
         * @return this builder
         * @throws IllegalArgumentException as {@link #column(Table, String)}, or if the reference does not occur
         */
        public Builder column(Table table, String column, String reference) {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(column, "column");
            if (!table.columnNames().contains(column)) {
                throw new IllegalArgumentException("The table " + table.name() + " has no column " + column
                        + "; its columns are " + table.columnNames());
            }
            Column<?> c = table.column(column);
            for (int row = 0; row < c.size(); row++) {
                if (c.isMissing(row)) {
                    throw new IllegalArgumentException("Column " + column + " of " + table.name() + " has no value"
                            + " in row " + (row + 1) + ": a model matrix has no missing values");
                }
            }
            if (c instanceof NumericColumn<?> numbers && reference == null) {
                return numeric(column, numbers.asDoubleArray());
            }
            if (c instanceof StringColumn text) {
                String[] levels = text.asObjectArray();
                return reference == null ? factor(column, levels) : factor(column, levels, reference);
            }
            throw new IllegalArgumentException("Column " + column + " of " + table.name() + " is " + c.type()
                    + (reference == null ? "" : " and cannot have a reference level") + "; a model matrix takes"
                    + " numeric columns and text columns (factors)");
        }

        /**
         * Builds the design.
         *
         * @return the design
         * @throws IllegalArgumentException if it has no column
         */
        public Moderators build() {
            List<String> all = new ArrayList<>();
            if (intercept) {
                all.add(interceptName);
            }
            all.addAll(names);
            if (all.isEmpty()) {
                throw new IllegalArgumentException("A design needs at least one column");
            }
            double[][] rows = new double[k][all.size()];
            for (int i = 0; i < k; i++) {
                int c = 0;
                if (intercept) {
                    rows[i][c++] = 1;
                }
                for (double[] column : columns) {
                    rows[i][c++] = column[i];
                }
            }
            return new Moderators(all, rows, intercept, factors);
        }
    }
}
