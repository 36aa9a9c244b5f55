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
