package org.smesurvey.stats.meta;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.smesurvey.stats.internal.CrossedFit;
import org.smesurvey.stats.internal.Distributions;

/**
 * The three-level random-effects model of metafor's {@code rma.mv(yi, vi, mods, random = ~ 1 | cluster/estimate)}:
 * \( y = Xβ + u_c + w_{ci} + ε_{ci} \) with \( u_c \sim N(0, σ_1^2) \) shared by the estimates of a cluster (a
 * study), \( w_{ci} \sim N(0, σ_2^2) \) for each estimate and \( ε_{ci} \sim N(0, v_{ci}) \), so that
 * \( M = \operatorname{diag}(v) + σ_2^2 I + σ_1^2 ZZ' \), block-diagonal by cluster. Each block is inverted in
 * closed form (Sherman–Morrison: \( M_c^{-1} = D^{-1} - σ_1^2 D^{-1}11'D^{-1}/(1 + σ_1^2 1'D^{-1}1) \),
 * \( D = \operatorname{diag}(v + σ_2^2) \)), and \( (σ_1^2, σ_2^2) \) maximise the restricted (or full)
 * likelihood by Newton's method on the exact score and observed information (Fisher scoring on the expected
 * information where the observed is not positive definite), step-halving when the likelihood would fall, each
 * variance kept at 0 or more.
 *
 * <p>References: Konstantopoulos, S. (2011). Fixed effects and variance components estimation in three-level
 * meta-analysis. <i>Research Synthesis Methods</i> 2, 61–76; Harville, D. A. (1977). Maximum likelihood
 * approaches to variance component estimation. <i>JASA</i> 72, 320–338 (scoring).
 */
final class MultilevelFit {

    final int k;
    final int p;
    final double[] y;
    final double[] v;
    final double[][] x;
    final int[] cluster;
    final int clusters;
    final boolean restricted;
    final double sigma2Cluster;
    final double sigma2Estimate;
    final int iterations;
    final double[] beta;
    final double[][] vb;
    final double[] residuals;
    /** The weighted fit at the estimates, for weights, robust variances and likelihoods. */
    final State state;
    final double logLikelihood;

    private MultilevelFit(double[] y, double[] v, double[][] x, int[] cluster, int clusters, boolean restricted,
            double s1, double s2, int iterations, State state) {
        this.k = y.length;
        this.p = x[0].length;
        this.y = y;
        this.v = v;
        this.x = x;
        this.cluster = cluster;
        this.clusters = clusters;
        this.restricted = restricted;
        this.sigma2Cluster = s1;
        this.sigma2Estimate = s2;
        this.iterations = iterations;
        this.beta = state.beta;
        this.vb = state.vb;
        this.residuals = state.r;
        this.state = state;
        this.logLikelihood = state.logLikelihood(restricted, logDetCrossProduct(x));
    }

    /** Codes the clusters in order of first appearance. */
    static int[] code(String[] labels, List<String> names) {
        return CrossedFit.code(labels, names);
    }

    static MultilevelFit fit(double[] y, double[] v, double[][] x, int[] cluster, int clusters, boolean restricted,
            double tolerance, int maxIterations) {
        int k = y.length;
        double mean = 0;
        for (double yi : y) {
            mean += yi / k;
        }
        double spread = 0;
        for (double yi : y) {
            spread += (yi - mean) * (yi - mean) / Math.max(1, k - 1);
        }
        double[] theta = {Math.max(spread / 4, 1e-4), Math.max(spread / 4, 1e-4)};
        State state = new State(y, v, x, cluster, clusters, theta[0], theta[1]);
        double ll = state.logLikelihood(restricted, 0);
        int iteration = 0;
        while (true) {
            if (++iteration > maxIterations) {
                throw new IllegalStateException(String.format(Locale.ROOT, "The multilevel %s estimates did not"
                        + " converge in %d iterations; raise withMaxIterations", restricted ? "REML" : "ML",
                        maxIterations));
            }
            double[][] info = new double[2][2];
            double[][] observed = new double[2][2];
            double[] score = state.score(restricted, info, observed);
            boolean[] free = {theta[0] > 0 || score[0] > 0, theta[1] > 0 || score[1] > 0};
            // Newton on the observed information where it is positive definite (quadratic convergence near the
            // maximum), Fisher scoring on the expected information elsewhere.
            boolean newton = observed[0][0] > 0 && observed[1][1] > 0
                    && observed[0][0] * observed[1][1] - observed[0][1] * observed[1][0] > 0;
            double[] step = solve(newton ? observed : info, score, free);
            double scale = 1;
            double[] next = new double[2];
            State candidate;
            double candidateLl;
            while (true) {
                next[0] = Math.max(0, theta[0] + scale * step[0]);
                next[1] = Math.max(0, theta[1] + scale * step[1]);
                candidate = new State(y, v, x, cluster, clusters, next[0], next[1]);
                candidateLl = candidate.logLikelihood(restricted, 0);
                if (candidateLl >= ll - 1e-12 * Math.abs(ll) || scale < 1e-8) {
                    break;
                }
                scale /= 2;
            }
            double change = Math.max(Math.abs(next[0] - theta[0]), Math.abs(next[1] - theta[1]));
            theta = next.clone();
            state = candidate;
            ll = candidateLl;
            if (change <= tolerance * Math.max(1, Math.max(theta[0], theta[1]))) {
                break;
            }
        }
        return new MultilevelFit(y, v, x, cluster, clusters, restricted, theta[0], theta[1], iteration, state);
    }

    /** The scoring step on the free variances; a variance held at 0 does not move. */
    private static double[] solve(double[][] info, double[] score, boolean[] free) {
        if (free[0] && free[1]) {
            double det = info[0][0] * info[1][1] - info[0][1] * info[1][0];
            return new double[] {(info[1][1] * score[0] - info[0][1] * score[1]) / det,
                (info[0][0] * score[1] - info[1][0] * score[0]) / det};
        }
        return new double[] {free[0] ? score[0] / info[0][0] : 0, free[1] ? score[1] / info[1][1] : 0};
    }

    static double logDetCrossProduct(double[][] x) {
        int p = x[0].length;
        double[][] m = new double[p][p];
        for (double[] row : x) {
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    m[a][b] += row[a] * row[b];
                }
            }
        }
        return Math.log(new LUDecomposition(new Array2DRowRealMatrix(m, false)).getDeterminant());
    }

    /**
     * The weighted fit at given variances. \( M^{-1} \) is never formed: in cluster c,
     * \( M_c^{-1}v = a\circ v - α_c\,a\,(a'v) \) with \( a = 1/(v + σ_2^2) \) and
     * \( α_c = σ_1^2/(1 + σ_1^2\sum_c a) \), so that every product, trace and quadratic form the likelihood and
     * its scoring need costs \( O(kp^2) \): the REML projection \( P = W - UV_βU' \), \( U = WX \), enters the
     * traces through p-vectors and p × p matrices only.
     */
    static final class State {
        final double[] a;
        final double[] alpha;
        final double[] beta;
        final double[][] vb;
        final double[] r;
        /** \( W r \), which is \( Py \) at the fitted β. */
        final double[] wr;
        /** \( U = WX \), k × p. */
        final double[][] u;
        final double logDetM;
        final double logDetXWX;
        final double quadratic;
        final int[] cluster;
        final int clusters;
        final int k;
        final int p;

        State(double[] y, double[] v, double[][] x, int[] cluster, int clusters, double s1, double s2) {
            this.k = y.length;
            this.p = x[0].length;
            this.cluster = cluster;
            this.clusters = clusters;
            a = new double[k];
            double[] sumA = new double[clusters];
            double logDet = 0;
            for (int i = 0; i < k; i++) {
                a[i] = 1 / (v[i] + s2);
                sumA[cluster[i]] += a[i];
                logDet += Math.log(v[i] + s2);
            }
            alpha = new double[clusters];
            for (int c = 0; c < clusters; c++) {
                logDet += Math.log(1 + s1 * sumA[c]);
                alpha[c] = s1 / (1 + s1 * sumA[c]);
            }
            logDetM = logDet;
            u = new double[k][];
            for (int i = 0; i < k; i++) {
                u[i] = new double[p];
            }
            for (int col = 0; col < p; col++) {
                double[] column = new double[k];
                for (int i = 0; i < k; i++) {
                    column[i] = x[i][col];
                }
                double[] wcol = times(column);
                for (int i = 0; i < k; i++) {
                    u[i][col] = wcol[i];
                }
            }
            double[][] xwx = new double[p][p];
            double[] xwy = new double[p];
            for (int i = 0; i < k; i++) {
                for (int c1 = 0; c1 < p; c1++) {
                    xwy[c1] += u[i][c1] * y[i];
                    for (int c2 = 0; c2 < p; c2++) {
                        xwx[c1][c2] += x[i][c1] * u[i][c2];
                    }
                }
            }
            LUDecomposition lu = new LUDecomposition(new Array2DRowRealMatrix(xwx, false));
            if (!lu.getSolver().isNonSingular()) {
                throw new IllegalArgumentException("The model matrix is not of full rank: a moderator is constant or"
                        + " a combination of others");
            }
            RealMatrix inverse = lu.getSolver().getInverse();
            vb = inverse.getData();
            logDetXWX = Math.log(lu.getDeterminant());
            beta = inverse.operate(xwy);
            r = new double[k];
            for (int i = 0; i < k; i++) {
                double fitted = 0;
                for (int c1 = 0; c1 < p; c1++) {
                    fitted += x[i][c1] * beta[c1];
                }
                r[i] = y[i] - fitted;
            }
            wr = times(r);
            double q = 0;
            for (int i = 0; i < k; i++) {
                q += r[i] * wr[i];
            }
            quadratic = q;
        }

        /** \( M^{-1}v \), cluster by cluster. */
        double[] times(double[] vector) {
            double[] dot = new double[clusters];
            for (int i = 0; i < k; i++) {
                dot[cluster[i]] += a[i] * vector[i];
            }
            double[] out = new double[k];
            for (int i = 0; i < k; i++) {
                out[i] = a[i] * vector[i] - alpha[cluster[i]] * a[i] * dot[cluster[i]];
            }
            return out;
        }

        /** The diagonal of \( M^{-1} \). */
        double diagonal(int i) {
            return a[i] - alpha[cluster[i]] * a[i] * a[i];
        }

        double logLikelihood(boolean restricted, double logDetXtX) {
            if (restricted) {
                return -0.5 * (k - p) * Math.log(2 * Math.PI) + 0.5 * logDetXtX - 0.5 * logDetM - 0.5 * logDetXWX
                        - 0.5 * quadratic;
            }
            return -0.5 * k * Math.log(2 * Math.PI) - 0.5 * logDetM - 0.5 * quadratic;
        }

        /**
         * The score of \( (σ_1^2, σ_2^2) \) and, into {@code info}, the expected information: with
         * \( P = W - UV_βU' \) for REML (W for ML), \( A_1 = ZZ' \) and \( A_2 = I \):
         * \( U_j = -\tfrac12\operatorname{tr}(PA_j) + \tfrac12 y'PA_jPy \), \( I_{jl} = \tfrac12\operatorname{tr}(PA_jPA_l) \).
         * With \( s_c = U'1_c \), \( w_c = 1_c'W1_c \) and \( T = U'U \):
         * \( 1_c'P1_d = δ_{cd}w_c - s_c'V_βs_d \), \( \|P1_c\|^2 = \|W1_c\|^2 - 2(U'W1_c)'V_βs_c + s_c'V_βTV_βs_c \),
         * \( \|P\|_F^2 = \|W\|_F^2 - 2\operatorname{tr}(V_βU'WU) + \operatorname{tr}(V_βTV_βT) \).
         */
        double[] score(boolean restricted, double[][] info) {
            return score(restricted, info, null);
        }

        /**
         * As {@link #score(boolean, double[][])}, and into {@code observed} (when not null) the observed information
         * \( -\partial^2\ell = -\tfrac12\operatorname{tr}(PA_jPA_l) + y'PA_jPA_lPy \), for Newton steps.
         */
        double[] score(boolean restricted, double[][] info, double[][] observed) {
            double q = restricted ? 1 : 0;
            // W1_c for each cluster, stored per estimate (its own cluster's vector), and w_c = 1'W1_c.
            double[] sumA = new double[clusters];
            for (int i = 0; i < k; i++) {
                sumA[cluster[i]] += a[i];
            }
            double[] w1 = new double[k];
            double[] wc = new double[clusters];
            for (int i = 0; i < k; i++) {
                w1[i] = a[i] - alpha[cluster[i]] * a[i] * sumA[cluster[i]];
                wc[cluster[i]] += w1[i];
            }
            double[][] sc = new double[clusters][p];
            double[][] uw1 = new double[clusters][p];
            double[][] t = new double[p][p];
            double[][] uwu = new double[p][p];
            double traceW = 0;
            double frobeniusW = 0;
            double traceQ = 0;
            double[] w1Norm = new double[clusters];
            for (int i = 0; i < k; i++) {
                int c = cluster[i];
                w1Norm[c] += w1[i] * w1[i];
                traceW += diagonal(i);
                for (int c1 = 0; c1 < p; c1++) {
                    sc[c][c1] += u[i][c1];
                    uw1[c][c1] += u[i][c1] * w1[i];
                    for (int c2 = 0; c2 < p; c2++) {
                        t[c1][c2] += u[i][c1] * u[i][c2];
                    }
                }
                traceQ += Model.quadratic(vb, u[i], u[i]);
            }
            // ||W||_F^2 and U'WU, cluster by cluster: W_c = D - alpha a a' on the cluster.
            double[] sumA2 = new double[clusters];
            double[][] au = new double[clusters][p];
            for (int i = 0; i < k; i++) {
                int c = cluster[i];
                sumA2[c] += a[i] * a[i];
                frobeniusW += a[i] * a[i];
                for (int c1 = 0; c1 < p; c1++) {
                    au[c][c1] += a[i] * u[i][c1];
                }
            }
            for (int c = 0; c < clusters; c++) {
                double sumA3 = 0;
                for (int i = 0; i < k; i++) {
                    if (cluster[i] == c) {
                        sumA3 += a[i] * a[i] * a[i];
                    }
                }
                frobeniusW += -2 * alpha[c] * sumA3 + alpha[c] * alpha[c] * sumA2[c] * sumA2[c];
            }
            for (int i = 0; i < k; i++) {
                int c = cluster[i];
                for (int c1 = 0; c1 < p; c1++) {
                    for (int c2 = 0; c2 < p; c2++) {
                        uwu[c1][c2] += u[i][c1] * a[i] * u[i][c2];
                    }
                }
            }
            for (int c = 0; c < clusters; c++) {
                for (int c1 = 0; c1 < p; c1++) {
                    for (int c2 = 0; c2 < p; c2++) {
                        uwu[c1][c2] -= alpha[c] * au[c][c1] * au[c][c2];
                    }
                }
            }
            double[][] vbT = product(vb, t);
            double traceA1 = 0;
            double pa1pa1 = 0;
            double pa1pa2 = 0;
            for (int c = 0; c < clusters; c++) {
                double[] vbs = times(vb, sc[c]);
                traceA1 += wc[c] - q * Model.dot(sc[c], vbs);
                for (int d = 0; d < clusters; d++) {
                    double g = (c == d ? wc[c] : 0) - q * Model.dot(sc[d], vbs);
                    pa1pa1 += g * g;
                }
                double[] vbTvbs = times(vbT, vbs);
                pa1pa2 += w1Norm[c] - 2 * q * Model.dot(uw1[c], vbs) + q * Model.dot(sc[c], vbTvbs);
            }
            double traceA2 = traceW - q * traceQ;
            double pa2pa2 = frobeniusW - 2 * q * trace(product(vb, uwu)) + q * trace(product(vbT, vbT));
            double[] pySums = new double[clusters];
            double pyNorm = 0;
            for (int i = 0; i < k; i++) {
                pySums[cluster[i]] += wr[i];
                pyNorm += wr[i] * wr[i];
            }
            double pyA1py = 0;
            for (double sum : pySums) {
                pyA1py += sum * sum;
            }
            info[0][0] = 0.5 * pa1pa1;
            info[0][1] = 0.5 * pa1pa2;
            info[1][0] = info[0][1];
            info[1][1] = 0.5 * pa2pa2;
            if (observed != null) {
                double[] z1 = new double[k];
                for (int i = 0; i < k; i++) {
                    z1[i] = pySums[cluster[i]];
                }
                double[] pz1 = project(z1, q);
                double[] pz2 = project(wr, q);
                observed[0][0] = -0.5 * pa1pa1 + Model.dot(z1, pz1);
                observed[0][1] = -0.5 * pa1pa2 + Model.dot(z1, pz2);
                observed[1][0] = observed[0][1];
                observed[1][1] = -0.5 * pa2pa2 + Model.dot(wr, pz2);
            }
            return new double[] {-0.5 * traceA1 + 0.5 * pyA1py, -0.5 * traceA2 + 0.5 * pyNorm};
        }

        /** \( Pz = Wz - qU V_β U'z \). */
        double[] project(double[] z, double q) {
            double[] out = times(z);
            if (q != 0) {
                double[] uz = new double[p];
                for (int i = 0; i < k; i++) {
                    for (int c1 = 0; c1 < p; c1++) {
                        uz[c1] += u[i][c1] * z[i];
                    }
                }
                double[] vbuz = times(vb, uz);
                for (int i = 0; i < k; i++) {
                    out[i] -= Model.dot(u[i], vbuz);
                }
            }
            return out;
        }

        private static double[] times(double[][] m, double[] x) {
            double[] out = new double[m.length];
            for (int i = 0; i < m.length; i++) {
                out[i] = Model.dot(m[i], x);
            }
            return out;
        }

        private static double[][] product(double[][] a, double[][] b) {
            int n = a.length;
            double[][] out = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int l = 0; l < n; l++) {
                    for (int j = 0; j < n; j++) {
                        out[i][j] += a[i][l] * b[l][j];
                    }
                }
            }
            return out;
        }

        private static double trace(double[][] m) {
            double sum = 0;
            for (int i = 0; i < m.length; i++) {
                sum += m[i][i];
            }
            return sum;
        }
    }

    /** The z statistics, p-values and Wald intervals of the coefficients. */
    List<Coefficient> coefficients(List<String> names, double level) {
        double z = Distributions.z(level);
        List<Coefficient> out = new ArrayList<>(p);
        for (int a = 0; a < p; a++) {
            double se = Math.sqrt(vb[a][a]);
            double statistic = beta[a] / se;
            out.add(new Coefficient(names.get(a), beta[a], se, statistic, Distributions.normalTwoSided(statistic),
                    beta[a] - z * se, beta[a] + z * se));
        }
        return List.copyOf(out);
    }
}
