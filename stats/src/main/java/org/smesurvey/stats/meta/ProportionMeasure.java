package org.smesurvey.stats.meta;

import org.apache.commons.math3.analysis.solvers.BrentSolver;

/**
 * How a proportion is transformed before pooling: the outcome measures of metafor's {@code escalc} for
 * proportions, with the same effect sizes \( y_i \) and sampling variances \( v_i \).
 *
 * <p>For {@link #PR} and {@link #PLO}, a study with \( x = 0 \) or \( x = n \) gets ½ added to both of its
 * cells (\( x + ½ \) of \( n + 1 \)), as {@code escalc}'s default {@code add = 1/2, to = "only0"}; the
 * arcsine measures need no correction.
 *
 * <p>References:
 * <ol>
 * <li>Viechtbauer, W. (2010). Conducting meta-analyses in R with the metafor package. <i>Journal of
 *     Statistical Software</i> 36(3), 1–48. doi:10.18637/jss.v036.i03 ({@code escalc}).</li>
 * <li>Freeman, M. F. and Tukey, J. W. (1950). Transformations related to the angular and the square root.
 *     <i>Annals of Mathematical Statistics</i> 21, 607–611.</li>
 * <li>Miller, J. J. (1978). The inverse of the Freeman–Tukey double arcsine transformation. <i>The American
 *     Statistician</i> 32, 138 (back-transformation with the harmonic mean of the sample sizes).</li>
 * </ol>
 *
 * @since 0.1
 */
public enum ProportionMeasure {

    /** The raw proportion: \( y = p \), \( v = p(1-p)/n \); back-transformed as is, not clamped. */
    PR("raw proportion") {
        @Override
        double effect(double x, double n) {
            return x / n;
        }

        @Override
        double variance(double x, double n) {
            double p = x / n;
            return p * (1 - p) / n;
        }

        @Override
        public double backTransform(double y, double harmonicMeanN) {
            return y;
        }
    },

    /** The logit: \( y = \log\frac{p}{1-p} \), \( v = \frac1x + \frac1{n-x} \); back-transformed by the expit. */
    PLO("logit of the proportion") {
        @Override
        double effect(double x, double n) {
            double p = x / n; // as escalc, to the last bit
            return Math.log(p / (1 - p));
        }

        @Override
        double variance(double x, double n) {
            return 1 / x + 1 / (n - x);
        }

        @Override
        public double backTransform(double y, double harmonicMeanN) {
            return 1 / (1 + Math.exp(-y));
        }
    },

    /**
     * The arcsine square root: \( y = \arcsin\sqrt p \), \( v = 1/(4n) \); back-transformed by \( \sin^2 y \),
     * clamped to [0, 1].
     */
    PAS("arcsine square root of the proportion") {
        @Override
        double effect(double x, double n) {
            return Math.asin(Math.sqrt(x / n));
        }

        @Override
        double variance(double x, double n) {
            return 1 / (4 * n);
        }

        @Override
        public double backTransform(double y, double harmonicMeanN) {
            if (y < 0) {
                return 0;
            }
            if (y > Math.PI / 2) {
                return 1;
            }
            double s = Math.sin(y);
            return s * s;
        }
    },

    /**
     * The Freeman–Tukey double arcsine [2]:
     * \( y = \tfrac12\big(\arcsin\sqrt{x/(n+1)} + \arcsin\sqrt{(x+1)/(n+1)}\big) \), \( v = 1/(4n + 2) \);
     * back-transformed with Miller's inverse [3] at the harmonic mean of the studies' sample sizes, clamped
     * to [0, 1] outside the transformation's range, and found numerically where Miller's closed form is
     * undefined.
     */
    PFT("Freeman–Tukey double arcsine of the proportion") {
        @Override
        double effect(double x, double n) {
            return 0.5 * (Math.asin(Math.sqrt(x / (n + 1))) + Math.asin(Math.sqrt((x + 1) / (n + 1))));
        }

        @Override
        double variance(double x, double n) {
            return 1 / (4 * n + 2);
        }

        @Override
        public double backTransform(double y, double harmonicMeanN) {
            if (!(harmonicMeanN > 0)) {
                throw new IllegalArgumentException("Harmonic mean of the sample sizes is not positive: " + harmonicMeanN);
            }
            if (y >= effect(harmonicMeanN, harmonicMeanN)) {
                return 1;
            }
            if (y <= effect(0, harmonicMeanN)) {
                return 0;
            }
            double s = Math.sin(2 * y);
            double inner = 1 - Math.pow(s + (s - 1 / s) / harmonicMeanN, 2);
            if (inner >= 0) {
                return 0.5 * (1 - Math.signum(Math.cos(2 * y)) * Math.sqrt(inner));
            }
            return new BrentSolver(1e-15, 1e-15).solve(1000,
                    p -> effect(p * harmonicMeanN, harmonicMeanN) - y, 0, 1);
        }
    };

    private final String description;

    ProportionMeasure(String description) {
        this.description = description;
    }

    /**
     * A short English description.
     *
     * @return the description
     */
    public String description() {
        return description;
    }

    /**
     * Whether a study with \( x = 0 \) or \( x = n \) gets ½ added to both cells.
     *
     * @return {@code true} for {@link #PR} and {@link #PLO}
     */
    public boolean correctsZeroCells() {
        return this == PR || this == PLO;
    }

    /**
     * The effect size and sampling variance of {@code x} companies of {@code n}, with the zero-cell correction.
     *
     * @param x the (possibly effective) number of companies with the characteristic, in [0, n]
     * @param n the (possibly effective) number of companies, positive
     * @return \( \{y_i, v_i\} \)
     * @throws IllegalArgumentException if {@code n} is not positive or {@code x} not in [0, n]
     */
    public double[] effectSize(double x, double n) {
        if (!(n > 0 && n < Double.POSITIVE_INFINITY) || !(x >= 0 && x <= n)) {
            throw new IllegalArgumentException("Counts are not 0 <= x <= n with n > 0: x = " + x + ", n = " + n);
        }
        if (correctsZeroCells() && (x == 0 || x == n)) {
            x += 0.5;
            n += 1;
        }
        return new double[] {effect(x, n), variance(x, n)};
    }

    abstract double effect(double x, double n);

    abstract double variance(double x, double n);

    /**
     * A value on this measure's scale turned back into a proportion.
     *
     * @param y a value on the measure's scale, such as a pooled estimate or an interval limit
     * @param harmonicMeanN the harmonic mean of the studies' sample sizes; used by {@link #PFT} only
     * @return the proportion
     * @throws IllegalArgumentException for {@link #PFT} if the harmonic mean is not positive
     */
    public abstract double backTransform(double y, double harmonicMeanN);
}
