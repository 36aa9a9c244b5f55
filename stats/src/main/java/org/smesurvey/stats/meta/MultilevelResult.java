package org.smesurvey.stats.meta;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
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
     * The time at which the fitted logit line for a moderator row reaches a share: \( t^* \) with
     * \( x(t^*)'\hat β = \operatorname{logit} L \), its delta-method standard error and Wald interval (see
     * {@link YearReached} for the formula). The row is given as {@link #predict(double...)} takes it, every moderator
     * column's value; the time column's own value is not used, the line running over all times.
     *
     * @param share the share L, in (0, 1)
     * @param time the name of the numeric time moderator, such as {@code year}
     * @param newmods the moderators' values, in the design's order, without the intercept
     * @return the time, in the time moderator's units, with its standard error and interval
     * @throws NullPointerException if {@code time} or {@code newmods} is null
     * @throws IllegalArgumentException if the share is not in (0, 1), no moderator column is named {@code time}, or
     *         the values are not as many as the moderator columns
     * @throws IllegalStateException if the fit is on another measure than the logit (effect sizes given without a
     *         measure are taken as logits), or its slope in time is 0
     * @since 0.2
     */
    public YearReached yearReached(double share, String time, double... newmods) {
        return YearReached.of(moderators, studies.measure(), fit.beta, fit.vb, share, time, newmods,
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
     * Cluster-robust inference with metafor's default small-sample adjustment, {@link RobustVariance#CR1}:
     * {@code robust(res, cluster)}, as {@link #robust(String[], RobustVariance)} with CR1.
     *
     * @param cluster each estimate's cluster for the sandwich, such as its study
     * @return the coefficients with robust standard errors and t tests, and the moderators' F test
     * @throws NullPointerException if {@code cluster} or one of its labels is null
     * @throws IllegalArgumentException if the clusters are not as many as the estimates, or no more than the
     *         coefficients
     */
    public Robust robust(String[] cluster) {
        return robust(cluster, RobustVariance.CR1);
    }

    /**
     * Cluster-robust inference: the sandwich
     * \[ V^{CR} = V_β\Big(\sum_j X_j'W_jA_je_je_j'A_j'W_jX_j\Big)V_β, \quad V_β = (X'WX)^{-1},\ W = M^{-1}, \]
     * over the clusters j, with the adjustment \( A_j \) of {@code variance}: for {@link RobustVariance#CR1}
     * metafor's {@code robust(res, cluster, adjust = TRUE)}, \( \frac{n}{n-p} \) times the plain sandwich and t
     * tests on \( n - p \) degrees of freedom (n clusters, p coefficients), with the moderators' F test
     * \( \hat β_m'(V^{CR}_{mm})^{-1}\hat β_m/m \) on \( (m, n - p) \); for {@link RobustVariance#CR2} clubSandwich's
     * {@code coef_test(res, vcov = "CR2", cluster)}: the bias-reduced linearisation and each coefficient's t test on
     * its Satterthwaite degrees of freedom, intervals on the same t.
     *
     * <p>Designs with many dummy columns and few clusters (the adoption model's) are handled rather than refused:
     * a column whose non-zero values all lie in one cluster is listed by {@link Robust#singleClusterCoefficients()}
     * (its score sums to zero in that cluster, so the sandwich's meat is singular and, under CR2, so is
     * \( I - H_{jj} \), which the generalised inverse square root takes care of; its CR2 degrees of freedom
     * collapse towards 1, its CR1 ones do not show it). When the robust covariance of the moderators is
     * singular (its smallest eigenvalue, as correlations, below \( 10^{-10} \) of the largest), the F test is
     * undefined and left empty, where metafor reports {@code QM = NA}; under CR2 there is no F test (clubSandwich's
     * Hotelling approximation is not implemented).
     *
     * <p>References: Hedges, L. V., Tipton, E. and Johnson, M. C. (2010). Robust variance estimation in
     * meta-regression with dependent effect size estimates. <i>Research Synthesis Methods</i> 1, 39–65.
     * doi:10.1002/jrsm.5; Pustejovsky, J. E. and Tipton, E. (2018). Small-sample methods for cluster-robust
     * variance estimation and hypothesis testing in fixed effects models. <i>Journal of Business and Economic
     * Statistics</i> 36, 672–683. doi:10.1080/07350015.2016.1247004
     *
     * @param cluster each estimate's cluster for the sandwich, such as its study
     * @param variance the small-sample correction
     * @return the coefficients with robust standard errors, t tests and intervals
     * @throws NullPointerException if an argument or a cluster label is null
     * @throws IllegalArgumentException if the clusters are not as many as the estimates, or no more than the
     *         coefficients, or (CR2) the model's own clusters are not nested in them
     * @since 0.2
     */
    public Robust robust(String[] cluster, RobustVariance variance) {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(variance, "variance");
        if (cluster.length != fit.k) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "There are %d clusters for %d estimates",
                    cluster.length, fit.k));
        }
        for (int i = 0; i < cluster.length; i++) {
            Objects.requireNonNull(cluster[i], "cluster[" + i + "]");
        }
        List<String> names = new ArrayList<>();
        int[] code = MultilevelFit.code(cluster, names);
        int n = names.size();
        int p = fit.p;
        int dfs = n - p;
        if (dfs <= 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "Robust inference needs more clusters (%d)"
                    + " than coefficients (%d)", n, p));
        }
        int[][] members = new int[n][];
        int[] sizes = new int[n];
        for (int c : code) {
            sizes[c]++;
        }
        for (int c = 0; c < n; c++) {
            members[c] = new int[sizes[c]];
            sizes[c] = 0;
        }
        for (int i = 0; i < fit.k; i++) {
            members[code[i]][sizes[code[i]]++] = i;
        }
        double[] df = new double[p];
        double[][] vr;
        if (variance == RobustVariance.CR1) {
            vr = cr1(members, (double) n / dfs);
            java.util.Arrays.fill(df, dfs);
        } else {
            requireNested(code, names);
            vr = cr2(members, df);
        }
        List<Coefficient> coefficients = new ArrayList<>(p);
        List<String> labels = moderators.names();
        for (int a = 0; a < p; a++) {
            double se = Math.sqrt(vr[a][a]);
            double statistic = fit.beta[a] / se;
            double t = Distributions.t(options.level(), df[a]);
            coefficients.add(new Coefficient(labels.get(a), fit.beta[a], se, statistic,
                    Distributions.tTwoSided(statistic, df[a]), fit.beta[a] - t * se, fit.beta[a] + t * se));
        }
        int first = moderators.hasIntercept() ? 1 : 0;
        int m = p - first;
        Optional<TestResult> qm = Optional.empty();
        if (m > 0 && variance == RobustVariance.CR1 && !singular(vr, first)) {
            double f = wald(vr, first) / m;
            qm = Optional.of(TestResult.f("Test of moderators (cluster-robust)", f, m, dfs,
                    Distributions.fUpperTail(f, m, dfs)));
        }
        List<String> single = new ArrayList<>();
        for (int a = 0; a < p; a++) {
            int carrier = -1;
            boolean one = true;
            for (int i = 0; i < fit.k && one; i++) {
                if (fit.x[i][a] != 0) {
                    one = carrier < 0 || carrier == code[i];
                    carrier = code[i];
                }
            }
            if (one && carrier >= 0) {
                single.add(labels.get(a));
            }
        }
        return new Robust(variance, coefficients, df, vr, n, qm, single);
    }

    /** metafor's CR1: \( c\,Σ_j (B_je_j)(B_je_j)' \), \( B = V_βX'W \), c = n/(n - p). */
    private double[][] cr1(int[][] members, double adjustment) {
        int p = fit.p;
        double[][] vr = new double[p][p];
        double[] be = new double[p];
        for (int[] rows : members) {
            java.util.Arrays.fill(be, 0);
            for (int i : rows) {
                // column i of B is vb u_i, u_i = (WX)_i
                for (int a = 0; a < p; a++) {
                    be[a] += Model.dot(fit.vb[a], fit.state.u[i]) * fit.residuals[i];
                }
            }
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    vr[a][b] += adjustment * be[a] * be[b];
                }
            }
        }
        return vr;
    }

    /**
     * clubSandwich's CR2 for an {@code rma.mv} fit (its inverse-variance branch: the target is the model's own
     * \( Φ = M \)), and into {@code df} each coefficient's Satterthwaite degrees of freedom.
     */
    private double[][] cr2(int[][] members, double[] df) {
        int p = fit.p;
        int n = members.length;
        RealMatrix vb = new Array2DRowRealMatrix(fit.vb, true);
        double[][][] fj = new double[n][][];
        double[][][] theta = new double[n][][];
        double[][] vr = new double[p][p];
        for (int j = 0; j < n; j++) {
            int[] rows = members[j];
            int size = rows.length;
            double[][] t = new double[size][size];
            double[][] xj = new double[size][];
            double[] e = new double[size];
            for (int a = 0; a < size; a++) {
                xj[a] = fit.x[rows[a]];
                e[a] = fit.residuals[rows[a]];
                for (int b = 0; b < size; b++) {
                    t[a][b] = (a == b ? fit.v[rows[a]] + fit.sigma2Estimate : 0)
                            + (fit.cluster[rows[a]] == fit.cluster[rows[b]] ? fit.sigma2Cluster : 0);
                }
            }
            theta[j] = t;
            RealMatrix phi = new Array2DRowRealMatrix(t, true);
            CholeskyDecomposition chol = new CholeskyDecomposition(phi, 1e-12, 0);
            RealMatrix lower = chol.getL();
            RealMatrix upper = chol.getLT();
            RealMatrix w = chol.getSolver().getInverse();
            RealMatrix x = new Array2DRowRealMatrix(xj, true);
            RealMatrix b = upper.multiply(phi.subtract(x.multiply(vb).multiply(x.transpose()))).multiply(lower);
            RealMatrix half = inverseSquareRoot(b.add(b.transpose()).scalarMultiply(0.5));
            RealMatrix adjustment = lower.multiply(half).multiply(upper);
            RealMatrix f = vb.multiply(x.transpose()).multiply(w).multiply(adjustment);
            fj[j] = f.getData();
            double[] g = f.operate(e);
            for (int a = 0; a < p; a++) {
                for (int c = 0; c < p; c++) {
                    vr[a][c] += g[a] * g[c];
                }
            }
        }
        for (int i = 0; i < p; i++) {
            double[] diagonal = new double[n];
            double[][] q = new double[n][p];
            double[][] vq = new double[n][];
            for (int j = 0; j < n; j++) {
                double[] h = fj[j][i];
                diagonal[j] = Model.quadratic(theta[j], h, h);
                int[] rows = members[j];
                for (int a = 0; a < rows.length; a++) {
                    double[] row = fit.x[rows[a]];
                    for (int c = 0; c < p; c++) {
                        q[j][c] += row[c] * h[a];
                    }
                }
                vq[j] = vb.operate(q[j]);
            }
            double trace = 0;
            double squares = 0;
            for (int j = 0; j < n; j++) {
                for (int l = 0; l < n; l++) {
                    double pjl = (j == l ? diagonal[j] : 0) - Model.dot(q[j], vq[l]);
                    squares += pjl * pjl;
                    if (j == l) {
                        trace += pjl;
                    }
                }
            }
            df[i] = trace * trace / squares;
        }
        return vr;
    }

    /** \( B^{+1/2} \): the symmetric inverse square root over the eigenvalues above 1e-12, clubSandwich's matrix_power. */
    private static RealMatrix inverseSquareRoot(RealMatrix b) {
        EigenDecomposition eigen = new EigenDecomposition(b);
        int size = b.getRowDimension();
        double[][] out = new double[size][size];
        for (int e = 0; e < size; e++) {
            double lambda = eigen.getRealEigenvalue(e);
            if (lambda > 1e-12) {
                double[] vector = eigen.getEigenvector(e).toArray();
                double scale = 1 / Math.sqrt(lambda);
                for (int a = 0; a < size; a++) {
                    for (int c = 0; c < size; c++) {
                        out[a][c] += scale * vector[a] * vector[c];
                    }
                }
            }
        }
        return new Array2DRowRealMatrix(out, false);
    }

    /** CR2 takes the model's covariance block by block: each of the model's clusters must lie in one robust cluster. */
    private void requireNested(int[] code, List<String> names) {
        int[] robustOf = new int[fit.clusters];
        java.util.Arrays.fill(robustOf, -1);
        for (int i = 0; i < fit.k; i++) {
            int c = fit.cluster[i];
            if (robustOf[c] >= 0 && robustOf[c] != code[i]) {
                throw new IllegalArgumentException("The model's cluster " + clusterNames.get(c) + " lies in two robust"
                        + " clusters, " + names.get(robustOf[c]) + " and " + names.get(code[i]) + "; CR2 needs the"
                        + " model's clusters nested in the robust ones");
            }
            robustOf[c] = code[i];
        }
    }

    /** Whether the moderators' block of a covariance is singular: its correlations' eigenvalues spread beyond 1e10. */
    private static boolean singular(double[][] covariance, int first) {
        int m = covariance.length - first;
        double[][] correlation = new double[m][m];
        for (int a = 0; a < m; a++) {
            for (int c = 0; c < m; c++) {
                double scale = Math.sqrt(covariance[first + a][first + a] * covariance[first + c][first + c]);
                if (!(scale > 0)) {
                    return true;
                }
                correlation[a][c] = covariance[first + a][first + c] / scale;
            }
        }
        double[] values = new EigenDecomposition(new Array2DRowRealMatrix(correlation, false)).getRealEigenvalues();
        double largest = java.util.Arrays.stream(values).max().orElse(0);
        double smallest = java.util.Arrays.stream(values).min().orElse(0);
        return !(smallest > 1e-10 * largest);
    }

    /**
     * Cluster-robust coefficients and tests: the result of {@link #robust(String[], RobustVariance)}. Immutable.
     *
     * @since 0.1
     */
    public static final class Robust {

        private final RobustVariance variance;
        private final List<Coefficient> coefficients;
        private final double[] degreesOfFreedom;
        private final double[][] covariance;
        private final int clusters;
        private final Optional<TestResult> moderatorTest;
        private final List<String> singleCluster;

        Robust(RobustVariance variance, List<Coefficient> coefficients, double[] degreesOfFreedom,
                double[][] covariance, int clusters, Optional<TestResult> moderatorTest, List<String> singleCluster) {
            this.variance = variance;
            this.coefficients = List.copyOf(coefficients);
            this.degreesOfFreedom = degreesOfFreedom.clone();
            this.covariance = covariance;
            this.clusters = clusters;
            this.moderatorTest = moderatorTest;
            this.singleCluster = List.copyOf(singleCluster);
        }

        /**
         * The small-sample correction.
         *
         * @return CR1 or CR2
         * @since 0.2
         */
        public RobustVariance variance() {
            return variance;
        }

        /**
         * The coefficients with robust standard errors, t statistics, p-values and intervals, in the design's order.
         *
         * @return the coefficients
         */
        public List<Coefficient> coefficients() {
            return coefficients;
        }

        /**
         * A coefficient's t degrees of freedom: clusters less coefficients under CR1, Satterthwaite's under CR2.
         *
         * @param j the coefficient's position in {@link #coefficients()}
         * @return its degrees of freedom
         * @throws IndexOutOfBoundsException if there is no such coefficient
         * @since 0.2
         */
        public double degreesOfFreedom(int j) {
            return degreesOfFreedom[java.util.Objects.checkIndex(j, degreesOfFreedom.length)];
        }

        /**
         * The robust covariance of the coefficients, metafor's {@code vcov} of the robust fit (clubSandwich's
         * {@code vcovCR} under CR2).
         *
         * @return a copy, p × p
         * @since 0.2
         */
        public double[][] covariance() {
            double[][] copy = new double[covariance.length][];
            for (int j = 0; j < copy.length; j++) {
                copy[j] = covariance[j].clone();
            }
            return copy;
        }

        /**
         * The number of clusters.
         *
         * @return n
         */
        public int clusters() {
            return clusters;
        }

        /**
         * The moderators' robust F test on \( (m, n - p) \) degrees of freedom.
         *
         * @return the test; empty without moderators, under CR2, and when the moderators' robust covariance is
         *         singular (metafor's {@code QM = NA})
         */
        public Optional<TestResult> moderatorTest() {
            return moderatorTest;
        }

        /**
         * The coefficients whose column is non-zero in one cluster only: the sandwich has no information about
         * them beyond that cluster, and their robust tests are not to be trusted (under CR2 their degrees of
         * freedom fall towards 1 or below).
         *
         * @return their names, in the design's order; empty when every column spans two clusters or more
         * @since 0.2
         */
        public List<String> singleClusterCoefficients() {
            return singleCluster;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "Robust[%s, %d clusters, %d coefficients%s]", variance, clusters,
                    coefficients.size(), singleCluster.isEmpty() ? "" : ", carried by one cluster: " + singleCluster);
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
