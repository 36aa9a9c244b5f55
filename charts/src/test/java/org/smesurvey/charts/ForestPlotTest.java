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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smesurvey.stats.meta.EffectSizes;
import org.smesurvey.stats.meta.MetaAnalysis;
import org.smesurvey.stats.meta.MetaRegression;
import org.smesurvey.stats.meta.MetaResult;
import org.smesurvey.stats.meta.Moderators;
import org.smesurvey.stats.meta.ProportionMeasure;
import org.smesurvey.stats.meta.SubgroupAnalysis;
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

    /**
     * The report draws its forest plots 720 pixels wide: each study keeps its row and its label there. Asked for
     * the preferred height scaled to that width, the rows were 12 pixels apart and the row axis labelled every
     * other row, so a 2-study pool showed one study.
     */
    @ParameterizedTest
    @ValueSource(ints = {2, 7})
    void everyStudyHasItsLabelAtTheReportsWidth(int k) throws Exception {
        List<org.smesurvey.stats.EffectiveSample> samples = new java.util.ArrayList<>();
        List<String> labels = new java.util.ArrayList<>();
        for (int i = 0; i < k; i++) {
            samples.add(new org.smesurvey.stats.EffectiveSample(X[i], N[i]));
            labels.add("Study number " + (i + 1) + ", 20" + (10 + i));
        }
        MetaResult result = MetaAnalysis.withDefaults().fit(EffectSizes.of(ProportionMeasure.PLO, samples, labels));
        Chart chart = ForestPlot.of(result, ChartSpec.defaults());
        java.awt.Dimension size = chart.preferredSize(720);
        assertEquals(chart.preferredSize().height, size.height, "a narrower forest is not a shorter one");
        Document svg = Rendering.svg(chart, size.width, size.height);
        List<SvgText> texts = SvgText.of(svg);
        List<SvgText> rows = new java.util.ArrayList<>();
        for (String label : labels) {
            List<SvgText> found = texts.stream().filter(t -> t.text().equals(label)).toList();
            assertEquals(1, found.size(), label);
            rows.add(found.get(0));
        }
        List<SvgText> pooled = texts.stream().filter(t -> t.text().equals("Random-effects model (REML)")).toList();
        assertEquals(1, pooled.size());
        rows.addAll(pooled);
        assertEquals(List.of(), SvgText.overlaps(rows), "each row's label clear of the next");
        for (int i = 1; i < rows.size(); i++) {
            assertTrue(rows.get(i).box().getY() > rows.get(i - 1).box().getY(), "in order, top to bottom: " + i);
        }
        // The squares are on their own rows: one per study, at its label's height. JFreeSVG draws each as a
        // closed path of four corners (filled, then outlined: the same square twice).
        java.util.Set<Double> squares = new java.util.TreeSet<>();
        var paths = svg.getElementsByTagNameNS("*", "path");
        java.util.regex.Pattern square = java.util.regex.Pattern.compile(
                "M([-\\d.]+),([-\\d.]+)L([-\\d.]+),\\2L\\3,([-\\d.]+)L\\1,\\4L\\1,\\2Z");
        for (int i = 0; i < paths.getLength(); i++) {
            java.util.regex.Matcher m = square.matcher(((org.w3c.dom.Element) paths.item(i)).getAttribute("d"));
            if (m.matches()) {
                double side = Double.parseDouble(m.group(3)) - Double.parseDouble(m.group(1));
                double top = Double.parseDouble(m.group(2));
                if (Math.abs(side - (Double.parseDouble(m.group(4)) - top)) < 0.2 && side >= 3.9 && side <= 14.1) {
                    squares.add(top + side / 2);
                }
            }
        }
        assertEquals(k, squares.size(), "one square per study: " + squares);
        for (int i = 0; i < k; i++) {
            double middle = rows.get(i).box().getCenterY();
            assertTrue(squares.stream().anyMatch(y -> Math.abs(y - middle) < 4), "a square on row " + i + ": " + squares);
        }
    }

    @Test
    void theBinomialNormalModelHasItsForestToo() throws Exception {
        java.util.List<org.smesurvey.stats.EffectiveSample> samples = new java.util.ArrayList<>();
        for (int i = 0; i < X.length; i++) {
            samples.add(new org.smesurvey.stats.EffectiveSample(X[i], N[i]));
        }
        org.smesurvey.stats.meta.GlmmResult glmm = org.smesurvey.stats.meta.Glmm.withDefaults().fit(samples,
                java.util.stream.IntStream.range(0, X.length).mapToObj(i -> "Study " + (i + 1)).toList());
        Chart chart = ForestPlot.of(glmm, ChartSpec.defaults());
        XYPlot plot = chart.toJFreeChart().getXYPlot();
        assertEquals(14, ((XYIntervalSeriesCollection) plot.getDataset()).getItemCount(0));
        assertEquals("Random-effects model (ML)", ((SymbolAxis) plot.getRangeAxis()).getSymbols()[0]);
        XYPolygonAnnotation diamond = plot.getAnnotations().stream().filter(XYPolygonAnnotation.class::isInstance)
                .map(XYPolygonAnnotation.class::cast).findFirst().orElseThrow();
        assertEquals(glmm.pooledProportion().orElseThrow().estimate(),
                diamond.getPolygonCoordinates()[2], 1e-12, "the GLMM's pooled proportion");
        assertTrue(Rendering.pixels(Rendering.png(chart, 960, chart.preferredSize().height), Palette.VERMILLION) > 100);
    }

    @Test
    void aCumulativeAnalysisHasOneRowPerStudyAdded() throws Exception {
        EffectSizes studies = EffectSizes.of(ProportionMeasure.PLO, X, N);
        double[] order = java.util.stream.IntStream.range(0, X.length).mapToDouble(i -> -i).toArray();
        org.smesurvey.stats.meta.Cumulative cumulative = MetaAnalysis.withDefaults().cumulative(studies, order);
        Chart chart = ForestPlot.of(cumulative, ChartSpec.defaults());
        XYPlot plot = chart.toJFreeChart().getXYPlot();
        XYIntervalSeriesCollection data = (XYIntervalSeriesCollection) plot.getDataset();
        assertEquals(14, data.getItemCount(0));
        SymbolAxis rows = (SymbolAxis) plot.getRangeAxis();
        assertEquals("+ " + cumulative.studies().label(0), rows.getSymbols()[rows.getSymbols().length - 1]);
        assertEquals(cumulative.results().get(13).backTransformed().confidence().estimate(),
                data.getXValue(0, 13), 1e-12, "the last row is the fit of all the studies");
        Document svg = Rendering.svg(chart, 960, 500);
        assertTrue(Rendering.texts(svg, "text").contains("+ " + cumulative.studies().label(13)));
    }

    @Test
    void aMetaRegressionHasNoDiamondButItsModeratorTest() throws Exception {
        double[] year = new double[X.length];
        for (int i = 0; i < year.length; i++) {
            year[i] = 1990 + i;
        }
        MetaRegression regression = MetaAnalysis.withDefaults().fit(EffectSizes.of(ProportionMeasure.PLO, X, N),
                Moderators.builder(X.length).numeric("year", year).build());
        Chart chart = ForestPlot.of(regression, ChartSpec.defaults());
        XYPlot plot = chart.toJFreeChart().getXYPlot();
        assertEquals(14, ((XYIntervalSeriesCollection) plot.getDataset()).getItemCount(0));
        assertTrue(plot.getAnnotations().stream().noneMatch(XYPolygonAnnotation.class::isInstance), "no diamond");
        Document svg = Rendering.svg(chart, 960, 500);
        assertTrue(Rendering.texts(svg, "text").stream().anyMatch(t -> t.contains("Test of moderators: QM(1)")),
                Rendering.texts(svg, "text")::toString);
        assertEquals("A funnel plot is drawn around a pooled estimate: this model has moderators (plot its residuals"
                + " instead)", org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                        () -> FunnelPlot.of(regression, ChartSpec.defaults())).getMessage());
    }

    @Test
    void subgroupsHaveTheirOwnDiamonds() throws Exception {
        EffectSizes studies = EffectSizes.of(ProportionMeasure.PLO, X, N);
        java.util.List<String> groups = java.util.stream.IntStream.range(0, 14).mapToObj(i -> i < 7 ? "A" : "B")
                .toList();
        SubgroupAnalysis analysis = MetaAnalysis.withDefaults().subgroups(studies, groups);
        Chart chart = ForestPlot.of(analysis, ChartSpec.builder().language(Language.FRENCH).build());
        XYPlot plot = chart.toJFreeChart().getXYPlot();
        assertEquals(14, plot.getDataset().getItemCount(0));
        String[] rows = ((SymbolAxis) plot.getRangeAxis()).getSymbols();
        assertEquals(2 + 14 + 2, rows.length, "a heading and a diamond per subgroup");
        assertEquals("A", rows[rows.length - 1]);
        assertEquals("Modèle à effets aléatoires (REML) (k = 7)", rows[0]);
        assertEquals(2, plot.getAnnotations().stream().filter(XYPolygonAnnotation.class::isInstance).count());
        Document svg = Rendering.svg(chart, 960, chart.preferredSize().height);
        assertTrue(Rendering.texts(svg, "text").stream().anyMatch(t -> t.startsWith(
                "Test des différences entre sous-groupes : Q(1) = ")));
        assertTrue(Rendering.texts(svg, "text").stream().anyMatch(t -> t.matches("\\d+,\\d[\\u00a0\\u202f ]%.*")), "French numbers");
        Rendering.saveForInspection(chart, "forest-subgroups-fr");
    }

    @Test
    void oneStudyIsStillAForest() throws Exception {
        MetaResult one = MetaAnalysis.withDefaults().fit(EffectSizes.of(ProportionMeasure.PFT, new int[] {0},
                new int[] {40}));
        Chart chart = ForestPlot.of(one, ChartSpec.defaults());
        assertEquals(1, chart.toJFreeChart().getXYPlot().getDataset().getItemCount(0));
        Rendering.png(chart, 800, chart.preferredSize().height);
    }

    @Test
    void effectSizesWithoutAMeasureStayOnTheirScale() throws Exception {
        MetaResult raw = MetaAnalysis.withDefaults().fit(EffectSizes.of(new double[] {-0.2, 0.1, 0.4},
                new double[] {0.01, 0.02, 0.015}, java.util.List.of("a", "b", "c")));
        XYPlot plot = ForestPlot.of(raw, ChartSpec.defaults()).toJFreeChart().getXYPlot();
        assertEquals("Effect size", plot.getDomainAxis().getLabel());
        assertEquals(-0.2, plot.getDataset().getXValue(0, 0), 1e-15);
        assertTrue(plot.getDomainAxis().getLowerBound() < -0.2 - 1.96 * 0.1);
    }
}
