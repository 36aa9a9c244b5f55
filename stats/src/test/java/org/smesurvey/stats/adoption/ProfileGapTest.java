package org.smesurvey.stats.adoption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smesurvey.core.Observation;
import org.smesurvey.core.ReferencePopulation;
import org.smesurvey.core.ReferencePopulations;
import org.smesurvey.core.Sectors;
import org.smesurvey.core.SizeBand;
import org.smesurvey.core.StudyCatalogue;
import org.smesurvey.core.bundled.Bundled;
import org.smesurvey.stats.harmonisation.RateDecomposition;

/**
 * Destatis 2019 (Germany) against SCB 2013 (Sweden) over the size classes 10-49 and 250+, each weighted by its own
 * enterprises: Kitagawa's size mix (RateDecomposition, checked against R in its own test), then each class's gap
 * split by the adoption model and summed with the weights (c_A + c_B)/2.
 */
class ProfileGapTest {

    private static AdoptionModel.Fit fit;
    private static ProfileGap gap;

    @BeforeAll
    static void decompose() {
        StudyCatalogue bundled = Bundled.catalogue();
        fit = AdoptionModel.fit(AdoptionData.of(bundled));
        ReferencePopulations populations = Bundled.populations();
        ReferencePopulation germany = ReferencePopulation.sum("DE_2022_ICT_SCOPE", "NACE " + Sectors.ICT_SURVEY.label(),
                Sectors.ICT_SURVEY.sections().stream().map(s -> populations.population("DESTATIS_URS_2022_" + s.name())
                        .orElseThrow()).toList());
        ReferencePopulation sweden = populations.population("SCB_FTG_2016").orElseThrow();
        gap = ProfileGap.of(fit, List.of(figure(bundled, "DESTATIS_2020", 0.44), figure(bundled, "DESTATIS_2020", 0.79)),
                germany, List.of(figure(bundled, "SCB_2013", 0.69), figure(bundled, "SCB_2013", 0.41)), sweden);
    }

    private static Observation figure(StudyCatalogue catalogue, String study, double proportion) {
        return catalogue.observations().stream().filter(o -> o.study().id().equals(study)
                && o.figure().proportion() == proportion)
                .findFirst().orElseThrow();
    }

    @Test
    void theSizeMixIsKitagawasAndThePartsAddUpToTheGap() {
        RateDecomposition.Decomposition kitagawa = gap.decomposition();
        assertEquals(List.of(SizeBand.of(10, 49), SizeBand.atLeast(250)), gap.classes(), "classes sorted by band");
        ProfileGap.Part mix = gap.parts().get(0);
        assertEquals("size mix", mix.dimension());
        assertEquals(100 * kitagawa.composition().value(), mix.points(), 1e-12);
        assertEquals(gap.pointsGap(), gap.parts().stream().mapToDouble(ProfileGap.Part::points).sum(), 1e-10);
        assertEquals(100 * kitagawa.rates().value(), gap.parts().stream().skip(1).mapToDouble(ProfileGap.Part::points)
                .sum(), 1e-10, "the model's parts share the rates' part");
    }

    @Test
    void eachModelPartIsTheClassesPartsWeighted() {
        List<ProfileGap.Part> parts = gap.parts().subList(1, gap.parts().size());
        assertEquals(List.of("time", "indicator", "private survey", "country", "studies", "figures", "sampling error"),
                parts.stream().map(ProfileGap.Part::dimension).toList());
        RateDecomposition.Decomposition kitagawa = gap.decomposition();
        for (ProfileGap.Part p : parts) {
            double expected = 0;
            for (int i = 0; i < gap.classGaps().size(); i++) {
                GapDecomposition classGap = gap.classGaps().get(i);
                expected += kitagawa.classes().get(i).meanShare() * classGap.parts().stream()
                        .filter(c -> c.dimension().equals(p.dimension())).findFirst().orElseThrow().points();
            }
            assertEquals(expected, p.points(), 1e-12, p.dimension());
            assertTrue(p.standardError() >= 0, p.dimension());
        }
        assertTrue(parts.get(0).points() > 0, "six years of diffusion raise Germany's 2019 figures: " + gap.summary());
    }

    @Test
    void thePopulationsCanBeChosenFromTheRegions() {
        StudyCatalogue bundled = Bundled.catalogue();
        ProfileGap chosen = ProfileGap.of(fit, List.of(figure(bundled, "DESTATIS_2020", 0.44),
                figure(bundled, "DESTATIS_2020", 0.79)), List.of(figure(bundled, "SCB_2013", 0.41),
                figure(bundled, "SCB_2013", 0.69)), Bundled.populations());
        assertEquals(List.of("DESTATIS_URS_2022_SECTIONS", "SCB_FTG_2016"),
                chosen.populations().stream().map(ReferencePopulation::id).toList());
        assertEquals(gap.parts(), chosen.parts(), "the register's ICT-survey sections, as given by hand above");
    }

    @Test
    void profilesMustBeOneFigurePerClassOfTheModel() {
        StudyCatalogue bundled = Bundled.catalogue();
        ReferencePopulation sweden = Bundled.populations().population("SCB_FTG_2016").orElseThrow();
        Observation small = figure(bundled, "SCB_2013", 0.41);
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> ProfileGap.of(fit, List.of(small, small), sweden, List.of(small, small), sweden));
        assertTrue(twice.getMessage().startsWith("Two figures for size class 10-49"), twice.getMessage());
        Observation large = figure(bundled, "SCB_2013", 0.69);
        assertThrows(IllegalArgumentException.class,
                () -> ProfileGap.of(fit, List.of(small, large), sweden, List.of(small), sweden), "different classes");
    }
}
