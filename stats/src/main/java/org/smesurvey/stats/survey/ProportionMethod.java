package org.smesurvey.stats.survey;

import java.util.Locale;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.smesurvey.stats.Interval;
import org.smesurvey.stats.internal.Checks;
import org.smesurvey.stats.internal.Distributions;

/**
 * The confidence intervals of a design-based proportion, as R's {@code svyciprop(method = ...)} computes them,
 * each with t quantiles on the design's degrees of freedom.
 *
 * <p><b>At a proportion of 0 or 1</b> (no respondent, or every one, answered yes) the design-based variance is
 * 0 and every method but {@link #MEAN} is undefined: survey gives NaN ({@code "xlogit"}, {@code "asin"},
 * {@code "beta"}) or fails to converge ({@code "logit"}, {@code "likelihood"}). There every such method gives
 * instead the interval Korn and Graubard [1] recommend when the design effect cannot be estimated: the
 * Clopper–Pearson interval with the effective sample taken as the number of respondents n (a design effect of
 * 1), adjusted for the degrees of freedom as the beta method is, \( n^* = n\,(t_{n-1}/t_{df})^2 \):
 * \[ [0,\ B^{-1}(1-α/2;\ 1, n^*)] \text{ at } \hat p = 0, \qquad [B^{-1}(α/2;\ n^*, 1),\ 1] \text{ at }
 *    \hat p = 1, \]
 * with \( B^{-1} \) the Beta quantile. So {@link #XLOGIT}, {@link #LOGIT}, {@link #ASIN}, {@link #LIKELIHOOD}
 * and {@link #BETA} all give this interval there, where R gives NaN or an error; {@link #MEAN} gives
 * \( [\hat p, \hat p] \), as survey does. This needs two respondents or more.
 *
 * <p><b>At a standard error of 0 with \( 0 &lt; \hat p &lt; 1 \)</b> (a census, whose finite population correction
 * leaves no variance, or primary units whose estimating functions all total 0) every method gives
 * \( [\hat p, \hat p] \), the limit of each as the standard error goes to 0: {@link #BETA}'s effective sample
 * \( n^* \) is infinite and its beta quantiles close on \( \hat p \). survey gives the same for {@code "mean"},
 * {@code "xlogit"}, {@code "logit"} and {@code "asin"}, but [0.5, 0.5] for {@code "beta"} (its {@code qbeta} with
 * infinite shapes) and an error for {@code "likelihood"}.
 *
 * <p><b>Missing answers.</b> The interval of a proportion of those who answered
 * ({@link SurveyEstimator#proportion(String, Answers)}) through {@link SurveyEstimator#interval} is survey's
 * {@code svyciprop} on the design subset to them, {@code subset(design, !is.na(answer))}: t on their degrees of
 * freedom, and {@link #BETA}'s and {@link #LIKELIHOOD}'s n the respondents who answered with a non-zero weight (where
 * the beta method of survey counts {@code nrow(design)}, which keeps answered rows of weight 0: 5e-5 apart on
 * survey's apistrat with every 7th answer missing and every 11th weight 0). survey's {@code svyciprop(...,
 * na.rm = TRUE)} on the whole design differs again: t on the whole design's degrees of freedom, the beta ratio on
 * all its rows, and the likelihood's λ scaled by the answered rows' mean weight over all rows' (svyglm rescales the
 * weights over all rows before dropping the missing ones) — 3.5e-4 apart there for the likelihood, 1e-4 for the
 * other methods.
 * {@link SurveyEstimator#proportionInterval(Answers, ProportionMethod, double)} gives those values.
 *
 * <p>References:
 * <ol>
 * <li>Korn, E. L. and Graubard, B. I. (1998). Confidence intervals for proportions with small expected number
 *     of positive counts estimated from survey data. <i>Survey Methodology</i> 24(2), 193–201 ({@link #BETA},
 *     and the intervals at 0 and 1).</li>
 * <li>Lumley, T. (2010). <i>Complex Surveys</i>. Wiley, §2.3.1.</li>
 * </ol>
 *
 * @since 0.1
 */
public enum ProportionMethod {
    /** \( \hat p \pm t\,\mathrm{SE} \): {@code "mean"}. */
    MEAN,
    /**
     * On the logit scale by the delta method, \( \operatorname{expit}(\operatorname{logit}\hat p \pm
     * t\,\mathrm{SE}/(\hat p(1-\hat p))) \): {@code "xlogit"}. Undefined at \( \hat p = 0 \) or 1, where
     * survey gives NaN: there it gives Korn and Graubard's interval \( [0, B^{-1}(1-α/2; 1, n^*)] \) or
     * \( [B^{-1}(α/2; n^*, 1), 1] \) (see the class description).
     */
    XLOGIT,
    /**
     * The Wald interval of an intercept-only quasi-binomial {@code svyglm}, {@code "logit"}: the same interval
     * as {@link #XLOGIT} solved exactly, where R stops its iterations at a relative change of 1e-8. On a replicate
     * design survey's variance is the replicates' spread of their refitted logits, not the delta method's: that
     * interval comes from {@link SurveyEstimator#proportionInterval(boolean[], ProportionMethod, double)}, which has
     * the replicates (an estimate alone gives {@link #XLOGIT}'s). At
     * \( \hat p = 0 \) or 1, where survey's fit does not converge, Korn and Graubard's interval, as
     * {@link #XLOGIT} (see the class description).
     */
    LOGIT,
    /**
     * On the arcsine square-root scale by the delta method, back with \( \sin^2 \): {@code "asin"}. At
     * \( \hat p = 0 \) or 1, where survey gives NaN, Korn and Graubard's interval (see the class description).
     */
    ASIN,
    /**
     * The quasi-likelihood ratio interval of the intercept-only quasi-binomial {@code svyglm}, {@code
     * "likelihood"}: the μ at which \( 2(n-1)\,\mathrm{KL}(\hat p \,\|\, μ) = t_{df}^2 λ \), with
     * \( λ = n\,\mathrm{SE}^2/(\hat p(1-\hat p)) \) the ratio of the design-based to the model-based variance
     * (Rao and Scott's scaling). R interpolates its profile with a spline on a 10-step grid, which moves the
     * bounds by about 1e-6; here the roots are solved exactly. At \( \hat p = 0 \) or 1, where survey's fit does
     * not converge, Korn and Graubard's interval (see the class description).
     */
    LIKELIHOOD,
    /**
     * Korn and Graubard's Clopper–Pearson interval on the effective sample size
     * \( n^* = \hat p(1-\hat p)/\mathrm{SE}^2 \), scaled by \( (t_{n-1}/t_{df})^2 \): {@code "beta"}. At
     * \( \hat p = 0 \) or 1, where that \( n^* \) is undefined and survey gives NaN, the same interval on
     * \( n^* = n\,(t_{n-1}/t_{df})^2 \), n the respondents (see the class description).
     */
    BETA;

    /**
     * The confidence interval of a proportion estimated by {@link SurveyEstimator} (overall or in a domain), by
     * this method of {@code svyciprop}; at a proportion of 0 or 1, and at a standard error of 0, the conventions
     * of the class description (published there, as users reach this through
     * {@link SurveyEstimator#interval}).
     *
     * @param estimate a proportion from {@link SurveyEstimator#proportion} or {@link SurveyEstimator#proportionBy}
     * @param level the confidence level, in (0, 1)
     * @return the interval
     * @throws IllegalArgumentException if the level is not in (0, 1), the estimate is not in [0, 1], its
     *         standard error is not a finite number of 0 or more, or it rests on a single respondent and the method
     *         needs \( t_{n-1} \) ({@link #BETA}, {@link #LIKELIHOOD}, or any but {@link #MEAN} at 0 or 1)
     */
    Interval interval(SurveyEstimate estimate, double level) {
        return interval(estimate, level, 0, 1);
    }

    /**
     * As {@link #interval(SurveyEstimate, double)} with survey's counts of {@code svyciprop(..., na.rm = TRUE)} on
     * the whole design: {@link #BETA}'s t ratio on {@code rows} − 1 (all the design's rows; 0 for the estimate's
     * respondents) and {@link #LIKELIHOOD}'s λ times {@code likelihoodScale}.
     */
    Interval interval(SurveyEstimate estimate, double level, int rows, double likelihoodScale) {
        ProportionMethod method = this;
        double t = estimate.critical(level);
        double p = Checks.requireProportion(estimate.estimate(), "proportion");
        double se = estimate.standardError();
        if (!(se >= 0 && se < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("Standard error is not a finite number of 0 or more: " + se);
        }
        if ((p == 0 || p == 1) && method != MEAN) {
            return kornGraubard(estimate, level);
        }
        if (se == 0) {
            return new Interval(p, p, p, level);
        }
        double lower;
        double upper;
        switch (method) {
            case MEAN -> {
                lower = p - t * se;
                upper = p + t * se;
            }
            case XLOGIT, LOGIT -> {
                double logit = Math.log(p / (1 - p));
                double half = t * se / (p * (1 - p));
                lower = expit(logit - half);
                upper = expit(logit + half);
            }
            case ASIN -> {
                double angle = Math.asin(Math.sqrt(p));
                double half = t * se / (2 * Math.sqrt(p * (1 - p)));
                lower = Math.pow(Math.sin(angle - half), 2);
                upper = Math.pow(Math.sin(angle + half), 2);
            }
            case LIKELIHOOD -> {
                int n = respondents(estimate);
                double target = t * t * se * se * n / (p * (1 - p)) / (2.0 * (n - 1)) * likelihoodScale;
                java.util.function.DoubleUnaryOperator excess = mu -> divergence(p, mu) - target;
                BrentSolver solver = new BrentSolver(1e-15, 1e-16, 1e-300);
                lower = p == 0 ? 0 : solver.solve(10_000, excess::applyAsDouble, 0x1p-60, p);
                upper = p == 1 ? 1 : solver.solve(10_000, excess::applyAsDouble, p, 1 - 0x1p-53);
            }
            default -> {
                double alpha = 1 - level;
                int n = respondents(estimate);
                double ratio = Distributions.t(level, (rows > 0 ? rows : n) - 1) / t;
                double nEff = p * (1 - p) / (se * se) * ratio * ratio;
                lower = p == 0 ? 0 : Distributions.betaQuantile(alpha / 2, nEff * p, nEff * (1 - p) + 1);
                upper = p == 1 ? 1 : Distributions.betaQuantile(1 - alpha / 2, nEff * p + 1, nEff * (1 - p));
            }
        }
        return new Interval(p, lower, upper, level);
    }

    /** The Clopper–Pearson interval at p̂ = 0 or 1 with n* = n (t_{n-1}/t_df)²; see {@link #interval}. */
    private static Interval kornGraubard(SurveyEstimate estimate, double level) {
        double p = estimate.estimate();
        int n = respondents(estimate);
        double ratio = Distributions.t(level, n - 1) / estimate.critical(level);
        double nStar = n * ratio * ratio;
        double alpha = 1 - level;
        return p == 0 ? new Interval(0, 0, Distributions.betaQuantile(1 - alpha / 2, 1, nStar), level)
                : new Interval(1, Distributions.betaQuantile(alpha / 2, nStar, 1), 1, level);
    }

    /**
     * The respondents of an estimate whose interval uses \( t_{n-1} \) or \( n - 1 \): two or more, as survey's
     * {@code qt(alpha / 2, nrow(design) - 1)} is NaN for one.
     */
    private static int respondents(SurveyEstimate estimate) {
        int n = estimate.respondents();
        if (n >= 2) {
            return n;
        }
        throw new IllegalArgumentException(String.format(Locale.ROOT, "This interval of a proportion needs two"
                + " respondents or more (it uses n - 1 degrees of freedom); the estimate rests on %d", n));
    }

    /** The Kullback–Leibler divergence of Bernoulli(μ) from Bernoulli(p), 0 log 0 = 0. */
    private static double divergence(double p, double mu) {
        double yes = p == 0 ? 0 : p * Math.log(p / mu);
        double no = p == 1 ? 0 : (1 - p) * Math.log((1 - p) / (1 - mu));
        return yes + no;
    }

    private static double expit(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
