package org.smesurvey.stats.meta;

/**
 * The small-sample correction of a cluster-robust (sandwich) covariance, as
 * {@link MultilevelResult#robust(String[], RobustVariance)} computes it. With clusters \( j = 1..n \), design rows
 * \( X_j \), residuals \( e_j \), the model's weights \( W_j \) and \( V_β = (X'WX)^{-1} \), every estimator is
 * \[ V^{CR} = V_β \Big(\sum_j X_j'W_jA_je_je_j'A_j'W_jX_j\Big) V_β \]
 * for some adjustment \( A_j \).
 *
 * <p>References:
 * <ol>
 * <li>Hedges, L. V., Tipton, E. and Johnson, M. C. (2010). Robust variance estimation in meta-regression with
 *     dependent effect size estimates. <i>Research Synthesis Methods</i> 1, 39–65. doi:10.1002/jrsm.5</li>
 * <li>Bell, R. M. and McCaffrey, D. F. (2002). Bias reduction in standard errors for linear regression with
 *     multi-stage samples. <i>Survey Methodology</i> 28, 169–181.</li>
 * <li>Pustejovsky, J. E. and Tipton, E. (2018). Small-sample methods for cluster-robust variance estimation and
 *     hypothesis testing in fixed effects models. <i>Journal of Business and Economic Statistics</i> 36, 672–683.
 *     doi:10.1080/07350015.2016.1247004</li>
 * </ol>
 *
 * @since 0.2
 */
public enum RobustVariance {
    /**
     * \( A_j = \sqrt{n/(n-p)}\,I \): the sandwich times \( n/(n-p) \), t tests on \( n - p \) degrees of freedom and
     * the moderators' F test on \( (m, n - p) \); metafor's {@code robust(res, cluster, adjust = TRUE)} [1].
     */
    CR1,
    /**
     * The bias-reduced linearisation [2, 3]: with \( Φ_j \) the model's covariance of cluster j's estimates (the
     * block of \( M \)), \( Φ_j = D_j'D_j \) its Cholesky factorisation and
     * \( B_j = D_j(Φ_j - X_jV_βX_j')D_j' \),
     * \[ A_j = D_j'B_j^{+1/2}D_j, \]
     * \( B_j^{+1/2} \) the symmetric square root of B's Moore–Penrose inverse (eigenvalues at most \( 10^{-12} \)
     * dropped, as clubSandwich does where \( I - H_{jj} \) is singular: a cluster that alone determines a
     * coefficient). Each coefficient is tested by t on Satterthwaite's degrees of freedom
     * \( ν = (\operatorname{tr}P)^2/\operatorname{tr}(P^2) \), \( P_{jk} = δ_{jk}h_j'Φ_jh_j - h_j'X_jV_βX_k'h_k \),
     * \( h_j = A_jW_jX_jV_βc \) for the coefficient's unit vector c; clubSandwich's
     * {@code coef_test(res, vcov = "CR2", cluster, test = "Satterthwaite")} [3].
     */
    CR2
}
