package org.smesurvey.stats.meta;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.smesurvey.stats.internal.CrossedFit;
import org.smesurvey.stats.internal.Distributions;

/**
 * The model of metafor's {@code rma.mv(yi, vi, mods, random = list(~ 1 | f1, …, ~ 1 | cluster/estimate))}, fitted by
 * {@link CrossedFit} (the crossed factors' codes, the clusters' and the variance components in metafor's order:
 * the crossed factors', the cluster's, the estimate's); with no crossed factor, the three-level model
 * {@code random = ~ 1 | cluster/estimate}.
 *
 * <p>What {@link CrossedFit} does not expose — the diagonal of \( V^{-1} \) for metafor's weights, and \( V^{-1}z \)
 * for the coefficients' part of an ML fit's prediction errors — is computed here at the fitted variances, when first
 * asked: \( M_0^{-1} \) study by study (Sherman–Morrison), the crossed levels by Woodbury's identity on a dense
 * L × L matrix (see {@link CrossedFit} for the algebra).
 */
final class MultilevelFit {

    final CrossedFit fit;
    final CrossedFit.Data data;
    final int k;
    final int p;
    final boolean restricted;
    final List<String> clusterNames;
    final List<String> factorNames;
    /** Each crossed factor's level names, in code order (first appearance). */
    final List<List<String>> levelNames;
    /** metafor's sigma2: the crossed factors', the cluster's, the estimate's. */
    final double[] sigma2;
    final double sigma2Cluster;
    final double sigma2Estimate;
    final double[] beta;
    final double[][] vb;
    final double[] residuals;
    private Inverse inverse;

    private MultilevelFit(CrossedFit fit, List<String> clusterNames, List<String> factorNames,
            List<List<String>> levelNames) {
        this.fit = fit;
        this.data = fit.data();
        this.k = data.y().length;
        this.p = data.x()[0].length;
        this.restricted = fit.restricted();
        this.clusterNames = List.copyOf(clusterNames);
        this.factorNames = List.copyOf(factorNames);
        this.levelNames = levelNames.stream().map(List::copyOf).toList();
        this.sigma2 = fit.variances();
        this.sigma2Cluster = sigma2[sigma2.length - 2];
        this.sigma2Estimate = sigma2[sigma2.length - 1];
        this.beta = fit.beta();
        this.vb = fit.covariance();
        this.residuals = fit.residuals();
    }

    /**
     * Fits the model.
     *
     * @param y the estimates
     * @param v their sampling variances
     * @param x the design
     * @param clusters each estimate's cluster
     * @param crossed the crossed factors, each with one level per estimate
     * @param restricted REML if true, ML otherwise
     * @param tolerance the convergence tolerance
     * @param maxIterations the iterations allowed
     * @return the fit
     * @throws IllegalStateException if the variances do not converge (CrossedFit's message, with the remedy)
     */
    static MultilevelFit fit(double[] y, double[] v, double[][] x, String[] clusters, List<CrossedFactor> crossed,
            boolean restricted, double tolerance, int maxIterations) {
        List<String> clusterNames = new ArrayList<>();
        int[] study = CrossedFit.code(clusters, clusterNames);
        int f = crossed.size();
        int[][] codes = new int[f][];
        int[] levels = new int[f];
        List<List<String>> levelNames = new ArrayList<>();
        for (int j = 0; j < f; j++) {
            Map<String, Integer> seen = new LinkedHashMap<>();
            List<String> values = crossed.get(j).levels();
            codes[j] = new int[values.size()];
            for (int i = 0; i < codes[j].length; i++) {
                String level = values.get(i);
                codes[j][i] = level == null ? -1 : seen.computeIfAbsent(level, l -> seen.size());
            }
            levels[j] = seen.size();
            levelNames.add(new ArrayList<>(seen.keySet()));
        }
        CrossedFit.Data data = new CrossedFit.Data(y, v, x, study, clusterNames.size(), codes, levels);
        CrossedFit fit;
        try {
            fit = CrossedFit.fit(data, restricted, null, tolerance, maxIterations);
        } catch (IllegalStateException e) {
            throw new IllegalStateException(e.getMessage() + "; raise withMaxIterations", e);
        }
        return new MultilevelFit(fit, clusterNames, crossed.stream().map(CrossedFactor::name).toList(), levelNames);
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

    /** The number of crossed factors. */
    int factors() {
        return factorNames.size();
    }

    /** The diagonal of \( V^{-1} \), not to be modified. */
    double[] inverseDiagonal() {
        return inverse().diagonal;
    }

    /** \( V^{-1}z \). */
    double[] inverseTimes(double[] z) {
        return inverse().times(z);
    }

    private synchronized Inverse inverse() {
        if (inverse == null) {
            inverse = new Inverse(data, sigma2);
        }
        return inverse;
    }

    /**
     * \( V^{-1} \) at the fitted variances: \( M_0^{-1}z = a\circ z - α_s a(a'z) \) in each study, with
     * \( a = 1/(v + σ_e^2) \) and \( α_s = σ_s^2/(1 + σ_s^2\sum_s a) \), and
     * \( V^{-1} = M_0^{-1} - NC^{-1}N' \), \( N = M_0^{-1}\tilde Z \), \( C = I + \tilde Z'N \) over the L crossed
     * levels' columns \( \tilde Z \) (indicators times the factor's standard deviation); cost \( O(kL^2 + L^3) \).
     */
    private static final class Inverse {
        private final CrossedFit.Data data;
        private final double[] a;
        private final double[] alpha;
        /** N, k × L, and \( C^{-1} \); null without crossed factors. */
        private final double[][] n;
        private final double[][] cInverse;
        private final double[] diagonal;

        Inverse(CrossedFit.Data data, double[] sigma2) {
            this.data = data;
            int k = data.y().length;
            int f = data.levels().length;
            double s2 = sigma2[f];
            double e2 = sigma2[f + 1];
            a = new double[k];
            double[] sum = new double[data.studies()];
            for (int i = 0; i < k; i++) {
                a[i] = 1 / (data.v()[i] + e2);
                sum[data.study()[i]] += a[i];
            }
            alpha = new double[data.studies()];
            for (int s = 0; s < alpha.length; s++) {
                alpha[s] = s2 / (1 + s2 * sum[s]);
            }
            diagonal = new double[k];
            for (int i = 0; i < k; i++) {
                diagonal[i] = a[i] - alpha[data.study()[i]] * a[i] * a[i];
            }
            int columns = java.util.Arrays.stream(data.levels()).sum();
            if (columns == 0) {
                n = null;
                cInverse = null;
                return;
            }
            int[] offset = new int[f];
            for (int j = 1; j < f; j++) {
                offset[j] = offset[j - 1] + data.levels()[j - 1];
            }
            double[][] zt = new double[columns][k];
            for (int j = 0; j < f; j++) {
                double sd = Math.sqrt(sigma2[j]);
                for (int i = 0; i < k; i++) {
                    if (data.crossed()[j][i] >= 0) {
                        zt[offset[j] + data.crossed()[j][i]][i] = sd;
                    }
                }
            }
            double[][] nt = new double[columns][];
            for (int c = 0; c < columns; c++) {
                nt[c] = m0(zt[c]);
            }
            double[][] cm = new double[columns][columns];
            for (int c = 0; c < columns; c++) {
                for (int d = 0; d <= c; d++) {
                    double s = c == d ? 1 : 0;
                    for (int i = 0; i < k; i++) {
                        s += zt[c][i] * nt[d][i];
                    }
                    cm[c][d] = s;
                    cm[d][c] = s;
                }
            }
            cInverse = new CholeskyDecomposition(new Array2DRowRealMatrix(cm, false), 1e-14, 1e-14).getSolver()
                    .getInverse().getData();
            n = new double[k][columns];
            for (int c = 0; c < columns; c++) {
                for (int i = 0; i < k; i++) {
                    n[i][c] = nt[c][i];
                }
            }
            for (int i = 0; i < k; i++) {
                diagonal[i] -= Model.quadratic(cInverse, n[i], n[i]);
            }
        }

        /** \( M_0^{-1}z \), study by study. */
        private double[] m0(double[] z) {
            int[] study = data.study();
            double[] dot = new double[alpha.length];
            for (int i = 0; i < z.length; i++) {
                dot[study[i]] += a[i] * z[i];
            }
            double[] out = new double[z.length];
            for (int i = 0; i < z.length; i++) {
                out[i] = a[i] * z[i] - alpha[study[i]] * a[i] * dot[study[i]];
            }
            return out;
        }

        double[] times(double[] z) {
            double[] out = m0(z);
            if (n != null) {
                int columns = cInverse.length;
                double[] nz = new double[columns];
                for (int i = 0; i < z.length; i++) {
                    for (int c = 0; c < columns; c++) {
                        nz[c] += n[i][c] * z[i];
                    }
                }
                double[] w = new double[columns];
                for (int c = 0; c < columns; c++) {
                    w[c] = Model.dot(cInverse[c], nz);
                }
                for (int i = 0; i < z.length; i++) {
                    out[i] -= Model.dot(n[i], w);
                }
            }
            return out;
        }
    }
}
