package org.smesurvey.stats.survey;

import org.smesurvey.stats.internal.Distributions;

/**
 * The confidence intervals of a design-based quantile, survey's {@code svyquantile(..., interval.type = ...)}
 * (survey 4.x), all at level \( 1 - α \) with t quantiles on the degrees of freedom of the design (of the domain's
 * respondents who answered, survey's {@code degf}).
 *
 * <p><b>Woodruff's intervals</b> ({@link #MEAN}, {@link #BETA}, {@link #XLOGIT}, {@link #ASIN}) [1]: the share of
 * the estimated distribution at or below the estimate, \( \hat p = \sum w_i [x_i \le \hat q]/\sum w_i \), is a
 * design-based mean with a standard error like any other (linearised, calibrated or from the replicates); its
 * interval \( [p_L, p_U] \) is taken back through the estimated distribution function by the same
 * {@link QuantileRule}: \( [\hat F^{-1}(p_L), \hat F^{-1}(p_U)] \). A limit whose probability falls below 0 or
 * above 1, or is NaN, is NaN, as survey gives it. The four constants are the four ways of the proportion's
 * interval, as {@code svyciprop} (see {@link ProportionMethod}).
 *
 * <p>When the share has no variance (every respondent of the domain at or below the estimate, or none; a census)
 * each Woodruff interval is \( [\hat p, \hat p] \), the limit as the standard error goes to 0, taken back to the
 * quantile scale. survey reaches the same through rounding where its share is an ulp from 0 or 1 (a variance of
 * 1e-35 rather than 0: an effective sample of 1e19 for {@code "beta"}, finite logits), and NaN where it is exactly
 * 0 or 1 for {@link #BETA}, {@link #XLOGIT} and {@link #ASIN}.
 *
 * <p><b>The score interval</b> ({@link #SCORE}, linearised designs only) inverts Francisco and Fuller's test [2] of
 * \( F(θ) = p \): with \( U_i(θ) = [x_i &gt; θ] - (1 - p) \), the limits solve
 * \( \bar U(θ)/\mathrm{SE}(\bar U(θ)) = \pm t_{1-α/2} \) by R's {@code uniroot} (Brent's method as R's
 * {@code zeroin}, between the smallest value plus and the largest minus a hundredth of the interquartile range,
 * tolerance \( 1/(100\sqrt n) \)); as survey does, each limit is then the quantile (by the rule) at the
 * <em>unweighted</em> share of the rows at or below the root, n and the interquartile range counting the rows of
 * the design survey holds — the domain's rows that answered for an uncalibrated design, every row of a calibrated
 * one (survey keeps the rows of a calibrated design when it takes a subset; a missing value there counts as 0).
 * On a sample drawn with unequal weights that share is not the weighted one, and the interval can miss the
 * estimate (on this package's test survey, a median of 3 employees with a score interval [1, 1]); it is given
 * for parity with survey, whose documentation says Dorfman and Valliant [3] found it inferior to the beta and
 * logit intervals.
 *
 * <p><b>The replicates' interval</b> ({@link #QUANTILE}, replicate designs only): the quantile in each replicate
 * (replicate weights, the same rule), their variance as any replicate variance (survey's {@code svrVar}, centred
 * as the design says), and \( \hat q \pm t_{1-α/2}\sqrt{v} \). survey warns that jackknife replicates may not give
 * valid standard errors for quantiles.
 *
 * <p><b>The standard error</b>, as survey reports it, is the interval's length over \( 2t_{1-α/2} \): NaN when a
 * limit is, 0 when both limits are the same value.
 *
 * <p>survey 4.1.1 ignores the interval type on replicate designs and always gives {@link #MEAN} there; survey 4.4
 * gives each. This class follows 4.4.
 *
 * <p>References:
 * <ol>
 * <li>Woodruff, R. S. (1952). Confidence intervals for medians and other position measures. <i>Journal of the
 *     American Statistical Association</i> 47(260), 635–646. doi:10.1080/01621459.1952.10483443</li>
 * <li>Francisco, C. A. and Fuller, W. A. (1991). Quantile estimation with a complex survey design. <i>The Annals
 *     of Statistics</i> 19(1), 454–469. doi:10.1214/aos/1176347993</li>
 * <li>Dorfman, A. and Valliant, R. (1993). Quantile variance estimators in complex surveys. <i>Proceedings of
 *     the Section on Survey Research Methods</i>, American Statistical Association, 866–871.</li>
 * <li>Korn, E. L. and Graubard, B. I. (1998). Confidence intervals for proportions with small expected number
 *     of positive counts estimated from survey data. <i>Survey Methodology</i> 24(2), 193–201 ({@link #BETA}).</li>
 * <li>Lumley, T. (2010). <i>Complex Surveys: A Guide to Analysis Using R</i>. Wiley, §2.4.1.</li>
 * </ol>
 *
 * @since 0.1
 */
public enum QuantileInterval {
    /** Woodruff's interval with \( [p_L, p_U] = \hat p \pm t_{1-α/2}\,\mathrm{SE}(\hat p) \); {@code "mean"}. */
    MEAN,
    /**
     * Woodruff's interval with Korn and Graubard's [4] beta interval for \( \hat p \): the effective sample
     * \( n^* = \hat p(1-\hat p)/\mathrm{SE}^2 \cdot (t_{α/2,\,m-1}/t_{α/2,\,df})^2 \), m the rows of the design
     * survey holds (as {@link #SCORE}'s n), and
     * \( [B^{-1}(α/2;\ n^*\hat p,\ n^*(1-\hat p)+1),\ B^{-1}(1-α/2;\ n^*\hat p+1,\ n^*(1-\hat p))] \);
     * {@code "beta"}. NaN when \( \hat p \) has no variance.
     */
    BETA,
    /**
     * Woodruff's interval on the logit scale by the delta method:
     * \( \operatorname{expit}(\operatorname{logit}\hat p \pm t_{1-α/2}\,\mathrm{SE}/(\hat p(1-\hat p))) \);
     * {@code "xlogit"}.
     */
    XLOGIT,
    /**
     * Woodruff's interval on the arcsine square-root scale:
     * \( \sin^2(\arcsin\sqrt{\hat p} \pm t_{1-α/2}\,\mathrm{SE}/(2\sqrt{\hat p(1-\hat p)})) \); {@code "asin"}.
     */
    ASIN,
    /** Francisco and Fuller's score interval (see the class description); linearised designs only. */
    SCORE,
    /** The replicates' quantiles' interval (see the class description); replicate designs only. */
    QUANTILE;

    /** Whether the interval is Woodruff's, from an interval of the share at or below the estimate. */
    boolean isWoodruff() {
        return this != SCORE && this != QUANTILE;
    }

    /**
     * Woodruff's interval of the share \( \hat p \) with standard error se, at level {@code level}, on df degrees
     * of freedom, with {@code rows} rows in the design (for {@link #BETA}).
     */
    double[] shareInterval(double share, double se, int df, int rows, double level) {
        if (se == 0) {
            return new double[] {share, share};
        }
        double alpha = 1 - level;
        double t = critical(level, df);
        switch (this) {
            case MEAN:
                return new double[] {share - t * se, share + t * se};
            case XLOGIT: {
                // svycontrast's symbolic derivative of log(p/(1 - p))
                double logit = Math.log(share / (1 - share));
                double derivative = (1 / (1 - share) + share / ((1 - share) * (1 - share))) / (share / (1 - share));
                double half = t * Math.abs(derivative) * se;
                return new double[] {expit(logit - half), expit(logit + half)};
            }
            case ASIN: {
                double root = Math.sqrt(share);
                double derivative = 0.5 * Math.pow(share, -0.5) / Math.sqrt(1 - root * root);
                double centre = Math.asin(root);
                double half = t * Math.abs(derivative) * se;
                double lower = Math.sin(centre - half);
                double upper = Math.sin(centre + half);
                return new double[] {lower * lower, upper * upper};
            }
            case BETA: {
                double effective = share * (1 - share) / (se * se);
                double ratio = critical(level, rows - 1) / t;
                effective *= ratio * ratio;
                return new double[] {beta(alpha / 2, effective * share, effective * (1 - share) + 1),
                    beta(1 - alpha / 2, effective * share + 1, effective * (1 - share))};
            }
            default:
                throw new IllegalStateException("Not a Woodruff interval: " + this);
        }
    }

    /** \( t_{1-α/2} \) on df degrees of freedom (NaN for none, as R's qt). */
    static double critical(double level, int df) {
        return df > 0 ? Distributions.t(level, df) : Double.NaN;
    }

    private static double expit(double x) {
        return Math.exp(x) / (1 + Math.exp(x));
    }

    /** R's qbeta, including its limits: a point mass at 0 or 1 for a zero shape, 0.5 for two infinite ones. */
    private static double beta(double p, double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b) || a < 0 || b < 0) {
            return Double.NaN;
        }
        if (Double.isInfinite(a) || Double.isInfinite(b)) {
            return Double.isInfinite(a) && Double.isInfinite(b) ? 0.5 : Double.isInfinite(a) ? 1 : 0;
        }
        if (a == 0 || b == 0) {
            return a == 0 && b == 0 ? (p < 0.5 ? 0 : 1) : a == 0 ? 0 : 1;
        }
        return Distributions.betaQuantile(p, a, b);
    }
}
