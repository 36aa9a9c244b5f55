package org.smesurvey.stats.harmonisation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.smesurvey.core.ReferencePopulation;
import org.smesurvey.core.SizeBand;
import org.smesurvey.core.bundled.Bundled;
import org.smesurvey.stats.EffectiveSample;
import tech.tablesaw.api.Table;

class ReweightedTableTest {

    @Test
    void exportsContributionsAndResults() {
        ReferencePopulation us = Bundled.populations().population("US_SUSB_2002").orElseThrow();
        List<SizeFigure> figures = List.of(SizeFigure.of(SizeBand.of(0, 19), EffectiveSample.of(120, 400)),
                SizeFigure.of(SizeBand.of(20, 99), 0.45));
        Reweighted result = SizeHarmonisation.reexpress(figures, SizeBand.of(10, 49), us);
        Table contributions = result.toTable();
        assertEquals(List.of("source", "part", "enterprises", "weight", "apportioned"), contributions.columnNames());
        assertEquals("20-49", contributions.stringColumn("part").get(1));
        assertTrue(contributions.booleanColumn("apportioned").get(1));
        assertEquals(1, contributions.doubleColumn("weight").sum(), 1e-12);
        Table results = Reweighted.table(List.of(result));
        assertEquals("PARTIAL_OVERLAP|COUNTS_SPLIT_BY_SIZE_LAW|NO_VARIANCE", results.stringColumn("caveats").get(0));
        assertTrue(results.doubleColumn("standard_error").isMissing(0));
        assertEquals(result.proportion(), results.doubleColumn("proportion").get(0), 0.0);
    }
}
