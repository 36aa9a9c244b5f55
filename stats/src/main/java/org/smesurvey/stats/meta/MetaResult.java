package org.smesurvey.stats.meta;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.smesurvey.stats.Interval;
import org.smesurvey.stats.TestResult;
import org.smesurvey.stats.internal.Distributions;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A pooled estimate: what metafor prints for {@code rma(yi, vi)} and returns from {@code predict}, with the
 * Q-profile intervals of {@code confint} on request. Immutable.
 *
 * <p>Heterogeneity is reported as metafor defines it: \( Q = \sum (y_i - \hat μ_{EE})^2/v_i \) with
 * \( k - 1 \) degrees of freedom; for random-effects models \( I^2 = 100\,τ^2/(τ^2 + \tilde v) \) and
 * \( H^2 = τ^2/\tilde v + 1 \) with the typical within-study variance
 * \( \tilde v = (k - 1)/\operatorname{tr} P \); for the equal-effects model
 * \( I^2 = \max(0, 100(Q - (k - 1))/Q) \) and \( H^2 = Q/(k - 1) \). The prediction interval is
 * \( \hat μ \pm c\sqrt{\mathrm{se}^2 + τ^2} \) with the same critical value \( c \) as the confidence interval.
 *
 * @since 0.1
 */
public final class MetaResult extends FittedModel {

    MetaResult(Fitted fit) {
        super(fit);
    }

    /**
     * The pooled estimate \( \hat μ \), on the measure's scale.
     *
     * @return the estimate
     */
    public double estimate() {
        return fit.beta[0];
    }

    /**
     * Its standard error (Knapp–Hartung adjusted when asked).
     *
     * @return the standard error
     */
    public double standardError() {
        return fit.se[0];
    }

    /**
     * The z or t statistic.
     *
     * @return \( \hat μ / \mathrm{se} \)
     */
    public double statistic() {
        return fit.statistic[0];
    }

    /**
     * The two-sided p-value of \( μ = 0 \).
     *
     * @return the p-value
     */
    public double pValue() {
        return fit.pValue[0];
    }

    /**
     * The confidence interval of \( μ \), on the measure's scale.
     *
     * @return the interval
     */
    public Interval confidenceInterval() {
        return new Interval(estimate(), fit.lower[0], fit.upper[0], fit.options.level());
    }

    /**
     * The prediction interval for the true effect of a new study, on the measure's scale.
     *
     * @return the interval
     */
    public Interval predictionInterval() {
        double half = fit.critical * Math.sqrt(fit.se[0] * fit.se[0] + fit.tau2);
        return new Interval(estimate(), estimate() - half, estimate() + half, fit.options.level());
    }

    /**
     * The number of Fisher-scoring iterations (ML, REML, EB).
     *
     * @return the iterations, 0 for non-iterative estimators
     */
    public int iterations() {
        return fit.iterations;
    }

    /**
     * None: the model has no moderators.
     *
     * @return empty
     */
    @Override
    public Optional<TestResult> moderatorTest() {
        return Optional.empty();
    }

    @Override
    public Optional<Pooled> pooled() {
        return Optional.of(new Pooled(confidenceInterval(), predictionInterval(),
                fit.studies.measure().isPresent() ? Optional.of(backTransformed()) : Optional.empty()));
    }

    @Override
    public String summary() {
        return MetaforLayout.of(fit, OptionalDouble.empty());
    }

    /**
     * The typical within-study variance \( \tilde v \) on which I² and H² rest.
     *
     * @return \( \tilde v \) (0 for a single study)
     */
    public double typicalWithinStudyVariance() {
        return fit.vt;
    }

    /**
     * The pooled estimate and its intervals as proportions, back-transformed from the measure's scale: the
     * expit for PLO, \( \sin^2 \) clamped for PAS, Miller's inverse at the harmonic mean of the sample sizes
     * for PFT, unchanged for PR (not clamped), as metafor's {@code predict(res, transf = ...)}.
     *
     * @return the estimate with its confidence interval, and the prediction interval
     * @throws IllegalStateException if the effect sizes were given directly, without a measure
     */
    public BackTransformed backTransformed() {
        ProportionMeasure measure = fit.studies.measure().orElseThrow(() -> new IllegalStateException(
                "The effect sizes were given without a measure: there is no scale to transform back from"));
        double n = fit.studies.harmonicMeanN();
        Interval ci = confidenceInterval();
        Interval pi = predictionInterval();
        double estimate = measure.backTransform(ci.estimate(), n);
        return new BackTransformed(measure,
                new Interval(estimate, measure.backTransform(ci.lower(), n), measure.backTransform(ci.upper(), n),
                        ci.level()),
                new Interval(estimate, measure.backTransform(pi.lower(), n), measure.backTransform(pi.upper(), n),
                        pi.level()));
    }

    /**
     * The pooled proportion and its intervals, back on the proportion scale.
     *
     * @param measure the measure transformed back from
     * @param confidence the estimate and its confidence interval
     * @param prediction the estimate and its prediction interval
     * @since 0.1
     */
    public record BackTransformed(ProportionMeasure measure, Interval confidence, Interval prediction) {
    }

    /**
     * Confidence intervals for \( τ^2 \), \( τ \), I² and H² by the Q-profile method, as metafor's
     * {@code confint(res)}: the \( τ^2 \) at which the generalised Q statistic equals the \( 1 - α/2 \) and
     * \( α/2 \) quantiles of \( χ^2_{k-1} \) (0 when Q at \( τ^2 = 0 \) is already below them). metafor
     * searches up to \( \max(100, 10\hat τ^2) \) and reports that bound when Q is still above the quantile
     * there; this search goes on until it finds the root.
     *
     * @return the four intervals, at the analysis' level
     * @throws IllegalStateException for the equal-effects model or a single study
     */
    public Heterogeneity heterogeneity() {
        if (fit.options.estimator() == Tau2Estimator.EE) {
            throw new IllegalStateException("The equal-effects model has no between-study variance");
        }
        if (fit.k < 2) {
            throw new IllegalStateException("A single study has no between-study variance");
        }
        Model m = fit.model;
        double alpha = 1 - fit.options.level();
        int df = fit.k - fit.p;
        double upperQuantile = Distributions.chiSquareQuantile(1 - alpha / 2, df);
        double lowerQuantile = Distributions.chiSquareQuantile(alpha / 2, df);
        double q0 = m.q(0);
        double lower;
        double upper;
        if (q0 < lowerQuantile) {
            lower = 0;
            upper = 0;
        } else {
            upper = Model.root(t -> m.q(t) - lowerQuantile, 0, bracket(m, lowerQuantile));
            lower = q0 < upperQuantile ? 0 : Model.root(t -> m.q(t) - upperQuantile, 0, bracket(m, upperQuantile));
        }
        double level = fit.options.level();
        double vt = fit.vt;
        return new Heterogeneity(new Interval(fit.tau2, lower, upper, level),
                new Interval(tau(), Math.sqrt(lower), Math.sqrt(upper), level),
                new Interval(fit.i2, 100 * lower / (vt + lower), 100 * upper / (vt + upper), level),
                new Interval(fit.h2, lower / vt + 1, upper / vt + 1, level));
    }

    /** An upper bound where Q is below the target, from metafor's \( \max(100, 10\hat τ^2) \) doubled as needed. */
    private double bracket(Model m, double target) {
        double high = Math.max(100, 10 * fit.tau2);
        while (m.q(high) > target) {
            high *= 2;
        }
        return high;
    }

    /**
     * The Q-profile confidence intervals of the heterogeneity measures.
     *
     * @param tau2 of \( τ^2 \)
     * @param tau of \( τ \)
     * @param i2 of I², in percent
     * @param h2 of H²
     * @since 0.1
     */
    public record Heterogeneity(Interval tau2, Interval tau, Interval i2, Interval h2) {
    }

    /**
     * The result as a one-row table: {@code k, estimator, estimate, se, statistic, p_value, ci_lower, ci_upper,
     * pi_lower, pi_upper, tau2, i2, h2, q, q_p_value}.
     *
     * @return the table
     */
    public Table toTable() {
        Interval ci = confidenceInterval();
        Interval pi = predictionInterval();
        return Table.create("meta-analysis", DoubleColumn.create("k", new double[] {k()}),
                StringColumn.create("estimator", fit.options.estimator().name()),
                DoubleColumn.create("estimate", estimate()), DoubleColumn.create("se", standardError()),
                DoubleColumn.create("statistic", statistic()), DoubleColumn.create("p_value", pValue()),
                DoubleColumn.create("ci_lower", ci.lower()), DoubleColumn.create("ci_upper", ci.upper()),
                DoubleColumn.create("pi_lower", pi.lower()), DoubleColumn.create("pi_upper", pi.upper()),
                DoubleColumn.create("tau2", tau2()), DoubleColumn.create("i2", i2()), DoubleColumn.create("h2", h2()),
                DoubleColumn.create("q", qe()), DoubleColumn.create("q_p_value", qePValue()));
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "MetaResult[k=%d, %s, estimate=%.6g, se=%.6g, tau2=%.6g, I2=%.4g%%]",
                k(), fit.options.estimator(), estimate(), standardError(), tau2(), i2());
    }
}
