package org.smesurvey.stats.meta;

import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The weighted least-squares algebra of the random-effects model \( y = Xβ + u + ε \),
 * \( u \sim N(0, τ^2) \), \( ε_i \sim N(0, v_i) \), on primitive arrays: every quantity metafor's
 * {@code rma.uni} forms from \( P = W - WX(X'WX)^{-1}X'W \) is computed here in \( O(kp^2) \) without forming
 * the k×k matrix.
 *
 * <p>Each weighted fit is solved by the Householder QR decomposition of \( W^{1/2}X = QR \), as R's {@code lm.wfit}
 * and metafor's fits through {@code qr.solve}, never through the normal equations: \( X'WX \) squares the
 * condition number, and a raw year as moderator (a column near 2000 beside the intercept's ones) then loses
 * about 2.5 digits, year and year² about eight. \( (X'WX)^{-1} = R^{-1}R^{-T} \) and
 * \( \log\det X'WX = 2\sum_j \log|r_{jj}| \) follow from R.
 */
final class Model {

    final double[] y;
    final double[] v;
    /** The model matrix as fitted: each moderator column centred (beside an intercept) and scaled. */
    final double[][] x;
    final int k;
    final int p;
    private final ConditionedDesign design;

    /**
     * A model of these studies, fitted on the {@linkplain ConditionedDesign conditioned design}: a linear
     * reparametrisation that leaves fitted values, τ², Q, the likelihoods and the moderators' Wald test unchanged,
     * and that {@link #raw} and {@link #rawCovariance} undo.
     */
    Model(double[] y, double[] v, double[][] rawX) {
        this.y = y;
        this.v = v;
        this.k = y.length;
        this.p = rawX[0].length;
        this.design = new ConditionedDesign(rawX);
        this.x = design.x;
    }

    /** The coefficients of the moderators as given, from those of the centred and scaled ones. */
    double[] raw(double[] fitted) {
        return design.raw(fitted);
    }

    /** A covariance of the moderators as given, from one of the centred and scaled ones. */
    double[][] rawCovariance(double[][] fitted) {
        return design.rawCovariance(fitted);
    }

    /** \( \log\det X'X \), for the restricted likelihood; computed on first use. */
    private double logDetCrossProduct = Double.NaN;

    /** The pieces of one weighted least-squares fit. */
    static final class Wls {
        final double[] w;
        /** \( (X'WX)^{-1} \). */
        final double[][] a;
        /** The upper-triangular R of \( W^{1/2}X = QR \), p × p. */
        final double[][] r;
        final double[] beta;
        final double[] residuals;
        double rss;
        double sumW;
        double sumW2;
        /** \( w_i h_{ii} \), computed on first use. */
        private double[] leverages;

        Wls(double[] w, double[][] r, double[] beta, double[] residuals) {
            this.w = w;
            this.r = r;
            this.a = inverseOfCrossProduct(r);
            this.beta = beta;
            this.residuals = residuals;
        }
    }

    Wls wls(double[] w) {
        if (p == 1) {
            return wlsOneColumn(w);
        }
        double[][] z = new double[k][p];
        double[] zy = new double[k];
        for (int i = 0; i < k; i++) {
            double root = Math.sqrt(w[i]);
            for (int c = 0; c < p; c++) {
                z[i][c] = root * x[i][c];
            }
            zy[i] = root * y[i];
        }
        QRDecomposition qr = new QRDecomposition(new Array2DRowRealMatrix(z, false));
        double[][] r = triangle(qr.getR());
        double[] beta = qr.getSolver().solve(new ArrayRealVector(zy, false)).toArray();
        return withResiduals(w, r, beta);
    }

    /**
     * One column (the intercept-only model, most fits): the QR decomposition of \( W^{1/2}x \) is its norm,
     * \( r = \sqrt{\sum w_i x_i^2} \), and \( β = \sum w_i x_i y_i / r^2 \); no matrix is formed.
     */
    private Wls wlsOneColumn(double[] w) {
        double squares = 0;
        double cross = 0;
        for (int i = 0; i < k; i++) {
            double xi = x[i][0];
            squares += w[i] * xi * xi;
            cross += w[i] * xi * y[i];
        }
        if (!(squares > 0)) {
            throw new IllegalArgumentException("The model matrix is not of full rank: a moderator is constant or"
                    + " a combination of others");
        }
        return withResiduals(w, new double[][] {{Math.sqrt(squares)}}, new double[] {cross / squares});
    }

    private Wls withResiduals(double[] w, double[][] r, double[] beta) {
        double[] residuals = new double[k];
        Wls fit = new Wls(w, r, beta, residuals);
        for (int i = 0; i < k; i++) {
            double fitted = 0;
            for (int c = 0; c < p; c++) {
                fitted += x[i][c] * beta[c];
            }
            residuals[i] = y[i] - fitted;
            fit.rss += w[i] * residuals[i] * residuals[i];
            fit.sumW += w[i];
            fit.sumW2 += w[i] * w[i];
        }
        return fit;
    }

    /**
     * The p × p upper triangle of a QR decomposition's R, refused when a diagonal element is negligible beside the
     * largest (a moderator constant or a combination of others), at R's {@code qr} tolerance of 1e-7 relative.
     */
    private double[][] triangle(RealMatrix full) {
        double[][] r = new double[p][p];
        double largest = 0;
        for (int i = 0; i < p; i++) {
            for (int j = i; j < p; j++) {
                r[i][j] = full.getEntry(i, j);
            }
            largest = Math.max(largest, Math.abs(r[i][i]));
        }
        for (int i = 0; i < p; i++) {
            if (!(Math.abs(r[i][i]) > 1e-7 * largest)) {
                throw new IllegalArgumentException("The model matrix is not of full rank: a moderator is constant or"
                        + " a combination of others");
            }
        }
        return r;
    }

    /** \( (R'R)^{-1} = R^{-1}R^{-T} \) from an upper-triangular R, by back substitution. */
    static double[][] inverseOfCrossProduct(double[][] r) {
        int p = r.length;
        double[][] inv = new double[p][p];
        for (int j = p - 1; j >= 0; j--) {
            inv[j][j] = 1 / r[j][j];
            for (int i = j - 1; i >= 0; i--) {
                double sum = 0;
                for (int l = i + 1; l <= j; l++) {
                    sum += r[i][l] * inv[l][j];
                }
                inv[i][j] = -sum / r[i][i];
            }
        }
        double[][] a = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = i; j < p; j++) {
                double sum = 0;
                for (int l = j; l < p; l++) {
                    sum += inv[i][l] * inv[j][l];
                }
                a[i][j] = sum;
                a[j][i] = sum;
            }
        }
        return a;
    }

    /** \( 2\sum_j \log|r_{jj}| \), the log-determinant of \( R'R \). */
    static double logDeterminant(double[][] r) {
        double sum = 0;
        for (int j = 0; j < r.length; j++) {
            sum += Math.log(Math.abs(r[j][j]));
        }
        return 2 * sum;
    }

    /**
     * \( b_S'V_{SS}^{-1}b_S \) over the coefficients from {@code first} on, for any covariance V of b (a
     * model-based or a robust one).
     */
    static double wald(double[] beta, double[][] covariance, int first) {
        int m = beta.length - first;
        double[][] sub = new double[m][m];
        double[] b = new double[m];
        for (int a = 0; a < m; a++) {
            b[a] = beta[first + a];
            for (int c = 0; c < m; c++) {
                sub[a][c] = covariance[first + a][first + c];
            }
        }
        double[] solved = new org.apache.commons.math3.linear.LUDecomposition(
                new org.apache.commons.math3.linear.Array2DRowRealMatrix(sub, false)).getSolver()
                .solve(new org.apache.commons.math3.linear.ArrayRealVector(b, false)).toArray();
        return dot(b, solved);
    }

    /**
     * \( b'[(X'WX)^{-1}_{SS}]^{-1}b \) for the trailing coefficients S from {@code first} on, the Wald statistic
     * of the moderators: \( \|R_{SS} b_S\|^2 \), since the trailing block of \( R^{-1} \) is \( R_{SS}^{-1} \).
     */
    static double trailingWald(Wls fit, int first) {
        int p = fit.r.length;
        double sum = 0;
        for (int i = first; i < p; i++) {
            double row = 0;
            for (int j = i; j < p; j++) {
                row += fit.r[i][j] * fit.beta[j];
            }
            sum += row * row;
        }
        return sum;
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

    /**
     * \( \log\det X'X \), by the QR decomposition of X; of one column, \( \log \sum_i x_i^2 \) (what the
     * decomposition's single diagonal entry, the column's norm, gives squared), without building a matrix.
     */
    double logDetCrossProduct() {
        if (Double.isNaN(logDetCrossProduct)) {
            if (p == 1) {
                double squares = 0;
                for (double[] row : x) {
                    squares += row[0] * row[0];
                }
                logDetCrossProduct = Math.log(squares);
            } else {
                logDetCrossProduct = logDeterminant(triangle(new QRDecomposition(MatrixUtils.createRealMatrix(x))
                        .getR()));
            }
        }
        return logDetCrossProduct;
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
        double logDetXtX = logDetCrossProduct();
        double logDetXtWX = logDeterminant(fit.r);
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
}
