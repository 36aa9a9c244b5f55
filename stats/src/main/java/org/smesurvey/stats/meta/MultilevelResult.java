package org.smesurvey.stats.meta;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.smesurvey.stats.Interval;
import org.smesurvey.stats.TestResult;
import org.smesurvey.stats.internal.CrossedFit;
import org.smesurvey.stats.internal.Distributions;
import org.smesurvey.stats.internal.Formats;
import org.smesurvey.stats.internal.Matrices;

/**
 * A multilevel meta-analysis: estimates nested in clusters (figures in studies), and random intercepts crossed with
 * the clusters (countries cutting across studies) — metafor's
 * {@code rma.mv(yi, vi, mods, random = list(~ 1 | f1, …, ~ 1 | cluster/estimate), method)}, or
 * {@code random = ~ 1 | cluster/estimate} without crossed factors. Immutable.
 *
 * <p>The model is \( y = Xβ + \sum_f Z_fu_f + Z_cu_c + w + ε \) with \( u_f \sim N(0, σ_f^2 I) \) for each
 * {@linkplain CrossedFactor crossed factor}, \( u_c \sim N(0, σ_c^2 I) \) for the clusters,
 * \( w \sim N(0, σ_e^2 I) \) for each estimate and \( ε \sim N(0, \operatorname{diag}(v)) \): the marginal
 * covariance is \( V = \operatorname{diag}(v + σ_e^2) + σ_c^2Z_cZ_c' + \sum_f σ_f^2Z_fZ_f' \). The variances maximise
 * the restricted (or full) likelihood by the average-information algorithm (Gilmour, Thompson &amp; Cullis 1995),
 * with \( V^{-1} \) applied cluster by cluster in closed form and through Woodbury's identity over the crossed
 * levels, so that a fit costs time linear in the number of estimates for a given number of crossed levels; the
 * predictions of random effects are Henderson's (1975). {@link #sigma2()} lists the variances in metafor's order.
 *
 * <p>Heterogeneity: {@link #tau2()} is the total of the variance components; I² is the multilevel
 * \( 100\,σ^2/(σ^2 + \tilde v) \) of that total with the typical within-study variance
 * \( \tilde v = (k - p)/\operatorname{tr}P_0 \) of the equal-effects weights (Cheung 2014, <i>Psychological
 * Methods</i> 19, 211–229; Viechtbauer's metafor FAQ), and H² its \( (σ^2 + \tilde v)/\tilde v \); the
 * heterogeneity test is metafor's \( Q_E \) of the equal-effects fit. {@link #i2(int)} splits I² by level.
 *
 * <p>How sure the variances are: {@link #varianceInterval(int)}, metafor's profile-likelihood {@code confint(res)},
 * and {@link #profile(int)}, its {@code profile(res)}.
 *
 * <p>References:
 * <ol>
 * <li>Viechtbauer, W. (2010). Conducting meta-analyses in R with the metafor package. <i>Journal of Statistical
 *     Software</i> 36(3), 1–48. doi:10.18637/jss.v036.i03</li>
 * <li>Konstantopoulos, S. (2011). Fixed effects and variance components estimation in three-level meta-analysis.
 *     <i>Research Synthesis Methods</i> 2, 61–76. doi:10.1002/jrsm.35</li>
 * <li>Gilmour, A. R., Thompson, R. &amp; Cullis, B. R. (1995). Average information REML: an efficient algorithm
 *     for variance parameter estimation in linear mixed models. <i>Biometrics</i> 51, 1440–1450.
 *     doi:10.2307/2533274</li>
 * <li>Henderson, C. R. (1975). Best linear unbiased estimation and prediction under a selection model.
 *     <i>Biometrics</i> 31, 423–447. doi:10.2307/2529430</li>
 * </ol>
 *
 * @since 0.1
 */
public final class MultilevelResult implements PooledModel {

    private final MultilevelFit fit;
    private final MetaAnalysis options;
    private final EffectSizes studies;
    private final Moderators moderators;
    private final double typicalVariance;
    private final TestResult heterogeneity;

    MultilevelResult(MultilevelFit fit, MetaAnalysis options, EffectSizes studies, Moderators moderators) {
        this.fit = fit;
        this.options = options;
        this.studies = studies;
        this.moderators = moderators;
        Model fixed = new Model(studies.yArray(), studies.vArray(), moderators.rowArray());
        Model.Wls wls = fixed.wls(Model.weights(fixed.v, 0));
        int df = fit.k - fit.p;
        this.typicalVariance = df > 0 ? df / fixed.traceP(wls) : 0;
        this.heterogeneity = TestResult.of(moderators.columns() == 1 && moderators.hasIntercept()
                ? "Test for heterogeneity" : "Test for residual heterogeneity", Math.max(0, wls.rss), df,
                df > 0 ? Distributions.chiSquareUpperTail(Math.max(0, wls.rss), df) : 1);
    }

    /**
     * The variance between clusters, \( σ_c^2 \) (metafor's {@code sigma2[1]}, or the one after the crossed
     * factors').
     *
     * @return σ_c²
     */
    public double clusterVariance() {
        return fit.sigma2Cluster;
    }

    /**
     * The variance between estimates within a cluster, \( σ_e^2 \) (metafor's last {@code sigma2}).
     *
     * @return σ_e²
     */
    public double estimateVariance() {
        return fit.sigma2Estimate;
    }

    /**
     * The number of clusters.
     *
     * @return the clusters
     */
    public int clusters() {
        return fit.clusterNames.size();
    }

    /**
     * The iterations the variance components took (of the average-information algorithm).
     *
     * @return the iterations
     */
    public int iterations() {
        return fit.fit.iterations();
    }

    /**
     * The variance components in metafor's order, its {@code sigma2}: each crossed factor's, in the order they were
     * given, then the clusters' and the estimates' own.
     *
     * @return a copy, \( (σ_1^2, …, σ_F^2, σ_c^2, σ_e^2) \)
     * @since 0.2
     */
    public double[] sigma2() {
        return fit.sigma2.clone();
    }

    /**
     * A variance component's profile-likelihood confidence interval at the fit's {@linkplain #level() level}, as
     * metafor's {@code confint(res, sigma2 = j + 1)}, with the interval of its square root. The bounds are the values
     * of \( σ_j^2 \) where the profiled (restricted) log-likelihood \( \ell_p \) (see {@link LikelihoodProfile})
     * falls \( χ^2_{1,\mathrm{level}}/2 \) below its maximum \( \hat\ell \): the roots of
     * \[ 2\big(\hat\ell - \ell_p(σ_j^2)\big) - χ^2_{1,\mathrm{level}} = 0 \]
     * on either side of \( \hat σ_j^2 \) (Viechtbauer 2007, for τ²; metafor's {@code confint} documentation for
     * {@code rma.mv}). The lower bound is 0 when the statistic at \( σ_j^2 = 0 \) is still below the quantile — and
     * so when \( \hat σ_j^2 = 0 \) — as metafor reports it. The upper bound is searched above \( \hat σ_j^2 \) up
     * to metafor's \( \max(10, 100\hat σ_j^2) \), doubled until it brackets the root. Each root is found by
     * Brent's method to a relative accuracy of 1e-15 and the inner fits converge to the analysis'
     * {@linkplain MetaAnalysis#withTolerance(double) tolerance}, so the bounds are exact to about 1e-10 or better
     * (limited by the rounding of the likelihood over its slope).
     *
     * <p>metafor differs in three ways: its {@code uniroot} stops at an absolute tolerance of
     * \( ε^{1/4} \approx 1.2 \cdot 10^{-4} \) on \( σ_j^2 \) and its inner fits at nlminb's relative 1e-10, so its
     * bounds are that far from these; when the statistic at its search limit \( \max(10, 100\hat σ_j^2) \) is still
     * below the quantile it reports that limit printed with a {@code >} ({@code ub.sign}), where this search goes
     * on; and when a bound cannot be found (its fits with the component held failing) it reports {@code NA} with
     * the warning "Cannot obtain lower (upper) bound of profile likelihood CI due to convergence problems.", where
     * this throws. A {@code <} before a lower bound marks metafor's search started above 0, after fits at 0 failed.
     *
     * <p>Reference: Viechtbauer, W. (2007). Confidence intervals for the amount of heterogeneity in meta-analysis.
     * <i>Statistics in Medicine</i> 26, 37–52. doi:10.1002/sim.2514
     *
     * @param component the component's position in {@link #sigma2()}, from 0
     * @return the component with its interval and its square root's
     * @throws IndexOutOfBoundsException if there is no such component
     * @throws IllegalStateException if a fit with the component held does not converge
     * @since 0.2
     */
    public VarianceInterval varianceInterval(int component) {
        Objects.checkIndex(component, fit.sigma2.length);
        double estimate = fit.sigma2[component];
        double maximum = fit.fit.logLikelihood();
        double quantile = Distributions.chiSquareQuantile(options.level(), 1);
        java.util.function.DoubleUnaryOperator statistic = value -> 2 * (maximum - profiled(component, value))
                - quantile;
        double lower = estimate == 0 || statistic.applyAsDouble(0) <= 0 ? 0 : Model.root(statistic, 0, estimate);
        double high = Math.max(10, 100 * estimate);
        while (statistic.applyAsDouble(high) <= 0) {
            if (high > 1e300) {
                throw new IllegalStateException("The profile of sigma^2." + (component + 1) + " does not fall below"
                        + " its threshold: the component is not identified by the data");
            }
            high *= 2;
        }
        double upper = Model.root(statistic, estimate, high);
        double level = options.level();
        return new VarianceInterval(componentName(component), factorName(component),
                new Interval(estimate, lower, upper, level),
                new Interval(Math.sqrt(estimate), Math.sqrt(lower), Math.sqrt(upper), level));
    }

    /**
     * Every variance component's profile-likelihood confidence interval, metafor's {@code confint(res)}: each as
     * {@link #varianceInterval(int)}, in the order of {@link #sigma2()}.
     *
     * @return the intervals
     * @throws IllegalStateException if a fit with a component held does not converge
     * @since 0.2
     */
    public List<VarianceInterval> varianceIntervals() {
        List<VarianceInterval> intervals = new ArrayList<>();
        for (int j = 0; j < fit.sigma2.length; j++) {
            intervals.add(varianceInterval(j));
        }
        return List.copyOf(intervals);
    }

    /**
     * A variance component's likelihood profile on metafor's default grid, {@code profile(res, sigma2 = j + 1)}:
     * 20 values evenly spaced from \( \max(0, \hat σ_j^2/4) \) to \( \max(0.1, 4\hat σ_j^2) \), as R's
     * {@code seq(from, to, length.out = 20)} spaces them.
     *
     * @param component the component's position in {@link #sigma2()}, from 0
     * @return the profile
     * @throws IndexOutOfBoundsException if there is no such component
     * @throws IllegalStateException if a fit with the component held does not converge
     * @since 0.2
     */
    public LikelihoodProfile profile(int component) {
        Objects.checkIndex(component, fit.sigma2.length);
        double estimate = fit.sigma2[component];
        double from = Math.max(0, estimate / 4);
        double to = Math.max(0.1, estimate * 4);
        int steps = 20;
        double[] values = new double[steps];
        // R's seq.default: from + i * ((to - from) / (n - 1)), the last value set to 'to' itself.
        double by = (to - from) / (steps - 1);
        for (int i = 0; i < steps - 1; i++) {
            values[i] = from + i * by;
        }
        values[steps - 1] = to;
        return profile(component, values);
    }

    /**
     * A variance component's likelihood profile at given values, metafor's
     * {@code profile(res, sigma2 = j + 1, steps = values)} (metafor 4; in 3.8, {@code xlim} and {@code steps}): at
     * each value the (restricted) log-likelihood with the component held there and every other component
     * re-maximised (from the fit's estimates, to the analysis' tolerance).
     *
     * @param component the component's position in {@link #sigma2()}, from 0
     * @param values the component's values, each 0 or more
     * @return the profile, in the order of the values
     * @throws NullPointerException if {@code values} is null
     * @throws IndexOutOfBoundsException if there is no such component
     * @throws IllegalArgumentException if no value is given, or one is negative or not finite
     * @throws IllegalStateException if a fit with the component held does not converge
     * @since 0.2
     */
    public LikelihoodProfile profile(int component, double... values) {
        Objects.requireNonNull(values, "values");
        Objects.checkIndex(component, fit.sigma2.length);
        if (values.length == 0) {
            throw new IllegalArgumentException("A profile needs at least one value of the component");
        }
        List<LikelihoodProfile.Point> points = new ArrayList<>(values.length);
        for (double value : values) {
            if (!(value >= 0 && value < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("A variance component's value is not finite and 0 or more: "
                        + value);
            }
            points.add(new LikelihoodProfile.Point(value, profiled(component, value)));
        }
        return new LikelihoodProfile(componentName(component), factorName(component), fit.sigma2[component],
                fit.fit.logLikelihood(), fit.restricted, options.level(), points);
    }

    private double profiled(int component, double value) {
        return fit.profileLogLikelihood(component, value, options.tolerance(), options.maxIterations());
    }

    /** metafor's name of a component: sigma^2.1, sigma^2.2, … */
    private static String componentName(int component) {
        return "sigma^2." + (component + 1);
    }

    /** The random term of a component, as the summary names it. */
    private String factorName(int component) {
        int f = fit.factors();
        return component < f ? fit.factorNames.get(component) : component == f ? "cluster" : "cluster/estimate";
    }

    /**
     * The typical within-study (sampling) variance of the multilevel I², \( \tilde v = (k - p)/\operatorname{tr}P \)
     * with \( P = W - WX(X'WX)^{-1}X'W \), \( W = \operatorname{diag}(1/v_i) \) (Cheung 2014; metafor's website,
     * "I^2 for multilevel and multivariate models").
     *
     * @return \( \tilde v \); 0 when k = p
     * @since 0.2
     */
    public double typicalSamplingVariance() {
        return typicalVariance;
    }

    /**
     * A variance component's share of the total variability, the multilevel I² of one level (Cheung 2014; metafor's
     * website, "I^2 for multilevel and multivariate models"):
     * \[ I_j^2 = 100\,\frac{σ_j^2}{\sum_l σ_l^2 + \tilde v} \]
     * with \( \tilde v \) the {@linkplain #typicalSamplingVariance() typical sampling variance}; the shares of all
     * components add up to {@link #i2()}, the total. In R:
     * {@code 100 * res$sigma2 / (sum(res$sigma2) + (res$k - res$p) / sum(diag(P)))}.
     *
     * <p>Reference: Cheung, M. W.-L. (2014). Modeling dependent effect sizes with three-level meta-analyses: a
     * structural equation modeling approach. <i>Psychological Methods</i> 19, 211–229. doi:10.1037/a0032968
     *
     * @param component the component's position in {@link #sigma2()}, from 0
     * @return \( I_j^2 \), in percent
     * @throws IndexOutOfBoundsException if there is no such component
     * @since 0.2
     */
    public double i2(int component) {
        Objects.checkIndex(component, fit.sigma2.length);
        double total = tau2() + typicalVariance;
        return total == 0 ? 0 : 100 * fit.sigma2[component] / total;
    }

    /**
     * The clusters' share of the total variability, {@link #i2(int)} of \( σ_c^2 \): the between-cluster
     * (level 3) I² of Cheung (2014).
     *
     * @return \( I_c^2 \), in percent
     * @since 0.2
     */
    public double clusterI2() {
        return i2(fit.sigma2.length - 2);
    }

    /**
     * The estimates' own share of the total variability within their clusters, {@link #i2(int)} of \( σ_e^2 \):
     * the within-cluster (level 2) I² of Cheung (2014).
     *
     * @return \( I_e^2 \), in percent
     * @since 0.2
     */
    public double estimateI2() {
        return i2(fit.sigma2.length - 1);
    }

    /**
     * A crossed factor's share of the total variability, {@link #i2(int)} of \( σ_f^2 \).
     *
     * @param factor the factor's name
     * @return \( I_f^2 \), in percent
     * @throws NullPointerException if {@code factor} is null
     * @throws IllegalArgumentException if the fit has no crossed factor of that name
     * @since 0.2
     */
    public double crossedI2(String factor) {
        return i2(factorIndex(factor));
    }

    /**
     * The names of the crossed factors, in the order they were given.
     *
     * @return the names; empty for the three-level model
     * @since 0.2
     */
    public List<String> crossedFactors() {
        return fit.factorNames;
    }

    /**
     * A crossed factor's variance \( σ_f^2 \), its entry of metafor's {@code sigma2}.
     *
     * @param factor the factor's name
     * @return σ_f²
     * @throws NullPointerException if {@code factor} is null
     * @throws IllegalArgumentException if the fit has no crossed factor of that name
     * @since 0.2
     */
    public double crossedVariance(String factor) {
        return fit.sigma2[factorIndex(factor)];
    }

    /**
     * A crossed factor's levels, in order of first appearance among the estimates (the order of
     * {@link #crossedEffects(String)}; metafor's {@code ranef} sorts them).
     *
     * @param factor the factor's name
     * @return the levels
     * @throws NullPointerException if {@code factor} is null
     * @throws IllegalArgumentException if the fit has no crossed factor of that name
     * @since 0.2
     */
    public List<String> crossedLevels(String factor) {
        return fit.levelNames.get(factorIndex(factor));
    }

    /**
     * The effects of a crossed factor's levels, their best linear unbiased predictions
     * \( \hat u_f = σ_f^2Z_f'V^{-1}(y - X\hat β) \), metafor's {@code ranef(res)$factor$intrcpt}: how far the figures
     * of a country stand above or below what their moderators, studies and the other factors predict.
     *
     * @param factor the factor's name
     * @return one effect per level, in the order of {@link #crossedLevels(String)}
     * @throws NullPointerException if {@code factor} is null
     * @throws IllegalArgumentException if the fit has no crossed factor of that name
     * @since 0.2
     */
    public double[] crossedEffects(String factor) {
        return fit.fit.crossedEffects(factorIndex(factor));
    }

    /**
     * The standard errors of {@link #crossedEffects(String)}, metafor's {@code ranef(res)$factor$se}: each level's
     * prediction error, as {@link #predictionError(double[], double[], double[])} takes it.
     *
     * @param factor the factor's name
     * @return one per level, in the order of {@link #crossedLevels(String)}
     * @throws NullPointerException if {@code factor} is null
     * @throws IllegalArgumentException if the fit has no crossed factor of that name
     * @since 0.2
     */
    public double[] crossedEffectStandardErrors(String factor) {
        int f = factorIndex(factor);
        int levels = fit.levelNames.get(f).size();
        double[] se = new double[levels];
        for (int l = 0; l < levels; l++) {
            double[][] crossed = new double[fit.factors()][];
            crossed[f] = new double[levels];
            crossed[f][l] = 1;
            se[l] = Math.sqrt(Math.max(0, fit.fit.predictionError(crossed, null, null, null)));
        }
        return se;
    }

    private int factorIndex(String factor) {
        Objects.requireNonNull(factor, "factor");
        int f = fit.factorNames.indexOf(factor);
        if (f < 0) {
            throw new IllegalArgumentException("The fit has no crossed factor " + factor + "; its crossed factors: "
                    + fit.factorNames);
        }
        return f;
    }

    @Override
    public EffectSizes studies() {
        return studies;
    }

    @Override
    public int k() {
        return fit.k;
    }

    @Override
    public Tau2Estimator estimator() {
        return fit.restricted ? Tau2Estimator.REML : Tau2Estimator.ML;
    }

    @Override
    public double level() {
        return options.level();
    }

    @Override
    public List<Coefficient> coefficients() {
        return fit.coefficients(moderators.names(), options.level());
    }

    /**
     * The total variance of the random effects, \( \sum_f σ_f^2 + σ_c^2 + σ_e^2 \): the sum of {@link #sigma2()}.
     *
     * @return the total
     */
    @Override
    public double tau2() {
        return java.util.Arrays.stream(fit.sigma2).sum();
    }

    @Override
    public double i2() {
        double total = tau2();
        return total + typicalVariance == 0 ? 0 : 100 * total / (total + typicalVariance);
    }

    @Override
    public double h2() {
        return typicalVariance == 0 ? 1 : (tau2() + typicalVariance) / typicalVariance;
    }

    /**
     * None: the coefficients' tests of a multilevel fit are z tests (the cluster-robust ones, {@link #robust},
     * carry their own degrees of freedom).
     *
     * @return empty
     */
    @Override
    public OptionalDouble degreesOfFreedom() {
        return OptionalDouble.empty();
    }

    @Override
    public TestResult heterogeneityTest() {
        return heterogeneity;
    }

    @Override
    public Optional<TestResult> moderatorTest() {
        int first = moderators.hasIntercept() ? 1 : 0;
        int m = fit.p - first;
        if (m == 0) {
            return Optional.empty();
        }
        double qm = wald(fit.vb, first);
        return Optional.of(TestResult.of("Test of moderators", qm, m, Distributions.chiSquareUpperTail(qm, m)));
    }

    private double wald(double[][] covariance, int first) {
        return Model.wald(fit.beta, covariance, first);
    }

    /**
     * A study's weight in percent, metafor's {@code weights(res)} for {@code rma.mv}: the diagonal of
     * \( V^{-1} \) over its sum.
     *
     * @param i the estimate's position in {@link #studies()}
     * @return its weight
     */
    @Override
    public double weight(int i) {
        Objects.checkIndex(i, fit.k);
        double[] diagonal = fit.inverseDiagonal();
        return 100 * diagonal[i] / java.util.Arrays.stream(diagonal).sum();
    }

    /**
     * The fitted value at moderator values, metafor's {@code predict(res, newmods)} for {@code rma.mv}: the values
     * of the moderator columns without the intercept; the prediction interval adds every variance component, as for
     * a new figure of a new study (at new levels of the crossed factors). {@link #predict(Map, double...)} predicts
     * at known levels.
     *
     * @param newmods the moderators' values
     * @return the fitted value with its confidence and prediction intervals
     * @throws IllegalArgumentException if the values are not as many as the moderator columns
     */
    public Prediction predict(double... newmods) {
        return predict(Map.of(), newmods);
    }

    /**
     * A new figure's prediction at moderator values and named levels of the crossed factors, such as
     * {@code predict(Map.of("country", "FR"), 2024)}. With \( x_0 \) the design row, the fitted value
     * \( \hat μ = x_0'\hat β + \sum_f \hat u_{f,l_f} \) adds the named levels' effects (their BLUPs), and its
     * standard error is the prediction error of \( x_0'β + \sum_f u_{f,l_f} \) (Henderson 1975): with
     * \( g = \sum_f σ_f^2 z_{f,l_f} \), \( B = (X'V^{-1}X)^{-1} \) and
     * \( P = V^{-1} - V^{-1}XBX'V^{-1} \),
     * \[ \mathrm{se}^2 = x_0'Bx_0 + \sum_f σ_f^2 - g'Pg - 2x_0'BX'V^{-1}g. \]
     * The confidence interval is \( \hat μ \pm z\,\mathrm{se} \), the mean of figures at those levels; the
     * prediction interval, for a figure of a new study, adds the clusters' and the estimates' variances and the
     * variance of every factor at a level the data lack: \( \hat μ \pm z\sqrt{\mathrm{se}^2 + σ_c^2 + σ_e^2
     * + \sum_{f\ \mathrm{new}} σ_f^2} \).
     *
     * <p>A factor the map does not name, or names at a level the data lack (a country with no figure), is at a new
     * level: no effect of its own, its whole variance in the prediction interval. With no factor named this is
     * {@link #predict(double...)}, metafor's {@code predict(res, newmods)}. A factor mapped to {@code null} does not
     * apply to the new figure (as a {@code null} level of {@link CrossedFactor}): neither effect nor variance.
     *
     * @param levels each named crossed factor's level
     * @param newmods the moderators' values, in the design's order, without the intercept
     * @return the fitted value with its confidence and prediction intervals
     * @throws NullPointerException if {@code levels}, one of its keys or {@code newmods} is null
     * @throws IllegalArgumentException if a key is not a crossed factor of the fit, or the values are not as many as
     *         the moderator columns
     * @since 0.2
     */
    public Prediction predict(Map<String, String> levels, double... newmods) {
        Objects.requireNonNull(levels, "levels");
        double[] row = Prediction.row(moderators, newmods);
        int factors = fit.factors();
        int[] code = new int[factors];
        boolean[] known = new boolean[factors];
        boolean[] applies = new boolean[factors];
        java.util.Arrays.fill(applies, true);
        for (Map.Entry<String, String> entry : levels.entrySet()) {
            int f = factorIndex(entry.getKey());
            String level = entry.getValue();
            if (level == null) {
                applies[f] = false;
            } else {
                int l = fit.levelNames.get(f).indexOf(level);
                known[f] = l >= 0;
                code[f] = l;
            }
        }
        double extra = fit.sigma2Cluster + fit.sigma2Estimate;
        for (int f = 0; f < factors; f++) {
            if (!known[f]) {
                // CrossedFit's -2: no effect and no variance in the mean's error; a new level's goes to the interval.
                code[f] = -2;
                extra += applies[f] ? fit.sigma2[f] : 0;
            }
        }
        double[] predicted = fit.fit.predict(row, code);
        double mean = predicted[0];
        double variance = Math.max(0, predicted[1]);
        double z = Distributions.z(options.level());
        double se = Math.sqrt(variance);
        double wide = z * Math.sqrt(variance + extra);
        return new Prediction(se, new Interval(mean, mean - z * se, mean + z * se, options.level()),
                new Interval(mean, mean - wide, mean + wide, options.level()));
    }

    /**
     * The time at which the fitted logit line for a moderator row reaches a share: \( t^* \) with
     * \( x(t^*)'\hat β = \operatorname{logit} L \), its delta-method standard error and Wald interval (see
     * {@link YearReached} for the formula). The row is given as {@link #predict(double...)} takes it, every moderator
     * column's value; the time column's own value is not used, the line running over all times.
     *
     * @param share the share L, in (0, 1)
     * @param time the name of the numeric time moderator, such as {@code year}
     * @param newmods the moderators' values, in the design's order, without the intercept
     * @return the time, in the time moderator's units, with its standard error and interval
     * @throws NullPointerException if {@code time} or {@code newmods} is null
     * @throws IllegalArgumentException if the share is not in (0, 1), no moderator column is named {@code time}, or
     *         the values are not as many as the moderator columns
     * @throws IllegalStateException if the fit is on another measure than the logit (effect sizes given without a
     *         measure are taken as logits), or its slope in time is 0
     * @since 0.2
     */
    public YearReached yearReached(double share, String time, double... newmods) {
        return YearReached.of(moderators, studies.measure(), fit.beta, fit.vb, share, time, newmods,
                Distributions.z(options.level()), options.level());
    }

    /**
     * Each estimate's standardised residual, metafor's {@code rstandard(res)$z} for {@code rma.mv}:
     * \( e_i/\sqrt{(V - XV_βX')_{ii}} \), the residual over its standard deviation under the model; a figure
     * beyond ±2 or ±3 stands out. NaN, as in metafor, for an estimate that alone fixes a coefficient: its residual
     * is 0 and has no variance.
     *
     * @return the residuals, in the estimates' order
     */
    public double[] standardisedResiduals() {
        return fit.fit.standardisedResiduals();
    }

    /**
     * The clusters' own effects, the best linear unbiased predictions \( \hat u_c = σ_c^2\,1_c'V^{-1}(y - X\hat β) \),
     * metafor's {@code ranef(res)} for the cluster level: how far a study stands above or below what its figures'
     * moderators (and crossed factors) predict.
     *
     * @return one effect per cluster, in the order of {@link #clusterNames()}
     */
    public double[] clusterEffects() {
        return fit.fit.studyEffects();
    }

    /**
     * The estimates' own effects within their cluster, \( \hat w_i = σ_e^2\,(V^{-1}(y - X\hat β))_i \), metafor's
     * {@code ranef(res)} for the estimate level.
     *
     * @return one effect per estimate
     */
    public double[] estimateEffects() {
        return fit.fit.estimateEffects();
    }

    /**
     * The standard errors of {@link #clusterEffects()}, metafor's {@code ranef(res)$cluster$se}: each the
     * prediction error of its cluster's effect, {@link #predictionError} of that one effect.
     *
     * @return one per cluster, in the order of {@link #clusterNames()}
     */
    public double[] clusterEffectStandardErrors() {
        int clusters = clusters();
        double[] se = new double[clusters];
        for (int c = 0; c < clusters; c++) {
            double[] g = new double[clusters];
            g[c] = 1;
            se[c] = Math.sqrt(Math.max(0, fit.fit.predictionError(null, g, null, null)));
        }
        return se;
    }

    /**
     * The standard errors of {@link #estimateEffects()}, metafor's {@code ranef(res)$`cluster/estimate`$se}.
     *
     * @return one per estimate
     */
    public double[] estimateEffectStandardErrors() {
        double[] se = new double[fit.k];
        for (int i = 0; i < fit.k; i++) {
            double[] g = new double[fit.k];
            g[i] = 1;
            se[i] = Math.sqrt(Math.max(0, fit.fit.predictionError(null, null, g, null)));
        }
        return se;
    }

    /**
     * The prediction error of a linear combination of the model's random parts — the clusters' effects u, the
     * estimates' own effects w and their sampling errors e — predicted by their best linear unbiased predictions
     * (the sampling errors' being what is left of the residuals). With \( (u, w, e) \) of covariance
     * \( D = \operatorname{diag}(σ_c^2 I, σ_e^2 I, V_ε) \), \( y = Xβ + Zu + w + e \) (plus the crossed factors'
     * effects, weighted 0 here) and \( P = V^{-1} - V^{-1}X(X'V^{-1}X)^{-1}X'V^{-1} \), the prediction errors have
     * covariance \( D - DZ_*'PZ_*D \), \( Z_* = [Z\ I\ I] \) (Henderson 1975; the β's estimation included, as in
     * metafor's {@code ranef}, whatever the method): the result is \( \sqrt{g'Dg - h'Ph} \), \( h = Z_*Dg \).
     *
     * <p>Reference: Henderson, C. R. (1975). Best linear unbiased estimation and prediction under a selection
     * model. <i>Biometrics</i> 31, 423–447. doi:10.2307/2529430
     *
     * @param clusterWeights one weight per cluster
     * @param estimateWeights one weight per estimate's own effect
     * @param samplingWeights one weight per estimate's sampling error
     * @return the standard error of the combination's prediction
     * @throws IllegalArgumentException if a length is not the number of clusters or estimates
     */
    public double predictionError(double[] clusterWeights, double[] estimateWeights, double[] samplingWeights) {
        requireLength(clusterWeights, clusters(), "clusterWeights", "cluster");
        requireLength(estimateWeights, fit.k, "estimateWeights", "estimate");
        requireLength(samplingWeights, fit.k, "samplingWeights", "estimate");
        // An exact zero (a figure against itself) can come out a rounding below it.
        return Math.sqrt(Math.max(0, fit.fit.predictionError(null, clusterWeights, estimateWeights, samplingWeights)));
    }

    private static void requireLength(double[] weights, int length, String name, String per) {
        Objects.requireNonNull(weights, name);
        if (weights.length != length) {
            throw new IllegalArgumentException("Expected " + length + " " + name + ", one per " + per + ": "
                    + weights.length);
        }
    }

    /**
     * The covariance of the coefficients, metafor's {@code vcov(res)} on an {@code rma.mv} fit.
     *
     * @return a copy, p × p
     */
    @Override
    public double[][] covariance() {
        return Matrices.copy(fit.vb);
    }

    /**
     * The variance of a linear combination of the coefficients, \( g'V_βg \).
     *
     * @param g the combination, one weight per coefficient
     * @return its variance
     * @throws IllegalArgumentException if {@code g} does not have one weight per coefficient
     */
    public double covariance(double[] g) {
        Objects.requireNonNull(g, "g");
        if (g.length != fit.p) {
            throw new IllegalArgumentException("Expected " + fit.p + " weights, one per coefficient: " + g.length);
        }
        return Model.quadratic(fit.vb, g, g);
    }

    @Override
    public Optional<Pooled> pooled() {
        if (!(fit.p == 1 && moderators.hasIntercept())) {
            return Optional.empty();
        }
        Coefficient c = coefficients().get(0);
        double z = Distributions.z(options.level());
        double half = z * Math.sqrt(c.standardError() * c.standardError() + tau2());
        Interval ci = new Interval(c.estimate(), c.lower(), c.upper(), options.level());
        Interval pi = new Interval(c.estimate(), c.estimate() - half, c.estimate() + half, options.level());
        return Optional.of(new Pooled(ci, pi, studies.measure().map(m -> {
            double n = studies.harmonicMeanN();
            return new MetaResult.BackTransformed(m, back(m, ci, n), back(m, pi, n));
        })));
    }

    private static Interval back(ProportionMeasure m, Interval i, double n) {
        return new Interval(m.backTransform(i.estimate(), n), m.backTransform(i.lower(), n), m.backTransform(i.upper(), n),
                i.level());
    }

    /**
     * The log-likelihood and the criteria built on it, as metafor's {@code fitstats}: the parameters are the
     * coefficients and every variance component of {@link #sigma2()}; the likelihood the fit did not maximise (ML of a
     * REML fit, or REML of an ML fit) is evaluated at its variance components.
     *
     * @param restricted true for the restricted (REML) likelihood, false for the full (ML) one
     * @return the statistics
     */
    @Override
    public FitStatistics fitStatistics(boolean restricted) {
        double ll = restricted == fit.restricted ? fit.fit.logLikelihood()
                : CrossedFit.logLikelihood(fit.data, restricted, fit.sigma2);
        int parameters = fit.p + fit.sigma2.length;
        double n = restricted ? fit.k - fit.p : fit.k;
        double saturated = 0;
        for (double vi : fit.data.v()) {
            saturated += -0.5 * Math.log(2 * Math.PI * vi);
        }
        double deviance = restricted ? -2 * ll : -2 * (ll - saturated);
        double m = Math.max(n, parameters + 2);
        return new FitStatistics(restricted, ll, deviance, -2 * ll + 2 * parameters, -2 * ll + parameters * Math.log(n),
                -2 * ll + 2 * parameters * m / (m - parameters - 1));
    }

    /**
     * Cluster-robust inference with metafor's default small-sample adjustment, {@link RobustVariance#CR1}:
     * {@code robust(res, cluster)}, as {@link #robust(String[], RobustVariance)} with CR1.
     *
     * @param cluster each estimate's cluster for the sandwich, such as its study
     * @return the coefficients with robust standard errors and t tests, and the moderators' F test
     * @throws NullPointerException if {@code cluster} or one of its labels is null
     * @throws IllegalArgumentException if the clusters are not as many as the estimates, or no more than the
     *         coefficients
     */
    public Robust robust(String[] cluster) {
        return robust(cluster, RobustVariance.CR1);
    }

    /**
     * Cluster-robust inference: the sandwich
     * \[ V^{CR} = V_β\Big(\sum_j X_j'W_jA_je_je_j'A_j'W_jX_j\Big)V_β, \quad V_β = (X'WX)^{-1},\ W = V^{-1}, \]
     * over the clusters j, with the adjustment \( A_j \) of {@code variance}: for {@link RobustVariance#CR1}
     * metafor's {@code robust(res, cluster, adjust = TRUE)}, \( \frac{n}{n-p} \) times the plain sandwich and t
     * tests on \( n - p \) degrees of freedom (n clusters, p coefficients), with the moderators' F test
     * \( \hat β_m'(V^{CR}_{mm})^{-1}\hat β_m/m \) on \( (m, n - p) \); for {@link RobustVariance#CR2} clubSandwich's
     * {@code coef_test(res, vcov = "CR2", cluster)}: the bias-reduced linearisation and each coefficient's t test on
     * its Satterthwaite degrees of freedom, intervals on the same t.
     *
     * <p>Designs with many dummy columns and few clusters (the adoption model's) are handled rather than refused:
     * a column whose non-zero values all lie in one cluster is listed by {@link Robust#singleClusterCoefficients()}
     * (its score sums to zero in that cluster, so the sandwich's meat is singular and, under CR2, so is
     * \( I - H_{jj} \), which the generalised inverse square root takes care of; its CR2 degrees of freedom
     * collapse towards 1, its CR1 ones do not show it). When the robust covariance of the moderators is
     * singular (its smallest eigenvalue, as correlations, below \( 10^{-10} \) of the largest), the F test is
     * undefined and left empty, where metafor reports {@code QM = NA}; under CR2 there is no F test (clubSandwich's
     * Hotelling approximation is not implemented).
     *
     * <p>CR2 takes the model's covariance block by block, so it needs every random effect of the model nested in
     * the robust clusters — each of the model's clusters, and each level of every crossed factor, within one robust
     * cluster — and is refused otherwise, as clubSandwich's {@code vcovCR} refuses ("Random effects are not nested
     * within clustering variable"): a country crossed with studies that span several countries leaves CR1 only.
     *
     * <p>References: Hedges, L. V., Tipton, E. and Johnson, M. C. (2010). Robust variance estimation in
     * meta-regression with dependent effect size estimates. <i>Research Synthesis Methods</i> 1, 39–65.
     * doi:10.1002/jrsm.5; Pustejovsky, J. E. and Tipton, E. (2018). Small-sample methods for cluster-robust
     * variance estimation and hypothesis testing in fixed effects models. <i>Journal of Business and Economic
     * Statistics</i> 36, 672–683. doi:10.1080/07350015.2016.1247004
     *
     * @param cluster each estimate's cluster for the sandwich, such as its study
     * @param variance the small-sample correction
     * @return the coefficients with robust standard errors, t tests and intervals
     * @throws NullPointerException if an argument or a cluster label is null
     * @throws IllegalArgumentException if the clusters are not as many as the estimates, or no more than the
     *         coefficients, or (CR2) the model's own clusters or a crossed factor's levels are not nested in them
     * @since 0.2
     */
    public Robust robust(String[] cluster, RobustVariance variance) {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(variance, "variance");
        if (cluster.length != fit.k) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "There are %d clusters for %d estimates",
                    cluster.length, fit.k));
        }
        for (int i = 0; i < cluster.length; i++) {
            Objects.requireNonNull(cluster[i], "cluster[" + i + "]");
        }
        List<String> names = new ArrayList<>();
        int[] code = CrossedFit.code(cluster, names);
        int n = names.size();
        int p = fit.p;
        int dfs = n - p;
        if (dfs <= 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "Robust inference needs more clusters (%d)"
                    + " than coefficients (%d)", n, p));
        }
        int[][] members = new int[n][];
        int[] sizes = new int[n];
        for (int c : code) {
            sizes[c]++;
        }
        for (int c = 0; c < n; c++) {
            members[c] = new int[sizes[c]];
            sizes[c] = 0;
        }
        for (int i = 0; i < fit.k; i++) {
            members[code[i]][sizes[code[i]]++] = i;
        }
        double[] df = new double[p];
        double[][] vr;
        if (variance == RobustVariance.CR1) {
            vr = fit.fit.robustCovariance(code, n);
            java.util.Arrays.fill(df, dfs);
        } else {
            requireNested(code, names);
            vr = cr2(members, df);
        }
        List<Coefficient> coefficients = new ArrayList<>(p);
        List<String> labels = moderators.names();
        for (int a = 0; a < p; a++) {
            double se = Math.sqrt(vr[a][a]);
            double statistic = fit.beta[a] / se;
            double t = Distributions.t(options.level(), df[a]);
            coefficients.add(new Coefficient(labels.get(a), fit.beta[a], se, statistic,
                    Distributions.tTwoSided(statistic, df[a]), fit.beta[a] - t * se, fit.beta[a] + t * se));
        }
        int first = moderators.hasIntercept() ? 1 : 0;
        int m = p - first;
        Optional<TestResult> qm = Optional.empty();
        if (m > 0 && variance == RobustVariance.CR1 && !singular(vr, first)) {
            double f = wald(vr, first) / m;
            qm = Optional.of(TestResult.f("Test of moderators (cluster-robust)", f, m, dfs,
                    Distributions.fUpperTail(f, m, dfs)));
        }
        List<String> single = new ArrayList<>();
        for (int a = 0; a < p; a++) {
            int carrier = -1;
            boolean one = true;
            for (int i = 0; i < fit.k && one; i++) {
                if (fit.data.x()[i][a] != 0) {
                    one = carrier < 0 || carrier == code[i];
                    carrier = code[i];
                }
            }
            if (one && carrier >= 0) {
                single.add(labels.get(a));
            }
        }
        return new Robust(variance, coefficients, df, vr, n, qm, single);
    }

    /**
     * clubSandwich's CR2 for an {@code rma.mv} fit (its inverse-variance branch: the target is the model's own
     * \( Φ = V \), block by robust cluster), and into {@code df} each coefficient's Satterthwaite degrees of freedom.
     */
    private double[][] cr2(int[][] members, double[] df) {
        int p = fit.p;
        CrossedFit.Data data = fit.data;
        double[][] xAll = data.x();
        int n = members.length;
        RealMatrix vb = new Array2DRowRealMatrix(fit.vb, true);
        double[][][] fj = new double[n][][];
        double[][][] theta = new double[n][][];
        double[][] vr = new double[p][p];
        for (int j = 0; j < n; j++) {
            int[] rows = members[j];
            int size = rows.length;
            double[][] t = new double[size][size];
            double[][] xj = new double[size][];
            double[] e = new double[size];
            for (int a = 0; a < size; a++) {
                xj[a] = xAll[rows[a]];
                e[a] = fit.residuals[rows[a]];
                for (int b = 0; b < size; b++) {
                    t[a][b] = (a == b ? data.v()[rows[a]] + fit.sigma2Estimate : 0)
                            + (data.study()[rows[a]] == data.study()[rows[b]] ? fit.sigma2Cluster : 0);
                    for (int f = 0; f < fit.factors(); f++) {
                        int level = data.crossed()[f][rows[a]];
                        t[a][b] += level >= 0 && level == data.crossed()[f][rows[b]] ? fit.sigma2[f] : 0;
                    }
                }
            }
            theta[j] = t;
            RealMatrix phi = new Array2DRowRealMatrix(t, true);
            CholeskyDecomposition chol = new CholeskyDecomposition(phi, 1e-12, 0);
            RealMatrix lower = chol.getL();
            RealMatrix upper = chol.getLT();
            RealMatrix w = chol.getSolver().getInverse();
            RealMatrix x = new Array2DRowRealMatrix(xj, true);
            RealMatrix b = upper.multiply(phi.subtract(x.multiply(vb).multiply(x.transpose()))).multiply(lower);
            RealMatrix half = inverseSquareRoot(b.add(b.transpose()).scalarMultiply(0.5));
            RealMatrix adjustment = lower.multiply(half).multiply(upper);
            RealMatrix f = vb.multiply(x.transpose()).multiply(w).multiply(adjustment);
            fj[j] = f.getData();
            double[] g = f.operate(e);
            for (int a = 0; a < p; a++) {
                for (int c = 0; c < p; c++) {
                    vr[a][c] += g[a] * g[c];
                }
            }
        }
        for (int i = 0; i < p; i++) {
            double[] diagonal = new double[n];
            double[][] q = new double[n][p];
            double[][] vq = new double[n][];
            for (int j = 0; j < n; j++) {
                double[] h = fj[j][i];
                diagonal[j] = Model.quadratic(theta[j], h, h);
                int[] rows = members[j];
                for (int a = 0; a < rows.length; a++) {
                    double[] row = xAll[rows[a]];
                    for (int c = 0; c < p; c++) {
                        q[j][c] += row[c] * h[a];
                    }
                }
                vq[j] = vb.operate(q[j]);
            }
            double trace = 0;
            double squares = 0;
            for (int j = 0; j < n; j++) {
                for (int l = 0; l < n; l++) {
                    double pjl = (j == l ? diagonal[j] : 0) - Model.dot(q[j], vq[l]);
                    squares += pjl * pjl;
                    if (j == l) {
                        trace += pjl;
                    }
                }
            }
            df[i] = trace * trace / squares;
        }
        return vr;
    }

    /** \( B^{+1/2} \): the symmetric inverse square root over the eigenvalues above 1e-12, clubSandwich's matrix_power. */
    private static RealMatrix inverseSquareRoot(RealMatrix b) {
        EigenDecomposition eigen = new EigenDecomposition(b);
        int size = b.getRowDimension();
        double[][] out = new double[size][size];
        for (int e = 0; e < size; e++) {
            double lambda = eigen.getRealEigenvalue(e);
            if (lambda > 1e-12) {
                double[] vector = eigen.getEigenvector(e).toArray();
                double scale = 1 / Math.sqrt(lambda);
                for (int a = 0; a < size; a++) {
                    for (int c = 0; c < size; c++) {
                        out[a][c] += scale * vector[a] * vector[c];
                    }
                }
            }
        }
        return new Array2DRowRealMatrix(out, false);
    }

    /**
     * CR2 takes the model's covariance block by block: each of the model's clusters, and each level of every crossed
     * factor, must lie in one robust cluster.
     */
    private void requireNested(int[] code, List<String> names) {
        CrossedFit.Data data = fit.data;
        int[] robustOf = new int[clusters()];
        java.util.Arrays.fill(robustOf, -1);
        for (int i = 0; i < fit.k; i++) {
            int c = data.study()[i];
            if (robustOf[c] >= 0 && robustOf[c] != code[i]) {
                throw new IllegalArgumentException("The model's cluster " + fit.clusterNames.get(c) + " lies in two"
                        + " robust clusters, " + names.get(robustOf[c]) + " and " + names.get(code[i]) + "; CR2 needs"
                        + " the model's clusters nested in the robust ones");
            }
            robustOf[c] = code[i];
        }
        for (int f = 0; f < fit.factors(); f++) {
            int[] of = new int[data.levels()[f]];
            java.util.Arrays.fill(of, -1);
            for (int i = 0; i < fit.k; i++) {
                int l = data.crossed()[f][i];
                if (l >= 0 && of[l] >= 0 && of[l] != code[i]) {
                    throw new IllegalArgumentException("Level " + fit.levelNames.get(f).get(l) + " of the crossed"
                            + " factor " + fit.factorNames.get(f) + " lies in two robust clusters, " + names.get(of[l])
                            + " and " + names.get(code[i]) + "; CR2 needs every random effect nested in the robust"
                            + " clusters (a crossed factor's covariance is not block-diagonal by cluster): use CR1");
                }
                if (l >= 0) {
                    of[l] = code[i];
                }
            }
        }
    }

    /** Whether the moderators' block of a covariance is singular: its correlations' eigenvalues spread beyond 1e10. */
    private static boolean singular(double[][] covariance, int first) {
        int m = covariance.length - first;
        double[][] correlation = new double[m][m];
        for (int a = 0; a < m; a++) {
            for (int c = 0; c < m; c++) {
                double scale = Math.sqrt(covariance[first + a][first + a] * covariance[first + c][first + c]);
                if (!(scale > 0)) {
                    return true;
                }
                correlation[a][c] = covariance[first + a][first + c] / scale;
            }
        }
        double[] values = new EigenDecomposition(new Array2DRowRealMatrix(correlation, false)).getRealEigenvalues();
        double largest = java.util.Arrays.stream(values).max().orElse(0);
        double smallest = java.util.Arrays.stream(values).min().orElse(0);
        return !(smallest > 1e-10 * largest);
    }

    /**
     * Cluster-robust coefficients and tests: the result of {@link #robust(String[], RobustVariance)}. Immutable.
     *
     * @since 0.1
     */
    public static final class Robust {

        private final RobustVariance variance;
        private final List<Coefficient> coefficients;
        private final double[] degreesOfFreedom;
        private final double[][] covariance;
        private final int clusters;
        private final Optional<TestResult> moderatorTest;
        private final List<String> singleCluster;

        Robust(RobustVariance variance, List<Coefficient> coefficients, double[] degreesOfFreedom,
                double[][] covariance, int clusters, Optional<TestResult> moderatorTest, List<String> singleCluster) {
            this.variance = variance;
            this.coefficients = List.copyOf(coefficients);
            this.degreesOfFreedom = degreesOfFreedom.clone();
            this.covariance = covariance;
            this.clusters = clusters;
            this.moderatorTest = moderatorTest;
            this.singleCluster = List.copyOf(singleCluster);
        }

        /**
         * The small-sample correction.
         *
         * @return CR1 or CR2
         * @since 0.2
         */
        public RobustVariance variance() {
            return variance;
        }

        /**
         * The coefficients with robust standard errors, t statistics, p-values and intervals, in the design's order.
         *
         * @return the coefficients
         */
        public List<Coefficient> coefficients() {
            return coefficients;
        }

        /**
         * A coefficient's t degrees of freedom: clusters less coefficients under CR1, Satterthwaite's under CR2.
         *
         * @param j the coefficient's position in {@link #coefficients()}
         * @return its degrees of freedom
         * @throws IndexOutOfBoundsException if there is no such coefficient
         * @since 0.2
         */
        public double degreesOfFreedom(int j) {
            return degreesOfFreedom[java.util.Objects.checkIndex(j, degreesOfFreedom.length)];
        }

        /**
         * The robust covariance of the coefficients, metafor's {@code vcov} of the robust fit (clubSandwich's
         * {@code vcovCR} under CR2).
         *
         * @return a copy, p × p
         * @since 0.2
         */
        public double[][] covariance() {
            return Matrices.copy(covariance);
        }

        /**
         * The number of clusters.
         *
         * @return n
         */
        public int clusters() {
            return clusters;
        }

        /**
         * The moderators' robust F test on \( (m, n - p) \) degrees of freedom.
         *
         * @return the test; empty without moderators, under CR2, and when the moderators' robust covariance is
         *         singular (metafor's {@code QM = NA})
         */
        public Optional<TestResult> moderatorTest() {
            return moderatorTest;
        }

        /**
         * The coefficients whose column is non-zero in one cluster only: the sandwich has no information about
         * them beyond that cluster, and their robust tests are not to be trusted (under CR2 their degrees of
         * freedom fall towards 1 or below).
         *
         * @return their names, in the design's order; empty when every column spans two clusters or more
         * @since 0.2
         */
        public List<String> singleClusterCoefficients() {
            return singleCluster;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "Robust[%s, %d clusters, %d coefficients%s]", variance, clusters,
                    coefficients.size(), singleCluster.isEmpty() ? "" : ", carried by one cluster: " + singleCluster);
        }
    }

    /**
     * The model as metafor's {@code print.rma.mv} prints it, line for line: the model, k and the method; the
     * variance components, one row each in metafor's order with its estimate, square root, number of levels, whether
     * it was fixed (never, here) and its factor (a crossed factor's name, then {@code cluster} and
     * {@code cluster/estimate}); the heterogeneity test, the moderators' test, the coefficients rounded to four
     * decimals with significance stars, and the stars' legend.
     *
     * @return the text, lines separated by {@code \n}
     */
    @Override
    public String summary() {
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("Multivariate Meta-Analysis Model (k = " + fit.k + "; method: " + estimator().name() + ")");
        lines.add("");
        lines.add("Variance Components:");
        lines.add("");
        List<String> names = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        List<String> factors = new ArrayList<>(fit.factorNames);
        factors.addAll(List.of("cluster", "cluster/estimate"));
        for (int j = 0; j < fit.sigma2.length; j++) {
            int levels = j < fit.factors() ? fit.levelNames.get(j).size() : j == fit.factors() ? clusters() : fit.k;
            names.add("sigma^2." + (j + 1));
            rows.add(List.of(Formats.fixed(fit.sigma2[j], 4), Formats.fixed(Math.sqrt(fit.sigma2[j]), 4),
                    Integer.toString(levels), "no", factors.get(j)));
        }
        lines.addAll(MetaforLayout.table(names, List.of("estim", "sqrt", "nlvls", "fixed", "factor"), rows));
        lines.add("");
        MetaforLayout.results(lines, heterogeneity, fit.p == 1 && moderators.hasIntercept(), moderatorTest(),
                coefficients(), moderators, OptionalDouble.empty());
        return String.join("\n", lines);
    }

    /**
     * The clusters' names, in order of first appearance.
     *
     * @return the names
     */
    public List<String> clusterNames() {
        return fit.clusterNames;
    }
}
