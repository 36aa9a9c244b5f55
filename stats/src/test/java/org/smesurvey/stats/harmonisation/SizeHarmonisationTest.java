package org.smesurvey.stats.harmonisation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.smesurvey.core.NaceSection;
import org.smesurvey.core.Observation;
import org.smesurvey.core.ObservationFilters;
import org.smesurvey.core.ReferencePopulation;
import org.smesurvey.core.ReferencePopulations;
import org.smesurvey.core.SizeBand;
import org.smesurvey.core.SizeClassScheme;
import org.smesurvey.core.StudyCatalogue;
import org.smesurvey.stats.EffectiveSample;
import org.smesurvey.stats.Interval;

/**
 * Expected values: R 4.2.2, stats/src/test/reference/harmonisation.R, which computes
 * {@code sum(w * p)} and {@code sqrt(sum(w^2 * v))} with {@code w <- n / sum(n)} for the stated counts.
 */
class SizeHarmonisationTest {

    private static final double TOLERANCE = 1e-12;

    /** US Census SUSB 2002 firm counts by employment size (bundled). */
    private static final ReferencePopulation US_2002 =
            ReferencePopulations.bundled().population("US_SUSB_2002").orElseThrow();

    private static final List<SizeFigure> US_FIGURES = List.of(
            SizeFigure.of(SizeBand.of(0, 19), EffectiveSample.of(120, 400)),
            SizeFigure.of(SizeBand.of(20, 99), EffectiveSample.of(90, 200)),
            SizeFigure.of(SizeBand.of(100, 499), EffectiveSample.of(60, 100)));

    private static void assertResult(double proportion, double se, Reweighted result) {
        assertEquals(proportion, result.proportion(), TOLERANCE);
        assertEquals(se, result.standardError().getAsDouble(), TOLERANCE);
    }

    @Test
    void bandsTiledByCountedBandsNeedNoAssumption() {
        // R: 0-99 from 0-19 and 20-99 weighted by c(5090331, 508249).
        Reweighted small = SizeHarmonisation.reexpress(US_FIGURES, SizeBand.of(0, 99), US_2002);
        assertResult(0.31361726544945329, 0.021076159172288222, small);
        assertEquals(Set.of(), small.caveats());
        assertEquals(2, small.contributions().size());
        assertEquals(5_090_331, small.contributions().get(0).enterprises(), 0.0);
        // R: 0-499 weighted by c(5090331, 508249, 82334).
        assertResult(0.3177678363023978, 0.02078283229403477,
                SizeHarmonisation.reexpress(US_FIGURES, SizeBand.of(0, 499), US_2002));
    }

    @Test
    void partsOfCountedBandsAreApportionedAndFlagged() {
        // R: 10-49 weighted by c(613880, 508249 * 30 / 80).
        Reweighted tenToFortyNine = SizeHarmonisation.reexpress(US_FIGURES, SizeBand.of(10, 49), US_2002);
        assertResult(0.33553754187327828, 0.019369194511078519, tenToFortyNine);
        assertEquals(Set.of(Caveat.PARTIAL_OVERLAP, Caveat.APPORTIONED_COUNTS), tenToFortyNine.caveats());
        Contribution apportioned = tenToFortyNine.contributions().get(1);
        assertEquals(SizeBand.of(20, 49), apportioned.part());
        assertTrue(apportioned.apportioned());
        assertEquals(508_249 * 30.0 / 80, apportioned.enterprises(), 1e-9);
    }

    @Test
    void theUkBoundaryIsFlagged() {
        // EU-style figures for 10-49 and 50-249 re-expressed on the UK's "not more than 50": 11-50.
        // R: c(613880 * 9 / 10 + 508249 * 30 / 80, 508249 / 80).
        List<SizeFigure> eu = List.of(SizeFigure.of(SizeBand.of(10, 49), new EffectiveSample(0.44 * 300, 300)),
                SizeFigure.of(SizeBand.of(50, 249), new EffectiveSample(0.61 * 150, 150)));
        Reweighted uk = SizeHarmonisation.reexpress(eu, SizeBand.of(11, 50), US_2002);
        assertResult(0.4414411177741922, 0.028417972766062775, uk);
        assertEquals(Set.of(Caveat.PARTIAL_OVERLAP, Caveat.BOUNDARY_DIFFERENCE, Caveat.APPORTIONED_COUNTS),
                uk.caveats());
    }

    @Test
    void aBandInsideOneSourceTakesItsProportion() {
        Reweighted micro = SizeHarmonisation.reexpress(US_FIGURES, SizeBand.of(0, 9), US_2002);
        assertEquals(0.3, micro.proportion(), TOLERANCE);
        assertEquals(Set.of(Caveat.PARTIAL_OVERLAP), micro.caveats(), "0-9 is tiled by 0, 1-4 and 5-9");
        assertEquals(770_041 + 2_695_606 + 1_010_804, micro.contributions().get(0).enterprises(), 0.0);
    }

    @Test
    void reexpressesOnTheClassesOfAScheme() {
        List<Reweighted> sba = SizeHarmonisation.reexpress(US_FIGURES, SizeClassScheme.US_SBA, US_2002);
        assertEquals(1, sba.size(), "500+ has no figure");
        assertEquals(SizeBand.of(0, 499), sba.get(0).band());
        assertResult(0.3177678363023978, 0.02078283229403477, sba.get(0));
    }

    @Test
    void withoutVarianceThereIsNoInterval() {
        List<SizeFigure> published = List.of(SizeFigure.of(SizeBand.of(0, 19), 0.3), SizeFigure.of(SizeBand.of(20, 99),
                0.45));
        Reweighted result = SizeHarmonisation.reexpress(published, SizeBand.of(0, 99), US_2002);
        assertEquals(0.31361726544945329, result.proportion(), TOLERANCE);
        assertTrue(result.standardError().isEmpty());
        assertEquals(Set.of(Caveat.NO_VARIANCE), result.caveats());
        assertEquals("The standard error is unknown: a source figure of 0-99 was published without a base",
                assertThrows(IllegalStateException.class, () -> result.interval(0.95)).getMessage());
    }

    @Test
    void intervalIsWaldAroundTheEstimate() {
        Interval interval = SizeHarmonisation.reexpress(US_FIGURES, SizeBand.of(0, 99), US_2002).interval(0.95);
        // R: 0.31361726544945329 + c(-1, 1) * qnorm(0.975) * 0.021076159172288222
        assertEquals(0.27230875253933484, interval.lower(), 1e-12);
        assertEquals(0.35492577835957173, interval.upper(), 1e-12);
    }

    @Test
    void refusesWhatCannotBeReexpressed() {
        assertEquals("The figures do not cover 0-999: nothing for [500-999]", assertThrows(
                IllegalArgumentException.class,
                () -> SizeHarmonisation.reexpress(US_FIGURES, SizeBand.of(0, 999), US_2002)).getMessage());
        assertEquals("Source bands overlap: 0-19 and 10-49; give figures for disjoint bands",
                assertThrows(IllegalArgumentException.class, () -> SizeHarmonisation.reexpress(
                        List.of(SizeFigure.of(SizeBand.of(0, 19), 0.3), SizeFigure.of(SizeBand.of(10, 49), 0.4)),
                        SizeBand.of(0, 49), US_2002)).getMessage());
        List<SizeFigure> large = List.of(SizeFigure.of(SizeBand.atLeast(500), 0.7));
        assertEquals("Population US_SUSB_2002 counts 500-999 only as the open band 500+, which cannot be apportioned",
                assertThrows(IllegalArgumentException.class,
                        () -> SizeHarmonisation.reexpress(large, SizeBand.of(500, 999), US_2002)).getMessage());
    }

    /**
     * Destatis 2019: 44 % (10-49), 61 % (50-249) and 79 % (250+) of enterprises used social media; the published
     * 10+ figure is 48 %. Weighted by the enterprises of Destatis' business register (GENESIS 52111-0001, 2022, the
     * ICT survey's NACE sections C-J and L-N) the three give 47.68 %, which rounds to the published 48 %.
     * R 4.2.2: {@code weighted.mean(c(0.44, 0.61, 0.79), c(255145, 46030, 10425))} = 0.47682236842105263.
     */
    @Test
    void reproducesTheDestatisHeadlineFromItsSizeClasses() {
        List<Observation> destatis = StudyCatalogue.bundled().filter(ObservationFilters.study("DESTATIS_2020")
                .and(ObservationFilters.years(2019, 2019))).observations();
        List<SizeFigure> classes = destatis.stream().filter(o -> !o.sizeBand().orElseThrow().equals(SizeBand.atLeast(10)))
                .map(SizeFigure::of).toList();
        double published = destatis.stream().filter(o -> o.sizeBand().orElseThrow().equals(SizeBand.atLeast(10)))
                .findFirst().orElseThrow().figure().proportion();
        ReferencePopulations bundled = ReferencePopulations.bundled();
        List<ReferencePopulation> ictSections = java.util.EnumSet.range(NaceSection.C, NaceSection.N).stream()
                .filter(s -> s != NaceSection.K)
                .map(s -> bundled.population("DESTATIS_URS_2022_" + s.name()).orElseThrow()).toList();
        ReferencePopulation germany = ReferencePopulation.sum("DE_2022_ICT_SCOPE", "NACE C-J, L-N", ictSections);

        Reweighted tenPlus = SizeHarmonisation.reexpress(classes, SizeBand.atLeast(10), germany);
        assertEquals(0.47682236842105263, tenPlus.proportion(), TOLERANCE);
        assertEquals(0.48, published, 0.0);
        assertEquals(Math.round(published * 100), Math.round(tenPlus.proportion() * 100));
        assertEquals(Set.of(Caveat.NO_VARIANCE), tenPlus.caveats(), "Destatis publishes no base");
        assertEquals(List.of(255_145.0, 46_030.0, 10_425.0),
                tenPlus.contributions().stream().map(Contribution::enterprises).toList());
    }
}
