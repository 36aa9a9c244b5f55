package org.smesurvey.stats.meta;

import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.apache.commons.math3.special.Gamma;

/**
 * The binomial–normal model's log-likelihood and its gradient: study i has \( x_i \) events in \( n_i \),
 * \( x_i \sim \mathrm{Bin}(n_i, \operatorname{expit}(η_i + τb_i)) \), \( η_i = x_i'β \), \( b_i \sim N(0, 1) \), and
 * each study's integral over \( b_i \) is taken by adaptive Gauss–Hermite quadrature around its conditional mode
 * \( \hat b_i \) with scale \( \hat σ_i = (τ^2n_i\hat μ_i(1-\hat μ_i) + 1)^{-1/2} \), as lme4's {@code glmer} does
 * ({@code nAGQ}; one node is the Laplace approximation):
 * \[ ℓ_i = \log \hat σ_i + \log \sum_k w_k \exp\{h_i(\hat b_i + \hat σ_i z_k) + z_k^2/2\} + \log\binom{n_i}{x_i},
 * \quad h_i(b) = x_iη - n_i\log(1 + e^{η}) - b^2/2, \ η = η_i + τb, \]
 * with \( (z_k, w_k) \) the Gauss–Hermite rule for the standard normal density. Counts need not be whole numbers
 * (a survey's effective counts): the binomial coefficient is then \( Γ(n+1)/(Γ(x+1)Γ(n-x+1)) \), the same
 * likelihood kernel. The gradient is exact, the conditional mode's and scale's dependence on \( (τ, β) \) included
 * (implicit differentiation of \( h_i'(\hat b_i) = 0 \)).
 *
 * <p>Each search for a mode starts from the study's last one, so an instance serves one fit at a time.
 *
 * <p>Reference: Pinheiro, J. C. and Bates, D. M. (1995). Approximations to the log-likelihood function in the
 * nonlinear mixed-effects model. <i>Journal of Computational and Graphical Statistics</i> 4, 12–35; Bates, D. et
 * al. (2015). Fitting linear mixed-effects models using lme4. <i>Journal of Statistical Software</i> 67(1).
 */
final class BinomialNormal {

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
        // commons-math's rule is for the weight exp(-t^2); for the standard normal z = sqrt(2) t, w / sqrt(pi).
        GaussIntegrator rule = new GaussIntegratorFactory().hermite(nodes);
        this.z = new double[nodes];
        this.w = new double[nodes];
        for (int q = 0; q < nodes; q++) {
            z[q] = Math.sqrt(2) * rule.getPoint(q);
            w[q] = rule.getWeight(q) / Math.sqrt(Math.PI);
        }
    }

    /** \( \log(1 + e^η) \) without overflow. */
    static double log1pExp(double eta) {
        return eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta));
    }

    static double expit(double eta) {
        return eta >= 0 ? 1 / (1 + Math.exp(-eta)) : Math.exp(eta) / (1 + Math.exp(eta));
    }

    double linear(int i, double[] beta) {
        double eta = 0;
        for (int j = 0; j < p; j++) {
            eta += design[i][j] * beta[j];
        }
        return eta;
    }

    private double h(int i, double eta0, double tau, double b) {
        double eta = eta0 + tau * b;
        return x[i] * eta - n[i] * log1pExp(eta) - b * b / 2;
    }

    /**
     * Study i's conditional mode of b: Newton on the concave h, a long step halved until h does not fall, to a
     * change under 1e-14.
     */
    double mode(int i, double eta0, double tau) {
        double b = lastMode[i];
        for (int iteration = 0; iteration < 500; iteration++) {
            double mu = expit(eta0 + tau * b);
            double step = (tau * (x[i] - n[i] * mu) - b) / (tau * tau * n[i] * mu * (1 - mu) + 1);
            double here = h(i, eta0, tau, b);
            // Near the mode h is flat to rounding, and a step that "lowers" it only lowers its last digits:
            // there the Newton step is taken whole (it converges quadratically).
            while (Math.abs(step) > 1e-6 * Math.max(1, Math.abs(b)) && h(i, eta0, tau, b + step) < here) {
                step /= 2;
            }
            b += step;
            if (Math.abs(step) < 1e-14 * Math.max(1, Math.abs(b))) {
                break;
            }
        }
        lastMode[i] = b;
        return b;
    }

    /**
     * The log-likelihood at \( θ = (τ, β) \), and its gradient into {@code gradient} when it is not null.
     *
     * @param theta τ then β
     * @param gradient where the gradient goes, length p + 1, or null
     * @return the log-likelihood
     */
    double logLikelihood(double[] theta, double[] gradient) {
        double tau = theta[0];
        double[] beta = new double[p];
        System.arraycopy(theta, 1, beta, 0, p);
        if (gradient != null) {
            java.util.Arrays.fill(gradient, 0);
        }
        double total = 0;
        double[] dMode = new double[p + 1];
        double[] dEta = new double[p + 1];
        double[] dLogScale = new double[p + 1];
        double[] dScale = new double[p + 1];
        double[] terms = new double[z.length];
        for (int i = 0; i < k; i++) {
            double[] row = design[i];
            double eta0 = linear(i, beta);
            if (tau == 0) {
                // No random effect: the binomial likelihood itself (the quadrature is exact, the mode 0).
                total += x[i] * eta0 - n[i] * log1pExp(eta0) + lchoose[i];
                if (gradient != null) {
                    double r = x[i] - n[i] * expit(eta0);
                    for (int j = 0; j < p; j++) {
                        gradient[1 + j] += r * row[j];
                    }
                }
                continue;
            }
            double b = mode(i, eta0, tau);
            double mu = expit(eta0 + tau * b);
            double weight = n[i] * mu * (1 - mu);
            double scale2 = 1 / (tau * tau * weight + 1);
            double scale = Math.sqrt(scale2);
            double max = Double.NEGATIVE_INFINITY;
            for (int q = 0; q < z.length; q++) {
                terms[q] = h(i, eta0, tau, b + scale * z[q]) + z[q] * z[q] / 2;
                max = Math.max(max, terms[q]);
            }
            double sum = 0;
            for (int q = 0; q < z.length; q++) {
                sum += w[q] * Math.exp(terms[q] - max);
            }
            total += Math.log(scale) + max + Math.log(sum) + lchoose[i];
            if (gradient == null) {
                continue;
            }
            // The mode's derivatives, from h'(b) = tau (x - n mu) - b = 0: db/dθ = σ² ∂θ h'(b).
            double residual = x[i] - n[i] * mu;
            dMode[0] = scale2 * (residual - tau * weight * b);
            dEta[0] = b + tau * dMode[0];
            for (int j = 0; j < p; j++) {
                dMode[1 + j] = -scale2 * tau * weight * row[j];
                dEta[1 + j] = row[j] + tau * dMode[1 + j];
            }
            double slope = n[i] * mu * (1 - mu) * (1 - 2 * mu); // d weight / d eta
            for (int m = 0; m <= p; m++) {
                double dCurvature = tau * tau * slope * dEta[m] + (m == 0 ? 2 * tau * weight : 0);
                dLogScale[m] = -0.5 * scale2 * dCurvature;
                dScale[m] = scale * dLogScale[m];
                gradient[m] += dLogScale[m];
            }
            for (int q = 0; q < z.length; q++) {
                double share = w[q] * Math.exp(terms[q] - max) / sum;
                double v = b + scale * z[q];
                double muV = expit(eta0 + tau * v);
                double r = x[i] - n[i] * muV;
                double slopeV = tau * r - v; // h'(v)
                gradient[0] += share * (r * v + slopeV * (dMode[0] + z[q] * dScale[0]));
                for (int j = 0; j < p; j++) {
                    gradient[1 + j] += share * (r * row[j] + slopeV * (dMode[1 + j] + z[q] * dScale[1 + j]));
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
