package org.smesurvey.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.IntStream;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.smesurvey.stats.meta.EffectSizes;
import org.smesurvey.stats.meta.LikelihoodProfile;
import org.smesurvey.stats.meta.MetaAnalysis;
import org.smesurvey.stats.meta.MultilevelResult;
import org.w3c.dom.Document;

class ProfilePlotTest {

    /** Twelve logits in four studies, three each. */
    static MultilevelResult threeLevel() {
        double[] yi = {-1.2, -0.9, -1.5, 0.1, 0.4, -0.2, -0.6, -0.3, -0.8, 0.6, 0.2, 0.9};
        double[] vi = {0.04, 0.05, 0.03, 0.06, 0.04, 0.05, 0.03, 0.04, 0.06, 0.05, 0.04, 0.03};
        String[] studies = {"A", "A", "A", "B", "B", "B", "C", "C", "C", "D", "D", "D"};
        return MetaAnalysis.withDefaults().multilevel(EffectSizes.of(yi, vi,
                IntStream.range(0, 12).mapToObj(i -> "figure " + (i + 1)).toList()), studies);
    }

    @Test
    void theProfileWithTheEstimatePutInAndItsLines() throws Exception {
        MultilevelResult fit = threeLevel();
        LikelihoodProfile profile = fit.profile(0);
        Chart chart = ProfilePlot.of(profile, ChartSpec.defaults());
        Rendering.saveForInspection(chart, "profile");
        XYPlot plot = chart.toJFreeChart().getXYPlot();
        XYDataset data = plot.getDataset();
        // metafor's 20 points, and the estimate with the maximum put in among them (the grid spans it).
        assertEquals(21, data.getItemCount(0));
        for (int i = 1; i < 21; i++) {
            assertTrue(data.getXValue(0, i) > data.getXValue(0, i - 1), "sorted by value");
        }
        List<LikelihoodProfile.Point> points = profile.points();
        int found = 0;
        for (int i = 0; i < 21; i++) {
            double x = data.getXValue(0, i);
            double y = data.getYValue(0, i);
            if (x == profile.estimate()) {
                assertEquals(profile.maximum(), y, 0.0);
                found++;
            } else {
                assertTrue(points.contains(new LikelihoodProfile.Point(x, y)), "a point of the profile: " + x);
            }
        }
        assertEquals(1, found);
        assertEquals(List.of(profile.estimate()), values(plot.getDomainMarkers(Layer.FOREGROUND)));
        assertEquals(List.of(profile.maximum(), profile.threshold()), values(plot.getRangeMarkers(Layer.FOREGROUND)));
        assertTrue(plot.getRangeAxis().getRange().contains(profile.threshold()), "the threshold in view");
        BufferedImage image = Rendering.png(chart, 800, 600);
        assertTrue(Rendering.pixels(image, Palette.BLUE) > 20 * 20, "the curve and its points are drawn");
        assertTrue(Rendering.pixelsNear(image, Palette.VERMILLION, 40) > 200, "the threshold is drawn");
        Document svg = Rendering.svg(chart, 800, 600);
        List<String> texts = Rendering.texts(svg, "text");
        assertTrue(texts.contains("Profile plot for sigma^2.1"), texts.toString());
        assertTrue(texts.contains("sigma^2.1 value"));
        assertEquals("Restricted log-likelihood", plot.getRangeAxis().getLabel());   // drawn rotated, not as text
    }

    /** The values of a plot's markers (JFreeChart returns them as a raw collection). */
    private static List<Double> values(Collection<?> markers) {
        List<Double> values = new ArrayList<>();
        for (Object marker : markers) {
            values.add(((ValueMarker) marker).getValue());
        }
        return values;
    }

    @Test
    void frenchLabelsAndAGridBesideTheEstimate() throws Exception {
        MultilevelResult fit = threeLevel();
        double far = 10 * fit.sigma2()[1] + 1;
        LikelihoodProfile profile = fit.profile(1, far, far + 0.5, far + 1);
        Chart chart = ProfilePlot.of(profile, ChartSpec.builder().language(Language.FRENCH).build());
        // The estimate lies outside the grid: it is not put in.
        assertEquals(3, chart.toJFreeChart().getXYPlot().getDataset().getItemCount(0));
        Document svg = Rendering.svg(chart, 800, 600);
        List<String> texts = Rendering.texts(svg, "text");
        assertTrue(texts.contains("Profil de vraisemblance de sigma^2.2"), texts.toString());
        assertEquals("Log-vraisemblance restreinte", chart.toJFreeChart().getXYPlot().getRangeAxis().getLabel());
        Rendering.png(chart, 800, 600);
    }
}
