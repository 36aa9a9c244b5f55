package org.smesurvey.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.junit.jupiter.api.Test;
import org.smesurvey.core.Observation;
import org.smesurvey.core.SizeBand;
import org.smesurvey.core.bundled.Bundled;
import org.w3c.dom.Document;

class SizeProfileChartTest {

    /** The bundled figures of one study and indicator by size band, leaving out the study-wide figure. */
    static List<Observation> bySize(String study, String indicator, SizeBand whole) {
        return Bundled.catalogue().observations().stream()
                .filter(o -> o.study().id().equals(study) && o.indicator().code().equals(indicator))
                .filter(o -> o.sizeBand().isPresent() && !o.sizeBand().get().equals(whole)).toList();
    }

    static List<Observation> germanAndFrench() {
        return Stream.of(bySize("DESTATIS_2020", "social_media_any", SizeBand.atLeast(10)),
                bySize("BITKOM_2023", "social_networks", SizeBand.atLeast(20)),
                bySize("INSEE_IP_2013", "social_media_any", SizeBand.atLeast(10))).flatMap(List::stream).toList();
    }

    @Test
    void bandsSitOnTheEmployeeScale() throws Exception {
        List<Observation> figures = germanAndFrench();
        Chart chart = SizeProfileChart.of(figures, ChartSpec.defaults());
        JFreeChart model = chart.toJFreeChart();
        XYPlot plot = model.getXYPlot();
        XYIntervalSeriesCollection data = (XYIntervalSeriesCollection) plot.getDataset();
        assertEquals(3, data.getSeriesCount());
        assertEquals("DESTATIS_2020 2019", data.getSeriesKey(0), "Destatis spans 2015-2019: the year is named");
        assertEquals(3, data.getItemCount(0), "10-49, 50-249, 250+");
        // Destatis 10-49: from 10 to 50 employees, centred at sqrt(500), 44 %.
        assertEquals(10, data.getStartXValue(0, 0));
        assertEquals(50, data.getEndXValue(0, 0));
        assertEquals(Math.sqrt(500), data.getXValue(0, 0), 1e-12);
        assertEquals(0.44, data.getYValue(0, 0), 1e-12);
        // Bitkom 500+: open, drawn from 500 to 2,000.
        assertEquals(2000, data.getEndXValue(1, 2));
        assertTrue(plot.getDomainAxis() instanceof LogAxis);
        assertEquals(4 + 3, plot.getDomainMarkers(org.jfree.chart.ui.Layer.BACKGROUND).size(),
                "four classes and three thresholds");
        Rendering.png(chart, 900, 560);
        Document svg = Rendering.svg(chart, 900, 560);
        assertTrue(Rendering.texts(svg, "text").containsAll(List.of("micro", "small", "medium", "large", "10", "50", "250",
                "BITKOM_2023")));
        Rendering.saveForInspection(chart, "size-profile");
    }

    @Test
    void frenchClassesAndLabels() throws Exception {
        Chart chart = SizeProfileChart.of(germanAndFrench(), ChartSpec.builder().language(Language.FRENCH).build());
        Document svg = Rendering.svg(chart, 900, 560);
        assertTrue(Rendering.texts(svg, "text").containsAll(List.of("TPE", "PME", "ETI", "10", "250")),
                Rendering.texts(svg, "text").toString());
        Rendering.saveForInspection(chart, "size-profile-fr");
    }

    @Test
    void figuresWithoutBandsAreNamed() {
        List<Observation> noBand = Bundled.catalogue().observations().stream()
                .filter(o -> o.effectiveSizeBand().isEmpty()).limit(2).toList();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SizeProfileChart.of(noBand, ChartSpec.defaults()));
        assertTrue(e.getMessage().startsWith("A size profile needs a size band; these figures have none: "
                + noBand.get(0).label()), e.getMessage());
        assertEquals("A size profile needs at least one figure", assertThrows(IllegalArgumentException.class,
                () -> SizeProfileChart.of(List.of(), ChartSpec.defaults())).getMessage());
    }
}
