package org.smesurvey.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.junit.jupiter.api.Test;
import org.smesurvey.core.Observation;
import org.smesurvey.core.SizeBand;
import org.smesurvey.core.bundled.Bundled;
import org.w3c.dom.Document;

class TrendChartTest {

    /** Bundled Eurostat-type figures: enterprises of 10+ employees using any social media, in four countries. */
    static List<Observation> fourCountries() {
        Set<String> countries = Set.of("RO", "MT", "IE", "BG");
        return Bundled.catalogue().observations().stream()
                .filter(o -> o.indicator().code().equals("social_media_any") && countries.contains(o.region().code()))
                .filter(o -> o.sizeBand().equals(java.util.Optional.of(SizeBand.atLeast(10)))).toList();
    }

    @Test
    void oneLinePerCountryInYearOrder() throws Exception {
        List<Observation> figures = fourCountries();
        Chart chart = TrendChart.byRegion(figures, ChartSpec.defaults());
        XYPlot plot = chart.toJFreeChart().getXYPlot();
        XYIntervalSeriesCollection data = (XYIntervalSeriesCollection) plot.getDataset();
        assertEquals(4, data.getSeriesCount());
        int romania = data.indexOf("RO");
        assertEquals(5, data.getItemCount(romania));
        // RO: 19 % in 2013 (Eurostat news release 2013) ... 36 % in 2021.
        assertEquals(2013, data.getXValue(romania, 0));
        assertEquals(0.19, data.getYValue(romania, 0), 1e-12);
        assertEquals(2021, data.getXValue(romania, 4));
        assertEquals(0.36, data.getYValue(romania, 4), 1e-12);
        assertEquals(figures.size(), data.getItemCount(0) + data.getItemCount(1) + data.getItemCount(2)
                + data.getItemCount(3));
        assertEquals(2012.5, plot.getDomainAxis().getLowerBound());
        Rendering.png(chart, 900, 560);
        Document svg = Rendering.svg(chart, 900, 560);
        assertTrue(Rendering.texts(svg, "text").containsAll(List.of("2013", "2021", "RO", "MT", "Year")));
        Rendering.saveForInspection(chart, "trend-countries");
    }

    @Test
    void figuresWithACountedBaseGetIntervals() throws Exception {
        List<Observation> amex = Bundled.catalogue().observations().stream()
                .filter(o -> o.study().id().equals("AMEX_OPEN_2011")).toList();
        Chart chart = TrendChart.bySizeClass(amex, ChartSpec.builder().language(Language.FRENCH).build());
        XYIntervalSeriesCollection data = (XYIntervalSeriesCollection) chart.toJFreeChart().getXYPlot().getDataset();
        assertEquals("0-99", data.getSeriesKey(0));
        boolean anyInterval = false;
        for (int i = 0; i < data.getItemCount(0); i++) {
            anyInterval |= data.getEndYValue(0, i) > data.getYValue(0, i);
        }
        assertTrue(anyInterval, "the 2011 figures have n = 728");
        assertTrue(Rendering.texts(Rendering.svg(chart, 700, 400), "text").contains("Année"));
    }

    @Test
    void emptyOrUnnamedSeriesAreRefused() {
        assertEquals("A trend chart needs at least one figure", assertThrows(IllegalArgumentException.class,
                () -> TrendChart.byRegion(List.of(), ChartSpec.defaults())).getMessage());
        Observation first = fourCountries().get(0);
        assertEquals("The series of figure " + first.label() + " is null", assertThrows(NullPointerException.class,
                () -> TrendChart.of(List.of(first), o -> null, ChartSpec.defaults())).getMessage());
    }
}
