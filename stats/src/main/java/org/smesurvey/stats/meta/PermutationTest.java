package org.smesurvey.stats.meta;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import org.smesurvey.stats.TestResult;
import org.smesurvey.stats.internal.Formats;

/**
 * Permutation tests of a two-step fit's coefficients and moderators, as metafor's {@code permutest(res)}.
 *
 * <p><b>Without moderators</b> the effects are symmetric about 0 under \( H_0: μ = 0 \), so each study's sign
 * is flipped: there are \( 2^k \) sign patterns. <b>With moderators</b> the moderators are unrelated to the effects
 * under \( H_0 \), so the rows of the design are permuted among the studies, which keep their effects and variances:
 * there are \( k!/\prod_g n_g! \) distinct permutations for groups of \( n_g \) identical rows. Each permutation is
 * refitted as the model was (estimator, Knapp–Hartung, level), and the p-values are the shares of permutations
 * whose statistic is at least as extreme as the observed one, with metafor's tolerance
 * \( c = \sqrt{ε} \approx 1.49 \cdot 10^{-8} \):
 * \[ p_j = \frac{\#\{π : |z_j^{π}| \ge |z_j| - c\}}{\#π}, \qquad
 *    p_{Q_M} = \frac{\#\{π : Q_M^{π} \ge Q_M - c\}}{\#π}, \]
 * z the coefficient's z (or t) statistic and \( Q_M \) the moderators' omnibus statistic. A permutation whose fit
 * fails (an iterative estimator that does not converge) is left out, as metafor leaves it out.
 *
 * <p><b>Exact or random.</b> When the permutations are no more than the iterations asked for, all of them are run,
 * as metafor does (its {@code exact = TRUE}, or when they are fewer than {@code iter}); the p-values then agree
 * with metafor's to the last digit. Otherwise the first permutation is the observed data (so that no p-value is
 * 0, as in metafor) and the others are drawn from a {@link SplittableRandom} seeded by the caller: each study's
 * sign by {@code nextBoolean()}, or the rows by a Fisher–Yates shuffle. That is not R's random stream, so random
 * p-values do not match R's draw for draw: they are checked by their distribution (with 10,000 iterations, within
 * three binomial standard errors \( \sqrt{p(1-p)/10^4} \) of the exact p-value).
 *
 * <p>References:
 * <ol>
 * <li>Follmann, D. A. and Proschan, M. A. (1999). Valid inference in random effects meta-analysis.
 *     <i>Biometrics</i> 55, 732–737. doi:10.1111/j.0006-341X.1999.00732.x</li>
 * <li>Higgins, J. P. T. and Thompson, S. G. (2004). Controlling the risk of spurious findings from meta-regression.
 *     <i>Statistics in Medicine</i> 23, 1663–1682. doi:10.1002/sim.1752</li>
 * <li>Viechtbauer, W., López-López, J. A., Sánchez-Meca, J. and Marín-Martínez, F. (2015). A comparison of
 *     procedures to test for moderators in mixed-effects meta-regression models. <i>Psychological Methods</i> 20,
 *     360–374. doi:10.1037/met0000023</li>
 * </ol>
 *
 * <p>Instances are immutable.
 *
 * @since 0.3
 */
public final class PermutationTest {

    /** metafor's {@code comptol}, \( \sqrt{ε} \) of R's doubles. */
    static final double TOLERANCE = Math.sqrt(Math.ulp(1.0));
    /** The most permutations an exact test runs. */
    static final long MAX_EXACT = 1L << 24;

    private final FittedModel model;
    private final boolean exact;
    private final long permutations;
    private final double[] pValues;
    private final double moderatorPValue;

    private PermutationTest(FittedModel model, boolean exact, long permutations, double[] pValues,
            double moderatorPValue) {
        this.model = model;
        this.exact = exact;
        this.permutations = permutations;
        this.pValues = pValues;
        this.moderatorPValue = moderatorPValue;
    }

    /**
     * The exact test: every sign pattern or every distinct permutation of the rows, as metafor's
     * {@code permutest(res, exact = TRUE)}.
     *
     * @param model a two-step fit ({@link MetaResult} or {@link MetaRegression})
     * @return the test
     * @throws NullPointerException if {@code model} is null
     * @throws IllegalArgumentException if the model is not a two-step fit of this package, or it has more than
     *         2<sup>24</sup> permutations
     */
    public static PermutationTest exact(PooledModel model) {
        FittedModel fitted = requireFitted(model);
        BigInteger count = count(fitted);
        if (count.compareTo(BigInteger.valueOf(MAX_EXACT)) > 0) {
            throw new IllegalArgumentException("The exact test would need " + count + " permutations, more than "
                    + MAX_EXACT + ": draw random ones with PermutationTest.of(model, iterations, seed)");
        }
        return run(fitted, true, count.longValueExact(), 0);
    }

    /**
     * The test with at most {@code iterations} permutations, as metafor's {@code permutest(res, iter = ...)}: exact
     * when the permutations are no more than that, otherwise the observed data and {@code iterations - 1} random
     * permutations from {@code new SplittableRandom(seed)}.
     *
     * @param model a two-step fit ({@link MetaResult} or {@link MetaRegression})
     * @param iterations the number of permutations, at least 2 (metafor's default is 1000)
     * @param seed the seed of the random permutations
     * @return the test
     * @throws NullPointerException if {@code model} is null
     * @throws IllegalArgumentException if the model is not a two-step fit of this package, or {@code iterations}
     *         is below 2
     */
    public static PermutationTest of(PooledModel model, int iterations, long seed) {
        FittedModel fitted = requireFitted(model);
        if (iterations < 2) {
            throw new IllegalArgumentException("Number of iterations is below 2: " + iterations);
        }
        BigInteger count = count(fitted);
        if (count.compareTo(BigInteger.valueOf(iterations)) <= 0) {
            return run(fitted, true, count.longValueExact(), 0);
        }
        return run(fitted, false, iterations, seed);
    }

    /**
     * The number of distinct permutations of a model: \( 2^k \) sign patterns without moderators, \( k!/\prod_g
     * n_g! \) orders of the design's rows with moderators (metafor's {@code exact.iter}).
     *
     * @param model a two-step fit
     * @return the number
     * @throws NullPointerException if {@code model} is null
     * @throws IllegalArgumentException if the model is not a two-step fit of this package
     */
    public static BigInteger permutationCount(PooledModel model) {
        return count(requireFitted(model));
    }

    private static FittedModel requireFitted(PooledModel model) {
        Objects.requireNonNull(model, "model");
        if (!(model instanceof FittedModel fitted)) {
            throw new IllegalArgumentException("A permutation test refits a two-step fit (MetaResult or"
                    + " MetaRegression), not " + model.getClass().getSimpleName());
        }
        return fitted;
    }

    private static boolean interceptOnly(Fitted fit) {
        return fit.p == 1 && fit.moderators.hasIntercept();
    }

    private static BigInteger count(FittedModel model) {
        Fitted fit = model.fit;
        if (interceptOnly(fit)) {
            return BigInteger.ONE.shiftLeft(fit.k);
        }
        int[] groups = rowGroups(fit.moderators);
        int[] sizes = new int[fit.k];
        for (int g : groups) {
            sizes[g]++;
        }
        BigInteger count = factorial(fit.k);
        for (int size : sizes) {
            count = count.divide(factorial(size));
        }
        return count;
    }

    private static BigInteger factorial(int n) {
        BigInteger f = BigInteger.ONE;
        for (int i = 2; i <= n; i++) {
            f = f.multiply(BigInteger.valueOf(i));
        }
        return f;
    }

    /** Each row's group of identical rows, numbered from 0 in order of first appearance. */
    private static int[] rowGroups(Moderators moderators) {
        int k = moderators.studies();
        int[] group = new int[k];
        List<double[]> distinct = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            double[] row = moderators.rowArrayOf(i);
            int found = -1;
            for (int g = 0; g < distinct.size() && found < 0; g++) {
                found = Arrays.equals(distinct.get(g), row) ? g : -1;
            }
            if (found < 0) {
                distinct.add(row);
                found = distinct.size() - 1;
            }
            group[i] = found;
        }
        return group;
    }

    /** The statistics of one refit: each coefficient's z (or t) and \( Q_M \); null when the fit fails. */
    private static double[] statistics(Fitted fit, EffectSizes studies, Moderators moderators) {
        try {
            Fitted refit = new Fitted(fit.options, studies, moderators, false);
            double[] s = Arrays.copyOf(refit.statistic, refit.p + 1);
            s[refit.p] = refit.qm;
            return s;
        } catch (IllegalStateException e) {
            // An estimator that does not converge on this permutation: left out, as metafor's try() leaves it.
            return null;
        }
    }

    private static PermutationTest run(FittedModel model, boolean exact, long count, long seed) {
        Fitted fit = model.fit;
        int k = fit.k;
        int p = fit.p;
        boolean signs = interceptOnly(fit);
        double[] observed = Arrays.copyOf(fit.statistic, p + 1);
        observed[p] = fit.qm;
        long[] extreme = new long[p + 1];
        long used = 0;
        double[] y = fit.studies.yArray();
        double[] v = fit.studies.vArray();
        List<String> labels = List.of(fit.studies.labelArray());
        SplittableRandom random = exact ? null : new SplittableRandom(seed);
        int[] groups = signs ? null : rowGroups(fit.moderators);
        int[] arrangement = signs ? null : groups.clone();
        if (!signs) {
            Arrays.sort(arrangement);
        }
        for (long iteration = 0; iteration < count; iteration++) {
            double[] s;
            if (!exact && iteration == 0) {
                s = observed;
            } else if (signs) {
                double[] flipped = new double[k];
                for (int i = 0; i < k; i++) {
                    boolean negative = exact ? ((iteration >>> i) & 1) == 1 : random.nextBoolean();
                    flipped[i] = negative ? -y[i] : y[i];
                }
                s = statistics(fit, EffectSizes.of(flipped, v, labels), fit.moderators);
            } else {
                int[] rows = exact ? rowsOf(arrangement, groups) : shuffled(k, random);
                s = statistics(fit, fit.studies, fit.moderators.subset(rows));
                if (exact && iteration + 1 < count) {
                    nextPermutation(arrangement);
                }
            }
            if (s == null) {
                if (!exact) {
                    iteration--; // metafor draws again until a fit succeeds
                }
                continue;
            }
            used++;
            for (int j = 0; j < p; j++) {
                if (Math.abs(s[j]) >= Math.abs(observed[j]) - TOLERANCE) {
                    extreme[j]++;
                }
            }
            if (!signs && s[p] >= observed[p] - TOLERANCE) {
                extreme[p]++;
            }
        }
        if (used == 0) {
            throw new IllegalStateException("No permutation could be refitted");
        }
        double[] pValues = new double[p];
        for (int j = 0; j < p; j++) {
            pValues[j] = Math.min(1, extreme[j] / (double) used);
        }
        double moderator = signs || fit.qmDf == 0 ? Double.NaN : Math.min(1, extreme[p] / (double) used);
        return new PermutationTest(model, exact, used, pValues, moderator);
    }

    /** The rows that give each position its group, identical rows taken in their order. */
    private static int[] rowsOf(int[] arrangement, int[] groups) {
        int k = groups.length;
        int[] next = new int[k];
        int[][] members = new int[k][];
        int[] sizes = new int[k];
        for (int g : groups) {
            sizes[g]++;
        }
        for (int g = 0; g < k; g++) {
            members[g] = new int[sizes[g]];
        }
        int[] fill = new int[k];
        for (int i = 0; i < k; i++) {
            members[groups[i]][fill[groups[i]]++] = i;
        }
        int[] rows = new int[k];
        for (int i = 0; i < k; i++) {
            int g = arrangement[i];
            rows[i] = members[g][next[g]++];
        }
        return rows;
    }

    /** The next arrangement in lexicographic order (the multiset's permutations, each once). */
    private static void nextPermutation(int[] a) {
        int i = a.length - 2;
        while (i >= 0 && a[i] >= a[i + 1]) {
            i--;
        }
        if (i < 0) {
            return;
        }
        int j = a.length - 1;
        while (a[j] <= a[i]) {
            j--;
        }
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
        for (int l = i + 1, r = a.length - 1; l < r; l++, r--) {
            t = a[l];
            a[l] = a[r];
            a[r] = t;
        }
    }

    private static int[] shuffled(int k, SplittableRandom random) {
        int[] rows = new int[k];
        for (int i = 0; i < k; i++) {
            rows[i] = i;
        }
        for (int i = k - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = rows[i];
            rows[i] = rows[j];
            rows[j] = t;
        }
        return rows;
    }

    /**
     * The model tested.
     *
     * @return the fit
     */
    public PooledModel model() {
        return model;
    }

    /**
     * Whether every permutation was run.
     *
     * @return true for the exact test
     */
    public boolean exact() {
        return exact;
    }

    /**
     * The number of permutations the p-values rest on (those whose fit succeeded).
     *
     * @return the number, the observed data included
     */
    public long permutations() {
        return permutations;
    }

    /**
     * The coefficients as the model has them, each with its permutation p-value in place of the z (or t) test's.
     *
     * @return the coefficients, in the design's order
     */
    public List<Coefficient> coefficients() {
        List<Coefficient> original = model.coefficients();
        List<Coefficient> list = new ArrayList<>();
        for (int j = 0; j < original.size(); j++) {
            Coefficient c = original.get(j);
            list.add(new Coefficient(c.name(), c.estimate(), c.standardError(), c.statistic(), pValues[j], c.lower(),
                    c.upper()));
        }
        return List.copyOf(list);
    }

    /**
     * The permutation p-value of a coefficient.
     *
     * @param name the column, such as {@code intrcpt}
     * @return the share of permutations at least as extreme
     * @throws IllegalArgumentException if the model has no such column
     */
    public double pValue(String name) {
        List<String> names = model.fit.moderators.names();
        int j = names.indexOf(Objects.requireNonNull(name, "name"));
        if (j < 0) {
            throw new IllegalArgumentException("No coefficient named " + name + "; the columns are " + names);
        }
        return pValues[j];
    }

    /**
     * The moderators' omnibus test with its permutation p-value: the model's \( Q_M \) (χ² or F), metafor's
     * {@code QMp}.
     *
     * @return the test; empty without moderators
     */
    public Optional<TestResult> moderatorTest() {
        return model.moderatorTest().map(t -> new TestResult("Permutation test of moderators", t.statistic(),
                t.degreesOfFreedom(), t.denominatorDegreesOfFreedom(), moderatorPValue));
    }

    /**
     * The test as metafor 3.8's {@code print(permutest(res))} lays it out: the moderators' test, the coefficients
     * with the permutation p-values (marked ¹), and the legend.
     *
     * @return the text, lines separated by {@code \n}
     */
    public String summary() {
        Fitted fit = model.fit;
        boolean interceptOnly = interceptOnly(fit);
        boolean t = fit.options.knappHartung();
        List<String> lines = new ArrayList<>();
        lines.add("");
        moderatorTest().ifPresent(qm -> {
            int first = fit.moderators.hasIntercept() ? 2 : 1;
            lines.add("Test of Moderators (" + (first == fit.p ? "coefficient " + first
                    : "coefficients " + first + ":" + fit.p) + "):\u00b9");
            String statistic = t ? "F(df1 = " + Formats.number(qm.degreesOfFreedom().getAsDouble()) + ", df2 = "
                    + Formats.number(qm.denominatorDegreesOfFreedom().getAsDouble()) + ")"
                    : "QM(df = " + Formats.number(qm.degreesOfFreedom().getAsDouble()) + ")";
            lines.add(statistic + " = " + Formats.fixed(qm.statistic(), 4) + ", p-val "
                    + MetaforLayout.pValue(qm.pValue()));
            lines.add("");
        });
        List<String> headers = new ArrayList<>(List.of("estimate", "se", t ? "tval" : "zval"));
        if (t) {
            headers.add("df");
        }
        headers.addAll(List.of("pval\u00b9", "ci.lb", "ci.ub", ""));
        List<List<String>> rows = new ArrayList<>();
        for (Coefficient c : coefficients()) {
            List<String> row = new ArrayList<>(List.of(Formats.fixed(c.estimate(), 4),
                    Formats.fixed(c.standardError(), 4), Formats.fixed(c.statistic(), 4)));
            if (t) {
                row.add(Formats.number(fit.degreesOfFreedom));
            }
            row.addAll(List.of(Formats.pValueColumn(c.pValue()) + " ", Formats.fixed(c.lower(), 4),
                    Formats.fixed(c.upper(), 4), MetaforLayout.stars(c.pValue())));
            rows.add(row);
        }
        lines.add("Model Results:");
        lines.add("");
        lines.addAll(MetaforLayout.table(interceptOnly ? null : fit.moderators.names(), headers, rows));
        lines.add("");
        lines.add("---");
        lines.add(MetaforLayout.LEGEND);
        lines.add("");
        lines.add("1) p-value" + (interceptOnly ? "" : "s") + " based on permutation testing");
        lines.add("");
        return String.join("\n", lines);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "PermutationTest[%s, %d permutations, p-values %s]",
                exact ? "exact" : "random", permutations, Arrays.toString(pValues));
    }
}
