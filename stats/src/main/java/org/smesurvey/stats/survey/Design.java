package org.smesurvey.stats.survey;

/**
 * A sampling design that {@link SurveyEstimator} estimates on: a {@link SurveyDesign}, whose variances are Taylor
 * linearised from the strata and primary units, or a {@link ReplicateDesign}, whose variances are the spread of
 * the replicates. Every estimate (proportion, mean, total, overall or by domain, with missing answers and zero
 * weights) is available on both; the estimator asks the design only for the variance of its estimating
 * functions' totals.
 *
 * @since 0.1
 */
public sealed interface Design permits SurveyDesign, ReplicateDesign {

    /**
     * The number of respondents.
     *
     * @return n
     */
    int size();

    /**
     * A respondent's (full-sample) weight.
     *
     * @param i the respondent, from 0
     * @return the weight
     */
    double weight(int i);

    /**
     * The design degrees of freedom, survey's {@code degf}.
     *
     * @return the degrees of freedom
     */
    int degreesOfFreedom();
}
