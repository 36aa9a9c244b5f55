package org.smesurvey.stats.meta;

import java.util.List;
import java.util.OptionalDouble;
import org.smesurvey.stats.TestResult;

/** What every fit of {@code rma.uni}'s family shares, read from one {@link Fitted}. */
abstract class FittedModel implements PooledModel {

    final Fitted fit;

    FittedModel(Fitted fit) {
        this.fit = fit;
    }

    /**
     * The options of the analysis.
     *
     * @return the analysis
     */
    public final MetaAnalysis analysis() {
        return fit.options;
    }

    @Override
    public final EffectSizes studies() {
        return fit.studies;
    }

    @Override
    public final int k() {
        return fit.k;
    }

    @Override
    public final Tau2Estimator estimator() {
        return fit.options.estimator();
    }

    @Override
    public final double level() {
        return fit.options.level();
    }

    @Override
    public final List<Coefficient> coefficients() {
        return fit.coefficients();
    }

    @Override
    public final double tau2() {
        return fit.tau2;
    }

    @Override
    public final double i2() {
        return fit.i2;
    }

    @Override
    public final double h2() {
        return fit.h2;
    }

    @Override
    public final OptionalDouble degreesOfFreedom() {
        return Double.isNaN(fit.degreesOfFreedom) ? OptionalDouble.empty() : OptionalDouble.of(fit.degreesOfFreedom);
    }

    @Override
    public final TestResult heterogeneityTest() {
        return fit.heterogeneityTest();
    }

    @Override
    public final double weight(int i) {
        return fit.weight(i);
    }

    @Override
    public final FitStatistics fitStatistics(boolean restricted) {
        return fit.fitStatistics(restricted);
    }

    /**
     * Knapp and Hartung's scale factor \( s^2 \) of the variance, metafor's {@code s2w}.
     *
     * @return s², empty without the Knapp–Hartung adjustment
     */
    public final OptionalDouble knappHartungFactor() {
        return fit.options.knappHartung() ? OptionalDouble.of(fit.s2w) : OptionalDouble.empty();
    }

    /**
     * The standard error of \( \hat τ^2 \), metafor's {@code res$se.tau2}, with or without moderators. With
     * \( P = W - WX(X'WX)^{-1}X'W \), \( W = \operatorname{diag}(1/(v_i + \hat τ^2)) \), and \( P_0 \), \( P_1 \)
     * the same projection at the weights of the DL (\( 1/v_i \)), HE (ones) and SJ (\( 1/(v_i + \hat τ^2_0) \)) fits:
     * \[ \mathrm{SE}_{ML} = \sqrt{2/\textstyle\sum_i w_i^2}, \quad \mathrm{SE}_{REML} = \sqrt{2/\operatorname{tr}(PP)},
     *   \quad \mathrm{SE}_{EB} = \mathrm{SE}_{PM} = \sqrt{\frac{2k^2}{k-p}}\Big/\textstyle\sum_i w_i, \]
     * \[ \mathrm{SE}_{DL} = \frac{\sqrt{2(k-p) + 4\hat τ^2\operatorname{tr}P_0 + 2\hat τ^4\operatorname{tr}(P_0P_0)}}
     *   {\operatorname{tr}P_0}, \quad
     *   \mathrm{SE}_{HE} = \frac{\sqrt{2\operatorname{tr}(P_1VP_1V) + 4\hat τ^2\operatorname{tr}(P_1V)
     *   + 2\hat τ^4(k-p)}}{k-p}, \]
     * \[ \mathrm{SE}_{SJ} = \frac{\hat τ^2_0}{k-p}\sqrt{2\operatorname{tr}(PVPV) + 4\hat τ^2\operatorname{tr}(PVP)
     *   + 2\hat τ^4\operatorname{tr}(PP)} \]
     * (P at the SJ weights), as metafor 3.8's {@code rma.uni} computes them (the information of the likelihood
     * for ML and REML, the variance of the moment estimators' quadratic forms otherwise).
     *
     * <p>References: Viechtbauer, W. (2005). Bias and efficiency of meta-analytic variance estimators in the
     * random-effects model. <i>Journal of Educational and Behavioral Statistics</i> 30, 261–293.
     * doi:10.3102/10769986030003261; Viechtbauer, W. (2010). Conducting meta-analyses in R with the metafor
     * package. <i>Journal of Statistical Software</i> 36(3). doi:10.18637/jss.v036.i03
     *
     * @return the standard error; empty for the equal-effects model, a single study, and refits (leave-one-out,
     *         cumulative, influence), which metafor does not give one either
     * @since 0.2
     */
    public final OptionalDouble tau2StandardError() {
        return fit.tau2StandardError;
    }

    /**
     * The covariance of the coefficients, metafor's {@code vcov(res)}:
     * \[ V_β = s^2 (X'WX)^{-1}, \quad W = \operatorname{diag}\big(1/(v_i + \hat τ^2)\big), \]
     * \( s^2 \) Knapp and Hartung's factor under their adjustment and 1 otherwise; rows and columns in the
     * order of {@link #coefficients()}, so that {@code sqrt(covariance()[j][j])} is coefficient j's standard
     * error.
     *
     * <p>Reference: Knapp, G. and Hartung, J. (2003). Improved tests for a random effects meta-regression with a
     * single covariate. <i>Statistics in Medicine</i> 22, 2693–2710. doi:10.1002/sim.1482
     *
     * @return a copy, p × p
     * @since 0.2
     */
    @Override
    public final double[][] covariance() {
        double[][] copy = new double[fit.p][];
        for (int j = 0; j < fit.p; j++) {
            copy[j] = fit.vb[j].clone();
        }
        return copy;
    }
}
