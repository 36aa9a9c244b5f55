/**
 * The adoption model: every published figure of a catalogue as an observation of adoption at a time, for a size
 * band (a mixture of size classes), in a country, on an indicator, from official statistics or a private survey, in
 * one diffusion meta-regression on the logit scale with countries crossed with studies and figures nested in studies
 * ({@link org.smesurvey.stats.adoption.AdoptionData}, {@link org.smesurvey.stats.adoption.AdoptionModel}); how well it
 * predicts the studies it has not seen ({@link org.smesurvey.stats.adoption.CrossValidation}); why two figures
 * differ ({@link org.smesurvey.stats.adoption.GapDecomposition}) and two studies' size profiles
 * ({@link org.smesurvey.stats.adoption.ProfileGap}).
 *
 * <p>Example:
 * <pre>{@code
 * AdoptionModel.Fit fit = AdoptionModel.fit(AdoptionData.of(Bundled.catalogue()));
 * System.out.println(fit.crossValidation().summary());                        // tested on studies it has not seen
 * System.out.println(GapDecomposition.of(fit, bpifrance, insee).summary());   // why 70 % against 20 %
 * AdoptionModel.Question small = AdoptionModel.Question.builder().band(SizeBand.of(10, 49))
 *         .region(Region.of("FR")).year(2026).build();                        // official statistics, any social media
 * System.out.println(fit.predict(small).prediction());                        // where a new study's figure would fall
 * System.out.println(fit.yearReaching(small, 0.5).estimate());                // the year half of them are on
 * }</pre>
 *
 * @since 0.1
 */
package org.smesurvey.stats.adoption;
