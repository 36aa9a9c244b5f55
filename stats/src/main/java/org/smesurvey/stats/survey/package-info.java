/**
 * Design-based estimation from respondent-level survey data, with the results of R's survey package 4.1:
 * {@link org.smesurvey.stats.survey.RespondentReader} reads respondents from CSV or Tablesaw;
 * {@link org.smesurvey.stats.survey.SurveyDesign} holds weights, strata, clusters and the finite population
 * correction; {@link org.smesurvey.stats.survey.SurveyEstimator} gives proportions, means and totals overall
 * and by domain with Taylor-linearised standard errors and design effects, {@code svyciprop}'s intervals and
 * Rao–Scott tests; {@link org.smesurvey.stats.survey.Calibration} post-stratifies and rakes;
 * {@link org.smesurvey.stats.survey.ReplicateDesign} gives jackknife and bootstrap variances. Domain
 * estimates enter the meta-analysis through {@link org.smesurvey.stats.survey.SurveyEstimate#toEffectiveSample()}.
 *
 * <p>Everything is held in primitive arrays indexed by respondent; each statistic is one or two passes, in
 * parallel chunks for large samples, whatever the number of domains.
 *
 * @since 0.1
 */
package org.smesurvey.stats.survey;
