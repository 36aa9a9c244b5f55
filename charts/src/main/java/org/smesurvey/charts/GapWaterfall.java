package org.smesurvey.charts;

import java.util.Objects;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.WaterfallBarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.smesurvey.stats.adoption.GapDecomposition;

/**
 * One gap, part by part: from the second figure's share, each dimension's part in percentage points (up in one
 * colour, down in another), to the first figure's share; the parts are the adoption model's
 * {@link GapDecomposition}.
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
            data.addValue(p.points(), row, language.label("waterfall." + p.dimension()));
        }
        data.addValue(gap.firstPoints(), row, firstLabel);
        CategoryAxis parts = new CategoryAxis();
        parts.setMaximumCategoryLabelLines(3);
        NumberAxis points = new NumberAxis(language.label("waterfall.axis"));
        points.setRange(0, 100);
        WaterfallBarRenderer renderer = new WaterfallBarRenderer(Palette.BLUE, Palette.BLUISH_GREEN, Palette.VERMILLION,
                Palette.BLUE);
        CategoryPlot plot = new CategoryPlot(data, parts, points, renderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        return Style.chart(spec, language.label("waterfall.title"), plot, false);
    }
}
