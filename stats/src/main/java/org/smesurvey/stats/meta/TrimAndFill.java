package org.smesurvey.stats.meta;

import java.util.Arrays;
import java.util.Comparator;
import java.util.OptionalDouble;
import java.util.stream.IntStream;

/**
 * Duval and Tweedie's trim-and-fill: how many studies are missing on one side of the funnel, their mirror images,
 * and the model refitted with them, as metafor's {@code trimfill}, with its three estimators of the number
 * missing ({@link Estimator}).
 *
 * <p>The side is the one opposite to the sign of Egger's slope (left when the slope is positive). The studies
 * are ordered by effect size; the most extreme {@code k0} on the other side are trimmed, the model refitted
 * on the rest, and the signed ranks of the centred effects give a new \( k_0 \) by the estimator, rounded to the
 * nearest integer (half to even, as R), until \( k_0 \) no longer changes. The filled studies are \( 2\hat μ - y_i \) with the same variances. metafor
 * refits the filled data with z tests whatever the original model used; this refit keeps the analysis'
 * options.
 *
 * <p>Reference: Duval, S. and Tweedie, R. (2000). Trim and fill: a simple funnel-plot-based method of testing
 * and adjusting for publication bias in meta-analysis. <i>Biometrics</i> 56, 455–463.
 *
 * @param estimator the estimator of the number missing
 * @param missing the estimated number of missing studies, \( k_0 \)
 * @param missingStandardError its standard error
 * @param missingPValue for {@link Estimator#R0}, the probability of a rightmost run this long with no study
 *        missing, \( 2^{-(k_0 + 1)} \); empty for the other estimators
 * @param side "left" or "right": where the missing studies are
 * @param filled the studies with the filled ones appended (labelled "Filled 1", "Filled 2"…)
 * @param adjusted the model refitted on the filled studies
 * @since 0.1
 */
public record TrimAndFill(Estimator estimator, int missing, double missingStandardError, OptionalDouble missingPValue,
        String side, EffectSizes filled, MetaResult adjusted) {

    private static final int MAX_ROUNDS = 100;

    /**
     * Duval and Tweedie's estimators of the number of missing studies, from the signed ranks of the centred effect
     * sizes (\( S_r \), the sum of the positive ranks; \( γ^* \), the length of the rightmost run of positive
     * ranks).
     *
     * @since 0.1
     */
    public enum Estimator {
        /** \( L_0 = (4S_r - k(k+1))/(2k - 1) \), metafor's default. */
        L0,
        /** \( R_0 = γ^* - 1 \), with standard error \( \sqrt{2\max(0, R_0) + 2} \) and a p-value. */
        R0,
        /**
         * \( Q_0 = k - 1/2 - \sqrt{2k^2 - 4S_r + 1/4} \); undefined when the root's argument is negative, where
         * metafor stops with an error and this class throws.
         */
        Q0
    }

    /** Where the missing studies are imputed, metafor's {@code side}. */
    public enum Side {
        /** On the left of the funnel: small effects are missing. */
        LEFT,
        /** On the right: large effects are missing. */
        RIGHT
    }

    static TrimAndFill run(MetaAnalysis analysis, EffectSizes studies, Estimator estimator) {
        return run(analysis, studies, estimator, null);
    }

    /** The algorithm, with the side given or (null) chosen from the sign of Egger's slope. */
    static TrimAndFill run(MetaAnalysis analysis, EffectSizes studies, Estimator estimator, Side side) {
        java.util.Objects.requireNonNull(estimator, "estimator");
        int k = studies.size();
        if (k < 2) {
            throw new IllegalArgumentException("Trim-and-fill needs at least two studies");
        }
        double[] sei = new double[k];
        for (int i = 0; i < k; i++) {
            sei[i] = Math.sqrt(studies.vi(i));
        }
        boolean right;
        if (side == null) {
            double slope = analysis.withKnappHartung(false)
                    .fit(studies, Moderators.builder(k).numeric("sei", sei).build()).coefficient("sei").estimate();
            right = slope < 0;
        } else {
            right = side == Side.RIGHT;
        }
        double sign = right ? -1 : 1;
        Integer[] order = IntStream.range(0, k).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> sign * studies.yi(i)));
        double[] y = new double[k];
        int[] positions = new int[k];
        for (int j = 0; j < k; j++) {
            positions[j] = order[j];
            y[j] = sign * studies.yi(order[j]);
        }
        EffectSizes sorted = studies.subset(positions);
        MetaAnalysis zTests = analysis.withKnappHartung(false);
        int k0 = 0;
        int previous = -1;
        int rounds = 0;
        double beta = 0;
        double se = 0;
        while (k0 != previous) {
            if (++rounds > MAX_ROUNDS) {
                throw new IllegalStateException("Trim-and-fill did not converge in " + MAX_ROUNDS + " rounds");
            }
            previous = k0;
            beta = sign * zTests.fit(sorted.subset(IntStream.range(0, k - k0).toArray())).estimate();
            double[] centred = new double[k];
            for (int j = 0; j < k; j++) {
                centred[j] = y[j] - beta;
            }
            double[] ranks = firstRanksOfAbsolute(centred);
            double sr = 0;
            double largestNegative = 0;
            for (int j = 0; j < k; j++) {
                if (centred[j] > 0) {
                    sr += ranks[j];
                } else if (centred[j] < 0) {
                    largestNegative = Math.max(largestNegative, ranks[j]);
                }
            }
            double estimate;
            switch (estimator) {
                case R0 -> {
                    estimate = k - largestNegative - 1;
                    se = Math.sqrt(2 * Math.max(0, estimate) + 2);
                }
                case L0 -> {
                    estimate = (4 * sr - k * (k + 1.0)) / (2 * k - 1);
                    se = 4 * Math.sqrt(rankSumVariance(k, estimate)) / (2 * k - 1);
                }
                default -> {
                    double root = 2.0 * k * k - 4 * sr + 0.25;
                    if (!(root >= 0)) {
                        throw new IllegalStateException(String.format(java.util.Locale.ROOT, "Trim-and-fill's Q0"
                                + " estimator is undefined for these %d studies (2k² − 4S_r + 1/4 = %.4g < 0); use L0"
                                + " or R0", k, root));
                    }
                    estimate = k - 0.5 - Math.sqrt(root);
                    se = 2 * Math.sqrt(rankSumVariance(k, estimate))
                            / Math.sqrt((k - 0.5) * (k - 0.5) - estimate * (2 * k - estimate - 1));
                }
            }
            se = Math.max(0, se);
            k0 = (int) Math.max(0, Math.rint(estimate));
        }
        OptionalDouble p = estimator == Estimator.R0 ? OptionalDouble.of(Math.pow(0.5, k0 + 1)) : OptionalDouble.empty();
        if (k0 == 0) {
            return new TrimAndFill(estimator, 0, se, p, right ? "right" : "left", studies, analysis.fit(studies));
        }
        double[] fillY = new double[k0];
        double[] fillV = new double[k0];
        double[] fillN = new double[k0];
        String[] fillLabels = new String[k0];
        for (int j = 0; j < k0; j++) {
            int i = k - k0 + j;
            fillY[j] = sign * (2 * beta - y[i]);
            fillV[j] = sorted.vi(i);
            fillN[j] = sorted.ni(i);
            fillLabels[j] = "Filled " + (j + 1);
        }
        EffectSizes filled = studies.append(fillY, fillV, fillN, fillLabels);
        return new TrimAndFill(estimator, k0, se, p, right ? "right" : "left", filled, analysis.fit(filled));
    }

    /** The variance of \( S_r \) at \( k_0 \) missing (Duval and Tweedie 2000, eq. 5), for L0 and Q0. */
    private static double rankSumVariance(int k, double k0) {
        return (k * (k + 1.0) * (2 * k + 1) + 10 * Math.pow(k0, 3) + 27 * k0 * k0 + 17 * k0 - 18.0 * k * k0 * k0
                - 18.0 * k * k0 + 6.0 * k * k * k0) / 24;
    }

    /** Ranks of \( |x| \), ties in order of appearance: R's {@code rank(abs(x), ties.method = "first")}. */
    private static double[] firstRanksOfAbsolute(double[] x) {
        Integer[] order = IntStream.range(0, x.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> Math.abs(x[i])));
        double[] ranks = new double[x.length];
        for (int r = 0; r < order.length; r++) {
            ranks[order[r]] = r + 1;
        }
        return ranks;
    }

    /**
     * The result as metafor's {@code print(trimfill(...))} lays it out: the number of missing studies with its
     * standard error (and, for R0, the test that none is missing), then the refitted model.
     *
     * @return the text
     */
    public String summary() {
        String first = "Estimated number of missing studies on the " + side + " side:";
        String test = "Test of H0: no missing studies on the " + side + " side:";
        int width = Math.max(first.length(), missingPValue.isPresent() ? test.length() : 0) + 1;
        StringBuilder text = new StringBuilder("\n").append(first).append(" ".repeat(width - first.length()))
                .append(missing).append(" (SE = ").append(String.format(java.util.Locale.ROOT, "%.4f", missingStandardError))
                .append(")");
        missingPValue.ifPresent(p -> text.append('\n').append(test).append(" ".repeat(width - test.length()))
                .append("p-val ").append(p < 1e-4 ? "< .0001" : String.format(java.util.Locale.ROOT, "= %.4f", p)));
        return text.append('\n').append(adjusted.summary()).toString();
    }
}
