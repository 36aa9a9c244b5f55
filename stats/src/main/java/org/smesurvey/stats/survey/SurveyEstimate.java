package org.smesurvey.stats.survey;

import java.util.OptionalDouble;
import org.smesurvey.stats.EffectiveSample;
import org.smesurvey.stats.Interval;
import org.smesurvey.stats.internal.Checks;
import org.smesurvey.stats.internal.Distributions;

/**
 * A design-based estimate: a proportion (mean of a 0/1 answer) or a total, with its Taylor-linearised
 * standard error, design effect and degrees of freedom, over all respondents or within a domain.
 *
 * @param label what was estimated ("uses an external network", "FR / 10-49")
 * @param estimate the estimate
 * @param standardError its standard error
 * @param designEffect the variance over that of a simple random sample of the same size without
 *        replacement, survey's {@code deff = TRUE}; empty when the weights sum to less than the respondents
 * @param respondents the respondents the estimate rests on (the domain's)
 * @param degreesOfFreedom primary units minus strata among those respondents, survey's {@code degf}
 * @since 0.1
 */
public record SurveyEstimate(String label, double estimate, double standardError, OptionalDouble designEffect,
        int respondents, int degreesOfFreedom) {

    /**
     * The Wald interval \( \hat θ \pm t_{df} \mathrm{SE} \), survey's {@code confint(svymean(...), df = degf)}.
     *
     * @param level the confidence level, in (0, 1)
     * @return the interval
     * @throws IllegalArgumentException if the level is not in (0, 1)
     */
    public Interval confidenceInterval(double level) {
        double t = critical(level);
        return new Interval(estimate, estimate - t * standardError, estimate + t * standardError, level);
    }

    /** The critical value of the level: t on the degrees of freedom, the normal's when there are none. */
    double critical(double level) {
        Checks.requireOpenUnit(level, "level");
        return degreesOfFreedom > 0 ? Distributions.t(level, degreesOfFreedom) : Distributions.z(level);
    }

    /**
     * The simple random sample this proportion is worth, \( n_{eff} = p(1 - p)/\mathrm{SE}^2 \): how the estimate
     * enters a meta-analysis ({@code EffectSizes.of(measure, samples, labels)}) with its design-based precision.
     *
     * @return the effective sample
     * @throws IllegalArgumentException if the estimate is not a proportion in (0, 1) with a positive standard
     *         error
     */
    public EffectiveSample toEffectiveSample() {
        return EffectiveSample.fromStandardError(estimate, standardError);
    }
}
