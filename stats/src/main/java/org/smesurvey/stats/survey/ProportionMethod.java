package org.smesurvey.stats.survey;

/**
 * The confidence intervals of a design-based proportion, as R's {@code svyciprop(method = ...)} computes them,
 * each with t quantiles on the design's degrees of freedom.
 *
 * <p>References: Korn, E. L. and Graubard, B. I. (1998). Confidence intervals for proportions with small
 * expected number of positive counts estimated from survey data. <i>Survey Methodology</i> 24(2), 193–201
 * ({@link #BETA}); Lumley, T. (2010). <i>Complex Surveys</i>. Wiley, §2.3.1.
 *
 * @since 0.1
 */
public enum ProportionMethod {
    /** \( \hat p \pm t\,\mathrm{SE} \): {@code "mean"}. */
    MEAN,
    /**
     * On the logit scale by the delta method, \( \operatorname{expit}(\operatorname{logit}\hat p \pm
     * t\,\mathrm{SE}/(\hat p(1-\hat p))) \): {@code "xlogit"}.
     */
    XLOGIT,
    /**
     * The Wald interval of an intercept-only quasi-binomial {@code svyglm}, {@code "logit"}: the same interval
     * as {@link #XLOGIT} solved exactly, where R stops its iterations at a relative change of 1e-8.
     */
    LOGIT,
    /** On the arcsine square-root scale by the delta method, back with \( \sin^2 \): {@code "asin"}. */
    ASIN,
    /**
     * The quasi-likelihood ratio interval of the intercept-only quasi-binomial {@code svyglm}, {@code
     * "likelihood"}: the μ at which \( 2(n-1)\,\mathrm{KL}(\hat p \,\|\, μ) = t_{df}^2 λ \), with
     * \( λ = n\,\mathrm{SE}^2/(\hat p(1-\hat p)) \) the ratio of the design-based to the model-based variance
     * (Rao and Scott's scaling). R interpolates its profile with a spline on a 10-step grid, which moves the
     * bounds by about 1e-6; here the roots are solved exactly.
     */
    LIKELIHOOD,
    /**
     * Korn and Graubard's Clopper–Pearson interval on the effective sample size
     * \( n^* = \hat p(1-\hat p)/\mathrm{SE}^2 \), scaled by \( (t_{n-1}/t_{df})^2 \): {@code "beta"}.
     */
    BETA
}
