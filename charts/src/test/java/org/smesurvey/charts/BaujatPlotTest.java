package org.smesurvey.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.smesurvey.stats.meta.EffectSizes;
import org.smesurvey.stats.meta.Influence;
import org.smesurvey.stats.meta.MetaAnalysis;
import org.smesurvey.stats.meta.ProportionMeasure;
import org.w3c.dom.Document;

class BaujatPlotTest {

    @Test
    void eachStudyIsAtItsHeterogeneityAndInfluenceNamed() throws Exception {
        Influence influence = Influence.of(MetaAnalysis.withDefaults().fit(EffectSizes.of(ProportionMeasure.PLO,
                ForestPlotTest.X, ForestPlotTest.N)));
        Chart chart = BaujatPlot.of(influence, ChartSpec.defaults());
        XYPlot plot = chart.toJFreeChart().getXYPlot();
        XYDataset data = plot.getDataset();
        assertEquals(14, data.getItemCount(0));
        for (int i = 0; i < 14; i++) {
            assertEquals(influence.studies().get(i).heterogeneity(), data.getXValue(0, i), 0.0);
            assertEquals(influence.studies().get(i).influenceOnFit(), data.getYValue(0, i), 0.0);
        }
        BufferedImage image = Rendering.png(chart, 800, 600);
        assertTrue(Rendering.pixels(image, Palette.BLUE) > 14 * 20, "the points are drawn");
        Document svg = Rendering.svg(chart, 800, 600);
        assertTrue(Rendering.texts(svg, "text").contains("Study 14"));
        assertTrue(Rendering.texts(svg, "text").contains("Contribution to heterogeneity"));
        Rendering.saveForInspection(chart, "baujat");
    }
}
