package org.smesurvey.stats.survey;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.smesurvey.core.ReferencePopulation;
import org.smesurvey.core.SizeBand;
import org.smesurvey.stats.meta.Moderators;

/**
 * Calibrates a design's weights to known population totals — post-stratification to one set of categories,
 * raking to several margins (iterative proportional fitting), calibration to totals of any auxiliary variables by
 * the linear (GREG), raking or logit distance with bounds, and weight trimming — as R's {@code postStratify},
 * {@code rake}, {@code calibrate} and {@code trimWeights}, with the same weights and the same variances: the
 * estimating functions are projected on the calibration variables before their variance is taken, so that what
 * the population totals fix adds no variance.
 * Typical totals: the enterprises of a country by size band (a {@code ReferencePopulation}) and by sector.
 *
 * <p>References: Holt, D. and Smith, T. M. F. (1979). Post stratification. <i>Journal of the Royal Statistical
 * Society A</i> 142(1), 33–46. doi:10.2307/2344652; Deming, W. E. and Stephan, F. F. (1940). On a least squares
 * adjustment of a sampled frequency table when the expected marginal totals are known. <i>The Annals of
 * Mathematical Statistics</i> 11(4), 427–444; Lumley, T. (2010). <i>Complex Surveys</i>. Wiley, ch. 7.
 *
 * @since 0.1
 */
public final class Calibration {

    /** survey's {@code rake} defaults: at most 10 sweeps, stopping when no cell moves by 1 (in weight units). */
    private static final int RAKE_SWEEPS = 10;
    private static final double RAKE_EPSILON = 1;
    /** survey projects on raking margins in 10 rounds. */
    private static final int RAKE_PROJECTION_ROUNDS = 10;
    /** The convergence check holds the margins' cross-table in memory: at most ten million cells. */
    private static final long MAX_CELLS = 10_000_000;

    private Calibration() {
    }

    /**
     * One projection step: x_i ← x_i − w'_i f_i' G^{-1} Σ_j f_j u_j x_j / w'_j, G = Σ_j u_j f_j f_j', with f a
     * category's indicator (post-stratification: u the weights before the step; raking: u is null, ones) or the
     * calibration variables (GREG: u the weights before calibration).
     */
    record Step(int[] category, int categories, double[] newWeights, CrossTable scaled, double[] u,
            double[] features) {

        /** A categorical step: each respondent's feature row is its category's indicator. */
        Step(int[] category, int categories, double[] newWeights, double[] u) {
            this(category, categories, newWeights, null, u, null);
        }

        /**
         * A raking step whose weights are not stored: each respondent's base weight times its cross-table cell's
         * factor after the step (one weight vector fewer to write and keep).
         */
        Step(int[] category, int categories, CrossTable scaled) {
            this(category, categories, null, scaled, null, null);
        }

        /** A GREG step: each respondent's feature row is its calibration variables, {@code features[i * q + j]}. */
        static Step regression(double[] features, int q, double[] newWeights, double[] u) {
            return new Step(null, q, newWeights, null, u, features);
        }

        /** Respondent i's weight after the step. */
        double newWeight(int i) {
            return newWeights != null ? newWeights[i] : scaled.weight(i);
        }

        double u(int i) {
            return u == null ? 1 : u[i];
        }

        /** How many entries of a feature row are visited: one category, or every variable. */
        int entries() {
            return category == null ? categories : 1;
        }

        int column(int i, int entry) {
            return category == null ? entry : category[i];
        }

        double value(int i, int entry) {
            return category == null ? features[i * categories + entry] : 1;
        }
    }

    /** Steps applied in order, {@code rounds} times. */
    record Projection(List<Step> steps, int rounds) {
    }

    /**
     * Post-stratifies: each respondent's weight times the population total of its category over the weighted
     * count of the category, survey's {@code postStratify(design, ~category, population)}.
     *
     * @param design the design
     * @param categories each respondent's category (a size band, a sector)
     * @param totals the population total of every category
     * @return the post-stratified design
     * @throws IllegalArgumentException if a category of the sample has no total, a total's category has no
     *         respondent, or a total is not positive
     */
    public static SurveyDesign postStratify(SurveyDesign design, String[] categories, Map<String, Double> totals) {
        Objects.requireNonNull(design, "design");
        Margin margin = Margin.of(design, categories, totals, "post-stratum");
        double[] newWeights = margin.reweight(design.weights);
        double[] u = design.weights.clone();
        Step step = new Step(margin.category, margin.names.size(), newWeights, u);
        return design.calibrated(newWeights, new Projection(List.of(step), 1));
    }

    /**
     * Rakes to several margins, survey's {@code rake(design, list(~a, ~b), list(totalsA, totalsB))} with its
     * defaults: sweeps of post-stratification over the margins in turn, at most 10, until no cell of the
     * margins' cross-table moves by more than one weight unit.
     *
     * @param design the design
     * @param margins each margin's categories, one per respondent
     * @param totals each margin's population totals
     * @return the raked design
     * @throws IllegalArgumentException if the lists differ in length or are empty, or a margin's categories and
     *         totals do not match (see {@link #postStratify})
     */
    public static SurveyDesign rake(SurveyDesign design, List<String[]> margins, List<Map<String, Double>> totals) {
        Objects.requireNonNull(design, "design");
        Objects.requireNonNull(margins, "margins");
        List<Domains> coded = new ArrayList<>();
        for (String[] margin : margins) {
            coded.add(Domains.of(Objects.requireNonNull(margin, "margin")));
        }
        return rakeCoded(design, coded, totals);
    }

    /**
     * Rakes to several margins whose categories were coded once ({@link Domains}), as
     * {@link #rake(SurveyDesign, List, List)}: for repeated rakings of the same respondents.
     *
     * @param design the design
     * @param margins each margin's categories, coded
     * @param totals each margin's population totals
     * @return the raked design
     * @throws IllegalArgumentException as {@link #rake(SurveyDesign, List, List)}
     */
    public static SurveyDesign rakeCoded(SurveyDesign design, List<Domains> margins,
            List<Map<String, Double>> totals) {
        Objects.requireNonNull(design, "design");
        Objects.requireNonNull(margins, "margins");
        Objects.requireNonNull(totals, "totals");
        if (margins.isEmpty() || margins.size() != totals.size()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "Raking needs as many margins as sets of totals, at least one: %d and %d", margins.size(),
                    totals.size()));
        }
        List<Margin> list = margins(design, margins, totals);
        // Every respondent of a cell of the margins' cross-table gets the same factors, so iterative proportional
        // fitting runs on the cells' weights: one pass to total them, the sweeps on the cells, one pass to write the
        // raked weights. The weights after each earlier margin's step of the last sweep, which the variance's
        // projection needs, are not stored: each is a respondent's weight times its cell's factor, computed when read.
        int[][] codes = new int[list.size()][];
        int[] sizes = new int[list.size()];
        long cellCount = 1;
        for (int m = 0; m < list.size(); m++) {
            codes[m] = list.get(m).category;
            sizes[m] = list.get(m).names.size();
            cellCount *= sizes[m];
            if (cellCount > MAX_CELLS) {
                throw new IllegalArgumentException("The margins' cross-table has more than " + MAX_CELLS
                        + " cells: rake to fewer or coarser margins");
            }
        }
        int cells = (int) cellCount;
        CrossTable cross = new CrossTable(design.weights, codes, sizes, null);
        // The raked weights' array holds each respondent's cell until the last pass replaces it by the weight:
        // that pass reads one array instead of every margin's codes, and no other large array is allocated.
        double[] weights = new double[design.n];
        double[] cellWeight = Chunks.sum(design.n, (from, to) -> {
            double[] into = new double[cells];
            int[] block = new int[CrossTable.BLOCK];
            for (int start = from; start < to; start += CrossTable.BLOCK) {
                int length = Math.min(CrossTable.BLOCK, to - start);
                cross.cells(start, length, block);
                for (int j = 0; j < length; j++) {
                    into[block[j]] += design.weights[start + j];
                    weights[start + j] = block[j];
                }
            }
            return into;
        });
        int[][] categoryOfCell = categoryOfCell(sizes, cells, c -> c);
        double[][] stepFactor = new double[list.size()][];
        sweeps(list, categoryOfCell, cellWeight, RAKE_SWEEPS, true, stepFactor);
        int last = list.size() - 1;
        double[] rakedFactor = stepFactor[last];
        Chunks.run(design.n, (from, to) -> {
            for (int i = from; i < to; i++) {
                weights[i] = design.weights[i] * rakedFactor[(int) weights[i]];
            }
        });
        List<Step> steps = new ArrayList<>();
        for (int m = 0; m < last; m++) {
            steps.add(new Step(codes[m], sizes[m], cross.withFactor(stepFactor[m])));
        }
        steps.add(new Step(codes[last], sizes[last], weights, null));
        // Every factor is positive (a product of totals over positive sums), so the raked weights are 0 where the
        // design's were.
        return design.calibrated(weights, new Projection(List.copyOf(steps), RAKE_PROJECTION_ROUNDS),
                design.hasZeroWeights);
    }

    /** Each margin coded over the design's respondents, with its totals. */
    private static List<Margin> margins(SurveyDesign design, List<Domains> margins, List<Map<String, Double>> totals) {
        List<Margin> list = new ArrayList<>();
        for (int m = 0; m < margins.size(); m++) {
            list.add(Margin.of(Objects.requireNonNull(margins.get(m), "margin").coding(design.n), totals.get(m),
                    "margin " + (m + 1) + " category"));
        }
        return list;
    }

    /**
     * Each margin's category of each of {@code cells} cells of the cross-table, cell j being the one numbered
     * {@code number(j)} in mixed radix (the last margin fastest).
     */
    private static int[][] categoryOfCell(int[] sizes, int cells, java.util.function.IntUnaryOperator number) {
        int[][] categoryOfCell = new int[sizes.length][cells];
        for (int c = 0; c < cells; c++) {
            int rest = number.applyAsInt(c);
            for (int m = sizes.length - 1; m >= 0; m--) {
                categoryOfCell[m][c] = rest % sizes[m];
                rest /= sizes[m];
            }
        }
        return categoryOfCell;
    }

    /**
     * Iterative proportional fitting on the cells' weights, survey's {@code rake}: sweeps of post-stratification
     * over the margins in turn, at most {@code sweeps}, stopping after a sweep in which no cell moved by
     * {@link #RAKE_EPSILON} when {@code untilSettled} (else running them all, as survey's replicates follow the full
     * sample's sweeps). Each margin's step leaves the cells' factors in {@code stepFactor[m]}; the last margin's are
     * the raking's.
     *
     * @return the sweeps run
     */
    private static int sweeps(List<Margin> list, int[][] categoryOfCell, double[] cellWeight, int sweeps,
            boolean untilSettled, double[][] stepFactor) {
        int cells = cellWeight.length;
        double[] factor = new double[cells];
        java.util.Arrays.fill(factor, 1);
        double[] table = cellWeight.clone();
        for (int sweep = 0; sweep < sweeps; sweep++) {
            for (int m = 0; m < list.size(); m++) {
                Margin margin = list.get(m);
                double[] sums = new double[margin.names.size()];
                for (int c = 0; c < cells; c++) {
                    sums[categoryOfCell[m][c]] += cellWeight[c] * factor[c];
                }
                for (int c = 0; c < cells; c++) {
                    int k = categoryOfCell[m][c];
                    if (sums[k] > 0) {
                        factor[c] *= margin.totals[k] / sums[k];
                    }
                }
                stepFactor[m] = factor.clone();
            }
            double change = 0;
            for (int c = 0; c < cells; c++) {
                double now = cellWeight[c] * factor[c];
                change = Math.max(change, Math.abs(now - table[c]));
                table[c] = now;
            }
            if (untilSettled && change < RAKE_EPSILON) {
                return sweep + 1;
            }
        }
        return sweeps;
    }

    /**
     * The margins' cross-table of a raking: each respondent's cell from its margins' codes, and, with a factor
     * per cell, its base weight times its cell's factor.
     */
    record CrossTable(double[] base, int[][] codes, int[] sizes, double[] factor) {

        /** Respondents whose cells are computed together, margin by margin: a block that stays in L1. */
        static final int BLOCK = 2048;

        /** The cells of respondents {@code from} to {@code from + length}, into {@code into[0..length)}. */
        void cells(int from, int length, int[] into) {
            java.util.Arrays.fill(into, 0, length, 0);
            for (int m = 0; m < codes.length; m++) {
                int[] code = codes[m];
                int size = sizes[m];
                for (int j = 0; j < length; j++) {
                    into[j] = into[j] * size + code[from + j];
                }
            }
        }

        int cell(int i) {
            int cell = 0;
            for (int m = 0; m < codes.length; m++) {
                cell = cell * sizes[m] + codes[m][i];
            }
            return cell;
        }

        double weight(int i) {
            return base[i] * factor[cell(i)];
        }

        CrossTable withFactor(double[] cellFactor) {
            return new CrossTable(base, codes, sizes, cellFactor);
        }
    }

    /**
     * The distance functions of {@link #calibrate}: the g-weight \( g_i = F(x_i'λ) \) each gives.
     *
     * <p>Reference: Deville, J.-C. and Särndal, C.-E. (1992). Calibration estimators in survey sampling.
     * <i>Journal of the American Statistical Association</i> 87(418), 376–382 (cases 1, 2 and 6); survey's
     * {@code cal.linear}, {@code cal.raking}, {@code cal.logit}.
     */
    public enum Distance {
        /** Chi-squared distance: \( F(u) = 1 + u \), the GREG estimator; with bounds, truncated to them. */
        LINEAR,
        /** Multiplicative: \( F(u) = e^u \), raking to the totals (positive weights, no bounds needed). */
        RAKING,
        /** Logit: g stays strictly between finite bounds L &lt; 1 &lt; U. */
        LOGIT;

        /** F(u) − 1. */
        double minusOne(double u, double lower, double upper) {
            return switch (this) {
                case LINEAR -> Math.min(Math.max(u + 1, lower), upper) - 1;
                case RAKING -> Math.expm1(u);
                case LOGIT -> {
                    double a = (upper - lower) / ((upper - 1) * (1 - lower));
                    double e = Math.exp(a * u);
                    yield (lower * (upper - 1) + upper * (1 - lower) * e) / (upper - 1 + (1 - lower) * e) - 1;
                }
            };
        }

        /** F'(u). */
        double derivative(double u, double lower, double upper) {
            return switch (this) {
                case LINEAR -> u < upper - 1 && u > lower - 1 ? 1 : 0;
                case RAKING -> Math.exp(u);
                case LOGIT -> {
                    double a = (upper - lower) / ((upper - 1) * (1 - lower));
                    double e = Math.exp(a * u);
                    double denominator = upper - 1 + (1 - lower) * e;
                    yield upper * (1 - lower) * e * a / denominator
                            - (lower * (upper - 1) + upper * (1 - lower) * e) * ((1 - lower) * e * a)
                                    / (denominator * denominator);
                }
            };
        }
    }

    /** survey's {@code grake}: at most 50 Newton steps; we stop at a misfit of 1e-10 relative to 1 + |total|. */
    private static final int CALIBRATION_STEPS = 50;
    private static final double CALIBRATION_EPSILON = 1e-10;
    /** survey rescales the weights first when every total is more than 20 times its sample estimate. */
    private static final double RESCALE_THRESHOLD = 20;

    /**
     * Calibrates to population totals of auxiliary variables by the linear (GREG) distance, unbounded: survey's
     * {@code calibrate(design, formula, population)}, the weights \( w_i(1 + x_i'T^{-1}(t_x - \hat t_x)) \),
     * \( T = \sum w_i x_i x_i' \).
     *
     * @param design the design
     * @param x the auxiliary variables, one row per respondent (an intercept for the population size)
     * @param population the population total of each column of x
     * @return the calibrated design, whose variances use the residuals of the estimating functions on x
     * @throws IllegalArgumentException as {@link #calibrate(SurveyDesign, Moderators, double[], Distance, double,
     *         double)}
     */
    public static SurveyDesign calibrate(SurveyDesign design, Moderators x, double[] population) {
        return calibrate(design, x, population, Distance.LINEAR, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    /**
     * Calibrates to population totals of auxiliary variables with a distance function and bounds on the ratio
     * g of new to old weights, survey's {@code calibrate(design, formula, population, calfun, bounds)}: Newton's
     * method on the calibration equations \( \sum_i w_i F(x_i'λ) x_i = t_x \) (survey's {@code grake}, its step
     * halving and its rescaling of the weights when every total exceeds 20 times its estimate), to a misfit under
     * 1e-10 relative to 1 + |total|. Variances project the estimating functions on x with the original weights,
     * as survey's {@code greg_calibration} does.
     *
     * <p>References: Deville, J.-C. and Särndal, C.-E. (1992), JASA 87, 376–382; Lumley, T. (2010).
     * <i>Complex Surveys</i>. Wiley, §7.3–7.4.
     *
     * @param design the design
     * @param x the auxiliary variables, one row per respondent
     * @param population the population total of each column of x, in the columns' order
     * @param distance the distance function
     * @param lower the lower bound on g (or −∞)
     * @param upper the upper bound on g (or +∞)
     * @return the calibrated design
     * @throws IllegalArgumentException if the sizes differ, a total is not finite, the bounds do not enclose 1
     *         (or are not finite for the logit distance), or the totals cannot be met within the bounds — the
     *         message names the column furthest from its total
     */
    public static SurveyDesign calibrate(SurveyDesign design, Moderators x, double[] population, Distance distance,
            double lower, double upper) {
        Objects.requireNonNull(design, "design");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(population, "population");
        Objects.requireNonNull(distance, "distance");
        int n = design.n;
        int q = x.columns();
        if (x.studies() != n || population.length != q) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%d respondents and %d rows of"
                    + " calibration variables; %d columns and %d population totals", n, x.studies(), q,
                    population.length));
        }
        for (int j = 0; j < q; j++) {
            if (!Double.isFinite(population[j])) {
                throw new IllegalArgumentException("The population total of " + x.names().get(j) + " is not finite: "
                        + population[j]);
            }
        }
        if (!(lower < 1 && upper > 1) || Double.isNaN(lower) || Double.isNaN(upper)) {
            throw new IllegalArgumentException("The bounds on g must enclose 1: [" + lower + ", " + upper + "]");
        }
        if (distance == Distance.LOGIT && !(Double.isFinite(lower) && Double.isFinite(upper))) {
            throw new IllegalArgumentException("Logit calibration needs finite bounds: [" + lower + ", " + upper
                    + "]");
        }
        double[] features = new double[n * q];
        for (int i = 0; i < n; i++) {
            System.arraycopy(x.rowArrayOf(i), 0, features, i * q, q);
        }
        double[] w = design.weights;
        double[] g = distance == Distance.LINEAR && lower == Double.NEGATIVE_INFINITY
                && upper == Double.POSITIVE_INFINITY ? regression(features, q, w, population)
                        : newton(features, q, w, population, distance, lower, upper, x.names());
        double[] newWeights = new double[n];
        for (int i = 0; i < n; i++) {
            newWeights[i] = w[i] * g[i];
        }
        Step step = Step.regression(features, q, newWeights, w.clone());
        return design.calibrated(newWeights, new Projection(List.of(step), 1));
    }

    /**
     * Calibrates to the totals of several categorical margins at once — size band and NACE section from a
     * register, say — by a distance function with bounds: {@link #calibrate(SurveyDesign, Moderators, double[],
     * Distance, double, double)} on the margins' indicators (every category of the first margin, all but the first
     * of each other, so the matrix has full rank), survey's {@code calibrate(design, ~band + section, totals)}.
     * With the raking distance this meets the margins exactly where {@link #rake} stops within one weight unit.
     *
     * @param design the design
     * @param margins each margin's categories, one per respondent
     * @param totals each margin's population totals, by category
     * @param distance the distance function
     * @param lower the lower bound on g (or −∞)
     * @param upper the upper bound on g (or +∞)
     * @return the calibrated design
     * @throws IllegalArgumentException if the lists differ in length or are empty, a margin's categories and
     *         totals do not match (see {@link #postStratify}), the margins' totals do not add up to the same
     *         population, or the calibration fails (see {@link #calibrate(SurveyDesign, Moderators, double[],
     *         Distance, double, double)})
     */
    public static SurveyDesign calibrate(SurveyDesign design, List<String[]> margins,
            List<Map<String, Double>> totals, Distance distance, double lower, double upper) {
        Objects.requireNonNull(design, "design");
        Indicators indicators = indicators(design, margins, totals);
        return calibrate(design, indicators.x(), indicators.population(), distance, lower, upper);
    }

    /** The margins' indicators as calibration variables, with their population totals. */
    private record Indicators(Moderators x, double[] population) {
    }

    /**
     * Every category of the first margin, all but the first of each other, as {@link #calibrate(SurveyDesign, List,
     * List, Distance, double, double)} calibrates to them.
     */
    private static Indicators indicators(SurveyDesign design, List<String[]> margins,
            List<Map<String, Double>> totals) {
        Objects.requireNonNull(margins, "margins");
        Objects.requireNonNull(totals, "totals");
        if (margins.isEmpty() || margins.size() != totals.size()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "Calibration needs as many margins as sets of totals, at least one: %d and %d", margins.size(),
                    totals.size()));
        }
        Moderators.Builder x = Moderators.builder(design.n).withoutIntercept();
        List<Double> population = new ArrayList<>();
        double size = Double.NaN;
        for (int m = 0; m < margins.size(); m++) {
            Margin margin = Margin.of(design, margins.get(m), totals.get(m), "margin " + (m + 1) + " category");
            double sum = java.util.Arrays.stream(margin.totals).sum();
            if (m == 0) {
                size = sum;
            } else if (Math.abs(sum - size) > 1e-9 * size) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "The totals of margin %d add up to"
                        + " %s, those of margin 1 to %s: they must count the same population", m + 1, sum, size));
            }
            for (int k = m == 0 ? 0 : 1; k < margin.names.size(); k++) {
                double[] indicator = new double[design.n];
                for (int i = 0; i < design.n; i++) {
                    indicator[i] = margin.category[i] == k ? 1 : 0;
                }
                x.numeric("margin " + (m + 1) + " " + margin.names.get(k), indicator);
                population.add(margin.totals[k]);
            }
        }
        return new Indicators(x.build(), population.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** survey's {@code regcalibrate}: g = 1 + x'T^{-1}(t_x − \hat t_x), in closed form. */
    private static double[] regression(double[] features, int q, double[] w, double[] population) {
        int n = w.length;
        double[][] t = new double[q][q];
        double[] misfit = population.clone();
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < q; a++) {
                double wa = w[i] * features[i * q + a];
                misfit[a] -= wa;
                for (int b = 0; b < q; b++) {
                    t[a][b] += wa * features[i * q + b];
                }
            }
        }
        double[] lambda;
        try {
            lambda = new LUDecomposition(
                    MatrixUtils.createRealMatrix(t)).getSolver()
                    .solve(new ArrayRealVector(misfit, false)).toArray();
        } catch (SingularMatrixException e) {
            throw new IllegalArgumentException("The calibration variables are collinear among the respondents", e);
        }
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            double u = 0;
            for (int a = 0; a < q; a++) {
                u += features[i * q + a] * lambda[a];
            }
            g[i] = 1 + u;
        }
        return g;
    }

    /** survey's {@code grake}: Newton steps on λ from 0, a generalised inverse of T, step halving. */
    private static double[] newton(double[] features, int q, double[] weights, double[] population, Distance distance,
            double lower, double upper, List<String> names) {
        int n = weights.length;
        double[] w = weights.clone();
        double[] sampleTotal = new double[q];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < q; a++) {
                sampleTotal[a] += w[i] * features[i * q + a];
            }
        }
        double minimum = Double.POSITIVE_INFINITY;
        double mean = 0;
        for (int a = 0; a < q; a++) {
            double ratio = population[a] / sampleTotal[a];
            minimum = Math.min(minimum, ratio);
            mean += ratio / q;
        }
        double rescale = minimum > RESCALE_THRESHOLD ? mean : 1;
        for (int i = 0; i < n; i++) {
            w[i] *= rescale;
        }
        for (int a = 0; a < q; a++) {
            sampleTotal[a] *= rescale;
        }
        double[] eta = new double[q];
        double[] u = new double[n];
        double[] misfit = misfit(features, q, w, population, sampleTotal, u, distance, lower, upper);
        for (int step = 1; ; step++) {
            double[][] t = new double[q][q];
            for (int i = 0; i < n; i++) {
                double d = w[i] * distance.derivative(u[i], lower, upper);
                if (d != 0) {
                    for (int a = 0; a < q; a++) {
                        for (int b = 0; b < q; b++) {
                            t[a][b] += d * features[i * q + a] * features[i * q + b];
                        }
                    }
                }
            }
            double[] delta = new SingularValueDecomposition(
                    MatrixUtils.createRealMatrix(t)).getSolver()
                    .solve(new ArrayRealVector(misfit, false)).toArray();
            for (int a = 0; a < q; a++) {
                eta[a] += delta[a];
            }
            linear(features, q, eta, u);
            while (step < CALIBRATION_STEPS && !finite(u, distance, lower, upper)) {
                step++;
                for (int a = 0; a < q; a++) {
                    delta[a] /= 2;
                    eta[a] -= delta[a];
                }
                linear(features, q, eta, u);
            }
            misfit = misfit(features, q, w, population, sampleTotal, u, distance, lower, upper);
            int worst = 0;
            double achieved = 0;
            for (int a = 0; a < q; a++) {
                double relative = Math.abs(misfit[a]) / (1 + Math.abs(population[a]));
                if (!(relative <= achieved)) {
                    achieved = relative;
                    worst = a;
                }
            }
            if (achieved < CALIBRATION_EPSILON) {
                break;
            }
            if (step >= CALIBRATION_STEPS) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "Calibration failed: after %d steps"
                        + " the weighted total of %s is %s from its population total %s (%.3g relative); the"
                        + " bounds [%s, %s] on the weights' ratio may be too tight for these totals",
                        CALIBRATION_STEPS, names.get(worst), misfit[worst], population[worst], achieved, lower, upper));
            }
        }
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = (1 + distance.minusOne(u[i], lower, upper)) * rescale;
        }
        return g;
    }

    private static void linear(double[] features, int q, double[] eta, double[] u) {
        for (int i = 0; i < u.length; i++) {
            double sum = 0;
            for (int a = 0; a < q; a++) {
                sum += features[i * q + a] * eta[a];
            }
            u[i] = sum;
        }
    }

    private static boolean finite(double[] u, Distance distance, double lower, double upper) {
        for (double value : u) {
            if (!Double.isFinite(distance.minusOne(value, lower, upper))
                    || !Double.isFinite(distance.derivative(value, lower, upper))) {
                return false;
            }
        }
        return true;
    }

    /** population − sample total − Σ w x (F(u) − 1), survey's misfit. */
    private static double[] misfit(double[] features, int q, double[] w, double[] population, double[] sampleTotal,
            double[] u, Distance distance, double lower, double upper) {
        double[] misfit = new double[q];
        for (int a = 0; a < q; a++) {
            misfit[a] = population[a] - sampleTotal[a];
        }
        for (int i = 0; i < w.length; i++) {
            double f = w[i] * distance.minusOne(u[i], lower, upper);
            for (int a = 0; a < q; a++) {
                misfit[a] -= f * features[i * q + a];
            }
        }
        return misfit;
    }

    /**
     * Post-stratifies a replicate design replicate by replicate, survey's {@code postStratify(repdesign, ~category,
     * population)}: the full-sample weights as {@link #postStratify(SurveyDesign, String[], Map)}, and each
     * replicate's weights \( w_i m_{ir} \) times the category's population total over the replicate's weighted count
     * of the category, \( w_i m_{ir} N_c / \sum_{j \in c} w_j m_{jr} \). Every replicate then meets the totals, so
     * the replicate variances carry what the post-stratification fixes, as the linearised variance of a
     * post-stratified design does. The scales and the centring ({@link ReplicateDesign#withMse}) stay; the
     * degrees of freedom are the recalibrated weights' rank less one, as survey recomputes {@code degf}.
     *
     * <p>The replicate weights are held as multipliers of the full-sample weights, one row per primary unit and
     * category (survey's compressed weights): what survey's {@code compress} chooses changes no estimate.
     *
     * <p>References: Valliant, R. (1993). Poststratification and conditional variance estimation. <i>Journal of the
     * American Statistical Association</i> 88(421), 89–96. doi:10.1080/01621459.1993.10594298; Lumley, T. (2010).
     * <i>Complex Surveys</i>. Wiley, §7.2.
     *
     * @param design the replicate design
     * @param categories each respondent's category
     * @param totals the population total of every category
     * @return the recalibrated replicate design
     * @throws IllegalArgumentException as {@link #postStratify(SurveyDesign, String[], Map)}, or if a replicate has
     *         no weight in a category (survey's weights would be NaN)
     */
    public static ReplicateDesign postStratify(ReplicateDesign design, String[] categories,
            Map<String, Double> totals) {
        Objects.requireNonNull(design, "design");
        SurveyDesign base = design.base();
        SurveyDesign calibrated = postStratify(base, categories, totals);
        Margin margin = Margin.of(base, categories, totals, "post-stratum");
        int count = margin.names.size();
        double[] sums = new double[count];
        for (int i = 0; i < base.n; i++) {
            sums[margin.category[i]] += base.weights[i];
        }
        double[] g = new double[count];
        for (int c = 0; c < count; c++) {
            g[c] = margin.totals[c] / sums[c];
        }
        double[][] replicateSums = design.classTotals(margin.category, count);
        double[][] replicateG = new double[design.replicates()][count];
        for (int r = 0; r < replicateG.length; r++) {
            for (int c = 0; c < count; c++) {
                requireWeight(replicateSums[r][c], r, margin.names.get(c));
                replicateG[r][c] = margin.totals[c] / replicateSums[r][c];
            }
        }
        return design.recalibrated(calibrated.weights, margin.category, count, g, replicateG, true);
    }

    /**
     * Rakes a replicate design replicate by replicate, survey's {@code rake(repdesign, list(~a, ~b), list(totalsA,
     * totalsB))}: the full sample as {@link #rake(SurveyDesign, List, List)} (sweeps until no cell of the margins'
     * cross-table moves by one weight unit, at most 10), and each replicate's weights by as many sweeps of
     * post-stratification to the same totals, as survey post-stratifies the replicates with the full sample in every
     * sweep. See {@link #postStratify(ReplicateDesign, String[], Map)} for what the result holds.
     *
     * @param design the replicate design
     * @param margins each margin's categories, one per respondent
     * @param totals each margin's population totals
     * @return the recalibrated replicate design
     * @throws IllegalArgumentException as {@link #rake(SurveyDesign, List, List)}, or if a replicate has no weight
     *         in a category of a margin
     */
    public static ReplicateDesign rake(ReplicateDesign design, List<String[]> margins,
            List<Map<String, Double>> totals) {
        Objects.requireNonNull(margins, "margins");
        List<Domains> coded = new ArrayList<>();
        for (String[] margin : margins) {
            coded.add(Domains.of(Objects.requireNonNull(margin, "margin")));
        }
        return rakeCoded(design, coded, totals);
    }

    /**
     * Rakes a replicate design replicate by replicate to margins coded once, as
     * {@link #rake(ReplicateDesign, List, List)}.
     *
     * @param design the replicate design
     * @param margins each margin's categories, coded
     * @param totals each margin's population totals
     * @return the recalibrated replicate design
     * @throws IllegalArgumentException as {@link #rake(ReplicateDesign, List, List)}
     */
    public static ReplicateDesign rakeCoded(ReplicateDesign design, List<Domains> margins,
            List<Map<String, Double>> totals) {
        Objects.requireNonNull(design, "design");
        SurveyDesign base = design.base();
        SurveyDesign calibrated = rakeCoded(base, margins, totals);
        List<Margin> list = margins(base, margins, totals);
        int[][] codes = new int[list.size()][];
        int[] sizes = new int[list.size()];
        for (int m = 0; m < list.size(); m++) {
            codes[m] = list.get(m).category;
            sizes[m] = list.get(m).names.size();
        }
        // The cells of the cross-table that hold respondents, in order of appearance: the rest weigh nothing in
        // any replicate and leave the fitting unchanged.
        CrossTable cross = new CrossTable(base.weights, codes, sizes, null);
        Map<Integer, Integer> occupied = new java.util.HashMap<>();
        int[] cellOf = new int[base.n];
        List<Integer> cellsSeen = new ArrayList<>();
        for (int i = 0; i < base.n; i++) {
            int cell = cross.cell(i);
            Integer index = occupied.putIfAbsent(cell, occupied.size());
            if (index == null) {
                cellsSeen.add(cell);
            }
            cellOf[i] = index == null ? occupied.size() - 1 : index;
        }
        int cells = cellsSeen.size();
        int[][] categoryOfCell = categoryOfCell(sizes, cells, cellsSeen::get);
        double[] cellWeight = new double[cells];
        for (int i = 0; i < base.n; i++) {
            cellWeight[cellOf[i]] += base.weights[i];
        }
        int last = list.size() - 1;
        double[][] stepFactor = new double[list.size()][];
        int sweeps = sweeps(list, categoryOfCell, cellWeight, RAKE_SWEEPS, true, stepFactor);
        double[] g = stepFactor[last];
        double[][] replicateWeight = design.classTotals(cellOf, cells);
        double[][] replicateG = new double[replicateWeight.length][];
        for (int r = 0; r < replicateWeight.length; r++) {
            for (int m = 0; m < list.size(); m++) {
                double[] sums = new double[sizes[m]];
                for (int j = 0; j < cells; j++) {
                    sums[categoryOfCell[m][j]] += replicateWeight[r][j];
                }
                for (int k = 0; k < sizes[m]; k++) {
                    requireWeight(sums[k], r, list.get(m).names.get(k));
                }
            }
            double[][] replicateSteps = new double[list.size()][];
            sweeps(list, categoryOfCell, replicateWeight[r], sweeps, false, replicateSteps);
            replicateG[r] = replicateSteps[last];
        }
        return design.recalibrated(calibrated.weights, cellOf, cells, g, replicateG, true);
    }

    /**
     * Calibrates a replicate design replicate by replicate by the linear (GREG) distance, unbounded, survey's
     * {@code calibrate(repdesign, formula, population)} (its {@code regcalibrate}): as
     * {@link #calibrate(ReplicateDesign, Moderators, double[], Distance, double, double)} with the linear distance
     * and no bounds.
     *
     * @param design the replicate design
     * @param x the auxiliary variables, one row per respondent
     * @param population the population total of each column of x
     * @return the recalibrated replicate design
     * @throws IllegalArgumentException as {@link #calibrate(ReplicateDesign, Moderators, double[], Distance, double,
     *         double)}
     */
    public static ReplicateDesign calibrate(ReplicateDesign design, Moderators x, double[] population) {
        return calibrate(design, x, population, Distance.LINEAR, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    /**
     * Calibrates a replicate design replicate by replicate, survey's {@code calibrate(repdesign, formula,
     * population, calfun, bounds)}: the full-sample weights as {@link #calibrate(SurveyDesign, Moderators, double[],
     * Distance, double, double)}, and each replicate's weights \( w_i m_{ir} \) by the same solver to the same
     * totals, \( \sum_i w_i m_{ir} F(x_i'λ_r) x_i = t_x \), from \( λ_r = 0 \) (survey's {@code grake} for each
     * column of replicate weights). Respondents with the same row of x share their g in every replicate, so each
     * solve runs on the distinct rows with their summed weights. The degrees of freedom are the new weights' rank
     * less one for the unbounded linear distance, as survey's {@code regcalibrate} recomputes {@code degf}, and
     * those of the design otherwise, as survey's {@code calibrate} keeps them. See
     * {@link #postStratify(ReplicateDesign, String[], Map)} for what the result holds.
     *
     * <p>survey only warns when a replicate does not converge (and keeps its last weights); here that replicate
     * fails the calibration, its number in the message.
     *
     * <p>References: Deville, J.-C. and Särndal, C.-E. (1992), JASA 87, 376–382; Lumley, T. (2010).
     * <i>Complex Surveys</i>. Wiley, §7.4.
     *
     * @param design the replicate design
     * @param x the auxiliary variables, one row per respondent
     * @param population the population total of each column of x, in the columns' order
     * @param distance the distance function
     * @param lower the lower bound on g (or −∞)
     * @param upper the upper bound on g (or +∞)
     * @return the recalibrated replicate design
     * @throws IllegalArgumentException as {@link #calibrate(SurveyDesign, Moderators, double[], Distance, double,
     *         double)}, for the full sample or (its number in the message) for a replicate; or if a class of
     *         respondents gets a full-sample g of 0
     */
    public static ReplicateDesign calibrate(ReplicateDesign design, Moderators x, double[] population,
            Distance distance, double lower, double upper) {
        Objects.requireNonNull(design, "design");
        SurveyDesign base = design.base();
        SurveyDesign calibrated = calibrate(base, x, population, distance, lower, upper);
        int q = x.columns();
        Map<Row, Integer> rows = new java.util.HashMap<>();
        int[] classOf = new int[base.n];
        double[] features = new double[base.n * q];
        for (int i = 0; i < base.n; i++) {
            double[] row = x.rowArrayOf(i);
            Integer index = rows.putIfAbsent(new Row(row), rows.size());
            if (index == null) {
                System.arraycopy(row, 0, features, (rows.size() - 1) * q, q);
            }
            classOf[i] = index == null ? rows.size() - 1 : index;
        }
        int classes = rows.size();
        features = java.util.Arrays.copyOf(features, classes * q);
        double[] weight = new double[classes];
        for (int i = 0; i < base.n; i++) {
            weight[classOf[i]] += base.weights[i];
        }
        boolean linear = distance == Distance.LINEAR && lower == Double.NEGATIVE_INFINITY
                && upper == Double.POSITIVE_INFINITY;
        double[] g = linear ? regression(features, q, weight, population)
                : newton(features, q, weight, population, distance, lower, upper, x.names());
        double[][] replicateWeight = design.classTotals(classOf, classes);
        double[][] replicateG = new double[replicateWeight.length][];
        for (int r = 0; r < replicateWeight.length; r++) {
            try {
                replicateG[r] = linear ? regression(features, q, replicateWeight[r], population)
                        : newton(features, q, replicateWeight[r], population, distance, lower, upper, x.names());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Replicate " + (r + 1) + ": " + e.getMessage(), e);
            }
        }
        return design.recalibrated(calibrated.weights, classOf, classes, g, replicateG, linear);
    }

    /**
     * Calibrates a replicate design replicate by replicate to the totals of several categorical margins, survey's
     * {@code calibrate(repdesign, list(~a, ~b), list(totalsA, totalsB), calfun, bounds)}: the margins' indicators as
     * in {@link #calibrate(SurveyDesign, List, List, Distance, double, double)}, calibrated as
     * {@link #calibrate(ReplicateDesign, Moderators, double[], Distance, double, double)}.
     *
     * @param design the replicate design
     * @param margins each margin's categories, one per respondent
     * @param totals each margin's population totals, by category
     * @param distance the distance function
     * @param lower the lower bound on g (or −∞)
     * @param upper the upper bound on g (or +∞)
     * @return the recalibrated replicate design
     * @throws IllegalArgumentException as {@link #calibrate(SurveyDesign, List, List, Distance, double, double)},
     *         for the full sample or a replicate
     */
    public static ReplicateDesign calibrate(ReplicateDesign design, List<String[]> margins,
            List<Map<String, Double>> totals, Distance distance, double lower, double upper) {
        Objects.requireNonNull(design, "design");
        Indicators indicators = indicators(design.base(), margins, totals);
        return calibrate(design, indicators.x(), indicators.population(), distance, lower, upper);
    }

    /** A replicate's weighted count of a category must be positive for it to be scaled to the category's total. */
    private static void requireWeight(double sum, int replicate, String category) {
        if (!(sum > 0)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "Replicate %d has no weight in category %s"
                    + " (%s): its weights cannot be scaled to the category's total", replicate + 1, category, sum));
        }
    }

    /** A row of calibration variables as a key: rows equal value by value are one class. */
    private record Row(double[] values) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Row row && java.util.Arrays.equals(values, row.values);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return java.util.Arrays.toString(values);
        }
    }

    /**
     * Trims the weights to [lower, upper] and shares what was cut off equally among the weights inside, survey's
     * {@code trimWeights(design, upper, lower, strict)}; the variance keeps the design's calibrations as they were,
     * as survey's does. With {@code strict}, repeated until no weight lies outside (sharing can push some over).
     * Respondents of weight 0 stay at 0 and take no share (survey's would raise them to a positive lower bound
     * and share the trimmings with them, bringing respondents the design had left out back into the estimates).
     *
     * <p>Reference: Potter, F. J. (1990). A study of procedures to identify and trim extreme sampling weights.
     * <i>Proceedings of the Survey Research Methods Section, ASA</i>, 225–230.
     *
     * @param design the design
     * @param lower the smallest weight kept
     * @param upper the largest weight kept
     * @param strict whether to repeat until every weight is within the bounds
     * @return the design with trimmed weights, or the same design if none is outside
     * @throws IllegalArgumentException if lower exceeds upper or a bound is NaN, or every weight is outside
     */
    public static SurveyDesign trimWeights(SurveyDesign design, double lower, double upper, boolean strict) {
        Objects.requireNonNull(design, "design");
        if (!(lower <= upper)) {
            throw new IllegalArgumentException("The lower bound " + lower + " exceeds the upper bound " + upper);
        }
        SurveyDesign current = design;
        for (int round = 0; ; round++) {
            if (round == 1000) {
                throw new IllegalArgumentException("Strict trimming to [" + lower + ", " + upper + "] did not settle in"
                        + " 1000 rounds: the bounds leave too little room for the weights' total");
            }
            double[] w = current.weights;
            double trimmed = 0;
            int inside = 0;
            double[] next = new double[w.length];
            for (int i = 0; i < w.length; i++) {
                // a respondent of weight 0 is out of the estimates and stays so
                next[i] = w[i] == 0 ? 0 : Math.max(lower, Math.min(w[i], upper));
                trimmed += w[i] - next[i];
                if (next[i] == w[i] && w[i] != 0) {
                    inside++;
                }
            }
            if (trimmed == 0 && java.util.Arrays.equals(next, w)) {
                return current;
            }
            if (inside == 0) {
                throw new IllegalArgumentException("Every weight is outside [" + lower + ", " + upper + "]");
            }
            for (int i = 0; i < w.length; i++) {
                if (w[i] != 0 && w[i] >= lower && w[i] <= upper) {
                    next[i] += trimmed / inside;
                }
            }
            current = current.reweighted(next);
            if (!strict) {
                return current;
            }
        }
    }

    /** Each respondent's cell of the margins' cross-table, in mixed radix. */
    /**
     * The totals to post-stratify or rake to by size band, from a reference population of enterprises: each
     * band's count, keyed by the band's label ("10-49", "250+"), the labels respondents' categories must use.
     *
     * @param population the enterprises of the survey's country, counted by band
     * @param bands the bands the respondents are classed in
     * @return the totals, in the bands' order
     * @throws IllegalArgumentException if the population has no count for a band
     */
    public static Map<String, Double> totalsBySizeBand(ReferencePopulation population, List<SizeBand> bands) {
        Objects.requireNonNull(population, "population");
        Map<String, Double> totals = new java.util.LinkedHashMap<>();
        for (SizeBand band : bands) {
            long count = population.enterprises(band).orElseThrow(() -> new IllegalArgumentException(
                    "Population " + population.id() + " has no count for the band " + band.label()));
            totals.put(band.label(), (double) count);
        }
        return totals;
    }

    /**
     * The totals by NACE section, from a register split by section (one reference population per section, as
     * Destatis's business register): each section's enterprises summed over the bands, keyed by the section's
     * label ("C", "J"), the labels respondents' sections must use. With {@link #totalsBySizeBand} over the sum of
     * the sections (or {@link #totalsBySizeBandAndSection} for their cross), the margins of a raking to size band
     * × section.
     *
     * @param sections one population per section, same region and year
     * @param bands the bands summed, which must partition the firms the survey covers
     * @return the totals, in the populations' order
     * @throws IllegalArgumentException if a population has no sections or no count for a band, two share a
     *         section label, or they differ in region or year
     */
    public static Map<String, Double> totalsBySection(List<ReferencePopulation> sections, List<SizeBand> bands) {
        Map<String, Double> totals = new java.util.LinkedHashMap<>();
        cells(sections, bands, (section, band, count) -> totals.merge(section, count, Double::sum));
        return totals;
    }

    /**
     * The totals of the cells size band × NACE section, keyed by {@link #cell}: for post-stratification to the
     * register's cross-table.
     *
     * @param sections one population per section, same region and year
     * @param bands the bands
     * @return the totals, section by section, band by band
     * @throws IllegalArgumentException as {@link #totalsBySection}
     */
    public static Map<String, Double> totalsBySizeBandAndSection(List<ReferencePopulation> sections,
            List<SizeBand> bands) {
        Map<String, Double> totals = new java.util.LinkedHashMap<>();
        cells(sections, bands, (section, band, count) -> totals.put(cell(section, band), count));
        return totals;
    }

    /**
     * The label of a cell size band × section, as {@link #totalsBySizeBandAndSection} keys them: "C 10-49".
     *
     * @param section the section's label
     * @param band the band
     * @return the label
     */
    public static String cell(String section, SizeBand band) {
        return Objects.requireNonNull(section, "section") + " " + Objects.requireNonNull(band, "band").label();
    }

    private interface CellConsumer {
        void accept(String section, SizeBand band, double count);
    }

    private static void cells(List<ReferencePopulation> sections, List<SizeBand> bands, CellConsumer consumer) {
        Objects.requireNonNull(sections, "sections");
        Objects.requireNonNull(bands, "bands");
        if (sections.isEmpty()) {
            throw new IllegalArgumentException("No population by section");
        }
        ReferencePopulation first = sections.get(0);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (ReferencePopulation population : sections) {
            if (!population.region().equals(first.region()) || population.year() != first.year()) {
                throw new IllegalArgumentException("Populations " + first.id() + " and " + population.id()
                        + " differ in region or year");
            }
            String section = population.sectors().orElseThrow(() -> new IllegalArgumentException("Population "
                    + population.id() + " does not state its NACE sections")).label();
            if (!seen.add(section)) {
                throw new IllegalArgumentException("Two populations count the section " + section);
            }
            for (Map.Entry<String, Double> band : totalsBySizeBand(population, bands).entrySet()) {
                consumer.accept(section, bands.stream().filter(b -> b.label().equals(band.getKey())).findFirst()
                        .orElseThrow(), band.getValue());
            }
        }
    }

    /** One set of categories with its population totals. */
    private record Margin(int[] category, List<String> names, double[] totals) {

        static Margin of(SurveyDesign design, String[] categories, Map<String, Double> totals, String what) {
            return of(Coding.of(categories, design.n, "categories"), totals, what);
        }

        static Margin of(Coding coding, Map<String, Double> totals, String what) {
            Objects.requireNonNull(totals, "totals");
            List<String> names = coding.names();
            for (String name : names) {
                Double total = totals.get(name);
                if (total == null) {
                    throw new IllegalArgumentException("The " + what + " " + name + " of the sample has no population"
                            + " total");
                }
                if (!(total > 0 && total < Double.POSITIVE_INFINITY)) {
                    throw new IllegalArgumentException("The population total of " + what + " " + name
                            + " is not a positive finite number: " + total);
                }
            }
            for (String name : totals.keySet()) {
                if (!names.contains(name)) {
                    throw new IllegalArgumentException("The " + what + " " + name + " has a population total but no"
                            + " respondent");
                }
            }
            int[] category = coding.codes();
            return new Margin(category, names, names.stream().mapToDouble(totals::get).toArray());
        }

        double[] reweight(double[] weights) {
            double[] sums = new double[names.size()];
            for (int i = 0; i < weights.length; i++) {
                sums[category[i]] += weights[i];
            }
            double[] result = new double[weights.length];
            for (int i = 0; i < weights.length; i++) {
                result[i] = weights[i] * totals[category[i]] / sums[category[i]];
            }
            return result;
        }
    }
}
