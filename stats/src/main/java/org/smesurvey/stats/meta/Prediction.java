package org.smesurvey.stats.meta;

import java.util.Objects;
import org.smesurvey.stats.Interval;

/**
 * A model's prediction at given moderator values, as metafor's {@code predict(res, newmods)}: the fitted value
 * \( \hat μ = x_0'\hat β \) with \( \mathrm{se} = \sqrt{x_0'V_βx_0} \), its confidence interval
 * \( \hat μ \pm c\,\mathrm{se} \), and the prediction interval \( \hat μ \pm c\sqrt{\mathrm{se}^2 + τ^2} \) where a
 * new study's true effect is expected (τ² the residual heterogeneity; the sum of the variance components of a
 * multilevel model); c is the normal quantile, or t's under Knapp–Hartung.
 *
 * @param standardError the standard error of the fitted value
 * @param confidence the fitted value and its confidence interval
 * @param prediction the fitted value and its prediction interval
 * @since 0.1
 */
public record Prediction(double standardError, Interval confidence, Interval prediction) {

    /**
     * Validates the prediction.
     *
     * @param standardError the standard error of the fitted value
     * @param confidence the fitted value and its confidence interval
     * @param prediction the fitted value and its prediction interval
     * @throws NullPointerException if an interval is null
     */
    public Prediction {
        Objects.requireNonNull(confidence, "confidence");
        Objects.requireNonNull(prediction, "prediction");
    }

    /**
     * The confidence interval back on the proportion scale, for a logit model: the expit of the fitted value and
     * of each limit.
     *
     * @return the fitted proportion with its confidence interval
     */
    public Interval confidenceAsProportion() {
        return expit(confidence);
    }

    /**
     * The prediction interval back on the proportion scale, for a logit model.
     *
     * @return the fitted proportion with its prediction interval
     */
    public Interval predictionAsProportion() {
        return expit(prediction);
    }

    private static Interval expit(Interval i) {
        return new Interval(1 / (1 + Math.exp(-i.estimate())), 1 / (1 + Math.exp(-i.lower())),
                1 / (1 + Math.exp(-i.upper())), i.level());
    }

    /** The prediction at {@code row} (a full design row) from coefficients, their covariance and τ². */
    static Prediction at(double[] row, double[] beta, double[][] vb, double tau2, double critical, double level) {
        double estimate = 0;
        double variance = 0;
        for (int a = 0; a < row.length; a++) {
            estimate += row[a] * beta[a];
            for (int b = 0; b < row.length; b++) {
                variance += row[a] * vb[a][b] * row[b];
            }
        }
        double se = Math.sqrt(variance);
        double half = critical * se;
        double wide = critical * Math.sqrt(variance + tau2);
        return new Prediction(se, new Interval(estimate, estimate - half, estimate + half, level),
                new Interval(estimate, estimate - wide, estimate + wide, level));
    }

    /** A full design row from metafor's {@code newmods}: the moderators' values, the intercept's 1 put first. */
    static double[] row(Moderators moderators, double[] newmods) {
        Objects.requireNonNull(newmods, "newmods");
        int p = moderators.columns();
        int first = moderators.hasIntercept() ? 1 : 0;
        if (newmods.length != p - first) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "The model has %d moderator"
                    + " columns %s; %d values were given", p - first,
                    moderators.names().subList(first, p), newmods.length));
        }
        double[] row = new double[p];
        if (first == 1) {
            row[0] = 1;
        }
        System.arraycopy(newmods, 0, row, first, newmods.length);
        return row;
    }
}
