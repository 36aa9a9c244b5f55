package org.smesurvey.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYAnnotation;
import org.jfree.chart.annotations.XYPolygonAnnotation;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.junit.jupiter.api.Test;
import org.smesurvey.stats.meta.EffectSizes;
import org.smesurvey.stats.meta.MetaAnalysis;
import org.smesurvey.stats.meta.MetaResult;
import org.smesurvey.stats.meta.ProportionMeasure;
import org.w3c.dom.Document;

class ForestPlotTest {

    // metadat 1.2.0 dat.pritz1997: xi and ni
    static final int[] X = {16, 10, 4, 43, 10, 25, 13, 12, 22, 4, 5, 18, 58, 6};
    static final int[] N = {17, 12, 8, 58, 10, 42, 14, 12, 41, 5, 6, 23, 68, 10};

    static MetaResult pritz() {
        return MetaAnalysis.withDefaults().fit(EffectSizes.of(ProportionMeasure.PLO, X, N));
    }

    @Test
    void oneRowPerStudyThenTheDiamond() throws Exception {
        MetaResult result = pritz();
        Chart chart = ForestPlot.of(result, ChartSpec.defaults());
        JFreeChart model = chart.toJFreeChart();
        XYPlot plot = model.getXYPlot();
        XYIntervalSeriesCollection data = (XYIntervalSeriesCollection) plot.getDataset();
        assertEquals(14, data.getItemCount(0));
        // The top row is study 1: its back-transformed estimate and interval.
        assertEquals(14, data.getYValue(0, 0));
        assertEquals(16.0 / 17, data.getXValue(0, 0), 1e-12);
        assertTrue(data.getStartXValue(0, 0) < 16.0 / 17 && data.getEndXValue(0, 0) > 16.0 / 17);
        SymbolAxis rows = (SymbolAxis) plot.getRangeAxis();
        assertEquals("Study 1", rows.getSymbols()[14]);
        assertEquals("Random-effects model (REML)", rows.getSymbols()[0]);
        List<XYAnnotation> annotations = plot.getAnnotations();
        XYPolygonAnnotation diamond = annotations.stream().filter(XYPolygonAnnotation.class::isInstance)
                .map(XYPolygonAnnotation.class::cast).findFirst().orElseThrow();
        double[] polygon = diamond.getPolygonCoordinates();
        assertEquals(result.backTransformed().confidence().lower(), polygon[0], 1e-12);
        assertEquals(result.backTransformed().confidence().estimate(), polygon[2], 1e-12);
        assertEquals(result.backTransformed().confidence().upper(), polygon[4], 1e-12);
        assertEquals(2, annotations.size(), "the diamond and the prediction interval");
        assertTrue(plot.getDomainAxis().getLowerBound() >= 0 && plot.getDomainAxis().getUpperBound() <= 1);
        assertEquals("Forest plot", model.getTitle().getText());

        BufferedImage image = Rendering.png(chart, 960, chart.preferredSize().height);
        assertTrue(Rendering.pixels(image, Palette.VERMILLION) > 100, "the diamond is drawn");
        assertTrue(Rendering.pixels(image, Palette.BLUE) > 14 * 16, "the squares are drawn");
        Document svg = Rendering.svg(chart, 960, 500);
        assertTrue(Rendering.texts(svg, "text").contains("Study 14"));
        Rendering.saveForInspection(chart, "forest");
    }
}
