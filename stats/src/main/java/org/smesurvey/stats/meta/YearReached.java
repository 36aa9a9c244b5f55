package org.smesurvey.stats.meta;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * When a fitted logit line reaches a share: the time \( t^* \) at which a meta-regression's fitted value for a
 * moderator row crosses \( \operatorname{logit} L \), with its delta-method standard error and Wald interval. With
 * \( c \) the row at time 0 and \( d \) its derivative in time (the unit vector of the time column),
 * \[ t^* = \frac{\operatorname{logit} L - c'\hat β}{d'\hat β}, \qquad
 *    \mathrm{se}(t^*) = \frac{\sqrt{g'V_βg}}{|d'\hat β|}, \quad g = c + t^*d, \]
 * the gradient of \( t^* \) in β being \( -g/d'\hat β \); the interval is \( t^* \pm c_α\,\mathrm{se} \) with the
 * model's critical value (normal, or t under Knapp–Hartung). The interval is symmetric and so only as good as the
 * linearisation: when the slope is not clearly away from 0 (its z below 3, say) Fieller's interval would be wider
 * and possibly unbounded.
 *
 * <p>References: Oehlert, G. W. (1992). A note on the delta method. <i>The American Statistician</i> 46, 27–29.
 * doi:10.1080/00031305.1992.10475842; Fieller, E. C. (1954). Some problems in interval estimation. <i>JRSS B</i>
 * 16, 175–185. doi:10.1111/j.2517-6161.1954.tb00159.x
 *
 * @param share the share L reached, in (0, 1)
 * @param estimate the time \( t^* \), in the time moderator's units (a year, or years from the centre it was
 *        given as)
 * @param standardError its delta-method standard error
 * @param lower the lower limit of its Wald interval
 * @param upper the upper limit
 * @param level the interval's confidence level
 * @since 0.2
 */
public record YearReached(double share, double estimate, double standardError, double lower, double upper,
        double level) {

    /**
     * Validates the result.
     *
     * @param share the share reached
     * @param estimate the time
     * @param standardError its standard error
     * @param lower the lower limit
     * @param upper the upper limit
     * @param level the confidence level
     * @throws IllegalArgumentException if the share is not in (0, 1), or the limits are not ordered
     */
    public YearReached {
        requireShare(share);
        if (!(lower <= upper)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "The limits are not ordered: %s > %s",
                    lower, upper));
        }
    }

    private static void requireShare(double share) {
        if (!(share > 0 && share < 1)) {
            throw new IllegalArgumentException("Share is not in (0, 1): " + share);
        }
    }

    /** The crossing for a fit's coefficients and covariance; see the class's formula. */
    static YearReached of(Moderators moderators, Optional<ProportionMeasure> measure, double[] beta, double[][] vb,
            double share, String time, double[] newmods, double critical, double level) {
        Objects.requireNonNull(time, "time");
        requireShare(share);
        measure.filter(m -> m != ProportionMeasure.PLO).ifPresent(m -> {
            throw new IllegalStateException("The year a share is reached needs a fit on the logit scale (PLO): this"
                    + " one is on " + m);
        });
        List<String> names = moderators.names();
        int t = names.indexOf(time);
        int first = moderators.hasIntercept() ? 1 : 0;
        if (t < first) {
            throw new IllegalArgumentException("No moderator column named " + time + "; the columns are "
                    + names.subList(first, names.size()));
        }
        double[] c = Prediction.row(moderators, newmods);
        c[t] = 0;
        double slope = beta[t];
        if (slope == 0) {
            throw new IllegalStateException("The fitted line does not change with " + time + ": it never reaches "
                    + share);
        }
        double estimate = (Math.log(share / (1 - share)) - Model.dot(c, beta)) / slope;
        double[] g = c.clone();
        g[t] = estimate;
        double se = Math.sqrt(Model.quadratic(vb, g, g)) / Math.abs(slope);
        return new YearReached(share, estimate, se, estimate - critical * se, estimate + critical * se, level);
    }
}
