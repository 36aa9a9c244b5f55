package org.smesurvey.stats.meta;

import java.util.List;
import org.smesurvey.stats.internal.Checks;
import org.smesurvey.stats.internal.Distributions;

/**
 * The profile of a variance component of a multilevel model, metafor's {@code profile(res, sigma2 = j)} as data:
 * the (restricted) log-likelihood over a grid of the component's values, every other component re-maximised at each
 * \[ \ell_p(σ_j^2) = \max_{σ_{-j}^2 \ge 0} \ell(σ_j^2, σ_{-j}^2), \]
 * with the fit's estimate and maximum, and the level below which the profile leaves the component's
 * profile-likelihood interval: \( \hat\ell - χ^2_{1,1-α}/2 \) (metafor's {@code plot(profile(res), cline = TRUE)}).
 * A profile that is flat shows a component the data barely identify. Immutable.
 *
 * <p>Reference: Viechtbauer, W. (2010). Conducting meta-analyses in R with the metafor package. <i>Journal of
 * Statistical Software</i> 36(3), 1–48. doi:10.18637/jss.v036.i03
 *
 * @since 0.2
 */
public final class LikelihoodProfile {

    private final String name;
    private final String factor;
    private final double estimate;
    private final double maximum;
    private final boolean restricted;
    private final double level;
    private final List<Point> points;

    LikelihoodProfile(String name, String factor, double estimate, double maximum, boolean restricted, double level,
            List<Point> points) {
        this.name = name;
        this.factor = factor;
        this.estimate = estimate;
        this.maximum = maximum;
        this.restricted = restricted;
        this.level = level;
        this.points = List.copyOf(points);
    }

    /**
     * One point of the profile.
     *
     * @param value the component's value, σ²
     * @param logLikelihood the (restricted) log-likelihood with the component held there, the others maximised
     * @since 0.2
     */
    public record Point(double value, double logLikelihood) {

        /**
         * Validates the point.
         *
         * @param value the component's value
         * @param logLikelihood the profiled log-likelihood
         * @throws IllegalArgumentException if the value is negative or NaN, or the log-likelihood NaN
         */
        public Point {
            if (!(value >= 0)) {
                throw new IllegalArgumentException("A variance component's value is not 0 or more: " + value);
            }
            Checks.requireNotNaN(logLikelihood, "log-likelihood");
        }
    }

    /**
     * metafor's name of the component.
     *
     * @return {@code sigma^2.1}, {@code sigma^2.2}, …
     */
    public String name() {
        return name;
    }

    /**
     * The random term the component belongs to.
     *
     * @return a crossed factor's name, {@code cluster} or {@code cluster/estimate}
     */
    public String factor() {
        return factor;
    }

    /**
     * The component's estimate, where the profile peaks.
     *
     * @return \( \hat σ_j^2 \)
     */
    public double estimate() {
        return estimate;
    }

    /**
     * The fit's (restricted) log-likelihood, the profile's maximum (metafor's {@code logLik(res)}).
     *
     * @return \( \hat\ell \)
     */
    public double maximum() {
        return maximum;
    }

    /**
     * Whether the likelihood is the restricted one (a REML fit) or the full one (ML).
     *
     * @return true for REML
     */
    public boolean restricted() {
        return restricted;
    }

    /**
     * The confidence level of {@link #threshold()}, the fit's.
     *
     * @return the level, in (0, 1)
     */
    public double level() {
        return level;
    }

    /**
     * The log-likelihood at which the profile crosses the bounds of the profile-likelihood interval,
     * \( \hat\ell - χ^2_{1,\mathrm{level}}/2 \).
     *
     * @return the threshold
     */
    public double threshold() {
        return maximum - Distributions.chiSquareQuantile(level, 1) / 2;
    }

    /**
     * The profile, in the order of the grid.
     *
     * @return the points
     */
    public List<Point> points() {
        return points;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "LikelihoodProfile[%s (%s), %d points, estimate %.6g, %s %.6g]",
                name, factor, points.size(), estimate, restricted ? "REML logLik" : "logLik", maximum);
    }
}
