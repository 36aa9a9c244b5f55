package org.smesurvey.stats.meta;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.smesurvey.stats.Interval;
import org.smesurvey.stats.TestResult;
import org.smesurvey.stats.internal.Distributions;
import org.smesurvey.stats.internal.Formats;

/**
 * A three-level meta-analysis, estimates nested in clusters (figures in studies): metafor's
 * {@code rma.mv(yi, vi, mods, random = ~ 1 | cluster/estimate, method)} (see {@link MultilevelFit} for the model
 * and the algorithm). Immutable.
 *
 * <p>Heterogeneity: {@link #tau2()} is the total \( σ_1^2 + σ_2^2 \); I² is the multilevel
 * \( 100(σ_1^2 + σ_2^2)/(σ_1^2 + σ_2^2 + \tilde v) \) with the typical within-study variance
 * \( \tilde v = (k - p)/\operatorname{tr}P_0 \) of the equal-effects weights (Cheung 2014, <i>Psychological
 * Methods</i> 19, 211–229; Viechtbauer's metafor FAQ), and H² its \( (σ^2 + \tilde v)/\tilde v \); the
 * heterogeneity test is metafor's \( Q_E \) of the equal-effects fit.
 *
 * @since 0.1
 */
public final class MultilevelResult implements PooledModel {

    private final MultilevelFit fit;
    private final MetaAnalysis options;
    private final EffectSizes studies;
    private final Moderators moderators;
    private final List<String> clusterNames;
    private final double typicalVariance;
    private final TestResult heterogeneity;

    MultilevelResult(MultilevelFit fit, MetaAnalysis options, EffectSizes studies, Moderators moderators,
            List<String> clusterNames) {
        this.fit = fit;
        this.options = options;
        this.studies = studies;
        this.moderators = moderators;
        this.clusterNames = List.copyOf(clusterNames);
        Model fixed = new Model(studies.yArray(), studies.vArray(), moderators.rowArray());
        Model.Wls wls = fixed.wls(Model.weights(fixed.v, 0));
        int df = fit.k - fit.p;
        this.typicalVariance = df > 0 ? df / fixed.traceP(wls) : 0;
        this.heterogeneity = TestResult.of(moderators.columns() == 1 && moderators.hasIntercept()
                ? "Test for heterogeneity" : "Test for residual heterogeneity", Math.max(0, wls.rss), df,
                df > 0 ? Distributions.chiSquareUpperTail(Math.max(0, wls.rss), df) : 1);
    }

    /**
     * The variance between clusters, \( σ_1^2 \) (metafor's {@code sigma2[1]}).
     *
     * @return σ₁²
     */
    public double clusterVariance() {
        return fit.sigma2Cluster;
    }

    /**
     * The variance between estimates within a cluster, \( σ_2^2 \) (metafor's {@code sigma2[2]}).
     *
     * @return σ₂²
     */
    public double estimateVariance() {
        return fit.sigma2Estimate;
    }

    /**
     * The number of clusters.
     *
     * @return the clusters
     */
    public int clusters() {
        return fit.clusters;
    }

    /**
     * The Fisher-scoring iterations taken.
     *
     * @return the iterations
     */
    public int iterations() {
        return fit.iterations;
    }

    @Override
    public EffectSizes studies() {
        return studies;
    }

    @Override
    public int k() {
        return fit.k;
    }

    @Override
    public Tau2Estimator estimator() {
        return fit.restricted ? Tau2Estimator.REML : Tau2Estimator.ML;
    }

    @Override
    public double level() {
        return options.level();
    }

    @Override
    public List<Coefficient> coefficients() {
        return fit.coefficients(moderators.names(), options.level());
    }

    /**
     * The total variance of the random effects, \( σ_1^2 + σ_2^2 \).
     *
     * @return the total
     */
    @Override
    public double tau2() {
        return fit.sigma2Cluster + fit.sigma2Estimate;
    }

    @Override
    public double i2() {
        double total = tau2();
        return total + typicalVariance == 0 ? 0 : 100 * total / (total + typicalVariance);
    }

    @Override
    public double h2() {
        return typicalVariance == 0 ? 1 : (tau2() + typicalVariance) / typicalVariance;
    }

    @Override
    public TestResult heterogeneityTest() {
        return heterogeneity;
    }

    @Override
    public Optional<TestResult> moderatorTest() {
        int first = moderators.hasIntercept() ? 1 : 0;
        int m = fit.p - first;
        if (m == 0) {
            return Optional.empty();
        }
        double qm = wald(fit.vb, first);
        return Optional.of(TestResult.of("Test of moderators", qm, m, Distributions.chiSquareUpperTail(qm, m)));
    }

    private double wald(double[][] covariance, int first) {
        return Model.wald(fit.beta, covariance, first);
    }

    /**
     * A study's weight in percent, metafor's {@code weights(res)} for {@code rma.mv}: the diagonal of
     * \( M^{-1} \) over its sum.
     *
     * @param i the estimate's position in {@link #studies()}
     * @return its weight
     */
    @Override
    public double weight(int i) {
        Objects.checkIndex(i, fit.k);
        double sum = 0;
        for (int j = 0; j < fit.k; j++) {
            sum += fit.state.diagonal(j);
        }
        return 100 * fit.state.diagonal(i) / sum;
    }

    /**
     * The fitted value at moderator values, metafor's {@code predict(res, newmods)} for {@code rma.mv}: the values
     * of the moderator columns without the intercept; the prediction interval adds both variance components.
     *
     * @param newmods the moderators' values
     * @return the fitted value with its confidence and prediction intervals
     * @throws IllegalArgumentException if the values are not as many as the moderator columns
     */
    public Prediction predict(double... newmods) {
        return Prediction.at(Prediction.row(moderators, newmods), fit.beta, fit.vb, tau2(),
                Distributions.z(options.level()), options.level());
    }

    /**
     * Each estimate's standardised residual, metafor's {@code rstandard(res)$z} for {@code rma.mv}:
     * \( e_i/\sqrt{(M - XV_βX')_{ii}} \), the residual over its standard deviation under the model; a figure
     * beyond ±2 or ±3 stands out. NaN, as in metafor, for an estimate that alone fixes a coefficient: its residual
     * is 0 and has no variance.
     *
     * @return the residuals, in the estimates' order
     */
    public double[] standardisedResiduals() {
        double[] z = new double[fit.k];
        for (int i = 0; i < fit.k; i++) {
            double variance = fit.v[i] + fit.sigma2Cluster + fit.sigma2Estimate
                    - Model.quadratic(fit.vb, fit.x[i], fit.x[i]);
            z[i] = fit.residuals[i] / Math.sqrt(variance);
        }
        return z;
    }

    /**
     * The clusters' own effects, the best linear unbiased predictions \( \hat u_c = σ_1^2\,1_c'M^{-1}(y - X\hat β) \),
     * metafor's {@code ranef(res)} for the cluster level: how far a study stands above or below what its figures'
     * moderators predict.
     *
     * @return one effect per cluster, in the order of {@link #clusterNames()}
     */
    public double[] clusterEffects() {
        double[] u = new double[fit.clusters];
        for (int i = 0; i < fit.k; i++) {
            u[fit.cluster[i]] += fit.sigma2Cluster * fit.state.wr[i];
        }
        return u;
    }

    /**
     * The estimates' own effects within their cluster, \( \hat w_i = σ_2^2\,(M^{-1}(y - X\hat β))_i \), metafor's
     * {@code ranef(res)} for the estimate level.
     *
     * @return one effect per estimate
     */
    public double[] estimateEffects() {
        double[] w = new double[fit.k];
        for (int i = 0; i < fit.k; i++) {
            w[i] = fit.sigma2Estimate * fit.state.wr[i];
        }
        return w;
    }

    /**
     * The standard errors of {@link #clusterEffects()}, metafor's {@code ranef(res)$cluster$se}: each the
     * prediction error of its cluster's effect, {@link #predictionError} of that one effect.
     *
     * @return one per cluster, in the order of {@link #clusterNames()}
     */
    public double[] clusterEffectStandardErrors() {
        double[] se = new double[fit.clusters];
        for (int c = 0; c < fit.clusters; c++) {
            double[] g = new double[fit.clusters];
            g[c] = 1;
            se[c] = predictionError(g, new double[fit.k], new double[fit.k]);
        }
        return se;
    }

    /**
     * The standard errors of {@link #estimateEffects()}, metafor's {@code ranef(res)$`cluster/estimate`$se}.
     *
     * @return one per estimate
     */
    public double[] estimateEffectStandardErrors() {
        double[] se = new double[fit.k];
        for (int i = 0; i < fit.k; i++) {
            double[] g = new double[fit.k];
            g[i] = 1;
            se[i] = predictionError(new double[fit.clusters], g, new double[fit.k]);
        }
        return se;
    }

    /**
     * The prediction error of a linear combination of the model's random parts — the clusters' effects u, the
     * estimates' own effects w and their sampling errors e — predicted by their best linear unbiased predictions
     * (the sampling errors' being what is left of the residuals). With \( (u, w, e) \) of covariance
     * \( D = \operatorname{diag}(σ_1^2 I, σ_2^2 I, V) \), \( y = Xβ + Zu + w + e \) and
     * \( P = M^{-1} - M^{-1}X(X'M^{-1}X)^{-1}X'M^{-1} \), the prediction errors have covariance
     * \( D - DZ_*'PZ_*D \), \( Z_* = [Z\ I\ I] \) (Henderson 1975; the β's estimation included, as in metafor's
     * {@code ranef}): the result is \( \sqrt{g'Dg - h'Ph} \), \( h = Z_*Dg \).
     *
     * <p>Reference: Henderson, C. R. (1975). Best linear unbiased estimation and prediction under a selection
     * model. <i>Biometrics</i> 31, 423–447. doi:10.2307/2529430
     *
     * @param clusterWeights one weight per cluster
     * @param estimateWeights one weight per estimate's own effect
     * @param samplingWeights one weight per estimate's sampling error
     * @return the standard error of the combination's prediction
     * @throws IllegalArgumentException if a length is not the number of clusters or estimates
     */
    public double predictionError(double[] clusterWeights, double[] estimateWeights, double[] samplingWeights) {
        requireLength(clusterWeights, fit.clusters, "clusterWeights", "cluster");
        requireLength(estimateWeights, fit.k, "estimateWeights", "estimate");
        requireLength(samplingWeights, fit.k, "samplingWeights", "estimate");
        double gdg = 0;
        for (double g : clusterWeights) {
            gdg += fit.sigma2Cluster * g * g;
        }
        double[] h = new double[fit.k];
        for (int i = 0; i < fit.k; i++) {
            gdg += fit.sigma2Estimate * estimateWeights[i] * estimateWeights[i]
                    + fit.v[i] * samplingWeights[i] * samplingWeights[i];
            h[i] = fit.sigma2Cluster * clusterWeights[fit.cluster[i]] + fit.sigma2Estimate * estimateWeights[i]
                    + fit.v[i] * samplingWeights[i];
        }
        // P with β's estimation whatever the method (as ranef), applied cluster by cluster: never a k × k matrix.
        double hph = Model.dot(h, fit.state.project(h, 1));
        // An exact zero (a figure against itself) can come out a rounding below it.
        return Math.sqrt(Math.max(0, gdg - hph));
    }

    private static void requireLength(double[] weights, int length, String name, String per) {
        Objects.requireNonNull(weights, name);
        if (weights.length != length) {
            throw new IllegalArgumentException("Expected " + length + " " + name + ", one per " + per + ": "
                    + weights.length);
        }
    }

    /**
     * The variance of a linear combination of the coefficients, \( g'V_βg \).
     *
     * @param g the combination, one weight per coefficient
     * @return its variance
     * @throws IllegalArgumentException if {@code g} does not have one weight per coefficient
     */
    public double covariance(double[] g) {
        Objects.requireNonNull(g, "g");
        if (g.length != fit.p) {
            throw new IllegalArgumentException("Expected " + fit.p + " weights, one per coefficient: " + g.length);
        }
        return Model.quadratic(fit.vb, g, g);
    }

    @Override
    public Optional<Pooled> pooled() {
        if (!(fit.p == 1 && moderators.hasIntercept())) {
            return Optional.empty();
        }
        Coefficient c = coefficients().get(0);
        double z = Distributions.z(options.level());
        double half = z * Math.sqrt(c.standardError() * c.standardError() + tau2());
        Interval ci = new Interval(c.estimate(), c.lower(), c.upper(), options.level());
        Interval pi = new Interval(c.estimate(), c.estimate() - half, c.estimate() + half, options.level());
        return Optional.of(new Pooled(ci, pi, studies.measure().map(m -> {
            double n = studies.harmonicMeanN();
            return new MetaResult.BackTransformed(m, back(m, ci, n), back(m, pi, n));
        })));
    }

    private static Interval back(ProportionMeasure m, Interval i, double n) {
        return new Interval(m.backTransform(i.estimate(), n), m.backTransform(i.lower(), n), m.backTransform(i.upper(), n),
                i.level());
    }

    @Override
    public FitStatistics fitStatistics(boolean restricted) {
        double ll = fit.state.logLikelihood(restricted, MultilevelFit.logDetCrossProduct(fit.x));
        int parameters = fit.p + 2;
        double n = restricted ? fit.k - fit.p : fit.k;
        double saturated = 0;
        for (double vi : fit.v) {
            saturated += -0.5 * Math.log(2 * Math.PI * vi);
        }
        double deviance = restricted ? -2 * ll : -2 * (ll - saturated);
        double m = Math.max(n, parameters + 2);
        return new FitStatistics(restricted, ll, deviance, -2 * ll + 2 * parameters, -2 * ll + parameters * Math.log(n),
                -2 * ll + 2 * parameters * m / (m - parameters - 1));
    }

    /**
     * Cluster-robust inference, metafor's {@code robust(res, cluster)} with its default small-sample adjustment:
     * the sandwich \( \frac{n}{n-p} B\,(\oplus_c e_ce_c')\,B' \), \( B = (X'WX)^{-1}X'W \), \( W = M^{-1} \), n the
     * clusters, and t tests on n − p degrees of freedom (Hedges, Tipton and Johnson 2010, <i>Research Synthesis
     * Methods</i> 1, 39–65; the CR1 correction).
     *
     * @param cluster each estimate's cluster for the sandwich, such as its study
     * @return the coefficients with robust standard errors and t tests, and the moderators' F test
     * @throws IllegalArgumentException if the clusters are not as many as the estimates, or no more than the
     *         coefficients
     */
    public Robust robust(String[] cluster) {
        Objects.requireNonNull(cluster, "cluster");
        if (cluster.length != fit.k) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "There are %d clusters for %d estimates",
                    cluster.length, fit.k));
        }
        List<String> names = new ArrayList<>();
        int[] code = MultilevelFit.code(cluster, names);
        int n = names.size();
        int dfs = n - fit.p;
        if (dfs <= 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "Robust inference needs more clusters (%d)"
                    + " than coefficients (%d)", n, fit.p));
        }
        int k = fit.k;
        int p = fit.p;
        // B = vb X'W = (W X vb)' = (U vb)', p × k: column j of B is vb u_j.
        double[][] bread = new double[p][k];
        for (int j = 0; j < k; j++) {
            for (int a = 0; a < p; a++) {
                double sum = 0;
                for (int b = 0; b < p; b++) {
                    sum += fit.vb[a][b] * fit.state.u[j][b];
                }
                bread[a][j] = sum;
            }
        }
        // Σ_c (B_c e_c)(B_c e_c)'
        double[][] be = new double[n][p];
        for (int j = 0; j < k; j++) {
            for (int a = 0; a < p; a++) {
                be[code[j]][a] += bread[a][j] * fit.residuals[j];
            }
        }
        double[][] vr = new double[p][p];
        for (int c = 0; c < n; c++) {
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    vr[a][b] += be[c][a] * be[c][b] * n / dfs;
                }
            }
        }
        double t = Distributions.t(options.level(), dfs);
        List<Coefficient> coefficients = new ArrayList<>(p);
        List<String> labels = moderators.names();
        for (int a = 0; a < p; a++) {
            double se = Math.sqrt(vr[a][a]);
            double statistic = fit.beta[a] / se;
            coefficients.add(new Coefficient(labels.get(a), fit.beta[a], se, statistic,
                    Distributions.tTwoSided(statistic, dfs), fit.beta[a] - t * se, fit.beta[a] + t * se));
        }
        int first = moderators.hasIntercept() ? 1 : 0;
        int m = p - first;
        Optional<TestResult> qm = Optional.empty();
        if (m > 0) {
            double f = wald(vr, first) / m;
            qm = Optional.of(TestResult.f("Test of moderators (cluster-robust)", f, m, dfs,
                    Distributions.fUpperTail(f, m, dfs)));
        }
        return new Robust(coefficients, dfs, n, qm);
    }

    /**
     * Cluster-robust coefficients and test.
     *
     * @param coefficients the coefficients with robust standard errors, t statistics and intervals
     * @param degreesOfFreedom the t tests' degrees of freedom, clusters less coefficients
     * @param clusters the number of clusters
     * @param moderatorTest the moderators' robust F test, empty without moderators
     */
    public record Robust(List<Coefficient> coefficients, int degreesOfFreedom, int clusters,
            Optional<TestResult> moderatorTest) {

        /**
         * Copies the coefficients.
         *
         * @param coefficients the coefficients with robust standard errors, t statistics and intervals
         * @param degreesOfFreedom the t tests' degrees of freedom
         * @param clusters the number of clusters
         * @param moderatorTest the moderators' robust F test
         */
        public Robust {
            coefficients = List.copyOf(coefficients);
            Objects.requireNonNull(moderatorTest, "moderatorTest");
        }
    }

    /**
     * The model as metafor's {@code print.rma.mv} lays it out: the variance components, the heterogeneity test,
     * the moderators' test and the coefficients.
     *
     * @return the text
     */
    @Override
    public String summary() {
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("Multivariate Meta-Analysis Model (k = " + fit.k + "; method: " + estimator().name() + ")");
        lines.add("");
        lines.add("Variance Components:");
        lines.add("");
        lines.addAll(Formats.table(List.of("sigma^2.1", "sigma^2.2"), List.of("estim", "sqrt", "nlvls", "factor"),
                List.of(new String[] {Formats.fixed(fit.sigma2Cluster, 4), Formats.fixed(fit.sigma2Estimate, 4)},
                        new String[] {Formats.fixed(Math.sqrt(fit.sigma2Cluster), 4),
                            Formats.fixed(Math.sqrt(fit.sigma2Estimate), 4)},
                        new String[] {Integer.toString(fit.clusters), Integer.toString(fit.k)},
                        new String[] {"cluster", "cluster/estimate"})));
        lines.add("");
        TestResult q = heterogeneity;
        lines.add((moderators.columns() == 1 ? "Test for Heterogeneity:" : "Test for Residual Heterogeneity:"));
        lines.add((moderators.columns() == 1 ? "Q" : "QE") + "(df = " + (fit.k - fit.p) + ") = "
                + Formats.fixed(q.statistic(), 4) + ", p-val " + (q.pValue() < 1e-4 ? "< .0001"
                        : "= " + Formats.fixed(q.pValue(), 4)));
        moderatorTest().ifPresent(qm -> {
            lines.add("");
            lines.add("Test of Moderators:");
            lines.add("QM(df = " + Formats.number(qm.degreesOfFreedom().getAsDouble()) + ") = "
                    + Formats.fixed(qm.statistic(), 4) + ", p-val " + (qm.pValue() < 1e-4 ? "< .0001"
                            : "= " + Formats.fixed(qm.pValue(), 4)));
        });
        lines.add("");
        lines.add("Model Results:");
        lines.add("");
        List<Coefficient> coefficients = coefficients();
        lines.addAll(Formats.table(coefficients.stream().map(Coefficient::name).toList(),
                List.of("estimate", "se", "zval", "pval", "ci.lb", "ci.ub"), List.of(
                        coefficients.stream().map(c -> Formats.fixed(c.estimate(), 4)).toArray(String[]::new),
                        coefficients.stream().map(c -> Formats.fixed(c.standardError(), 4)).toArray(String[]::new),
                        coefficients.stream().map(c -> Formats.fixed(c.statistic(), 4)).toArray(String[]::new),
                        coefficients.stream().map(c -> Formats.pValueColumn(c.pValue())).toArray(String[]::new),
                        coefficients.stream().map(c -> Formats.fixed(c.lower(), 4)).toArray(String[]::new),
                        coefficients.stream().map(c -> Formats.fixed(c.upper(), 4)).toArray(String[]::new))));
        return String.join("\n", lines);
    }

    /**
     * The clusters' names, in order of first appearance.
     *
     * @return the names
     */
    public List<String> clusterNames() {
        return clusterNames;
    }
}
