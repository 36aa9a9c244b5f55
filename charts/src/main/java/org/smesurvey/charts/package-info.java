/**
 * Charts of catalogue figures and statistical results, drawn with JFreeChart and written headless to PNG and
 * SVG: {@link org.smesurvey.charts.ForestPlot}, {@link org.smesurvey.charts.FunnelPlot},
 * {@link org.smesurvey.charts.SizeProfileChart}, {@link org.smesurvey.charts.TrendChart} and
 * {@link org.smesurvey.charts.ComparabilityMap} each make a {@link org.smesurvey.charts.Chart} from their data
 * and a {@link org.smesurvey.charts.ChartSpec} (title, English or French labels, interval level); the chart
 * then writes itself to a stream or a file.
 *
 * <p>Example:
 * <pre>{@code
 * MetaResult result = MetaAnalysis.withDefaults().fit(EffectSizes.of(ProportionMeasure.PLO, figures));
 * ForestPlot.of(result, ChartSpec.builder().title("SMEs on Facebook").build()).save(Path.of("forest.svg"));
 * }</pre>
 *
 * @since 0.1
 */
package org.smesurvey.charts;
