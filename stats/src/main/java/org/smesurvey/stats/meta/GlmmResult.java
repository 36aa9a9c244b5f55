package org.smesurvey.stats.meta;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.smesurvey.stats.EffectiveSample;
import org.smesurvey.stats.Interval;
import org.smesurvey.stats.TestResult;
import org.smesurvey.stats.internal.Distributions;

/**
 * A fitted binomial–normal model ({@link Glmm}), as metafor's {@code rma.glmm(measure = "PLO")} reports it: the
 * coefficients with z tests and intervals, τ², I² and H² as {@code rma.glmm} defines them (τ² against the typical
 * within-study variance of the studies' logits, \( \tilde v = (k - p)/\operatorname{tr}P \), escalc's logits with ½
 * added to a study at 0 or at n), the Wald and likelihood-ratio tests for heterogeneity, the pooled estimate with its
 * prediction interval, and the fit statistics of the likelihood maximised.
 *
 * <p>Two log-likelihoods: {@link #fitStatistics(boolean)} gives the one maximised, the quadrature's marginal
 * likelihood, on which likelihood-ratio tests and AIC rest. metafor 3.8 reports instead the saturated model's
 * log-likelihood minus half lme4's {@code deviance()}, which for a GLMM is the conditional deviance at the random
 * effects' modes ({@link #conditionalDeviance()}): {@code logLik(rma.glmm(...))} equals
 * {@code saturatedLogLikelihood() - conditionalDeviance() / 2}.
 *
 * <p>Immutable.
 *
 * @since 0.1
 */
public final class GlmmResult implements PooledModel {

    private final BinomialNormal model;
    private final double tau;
    private final double[] beta;
    private final boolean random;
    private final int nodes;
    private final double level;
    private final boolean tTests;
    private final Moderators moderators;
    private final double[][] covariance;
    private final double equalEffectsLogLikelihood;
    private final EffectSizes studies;
    private final List<Coefficient> coefficients;
    private final double logLikelihood;
    private final double typicalVariance;

    GlmmResult(BinomialNormal model, double[] theta, boolean random, int nodes, double level, boolean tTests,
            List<String> labels, Moderators moderators, double[][] covariance, double logLikelihood,
            double equalEffectsLogLikelihood) {
        this.model = model;
        this.tau = theta[0];
        this.beta = java.util.Arrays.copyOfRange(theta, 1, theta.length);
        this.random = random;
        this.nodes = nodes;
        this.level = level;
        this.tTests = tTests;
        this.moderators = moderators;
        this.covariance = covariance;
        this.equalEffectsLogLikelihood = equalEffectsLogLikelihood;
        List<EffectiveSample> samples = new ArrayList<>();
        for (int i = 0; i < model.k; i++) {
            samples.add(new EffectiveSample(model.x[i], model.n[i]));
        }
        this.studies = EffectSizes.of(ProportionMeasure.PLO, samples, labels);
        double z = critical();
        List<Coefficient> list = new ArrayList<>();
        for (int j = 0; j < beta.length; j++) {
            double se = Math.sqrt(covariance[j][j]);
            double statistic = beta[j] / se;
            list.add(new Coefficient(moderators.names().get(j), beta[j], se, statistic, tTests
                    ? Distributions.tTwoSided(statistic, model.k - model.p) : Distributions.normalTwoSided(statistic),
                    beta[j] - z * se, beta[j] + z * se));
        }
        this.coefficients = List.copyOf(list);
        this.logLikelihood = logLikelihood;
        this.typicalVariance = typicalVariance();
    }

    /** The critical value of the intervals: normal, or t on k − p degrees of freedom. */
    private double critical() {
        return tTests ? Distributions.t(level, model.k - model.p) : Distributions.z(level);
    }

    /**
     * The degrees of freedom of the coefficients' t tests, k − p, when t tests were asked for.
     *
     * @return k − p, or empty for z tests
     */
    @Override
    public java.util.OptionalDouble degreesOfFreedom() {
        return tTests ? java.util.OptionalDouble.of(model.k - model.p) : java.util.OptionalDouble.empty();
    }

    /** \( (k - p)/\operatorname{tr}P \), \( P = W - WX(X'WX)^{-1}X'W \), W the inverse of escalc's variances. */
    private double typicalVariance() {
        int k = model.k;
        int p = model.p;
        if (k == p) {
            return 0;
        }
        double[][] xwx = new double[p][p];
        double sumW = 0;
        for (int i = 0; i < k; i++) {
            double wi = 1 / studies.vi(i);
            sumW += wi;
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    xwx[a][b] += wi * model.design[i][a] * model.design[i][b];
                }
            }
        }
        RealMatrix inverse = new LUDecomposition(new Array2DRowRealMatrix(xwx, false)).getSolver().getInverse();
        double correction = 0;
        for (int i = 0; i < k; i++) {
            double wi = 1 / studies.vi(i);
            double[] row = model.design[i];
            correction += wi * wi * inverse.preMultiply(new ArrayRealVector(row, false)).dotProduct(
                    new ArrayRealVector(row, false));
        }
        return (k - p) / (sumW - correction);
    }

    @Override
    public EffectSizes studies() {
        return studies;
    }

    @Override
    public int k() {
        return model.k;
    }

    /**
     * {@link Tau2Estimator#ML} for the random-effects model, {@link Tau2Estimator#EE} for the binomial GLM.
     *
     * @return the estimator
     */
    @Override
    public Tau2Estimator estimator() {
        return random ? Tau2Estimator.ML : Tau2Estimator.EE;
    }

    @Override
    public double level() {
        return level;
    }

    /**
     * The number of adaptive Gauss–Hermite nodes the likelihood was integrated with.
     *
     * @return the nodes, 1 for the Laplace approximation
     */
    public int nodes() {
        return nodes;
    }

    @Override
    public List<Coefficient> coefficients() {
        return coefficients;
    }

    /**
     * The covariance of the coefficients: the β block of the inverse observed information in (τ, β).
     *
     * @return a copy, p × p
     */
    @Override
    public double[][] covariance() {
        double[][] copy = new double[covariance.length][];
        for (int j = 0; j < copy.length; j++) {
            copy[j] = covariance[j].clone();
        }
        return copy;
    }

    @Override
    public double tau2() {
        return tau * tau;
    }

    @Override
    public double i2() {
        double t2 = tau2();
        return t2 + typicalVariance == 0 ? 0 : 100 * t2 / (typicalVariance + t2);
    }

    @Override
    public double h2() {
        return typicalVariance == 0 ? 1 : tau2() / typicalVariance + 1;
    }

    /**
     * The typical within-study variance \( \tilde v \) of the studies' logits, on which I² and H² rest.
     *
     * @return \( \tilde v \)
     */
    public double typicalWithinStudyVariance() {
        return typicalVariance;
    }

    /**
     * The Wald test for heterogeneity, metafor's {@code QE.Wld}: the saturated model's study effects tested equal
     * (given the moderators), which is Cochran's Q of the studies' logits weighted by \( x(n - x)/n \). A study at
     * 0 or at n has no finite effect in the saturated model and adds nothing to the statistic, its limit as its
     * variance grows: metafor's value, from a GLM stopped after finitely many iterations, differs from it by about
     * 1e-7 then.
     *
     * @return the test on k − p degrees of freedom
     */
    @Override
    public TestResult heterogeneityTest() {
        List<Integer> inner = new ArrayList<>();
        for (int i = 0; i < model.k; i++) {
            if (model.x[i] > 0 && model.x[i] < model.n[i]) {
                inner.add(i);
            }
        }
        double q = 0;
        int p = model.p;
        if (inner.size() > p) {
            double[][] xwx = new double[p][p];
            double[] xwy = new double[p];
            for (int i : inner) {
                double wi = model.x[i] * (model.n[i] - model.x[i]) / model.n[i];
                double yi = Math.log(model.x[i] / (model.n[i] - model.x[i]));
                for (int a = 0; a < p; a++) {
                    xwy[a] += wi * model.design[i][a] * yi;
                    for (int b = 0; b < p; b++) {
                        xwx[a][b] += wi * model.design[i][a] * model.design[i][b];
                    }
                }
            }
            double[] b = new LUDecomposition(new Array2DRowRealMatrix(xwx, false)).getSolver()
                    .solve(new ArrayRealVector(xwy, false)).toArray();
            for (int i : inner) {
                double wi = model.x[i] * (model.n[i] - model.x[i]) / model.n[i];
                double e = Math.log(model.x[i] / (model.n[i] - model.x[i])) - model.linear(i, b);
                q += wi * e * e;
            }
        }
        int df = model.k - p;
        return TestResult.of("Wald test for heterogeneity", q, df, df > 0 ? Distributions.chiSquareUpperTail(q, df) : 1);
    }

    /**
     * The likelihood-ratio test for heterogeneity, metafor's {@code QE.LRT}: the equal-effects binomial GLM against
     * the saturated model, \( 2(ℓ_{sat} - ℓ_{EE}) \).
     *
     * @return the test on k − p degrees of freedom
     */
    public TestResult likelihoodRatioTest() {
        double statistic = Math.max(0, 2 * (model.saturatedLogLikelihood() - equalEffectsLogLikelihood));
        int df = model.k - model.p;
        return TestResult.of("Likelihood-ratio test for heterogeneity", statistic, df,
                df > 0 ? Distributions.chiSquareUpperTail(statistic, df) : 1);
    }

    @Override
    public Optional<TestResult> moderatorTest() {
        int first = moderators.hasIntercept() ? 1 : 0;
        int m = model.p - first;
        if (m == 0) {
            return Optional.empty();
        }
        double qm = Model.wald(beta, covariance, first);
        return Optional.of(TestResult.of("Test of moderators", qm, m, Distributions.chiSquareUpperTail(qm, m)));
    }

    /**
     * A study's weight in a forest plot, in percent: \( 1/(v_i + \hat τ^2) \) over its sum with escalc's
     * variances. The binomial–normal model weighs studies through its likelihood, not by fixed weights (metafor
     * gives none for {@code rma.glmm}); these are the inverse-variance weights of the same τ², for display.
     *
     * @param i the study's position
     * @return its weight, in [0, 100]
     */
    @Override
    public double weight(int i) {
        double sum = 0;
        for (int j = 0; j < model.k; j++) {
            sum += 1 / (studies.vi(j) + tau2());
        }
        return 100 / (studies.vi(i) + tau2()) / sum;
    }

    @Override
    public Optional<Pooled> pooled() {
        if (model.p != 1 || !moderators.hasIntercept()) {
            return Optional.empty();
        }
        Coefficient c = coefficients.get(0);
        double z = critical();
        double half = z * Math.sqrt(c.standardError() * c.standardError() + tau2());
        Interval ci = new Interval(c.estimate(), c.lower(), c.upper(), level);
        Interval pi = new Interval(c.estimate(), c.estimate() - half, c.estimate() + half, level);
        return Optional.of(new Pooled(ci, pi, Optional.of(new MetaResult.BackTransformed(ProportionMeasure.PLO,
                expit(ci), expit(pi)))));
    }

    private static Interval expit(Interval i) {
        return new Interval(BinomialNormal.expit(i.estimate()), BinomialNormal.expit(i.lower()),
                BinomialNormal.expit(i.upper()), i.level());
    }

    /**
     * The fit statistics of the likelihood maximised (ML): log-likelihood, deviance against the saturated model,
     * AIC, BIC and AICc with p + 1 parameters (p for the equal-effects model), as metafor's {@code fitstats} counts
     * them.
     *
     * @param restricted must be false: the model is fitted by maximum likelihood
     * @return the statistics
     * @throws IllegalArgumentException if a restricted likelihood is asked for
     */
    @Override
    public FitStatistics fitStatistics(boolean restricted) {
        if (restricted) {
            throw new IllegalArgumentException("The binomial-normal model is fitted by maximum likelihood; it has no"
                    + " restricted likelihood");
        }
        int parameters = model.p + (random ? 1 : 0);
        double k = model.k;
        double deviance = 2 * (model.saturatedLogLikelihood() - logLikelihood);
        double m = Math.max(k, parameters + 2);
        return new FitStatistics(false, logLikelihood, deviance, -2 * logLikelihood + 2 * parameters,
                -2 * logLikelihood + parameters * Math.log(k),
                -2 * logLikelihood + 2 * parameters * m / (m - parameters - 1));
    }

    /**
     * The binomial deviance of the studies at their conditional fits \( \operatorname{expit}(x_i'\hat β + \hat τ
     * \hat b_i) \), the random effects at their modes: lme4's {@code deviance()} of a GLMM.
     *
     * @return the conditional deviance
     */
    public double conditionalDeviance() {
        double[] fitted = new double[model.k];
        for (int i = 0; i < model.k; i++) {
            double eta0 = model.linear(i, beta);
            double b = tau == 0 ? 0 : model.mode(i, eta0, tau);
            fitted[i] = BinomialNormal.expit(eta0 + tau * b);
        }
        return model.deviance(fitted);
    }

    /**
     * The saturated model's log-likelihood, each study at its own proportion.
     *
     * @return \( \sum_i \log \mathrm{Bin}(x_i; n_i, x_i/n_i) \)
     */
    public double saturatedLogLikelihood() {
        return model.saturatedLogLikelihood();
    }

    @Override
    public String summary() {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%s Model (k = %d; method: ML, binomial-normal, %d quadrature node%s)%n%n",
                random ? "Random-Effects" : "Equal-Effects", model.k, nodes, nodes == 1 ? "" : "s"));
        if (random) {
            text.append(String.format(Locale.ROOT, "tau^2 (estimated amount of total heterogeneity): %.4f%n", tau2()));
            text.append(String.format(Locale.ROOT, "tau (square root of estimated tau^2 value):      %.4f%n", tau));
            text.append(String.format(Locale.ROOT, "I^2 (total heterogeneity / total variability):   %.2f%%%n", i2()));
            text.append(String.format(Locale.ROOT, "H^2 (total variability / sampling variability):  %.2f%n%n", h2()));
        }
        TestResult wald = heterogeneityTest();
        TestResult lrt = likelihoodRatioTest();
        text.append("Tests for Heterogeneity:\n");
        text.append(String.format(Locale.ROOT, "Wld(df = %.0f) = %.4f, p-val = %s%n", wald.degreesOfFreedom()
                .orElseThrow(), wald.statistic(), pValue(wald.pValue())));
        text.append(String.format(Locale.ROOT, "LRT(df = %.0f) = %.4f, p-val = %s%n%n", lrt.degreesOfFreedom()
                .orElseThrow(), lrt.statistic(), pValue(lrt.pValue())));
        moderatorTest().ifPresent(t -> text.append(String.format(Locale.ROOT,
                "Test of Moderators (coefficients 2:%d):%nQM(df = %.0f) = %.4f, p-val = %s%n%n", model.p,
                t.degreesOfFreedom().orElseThrow(), t.statistic(), pValue(t.pValue()))));
        text.append("Model Results:\n\n");
        text.append(String.format(Locale.ROOT, "%-10s %9s %8s %8s %8s %8s %8s%n", "", "estimate", "se", "zval",
                "pval", "ci.lb", "ci.ub"));
        for (Coefficient c : coefficients) {
            text.append(String.format(Locale.ROOT, "%-10s %9.4f %8.4f %8.4f %8s %8.4f %8.4f%n", c.name(), c.estimate(),
                    c.standardError(), c.statistic(), pValue(c.pValue()), c.lower(), c.upper()));
        }
        return text.toString().stripTrailing();
    }

    private static String pValue(double p) {
        return p < 1e-4 ? "<.0001" : String.format(Locale.ROOT, "%.4f", p);
    }
}
