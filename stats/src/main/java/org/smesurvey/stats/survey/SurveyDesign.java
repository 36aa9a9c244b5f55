package org.smesurvey.stats.survey;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How respondents were sampled: their weights, strata and primary sampling units (clusters), with the finite
 * population correction — what R's {@code svydesign(ids = ~psu, strata = ~stratum, weights = ~w, fpc = ~fpc,
 * nest = TRUE)} describes. Variances are those of a one-stage design whose primary units are drawn with
 * replacement within strata (the ultimate-cluster approximation), as survey computes them.
 *
 * <p>Cluster identifiers are read within their stratum: the same identifier in two strata names two units
 * (survey's {@code nest = TRUE}). The finite population correction of a stratum is its number of primary
 * units in the population, or — when below 1 — the sampling fraction, as survey reads {@code fpc}.
 *
 * <p>Held in primitive arrays indexed by respondent, so that each statistic is one pass; immutable.
 *
 * @since 0.1
 */
public final class SurveyDesign implements Design {

    final int n;
    final double[] weights;
    /** The respondent's stratum, 0 to strata − 1. */
    final int[] stratum;
    /** The respondent's primary unit, 0 to units − 1, numbered across strata. */
    final int[] unit;
    /** The stratum of each primary unit. */
    final int[] unitStratum;
    /** The number of sampled primary units in each stratum. */
    final int[] unitsInStratum;
    /** Each stratum's factor (N_h − n_h)/N_h, 1 without a finite population correction. */
    final double[] correction;
    final String[] strataNames;
    final LonelyPsu lonelyPsu;
    /** The calibrations applied, in order: what the variance must project the estimating functions on. */
    final List<Calibration.Projection> calibrations;
    /** Whether a respondent has weight 0: such a unit stays in the design but out of n and degrees of freedom. */
    final boolean hasZeroWeights;
    /** The weights the design was built with, before any calibration or trimming (the same array if none). */
    final double[] sampledWeights;

    private SurveyDesign(double[] weights, int[] stratum, int[] unit, int[] unitStratum, int[] unitsInStratum,
            double[] correction, String[] strataNames, LonelyPsu lonelyPsu, List<Calibration.Projection> calibrations,
            double[] sampledWeights) {
        this(weights, stratum, unit, unitStratum, unitsInStratum, correction, strataNames, lonelyPsu, calibrations,
                anyZero(weights), sampledWeights);
    }

    private SurveyDesign(double[] weights, int[] stratum, int[] unit, int[] unitStratum, int[] unitsInStratum,
            double[] correction, String[] strataNames, LonelyPsu lonelyPsu, List<Calibration.Projection> calibrations,
            boolean hasZeroWeights, double[] sampledWeights) {
        this.n = weights.length;
        this.sampledWeights = sampledWeights;
        this.weights = weights;
        this.stratum = stratum;
        this.unit = unit;
        this.unitStratum = unitStratum;
        this.unitsInStratum = unitsInStratum;
        this.correction = correction;
        this.strataNames = strataNames;
        this.lonelyPsu = lonelyPsu;
        this.calibrations = calibrations;
        this.hasZeroWeights = hasZeroWeights;
    }

    private static boolean anyZero(double[] weights) {
        for (double w : weights) {
            if (w == 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Starts a design with the respondents' weights; without strata or clusters it is a simple random sample
     * of respondents drawn with replacement.
     *
     * @param weights each respondent's sampling weight, finite and 0 or more (negative only if
     *        {@linkplain Builder#allowNegativeWeights() allowed}); a respondent with weight 0 stays in the design, as
     *        in survey, counting in its stratum's units but not in n or the degrees of freedom
     * @return a builder
     */
    public static Builder builder(double[] weights) {
        return new Builder(Objects.requireNonNull(weights, "weights").clone());
    }

    /**
     * A builder that takes the weights and the codings it is given without copying them: for the respondent
     * reader, whose arrays are its own and, at a hundred million respondents, too large to copy.
     */
    static Builder builderOwning(double[] weights, Coding strata, Coding clusters) {
        Builder builder = new Builder(weights);
        builder.strataCoding = strata;
        builder.clusterCoding = clusters;
        return builder;
    }

    /**
     * The number of respondents.
     *
     * @return n
     */
    @Override
    public int size() {
        return n;
    }

    /**
     * The number of strata.
     *
     * @return at least 1
     */
    public int strata() {
        return unitsInStratum.length;
    }

    /**
     * The number of sampled primary units over all strata.
     *
     * @return at least 1
     */
    public int units() {
        return unitStratum.length;
    }

    /**
     * The design degrees of freedom: primary units minus strata, survey's {@code degf(design)}, both counted
     * among the respondents with a non-zero weight.
     *
     * @return the degrees of freedom
     */
    @Override
    public int degreesOfFreedom() {
        if (!hasZeroWeights) {
            return units() - strata();
        }
        boolean[] unitSeen = new boolean[units()];
        boolean[] stratumSeen = new boolean[strata()];
        int units = 0;
        int strata = 0;
        for (int i = 0; i < n; i++) {
            if (weights[i] != 0) {
                units += unitSeen[unit[i]] ? 0 : 1;
                unitSeen[unit[i]] = true;
                strata += stratumSeen[stratum[i]] ? 0 : 1;
                stratumSeen[stratum[i]] = true;
            }
        }
        return units - strata;
    }

    /**
     * A respondent's weight.
     *
     * @param i the respondent, from 0
     * @return the weight
     */
    @Override
    public double weight(int i) {
        return weights[i];
    }

    /**
     * The rule for strata with a single primary unit.
     *
     * @return the rule
     */
    public LonelyPsu lonelyPsu() {
        return lonelyPsu;
    }

    /**
     * The same design with another rule for strata with a single primary unit.
     *
     * @param rule the rule
     * @return the design
     */
    public SurveyDesign withLonelyPsu(LonelyPsu rule) {
        return new SurveyDesign(weights, stratum, unit, unitStratum, unitsInStratum, correction, strataNames,
                Objects.requireNonNull(rule, "rule"), calibrations, sampledWeights);
    }

    /** The design calibrated to new weights, the projection remembered for the variance. */
    SurveyDesign calibrated(double[] newWeights, Calibration.Projection projection) {
        return calibrated(newWeights, projection, anyZero(newWeights));
    }

    /** As {@link #calibrated(double[], Calibration.Projection)}, when the caller knows whether a weight is 0. */
    SurveyDesign calibrated(double[] newWeights, Calibration.Projection projection, boolean zeroWeights) {
        List<Calibration.Projection> all = new java.util.ArrayList<>(calibrations);
        all.add(projection);
        return new SurveyDesign(newWeights, stratum, unit, unitStratum, unitsInStratum, correction, strataNames,
                lonelyPsu, List.copyOf(all), zeroWeights, sampledWeights);
    }

    /** The design with new weights and the same calibrations (trimmed weights keep their calibration's projection). */
    SurveyDesign reweighted(double[] newWeights) {
        return new SurveyDesign(newWeights, stratum, unit, unitStratum, unitsInStratum, correction, strataNames,
                lonelyPsu, calibrations, sampledWeights);
    }

    /**
     * Whether the weights were calibrated (post-stratified, raked or calibrated by a distance function).
     *
     * @return true after {@link Calibration}
     */
    public boolean isCalibrated() {
        return !calibrations.isEmpty();
    }

    /**
     * The calibration factors (g-weights) \( g_i = w_i / d_i \): each respondent's weight over the weight it was
     * sampled with, before any calibration, post-stratification, raking or trimming — survey's
     * {@code weights(calibrated) / weights(design)}. For GREG calibration \( g_i = 1 + x_i'λ \), for
     * post-stratification the population count of the respondent's post-stratum over its estimated count; after
     * several calibrations, or a trimming, their product. All 1 for a design never calibrated.
     *
     * <p>Reference: Deville, J.-C. and Särndal, C.-E. (1992). Calibration estimators in survey sampling. <i>Journal
     * of the American Statistical Association</i> 87(418), 376–382. doi:10.1080/01621459.1992.10475217.
     *
     * @return a new array, one factor per respondent in design order; in a calibrated design NaN for a respondent
     *         sampled with weight 0 (0/0, as R's ratio gives)
     */
    public double[] calibrationFactors() {
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = weights == sampledWeights ? 1 : weights[i] / sampledWeights[i];
        }
        return g;
    }

    /** Refuses an array of {@code length} per-respondent values for {@code n} respondents, unless they match. */
    static void requireLength(int length, int n, String what) {
        if (length != n) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "There are %d %s for %d respondents",
                    length, what, n));
        }
    }

    /**
     * Builds a {@link SurveyDesign}.
     *
     * @since 0.1
     */
    public static final class Builder {
        private final double[] weights;
        private String[] strata;
        private String[] clusters;
        private Coding strataCoding;
        private Coding clusterCoding;
        private double[] fpc;
        private LonelyPsu lonelyPsu = LonelyPsu.FAIL;
        private boolean negativeWeights;

        private Builder(double[] weights) {
            this.weights = weights;
        }

        /**
         * Sets the respondents' strata.
         *
         * @param strata each respondent's stratum
         * @return this builder
         */
        public Builder strata(String[] strata) {
            this.strata = Objects.requireNonNull(strata, "strata").clone();
            this.strataCoding = null;
            return this;
        }

        /**
         * Sets the respondents' primary sampling units, read within their stratum.
         *
         * @param clusters each respondent's primary unit
         * @return this builder
         */
        public Builder clusters(String[] clusters) {
            this.clusters = Objects.requireNonNull(clusters, "clusters").clone();
            this.clusterCoding = null;
            return this;
        }

        /**
         * Sets the finite population correction.
         *
         * @param fpc for each respondent, the number of primary units in the population of its stratum, or the
         *        sampling fraction when below 1; the same within a stratum
         * @return this builder
         */
        public Builder fpc(double[] fpc) {
            this.fpc = Objects.requireNonNull(fpc, "fpc").clone();
            return this;
        }

        /**
         * Allows negative weights, as GREG calibration can leave in a delivered file; refused unless allowed.
         *
         * @return this builder
         */
        public Builder allowNegativeWeights() {
            this.negativeWeights = true;
            return this;
        }

        /**
         * Sets the rule for strata with a single primary unit ({@link LonelyPsu#FAIL} unless set).
         *
         * @param rule the rule
         * @return this builder
         */
        public Builder lonelyPsu(LonelyPsu rule) {
            this.lonelyPsu = Objects.requireNonNull(rule, "rule");
            return this;
        }

        /**
         * Builds the design.
         *
         * @return the design
         * @throws IllegalArgumentException if there is no respondent, a weight is not finite, is negative when
         *         negative weights are not allowed, or no weight is positive, an
         *         array's length differs from the weights', the correction varies within a stratum or is smaller
         *         than the stratum's sampled units (all named), or a stratum has a single unit under
         *         {@link LonelyPsu#FAIL}
         */
        public SurveyDesign build() {
            int n = weights.length;
            if (n == 0) {
                throw new IllegalArgumentException("A design needs at least one respondent");
            }
            double sum = 0;
            for (int i = 0; i < n; i++) {
                if (!(Double.isFinite(weights[i]) && (weights[i] >= 0 || negativeWeights))) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT, negativeWeights
                            ? "Weight of respondent %d is not a finite number: %s"
                            : "Weight of respondent %d is not a finite number of 0 or more (negative weights are"
                                    + " refused unless allowed): %s", i + 1, weights[i]));
                }
                sum += weights[i];
            }
            if (!(sum > 0)) {
                throw new IllegalArgumentException("Weights do not add up to a positive total: " + sum);
            }
            requireLength(strata, n, "strata");
            requireLength(clusters, n, "clusters");
            requireLength(fpc, n, "fpc");

            // Strata and clusters coded with one hash lookup per respondent; units numbered as they first appear.
            Coding strataCoding = this.strataCoding != null ? this.strataCoding
                    : strata == null ? null : Coding.of(strata, n, "strata");
            int[] stratum = strataCoding == null ? new int[n] : strataCoding.codes();
            String[] names = strataCoding == null ? new String[] {""} : strataCoding.names().toArray(String[]::new);
            int h = names.length;
            int[] unit = new int[n];
            int units;
            if (clusters == null && this.clusterCoding == null) {
                for (int i = 0; i < n; i++) {
                    unit[i] = i; // each respondent is its own unit
                }
                units = n;
            } else {
                Coding clusterCoding = this.clusterCoding != null ? this.clusterCoding
                        : Coding.of(clusters, n, "clusters");
                int[] cluster = clusterCoding.codes();
                long width = clusterCoding.names().size();
                units = 0;
                if (h * width <= 50_000_000L) {
                    int[] numbering = new int[(int) (h * width)];
                    for (int i = 0; i < n; i++) {
                        int key = (int) (stratum[i] * width + cluster[i]);
                        if (numbering[key] == 0) {
                            numbering[key] = ++units;
                        }
                        unit[i] = numbering[key] - 1;
                    }
                } else {
                    Map<Long, Integer> numbering = new HashMap<>();
                    for (int i = 0; i < n; i++) {
                        Integer code = numbering.putIfAbsent(stratum[i] * width + cluster[i], numbering.size());
                        unit[i] = code == null ? numbering.size() - 1 : code;
                    }
                    units = numbering.size();
                }
            }
            int[] unitStratum = new int[units];
            for (int i = 0; i < n; i++) {
                unitStratum[unit[i]] = stratum[i];
            }
            int[] unitsInStratum = new int[h];
            for (int s : unitStratum) {
                unitsInStratum[s]++;
            }
            double[] correction = new double[h];
            Arrays.fill(correction, Double.NaN);
            for (int i = 0; i < n; i++) {
                int s = stratum[i];
                double f = 1;
                if (fpc != null) {
                    double value = fpc[i];
                    double popsize = value < 1 ? unitsInStratum[s] / value : value;
                    if (!(value > 0) || !(popsize >= unitsInStratum[s] - 1e-9)) {
                        throw new IllegalArgumentException(String.format(Locale.ROOT,
                                "Finite population correction of respondent %d (stratum %s) is not a fraction in"
                                        + " (0, 1) or a population of at least the %d sampled units: %s",
                                i + 1, names[s], unitsInStratum[s], value));
                    }
                    f = popsize == Double.POSITIVE_INFINITY ? 1 : (popsize - unitsInStratum[s]) / popsize;
                }
                if (Double.isNaN(correction[s])) {
                    correction[s] = f;
                } else if (Math.abs(correction[s] - f) > 1e-12) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "Finite population correction varies within stratum %s (respondent %d)", names[s], i + 1));
                }
            }
            if (lonelyPsu == LonelyPsu.FAIL) {
                for (int s = 0; s < h; s++) {
                    if (unitsInStratum[s] == 1) {
                        throw new IllegalArgumentException("Stratum " + names[s] + " has a single primary sampling"
                                + " unit: its variance cannot be estimated; choose a LonelyPsu rule");
                    }
                }
            }
            return new SurveyDesign(weights, stratum, unit, unitStratum, unitsInStratum, correction, names, lonelyPsu,
                    List.of(), weights);
        }

        private static void requireLength(Object array, int n, String what) {
            if (array != null) {
                SurveyDesign.requireLength(java.lang.reflect.Array.getLength(array), n, "values of " + what);
            }
        }
    }
}
