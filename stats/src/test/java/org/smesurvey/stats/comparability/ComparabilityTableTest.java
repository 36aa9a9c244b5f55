package org.smesurvey.stats.comparability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.smesurvey.core.Observation;
import org.smesurvey.core.ObservationFilters;
import org.smesurvey.core.bundled.Bundled;
import tech.tablesaw.api.Table;

class ComparabilityTableTest {

    @Test
    void exportsAReportAndAPairwiseMap() {
        List<Observation> destatis = Bundled.catalogue().filter(ObservationFilters.study("DESTATIS_2020")
                .and(ObservationFilters.years(2019, 2019))).observations();
        ComparabilityCheck check = ComparabilityCheck.withDefaults().ignoring(Dimension.SAMPLE_SIZE);
        Table report = check.compare(destatis.get(0), destatis.get(1)).toTable();
        assertEquals(List.of("dimension", "verdict", "adjustment", "reason"), report.columnNames());
        assertEquals(8, report.rowCount());
        assertEquals("SIZE", report.stringColumn("dimension").get(0));
        assertEquals("SIZE_HARMONISATION", report.stringColumn("adjustment").get(0), "10+ against 10-49");

        Table map = check.table(destatis);
        assertEquals(4 * 3 / 2, map.rowCount());
        assertEquals(3 + 8, map.columnCount());
        assertEquals("NOT_COMPARABLE", map.stringColumn("size").get(map.rowCount() - 1), "50-249 against 250+");
    }
}
