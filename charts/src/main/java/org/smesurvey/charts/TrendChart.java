package org.smesurvey.charts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.smesurvey.core.Observation;
import org.smesurvey.stats.Interval;

/**
 * Adoption over the years: one line per size class, country or any grouping of the figures, each figure at
 * its year with its confidence interval (Wilson, on its effective sample; none for a figure without a base).
 * Figures of the same series and year from different studies are both drawn, so that disagreements show.
 *
 * @since 0.1
 */
public final class TrendChart {

    private TrendChart() {
    }

    /**
     * One line per size class: the band's employees ("10-49", "250+"), or the class as the study names it.
     *
     * @param figures figures with a year (their own or their study's)
     * @param spec title, language, level of the intervals
     * @return the chart
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if there is no figure, or a figure has no year (all are named)
     */
    public static Chart bySizeClass(List<Observation> figures, ChartSpec spec) {
        return of(figures, o -> o.effectiveSizeBand().map(b -> b.label()).orElse(o.sizeClass()), spec);
    }

    /**
     * One line per country or region (its code: "FR", "EU27_2020").
     *
     * @param figures figures with a year (their own or their study's)
     * @param spec title, language, level of the intervals
     * @return the chart
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if there is no figure, or a figure has no year (all are named)
     */
    public static Chart byRegion(List<Observation> figures, ChartSpec spec) {
        return of(figures, o -> o.region().code(), spec);
    }

    /**
     * One line per value of {@code series}, in the order they first appear.
     *
     * @param figures figures with a year (their own or their study's)
     * @param series the name of a figure's line
     * @param spec title, language, level of the intervals
     * @return the chart
     * @throws NullPointerException if an argument is null, or {@code series} gives null for a figure (named)
     * @throws IllegalArgumentException if there is no figure, or a figure has no year (all are named)
     */
    public static Chart of(List<Observation> figures, Function<Observation, String> series, ChartSpec spec) {
        List<Observation> checked = Figures.require(figures, "trend chart", "a year",
                o -> o.effectiveYear().isPresent());
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(spec, "spec");
        List<String> names = checked.stream().map(o -> Objects.requireNonNull(series.apply(o),
                () -> "The series of figure " + o.label() + " is null")).toList();
        return new Chart(() -> draw(checked, names, spec), 900, 560);
    }

    private static JFreeChart draw(List<Observation> figures, List<String> names, ChartSpec spec) {
        Language language = spec.language();
        Map<String, XYIntervalSeries> lines = new LinkedHashMap<>();
        int first = Integer.MAX_VALUE;
        int last = Integer.MIN_VALUE;
        double top = 0;
        for (int i = 0; i < figures.size(); i++) {
            Observation o = figures.get(i);
            int year = o.effectiveYear().getAsInt();
            Interval ci = Figures.interval(o, spec.level());
            lines.computeIfAbsent(names.get(i), key -> new XYIntervalSeries(key, true, true))
                    .add(year, year, year, ci.estimate(), ci.lower(), ci.upper());
            first = Math.min(first, year);
            last = Math.max(last, year);
            top = Math.max(top, ci.upper());
        }
        XYIntervalSeriesCollection dataset = new XYIntervalSeriesCollection();
        lines.values().forEach(dataset::addSeries);

        NumberAxis years = new NumberAxis(language.label("trend.x"));
        years.setTickUnit(new NumberTickUnit(last - first > 15 ? 5 : 1, new java.text.DecimalFormat("0")));
        years.setRange(first - 0.5, last + 0.5);
        NumberAxis share = Style.percentAxis(language.label("share"), language, 0, Math.min(1, top + 0.08));
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawXError(false);
        renderer.setDefaultLinesVisible(true);
        renderer.setCapLength(6);
        XYPlot plot = new XYPlot(dataset, years, share, renderer);

        JFreeChart chart = Style.chart(spec, language.label("trend.title"), plot, true);
        for (int i = 0; i < dataset.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, Palette.series(i));
            renderer.setSeriesStroke(i, Style.THICK);
        }
        return chart;
    }
}
