package org.smesurvey.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYZDataset;
import org.junit.jupiter.api.Test;
import org.smesurvey.core.Observation;
import org.smesurvey.core.StudyCatalogue;
import org.smesurvey.core.bundled.Bundled;
import org.smesurvey.stats.comparability.ComparabilityCheck;
import org.smesurvey.stats.comparability.ComparabilityReport;
import org.w3c.dom.Document;

class ComparabilityMapTest {

    /** One bundled "uses social networks" figure from each of the first six studies that publish one. */
    static List<Observation> sixStudies() {
        return Bundled.catalogue().observations().stream()
                .filter(o -> o.indicator().code().equals("social_networks"))
                .filter(distinctStudy())
                .limit(6).toList();
    }

    private static java.util.function.Predicate<Observation> distinctStudy() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        return o -> seen.add(o.study().id());
    }

    @Test
    void cellsCarryTheVerdictsAndTheirReasons() throws Exception {
        List<Observation> figures = sixStudies();
        assertEquals(6, figures.size());
        Chart chart = ComparabilityMap.of(figures, ChartSpec.defaults());
        XYPlot plot = chart.toJFreeChart().getXYPlot();
        XYZDataset data = (XYZDataset) plot.getDataset();
        assertEquals(36, data.getItemCount(0));
        ComparabilityReport[][] reports = ComparabilityCheck.withDefaults().compareAll(figures);
        assertEquals(reports[0][1].overall().ordinal(), data.getZValue(0, 1), "cell (0, 1)");
        assertEquals(-1, data.getZValue(0, 7), "the diagonal");
        assertEquals(figures.get(5).label(), ((SymbolAxis) plot.getDomainAxis()).getSymbols()[5]);
        assertEquals(4, plot.getLegendItems().getItemCount());

        BufferedImage image = Rendering.png(chart, 900, 700);
        assertTrue(Rendering.pixels(image, ComparabilityMap.colour(reports[0][1].overall())) > 30 * 30);
        Document svg = Rendering.svg(chart, 900, 700);
        List<String> titles = Rendering.texts(svg, "title");
        assertEquals(30, titles.size(), "every cell but the diagonal");
        org.w3c.dom.Element cell = elementWithId(svg, "cell-0-1");
        assertEquals("title", cell.getFirstChild().getLocalName(), "the title is the cell's first child");
        assertEquals(ComparabilityMap.title(reports[0][1], Language.ENGLISH), cell.getFirstChild().getTextContent());
        String title = cell.getFirstChild().getTextContent();
        assertTrue(title.startsWith(Language.ENGLISH.label("verdict." + reports[0][1].overall().name()) + "\n"),
                title);
        for (var a : reports[0][1].assessments()) {
            if (a.verdict() != org.smesurvey.stats.comparability.Verdict.COMPARABLE) {
                assertTrue(title.contains(a.reason()), "English has the library's reasons: " + title);
            }
        }
        Rendering.saveForInspection(chart, "comparability-map");
    }

    /** In French the hover text is all French: labels for the verdicts, dimensions and adjustments, no code. */
    @Test
    void inFrenchTheReasonsAreInFrench() throws Exception {
        List<Observation> figures = sixStudies();
        ComparabilityReport[][] reports = ComparabilityCheck.withDefaults().compareAll(figures);
        Document svg = Rendering.svg(ComparabilityMap.of(figures, ChartSpec.builder().language(Language.FRENCH)
                .build()), 900, 700);
        for (String title : Rendering.texts(svg, "title")) {
            assertFalse(title.matches("(?s).*\\b[A-Z]{2,}_[A-Z_]+\\b.*"), "no code: " + title);
            for (var row : reports) {
                for (var r : row) {
                    if (r != null) {
                        for (var a : r.assessments()) {
                            assertFalse(!a.reason().isBlank() && title.contains(a.reason()), "no English reason: "
                                    + title);
                        }
                    }
                }
            }
        }
        assertTrue(Rendering.texts(svg, "title").stream().anyMatch(t -> t.contains("année") || t.contains("zone")
                || t.contains("classe de taille")), Rendering.texts(svg, "title").toString());
    }

    private static org.w3c.dom.Element elementWithId(Document svg, String id) {
        org.w3c.dom.NodeList groups = svg.getElementsByTagNameNS("*", "g");
        for (int i = 0; i < groups.getLength(); i++) {
            org.w3c.dom.Element g = (org.w3c.dom.Element) groups.item(i);
            if (g.getAttribute("id").equals(id)) {
                return g;
            }
        }
        throw new AssertionError("no element " + id);
    }

    @Test
    void oneFigureIsNotAMap() {
        assertEquals("A comparability map needs at least two figures: 1", assertThrows(IllegalArgumentException.class,
                () -> ComparabilityMap.of(sixStudies().subList(0, 1), ChartSpec.defaults())).getMessage());
    }

    @Test
    void studyByStudy() throws Exception {
        StudyCatalogue french = Bundled.catalogue().filter(o -> o.study().region().code().equals("FR"));
        Chart chart = ComparabilityMap.ofStudies(french, ComparabilityCheck.withDefaults(),
                ChartSpec.builder().language(Language.FRENCH).build());
        int n = french.studies().size();
        assertTrue(n >= 5, "French studies in the bundled catalogue: " + n);
        XYZDataset data = (XYZDataset) chart.toJFreeChart().getXYPlot().getDataset();
        assertEquals(n * n, data.getItemCount(0));
        ComparabilityReport first = ComparabilityCheck.withDefaults().compare(french.studies().get(0),
                french.observationsOf(french.studies().get(0)), french.studies().get(1),
                french.observationsOf(french.studies().get(1)));
        assertEquals(first.overall().ordinal(), data.getZValue(0, 1));
        Document svg = Rendering.svg(chart, 1000, 900);
        assertEquals(n * (n - 1), Rendering.texts(svg, "title").size());
        assertTrue(Rendering.texts(svg, "text").contains("Non comparables"));
        Rendering.saveForInspection(chart, "comparability-studies-fr");
    }
}
