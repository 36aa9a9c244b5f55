package org.smesurvey.stats.survey;

/**
 * What to do with a stratum that has a single primary sampling unit, whose variance cannot be estimated: the
 * choices of R's {@code options(survey.lonely.psu = ...)}, with the same results.
 *
 * @since 0.1
 */
public enum LonelyPsu {
    /** Refuse, naming the stratum: survey's default, {@code "fail"}. */
    FAIL,
    /** The stratum adds nothing to the variance: {@code "remove"}. */
    REMOVE,
    /** The unit was sampled with certainty and adds nothing to the variance: {@code "certainty"}. */
    CERTAINTY,
    /**
     * The unit's total is centred at the grand mean (zero for the centred estimating functions) rather than at
     * its stratum's mean, a conservative choice: {@code "adjust"}.
     */
    ADJUST,
    /**
     * The stratum gets the average variance of the other strata: the sum over the strata that have one is
     * scaled by (all strata) / (strata with a variance), {@code "average"}. When every stratum holding an
     * estimate's respondents has a single unit there is no variance to average: survey gives NaN, the
     * {@link SurveyEstimator} refuses with an {@link IllegalArgumentException} naming the design or the domain.
     */
    AVERAGE
}
