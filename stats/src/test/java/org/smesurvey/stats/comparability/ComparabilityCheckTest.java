package org.smesurvey.stats.comparability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.smesurvey.core.Figure;
import org.smesurvey.core.Indicator;
import org.smesurvey.core.NetworkScope;
import org.smesurvey.core.Observation;
import org.smesurvey.core.ObservationFilters;
import org.smesurvey.core.Region;
import org.smesurvey.core.SizeBand;
import org.smesurvey.core.StudyCatalogue;
import org.smesurvey.core.bundled.Bundled;

/** Real pairs from the bundled catalogue. */
class ComparabilityCheckTest {

    private static final StudyCatalogue CATALOGUE = Bundled.catalogue();

    private static Observation one(Predicate<Observation> predicate) {
        List<Observation> found = CATALOGUE.filter(predicate).observations();
        assertEquals(1, found.size(), () -> "expected one figure, found " + found);
        return found.get(0);
    }

    private static final Observation BPIFRANCE = one(ObservationFilters.study("BPIFRANCE_LAB_2018")
            .and(ObservationFilters.indicator("social_networks")));
    private static final Observation INSEE_2017 = one(ObservationFilters.study("INSEE_IR_2018")
            .and(ObservationFilters.indicator("social_networks")));

    private static Verdict verdict(ComparabilityReport report, Dimension dimension) {
        return report.assessment(dimension).orElseThrow().verdict();
    }

    @Test
    void twoContradictoryFrenchFiguresDifferOnScopeAndYear() {
        // Bpifrance 2018: 70 % of dirigeants' firms on public networks; Insee TIC 2017: "quatre sur dix" sociétés.
        ComparabilityReport report = ComparabilityCheck.withDefaults().compare(BPIFRANCE, INSEE_2017);
        assertEquals(Verdict.NOT_COMPARABLE, report.overall());
        assertEquals(Verdict.AFTER_ADJUSTMENT, verdict(report, Dimension.SIZE));
        assertEquals(Verdict.COMPARABLE, verdict(report, Dimension.REGION));
        assertEquals(Verdict.UNKNOWN, verdict(report, Dimension.RESPONDENTS));
        assertEquals(Verdict.NOT_COMPARABLE, verdict(report, Dimension.NETWORK_SCOPE));
        assertEquals(Verdict.COMPARABLE, verdict(report, Dimension.INDICATOR));
        assertEquals(Verdict.NOT_COMPARABLE, verdict(report, Dimension.YEAR));
        assertEquals(Verdict.UNKNOWN, verdict(report, Dimension.SAMPLING));
        assertEquals(Verdict.UNKNOWN, verdict(report, Dimension.SAMPLE_SIZE));
        assertEquals(Set.of(Adjustment.SIZE_HARMONISATION), report.adjustments());
        assertEquals("external against mixed networks: the ICT surveys' 'social networks' include internal ones such"
                + " as Yammer", report.assessment(Dimension.NETWORK_SCOPE).orElseThrow().reason());
        assertEquals("0-4999 and 10+ overlap but differ; re-express both on common bands with a reference population"
                + " (needs figures by size class)", report.assessment(Dimension.SIZE).orElseThrow().reason());
        assertEquals("fieldwork 2018 against 2017, 1 year(s) apart: adoption moved fast (leave YEAR out to study the"
                + " trend)", report.assessment(Dimension.YEAR).orElseThrow().reason());
        assertEquals(Verdict.COMPARABLE, verdict(ComparabilityCheck.withDefaults().withYearTolerance(1)
                .compare(BPIFRANCE, INSEE_2017), Dimension.YEAR));
        assertTrue(report.summary().startsWith("BPIFRANCE_LAB_2018 vs INSEE_IR_2018: not comparable\n"
                + "  size band: 0-4999 and 10+ overlap"), report.summary());
    }

    @Test
    void sizeClassesOfOneStudyAreNotComparable() {
        Predicate<Observation> destatis = ObservationFilters.study("DESTATIS_2020").and(ObservationFilters.years(2019, 2019));
        Observation small = one(destatis.and(o -> o.sizeBand().equals(Optional.of(SizeBand.of(10, 49)))));
        Observation large = one(destatis.and(o -> o.sizeBand().equals(Optional.of(SizeBand.atLeast(250)))));
        Observation all = one(destatis.and(o -> o.sizeBand().equals(Optional.of(SizeBand.atLeast(10)))));
        ComparabilityReport report = ComparabilityCheck.withDefaults().compare(small, large);
        assertEquals("10-49 and 250+ do not overlap: a difference is a size effect",
                report.assessment(Dimension.SIZE).orElseThrow().reason());
        assertEquals(Verdict.NOT_COMPARABLE, report.overall());
        // Without the size, only what Destatis does not state remains: who answered, the base.
        assertEquals(Verdict.UNKNOWN, ComparabilityCheck.withDefaults().ignoring(Dimension.SIZE).compare(small, large)
                .overall());
        assertEquals(Verdict.AFTER_ADJUSTMENT, verdict(ComparabilityCheck.withDefaults().compare(small, all),
                Dimension.SIZE));
    }

    @Test
    void anAggregateIsNotOneOfItsMembers() {
        Predicate<Observation> release = ObservationFilters.study("EUROSTAT_NR_2013")
                .and(ObservationFilters.indicator("social_media_any"));
        Observation eu = one(release.and(ObservationFilters.region(Region.EU28)));
        Observation france = one(release.and(ObservationFilters.region(Region.of("FR"))));
        Observation malta = one(release.and(ObservationFilters.region(Region.of("MT"))));
        assertEquals("the EU28 average against one of its members, France", ComparabilityCheck.withDefaults()
                .compare(eu, france).assessment(Dimension.REGION).orElseThrow().reason());
        ComparabilityReport countries = ComparabilityCheck.withDefaults().ignoring(Dimension.REGION).compare(france, malta);
        assertEquals(Optional.empty(), countries.assessment(Dimension.REGION));
        // Two countries of one official survey differ only in what is not stated: who answered, the base.
        assertEquals(Verdict.UNKNOWN, countries.overall());
        assertEquals(Verdict.COMPARABLE, verdict(countries, Dimension.SAMPLING));
    }

    @Test
    void theEuAndUkBoundariesDifferByOne() {
        Observation eu = Observation.builder(BPIFRANCE.study(), BPIFRANCE.indicator(), NetworkScope.EXTERNAL,
                new Figure.Counts(40, 100)).size("small", SizeBand.of(10, 49)).build();
        Observation uk = Observation.builder(BPIFRANCE.study(), BPIFRANCE.indicator(), NetworkScope.EXTERNAL,
                new Figure.Counts(45, 100)).size("small", SizeBand.of(11, 50)).build();
        Assessment size = ComparabilityCheck.withDefaults().compare(eu, uk).assessment(Dimension.SIZE).orElseThrow();
        assertEquals(Optional.of(Adjustment.SIZE_HARMONISATION), size.adjustment());
        assertTrue(size.reason().contains("differ only at the boundary"), size.reason());
    }

    @Test
    void sampleSizesAndWeightedFigures() {
        Observation amex = one(ObservationFilters.study("AMEX_OPEN_2011").and(ObservationFilters.years(2011, 2011))
                .and(ObservationFilters.platform(org.smesurvey.core.Platform.FACEBOOK)));
        Assessment precision = ComparabilityCheck.withDefaults().compare(amex, BPIFRANCE)
                .assessment(Dimension.SAMPLE_SIZE).orElseThrow();
        assertEquals(Verdict.COMPARABLE, precision.verdict());
        assertEquals("n = 728 and n = 1,657: their intervals carry the difference in precision", precision.reason());
        Observation loiret = one(ObservationFilters.study("CCI_LOIRET_2010"));
        Observation ons = one(ObservationFilters.study("ONS_2014"));
        assertTrue(ComparabilityCheck.withDefaults().compare(loiret, ons).assessment(Dimension.SAMPLE_SIZE)
                .orElseThrow().reason().endsWith("the smaller detects only large differences"));
        Observation weighted = Observation.builder(BPIFRANCE.study(), BPIFRANCE.indicator(), NetworkScope.EXTERNAL,
                new Figure.WithBase(0.7, 1657)).designEffect(2).build();
        Assessment adjusted = ComparabilityCheck.withDefaults().compare(weighted, BPIFRANCE)
                .assessment(Dimension.SAMPLE_SIZE).orElseThrow();
        assertEquals(Optional.of(Adjustment.EFFECTIVE_SAMPLE_SIZE), adjusted.adjustment());
        assertTrue(adjusted.reason().endsWith("effective sample size of 829"), adjusted.reason());
    }

    @Test
    void differentQuestionsAndPlatforms() {
        Observation linkedin = one(ObservationFilters.study("BPIFRANCE_LAB_2018")
                .and(ObservationFilters.platform(org.smesurvey.core.Platform.LINKEDIN)));
        Observation facebook = one(ObservationFilters.study("BPIFRANCE_LAB_2018")
                .and(ObservationFilters.platform(org.smesurvey.core.Platform.FACEBOOK)));
        assertEquals("different questions: platform_use (linkedin) against platform_use (facebook)",
                ComparabilityCheck.withDefaults().compare(linkedin, facebook).assessment(Dimension.INDICATOR)
                        .orElseThrow().reason());
        // A figure against itself: nothing differs, but Bpifrance does not state its sampling or sectors.
        assertEquals(Verdict.UNKNOWN, ComparabilityCheck.withDefaults().compare(linkedin, linkedin).overall());
    }

    @Test
    void comparesStudiesAndWholeSets() {
        List<Observation> bpiFigures = CATALOGUE.observationsOf(BPIFRANCE.study());
        List<Observation> opinionWay = CATALOGUE.observationsOf(CATALOGUE.study("OPINIONWAY_CORPCOM_2015").orElseThrow());
        ComparabilityReport studies = ComparabilityCheck.withDefaults().compare(BPIFRANCE.study(), bpiFigures,
                opinionWay.get(0).study(), opinionWay);
        assertEquals("BPIFRANCE_LAB_2018", studies.first());
        assertEquals(Verdict.NOT_COMPARABLE, verdict(studies, Dimension.RESPONDENTS), "ceo against ceo+finance");
        assertEquals(Verdict.COMPARABLE, verdict(studies, Dimension.NETWORK_SCOPE));
        assertEquals(Verdict.NOT_COMPARABLE, verdict(studies, Dimension.INDICATOR));

        List<Observation> three = List.of(BPIFRANCE, INSEE_2017, opinionWay.get(0));
        ComparabilityReport[][] all = ComparabilityCheck.withDefaults().compareAll(three);
        assertSame(all[0][1], all[1][0]);
        assertEquals(Verdict.COMPARABLE.worse(all[2][2].overall()), all[2][2].overall());
        assertEquals(3, all.length);
    }

    @Test
    void validatesItsValues() {
        assertThrows(IllegalArgumentException.class, () -> ComparabilityCheck.withDefaults().withYearTolerance(-1));
        assertThrows(IllegalArgumentException.class, () -> new Assessment(Dimension.SIZE, Verdict.COMPARABLE,
                Optional.of(Adjustment.SIZE_HARMONISATION), "x"));
        assertThrows(IllegalArgumentException.class, () -> new Assessment(Dimension.SIZE, Verdict.COMPARABLE,
                Optional.empty(), " "));
        assertEquals(Verdict.NOT_COMPARABLE, Verdict.UNKNOWN.worse(Verdict.NOT_COMPARABLE));
        assertEquals(Set.of(Dimension.YEAR), ComparabilityCheck.withDefaults().ignoring(Dimension.SIZE,
                Dimension.REGION, Dimension.SECTOR, Dimension.RESPONDENTS, Dimension.NETWORK_SCOPE, Dimension.INDICATOR,
                Dimension.SAMPLING, Dimension.SAMPLE_SIZE).dimensions());
        assertEquals(Indicator.of("social_networks", "").code(), BPIFRANCE.indicator().code());
    }

    /** With the adoption model, a gap in years becomes adjustable, by the points the model's time effect gives. */
    @org.junit.jupiter.api.Test
    void theAdoptionModelMakesYearsAdjustable() {
        org.smesurvey.core.StudyCatalogue catalogue = Bundled.catalogue();
        org.smesurvey.core.Observation insee = catalogue.observations().stream()
                .filter(o -> o.study().id().equals("INSEE_IP_2013") && o.indicator().code().equals("social_media_any"))
                .findFirst().orElseThrow();
        org.smesurvey.core.Observation bpifrance = catalogue.observations().stream()
                .filter(o -> o.study().id().equals("BPIFRANCE_LAB_2018") && o.indicator().code().equals("social_networks")
                        && o.sizeBand().map(b -> b.min() == 0).orElse(false)).findFirst().orElseThrow();
        org.smesurvey.stats.adoption.AdoptionModel.Fit fit = org.smesurvey.stats.adoption.AdoptionModel.fit(
                org.smesurvey.stats.adoption.AdoptionData.of(catalogue));
        Assessment plain = ComparabilityCheck.withDefaults().compare(bpifrance, insee).assessments().stream()
                .filter(a -> a.dimension() == Dimension.YEAR).findFirst().orElseThrow();
        assertEquals(Verdict.NOT_COMPARABLE, plain.verdict());
        Assessment adjusted = ComparabilityCheck.withDefaults().withModel(fit).compare(bpifrance, insee).assessments()
                .stream().filter(a -> a.dimension() == Dimension.YEAR).findFirst().orElseThrow();
        assertEquals(java.util.Optional.of(Adjustment.ADOPTION_MODEL), adjusted.adjustment());
        double time = org.smesurvey.stats.adoption.GapDecomposition.of(fit, bpifrance, insee).parts().get(0).points();
        assertTrue(adjusted.reason().contains(String.format(java.util.Locale.ROOT,
                "comparable after adjustment by the adoption model: the difference in years accounts for %+.1f points",
                time)), adjusted.reason());
        // The two studies, with their figures in the model: their years are adjusted too, their regions not.
        ComparabilityReport studies = ComparabilityCheck.withDefaults().withModel(fit).compare(bpifrance.study(),
                catalogue.observationsOf(bpifrance.study()), insee.study(), catalogue.observationsOf(insee.study()));
        Assessment years = studies.assessments().stream().filter(a -> a.dimension() == Dimension.YEAR).findFirst()
                .orElseThrow();
        assertEquals(Verdict.AFTER_ADJUSTMENT, years.verdict());
        assertTrue(years.reason().endsWith("comparable after adjustment by the adoption model, whose time effects both"
                + " studies' figures entered"), years.reason());
        assertEquals(ComparabilityCheck.withDefaults().compare(bpifrance.study(), catalogue.observationsOf(
                bpifrance.study()), insee.study(), catalogue.observationsOf(insee.study())).assessments().stream()
                .filter(a -> a.dimension() == Dimension.SAMPLING).findFirst().orElseThrow(), studies.assessments()
                .stream().filter(a -> a.dimension() == Dimension.SAMPLING).findFirst().orElseThrow());
    }
}
