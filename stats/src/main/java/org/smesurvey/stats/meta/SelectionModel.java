package org.smesurvey.stats.meta;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.smesurvey.stats.internal.Distributions;

/**
 * Vevea and Hedges' step-function selection model, as metafor's
 * {@code selmodel(res, type = "stepfun", steps = ...)}: the studies are published with a probability that is
 * constant within intervals of their one-sided p-values and may differ between them, and the model of the effects
 * (equal or random effects, with or without moderators) is estimated together with those relative probabilities
 * by maximum likelihood. With {@link #withFixedWeights(double...) fixed weights} it is Vevea and Woods'
 * sensitivity analysis ({@code selmodel(..., delta = c(...))}): the weights are chosen a priori and only the
 * effects and τ² are estimated.
 *
 * <p><b>The model.</b> Study i's p-value is \( p_i = 1 - Φ(y_i/\sqrt{v_i}) \) for the alternative
 * {@code "greater"} (metafor's default), \( Φ(y_i/\sqrt{v_i}) \) for {@code "less"} and
 * \( 2(1 - Φ(|y_i|/\sqrt{v_i})) \) for {@code "two.sided"}. The steps \( 0 \lt α_1 \lt \dots \lt α_N = 1 \) cut
 * \( (0, 1] \) into N intervals, and a study whose p-value lies in interval j is published with relative
 * probability \( δ_j \), \( δ_1 = 1 \). Its effect has the weighted density
 * \[ f(y_i) = \frac{δ_{g_i}\, φ(y_i; μ_i, v_i + τ^2)}{A_i}, \qquad
 *    A_i = \sum_{j=1}^N δ_j \Pr\big(p_i \in (α_{j-1}, α_j] \,\big|\, μ_i, v_i + τ^2\big), \]
 * with \( μ_i = x_i'β \) and \( g_i \) the interval of its p-value; each probability is a difference of normal
 * distribution functions at the effects where \( p_i \) crosses the steps (\( \sqrt{v_i}\,Φ^{-1}(1 - α_j) \)
 * for {@code "greater"}). β, τ² (unless the model has equal effects) and \( δ_2, \dots, δ_N \) maximise
 * \( \sum_i \log f(y_i) \) within metafor's bounds \( τ^2 \ge 0 \), \( 0 \le δ_j \le 100 \).
 *
 * <p><b>Inference</b>, as metafor's: the standard errors are the square roots of the diagonal of the inverse of
 * the negative Hessian of the log-likelihood in \( (β, τ^2, δ) \), without the parameters fixed or on a bound (as
 * metafor 4.8, which leaves τ² and δ out below 1e-4); the coefficients have z tests and Wald intervals, each
 * \( δ_j \) a z test of \( δ_j = 1 \) and an interval cut at 0; the test of selection is the likelihood-ratio
 * test against the model without selection (the ML or equal-effects fit), on as many degrees of freedom as there
 * are weights estimated; the test of heterogeneity is the likelihood-ratio test of \( τ^2 = 0 \) with the weights
 * estimated again; the moderators' test is the Wald χ² of the coefficients but the intercept. A model fitted by
 * another estimator than ML or EE is refitted by ML first, as metafor does.
 *
 * <p><b>Estimation.</b> metafor maximises with {@code optim}'s BFGS on \( \log τ^2 \) and a logistic map of δ
 * onto (0, 100), with numerical gradients, and stops at a relative change of the likelihood of about 1e-8, so
 * its estimates are good to about four to six digits; its standard errors come from {@code numDeriv}'s Hessian.
 * Here the likelihood's gradient and Hessian are in closed form ({@link StepLikelihood}) and a projected Newton
 * method, regularised where the Hessian is not negative definite and with step halving, runs until a full Newton
 * step changes no parameter by more than 1e-11 relative: the maximum to the precision of double arithmetic. The
 * tests compare with the maximum of the same likelihood polished in R by Newton steps at 1e-8, and say how far
 * metafor's own estimates are from it.
 *
 * <p>References:
 * <ol>
 * <li>Vevea, J. L. and Hedges, L. V. (1995). A general linear model for estimating effect size in the presence
 *     of publication bias. <i>Psychometrika</i> 60, 419–435. doi:10.1007/BF02294384</li>
 * <li>Vevea, J. L. and Woods, C. M. (2005). Publication bias in research synthesis: sensitivity analysis using a
 *     priori weight functions. <i>Psychological Methods</i> 10, 428–443. doi:10.1037/1082-989X.10.4.428</li>
 * <li>Hedges, L. V. (1992). Modeling publication selection effects in meta-analysis. <i>Statistical Science</i>
 *     7, 246–255. doi:10.1214/ss/1177011364</li>
 * <li>Viechtbauer, W. (2010). Conducting meta-analyses in R with the metafor package. <i>Journal of Statistical
 *     Software</i> 36(3), 1–48. doi:10.18637/jss.v036.i03 ({@code selmodel} since metafor 2.4)</li>
 * </ol>
 *
 * <p>Instances are immutable.
 *
 * @since 0.3
 */
public final class SelectionModel {

    /** metafor's bound on the estimated weights, {@code delta.max}. */
    static final double MAX_WEIGHT = 100;
    private static final int MAX_ITERATIONS = 500;
    private static final double STEP_TOLERANCE = 1e-11;

    private final double[] steps;
    private final Alternative alternative;
    private final double[] fixedWeights;

    /**
     * Which tail the p-values are taken in, metafor's {@code alternative}.
     *
     * @since 0.3
     */
    public enum Alternative {
        /** \( p = 1 - Φ(y/\sqrt v) \): large positive effects are favoured (metafor's default). */
        GREATER("greater"),
        /** \( p = Φ(y/\sqrt v) \): large negative effects are favoured. */
        LESS("less"),
        /** \( p = 2(1 - Φ(|y|/\sqrt v)) \): significance either way is favoured. */
        TWO_SIDED("two.sided");

        private final String word;

        Alternative(String word) {
            this.word = word;
        }

        /**
         * The name metafor gives it.
         *
         * @return such as {@code greater}
         */
        public String word() {
            return word;
        }

        /** The p-value of an effect with this standard error, as metafor's {@code .selmodel.pval}. */
        double pValue(double y, double sigma) {
            double z = y / sigma;
            return switch (this) {
                case GREATER -> Distributions.normalUpperTail(z);
                case LESS -> Distributions.normalCdf(z);
                case TWO_SIDED -> 2 * Distributions.normalUpperTail(Math.abs(z));
            };
        }
    }

    private SelectionModel(double[] steps, Alternative alternative, double[] fixedWeights) {
        this.steps = steps;
        this.alternative = alternative;
        this.fixedWeights = fixedWeights;
    }

    /**
     * A step-function model with these steps (metafor's {@code steps}): the upper ends of the intervals of p-values,
     * 1 appended when it is not the last, such as {@code stepFunction(0.025, 0.10, 0.50)} for the intervals
     * (0, .025], (.025, .10], (.10, .50] and (.50, 1]; one-sided p-values of the alternative {@code "greater"}, the
     * weights estimated.
     *
     * @param steps the steps, increasing, in (0, 1]
     * @return the model
     * @throws NullPointerException if {@code steps} is null
     * @throws IllegalArgumentException if there is no step, a step is not in (0, 1], or the steps do not increase
     */
    public static SelectionModel stepFunction(double... steps) {
        Objects.requireNonNull(steps, "steps");
        if (steps.length == 0) {
            throw new IllegalArgumentException("A step function needs at least one step");
        }
        for (int j = 0; j < steps.length; j++) {
            if (!(steps[j] > 0 && steps[j] <= 1)) {
                throw new IllegalArgumentException("Step " + (j + 1) + " is not in (0, 1]: " + steps[j]);
            }
            if (j > 0 && !(steps[j] > steps[j - 1])) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "The steps do not increase: %s then %s",
                        steps[j - 1], steps[j]));
            }
        }
        double[] all = steps[steps.length - 1] == 1 ? steps.clone() : Arrays.copyOf(steps, steps.length + 1);
        all[all.length - 1] = 1;
        if (all.length < 2) {
            throw new IllegalArgumentException("A step function needs a step below 1: (0, 1] alone selects nothing");
        }
        return new SelectionModel(all, Alternative.GREATER, null);
    }

    /**
     * The same model with p-values in another tail.
     *
     * @param alternative the tail
     * @return a new model
     * @throws NullPointerException if {@code alternative} is null
     */
    public SelectionModel withAlternative(Alternative alternative) {
        return new SelectionModel(steps, Objects.requireNonNull(alternative, "alternative"), fixedWeights);
    }

    /**
     * The same model with every weight fixed, one per interval (metafor's {@code delta}): Vevea and Woods'
     * sensitivity analysis, in which only the effects and τ² are estimated (their "moderate" and "severe"
     * one-tailed weight functions, for example, are tabulated in metafor's {@code selmodel} examples).
     *
     * @param weights the relative probabilities of publication, one per interval, at least 0 (positive where an
     *        interval holds a study, which the fit checks)
     * @return a new model
     * @throws NullPointerException if {@code weights} is null
     * @throws IllegalArgumentException if there is not one weight per interval or a weight is negative or not finite
     */
    public SelectionModel withFixedWeights(double... weights) {
        Objects.requireNonNull(weights, "weights");
        if (weights.length != steps.length) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "There are %d weights for %d intervals",
                    weights.length, steps.length));
        }
        for (int j = 0; j < weights.length; j++) {
            if (!(weights[j] >= 0 && weights[j] < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("Weight " + (j + 1) + " is not a finite number of 0 or more: "
                        + weights[j]);
            }
        }
        return new SelectionModel(steps, alternative, weights.clone());
    }

    /**
     * The steps, 1 last.
     *
     * @return the upper ends of the intervals
     */
    public List<Double> steps() {
        return Arrays.stream(steps).boxed().toList();
    }

    /**
     * The tail of the p-values.
     *
     * @return the alternative
     */
    public Alternative alternative() {
        return alternative;
    }

    /**
     * The weights fixed a priori.
     *
     * @return them, one per interval; empty when they are estimated
     */
    public Optional<List<Double>> fixedWeights() {
        return fixedWeights == null ? Optional.empty() : Optional.of(Arrays.stream(fixedWeights).boxed().toList());
    }

    /**
     * Fits the selection model to a two-step fit ({@link MetaAnalysis#fit(EffectSizes)} or
     * {@link MetaAnalysis#fit(EffectSizes, Moderators)}), as metafor's {@code selmodel(res, ...)}: its studies, its
     * design and its level; equal effects when it has them, else random effects by ML (refitted by ML when it was
     * fitted by another estimator).
     *
     * @param model the fit without selection
     * @return the estimates, their standard errors and the tests
     * @throws NullPointerException if {@code model} is null
     * @throws IllegalArgumentException if the model is not a two-step fit of this package, an interval holds no
     *         p-value while its weight is estimated (metafor 3.8 stops there too), a fixed weight is 0 where an
     *         interval holds a study, or there are fewer studies than parameters
     * @throws IllegalStateException if the likelihood's maximum is not found, or its Hessian there cannot be
     *         inverted
     */
    public SelectionResult fit(PooledModel model) {
        Objects.requireNonNull(model, "model");
        if (!(model instanceof FittedModel fitted)) {
            throw new IllegalArgumentException("A selection model is fitted to a two-step fit (MetaResult or"
                    + " MetaRegression), not to " + model.getClass().getSimpleName());
        }
        Fitted original = fitted.fit;
        boolean equalEffects = original.options.estimator() == Tau2Estimator.EE;
        MetaAnalysis ml = original.options.withKnappHartung(false)
                .withEstimator(equalEffects ? Tau2Estimator.EE : Tau2Estimator.ML);
        Fitted base = new Fitted(ml, original.studies, original.moderators, false);
        Model m = base.model;
        int k = m.k;
        int p = m.p;
        int intervals = steps.length;

        double[] pValues = new double[k];
        int[] group = new int[k];
        int[] counts = new int[intervals];
        for (int i = 0; i < k; i++) {
            pValues[i] = alternative.pValue(m.y[i], Math.sqrt(m.v[i]));
            int j = 0;
            while (!(pValues[i] <= steps[j])) {
                j++;
            }
            group[i] = j;
            counts[j]++;
        }
        double[] fixedDelta = new double[intervals];
        if (fixedWeights == null) {
            Arrays.fill(fixedDelta, Double.NaN);
            fixedDelta[0] = 1;
        } else {
            System.arraycopy(fixedWeights, 0, fixedDelta, 0, intervals);
        }
        List<String> empty = new ArrayList<>();
        for (int j = 0; j < intervals; j++) {
            if (counts[j] == 0 && Double.isNaN(fixedDelta[j])) {
                empty.add(SelectionResult.intervalName(steps, j));
            } else if (counts[j] > 0 && fixedDelta[j] == 0) {
                throw new IllegalArgumentException("The weight of interval " + SelectionResult.intervalName(steps, j)
                        + " is fixed at 0 but " + counts[j] + " studies have their p-value there");
            }
        }
        if (!empty.isEmpty()) {
            throw new IllegalArgumentException("No p-value lies in " + String.join(", ", empty)
                    + ": a weight cannot be estimated there; merge the interval with a neighbour or fix the weights");
        }
        int free = 0;
        for (double d : fixedDelta) {
            free += Double.isNaN(d) ? 1 : 0;
        }
        if (k < p + (equalEffects ? 0 : 1) + free) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "Number of studies (k = %d) is too small"
                    + " to fit the selection model: it has %d parameters", k, p + (equalEffects ? 0 : 1) + free));
        }

        double[] start = startingValues(m, base, equalEffects, fixedDelta);
        StepLikelihood likelihood = new StepLikelihood(m.y, m.v, m.x, steps, alternative, group, !equalEffects, 0,
                fixedDelta);
        Optimum optimum = maximise(likelihood, start, bounds(likelihood, p, !equalEffects, intervals));

        java.util.OptionalDouble heterogeneity = java.util.OptionalDouble.empty();
        if (!equalEffects) {
            StepLikelihood homogeneous = new StepLikelihood(m.y, m.v, m.x, steps, alternative, group, false, 0,
                    fixedDelta);
            double[] startHomogeneous = startingValues(m, base, true, fixedDelta);
            heterogeneity = java.util.OptionalDouble.of(maximise(homogeneous, startHomogeneous,
                    bounds(homogeneous, p, false, intervals)).logLikelihood);
        }
        double nullLogLikelihood = base.fitStatistics(false).logLikelihood();
        return new SelectionResult(this, base, likelihood, optimum.theta, optimum.logLikelihood, nullLogLikelihood,
                heterogeneity, pValues, counts, optimum.iterations);
    }

    double[] stepArray() {
        return steps;
    }

    /** metafor's start: the fit without selection (β in the scaled columns, its τ²) and every weight 1. */
    private static double[] startingValues(Model m, Fitted base, boolean noTau2, double[] fixedDelta) {
        int p = m.p;
        double[] beta = m.wls(Model.weights(m.v, noTau2 ? 0 : base.tau2)).beta;
        List<Double> theta = new ArrayList<>();
        for (double b : beta) {
            theta.add(b);
        }
        if (!noTau2) {
            theta.add(base.tau2);
        }
        for (double d : fixedDelta) {
            if (Double.isNaN(d)) {
                theta.add(1.0);
            }
        }
        double[] start = new double[theta.size()];
        for (int j = 0; j < start.length; j++) {
            start[j] = theta.get(j);
        }
        assert start.length >= p;
        return start;
    }

    /** Lower and upper bounds of each parameter: none for β, \( τ^2 \ge 0 \), \( 0 \le δ \le 100 \). */
    private static double[][] bounds(StepLikelihood likelihood, int p, boolean tau2Free, int intervals) {
        int n = likelihood.parameters();
        double[] lower = new double[n];
        double[] upper = new double[n];
        Arrays.fill(lower, Double.NEGATIVE_INFINITY);
        Arrays.fill(upper, Double.POSITIVE_INFINITY);
        if (tau2Free) {
            lower[p] = 0;
        }
        for (int j = 0; j < intervals; j++) {
            int index = likelihood.deltaIndex(j);
            if (index >= 0) {
                lower[index] = 0;
                upper[index] = MAX_WEIGHT;
            }
        }
        return new double[][] {lower, upper};
    }

    /** The maximum found. */
    record Optimum(double[] theta, double logLikelihood, int iterations) {
    }

    /**
     * A projected Newton ascent within bounds: the parameters on a bound whose gradient points out of the box stay
     * there; on the others, the Newton step \( (-H + λD)^{-1}g \), with λ = 0 where \( -H \) is positive definite
     * and raised tenfold from 1e-8 of its diagonal until it is; the step is cut to the box and halved until the
     * likelihood does not fall. It stops after a full Newton step (λ = 0, not cut, not halved) that moved no free
     * parameter by more than 1e-11 × max(1, |θ|): quadratic convergence leaves the next step below rounding.
     */
    static Optimum maximise(StepLikelihood likelihood, double[] start, double[][] bounds) {
        double[] lower = bounds[0];
        double[] upper = bounds[1];
        int n = start.length;
        double[] theta = start.clone();
        for (int j = 0; j < n; j++) {
            theta[j] = Math.min(upper[j], Math.max(lower[j], theta[j]));
        }
        StepLikelihood.Evaluation current = likelihood.evaluate(theta, true);
        if (!Double.isFinite(current.logLikelihood)) {
            throw new IllegalStateException("The selection model's likelihood is not finite at its starting values");
        }
        for (int iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
            boolean[] held = new boolean[n];
            List<Integer> moving = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                double g = current.gradient[j];
                held[j] = (theta[j] <= lower[j] && g <= 0) || (theta[j] >= upper[j] && g >= 0);
                if (!held[j]) {
                    moving.add(j);
                }
            }
            if (moving.isEmpty()) {
                return new Optimum(theta, current.logLikelihood, iteration);
            }
            int f = moving.size();
            double[][] negative = new double[f][f];
            double[] g = new double[f];
            for (int a = 0; a < f; a++) {
                g[a] = current.gradient[moving.get(a)];
                for (int b = 0; b < f; b++) {
                    negative[a][b] = -current.hessian[moving.get(a)][moving.get(b)];
                }
            }
            double lambda = 0;
            double[] step = Cholesky.solve(negative, g, 0);
            double scale = 0;
            for (int a = 0; a < f; a++) {
                scale = Math.max(scale, Math.abs(negative[a][a]));
            }
            while (step == null) {
                lambda = lambda == 0 ? 1e-8 * Math.max(scale, 1e-300) : lambda * 10;
                if (!(lambda < 1e300)) {
                    throw new IllegalStateException("The selection model's Hessian cannot be regularised");
                }
                step = Cholesky.solve(negative, g, lambda);
            }
            double t = 1;
            boolean cut = false;
            double[] candidate = new double[n];
            StepLikelihood.Evaluation next = null;
            for (int halving = 0; halving < 80; halving++) {
                System.arraycopy(theta, 0, candidate, 0, n);
                cut = false;
                for (int a = 0; a < f; a++) {
                    int j = moving.get(a);
                    double value = theta[j] + t * step[a];
                    if (value < lower[j] || value > upper[j]) {
                        cut = true;
                        value = Math.min(upper[j], Math.max(lower[j], value));
                    }
                    candidate[j] = value;
                }
                StepLikelihood.Evaluation trial = likelihood.evaluate(candidate, false);
                double slack = 1e-13 * Math.max(1, Math.abs(current.logLikelihood));
                if (Double.isFinite(trial.logLikelihood) && trial.logLikelihood >= current.logLikelihood - slack) {
                    next = trial;
                    break;
                }
                t /= 2;
            }
            if (next == null) {
                // No step raises the likelihood: at the maximum, the gradient is below what rounding lets it climb.
                double largest = 0;
                for (int a = 0; a < f; a++) {
                    largest = Math.max(largest, Math.abs(g[a]));
                }
                if (largest > 1e-6 * Math.max(1, Math.abs(current.logLikelihood))) {
                    throw new IllegalStateException(String.format(Locale.ROOT, "The selection model's likelihood"
                            + " stopped rising with a gradient of %.3g: no maximum found", largest));
                }
                return new Optimum(theta, current.logLikelihood, iteration);
            }
            double largest = 0;
            for (int a = 0; a < f; a++) {
                int j = moving.get(a);
                largest = Math.max(largest, Math.abs(candidate[j] - theta[j]) / Math.max(1, Math.abs(theta[j])));
            }
            theta = candidate.clone();
            current = likelihood.evaluate(theta, true);
            if (lambda == 0 && t == 1 && !cut && largest <= STEP_TOLERANCE) {
                return new Optimum(theta, current.logLikelihood, iteration);
            }
        }
        throw new IllegalStateException("The selection model did not converge in " + MAX_ITERATIONS + " Newton steps");
    }

    @Override
    public String toString() {
        return "SelectionModel[stepfun, steps " + steps() + ", " + alternative.word
                + (fixedWeights == null ? "" : ", weights " + fixedWeights().orElseThrow()) + "]";
    }

    /**
     * Cholesky solutions of small symmetric systems through commons-math's {@link CholeskyDecomposition}, its lower
     * triangle read, with no positivity threshold: a Hessian of tiny entries (a weight near its bound) is still
     * factored where the default threshold, 1e-10, would refuse it.
     */
    static final class Cholesky {
        private Cholesky() {
        }

        /** Solves \( (A + λI)x = b \), or returns null when \( A + λI \) is not positive definite. */
        static double[] solve(double[][] a, double[] b, double lambda) {
            DecompositionSolver solver = factor(a, lambda);
            return solver == null ? null : solver.solve(new ArrayRealVector(b)).toArray();
        }

        /** The inverse of a positive definite matrix, or null when it is not positive definite. */
        static double[][] inverse(double[][] a) {
            DecompositionSolver solver = factor(a, 0);
            if (solver == null) {
                return null;
            }
            double[][] inv = solver.getInverse().getData();
            for (int r = 0; r < inv.length; r++) {
                for (int c = 0; c < r; c++) {
                    double mean = (inv[r][c] + inv[c][r]) / 2;
                    inv[r][c] = mean;
                    inv[c][r] = mean;
                }
            }
            return inv;
        }

        private static DecompositionSolver factor(double[][] a, double lambda) {
            int n = a.length;
            double[][] lower = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    double value = a[i][j] + (i == j ? lambda : 0);
                    if (Double.isNaN(value)) {
                        return null;
                    }
                    lower[i][j] = value;
                    lower[j][i] = value;
                }
            }
            try {
                return new CholeskyDecomposition(MatrixUtils.createRealMatrix(lower),
                        CholeskyDecomposition.DEFAULT_RELATIVE_SYMMETRY_THRESHOLD, 0).getSolver();
            } catch (NonPositiveDefiniteMatrixException e) {
                return null;
            }
        }
    }
}
