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

    /** \( \operatorname{tr} P = \sum w_i - \operatorname{tr}(A X'W^2X) \). */
    double traceP(Wls fit) {
        return fit.sumW - traceProduct(fit.a, crossProduct(fit.w, 2, null));
    }

    /**
     * \( \sum_{ij} P_{ij}^2 c_i d_j \) for diagonal weights c and d (null for ones):
     * \( \operatorname{tr}(PP) \), \( \operatorname{tr}(PVP) \), \( \operatorname{tr}(PVPV) \).
     */
    double sumOfSquares(Wls fit, double[] c, double[] d) {
        double direct = 0;
        double[] cdw3 = new double[k];
        double[] w2c = new double[k];
        double[] w2d = new double[k];
        for (int i = 0; i < k; i++) {
            double ci = c == null ? 1 : c[i];
            double di = d == null ? 1 : d[i];
            double wi = fit.w[i];
            direct += ci * di * wi * wi;
            cdw3[i] = ci * di * wi * wi * wi;
            w2c[i] = wi * wi * ci;
            w2d[i] = wi * wi * di;
        }
        double[][] mc = crossProduct(w2c, 1, null);
        double[][] md = crossProduct(w2d, 1, null);
        return direct - 2 * traceProduct(fit.a, crossProduct(cdw3, 1, null))
                + traceProduct(multiply(fit.a, mc), multiply(fit.a, md));
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

    /** \( X' \operatorname{diag}(z^{power}) X \), z multiplied elementwise by {@code times} when given. */
    double[][] crossProduct(double[] z, int power, double[] times) {
        double[][] m = new double[p][p];
        for (int i = 0; i < k; i++) {
            double zi = power == 1 ? z[i] : Math.pow(z[i], power);
            if (times != null) {
                zi *= times[i];
            }
            double[] row = x[i];
            for (int r = 0; r < p; r++) {
                double zr = zi * row[r];
                for (int c = 0; c <= r; c++) {
                    m[r][c] += zr * row[c];
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
        double logDetXtX = logDeterminant(crossProduct(ones(), 1, null));
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

    static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        double[][] result = new double[n][n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                double sum = 0;
                for (int j = 0; j < n; j++) {
                    sum += a[r][j] * b[j][c];
                }
                result[r][c] = sum;
            }
        }
        return result;
    }

    /** \( \operatorname{tr}(AB) \). */
    static double traceProduct(double[][] a, double[][] b) {
        double sum = 0;
        for (int r = 0; r < a.length; r++) {
            for (int c = 0; c < a.length; c++) {
                sum += a[r][c] * b[c][r];
            }
        }
        return sum;
    }
}
