/**
 * Charts of catalogue figures and statistical results, rendered headless to PNG and SVG (to come; see
 * the project's issues).
 *
 * @since 0.1
 */
package org.smesurvey.charts;
