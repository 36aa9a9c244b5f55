package org.smesurvey.stats.survey;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.smesurvey.stats.TestResult;
import org.smesurvey.stats.internal.Distributions;
import org.smesurvey.stats.internal.Formats;
import org.smesurvey.stats.internal.Matrices;
import org.smesurvey.stats.meta.Coefficient;
import org.smesurvey.stats.meta.Moderators;

/**
 * A design-based generalised linear model, survey's {@code svyglm}: the coefficients solve the weighted score
 * equations \( \sum_i w_i x_i (y_i - μ_i) = 0 \) (canonical links: identity, logit, log), fitted by iteratively
 * reweighted least squares, and their covariance is the sandwich \( A^{-1} \hat V(\hat U) A^{-1} \) with
 * \( A = \sum_i w_i v_i x_i x_i' \) the weighted information and \( \hat V(\hat U) \) the design-based covariance of
 * the estimated total of the score contributions \( w_i x_i (y_i - μ_i) \) (strata, clusters and finite population
 * correction, as survey's {@code svyrecvar}; on a calibrated design the contributions are first projected on the
 * calibration variables, as its {@code svy.varcoef} passes {@code postStrata}). On a replicate design the model is
 * refitted with each replicate's weights from the full-sample estimate and the covariance is the replicates' spread
 * ({@code svyglm.svyrep.design}). Tests are t on the design's degrees of freedom + 1 − p, as
 * {@code summary.svyglm}; the dispersion is survey's {@code svyvar} of the Pearson residuals, their weighted
 * variance times n/(n − 1) (it does not enter the sandwich, so the binomial and quasi-binomial fits agree).
 *
 * <p>References: Binder, D. A. (1983). On the variances of asymptotically normal estimators from complex surveys.
 * <i>International Statistical Review</i> 51, 279–292; Lumley, T. and Scott, A. (2017). Fitting regression models to
 * survey data. <i>Statistical Science</i> 32, 265–278.
 *
 * <p>Immutable.
 *
 * @since 0.1
 */
public final class SurveyRegression {

    /** The model's family, each with its canonical link. */
    public enum Family {
        /** Linear regression, identity link. */
        GAUSSIAN,
        /** Logistic regression, logit link (the answer 0 or 1, or a proportion). */
        BINOMIAL,
        /** Logistic regression with a dispersion estimated: the same estimates and sandwich. */
        QUASIBINOMIAL,
        /** Log-linear regression of counts, log link. */
        POISSON,
        /** Log-linear regression with a dispersion estimated. */
        QUASIPOISSON;

        double mean(double eta) {
            return switch (this) {
                case GAUSSIAN -> eta;
                case BINOMIAL, QUASIBINOMIAL -> eta >= 0 ? 1 / (1 + Math.exp(-eta)) : Math.exp(eta) / (1 + Math.exp(eta));
                case POISSON, QUASIPOISSON -> Math.exp(eta);
            };
        }

        /** The variance function, also dμ/dη for these canonical links. */
        double variance(double mu) {
            return switch (this) {
                case GAUSSIAN -> 1;
                case BINOMIAL, QUASIBINOMIAL -> mu * (1 - mu);
                case POISSON, QUASIPOISSON -> mu;
            };
        }

        double start(double y) {
            return switch (this) {
                case GAUSSIAN -> y;
                case BINOMIAL, QUASIBINOMIAL -> Math.log((y + 0.5) / (1.5 - y));
                case POISSON, QUASIPOISSON -> Math.log(y + 0.1);
            };
        }
    }

    private final Design design;
    private final Moderators x;
    private final Family family;
    private final double[] beta;
    private final double[][] covariance;
    private final double dispersion;
    private final int df;
    private final List<Coefficient> coefficients;
    /** The model matrix without its zeros, and the answers, for the tests' reduced fits. */
    private final SparseRows xs;
    private final double[] y;
    /** The named terms the model matrix was built from, or null for a model matrix given as it is. */
    private final ModelTerms terms;
    /** The respondents in the model (an answer and every term's value there), or null when all are. */
    private final boolean[] kept;

    /** The tests of {@link #termTest(TermTest, String...)}, survey's {@code regTermTest} methods. */
    public enum TermTest {
        /** The Wald test, F on the residual degrees of freedom ({@code method = "Wald"}, the default). */
        WALD_F,
        /** The Wald test, χ² ({@code method = "Wald", df = Inf}). */
        WALD_CHI_SQUARED,
        /**
         * The Rao–Scott working Wald test: the coefficients' quadratic form in the naive (model-based) covariance,
         * referred to its design-based distribution ({@code method = "WorkingWald"}).
         */
        WORKING_WALD,
        /**
         * The Rao–Scott working likelihood-ratio test: the weighted deviance of the model without the terms less
         * the model's, referred to its design-based distribution ({@code method = "LRT"}, Lumley and Scott 2014).
         */
        LIKELIHOOD_RATIO
    }

    private SurveyRegression(Design design, Moderators x, Family family, double[] beta, double[][] covariance,
            double dispersion, int df, SparseRows xs, double[] y, ModelTerms terms, boolean[] kept) {
        this.design = design;
        this.terms = terms;
        this.kept = kept;
        this.xs = xs;
        this.y = y;
        this.x = x;
        this.family = family;
        this.beta = beta;
        this.covariance = covariance;
        this.dispersion = dispersion;
        this.df = df;
        // no residual degrees of freedom (fewer units than coefficients): p-values and intervals undefined, NaN as
        // summary.svyglm's and confint.svyglm's
        double t = df > 0 ? Distributions.t(0.95, df) : Double.NaN;
        List<Coefficient> list = new ArrayList<>();
        for (int j = 0; j < beta.length; j++) {
            double se = Math.sqrt(covariance[j][j]);
            double statistic = beta[j] / se;
            list.add(new Coefficient(x.names().get(j), beta[j], se, statistic, df > 0 ? Distributions.tTwoSided(
                    statistic, df) : Double.NaN, beta[j] - t * se, beta[j] + t * se));
        }
        this.coefficients = List.copyOf(list);
    }

    /**
     * Fits the model on a design.
     *
     * @param design the design
     * @param y each respondent's answer (0 or 1, a proportion, a count or a measurement by family)
     * @param x the model matrix, its intercept included
     * @param family the family
     * @return the fit
     * @throws IllegalArgumentException if the lengths differ, an answer is not finite or is outside the family's
     *         range, the model matrix is not of full rank, or the fit does not converge in 100 iterations
     */
    static SurveyRegression fit(Design design, double[] y, Moderators x, Family family) {
        return fit(design, y, x, family, null, null);
    }

    /**
     * As {@link #fit(Design, double[], Moderators, Family)}, on the respondents flagged in {@code kept} (null for
     * all): the others are left out as survey's {@code svyglm} leaves out the rows {@code na.omit} drops, their
     * answers not read, their weights 0 in the fit and their contributions 0 in the design's variance, the strata and
     * clusters kept ({@code design[-nas, ]}); the glm weights are still the design's over their mean over every row,
     * and the degrees of freedom those of the respondents kept.
     */
    static SurveyRegression fit(Design design, double[] answers, Moderators x, Family family, boolean[] kept,
            ModelTerms terms) {
        Objects.requireNonNull(design, "design");
        double[] y = answers;
        Objects.requireNonNull(y, "y");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(family, "family");
        int n = design.size();
        if (y.length != n || x.studies() != n) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%d respondents, %d answers, %d rows of the"
                    + " model matrix", n, y.length, x.studies()));
        }
        if (kept != null) {
            SurveyDesign.requireLength(kept.length, n, "kept");
            y = y.clone();
            for (int i = 0; i < n; i++) {
                y[i] = kept[i] ? y[i] : 0;
            }
        }
        for (int i = 0; i < n; i++) {
            boolean ok = Double.isFinite(y[i]) && switch (family) {
                case GAUSSIAN -> true;
                case BINOMIAL, QUASIBINOMIAL -> y[i] >= 0 && y[i] <= 1;
                case POISSON, QUASIPOISSON -> y[i] >= 0;
            };
            if (!ok) {
                throw new IllegalArgumentException("Answer " + y[i] + " of respondent " + (i + 1) + " is not one a "
                        + family.name().toLowerCase(Locale.ROOT) + " model takes");
            }
        }
        int p = x.columns();
        SparseRows xs = SparseRows.of(x);
        SparseRows.Grouping grouping = xs.grouping();
        SparseRows rows = grouping.distinct();
        SurveyDesign all = design instanceof ReplicateDesign r ? r.base() : (SurveyDesign) design;
        double[] w = keptWeights(all.weights, kept);
        // the design of the respondents kept: the others' weights 0, strata and clusters as they were
        SurveyDesign full = kept == null ? all : all.reweighted(w);
        GroupSums sums = GroupSums.of(grouping, w, y);
        double[] beta = irls(rows, sums, family, null);
        int m = grouping.size();
        double[] mu = new double[m];
        double[] v = new double[m];
        for (int g = 0; g < m; g++) {
            mu[g] = family.mean(rows.dot(g, beta));
            v[g] = family.variance(mu[g]);
        }
        boolean replicate = design instanceof ReplicateDesign;
        double[][] covariance;
        if (replicate) {
            covariance = replicateCovariance((ReplicateDesign) design, grouping, y, family, beta, kept);
        } else {
            double[] scaled = new double[m];
            for (int g = 0; g < m; g++) {
                scaled[g] = sums.weight()[g] * v[g];
            }
            double[][] meat = full.isCalibrated()
                    ? Linearisation.scoreCovariance(full, scores(grouping, y, w, mu), p)
                    : Linearisation.covariance(full, unitTotals(full, grouping, y, w, mu), p);
            RealMatrix ainv = new LUDecomposition(new Array2DRowRealMatrix(information(rows, scaled), false))
                    .getSolver().getInverse();
            covariance = ainv.multiply(new Array2DRowRealMatrix(meat, false)).multiply(ainv).getData();
        }
        // survey's dispersion: svyvar of the Pearson residuals on a linearised design (their weighted variance
        // times n / (n - 1)), their weighted mean square on a replicate design (summary.svrepglm's formula); both
        // from the groups' sums of w, w y and w y^2.
        double sumW = 0;
        double sumPearson = 0;
        double sumSquares = 0;
        for (int g = 0; g < m; g++) {
            double weight = sums.weight()[g];
            double weightY = sums.weightY()[g];
            sumW += weight;
            sumPearson += (weightY - mu[g] * weight) / Math.sqrt(v[g]);
            sumSquares += (sums.weightYY()[g] - 2 * mu[g] * weightY + mu[g] * mu[g] * weight) / v[g];
        }
        double meanSquare = sumSquares / sumW;
        double mean = sumPearson / sumW;
        // svyvar's n: the respondents kept with a non-zero weight
        int used = 0;
        for (double weight : w) {
            used += weight != 0 ? 1 : 0;
        }
        double dispersion = replicate ? meanSquare : (meanSquare - mean * mean) * used / (used - 1.0);
        if (kept != null) {
            // survey's Pearson residuals carry sqrt(prior weight / design weight), the prior weights over their mean
            // on every row and the design's over their mean on its rows after design[-nas, ] — the rows kept, or
            // every row on a calibrated design, which keeps the rows dropped with weight 0: a factor that is 1 when
            // nothing is dropped, and that survey 4.1.1 and 4.4.2 both apply (on replicate designs too).
            double sumAll = 0;
            double sumKept = 0;
            int keptRows = 0;
            for (int i = 0; i < n; i++) {
                sumAll += all.weights[i];
                sumKept += w[i];
                keptRows += kept[i] ? 1 : 0;
            }
            dispersion *= sumKept / (!replicate && all.isCalibrated() ? n : keptRows) / (sumAll / n);
        }
        return new SurveyRegression(design, x, family, beta, covariance, dispersion,
                (replicate ? design : full).degreesOfFreedom() + 1 - p, xs, y == answers ? y.clone() : y, terms,
                kept == null ? null : kept.clone());
    }

    /** The weights with those of the respondents not kept set to 0; the weights themselves when all are kept. */
    private static double[] keptWeights(double[] weights, boolean[] kept) {
        if (kept == null) {
            return weights;
        }
        double[] w = weights.clone();
        for (int i = 0; i < w.length; i++) {
            w[i] = kept[i] ? w[i] : 0;
        }
        return w;
    }

    /** The weights' and the weighted answers' sums over each group of equal rows: W, W y and W y². */
    private record GroupSums(double[] weight, double[] weightY, double[] weightYY) {

        static GroupSums of(SparseRows.Grouping grouping, double[] w, double[] y) {
            int n = y.length;
            int[] group = grouping.group();
            if (group == null) {
                double[] weightY = new double[n];
                double[] weightYY = new double[n];
                for (int i = 0; i < n; i++) {
                    weightY[i] = w[i] * y[i];
                    weightYY[i] = weightY[i] * y[i];
                }
                return new GroupSums(w, weightY, weightYY);
            }
            int m = grouping.size();
            double[] sums = Chunks.sum(n, (from, to) -> {
                double[] into = new double[3 * m];
                for (int i = from; i < to; i++) {
                    int g = 3 * group[i];
                    double wy = w[i] * y[i];
                    into[g] += w[i];
                    into[g + 1] += wy;
                    into[g + 2] += wy * y[i];
                }
                return into;
            });
            double[] weight = new double[m];
            double[] weightY = new double[m];
            double[] weightYY = new double[m];
            for (int g = 0; g < m; g++) {
                weight[g] = sums[3 * g];
                weightY[g] = sums[3 * g + 1];
                weightYY[g] = sums[3 * g + 2];
            }
            return new GroupSums(weight, weightY, weightYY);
        }
    }

    /** The upper triangle's entry (r, c), r &lt;= c, of a p × p matrix kept by rows is at offset[r] + c. */
    private static int[] triangleOffsets(int p) {
        int[] offset = new int[p];
        for (int r = 0; r < p; r++) {
            offset[r] = r * p - r * (r - 1) / 2 - r;
        }
        return offset;
    }

    /** The symmetric p × p matrix whose upper triangle opens {@code sums}. */
    private static double[][] fromTriangle(double[] sums, int p) {
        double[][] a = new double[p][p];
        int t = 0;
        for (int r = 0; r < p; r++) {
            for (int c = r; c < p; c++) {
                a[r][c] = sums[t];
                a[c][r] = sums[t++];
            }
        }
        return a;
    }

    /** \( \sum_g s_g x_g x_g' \) over the rows. */
    private static double[][] information(SparseRows rows, double[] scale) {
        int p = rows.p;
        double[][] a = new double[p][p];
        for (int g = 0; g < rows.n; g++) {
            for (int e = rows.start[g]; e < rows.start[g + 1]; e++) {
                double sx = scale[g] * rows.value[e];
                for (int f = rows.start[g]; f < rows.start[g + 1]; f++) {
                    a[rows.column[e]][rows.column[f]] += sx * rows.value[f];
                }
            }
        }
        return a;
    }

    /** The units' totals of the score contributions \( w_i (y_i - μ_i) x_i \), unit by unit. */
    private static double[] unitTotals(SurveyDesign design, SparseRows.Grouping grouping, double[] y, double[] w,
            double[] mu) {
        SparseRows rows = grouping.distinct();
        int p = rows.p;
        int[] unit = design.unit;
        return Chunks.sum(y.length, (from, to) -> {
            double[] into = new double[design.units() * p];
            for (int i = from; i < to; i++) {
                int g = grouping.of(i);
                double contribution = w[i] * (y[i] - mu[g]);
                int base = unit[i] * p;
                for (int e = rows.start[g]; e < rows.start[g + 1]; e++) {
                    into[base + rows.column[e]] += contribution * rows.value[e];
                }
            }
            return into;
        });
    }

    /** Each respondent's score contributions \( w_i (y_i - μ_i) x_i \), row by row, for a calibrated design. */
    private static double[] scores(SparseRows.Grouping grouping, double[] y, double[] w, double[] mu) {
        SparseRows rows = grouping.distinct();
        int p = rows.p;
        double[] scores = new double[y.length * p];
        java.util.stream.IntStream.range(0, y.length).parallel().forEach(i -> {
            int g = grouping.of(i);
            double contribution = w[i] * (y[i] - mu[g]);
            for (int e = rows.start[g]; e < rows.start[g + 1]; e++) {
                scores[i * p + rows.column[e]] = contribution * rows.value[e];
            }
        });
        return scores;
    }

    /**
     * Iteratively reweighted least squares of the weighted score equations over the groups of equal rows (their
     * sums W, W y), from the family's start at each group's mean answer (or from {@code start}, as survey starts
     * each replicate at the full-sample estimate), until no coefficient moves by more than 1e-8 (1 + |β|):
     * Newton's steps converge quadratically, so the last is exact to rounding. Each iteration is one pass over
     * the groups, in parallel chunks when they are many.
     */
    private static double[] irls(SparseRows rows, GroupSums sums, Family family, double[] start) {
        int m = rows.n;
        int p = rows.p;
        int triangle = p * (p + 1) / 2;
        int[] offset = triangleOffsets(p);
        int[] begin = rows.start;
        int[] column = rows.column;
        double[] value = rows.value;
        double[] weights = sums.weight();
        double[] weightsY = sums.weightY();
        double[] beta = start;
        for (int iteration = 0; ; iteration++) {
            if (iteration == 100) {
                throw new IllegalArgumentException("The survey regression did not converge in 100 iterations");
            }
            double[] current = beta;
            double[] normal = Chunks.sum(m, (from, to) -> {
                double[] into = new double[triangle + p];
                for (int g = from; g < to; g++) {
                    double total = weights[g];
                    if (total == 0) {
                        continue;
                    }
                    double eta = current == null ? family.start(weightsY[g] / total) : rows.dot(g, current);
                    double mu = family.mean(eta);
                    double weight = total * family.variance(mu);
                    double z = weight * eta + weightsY[g] - mu * total; // the weighted working response
                    int last = begin[g + 1];
                    for (int e = begin[g]; e < last; e++) {
                        double wx = weight * value[e];
                        int o = offset[column[e]];
                        for (int f = e; f < last; f++) {
                            into[o + column[f]] += wx * value[f];
                        }
                        into[triangle + column[e]] += z * value[e];
                    }
                }
                return into;
            });
            try {
                beta = new LUDecomposition(new Array2DRowRealMatrix(fromTriangle(normal, p), false)).getSolver()
                        .solve(new ArrayRealVector(Arrays.copyOfRange(normal, triangle, triangle + p), false))
                        .toArray();
            } catch (SingularMatrixException e) {
                throw new IllegalArgumentException("The model matrix is not of full rank among these respondents"
                        + (start == null ? "" : " in a replicate"), e);
            }
            if (current != null) {
                boolean converged = true;
                for (int j = 0; j < p; j++) {
                    converged &= Math.abs(beta[j] - current[j]) <= 1e-8 * (1 + Math.abs(beta[j]));
                }
                if (converged) {
                    return beta;
                }
            }
        }
    }

    /**
     * The replicates' covariance: the model refitted with each replicate's weights from the full-sample estimate,
     * as survey's {@code svyglm.svyrep.design}, and the spread of the replicate coefficients
     * ({@link ReplicateDesign#covariance}).
     */
    private static double[][] replicateCovariance(ReplicateDesign design, SparseRows.Grouping grouping, double[] y,
            Family family, double[] beta, boolean[] kept) {
        int n = y.length;
        double[][] replicates = new double[design.replicates()][];
        for (int r = 0; r < replicates.length; r++) {
            double[] w = new double[n];
            for (int i = 0; i < n; i++) {
                w[i] = kept == null || kept[i] ? design.replicateWeight(i, r) : 0;
            }
            replicates[r] = irls(grouping.distinct(), GroupSums.of(grouping, w, y), family, beta);
        }
        return design.covariance(replicates, beta);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /**
     * The coefficients with their design-based standard errors, t tests and 95 % intervals.
     *
     * @return the coefficients, in the model matrix's column order
     */
    public List<Coefficient> coefficients() {
        return coefficients;
    }

    /**
     * The sandwich covariance of the coefficients.
     *
     * @return a copy, p × p
     */
    public double[][] covariance() {
        return Matrices.copy(covariance);
    }

    /**
     * The residual degrees of freedom of the t tests: the design's, plus 1, less the coefficients.
     *
     * @return survey's {@code df.residual}
     */
    public int degreesOfFreedom() {
        return df;
    }

    /**
     * The dispersion: on a linearised design the weighted variance of the Pearson residuals times n/(n − 1)
     * ({@code summary.svyglm}'s); on a replicate design their weighted mean square, the formula of
     * {@code summary.svrepglm} — whose residuals in survey 4.1.1 carry a spurious factor √n (they divide by the
     * weights over their sum where the fit's weights are over their mean), so survey prints n times this value.
     *
     * @return the dispersion
     */
    public double dispersion() {
        return dispersion;
    }

    /**
     * The family fitted.
     *
     * @return the family
     */
    public Family family() {
        return family;
    }

    /**
     * A prediction at moderator values, survey's {@code predict(g, newdata, se.fit = TRUE)}: on the link scale with
     * its standard error \( \sqrt{x'Vx} \), and on the response scale by the delta method.
     *
     * @param newx the model matrix's values without the intercept, in column order
     * @return the prediction
     * @throws IllegalArgumentException if the values are not as many as the columns besides the intercept
     */
    public Prediction predict(double... newx) {
        Objects.requireNonNull(newx, "newx");
        int first = x.hasIntercept() ? 1 : 0;
        if (newx.length != x.columns() - first) {
            throw new IllegalArgumentException("The model has " + (x.columns() - first) + " columns besides the"
                    + " intercept; " + newx.length + " values were given");
        }
        double[] row = new double[x.columns()];
        if (first == 1) {
            row[0] = 1;
        }
        System.arraycopy(newx, 0, row, first, newx.length);
        double link = dot(row, beta);
        double variance = 0;
        for (int r = 0; r < row.length; r++) {
            for (int c = 0; c < row.length; c++) {
                variance += row[r] * covariance[r][c] * row[c];
            }
        }
        double se = Math.sqrt(variance);
        double mu = family.mean(link);
        return new Prediction(link, se, mu, se * family.variance(mu));
    }

    /**
     * A prediction at named values of the model's terms, survey's {@code predict(g, newdata = data.frame(band =
     * "10-249", region = "Bretagne", employees = 25), se.fit = TRUE)} (type {@code "link"} and {@code "response"}):
     * a level for each factor, a finite number for each numeric term; the interactions follow from them. The model
     * must have been given by {@link ModelTerms}.
     *
     * @param values each main effect's value, by term name ({@code Map.of("band", "10-249", "employees", 25.0)})
     * @return the prediction on both scales, with its standard errors
     * @throws IllegalArgumentException if the model was fitted on a model matrix without named terms, a name is not
     *         a main effect of the model (an interaction's value follows from its terms), a term has no value, a
     *         factor's value is not one of its levels, or a numeric term's is not a finite number
     */
    public Prediction predict(java.util.Map<String, ?> values) {
        if (terms == null) {
            throw new IllegalArgumentException("The model was fitted on a model matrix, not on named terms: predict"
                    + " from its columns' values, predict(double...)");
        }
        double[] row = terms.row(values);
        return predict(Arrays.copyOfRange(row, 1, row.length));
    }

    /**
     * The named terms the model was fitted on.
     *
     * @return the terms, or empty for a model fitted on a model matrix
     */
    public java.util.Optional<ModelTerms> terms() {
        return java.util.Optional.ofNullable(terms);
    }

    /**
     * A prediction on both scales.
     *
     * @param link the linear predictor
     * @param linkStandardError its standard error
     * @param response the mean on the response scale
     * @param responseStandardError its standard error (delta method)
     */
    public record Prediction(double link, double linkStandardError, double response, double responseStandardError) {
    }

    /**
     * Predictive margins of a factor, survey's {@code svypredmeans(model, ~factor)}: for each level, every
     * respondent's predicted mean with the factor set to that level and the other variables as they are, averaged
     * with the weights — adoption by size class with the country mix of the whole sample held fixed. Their
     * covariance adds the variance of that average over the design (the fits held fixed, as {@code svymean} of
     * them) to the coefficients' part \( D V D' \), D the derivative of the margins in the coefficients (Graubard
     * and Korn 1999). As contrasts of domains, the result gives differences between margins with their
     * standard errors. The factor must enter as main effects: product columns built from it are not reset.
     *
     * <p>Reference: Graubard, B. I. and Korn, E. L. (1999). Predictive margins with survey data.
     * <i>Biometrics</i> 55, 652–659.
     *
     * @param factor a factor of the model matrix ({@link Moderators.Builder#factor})
     * @return the margins, one per level (the reference first), with their covariance
     * @throws IllegalArgumentException if the model matrix has no such factor
     */
    public DomainEstimates predictiveMargins(String factor) {
        return predictiveMarginsWithParts(factor).margins();
    }

    /**
     * Predictive margins of a factor as {@link #predictiveMargins(String)}, with the two parts of their covariance
     * that survey's {@code svypredmeans} keeps in {@code attr(vcov(.), "parts")}: the coefficients' part
     * \( D V D' \) and the design's part, the variance of the weighted mean of the predictions with the fit held
     * fixed. survey adds the factor to the model it is given; here the model must already hold it.
     *
     * @param factor a factor of the model matrix ({@link Moderators.Builder#factor})
     * @return the margins, one per level (the reference first), with their covariance and its two parts
     * @throws IllegalArgumentException if the model matrix has no such factor
     */
    public PredictiveMargins predictiveMarginsWithParts(String factor) {
        if (terms != null && terms.hasTerm(factor) && terms.inInteraction(factor)) {
            throw new IllegalArgumentException("The factor " + factor + " enters an interaction of the model "
                    + terms.formula() + ": its predictive margins would need the interaction's columns reset too");
        }
        List<String> levels = x.levels(factor);
        int g = levels.size();
        int[] columns = new int[g];
        columns[0] = -1;
        for (int l = 1; l < g; l++) {
            columns[l] = x.names().indexOf(factor + levels.get(l));
        }
        SurveyDesign full = design instanceof ReplicateDesign r ? r.base() : (SurveyDesign) design;
        int n = full.size();
        int p = beta.length;
        double[] w = keptWeights(full.weights, kept);
        double sumW = 0;
        for (int i = 0; i < n; i++) {
            sumW += w[i];
        }
        double[] fits = new double[n * (g + 1)];
        double[] margins = new double[g];
        double[][] derivative = new double[g][p];
        for (int i = 0; i < n; i++) {
            if (kept != null && !kept[i]) {
                continue; // out of the model: no fit, and not counted in the replicates' sums of weights
            }
            double[] row = x.rowArrayOf(i);
            for (int l = 0; l < g; l++) {
                for (int l2 = 1; l2 < g; l2++) {
                    row[columns[l2]] = l2 == l ? 1 : 0;
                }
                double mu = family.mean(dot(row, beta));
                fits[i * (g + 1) + l] = mu;
                margins[l] += w[i] * mu / sumW;
                double slope = w[i] * family.variance(mu) / sumW; // dμ/dη for the canonical links
                for (int j = 0; j < p; j++) {
                    derivative[l][j] += slope * row[j];
                }
            }
            fits[i * (g + 1) + g] = 1;
        }
        double[][] covariance;
        if (design instanceof ReplicateDesign replicates) {
            double[][] totals = replicates.replicateTotals(fits, g + 1);
            double[][] means = new double[totals.length][g];
            for (int r = 0; r < totals.length; r++) {
                for (int l = 0; l < g; l++) {
                    means[r][l] = totals[r][l] / totals[r][g];
                }
            }
            covariance = replicates.covariance(means, margins);
        } else {
            double[] scores = new double[n * g];
            for (int i = 0; i < n; i++) {
                for (int l = 0; l < g; l++) {
                    scores[i * g + l] = w[i] * (fits[i * (g + 1) + l] - margins[l]) / sumW;
                }
            }
            covariance = Linearisation.scoreCovariance(full, scores, g);
        }
        double[][] coefficientPart = new double[g][g];
        double[][] total = new double[g][g];
        for (int a = 0; a < g; a++) {
            for (int b = 0; b < g; b++) {
                double sum = 0;
                for (int j = 0; j < p; j++) {
                    for (int k = 0; k < p; k++) {
                        sum += derivative[a][j] * this.covariance[j][k] * derivative[b][k];
                    }
                }
                coefficientPart[a][b] = sum;
                total[a][b] = covariance[a][b] + sum;
            }
        }
        return new PredictiveMargins(new DomainEstimates(levels, margins, total), coefficientPart, covariance);
    }

    /**
     * The Wald test that a set of coefficients are all 0, survey's {@code regTermTest(g, ~ terms)} with its
     * default F test on the number of columns tested and the residual degrees of freedom. On a model given by
     * {@link ModelTerms}, a term's name tests all its columns — {@code termTest("band")} is
     * {@code regTermTest(g, ~band)}, {@code termTest("band", "region")} is {@code regTermTest(g, ~band + region)}
     * — and a model-matrix column's name ({@code "band10-249"}) that column alone; a name that is both is the term.
     * The test is labelled with the names given.
     *
     * @param columns the terms or model-matrix columns tested
     * @return the F test
     * @throws IllegalArgumentException if a name is neither a term nor a column of the model, a column is named
     *         twice, or none is given
     */
    public TestResult termTest(String... columns) {
        return termTest(TermTest.WALD_F, columns);
    }

    /**
     * A test that a set of coefficients are all 0, survey's {@code regTermTest(g, ~ terms, method)}. The working
     * Wald and likelihood-ratio statistics \( X \) are referred to \( \sum_j λ_j χ^2_1 \) over an independent
     * \( χ^2_{df}/df \), λ the eigenvalues of \( V_0^{-1} V \) (V the sandwich covariance of the tested
     * coefficients, V_0 their model-based covariance with the weights rescaled to mean 1, as svyglm's
     * {@code naive.cov}), by the saddlepoint approximation ({@link QuadraticForms}). The likelihood ratio refits
     * the model without the columns.
     *
     * <p>Reference: Lumley, T. and Scott, A. J. (2014). Tests for regression models fitted to survey data.
     * <i>Australian &amp; New Zealand Journal of Statistics</i> 56(1), 1–14; Rao, J. N. K. and Scott, A. J.
     * (1984). <i>Annals of Statistics</i> 12, 46–60.
     *
     * @param method the test
     * @param columns the terms or model-matrix columns tested, as {@link #termTest(String...)} takes them
     * @return the test: its statistic (F, χ², or the working statistic X), degrees of freedom, p-value
     * @throws IllegalArgumentException if a name is neither a term nor a column of the model, a column is named
     *         twice, or none is given
     */
    public TestResult termTest(TermTest method, String... columns) {
        Objects.requireNonNull(method, "method");
        return termTest(method, method == TermTest.WALD_CHI_SQUARED ? Double.POSITIVE_INFINITY : df,
                MixtureApproximation.SADDLEPOINT, columns).toTestResult();
    }

    /**
     * A test that a set of coefficients are all 0 with survey's options, {@code regTermTest(g, ~ terms, method,
     * df, lrt.approximation)}, with the eigenvalues λ of the working tests. The Wald test is F on the denominator's
     * degrees of freedom, or χ² when they are infinite ({@code df = Inf}); the working Wald and likelihood-ratio
     * statistics X are referred to \( \sum_j λ_j χ^2_1 \) over an independent \( χ^2_d/d \), or to
     * \( \sum_j λ_j χ^2_1 \) alone when d is infinite, λ the eigenvalues of \( V_0^{-1} V \) (V the sandwich
     * covariance of the tested coefficients, \( V_0 \) their naive covariance, {@link #naiveCovariance()}), the
     * tail approximated as asked. survey's default d is the model's residual degrees of freedom,
     * {@link #degreesOfFreedom()}; {@code termTest(method, fit.degreesOfFreedom(), SADDLEPOINT, columns)} is
     * {@link #termTest(TermTest, String...)} with λ. The likelihood ratio refits the model without the columns.
     *
     * <p>Reference: Lumley, T. and Scott, A. J. (2014). Tests for regression models fitted to survey data.
     * <i>Australian &amp; New Zealand Journal of Statistics</i> 56(1), 1–14.
     *
     * @param method the test; {@link TermTest#WALD_F} and {@link TermTest#WALD_CHI_SQUARED} are both survey's
     *        {@code "Wald"}, the first with finite denominator degrees of freedom, the second with infinite ones
     * @param denominatorDegreesOfFreedom d: positive, {@link Double#POSITIVE_INFINITY} for survey's {@code df = Inf}
     * @param approximation how the working tests' p-value is approximated (the Wald tests' are exact)
     * @param columns the terms or model-matrix columns tested, as {@link #termTest(String...)} takes them
     * @return the test, with λ for the working tests
     * @throws IllegalArgumentException if a name is neither a term nor a column of the model, a column is named
     *         twice, or none is given, d is not positive (or is
     *         NaN), or {@link TermTest#WALD_CHI_SQUARED} is asked for with a finite d
     */
    public TermTestResult termTest(TermTest method, double denominatorDegreesOfFreedom,
            MixtureApproximation approximation, String... columns) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(approximation, "approximation");
        Objects.requireNonNull(columns, "columns");
        double ddf = denominatorDegreesOfFreedom;
        if (!(ddf > 0)) {
            throw new IllegalArgumentException("Denominator degrees of freedom are not positive: " + ddf);
        }
        if (method == TermTest.WALD_CHI_SQUARED && Double.isFinite(ddf)) {
            throw new IllegalArgumentException("The Wald chi-squared test has infinite denominator degrees of"
                    + " freedom, not " + ddf + ": use WALD_F");
        }
        if (columns.length == 0) {
            throw new IllegalArgumentException("No column to test");
        }
        int[] index = tested(columns);
        int m = index.length;
        double[] b = new double[m];
        for (int a = 0; a < m; a++) {
            b[a] = beta[index[a]];
        }
        double[][] sub = covarianceOf(index);
        List<String> names = List.of(columns);
        List<String> tested = Arrays.stream(index).mapToObj(x.names()::get).toList();
        if (method == TermTest.WALD_F || method == TermTest.WALD_CHI_SQUARED) {
            double[] solved = new LUDecomposition(new Array2DRowRealMatrix(sub, false)).getSolver()
                    .solve(new ArrayRealVector(b, false)).toArray();
            double chi = dot(b, solved);
            if (Double.isInfinite(ddf)) {
                return new TermTestResult(TermTest.WALD_CHI_SQUARED, names, tested, chi, ddf,
                        Distributions.chiSquareUpperTail(chi, m), new double[0]);
            }
            double f = chi / m;
            return new TermTestResult(TermTest.WALD_F, names, tested, f, ddf, Distributions.fUpperTail(f, m, ddf),
                    new double[0]);
        }
        RealMatrix naiveInverse = new LUDecomposition(naiveCovariance(index)).getSolver().getInverse();
        double statistic;
        if (method == TermTest.WORKING_WALD) {
            statistic = dot(b, naiveInverse.operate(b));
        } else {
            statistic = reducedDeviance(index) - deviance(xs, beta);
        }
        double[] lambda = designEffects(naiveInverse, sub);
        double p = Double.isInfinite(ddf) ? QuadraticForms.chiSquareSumUpper(statistic, lambda, approximation)
                : QuadraticForms.fSumUpper(statistic, lambda, ddf, approximation);
        return new TermTestResult(method, names, tested, statistic, ddf, p, lambda);
    }

    /** The sandwich covariance of the columns. */
    private double[][] covarianceOf(int[] index) {
        double[][] sub = new double[index.length][index.length];
        for (int a = 0; a < index.length; a++) {
            for (int c = 0; c < index.length; c++) {
                sub[a][c] = covariance[index[a]][index[c]];
            }
        }
        return sub;
    }

    /** The eigenvalues of \( V_0^{-1} V \), decreasing, as R's {@code eigen}. */
    private static double[] designEffects(RealMatrix naiveInverse, double[][] sandwich) {
        double[] lambda = new org.apache.commons.math3.linear.EigenDecomposition(
                naiveInverse.multiply(new Array2DRowRealMatrix(sandwich, false))).getRealEigenvalues();
        Arrays.sort(lambda);
        for (int j = 0; j < lambda.length / 2; j++) {
            double swap = lambda[j];
            lambda[j] = lambda[lambda.length - 1 - j];
            lambda[lambda.length - 1 - j] = swap;
        }
        return lambda;
    }

    /**
     * The naive (model-based) covariance of the coefficients, svyglm's {@code naive.cov}: glm's
     * {@code cov.unscaled} with the weights rescaled to mean 1, \( (\sum_i \tilde w_i v(μ_i) x_i x_i')^{-1} \),
     * \( \tilde w_i = w_i/\bar w \) and v the family's variance function, at the estimates. It is not multiplied
     * by the dispersion: for a gaussian model it is \( (X'\tilde WX)^{-1} \), the model-based covariance over
     * σ². As the weights are rescaled to mean 1 it is of the order of the sandwich ({@link #covariance()}), and
     * \( V_0^{-1}V \) holds the design effects of {@link #termTest(TermTest, double, MixtureApproximation,
     * String...)} and {@link #aic()}. On a replicate design the weights are the full sample's.
     *
     * @return a copy, p × p, in the model matrix's column order
     */
    public double[][] naiveCovariance() {
        int[] all = new int[beta.length];
        Arrays.setAll(all, j -> j);
        return naiveCovariance(all).getData();
    }

    /**
     * The deviance, glm's {@code deviance(g)} of svyglm's fit: \( \sum_i \tilde w_i d(y_i, μ_i) \) with the
     * weights rescaled to mean 1 and d the family's unit deviance — \( (y - μ)^2 \) (gaussian),
     * \( 2[y \log(y/μ) + (1 - y)\log((1 - y)/(1 - μ))] \) (binomial), \( 2[y \log(y/μ) - (y - μ)] \) (Poisson).
     * Its scale is that of n respondents, not of the population.
     *
     * <p>Reference: McCullagh, P. and Nelder, J. A. (1989). <i>Generalized Linear Models</i>, 2nd edition.
     * Chapman and Hall, section 2.3.
     *
     * @return the deviance
     */
    public double deviance() {
        return deviance(xs, beta);
    }

    /**
     * The null deviance, svyglm's {@code null.deviance}: the deviance of the model with only an intercept, every
     * \( μ_i \) the weighted mean answer, or, without an intercept, of \( μ_i \) at a linear predictor of 0, as
     * {@code glm.fit}; the weights rescaled to mean 1.
     *
     * @return the null deviance
     */
    public double nullDeviance() {
        double[] w = meanOneWeights();
        double mu = family.mean(0);
        if (x.hasIntercept()) {
            double sumW = 0;
            double sumWY = 0;
            for (int i = 0; i < y.length; i++) {
                sumW += w[i];
                sumWY += w[i] * y[i];
            }
            mu = sumWY / sumW;
        }
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            sum += w[i] * unitDeviance(y[i], mu);
        }
        return sum;
    }

    /**
     * The null deviance's degrees of freedom, svyglm's {@code df.null} (glm's, not the design's): the respondents
     * with a non-zero weight, less 1 for an intercept.
     *
     * @return the degrees of freedom
     */
    public int nullDegreesOfFreedom() {
        SurveyDesign full = design instanceof ReplicateDesign r ? r.base() : (SurveyDesign) design;
        int n = 0;
        for (double w : keptWeights(full.weights, kept)) {
            n += w != 0 ? 1 : 0; // those a missing value left out of the model are not counted, as glm's na.omit
        }
        return n - (x.hasIntercept() ? 1 : 0);
    }

    /**
     * Akaike's criterion of the design-based fit, survey's {@code AIC(g)} ({@link DesignAic} gives the formulas:
     * the deviance, or the gaussian −2 log-likelihood, penalised by the sum of the design effects).
     *
     * <p>Reference: Lumley, T. and Scott, A. J. (2015). AIC and BIC for modeling with complex survey data.
     * <i>Journal of Survey Statistics and Methodology</i> 3(1), 1–18. doi:10.1093/jssam/smu021.
     *
     * @return the effective number of parameters, the criterion and the mean design effect
     */
    public DesignAic aic() {
        int first = x.hasIntercept() ? 1 : 0;
        int[] index = new int[beta.length - first];
        Arrays.setAll(index, j -> j + first);
        if (family != Family.GAUSSIAN) {
            if (index.length == 0) {
                return new DesignAic(0, deviance(), Double.NaN);
            }
            double[] lambda = designEffects(new LUDecomposition(naiveCovariance(index)).getSolver().getInverse(),
                    covarianceOf(index));
            double sum = Arrays.stream(lambda).sum();
            return new DesignAic(sum, deviance() + 2 * sum, sum / lambda.length);
        }
        double[] w = meanOneWeights();
        double total = 0;
        double squares = 0;
        for (int i = 0; i < y.length; i++) {
            double r = y[i] - xs.dot(i, beta);
            total += w[i];
            squares += w[i] * r * r;
        }
        double sigma2 = squares / total;
        double information = total / (2 * sigma2 * sigma2);
        double h = 0;
        for (int i = 0; i < y.length; i++) {
            double r = y[i] - xs.dot(i, beta);
            double u = -1 / (2 * sigma2) + r * r / (2 * sigma2 * sigma2);
            h += w[i] * u * u;
        }
        double deltaSigma2 = information / h;
        double trace = 0;
        if (index.length > 0) {
            RealMatrix delta = new LUDecomposition(naiveCovariance(index).scalarMultiply(sigma2)).getSolver()
                    .solve(new Array2DRowRealMatrix(covarianceOf(index), false));
            trace = delta.getTrace();
        }
        double effective = trace + deltaSigma2;
        double minus2LogLikelihood = total * Math.log(sigma2) + total + total * Math.log(2 * Math.PI);
        return new DesignAic(effective, minus2LogLikelihood + 2 * effective, effective / (index.length + 1));
    }

    /**
     * The Bayesian criterion of this model within a maximal model that holds its columns and more, survey's
     * {@code BIC(g, maximal = M)} ({@link DesignBic} gives the formula).
     *
     * <p>Reference: Lumley, T. and Scott, A. J. (2015). AIC and BIC for modeling with complex survey data.
     * <i>Journal of Survey Statistics and Methodology</i> 3(1), 1–18. doi:10.1093/jssam/smu021.
     *
     * @param maximal the maximal model, fitted on the same respondents
     * @return the number of coefficients, the criterion and the effective sample size
     * @throws IllegalArgumentException if the maximal model lacks a column of this one or has another number of
     *         respondents
     */
    public DesignBic bic(SurveyRegression maximal) {
        Objects.requireNonNull(maximal, "maximal");
        if (maximal.y.length != y.length) {
            throw new IllegalArgumentException("The maximal model has " + maximal.y.length + " respondents, this one "
                    + y.length);
        }
        List<String> names = x.names();
        List<String> all = maximal.x.names();
        for (String name : names) {
            if (!all.contains(name)) {
                throw new IllegalArgumentException("Column " + name + " is not in the maximal model: " + all);
            }
        }
        int[] index = java.util.stream.IntStream.range(0, all.size()).filter(j -> !names.contains(all.get(j)))
                .toArray();
        double n = 1 + nullDegreesOfFreedom();
        int p = beta.length;
        if (index.length == 0) {
            return new DesignBic(p, p * Math.log(n) + maximal.deviance(), Double.NaN);
        }
        double[] b = new double[index.length];
        for (int a = 0; a < index.length; a++) {
            b[a] = maximal.beta[index[a]];
        }
        double[][] sandwich = maximal.covarianceOf(index);
        double wald = dot(b, new LUDecomposition(new Array2DRowRealMatrix(sandwich, false)).getSolver()
                .solve(new ArrayRealVector(b, false)).toArray());
        double determinant = new LUDecomposition(new LUDecomposition(maximal.naiveCovariance(index)).getSolver()
                .solve(new Array2DRowRealMatrix(sandwich, false))).getDeterminant();
        return new DesignBic(p, wald + p * Math.log(n) + Math.log(determinant) + maximal.deviance(),
                n / Math.pow(determinant, 1.0 / index.length));
    }

    /**
     * The coefficients with their tests and intervals on other degrees of freedom: survey's
     * {@code summary(g, df.resid = df)} for the p-values and {@code confint(g, ddf = df)} for the 95 % intervals;
     * {@link Double#POSITIVE_INFINITY} gives z tests and normal intervals. ({@code confint(g, df = Inf)} is not
     * that: {@code confint.svyglm} takes {@code ddf} and passes {@code df} on unused, so it keeps the t interval on
     * the residual degrees of freedom.)
     *
     * @param degreesOfFreedom the degrees of freedom, positive, infinite for normal tests
     * @return the coefficients, in the model matrix's column order
     * @throws IllegalArgumentException if the degrees of freedom are not positive or are NaN
     */
    public List<Coefficient> coefficients(double degreesOfFreedom) {
        return coefficients(degreesOfFreedom, 0.95);
    }

    /**
     * The coefficients with their tests and intervals at a level on given degrees of freedom, survey's
     * {@code summary(g, df.resid = df)} and {@code confint(g, level = level, ddf = df)}: \( \hat β_j \pm
     * q\,\mathrm{se}_j \), q the t quantile on df degrees of freedom (the normal's when infinite).
     *
     * @param degreesOfFreedom the degrees of freedom, positive, infinite for normal tests
     * @param level the confidence level, in (0, 1)
     * @return the coefficients, in the model matrix's column order
     * @throws IllegalArgumentException if the degrees of freedom are not positive or are NaN, or the level is not
     *         in (0, 1)
     */
    public List<Coefficient> coefficients(double degreesOfFreedom, double level) {
        if (!(degreesOfFreedom > 0)) {
            throw new IllegalArgumentException("Degrees of freedom are not positive: " + degreesOfFreedom);
        }
        org.smesurvey.stats.internal.Checks.requireLevel(level);
        boolean normal = Double.isInfinite(degreesOfFreedom);
        double q = normal ? Distributions.z(level) : Distributions.t(level, degreesOfFreedom);
        List<Coefficient> list = new ArrayList<>();
        for (int j = 0; j < beta.length; j++) {
            double se = Math.sqrt(covariance[j][j]);
            double statistic = beta[j] / se;
            double p = normal ? Distributions.normalTwoSided(statistic)
                    : Distributions.tTwoSided(statistic, degreesOfFreedom);
            list.add(new Coefficient(x.names().get(j), beta[j], se, statistic, p, beta[j] - q * se, beta[j] + q * se));
        }
        return List.copyOf(list);
    }

    /**
     * The model matrix's columns of the names tested: a term of a model given by {@link ModelTerms} stands for all
     * its columns (a name that is both a term and a column is the term), any other name for the column.
     */
    private int[] tested(String[] names) {
        List<Integer> index = new ArrayList<>();
        for (String name : names) {
            Objects.requireNonNull(name, "column");
            String term = terms == null ? null : terms.termNamed(name);
            List<String> columns = term != null ? terms.columns(term) : List.of(name);
            for (String column : columns) {
                int j = x.names().indexOf(column);
                if (j < 0) {
                    throw new IllegalArgumentException("The model has no term or column " + name + ": its "
                            + (terms != null ? "terms are " + terms.terms() + ", its " : "") + "columns "
                            + x.names());
                }
                if (index.contains(j)) {
                    throw new IllegalArgumentException("The column " + column + " is tested twice");
                }
                index.add(j);
            }
        }
        return index.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The full-sample weights rescaled to mean 1, as svyglm hands them to glm. */
    private double[] meanOneWeights() {
        SurveyDesign full = design instanceof ReplicateDesign r ? r.base() : (SurveyDesign) design;
        double[] w = full.weights.clone();
        // over every respondent, those left out for a missing value too, as svyglm rescales before glm drops them
        double mean = java.util.Arrays.stream(w).average().orElseThrow();
        for (int i = 0; i < w.length; i++) {
            w[i] = kept == null || kept[i] ? w[i] / mean : 0;
        }
        return w;
    }

    /** The model-based covariance of the columns, glm's {@code cov.unscaled} with mean-one weights. */
    private RealMatrix naiveCovariance(int[] index) {
        SparseRows.Grouping grouping = xs.grouping();
        GroupSums sums = GroupSums.of(grouping, meanOneWeights(), y);
        double[] scale = new double[grouping.size()];
        for (int g = 0; g < scale.length; g++) {
            scale[g] = sums.weight()[g] * family.variance(family.mean(grouping.distinct().dot(g, beta)));
        }
        RealMatrix inverse = new LUDecomposition(new Array2DRowRealMatrix(information(grouping.distinct(), scale),
                false)).getSolver().getInverse();
        double[][] sub = new double[index.length][index.length];
        for (int r = 0; r < index.length; r++) {
            for (int c = 0; c < index.length; c++) {
                sub[r][c] = inverse.getEntry(index[r], index[c]);
            }
        }
        return new Array2DRowRealMatrix(sub, false);
    }

    /** The deviance of the model refitted without the columns. */
    private double reducedDeviance(int[] index) {
        java.util.Set<Integer> dropped = new java.util.HashSet<>();
        for (int i : index) {
            dropped.add(i);
        }
        SparseRows reduced = xs.without(dropped);
        if (reduced.p == 0) {
            return deviance(reduced, new double[0]);
        }
        SurveyDesign full = design instanceof ReplicateDesign r ? r.base() : (SurveyDesign) design;
        SparseRows.Grouping grouping = reduced.grouping();
        return deviance(reduced, irls(grouping.distinct(), GroupSums.of(grouping, keptWeights(full.weights, kept), y),
                family, null));
    }

    /** glm's deviance with mean-one weights: Σ w d(y, μ), d the family's unit deviance. */
    private double deviance(SparseRows matrix, double[] coefficients) {
        double[] w = meanOneWeights();
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            sum += w[i] * unitDeviance(y[i], family.mean(matrix.dot(i, coefficients)));
        }
        return sum;
    }

    /** The family's unit deviance d(y, μ). */
    private double unitDeviance(double yi, double mu) {
        return switch (family) {
            case GAUSSIAN -> (yi - mu) * (yi - mu);
            case BINOMIAL, QUASIBINOMIAL -> 2 * (xlogx(yi, mu) + xlogx(1 - yi, 1 - mu));
            case POISSON, QUASIPOISSON -> 2 * (xlogx(yi, mu) - (yi - mu));
        };
    }

    /** y log(y/μ), 0 at y = 0. */
    private static double xlogx(double y, double mu) {
        return y == 0 ? 0 : y * Math.log(y / mu);
    }

    /**
     * The model as survey's {@code print(summary(g))} ({@code print.summary.svyglm}) prints it, without the model's
     * and the design's calls and without glm's count of Fisher scoring iterations (the fit here iterates to its own
     * criterion, so the count is not R's): the family, then {@code printCoefmat}'s table with four significant
     * digits — estimates and standard errors rounded together from the smallest, t values to three decimals,
     * p-values by {@code format.pval} with three digits, the significance stars and their legend when a p-value is
     * below 0.1, NaN p-values and a line saying so without residual degrees of freedom — and the dispersion
     * ({@link #dispersion()}, seven significant digits). On a replicate design
     * survey prints n times this dispersion ({@link #dispersion()} says why). survey prints no deviance there.
     *
     * @return the text, lines separated by {@code \n}
     */
    public String summary() {
        int p = coefficients.size();
        double[] both = new double[2 * p];
        double smallest = Double.POSITIVE_INFINITY;
        for (int j = 0; j < p; j++) {
            both[j] = coefficients.get(j).estimate();
            both[p + j] = coefficients.get(j).standardError();
        }
        for (double v : both) {
            smallest = Double.isFinite(v) && v != 0 ? Math.min(smallest, Math.abs(v)) : smallest;
        }
        int leading = smallest == Double.POSITIVE_INFINITY ? 1 : 1 + (int) Math.floor(Math.log10(smallest));
        int decimals = Math.max(1, 4 - leading);
        double[] rounded = Arrays.stream(both).map(v -> Double.isFinite(v) ? new java.math.BigDecimal(v)
                .setScale(decimals, java.math.RoundingMode.HALF_EVEN).doubleValue() : v).toArray();
        String[] joint = Formats.significant(rounded, 4);
        int width = Arrays.stream(joint).mapToInt(String::length).max().orElse(0);
        for (int i = 0; i < joint.length; i++) {
            joint[i] = " ".repeat(width - joint[i].length()) + joint[i];
        }
        double[] t = coefficients.stream().mapToDouble(c -> Double.isFinite(c.statistic()) ? new java.math.BigDecimal(
                c.statistic()).setScale(3, java.math.RoundingMode.HALF_EVEN).doubleValue() : c.statistic()).toArray();
        double[] pValues = coefficients.stream().mapToDouble(Coefficient::pValue).toArray();
        List<String> headers = new ArrayList<>(List.of("Estimate", "Std. Error", "t value", "Pr(>|t|)"));
        List<String[]> columns = new ArrayList<>(List.of(Arrays.copyOfRange(joint, 0, p), Arrays.copyOfRange(joint, p,
                2 * p), Formats.significant(t, 4), Formats.pValues(pValues, 3)));
        boolean stars = Arrays.stream(pValues).anyMatch(v -> v < 0.1);
        if (stars) {
            headers.add("");
            columns.add(Arrays.stream(pValues).mapToObj(v -> String.format(Locale.ROOT, "%-3s", Formats.stars(v)))
                    .toArray(String[]::new));
        }
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "Survey design-based %s regression\n\n"
                + "Coefficients:\n", family.name().toLowerCase(Locale.ROOT)));
        text.append(String.join("\n", Formats.table(coefficients.stream().map(Coefficient::name).toList(), headers,
                columns))).append('\n');
        if (stars) {
            text.append("---\n").append(Formats.SIGNIFICANCE_LEGEND).append('\n');
        }
        if (df <= 0) {
            text.append("\nZero or negative residual df; p-values not defined\n");
        }
        return text.append("\n(Dispersion parameter for ").append(family.name().toLowerCase(Locale.ROOT))
                .append(" family taken to be ").append(Formats.number(dispersion, 7)).append(')').toString();
    }

    /**
     * The design the model was fitted on: linearised (its sandwich) or replicate (its replicates' spread). It holds
     * every respondent, those a missing value left out of the model ({@link ModelTerms}) too.
     *
     * @return the design
     */
    public Design design() {
        return design;
    }
}
