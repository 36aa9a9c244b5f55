package org.smesurvey.stats.meta;

import java.util.OptionalDouble;
import org.smesurvey.stats.Interval;
import org.smesurvey.stats.SignificanceResult;

/**
 * Egger's regression test for funnel-plot asymmetry, as metafor's {@code regtest}: the slope of the standard
 * errors in the meta-regression \( y_i = b_0 + b_1\sqrt{v_i} \), and the limit estimate \( b_0 \), the
 * effect as the standard error goes to 0.
 *
 * <p>Reference: Egger, M., Davey Smith, G., Schneider, M. and Minder, C. (1997). Bias in meta-analysis detected
 * by a simple, graphical test. <i>BMJ</i> 315, 629–634; Sterne, J. A. C. and Egger, M. (2005). Regression
 * methods to detect publication and other bias in meta-analysis. In Rothstein, Sutton and Borenstein (eds),
 * <i>Publication Bias in Meta-Analysis</i>. Wiley, 99–110.
 *
 * @param regression the fitted meta-regression on the standard errors
 * @since 0.1
 */
public record RegressionTest(MetaRegression regression) implements SignificanceResult {

    /**
     * Validates the test.
     *
     * @param regression the fitted meta-regression on the standard errors
     * @throws NullPointerException if it is null
     */
    public RegressionTest {
        java.util.Objects.requireNonNull(regression, "regression");
    }

    /**
     * The test's name, as metafor's {@code regtest} prints it.
     *
     * @return the name, with the model fitted
     */
    @Override
    public String method() {
        return "Regression test for funnel plot asymmetry (" + (regression.estimator() == Tau2Estimator.EE
                ? "equal-effects" : "mixed-effects") + " meta-regression model, predictor: standard error)";
    }

    /**
     * The degrees of freedom of the t statistic under Knapp–Hartung, k − 2.
     *
     * @return k − 2, or empty for a z statistic
     */
    @Override
    public OptionalDouble degreesOfFreedom() {
        return regression.analysis().knappHartung() ? OptionalDouble.of(regression.k() - 2) : OptionalDouble.empty();
    }

    /**
     * The test statistic of the slope (z, or t under Knapp–Hartung).
     *
     * @return the statistic
     */
    @Override
    public double statistic() {
        return regression.coefficient("sei").statistic();
    }

    /**
     * The two-sided p-value of the slope.
     *
     * @return the p-value
     */
    @Override
    public double pValue() {
        return regression.coefficient("sei").pValue();
    }

    /**
     * The limit estimate: the intercept, with its confidence interval.
     *
     * @return the interval around \( b_0 \)
     */
    public Interval limitEstimate() {
        Coefficient intercept = regression.coefficient("intrcpt");
        return new Interval(intercept.estimate(), intercept.lower(), intercept.upper(), regression.analysis().level());
    }
}
