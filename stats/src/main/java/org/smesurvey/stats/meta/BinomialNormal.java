package org.smesurvey.stats.meta;

import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.apache.commons.math3.special.Gamma;

/**
 * The binomial–normal model's log-likelihood, its gradient and its Hessian: study i has \( x_i \) events in \( n_i \),
 * \( x_i \sim \mathrm{Bin}(n_i, \operatorname{expit}(η_i + τb_i)) \), \( η_i = x_i'β \), \( b_i \sim N(0, 1) \), and
 * each study's integral over \( b_i \) is taken by adaptive Gauss–Hermite quadrature around its conditional mode
 * \( \hat b_i \) with scale \( \hat σ_i = (τ^2n_i\hat μ_i(1-\hat μ_i) + 1)^{-1/2} \), as lme4's {@code glmer} does
 * ({@code nAGQ}; one node is the Laplace approximation):
 * \[ ℓ_i = \log \hat σ_i + \log \sum_k w_k \exp\{h_i(\hat b_i + \hat σ_i z_k) + z_k^2/2\} + \log\binom{n_i}{x_i},
 * \quad h_i(b) = x_iη - n_i\log(1 + e^{η}) - b^2/2, \ η = η_i + τb, \]
 * with \( (z_k, w_k) \) the Gauss–Hermite rule for the standard normal density. Counts need not be whole numbers
 * (a survey's effective counts): the binomial coefficient is then \( Γ(n+1)/(Γ(x+1)Γ(n-x+1)) \), the same
 * likelihood kernel. The gradient and the Hessian are exact, the conditional mode's and scale's dependence on
 * \( (τ, β) \) included (implicit differentiation of \( h_i'(\hat b_i) = 0 \), once and twice; see
 * {@link #logLikelihood(double[], double[], double[][])}).
 *
 * <p>Each search for a mode starts from the study's last one, so an instance serves one fit at a time.
 *
 * <p>Reference: Pinheiro, J. C. and Bates, D. M. (1995). Approximations to the log-likelihood function in the
 * nonlinear mixed-effects model. <i>Journal of Computational and Graphical Statistics</i> 4, 12–35; Bates, D. et
 * al. (2015). Fitting linear mixed-effects models using lme4. <i>Journal of Statistical Software</i> 67(1).
 */
final class BinomialNormal {

    /** The Gauss–Hermite rules computed so far, by number of nodes. */
    private static final double[][][] RULES = new double[Glmm.MAX_NODES + 1][][];

    final double[] x;
    final double[] n;
    final double[][] design;
    final int k;
    final int p;
    private final double[] lchoose;
    private final double[] z;
    private final double[] w;
    /** Each study's last mode, where the next search starts: the parameters move little between evaluations. */
    private final double[] lastMode;
    /**
     * Scratch, one entry per node: the log integrand, its exponential's weight, the fitted share, the residual
     * \( x - nμ \), the gradient.
     */
    private final double[] terms;
    private final double[] shares;
    private final double[] nodeMu;
    private final double[] nodeR;
    private final double[] gradA;
    private final double[] gradT;

    BinomialNormal(double[] x, double[] n, double[][] design, int nodes) {
        this.x = x.clone();
        this.n = n.clone();
        this.design = design;
        this.k = x.length;
        this.p = design[0].length;
        this.lchoose = new double[k];
        this.lastMode = new double[k];
        for (int i = 0; i < k; i++) {
            lchoose[i] = Gamma.logGamma(n[i] + 1) - Gamma.logGamma(x[i] + 1) - Gamma.logGamma(n[i] - x[i] + 1);
        }
        double[][] rule = rule(nodes);
        this.z = rule[0];
        this.w = rule[1];
        this.terms = new double[nodes];
        this.shares = new double[nodes];
        this.nodeMu = new double[nodes];
        this.nodeR = new double[nodes];
        this.gradA = new double[nodes];
        this.gradT = new double[nodes];
    }

    /**
     * The Gauss–Hermite rule of this many nodes for the standard normal density, nodes then weights, computed once
     * per number of nodes: commons-math's rule is for the weight \( e^{-t^2} \), so \( z = \sqrt2 t \) and the
     * weights are divided by \( \sqrt π \). The arrays are shared and never written.
     */
    private static synchronized double[][] rule(int nodes) {
        double[][] rule = RULES[nodes];
        if (rule == null) {
            GaussIntegrator hermite = new GaussIntegratorFactory().hermite(nodes);
            rule = new double[2][nodes];
            for (int q = 0; q < nodes; q++) {
                rule[0][q] = Math.sqrt(2) * hermite.getPoint(q);
                rule[1][q] = hermite.getWeight(q) / Math.sqrt(Math.PI);
            }
            RULES[nodes] = rule;
        }
        return rule;
    }

    /**
     * Study i's binomial log-likelihood kernel \( x\log μ + (n - x)\log(1 - μ) = xη - n\log(1 + e^η) \) at
     * \( μ = \operatorname{expit}(η) \), given \( e = e^{-|η|} \): \( (x - n)η - n\log(1 + e) \) for η ≥ 0,
     * \( xη - n\log(1 + e) \) below, so that neither product is much larger than the result when x is near nμ
     * (\( xη - nη \) would round at \( nη \), near 1e-10 for a study of a million firms).
     */
    private double kernel(int i, double eta, double e) {
        return (eta >= 0 ? x[i] - n[i] : x[i]) * eta - n[i] * log1p(e);
    }

    /**
     * \( \log(1 + e) \) for \( 0 ≤ e ≤ 1 \), to a few units in the last place, from {@link Math#log} (a JIT
     * intrinsic; {@link Math#log1p} takes about 1.5 times as long on Java 17): \( \log(u)\,e/(u - 1) \) with
     * \( u = 1 ⊕ e \), the rounding of 1 + e cancelling in the ratio (Goldberg 1991, What every computer scientist
     * should know about floating-point arithmetic, <i>ACM Computing Surveys</i> 23(1), 5–48, Theorem 4).
     */
    private static double log1p(double e) {
        double u = 1 + e;
        return u == 1 ? e : Math.log(u) * e / (u - 1);
    }

    /**
     * Study i's residual \( x - nμ \) at \( μ = \operatorname{expit}(η) \), given the smaller of μ and 1 - μ,
     * \( e^{-|η|}/(1 + e^{-|η|}) \): as \( (x - n) + n(1 - μ) \) for η ≥ 0, so that a study near n does not lose
     * its digits to the difference.
     */
    private double residual(int i, double eta, double smaller) {
        return eta >= 0 ? (x[i] - n[i]) + n[i] * smaller : x[i] - n[i] * smaller;
    }

    static double expit(double eta) {
        double e = Math.exp(-Math.abs(eta));
        return eta >= 0 ? 1 / (1 + e) : e / (1 + e);
    }

    double linear(int i, double[] beta) {
        double eta = 0;
        for (int j = 0; j < p; j++) {
            eta += design[i][j] * beta[j];
        }
        return eta;
    }

    /**
     * Study i's conditional mode of b, the root of \( h'(b) = τ(x - nμ) - b \): safeguarded Newton, to a change
     * under 1e-14. Since \( h'' = -(τ^2nμ(1-μ) + 1) ≤ -1 \), the root lies between b and \( b + h'(b) \); each
     * iterate narrows that bracket, and a Newton step that would not stay inside it is replaced by its midpoint
     * (Press et al. 2007, <i>Numerical Recipes</i>, 3rd ed., §9.4, {@code rtsafe}): one exponential per step, h
     * itself never evaluated.
     */
    double mode(int i, double eta0, double tau) {
        double b = lastMode[i];
        double lower = Double.NEGATIVE_INFINITY;
        double upper = Double.POSITIVE_INFINITY;
        for (int iteration = 0; iteration < 500; iteration++) {
            double eta = eta0 + tau * b;
            double e = Math.exp(-Math.abs(eta));
            double inverse = 1 / (1 + e);
            double mu = eta >= 0 ? inverse : e * inverse;
            double slope = tau * residual(i, eta, e * inverse) - b;
            if (slope > 0) {
                lower = b;
                upper = Math.min(upper, b + slope);
            } else if (slope < 0) {
                upper = b;
                lower = Math.max(lower, b + slope);
            } else {
                break;
            }
            double next = b + slope / (tau * tau * n[i] * mu * (1 - mu) + 1);
            if (!(next > lower && next < upper)) {
                // Newton's step would leave the bracket, or reach its end (where nμ(1 - μ) has underflowed).
                next = lower + (upper - lower) / 2;
            }
            double step = next - b;
            b = next;
            if (Math.abs(step) < 1e-14 * Math.max(1, Math.abs(b))) {
                break;
            }
        }
        lastMode[i] = b;
        return b;
    }

    /**
     * The log-likelihood at \( θ = (τ, β) \).
     *
     * @param theta τ then β
     * @return the log-likelihood
     */
    double logLikelihood(double[] theta) {
        return logLikelihood(theta, null, null);
    }

    /**
     * The log-likelihood at \( θ = (τ, β) \), with its exact gradient and Hessian when {@code gradient} and
     * {@code hessian} are not null: the derivatives of the quadrature sum as it is computed, the mode's and the
     * scale's dependence on θ included.
     *
     * <p>Study i's term depends on θ through two numbers, \( a = x_i'β \) and τ, so its derivatives are those of
     * \( ℓ_i(a, τ) \), \( ∂ℓ_i/∂β = x_i ∂ℓ_i/∂a \) and so on. With \( c = -h''(\hat b) = τ^2W + 1 = \hat σ^{-2} \),
     * \( W = nμ(1-μ) \) at the mode, and subscripts for partial derivatives in \( (a, τ) \), holding \( b \) fixed
     * in h's: the mode's derivatives follow from differentiating \( h_b(\hat b(θ), θ) = 0 \) once and twice,
     * \[ \hat b_s = h_{bs}/c, \quad \hat b_{st} = (h_{bbb}\hat b_s\hat b_t + h_{bbs}\hat b_t + h_{bbt}\hat b_s
     * + h_{bst})/c; \]
     * \( \log\hat σ = -\tfrac12\log c \) has derivatives \( -\tfrac12 c_s/c \) and
     * \( -\tfrac12(c_{st}/c - c_sc_t/c^2) \), c depending on θ through τ and \( \hat η = a + τ\hat b \); each node
     * \( v_q = \hat b + \hat σ z_q \) moves with θ, and \( G_q = h(v_q) + z_q^2/2 \) has
     * \[ G_{q,s} = h_b v_{q,s} + h_s, \quad G_{q,st} = h_{bb}v_{q,s}v_{q,t} + h_{bs}v_{q,t} + h_{bt}v_{q,s}
     * + h_b v_{q,st} + h_{st}; \]
     * with the nodes' shares \( π_q ∝ w_q e^{G_q} \), \( \log\sum_q w_qe^{G_q} \) has gradient
     * \( \sum_q π_qG_{q,s} \) and Hessian \( \sum_q π_qG_{q,st} + \operatorname{Cov}_π(G_{\cdot,s}, G_{\cdot,t}) \).
     * The approximation is not stationary in \( \hat b \) (\( \log\hat σ \) depends on it even with one node, the
     * nodes' positions too with more), so the envelope theorem does not spare the mode's derivatives: without its
     * second ones the ττ entry is off by up to 50 %. At τ = 0 the likelihood is the binomial one, even in τ, and
     * its second derivative in τ is \( r^2 - W \), \( r = x - nμ \), whatever the nodes. These are the chain
     * rule and implicit differentiation applied to the adaptive quadrature of Pinheiro and Bates (1995, see the
     * class's references); lme4 takes its Hessian by finite differences of the deviance instead.
     *
     * @param theta τ then β
     * @param gradient where the gradient goes, length p + 1, or null for the value alone
     * @param hessian where the Hessian goes, (p + 1) × (p + 1), null exactly when {@code gradient} is
     * @return the log-likelihood
     */
    double logLikelihood(double[] theta, double[] gradient, double[][] hessian) {
        boolean derivatives = gradient != null;
        double tau = theta[0];
        int m = p + 1;
        if (derivatives) {
            java.util.Arrays.fill(gradient, 0);
            for (double[] row : hessian) {
                java.util.Arrays.fill(row, 0);
            }
        }
        double total = 0;
        // Each study's derivatives in (a, tau): the gradient (la, lt) and the Hessian (laa, lat, ltt).
        double la;
        double lt;
        double laa;
        double lat;
        double ltt;
        for (int i = 0; i < k; i++) {
            double[] row = design[i];
            double a = 0;
            for (int j = 0; j < p; j++) {
                a += row[j] * theta[1 + j];
            }
            if (tau == 0) {
                // No random effect: the binomial likelihood itself (the quadrature is exact, the mode 0).
                total += kernel(i, a, Math.exp(-Math.abs(a))) + lchoose[i];
                if (!derivatives) {
                    continue;
                }
                double e = Math.exp(-Math.abs(a));
                double inverse = 1 / (1 + e);
                double mu = a >= 0 ? inverse : e * inverse;
                double r = residual(i, a, e * inverse);
                double weight = n[i] * mu * (1 - mu);
                la = r;
                lt = 0;
                laa = -weight;
                lat = 0;
                ltt = r * r - weight;
            } else {
                double b = mode(i, a, tau);
                double etaB = a + tau * b;
                double eB = Math.exp(-Math.abs(etaB));
                double inverseB = 1 / (1 + eB);
                double mu = etaB >= 0 ? inverseB : eB * inverseB;
                double weight = n[i] * mu * (1 - mu);
                double c = tau * tau * weight + 1;
                double scale = 1 / Math.sqrt(c);
                double max = Double.NEGATIVE_INFINITY;
                for (int q = 0; q < z.length; q++) {
                    double v = b + scale * z[q];
                    double eta = a + tau * v;
                    double e = Math.exp(-Math.abs(eta));
                    double inverse = 1 / (1 + e);
                    nodeMu[q] = eta >= 0 ? inverse : e * inverse;
                    nodeR[q] = residual(i, eta, e * inverse);
                    terms[q] = kernel(i, eta, e) - v * v / 2 + z[q] * z[q] / 2;
                    max = Math.max(max, terms[q]);
                }
                double sum = 0;
                for (int q = 0; q < z.length; q++) {
                    shares[q] = w[q] * Math.exp(terms[q] - max);
                    sum += shares[q];
                }
                total += max + Math.log(sum) - 0.5 * Math.log(c) + lchoose[i];
                if (!derivatives) {
                    continue;
                }
                double r = residual(i, etaB, eB * inverseB);
                double slope = weight * (1 - 2 * mu); // dW/deta
                double curve = weight * (1 - 6 * mu * (1 - mu)); // d2W/deta2
                // The mode's derivatives, from h_b = tau r - b = 0 at the mode.
                double ba = -tau * weight / c;
                double bt = (r - tau * b * weight) / c;
                double hbbb = -tau * tau * tau * slope;
                double hbba = -tau * tau * slope;
                double hbbt = -2 * tau * weight - tau * tau * b * slope;
                double hbaa = -tau * slope;
                double hbat = -weight - tau * b * slope;
                double hbtt = -2 * b * weight - tau * b * b * slope;
                double baa = (hbbb * ba * ba + 2 * hbba * ba + hbaa) / c;
                double bat = (hbbb * ba * bt + hbba * bt + hbbt * ba + hbat) / c;
                double btt = (hbbb * bt * bt + 2 * hbbt * bt + hbtt) / c;
                // c = tau^2 W(eta) + 1 at eta = a + tau b(a, tau).
                double ea = 1 + tau * ba;
                double et = b + tau * bt;
                double eaa = tau * baa;
                double eat = ba + tau * bat;
                double ett = 2 * bt + tau * btt;
                double t2 = tau * tau;
                double ca = t2 * slope * ea;
                double ct = 2 * tau * weight + t2 * slope * et;
                double caa = t2 * (curve * ea * ea + slope * eaa);
                double cat = 2 * tau * slope * ea + t2 * (curve * ea * et + slope * eat);
                double ctt = 2 * weight + 4 * tau * slope * et + t2 * (curve * et * et + slope * ett);
                // The scale c^(-1/2) and its derivatives.
                double sa = -0.5 * scale * ca / c;
                double st = -0.5 * scale * ct / c;
                double saa = scale * (0.75 * ca * ca / (c * c) - 0.5 * caa / c);
                double sat = scale * (0.75 * ca * ct / (c * c) - 0.5 * cat / c);
                double stt = scale * (0.75 * ct * ct / (c * c) - 0.5 * ctt / c);
                la = -0.5 * ca / c;
                lt = -0.5 * ct / c;
                laa = -0.5 * (caa / c - ca * ca / (c * c));
                lat = -0.5 * (cat / c - ca * ct / (c * c));
                ltt = -0.5 * (ctt / c - ct * ct / (c * c));
                double meanA = 0;
                double meanT = 0;
                for (int q = 0; q < z.length; q++) {
                    double share = shares[q] / sum;
                    double v = b + scale * z[q];
                    double va = ba + z[q] * sa;
                    double vt = bt + z[q] * st;
                    double muV = nodeMu[q];
                    double rV = nodeR[q];
                    double wV = n[i] * muV * (1 - muV);
                    double hb = tau * rV - v;
                    double hbb = -t2 * wV - 1;
                    double hba = -tau * wV;
                    double hbt = rV - tau * v * wV;
                    double ga = hb * va + rV;
                    double gt = hb * vt + rV * v;
                    gradA[q] = ga;
                    gradT[q] = gt;
                    meanA += share * ga;
                    meanT += share * gt;
                    laa += share * (hbb * va * va + 2 * hba * va + hb * (baa + z[q] * saa) - wV);
                    lat += share * (hbb * va * vt + hba * vt + hbt * va + hb * (bat + z[q] * sat) - v * wV);
                    ltt += share * (hbb * vt * vt + 2 * hbt * vt + hb * (btt + z[q] * stt) - v * v * wV);
                }
                la += meanA;
                lt += meanT;
                for (int q = 0; q < z.length; q++) {
                    double share = shares[q] / sum;
                    double da = gradA[q] - meanA;
                    double dt = gradT[q] - meanT;
                    laa += share * da * da;
                    lat += share * da * dt;
                    ltt += share * dt * dt;
                }
            }
            gradient[0] += lt;
            hessian[0][0] += ltt;
            for (int j = 0; j < p; j++) {
                gradient[1 + j] += la * row[j];
                hessian[0][1 + j] += lat * row[j];
                for (int l = 0; l <= j; l++) {
                    hessian[1 + j][1 + l] += laa * row[j] * row[l];
                }
            }
        }
        if (derivatives) {
            for (int j = 1; j < m; j++) {
                hessian[j][0] = hessian[0][j];
                for (int l = 1; l < j; l++) {
                    hessian[l][j] = hessian[j][l];
                }
            }
        }
        return total;
    }

    /** The saturated model's log-likelihood: each study's own proportion. */
    double saturatedLogLikelihood() {
        double total = 0;
        for (int i = 0; i < k; i++) {
            total += lchoose[i] + (x[i] > 0 ? x[i] * Math.log(x[i] / n[i]) : 0)
                    + (x[i] < n[i] ? (n[i] - x[i]) * Math.log(1 - x[i] / n[i]) : 0);
        }
        return total;
    }

    /** The binomial deviance of the studies' proportions against these fitted ones, \( \sum_i d_i^2 \). */
    double deviance(double[] fitted) {
        double total = 0;
        for (int i = 0; i < k; i++) {
            double mu = fitted[i];
            total += 2 * ((x[i] > 0 ? x[i] * Math.log(x[i] / (n[i] * mu)) : 0)
                    + (x[i] < n[i] ? (n[i] - x[i]) * Math.log((n[i] - x[i]) / (n[i] * (1 - mu))) : 0));
        }
        return total;
    }
}
