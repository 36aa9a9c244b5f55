/**
 * Design-based estimation and modelling from respondent-level survey data, with the results of R's survey package
 * 4.1: {@link org.smesurvey.stats.survey.RespondentReader} reads respondents (answers, categories, numbers,
 * replicate weights) from CSV or Tablesaw; {@link org.smesurvey.stats.survey.SurveyDesign} holds weights, strata,
 * clusters and the finite population correction; {@link org.smesurvey.stats.survey.SurveyEstimator} gives
 * proportions, means, totals and ratios overall and by domain, with Taylor-linearised standard errors and design
 * effects, {@code svyciprop}'s intervals and Rao–Scott tests, quantiles with their intervals
 * ({@link org.smesurvey.stats.survey.SurveyQuantiles}: {@code svyquantile}), and fits design-based regressions
 * ({@link org.smesurvey.stats.survey.SurveyRegression}: {@code svyglm}, {@code regTermTest}, predictions and
 * predictive margins); {@link org.smesurvey.stats.survey.DomainEstimates} carries the covariance of domains or of
 * several answers of the same respondents into their contrasts ({@code svyby(covmat = TRUE)}, {@code svycontrast});
 * {@link org.smesurvey.stats.survey.Calibration} post-stratifies, rakes, calibrates by the linear, raking and logit
 * distances with bounds to totals from a register, and trims weights;
 * {@link org.smesurvey.stats.survey.ReplicateDesign} gives the jackknives (JK1, JKn), balanced repeated
 * replication and Fay's method, the bootstrap, and replicate weights as offices deliver them — every estimator
 * above works on each. Domain estimates enter the meta-analysis through
 * {@link org.smesurvey.stats.survey.SurveyEstimate#toEffectiveSample()}.
 * Ordered answers (Likert items) have their proportional-odds regression,
 * {@link org.smesurvey.stats.survey.OrdinalRegression} ({@code svyolr}).
 *
 * <p>Everything is held in primitive arrays indexed by respondent; each statistic is one or two passes, in
 * parallel chunks for large samples, whatever the number of domains.
 *
 * <p>Example:
 * <pre>{@code
 * Respondents data = RespondentReader.builder().weight("weight").strata("band").clusters("psu")
 *         .answers("external").categories("band").build().read(Path.of("respondents.csv"));
 * SurveyEstimator estimator = SurveyEstimator.of(data.design());
 * DomainEstimates bySize = estimator.proportionsBy(data.answers("external"), data.categories("band"));
 * System.out.println(bySize.difference("10-249", "0-9"));   // carries the domains' covariance
 * }</pre>
 *
 * @since 0.1
 */
package org.smesurvey.stats.survey;
