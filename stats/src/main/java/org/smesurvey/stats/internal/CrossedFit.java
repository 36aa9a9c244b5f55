package org.smesurvey.stats.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The linear mixed model of metafor's
 * {@code rma.mv(yi, vi, mods, random = list(~ 1 | f1, …, ~ 1 | study/estimate))}: random intercepts for crossed
 * factors (a country, a sector), a study intercept and an estimate's own effect, over known sampling variances,
 * \[ y = Xβ + \sum_f Z_f u_f + Z_s u_s + w + ε,\quad u_f \sim N(0, σ_f^2 I),\ u_s \sim N(0, σ_s^2 I),\
 *    w \sim N(0, σ_e^2 I),\ ε \sim N(0, \operatorname{diag}(v)), \]
 * so that \( V = M_0 + \tilde Z\tilde Z' \) with \( M_0 = \operatorname{diag}(v + σ_e^2) + σ_s^2 Z_sZ_s' \)
 * block-diagonal by study and \( \tilde Z = [Z_1σ_1, …, Z_Fσ_F] \) the crossed factors' indicator columns scaled
 * by their standard deviations.
 *
 * <p><b>Cost.</b> \( V^{-1} \) is never formed. \( M_0^{-1} \) is applied study by study in closed form
 * (Sherman–Morrison, \( M_{0s}^{-1}z = a\circ z - α_s a (a'z) \), \( a = 1/(v + σ_e^2) \),
 * \( α_s = σ_s^2/(1 + σ_s^2 \sum_s a) \)), and the crossed factors by Woodbury's identity on the L levels of
 * the crossed factors, \( V^{-1} = M_0^{-1} - N C^{-1} N' \) with \( N = M_0^{-1}\tilde Z \) and
 * \( C = I_L + \tilde Z' N = I_L + DHD \), \( H = Z'M_0^{-1}Z \), D the levels' standard deviations (well
 * conditioned whatever σ, none of which is inverted), so that \( \log|V| = \log|M_0| + \log|C| \). C is sparse,
 * since two levels meet in it only when a study holds both, and it is never inverted: its Cholesky factor is computed
 * over its non-zeros, the levels ordered by minimum degree (George &amp; Liu 1989); \( C^{-1}w \) is two triangular
 * solves, and the scores' traces come from the entries of \( C^{-1} \) on the factor's pattern (Takahashi's
 * recurrence; Erisman &amp; Tinney 1975) and one sparse triangular solve per level. (commons-math's
 * {@code CholeskyDecomposition} is dense, \( L^3/6 \), and its inverse \( L^3 \) more.) With \( n_j \) the
 * non-zeros of the factor's column j, a likelihood costs \( O(kp^2 + p\sum_j n_j + \sum_j n_j^2) \) and a score
 * \( O(L\sum_j n_j) \) at most: linear in the number of estimates k for given crossed levels and moderators.
 *
 * <p><b>Estimation.</b> The variances maximise the restricted (REML) or full likelihood by the average
 * information algorithm (Gilmour, Thompson &amp; Cullis 1995): with \( A_j = Z_jZ_j' \) (I for the estimate's
 * effect), the score \( U_j = -\tfrac12\operatorname{tr}(PA_j) + \tfrac12 y'PA_jPy \) and the average information
 * \( \mathcal I_{jl} = \tfrac12 y'PA_jPA_lPy \), which needs no trace of a product of two projections and is
 * exact in expectation at the maximum; the step \( \mathcal I^{-1}U \) is halved while the likelihood would fall,
 * a variance held at 0 while its score is negative (the boundary). It stops when no variance moves by more than
 * the tolerance times \( \max(1, σ^2) \). \( P = V^{-1} - V^{-1}X(X'V^{-1}X)^{-1}X'V^{-1} \) for REML,
 * \( V^{-1} \) for ML; the REML likelihood is metafor's, with \( +\tfrac12\log|X'X| \).
 *
 * <p><b>Predictions.</b> The best linear unbiased predictions \( \hat u_f = σ_f^2 Z_f'Py \) and the prediction
 * error variance of \( x_0'\hat β + \sum_f \hat u_{f,l_f} \), a new estimate's mean at known levels
 * (Henderson 1975): with \( g = \sum_f σ_f^2 z_{f,l_f} \) and \( B = (X'V^{-1}X)^{-1} \),
 * \[ x_0'Bx_0 + \sum_f σ_f^2 - g'Pg - 2x_0'BX'V^{-1}g; \]
 * a level the data lack adds its whole variance \( σ_f^2 \). In the prediction errors P is the restricted
 * likelihood's whatever the method, since β is estimated for ML fits too.
 *
 * <p>References: Gilmour, A. R., Thompson, R. &amp; Cullis, B. R. (1995). Average information REML: an efficient
 * algorithm for variance parameter estimation in linear mixed models. <i>Biometrics</i> 51, 1440–1450.
 * doi:10.2307/2533274; Henderson, C. R. (1975). Best linear unbiased estimation and prediction under a selection
 * model. <i>Biometrics</i> 31, 423–447. doi:10.2307/2529430; Harville, D. A. (1977). Maximum likelihood
 * approaches to variance component estimation. <i>JASA</i> 72, 320–338. doi:10.1080/01621459.1977.10480998;
 * George, A. &amp; Liu, J. W. H. (1989). The evolution of the minimum degree ordering algorithm. <i>SIAM Review</i>
 * 31, 1–19. doi:10.1137/1031001; Takahashi, K., Fagan, J. &amp; Chen, M.-S. (1973). Formation of a sparse bus
 * impedance matrix and its application to short circuit study. <i>8th PICA Conference Proceedings</i>, 63–70;
 * Erisman, A. M. &amp; Tinney, W. F. (1975). On computing certain elements of the inverse of a sparse matrix.
 * <i>Communications of the ACM</i> 18, 177–179. doi:10.1145/360680.360704.
 *
 * @since 0.2
 */
public final class CrossedFit {

    private final Data data;
    private final boolean restricted;
    private final State state;
    private final int iterations;
    private final double logLikelihood;

    /**
     * The data of a fit: responses, sampling variances, design and the random factors' codes.
     *
     * @param y the estimates
     * @param v their sampling variances, positive
     * @param x the design, k rows of p columns, of full column rank
     * @param study each estimate's study, coded 0 … studies − 1
     * @param studies the number of studies
     * @param crossed each crossed factor's codes (one array of k per factor, coded 0 … levels − 1, or −1 for an
     *        estimate the factor does not apply to: no effect of that factor)
     * @param levels each crossed factor's number of levels
     * @param studyGroup each study's group, coded 0 … groups − 1: the studies of a group share a between-study
     *        variance of their own (official statistics and private surveys, say)
     * @param groups the number of groups of studies
     */
    public record Data(double[] y, double[] v, double[][] x, int[] study, int studies, int[][] crossed, int[] levels,
            int[] studyGroup, int groups) {

        /**
         * Validates the dimensions and codes.
         *
         * @param y the estimates
         * @param v their sampling variances
         * @param x the design
         * @param study each estimate's study
         * @param studies the number of studies
         * @param crossed each crossed factor's codes
         * @param levels each crossed factor's number of levels
         * @param studyGroup each study's group
         * @param groups the number of groups
         * @throws IllegalArgumentException if a dimension or a code does not match, or a variance is not positive
         */
        public Data {
            if (studyGroup.length != studies || groups < 1
                    || java.util.Arrays.stream(studyGroup).anyMatch(g -> g < 0 || g >= groups)) {
                throw new IllegalArgumentException("Each study needs a group in 0-" + (groups - 1));
            }
            int k = y.length;
            if (k == 0 || v.length != k || x.length != k || study.length != k || crossed.length != levels.length) {
                throw new IllegalArgumentException("The estimates, variances, design rows and codes differ in number");
            }
            for (int i = 0; i < k; i++) {
                if (!(v[i] > 0) || !Double.isFinite(v[i]) || !Double.isFinite(y[i])) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "Estimate %d: the value must be finite and the variance positive: %s, %s", i, y[i], v[i]));
                }
                if (study[i] < 0 || study[i] >= studies || x[i].length != x[0].length) {
                    throw new IllegalArgumentException("Estimate " + i + ": bad study code or design row");
                }
                for (int f = 0; f < crossed.length; f++) {
                    if (crossed[f].length != k || crossed[f][i] < -1 || crossed[f][i] >= levels[f]) {
                        throw new IllegalArgumentException("Estimate " + i + ": bad code of crossed factor " + f);
                    }
                }
            }
        }

        /**
         * Data whose studies all share one between-study variance.
         *
         * @param y the estimates
         * @param v their sampling variances
         * @param x the design
         * @param study each estimate's study
         * @param studies the number of studies
         * @param crossed each crossed factor's codes
         * @param levels each crossed factor's number of levels
         */
        public Data(double[] y, double[] v, double[][] x, int[] study, int studies, int[][] crossed, int[] levels) {
            this(y, v, x, study, studies, crossed, levels, new int[studies], 1);
        }

        int k() {
            return y.length;
        }

        /** \( \log|X'X| \), the constant of metafor's restricted likelihood. */
        double logDetCrossProduct() {
            return State.logDetCrossProduct(x);
        }

        int p() {
            return x[0].length;
        }

        /** The number of variance components: the crossed factors', each group of studies', the estimate's. */
        int components() {
            return crossed.length + groups + 1;
        }
    }

    private CrossedFit(Data data, boolean restricted, State state, int iterations) {
        this.data = data;
        this.restricted = restricted;
        this.state = state;
        this.iterations = iterations;
        // metafor's restricted likelihood has the constant +1/2 log|X'X|, which the iterations need not carry.
        this.logLikelihood = state.logLikelihood() + (restricted ? 0.5 * data.logDetCrossProduct() : 0);
    }

    /**
     * Fits the model.
     *
     * @param data the data
     * @param restricted REML if true, ML otherwise
     * @param start the variances to start from (crossed factors', study's, estimate's), or null for a quarter of
     *        the estimates' variance each
     * @param tolerance the largest change of a variance, relative to \( \max(1, σ^2) \), that stops the iterations
     * @param maxIterations the iterations allowed
     * @return the fit
     * @throws IllegalStateException if it does not converge in {@code maxIterations}
     * @throws IllegalArgumentException if the design is not of full column rank
     */
    public static CrossedFit fit(Data data, boolean restricted, double[] start, double tolerance, int maxIterations) {
        return fit(data, restricted, start, null, tolerance, maxIterations);
    }

    /**
     * Fits the model with some variances held at their starting values and the others maximised: the inner
     * maximisation of a profile likelihood.
     *
     * @param data the data
     * @param restricted REML if true, ML otherwise
     * @param start the variances to start from (crossed factors', study's, estimate's); the held ones stay there
     * @param held which variances are held, or null for none (then {@code start} may be null)
     * @param tolerance the largest change of a variance, relative to \( \max(1, σ^2) \), that stops the iterations
     * @param maxIterations the iterations allowed
     * @return the fit
     * @throws IllegalStateException if it does not converge in {@code maxIterations}
     * @throws IllegalArgumentException if the design is not of full column rank, or variances are held with no
     *         starting values or with one flag per component missing
     */
    public static CrossedFit fit(Data data, boolean restricted, double[] start, boolean[] held, double tolerance,
            int maxIterations) {
        Objects.requireNonNull(data, "data");
        int m = data.components();
        if (held != null && (start == null || held.length != m || start.length != m)) {
            throw new IllegalArgumentException("Held variances need a start and a flag for each of the " + m
                    + " components");
        }
        double[] theta;
        if (start != null) {
            theta = start.clone();
        } else {
            double mean = Arrays.stream(data.y).average().orElseThrow();
            double spread = Arrays.stream(data.y).map(yi -> (yi - mean) * (yi - mean)).sum() / Math.max(1, data.k() - 1);
            theta = new double[m];
            Arrays.fill(theta, Math.max(spread / 4, 1e-4));
        }
        Structure structure = new Structure(data);
        State state = new State(data, structure, restricted, theta);
        double ll = state.logLikelihood();
        int iteration = 0;
        while (true) {
            if (++iteration > maxIterations) {
                throw new IllegalStateException(String.format(Locale.ROOT, "The %s estimates of the variance"
                        + " components did not converge in %d iterations", restricted ? "REML" : "ML", maxIterations));
            }
            double[] score = state.score();
            double[][] info = state.averageInformation();
            boolean[] free = new boolean[m];
            for (int j = 0; j < m; j++) {
                free[j] = (held == null || !held[j]) && (theta[j] > 0 || score[j] > 0);
            }
            double[] step = solveFree(info, score, free);
            double scale = 1;
            double[] next = new double[m];
            State candidate;
            double candidateLl;
            while (true) {
                for (int j = 0; j < m; j++) {
                    next[j] = Math.max(0, theta[j] + scale * step[j]);
                }
                candidate = new State(data, structure, restricted, next);
                candidateLl = candidate.logLikelihood();
                if (candidateLl >= ll - 1e-12 * Math.abs(ll) || scale < 1e-10) {
                    break;
                }
                scale /= 2;
            }
            double change = 0;
            for (int j = 0; j < m; j++) {
                change = Math.max(change, Math.abs(next[j] - theta[j]) / Math.max(1, next[j]));
            }
            theta = next.clone();
            state = candidate;
            ll = candidateLl;
            if (change <= tolerance) {
                break;
            }
        }
        return new CrossedFit(data, restricted, state, iteration);
    }

    /**
     * The likelihood at given variances, with the coefficients at their weighted least-squares estimates.
     *
     * @param data the data
     * @param restricted REML if true
     * @param variances the variances: crossed factors', study's, estimate's
     * @return the log-likelihood
     */
    public static double logLikelihood(Data data, boolean restricted, double[] variances) {
        return new State(data, new Structure(data), restricted, variances.clone()).logLikelihood()
                + (restricted ? 0.5 * data.logDetCrossProduct() : 0);
    }

    /**
     * Codes labels in order of first appearance, as the factors of a fit are coded.
     *
     * @param labels each estimate's label, such as its study's id
     * @param names receives the distinct labels, in code order
     * @return each estimate's code
     */
    public static int[] code(String[] labels, java.util.List<String> names) {
        java.util.Map<String, Integer> codes = new java.util.LinkedHashMap<>();
        int[] code = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            code[i] = codes.computeIfAbsent(labels[i], l -> codes.size());
        }
        names.addAll(codes.keySet());
        return code;
    }

    /** The step on the free components, the others held. */
    private static double[] solveFree(double[][] info, double[] score, boolean[] free) {
        int m = score.length;
        int[] index = java.util.stream.IntStream.range(0, m).filter(j -> free[j]).toArray();
        double[] step = new double[m];
        if (index.length == 0) {
            return step;
        }
        double[][] sub = new double[index.length][index.length];
        double[] rhs = new double[index.length];
        for (int a = 0; a < index.length; a++) {
            rhs[a] = score[index[a]];
            for (int b = 0; b < index.length; b++) {
                sub[a][b] = info[index[a]][index[b]];
            }
        }
        DecompositionSolver solver = new LUDecomposition(new Array2DRowRealMatrix(sub, false)).getSolver();
        double[] solved;
        if (solver.isNonSingular()) {
            solved = solver.solve(new org.apache.commons.math3.linear.ArrayRealVector(rhs, false)).toArray();
        } else {
            // A component with no information in the data (a factor whose every level holds one estimate beside
            // the estimate's own effect): a gradient step on the diagonal.
            solved = new double[index.length];
            for (int a = 0; a < index.length; a++) {
                solved[a] = sub[a][a] > 0 ? rhs[a] / sub[a][a] : 0;
            }
        }
        for (int a = 0; a < index.length; a++) {
            step[index[a]] = solved[a];
        }
        return step;
    }

    /**
     * The variances: the crossed factors' in order, then the study's, then the estimate's.
     *
     * @return a copy
     */
    public double[] variances() {
        return state.theta.clone();
    }

    /**
     * The coefficients' estimates.
     *
     * @return a copy
     */
    public double[] beta() {
        return state.beta.clone();
    }

    /**
     * The coefficients' covariance \( (X'V^{-1}X)^{-1} \).
     *
     * @return a copy
     */
    public double[][] covariance() {
        return Matrices.copy(state.b);
    }

    /**
     * The maximised log-likelihood (restricted for REML).
     *
     * @return it
     */
    public double logLikelihood() {
        return logLikelihood;
    }

    /**
     * The iterations taken.
     *
     * @return their number
     */
    public int iterations() {
        return iterations;
    }

    /**
     * Whether the fit is REML.
     *
     * @return true for REML
     */
    public boolean restricted() {
        return restricted;
    }

    /**
     * The data fitted.
     *
     * @return them
     */
    public Data data() {
        return data;
    }

    /**
     * The best linear unbiased predictions of a crossed factor's levels, \( σ_f^2 Z_f'Py \).
     *
     * @param factor the factor's index
     * @return one per level
     */
    public double[] crossedEffects(int factor) {
        double[] out = new double[data.levels[factor]];
        for (int i = 0; i < data.k(); i++) {
            if (data.crossed[factor][i] >= 0) {
                out[data.crossed[factor][i]] += state.py[i];
            }
        }
        for (int l = 0; l < out.length; l++) {
            out[l] *= state.theta[factor];
        }
        return out;
    }

    /**
     * The best linear unbiased predictions of the studies' effects, \( σ_s^2 Z_s'Py \).
     *
     * @return one per study
     */
    public double[] studyEffects() {
        double[] out = new double[data.studies];
        for (int i = 0; i < data.k(); i++) {
            out[data.study[i]] += state.py[i];
        }
        for (int s = 0; s < out.length; s++) {
            out[s] *= state.studyVariance[s];
        }
        return out;
    }

    /**
     * The best linear unbiased predictions of the estimates' own effects, \( σ_e^2 Py \).
     *
     * @return one per estimate
     */
    public double[] estimateEffects() {
        double e2 = state.e2;
        return Arrays.stream(state.py).map(p -> e2 * p).toArray();
    }

    /**
     * The residuals \( y - X\hat β \).
     *
     * @return a copy
     */
    public double[] residuals() {
        return state.r.clone();
    }

    /**
     * The diagonal of \( V^{-1} \) at the fitted variances (metafor's {@code weights} for {@code rma.mv}, before
     * scaling to percent), from the sparse Cholesky factor of C and its selected inverse: \( V^{-1} \) is not formed
     * and C not inverted. Each call computes it anew, at the cost of a score.
     *
     * @return one value per estimate, a new array
     */
    public double[] inverseDiagonal() {
        return state.inverseDiagonal();
    }

    /**
     * A new estimate's mean at a design row and the crossed factors' levels, and its prediction error variance
     * (Henderson 1975): \( x_0'\hat β + \sum_f \hat u_{f,l_f} \), where a level of −1 is one the data lack (its BLUP
     * 0, its variance \( σ_f^2 \) added whole).
     *
     * @param x0 the design row
     * @param level each crossed factor's level, −1 for a level the data lack, or −2 where the factor does not apply
     * @return {@code [mean, variance]}
     */
    public double[] predict(double[] x0, int[] level) {
        int p = data.p();
        if (x0.length != p || level.length != data.crossed.length) {
            throw new IllegalArgumentException("The row has " + x0.length + " values for " + p + " columns");
        }
        double mean = 0;
        for (int a = 0; a < p; a++) {
            mean += x0[a] * state.beta[a];
        }
        double variance = State.quadratic(state.b, x0, x0);
        double[] g = new double[data.k()];
        boolean any = false;
        for (int f = 0; f < level.length; f++) {
            if (level[f] == -2) {
                continue;
            }
            double s2 = state.theta[f];
            variance += s2;
            if (level[f] >= 0) {
                if (level[f] >= data.levels[f]) {
                    throw new IllegalArgumentException("Level " + level[f] + " of crossed factor " + f + " is unknown");
                }
                for (int i = 0; i < data.k(); i++) {
                    if (data.crossed[f][i] == level[f]) {
                        g[i] += s2;
                        mean += s2 * state.py[i];
                        any = true;
                    }
                }
            }
        }
        if (any) {
            double[] vg = state.vInverse(g);
            double gvg = 0;
            for (int i = 0; i < g.length; i++) {
                gvg += g[i] * vg[i];
            }
            double[] uG = state.transposeU(g);
            // g'Pg = g'V^{-1}g - (U'g)'B(U'g); the cross term 2 x0'B U'g.
            variance += -gvg + State.quadratic(state.b, uG, uG) - 2 * State.quadratic(state.b, x0, uG);
        }
        return new double[] {mean, variance};
    }

    /**
     * The prediction error variance of a linear combination of the random effects and sampling errors, each
     * predicted by its BLUP (\( \hat ε = \operatorname{diag}(v)Py \) for the sampling errors): with c the weights and
     * \( w = ZGc \), \( c'Gc - w'Pw \) (Henderson 1975), with \( P = V^{-1} - V^{-1}XBX'V^{-1} \) for ML fits too,
     * so that the estimation of β is accounted for whatever the method (as in metafor's {@code ranef}).
     *
     * @param crossed each crossed factor's weights, one per level (null, or fewer factors, for none)
     * @param studies the weights of the studies' effects (null for none)
     * @param estimates the weights of the estimates' own effects (null for none)
     * @param sampling the weights of the sampling errors (null for none)
     * @return the variance
     */
    public double predictionError(double[][] crossed, double[] studies, double[] estimates, double[] sampling) {
        int k = data.k();
        int nf = data.crossed.length;
        double[] w = new double[k];
        double cgc = 0;
        for (int f = 0; crossed != null && f < Math.min(nf, crossed.length); f++) {
            if (crossed[f] == null) {
                continue;
            }
            double s2 = state.theta[f];
            for (double c : crossed[f]) {
                cgc += s2 * c * c;
            }
            for (int i = 0; i < k; i++) {
                if (data.crossed[f][i] >= 0) {
                    w[i] += s2 * crossed[f][data.crossed[f][i]];
                }
            }
        }
        if (studies != null) {
            for (int s = 0; s < studies.length; s++) {
                cgc += state.studyVariance[s] * studies[s] * studies[s];
            }
            for (int i = 0; i < k; i++) {
                w[i] += state.studyVariance[data.study[i]] * studies[data.study[i]];
            }
        }
        double e2 = state.e2;
        for (int i = 0; i < k; i++) {
            if (estimates != null) {
                cgc += e2 * estimates[i] * estimates[i];
                w[i] += e2 * estimates[i];
            }
            if (sampling != null) {
                cgc += data.v[i] * sampling[i] * sampling[i];
                w[i] += data.v[i] * sampling[i];
            }
        }
        double[] pw = state.project(w);
        double wpw = 0;
        for (int i = 0; i < k; i++) {
            wpw += w[i] * pw[i];
        }
        return cgc - wpw;
    }

    /**
     * The cluster-robust covariance of the coefficients (CR1), metafor's {@code robust(res, cluster, adjust = TRUE)}:
     * \[ \frac{m}{m - p}\,B\Bigl(\sum_c U_c'r_c\,r_c'U_c\Bigr)B,\quad U = V^{-1}X,\ B = (X'V^{-1}X)^{-1}, \]
     * with m clusters (Hedges, Tipton &amp; Johnson 2010; Cameron &amp; Miller 2015).
     *
     * <p>References: Hedges, L. V., Tipton, E. &amp; Johnson, M. C. (2010). Robust variance estimation in
     * meta-regression with dependent effect size estimates. <i>Research Synthesis Methods</i> 1, 39–65.
     * doi:10.1002/jrsm.5; Cameron, A. C. &amp; Miller, D. L. (2015). A practitioner's guide to cluster-robust
     * inference. <i>Journal of Human Resources</i> 50, 317–372. doi:10.3368/jhr.50.2.317.
     *
     * @param cluster each estimate's cluster, coded 0 … clusters − 1
     * @param clusters the number of clusters, more than p
     * @return the p × p covariance
     * @throws IllegalArgumentException if there are no more clusters than coefficients
     */
    public double[][] robustCovariance(int[] cluster, int clusters) {
        int p = data.p();
        if (clusters <= p) {
            throw new IllegalArgumentException("Cluster-robust variances need more clusters than coefficients: "
                    + clusters + " clusters, " + p + " coefficients");
        }
        double[][] g = new double[clusters][p];
        for (int i = 0; i < data.k(); i++) {
            for (int a = 0; a < p; a++) {
                g[cluster[i]][a] += state.u[i][a] * state.r[i];
            }
        }
        double[][] meat = new double[p][p];
        for (double[] gc : g) {
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    meat[a][b] += gc[a] * gc[b];
                }
            }
        }
        double adjust = clusters / (double) (clusters - p);
        // Symmetric to the last bit (each entry computed once), as a covariance handed to an eigen-decomposition or a
        // Cholesky decomposition must be: the two orders of summation differ in rounding.
        double[][] out = new double[p][p];
        for (int a = 0; a < p; a++) {
            for (int b = a; b < p; b++) {
                double sum = 0;
                for (int c = 0; c < p; c++) {
                    for (int e = 0; e < p; e++) {
                        sum += state.b[a][c] * meat[c][e] * state.b[e][b];
                    }
                }
                out[a][b] = adjust * sum;
                out[b][a] = out[a][b];
            }
        }
        return out;
    }

    /**
     * The standardised residuals, metafor's {@code rstandard}: \( r_i/\sqrt{(V - XBX')_{ii}} \).
     *
     * @return one per estimate
     */
    public double[] standardisedResiduals() {
        int k = data.k();
        int nf = data.crossed.length;
        double[] z = new double[k];
        for (int i = 0; i < k; i++) {
            double variance = data.v[i] + state.studyVariance[data.study[i]] + state.e2
                    - State.quadratic(state.b, data.x[i], data.x[i]);
            for (int f = 0; f < nf; f++) {
                variance += data.crossed[f][i] >= 0 ? state.theta[f] : 0;
            }
            z[i] = state.r[i] / Math.sqrt(variance);
        }
        return z;
    }

    /**
     * What the variances leave unchanged: each estimate's crossed columns, each study's, and the order in which the
     * Cholesky decomposition of C eliminates the columns, with the non-zeros of its factor. The columns are numbered
     * in that order.
     *
     * <p>C couples two levels only when a study holds both (\( M_0^{-1} \) is block-diagonal by study), so each
     * study's levels form a clique of C's graph and C is sparse (a fifth of its entries on the bundled catalogue).
     * The columns are ordered by minimum degree (George &amp; Liu 1989): eliminated first, the levels of few studies
     * create little fill, and the factor has about a fifth of the non-zeros a dense one would have. The pattern of
     * the factor is the graph of the elimination: the neighbours of a column when it is eliminated.
     */
    static final class Structure {
        /** The number of crossed columns L. */
        final int columns;
        /** Each column's factor. */
        final int[] factorOf;
        /** Per estimate, per factor: its column, or −1. */
        final int[][] column;
        /** Per study: its estimates. */
        final int[][] rows;
        /** Per study: the columns its estimates hold, ascending. */
        final int[][] held;
        /** Per estimate, per factor: the index of its column among its study's held columns, or −1. */
        final int[][] local;
        /** Per column: the columns that share a study with it, itself included, ascending (C's non-zeros). */
        final int[][] neighbours;
        /** Per column j: the columns i &gt; j where the Cholesky factor's column j may be non-zero, ascending. */
        final int[][] below;
        /** The columns that some study holds, by their first neighbour (where a solve from them starts). */
        final int[] levelOrder;
        /** Per column j: how many of {@link #levelOrder} start at j or before. */
        final int[] active;

        Structure(Data d) {
            int k = d.k();
            int nf = d.crossed.length;
            int[] offset = new int[nf];
            int total = 0;
            for (int f = 0; f < nf; f++) {
                offset[f] = total;
                total += d.levels[f];
            }
            columns = total;
            rows = rowsByStudy(d);
            // Each study's columns in the natural numbering (factor by factor), and C's graph.
            int words = (columns + 63) >>> 6;
            long[][] graph = new long[columns][words];
            int[][] heldNatural = new int[d.studies][];
            int[] stamp = new int[columns];
            Arrays.fill(stamp, -1);
            int[] list = new int[columns];
            long[] mask = new long[words];
            for (int s = 0; s < d.studies; s++) {
                int count = 0;
                for (int i : rows[s]) {
                    for (int f = 0; f < nf; f++) {
                        int c = d.crossed[f][i] < 0 ? -1 : offset[f] + d.crossed[f][i];
                        if (c >= 0 && stamp[c] != s) {
                            stamp[c] = s;
                            list[count++] = c;
                        }
                    }
                }
                heldNatural[s] = Arrays.copyOf(list, count);
                Arrays.fill(mask, 0);
                for (int c : heldNatural[s]) {
                    mask[c >>> 6] |= 1L << c;
                }
                for (int c : heldNatural[s]) {
                    for (int w = 0; w < words; w++) {
                        graph[c][w] |= mask[w];
                    }
                }
            }
            int[][] neighboursNatural = new int[columns][];
            for (int c = 0; c < columns; c++) {
                neighboursNatural[c] = members(graph[c], list);
                graph[c][c >>> 6] &= ~(1L << c);
            }
            // Minimum degree: eliminate the column with the fewest remaining neighbours (the lowest on ties); its
            // neighbours become a clique, and they are its column's non-zeros in the factor.
            long[] alive = new long[words];
            for (int c = 0; c < columns; c++) {
                alive[c >>> 6] |= 1L << c;
            }
            // Only the eliminated column's neighbours change degree.
            int[] degree = new int[columns];
            for (int c = 0; c < columns; c++) {
                degree[c] = neighboursNatural[c].length - (neighboursNatural[c].length > 0 ? 1 : 0);
            }
            int[] order = new int[columns];
            int[][] eliminated = new int[columns][];
            long[] reach = new long[words];
            for (int t = 0; t < columns; t++) {
                int best = -1;
                for (int c = 0; c < columns; c++) {
                    if (degree[c] >= 0 && (best < 0 || degree[c] < degree[best])) {
                        best = c;
                    }
                }
                order[t] = best;
                degree[best] = -1;
                alive[best >>> 6] &= ~(1L << best);
                for (int w = 0; w < words; w++) {
                    reach[w] = graph[best][w] & alive[w];
                }
                eliminated[t] = members(reach, list);
                for (int c : eliminated[t]) {
                    long[] row = graph[c];
                    int count = 0;
                    for (int w = 0; w < words; w++) {
                        row[w] |= reach[w];
                        count += Long.bitCount(row[w] & alive[w]);
                    }
                    row[c >>> 6] &= ~(1L << c);
                    degree[c] = count - 1;
                }
            }
            int[] position = new int[columns];
            for (int t = 0; t < columns; t++) {
                position[order[t]] = t;
            }
            below = new int[columns][];
            neighbours = new int[columns][];
            factorOf = new int[columns];
            for (int t = 0; t < columns; t++) {
                below[t] = renumbered(eliminated[t], position);
                neighbours[position[t]] = renumbered(neighboursNatural[t], position);
            }
            for (int f = 0; f < nf; f++) {
                for (int l = 0; l < d.levels[f]; l++) {
                    factorOf[position[offset[f] + l]] = f;
                }
            }
            held = new int[d.studies][];
            for (int s = 0; s < d.studies; s++) {
                held[s] = renumbered(heldNatural[s], position);
            }
            levelOrder = java.util.stream.IntStream.range(0, columns).filter(c -> neighbours[c].length > 0).boxed()
                    .sorted(java.util.Comparator.comparingInt(c -> neighbours[c][0])).mapToInt(Integer::intValue)
                    .toArray();
            active = new int[columns];
            for (int j = 0, t = 0; j < columns; j++) {
                while (t < levelOrder.length && neighbours[levelOrder[t]][0] <= j) {
                    t++;
                }
                active[j] = t;
            }
            column = new int[k][nf];
            local = new int[k][nf];
            for (int i = 0; i < k; i++) {
                int[] cols = held[d.study[i]];
                for (int f = 0; f < nf; f++) {
                    column[i][f] = d.crossed[f][i] < 0 ? -1 : position[offset[f] + d.crossed[f][i]];
                    local[i][f] = column[i][f] < 0 ? -1 : Arrays.binarySearch(cols, column[i][f]);
                }
            }
        }

        /** The members of a set of columns, ascending, using {@code buffer} as room. */
        private static int[] members(long[] set, int[] buffer) {
            int count = 0;
            for (int w = 0; w < set.length; w++) {
                long bits = set[w];
                while (bits != 0) {
                    buffer[count++] = (w << 6) + Long.numberOfTrailingZeros(bits);
                    bits &= bits - 1;
                }
            }
            return Arrays.copyOf(buffer, count);
        }

        private static int[] renumbered(int[] natural, int[] position) {
            int[] out = new int[natural.length];
            for (int j = 0; j < out.length; j++) {
                out[j] = position[natural[j]];
            }
            Arrays.sort(out);
            return out;
        }

        /** Each study's rows. */
        static int[][] rowsByStudy(Data d) {
            int[] count = new int[d.studies];
            for (int st : d.study) {
                count[st]++;
            }
            int[][] rows = new int[d.studies][];
            for (int st = 0; st < d.studies; st++) {
                rows[st] = new int[count[st]];
            }
            int[] next = new int[d.studies];
            for (int i = 0; i < d.study.length; i++) {
                rows[d.study[i]][next[d.study[i]]++] = i;
            }
            return rows;
        }
    }

    /** The weighted fit at given variances. */
    static final class State {
        final Data d;
        final Structure st;
        final boolean restricted;
        final double[] theta;
        final int k;
        final int p;
        final int nf;
        /** The groups of studies, each with its between-study variance. */
        final int ng;
        /** Each study's between-study variance, its group's. */
        final double[] studyVariance;
        /** The estimates' own variance \( σ_e^2 \). */
        final double e2;
        /** \( a = 1/(v + σ_e^2) \). */
        final double[] a;
        /** Per study: \( \sum_s a \). */
        final double[] sumA;
        /** Per study: \( α_s \). */
        final double[] alpha;
        final int columns;
        /** Per column: its factor's standard deviation, D's diagonal. */
        final double[] sd;
        /** Per study, per held column c: \( S_{sc} = \sum_{i \in s \text{ at } c} a_i \). */
        final double[][] sums;
        /** \( H = Z'M_0^{-1}Z \), L × L, its upper triangle (so that \( C = I + DHD \)); null when no column. */
        final double[][] h;
        /**
         * The Cholesky factor of C, \( C = LL' \), its upper triangle holding \( L' \): row j is L's column j, non-zero
         * only at j and the structure's {@code below[j]}.
         */
        final double[][] factor;
        final double logDetV;
        /** \( U = V^{-1}X \), k × p. */
        final double[][] u;
        /** \( B = (X'V^{-1}X)^{-1} \). */
        final double[][] b;
        final double logDetXvx;
        final double[] beta;
        final double[] r;
        /** \( Py = V^{-1}r \). */
        final double[] py;
        final double quadratic;

        State(Data d, Structure st, boolean restricted, double[] theta) {
            this.d = d;
            this.st = st;
            this.restricted = restricted;
            this.theta = theta;
            k = d.k();
            p = d.p();
            nf = d.crossed.length;
            ng = d.groups;
            e2 = theta[nf + ng];
            studyVariance = new double[d.studies];
            for (int s = 0; s < d.studies; s++) {
                studyVariance[s] = theta[nf + d.studyGroup[s]];
            }
            a = new double[k];
            sumA = new double[d.studies];
            double logDet = 0;
            for (int i = 0; i < k; i++) {
                a[i] = 1 / (d.v[i] + e2);
                sumA[d.study[i]] += a[i];
                logDet += Math.log(d.v[i] + e2);
            }
            alpha = new double[d.studies];
            for (int s = 0; s < d.studies; s++) {
                logDet += Math.log1p(studyVariance[s] * sumA[s]);
                alpha[s] = studyVariance[s] / (1 + studyVariance[s] * sumA[s]);
            }
            columns = st.columns;
            sd = new double[columns];
            for (int c = 0; c < columns; c++) {
                sd[c] = Math.sqrt(theta[st.factorOf[c]]);
            }
            sums = new double[d.studies][];
            if (columns > 0) {
                // H = sum_s Z_s'diag(a)Z_s - alpha_s S_s S_s', study by study.
                h = new double[columns][columns];
                for (int s = 0; s < d.studies; s++) {
                    int[] cols = st.held[s];
                    double[] sum = new double[cols.length];
                    for (int i : st.rows[s]) {
                        int[] col = st.column[i];
                        for (int f = 0; f < nf; f++) {
                            if (col[f] < 0) {
                                continue;
                            }
                            sum[st.local[i][f]] += a[i];
                            h[col[f]][col[f]] += a[i];
                            for (int g = f + 1; g < nf; g++) {
                                if (col[g] >= 0) {
                                    h[Math.min(col[f], col[g])][Math.max(col[f], col[g])] += a[i];
                                }
                            }
                        }
                    }
                    sums[s] = sum;
                    double al = alpha[s];
                    for (int j1 = 0; j1 < cols.length; j1++) {
                        double[] row = h[cols[j1]];
                        double scaled = al * sum[j1];
                        for (int j2 = j1; j2 < cols.length; j2++) {
                            row[cols[j2]] -= scaled * sum[j2];
                        }
                    }
                }
                // C = I + DHD on its pattern, then its Cholesky factor in place (right-looking, over the factor's
                // non-zeros only). C >= I, so no pivot is small.
                factor = new double[columns][columns];
                for (int c = 0; c < columns; c++) {
                    double[] hc = h[c];
                    double[] fc = factor[c];
                    for (int c2 : st.neighbours[c]) {
                        if (c2 >= c) {
                            fc[c2] = sd[c] * sd[c2] * hc[c2];
                        }
                    }
                    fc[c] += 1;
                }
                double logDetC = 0;
                for (int j = 0; j < columns; j++) {
                    double[] fj = factor[j];
                    if (!(fj[j] > 0)) {
                        throw new IllegalStateException("The Woodbury matrix is not positive definite: " + fj[j]);
                    }
                    double ljj = Math.sqrt(fj[j]);
                    fj[j] = ljj;
                    logDetC += 2 * Math.log(ljj);
                    int[] nz = st.below[j];
                    for (int i : nz) {
                        fj[i] /= ljj;
                    }
                    for (int i1 = 0; i1 < nz.length; i1++) {
                        double l1 = fj[nz[i1]];
                        if (l1 == 0) {
                            continue;
                        }
                        double[] target = factor[nz[i1]];
                        for (int i2 = i1; i2 < nz.length; i2++) {
                            target[nz[i2]] -= l1 * fj[nz[i2]];
                        }
                    }
                }
                logDet += logDetC;
            } else {
                h = null;
                factor = null;
            }
            logDetV = logDet;
            u = vInverse(d.x);
            // X'V^{-1}X, symmetric: its upper triangle, mirrored.
            double[][] xvx = new double[p][p];
            double[] xvy = new double[p];
            for (int i = 0; i < k; i++) {
                double[] xi = d.x[i];
                double[] ui = u[i];
                for (int c1 = 0; c1 < p; c1++) {
                    xvy[c1] += ui[c1] * d.y[i];
                    double x1 = xi[c1];
                    double[] row = xvx[c1];
                    for (int c2 = c1; c2 < p; c2++) {
                        row[c2] += x1 * ui[c2];
                    }
                }
            }
            for (int c1 = 0; c1 < p; c1++) {
                for (int c2 = 0; c2 < c1; c2++) {
                    xvx[c1][c2] = xvx[c2][c1];
                }
            }
            LUDecomposition lu = new LUDecomposition(new Array2DRowRealMatrix(xvx, false));
            if (!lu.getSolver().isNonSingular()) {
                throw new IllegalArgumentException("The model matrix is not of full rank: a moderator is constant or"
                        + " a combination of others");
            }
            RealMatrix inverse = lu.getSolver().getInverse();
            // B is symmetric; the LU inverse is so only to rounding.
            b = inverse.getData();
            for (int c1 = 0; c1 < p; c1++) {
                for (int c2 = 0; c2 < c1; c2++) {
                    double mean = (b[c1][c2] + b[c2][c1]) / 2;
                    b[c1][c2] = mean;
                    b[c2][c1] = mean;
                }
            }
            logDetXvx = Math.log(lu.getDeterminant());
            beta = inverse.operate(xvy);
            r = new double[k];
            for (int i = 0; i < k; i++) {
                double fitted = 0;
                for (int c1 = 0; c1 < p; c1++) {
                    fitted += d.x[i][c1] * beta[c1];
                }
                r[i] = d.y[i] - fitted;
            }
            py = vInverse(r);
            double q = 0;
            for (int i = 0; i < k; i++) {
                q += r[i] * py[i];
            }
            quadratic = q;
        }

        /** \( M_0^{-1}z \), study by study. */
        double[] m0Inverse(double[] z) {
            double[] dot = new double[d.studies];
            for (int i = 0; i < k; i++) {
                dot[d.study[i]] += a[i] * z[i];
            }
            double[] out = new double[k];
            for (int i = 0; i < k; i++) {
                out[i] = a[i] * z[i] - alpha[d.study[i]] * a[i] * dot[d.study[i]];
            }
            return out;
        }

        /**
         * \( V^{-1}z = M_0^{-1}z - NC^{-1}N'z \) with \( N = M_0^{-1}ZD \): \( M_0^{-1}(z - ZDC^{-1}DZ'M_0^{-1}z) \).
         */
        double[] vInverse(double[] z) {
            double[] out = m0Inverse(z);
            if (columns == 0) {
                return out;
            }
            double[] w = new double[columns];
            for (int i = 0; i < k; i++) {
                for (int c : st.column[i]) {
                    if (c >= 0) {
                        w[c] += out[i];
                    }
                }
            }
            for (int c = 0; c < columns; c++) {
                w[c] *= sd[c];
            }
            solve(w);
            double[] zw = new double[k];
            for (int i = 0; i < k; i++) {
                double s = 0;
                for (int c : st.column[i]) {
                    if (c >= 0) {
                        s += sd[c] * w[c];
                    }
                }
                zw[i] = s;
            }
            double[] correction = m0Inverse(zw);
            for (int i = 0; i < k; i++) {
                out[i] -= correction[i];
            }
            return out;
        }

        /** \( M_0^{-1}Z \) for the columns of a k × n matrix. */
        double[][] m0Inverse(double[][] z) {
            int n = z[0].length;
            double[][] dot = new double[d.studies][n];
            for (int i = 0; i < k; i++) {
                double[] target = dot[d.study[i]];
                double[] zi = z[i];
                for (int t = 0; t < n; t++) {
                    target[t] += a[i] * zi[t];
                }
            }
            double[][] out = new double[k][n];
            for (int i = 0; i < k; i++) {
                double[] source = dot[d.study[i]];
                double[] zi = z[i];
                double[] oi = out[i];
                double shrink = alpha[d.study[i]] * a[i];
                for (int t = 0; t < n; t++) {
                    oi[t] = a[i] * zi[t] - shrink * source[t];
                }
            }
            return out;
        }

        /** \( V^{-1}Z \) for the columns of a k × n matrix, as {@link #vInverse(double[])} does for one. */
        double[][] vInverse(double[][] z) {
            double[][] out = m0Inverse(z);
            if (columns == 0) {
                return out;
            }
            int n = z[0].length;
            double[][] w = new double[columns][n];
            for (int i = 0; i < k; i++) {
                double[] oi = out[i];
                for (int c : st.column[i]) {
                    if (c >= 0) {
                        double[] wc = w[c];
                        for (int t = 0; t < n; t++) {
                            wc[t] += oi[t];
                        }
                    }
                }
            }
            for (int c = 0; c < columns; c++) {
                double[] wc = w[c];
                for (int t = 0; t < n; t++) {
                    wc[t] *= sd[c];
                }
            }
            solve(w);
            double[][] zw = new double[k][n];
            for (int i = 0; i < k; i++) {
                double[] target = zw[i];
                for (int c : st.column[i]) {
                    if (c >= 0) {
                        double[] wc = w[c];
                        for (int t = 0; t < n; t++) {
                            target[t] += sd[c] * wc[t];
                        }
                    }
                }
            }
            double[][] correction = m0Inverse(zw);
            for (int i = 0; i < k; i++) {
                double[] oi = out[i];
                double[] ci = correction[i];
                for (int t = 0; t < n; t++) {
                    oi[t] -= ci[t];
                }
            }
            return out;
        }

        /** \( C^{-1}W \) in place for the columns of an L × n matrix, row by row. */
        private void solve(double[][] w) {
            int n = w[0].length;
            for (int j = 0; j < columns; j++) {
                double[] fj = factor[j];
                double[] wj = w[j];
                for (int t = 0; t < n; t++) {
                    wj[t] /= fj[j];
                }
                for (int i : st.below[j]) {
                    double lij = fj[i];
                    if (lij != 0) {
                        double[] wi = w[i];
                        for (int t = 0; t < n; t++) {
                            wi[t] -= lij * wj[t];
                        }
                    }
                }
            }
            for (int j = columns - 1; j >= 0; j--) {
                double[] fj = factor[j];
                double[] wj = w[j];
                for (int i : st.below[j]) {
                    double lij = fj[i];
                    double[] wi = w[i];
                    for (int t = 0; t < n; t++) {
                        wj[t] -= lij * wi[t];
                    }
                }
                for (int t = 0; t < n; t++) {
                    wj[t] /= fj[j];
                }
            }
        }

        /** \( C^{-1}w \) in place: the factor's two triangular solves over its non-zeros. */
        private void solve(double[] w) {
            for (int j = 0; j < columns; j++) {
                double[] fj = factor[j];
                double x = w[j] / fj[j];
                w[j] = x;
                if (x != 0) {
                    for (int i : st.below[j]) {
                        w[i] -= fj[i] * x;
                    }
                }
            }
            for (int j = columns - 1; j >= 0; j--) {
                double[] fj = factor[j];
                double s = w[j];
                for (int i : st.below[j]) {
                    s -= fj[i] * w[i];
                }
                w[j] = s / fj[j];
            }
        }

        /**
         * The entries of \( C^{-1} \) on the factor's pattern (both triangles), by Takahashi's recurrence
         * \( (C^{-1})_{ij} = (δ_{ij}/L_{jj} - \sum_{m &gt; j} (C^{-1})_{im}L_{mj})/L_{jj} \), i ≥ j, from the last
         * column back (Takahashi, Fagan &amp; Chen 1973; Erisman &amp; Tinney 1975): each needs only entries on the
         * pattern, since the non-zeros of a column of L form a clique of the filled graph. They include every pair
         * of levels a study holds.
         */
        private double[][] selectedInverse() {
            double[][] z = new double[columns][columns];
            for (int j = columns - 1; j >= 0; j--) {
                int[] nz = st.below[j];
                double[] fj = factor[j];
                double[] zj = z[j];
                for (int i : nz) {
                    double[] zi = z[i];
                    double s = 0;
                    for (int m : nz) {
                        s += fj[m] * zi[m];
                    }
                    zj[i] = -s / fj[j];
                    zi[j] = zj[i];
                }
                double s = 0;
                for (int m : nz) {
                    s += fj[m] * zj[m];
                }
                zj[j] = (1 / fj[j] - s) / fj[j];
            }
            return z;
        }

        /**
         * \( V^{-1}z - UBU'z \), the residual projection of the restricted likelihood whatever the fit's method: the
         * P of a BLUP's prediction error, with β estimated.
         */
        double[] project(double[] z) {
            double[] out = vInverse(z);
            double[] bu = times(b, transposeU(z));
            for (int i = 0; i < k; i++) {
                double s = 0;
                for (int c1 = 0; c1 < p; c1++) {
                    s += u[i][c1] * bu[c1];
                }
                out[i] -= s;
            }
            return out;
        }

        /** \( U'z \). */
        double[] transposeU(double[] z) {
            double[] out = new double[p];
            for (int i = 0; i < k; i++) {
                for (int c1 = 0; c1 < p; c1++) {
                    out[c1] += u[i][c1] * z[i];
                }
            }
            return out;
        }

        /** The log-likelihood, without the restricted likelihood's constant \( \tfrac12\log|X'X| \). */
        double logLikelihood() {
            if (restricted) {
                return -0.5 * (k - p) * Math.log(2 * Math.PI) - 0.5 * logDetV
                        - 0.5 * logDetXvx - 0.5 * quadratic;
            }
            return -0.5 * k * Math.log(2 * Math.PI) - 0.5 * logDetV - 0.5 * quadratic;
        }

        /** \( A_jPy \) for each component j. */
        double[][] aPy() {
            double[][] out = new double[nf + ng + 1][k];
            for (int f = 0; f < nf; f++) {
                double[] sums = new double[d.levels[f]];
                for (int i = 0; i < k; i++) {
                    if (d.crossed[f][i] >= 0) {
                        sums[d.crossed[f][i]] += py[i];
                    }
                }
                for (int i = 0; i < k; i++) {
                    out[f][i] = d.crossed[f][i] < 0 ? 0 : sums[d.crossed[f][i]];
                }
            }
            double[] sums = new double[d.studies];
            for (int i = 0; i < k; i++) {
                sums[d.study[i]] += py[i];
            }
            for (int i = 0; i < k; i++) {
                out[nf + d.studyGroup[d.study[i]]][i] = sums[d.study[i]];
                out[nf + ng][i] = py[i];
            }
            return out;
        }

        /**
         * The score \( -\tfrac12\operatorname{tr}(PA_j) + \tfrac12 y'PA_jPy \). With \( V^{-1} = M_0^{-1} - NC^{-1}N' \)
         * and \( P = V^{-1} - UBU' \), \( \operatorname{tr}(PZ_jZ_j') \) is the sum over the factor's levels l of
         * \( z_l'M_0^{-1}z_l - (N'z_l)'C^{-1}(N'z_l) - (U'z_l)'B(U'z_l) \), and
         * \( \operatorname{tr}(P) = \operatorname{tr}(M_0^{-1}) - \operatorname{tr}(C^{-1}N'N) - \operatorname{tr}(BU'U) \).
         *
         * <p>For a crossed level, \( N'z_l = DHe_l \), and its quadratic form is \( \lVert L^{-1}DHe_l\rVert^2 \), a
         * triangular solve over the factor's non-zeros. For a study s, \( N'z_s = (1 - α_s\sum_s a)DS_s \) and the
         * rows of N are \( N_i = a_i(z_i - α_sS_s)'D \) on the levels the study holds, where \( C^{-1} \) is known
         * from its selected inverse: \( \operatorname{tr}(C^{-1}N'N) \) is the sum over studies of
         * \( \sum_i a_i^2 z_i'Kz_i - 2α_s t_s'KS_s + α_s^2 (\sum_i a_i^2) S_s'KS_s \), with \( K = DC^{-1}D \) and
         * \( t_s = \sum_i a_i^2 z_i \).
         */
        double[] score() {
            double[] score = new double[nf + ng + 1];
            double[][] apy = aPy();
            for (int j = 0; j < nf + ng + 1; j++) {
                double q = 0;
                for (int i = 0; i < k; i++) {
                    q += py[i] * apy[j][i];
                }
                score[j] = 0.5 * q;
            }
            // z_l'M0^{-1}z_l and z_s'M0^{-1}z_s.
            double[] crossedTrace = new double[nf];
            double[] groupTrace = new double[ng];
            for (int i = 0; i < k; i++) {
                for (int f = 0; f < nf; f++) {
                    if (d.crossed[f][i] >= 0) {
                        crossedTrace[f] += a[i];
                    }
                }
            }
            for (int s = 0; s < d.studies; s++) {
                groupTrace[d.studyGroup[s]] += sumA[s] - alpha[s] * sumA[s] * sumA[s];
                if (columns > 0) {
                    int[] cols = st.held[s];
                    for (int j = 0; j < cols.length; j++) {
                        crossedTrace[st.factorOf[cols[j]]] -= alpha[s] * sums[s][j] * sums[s][j];
                    }
                }
            }
            // tr(M0^{-1}).
            double trace = 0;
            for (int i = 0; i < k; i++) {
                trace += a[i] - alpha[d.study[i]] * a[i] * a[i];
            }
            if (columns > 0) {
                // (N'z_l)'C^{-1}(N'z_l) = |L^{-1}DHe_l|^2: the solves of all levels together, row by row, a row
                // over the levels whose first neighbour it has reached (the others are still zero there).
                int[] levels = st.levelOrder;
                double[][] x = new double[columns][levels.length];
                for (int t = 0; t < levels.length; t++) {
                    int l = levels[t];
                    for (int c : st.neighbours[l]) {
                        x[c][t] = sd[c] * (c < l ? h[c][l] : h[l][c]);
                    }
                }
                double[] q = new double[levels.length];
                for (int j = 0; j < columns; j++) {
                    int n = st.active[j];
                    double[] fj = factor[j];
                    double[] xj = x[j];
                    for (int t = 0; t < n; t++) {
                        xj[t] /= fj[j];
                        q[t] += xj[t] * xj[t];
                    }
                    for (int i : st.below[j]) {
                        double lij = fj[i];
                        if (lij != 0) {
                            double[] xi = x[i];
                            for (int t = 0; t < n; t++) {
                                xi[t] -= lij * xj[t];
                            }
                        }
                    }
                }
                for (int t = 0; t < levels.length; t++) {
                    crossedTrace[st.factorOf[levels[t]]] -= q[t];
                }
                // The studies' terms, from C^{-1} on the levels each study holds.
                double[][] z = selectedInverse();
                for (int s = 0; s < d.studies; s++) {
                    int[] cols = st.held[s];
                    int n = cols.length;
                    if (n == 0) {
                        continue;
                    }
                    double[] sum = sums[s];
                    double[] t = new double[n];
                    double rowTerms = 0;
                    double sumA2 = 0;
                    for (int i : st.rows[s]) {
                        double a2 = a[i] * a[i];
                        sumA2 += a2;
                        int[] col = st.column[i];
                        int[] loc = st.local[i];
                        for (int f = 0; f < nf; f++) {
                            if (col[f] >= 0) {
                                t[loc[f]] += a2;
                            }
                        }
                        rowTerms += a2 * rowQuadratic(i, z);
                    }
                    double[] ks = studyTimesK(s, z);
                    double sks = 0;
                    double tks = 0;
                    for (int j = 0; j < n; j++) {
                        sks += sum[j] * ks[j];
                        tks += t[j] * ks[j];
                    }
                    double al = alpha[s];
                    trace -= rowTerms - 2 * al * tks + al * al * sumA2 * sks;
                    double shrink = 1 - al * sumA[s];
                    groupTrace[d.studyGroup[s]] -= shrink * shrink * sks;
                }
            }
            if (restricted) {
                // tr(BU'U), U'U symmetric: its upper triangle.
                double[][] utu = new double[p][p];
                for (int i = 0; i < k; i++) {
                    double[] ui = u[i];
                    for (int c1 = 0; c1 < p; c1++) {
                        double u1 = ui[c1];
                        double[] row = utu[c1];
                        for (int c2 = c1; c2 < p; c2++) {
                            row[c2] += u1 * ui[c2];
                        }
                    }
                }
                for (int c1 = 0; c1 < p; c1++) {
                    trace -= b[c1][c1] * utu[c1][c1];
                    for (int c2 = c1 + 1; c2 < p; c2++) {
                        trace -= (b[c1][c2] + b[c2][c1]) * utu[c1][c2];
                    }
                }
                // (U'z_l)'B(U'z_l), level by level.
                for (int f = 0; f < nf; f++) {
                    crossedTrace[f] -= levelsQuadratic(d.crossed[f], d.levels[f]);
                }
                int[] code = new int[k];
                for (int g = 0; g < ng; g++) {
                    for (int i = 0; i < k; i++) {
                        code[i] = d.studyGroup[d.study[i]] == g ? d.study[i] : -1;
                    }
                    groupTrace[g] -= levelsQuadratic(code, d.studies);
                }
            }
            for (int f = 0; f < nf; f++) {
                score[f] -= 0.5 * crossedTrace[f];
            }
            for (int g = 0; g < ng; g++) {
                score[nf + g] -= 0.5 * groupTrace[g];
            }
            score[nf + ng] -= 0.5 * trace;
            return score;
        }

        /**
         * \( z_i'Kz_i \), \( K = DC^{-1}D \), for estimate i's crossed levels \( z_i \), from the selected inverse
         * {@code z} of C.
         */
        private double rowQuadratic(int i, double[][] z) {
            int[] col = st.column[i];
            double zkz = 0;
            for (int f = 0; f < nf; f++) {
                if (col[f] < 0) {
                    continue;
                }
                int c1 = col[f];
                zkz += sd[c1] * sd[c1] * z[c1][c1];
                for (int g = f + 1; g < nf; g++) {
                    if (col[g] >= 0) {
                        int c2 = col[g];
                        zkz += 2 * sd[c1] * sd[c2] * z[c1][c2];
                    }
                }
            }
            return zkz;
        }

        /**
         * \( KS_s \), \( K = DC^{-1}D \), on the levels study s holds (where \( S_s \) is not zero), in the order of
         * the structure's {@code held[s]}, from the selected inverse {@code z} of C.
         */
        private double[] studyTimesK(int s, double[][] z) {
            int[] cols = st.held[s];
            double[] sum = sums[s];
            double[] ks = new double[cols.length];
            for (int j1 = 0; j1 < cols.length; j1++) {
                int c1 = cols[j1];
                double[] z1 = z[c1];
                double v = 0;
                for (int j2 = 0; j2 < cols.length; j2++) {
                    int c2 = cols[j2];
                    v += z1[c2] * sd[c2] * sum[j2];
                }
                ks[j1] = v * sd[c1];
            }
            return ks;
        }

        /**
         * The diagonal of \( V^{-1} = M_0^{-1} - NC^{-1}N' \): \( a_i - α_s a_i^2 \) from \( M_0^{-1} \), less
         * \( (NC^{-1}N')_{ii} = a_i^2(z_i'Kz_i - 2α_s z_i'KS_s + α_s^2 S_s'KS_s) \) for estimate i of study s, since
         * \( N_i = a_i(z_i - α_sS_s)'D \) (see {@link #score()}); \( K = DC^{-1}D \) is needed only on the levels a
         * study holds, which C's selected inverse gives without inverting C.
         */
        double[] inverseDiagonal() {
            double[] out = new double[k];
            for (int i = 0; i < k; i++) {
                out[i] = a[i] - alpha[d.study[i]] * a[i] * a[i];
            }
            if (columns == 0) {
                return out;
            }
            double[][] z = selectedInverse();
            for (int s = 0; s < d.studies; s++) {
                if (st.held[s].length == 0) {
                    continue;
                }
                double[] sum = sums[s];
                double[] ks = studyTimesK(s, z);
                double sks = 0;
                for (int j = 0; j < ks.length; j++) {
                    sks += sum[j] * ks[j];
                }
                double al = alpha[s];
                for (int i : st.rows[s]) {
                    int[] col = st.column[i];
                    int[] loc = st.local[i];
                    double zks = 0;
                    for (int f = 0; f < nf; f++) {
                        if (col[f] >= 0) {
                            zks += ks[loc[f]];
                        }
                    }
                    out[i] -= a[i] * a[i] * (rowQuadratic(i, z) - 2 * al * zks + al * al * sks);
                }
            }
            return out;
        }

        /** \( \sum_l (U'z_l)'B(U'z_l) \) for a factor's indicator columns \( z_l \). */
        private double levelsQuadratic(int[] code, int levels) {
            double[][] uz = new double[levels][p];
            for (int i = 0; i < k; i++) {
                if (code[i] >= 0) {
                    double[] target = uz[code[i]];
                    for (int c1 = 0; c1 < p; c1++) {
                        target[c1] += u[i][c1];
                    }
                }
            }
            // tr(B sum_l uz_l uz_l'), the sum symmetric: its upper triangle.
            double[][] w = new double[p][p];
            for (double[] x : uz) {
                for (int c1 = 0; c1 < p; c1++) {
                    double x1 = x[c1];
                    double[] row = w[c1];
                    for (int c2 = c1; c2 < p; c2++) {
                        row[c2] += x1 * x[c2];
                    }
                }
            }
            double total = 0;
            for (int c1 = 0; c1 < p; c1++) {
                total += b[c1][c1] * w[c1][c1];
                for (int c2 = c1 + 1; c2 < p; c2++) {
                    total += (b[c1][c2] + b[c2][c1]) * w[c1][c2];
                }
            }
            return total;
        }

        /** The average information \( \tfrac12 (A_jPy)'P(A_lPy) \). */
        double[][] averageInformation() {
            double[][] apy = aPy();
            int m = nf + ng + 1;
            // (A_jPy)'V^{-1}(A_lPy) for every j at once, less (U'A_jPy)'B(U'A_lPy) for REML.
            double[][] columnsOf = new double[k][m];
            for (int j = 0; j < m; j++) {
                for (int i = 0; i < k; i++) {
                    columnsOf[i][j] = apy[j][i];
                }
            }
            double[][] vInverseA = vInverse(columnsOf);
            double[][] ua = new double[m][];
            if (restricted) {
                for (int j = 0; j < m; j++) {
                    ua[j] = transposeU(apy[j]);
                }
            }
            double[][] info = new double[m][m];
            for (int j = 0; j < m; j++) {
                for (int l = 0; l <= j; l++) {
                    double s = 0;
                    for (int i = 0; i < k; i++) {
                        s += apy[j][i] * vInverseA[i][l];
                    }
                    if (restricted) {
                        s -= quadratic(b, ua[j], ua[l]);
                    }
                    info[j][l] = 0.5 * s;
                    info[l][j] = 0.5 * s;
                }
            }
            return info;
        }

        static double quadratic(double[][] m, double[] x, double[] y) {
            double s = 0;
            for (int a = 0; a < x.length; a++) {
                double row = 0;
                for (int b = 0; b < y.length; b++) {
                    row += m[a][b] * y[b];
                }
                s += x[a] * row;
            }
            return s;
        }

        static double[] times(double[][] m, double[] x) {
            double[] out = new double[m.length];
            for (int a = 0; a < m.length; a++) {
                for (int b = 0; b < x.length; b++) {
                    out[a] += m[a][b] * x[b];
                }
            }
            return out;
        }

        static double logDetCrossProduct(double[][] x) {
            int p = x[0].length;
            double[][] m = new double[p][p];
            for (double[] row : x) {
                for (int a = 0; a < p; a++) {
                    double ra = row[a];
                    double[] target = m[a];
                    for (int b = a; b < p; b++) {
                        target[b] += ra * row[b];
                    }
                }
            }
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < a; b++) {
                    m[a][b] = m[b][a];
                }
            }
            return Math.log(new LUDecomposition(new Array2DRowRealMatrix(m, false)).getDeterminant());
        }
    }
}
