package org.smesurvey.stats.meta;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.smesurvey.stats.internal.Checks;

/**
 * Pools effect sizes with an equal-effects or random-effects model, as metafor 3.8's {@code rma.uni} does,
 * and agrees with it (the tests compare every measure and estimator with metafor on its own data sets).
 *
 * <p>The model is \( y_i = x_i'β + u_i + ε_i \) with \( u_i \sim N(0, τ^2) \) and \( ε_i \sim N(0, v_i) \);
 * \( β \) is estimated by weighted least squares with weights \( 1/(v_i + \hat τ^2) \), \( τ^2 \) by the
 * chosen {@link Tau2Estimator}. With {@linkplain #withKnappHartung(boolean) Knapp–Hartung}, the covariance of
 * \( \hat β \) is multiplied by \( s^2 = \sum w_i e_i^2/(k - p) \) (not truncated at 1, as metafor's
 * {@code test = "knha"}) and tests use t with \( k - p \) degrees of freedom.
 *
 * <p>Iterative estimators converge tighter than metafor's defaults (its Fisher scoring stops when \( τ^2 \)
 * changes by less than 1e-5): here iterations stop when it changes by less than
 * {@linkplain #withTolerance(double) the tolerance} (1e-12 by default) times \( \max(1, τ^2) \), and fail with
 * a clear message after {@linkplain #withMaxIterations(int) the maximum} (1,000 by default); the Paule–Mandel
 * and Q-profile roots are solved to full precision.
 *
 * <p>References:
 * <ol>
 * <li>Viechtbauer, W. (2010). Conducting meta-analyses in R with the metafor package. <i>Journal of
 *     Statistical Software</i> 36(3), 1–48. doi:10.18637/jss.v036.i03</li>
 * <li>Knapp, G. and Hartung, J. (2003). Improved tests for a random effects meta-regression with a single
 *     covariate. <i>Statistics in Medicine</i> 22, 2693–2710.</li>
 * <li>Higgins, J. P. T. and Thompson, S. G. (2002). Quantifying heterogeneity in a meta-analysis.
 *     <i>Statistics in Medicine</i> 21, 1539–1558 (I², H²).</li>
 * <li>Viechtbauer, W. (2007). Confidence intervals for the amount of heterogeneity in meta-analysis.
 *     <i>Statistics in Medicine</i> 26, 37–52 (Q-profile).</li>
 * </ol>
 *
 * <p>Instances are immutable; {@link #withDefaults()} is REML with z tests at 95 %.
 *
 * @since 0.1
 */
public final class MetaAnalysis {

    private static final MetaAnalysis DEFAULTS = new MetaAnalysis(Tau2Estimator.REML, false, 0.95, 1e-12, 1000);

    private final Tau2Estimator estimator;
    private final boolean knappHartung;
    private final double level;
    private final double tolerance;
    private final int maxIterations;

    private MetaAnalysis(Tau2Estimator estimator, boolean knappHartung, double level, double tolerance,
            int maxIterations) {
        this.estimator = estimator;
        this.knappHartung = knappHartung;
        this.level = level;
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
    }

    /**
     * REML, z tests, 95 % intervals.
     *
     * @return the default analysis
     */
    public static MetaAnalysis withDefaults() {
        return DEFAULTS;
    }

    /**
     * An analysis with this estimator of \( τ^2 \); {@link Tau2Estimator#EE} for an equal-effects model.
     *
     * @param estimator the estimator
     * @return a new analysis
     */
    public MetaAnalysis withEstimator(Tau2Estimator estimator) {
        return new MetaAnalysis(Objects.requireNonNull(estimator, "estimator"), knappHartung, level, tolerance,
                maxIterations);
    }

    /**
     * An analysis with or without the Knapp–Hartung adjustment.
     *
     * @param knappHartung whether to use it
     * @return a new analysis
     */
    public MetaAnalysis withKnappHartung(boolean knappHartung) {
        return new MetaAnalysis(estimator, knappHartung, level, tolerance, maxIterations);
    }

    /**
     * An analysis at this confidence level.
     *
     * @param level the level, in (0, 1)
     * @return a new analysis
     * @throws IllegalArgumentException if the level is not in (0, 1)
     */
    public MetaAnalysis withLevel(double level) {
        return new MetaAnalysis(estimator, knappHartung, Checks.requireLevel(level), tolerance, maxIterations);
    }

    /**
     * An analysis whose iterations stop when \( τ^2 \) changes by less than {@code tolerance} × max(1, τ²).
     *
     * @param tolerance the tolerance, in (0, 1)
     * @return a new analysis
     * @throws IllegalArgumentException if the tolerance is not in (0, 1)
     */
    public MetaAnalysis withTolerance(double tolerance) {
        return new MetaAnalysis(estimator, knappHartung, level, Checks.requireOpenUnit(tolerance, "tolerance"),
                maxIterations);
    }

    /**
     * An analysis that gives up after this many iterations.
     *
     * @param maxIterations the maximum, positive
     * @return a new analysis
     * @throws IllegalArgumentException if it is not positive
     */
    public MetaAnalysis withMaxIterations(int maxIterations) {
        if (maxIterations <= 0) {
            throw new IllegalArgumentException("Maximum number of iterations is not positive: " + maxIterations);
        }
        return new MetaAnalysis(estimator, knappHartung, level, tolerance, maxIterations);
    }

    /**
     * The estimator of \( τ^2 \).
     *
     * @return the estimator
     */
    public Tau2Estimator estimator() {
        return estimator;
    }

    /**
     * Whether the Knapp–Hartung adjustment is used.
     *
     * @return {@code true} if it is
     */
    public boolean knappHartung() {
        return knappHartung;
    }

    /**
     * The confidence level.
     *
     * @return the level
     */
    public double level() {
        return level;
    }

    /**
     * The convergence tolerance of iterative estimators.
     *
     * @return the tolerance
     */
    public double tolerance() {
        return tolerance;
    }

    /**
     * The maximum number of iterations.
     *
     * @return the maximum
     */
    public int maxIterations() {
        return maxIterations;
    }

    /**
     * Pools the studies: metafor's {@code rma(yi, vi, method = ...)}.
     *
     * @param studies the effect sizes
     * @return the pooled estimate, heterogeneity statistics and prediction interval
     * @throws IllegalArgumentException if Knapp–Hartung is asked for a single study
     * @throws IllegalStateException if an iterative estimator does not converge
     */
    public MetaResult fit(EffectSizes studies) {
        return new MetaResult(new Fitted(this, studies, Moderators.interceptOnly(studies.size()), true));
    }

    /**
     * A three-level model of estimates nested in clusters (several figures from one study): metafor's
     * {@code rma.mv(yi, vi, random = ~ 1 | cluster/estimate, method)}, REML unless {@link Tau2Estimator#ML} is
     * chosen.
     *
     * @param studies the estimates
     * @param clusters each estimate's cluster, such as its study
     * @return the fit
     * @throws IllegalArgumentException if the estimator is neither REML nor ML, Knapp–Hartung is asked for, or the
     *         clusters are not as many as the estimates
     * @throws IllegalStateException if the estimates do not converge
     */
    public MultilevelResult multilevel(EffectSizes studies, String[] clusters) {
        Objects.requireNonNull(studies, "studies");
        return multilevel(studies, clusters, Moderators.interceptOnly(studies.size()));
    }

    /**
     * A three-level meta-regression: metafor's {@code rma.mv(yi, vi, mods, random = ~ 1 | cluster/estimate,
     * method)}.
     *
     * @param studies the estimates
     * @param clusters each estimate's cluster, such as its study
     * @param moderators the design, one row per estimate
     * @return the fit
     * @throws IllegalArgumentException if the estimator is neither REML nor ML, Knapp–Hartung is asked for, the
     *         clusters or the design do not match the estimates, or the design is not of full rank
     * @throws IllegalStateException if the estimates do not converge
     */
    public MultilevelResult multilevel(EffectSizes studies, String[] clusters, Moderators moderators) {
        return multilevel(studies, clusters, moderators, new CrossedFactor[0]);
    }

    /**
     * A multilevel model with random intercepts crossed with the clusters, without moderators: metafor's
     * {@code rma.mv(yi, vi, random = list(~ 1 | country, ~ 1 | cluster/estimate), method)}; see
     * {@link #multilevel(EffectSizes, String[], Moderators, CrossedFactor...)}.
     *
     * @param studies the estimates
     * @param clusters each estimate's cluster, such as its study
     * @param crossed the crossed factors, such as the country, each with one level per estimate
     * @return the fit
     * @throws NullPointerException if an argument, a factor or a cluster label is null
     * @throws IllegalArgumentException as {@link #multilevel(EffectSizes, String[], Moderators, CrossedFactor...)}
     * @throws IllegalStateException if the estimates do not converge
     * @since 0.2
     */
    public MultilevelResult multilevel(EffectSizes studies, String[] clusters, CrossedFactor... crossed) {
        Objects.requireNonNull(studies, "studies");
        return multilevel(studies, clusters, Moderators.interceptOnly(studies.size()), crossed);
    }

    /**
     * A multilevel meta-regression with random intercepts crossed with the clusters, as metafor users write
     * {@code rma.mv(yi, vi, mods, random = list(~ 1 | country, ~ 1 | study/figure), method)}: the estimates
     * (figures) nested in clusters (studies), and each crossed factor (a country, a sector) a random intercept whose
     * levels cut across the clusters — a study may span several countries, a country holds several studies. The
     * variance components are metafor's {@code sigma2} in that order: each crossed factor's as given, the clusters',
     * the estimates' own ({@link MultilevelResult#sigma2()}). With no crossed factor this is
     * {@link #multilevel(EffectSizes, String[], Moderators)}.
     *
     * <p>The variances maximise the restricted likelihood (or the full one, with {@link Tau2Estimator#ML}) by the
     * average-information algorithm (Gilmour, Thompson &amp; Cullis 1995), started at a quarter of the estimates'
     * variance each and stopped when no variance changes by more than {@linkplain #withTolerance(double) the
     * tolerance} times \( \max(1, σ^2) \); \( V^{-1} \) is applied cluster by cluster in closed form and through
     * Woodbury's identity on the crossed levels, so a fit costs \( O(kL(L + p) + L^3) \) per iteration for k
     * estimates, L crossed levels and p coefficients: linear in k. The results agree with metafor 3.8's at its
     * optimum (the tests compare at 1e-8 with its likelihood maximised further).
     *
     * <p>References: Viechtbauer, W. (2010). Conducting meta-analyses in R with the metafor package. <i>Journal of
     * Statistical Software</i> 36(3), 1–48. doi:10.18637/jss.v036.i03; Gilmour, A. R., Thompson, R. &amp; Cullis,
     * B. R. (1995). Average information REML: an efficient algorithm for variance parameter estimation in linear
     * mixed models. <i>Biometrics</i> 51, 1440–1450. doi:10.2307/2533274
     *
     * @param studies the estimates
     * @param clusters each estimate's cluster, such as its study
     * @param moderators the design, one row per estimate
     * @param crossed the crossed factors, such as the country, each with one level per estimate ({@code null} where
     *        it does not apply); none for the three-level model
     * @return the fit
     * @throws NullPointerException if an argument, a factor or a cluster label is null
     * @throws IllegalArgumentException if the estimator is neither REML nor ML, Knapp–Hartung is asked for, the
     *         clusters, the design or a factor's levels do not match the estimates, two factors share a name, or the
     *         design is not of full rank
     * @throws IllegalStateException if the estimates do not converge
     * @since 0.2
     */
    public MultilevelResult multilevel(EffectSizes studies, String[] clusters, Moderators moderators,
            CrossedFactor... crossed) {
        Objects.requireNonNull(studies, "studies");
        Objects.requireNonNull(clusters, "clusters");
        Objects.requireNonNull(moderators, "moderators");
        Objects.requireNonNull(crossed, "crossed");
        if (estimator != Tau2Estimator.REML && estimator != Tau2Estimator.ML) {
            throw new IllegalArgumentException("A multilevel model is fitted by REML or ML, not " + estimator);
        }
        if (knappHartung) {
            throw new IllegalArgumentException("Knapp-Hartung is not defined for a multilevel model: use"
                    + " MultilevelResult.robust for small-sample inference");
        }
        if (clusters.length != studies.size() || moderators.studies() != studies.size()) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "There are %d clusters and %d"
                    + " design rows for %d estimates", clusters.length, moderators.studies(), studies.size()));
        }
        for (int i = 0; i < clusters.length; i++) {
            Objects.requireNonNull(clusters[i], "clusters[" + i + "]");
        }
        for (int j = 0; j < crossed.length; j++) {
            Objects.requireNonNull(crossed[j], "crossed[" + j + "]");
        }
        List<CrossedFactor> factors = List.of(crossed);
        java.util.Set<String> names = new java.util.HashSet<>();
        for (CrossedFactor factor : factors) {
            if (factor.levels().size() != studies.size()) {
                throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "Crossed factor %s has %d"
                        + " levels for %d estimates", factor.name(), factor.levels().size(), studies.size()));
            }
            if (!names.add(factor.name())) {
                throw new IllegalArgumentException("Two crossed factors are named " + factor.name());
            }
        }
        MultilevelFit fit = MultilevelFit.fit(studies.yArray(), studies.vArray(), moderators.rowArray(), clusters,
                factors, estimator == Tau2Estimator.REML, tolerance, maxIterations);
        return new MultilevelResult(fit, this, studies, moderators);
    }

    /**
     * A meta-regression on moderators: metafor's {@code rma(yi, vi, mods = ..., method = ...)}.
     *
     * @param studies the effect sizes
     * @param moderators the design, one row per study
     * @return the coefficients, the test of the moderators and the residual heterogeneity
     * @throws IllegalArgumentException if the design does not match the studies, is not of full rank, or has
     *         more columns than there are studies
     * @throws IllegalStateException if an iterative estimator does not converge
     */
    public MetaRegression fit(EffectSizes studies, Moderators moderators) {
        Fitted full = new Fitted(this, studies, moderators, true);
        Fitted empty = moderators.hasIntercept() && moderators.columns() > 1
                ? new Fitted(this, studies, Moderators.interceptOnly(studies.size()), false) : null;
        return new MetaRegression(full, empty);
    }

    /**
     * A separate model in each subgroup, and the test that the subgroups' pooled estimates differ: the
     * equal-effects Q statistic of the subgroup estimates with their standard errors, as metafor's
     * {@code rma(estimates, sei = ses, method = "EE")$QE} on the subgroup fits. (A common \( τ^2 \) instead is
     * the meta-regression on the subgroup factor, {@link #fit(EffectSizes, Moderators)}.)
     *
     * @param studies the effect sizes
     * @param groups each study's subgroup, such as its network scope
     * @return the subgroup fits, in order of first appearance, and the test between them
     * @throws IllegalArgumentException if the groups do not match the studies or there is a single subgroup
     */
    public SubgroupAnalysis subgroups(EffectSizes studies, List<String> groups) {
        if (groups.size() != studies.size()) {
            throw new IllegalArgumentException("There are " + groups.size() + " groups for " + studies.size() + " studies");
        }
        Map<String, List<Integer>> members = new LinkedHashMap<>();
        for (int i = 0; i < groups.size(); i++) {
            members.computeIfAbsent(Objects.requireNonNull(groups.get(i), "group"), g -> new ArrayList<>()).add(i);
        }
        if (members.size() < 2) {
            throw new IllegalArgumentException("Subgroup analysis needs at least two subgroups: " + members.keySet());
        }
        Map<String, MetaResult> results = new LinkedHashMap<>();
        members.forEach((group, positions) -> results.put(group,
                fit(studies.subset(positions.stream().mapToInt(Integer::intValue).toArray()))));
        return SubgroupAnalysis.of(results);
    }

    /**
     * The cumulative meta-analysis, metafor's {@code cumul(res, order)}: the model fitted to the first study, the
     * first two, …, in increasing {@code order} (ties kept in the studies' order, as R's {@code order}).
     *
     * @param studies the effect sizes
     * @param order a key per study, such as its year
     * @return one fit per number of studies
     * @throws IllegalArgumentException if the keys are not as many as the studies
     */
    public Cumulative cumulative(EffectSizes studies, double[] order) {
        Objects.requireNonNull(studies, "studies");
        Objects.requireNonNull(order, "order");
        int k = studies.size();
        if (order.length != k) {
            throw new IllegalArgumentException("The order has " + order.length + " keys for " + k + " studies");
        }
        int[] sorted = java.util.stream.IntStream.range(0, k).boxed()
                .sorted(java.util.Comparator.comparingDouble(i -> order[i])).mapToInt(Integer::intValue).toArray();
        EffectSizes ordered = studies.subset(sorted);
        List<MetaResult> results = new ArrayList<>();
        for (int m = 1; m <= k; m++) {
            EffectSizes first = ordered.subset(java.util.stream.IntStream.range(0, m).toArray());
            results.add(new MetaResult(new Fitted(this, first, Moderators.interceptOnly(m), false)));
        }
        return new Cumulative(ordered, results);
    }

    /**
     * The model refitted without each study in turn: metafor's {@code leave1out}.
     *
     * @param studies the effect sizes, at least two
     * @return one fit per study left out
     * @throws IllegalArgumentException if there is a single study
     */
    public LeaveOneOut leaveOneOut(EffectSizes studies) {
        int k = studies.size();
        if (k < 2) {
            throw new IllegalArgumentException("Leave-one-out needs at least two studies");
        }
        List<MetaResult> results = new ArrayList<>(k);
        int[] positions = new int[k - 1];
        for (int left = 0; left < k; left++) {
            for (int i = 0, j = 0; i < k; i++) {
                if (i != left) {
                    positions[j++] = i;
                }
            }
            EffectSizes rest = studies.subset(positions);
            results.add(new MetaResult(new Fitted(this, rest, Moderators.interceptOnly(k - 1), false)));
        }
        return new LeaveOneOut(studies, results);
    }

    /**
     * Egger's regression test for funnel-plot asymmetry: the model with the standard errors
     * \( \sqrt{v_i} \) as moderator, fitted as this analysis fits (metafor's {@code regtest(res)}, model
     * {@code "rma"}, predictor {@code "sei"}).
     *
     * @param studies the effect sizes, at least three
     * @return the test of the slope and the limit estimate as the standard error goes to 0
     * @throws IllegalArgumentException if there are fewer than three studies
     */
    public RegressionTest eggerTest(EffectSizes studies) {
        return regressionTest(studies, RegressionTest.Predictor.SEI);
    }

    /**
     * The regression test for funnel-plot asymmetry on a predictor (metafor's {@code regtest(res, predictor)}),
     * fitted as this analysis fits; {@code withEstimator(Tau2Estimator.EE).withKnappHartung(true)} is metafor's
     * {@code model = "lm"}.
     *
     * @param studies the effect sizes, at least three (with sample sizes for the predictors on n)
     * @param predictor the standard error, the variance, the sample size or a function of it
     * @return the test of the slope, and the limit estimate where the predictor has one
     * @throws IllegalArgumentException if there are fewer than three studies
     */
    public RegressionTest regressionTest(EffectSizes studies, RegressionTest.Predictor predictor) {
        Objects.requireNonNull(predictor, "predictor");
        if (studies.size() < 3) {
            throw new IllegalArgumentException("A regression test needs at least three studies");
        }
        double[] values = new double[studies.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = predictor.value(studies, i);
        }
        return new RegressionTest(fit(studies, Moderators.builder(studies.size()).numeric(predictor.column(), values)
                .build()), predictor);
    }

    /**
     * Begg and Mazumdar's rank correlation test for funnel-plot asymmetry (metafor's {@code ranktest}); it rests
     * on the equal-effects estimate whatever this analysis's estimator.
     *
     * @param studies the effect sizes, at least three
     * @return the test
     * @throws IllegalArgumentException if there are fewer than three studies
     */
    public RankCorrelationTest rankTest(EffectSizes studies) {
        return RankCorrelationTest.of(studies);
    }

    /**
     * Duval and Tweedie's trim-and-fill with the L0 estimator, the side chosen from the sign of Egger's slope,
     * as metafor's {@code trimfill(res)}.
     *
     * @param studies the effect sizes, at least two
     * @return the number of missing studies, the filled effect sizes and the refitted model
     * @throws IllegalArgumentException if there is a single study
     * @throws IllegalStateException if the algorithm does not converge in 100 rounds (metafor's limit)
     */
    public TrimAndFill trimAndFill(EffectSizes studies) {
        return trimAndFill(studies, TrimAndFill.Estimator.L0);
    }

    /**
     * Trim-and-fill with a chosen estimator of the number of missing studies, metafor's
     * {@code trimfill(res, estimator = ...)}.
     *
     * @param studies the studies
     * @param estimator L0, R0 or Q0
     * @return the number missing, the filled studies and the refitted model
     * @throws IllegalArgumentException if there are fewer than two studies
     * @throws IllegalStateException if Q0 is undefined for these studies, or the procedure does not converge
     */
    public TrimAndFill trimAndFill(EffectSizes studies, TrimAndFill.Estimator estimator) {
        Objects.requireNonNull(studies, "studies");
        return TrimAndFill.run(this, studies, estimator);
    }

    /**
     * Trim-and-fill with the missing studies imputed on a chosen side, metafor's {@code trimfill(res, estimator,
     * side)}.
     *
     * @param studies the effect sizes, at least two
     * @param estimator L0, R0 or Q0
     * @param side where the missing studies are
     * @return the number of missing studies, the filled effect sizes and the refitted model
     * @throws IllegalArgumentException if there is a single study
     * @throws IllegalStateException as {@link #trimAndFill(EffectSizes, TrimAndFill.Estimator)}
     */
    public TrimAndFill trimAndFill(EffectSizes studies, TrimAndFill.Estimator estimator, TrimAndFill.Side side) {
        Objects.requireNonNull(studies, "studies");
        return TrimAndFill.run(this, studies, estimator, Objects.requireNonNull(side, "side"));
    }

    @Override
    public String toString() {
        return "MetaAnalysis[" + estimator + (knappHartung ? ", Knapp-Hartung" : "") + ", level " + level + "]";
    }
}
