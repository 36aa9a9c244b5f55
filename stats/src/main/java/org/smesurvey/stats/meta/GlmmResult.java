package org.smesurvey.stats.meta;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.smesurvey.stats.EffectiveSample;
import org.smesurvey.stats.Interval;
import org.smesurvey.stats.TestResult;
import org.smesurvey.stats.internal.Distributions;
import org.smesurvey.stats.internal.Formats;
import org.smesurvey.stats.internal.Matrices;

/**
 * A fitted binomial–normal model ({@link Glmm}), as metafor's {@code rma.glmm(measure = "PLO")} reports it: the
 * coefficients with z tests and intervals, τ², I² and H² as {@code rma.glmm} defines them (τ² against the typical
 * within-study variance of the studies' logits, \( \tilde v = (k - p)/\operatorname{tr}P \), escalc's logits with ½
 * added to a study at 0 or at n), the Wald and likelihood-ratio tests for heterogeneity, the pooled estimate with its
 * prediction interval, and the fit statistics of the likelihood maximised.
 *
 * <p>The model is fitted on the {@linkplain ConditionedDesign centred and scaled moderators} (a raw year beside the
 * intercept is otherwise nearly collinear with it); the coefficients, their covariance and everything built on them
 * (tests, intervals, predictions) are mapped back to the moderators as given.
 *
 * <p>Two log-likelihoods: {@link #fitStatistics(boolean)} gives the one maximised, the quadrature's marginal
 * likelihood, on which likelihood-ratio tests ({@link ModelComparison}) and AIC rest (lme4's {@code logLik} of the
 * {@code glmer} fit is it less {@link #saturatedLogLikelihood()}). metafor 3.8 reports instead the saturated model's log-likelihood minus half lme4's
 * {@code deviance()}, which for a GLMM is the conditional deviance at the random effects' modes:
 * {@link #logLikelihood()} is that value, {@code logLik(rma.glmm(...))}, and metafor's {@code fitstats} are
 * {@link #fitStatistics(boolean)}'s with it in place of the marginal one.
 *
 * <p>Immutable.
 *
 * @since 0.1
 */
public final class GlmmResult implements PooledModel {

    private final BinomialNormal model;
    private final ConditionedDesign design;
    private final double tau;
    /** The coefficients as fitted, of the centred and scaled moderators, and their covariance. */
    private final double[] fittedBeta;
    private final double[][] fittedCovariance;
    /** The coefficients of the moderators as given, and their covariance. */
    private final double[] beta;
    private final double[][] covariance;
    /** The variance of τ̂, NaN where there is none (τ̂ = 0, the equal-effects model). */
    private final double tauVariance;
    private final boolean random;
    private final int nodes;
    private final double level;
    private final boolean tTests;
    private final Moderators moderators;
    private final double equalEffectsLogLikelihood;
    private final EffectSizes studies;
    private final List<Coefficient> coefficients;
    private final double logLikelihood;
    private final double typicalVariance;
    /** Each study's conditional mode \( \hat b_i \) on the N(0, 1) scale, and \( n_iμ_i(1-μ_i) \) there. */
    private final double[] modes;
    private final double[] modeWeights;

    /**
     * The result of a fit, its estimates and information mapped back to the moderators as given.
     *
     * @param theta τ and the coefficients as fitted, of {@code design}'s conditioned columns
     * @param inverse the inverse observed information in θ (τ's row and column NaN at τ = 0)
     */
    GlmmResult(BinomialNormal model, ConditionedDesign design, double[] theta, double[][] inverse, boolean random,
            int nodes, double level, boolean tTests, List<String> labels, Moderators moderators,
            double logLikelihood, double equalEffectsLogLikelihood) {
        this.model = model;
        this.design = design;
        this.tau = theta[0];
        int p = theta.length - 1;
        this.fittedBeta = java.util.Arrays.copyOfRange(theta, 1, theta.length);
        this.fittedCovariance = new double[p][p];
        for (int a = 0; a < p; a++) {
            System.arraycopy(inverse[1 + a], 1, fittedCovariance[a], 0, p);
        }
        this.beta = design.raw(fittedBeta);
        this.covariance = design.rawCovariance(fittedCovariance);
        this.tauVariance = random && tau > 0 ? inverse[0][0] : Double.NaN;
        this.random = random;
        this.nodes = nodes;
        this.level = level;
        this.tTests = tTests;
        this.moderators = moderators;
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
        this.modes = new double[model.k];
        this.modeWeights = new double[model.k];
        for (int i = 0; i < model.k; i++) {
            double eta0 = model.linear(i, fittedBeta);
            modes[i] = tau == 0 ? 0 : model.mode(i, eta0, tau);
            double mu = BinomialNormal.expit(eta0 + tau * modes[i]);
            modeWeights[i] = model.n[i] * mu * (1 - mu);
        }
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
    public OptionalDouble degreesOfFreedom() {
        return tTests ? OptionalDouble.of(model.k - model.p) : OptionalDouble.empty();
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
        return Matrices.copy(covariance);
    }

    @Override
    public double tau2() {
        return tau * tau;
    }

    /**
     * \( \hat τ \), the standard deviation of the studies' true logits, lme4's {@code VarCorr} standard deviation and
     * metafor's {@code sqrt(res$tau2)}.
     *
     * @return \( \hat τ \), 0 for the equal-effects model
     */
    @Override
    public double tau() {
        return tau;
    }

    /**
     * The standard error of \( \hat τ \): the square root of the ττ entry of the inverse observed information in
     * \( (τ, β) \), the exact Hessian of the quadrature likelihood maximised (the one whose β block gives the
     * coefficients' standard errors, as lme4's {@code vcov}). lme4 uses the same information, by finite differences
     * ({@code fit@optinfo$derivs$Hessian}, of the deviance in (θ, β), θ = τ here); metafor's {@code rma.glmm} gives no
     * standard error for τ or τ². A Wald standard error: the likelihood in τ is skewed, and profile intervals are
     * better for small k.
     *
     * @return the standard error; empty when \( \hat τ = 0 \) (the maximum on the boundary, where it is not
     *         defined) and for the equal-effects model
     */
    public OptionalDouble tauStandardError() {
        return Double.isNaN(tauVariance) ? OptionalDouble.empty() : OptionalDouble.of(Math.sqrt(tauVariance));
    }

    /**
     * The standard error of \( \hat τ^2 \) by the delta method from {@link #tauStandardError()}:
     * \( \mathrm{se}(\hat τ^2) = 2\hat τ\,\mathrm{se}(\hat τ) \), the same as inverting the observed information
     * in \( (τ^2, β) \) (the maximum likelihood estimate is invariant, and the information maps by the Jacobian
     * \( dτ^2/dτ = 2τ \) at a stationary point).
     *
     * @return the standard error; empty where {@link #tauStandardError()} is
     */
    public OptionalDouble tau2StandardError() {
        return Double.isNaN(tauVariance) ? OptionalDouble.empty()
                : OptionalDouble.of(2 * tau * Math.sqrt(tauVariance));
    }

    /**
     * The studies' own effects, lme4's {@code ranef(glmer(cbind(x, n - x) ~ X - 1 + (1 | study), family =
     * binomial))}: each study's conditional mode \( \hat u_i = \hat τ\hat b_i \) of its random effect on the logit
     * scale, given the estimates, where \( \hat b_i \) maximises
     * \( x_iη - n_i\log(1 + e^η) - b^2/2 \), \( η = x_i'\hat β + \hat τb \) (the mode the quadrature is centred on).
     * How far a study's true logit stands above or below what its moderators predict.
     *
     * @return one effect per study, in the order of {@link #studies()}; zeros when \( \hat τ = 0 \)
     */
    public double[] studyEffects() {
        double[] effects = new double[modes.length];
        for (int i = 0; i < effects.length; i++) {
            effects[i] = tau * modes[i];
        }
        return effects;
    }

    /**
     * The conditional standard deviations of {@link #studyEffects()}, lme4's {@code condVar} (the square root of
     * {@code attr(ranef(fit, condVar = TRUE)$study, "postVar")}): from the curvature of the log-posterior at the
     * mode, \( \hat τ/\sqrt{\hat τ^2n_i\hat μ_i(1-\hat μ_i) + 1} \), \( \hat μ_i \) the fitted proportion at the mode.
     * They take the estimates as known (they do not carry the uncertainty of \( \hat β \) and \( \hat τ \)).
     *
     * @return one per study, in the order of {@link #studies()}; zeros when \( \hat τ = 0 \)
     */
    public double[] studyEffectStandardErrors() {
        double[] se = new double[modes.length];
        for (int i = 0; i < se.length; i++) {
            se[i] = tau / Math.sqrt(tau * tau * modeWeights[i] + 1);
        }
        return se;
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

    /**
     * The omnibus Wald test of the coefficients other than the intercept, metafor's {@code QM}: \( Q_M = \hat β_m'
     * V_m^{-1}\hat β_m \) against χ² on m degrees of freedom, or with t tests ({@link Glmm#withTTests}, metafor's
     * {@code test = "t"}) \( Q_M/m \) against F(m, k − p), as {@code rma.glmm} does.
     *
     * @return the test; empty for a model without moderators (see {@link #statistic()} for the intercept's)
     */
    @Override
    public Optional<TestResult> moderatorTest() {
        int first = moderators.hasIntercept() ? 1 : 0;
        int m = model.p - first;
        if (m == 0) {
            return Optional.empty();
        }
        // On the coefficients as fitted: the moderators' block maps back by a diagonal rescaling, which leaves
        // the statistic unchanged and the well-conditioned covariance is inverted.
        double qm = Model.wald(fittedBeta, fittedCovariance, first);
        int df = model.k - model.p;
        return Optional.of(tTests
                ? TestResult.f("Test of moderators", qm / m, m, df, Distributions.fUpperTail(qm / m, m, df))
                : TestResult.of("Test of moderators", qm, m, Distributions.chiSquareUpperTail(qm, m)));
    }

    /**
     * The test of the pooled estimate of a model without moderators, as {@link MetaResult#statistic()}: metafor's
     * {@code zval} (or {@code tval} with t tests) of the intercept, whose square is metafor's {@code QM} for such a
     * model (χ² on 1 degree of freedom, or F(1, k − 1) with t tests); {@link #pValue()} is its p-value.
     *
     * @return \( \hat β_0/\mathrm{se} \); empty for a model with moderators (see {@link #moderatorTest()})
     */
    public OptionalDouble statistic() {
        return pooled().isPresent() ? OptionalDouble.of(coefficients.get(0).statistic()) : OptionalDouble.empty();
    }

    /**
     * The two-sided p-value of the pooled estimate of a model without moderators, as {@link MetaResult#pValue()}:
     * metafor's {@code pval}, and its {@code QMp}, for such a model.
     *
     * @return the p-value; empty for a model with moderators
     */
    public OptionalDouble pValue() {
        return pooled().isPresent() ? OptionalDouble.of(coefficients.get(0).pValue()) : OptionalDouble.empty();
    }

    /**
     * The fitted value at moderator values, metafor's {@code predict(res, newmods)} on an {@code rma.glmm} fit: the
     * values of the moderator columns in the design's order (factor levels as their 0/1 columns), without the
     * intercept; nothing for a model without moderators (the pooled estimate). The logit \( x_0'\hat β \) with
     * \( \mathrm{se} = \sqrt{x_0'V_βx_0} \), its confidence interval and the prediction interval
     * \( x_0'\hat β \pm c\sqrt{\mathrm{se}^2 + \hat τ^2} \) (c normal, or t on k − p degrees of freedom with t tests);
     * {@link Prediction#confidenceAsProportion()} and {@link Prediction#predictionAsProportion()} give metafor's
     * {@code transf = transf.ilogit}. Computed on the coefficients as fitted, so that a raw year loses no digits.
     *
     * @param newmods the moderators' values
     * @return the fitted logit with its confidence and prediction intervals
     * @throws IllegalArgumentException if the values are not as many as the moderator columns
     */
    public Prediction predict(double... newmods) {
        return Prediction.at(design.row(Prediction.row(moderators, newmods)), fittedBeta, fittedCovariance, tau2(),
                critical(), level);
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
     * The fit statistics of the likelihood maximised (ML), the quadrature's marginal one (lme4's {@code logLik},
     * {@code AIC} and {@code BIC} of the {@code glmer} fit are these with the saturated model's log-likelihood taken
     * from it): log-likelihood, deviance against the saturated model,
     * AIC, BIC and AICc with p + 1 parameters (p for the equal-effects model) and k studies, as metafor's
     * {@code fitstats} counts them. metafor's own {@code fitstats(res)} are these with {@link #logLikelihood()} in
     * place of the marginal log-likelihood (its deviance is then {@link #conditionalDeviance()}).
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
            fitted[i] = BinomialNormal.expit(model.linear(i, fittedBeta) + tau * modes[i]);
        }
        return model.deviance(fitted);
    }

    /**
     * metafor's log-likelihood of the fit, {@code logLik(rma.glmm(...))}: the saturated model's log-likelihood minus
     * half the conditional deviance, \( ℓ_{sat} - D_c/2 \) (metafor 3.8's {@code ll.QE - deviance(res.ML) / 2}),
     * the binomial GLM's own log-likelihood for the equal-effects model. It is not the likelihood maximised (that is
     * {@link #fitStatistics(boolean)}'s, the marginal one), and is below it.
     *
     * @return metafor's log-likelihood
     */
    public double logLikelihood() {
        return model.saturatedLogLikelihood() - conditionalDeviance() / 2;
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
        // metafor's .pval(p, showeq = TRUE): "p-val < .0001" or "p-val = 0.1234"
        text.append(String.format(Locale.ROOT, "Wld(df = %.0f) = %.4f, p-val %s%n", wald.degreesOfFreedom()
                .orElseThrow(), wald.statistic(), MetaforLayout.pValue(wald.pValue())));
        text.append(String.format(Locale.ROOT, "LRT(df = %.0f) = %.4f, p-val %s%n%n", lrt.degreesOfFreedom()
                .orElseThrow(), lrt.statistic(), MetaforLayout.pValue(lrt.pValue())));
        moderatorTest().ifPresent(t -> text.append(String.join("\n", MetaforLayout.moderatorTest(t, model.p,
                moderators))).append("\n\n"));
        text.append("Model Results:\n\n");
        text.append(String.format(Locale.ROOT, "%-10s %9s %8s %8s %8s %8s %8s%n", "", "estimate", "se",
                tTests ? "tval" : "zval", "pval", "ci.lb", "ci.ub"));
        for (Coefficient c : coefficients) {
            text.append(String.format(Locale.ROOT, "%-10s %9.4f %8.4f %8.4f %8s %8.4f %8.4f%n", c.name(), c.estimate(),
                    c.standardError(), c.statistic(), Formats.pValueColumn(c.pValue()), c.lower(), c.upper()));
        }
        return text.toString().stripTrailing();
    }
}
