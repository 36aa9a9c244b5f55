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
 * <p>Other predictors than the standard error (metafor's {@code predictor}): the sampling variance, the sample
 * size, its inverse, its square root and the inverse of its square root (Peters et al. 2006, <i>JAMA</i> 295,
 * 676–680, for the inverse sample size). An analysis with the equal-effects estimator and Knapp–Hartung's
 * adjustment fits metafor's {@code model = "lm"}, the weighted regression with a multiplicative dispersion.
 *
 * @param regression the fitted meta-regression on the predictor
 * @param predictor what the effects are regressed on
 * @since 0.1
 */
public record RegressionTest(MetaRegression regression, Predictor predictor) implements SignificanceResult {

    /** What the effects are regressed on, metafor's {@code predictor}. */
    public enum Predictor {
        /** The standard error \( \sqrt{v_i} \) (Egger's test). */
        SEI("sei", "standard error"),
        /** The sampling variance \( v_i \). */
        VI("vi", "sampling variance"),
        /** The sample size \( n_i \). */
        NI("ni", "sample size"),
        /** The inverse of the sample size \( 1/n_i \). */
        NINV("ninv", "inverse of the sample size"),
        /** The square root of the sample size. */
        SQRTNI("sqrtni", "square root sample size"),
        /** The inverse of the square root of the sample size. */
        SQRTNINV("sqrtninv", "inverse of the square root sample size");

        private final String column;
        private final String words;

        Predictor(String column, String words) {
            this.column = column;
            this.words = words;
        }

        /**
         * The moderator's name in the regression, as metafor names it.
         *
         * @return such as {@code sei}
         */
        public String column() {
            return column;
        }

        /**
         * Whether the intercept is the effect of a study of infinite precision (the predictor is 0 there).
         *
         * @return true for the standard error, the variance and the inverses of the sample size
         */
        public boolean hasLimitEstimate() {
            return this != NI && this != SQRTNI;
        }

        double value(EffectSizes studies, int i) {
            return switch (this) {
                case SEI -> Math.sqrt(studies.vi(i));
                case VI -> studies.vi(i);
                case NI -> studies.ni(i);
                case NINV -> 1 / studies.ni(i);
                case SQRTNI -> Math.sqrt(studies.ni(i));
                case SQRTNINV -> 1 / Math.sqrt(studies.ni(i));
            };
        }
    }

    /**
     * Validates the test.
     *
     * @param regression the fitted meta-regression on the predictor
     * @param predictor what the effects are regressed on
     * @throws NullPointerException if an argument is null
     */
    public RegressionTest {
        java.util.Objects.requireNonNull(regression, "regression");
        java.util.Objects.requireNonNull(predictor, "predictor");
    }

    /**
     * The test's name, as metafor's {@code regtest} prints it.
     *
     * @return the name, with the model fitted
     */
    @Override
    public String method() {
        String model = regression.estimator() == Tau2Estimator.EE && regression.analysis().knappHartung()
                ? "weighted regression with multiplicative dispersion" : (regression.estimator() == Tau2Estimator.EE
                ? "equal-effects" : "mixed-effects") + " meta-regression model";
        return "Regression test for funnel plot asymmetry (" + model + ", predictor: " + predictor.words + ")";
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
        return regression.coefficient(predictor.column()).statistic();
    }

    /**
     * The two-sided p-value of the slope.
     *
     * @return the p-value
     */
    @Override
    public double pValue() {
        return regression.coefficient(predictor.column()).pValue();
    }

    /**
     * The limit estimate: the intercept, with its confidence interval, the effect where the predictor is 0 (an
     * infinitely precise study).
     *
     * @return the interval around \( b_0 \)
     * @throws IllegalStateException for the sample size or its square root, which are not 0 for such a study
     */
    public Interval limitEstimate() {
        if (!predictor.hasLimitEstimate()) {
            throw new IllegalStateException("The predictor " + predictor.column() + " has no limit estimate");
        }
        Coefficient intercept = regression.coefficient("intrcpt");
        return new Interval(intercept.estimate(), intercept.lower(), intercept.upper(), regression.analysis().level());
    }
}
