/**
 * The adoption model: every published figure of a catalogue as an observation of adoption at a time, for a size
 * band, on an indicator, sampled somehow, in one multilevel meta-regression on the logit scale with figures
 * nested in studies ({@link org.smesurvey.stats.adoption.AdoptionData}, {@link org.smesurvey.stats.adoption.AdoptionModel}).
 *
 * <p>Example:
 * <pre>{@code
 * AdoptionModel.Fit fit = AdoptionModel.fit(AdoptionData.of(StudyCatalogue.bundled()));
 * System.out.println(GapDecomposition.of(fit, insee, bpifrance).summary());   // why 20 % against 70 %
 * AdoptionModel.Kind small = new AdoptionModel.Kind(SizeBand.of(10, 49), "social_media_any", NetworkScope.MIXED,
 *         Sampling.PROBABILITY, "FR", "unknown");
 * System.out.println(fit.predict(small, 2026).predictionAsProportion());
 * }</pre>
 *
 * @since 0.1
 */
package org.smesurvey.stats.adoption;
