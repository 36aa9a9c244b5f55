package org.smesurvey.stats.meta;

/**
 * How the between-study variance \( τ^2 \) is estimated: metafor's {@code method} argument of {@code rma}.
 *
 * <p>References:
 * <ol>
 * <li>DerSimonian, R. and Laird, N. (1986). Meta-analysis in clinical trials. <i>Controlled Clinical
 *     Trials</i> 7, 177–188.</li>
 * <li>Hedges, L. V. and Olkin, I. (1985). <i>Statistical Methods for Meta-Analysis</i>. Academic Press.</li>
 * <li>Sidik, K. and Jonkman, J. N. (2005). Simple heterogeneity variance estimation for meta-analysis.
 *     <i>JRSS C</i> 54, 367–384.</li>
 * <li>Paule, R. C. and Mandel, J. (1982). Consensus values and weighting factors. <i>Journal of Research of
 *     the National Bureau of Standards</i> 87, 377–385.</li>
 * <li>Morris, C. N. (1983). Parametric empirical Bayes inference. <i>JASA</i> 78, 47–55.</li>
 * <li>Viechtbauer, W. (2005). Bias and efficiency of meta-analytic variance estimators in the random-effects
 *     model. <i>Journal of Educational and Behavioral Statistics</i> 30, 261–293 (ML, REML, Fisher scoring).</li>
 * </ol>
 *
 * @since 0.1
 */
public enum Tau2Estimator {
    /** Equal effects (metafor's "EE", formerly "FE"): \( τ^2 = 0 \). */
    EE("equal effects"),
    /** DerSimonian–Laird [1]: \( \max\big(0, (Q - (k - p))/\operatorname{tr} P\big) \) with weights \( 1/v_i \). */
    DL("DerSimonian-Laird"),
    /** Hedges [2]: from the unweighted residual sum of squares, truncated at 0. */
    HE("Hedges"),
    /** Sidik–Jonkman [3]: one step from the unweighted variance of the effect sizes. */
    SJ("Sidik-Jonkman"),
    /** Paule–Mandel [4]: the \( τ^2 \) at which the generalised Q statistic equals its degrees of freedom. */
    PM("Paule-Mandel"),
    /** Maximum likelihood [6], Fisher scoring from the Hedges estimate. */
    ML("maximum likelihood"),
    /** Restricted maximum likelihood [6], Fisher scoring from the Hedges estimate; metafor's default. */
    REML("restricted maximum likelihood"),
    /** Empirical Bayes [5], Fisher-scoring-like iterations from the Hedges estimate. */
    EB("empirical Bayes");

    private final String description;

    Tau2Estimator(String description) {
        this.description = description;
    }

    /**
     * The estimator's name.
     *
     * @return the name
     */
    public String description() {
        return description;
    }
}
