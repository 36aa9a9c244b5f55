package org.smesurvey.stats.survey;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import org.smesurvey.stats.internal.Matrices;

/**
 * Domain estimates of one survey with their covariance, survey's {@code svyby(..., covmat = TRUE)}, and their
 * contrasts, {@code svycontrast}: linear combinations (a difference of domains, an average) with the standard
 * error \( \sqrt{c'Vc} \), and smooth functions of the estimates (a ratio) by the delta method \( \sqrt{g'Vg} \),
 * g the function's gradient. Domains of one survey share its strata and units: their estimates are correlated
 * (on a cluster sample, not on strata), and a difference's standard error must carry that covariance.
 *
 * <p>Reference: Lumley, T. (2010). <i>Complex Surveys: A Guide to Analysis Using R</i>. Wiley, section 2.4 and
 * appendix B (domain estimates as ratios, their influence functions).
 *
 * @param labels the domains, in order
 * @param estimates their estimates
 * @param covariance their covariance, domain by domain
 * @since 0.1
 */
public record DomainEstimates(List<String> labels, double[] estimates, double[][] covariance) {

    /**
     * Copies the arrays.
     *
     * @param labels the domains
     * @param estimates their estimates
     * @param covariance their covariance
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the sizes disagree
     */
    public DomainEstimates {
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(estimates, "estimates");
        Objects.requireNonNull(covariance, "covariance");
        labels = List.copyOf(labels);
        estimates = estimates.clone();
        double[][] copy = new double[covariance.length][];
        for (int d = 0; d < copy.length; d++) {
            copy[d] = covariance[d].clone();
            if (copy[d].length != labels.size()) {
                throw new IllegalArgumentException("The covariance is not " + labels.size() + " x " + labels.size());
            }
        }
        covariance = copy;
        if (estimates.length != labels.size() || covariance.length != labels.size()) {
            throw new IllegalArgumentException("The domains, estimates and covariance differ in size");
        }
    }

    /**
     * The domains' estimates.
     *
     * @return a copy, in domain order
     */
    @Override
    public double[] estimates() {
        return estimates.clone();
    }

    /**
     * The covariance of the domains' estimates.
     *
     * @return a copy, domain by domain
     */
    @Override
    public double[][] covariance() {
        return Matrices.copy(covariance);
    }

    /**
     * A contrast's estimate and standard error.
     *
     * @param estimate the contrast
     * @param standardError its standard error
     */
    public record Contrast(double estimate, double standardError) {
    }

    /**
     * A linear contrast \( \sum_d c_d \hat θ_d \), survey's {@code svycontrast(by, c(E = 1, M = -1))}.
     *
     * @param weights the coefficient of each domain named; domains not named count 0
     * @return the contrast with its standard error
     * @throws IllegalArgumentException if a name is not a domain
     */
    public Contrast linear(Map<String, Double> weights) {
        Objects.requireNonNull(weights, "weights");
        double[] c = new double[labels.size()];
        weights.forEach((name, weight) -> c[index(name)] = weight);
        double estimate = 0;
        for (int d = 0; d < c.length; d++) {
            estimate += c[d] * estimates[d];
        }
        return new Contrast(estimate, Math.sqrt(quadratic(c)));
    }

    /**
     * The difference of two domains' estimates, first minus second.
     *
     * @param first a domain
     * @param second another
     * @return the difference with its standard error
     */
    public Contrast difference(String first, String second) {
        return linear(Map.of(first, 1.0, second, -1.0));
    }

    /**
     * The ratio of two domains' estimates, survey's {@code svycontrast(by, quote(E / H))}, by the delta method.
     *
     * @param numerator a domain
     * @param denominator another
     * @return the ratio with its standard error
     */
    public Contrast ratio(String numerator, String denominator) {
        int a = index(numerator);
        int b = index(denominator);
        double ratio = estimates[a] / estimates[b];
        return function(e -> e[a] / e[b], gradient(a, 1 / estimates[b], b, -ratio / estimates[b]));
    }

    /**
     * A smooth function of the estimates by the delta method, given its gradient at the estimates.
     *
     * @param function the function of the domains' estimates
     * @param gradient its gradient there, one per domain
     * @return the function's value with its standard error
     * @throws IllegalArgumentException if the gradient is not one per domain
     */
    public Contrast function(ToDoubleFunction<double[]> function, double[] gradient) {
        Objects.requireNonNull(function, "function");
        if (gradient.length != labels.size()) {
            throw new IllegalArgumentException("The gradient has " + gradient.length + " entries for "
                    + labels.size() + " domains");
        }
        return new Contrast(function.applyAsDouble(estimates.clone()), Math.sqrt(quadratic(gradient)));
    }

    private double[] gradient(int a, double da, int b, double db) {
        double[] g = new double[labels.size()];
        g[a] += da;
        g[b] += db;
        return g;
    }

    private int index(String name) {
        int d = labels.indexOf(name);
        if (d < 0) {
            throw new IllegalArgumentException("No domain " + name + ": " + labels);
        }
        return d;
    }

    private double quadratic(double[] c) {
        double total = 0;
        for (int r = 0; r < c.length; r++) {
            for (int s = 0; s < c.length; s++) {
                total += c[r] * covariance[r][s] * c[s];
            }
        }
        return total;
    }
}
