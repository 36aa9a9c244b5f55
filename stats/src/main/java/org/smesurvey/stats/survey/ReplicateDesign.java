package org.smesurvey.stats.survey;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

/**
 * A design with replicate weights — the jackknife (JK1) or the bootstrap — whose variances are the spread of
 * the statistic over the replicates, as R's {@code as.svrepdesign} and {@code svymean} on it:
 * \( v = s \sum_r c_r (\hat θ_r - \bar θ)^2 \), the scale s and replicate scales \( c_r \) of the method.
 *
 * <p><b>Centring.</b> By default the squares are taken around the mean of the replicates, survey's default
 * ({@code options(survey.replicates.mse = FALSE)}); {@link #withMse(boolean) withMse(true)} takes them around the
 * full-sample estimate, survey's {@code mse = TRUE}, which is never smaller.
 *
 * <p>Replicate weights are held per primary unit (a multiplier of each unit's weights in each replicate), not
 * per respondent: 100 replicates of a million respondents in 2,000 units take 200,000 numbers.
 *
 * <p>{@link Calibration}'s {@code postStratify}, {@code rake} and {@code calibrate} take a replicate design and
 * calibrate its full-sample weights and each replicate's to the same totals, as survey's methods for an
 * {@code svyrep.design} do.
 *
 * <p>References: Wolter, K. M. (2007). <i>Introduction to Variance Estimation</i>, 2nd ed. Springer, ch. 4 and
 * 5; Canty, A. J. and Davison, A. C. (1999). Resampling-based variance estimation for labour force surveys.
 * <i>The Statistician</i> 48(3), 379–391.
 *
 * @since 0.1
 */
public final class ReplicateDesign implements Design {

    private final SurveyDesign design;
    /** multipliers[p * replicates + r]: unit p's weight factor in replicate r. */
    private final double[] multipliers;
    private final int replicates;
    private final double scale;
    private final double[] rscales;
    private final boolean mse;
    private final int degreesOfFreedom;
    /** Each replicate's multipliers as a common value and the units that differ from it, made when first needed. */
    private volatile Deviations deviations;

    private ReplicateDesign(SurveyDesign design, double[] multipliers, int replicates, double scale, double[] rscales,
            boolean mse, int degreesOfFreedom) {
        this.design = design;
        this.multipliers = multipliers;
        this.replicates = replicates;
        this.scale = scale;
        this.rscales = rscales;
        this.mse = mse;
        this.degreesOfFreedom = degreesOfFreedom;
    }

    /**
     * The delete-one-unit jackknife, survey's {@code as.svrepdesign(design, type = "JK1")}: replicate r drops
     * unit r and multiplies the others by \( n/(n-1) \); scale \( f (n-1)/n \) with the design's finite population
     * factor f.
     *
     * @param design an unstratified design with at least two units
     * @return the replicate design
     * @throws IllegalArgumentException if the design has strata (JK1 would ignore them: use the bootstrap)
     */
    public static ReplicateDesign jackknife(SurveyDesign design) {
        Objects.requireNonNull(design, "design");
        if (design.strata() > 1 || design.isCalibrated()) {
            throw new IllegalArgumentException("JK1 is for an unstratified, uncalibrated design; this one has "
                    + design.strata() + " strata" + (design.isCalibrated() ? " and calibrated weights" : "")
                    + ": use the bootstrap");
        }
        int n = design.units();
        double[] m = new double[n * n];
        for (int p = 0; p < n; p++) {
            for (int r = 0; r < n; r++) {
                m[p * n + r] = p == r ? 0 : n / (n - 1.0);
            }
        }
        double[] ones = new double[n];
        java.util.Arrays.fill(ones, 1);
        return new ReplicateDesign(design, m, n, design.correction[0] * (n - 1) / n, ones, false,
                degreesOfFreedom(design, m, n));
    }

    /**
     * The stratified delete-one-unit jackknife, survey's {@code as.svrepdesign(design, type = "JKn")}: one replicate
     * per primary unit, which drops it and multiplies the other units of its stratum by \( n_h/(n_h - 1) \) (the
     * other strata unchanged); scale 1 and replicate scales \( (n_h - 1)/n_h \) times the stratum's finite
     * population factor \( 1 - n_h/N_h \); \( n - H \) degrees of freedom when every unit weighs something (fewer
     * when units of weight 0 make replicates alike: see {@link #degreesOfFreedom()}).
     *
     * <p>Reference: Rust, K. F. and Rao, J. N. K. (1996). Variance estimation for complex surveys using replication
     * techniques. <i>Statistical Methods in Medical Research</i> 5, 283–310.
     *
     * @param design a design with at least two units in every stratum, not calibrated
     * @return the replicate design
     * @throws IllegalArgumentException if a stratum has a single unit or the design is calibrated
     */
    public static ReplicateDesign stratifiedJackknife(SurveyDesign design) {
        Objects.requireNonNull(design, "design");
        if (design.isCalibrated()) {
            throw new IllegalArgumentException("JKn is built from an uncalibrated design: calibrate its replicates");
        }
        int n = design.units();
        for (int s = 0; s < design.strata(); s++) {
            if (design.unitsInStratum[s] < 2) {
                throw new IllegalArgumentException("JKn needs two units or more in every stratum; stratum "
                        + (s + 1) + " has " + design.unitsInStratum[s]);
            }
        }
        double[] m = new double[n * n];
        double[] rscales = new double[n];
        for (int r = 0; r < n; r++) {
            int h = design.unitStratum[r];
            double nh = design.unitsInStratum[h];
            rscales[r] = (nh - 1) / nh * design.correction[h];
            for (int p = 0; p < n; p++) {
                m[p * n + r] = p == r ? 0 : design.unitStratum[p] == h ? nh / (nh - 1) : 1;
            }
        }
        return new ReplicateDesign(design, m, n, 1, rscales, false, degreesOfFreedom(design, m, n));
    }

    /**
     * Balanced repeated replication, survey's {@code as.svrepdesign(design, type = "BRR")}, or Fay's method with
     * \( ρ > 0 \) ({@code type = "Fay", fay.rho}): for a design with two units in every stratum, replicate r takes
     * the half of each stratum that row h + 1, column r of a Hadamard matrix chooses — multiplying its units by
     * 2 − ρ and the other half by ρ — with scale \( 1/(R(1 - ρ)^2) \). The matrix is Sylvester's of the
     * smallest order 2^k above the number of strata; survey's {@code hadamard()} may choose a smaller one (a
     * multiple of 4, from its own list), so its default replicates can be fewer: pass survey the same matrix
     * ({@code hadamard.matrix}) to reproduce these, or give this method survey's with
     * {@link #balancedRepeatedReplication(SurveyDesign, double, int[][])}. Strata are taken in the order of their
     * names, and in each the unit that appears first is the first half, as survey's {@code brrweights}. The
     * finite population correction is dropped, as survey drops it.
     *
     * <p>References: McCarthy, P. J. (1969). Pseudo-replication: half samples. <i>Review of the International
     * Statistical Institute</i> 37, 239–264; Judkins, D. R. (1990). Fay's method for variance estimation.
     * <i>Journal of Official Statistics</i> 6, 223–239.
     *
     * @param design a design with exactly two units in every stratum, not calibrated
     * @param fayRho Fay's ρ in [0, 1); 0 for plain BRR
     * @return the replicate design
     * @throws IllegalArgumentException if a stratum has other than two units, the design is calibrated or ρ is
     *         outside [0, 1)
     */
    public static ReplicateDesign balancedRepeatedReplication(SurveyDesign design, double fayRho) {
        Objects.requireNonNull(design, "design");
        int order = 1;
        while (order < design.strata() + 1) {
            order *= 2;
        }
        int[][] hadamard = {{1}};
        while (hadamard.length < order) {
            int k = hadamard.length;
            int[][] doubled = new int[2 * k][2 * k];
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    doubled[i][j] = hadamard[i][j];
                    doubled[i][j + k] = hadamard[i][j];
                    doubled[i + k][j] = hadamard[i][j];
                    doubled[i + k][j + k] = -hadamard[i][j];
                }
            }
            hadamard = doubled;
        }
        return balancedRepeatedReplication(design, fayRho, hadamard);
    }

    /**
     * Balanced repeated replication or Fay's method with a given Hadamard matrix, survey's
     * {@code as.svrepdesign(design, type = "BRR", hadamard.matrix = H)}: its columns are the replicates, its rows
     * after the first the strata; the matrix's first value (column by column) marks the first half, as survey's
     * {@code brrweights} codes it.
     *
     * @param design a design with exactly two units in every stratum, not calibrated
     * @param fayRho Fay's ρ in [0, 1)
     * @param hadamard a Hadamard matrix of ±1 with more rows than the design has strata
     * @return the replicate design
     * @throws IllegalArgumentException as {@link #balancedRepeatedReplication(SurveyDesign, double)}, or if the
     *         matrix is too small, not of ±1, not square or its columns not orthogonal
     */
    public static ReplicateDesign balancedRepeatedReplication(SurveyDesign design, double fayRho, int[][] hadamard) {
        Objects.requireNonNull(design, "design");
        Objects.requireNonNull(hadamard, "hadamard");
        if (design.isCalibrated()) {
            throw new IllegalArgumentException("BRR is built from an uncalibrated design: calibrate its replicates");
        }
        if (!(fayRho >= 0 && fayRho < 1)) {
            throw new IllegalArgumentException("Fay's rho must be in [0, 1): " + fayRho);
        }
        int strata = design.strata();
        int order = hadamard.length;
        if (order < strata + 1) {
            throw new IllegalArgumentException("The Hadamard matrix has " + order + " rows for " + strata
                    + " strata: it needs at least " + (strata + 1));
        }
        for (int[] row : hadamard) {
            if (row.length != order) {
                throw new IllegalArgumentException("The Hadamard matrix is not square");
            }
            for (int value : row) {
                if (value != 1 && value != -1) {
                    throw new IllegalArgumentException("The Hadamard matrix has a value other than 1 and -1: "
                            + value);
                }
            }
        }
        for (int a = 0; a < order; a++) {
            for (int b = a + 1; b < order; b++) {
                int dot = 0;
                for (int[] row : hadamard) {
                    dot += row[a] * row[b];
                }
                if (dot != 0) {
                    throw new IllegalArgumentException("Columns " + (a + 1) + " and " + (b + 1) + " of the Hadamard"
                            + " matrix are not orthogonal");
                }
            }
        }
        int[] first = new int[strata];
        int[] second = new int[strata];
        Arrays.fill(first, -1);
        Arrays.fill(second, -1);
        for (int p = 0; p < design.units(); p++) {
            int h = design.unitStratum[p];
            if (design.unitsInStratum[h] != 2) {
                throw new IllegalArgumentException("BRR needs exactly two units in every stratum; stratum "
                        + design.strataNames[h] + " has " + design.unitsInStratum[h]);
            }
            if (first[h] < 0) {
                first[h] = p;
            } else {
                second[h] = p;
            }
        }
        // survey numbers the strata in the order of their names.
        Integer[] byName = new Integer[strata];
        for (int h = 0; h < strata; h++) {
            byName[h] = h;
        }
        Arrays.sort(byName, (a, b) -> design.strataNames[a].compareTo(design.strataNames[b]));
        int marker = hadamard[0][0];
        int units = design.units();
        double[] m = new double[units * order];
        for (int k = 0; k < strata; k++) {
            int h = byName[k];
            for (int r = 0; r < order; r++) {
                boolean firstHalf = hadamard[k + 1][r] != marker;
                m[first[h] * order + r] = firstHalf ? 2 - fayRho : fayRho;
                m[second[h] * order + r] = firstHalf ? fayRho : 2 - fayRho;
            }
        }
        double[] ones = new double[order];
        Arrays.fill(ones, 1);
        return new ReplicateDesign(design, m, order, 1 / (order * (1 - fayRho) * (1 - fayRho)), ones, false,
                degreesOfFreedom(design, m, order));
    }

    /**
     * The with-replacement bootstrap of survey's {@code as.svrepdesign(design, type = "bootstrap", replicates)}:
     * in each stratum, each replicate draws the stratum's units with replacement and multiplies each unit's
     * weights by the times it was drawn; scale \( \tilde n/((\tilde n - 1)(R - 1)) \) with \( \tilde n \) the
     * harmonic mean of the units per stratum. With a finite population correction the draws are without
     * replacement from the units repeated to the population size, as survey does. The random numbers are
     * Java's (SplittableRandom), so the replicates differ from R's; the variance they estimate is the same.
     *
     * @param design the design
     * @param replicates the number of replicates, at least 2
     * @param seed the seed of the random numbers
     * @return the replicate design
     * @throws IllegalArgumentException if there are fewer than 2 replicates, or a stratum has a single unit
     */
    public static ReplicateDesign bootstrap(SurveyDesign design, int replicates, long seed) {
        Objects.requireNonNull(design, "design");
        if (replicates < 2) {
            throw new IllegalArgumentException("The bootstrap needs at least 2 replicates: " + replicates);
        }
        int units = design.units();
        List<List<Integer>> byStratum = new ArrayList<>();
        for (int s = 0; s < design.strata(); s++) {
            byStratum.add(new ArrayList<>());
        }
        for (int p = 0; p < units; p++) {
            byStratum.get(design.unitStratum[p]).add(p);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] m = new double[units * replicates];
        double inverseSum = 0;
        for (int s = 0; s < design.strata(); s++) {
            List<Integer> members = byStratum.get(s);
            int nh = members.size();
            if (nh < 2) {
                throw new IllegalArgumentException("Stratum " + design.strataNames[s] + " has a single unit: the"
                        + " bootstrap cannot resample it");
            }
            inverseSum += 1.0 / nh;
            double f = design.correction[s];
            long popsize = f == 1 ? 0 : Math.round(nh / (1 - f));
            for (int r = 0; r < replicates; r++) {
                if (popsize == 0) {
                    for (int draw = 0; draw < nh; draw++) {
                        m[members.get(random.nextInt(nh)) * replicates + r]++;
                    }
                } else {
                    // Draw nh of the popsize slots (the units repeated in turn) without replacement.
                    java.util.Set<Long> taken = new java.util.HashSet<>();
                    while (taken.size() < nh) {
                        long slot = random.nextLong(popsize);
                        if (taken.add(slot)) {
                            m[members.get((int) (slot % nh)) * replicates + r]++;
                        }
                    }
                }
            }
        }
        double perStratum = design.strata() / inverseSum;
        double[] ones = new double[replicates];
        java.util.Arrays.fill(ones, 1);
        return new ReplicateDesign(design, m, replicates, perStratum / ((perStratum - 1) * (replicates - 1)), ones,
                false, degreesOfFreedom(design, m, replicates));
    }

    /**
     * Replicate weights made elsewhere (by R, or delivered with a survey's microdata).
     *
     * @param design the design whose units the multipliers refer to
     * @param unitMultipliers for each primary unit, in the order units first appear among the respondents (within
     *        their stratum), its weight multiplier in each replicate
     * @param scale the overall scale s
     * @param replicateScales the replicate scales \( c_r \), one per replicate
     * @return the replicate design
     * @throws IllegalArgumentException if there is not one row per unit, rows differ in length, there are fewer
     *         than 2 replicates, or a multiplier or scale is negative or not finite
     */
    public static ReplicateDesign of(SurveyDesign design, double[][] unitMultipliers, double scale,
            double[] replicateScales) {
        Objects.requireNonNull(design, "design");
        int units = design.units();
        if (unitMultipliers.length != units) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "There are %d rows of replicate multipliers for %d units", unitMultipliers.length, units));
        }
        int r = replicateScales.length;
        if (r < 2) {
            throw new IllegalArgumentException("Replicate designs need at least 2 replicates: " + r);
        }
        double[] m = new double[units * r];
        for (int p = 0; p < units; p++) {
            if (unitMultipliers[p].length != r) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "Unit %d has %d multipliers for %d replicates", p + 1, unitMultipliers[p].length, r));
            }
            for (int j = 0; j < r; j++) {
                double value = unitMultipliers[p][j];
                if (!(value >= 0 && value < Double.POSITIVE_INFINITY)) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "Multiplier of unit %d in replicate %d is not a non-negative finite number: %s", p + 1,
                            j + 1, value));
                }
                m[p * r + j] = value;
            }
        }
        for (double c : replicateScales) {
            if (!(c >= 0 && c < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("A replicate scale is not a non-negative finite number: " + c);
            }
        }
        if (!(scale > 0 && scale < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("Scale is not a positive finite number: " + scale);
        }
        return new ReplicateDesign(design, m, r, scale, replicateScales.clone(), false,
                degreesOfFreedom(design, m, r));
    }

    /**
     * Replicate weights as statistical offices deliver them — one column of weights per replicate, beside the
     * full-sample weight — with the scale factors of their method, survey's {@code svrepdesign(repweights, weights,
     * scale, rscales, combined.weights)}. Usual scales for R replicates: JK1 (R − 1)/R, BRR 1/R, Fay
     * 1/(R(1 − ρ)²), bootstrap 1/(R − 1), successive differences 4/R, each with replicate scales 1; JKn the
     * replicate scales (n_h − 1)/n_h of each replicate's stratum and scale 1. Respondents whose multipliers
     * agree in every replicate form one unit, as survey compresses them, so that sums run over units.
     *
     * @param design the full-sample design (its weights; strata and clusters play no part in replicate variances)
     * @param replicateWeights for each replicate, each respondent's weight in it ({@code [r][i]})
     * @param combined whether the replicate weights include the full-sample weight (true, survey's
     *        {@code combined.weights = TRUE}, the usual delivery) or are multipliers of it
     * @param scale the overall scale s
     * @param replicateScales the replicate scales \( c_r \), one per replicate
     * @return the replicate design
     * @throws IllegalArgumentException if there are fewer than 2 replicates, a column's length differs from the
     *         respondents', a replicate weight is negative or not finite, a respondent of weight 0 has a non-zero
     *         combined replicate weight, or a scale is not a non-negative finite number
     */
    public static ReplicateDesign fromWeights(SurveyDesign design, double[][] replicateWeights, boolean combined,
            double scale, double[] replicateScales) {
        Objects.requireNonNull(design, "design");
        Objects.requireNonNull(replicateWeights, "replicateWeights");
        Objects.requireNonNull(replicateScales, "replicateScales");
        int r = replicateWeights.length;
        if (r < 2 || replicateScales.length != r) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%d replicate weight columns and %d"
                    + " replicate scales: at least 2, as many scales as columns", r, replicateScales.length));
        }
        int n = design.n;
        double[][] rows = new double[n][r];
        for (int j = 0; j < r; j++) {
            SurveyDesign.requireLength(replicateWeights[j].length, n, "replicate weights " + (j + 1));
            for (int i = 0; i < n; i++) {
                double value = replicateWeights[j][i];
                if (!(value >= 0 && value < Double.POSITIVE_INFINITY)) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT, "Replicate weight %d of respondent"
                            + " %d is not a non-negative finite number: %s", j + 1, i + 1, value));
                }
                double w = design.weights[i];
                if (combined && w == 0 && value != 0) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT, "Respondent %d has weight 0 but"
                            + " replicate weight %s in replicate %d", i + 1, value, j + 1));
                }
                rows[i][j] = !combined ? value : w == 0 ? 0 : value / w;
            }
        }
        // One unit per distinct row of multipliers, numbered in order of first appearance.
        Map<List<Double>, Integer> units = new LinkedHashMap<>();
        String[] unitOf = new String[n];
        for (int i = 0; i < n; i++) {
            List<Double> key = Arrays.stream(rows[i]).boxed().toList();
            unitOf[i] = Integer.toString(units.computeIfAbsent(key, k -> units.size()));
        }
        double[][] unitRows = new double[units.size()][];
        units.forEach((key, index) -> unitRows[index] = key.stream().mapToDouble(Double::doubleValue).toArray());
        SurveyDesign compressed = SurveyDesign.builder(design.weights).clusters(unitOf).build();
        return of(compressed, unitRows, scale, replicateScales);
    }

    /**
     * The same replicates, centred at the full-sample estimate (true, survey's {@code mse = TRUE}) or at the
     * replicates' mean (false, the default).
     *
     * @param centreAtEstimate whether to centre at the full-sample estimate
     * @return the design
     */
    public ReplicateDesign withMse(boolean centreAtEstimate) {
        return new ReplicateDesign(design, multipliers, replicates, scale, rscales, centreAtEstimate,
                degreesOfFreedom);
    }

    /**
     * The number of replicates.
     *
     * @return R
     */
    public int replicates() {
        return replicates;
    }

    /**
     * The overall scale s of the squared deviations.
     *
     * @return the scale
     */
    public double scale() {
        return scale;
    }

    /**
     * The replicate scales \( c_r \), survey's {@code rscales} of a replicate design: 1 for JK1, BRR, Fay and the
     * bootstrap (whose factors are all in {@link #scale()}); for JKn \( (n_h - 1)/n_h \) of the stratum whose unit
     * replicate r drops, times its finite population factor \( 1 - n_h/N_h \); for replicates given by the user,
     * the scales given.
     *
     * @return a new array, one scale per replicate
     */
    public double[] replicateScales() {
        return rscales.clone();
    }

    /**
     * Whether the squared deviations are taken around the full-sample estimate (survey's {@code mse = TRUE}) rather
     * than around the mean of the replicates (the default); see {@link #withMse(boolean)}.
     *
     * @return survey's {@code mse} of the design
     */
    public boolean mse() {
        return mse;
    }

    /**
     * The degrees of freedom: the rank of the replicate weights less one, survey's {@code degf} of a replicate
     * design, \( \operatorname{rank}(W) - 1 \) with W the respondents × replicates analysis weights
     * \( w_i m_{p(i) r} \), the rank as R's {@code qr(W, tol = 1e-5)} counts it (LINPACK's column by column test).
     * Units of weight 0 contribute rows of 0, so the replicates that only they tell apart count once: the
     * delete-one jackknife of n units, \( n_0 \) of them of weight 0, has \( n - n_0 - 1 \); the stratified
     * jackknife of survey's apistrat (200 schools in 3 strata) with 17 schools of weight 0, some in every stratum,
     * has 182 where units less strata would be 197. Every constructor counts it so, and
     * {@link Calibration} counts it again on the recalibrated weights where survey does. The count takes of the
     * order of \( R^3/6 \) operations for R replicates (about 1.5 s for a jackknife of 2,000 units; R's {@code qr}
     * of the respondents × replicates weights takes more).
     *
     * @return the degrees of freedom
     */
    @Override
    public int degreesOfFreedom() {
        return degreesOfFreedom;
    }

    /**
     * The number of respondents.
     *
     * @return n
     */
    @Override
    public int size() {
        return design.n;
    }

    /**
     * A respondent's full-sample weight.
     *
     * @param i the respondent, from 0
     * @return the weight
     */
    @Override
    public double weight(int i) {
        return design.weight(i);
    }

    /** The full-sample design the replicates were made from. */
    SurveyDesign base() {
        return design;
    }

    /** Respondent i's weight in replicate r: the full-sample weight times its unit's multiplier. */
    double replicateWeight(int i, int r) {
        return design.weights[i] * multipliers[design.unit[i] * replicates + r];
    }

    /**
     * Each replicate's weighted count of each calibration class, \( \sum_{i \in c} w_i m_{p(i) r} \): {@code [r][c]},
     * from the sums of the units' respondents in each class.
     *
     * @param classOf each respondent's class, 0 to classes − 1
     * @param classes the number of classes
     */
    double[][] classTotals(int[] classOf, int classes) {
        Cells cells = cells(classOf, classes);
        double[][] totals = new double[replicates][classes];
        for (int k = 0; k < cells.unit().length; k++) {
            int p = cells.unit()[k];
            int c = cells.category()[k];
            double w = cells.weight()[k];
            for (int r = 0; r < replicates; r++) {
                totals[r][c] += multipliers[p * replicates + r] * w;
            }
        }
        return totals;
    }

    /**
     * This design recalibrated replicate by replicate, as survey's {@code postStratify}, {@code rake} and
     * {@code calibrate} on an {@code svyrep.design}: respondent i of class c has the full-sample weight
     * {@code weights[i]} (the calibrated \( w_i g_c \)) and in replicate r the weight \( w_i m_{p(i) r} g_{rc} \),
     * held as the multiplier \( m_{p(i) r} g_{rc} / g_c \) of a new unit per primary unit and class. The scales and
     * the centring stay; the degrees of freedom are the new multipliers' rank less one when {@code recount} (survey
     * recomputes {@code degf} after {@code postStratify}, {@code rake} and linear calibration), else kept (its
     * {@code calibrate} with a distance function or bounds keeps them).
     *
     * @param weights the calibrated full-sample weights
     * @param classOf each respondent's class: respondents of a class share their g in every replicate
     * @param classes the number of classes
     * @param fullG each class's g in the full sample
     * @param replicateG each replicate's g of each class, {@code [r][c]}
     * @param recount whether to recount the degrees of freedom
     * @throws IllegalArgumentException if a class of respondents with non-zero weights has a full-sample g of 0
     *         (their replicate weights would not be multiples of their weights)
     */
    ReplicateDesign recalibrated(double[] weights, int[] classOf, int classes, double[] fullG, double[][] replicateG,
            boolean recount) {
        Cells cells = cells(classOf, classes);
        String[] unitOf = new String[design.n];
        boolean negative = false;
        for (int i = 0; i < design.n; i++) {
            unitOf[i] = Integer.toString(cells.of()[i]);
            negative |= weights[i] < 0;
        }
        SurveyDesign.Builder builder = SurveyDesign.builder(weights).clusters(unitOf);
        SurveyDesign base = (negative ? builder.allowNegativeWeights() : builder).build();
        int units = cells.unit().length;
        double[] m = new double[units * replicates];
        for (int i = 0; i < design.n; i++) {
            int k = cells.of()[i];
            int u = base.unit[i];
            int c = cells.category()[k];
            if (fullG[c] == 0) {
                if (design.weights[i] != 0) {
                    throw new IllegalArgumentException("Respondent " + (i + 1) + " has a calibrated weight of 0: its"
                            + " replicate weights cannot be held as multiples of it; keep g away from 0 (bounds)");
                }
                continue;
            }
            int p = cells.unit()[k];
            for (int r = 0; r < replicates; r++) {
                m[u * replicates + r] = multipliers[p * replicates + r] * replicateG[r][c] / fullG[c];
            }
        }
        return new ReplicateDesign(base, m, replicates, scale, rscales, mse,
                recount ? degreesOfFreedom(base, m, replicates) : degreesOfFreedom);
    }

    /**
     * survey's {@code degf} of a replicate design, the rank of its analysis weights less one: each respondent's
     * weight in each replicate, \( w_i m_{p(i) r} \), so that units of weight 0 (whose rows are 0) and replicates
     * they make identical count as R counts them. Every constructor and recalibration counts it here.
     */
    private static int degreesOfFreedom(SurveyDesign design, double[] m, int replicates) {
        return degreesOfFreedom(design, m, replicates, null);
    }

    /**
     * survey's {@code degf} of this design subset to some respondents: {@code subset()} of a replicate design keeps
     * only their rows and counts the rank again on them.
     *
     * @param kept whether each respondent is kept
     */
    int degreesOfFreedom(boolean[] kept) {
        return degreesOfFreedom(design, multipliers, replicates, kept);
    }

    private static int degreesOfFreedom(SurveyDesign design, double[] m, int replicates, boolean[] kept) {
        double[] squares = new double[design.units()];
        int rows = 0;
        for (int i = 0; i < design.n; i++) {
            if (kept == null || kept[i]) {
                squares[design.unit[i]] += design.weights[i] * design.weights[i];
                rows++;
            }
        }
        return qrRank(m, design.units(), replicates, squares, rows) - 1;
    }

    /**
     * The rank R's {@code qr(weights(design, "analysis"), tol = 1e-5)$rank} gives, survey's {@code degf} of a
     * replicate design: LINPACK's {@code dqrdc2} takes the columns (replicates) in order and sets aside one whose
     * norm, once orthogonal to the columns kept, is below 1e-5 of its own norm; the rank counts the columns kept (at
     * most the rows). The norms come from the Gram matrix of the analysis weights, \( \sum_u (\sum_{i \in u}
     * w_i^2) m_u m_u' \), whose squared residual norms are compared with 1e-10 of the squared norms: the
     * recalibrated weights can have singular values between 1e-7 and 1e-5 of the largest, which this criterion
     * counts and a threshold on singular values would not.
     */
    private static int qrRank(double[] m, int units, int replicates, double[] unitSquares, int rows) {
        double[][] gram = gram(m, units, replicates, unitSquares);
        // LINPACK transforms nothing with a column of exact zeros and keeps it (0 is not below 1e-5 of 0).
        boolean[] zero = new boolean[replicates];
        Arrays.fill(zero, true);
        for (int p = 0; p < units; p++) {
            if (unitSquares[p] != 0) {
                for (int r = 0; r < replicates; r++) {
                    zero[r] &= m[p * replicates + r] == 0;
                }
            }
        }
        double[] norms = new double[replicates];
        for (int j = 0; j < replicates; j++) {
            norms[j] = gram[j][j];
        }
        // Cholesky from the right, in place on the upper triangle: once column j is kept, the later columns' Gram
        // matrix becomes that of their parts orthogonal to it, so each diagonal is the squared residual norm when its
        // turn comes; a column set aside transforms nothing.
        int rank = 0;
        for (int j = 0; j < replicates; j++) {
            if (zero[j]) {
                rank++;
                continue;
            }
            double[] pivotRow = gram[j];
            double residual = pivotRow[j];
            if (!(residual >= 1e-10 * norms[j])) {
                continue;
            }
            rank++;
            double pivot = Math.sqrt(residual);
            for (int i = j + 1; i < replicates; i++) {
                pivotRow[i] = zero[i] ? 0 : pivotRow[i] / pivot;
            }
            for (int i = j + 1; i < replicates; i++) {
                double factor = pivotRow[i];
                if (factor != 0) {
                    double[] row = gram[i];
                    for (int k = i; k < replicates; k++) {
                        row[k] -= factor * pivotRow[k];
                    }
                }
            }
        }
        return Math.min(rank, rows);
    }

    /**
     * The upper triangle of the Gram matrix of the analysis weights, \( G_{ab} = \sum_u s_u m_{ua} m_{ub} \) with
     * \( s_u = \sum_{i \in u} w_i^2 \). Each column is a common multiplier \( c_a \) plus deviations \( d_{ua} \) on
     * few units (a jackknife replicate's one or one stratum's), or all its multipliers when none is common, so that
     * \( G_{ab} = c_a c_b S + c_a D_b + c_b D_a + \sum_u s_u d_{ua} d_{ub} \), \( S = \sum_u s_u \),
     * \( D_a = \sum_u s_u d_{ua} \): of order \( R^2 \) plus R times the deviations, not units × R².
     */
    private static double[][] gram(double[] m, int units, int replicates, double[] unitSquares) {
        Deviations deviations = deviations(m, units, replicates);
        double[] common = deviations.common();
        int[][] index = new int[replicates][];
        double[][] value = new double[replicates][];
        double total = 0;
        for (int p = 0; p < units; p++) {
            total += unitSquares[p];
        }
        double[] sums = new double[replicates];
        for (int r = 0; r < replicates; r++) {
            int[] off = deviations.units()[r];
            if (off == null) {
                off = new int[units];
                Arrays.setAll(off, p -> p);
            }
            index[r] = off;
            value[r] = new double[off.length];
            for (int k = 0; k < off.length; k++) {
                int p = off[k];
                value[r][k] = m[p * replicates + r] - common[r];
                sums[r] += unitSquares[p] * value[r][k];
            }
        }
        double[][] gram = new double[replicates][replicates];
        double[] scattered = new double[units];
        for (int a = 0; a < replicates; a++) {
            for (int k = 0; k < index[a].length; k++) {
                scattered[index[a][k]] = unitSquares[index[a][k]] * value[a][k];
            }
            for (int b = a; b < replicates; b++) {
                double cross = 0;
                int[] ib = index[b];
                double[] vb = value[b];
                for (int k = 0; k < ib.length; k++) {
                    cross += scattered[ib[k]] * vb[k];
                }
                gram[a][b] = common[a] * common[b] * total + common[a] * sums[b] + common[b] * sums[a] + cross;
            }
            for (int k = 0; k < index[a].length; k++) {
                scattered[index[a][k]] = 0;
            }
        }
        return gram;
    }

    /**
     * The cells primary unit × class that hold respondents, numbered in order of first appearance: each
     * respondent's cell, and each cell's unit, class and total weight.
     */
    private record Cells(int[] of, int[] unit, int[] category, double[] weight) {
    }

    private Cells cells(int[] classOf, int classes) {
        Map<Long, Integer> index = new java.util.HashMap<>();
        int[] of = new int[design.n];
        int[] unit = new int[design.n];
        int[] category = new int[design.n];
        double[] weight = new double[design.n];
        for (int i = 0; i < design.n; i++) {
            int p = design.unit[i];
            int c = classOf[i];
            Integer k = index.putIfAbsent((long) p * classes + c, index.size());
            int cell = k == null ? index.size() - 1 : k;
            if (k == null) {
                unit[cell] = p;
                category[cell] = c;
            }
            weight[cell] += design.weights[i];
            of[i] = cell;
        }
        int count = index.size();
        return new Cells(of, Arrays.copyOf(unit, count), Arrays.copyOf(category, count), Arrays.copyOf(weight, count));
    }

    /**
     * Each replicate's weighted mean of a 0/1 answer in each domain, from the units' sums: {@code [r][d]}. Only
     * the respondents answered (all, if null) count.
     */
    double[][] domainMeans(int count, int[] domainOf, boolean[] yes, boolean[] answered) {
        int units = design.units();
        double[] weightY = new double[units * count];
        double[] weightAll = new double[units * count];
        for (int i = 0; i < design.n; i++) {
            if (answered == null || answered[i]) {
                int cell = design.unit[i] * count + domainOf[i];
                weightAll[cell] += design.weights[i];
                weightY[cell] += yes[i] ? design.weights[i] : 0;
            }
        }
        double[][] means = new double[replicates][count];
        double[][] all = new double[replicates][count];
        for (int p = 0; p < units; p++) {
            for (int d = 0; d < count; d++) {
                for (int r = 0; r < replicates; r++) {
                    double m = multipliers[p * replicates + r];
                    means[r][d] += m * weightY[p * count + d];
                    all[r][d] += m * weightAll[p * count + d];
                }
            }
        }
        for (int r = 0; r < replicates; r++) {
            for (int d = 0; d < count; d++) {
                means[r][d] /= all[r][d];
            }
        }
        return means;
    }

    /**
     * The replicates' standard error of the logit of the share answering yes, as survey's {@code svyglm(y ~ 1,
     * family = quasibinomial)} on a replicate design refits it: each replicate's intercept is the logit of its
     * weighted share \( \hat p_r \) (the quasi-binomial score equation of an intercept alone), so the variance is
     * {@link #covariance} of \( \operatorname{logit} \hat p_r \) around the full sample's logit or their mean.
     * Only the respondents answered (all, if null) count, as svyglm drops missing rows from every replicate's fit.
     *
     * @param yes each respondent's answer
     * @param answered whether each respondent answered, or null
     * @param logit the full-sample logit
     */
    double logitStandardError(boolean[] yes, boolean[] answered, double logit) {
        double[][] values = domainMeans(1, new int[design.n], yes, answered);
        for (double[] value : values) {
            value[0] = Math.log(value[0] / (1 - value[0]));
        }
        return Math.sqrt(covariance(values, new double[] {logit})[0][0]);
    }

    /**
     * Each replicate's weighted totals of k values per respondent ({@code values[i * k + j]}), from the units'
     * sums: {@code [r][j]}.
     */
    double[][] replicateTotals(double[] values, int k) {
        int units = design.units();
        double[] unitSums = new double[units * k];
        for (int i = 0; i < design.n; i++) {
            double w = design.weights[i];
            int base = design.unit[i] * k;
            for (int j = 0; j < k; j++) {
                unitSums[base + j] += w * values[i * k + j];
            }
        }
        double[][] totals = new double[replicates][k];
        for (int p = 0; p < units; p++) {
            for (int r = 0; r < replicates; r++) {
                double m = multipliers[p * replicates + r];
                for (int j = 0; j < k; j++) {
                    totals[r][j] += m * unitSums[p * k + j];
                }
            }
        }
        return totals;
    }

    /**
     * The covariance of a vector statistic from its replicate values, survey's {@code svrVar}:
     * \( s \sum_r c_r (\hat θ_r - \bar θ)(\hat θ_r - \bar θ)' \), centred at the mean of the replicates with a
     * non-zero scale, or at the full-sample estimate under {@code mse}.
     *
     * @param values each replicate's statistic
     * @param estimate the full-sample statistic
     */
    double[][] covariance(double[][] values, double[] estimate) {
        int k = estimate.length;
        double[] centre = estimate.clone();
        if (!mse) {
            Arrays.fill(centre, 0);
            int used = 0;
            for (int r = 0; r < replicates; r++) {
                if (rscales[r] > 0) {
                    used++;
                    for (int j = 0; j < k; j++) {
                        centre[j] += values[r][j];
                    }
                }
            }
            for (int j = 0; j < k; j++) {
                centre[j] /= used;
            }
        }
        double[][] covariance = new double[k][k];
        for (int r = 0; r < replicates; r++) {
            for (int a = 0; a < k; a++) {
                double da = values[r][a] - centre[a];
                for (int b = 0; b < k; b++) {
                    covariance[a][b] += scale * rscales[r] * da * (values[r][b] - centre[b]);
                }
            }
        }
        return covariance;
    }

    /**
     * Ratio means (or totals) by domain, with their replicate variances: \( \hat θ_d = \sum w y/\sum w \) over the
     * domain (or \( \sum w y \)), each replicate's from the units' sums times the unit's multiplier. A replicate in
     * which a domain has no weight is left out of that domain's variance, as survey leaves out replicates that
     * give NA. With them, each domain's full-sample sums of weights and of weighted values, which the design
     * effects' unit variances centre on without another pass.
     */
    Estimates estimates(List<String> names, int[] code, int[] counts, Variable y, boolean ratio) {
        int count = names.size();
        int units = design.units();
        // One pass, in parallel chunks: per unit and domain the weight and the weighted value, then per domain the
        // respondents.
        double[] w = design.weights;
        int[] unit = design.unit;
        double[] sums = Chunks.sum(design.n, (from, to) -> {
            // Each chunk's cells in an array allocated here, which the compiler knows aliases none of the inputs.
            double[] cells = new double[2 * units * count + count];
            if (code == null) {
                // One domain: no code to read, and the respondents counted once, not incremented row by row (a
                // chain of stores to a single cell, each waiting for the last, would bound the loop).
                for (int i = from; i < to; i++) {
                    int cell = 2 * unit[i];
                    double weight = w[i];
                    cells[cell] += weight;
                    cells[cell + 1] += weight * y.at(i);
                }
                cells[2 * units] += to - from;
                return cells;
            }
            if (counts != null) {
                // The domains' respondents already counted: two stores a row instead of three.
                for (int i = from; i < to; i++) {
                    int cell = 2 * (unit[i] * count + code[i]);
                    double weight = w[i];
                    cells[cell] += weight;
                    cells[cell + 1] += weight * y.at(i);
                }
                return cells;
            }
            for (int i = from; i < to; i++) {
                int d = code[i];
                int cell = 2 * (unit[i] * count + d);
                double weight = w[i];
                cells[cell] += weight;
                cells[cell + 1] += weight * y.at(i);
                cells[2 * units * count + d]++;
            }
            return cells;
        });
        double[] weightY = new double[units * count];
        double[] weightAll = new double[units * count];
        for (int c = 0; c < units * count; c++) {
            weightAll[c] = sums[2 * c];
            weightY[c] = sums[2 * c + 1];
        }
        int[] respondents = new int[count];
        for (int d = 0; d < count; d++) {
            respondents[d] = counts != null ? counts[d] : (int) sums[2 * units * count + d];
        }
        double[] fullY = new double[count];
        double[] fullAll = new double[count];
        double[][] repY = new double[replicates][count];
        double[][] repAll = new double[replicates][count];
        for (int p = 0; p < units; p++) {
            int row = p * count;
            for (int d = 0; d < count; d++) {
                fullY[d] += weightY[row + d];
                fullAll[d] += weightAll[row + d];
            }
        }
        // A replicate's totals: its common multiplier times the full sample's, corrected for the units whose
        // multiplier differs (a jackknife replicate's one deleted unit) — or, when most units differ (half
        // samples), the sum over units. The inner loops run along contiguous rows of domains.
        Deviations sparse = deviations();
        for (int r = 0; r < replicates; r++) {
            double[] replicateY = repY[r];
            double[] all = repAll[r];
            int[] unitsOff = sparse.units()[r];
            if (unitsOff == null) {
                for (int p = 0; p < units; p++) {
                    double m = multipliers[p * replicates + r];
                    if (m != 0) {
                        add(replicateY, all, m, weightY, weightAll, p * count, count);
                    }
                }
                continue;
            }
            double common = sparse.common()[r];
            for (int d = 0; d < count; d++) {
                replicateY[d] = common * fullY[d];
                all[d] = common * fullAll[d];
            }
            for (int j = 0; j < unitsOff.length; j++) {
                int p = unitsOff[j];
                add(replicateY, all, multipliers[p * replicates + r] - common, weightY, weightAll, p * count, count);
            }
        }
        List<SurveyEstimate> estimates = new ArrayList<>(count);
        for (int d = 0; d < count; d++) {
            double estimate = ratio ? fullY[d] / fullAll[d] : fullY[d];
            double sum = 0;
            int used = 0;
            for (int r = 0; r < replicates; r++) {
                if ((!ratio || repAll[r][d] > 0) && rscales[r] > 0) {
                    sum += ratio ? repY[r][d] / repAll[r][d] : repY[r][d];
                    used++;
                }
            }
            double centre = mse ? estimate : sum / used;
            double variance = 0;
            for (int r = 0; r < replicates; r++) {
                if (!ratio || repAll[r][d] > 0) {
                    double deviation = (ratio ? repY[r][d] / repAll[r][d] : repY[r][d]) - centre;
                    variance += rscales[r] * deviation * deviation;
                }
            }
            estimates.add(new SurveyEstimate(names.get(d), estimate, Math.sqrt(scale * variance),
                    OptionalDouble.empty(), respondents[d], degreesOfFreedom));
        }
        return new Estimates(estimates, fullAll, fullY);
    }

    /**
     * The estimates by domain and, per domain, the full sample's sum of weights and of weighted values.
     *
     * @param estimates the estimates, one a domain
     * @param weights each domain's \( \sum w \)
     * @param weighted each domain's \( \sum w y \)
     */
    record Estimates(List<SurveyEstimate> estimates, double[] weights, double[] weighted) {
    }

    private static void add(double[] y, double[] all, double m, double[] weightY, double[] weightAll, int row,
            int count) {
        for (int d = 0; d < count; d++) {
            y[d] += m * weightY[row + d];
            all[d] += m * weightAll[row + d];
        }
    }

    /**
     * For each replicate, the multiplier most units share and the units whose multiplier differs, or null units
     * when fewer than half share one (then the replicate's totals are summed unit by unit).
     */
    private record Deviations(double[] common, int[][] units) {
    }

    private Deviations deviations() {
        Deviations known = deviations;
        if (known != null) {
            return known;
        }
        known = deviations(multipliers, design.units(), replicates);
        deviations = known;
        return known;
    }

    private static Deviations deviations(double[] multipliers, int units, int replicates) {
        double[] common = new double[replicates];
        int[][] off = new int[replicates][];
        for (int r = 0; r < replicates; r++) {
            // Boyer and Moore's majority vote: the value held by more than half the units, if one is
            double candidate = 0;
            int votes = 0;
            for (int p = 0; p < units; p++) {
                double m = multipliers[p * replicates + r];
                if (votes == 0) {
                    candidate = m;
                    votes = 1;
                } else {
                    votes += m == candidate ? 1 : -1;
                }
            }
            int differing = 0;
            for (int p = 0; p < units; p++) {
                differing += multipliers[p * replicates + r] == candidate ? 0 : 1;
            }
            if (2 * differing < units) {
                common[r] = candidate;
                off[r] = new int[differing];
                int j = 0;
                for (int p = 0; p < units; p++) {
                    if (multipliers[p * replicates + r] != candidate) {
                        off[r][j++] = p;
                    }
                }
            }
        }
        return new Deviations(common, off);
    }

}
