/**
 * The report program, the project's main job: a catalogue turned into one self-contained HTML page
 * ({@link org.smesurvey.examples.report.Report}).
 *
 * @since 0.1
 */
package org.smesurvey.examples.report;
