package org.smesurvey.stats.survey;

/**
 * The Bayesian criterion of a design-based regression within a maximal model, survey's
 * {@code BIC(g, maximal = M)} (its {@code dBIC}): with p the model's coefficients, \( n \) one more than its null
 * degrees of freedom, and the coefficients of M it lacks tested in M,
 * \( \mathrm{BIC} = W + p\log n + \log\det Δ + D_M \), W their Wald χ² in M's sandwich covariance, \( Δ = V_0^{-1}V \)
 * over them in M (naive and sandwich covariances) and \( D_M \) M's deviance (weights rescaled to mean 1); the
 * effective sample size is \( n/\bar δ \) with \( \bar δ = (\det Δ)^{1/(p_M - p)} \). For M itself W = 0 and
 * det Δ = 1. The same in survey 4.1.1 and 4.4.
 *
 * <p>Reference: Lumley, T. and Scott, A. J. (2015). AIC and BIC for modeling with complex survey data.
 * <i>Journal of Survey Statistics and Methodology</i> 3(1), 1–18. doi:10.1093/jssam/smu021.
 *
 * @param parameters the model's number of coefficients, survey's {@code p}
 * @param bic the criterion, survey's {@code BIC}
 * @param effectiveSampleSize survey's {@code neff}, NaN when the model is the maximal one
 * @since 0.1
 */
public record DesignBic(int parameters, double bic, double effectiveSampleSize) {
}
