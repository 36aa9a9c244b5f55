package org.smesurvey.stats;

import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.special.Gamma;

/**
 * The quantiles and tail probabilities this package needs, from commons-math3, computed to full double
 * precision: quantiles with the solver's absolute accuracy set to the smallest double (the default, 1e-9,
 * is too loose for small proportions), upper tails from the complementary functions so that small p-values
 * keep their digits.
 */
final class Distributions {
    private static final double ACCURACY = Double.MIN_VALUE;
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1, ACCURACY);

    private Distributions() {
    }

    /** The two-sided critical value {@code z} with {@code P(|Z| <= z) = level}. */
    static double z(double level) {
        return STANDARD_NORMAL.inverseCumulativeProbability(1 - (1 - level) / 2);
    }

    /** The standard normal quantile. */
    static double normalQuantile(double p) {
        return STANDARD_NORMAL.inverseCumulativeProbability(p);
    }

    /** {@code P(Z > z)}. */
    static double normalUpperTail(double z) {
        return 0.5 * Erf.erfc(z / Math.sqrt(2));
    }

    /** {@code P(Z <= z)}. */
    static double normalCdf(double z) {
        return 0.5 * Erf.erfc(-z / Math.sqrt(2));
    }

    /** {@code P(|Z| >= |z|)}. */
    static double normalTwoSided(double z) {
        return Erf.erfc(Math.abs(z) / Math.sqrt(2));
    }

    /** {@code P(X > x)} for a χ² variable with {@code df} degrees of freedom. */
    static double chiSquareUpperTail(double x, double df) {
        return x <= 0 ? 1 : Gamma.regularizedGammaQ(df / 2, x / 2);
    }

    /** The quantile of a Beta(a, b) distribution. */
    static double betaQuantile(double p, double a, double b) {
        return new BetaDistribution(null, a, b, ACCURACY).inverseCumulativeProbability(p);
    }
}
