/**
 * Computations on the catalogue: intervals, tests, harmonisation, standardisation, meta-analysis and
 * survey-design estimation (to come; see the project's issues).
 *
 * <p>Example:
 * <pre>{@code
 * Interval wilson = ProportionInterval.WILSON.of(45, 120, 0.95);   // 45 of 120 companies, 95 %
 * System.out.println(wilson);
 * }</pre>
 *
 * @since 0.1
 */
package org.smesurvey.stats;
