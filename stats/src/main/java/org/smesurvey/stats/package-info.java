/**
 * Computations on the catalogue: intervals, tests, harmonisation, standardisation, meta-analysis and
 * survey-design estimation (to come; see the project's issues).
 *
 * @since 0.1
 */
package org.smesurvey.stats;
