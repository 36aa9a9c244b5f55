package org.smesurvey.stats.proportion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.smesurvey.stats.EffectiveSample;
import org.smesurvey.stats.Interval;
import org.smesurvey.stats.TestResult;
import org.smesurvey.core.Observation;
import org.smesurvey.core.ObservationFilters;
import org.smesurvey.core.bundled.Bundled;
import tech.tablesaw.api.Table;

/** Each family of results exports to a Tablesaw table holding the same numbers. */
class TableExportTest {

    @Test
    void intervalsOfCatalogueFigures() {
        List<Observation> figures = Bundled.catalogue().filter(ObservationFilters.study("BITKOM_2023")).observations();
        Table table = ProportionInterval.WILSON.table(figures, 0.95);
        assertEquals("wilson", table.name());
        assertEquals(List.of("label", "study", "indicator", "region", "year", "size_band", "scope", "proportion",
                "effective_n", "lower", "upper"), table.columnNames());
        assertEquals(11 + 4, table.rowCount()); // 4 platforms added in 2026 (local platforms, Snapchat, Pinterest, Flickr)
        // The first figure has a base of 604; the size-band figures have none.
        assertEquals(ProportionInterval.WILSON.of(EffectiveSample.of(figures.get(0)), 0.95).lower(),
                table.doubleColumn("lower").get(0), 0.0);
        assertEquals(604, table.doubleColumn("effective_n").get(0), 0.0);
        assertEquals(3, table.doubleColumn("lower").countMissing());
        assertEquals(2023, table.intColumn("year").get(0));
        assertEquals("20+", table.stringColumn("size_band").get(0));
    }

    @Test
    void namedIntervalsAndTests() {
        Map<String, Interval> intervals = new LinkedHashMap<>();
        intervals.put("Newcombe", DifferenceInterval.NEWCOMBE.of(30, 80, 1160, 2600, 0.95));
        intervals.put("odds ratio", Ratios.oddsRatio(30, 80, 1160, 2600, 0.95));
        Table table = Interval.table(intervals);
        assertEquals(2, table.rowCount());
        assertEquals(intervals.get("odds ratio").upper(), table.doubleColumn("upper").get(1), 0.0);

        Map<String, TestResult> tests = new LinkedHashMap<>();
        tests.put("z", TwoProportionTest.Z_POOLED.test(30, 80, 1160, 2600));
        tests.put("trend", KProportions.trend(new int[] {44, 61, 79}, new int[] {100, 100, 100}, new double[] {1, 2, 3}));
        Table t = TestResult.table(tests);
        assertEquals(List.of("name", "method", "statistic", "df", "p_value"), t.columnNames());
        assertTrue(t.doubleColumn("df").isMissing(0), "a z statistic has no degrees of freedom");
        assertEquals(1, t.doubleColumn("df").get(1), 0.0);
        assertEquals(tests.get("z").pValue(), t.doubleColumn("p_value").get(0), 0.0);
    }

    @Test
    void powerCurve() {
        Table curve = StudyPlanning.powerCurve(0.35, 80, 2600, 0.05, 0.4, 0.45, 0.5);
        assertEquals(3, curve.rowCount());
        assertEquals(StudyPlanning.power(0.45, 0.35, 80, 2600, 0.05), curve.doubleColumn("power").get(1), 0.0);
        assertTrue(curve.doubleColumn("power").get(0) < curve.doubleColumn("power").get(2), "power rises with p1");
    }
}
