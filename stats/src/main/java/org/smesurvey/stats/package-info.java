/**
 * What every family of computations shares: the result contracts ({@link org.smesurvey.stats.Interval},
 * {@link org.smesurvey.stats.SignificanceResult} and its value {@link org.smesurvey.stats.TestResult}) and the
 * binomial sample a figure is worth ({@link org.smesurvey.stats.EffectiveSample}). The computations live in the
 * subpackages: intervals and tests of proportions in {@code proportion}, then {@code comparability},
 * {@code harmonisation}, {@code meta}, {@code adoption} and {@code survey}.
 *
 * <p>Example:
 * <pre>{@code
 * import org.smesurvey.stats.Interval;
 * import org.smesurvey.stats.proportion.ProportionInterval;
 *
 * Interval wilson = ProportionInterval.WILSON.of(45, 120, 0.95);   // 45 of 120 companies, 95 %
 * System.out.println(wilson.summary());
 * }</pre>
 *
 * @since 0.1
 */
package org.smesurvey.stats;
