package org.smesurvey.stats.survey;

/**
 * How a weighted quantile is read off the weighted distribution of a variable: the rules of survey's
 * {@code svyquantile(..., qrule = ...)} (survey 4.x), each as survey computes it. Respondents of weight 0 are left
 * out first. With the values sorted, \( x_{(1)} \le \dots \le x_{(n)} \) (ties in their order), their weights
 * \( w_{(k)} \), cumulative weights \( C_k = \sum_{j \le k} w_{(j)} \) and \( W = C_n \), the step rules look at
 * \[ k = \max\{k : C_k \le pW\} \ (1 \text{ if none}), \quad k^+ = \min(k + 1, n), \quad
 *    g = p - C_k/W, \quad g^+ = C_{k^+}/W - p, \]
 * the lower value \( x_{(k)} \) and the upper \( x_{(k^+)} \); the interpolating rules put probabilities
 * \( p_k \) on the sorted values and interpolate linearly between them, as R's {@code approx(p_k, x, p, rule = 2)}
 * (the first value below \( p_1 \), the last above \( p_n \)).
 *
 * <p>survey 4.1.1 and 4.4 differ in two places, and this class follows 4.4: below the first respondent's share of
 * the weight (\( pW &lt; C_1 \), so \( g &lt; 0 \), as at p = 0) the step rules give the smallest value where
 * 4.1.1, which tests \( g = 0 \) rather than \( g \le 0 \), gives the second smallest (or half way to it); and a
 * single respondent gives its value under every rule, where 4.1.1's interpolating rules stop with an error.
 *
 * <p>References:
 * <ol>
 * <li>Hyndman, R. J. and Fan, Y. (1996). Sample quantiles in statistical packages. <i>The American
 *     Statistician</i> 50(4), 361–365. doi:10.1080/00031305.1996.10473566 (types 1 to 9, here with weights).</li>
 * <li>Shah, B. V. and Vaish, A. K. (2006). Confidence intervals for quantile estimation from complex survey data.
 *     <i>Proceedings of the Section on Survey Research Methods</i>, American Statistical Association.</li>
 * <li>Lumley, T. (2021). survey: analysis of complex survey samples, R package 4.1: {@code svyquantile}'s help
 *     page and {@code qrule_*} functions.</li>
 * </ol>
 *
 * @since 0.1
 */
public enum QuantileRule {
    /**
     * The inverse of the weighted distribution function, \( x_{(k)} \) if \( g \le 0 \) else \( x_{(k^+)} \):
     * the smallest value whose cumulative share reaches p; survey's default, {@code "math"}.
     */
    MATH,
    /**
     * As {@link #MATH}, but the midpoint \( (x_{(k)} + x_{(k^+)})/2 \) where the cumulative share is exactly p
     * (the school-book median of an even sample): {@code "school"}.
     */
    SCHOOL,
    /**
     * Shah and Vaish's [2] step rule: with weights scaled to mean 1, \( \bar w_k = w_{(k)}/\bar w \) and
     * \( S_k = \sum_{j \le k} \bar w_j \), probabilities \( p_k = (S_k + 1/2 - w_{(k)}/2)/(n + 1) \) and the value
     * \( x_{(k)} \) of the last \( p_k \le p \) (the first value below \( p_1 \)); {@code "shahvaish"}. As survey
     * writes it, the half weight taken off is the unscaled \( w_{(k)}/2 \).
     */
    SHAH_VAISH,
    /** Hyndman and Fan's type 1, the inverse distribution function: the same as {@link #MATH}; {@code "hf1"}. */
    HF1,
    /** Type 2, averaging at discontinuities: the same as {@link #SCHOOL}; {@code "hf2"}. */
    HF2,
    /**
     * Type 3, the nearest even order statistic: ties first merged into one value with their summed weight, then
     * \( x_{(k)} \) if \( g \le 0 \) and k is even, else \( x_{(k^+)} \); {@code "hf3"}.
     */
    HF3,
    /**
     * Type 4, linear interpolation of the distribution function: \( (1 - γ)x_{(k)} + γx_{(k^+)} \) with
     * \( γ = g/(g + g^+) \); {@code "hf4"}. As survey computes it: between two equal values the weighted sum
     * can land an ulp either side of them, and Woodruff's share at or below the quantile then counts the ties or
     * not.
     */
    HF4,
    /** Type 5, \( p_k = (C_k - w_{(k)}/2)/W \), interpolated; {@code "hf5"}. */
    HF5,
    /** Type 6, \( p_k = C_k/(W + w_{(n)}) \), interpolated; {@code "hf6"}. */
    HF6,
    /**
     * Type 7, R's default for unweighted quantiles: \( p_k = C_{k-1}/C_{n-1} \) (\( C_0 = 0 \)), interpolated;
     * {@code "hf7"}.
     */
    HF7,
    /** Type 8, \( p_k = (C_{k-1}/3 + 2C_k/3)/(W + w_{(n)}/3) \), interpolated; {@code "hf8"}. */
    HF8,
    /** Type 9, \( p_k = (3C_{k-1}/8 + 5C_k/8)/(W + w_{(n)}/4) \), interpolated; {@code "hf9"}. */
    HF9;

    /**
     * The quantile of n values sorted ascending (ties in their original order) with positive weights.
     *
     * @param x the sorted values; only the first n are read
     * @param w their weights, all positive
     * @param n how many, at least 1
     * @param p the probability
     */
    double quantile(double[] x, double[] w, int n, double p) {
        return quantiles(x, w, n, new double[] {p})[0];
    }

    /**
     * The quantiles at several probabilities, the cumulative weights (or interpolation points) made once for all.
     *
     * @param x the sorted values; only the first n are read
     * @param w their weights, all positive
     * @param n how many, at least 1
     * @param p the probabilities
     */
    double[] quantiles(double[] x, double[] w, int n, double[] p) {
        double[] q = new double[p.length];
        if (n == 1) {
            java.util.Arrays.fill(q, x[0]);
            return q;
        }
        switch (this) {
            case MATH, HF1, SCHOOL, HF2, HF4: {
                double[] c = cumulative(w, n);
                for (int j = 0; j < p.length; j++) {
                    q[j] = step(x, c, n, p[j]);
                }
                return q;
            }
            case HF3: {
                // ties merged, their weights added in their order (R's rowsum)
                double[] ux = new double[n];
                double[] uw = new double[n];
                int m = 0;
                for (int i = 0; i < n; i++) {
                    if (m > 0 && ux[m - 1] == x[i]) {
                        uw[m - 1] += w[i];
                    } else {
                        ux[m] = x[i];
                        uw[m++] = w[i];
                    }
                }
                double[] c = cumulative(uw, m);
                for (int j = 0; j < p.length; j++) {
                    q[j] = step(ux, c, m, p[j]);
                }
                return q;
            }
            case SHAH_VAISH: {
                double total = cumulative(w, n)[n - 1];
                double mean = total / n;
                double correction = 0;
                for (int i = 0; i < n; i++) {
                    correction += w[i] - mean;
                }
                mean += correction / n;
                double[] scaled = new double[n];
                for (int i = 0; i < n; i++) {
                    scaled[i] = w[i] / mean;
                }
                double[] s = cumulative(scaled, n);
                double[] pk = new double[n];
                for (int i = 0; i < n; i++) {
                    pk[i] = (s[i] + 0.5 - w[i] / 2) / (n + 1);
                }
                return interpolated(pk, x, n, p, false);
            }
            default: {
                double[] c = cumulative(w, n);
                double[] pk = new double[n];
                double total = c[n - 1];
                for (int i = 0; i < n; i++) {
                    double before = i == 0 ? 0 : c[i - 1];
                    pk[i] = switch (this) {
                        case HF5 -> (c[i] - w[i] / 2) / total;
                        case HF6 -> c[i] / (total + w[n - 1]);
                        case HF7 -> before / c[n - 2];
                        case HF8 -> (before / 3 + c[i] * 2 / 3) / (total + w[n - 1] / 3);
                        default -> (before * 3 / 8 + c[i] * 5 / 8) / (total + w[n - 1] / 4);
                    };
                }
                return interpolated(pk, x, n, p, true);
            }
        }
    }

    /** R's {@code approx(pk, x, p, rule = 2)} at each p, the points regularised once (see {@link #approx}). */
    private static double[] interpolated(double[] pk, double[] x, int n, double[] p, boolean linear) {
        boolean sorted = true;
        boolean ties = false;
        for (int k = 1; k < n; k++) {
            sorted &= pk[k - 1] <= pk[k];
            ties |= pk[k - 1] == pk[k];
        }
        double[] px = pk;
        double[] py = x;
        int m = n;
        if (!sorted || ties) {
            double[][] regular = regularised(pk, x, n, sorted);
            px = regular[0];
            py = regular[1];
            m = px.length;
        }
        double[] q = new double[p.length];
        for (int j = 0; j < p.length; j++) {
            q[j] = approx(px, py, m, p[j], linear);
        }
        return q;
    }

    /** The step rules on cumulative weights c (survey's {@code qs}). */
    private double step(double[] x, double[] c, int n, double p) {
        double total = c[n - 1];
        double target = p * total;
        // the last k with C_k <= pW, or the first if none (survey's last())
        int lo = 0;
        int hi = n - 1;
        int pos = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (c[mid] <= target) {
                pos = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        pos = Math.max(pos, 0);
        int next = pos == n - 1 ? pos : pos + 1;
        double low = p - c[pos] / total;
        double up = c[next] / total - p;
        return switch (this) {
            case MATH, HF1 -> low <= 0 ? x[pos] : x[next];
            case SCHOOL, HF2 -> low <= 0 ? (x[pos] + x[next]) / 2 : x[next];
            case HF3 -> low <= 0 && (pos + 1) % 2 == 0 ? x[pos] : x[next];
            default -> {
                double gamma = low / (up + low);
                yield x[pos] * (1 - gamma) + x[next] * gamma;
            }
        };
    }

    /**
     * Cumulative sums as R's {@code cumsum} gives them, which adds in extended precision: here compensated
     * (Neumaier), each partial sum rounded once.
     */
    static double[] cumulative(double[] w, int n) {
        double[] c = new double[n];
        double sum = 0;
        double error = 0;
        for (int i = 0; i < n; i++) {
            double t = sum + w[i];
            error += Math.abs(sum) >= Math.abs(w[i]) ? (sum - t) + w[i] : (w[i] - t) + sum;
            sum = t;
            c[i] = sum + error;
        }
        return c;
    }

    /**
     * R's {@code approx(pk, x, v, rule = 2)} on strictly increasing pk: linear, or constant from the left
     * ({@code f = 0}), the interval found by R's bisection.
     */
    private static double approx(double[] pk, double[] x, int n, double v, boolean linear) {
        int i = 0;
        int j = n - 1;
        if (v < pk[i]) {
            return x[0];
        }
        if (v > pk[j]) {
            return x[n - 1];
        }
        while (i < j - 1) {
            int ij = (i + j) / 2;
            if (v < pk[ij]) {
                j = ij;
            } else {
                i = ij;
            }
        }
        if (v == pk[j]) {
            return x[j];
        }
        if (v == pk[i]) {
            return x[i];
        }
        return linear ? x[i] + (x[j] - x[i]) * ((v - pk[i]) / (pk[j] - pk[i])) : x[i];
    }

    /**
     * approx's {@code regularize.values}: the points sorted by pk (stably, as R's order), points of equal pk
     * collapsed into one at the mean of their values ({@code ties = mean}). Shah and Vaish's probabilities need it:
     * they take off half the unscaled weight, so that they need not increase.
     */
    private static double[][] regularised(double[] pk, double[] x, int n, boolean sorted) {
        Integer[] order = new Integer[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
        }
        if (!sorted) {
            java.util.Arrays.sort(order, (a, b) -> Double.compare(pk[a], pk[b]));
        }
        double[] ux = new double[n];
        double[] uy = new double[n];
        int m = 0;
        int k = 0;
        while (k < n) {
            int end = k;
            while (end + 1 < n && pk[order[end + 1]] == pk[order[k]]) {
                end++;
            }
            double[] group = new double[end - k + 1];
            for (int j = k; j <= end; j++) {
                group[j - k] = x[order[j]];
            }
            ux[m] = pk[order[k]];
            uy[m++] = mean(group);
            k = end + 1;
        }
        return new double[][] {java.util.Arrays.copyOf(ux, m), java.util.Arrays.copyOf(uy, m)};
    }

    /** R's mean: the sum over n, corrected by the mean deviation from it. */
    private static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        double mean = sum / values.length;
        double correction = 0;
        for (double value : values) {
            correction += value - mean;
        }
        return mean + correction / values.length;
    }
}
