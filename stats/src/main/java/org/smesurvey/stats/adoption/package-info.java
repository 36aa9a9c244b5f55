/**
 * The adoption model: every published figure of a catalogue as an observation of adoption at a time, for a size
 * band, on an indicator, sampled somehow, in one multilevel meta-regression on the logit scale with figures
 * nested in studies ({@link org.smesurvey.stats.adoption.AdoptionData}, {@link org.smesurvey.stats.adoption.AdoptionModel}).
 *
 * @since 0.1
 */
package org.smesurvey.stats.adoption;
