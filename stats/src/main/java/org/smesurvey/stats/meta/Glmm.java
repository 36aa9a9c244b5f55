package org.smesurvey.stats.meta;

import java.util.List;
import java.util.Objects;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.smesurvey.stats.EffectiveSample;
import org.smesurvey.stats.internal.Checks;

/**
 * The one-step binomial–normal model of single proportions, metafor's
 * {@code rma.glmm(measure = "PLO", xi, ni, mods, method = "ML")}: a random-intercept logistic model
 * (Stijnen, Hamza &amp; Özdemir 2010) fitted by maximum likelihood, each study's integral over its random effect
 * by adaptive Gauss–Hermite quadrature ({@linkplain #withNodes(int) 7 nodes by default}, as metafor; 1 is the
 * Laplace approximation), or the equal-effects model, a binomial GLM ({@link #fitEqualEffects}). No correction for
 * zero cells is needed: a study with x = 0 or x = n enters as it is. Survey figures enter through their effective
 * counts, which need not be whole numbers (see {@link BinomialNormal} for the likelihood then used).
 *
 * <p>The likelihood is maximised by Newton's method on its exact gradient and Hessian (the derivatives of the
 * quadrature sum as computed, see {@link BinomialNormal}), each step halved until the likelihood does not fall,
 * until no parameter moves, or would move by Newton's next step, by more than {@linkplain #withTolerance(double) the
 * tolerance} (1e-10 by default) times max(1, |θ|); lme4, which metafor calls, stops its optimiser near 1e-6
 * relative, so metafor's estimates are good to about that. The fit fails with a clear message after
 * {@linkplain #withMaxIterations(int) the maximum} (200). The standard errors are those of the observed information
 * in (τ, β), as lme4's {@code vcov} (from a finite-difference Hessian there, the exact one here); with τ̂ = 0 those
 * of β alone. Tests and intervals are z-based, or t-based on k − p degrees of freedom ({@link #withTTests(boolean)},
 * metafor's {@code test = "t"}, the moderators' test then F(m, k − p)).
 *
 * <p>The moderators are centred and scaled before the fit ({@link ConditionedDesign}, as the two-step fits do) and
 * the estimates mapped back: a raw year beside the intercept, nearly collinear with it, otherwise leaves the
 * Hessian too ill-conditioned for Newton's steps to settle.
 *
 * <p>References: Stijnen, T., Hamza, T. H. and Özdemir, P. (2010). Random effects meta-analysis of event outcome
 * in the framework of the generalized linear mixed model with applications in sparse data. <i>Statistics in
 * Medicine</i> 29, 3046–3067; Lin, L. and Chu, H. (2020). Meta-analysis of proportions using generalized linear
 * mixed models. <i>Epidemiology</i> 31, 713–717; Schwarzer, G. et al. (2019). Seriously misleading results using
 * inverse of Freeman–Tukey double arcsine transformation in meta-analysis of single proportions. <i>Research
 * Synthesis Methods</i> 10, 476–483.
 *
 * <p>Instances are immutable.
 *
 * @since 0.1
 */
public final class Glmm {

    /** The most quadrature nodes a fitter takes. */
    public static final int MAX_NODES = 200;

    private static final Glmm DEFAULTS = new Glmm(7, 0.95, 1e-10, 200, false);

    private final int nodes;
    private final double level;
    private final double tolerance;
    private final int maxIterations;
    private final boolean tTests;

    private Glmm(int nodes, double level, double tolerance, int maxIterations, boolean tTests) {
        this.nodes = nodes;
        this.level = level;
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
        this.tTests = tTests;
    }

    /**
     * Seven quadrature nodes, 95 % intervals, tolerance 1e-10, 200 iterations at most.
     *
     * @return the default fitter
     */
    public static Glmm withDefaults() {
        return DEFAULTS;
    }

    /**
     * A fitter with this many adaptive Gauss–Hermite nodes (metafor's {@code nAGQ}); 1 is the Laplace
     * approximation. With 100 nodes or more the quadrature is the exact likelihood to double precision on the
     * studies tested (GlmmTest: the fits with 100 and 200 nodes agree to 1e-8, and the likelihood with 200 is R's
     * {@code integrate()} of each study's integral).
     *
     * @param nodes the number of nodes, 1 to {@value #MAX_NODES}
     * @return a new fitter
     * @throws IllegalArgumentException if it is outside 1 to {@value #MAX_NODES}
     */
    public Glmm withNodes(int nodes) {
        if (nodes < 1 || nodes > MAX_NODES) {
            throw new IllegalArgumentException("Number of quadrature nodes is not within 1 to " + MAX_NODES + ": "
                    + nodes);
        }
        return new Glmm(nodes, level, tolerance, maxIterations, tTests);
    }

    /**
     * A fitter at this confidence level.
     *
     * @param level the level, in (0, 1)
     * @return a new fitter
     * @throws IllegalArgumentException if it is not in (0, 1)
     */
    public Glmm withLevel(double level) {
        return new Glmm(nodes, Checks.requireLevel(level), tolerance, maxIterations, tTests);
    }

    /**
     * A fitter that stops when no parameter moves, or would move by Newton's next step, by more than
     * {@code tolerance} × max(1, |θ|).
     *
     * @param tolerance the tolerance, in (0, 1)
     * @return a new fitter
     * @throws IllegalArgumentException if it is not in (0, 1)
     */
    public Glmm withTolerance(double tolerance) {
        return new Glmm(nodes, level, Checks.requireOpenUnit(tolerance, "tolerance"), maxIterations, tTests);
    }

    /**
     * A fitter whose tests and intervals use the t distribution on k − p degrees of freedom (metafor's
     * {@code test = "t"}), or the normal (the default).
     *
     * @param tTests whether to use t
     * @return a new fitter
     */
    public Glmm withTTests(boolean tTests) {
        return new Glmm(nodes, level, tolerance, maxIterations, tTests);
    }

    /**
     * A fitter that gives up after this many Newton steps.
     *
     * @param maxIterations the maximum, positive
     * @return a new fitter
     * @throws IllegalArgumentException if it is not positive
     */
    public Glmm withMaxIterations(int maxIterations) {
        if (maxIterations <= 0) {
            throw new IllegalArgumentException("Maximum number of iterations is not positive: " + maxIterations);
        }
        return new Glmm(nodes, level, tolerance, maxIterations, tTests);
    }

    /**
     * Fits the random-effects model without moderators to whole counts, the studies labelled "Study 1",
     * "Study 2"… as metafor numbers them.
     *
     * @param events each study's events (firms with the characteristic)
     * @param totals each study's size
     * @return the fit
     * @throws IllegalArgumentException if the arrays differ in length, a study's counts are not
     *         0 &le; events &le; totals with totals &gt; 0, or as {@link #fit(List, List)}
     */
    public GlmmResult fit(int[] events, int[] totals) {
        Objects.requireNonNull(events, "events");
        return fit(events, totals, Moderators.builder(events.length).build());
    }

    /**
     * Fits the random-effects model with moderators to whole counts, the studies labelled "Study 1", "Study 2"…
     *
     * @param events each study's events
     * @param totals each study's size
     * @param moderators the design, with its intercept
     * @return the fit
     * @throws IllegalArgumentException as {@link #fit(int[], int[])} and {@link #fit(List, List, Moderators)}
     */
    public GlmmResult fit(int[] events, int[] totals, Moderators moderators) {
        Objects.requireNonNull(events, "events");
        return fit(events, totals, EffectSizes.numbered(events.length), moderators);
    }

    /**
     * Fits the random-effects model with moderators to whole counts of labelled studies.
     *
     * @param events each study's events
     * @param totals each study's size
     * @param labels the studies' names
     * @param moderators the design, with its intercept
     * @return the fit
     * @throws IllegalArgumentException as {@link #fit(int[], int[])} and {@link #fit(List, List, Moderators)}, or
     *         if the labels are not as many as the studies
     */
    public GlmmResult fit(int[] events, int[] totals, List<String> labels, Moderators moderators) {
        return fit(EffectSizes.samples(events, totals, labels), labels, moderators);
    }

    /**
     * Fits the random-effects model without moderators.
     *
     * @param studies each study's events and size (effective counts for a survey's figure)
     * @param labels the studies' names
     * @return the fit
     * @throws IllegalArgumentException if there are fewer than two studies, the labels are not as many, or the
     *         likelihood's maximum is not found within the iterations allowed
     */
    public GlmmResult fit(List<EffectiveSample> studies, List<String> labels) {
        return fit(studies, labels, Moderators.builder(studies.size()).build());
    }

    /**
     * Fits the random-effects model with moderators.
     *
     * @param studies each study's events and size
     * @param labels the studies' names
     * @param moderators the design, with its intercept
     * @return the fit
     * @throws IllegalArgumentException as {@link #fit(List, List)}, or if the design is not of full rank or has
     *         more columns than there are studies
     */
    public GlmmResult fit(List<EffectiveSample> studies, List<String> labels, Moderators moderators) {
        return fit(studies, labels, moderators, true);
    }

    /**
     * Fits the equal-effects model, a binomial GLM (metafor's {@code method = "EE"}).
     *
     * @param studies each study's events and size
     * @param labels the studies' names
     * @param moderators the design, with its intercept
     * @return the fit, τ² = 0
     * @throws IllegalArgumentException as {@link #fit(List, List, Moderators)}
     */
    public GlmmResult fitEqualEffects(List<EffectiveSample> studies, List<String> labels, Moderators moderators) {
        return fit(studies, labels, moderators, false);
    }

    private GlmmResult fit(List<EffectiveSample> studies, List<String> labels, Moderators moderators,
            boolean random) {
        Objects.requireNonNull(studies, "studies");
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(moderators, "moderators");
        int k = studies.size();
        if (k < 2 || labels.size() != k || moderators.studies() != k) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "A binomial-normal model needs"
                    + " two studies or more, with as many labels and design rows: %d studies, %d labels, %d rows", k,
                    labels.size(), moderators.studies()));
        }
        int p = moderators.columns();
        if (p > k) {
            throw new IllegalArgumentException("More coefficients (" + p + ") than studies (" + k + ")");
        }
        double[] x = new double[k];
        double[] n = new double[k];
        for (int i = 0; i < k; i++) {
            x[i] = studies.get(i).successes();
            n[i] = studies.get(i).size();
        }
        // Fitted on the centred and scaled moderators: a raw year beside the intercept leaves the Hessian so
        // ill-conditioned that Newton's steps stall (GlmmResult maps the estimates back).
        ConditionedDesign design = new ConditionedDesign(moderators.rowArray());
        BinomialNormal model = new BinomialNormal(x, n, design.x, nodes);
        double[] glm = glm(model, labels);
        double[] theta = new double[p + 1];
        System.arraycopy(glm, 0, theta, 1, p);
        double[] gradient = new double[p + 1];
        double[][] hessian = new double[p + 1][p + 1];
        double equalEffects = model.logLikelihood(theta, gradient, hessian);
        double logLikelihood = equalEffects;
        if (random) {
            theta[0] = Math.max(0.1, Math.sqrt(dersimonianLaird(model)));
            Maximum maximum = maximise(model, theta, labels, hessian);
            theta = maximum.theta();
            logLikelihood = maximum.logLikelihood();
            if (theta[0] < 1e-8 * Math.max(1, Math.abs(theta[1]))) {
                // The maximum is on the boundary: tau = 0, the binomial GLM's coefficients.
                theta = new double[p + 1];
                System.arraycopy(glm, 0, theta, 1, p);
                model.logLikelihood(theta, gradient, hessian);
                logLikelihood = equalEffects;
            }
        }
        return new GlmmResult(model, design, theta, inverseInformation(hessian, theta[0] == 0), random, nodes, level,
                tTests, labels, moderators, logLikelihood, equalEffects);
    }

    /**
     * A start for τ²: DerSimonian and Laird's moment estimate on the studies' logits (½ added to a study at 0 or
     * at n), intercept only.
     */
    private static double dersimonianLaird(BinomialNormal model) {
        double sw = 0;
        double sw2 = 0;
        double swy = 0;
        double swy2 = 0;
        for (int i = 0; i < model.k; i++) {
            double correction = model.x[i] == 0 || model.x[i] == model.n[i] ? 0.5 : 0;
            double a = model.x[i] + correction;
            double b = model.n[i] - model.x[i] + correction;
            double y = Math.log(a / b);
            double wi = 1 / (1 / a + 1 / b);
            sw += wi;
            sw2 += wi * wi;
            swy += wi * y;
            swy2 += wi * y * y;
        }
        double q = swy2 - swy * swy / sw;
        return Math.max(0, (q - (model.k - 1)) / (sw - sw2 / sw));
    }

    /**
     * The binomial GLM by iteratively reweighted least squares, to full precision: Newton's method, whose Hessian
     * at τ = 0 is the GLM's, \( -X'\operatorname{diag}(n_iμ_i(1-μ_i))X \).
     */
    private double[] glm(BinomialNormal model, List<String> labels) {
        int p = model.p;
        boolean allZero = true;
        boolean allFull = true;
        for (int i = 0; i < model.k; i++) {
            allZero &= model.x[i] == 0;
            allFull &= model.x[i] == model.n[i];
        }
        if (allZero || allFull) {
            throw new IllegalArgumentException("The binomial GLM has no finite maximum for studies " + labels
                    + ": every study is at " + (allZero ? "0" : "n"));
        }
        double[] theta = new double[p + 1];
        double[] gradient = new double[p + 1];
        double[][] hessian = new double[p + 1][p + 1];
        for (int iteration = 0; iteration < 100; iteration++) {
            model.logLikelihood(theta, gradient, hessian);
            double[] step;
            try {
                step = new LUDecomposition(information(hessian)).getSolver()
                        .solve(new ArrayRealVector(gradient, 1, p)).toArray();
            } catch (SingularMatrixException e) {
                throw new IllegalArgumentException("The binomial GLM has no finite maximum for studies " + labels
                        + ": its information matrix is singular (a moderator separates the studies at 0 or at n,"
                        + " or the design is not of full rank)", e);
            }
            double largest = 0;
            for (int j = 0; j < p; j++) {
                theta[1 + j] += step[j];
                largest = Math.max(largest, Math.abs(step[j]) / Math.max(1, Math.abs(theta[1 + j])));
            }
            if (largest < 1e-13) {
                return java.util.Arrays.copyOfRange(theta, 1, p + 1);
            }
        }
        throw new IllegalArgumentException("The binomial GLM did not converge in 100 iterations for studies " + labels
                + " (a moderator separating the studies at 0 or at n?)");
    }

    /** The information of β alone: minus the β block of a Hessian in (τ, β). */
    private static RealMatrix information(double[][] hessian) {
        return new Array2DRowRealMatrix(hessian, false).getSubMatrix(1, hessian.length - 1, 1, hessian.length - 1)
                .scalarMultiply(-1);
    }

    /**
     * Newton's method on the exact gradient and Hessian ({@link BinomialNormal#logLikelihood(double[], double[],
     * double[][])}), each step halved until the likelihood does not fall, unless it moves no parameter by more than
     * 1e-6 (relative to max(1, |θ_j|)); a gradient step where the Hessian is not negative definite. It stops where
     * Newton's step, or the move just made, is below the tolerance, and leaves the Hessian there in {@code hessian}.
     */
    private Maximum maximise(BinomialNormal model, double[] start, List<String> labels, double[][] hessian) {
        double[] theta = start.clone();
        int m = theta.length;
        double[] gradient = new double[m];
        double value = model.logLikelihood(theta, gradient, hessian);
        double[] next = new double[m];
        double[] nextGradient = new double[m];
        double[][] nextHessian = new double[m][m];
        for (int iteration = 0; iteration < maxIterations; iteration++) {
            double[] step;
            boolean small = false;
            try {
                step = new CholeskyDecomposition(new Array2DRowRealMatrix(hessian).scalarMultiply(-1)).getSolver()
                        .solve(new ArrayRealVector(gradient, false)).toArray();
                double size = largest(theta, step);
                if (size < tolerance) {
                    // Newton's step would move no parameter by more than the tolerance: its quadratic
                    // convergence puts θ within about the step's size of the maximum, and θ's Hessian is known.
                    return new Maximum(theta, value);
                }
                small = size < 1e-6;
            } catch (NonPositiveDefiniteMatrixException e) {
                step = gradient.clone(); // not concave here: a gradient step, shortened below if needed
            }
            double scale = 1;
            double nextValue;
            while (true) {
                for (int j = 0; j < m; j++) {
                    next[j] = theta[j] + scale * step[j];
                }
                next[0] = Math.abs(next[0]); // the likelihood is even in tau
                nextValue = model.logLikelihood(next, nextGradient, nextHessian);
                // A short Newton step is taken whole: the likelihood would rise by about g's/2 there, which can be
                // below its rounding (x log μ of a study of a million firms is rounded near 1e-10).
                if (small || nextValue >= value - 1e-12 * Math.abs(value) || scale < 1e-10) {
                    break;
                }
                scale /= 2;
            }
            for (int j = 0; j < m; j++) {
                step[j] = next[j] - theta[j];
            }
            System.arraycopy(next, 0, theta, 0, m);
            System.arraycopy(nextGradient, 0, gradient, 0, m);
            for (int j = 0; j < m; j++) {
                System.arraycopy(nextHessian[j], 0, hessian[j], 0, m);
            }
            value = nextValue;
            if (largest(theta, step) < tolerance) {
                return new Maximum(theta, value);
            }
        }
        throw new IllegalArgumentException("The binomial-normal model did not converge in " + maxIterations
                + " iterations for studies " + labels);
    }

    /** The largest of \( |s_j| / \max(1, |θ_j|) \). */
    private static double largest(double[] theta, double[] step) {
        double largest = 0;
        for (int j = 0; j < theta.length; j++) {
            largest = Math.max(largest, Math.abs(step[j]) / Math.max(1, Math.abs(theta[j])));
        }
        return largest;
    }

    /** Where the likelihood is largest, and its value there. */
    private record Maximum(double[] theta, double logLikelihood) {
    }

    /**
     * The inverse of the observed information in (τ, β), minus the inverse of the exact Hessian; at τ = 0, where the
     * maximum is on the boundary, the inverse of the GLM's information in β alone, the τ row and column NaN.
     */
    private static double[][] inverseInformation(double[][] hessian, boolean boundary) {
        int m = hessian.length;
        if (boundary) {
            double[][] beta = new LUDecomposition(information(hessian)).getSolver().getInverse().getData();
            double[][] inverse = new double[m][m];
            for (int a = 0; a < m; a++) {
                for (int b = 0; b < m; b++) {
                    inverse[a][b] = a == 0 || b == 0 ? Double.NaN : beta[a - 1][b - 1];
                }
            }
            return inverse;
        }
        RealMatrix observed = new Array2DRowRealMatrix(hessian).scalarMultiply(-1);
        return new LUDecomposition(observed).getSolver().getInverse().getData();
    }
}
