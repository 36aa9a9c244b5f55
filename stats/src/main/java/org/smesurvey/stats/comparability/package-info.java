/**
 * Whether two survey figures or studies can be compared, dimension by dimension, and which adjustment would
 * make them comparable.
 *
 * <p>Example:
 * <pre>{@code
 * ComparabilityReport report = ComparabilityCheck.withDefaults().compare(insee, bpifrance);
 * System.out.println(report.summary());          // what stands in the way, dimension by dimension
 * System.out.println(report.adjustments());      // and what would bring the figures closer
 * }</pre>
 *
 * @since 0.1
 */
package org.smesurvey.stats.comparability;
