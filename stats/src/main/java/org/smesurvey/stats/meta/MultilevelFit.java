package org.smesurvey.stats.meta;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.smesurvey.stats.internal.CrossedFit;
import org.smesurvey.stats.internal.Distributions;

/**
 * The model of metafor's {@code rma.mv(yi, vi, mods, random = list(~ 1 | f1, …, ~ 1 | cluster/estimate))}, fitted by
 * {@link CrossedFit} (the crossed factors' codes, the clusters' and the variance components in metafor's order:
 * the crossed factors', the cluster's, the estimate's); with no crossed factor, the three-level model
 * {@code random = ~ 1 | cluster/estimate}.
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
    private double[] inverseDiagonal;

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

    /**
     * The profile log-likelihood of one variance component: the (restricted) likelihood with that component held at
     * {@code value} and every other maximised, started from the fit's own estimates (metafor's
     * {@code logLik(rma.mv(..., sigma2 = c(NA, value)))}).
     *
     * @param component the component's position in {@link #sigma2}
     * @param value the value it is held at, 0 or more
     * @param tolerance the inner fit's tolerance
     * @param maxIterations the inner fit's iterations allowed
     * @return the profiled log-likelihood, with metafor's constants
     * @throws IllegalStateException if the other components do not converge
     */
    double profileLogLikelihood(int component, double value, double tolerance, int maxIterations) {
        double[] start = sigma2.clone();
        start[component] = value;
        boolean[] held = new boolean[sigma2.length];
        held[component] = true;
        try {
            return CrossedFit.fit(data, restricted, start, held, tolerance, maxIterations).logLikelihood();
        } catch (IllegalStateException e) {
            throw new IllegalStateException(String.format(java.util.Locale.ROOT, "With sigma^2.%d held at %s, %s;"
                    + " raise withMaxIterations", component + 1, value, e.getMessage()), e);
        }
    }

    /** The number of crossed factors. */
    int factors() {
        return factorNames.size();
    }

    /** The diagonal of \( V^{-1} \) at the fitted variances, computed when first asked; not to be modified. */
    synchronized double[] inverseDiagonal() {
        if (inverseDiagonal == null) {
            inverseDiagonal = fit.inverseDiagonal();
        }
        return inverseDiagonal;
    }
}
