package org.smesurvey.stats.meta;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.smesurvey.stats.internal.Distributions;

/**
 * The three-level random-effects model of metafor's {@code rma.mv(yi, vi, mods, random = ~ 1 | cluster/estimate)}:
 * \( y = Xβ + u_c + w_{ci} + ε_{ci} \) with \( u_c \sim N(0, σ_1^2) \) shared by the estimates of a cluster (a
 * study), \( w_{ci} \sim N(0, σ_2^2) \) for each estimate and \( ε_{ci} \sim N(0, v_{ci}) \), so that
 * \( M = \operatorname{diag}(v) + σ_2^2 I + σ_1^2 ZZ' \), block-diagonal by cluster. Each block is inverted in
 * closed form (Sherman–Morrison: \( M_c^{-1} = D^{-1} - σ_1^2 D^{-1}11'D^{-1}/(1 + σ_1^2 1'D^{-1}1) \),
 * \( D = \operatorname{diag}(v + σ_2^2) \)), and \( (σ_1^2, σ_2^2) \) maximise the restricted (or full)
 * likelihood by Fisher scoring on the exact score and information, each variance kept at 0 or more.
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
    final double[][] w;
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
        this.w = state.w;
        this.logLikelihood = state.logLikelihood(restricted, logDetCrossProduct(x));
    }

    /** Codes the clusters in order of first appearance. */
    static int[] code(String[] labels, List<String> names) {
        Map<String, Integer> codes = new LinkedHashMap<>();
        int[] code = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            code[i] = codes.computeIfAbsent(labels[i], l -> codes.size());
        }
        names.addAll(codes.keySet());
        return code;
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
            double[] score = state.score(restricted, info);
            boolean[] free = {theta[0] > 0 || score[0] > 0, theta[1] > 0 || score[1] > 0};
            double[] step = solve(info, score, free);
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

    /** The weighted fit at given variances: M⁻¹, β, its covariance, the residuals and log det M. */
    static final class State {
        final double[][] w;
        final double[] beta;
        final double[][] vb;
        final double[] r;
        final double logDetM;
        final double logDetXWX;
        final double quadratic;
        final double[][] x;
        final int[] cluster;
        final int clusters;
        final int k;
        final int p;

        State(double[] y, double[] v, double[][] x, int[] cluster, int clusters, double s1, double s2) {
            this.k = y.length;
            this.p = x[0].length;
            this.x = x;
            this.cluster = cluster;
            this.clusters = clusters;
            w = new double[k][k];
            double[] sumInverse = new double[clusters];
            for (int i = 0; i < k; i++) {
                sumInverse[cluster[i]] += 1 / (v[i] + s2);
            }
            double logDet = 0;
            for (int i = 0; i < k; i++) {
                logDet += Math.log(v[i] + s2);
            }
            for (int c = 0; c < clusters; c++) {
                logDet += Math.log(1 + s1 * sumInverse[c]);
            }
            logDetM = logDet;
            for (int i = 0; i < k; i++) {
                double ai = 1 / (v[i] + s2);
                for (int j = 0; j < k; j++) {
                    if (cluster[i] == cluster[j]) {
                        double aj = 1 / (v[j] + s2);
                        w[i][j] = (i == j ? ai : 0) - s1 * ai * aj / (1 + s1 * sumInverse[cluster[i]]);
                    }
                }
            }
            double[][] xwx = new double[p][p];
            double[] xwy = new double[p];
            double[][] wx = multiply(w, x);
            for (int a = 0; a < p; a++) {
                for (int i = 0; i < k; i++) {
                    xwy[a] += wx[i][a] * y[i];
                    for (int b = 0; b < p; b++) {
                        xwx[a][b] += x[i][a] * wx[i][b];
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
                for (int a = 0; a < p; a++) {
                    fitted += x[i][a] * beta[a];
                }
                r[i] = y[i] - fitted;
            }
            double q = 0;
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    q += r[i] * w[i][j] * r[j];
                }
            }
            quadratic = q;
        }

        double logLikelihood(boolean restricted, double logDetXtX) {
            if (restricted) {
                return -0.5 * (k - p) * Math.log(2 * Math.PI) + 0.5 * logDetXtX - 0.5 * logDetM - 0.5 * logDetXWX
                        - 0.5 * quadratic;
            }
            return -0.5 * k * Math.log(2 * Math.PI) - 0.5 * logDetM - 0.5 * quadratic;
        }

        /**
         * The score of \\( (σ_1^2, σ_2^2) \\) and, into {@code info}, the expected information: with
         * \\( P = M^{-1} - M^{-1}X(X'M^{-1}X)^{-1}X'M^{-1} \\) for REML (\\( M^{-1} \\) for ML), \\( A_1 = ZZ' \\) and
         * \\( A_2 = I \\): \\( U_j = -\\tfrac12\\operatorname{tr}(PA_j) + \\tfrac12 y'PA_jPy \\),
         * \\( I_{jl} = \\tfrac12\\operatorname{tr}(PA_jPA_l) \\).
         */
        double[] score(boolean restricted, double[][] info) {
            double[][] pm = w;
            if (restricted) {
                double[][] wx = multiply(w, x);
                pm = new double[k][k];
                for (int i = 0; i < k; i++) {
                    for (int j = 0; j < k; j++) {
                        double correction = 0;
                        for (int a = 0; a < p; a++) {
                            for (int b = 0; b < p; b++) {
                                correction += wx[i][a] * vb[a][b] * wx[j][b];
                            }
                        }
                        pm[i][j] = w[i][j] - correction;
                    }
                }
            }
            double[] py = new double[k];
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    py[i] += w[i][j] * r[j];
                }
            }
            // P A1: column j is the sum of P's columns in j's cluster.
            double[][] clusterSums = new double[k][clusters];
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    clusterSums[i][cluster[j]] += pm[i][j];
                }
            }
            double traceA1 = 0;
            double traceA2 = 0;
            double pa1pa1 = 0;
            double pa1pa2 = 0;
            double pa2pa2 = 0;
            for (int i = 0; i < k; i++) {
                traceA1 += clusterSums[i][cluster[i]];
                traceA2 += pm[i][i];
                for (int j = 0; j < k; j++) {
                    double pa1ij = clusterSums[i][cluster[j]];
                    double pa1ji = clusterSums[j][cluster[i]];
                    pa1pa1 += pa1ij * pa1ji;
                    pa1pa2 += pa1ij * pm[j][i];
                    pa2pa2 += pm[i][j] * pm[j][i];
                }
            }
            double[] pySums = new double[clusters];
            double pyNorm = 0;
            for (int i = 0; i < k; i++) {
                pySums[cluster[i]] += py[i];
                pyNorm += py[i] * py[i];
            }
            double pyA1py = 0;
            for (double s : pySums) {
                pyA1py += s * s;
            }
            info[0][0] = 0.5 * pa1pa1;
            info[0][1] = 0.5 * pa1pa2;
            info[1][0] = info[0][1];
            info[1][1] = 0.5 * pa2pa2;
            return new double[] {-0.5 * traceA1 + 0.5 * pyA1py, -0.5 * traceA2 + 0.5 * pyNorm};
        }

        private double[][] multiply(double[][] a, double[][] b) {
            int rows = a.length;
            int cols = b[0].length;
            double[][] out = new double[rows][cols];
            for (int i = 0; i < rows; i++) {
                for (int l = 0; l < a[i].length; l++) {
                    if (a[i][l] != 0) {
                        for (int c = 0; c < cols; c++) {
                            out[i][c] += a[i][l] * b[l][c];
                        }
                    }
                }
            }
            return out;
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
