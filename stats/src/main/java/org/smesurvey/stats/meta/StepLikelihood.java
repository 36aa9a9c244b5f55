package org.smesurvey.stats.meta;

import org.smesurvey.stats.internal.Distributions;

/**
 * The log-likelihood of Vevea and Hedges' step-function selection model with its gradient and Hessian in closed
 * form, for {@link SelectionModel}: metafor's {@code .selmodel.ll.stepfun} (without a precision measure).
 *
 * <p>Study i's one-sided p-value falls in interval \( g_i \) of the steps \( 0 = α_0 < α_1 < \dots < α_N = 1 \);
 * each interval j is a set of effect sizes, a union of ranges \( [l, h] \) of y. With \( μ_i = x_i'β \),
 * \( S_i = v_i + τ^2 \) and \( P_{ij} \) the mass of \( N(μ_i, S_i) \) on interval j,
 * \[ \ell = \sum_i \Big[\log δ_{g_i} + \log φ(y_i; μ_i, S_i) - \log A_i\Big], \quad
 *    A_i = \sum_j δ_j P_{ij}. \]
 * The parameters are β (in the columns of the design given, here centred and scaled), τ² when it is estimated and
 * the weights δ that are estimated; the others stay at their values.
 */
final class StepLikelihood {

    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private final double[] y;
    private final double[] v;
    private final double[][] x;
    private final int k;
    private final int p;
    private final int intervals;
    /** ranges[i][j]: the ranges of y of study i's interval j, as {lo, hi, lo, hi, ...}. */
    private final double[][][] ranges;
    private final int[] group;
    private final boolean tau2Free;
    private final double tau2Fixed;
    /** Each interval's weight when fixed, NaN when estimated. */
    private final double[] fixedDelta;
    /** Each interval's position in the parameter vector, -1 when fixed. */
    private final int[] deltaIndex;
    private final int parameters;

    /** One evaluation: the log-likelihood and, on request, its gradient and Hessian in the parameters. */
    static final class Evaluation {
        final double logLikelihood;
        final double[] gradient;
        final double[][] hessian;

        Evaluation(double logLikelihood, double[] gradient, double[][] hessian) {
            this.logLikelihood = logLikelihood;
            this.gradient = gradient;
            this.hessian = hessian;
        }
    }

    StepLikelihood(double[] y, double[] v, double[][] x, double[] steps, SelectionModel.Alternative alternative,
            int[] group, boolean tau2Free, double tau2Fixed, double[] fixedDelta) {
        this.y = y;
        this.v = v;
        this.x = x;
        this.k = y.length;
        this.p = x[0].length;
        this.intervals = steps.length;
        this.group = group;
        this.tau2Free = tau2Free;
        this.tau2Fixed = tau2Fixed;
        this.fixedDelta = fixedDelta;
        this.deltaIndex = new int[intervals];
        int next = p + (tau2Free ? 1 : 0);
        for (int j = 0; j < intervals; j++) {
            deltaIndex[j] = Double.isNaN(fixedDelta[j]) ? next++ : -1;
        }
        this.parameters = next;
        this.ranges = new double[k][intervals][];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < intervals; j++) {
                ranges[i][j] = ranges(Math.sqrt(v[i]), j == 0 ? 0 : steps[j - 1], steps[j], alternative);
            }
        }
    }

    /**
     * The effect sizes whose p-value lies in \( (a, b] \), for a study of standard error \( σ \): with
     * \( q(α) = σΦ^{-1}(1 - α) \), \( [q(b), q(a)) \) for the upper tail, \( (-q(a), -q(b)] \) for the lower,
     * and both halves of \( q(b/2) \le |y| \lt q(a/2) \) for a two-sided p-value.
     */
    private static double[] ranges(double sigma, double a, double b, SelectionModel.Alternative alternative) {
        return switch (alternative) {
            case GREATER -> new double[] {upperQuantile(b, sigma), upperQuantile(a, sigma)};
            case LESS -> new double[] {-upperQuantile(a, sigma), -upperQuantile(b, sigma)};
            case TWO_SIDED -> new double[] {upperQuantile(b / 2, sigma), upperQuantile(a / 2, sigma),
                -upperQuantile(a / 2, sigma), -upperQuantile(b / 2, sigma)};
        };
    }

    /** \( σΦ^{-1}(1 - α) \), written \( -σΦ^{-1}(α) \) so that small α keep their digits; ±∞ at 0 and 1. */
    private static double upperQuantile(double alpha, double sigma) {
        if (alpha <= 0) {
            return Double.POSITIVE_INFINITY;
        }
        if (alpha >= 1) {
            return Double.NEGATIVE_INFINITY;
        }
        return alpha == 0.5 ? 0 : -sigma * Distributions.normalQuantile(alpha);
    }

    int parameters() {
        return parameters;
    }

    int deltaIndex(int interval) {
        return deltaIndex[interval];
    }

    /** τ² at these parameters. */
    double tau2(double[] theta) {
        return tau2Free ? theta[p] : tau2Fixed;
    }

    /** The weights at these parameters. */
    double[] delta(double[] theta) {
        double[] delta = fixedDelta.clone();
        for (int j = 0; j < intervals; j++) {
            if (deltaIndex[j] >= 0) {
                delta[j] = theta[deltaIndex[j]];
            }
        }
        return delta;
    }

    /**
     * The log-likelihood at θ and, when asked, its first and second derivatives. Each study's terms are
     * differentiated in \( (μ_i, τ^2, δ) \) and carried to β through \( ∂μ_i/∂β = x_i \); with
     * \( z = (e - μ)/s \) for an edge e of a range, \( ∂z/∂μ = -1/s \), \( ∂z/∂τ^2 = -z/(2S) \),
     * \( ∂^2z/∂μ^2 = 0 \), \( ∂^2z/∂μ∂τ^2 = 1/(2Ss) \), \( ∂^2z/∂(τ^2)^2 = 3z/(4S^2) \) and
     * \( ∂^2Φ(z) = φ(z)(∂^2z - z\,∂z\,∂z') \).
     */
    Evaluation evaluate(double[] theta, boolean derivatives) {
        double tau2 = tau2(theta);
        double[] delta = delta(theta);
        double ll = 0;
        double[] g = derivatives ? new double[parameters] : null;
        double[][] h = derivatives ? new double[parameters][parameters] : null;
        double[] mass = new double[intervals];
        double[] massMu = new double[intervals];
        double[] massTau = new double[intervals];
        int tauIndex = tau2Free ? p : -1;
        for (int i = 0; i < k; i++) {
            double mu = 0;
            for (int c = 0; c < p; c++) {
                mu += x[i][c] * theta[c];
            }
            double s2 = v[i] + tau2;
            double s = Math.sqrt(s2);
            double r = y[i] - mu;
            double a = 0;
            double aMu = 0;
            double aTau = 0;
            double aMuMu = 0;
            double aMuTau = 0;
            double aTauTau = 0;
            for (int j = 0; j < intervals; j++) {
                double[] edges = ranges[i][j];
                double m = 0;
                double mMu = 0;
                double mTau = 0;
                double mMuMu = 0;
                double mMuTau = 0;
                double mTauTau = 0;
                for (int e = 0; e < edges.length; e += 2) {
                    double lo = (edges[e] - mu) / s;
                    double hi = (edges[e + 1] - mu) / s;
                    m += mass(lo, hi);
                    if (derivatives) {
                        for (int side = 0; side < 2; side++) {
                            double z = side == 0 ? hi : lo;
                            if (Double.isInfinite(z)) {
                                continue;
                            }
                            double c = (side == 0 ? 1 : -1) * Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
                            mMu -= c / s;
                            mTau -= c * z / (2 * s2);
                            mMuMu -= c * z / s2;
                            mMuTau += c * (1 - z * z) / (2 * s2 * s);
                            mTauTau += c * z * (3 - z * z) / (4 * s2 * s2);
                        }
                    }
                }
                mass[j] = m;
                massMu[j] = mMu;
                massTau[j] = mTau;
                a += delta[j] * m;
                aMu += delta[j] * mMu;
                aTau += delta[j] * mTau;
                aMuMu += delta[j] * mMuMu;
                aMuTau += delta[j] * mMuTau;
                aTauTau += delta[j] * mTauTau;
            }
            int gi = group[i];
            ll += Math.log(delta[gi]) - 0.5 * (LOG_2PI + Math.log(s2)) - r * r / (2 * s2) - Math.log(a);
            if (!derivatives) {
                continue;
            }
            double gMu = r / s2 - aMu / a;
            double gTau = -1 / (2 * s2) + r * r / (2 * s2 * s2) - aTau / a;
            double hMuMu = -1 / s2 - aMuMu / a + aMu * aMu / (a * a);
            double hMuTau = -r / (s2 * s2) - aMuTau / a + aMu * aTau / (a * a);
            double hTauTau = 1 / (2 * s2 * s2) - r * r / (s2 * s2 * s2) - aTauTau / a + aTau * aTau / (a * a);
            double[] xi = x[i];
            for (int c = 0; c < p; c++) {
                g[c] += xi[c] * gMu;
                for (int d = 0; d <= c; d++) {
                    h[c][d] += xi[c] * xi[d] * hMuMu;
                }
                if (tauIndex >= 0) {
                    h[tauIndex][c] += xi[c] * hMuTau;
                }
            }
            if (tauIndex >= 0) {
                g[tauIndex] += gTau;
                h[tauIndex][tauIndex] += hTauTau;
            }
            for (int j = 0; j < intervals; j++) {
                int dj = deltaIndex[j];
                if (dj < 0) {
                    continue;
                }
                g[dj] += (j == gi ? 1 / delta[j] : 0) - mass[j] / a;
                double hMuDelta = -massMu[j] / a + aMu * mass[j] / (a * a);
                for (int c = 0; c < p; c++) {
                    h[dj][c] += xi[c] * hMuDelta;
                }
                if (tauIndex >= 0) {
                    h[dj][tauIndex] += -massTau[j] / a + aTau * mass[j] / (a * a);
                }
                for (int l = 0; l <= j; l++) {
                    int dl = deltaIndex[l];
                    if (dl >= 0) {
                        h[dj][dl] += mass[j] * mass[l] / (a * a) - (j == l && j == gi ? 1 / (delta[j] * delta[j]) : 0);
                    }
                }
            }
        }
        if (derivatives) {
            // Filled below the diagonal in parameter order (β, τ², δ): mirror it.
            for (int r = 0; r < parameters; r++) {
                for (int c = 0; c < r; c++) {
                    h[c][r] = h[r][c];
                }
            }
        }
        return new Evaluation(ll, g, h);
    }

    /**
     * \( Φ(b) - Φ(a) \) for \( a \le b \), from the upper tails when both are positive so that a mass far in the
     * upper tail keeps its digits, as metafor takes upper tails for {@code alternative = "greater"}.
     */
    static double mass(double a, double b) {
        if (a >= 0) {
            return Distributions.normalUpperTail(a) - Distributions.normalUpperTail(b);
        }
        return Distributions.normalCdf(b) - Distributions.normalCdf(a);
    }
}
