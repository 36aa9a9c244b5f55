package org.smesurvey.stats.meta;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.smesurvey.stats.Interval;
import org.smesurvey.stats.TestResult;

/**
 * The one contract of a fitted meta-analytic model, as every metafor fitter returns an {@code rma} object: the
 * studies and their weights, the coefficients, the heterogeneity, its tests, the fit statistics and, for a model
 * without moderators, the pooled estimate. {@link MetaResult} (no moderators) and {@link MetaRegression} implement
 * it; forest and funnel plots take it.
 *
 * <p>Implementations are immutable.
 *
 * @since 0.1
 */
public interface PooledModel {

    /**
     * The studies the model was fitted to.
     *
     * @return their effect sizes and sampling variances
     */
    EffectSizes studies();

    /**
     * The number of studies.
     *
     * @return k
     */
    int k();

    /**
     * How τ² was estimated; {@link Tau2Estimator#EE} for an equal-effects model.
     *
     * @return the estimator
     */
    Tau2Estimator estimator();

    /**
     * The confidence level of every interval of the model.
     *
     * @return the level, in (0, 1)
     */
    double level();

    /**
     * The coefficients, in the design's column order: one, {@code intrcpt}, for a model without moderators.
     *
     * @return the coefficients
     */
    List<Coefficient> coefficients();

    /**
     * The covariance of the coefficients, metafor's {@code vcov(res)}, rows and columns in the order of
     * {@link #coefficients()}: {@code sqrt(covariance()[j][j])} is coefficient j's standard error.
     *
     * @return a copy, p × p
     */
    double[][] covariance();

    /**
     * The (residual) between-study variance.
     *
     * @return τ², 0 for an equal-effects model
     */
    double tau2();

    /**
     * The (residual) between-study standard deviation.
     *
     * @return \( \hat τ = \sqrt{\hat τ^2} \)
     */
    default double tau() {
        return Math.sqrt(tau2());
    }

    /**
     * The share of the (residual) variability due to heterogeneity, in percent.
     *
     * @return I²
     */
    double i2();

    /**
     * The ratio of the (residual) variability to the sampling variability.
     *
     * @return H²
     */
    double h2();

    /**
     * The degrees of freedom of the coefficients' t tests, metafor's {@code dfs} under {@code test = "t"} or
     * Knapp–Hartung: k − p.
     *
     * @return the degrees of freedom, empty for z tests
     */
    OptionalDouble degreesOfFreedom();

    /**
     * The test for (residual) heterogeneity: Cochran's Q on k − p degrees of freedom, metafor's {@code QE}.
     *
     * @return the test
     */
    TestResult heterogeneityTest();

    /**
     * Cochran's Q of the (residual) heterogeneity, metafor's {@code QE}: {@link #heterogeneityTest()}'s statistic.
     *
     * @return \( Q_E \)
     */
    default double qe() {
        return heterogeneityTest().statistic();
    }

    /**
     * \( Q_E \)'s degrees of freedom, k − p, metafor's {@code k - p}.
     *
     * @return the degrees of freedom
     */
    default int qeDegreesOfFreedom() {
        return (int) heterogeneityTest().degreesOfFreedom().orElseThrow();
    }

    /**
     * \( Q_E \)'s p-value, metafor's {@code QEp}.
     *
     * @return the p-value
     */
    default double qePValue() {
        return heterogeneityTest().pValue();
    }

    /**
     * The omnibus test of the moderators, metafor's {@code QM}: χ² on their number of degrees of freedom, or F under
     * Knapp–Hartung.
     *
     * @return the test; empty for a model without moderators
     */
    Optional<TestResult> moderatorTest();

    /**
     * The moderators' test statistic, metafor's {@code QM}: χ², or F under Knapp–Hartung or t tests.
     *
     * @return \( Q_M \), empty for a model without moderators
     */
    default OptionalDouble qm() {
        return moderatorTest().map(t -> OptionalDouble.of(t.statistic())).orElse(OptionalDouble.empty());
    }

    /**
     * \( Q_M \)'s (numerator) degrees of freedom, metafor's {@code QMdf[1]}: the number of coefficients tested.
     *
     * @return m, empty for a model without moderators
     */
    default OptionalInt qmDegreesOfFreedom() {
        return moderatorTest().map(t -> OptionalInt.of((int) t.degreesOfFreedom().orElseThrow()))
                .orElse(OptionalInt.empty());
    }

    /**
     * \( Q_M \)'s denominator degrees of freedom under an F test, metafor's {@code QMdf[2]}: k − p.
     *
     * @return the denominator's degrees of freedom, empty for a χ² test or a model without moderators
     */
    default OptionalDouble qmDenominatorDegreesOfFreedom() {
        return moderatorTest().map(TestResult::denominatorDegreesOfFreedom).orElse(OptionalDouble.empty());
    }

    /**
     * \( Q_M \)'s p-value, metafor's {@code QMp}.
     *
     * @return the p-value, empty for a model without moderators
     */
    default OptionalDouble qmPValue() {
        return moderatorTest().map(t -> OptionalDouble.of(t.pValue())).orElse(OptionalDouble.empty());
    }

    /**
     * The weight of a study, in percent, as metafor's {@code weights(res)}: \( 100\,w_i/\sum_j w_j \) with
     * \( w_i = 1/(v_i + \hat τ^2) \).
     *
     * @param i the study's position in {@link #studies()}
     * @return its weight, in [0, 100]
     * @throws IndexOutOfBoundsException if there is no such study
     */
    double weight(int i);

    /**
     * The pooled estimate, for a model without moderators.
     *
     * @return the estimate with its intervals; empty for a meta-regression
     */
    Optional<Pooled> pooled();

    /**
     * The pooled estimate with its confidence interval, on the measure's scale (a logit, say): {@link #pooled()}'s
     * {@code confidence()} in one call.
     *
     * @return the estimate and its interval; empty for a meta-regression
     */
    default Optional<Interval> pooledEstimate() {
        return pooled().map(Pooled::confidence);
    }

    /**
     * The pooled estimate with its prediction interval, on the measure's scale: where the true effect of a new
     * study is expected, metafor's {@code pi.lb} and {@code pi.ub}.
     *
     * @return the estimate and its prediction interval; empty for a meta-regression
     */
    default Optional<Interval> pooledPrediction() {
        return pooled().map(Pooled::prediction);
    }

    /**
     * The pooled proportion with its confidence interval, back-transformed from the measure, metafor's
     * {@code predict(res, transf = ...)}: the figure most users read, in one call.
     *
     * @return the proportion and its interval; empty for a meta-regression or effect sizes without a measure
     */
    default Optional<Interval> pooledProportion() {
        return pooled().flatMap(Pooled::proportions).map(MetaResult.BackTransformed::confidence);
    }

    /**
     * The pooled proportion with its prediction interval, back-transformed from the measure: the share a new study
     * is expected to find.
     *
     * @return the proportion and its prediction interval; empty for a meta-regression or effect sizes without a
     *         measure
     */
    default Optional<Interval> pooledProportionPrediction() {
        return pooled().flatMap(Pooled::proportions).map(MetaResult.BackTransformed::prediction);
    }

    /**
     * The log-likelihood and the criteria built on it, as metafor's {@code fitstats}.
     *
     * @param restricted true for the restricted (REML) likelihood, false for the full (ML) one
     * @return the statistics
     */
    FitStatistics fitStatistics(boolean restricted);

    /**
     * The fit statistics metafor reports by default: restricted for a REML fit, full otherwise.
     *
     * @return the statistics
     */
    default FitStatistics fitStatistics() {
        return fitStatistics(estimator() == Tau2Estimator.REML);
    }

    /**
     * The model laid out as metafor's {@code print.rma.uni} prints it: the model and k, τ² with its estimator,
     * I², H², the heterogeneity test, the moderators' test and the rounded table of coefficients.
     *
     * @return the text, lines separated by {@code \n}
     */
    String summary();

    /**
     * The pooled estimate of a model without moderators, on the measure's scale and, for proportions, back as a
     * proportion.
     *
     * @param confidence the estimate and its confidence interval
     * @param prediction the estimate and its prediction interval: where the true effect of a new study is expected
     * @param proportions both back-transformed to proportions, when the effect sizes have a measure
     */
    record Pooled(Interval confidence, Interval prediction, Optional<MetaResult.BackTransformed> proportions) {

        /**
         * Validates the estimate.
         *
         * @param confidence the estimate and its confidence interval
         * @param prediction the estimate and its prediction interval
         * @param proportions both back-transformed to proportions, when there is a measure
         * @throws NullPointerException if an argument is null
         */
        public Pooled {
            Objects.requireNonNull(confidence, "confidence");
            Objects.requireNonNull(prediction, "prediction");
            Objects.requireNonNull(proportions, "proportions");
        }
    }
}
