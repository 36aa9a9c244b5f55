package org.smesurvey.charts;

import java.awt.Color;
import java.awt.Font;
import java.text.NumberFormat;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.smesurvey.core.Observation;
import org.smesurvey.core.SizeBand;
import org.smesurvey.stats.Interval;

/**
 * Adoption by company size for several studies side by side. Each figure spans its employee band on a true,
 * logarithmic employee scale — so that a French 10–49, a German 20–99 and a US 0–99 sit where they belong
 * whatever each study calls them — with its confidence interval as a vertical bar at the band's geometric
 * centre, and a line through each study's figures. The size classes of the chart's language are marked:
 * micro, small, medium, large (EU Recommendation 2003/361) in English; TPE, PME, ETI, GE (LME law of 2008)
 * in French.
 *
 * <p>Intervals are Wilson intervals on each figure's effective sample (see
 * {@link org.smesurvey.stats.EffectiveSample#of(Observation)}); figures without a base show no bar. A band
 * open above (250+) is drawn to four times its lower bound.
 *
 * @since 0.1
 */
public final class SizeProfileChart {

    /** How far an open band (250+) is drawn: to this multiple of its lower bound. */
    private static final double OPEN_BAND_SPAN = 4;
    private static final Color TRANSPARENT = new Color(255, 255, 255, 0);

    private SizeProfileChart() {
    }

    /**
     * The size profile of the figures: one series per study, country and year (see {@link #seriesName}), in the
     * order they first appear.
     *
     * @param figures figures with a size band (their own or their study's)
     * @param spec title, language, level of the intervals
     * @return the chart
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if there is no figure, or a figure has no size band (all are named)
     */
    public static Chart of(List<Observation> figures, ChartSpec spec) {
        List<Observation> checked = Figures.require(figures, "size profile", "a size band",
                o -> o.effectiveSizeBand().isPresent());
        Objects.requireNonNull(spec, "spec");
        return new Chart(() -> draw(checked, spec), 900, 560);
    }

    /**
     * A profile is one study's figures for one country and year: the study's id, then the figure's region
     * where it is not the study's, and its year where the study spans several.
     */
    static String seriesName(Observation o) {
        StringBuilder name = new StringBuilder(o.study().id());
        if (!o.region().equals(o.study().region())) {
            name.append(' ').append(o.region().code());
        }
        boolean severalYears = o.study().fieldwork().map(f -> f.first() != f.last()).orElse(true);
        if (severalYears && o.effectiveYear().isPresent()) {
            name.append(' ').append(o.effectiveYear().getAsInt());
        }
        return name.toString();
    }

    /** The band's extent on the employee axis: [max(min, 1), max + 1), or four times its start if open. */
    static double[] extent(SizeBand band) {
        double low = Math.max(band.min(), 1);
        double high = band.isOpenEnded() ? low * OPEN_BAND_SPAN : band.max() + 1.0;
        return new double[] {low, high, Math.sqrt(low * high)};
    }

    private static JFreeChart draw(List<Observation> figures, ChartSpec spec) {
        Language language = spec.language();
        Map<String, XYIntervalSeries> byStudy = new LinkedHashMap<>();
        double right = 10;
        double top = 0;
        for (Observation o : figures) {
            double[] x = extent(o.effectiveSizeBand().orElseThrow());
            Interval ci = Figures.interval(o, spec.level());
            byStudy.computeIfAbsent(seriesName(o), id -> new XYIntervalSeries(id, true, true))
                    .add(x[2], x[0], x[1], ci.estimate(), ci.lower(), ci.upper());
            right = Math.max(right, x[1]);
            top = Math.max(top, ci.upper());
        }
        XYIntervalSeriesCollection dataset = new XYIntervalSeriesCollection();
        byStudy.values().forEach(dataset::addSeries);

        LogAxis employees = new LogAxis(language.label("size.x"));
        employees.setBase(10);
        employees.setSmallestValue(1);
        employees.setRange(1, right * 1.3);
        NumberFormat integers = NumberFormat.getIntegerInstance(language.locale());
        employees.setNumberFormatOverride(integers);
        employees.setTickUnit(new NumberTickUnit(1), false, true); // 1, 10, 100…: the classes mark the rest
        NumberAxis share = Style.percentAxis(language.label("share"), language, 0, Math.min(1, top + 0.08));

        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDefaultLinesVisible(true);
        renderer.setCapLength(6);
        XYPlot plot = new XYPlot(dataset, employees, share, renderer);
        markSizeClasses(plot, language, right * 1.3);

        JFreeChart chart = Style.chart(spec, language.label("size.title"), plot, true);
        for (int i = 0; i < dataset.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, Palette.series(i));
            renderer.setSeriesStroke(i, Style.THICK);
        }
        return chart;
    }

    private static void markSizeClasses(XYPlot plot, Language language, double end) {
        NumberFormat integers = NumberFormat.getIntegerInstance(language.locale());
        double[] thresholds = Arrays.stream(language.label("size.thresholds").split(","))
                .mapToDouble(Double::parseDouble).toArray();
        String[] names = language.label("size.classes").split(",");
        double from = 1;
        for (int i = 0; i < names.length; i++) {
            double to = i < thresholds.length ? thresholds[i] : end;
            if (from >= end) {
                break;
            }
            IntervalMarker region = new IntervalMarker(from, Math.min(to, end), i % 2 == 0 ? Color.WHITE : Style.LIGHT);
            plot.addDomainMarker(label(region, names[i], Style.font(Font.ITALIC, 11), RectangleAnchor.TOP,
                    TextAnchor.TOP_CENTER), Layer.BACKGROUND);
            if (i < thresholds.length && thresholds[i] < end) {
                plot.addDomainMarker(label(new ValueMarker(thresholds[i], Color.LIGHT_GRAY, Style.DASHED),
                        integers.format(thresholds[i]), Style.font(Font.PLAIN, 11), RectangleAnchor.BOTTOM_RIGHT,
                        TextAnchor.BOTTOM_LEFT), Layer.BACKGROUND);
            }
            from = to;
        }
    }

    private static Marker label(Marker marker, String text, Font font, RectangleAnchor anchor, TextAnchor textAnchor) {
        marker.setLabel(text);
        marker.setLabelFont(font);
        marker.setLabelPaint(Color.GRAY);
        marker.setLabelAnchor(anchor);
        marker.setLabelTextAnchor(textAnchor);
        marker.setLabelBackgroundColor(TRANSPARENT);
        return marker;
    }
}
