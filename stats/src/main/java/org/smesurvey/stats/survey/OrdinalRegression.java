package org.smesurvey.stats.survey;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.smesurvey.stats.internal.Distributions;
import org.smesurvey.stats.internal.Formats;
import org.smesurvey.stats.internal.Matrices;
import org.smesurvey.stats.meta.Coefficient;
import org.smesurvey.stats.meta.Moderators;

/**
 * A design-based proportional-odds (cumulative-link) regression of an ordered answer, survey's {@code svyolr}: a
 * Likert item such as "how important are social networks to your firm", 1 (not at all) to 5 (essential), on a model
 * matrix. The answer falls in category k of K when a latent \( x'β + ε \) lies between the cut-points
 * \( ζ_{k-1} \) and \( ζ_k \) (\( ζ_0 = -∞ \), \( ζ_K = ∞ \)), ε logistic, normal or Gumbel ({@link Link}):
 * \[ P(Y \le k \mid x) = F(ζ_k - x'β), \]
 * so a positive coefficient moves firms towards the higher categories. The model matrix has no intercept (the
 * cut-points, survey's {@code zeta}, named {@code 1|2}, {@code 2|3}…, take its place; an intercept column given is
 * dropped, as svyolr drops the formula's).
 *
 * <p>The estimates maximise the weighted log-likelihood \( \ell = \sum_i w_i \log(F(ζ_{y_i} - η_i) -
 * F(ζ_{y_i - 1} - η_i)) \), \( η_i = x_i'β \), by Newton's method with the analytic gradient and Hessian in
 * \( (β, ζ) \) (the likelihood is concave there for these log-concave F: Pratt 1981), halving a step that would not
 * raise it or would disorder the cut-points, until no parameter moves by more than 1e-8 (1 + |θ|); the last step
 * is then exact to rounding. Respondents with the same row of the model matrix are summed by category first.
 * Their covariance on a {@link SurveyDesign} is the sandwich \( H^{-1} \hat V(\hat U) H^{-1} \), H the information
 * (minus the Hessian) and \( \hat V(\hat U) \) the design-based covariance of the total of the score contributions
 * \( U_i = w_i\, ∂ \log p_i / ∂θ \) — svyolr's {@code svyrecvar} of the influence functions \( U_i H^{-1} \),
 * projected on the calibration of a calibrated design as its {@code postStrata}. On a {@link ReplicateDesign} the
 * model is refitted with each replicate's weights from the full-sample estimate and the covariance is the
 * replicates' spread, {@code svyolr.svyrep.design}. Respondents whose answer is missing are left out, as
 * {@code na.action = na.omit} leaves them out: on a linearised design they contribute zeros to the variance, the
 * design's strata and primary units unchanged.
 *
 * <p>Where survey differs. svyolr maximises with {@code optim}'s BFGS, which stops early: its estimates are
 * within about 1e-3 of the maximum for the probit link on the test survey (1e-5 for the logit), and its
 * covariance takes the Hessian that {@code optim} approximates by differences at its own estimate; this class
 * solves the same equations tightly and takes the analytic Hessian. On a design with respondents of weight 0,
 * survey 4.4 stops with an error (it drops them from the weights but not from the model matrix; survey 4.1.1
 * fits), and it divides the deviance by the mean weight of the respondents with a non-zero weight where 4.1.1
 * takes all who answered (see {@link #deviance()}). survey 4.1.1 stops on a calibrated design with missing answers
 * (its weights and model matrix then differ in length); this class fits it as described above.
 *
 * <p>References: McCullagh, P. (1980). Regression models for ordinal data. <i>Journal of the Royal Statistical
 * Society B</i> 42, 109–142; Pratt, J. W. (1981). Concavity of the log likelihood. <i>Journal of the American
 * Statistical Association</i> 76, 103–106; Binder, D. A. (1983). On the variances of asymptotically normal
 * estimators from complex surveys. <i>International Statistical Review</i> 51, 279–292; Lumley, T. (2010).
 * <i>Complex Surveys: A Guide to Analysis Using R</i>. Wiley, §6.3.
 *
 * <p>Immutable.
 *
 * @since 0.1
 */
public final class OrdinalRegression {

    /** The distribution F of the latent error, svyolr's {@code method}. */
    public enum Link {
        /** The logistic distribution, proportional odds: svyolr's {@code method = "logistic"}. */
        LOGIT("logistic"),
        /** The standard normal distribution: {@code method = "probit"}. */
        PROBIT("probit"),
        /**
         * svyolr's {@code method = "cloglog"} on a linearised design: the Gumbel (maximum) distribution
         * \( F(z) = \exp(-e^{-z}) \) (survey's {@code pgumbel}), so that \( P(Y > k) = 1 - \exp(-e^{x'β - ζ_k}) \), a
         * complementary log-log link on the chance of answering above k. MASS::polr calls this F {@code "loglog"}
         * and its {@code "cloglog"} is \( 1 - \exp(-e^{z}) \), which survey's replicate-design svyolr hands to polr
         * for the full sample (its replicates are refitted logistic): this class takes survey's linearised
         * definition on every design.
         */
        CLOGLOG("cloglog");

        private final String method;

        Link(String method) {
            this.method = method;
        }

        /** F(z), with F(±∞) = 1 and 0. */
        double cdf(double z) {
            if (Double.isInfinite(z)) {
                return z > 0 ? 1 : 0;
            }
            return switch (this) {
                case LOGIT -> z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
                case PROBIT -> Distributions.normalCdf(z);
                case CLOGLOG -> Math.exp(-Math.exp(-z));
            };
        }

        /** 1 − F(z), computed without subtracting from 1. */
        double survival(double z) {
            return this == CLOGLOG ? (Double.isInfinite(z) ? (z > 0 ? 0 : 1) : -Math.expm1(-Math.exp(-z)))
                    : cdf(-z); // LOGIT and PROBIT are symmetric
        }

        /** The density f(z), 0 at ±∞. */
        double density(double z) {
            if (Double.isInfinite(z)) {
                return 0;
            }
            return switch (this) {
                case LOGIT -> {
                    double e = Math.exp(-Math.abs(z));
                    yield e / ((1 + e) * (1 + e));
                }
                case PROBIT -> Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI);
                case CLOGLOG -> Math.exp(-z - Math.exp(-z));
            };
        }

        /** The density's derivative f'(z), 0 at ±∞. */
        double slope(double z) {
            if (Double.isInfinite(z)) {
                return 0;
            }
            return switch (this) {
                // f (1 - 2F) = -f tanh(z/2), without the cancellation of 1 - 2F in the tails
                case LOGIT -> -density(z) * Math.tanh(z / 2);
                case PROBIT -> -z * density(z);
                case CLOGLOG -> density(z) * Math.expm1(-z);
            };
        }

        /** F⁻¹(p), for the starting cut-points. */
        double quantile(double p) {
            return switch (this) {
                case LOGIT -> Math.log(p / (1 - p));
                case PROBIT -> Distributions.normalQuantile(p);
                case CLOGLOG -> -Math.log(-Math.log(p));
            };
        }

        /**
         * F(upper) − F(lower), lower &lt; upper, from the upper tails when both are above 0, so that two numbers
         * near 1 are not subtracted.
         */
        double probability(double lower, double upper) {
            return lower > 0 ? survival(lower) - survival(upper) : cdf(upper) - cdf(lower);
        }

        /**
         * svyolr's name of the method.
         *
         * @return {@code "logistic"}, {@code "probit"} or {@code "cloglog"}
         */
        public String method() {
            return method;
        }
    }

    private final Design design;
    private final Link link;
    private final List<String> names;
    private final List<String> levels;
    private final double[] beta;
    private final double[] zeta;
    private final double[][] covariance;
    private final int df;
    private final double deviance;
    private final int missing;
    private final List<Coefficient> coefficients;
    private final List<Coefficient> intercepts;

    private OrdinalRegression(Design design, Link link, List<String> names, List<String> levels, double[] theta,
            double[][] covariance, int df, double deviance, int missing) {
        this.design = design;
        this.link = link;
        this.names = List.copyOf(names);
        this.levels = List.copyOf(levels);
        int p = names.size();
        this.beta = Arrays.copyOf(theta, p);
        this.zeta = Arrays.copyOfRange(theta, p, theta.length);
        this.covariance = covariance;
        this.df = df;
        this.deviance = deviance;
        this.missing = missing;
        double t = Distributions.t(0.95, df);
        List<Coefficient> slopes = new ArrayList<>();
        List<Coefficient> cuts = new ArrayList<>();
        for (int j = 0; j < theta.length; j++) {
            double se = Math.sqrt(covariance[j][j]);
            double statistic = theta[j] / se;
            String name = j < p ? names.get(j) : intercepts(levels).get(j - p);
            (j < p ? slopes : cuts).add(new Coefficient(name, theta[j], se, statistic,
                    Distributions.tTwoSided(statistic, df), theta[j] - t * se, theta[j] + t * se));
        }
        this.coefficients = List.copyOf(slopes);
        this.intercepts = List.copyOf(cuts);
    }

    /** svyolr's names of the cut-points: {@code 1|2}, {@code 2|3}… from the levels. */
    private static List<String> intercepts(List<String> levels) {
        List<String> names = new ArrayList<>();
        for (int k = 0; k + 1 < levels.size(); k++) {
            names.add(levels.get(k) + "|" + levels.get(k + 1));
        }
        return names;
    }

    /**
     * Fits the model to answers given by their position in the levels.
     *
     * @param design the design
     * @param codes each respondent's answer: 1 to K for the K levels, 0 for a missing answer
     * @param levels the K ≥ 3 levels in their order, lowest first
     * @param x the model matrix; its intercept, if it has one, is dropped
     * @param link the link
     * @return the fit
     * @throws IllegalArgumentException if the lengths differ, a code is outside 0 to K, there are fewer than 3
     *         levels, a level is given twice or has no respondent of non-zero weight, a value of the model matrix is
     *         not finite, the model matrix is not of full rank among those who answered, or the fit does not
     *         converge
     */
    static OrdinalRegression fit(Design design, int[] codes, List<String> levels, Moderators x, Link link) {
        Objects.requireNonNull(design, "design");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(codes, "codes");
        Objects.requireNonNull(levels, "levels");
        SurveyDesign.requireLength(x.studies(), design.size(), "rows of the model matrix");
        SparseRows rows = SparseRows.of(x);
        List<String> names = new ArrayList<>(x.names());
        if (x.hasIntercept()) {
            rows = rows.without(Set.of(0));
            names.remove(0);
        }
        for (int e = 0; e < rows.value.length; e++) {
            if (!Double.isFinite(rows.value[e])) {
                throw new IllegalArgumentException("The model matrix has a value that is not finite: "
                        + rows.value[e]);
            }
        }
        int[] zeroBased = new int[codes.length];
        for (int i = 0; i < codes.length; i++) {
            if (codes[i] < 0 || codes[i] > levels.size()) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "Answer %d of respondent %d is not"
                        + " 0 (missing) or a level from 1 to %d", codes[i], i + 1, levels.size()));
            }
            zeroBased[i] = codes[i] - 1;
        }
        return fit(design, zeroBased, levels, rows, names, link);
    }

    /**
     * Fits the model to answers given as labels.
     *
     * @param design the design
     * @param answers each respondent's answer, one of the levels, or null if missing
     * @param order the K ≥ 3 levels in their order, lowest first
     * @param x the model matrix; its intercept, if it has one, is dropped
     * @param link the link
     * @return the fit
     * @throws IllegalArgumentException if an answer is not one of the levels, or as
     *         {@link #fit(Design, int[], List, Moderators, Link)}
     */
    static OrdinalRegression fit(Design design, String[] answers, List<String> order, Moderators x, Link link) {
        Objects.requireNonNull(answers, "answers");
        Map<String, Integer> position = new HashMap<>();
        for (int k = 0; k < Objects.requireNonNull(order, "order").size(); k++) {
            position.putIfAbsent(Objects.requireNonNull(order.get(k), "level"), k + 1);
        }
        int[] codes = new int[answers.length];
        for (int i = 0; i < answers.length; i++) {
            if (answers[i] != null) {
                Integer k = position.get(answers[i]);
                if (k == null) {
                    throw new IllegalArgumentException("Answer '" + answers[i] + "' of respondent " + (i + 1)
                            + " is not one of the levels " + order);
                }
                codes[i] = k;
            }
        }
        return fit(design, codes, order, x, link);
    }

    /**
     * The fit on a sparse model matrix without intercept: the entry point for any way of building the matrix.
     *
     * @param codes each respondent's category, 0 to K − 1, or −1 if missing
     */
    static OrdinalRegression fit(Design design, int[] codes, List<String> levels, SparseRows x, List<String> names,
            Link link) {
        Objects.requireNonNull(design, "design");
        Objects.requireNonNull(link, "link");
        List<String> order = List.copyOf(Objects.requireNonNull(levels, "levels"));
        int n = design.size();
        SurveyDesign.requireLength(codes.length, n, "answers");
        int categories = order.size();
        if (categories < 3) {
            throw new IllegalArgumentException("An ordered answer needs 3 levels or more, as svyolr: " + order);
        }
        if (Set.copyOf(order).size() < categories) {
            throw new IllegalArgumentException("A level is given twice: " + order);
        }
        SurveyDesign full = design instanceof ReplicateDesign r ? r.base() : (SurveyDesign) design;
        double[] w = full.weights;
        double[] answeredWeights = new double[n];
        double[] share = new double[categories];
        int missing = 0;
        int answered = 0;
        double sumAnswered = 0;
        for (int i = 0; i < n; i++) {
            if (codes[i] < 0) {
                missing++;
                continue;
            }
            answered++;
            sumAnswered += w[i];
            answeredWeights[i] = w[i];
            share[codes[i]] += w[i];
        }
        for (int k = 0; k < categories; k++) {
            if (!(share[k] > 0)) {
                throw new IllegalArgumentException("No respondent of non-zero weight answered " + order.get(k)
                        + ": its cut-points cannot be estimated");
            }
        }
        int p = x.p;
        int q = categories - 1;
        SparseRows.Grouping grouping = x.grouping();
        Likelihood likelihood = new Likelihood(grouping.distinct(), categories, link);
        // The start: no slope, the cut-points at the quantiles of the weighted cumulative shares (the maximum of the
        // model without x).
        double[] start = new double[p + q];
        double cumulative = 0;
        for (int k = 0; k < q; k++) {
            cumulative += share[k];
            start[p + k] = link.quantile(cumulative / sumAnswered);
        }
        Cells cells = Cells.of(grouping, codes, answeredWeights, categories);
        double[] theta = likelihood.maximise(cells, start, null);
        double[] at = likelihood.evaluate(cells, theta);
        int k = p + q;
        double[][] information = new double[k][k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                information[a][b] = -at[1 + k + a * k + b];
            }
        }
        double[][] covariance;
        if (design instanceof ReplicateDesign replicates) {
            double[][] values = new double[replicates.replicates()][];
            for (int r = 0; r < values.length; r++) {
                double[] wr = new double[n];
                for (int i = 0; i < n; i++) {
                    wr[i] = codes[i] < 0 ? 0 : replicates.replicateWeight(i, r);
                }
                values[r] = likelihood.maximise(Cells.of(grouping, codes, wr, categories), theta, r + 1);
            }
            covariance = replicates.covariance(values, theta);
        } else {
            RealMatrix inverse = solver(information).getInverse();
            double[][] meat = likelihood.scoreCovariance(full, grouping, codes, theta);
            covariance = inverse.multiply(new Array2DRowRealMatrix(meat, false)).multiply(inverse).getData();
        }
        // survey 4.1.1's deviance: -2 l over the mean weight of those who answered (zeros included)
        double deviance = -2 * at[0] / (sumAnswered / answered);
        return new OrdinalRegression(design, link, names, order, theta, covariance,
                design.degreesOfFreedom() - p, deviance, missing);
    }

    private static DecompositionSolver solver(double[][] matrix) {
        return new LUDecomposition(new Array2DRowRealMatrix(matrix, false)).getSolver();
    }

    /**
     * The weights of the respondents summed by distinct row of the model matrix and category: the cells the
     * likelihood is a sum over. {@code row[c]} is a distinct row, {@code category[c]} 0 to K − 1, {@code weight[c]}
     * its respondents' weight (no cell of weight 0).
     */
    private record Cells(int[] row, int[] category, double[] weight) {

        static Cells of(SparseRows.Grouping grouping, int[] codes, double[] w, int categories) {
            int n = codes.length;
            if (grouping.group() == null) {
                int count = 0;
                for (int i = 0; i < n; i++) {
                    count += codes[i] >= 0 && w[i] != 0 ? 1 : 0;
                }
                int[] row = new int[count];
                int[] category = new int[count];
                double[] weight = new double[count];
                int c = 0;
                for (int i = 0; i < n; i++) {
                    if (codes[i] >= 0 && w[i] != 0) {
                        row[c] = i;
                        category[c] = codes[i];
                        weight[c++] = w[i];
                    }
                }
                return new Cells(row, category, weight);
            }
            int m = grouping.size();
            double[] sums = new double[m * categories];
            for (int i = 0; i < n; i++) {
                if (codes[i] >= 0) {
                    sums[grouping.group()[i] * categories + codes[i]] += w[i];
                }
            }
            int count = 0;
            for (double s : sums) {
                count += s != 0 ? 1 : 0;
            }
            int[] row = new int[count];
            int[] category = new int[count];
            double[] weight = new double[count];
            int c = 0;
            for (int cell = 0; cell < sums.length; cell++) {
                if (sums[cell] != 0) {
                    row[c] = cell / categories;
                    category[c] = cell % categories;
                    weight[c++] = sums[cell];
                }
            }
            return new Cells(row, category, weight);
        }
    }

    /** The weighted log-likelihood over the cells, with its gradient and Hessian, and its maximisation. */
    private record Likelihood(SparseRows rows, int categories, Link link) {

        /**
         * {ℓ, its gradient (p + q), its Hessian (p + q)² by rows}; ℓ = −∞ where a cell's probability is not
         * positive (the cut-points out of order).
         */
        double[] evaluate(Cells cells, double[] theta) {
            int p = rows.p;
            int q = categories - 1;
            int k = p + q;
            double[] beta = Arrays.copyOf(theta, p);
            double[] sums = Chunks.sum(cells.row().length, (from, to) -> {
                double[] into = new double[1 + k + k * k];
                int[] index = new int[p + 2];
                double[] first = new double[p + 2];
                double[] eta = new double[p + 2];
                for (int c = from; c < to; c++) {
                    int g = cells.row()[c];
                    int y = cells.category()[c];
                    double w = cells.weight()[c];
                    double linear = rows.dot(g, beta);
                    double upper = y < q ? theta[p + y] - linear : Double.POSITIVE_INFINITY;
                    double lower = y > 0 ? theta[p + y - 1] - linear : Double.NEGATIVE_INFINITY;
                    double probability = lower < upper ? link.probability(lower, upper) : 0;
                    if (!(probability > 0)) {
                        into[0] = Double.NEGATIVE_INFINITY;
                        continue;
                    }
                    into[0] += w * Math.log(probability);
                    double fa = link.density(upper);
                    double fb = link.density(lower);
                    double sa = link.slope(upper);
                    double sb = link.slope(lower);
                    double ratio = w / probability;
                    // The local parameters: the row's columns (dP/dβ = −(fa − fb) x), then ζ_{y−1} (−fb) and
                    // ζ_y (fa), in ascending order of index.
                    int m = 0;
                    for (int e = rows.start[g]; e < rows.start[g + 1]; e++) {
                        index[m] = rows.column[e];
                        eta[m] = rows.value[e];
                        first[m++] = -(fa - fb) * rows.value[e];
                    }
                    int low = -1;
                    int up = -1;
                    if (y > 0) {
                        low = m;
                        index[m] = p + y - 1;
                        eta[m] = 0;
                        first[m++] = -fb;
                    }
                    if (y < q) {
                        up = m;
                        index[m] = p + y;
                        eta[m] = 0;
                        first[m++] = fa;
                    }
                    for (int a = 0; a < m; a++) {
                        into[1 + index[a]] += ratio * first[a];
                    }
                    // ∂²P: (sa − sb) x x' for β β, −sa x for β ζ_y, sb x for β ζ_{y−1}, sa and −sb on the
                    // diagonal of ζ_y and ζ_{y−1}; the Hessian of log P is ∂²P/P − ∂P ∂P'/P².
                    double curvature = sa - sb;
                    for (int a = 0; a < m; a++) {
                        int row = 1 + k + index[a] * k;
                        for (int b = a; b < m; b++) {
                            double second = eta[a] * eta[b] * curvature;
                            if (b == up) {
                                second += a == up ? sa : -sa * eta[a];
                            } else if (b == low) {
                                second += a == low ? -sb : sb * eta[a];
                            }
                            into[row + index[b]] += ratio * (second - first[a] * first[b] / probability);
                        }
                    }
                }
                return into;
            });
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < a; b++) {
                    sums[1 + k + a * k + b] = sums[1 + k + b * k + a];
                }
            }
            return sums;
        }

        /**
         * Newton's method from {@code start}, halving steps that lower ℓ (beyond rounding) or disorder the
         * cut-points, until no parameter moves by more than 1e-8 (1 + |θ|).
         *
         * @param replicate the replicate fitted (for the message), or null for the full sample
         */
        double[] maximise(Cells cells, double[] start, Integer replicate) {
            int k = start.length;
            double[] theta = start.clone();
            double[] now = evaluate(cells, theta);
            String where = replicate == null ? "" : " in replicate " + replicate;
            for (int iteration = 0; iteration < 100; iteration++) {
                double[][] hessian = new double[k][k];
                for (int a = 0; a < k; a++) {
                    for (int b = 0; b < k; b++) {
                        hessian[a][b] = -now[1 + k + a * k + b];
                    }
                }
                double[] step;
                try {
                    step = solver(hessian).solve(new ArrayRealVector(Arrays.copyOfRange(now, 1, 1 + k),
                            false)).toArray();
                } catch (SingularMatrixException e) {
                    throw new IllegalArgumentException("The model matrix is not of full rank among the respondents"
                            + " who answered" + where, e);
                }
                double size = 1;
                for (int halving = 0; ; halving++) {
                    if (halving == 60) {
                        throw new IllegalArgumentException("The ordinal regression found no step that raises the"
                                + " likelihood" + where);
                    }
                    double[] trial = theta.clone();
                    for (int j = 0; j < k; j++) {
                        trial[j] += size * step[j];
                    }
                    double[] next = evaluate(cells, trial);
                    if (next[0] >= now[0] - 1e-12 * Math.abs(now[0])) {
                        boolean converged = size == 1;
                        for (int j = 0; j < k && converged; j++) {
                            converged = Math.abs(step[j]) <= 1e-8 * (1 + Math.abs(trial[j]));
                        }
                        theta = trial;
                        now = next;
                        if (converged) {
                            return theta;
                        }
                        break;
                    }
                    size /= 2;
                }
            }
            throw new IllegalArgumentException("The ordinal regression did not converge in 100 iterations" + where);
        }

        /**
         * The design-based covariance of the total of the score contributions \( w_i ∂ \log p_i/∂θ \): from the
         * primary units' totals, or, on a calibrated design, from each respondent's contributions projected on
         * the calibration.
         */
        double[][] scoreCovariance(SurveyDesign design, SparseRows.Grouping grouping, int[] codes, double[] theta) {
            int p = rows.p;
            int q = categories - 1;
            int k = p + q;
            int n = codes.length;
            double[] w = design.weights;
            boolean calibrated = design.isCalibrated();
            int[] unit = design.unit;
            double[] linear = new double[rows.n];
            double[] beta = Arrays.copyOf(theta, p);
            for (int g = 0; g < rows.n; g++) {
                linear[g] = rows.dot(g, beta);
            }
            if (calibrated) {
                double[] scores = new double[n * k];
                Chunks.run(n, (from, to) -> {
                    for (int i = from; i < to; i++) {
                        if (codes[i] >= 0 && w[i] != 0) {
                            addScore(codes[i], grouping.of(i), w[i], linear, theta, scores, i * k);
                        }
                    }
                });
                return Linearisation.scoreCovariance(design, scores, k);
            }
            double[] totals = Chunks.sum(n, (from, to) -> {
                double[] into = new double[design.units() * k];
                for (int i = from; i < to; i++) {
                    if (codes[i] >= 0 && w[i] != 0) {
                        addScore(codes[i], grouping.of(i), w[i], linear, theta, into, unit[i] * k);
                    }
                }
                return into;
            });
            return Linearisation.covariance(design, totals, k);
        }

        /** Adds a respondent's score contributions, answer y, row g, weight w, to {@code target} from {@code base}. */
        private void addScore(int y, int g, double w, double[] linear, double[] theta, double[] target, int base) {
            int p = rows.p;
            int q = categories - 1;
            double upper = y < q ? theta[p + y] - linear[g] : Double.POSITIVE_INFINITY;
            double lower = y > 0 ? theta[p + y - 1] - linear[g] : Double.NEGATIVE_INFINITY;
            double ratio = w / link.probability(lower, upper);
            double fa = link.density(upper);
            double fb = link.density(lower);
            for (int e = rows.start[g]; e < rows.start[g + 1]; e++) {
                target[base + rows.column[e]] -= ratio * (fa - fb) * rows.value[e];
            }
            if (y < q) {
                target[base + p + y] += ratio * fa;
            }
            if (y > 0) {
                target[base + p + y - 1] -= ratio * fb;
            }
        }
    }

    /**
     * The coefficients of the model matrix's columns with their design-based standard errors, t statistics (as
     * {@code summary(svyolr(...))}'s), two-sided p-values and 95 % intervals on {@link #degreesOfFreedom()} (which
     * survey does not print).
     *
     * @return the coefficients, in the model matrix's column order
     */
    public List<Coefficient> coefficients() {
        return coefficients;
    }

    /**
     * The cut-points ζ, svyolr's {@code zeta}, named {@code 1|2}, {@code 2|3}… from the levels, with their
     * standard errors and t statistics as {@link #coefficients()}.
     *
     * @return K − 1 intercepts, increasing
     */
    public List<Coefficient> intercepts() {
        return intercepts;
    }

    /**
     * The covariance of the coefficients then the intercepts, survey's {@code vcov(fit)}: the sandwich, or the
     * replicates' spread.
     *
     * @return a copy, (p + K − 1) square
     */
    public double[][] covariance() {
        return Matrices.copy(covariance);
    }

    /**
     * The residual degrees of freedom, svyolr's {@code df.residual}: the design's less the coefficients.
     *
     * @return the degrees of freedom
     */
    public int degreesOfFreedom() {
        return df;
    }

    /**
     * The deviance as svyolr reports it, \( -2 \ell / \bar w \): the weighted log-likelihood rescaled to weights of
     * mean 1, \( \bar w \) the mean weight of the respondents who answered, those of weight 0 included (survey
     * 4.1.1; survey 4.4 leaves them out of the mean, and on a replicate design with missing answers svyolr takes
     * the mean over all respondents).
     *
     * @return the deviance
     */
    public double deviance() {
        return deviance;
    }

    /**
     * The ordered levels of the answer, lowest first.
     *
     * @return K levels
     */
    public List<String> levels() {
        return levels;
    }

    /**
     * The link.
     *
     * @return the link
     */
    public Link link() {
        return link;
    }

    /**
     * The number of respondents left out for a missing answer.
     *
     * @return 0 or more
     */
    public int missing() {
        return missing;
    }

    /**
     * The design the model was fitted on.
     *
     * @return the design
     */
    public Design design() {
        return design;
    }

    /**
     * Each category's probability for a respondent with these values of the model matrix's columns,
     * \( F(ζ_k - x'β) - F(ζ_{k-1} - x'β) \) at the estimates — svyolr's {@code fitted.values} for a new row.
     *
     * @param x the values, one per coefficient, in column order (no intercept)
     * @return K probabilities, in the levels' order, adding to 1
     * @throws IllegalArgumentException if the values are not one per coefficient
     */
    public double[] probabilities(double... x) {
        Objects.requireNonNull(x, "x");
        if (x.length != beta.length) {
            throw new IllegalArgumentException("The model has " + beta.length + " coefficients " + names + "; "
                    + x.length + " values were given");
        }
        double linear = 0;
        for (int j = 0; j < x.length; j++) {
            linear += x[j] * beta[j];
        }
        double[] probabilities = new double[zeta.length + 1];
        for (int k = 0; k <= zeta.length; k++) {
            double upper = k < zeta.length ? zeta[k] - linear : Double.POSITIVE_INFINITY;
            double lower = k > 0 ? zeta[k - 1] - linear : Double.NEGATIVE_INFINITY;
            probabilities[k] = link.probability(lower, upper);
        }
        return probabilities;
    }

    /**
     * The fit as {@code print(summary(svyolr(...)))} lays it out, after a line naming the model where R prints the
     * call: the coefficients' table (Value, Std. Error, t value at seven significant digits), the intercepts'
     * (rounded to four decimals, as survey rounds them) and the count of respondents left out for a missing
     * answer.
     *
     * @return the text
     */
    public String summary() {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "Survey design-based proportional-odds"
                + " regression, %s link%n%n", link.method()));
        List<String> headers = List.of("Value", "Std. Error", "t value");
        if (coefficients.isEmpty()) {
            text.append(String.format(Locale.ROOT, "No coefficients%n"));
        } else {
            text.append(String.format(Locale.ROOT, "Coefficients:%n"));
            List<String[]> columns = new ArrayList<>();
            columns.add(Formats.significant(coefficients.stream().mapToDouble(Coefficient::estimate).toArray(), 7));
            columns.add(Formats.significant(coefficients.stream().mapToDouble(Coefficient::standardError).toArray(),
                    7));
            columns.add(Formats.significant(coefficients.stream().mapToDouble(Coefficient::statistic).toArray(), 7));
            for (String line : Formats.table(names, headers, columns)) {
                text.append(line).append(System.lineSeparator());
            }
        }
        // survey formats the whole table (coefficients too) rounded to 4 decimals, one width for every cell, and
        // prints the intercepts' rows of it as text, left-aligned.
        List<Coefficient> all = new ArrayList<>(coefficients);
        all.addAll(intercepts);
        double[] cells = new double[3 * all.size()];
        for (int i = 0; i < all.size(); i++) {
            Coefficient c = all.get(i);
            cells[3 * i] = new java.math.BigDecimal(c.estimate()).setScale(4, java.math.RoundingMode.HALF_EVEN)
                    .doubleValue();
            cells[3 * i + 1] = new java.math.BigDecimal(c.standardError())
                    .setScale(4, java.math.RoundingMode.HALF_EVEN).doubleValue();
            cells[3 * i + 2] = new java.math.BigDecimal(c.statistic()).setScale(4, java.math.RoundingMode.HALF_EVEN)
                    .doubleValue();
        }
        String[] formatted = Formats.significant(cells, 7);
        int width = 0;
        for (String cell : formatted) {
            width = Math.max(width, cell.length());
        }
        int nameWidth = intercepts.stream().mapToInt(c -> c.name().length()).max().orElse(0);
        int[] widths = new int[3];
        for (int j = 0; j < 3; j++) {
            widths[j] = Math.max(width, headers.get(j).length());
        }
        text.append(String.format(Locale.ROOT, "%nIntercepts:%n")).append(" ".repeat(nameWidth));
        for (int j = 0; j < 3; j++) {
            text.append(' ').append(pad(headers.get(j), widths[j]));
        }
        for (int i = coefficients.size(); i < all.size(); i++) {
            String name = all.get(i).name();
            text.append(System.lineSeparator()).append(pad(name, nameWidth));
            for (int j = 0; j < 3; j++) {
                String cell = formatted[3 * i + j];
                text.append(' ').append(pad(" ".repeat(width - cell.length()) + cell, widths[j]));
            }
        }
        if (missing > 0) {
            text.append(String.format(Locale.ROOT, "%n(%d observation%s deleted due to missingness)", missing,
                    missing == 1 ? "" : "s"));
        }
        return text.toString();
    }

    /** Left-aligned in the width, as R prints text. */
    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }
}
