/**
 * Size-class harmonisation and direct standardisation: figures for some size bands re-weighted by the
 * enterprises of a reference population, onto another band or another population's mix.
 *
 * <p>Example:
 * <pre>{@code
 * // a study's figures by size class, re-expressed for 10-249 employees with the country's enterprises as weights
 * List<SizeFigure> figures = observations.stream().map(SizeFigure::of).toList();
 * Reweighted sme = SizeHarmonisation.reexpress(figures, SizeBand.of(10, 249), population);
 * }</pre>
 *
 * @since 0.1
 */
package org.smesurvey.stats.harmonisation;
