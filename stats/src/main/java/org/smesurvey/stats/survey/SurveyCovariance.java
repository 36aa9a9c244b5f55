package org.smesurvey.stats.survey;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import org.smesurvey.stats.internal.Matrices;

/**
 * The design-based estimate of the population covariance matrix of several variables, survey's
 * {@code svyvar(~x + z, design)}: \( \hat S_{ab} = \frac{n}{n-1} \sum_i w_i (x_{ia} - \bar x_a)(x_{ib} - \bar x_b)
 * / \sum_i w_i \), n the respondents with a non-zero weight (on a replicate design, as survey's
 * {@code svyvar.svyrep.design}, every row), with the covariance of its \( p^2 \) entries — that
 * of the weighted means of the products of deviations (linearised, or from the replicates, each replicate
 * centring at its own means), as survey gives it in {@code attr(v, "var")}. Built by
 * {@link SurveyEstimator#covariance}.
 *
 * <p>Reference: Lumley, T. (2010). <i>Complex Surveys: A Guide to Analysis Using R</i>. Wiley, §2.3 (svyvar);
 * Kish, L. (1965). <i>Survey Sampling</i>. Wiley, §2.2 (the n − 1 divisor).
 *
 * <p>Immutable; arrays are copied in and out.
 *
 * @since 0.1
 */
public final class SurveyCovariance {

    private final List<String> labels;
    /** The p x p estimate, estimate[a][b]. */
    private final double[][] estimate;
    /** The covariance of the entries, p² x p², entry (a, b) at a + p b as survey orders them (by column). */
    private final double[][] covariance;
    private final int respondents;
    private final int degreesOfFreedom;

    SurveyCovariance(List<String> labels, double[][] estimate, double[][] covariance, int respondents,
            int degreesOfFreedom) {
        this.labels = List.copyOf(labels);
        this.estimate = estimate;
        this.covariance = covariance;
        this.respondents = respondents;
        this.degreesOfFreedom = degreesOfFreedom;
    }

    /**
     * The variables' names.
     *
     * @return the names, in order
     */
    public List<String> labels() {
        return labels;
    }

    /**
     * The estimated covariance matrix of the variables, survey's {@code as.matrix(svyvar(~x + z, design))}.
     *
     * @return a copy, p × p, in the labels' order
     */
    public double[][] estimate() {
        return Matrices.copy(estimate);
    }

    /**
     * One entry of the estimated covariance matrix: a variance when both names are the same.
     *
     * @param a a variable's name
     * @param b a variable's name
     * @return \( \hat S_{ab} \)
     * @throws IllegalArgumentException if a name is not one of the labels
     */
    public double estimate(String a, String b) {
        return estimate[index(a)][index(b)];
    }

    /**
     * The standard errors of the entries, survey's {@code SE(svyvar(~x + z, design))}.
     *
     * @return a new p × p matrix
     */
    public double[][] standardErrors() {
        int p = labels.size();
        double[][] se = new double[p][p];
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                se[a][b] = Math.sqrt(covariance[a + p * b][a + p * b]);
            }
        }
        return se;
    }

    /**
     * The standard error of one entry.
     *
     * @param a a variable's name
     * @param b a variable's name
     * @return the standard error of \( \hat S_{ab} \)
     * @throws IllegalArgumentException if a name is not one of the labels
     */
    public double standardError(String a, String b) {
        int k = index(a) + labels.size() * index(b);
        return Math.sqrt(covariance[k][k]);
    }

    /**
     * The covariance of the entries, survey's {@code attr(svyvar(~x + z, design), "var")}: \( p^2 \times p^2 \), entry
     * (a, b) at row and column \( a + p b \) (the matrix read by column).
     *
     * @return a copy
     */
    public double[][] covariance() {
        return Matrices.copy(covariance);
    }

    /**
     * The respondents the estimate rests on: those with a non-zero weight.
     *
     * @return n
     */
    public int respondents() {
        return respondents;
    }

    /**
     * The design's degrees of freedom, survey's {@code degf}.
     *
     * @return the degrees of freedom
     */
    public int degreesOfFreedom() {
        return degreesOfFreedom;
    }

    /**
     * The variances as survey's {@code print.svyvar} lays them out: one row per variable with its variance and
     * standard error (the diagonal), rounded as R's {@code printCoefmat}.
     *
     * @return the text, lines separated by {@code \n}
     */
    public String summary() {
        List<SurveyEstimate> rows = new ArrayList<>();
        int p = labels.size();
        for (int a = 0; a < p; a++) {
            rows.add(new SurveyEstimate(labels.get(a), estimate[a][a], Math.sqrt(covariance[a * (p + 1)][a * (p + 1)]),
                    OptionalDouble.empty(), respondents, degreesOfFreedom));
        }
        return SurveyEstimate.table(rows, "variance");
    }

    private int index(String name) {
        int k = labels.indexOf(Objects.requireNonNull(name, "name"));
        if (k < 0) {
            throw new IllegalArgumentException("No variable named '" + name + "' among " + labels);
        }
        return k;
    }
}
