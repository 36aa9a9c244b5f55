package org.smesurvey.stats.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.IntSummaryStatistics;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smesurvey.core.Observation;
import org.smesurvey.core.StudyCatalogue;
import org.smesurvey.core.bundled.Bundled;
import org.smesurvey.stats.comparability.Verdict;

class PoolingTest {

    @Test
    void poolsHoldComparableFiguresOnePerStudy() {
        StudyCatalogue catalogue = Bundled.catalogue();
        Pooling.Result result = Pooling.of(catalogue);
        assertFalse(result.pools().isEmpty());
        for (Pooling.Pool pool : result.pools()) {
            List<Observation> figures = pool.figures();
            assertTrue(figures.size() >= 2);
            assertEquals(figures.size(), figures.stream().map(Observation::study).distinct().count(), "one per study");
            assertEquals(figures.size(), pool.result().orElseThrow().k());
            for (Observation a : figures) {
                assertEquals(pool.topic(), Pooling.topic(a));
                for (Observation b : figures) {
                    assertNotEquals(Verdict.NOT_COMPARABLE, Pooling.CHECK.compare(a, b).overall());
                }
            }
        }
        long pooled = result.pools().stream().mapToLong(p -> p.figures().size()).sum();
        long unbased = catalogue.observations().stream().filter(o -> !o.figure().hasBase()).count();
        assertTrue(result.unweighable() >= unbased, "a figure without a base cannot be weighed");
        assertTrue(pooled + result.alone().size() + result.unweighable() <= catalogue.observations().size());
        result.alone().forEach(a -> assertFalse(a.reason().isBlank()));
    }

    @Test
    void aWindowOfYearsKeepsEachPoolWithinIt() {
        StudyCatalogue catalogue = Bundled.catalogue();
        Pooling.Result result = Pooling.of(catalogue, 3);
        for (Pooling.Pool pool : result.pools()) {
            IntSummaryStatistics years = pool.figures().stream().mapToInt(o -> o.effectiveYear().getAsInt())
                    .summaryStatistics();
            assertTrue(years.getMax() - years.getMin() <= 3, pool.topic() + ": " + years);
        }
        Pooling.Result whole = Pooling.of(catalogue);
        assertEquals(whole.unweighable(), result.unweighable());
        assertEquals(whole.pools().stream().mapToInt(p -> p.figures().size()).sum() + whole.alone().size(),
                result.pools().stream().mapToInt(p -> p.figures().size()).sum() + result.alone().size(),
                "every weighable figure is pooled or alone, with or without the window");
        assertTrue(result.alone().stream().anyMatch(a -> a.reason().startsWith("no other study's figure on this topic"
                + " is within 3 years")), result.alone().toString());
        assertThrows(IllegalArgumentException.class, () -> Pooling.of(catalogue, -1));
    }
}
