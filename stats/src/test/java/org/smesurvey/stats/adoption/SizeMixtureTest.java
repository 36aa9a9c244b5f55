package org.smesurvey.stats.adoption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.smesurvey.core.ReferencePopulations;
import org.smesurvey.core.Region;
import org.smesurvey.core.SizeBand;
import org.smesurvey.core.bundled.Bundled;

/**
 * Size bands as mixtures of the EU classes. Zipf's law checked against its density integrated numerically in R
 * 4.2.2 (stats/src/test/reference/zipf.R: {@code integrate(function(n) n^-2, a, b, rel.tol = 1e-12)} and the same
 * weighted by {@code log(n)}), to 1e-10.
 */
class SizeMixtureTest {

    private static final double R = 1e-10;

    @Test
    void zipfsLawAsIntegratedInR() {
        assertEquals(0.37500000000000006, SizeMixture.fraction(SizeBand.of(20, 49), SizeBand.of(10, 49)), R);
        assertEquals(0.91836734693877553, SizeMixture.fraction(SizeBand.of(0, 9), SizeBand.of(0, 49)), R);
        assertEquals(0.74415721188955042, SizeMixture.logSize(SizeBand.of(0, 9)), R);
        assertEquals(2.9002256148855206, SizeMixture.logSize(SizeBand.of(10, 49)), R);
        assertEquals(4.5096635273196206, SizeMixture.logSize(SizeBand.of(50, 249)), R);
        assertEquals(6.5214609178624308, SizeMixture.logSize(SizeBand.atLeast(250)), R);
        assertEquals(3.3848717856378867, SizeMixture.logSize(SizeBand.of(20, 49)), R);
    }

    @Test
    void tenPlusIsItsClassesWeightedByTheirEnterprises() {
        SizeMixture.ClassCounts counts = new SizeMixture.ClassCounts(List.of(900.0, 80.0, 15.0, 5.0), "test");
        SizeMixture tenPlus = SizeMixture.of(SizeBand.atLeast(10), counts);
        assertEquals(List.of(SizeBand.of(10, 49), SizeBand.of(50, 249), SizeBand.atLeast(250)),
                tenPlus.parts().stream().map(SizeMixture.Part::band).toList());
        assertEquals(0.8, tenPlus.parts().get(0).weight(), 1e-15);
        assertEquals(0.15, tenPlus.parts().get(1).weight(), 1e-15);
        assertEquals(0.05, tenPlus.parts().get(2).weight(), 1e-15);
        // A band inside a class is one part, at its own place on the size scale.
        SizeMixture inside = SizeMixture.of(SizeBand.of(20, 49), counts);
        assertEquals(1, inside.parts().size());
        assertEquals(SizeMixture.logSize(SizeBand.of(20, 49)), inside.parts().get(0).logSize(), 0);
        // 20-99 takes 3/8 of 10-49 and (1/50 - 1/100)/(1/50 - 1/250) = 5/8 of 50-249.
        SizeMixture across = SizeMixture.of(SizeBand.of(20, 99), counts);
        double small = 80 * 0.375;
        double medium = 15 * 0.625;
        assertEquals(small / (small + medium), across.parts().get(0).weight(), 1e-12);
    }

    @Test
    void countsComeFromTheRegionsRegisterElseTheEus() {
        ReferencePopulations bundled = Bundled.populations();
        SizeMixture.ClassCounts germany = SizeMixture.ClassCounts.of(Region.of("DE"), bundled);
        assertEquals("DESTATIS_URS_2022_SECTIONS", germany.source(), "the register's sections added up");
        SizeMixture.ClassCounts sweden = SizeMixture.ClassCounts.of(Region.of("SE"), bundled);
        assertEquals("SCB_FTG_2016", sweden.source());
        assertEquals(List.of(820653.0 + 248830.0, 33401.0, 5468.0, 1029.0), sweden.counts(), "0 and 1-9 tile 0-9");
        SizeMixture.ClassCounts iceland = SizeMixture.ClassCounts.of(Region.of("IS"), bundled);
        assertEquals("EUROSTAT_SBS_2023P (0-49 split by Zipf's law) (EU, for IS)", iceland.source());
        assertEquals(32_400_000 * 0.91836734693877553, iceland.counts().get(0), 1e-3);
        assertEquals(246_000, iceland.counts().get(2), 0);
    }

    @Test
    void badCountsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SizeMixture.ClassCounts(List.of(1.0, 2.0, 0.0, 4.0), "x"));
        assertTrue(e.getMessage().startsWith("Four positive class counts are needed"), e.getMessage());
    }
}
