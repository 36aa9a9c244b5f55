package org.smesurvey.stats.meta;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import org.smesurvey.core.Observation;
import org.smesurvey.core.SizeBand;

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

    private Moderators(List<String> names, double[][] rows, boolean intercept) {
        this.names = List.copyOf(names);
        this.rows = rows;
        this.intercept = intercept;
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
        return new Moderators(names, subset, intercept);
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
        private final List<String> names = new ArrayList<>();
        private final List<double[]> columns = new ArrayList<>();

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
            Objects.requireNonNull(name, "name");
            if (levels.length != k) {
                throw new IllegalArgumentException(name + " has " + levels.length + " levels for " + k + " studies");
            }
            TreeSet<String> distinct = new TreeSet<>();
            for (String level : levels) {
                distinct.add(Objects.requireNonNull(level, "level"));
            }
            for (String level : distinct.tailSet(distinct.first(), false)) {
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
         * Builds the design.
         *
         * @return the design
         * @throws IllegalArgumentException if it has no column
         */
        public Moderators build() {
            List<String> all = new ArrayList<>();
            if (intercept) {
                all.add("intrcpt");
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
            return new Moderators(all, rows, intercept);
        }
    }
}
