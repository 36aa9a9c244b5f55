package org.smesurvey.stats.survey;

/**
 * Akaike's criterion for a design-based regression, survey's {@code AIC(svyglm)} (Lumley and Scott 2015): the
 * model's fit penalised by its effective number of parameters, the sum of the design effects λ of its coefficients
 * (the eigenvalues of \( V_0^{-1} V \), V the sandwich and \( V_0 \) the naive covariance) instead of their number.
 * For a non-gaussian family \( \mathrm{AIC} = D + 2\sum_j λ_j \), D the deviance with the weights rescaled to mean 1
 * and λ over the coefficients besides the intercept. For the gaussian family, survey 4.4's formula: with
 * \( \hat N = n \) the sum of the rescaled weights \( \tilde w_i \) and \( \hat σ^2 = \sum_i \tilde w_i r_i^2/\hat N \),
 * \( \mathrm{AIC} = \hat N \log \hat σ^2 + \hat N + \hat N \log 2π + 2(\operatorname{tr}Δ_μ + Δ_{σ^2}) \), where
 * \( Δ_μ = (\hat σ^2 V_0)^{-1} V \) over the coefficients besides the intercept and \( Δ_{σ^2} = I/H \), with
 * \( I = \hat N/(2\hat σ^4) \), \( H = \sum_i \tilde w_i U_i^2 \), \( U_i = -1/(2\hat σ^2) + r_i^2/(2\hat σ^4) \).
 * survey 4.1.1's gaussian formula differs (its \( \hat σ^2 \) is {@code svyvar} of the residuals, \( V_0 \) is not
 * multiplied by it, \( Δ_{σ^2} = H/I \), and all three values are divided by \( \hat σ^2 \)), and fails on a
 * replicate design; survey 4.4 replaced it, and this follows survey 4.4. The non-gaussian values are the same in
 * both versions.
 *
 * <p>Reference: Lumley, T. and Scott, A. J. (2015). AIC and BIC for modeling with complex survey data.
 * <i>Journal of Survey Statistics and Methodology</i> 3(1), 1–18. doi:10.1093/jssam/smu021.
 *
 * @param effectiveParameters the effective number of parameters, survey's {@code eff.p}
 * @param aic the criterion, survey's {@code AIC}
 * @param meanDesignEffect the mean design effect, survey's {@code deltabar}: {@code effectiveParameters} over the
 *        number of λ; NaN for a model with nothing besides an intercept
 * @since 0.1
 */
public record DesignAic(double effectiveParameters, double aic, double meanDesignEffect) {
}
