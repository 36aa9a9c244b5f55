/**
 * Design-based estimation from respondent-level survey data — weights, strata, clusters, finite population
 * correction — with the results of R's survey package: {@link org.smesurvey.stats.survey.SurveyDesign} and
 * {@link org.smesurvey.stats.survey.SurveyEstimator}.
 *
 * @since 0.1
 */
package org.smesurvey.stats.survey;
