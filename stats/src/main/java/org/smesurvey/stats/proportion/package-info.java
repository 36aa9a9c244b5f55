/**
 * Intervals and tests of proportions, from counts or effective samples: one proportion
 * ({@link org.smesurvey.stats.proportion.ProportionInterval}), the difference, ratio and odds ratio of two
 * ({@link org.smesurvey.stats.proportion.DifferenceInterval}, {@link org.smesurvey.stats.proportion.Ratios},
 * {@link org.smesurvey.stats.proportion.TwoProportionTest}, {@link org.smesurvey.stats.proportion.FisherExactTest}),
 * k of them and their trend ({@link org.smesurvey.stats.proportion.KProportions},
 * {@link org.smesurvey.stats.proportion.PearsonTable}), and the sample size a study needs
 * ({@link org.smesurvey.stats.proportion.StudyPlanning}). Each method agrees with R or statsmodels; intervals are
 * {@link org.smesurvey.stats.Interval}s and tests {@link org.smesurvey.stats.TestResult}s.
 *
 * <p>Example:
 * <pre>{@code
 * Interval wilson = ProportionInterval.WILSON.of(45, 120, 0.95);            // 45 of 120 companies, 95 %
 * Interval gap = DifferenceInterval.NEWCOMBE.of(30, 80, 1160, 2600, 0.95);  // 80 companies against 2,600
 * System.out.println(wilson.summary() + "\n" + gap.summary());
 * }</pre>
 *
 * @since 0.1
 */
package org.smesurvey.stats.proportion;
