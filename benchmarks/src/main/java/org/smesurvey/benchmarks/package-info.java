/**
 * JMH benchmarks run beside R on the same data by benchmarks/run.sh; the results are in docs/performance.md.
 *
 * @since 0.1
 */
package org.smesurvey.benchmarks;
