package org.smesurvey.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.Test;
import org.smesurvey.stats.meta.EffectSizes;
import org.smesurvey.stats.meta.MetaAnalysis;
import org.smesurvey.stats.meta.MetaRegression;
import org.smesurvey.stats.meta.Moderators;
import org.smesurvey.stats.meta.ProportionMeasure;
import org.w3c.dom.Document;

class BubblePlotTest {

    @Test
    void theStudiesTheFittedLineAndItsBands() throws Exception {
        EffectSizes studies = EffectSizes.of(ProportionMeasure.PLO, ForestPlotTest.X, ForestPlotTest.N);
        double[] size = java.util.Arrays.stream(ForestPlotTest.N).mapToDouble(n -> n).toArray();
        MetaRegression regression = MetaAnalysis.withDefaults().fit(studies, Moderators.builder(14)
                .numeric("size", size).build());
        Chart chart = BubblePlot.of(regression, "size", ChartSpec.defaults());
        XYPlot plot = chart.toJFreeChart().getXYPlot();
        YIntervalSeriesCollection fitted = (YIntervalSeriesCollection) plot.getDataset(0);
        assertEquals(101, fitted.getItemCount(0));
        double lowest = java.util.Arrays.stream(size).min().orElseThrow();
        assertEquals(lowest, fitted.getXValue(0, 0), 0.0);
        assertEquals(regression.predict(lowest).confidence().estimate(), fitted.getYValue(0, 0), 1e-12);
        assertEquals(regression.predict(lowest).confidence().lower(), fitted.getStartYValue(0, 0), 1e-12);
        assertEquals(14, plot.getDataset(2).getItemCount(0));
        Rendering.saveForInspection(chart, "bubble");
        assertTrue(Rendering.pixels(Rendering.png(chart, 800, 600), Palette.BLUE) > 100, "the fitted line");
        Document svg = Rendering.svg(chart, 800, 600);
        assertTrue(Rendering.texts(svg, "text").contains("Meta-regression"));
        Rendering.saveForInspection(chart, "bubble");
        assertThrows(IllegalArgumentException.class, () -> BubblePlot.of(regression, "intrcpt", ChartSpec.defaults()));
    }
}
