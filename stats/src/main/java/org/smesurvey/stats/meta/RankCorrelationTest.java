package org.smesurvey.stats.meta;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import org.apache.commons.math3.stat.correlation.KendallsCorrelation;
import org.smesurvey.stats.SignificanceResult;
import org.smesurvey.stats.internal.Distributions;

/**
 * Begg and Mazumdar's rank correlation test for funnel-plot asymmetry, as metafor's {@code ranktest}: Kendall's τ
 * between the standardised effects \( (y_i - \hat θ)/\sqrt{v_i - v_{\hat θ}} \) (\( \hat θ \) the equal-effects
 * estimate, \( v_{\hat θ} = 1/\sum w_i \)) and the sampling variances, with R's {@code cor.test(method = "kendall")}
 * p-value: exact (the permutation distribution of the concordant pairs) when there are no ties — metafor asks
 * cor.test for it — up to {@value #EXACT_MAX} studies, else the normal approximation with the ties' correction of
 * the variance.
 *
 * <p>Reference: Begg, C. B. and Mazumdar, M. (1994). Operating characteristics of a rank correlation test for
 * publication bias. <i>Biometrics</i> 50, 1088–1101; Kendall, M. G. (1970). <i>Rank Correlation Methods</i>, 4th
 * ed., Griffin (the variance with ties).
 *
 * @param tau Kendall's τ (τ-b with ties)
 * @param exact whether the p-value is exact
 * @param z the normal statistic, when it is not exact
 * @param pValue the two-sided p-value
 * @since 0.1
 */
public record RankCorrelationTest(double tau, boolean exact, double z, double pValue) implements SignificanceResult {

    /** The most studies the exact p-value is computed for (its distribution has k(k − 1)/2 + 1 points). */
    public static final int EXACT_MAX = 200;

    /**
     * The test on a set of effect sizes.
     *
     * @param studies the effect sizes, at least three
     * @return the test
     * @throws IllegalArgumentException if there are fewer than three studies
     */
    public static RankCorrelationTest of(EffectSizes studies) {
        Objects.requireNonNull(studies, "studies");
        int k = studies.size();
        if (k < 3) {
            throw new IllegalArgumentException("The rank correlation test needs at least three studies");
        }
        double sumW = 0;
        double sumWy = 0;
        for (int i = 0; i < k; i++) {
            sumW += 1 / studies.vi(i);
            sumWy += studies.yi(i) / studies.vi(i);
        }
        double theta = sumWy / sumW;
        double vb = 1 / sumW;
        double[] standardised = new double[k];
        double[] variances = new double[k];
        for (int i = 0; i < k; i++) {
            variances[i] = studies.vi(i);
            standardised[i] = (studies.yi(i) - theta) / Math.sqrt(variances[i] - vb);
        }
        double tau = new KendallsCorrelation().correlation(standardised, variances);
        int[] xTies = ties(standardised);
        int[] yTies = ties(variances);
        if (k <= EXACT_MAX && xTies.length == 0 && yTies.length == 0) {
            // The number of concordant pairs, and its exact distribution (permutations by their inversions).
            int pairs = k * (k - 1) / 2;
            int q = (int) Math.round((tau + 1) * pairs / 2);
            double[] cdf = concordantDistribution(k);
            double p = q > pairs / 2.0 ? 1 - (q > 0 ? cdf[q - 1] : 0) : cdf[q];
            return new RankCorrelationTest(tau, true, Double.NaN, Math.min(2 * p, 1));
        }
        double t0 = k * (k - 1) / 2.0;
        double t1 = sum(xTies, t -> t * (t - 1) / 2.0);
        double t2 = sum(yTies, t -> t * (t - 1) / 2.0);
        double s = tau * Math.sqrt((t0 - t1) * (t0 - t2));
        double v0 = k * (k - 1.0) * (2 * k + 5);
        double vt = sum(xTies, t -> t * (t - 1.0) * (2 * t + 5));
        double vu = sum(yTies, t -> t * (t - 1.0) * (2 * t + 5));
        double v1 = sum(xTies, t -> t * (t - 1.0)) * sum(yTies, t -> t * (t - 1.0));
        double v2 = sum(xTies, t -> t * (t - 1.0) * (t - 2)) * sum(yTies, t -> t * (t - 1.0) * (t - 2));
        double variance = (v0 - vt - vu) / 18 + v1 / (2.0 * k * (k - 1)) + v2 / (9.0 * k * (k - 1) * (k - 2));
        double z = s / Math.sqrt(variance);
        return new RankCorrelationTest(tau, false, z, Distributions.normalTwoSided(z));
    }

    /** The sizes of the groups of equal values, those of two or more. */
    private static int[] ties(double[] values) {
        Map<Double, Integer> counts = new HashMap<>();
        for (double v : values) {
            counts.merge(v, 1, Integer::sum);
        }
        return counts.values().stream().filter(c -> c > 1).mapToInt(Integer::intValue).toArray();
    }

    private static double sum(int[] ties, java.util.function.IntToDoubleFunction term) {
        return Arrays.stream(ties).mapToDouble(term::applyAsDouble).sum();
    }

    /**
     * \( P(T \le q) \) for the number T of concordant pairs among k observations without ties, q = 0…k(k−1)/2:
     * the counts of permutations by their number of inversions (Mahonian numbers), R's {@code ckendall}.
     */
    static double[] concordantDistribution(int k) {
        int pairs = k * (k - 1) / 2;
        double[] counts = new double[pairs + 1];
        counts[0] = 1;
        int reach = 0;
        for (int m = 2; m <= k; m++) {
            // Inserting the m-th element adds 0 to m - 1 inversions.
            double[] next = new double[pairs + 1];
            reach += m - 1;
            for (int s = 0; s <= reach; s++) {
                double total = 0;
                for (int j = 0; j < m && j <= s; j++) {
                    total += counts[s - j];
                }
                next[s] = total;
            }
            counts = next;
        }
        double all = 0;
        for (double c : counts) {
            all += c;
        }
        double[] cdf = new double[pairs + 1];
        double running = 0;
        for (int s = 0; s <= pairs; s++) {
            running += counts[s];
            cdf[s] = running / all;
        }
        return cdf;
    }

    @Override
    public String method() {
        return "Rank correlation test for funnel plot asymmetry (Kendall's tau)";
    }

    /**
     * Kendall's τ; the normal statistic is {@link #z()} when the p-value is not exact.
     *
     * @return τ
     */
    @Override
    public double statistic() {
        return tau;
    }

    @Override
    public OptionalDouble degreesOfFreedom() {
        return OptionalDouble.empty();
    }

    @Override
    public double pValue() {
        return pValue;
    }
}
