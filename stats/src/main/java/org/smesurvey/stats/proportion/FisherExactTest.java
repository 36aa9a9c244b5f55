package org.smesurvey.stats.proportion;

import org.smesurvey.stats.Interval;
import org.smesurvey.stats.SignificanceResult;
import org.smesurvey.stats.internal.Checks;
import org.smesurvey.stats.internal.Formats;

import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.distribution.HypergeometricDistribution;

/**
 * Fisher's exact test of \( p_1 = p_2 \) on the 2×2 table of two groups, with the conditional
 * maximum-likelihood odds ratio and its exact interval.
 *
 * <p>Given the margins, the first cell \( x_1 \) follows a noncentral hypergeometric distribution whose
 * noncentrality is the odds ratio ψ. The two-sided p-value sums the probabilities (at ψ = 1) of the tables
 * no more likely than the one observed, with R's relative tolerance of 1e-7 for ties. The estimate is the ψ
 * whose mean is \( x_1 \) (0 or ∞ at the ends of the support); the interval's limits are the ψ at which
 * each one-sided p-value is \( (1 - \text{level})/2 \).
 *
 * <p>References:
 * <ol>
 * <li>Fisher, R. A. (1935). The logic of inductive inference. <i>JRSS</i> 98, 39–82.</li>
 * <li>Agresti, A. (2002). <i>Categorical Data Analysis</i>, 2nd ed. Wiley, §3.5 and §16.6 (conditional
 *     maximum likelihood and exact intervals).</li>
 * <li>R Core Team (2022). {@code fisher.test}, R 4.2: the algorithm followed here, whose root-finding
 *     tolerance ({@code .Machine$double.eps^0.25}) leaves its estimate and limits accurate to about 1e-3;
 *     here they are solved to about 1e-14.</li>
 * </ol>
 *
 * @since 0.1
 */
public final class FisherExactTest {

    private static final double TIE_TOLERANCE = 1 + 1e-7;
    private static final int MAX_EVALUATIONS = 10_000;

    private FisherExactTest() {
    }

    /**
     * The test's outcome. As a {@link SignificanceResult} its statistic is the conditional maximum-likelihood
     * odds ratio (what R's {@code fisher.test} reports as its estimate; an exact test has no other statistic), and
     * it has no degrees of freedom.
     *
     * @param pValue the two-sided p-value
     * @param oddsRatio the conditional maximum-likelihood odds ratio and its exact interval; the estimate
     *        and upper limit may be infinite
     * @since 0.1
     */
    public record Result(double pValue, Interval oddsRatio) implements SignificanceResult {
        /**
         * Validates the result.
         *
         * @param pValue the two-sided p-value
         * @param oddsRatio the odds ratio and its interval
         * @throws NullPointerException if the interval is null
         * @throws IllegalArgumentException if the p-value is not in [0, 1]
         */
        public Result {
            Checks.requireProportion(pValue, "p-value");
            Objects.requireNonNull(oddsRatio, "oddsRatio");
        }

        /**
         * The test's name.
         *
         * @return "Fisher's exact test"
         */
        @Override
        public String method() {
            return "Fisher's exact test";
        }

        /**
         * The conditional maximum-likelihood odds ratio.
         *
         * @return the odds ratio, perhaps 0 or infinite
         */
        @Override
        public double statistic() {
            return oddsRatio.estimate();
        }

        /**
         * None: the test is exact.
         *
         * @return empty
         */
        @Override
        public OptionalDouble degreesOfFreedom() {
            return OptionalDouble.empty();
        }

        /**
         * The result as one line, as R prints it: the p-value, then the odds ratio with its interval.
         *
         * @return the line
         */
        @Override
        public String summary() {
            return String.format(Locale.ROOT, "Fisher's exact test: p-value %s; odds ratio %s, %s %% CI [%s, %s]",
                    Formats.pValue(pValue), Formats.number(oddsRatio.estimate()),
                    Formats.number(100 * oddsRatio.level()), Formats.number(oddsRatio.lower()),
                    Formats.number(oddsRatio.upper()));
        }
    }

    /**
     * Tests \( p_1 = p_2 \) for {@code x1} of {@code n1} against {@code x2} of {@code n2}.
     *
     * @param x1 companies with the characteristic in the first group
     * @param n1 companies in the first group
     * @param x2 companies with the characteristic in the second group
     * @param n2 companies in the second group
     * @param level the confidence level of the odds ratio's interval, such as 0.95
     * @return the p-value and the odds ratio
     * @throws IllegalArgumentException if a group has {@code n <= 0} or {@code x} outside [0, n], or the level
     *         is not in (0, 1)
     */
    public static Result test(int x1, int n1, int x2, int n2, double level) {
        Checks.requireCounts(x1, n1);
        Checks.requireCounts(x2, n2);
        Checks.requireLevel(level);
        Noncentral d = new Noncentral(x1 + x2, n1 + n2 - x1 - x2, n1);
        double[] central = d.density(1);
        double observed = central[x1 - d.lo] * TIE_TOLERANCE;
        double p = 0;
        for (double probability : central) {
            if (probability <= observed) {
                p += probability;
            }
        }
        double alpha = (1 - level) / 2;
        Interval oddsRatio = new Interval(d.conditionalMle(x1), d.lowerLimit(x1, alpha), d.upperLimit(x1, alpha), level);
        return new Result(Math.min(1, p), oddsRatio);
    }

    /** The noncentral hypergeometric distribution of the first cell given the margins. */
    private static final class Noncentral {
        final int lo;
        final int hi;
        private final double[] logCentral;

        Noncentral(int successes, int failures, int firstGroup) {
            lo = Math.max(0, firstGroup - failures);
            hi = Math.min(firstGroup, successes);
            HypergeometricDistribution central =
                    new HypergeometricDistribution(null, successes + failures, successes, firstGroup);
            logCentral = new double[hi - lo + 1];
            for (int s = lo; s <= hi; s++) {
                logCentral[s - lo] = central.logProbability(s);
            }
        }

        double[] density(double ncp) {
            double[] d = new double[logCentral.length];
            if (ncp == 0) {
                d[0] = 1;
                return d;
            }
            double logNcp = Math.log(ncp);
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < d.length; i++) {
                d[i] = logCentral[i] + logNcp * (lo + i);
                max = Math.max(max, d[i]);
            }
            double sum = 0;
            for (int i = 0; i < d.length; i++) {
                d[i] = Math.exp(d[i] - max);
                sum += d[i];
            }
            for (int i = 0; i < d.length; i++) {
                d[i] /= sum;
            }
            return d;
        }

        double mean(double ncp) {
            double[] d = density(ncp);
            double mean = 0;
            for (int i = 0; i < d.length; i++) {
                mean += (lo + i) * d[i];
            }
            return mean;
        }

        /** P(X <= q) or, for the upper tail, P(X >= q). */
        double cdf(int q, double ncp, boolean upperTail) {
            double[] d = density(ncp);
            double sum = 0;
            for (int i = 0; i < d.length; i++) {
                int s = lo + i;
                if (upperTail ? s >= q : s <= q) {
                    sum += d[i];
                }
            }
            return sum;
        }

        double conditionalMle(int x) {
            if (x == lo) {
                return 0;
            }
            if (x == hi) {
                return Double.POSITIVE_INFINITY;
            }
            double mu = mean(1);
            return solveForNcp(t -> mean(t) - x, mu > x, mu == x);
        }

        double upperLimit(int x, double alpha) {
            if (x == hi) {
                return Double.POSITIVE_INFINITY;
            }
            double p = cdf(x, 1, false);
            return solveForNcp(t -> cdf(x, t, false) - alpha, p < alpha, p == alpha);
        }

        double lowerLimit(int x, double alpha) {
            if (x == lo) {
                return 0;
            }
            double p = cdf(x, 1, true);
            return solveForNcp(t -> cdf(x, t, true) - alpha, p > alpha, p == alpha);
        }

        /**
         * The root of {@code f} in (0, 1) when {@code belowOne}, else {@code 1/t} for the root {@code t} of
         * {@code f(1/t)} in (0, 1), as R's {@code fisher.test} does.
         */
        private static double solveForNcp(DoubleUnaryOperator f, boolean belowOne, boolean atOne) {
            if (atOne) {
                return 1;
            }
            BrentSolver solver = new BrentSolver(1e-15, Double.MIN_NORMAL);
            if (belowOne) {
                return solver.solve(MAX_EVALUATIONS, f::applyAsDouble, 0, 1);
            }
            return 1 / solver.solve(MAX_EVALUATIONS, t -> f.applyAsDouble(1 / t), Math.ulp(1.0), 1);
        }
    }
}
