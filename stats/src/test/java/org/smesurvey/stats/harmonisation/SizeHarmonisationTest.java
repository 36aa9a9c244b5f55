package org.smesurvey.stats.harmonisation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.smesurvey.core.NaceSection;
import org.smesurvey.core.Observation;
import org.smesurvey.core.ObservationFilters;
import org.smesurvey.core.PopulationCount;
import org.smesurvey.core.ReferencePopulation;
import org.smesurvey.core.ReferencePopulations;
import org.smesurvey.core.Region;
import org.smesurvey.core.SizeBand;
import org.smesurvey.core.SizeClassScheme;
import org.smesurvey.core.bundled.Bundled;
import org.smesurvey.stats.EffectiveSample;
import org.smesurvey.stats.Interval;
import org.smesurvey.stats.internal.ZipfLaw;

/**
 * Expected values: R 4.2.2, stats/src/test/reference/harmonisation.R, which computes
 * {@code sum(w * p)} and {@code sqrt(sum(w^2 * v))} with {@code w <- n / sum(n)} for the stated counts; a part of
 * a counted band gets Zipf's share, {@code zipf(a, b, A, B) = (1 / max(a, 1) - 1 / b) / (1 / max(A, 1) - 1 / B)}
 * for [a, b) in [A, B), in closed form (held to 1e-12), and integrated numerically with {@code integrate(function(n)
 * n^-2, ..., rel.tol = 1e-12)} (held to 1e-8).
 */
class SizeHarmonisationTest {

    private static final double TOLERANCE = 1e-12;

    /** US Census SUSB 2002 firm counts by employment size (bundled). */
    private static final ReferencePopulation US_2002 =
            Bundled.populations().population("US_SUSB_2002").orElseThrow();

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

    /**
     * A part of a counted band gets the share of a Pareto law fitted to the register's bands from that band up. R
     * (harmonisation.R): {@code a20 <- tail_alpha(c(20, 100, 500), c(607428, 99179, 16845))} = 1.1137987197628545
     * ({@code -coef(lm(log(S) ~ log(x)))[2]}), {@code pareto(20, 50, 20, 100, a20)} = 0.76740241330034409 (Zipf's
     * law gave 0.75, the width 0.375); 10-49 weighted by {@code c(613880, 508249 * pareto(20, 50, 20, 100, a20))}.
     */
    @Test
    void partsOfCountedBandsAreSplitByAParetoLawFittedToTheRegister() {
        Reweighted tenToFortyNine = SizeHarmonisation.reexpress(US_FIGURES, SizeBand.of(10, 49), US_2002);
        assertResult(0.35827677622973164, 0.019572860644203542, tenToFortyNine);
        assertEquals(Set.of(Caveat.PARTIAL_OVERLAP, Caveat.COUNTS_SPLIT_BY_SIZE_LAW), tenToFortyNine.caveats());
        Contribution split = tenToFortyNine.contributions().get(1);
        assertEquals(SizeBand.of(20, 49), split.part());
        assertTrue(split.apportioned());
        assertEquals(508_249 * 0.76740241330034409, split.enterprises(), 1e-8);
        CountSplit count = split.splits().get(0);
        assertEquals(1, split.splits().size());
        assertEquals("US_SUSB_2002", count.population());
        assertEquals(SizeBand.of(20, 99), count.counted());
        assertEquals(SizeBand.of(20, 49), count.part());
        assertEquals(0.76740241330034409, count.fraction(), TOLERANCE);
        assertEquals(1.1137987197628545, count.exponent(), TOLERANCE);
        assertTrue(count.fitted());
        assertFalse(tenToFortyNine.contributions().get(0).apportioned(), "10-19 is counted");
        assertEquals(List.of("US_SUSB_2002 counts 20-99 only as a whole (508,249 enterprises): 20-49 given 76.7 % of "
                + "them by a Pareto law fitted to its bands from 20 employees up (exponent 1.11)"),
                tenToFortyNine.assumptions());
    }

    @Test
    void theUkBoundaryIsFlagged() {
        // EU-style figures for 10-49 and 50-249 re-expressed on the UK's "not more than 50": 11-50.
        // R: c(613880 * pareto(11, 20, 10, 20, a10) + 508249 * pareto(20, 50, 20, 100, a20),
        // 508249 * pareto(50, 51, 20, 100, a20)), a10 = 1.1011611792870986 fitted from 10 employees up.
        List<SizeFigure> eu = List.of(SizeFigure.of(SizeBand.of(10, 49), new EffectiveSample(0.44 * 300, 300)),
                SizeFigure.of(SizeBand.of(50, 249), new EffectiveSample(0.61 * 150, 150)));
        Reweighted uk = SizeHarmonisation.reexpress(eu, SizeBand.of(11, 50), US_2002);
        assertResult(0.44091149268535723, 0.028506052305037992, uk);
        assertEquals(Set.of(Caveat.PARTIAL_OVERLAP, Caveat.BOUNDARY_DIFFERENCE, Caveat.COUNTS_SPLIT_BY_SIZE_LAW),
                uk.caveats());
        assertEquals(3, uk.assumptions().size(), "10-19 split once, 20-99 twice: " + uk.assumptions());
    }

    /**
     * The shares Zipf's law gives, against R: {@code zipf(10, 50, 10, 250)}, {@code zipf(20, 50, 20, 100)},
     * {@code zipf(11, 20, 10, 20)}, {@code zipf(50, 51, 20, 100)} and {@code zipf(500, 1000, 500, Inf)} in closed
     * form, and the same integrated numerically (harmonisation.R's "zipf integrated" line).
     */
    @Test
    void zipfSharesAsInR() {
        List<SizeBand[]> cases = List.of(new SizeBand[] {SizeBand.of(10, 49), SizeBand.of(10, 249)},
                new SizeBand[] {SizeBand.of(20, 49), SizeBand.of(20, 99)},
                new SizeBand[] {SizeBand.of(11, 19), SizeBand.of(10, 19)},
                new SizeBand[] {SizeBand.of(50, 50), SizeBand.of(20, 99)},
                new SizeBand[] {SizeBand.of(500, 999), SizeBand.atLeast(500)});
        double[] closed = {0.83333333333333337, 0.75, 0.81818181818181812, 0.0098039215686274682, 0.5};
        double[] integrated = {0.83333333333333326, 0.75000000000000011, 0.81818181818181812, 0.0098039215686274526,
            0.5};
        for (int i = 0; i < cases.size(); i++) {
            double share = ZipfLaw.fraction(cases.get(i)[0], cases.get(i)[1]);
            assertEquals(closed[i], share, TOLERANCE, cases.get(i)[0] + " in " + cases.get(i)[1]);
            assertEquals(integrated[i], share, 1e-8, cases.get(i)[0] + " in " + cases.get(i)[1]);
        }
    }

    /**
     * Insee 2015 (Insee Première 1594): 33 % of sociétés of 10-49 had neither a website nor a social media account,
     * 11 % of 50-249, 5 % of 250+. Insee's register of 2015 (INSEE_TEF_2018) counts 140,000 enterprises of 10-249 as
     * one band, 5,800 of 250-4,999 and 287 of 5,000+. Zipf's law puts 83.3 % of the 140,000 in 10-49; their widths
     * (40 : 200) put 16.7 % there and gave 14.3 % for 10+ (R: {@code weighted.mean(c(0.33, 0.11, 0.05),
     * c(140000 * 40 / 240, 140000 * 200 / 240, 6087))} = 0.14263886131779921), as if most enterprises of 10+ had 50
     * employees or more. The register's own bands fit a Pareto law of exponent 1.002682219788507 from 10 employees
     * up (R: {@code tail_alpha(c(10, 250, 5000), c(146087, 6087, 287))}, Zipf's law's 1 within 0.3 %): R:
     * {@code n <- c(140000 * pareto(10, 50, 10, 250, a15), 140000 * pareto(50, 250, 10, 250, a15), 5800 + 287);
     * sum(n / sum(n) * c(0.33, 0.11, 0.05))} = 0.28332060140889126 (Zipf's law: 0.28319437504135664).
     */
    @Test
    void insee2015TenPlusIsWeightedByZipfsSplitOfItsRegister() {
        ReferencePopulation insee = Bundled.populations().population("INSEE_TEF_2018").orElseThrow();
        List<SizeFigure> classes = List.of(SizeFigure.of(SizeBand.of(10, 49), 0.33),
                SizeFigure.of(SizeBand.of(50, 249), 0.11), SizeFigure.of(SizeBand.atLeast(250), 0.05));
        Reweighted tenPlus = SizeHarmonisation.reexpress(classes, SizeBand.atLeast(10), insee);
        assertEquals(0.28332060140889126, tenPlus.proportion(), TOLERANCE);
        double[] enterprises = {116750.48499100318, 23249.515008996823, 6087};
        for (int i = 0; i < enterprises.length; i++) {
            assertEquals(enterprises[i], tenPlus.contributions().get(i).enterprises(), 1e-8);
        }
        assertEquals(Set.of(Caveat.COUNTS_SPLIT_BY_SIZE_LAW, Caveat.NO_VARIANCE), tenPlus.caveats());
        assertFalse(tenPlus.contributions().get(2).apportioned(), "250-4999 and 5000+ tile 250+");
        assertEquals(List.of("INSEE_TEF_2018 counts 10-249 only as a whole (140,000 enterprises): 10-49 given 83.4 % "
                + "of them by a Pareto law fitted to its bands from 10 employees up (exponent 1.00)", "INSEE_TEF_2018"
                + " counts 10-249 only as a whole (140,000 enterprises): 50-249 given 16.6 % of them by a Pareto law"
                + " fitted to its bands from 10 employees up (exponent 1.00)"), tenPlus.assumptions());
        String summary = tenPlus.summary();
        assertTrue(summary.startsWith("10+: 28.3 %"), summary);
        assertTrue(summary.contains("Caveats: counts split by size law, no variance"), summary);
        assertTrue(summary.contains("\nAssumed: INSEE_TEF_2018 counts 10-249 only as a whole"), summary);
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
        ReferencePopulation gap = new ReferencePopulation("GAPPED", "test", Region.of("FR"), 2015, "test",
                java.util.Optional.empty(), List.of(count("0-9", SizeBand.of(0, 9), 3_674_000),
                        count("250+", SizeBand.atLeast(250), 6087)));
        assertEquals("Population GAPPED cannot count 10-49: it counts [0-9, 250+]", assertThrows(
                IllegalArgumentException.class, () -> SizeHarmonisation.reexpress(
                        List.of(SizeFigure.of(SizeBand.of(10, 49), 0.3)), SizeBand.of(10, 49), gap)).getMessage());
    }

    private static PopulationCount count(String name, SizeBand band, long enterprises) {
        return new PopulationCount(name, band, java.util.OptionalLong.of(enterprises), java.util.Optional.empty(), "");
    }

    @Test
    void anOpenCountedBandIsSplitByZipfsLawToo() {
        // One bound only (500) to fit from: Zipf's law. R: 16845 * zipf(500, 1000, 500, Inf) = 8422.5; a single
        // figure keeps its proportion.
        List<SizeFigure> large = List.of(SizeFigure.of(SizeBand.atLeast(500), 0.7));
        Reweighted result = SizeHarmonisation.reexpress(large, SizeBand.of(500, 999), US_2002);
        assertEquals(0.7, result.proportion(), 0.0);
        assertEquals(8422.5, result.contributions().get(0).enterprises(), TOLERANCE);
        assertFalse(result.contributions().get(0).splits().get(0).fitted());
        assertTrue(result.assumptions().get(0).endsWith("by Zipf's law (density ∝ n^-2, Axtell 2001), too few of its"
                + " bands to fit one"), result.assumptions().toString());
        assertEquals(Set.of(Caveat.PARTIAL_OVERLAP, Caveat.COUNTS_SPLIT_BY_SIZE_LAW, Caveat.NO_VARIANCE),
                result.caveats());
    }

    /**
     * Destatis 2019: 44 % (10-49), 61 % (50-249) and 79 % (250+) of enterprises used social media; the published
     * 10+ figure is 48 %. Weighted by the enterprises of Destatis' business register (GENESIS 52111-0001, 2022, the
     * ICT survey's NACE sections C-J and L-N) the three give 47.68 %, which rounds to the published 48 %.
     * R 4.2.2: {@code weighted.mean(c(0.44, 0.61, 0.79), c(255145, 46030, 10425))} = 0.47682236842105263.
     */
    @Test
    void reproducesTheDestatisHeadlineFromItsSizeClasses() {
        List<Observation> destatis = Bundled.catalogue().filter(ObservationFilters.study("DESTATIS_2020")
                .and(ObservationFilters.years(2019, 2019))).observations();
        List<SizeFigure> classes = destatis.stream().filter(o -> !o.sizeBand().orElseThrow().equals(SizeBand.atLeast(10)))
                .map(SizeFigure::of).toList();
        double published = destatis.stream().filter(o -> o.sizeBand().orElseThrow().equals(SizeBand.atLeast(10)))
                .findFirst().orElseThrow().figure().proportion();
        ReferencePopulations bundled = Bundled.populations();
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
