package org.smesurvey.stats.meta;

import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;

/**
 * The weighted least-squares algebra of the random-effects model \( y = Xβ + u + ε \),
 * \( u \sim N(0, τ^2) \), \( ε_i \sim N(0, v_i) \), on primitive arrays: every quantity metafor's
 * {@code rma.uni} forms from \( P = W - WX(X'WX)^{-1}X'W \) is computed here in \( O(kp^2) \) without forming
 * the k×k matrix.
 */
final class Model {

    final double[] y;
    final double[] v;
    final double[][] x;
    final int k;
    final int p;

    Model(double[] y, double[] v, double[][] x) {
        this.y = y;
        this.v = v;
        this.x = x;
        this.k = y.length;
        this.p = x[0].length;
    }

    /** The pieces of one weighted least-squares fit. */
    static final class Wls {
        final double[] w;
        final double[][] a;
        final double[] beta;
        final double[] residuals;
        double rss;
        double sumW;
        double sumW2;
        /** \( w_i h_{ii} \), computed on first use. */
        private double[] leverages;

        Wls(double[] w, double[][] a, double[] beta, double[] residuals) {
            this.w = w;
            this.a = a;
            this.beta = beta;
            this.residuals = residuals;
        }
    }

    Wls wls(double[] w) {
        double[][] xtwx = new double[p][p];
        double[] xtwy = new double[p];
        for (int i = 0; i < k; i++) {
            double[] row = x[i];
            double wi = w[i];
            for (int r = 0; r < p; r++) {
                double wr = wi * row[r];
                xtwy[r] += wr * y[i];
                for (int c = 0; c <= r; c++) {
                    xtwx[r][c] += wr * row[c];
                }
            }
        }
        double[][] a = inverse(symmetrise(xtwx));
        double[] beta = multiply(a, xtwy);
        double[] residuals = new double[k];
        Wls fit = new Wls(w, a, beta, residuals);
        for (int i = 0; i < k; i++) {
            double fitted = 0;
            for (int r = 0; r < p; r++) {
                fitted += x[i][r] * beta[r];
            }
            residuals[i] = y[i] - fitted;
            fit.rss += w[i] * residuals[i] * residuals[i];
            fit.sumW += w[i];
            fit.sumW2 += w[i] * w[i];
        }
        return fit;
    }

    /** \( \operatorname{tr} P \); see {@link #traceP(Wls, double[])}. */
    double traceP(Wls fit) {
        return traceP(fit, null);
    }

    /**
     * \( \operatorname{tr}(PC) = \sum_i c_i w_i (1 - w_i h_{ii}) \) for a diagonal C (null for the identity),
     * \( h_{ij} = x_i'(X'WX)^{-1}x_j \). Summed term by term rather than as
     * \( \sum c_i w_i - \operatorname{tr}((X'WX)^{-1}X'WCWX) \), which loses digits when one study carries
     * nearly all the weight.
     */
    double traceP(Wls fit, double[] c) {
        double[] leverages = leverages(fit);
        double sum = 0;
        for (int i = 0; i < k; i++) {
            sum += (c == null ? 1 : c[i]) * fit.w[i] * (1 - leverages[i]);
        }
        return sum;
    }

    /** \( w_i h_{ii} \), the diagonal of the hat matrix. */
    double[] leverages(Wls fit) {
        if (fit.leverages == null) {
            double[] leverages = new double[k];
            for (int i = 0; i < k; i++) {
                leverages[i] = fit.w[i] * quadratic(fit.a, x[i], x[i]);
            }
            fit.leverages = leverages;
        }
        return fit.leverages;
    }

    /**
     * \( \sum_{ij} P_{ij}^2 c_i d_j \) for diagonal weights c and d (null for ones):
     * \( \operatorname{tr}(PP) \), \( \operatorname{tr}(PVP) \), \( \operatorname{tr}(PVPV) \).
     * With \( P_{ii} = w_i(1 - w_i h_{ii}) \) and \( P_{ij} = -w_i w_j h_{ij} \) the sum is taken as the
     * diagonal plus, for each i, the pairs j &lt; i through running sums \( \sum_{j<i} d_j w_j^2 x_j x_j' \):
     * \( O(kp^2) \) and only positive terms, where the trace identity
     * \( \sum c_i d_i w_i^2 - 2\operatorname{tr}(\ldots) + \operatorname{tr}(\ldots) \) cancels catastrophically
     * when one weight dominates (n = 10⁷ beside n = 1 lost six digits).
     */
    double sumOfSquares(Wls fit, double[] c, double[] d) {
        double[] leverages = leverages(fit);
        double[][] earlierC = new double[p][p];
        double[][] earlierD = c == d ? earlierC : new double[p][p];
        double[] u = new double[p];
        double sum = 0;
        for (int i = 0; i < k; i++) {
            double ci = c == null ? 1 : c[i];
            double di = d == null ? 1 : d[i];
            double wi = fit.w[i];
            double[] xi = x[i];
            for (int r = 0; r < p; r++) {
                u[r] = dot(fit.a[r], xi);
            }
            double pii = wi * (1 - leverages[i]);
            double w2 = wi * wi;
            sum += ci * di * pii * pii + w2 * (ci * quadratic(earlierD, u, u) + di * quadratic(earlierC, u, u));
            for (int r = 0; r < p; r++) {
                for (int s = 0; s < p; s++) {
                    double xx = w2 * xi[r] * xi[s];
                    earlierC[r][s] += ci * xx;
                    if (earlierD != earlierC) {
                        earlierD[r][s] += di * xx;
                    }
                }
            }
        }
        return sum;
    }

    /** \( a'Mb \), without allocating. */
    static double quadratic(double[][] m, double[] a, double[] b) {
        double sum = 0;
        for (int r = 0; r < a.length; r++) {
            sum += a[r] * dot(m[r], b);
        }
        return sum;
    }

    static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** \( \sum_i (w_i e_i)^2 = y'PPy \). */
    static double residualSquaresWeightedTwice(Wls fit) {
        double sum = 0;
        for (int i = 0; i < fit.w.length; i++) {
            double we = fit.w[i] * fit.residuals[i];
            sum += we * we;
        }
        return sum;
    }

    /** \( X'X \). */
    double[][] crossProduct() {
        double[][] m = new double[p][p];
        for (double[] row : x) {
            for (int r = 0; r < p; r++) {
                for (int c = 0; c <= r; c++) {
                    m[r][c] += row[r] * row[c];
                }
            }
        }
        return symmetrise(m);
    }

    static double[] weights(double[] v, double tau2) {
        double[] w = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            w[i] = 1 / (v[i] + tau2);
        }
        return w;
    }

    /** The generalised Q statistic at \( τ^2 \): the weighted residual sum of squares with \( w = 1/(v + τ^2) \). */
    double q(double tau2) {
        return wls(weights(v, tau2)).rss;
    }

    /** The log-likelihood (ML or REML, as metafor's {@code ll.ML} and {@code ll.REML} with {@code REMLf}). */
    double logLikelihood(double tau2, boolean restricted) {
        Wls fit = wls(weights(v, tau2));
        double sumLog = 0;
        for (int i = 0; i < k; i++) {
            sumLog += Math.log(v[i] + tau2);
        }
        if (!restricted) {
            return -0.5 * k * Math.log(2 * Math.PI) - 0.5 * sumLog - 0.5 * fit.rss;
        }
        double logDetXtX = logDeterminant(crossProduct());
        double logDetXtWX = -logDeterminant(fit.a);
        return -0.5 * (k - p) * Math.log(2 * Math.PI) + 0.5 * logDetXtX - 0.5 * sumLog - 0.5 * logDetXtWX - 0.5 * fit.rss;
    }

    double[] ones() {
        double[] ones = new double[k];
        java.util.Arrays.fill(ones, 1);
        return ones;
    }

    /** The root of a decreasing function between {@code low} and {@code high}, to full precision. */
    static double root(java.util.function.DoubleUnaryOperator f, double low, double high) {
        return new BrentSolver(1e-15, 1e-300, 1e-300).solve(100_000, f::applyAsDouble, low, high);
    }

    static double[][] inverse(double[][] m) {
        if (m.length == 1) {
            if (!(m[0][0] > 0)) {
                throw new IllegalArgumentException("The model matrix is not of full rank");
            }
            return new double[][] {{1 / m[0][0]}};
        }
        try {
            return new CholeskyDecomposition(MatrixUtils.createRealMatrix(m), 1e-14, 1e-14).getSolver().getInverse()
                    .getData();
        } catch (NonPositiveDefiniteMatrixException e) {
            throw new IllegalArgumentException("The model matrix is not of full rank: a moderator is constant or"
                    + " a combination of others", e);
        }
    }

    static double logDeterminant(double[][] m) {
        if (m.length == 1) {
            return Math.log(m[0][0]);
        }
        return Math.log(new CholeskyDecomposition(MatrixUtils.createRealMatrix(m), 1e-14, 1e-14).getDeterminant());
    }

    static double[][] symmetrise(double[][] lower) {
        for (int r = 0; r < lower.length; r++) {
            for (int c = r + 1; c < lower.length; c++) {
                lower[r][c] = lower[c][r];
            }
        }
        return lower;
    }

    static double[] multiply(double[][] m, double[] vector) {
        double[] result = new double[m.length];
        for (int r = 0; r < m.length; r++) {
            for (int c = 0; c < vector.length; c++) {
                result[r] += m[r][c] * vector[c];
            }
        }
        return result;
    }
}
