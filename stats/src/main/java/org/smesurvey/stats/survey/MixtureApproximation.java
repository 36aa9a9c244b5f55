package org.smesurvey.stats.survey;

/**
 * How the upper tail of a Rao–Scott working statistic's null distribution — a mixture \( \sum_j λ_j χ^2_1 \), over
 * an independent \( χ^2_d/d \) when the denominator has d degrees of freedom — is approximated: survey's
 * {@code regTermTest(..., lrt.approximation)}, passed to its {@code pchisqsum} and {@code pFsum}. survey's third
 * method, {@code "integration"} (Davies' or Farebrother's algorithm from the CompQuadForm package), is not offered.
 *
 * <p>References: Kuonen, D. (1999). Saddlepoint approximations for distributions of quadratic forms in normal
 * variables. <i>Biometrika</i> 86(4), 929–935; Satterthwaite, F. E. (1946). An approximate distribution of estimates
 * of variance components. <i>Biometrics Bulletin</i> 2(6), 110–114; Lumley, T. and Scott, A. J. (2014). Tests for
 * regression models fitted to survey data. <i>Australian &amp; New Zealand Journal of Statistics</i> 56(1), 1–14.
 *
 * @since 0.1
 */
public enum MixtureApproximation {

    /**
     * Kuonen's saddlepoint approximation with Lugannani and Rice's tail, falling back to {@link #SATTERTHWAITE}
     * where the saddlepoint is within 1e-4 of 0, survey's {@code "saddlepoint"} (regTermTest's default). With a
     * denominator, the tail is that of \( \sum_j λ_j χ^2_1 - (x/d) χ^2_d \) at 0.
     */
    SADDLEPOINT,

    /**
     * Satterthwaite's moment match: the mixture as \( a\,χ^2_ν \) with \( a = \overline{λ^2}/\bar λ \) and
     * \( ν = k \bar λ^2/\overline{λ^2} \), k the number of λ, so the tail is \( P(χ^2_ν > x/a) \), or
     * \( P(F_{ν,d} > x/(aν)) \) with a denominator; survey's {@code "satterthwaite"}.
     */
    SATTERTHWAITE
}
