/**
 * Runnable examples on the bundled catalogue of real published figures, and the main job's summary.
 *
 * @since 0.1
 */
package org.smesurvey.examples;
