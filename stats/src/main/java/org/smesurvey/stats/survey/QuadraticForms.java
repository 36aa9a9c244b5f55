package org.smesurvey.stats.survey;

import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.smesurvey.stats.internal.Distributions;

/**
 * Upper tails of \( \sum_j λ_j χ^2_1 \) and of its ratio to an independent \( χ^2_d / d \) — the null distributions
 * of Rao–Scott working statistics — by Kuonen's saddlepoint approximation, falling back to Satterthwaite's
 * scaled χ² (or F) where the saddlepoint is too near 0, as survey's {@code pchisqsum} and {@code pFsum} with
 * {@code method = "saddlepoint"}. The saddlepoint equation is solved to 1e-15 (survey's {@code uniroot} stops at
 * 1e-8 in ζ).
 *
 * <p>References: Kuonen, D. (1999). Saddlepoint approximations for distributions of quadratic forms in normal
 * variables. <i>Biometrika</i> 86(4), 929–935; Lumley, T. and Scott, A. J. (2014). Tests for regression models fitted
 * to survey data. <i>Australian &amp; New Zealand Journal of Statistics</i> 56(1), 1–14.
 */
final class QuadraticForms {

    private QuadraticForms() {
    }

    /** P(Σ λ_j χ²_1 > x), survey's {@code pchisqsum(x, 1, λ, lower.tail = FALSE, method = "saddlepoint")}. */
    static double chiSquareSumUpper(double x, double[] lambda) {
        return chiSquareSumUpper(x, lambda, MixtureApproximation.SADDLEPOINT);
    }

    /** P(Σ λ_j χ²_1 > x), survey's {@code pchisqsum(x, 1, λ, lower.tail = FALSE, method)}. */
    static double chiSquareSumUpper(double x, double[] lambda, MixtureApproximation approximation) {
        double[] multiplicity = ones(lambda.length);
        double mean = 0;
        double square = 0;
        for (double l : lambda) {
            mean += l / lambda.length;
            square += l * l / lambda.length;
        }
        double ratio = square / (mean * mean);
        double satterthwaite = Distributions.chiSquareUpperTail(x / (mean * ratio), lambda.length / ratio);
        if (approximation == MixtureApproximation.SATTERTHWAITE) {
            return satterthwaite;
        }
        double saddle = saddle(x, lambda, multiplicity);
        return Double.isNaN(saddle) ? satterthwaite : saddle;
    }

    /**
     * P((Σ λ_j χ²_1) / (χ²_d / d) > x), survey's {@code pFsum(x, 1, λ, ddf = d, lower.tail = FALSE)}: the
     * saddlepoint of \( Σ λ_j χ^2_1 - (x/d) χ^2_d \) at 0.
     */
    static double fSumUpper(double x, double[] lambda, double ddf) {
        return fSumUpper(x, lambda, ddf, MixtureApproximation.SADDLEPOINT);
    }

    /** P((Σ λ_j χ²_1) / (χ²_d / d) > x), survey's {@code pFsum(x, 1, λ, ddf = d, lower.tail = FALSE, method)}. */
    static double fSumUpper(double x, double[] lambda, double ddf, MixtureApproximation approximation) {
        double mean = 0;
        double square = 0;
        for (double l : lambda) {
            mean += l / lambda.length;
            square += l * l / lambda.length;
        }
        double ratio = square / (mean * mean);
        double ndf = lambda.length / ratio;
        double satterthwaite = Distributions.fUpperTail(x / ndf / (mean * ratio), ndf, ddf);
        if (approximation == MixtureApproximation.SATTERTHWAITE) {
            return satterthwaite;
        }
        double[] all = java.util.Arrays.copyOf(lambda, lambda.length + 1);
        all[lambda.length] = -x / ddf;
        double[] multiplicity = ones(lambda.length + 1);
        multiplicity[lambda.length] = ddf;
        double saddle = saddle(0, all, multiplicity);
        return Double.isNaN(saddle) ? satterthwaite : saddle;
    }

    private static double[] ones(int n) {
        double[] ones = new double[n];
        java.util.Arrays.fill(ones, 1);
        return ones;
    }

    /**
     * survey's {@code saddle(x, lambda)} with each λ_j repeated m_j times: the root ζ of K'(ζ) = x, then
     * Lugannani–Rice's upper tail \( 1 - Φ(w + \log(v/w)/w) \); NaN when |ζ| &lt; 1e-4, as survey.
     */
    private static double saddle(double x0, double[] lambda0, double[] multiplicity) {
        double d = Double.NEGATIVE_INFINITY;
        for (double l : lambda0) {
            d = Math.max(d, l);
        }
        double[] lambda = new double[lambda0.length];
        for (int j = 0; j < lambda.length; j++) {
            lambda[j] = lambda0[j] / d;
        }
        double x = x0 / d;
        double count = 0;
        double sum = 0;
        double lowest = Double.NEGATIVE_INFINITY;
        double highest = Double.POSITIVE_INFINITY;
        boolean negative = false;
        for (int j = 0; j < lambda.length; j++) {
            count += multiplicity[j];
            sum += multiplicity[j] * lambda[j];
            if (lambda[j] < 0) {
                negative = true;
                lowest = Math.max(lowest, 1 / (2 * lambda[j]));
            } else if (lambda[j] > 0) {
                highest = Math.min(highest, 1 / (2 * lambda[j]));
            }
        }
        double lmin = negative ? lowest * 0.99999 : x > sum ? -0.01 : -count / (2 * x);
        double lmax = highest * 0.99999;
        double zeta = new BrentSolver(1e-15, 1e-15).solve(10_000, z -> {
            double k1 = 0;
            for (int j = 0; j < lambda.length; j++) {
                k1 += multiplicity[j] * lambda[j] / (1 - 2 * z * lambda[j]);
            }
            return k1 - x;
        }, lmin, lmax);
        double k0 = 0;
        double k2 = 0;
        for (int j = 0; j < lambda.length; j++) {
            double f = 1 - 2 * zeta * lambda[j];
            k0 -= multiplicity[j] * Math.log(f) / 2;
            k2 += 2 * multiplicity[j] * lambda[j] * lambda[j] / (f * f);
        }
        double w = Math.signum(zeta) * Math.sqrt(2 * (zeta * x - k0));
        double v = zeta * Math.sqrt(k2);
        if (Math.abs(zeta) < 1e-4) {
            return Double.NaN;
        }
        return Distributions.normalUpperTail(w + Math.log(v / w) / w);
    }
}
