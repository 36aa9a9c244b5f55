package org.smesurvey.stats.meta;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.smesurvey.stats.TestResult;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A meta-regression: metafor's {@code rma(yi, vi, mods = ...)}. Immutable.
 *
 * <p>The test of the moderators is \( Q_M = \hat β_m' V_m^{-1} \hat β_m \) over the coefficients other than
 * the intercept, χ² with m degrees of freedom, or \( Q_M/m \) against F(m, k − p) under Knapp–Hartung. The
 * share of heterogeneity the moderators account for is metafor's pseudo-R²,
 * \( \max(0, 100(\hat τ^2_{RE} - \hat τ^2_{ME})/\hat τ^2_{RE}) \), with \( \hat τ^2_{RE} \) from the model
 * without moderators (0 when that is 0); for an equal-effects model it is the adjusted R² of the weighted
 * regression.
 *
 * <p>Reference: Raudenbush, S. W. (2009). Analyzing effect sizes: random-effects models. In Cooper, Hedges and
 * Valentine (eds), <i>The Handbook of Research Synthesis and Meta-Analysis</i>, 2nd ed., 295–315.
 *
 * @since 0.1
 */
public final class MetaRegression extends FittedModel {

    private final Fitted empty;

    MetaRegression(Fitted fit, Fitted empty) {
        super(fit);
        this.empty = empty;
    }

    @Override
    public Optional<TestResult> moderatorTest() {
        return fit.moderatorTest();
    }

    /**
     * The design the model was fitted with.
     *
     * @return the moderators, with the intercept
     */
    public Moderators moderators() {
        return fit.moderators;
    }

    /**
     * The fitted value at moderator values, metafor's {@code predict(res, newmods)}: the values of the moderator
     * columns in the design's order (factor levels as their 0/1 columns), without the intercept.
     *
     * @param newmods the moderators' values
     * @return the fitted value with its confidence and prediction intervals
     * @throws IllegalArgumentException if the values are not as many as the moderator columns
     */
    public Prediction predict(double... newmods) {
        return Prediction.at(Prediction.row(fit.moderators, newmods), fit.beta, fit.vb, fit.tau2, fit.critical,
                fit.options.level());
    }

    /**
     * The time at which the fitted logit line for a moderator row reaches a share: \( t^* \) with
     * \( x(t^*)'\hat β = \operatorname{logit} L \), its delta-method standard error and Wald interval (see
     * {@link YearReached} for the formula). The row is given as {@link #predict(double...)} takes it, every moderator
     * column's value; the time column's own value is not used, the line running over all times.
     *
     * @param share the share L, in (0, 1)
     * @param time the name of the numeric time moderator, such as {@code year}
     * @param newmods the moderators' values, in the design's order, without the intercept
     * @return the time, in the time moderator's units, with its standard error and interval
     * @throws NullPointerException if {@code time} or {@code newmods} is null
     * @throws IllegalArgumentException if the share is not in (0, 1), no moderator column is named {@code time}, or
     *         the values are not as many as the moderator columns
     * @throws IllegalStateException if the fit is on another measure than the logit (effect sizes given without a
     *         measure are taken as logits), or its slope in time is 0
     * @since 0.2
     */
    public YearReached yearReached(double share, String time, double... newmods) {
        return YearReached.of(fit.moderators, fit.studies.measure(), fit.beta, fit.vb, share, time, newmods,
                fit.critical, fit.options.level());
    }

    /**
     * None: a meta-regression has no single pooled estimate.
     *
     * @return empty
     */
    @Override
    public Optional<Pooled> pooled() {
        return Optional.empty();
    }

    @Override
    public String summary() {
        return MetaforLayout.of(fit, r2());
    }

    /**
     * The coefficient of a column.
     *
     * @param name a column name
     * @return the coefficient
     * @throws IllegalArgumentException if the design has no such column
     */
    public Coefficient coefficient(String name) {
        return coefficients().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No moderator named " + name + "; the columns are "
                        + fit.moderators.names()));
    }

    /**
     * The share of heterogeneity the moderators account for, in percent (metafor's pseudo-R²).
     *
     * @return R², empty without an intercept or without moderators
     */
    public OptionalDouble r2() {
        if (empty == null) {
            return OptionalDouble.empty();
        }
        if (fit.options.estimator() == Tau2Estimator.EE) {
            return OptionalDouble.of(weightedAdjustedR2());
        }
        if (empty.tau2 == 0) {
            return OptionalDouble.of(0);
        }
        return OptionalDouble.of(Math.max(0, 100 * (empty.tau2 - fit.tau2) / empty.tau2));
    }

    /** The adjusted R² of the regression weighted by \( 1/v_i \), as R's {@code summary(lm(yi ~ X, weights))}. */
    private double weightedAdjustedR2() {
        Model m = fit.model;
        double sumW = 0;
        double mean = 0;
        for (int i = 0; i < m.k; i++) {
            sumW += 1 / m.v[i];
            mean += m.y[i] / m.v[i];
        }
        mean /= sumW;
        double total = 0;
        boolean constant = true;
        for (int i = 0; i < m.k; i++) {
            total += (m.y[i] - mean) * (m.y[i] - mean) / m.v[i];
            constant &= m.y[i] == m.y[0];
        }
        if (constant) {
            return 0;
        }
        double residual = m.wls(Model.weights(m.v, 0)).rss;
        double r2 = 1 - residual / total;
        double adjusted = 1 - (1 - r2) * (m.k - 1) / (m.k - m.p);
        return Math.max(0, 100 * adjusted);
    }

    /**
     * The coefficients as a table: {@code name, estimate, se, statistic, p_value, ci_lower, ci_upper}.
     *
     * @return the table
     */
    public Table toTable() {
        Table table = Table.create("meta-regression", StringColumn.create("name"), DoubleColumn.create("estimate"),
                DoubleColumn.create("se"), DoubleColumn.create("statistic"), DoubleColumn.create("p_value"),
                DoubleColumn.create("ci_lower"), DoubleColumn.create("ci_upper"));
        for (Coefficient c : coefficients()) {
            table.stringColumn("name").append(c.name());
            table.doubleColumn("estimate").append(c.estimate());
            table.doubleColumn("se").append(c.standardError());
            table.doubleColumn("statistic").append(c.statistic());
            table.doubleColumn("p_value").append(c.pValue());
            table.doubleColumn("ci_lower").append(c.lower());
            table.doubleColumn("ci_upper").append(c.upper());
        }
        return table;
    }
}
