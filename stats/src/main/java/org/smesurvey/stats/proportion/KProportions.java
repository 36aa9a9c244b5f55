package org.smesurvey.stats.proportion;

import java.util.Objects;
import org.smesurvey.stats.TestResult;
import org.smesurvey.stats.internal.Distributions;
import org.smesurvey.stats.internal.Checks;

/**
 * Several independent proportions at once, such as the adoption rates of size classes: are they equal, how
 * strongly do they differ, and do they rise with size?
 *
 * <p>References:
 * <ol>
 * <li>Fleiss, J. L., Levin, B. and Paik, M. C. (2003). <i>Statistical Methods for Rates and
 *     Proportions</i>, 3rd ed. Wiley, §9.2–9.3 (χ² for k proportions, test for trend).</li>
 * <li>Cramér, H. (1946). <i>Mathematical Methods of Statistics</i>. Princeton University Press, p. 282.</li>
 * <li>Armitage, P. (1955). Tests for linear trends in proportions and frequencies. <i>Biometrics</i> 11,
 *     375–386; Cochran, W. G. (1954). Some methods for strengthening the common χ² tests. <i>Biometrics</i>
 *     10, 417–451.</li>
 * <li>Agresti, A. (2002). <i>Categorical Data Analysis</i>, 2nd ed. Wiley, §3.4.1 (the linear-by-linear
 *     association statistic \( M^2 = (N-1)r^2 \)) and §5.3.5 (its relation to the Cochran–Armitage test).</li>
 * <li>Mantel, N. (1963). Chi-square tests with one degree of freedom; extensions of the Mantel–Haenszel
 *     procedure. <i>JASA</i> 58, 690–700. doi:10.1080/01621459.1963.10500879</li>
 * </ol>
 *
 * <p>Results agree with R 4.2 {@code prop.test}, {@code prop.trend.test}, vcd 1.4 {@code assocstats} and
 * coin 1.4 {@code lbl_test}; the tests quote the calls.
 *
 * @since 0.1
 */
public final class KProportions {
    private KProportions() {
    }

    /**
     * Pearson's χ² test that the {@code k} proportions are equal, on the k×2 table, {@code k - 1} degrees of
     * freedom, without continuity correction: R's {@code prop.test(x, n)} for {@code k > 2}.
     *
     * @param x the companies with the characteristic in each group
     * @param n the companies in each group
     * @return the χ² statistic and its p-value
     * @throws IllegalArgumentException if there are fewer than two groups, the arrays differ in length, a
     *         group has {@code n <= 0} or {@code x} outside [0, n], or all proportions are 0 or all are 1
     */
    public static TestResult homogeneity(int[] x, int[] n) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(n, "n");
        double statistic = chiSquare(x, n);
        return TestResult.of("Pearson χ² test of equal proportions", statistic, x.length - 1,
                Distributions.chiSquareUpperTail(statistic, x.length - 1));
    }

    /**
     * The k×2 table behind {@link #homogeneity(int[], int[])}: the test with the expected counts, Pearson and
     * standardised residuals that say which groups depart from equal proportions, as R's
     * {@code chisq.test(cbind(x, n - x), correct = FALSE)}.
     *
     * @param x the companies with the characteristic in each group
     * @param n the companies in each group
     * @return the table
     * @throws IllegalArgumentException as {@link #homogeneity(int[], int[])}
     */
    public static PearsonTable table(int[] x, int[] n) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(n, "n");
        TestResult test = homogeneity(x, n);
        int k = x.length;
        double total = 0;
        double yes = 0;
        for (int i = 0; i < k; i++) {
            total += n[i];
            yes += x[i];
        }
        double[][] observed = new double[k][];
        double[][] expected = new double[k][];
        double[] rowShare = new double[k];
        for (int i = 0; i < k; i++) {
            observed[i] = new double[] {x[i], n[i] - x[i]};
            expected[i] = new double[] {n[i] * yes / total, n[i] * (total - yes) / total};
            rowShare[i] = n[i] / total;
        }
        return new PearsonTable(test, observed, expected, rowShare, new double[] {yes / total, (total - yes) / total});
    }

    /**
     * Cramér's V of the k×2 table, \( \sqrt{χ^2 / N} \) (the minimum dimension less one is 1): 0 when the
     * proportions are equal, 1 when the groups separate completely.
     *
     * @param x the companies with the characteristic in each group
     * @param n the companies in each group
     * @return V, in [0, 1]
     * @throws IllegalArgumentException as {@link #homogeneity(int[], int[])}
     */
    public static double cramersV(int[] x, int[] n) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(n, "n");
        double total = 0;
        for (int size : n) {
            total += size;
        }
        return Math.sqrt(chiSquare(x, n) / total);
    }

    /**
     * The Cochran–Armitage χ² test for a linear trend of the proportions across ordered groups with these
     * scores (such as the midpoints of size bands), 1 degree of freedom: R's
     * {@code prop.trend.test(x, n, score)}.
     *
     * @param x the companies with the characteristic in each group
     * @param n the companies in each group
     * @param scores the groups' scores, not all equal
     * @return the χ² statistic and its p-value
     * @throws IllegalArgumentException if the arrays differ in length or have fewer than two groups, a group
     *         is invalid, a score is not finite, the scores are all equal, or all proportions are 0 or 1
     */
    public static TestResult trend(int[] x, int[] n, double[] scores) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(n, "n");
        Objects.requireNonNull(scores, "scores");
        check(x, n);
        if (scores.length != x.length) {
            throw new IllegalArgumentException(Checks.format("There are %d scores for %d groups", scores.length,
                    x.length));
        }
        double total = 0;
        double successes = 0;
        double meanScore = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(scores[i])) {
                throw new IllegalArgumentException("Score is not finite: " + scores[i]);
            }
            total += n[i];
            successes += x[i];
            meanScore += n[i] * scores[i];
        }
        meanScore /= total;
        double p = successes / total;
        double numerator = 0;
        double spread = 0;
        for (int i = 0; i < x.length; i++) {
            double centred = scores[i] - meanScore;
            numerator += centred * (x[i] - n[i] * p);
            spread += n[i] * centred * centred;
        }
        if (!(spread > 0)) {
            throw new IllegalArgumentException("The scores are all equal: there is no trend to test");
        }
        requireVariance(p);
        double statistic = numerator * numerator / (p * (1 - p) * spread);
        return TestResult.of("Chi-squared test for trend in proportions", statistic, 1,
                Distributions.chiSquareUpperTail(statistic, 1));
    }

    /**
     * The linear-by-linear association test of the 2×k table with ordered columns [4, 5]: with the groups'
     * scores \( s_j \) for the columns and 1 and 0 for the companies with and without the characteristic,
     * \[ M^2 = (N - 1)\,r^2, \qquad
     *    r^2 = \frac{\big(\sum_j (s_j - \bar s)(x_j - n_j\bar p)\big)^2}
     *               {N\bar p(1 - \bar p)\sum_j n_j(s_j - \bar s)^2}, \]
     * with \( r \) the correlation of the two scores over the N companies, \( \bar s = \sum_j n_js_j/N \)
     * and \( \bar p = \sum_j x_j/N \); χ² with 1 degree of freedom. It is the permutation (conditional) form
     * of the Cochran–Armitage statistic {@link #trend}, \( N r^2 \), and smaller by the factor
     * \( (N - 1)/N \): R's {@code coin::lbl_test} on the table with these column scores (its statistic is the
     * signed root), {@code (N - 1) * cor(u, v)^2} on the N companies.
     *
     * @param x the companies with the characteristic in each group
     * @param n the companies in each group
     * @param scores the groups' scores, not all equal
     * @return the χ² statistic \( M^2 \) and its p-value
     * @throws IllegalArgumentException as {@link #trend}
     */
    public static TestResult linearByLinear(int[] x, int[] n, double[] scores) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(n, "n");
        Objects.requireNonNull(scores, "scores");
        double cochranArmitage = trend(x, n, scores).statistic();
        double total = 0;
        for (int size : n) {
            total += size;
        }
        // trend() has checked the groups: two or more, each of n >= 1, so N >= 2 and N - 1 > 0.
        double statistic = cochranArmitage * (total - 1) / total;
        return TestResult.of("Linear-by-linear association test", statistic, 1,
                Distributions.chiSquareUpperTail(statistic, 1));
    }

    private static double chiSquare(int[] x, int[] n) {
        check(x, n);
        double total = 0;
        double successes = 0;
        for (int i = 0; i < x.length; i++) {
            total += n[i];
            successes += x[i];
        }
        double p = successes / total;
        requireVariance(p);
        double statistic = 0;
        for (int i = 0; i < x.length; i++) {
            double expected = n[i] * p;
            double d = x[i] - expected;
            statistic += d * d / expected + d * d / (n[i] - expected);
        }
        return statistic;
    }

    private static void check(int[] x, int[] n) {
        if (x.length != n.length || x.length < 2) {
            throw new IllegalArgumentException(Checks.format(
                    "Need at least two groups and as many counts as sizes: %d counts, %d sizes", x.length, n.length));
        }
        for (int i = 0; i < x.length; i++) {
            Checks.requireCounts(x[i], n[i]);
        }
    }

    private static void requireVariance(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("The test is undefined: the proportions are all 0 or all 1");
        }
    }
}
