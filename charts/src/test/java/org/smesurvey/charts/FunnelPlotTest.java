package org.smesurvey.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.smesurvey.stats.meta.MetaAnalysis;
import org.smesurvey.stats.meta.MetaResult;
import org.smesurvey.stats.meta.TrimAndFill;
import org.w3c.dom.Document;

class FunnelPlotTest {

    @Test
    void studiesAgainstTheirStandardErrors() throws Exception {
        MetaResult result = ForestPlotTest.pritz();
        Chart chart = FunnelPlot.of(result, ChartSpec.defaults());
        XYPlot plot = chart.toJFreeChart().getXYPlot();
        XYDataset data = plot.getDataset();
        assertEquals(14, data.getItemCount(0));
        assertEquals(0, data.getItemCount(1));
        assertEquals(result.studies().yi(2), data.getXValue(0, 2), 1e-15);
        assertEquals(Math.sqrt(result.studies().vi(2)), data.getYValue(0, 2), 1e-15);
        assertTrue(plot.getRangeAxis().isInverted());
        assertEquals(0, plot.getRangeAxis().getLowerBound());
        assertEquals("Logit of the proportion", plot.getDomainAxis().getLabel());
        assertEquals(3, plot.getLegendItems().getItemCount(), "studies and two regions");
        assertTrue(Rendering.pixels(Rendering.png(chart, 800, 600), Palette.BLUE) > 14 * 20);
        Rendering.svg(chart, 800, 600);
    }

    @Test
    void contoursShadeWhereAStudyIsSignificantAgainstTheReference() throws Exception {
        MetaResult result = ForestPlotTest.pritz();
        Chart chart = FunnelPlot.contourEnhanced(result, 0, ChartSpec.defaults());
        XYPlot plot = chart.toJFreeChart().getXYPlot();
        assertEquals(14, plot.getDataset().getItemCount(0));
        java.util.Collection<?> annotations = ((org.jfree.chart.renderer.xy.XYLineAndShapeRenderer) plot.getRenderer())
                .getAnnotations();
        java.util.List<org.jfree.chart.annotations.XYPolygonAnnotation> bands = annotations.stream()
                .filter(org.jfree.chart.annotations.XYPolygonAnnotation.class::isInstance)
                .map(org.jfree.chart.annotations.XYPolygonAnnotation.class::cast).toList();
        assertEquals(6, bands.size(), "three bands on each side of the reference");
        // The innermost band starts at z = 1.645 (p = 0.10) at the bottom of the funnel.
        double bottom = plot.getRangeAxis().getUpperBound();
        double[] first = bands.get(0).getPolygonCoordinates();
        assertEquals(-1.6448536269514722 * bottom, first[4], 1e-9);
        assertEquals("0.10 > p > 0.05", plot.getLegendItems().get(0).getLabel());
        assertEquals("p < 0.01", plot.getLegendItems().get(2).getLabel());
        BufferedImage image = Rendering.png(chart, 800, 600);
        assertTrue(Rendering.pixels(image, new java.awt.Color(0x8C8C8C)) > 1000, "the darkest band is drawn");
        Document svg = Rendering.svg(chart, 800, 600);
        assertTrue(Rendering.texts(svg, "text").contains("Contour-enhanced funnel plot"));
        Rendering.saveForInspection(chart, "funnel-contours");
    }

    @Test
    void trimAndFillAddsHollowStudies() throws Exception {
        TrimAndFill fill = MetaAnalysis.withDefaults().trimAndFill(ForestPlotTest.pritz().studies());
        Chart chart = FunnelPlot.of(fill, ChartSpec.builder().language(Language.FRENCH).build());
        JFreeChart model = chart.toJFreeChart();
        XYDataset data = model.getXYPlot().getDataset();
        assertEquals(14, data.getItemCount(0));
        assertEquals(fill.missing(), data.getItemCount(1));
        assertEquals("Graphique en entonnoir", model.getTitle().getText());
        assertEquals("Ajoutées par trim-and-fill (" + fill.missing() + ")", data.getSeriesKey(1));
        Rendering.saveForInspection(chart, "funnel-trimfill-fr");
        BufferedImage image = Rendering.png(chart, 640, 480);
        assertTrue(Rendering.pixels(image, Palette.BLUE) > 14 * 20, "the studies are drawn");
        assertTrue(Rendering.pixelsNear(image, Palette.VERMILLION, 40) > 4 * 10, "the filled studies are drawn");
        Document svg = Rendering.svg(chart, 640, 480);
        assertTrue(Rendering.texts(svg, "text").contains("Études"));
        assertTrue(Rendering.texts(svg, "text").contains("0,5"), "French numbers");
    }

    @Test
    void oneStudyIsStillAFunnel() throws Exception {
        MetaResult one = MetaAnalysis.withDefaults().fit(org.smesurvey.stats.meta.EffectSizes.of(
                org.smesurvey.stats.meta.ProportionMeasure.PLO, new int[] {30}, new int[] {100}));
        Chart chart = FunnelPlot.of(one, ChartSpec.defaults());
        assertEquals(1, chart.toJFreeChart().getXYPlot().getDataset().getItemCount(0));
        assertTrue(Rendering.pixels(Rendering.png(chart, 640, 480), Palette.BLUE) > 20, "the study is drawn");
    }
}
