package org.smesurvey.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smesurvey.core.Observation;
import org.smesurvey.core.Region;
import org.smesurvey.core.SizeBand;
import org.smesurvey.core.StudyCatalogue;
import org.smesurvey.core.bundled.Bundled;
import org.smesurvey.stats.adoption.AdoptionData;
import org.smesurvey.stats.adoption.AdoptionModel;
import org.smesurvey.stats.adoption.GapDecomposition;
import org.w3c.dom.Document;

class AdoptionChartsTest {

    private static AdoptionModel.Fit fit;

    @BeforeAll
    static void fit() {
        fit = AdoptionModel.fit(AdoptionData.of(Bundled.catalogue()));
    }

    private static AdoptionModel.Question question(SizeBand band) {
        return AdoptionModel.Question.builder().band(band).region(Region.of("FR")).year(2020).build();
    }

    @Test
    void theDiffusionChartDrawsFiguresCurvesAndBands() throws Exception {
        List<AdoptionModel.Question> questions = List.of(question(SizeBand.of(10, 49)), question(SizeBand.atLeast(250)));
        Chart chart = DiffusionChart.of(fit, questions, List.of("10-49", "250+"), 2026, ChartSpec.defaults());
        JFreeChart model = chart.toJFreeChart();
        XYPlot plot = model.getXYPlot();
        YIntervalSeriesCollection curves = (YIntervalSeriesCollection) plot.getDataset(0);
        assertEquals(4, curves.getSeriesCount(), "observed and forecast for each question");
        assertEquals("10-49", curves.getSeriesKey(0));
        assertEquals("10-49 (forecast)", curves.getSeriesKey(1));
        for (int s = 0; s < curves.getSeriesCount(); s++) {
            for (int i = 0; i < curves.getItemCount(s); i++) {
                assertTrue(curves.getStartYValue(s, i) <= curves.getYValue(s, i)
                        && curves.getYValue(s, i) <= curves.getEndYValue(s, i));
                assertTrue(curves.getStartYValue(s, i) >= 0 && curves.getEndYValue(s, i) <= 1);
            }
        }
        // Each point is the question's answer in that year (the question's own year ignored), with its confidence
        // interval as the band.
        for (int q = 0; q < questions.size(); q++) {
            int last = curves.getItemCount(2 * q + 1) - 1;
            assertEquals(2026, curves.getX(2 * q + 1, last).doubleValue(), 0);
            AdoptionModel.Answer answer = fit.predict(AdoptionModel.Question.builder().band(questions.get(q).band())
                    .region(Region.of("FR")).year(2026).build());
            assertEquals(answer.share(), curves.getYValue(2 * q + 1, last), 1e-12);
            assertEquals(answer.confidence().lower(), curves.getStartYValue(2 * q + 1, last), 1e-12);
            assertEquals(answer.confidence().upper(), curves.getEndYValue(2 * q + 1, last), 1e-12);
        }
        assertTrue(curves.getYValue(0, 0) < curves.getYValue(2, 0), "250+ above 10-49");
        int figures = 0;
        for (int s = 0; s < plot.getDataset(1).getSeriesCount(); s++) {
            figures += plot.getDataset(1).getItemCount(s);
        }
        assertEquals(fit.data().entries().size(), figures, "every figure entered is a point");
        assertEquals(2026.5, plot.getDomainAxis().getUpperBound(), 1e-9);
        BufferedImage image = Rendering.png(chart, 960, 600);
        assertTrue(Rendering.pixels(image, Palette.BLUE) > 200, "the first curve is drawn");
        assertTrue(Rendering.pixels(image, Palette.VERMILLION) > 200, "the second curve is drawn");
        Document svg = Rendering.svg(chart, 960, 600);
        assertTrue(Rendering.texts(svg, "text").contains("Adoption over time (adoption model)"));
        Rendering.saveForInspection(chart, "diffusion");
    }

    /**
     * At the report's widths (720 pixels, 600 for the seed case beside the answer) in either language, no two texts of a waterfall overlap (the boxes from
     * the SVG's text positions and the font's metrics) and no word is split across lines: side by side under
     * vertical bars, the labels ran into each other ("IndicatorNetwork") and broke mid-word ("Répondan / t").
     */
    @ParameterizedTest
    @CsvSource({"ENGLISH, 720", "FRENCH, 720", "ENGLISH, 600", "FRENCH, 600", "FRENCH, 480"})
    void theWaterfallsLabelsNeitherOverlapNorBreakWords(Language language, int width) throws Exception {
        GapDecomposition gap = seedGap();
        String second = "Ministry of Internal Affairs and Communications, 2017-2018";
        String first = "Bpifrance Le Lab, 2018";
        Chart chart = GapWaterfall.of(gap, second, first, ChartSpec.builder().language(language).build());
        java.awt.Dimension size = chart.preferredSize(width);
        Document svg = Rendering.svg(chart, size.width, size.height);
        List<SvgText> texts = SvgText.of(svg);
        assertEquals(List.of(), SvgText.overlaps(texts));
        List<String> categories = new java.util.ArrayList<>(List.of(second, first));
        gap.parts().forEach(p -> categories.add(GapWaterfall.label(p, language)));
        java.util.Set<String> drawn = new java.util.HashSet<>();
        texts.forEach(t -> drawn.addAll(List.of(t.text().trim().split(" +"))));
        for (String category : categories) {
            for (String word : category.split("[\\s]+")) {
                assertTrue(drawn.contains(word), "the word '" + word + "' drawn whole, in " + texts.stream()
                        .map(SvgText::text).toList());
            }
        }
        java.awt.geom.Rectangle2D page = new java.awt.geom.Rectangle2D.Double(0, 0, size.width, size.height);
        texts.forEach(t -> assertTrue(page.contains(t.box()), "within the chart: " + t));
        Rendering.saveForInspection(chart, "waterfall-" + language.locale().getLanguage());
    }

    /** The seed case's gap: Bpifrance Le Lab's 70 % (2018) against Insee's 20 % (2013). */
    private static GapDecomposition seedGap() {
        StudyCatalogue catalogue = Bundled.catalogue();
        Observation insee = catalogue.observations().stream().filter(o -> o.study().id().equals("INSEE_IP_2013")
                && o.indicator().code().equals("social_media_any")).findFirst().orElseThrow();
        Observation bpifrance = catalogue.observations().stream().filter(o -> o.study().id()
                .equals("BPIFRANCE_LAB_2018") && o.indicator().code().equals("social_networks")
                && o.sizeBand().map(b -> b.min() == 0).orElse(false)).findFirst().orElseThrow();
        return GapDecomposition.of(fit, bpifrance, insee);
    }

    @Test
    void theWaterfallWalksFromOneFigureToTheOther() throws Exception {
        GapDecomposition gap = seedGap();
        Chart chart = GapWaterfall.of(gap, "Insee 2013", "Bpifrance 2018", ChartSpec.builder().language(Language.FRENCH)
                .build());
        CategoryPlot plot = chart.toJFreeChart().getCategoryPlot();
        CategoryDataset data = plot.getDataset();
        assertEquals(gap.parts().size() + 2, data.getColumnCount());
        assertEquals("Insee 2013", data.getColumnKey(0));
        GapDecomposition.Part time = gap.parts().get(0);
        assertEquals(String.format(java.util.Locale.FRENCH, "Diffusion (années)\n%+d à %+d",
                Math.round(time.lowestPoints()), Math.round(time.highestPoints())), data.getColumnKey(1), "the part's words, then its range with one study left out");
        assertTrue(data.getColumnKey(4).toString().startsWith("Enquête privée\n"), data.getColumnKey(4).toString());
        assertEquals(List.of("time", "size", "indicator", "private survey", "country", "studies", "figures",
                "sampling error"), gap.parts().stream().map(GapDecomposition.Part::dimension).toList());
        assertEquals(gap.secondPoints(), data.getValue(0, 0).doubleValue(), 1e-12);
        double sum = gap.secondPoints();
        for (int c = 1; c < data.getColumnCount() - 1; c++) {
            sum += data.getValue(0, c).doubleValue();
        }
        assertEquals(gap.firstPoints(), sum, 1e-9, "the parts walk to the first figure");
        var intervals = (org.jfree.data.statistics.StatisticalCategoryDataset) plot.getDataset(1);
        double walk = gap.secondPoints();
        for (int c = 1; c < data.getColumnCount() - 1; c++) {
            GapDecomposition.Part part = gap.parts().get(c - 1);
            walk += part.points();
            assertEquals(walk, intervals.getMeanValue(0, c).doubleValue(), 1e-9, "drawn at the bar's end");
            assertEquals(1.959963984540054 * gap.pointsStandardError(part),
                    intervals.getStdDevValue(0, c).doubleValue(), 1e-12, part.dimension());
            assertTrue(intervals.getStdDevValue(0, c).doubleValue() >= 0, part.dimension());
        }
        assertEquals(null, intervals.getMeanValue(0, 0), "the figures themselves carry no interval");
        assertTrue(chart.toJFreeChart().getSubtitles().stream().anyMatch(t -> t instanceof org.jfree.chart.title.TextTitle
                && ((org.jfree.chart.title.TextTitle) t).getText().startsWith("Barres noires")
                && ((org.jfree.chart.title.TextTitle) t).getText().contains("une étude retirée")));
        BufferedImage image = Rendering.png(chart, 960, 520);
        assertTrue(Rendering.pixels(image, Palette.BLUE) > 500, "the bars are drawn");
        assertTrue(Rendering.pixels(image, Palette.BLACK) > 100, "the intervals are drawn");
        Rendering.saveForInspection(chart, "waterfall");
    }

    @Test
    void theResidualChartMarksTheFiguresBeyondTwo() throws Exception {
        Chart chart = ResidualChart.of(fit, ChartSpec.defaults());
        XYPlot plot = chart.toJFreeChart().getXYPlot();
        double[] z = fit.standardisedResiduals();
        assertEquals(fit.data().entries().size(), z.length, "one residual per figure, in entry order");
        long beyond = java.util.Arrays.stream(z).filter(v -> Math.abs(v) > 2).count();
        long undefined = java.util.Arrays.stream(z).filter(Double::isNaN).count();
        assertEquals(z.length - beyond - undefined, plot.getDataset().getItemCount(0));
        assertEquals(beyond, plot.getDataset().getItemCount(1));
        assertEquals(3, plot.getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND).size());
        Rendering.saveForInspection(chart, "residuals");
        BufferedImage image = Rendering.png(chart, 960, 520);
        assertTrue(Rendering.pixels(image, Palette.BLUE) > 100, "the figures are drawn");
    }
}
