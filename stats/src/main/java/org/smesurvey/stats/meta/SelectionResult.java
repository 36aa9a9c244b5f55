package org.smesurvey.stats.meta;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.smesurvey.stats.Interval;
import org.smesurvey.stats.TestResult;
import org.smesurvey.stats.internal.Distributions;
import org.smesurvey.stats.internal.Formats;
import org.smesurvey.stats.internal.Matrices;

/**
 * A fitted step-function selection model ({@link SelectionModel}): what metafor's {@code selmodel(res, type =
 * "stepfun", ...)} returns and prints. Immutable.
 *
 * <p>The coefficients are the effects corrected for selection, with z tests and Wald intervals; τ² is the ML
 * estimate under selection; each interval of p-values has its weight \( δ_j \) (the first fixed at 1 unless all are
 * fixed), with a z test of \( δ_j = 1 \) and an interval cut at 0. The test of selection compares the
 * log-likelihood \( \ell \) with that of the model without selection \( \ell_0 \):
 * \( \mathrm{LRT} = \max(0, 2(\ell - \ell_0)) \) on as many degrees of freedom as weights are estimated.
 *
 * <p>Reference: Vevea, J. L. and Hedges, L. V. (1995). A general linear model for estimating effect size in the
 * presence of publication bias. <i>Psychometrika</i> 60, 419–435. doi:10.1007/BF02294384
 *
 * @since 0.3
 */
public final class SelectionResult {

    private final SelectionModel model;
    private final Fitted base;
    private final boolean equalEffects;
    private final List<Coefficient> coefficients;
    private final double[][] covariance;
    private final double tau2;
    private final OptionalDouble tau2StandardError;
    private final List<Weight> weights;
    private final double logLikelihood;
    private final double nullLogLikelihood;
    private final OptionalDouble homogeneousLogLikelihood;
    private final double[] pValues;
    private final int iterations;
    private final int estimatedWeights;

    /**
     * The weight of one interval of p-values.
     *
     * @param lower the interval's lower end (excluded)
     * @param upper its upper end (included)
     * @param studies the number of studies whose p-value lies there
     * @param estimate the weight \( δ_j \), the relative probability that such a study is published
     * @param fixed whether the weight was fixed rather than estimated
     * @param standardError its standard error; empty when fixed or on a bound
     * @param statistic the z statistic of \( δ_j = 1 \); empty with the standard error
     * @param pValue its two-sided p-value; empty with the standard error
     * @param confidence the Wald interval \( δ_j \pm z\,\mathrm{se} \), cut at 0; empty with the standard error
     * @since 0.3
     */
    public record Weight(double lower, double upper, int studies, double estimate, boolean fixed,
            OptionalDouble standardError, OptionalDouble statistic, OptionalDouble pValue,
            Optional<Interval> confidence) {

        /**
         * Validates the weight.
         *
         * @param lower the interval's lower end
         * @param upper its upper end
         * @param studies the number of studies there
         * @param estimate the weight
         * @param fixed whether it was fixed
         * @param standardError its standard error, if any
         * @param statistic its z statistic, if any
         * @param pValue its p-value, if any
         * @param confidence its interval, if any
         * @throws NullPointerException if an optional value is null
         */
        public Weight {
            Objects.requireNonNull(standardError, "standardError");
            Objects.requireNonNull(statistic, "statistic");
            Objects.requireNonNull(pValue, "pValue");
            Objects.requireNonNull(confidence, "confidence");
        }
    }

    SelectionResult(SelectionModel model, Fitted base, StepLikelihood likelihood, double[] theta, double logLikelihood,
            double nullLogLikelihood, OptionalDouble homogeneousLogLikelihood, double[] pValues, int[] counts,
            int iterations) {
        this.model = model;
        this.base = base;
        this.equalEffects = base.options.estimator() == Tau2Estimator.EE;
        this.logLikelihood = logLikelihood;
        this.nullLogLikelihood = nullLogLikelihood;
        this.homogeneousLogLikelihood = homogeneousLogLikelihood;
        this.pValues = pValues;
        this.iterations = iterations;
        Model m = base.model;
        int p = m.p;
        int n = likelihood.parameters();
        double[] steps = model.stepArray();
        double[] delta = likelihood.delta(theta);
        this.tau2 = likelihood.tau2(theta);

        // The Hessian over the parameters estimated and off their bounds (metafor 4.8 leaves τ², δ out below 1e-4).
        boolean[] interior = new boolean[n];
        for (int j = 0; j < p; j++) {
            interior[j] = true;
        }
        if (!equalEffects) {
            interior[p] = tau2 > 0;
        }
        int estimated = 0;
        for (int j = 0; j < steps.length; j++) {
            int index = likelihood.deltaIndex(j);
            if (index >= 0) {
                estimated++;
                interior[index] = delta[j] > 0 && delta[j] < SelectionModel.MAX_WEIGHT;
            }
        }
        this.estimatedWeights = estimated;
        double[][] hessian = likelihood.evaluate(theta, true).hessian;
        List<Integer> kept = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            if (interior[j]) {
                kept.add(j);
            }
        }
        double[][] negative = new double[kept.size()][kept.size()];
        for (int a = 0; a < kept.size(); a++) {
            for (int b = 0; b < kept.size(); b++) {
                negative[a][b] = -hessian[kept.get(a)][kept.get(b)];
            }
        }
        double[][] inverse = SelectionModel.Cholesky.inverse(negative);
        if (inverse == null) {
            throw new IllegalStateException("The selection model's Hessian cannot be inverted at its maximum: the"
                    + " estimates have no standard errors (too few studies in an interval?)");
        }
        double[][] full = new double[n][n];
        for (int a = 0; a < kept.size(); a++) {
            for (int b = 0; b < kept.size(); b++) {
                full[kept.get(a)][kept.get(b)] = inverse[a][b];
            }
        }
        // Back to the moderators as given: β = Aβ' is linear, so each column, then each row, goes through A.
        for (int c = 0; c < n; c++) {
            double[] column = new double[p];
            for (int r = 0; r < p; r++) {
                column[r] = full[r][c];
            }
            double[] raw = m.raw(column);
            for (int r = 0; r < p; r++) {
                full[r][c] = raw[r];
            }
        }
        for (int r = 0; r < n; r++) {
            double[] raw = m.raw(java.util.Arrays.copyOf(full[r], p));
            System.arraycopy(raw, 0, full[r], 0, p);
        }
        double[] beta = m.raw(java.util.Arrays.copyOf(theta, p));
        this.covariance = new double[p][p];
        for (int r = 0; r < p; r++) {
            System.arraycopy(full[r], 0, covariance[r], 0, p);
        }
        double level = base.options.level();
        double critical = Distributions.z(level);
        List<String> names = base.moderators.names();
        List<Coefficient> list = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            double se = Math.sqrt(covariance[j][j]);
            double z = beta[j] / se;
            list.add(new Coefficient(names.get(j), beta[j], se, z, Distributions.normalTwoSided(z),
                    beta[j] - critical * se, beta[j] + critical * se));
        }
        this.coefficients = List.copyOf(list);
        this.tau2StandardError = !equalEffects && interior[p] ? OptionalDouble.of(Math.sqrt(full[p][p]))
                : OptionalDouble.empty();
        List<Weight> ws = new ArrayList<>();
        for (int j = 0; j < steps.length; j++) {
            int index = likelihood.deltaIndex(j);
            double lower = j == 0 ? 0 : steps[j - 1];
            if (index >= 0 && interior[index]) {
                double se = Math.sqrt(full[index][index]);
                double z = (delta[j] - 1) / se;
                ws.add(new Weight(lower, steps[j], counts[j], delta[j], false, OptionalDouble.of(se),
                        OptionalDouble.of(z), OptionalDouble.of(Distributions.normalTwoSided(z)),
                        Optional.of(new Interval(delta[j], Math.max(0, delta[j] - critical * se),
                                delta[j] + critical * se, level))));
            } else {
                ws.add(new Weight(lower, steps[j], counts[j], delta[j], index < 0, OptionalDouble.empty(),
                        OptionalDouble.empty(), OptionalDouble.empty(), Optional.empty()));
            }
        }
        this.weights = List.copyOf(ws);
    }

    /** metafor's row name of an interval: {@code 0.025 < p <= 0.1}, the lower ends padded to one width. */
    static String intervalName(double[] steps, int j) {
        return name(j == 0 ? 0 : steps[j - 1]) + " < p <= " + name(steps[j]);
    }

    /** A number as R's {@code as.character}: up to 15 significant digits, no trailing zeros. */
    private static String name(double x) {
        return Formats.number(x, 15);
    }

    /**
     * The selection model fitted.
     *
     * @return its steps, tail and weights
     */
    public SelectionModel model() {
        return model;
    }

    /**
     * The number of studies.
     *
     * @return k
     */
    public int k() {
        return base.k;
    }

    /**
     * How τ² was estimated: {@link Tau2Estimator#ML} (under selection), or {@link Tau2Estimator#EE} for equal
     * effects.
     *
     * @return the estimator
     */
    public Tau2Estimator estimator() {
        return base.options.estimator();
    }

    /**
     * The confidence level of the intervals, the model's.
     *
     * @return the level
     */
    public double level() {
        return base.options.level();
    }

    /**
     * The coefficients corrected for selection, in the design's order: the intercept alone for a model without
     * moderators (the pooled effect), with z tests and Wald intervals.
     *
     * @return the coefficients
     */
    public List<Coefficient> coefficients() {
        return coefficients;
    }

    /**
     * The coefficient of a column.
     *
     * @param name a column name, such as {@code intrcpt}
     * @return the coefficient
     * @throws IllegalArgumentException if the design has no such column
     */
    public Coefficient coefficient(String name) {
        return coefficients.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("No coefficient named " + name + "; the columns are "
                        + base.moderators.names()));
    }

    /**
     * The covariance of the coefficients, metafor's {@code vcov(sel)}: that block of the inverse of the negative
     * Hessian of the log-likelihood.
     *
     * @return a copy, p × p, in the order of {@link #coefficients()}
     */
    public double[][] covariance() {
        return Matrices.copy(covariance);
    }

    /**
     * The (residual) between-study variance under selection.
     *
     * @return τ², 0 for equal effects
     */
    public double tau2() {
        return tau2;
    }

    /**
     * The standard error of τ², from the Hessian.
     *
     * @return it; empty for equal effects or a τ² of 0 (on its bound)
     */
    public OptionalDouble tau2StandardError() {
        return tau2StandardError;
    }

    /**
     * The weights, one per interval of p-values, in the order of the steps.
     *
     * @return the weights
     */
    public List<Weight> weights() {
        return weights;
    }

    /**
     * The studies' p-values, in their order, as the model computes them (one-sided unless two-sided was asked).
     *
     * @return the p-values
     */
    public List<Double> studyPValues() {
        return java.util.Arrays.stream(pValues).boxed().toList();
    }

    /**
     * The log-likelihood at the estimates, metafor's {@code logLik(sel)}.
     *
     * @return \( \ell \)
     */
    public double logLikelihood() {
        return logLikelihood;
    }

    /**
     * The log-likelihood of the model without selection (the ML or equal-effects fit), metafor's {@code sel$ll0}.
     *
     * @return \( \ell_0 \)
     */
    public double nullLogLikelihood() {
        return nullLogLikelihood;
    }

    /**
     * The likelihood-ratio statistic of selection, \( \max(0, 2(\ell - \ell_0)) \), metafor's {@code sel$LRT}.
     *
     * @return the statistic
     */
    public double selectionStatistic() {
        return Math.max(0, -2 * (nullLogLikelihood - logLikelihood));
    }

    /**
     * The likelihood-ratio test of selection, that every estimated weight is 1: χ² on as many degrees of freedom as
     * weights are estimated, metafor's {@code LRT}, {@code LRTdf} and {@code LRTp}.
     *
     * @return the test; empty when every weight is fixed (metafor prints it with 0 degrees of freedom and no p-value)
     */
    public Optional<TestResult> selectionTest() {
        if (estimatedWeights == 0) {
            return Optional.empty();
        }
        double lrt = selectionStatistic();
        return Optional.of(TestResult.of("Likelihood-ratio test for selection model parameters", lrt,
                estimatedWeights, Distributions.chiSquareUpperTail(lrt, estimatedWeights)));
    }

    /**
     * The likelihood-ratio test of \( τ^2 = 0 \) under selection (the weights estimated again at τ² = 0): χ² on
     * one degree of freedom, metafor's {@code LRT.tau2}.
     *
     * @return the test; empty for equal effects
     */
    public Optional<TestResult> heterogeneityTest() {
        if (homogeneousLogLikelihood.isEmpty()) {
            return Optional.empty();
        }
        double lrt = Math.max(0, -2 * (homogeneousLogLikelihood.getAsDouble() - logLikelihood));
        return Optional.of(TestResult.of(coefficients.size() == 1 && base.moderators.hasIntercept()
                ? "Test for heterogeneity" : "Test for residual heterogeneity", lrt, 1,
                Distributions.chiSquareUpperTail(lrt, 1)));
    }

    /**
     * The Wald test of the moderators, every coefficient but the intercept: \( Q_M = b'V^{-1}b \), χ² on their
     * number, metafor's {@code QM}.
     *
     * @return the test; empty without moderators
     */
    public Optional<TestResult> moderatorTest() {
        int first = base.moderators.hasIntercept() ? 1 : 0;
        int m = coefficients.size() - first;
        if (m == 0) {
            return Optional.empty();
        }
        double[][] block = new double[m][m];
        double[] b = new double[m];
        for (int r = 0; r < m; r++) {
            b[r] = coefficients.get(first + r).estimate();
            for (int c = 0; c < m; c++) {
                block[r][c] = covariance[first + r][first + c];
            }
        }
        double[] solved = SelectionModel.Cholesky.solve(block, b, 0);
        if (solved == null) {
            return Optional.empty();
        }
        double qm = 0;
        for (int r = 0; r < m; r++) {
            qm += b[r] * solved[r];
        }
        return Optional.of(TestResult.of("Test of moderators", qm, m, Distributions.chiSquareUpperTail(qm, m)));
    }

    /**
     * The fit statistics as metafor's {@code fitstats(sel)}: with q the coefficients, τ² unless equal effects and the
     * weights estimated, deviance \( -2\ell \), AIC, BIC and AICc on k studies.
     *
     * @return the statistics (the full likelihood)
     */
    public FitStatistics fitStatistics() {
        int q = coefficients.size() + (equalEffects ? 0 : 1) + estimatedWeights;
        int k = base.k;
        double m = Math.max(k, q + 2);
        return new FitStatistics(false, logLikelihood, -2 * logLikelihood, -2 * logLikelihood + 2 * q,
                -2 * logLikelihood + q * Math.log(k), -2 * logLikelihood + 2 * q * m / (m - q - 1));
    }

    /**
     * The number of Newton steps the maximisation took.
     *
     * @return the iterations
     */
    public int iterations() {
        return iterations;
    }

    /**
     * The model as metafor 3.8's {@code print(sel)} lays it out: the model and k, τ² with its standard error, the
     * likelihood-ratio test of heterogeneity, the moderators' test, the coefficients, the test of selection and the
     * table of the intervals with their number of studies and weights ({@code ---} where a weight is fixed).
     * metafor 4.8 prints the same, the τ² lines of a model with moderators aside (their labels are padded less).
     *
     * @return the text, lines separated by {@code \n}
     */
    public String summary() {
        boolean interceptOnly = coefficients.size() == 1 && base.moderators.hasIntercept();
        List<String> lines = new ArrayList<>();
        lines.add("");
        if (equalEffects) {
            lines.add((interceptOnly ? "Equal-Effects Model" : "Fixed-Effects with Moderators Model") + " (k = "
                    + k() + ")");
        } else {
            lines.add((interceptOnly ? "Random-Effects Model" : "Mixed-Effects Model") + " (k = " + k()
                    + "; tau^2 estimator: ML)");
        }
        lines.add("");
        if (!equalEffects) {
            String se = tau2StandardError.isPresent() ? " (SE = " + Formats.fixed(tau2StandardError.getAsDouble(), 4)
                    + ")" : "";
            String shown = Formats.fixed(tau2 <= Math.ulp(1.0) * 10 ? 0 : tau2, tau2 <= Math.ulp(1.0) * 10 ? 0 : 4);
            String root = Formats.fixed(Math.sqrt(tau2), tau2 <= Math.ulp(1.0) * 10 ? 0 : 4);
            if (interceptOnly) {
                lines.add("tau^2 (estimated amount of total heterogeneity): " + shown + se);
                lines.add("tau (square root of estimated tau^2 value):      " + root);
            } else {
                lines.add("tau^2 (estimated amount of residual heterogeneity):     " + shown + se);
                lines.add("tau (square root of estimated tau^2 value):             " + root);
            }
            lines.add("");
        }
        heterogeneityTest().ifPresent(test -> {
            lines.add(interceptOnly ? "Test for Heterogeneity:" : "Test for Residual Heterogeneity:");
            lines.add("LRT(df = 1) = " + Formats.fixed(test.statistic(), 4) + ", p-val "
                    + MetaforLayout.pValue(test.pValue()));
            lines.add("");
        });
        moderatorTest().ifPresent(test -> {
            int first = base.moderators.hasIntercept() ? 2 : 1;
            int p = coefficients.size();
            lines.add("Test of Moderators (" + (first == p ? "coefficient " + first
                    : "coefficients " + first + ":" + p) + "):");
            lines.add("QM(df = " + (int) test.degreesOfFreedom().getAsDouble() + ") = "
                    + Formats.fixed(test.statistic(), 4) + ", p-val " + MetaforLayout.pValue(test.pValue()));
            lines.add("");
        });
        lines.add("Model Results:");
        lines.add("");
        lines.addAll(MetaforLayout.table(coefficients, interceptOnly ? null : base.moderators.names(),
                OptionalDouble.empty()));
        lines.add("");
        lines.add("Test for Selection Model Parameters:");
        lines.add("LRT(df = " + estimatedWeights + ") = " + Formats.fixed(selectionStatistic(), 4) + ", p-val "
                + selectionTest().map(t -> MetaforLayout.pValue(t.pValue())).orElse("= NA"));
        lines.add("");
        lines.add("Selection Model Results:");
        lines.add("");
        lines.addAll(weightTable());
        lines.add("");
        lines.add("---");
        lines.add(MetaforLayout.LEGEND);
        lines.add("");
        return String.join("\n", lines);
    }

    /** The intervals' table: row names padded as metafor pads the lower ends, {@code ---} where there is no value. */
    private List<String> weightTable() {
        double[] steps = model.stepArray();
        int lowerWidth = 0;
        for (int j = 0; j < steps.length; j++) {
            lowerWidth = Math.max(lowerWidth, name(j == 0 ? 0 : steps[j - 1]).length());
        }
        List<String> names = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (int j = 0; j < steps.length; j++) {
            String lower = name(j == 0 ? 0 : steps[j - 1]);
            names.add(lower + " ".repeat(lowerWidth - lower.length()) + " < p <= " + name(steps[j]));
            Weight w = weights.get(j);
            String none = w.fixed() ? "---" : "NA";
            List<String> row = new ArrayList<>();
            row.add(Integer.toString(w.studies()));
            row.add(Formats.fixed(w.estimate(), 4));
            row.add(w.standardError().isPresent() ? Formats.fixed(w.standardError().getAsDouble(), 4) : none);
            row.add(w.statistic().isPresent() ? Formats.fixed(w.statistic().getAsDouble(), 4) : none);
            row.add(w.pValue().isPresent() ? Formats.pValueColumn(w.pValue().getAsDouble()) : none);
            row.add(w.confidence().isPresent() ? Formats.fixed(w.confidence().orElseThrow().lower(), 4) : none);
            row.add(w.confidence().isPresent() ? Formats.fixed(w.confidence().orElseThrow().upper(), 4) : none);
            row.add(w.pValue().isPresent() ? MetaforLayout.stars(w.pValue().getAsDouble()) : "");
            rows.add(row);
        }
        return MetaforLayout.table(names, List.of("k", "estimate", "se", "zval", "pval", "ci.lb", "ci.ub", ""), rows);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "SelectionResult[k=%d, %s, %s, tau2=%.6g, LRT=%.6g (df %d)]", k(),
                estimator(), coefficients.get(0), tau2, selectionStatistic(), estimatedWeights);
    }
}
