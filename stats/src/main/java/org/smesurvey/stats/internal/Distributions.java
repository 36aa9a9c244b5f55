package org.smesurvey.stats.internal;

import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.special.Gamma;

/**
 * The quantiles and tail probabilities the stats packages need, from commons-math3 at full double precision:
 * quantiles with the solver's absolute accuracy set to the smallest double (commons-math3's default, 1e-9, is
 * too loose for small proportions), upper tails from the complementary special functions so that small
 * p-values keep their digits.
 *
 * @since 0.1
 */
public final class Distributions {
    private static final double ACCURACY = Double.MIN_VALUE;
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1, ACCURACY);

    private Distributions() {
    }

    /**
     * The two-sided critical value \( z \) with \( P(|Z| \le z) = \text{level} \).
     *
     * @param level the confidence level
     * @return \( z_{1-α/2} \)
     */
    public static double z(double level) {
        return STANDARD_NORMAL.inverseCumulativeProbability(1 - (1 - level) / 2);
    }

    /**
     * The standard normal quantile.
     *
     * @param p a probability
     * @return the quantile
     */
    public static double normalQuantile(double p) {
        return STANDARD_NORMAL.inverseCumulativeProbability(p);
    }

    /**
     * \( P(Z > z) \).
     *
     * @param z a value
     * @return the upper tail
     */
    public static double normalUpperTail(double z) {
        return 0.5 * Erf.erfc(z / Math.sqrt(2));
    }

    /**
     * \( P(Z \le z) \).
     *
     * @param z a value
     * @return the distribution function
     */
    public static double normalCdf(double z) {
        return 0.5 * Erf.erfc(-z / Math.sqrt(2));
    }

    /**
     * \( P(|Z| \ge |z|) \).
     *
     * @param z a value
     * @return the two-sided p-value
     */
    public static double normalTwoSided(double z) {
        return Erf.erfc(Math.abs(z) / Math.sqrt(2));
    }

    /**
     * \( P(X > x) \) for a χ² variable.
     *
     * @param x a value
     * @param df the degrees of freedom
     * @return the upper tail
     */
    public static double chiSquareUpperTail(double x, double df) {
        return x <= 0 ? 1 : Gamma.regularizedGammaQ(df / 2, x / 2);
    }

    /**
     * The χ² quantile.
     *
     * @param p a probability
     * @param df the degrees of freedom
     * @return the quantile
     */
    public static double chiSquareQuantile(double p, double df) {
        return new ChiSquaredDistribution(null, df, ACCURACY).inverseCumulativeProbability(p);
    }

    /**
     * The two-sided critical value of Student's t with \( P(|T| \le t) = \text{level} \).
     *
     * @param level the confidence level
     * @param df the degrees of freedom
     * @return \( t_{1-α/2,\,df} \)
     */
    public static double t(double level, double df) {
        return new TDistribution(null, df, ACCURACY).inverseCumulativeProbability(1 - (1 - level) / 2);
    }

    /**
     * \( P(|T| \ge |t|) \) for Student's t.
     *
     * @param t a value
     * @param df the degrees of freedom
     * @return the two-sided p-value
     */
    public static double tTwoSided(double t, double df) {
        return Beta.regularizedBeta(df / (df + t * t), df / 2, 0.5);
    }

    /**
     * \( P(F > f) \) for Fisher's F.
     *
     * @param f a value
     * @param df1 the numerator degrees of freedom
     * @param df2 the denominator degrees of freedom
     * @return the upper tail
     */
    public static double fUpperTail(double f, double df1, double df2) {
        return f <= 0 ? 1 : Beta.regularizedBeta(df2 / (df2 + df1 * f), df2 / 2, df1 / 2);
    }

    /**
     * The quantile of a Beta(a, b) distribution.
     *
     * @param p a probability
     * @param a the first shape
     * @param b the second shape
     * @return the quantile
     */
    public static double betaQuantile(double p, double a, double b) {
        return new BetaDistribution(null, a, b, ACCURACY).inverseCumulativeProbability(p);
    }
}
