package org.smesurvey.charts;

import java.util.Objects;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotOrientation;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.jfree.chart.renderer.category.StatisticalLineAndShapeRenderer;
import org.jfree.chart.renderer.category.WaterfallBarRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.smesurvey.stats.adoption.GapDecomposition;

/**
 * One gap, part by part: from the second figure's share, each part in percentage points (up in one colour, down in
 * another), to the first figure's share; the parts are the adoption model's {@link GapDecomposition} — time, size,
 * indicator, private survey (who answered, sampling and scope merged), country, the two studies' own effects, the
 * figures' own effects within their studies, sampling error. Each part carries its 95 % interval, drawn at the bar's
 * end (where the walk would stand with that part at either bound), in points on the scale the parts are shared on
 * ({@link GapDecomposition#pointsStandardError}); under its name, each part's label gives its lowest and highest
 * value in points with one other study left out of the fit ({@link GapDecomposition.Part#lowestPoints()}), so a part
 * whose range crosses zero reads as what it is.
 *
 * @since 0.1
 */
public final class GapWaterfall {

    private GapWaterfall() {
    }

    /**
     * The waterfall of a gap.
     *
     * @param gap the decomposition
     * @param secondLabel the name of the figure the gap starts from
     * @param firstLabel the name of the figure it ends at
     * @param spec title, language
     * @return the chart
     */
    public static Chart of(GapDecomposition gap, String secondLabel, String firstLabel, ChartSpec spec) {
        Objects.requireNonNull(gap, "gap");
        Objects.requireNonNull(secondLabel, "secondLabel");
        Objects.requireNonNull(firstLabel, "firstLabel");
        Objects.requireNonNull(spec, "spec");
        return new Chart(() -> draw(gap, secondLabel, firstLabel, spec), 960, 520);
    }

    private static JFreeChart draw(GapDecomposition gap, String secondLabel, String firstLabel, ChartSpec spec) {
        Language language = spec.language();
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        String row = language.label("waterfall.points");
        // WaterfallBarRenderer starts at the first value and ends with the running total: the second figure's
        // share, each part, then the first figure's share, which the parts reach exactly.
        data.addValue(gap.secondPoints(), row, secondLabel);
        for (GapDecomposition.Part p : gap.parts()) {
            data.addValue(p.points(), row, label(p, language));
        }
        data.addValue(gap.firstPoints(), row, firstLabel);
        // The intervals: a second dataset on the same categories, error bars only (no line, no marker).
        double z = new NormalDistribution().inverseCumulativeProbability(0.975);
        DefaultStatisticalCategoryDataset intervals = new DefaultStatisticalCategoryDataset();
        String interval = language.label("waterfall.interval");
        intervals.add(null, null, interval, secondLabel);
        double walk = gap.secondPoints();
        for (GapDecomposition.Part p : gap.parts()) {
            walk += p.points();
            intervals.add(walk, z * gap.pointsStandardError(p), interval, label(p, language));
        }
        intervals.add(null, null, interval, firstLabel);
        CategoryAxis parts = new CategoryAxis(); // its labels keep their line breaks
        parts.setMaximumCategoryLabelLines(4);
        parts.setMaximumCategoryLabelWidthRatio(1.3f); // a label may reach into its neighbours' margins, not wrap mid-word
        NumberAxis points = new NumberAxis(language.label("waterfall.axis"));
        points.setRange(0, 100);
        WaterfallBarRenderer renderer = new WaterfallBarRenderer(Palette.BLUE, Palette.BLUISH_GREEN, Palette.VERMILLION,
                Palette.BLUE);
        CategoryPlot plot = new CategoryPlot(data, parts, points, renderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        StatisticalLineAndShapeRenderer bars = new StatisticalLineAndShapeRenderer(false, false);
        bars.setErrorIndicatorPaint(Palette.BLACK);
        plot.setDataset(1, intervals);
        plot.setRenderer(1, bars);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD); // the intervals over the bars
        JFreeChart chart = Style.chart(spec, language.label("waterfall.title"), plot, false);
        chart.addSubtitle(new TextTitle(language.label("waterfall.intervals"), Style.font(java.awt.Font.PLAIN, 12)));
        return chart;
    }

    /** A part's category: its name in words, and on a second line its range with one study left out, in whole points. */
    static String label(GapDecomposition.Part part, Language language) {
        return language.label("waterfall." + part.dimension()) + "\n"
                + language.label("waterfall.range", Math.round(part.lowestPoints()), Math.round(part.highestPoints()));
    }
}
