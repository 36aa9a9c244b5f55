/**
 * Meta-analysis of proportions with the results of R's metafor 3.8: effect sizes of catalogue figures or survey
 * estimates ({@link org.smesurvey.stats.meta.EffectSizes}, {@link org.smesurvey.stats.meta.ProportionMeasure}),
 * equal- and random-effects models with eight estimators of τ² ({@link org.smesurvey.stats.meta.MetaAnalysis},
 * {@link org.smesurvey.stats.meta.MetaResult}), meta-regression, subgroups, leave-one-out, Egger's test and
 * trim-and-fill, selection models ({@link org.smesurvey.stats.meta.SelectionModel}), PET-PEESE
 * ({@link org.smesurvey.stats.meta.PetPeese}) and permutation tests ({@link org.smesurvey.stats.meta.PermutationTest});
 * multilevel models of figures nested in studies with random effects crossed with them, such as the
 * country ({@link org.smesurvey.stats.meta.MultilevelResult}, {@link org.smesurvey.stats.meta.CrossedFactor}).
 *
 * <p>Example:
 * <pre>{@code
 * EffectSizes studies = EffectSizes.of(ProportionMeasure.PLO, figures);   // figures with a base
 * MetaResult result = MetaAnalysis.withDefaults().fit(studies);              // REML, as metafor's rma
 * System.out.println(result.summary());
 * }</pre>
 *
 * @since 0.1
 */
package org.smesurvey.stats.meta;
