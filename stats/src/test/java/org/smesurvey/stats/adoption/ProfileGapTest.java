package org.smesurvey.stats.adoption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smesurvey.core.Observation;
import org.smesurvey.core.ReferencePopulation;
import org.smesurvey.core.ReferencePopulations;
import org.smesurvey.core.Sectors;
import org.smesurvey.core.SizeBand;
import org.smesurvey.core.StudyCatalogue;
import org.smesurvey.stats.harmonisation.RateDecomposition;

/**
 * Destatis 2019 (Germany) against SCB 2013 (Sweden) over the size classes 10-49 and 250+, each weighted by its own
 * enterprises: checked against the same computation written in R on the tight fit (the PROFILE line of
 * stats/src/test/reference/metafor-adoption.R: Kitagawa's size mix, then each class's gap split by the model and
 * summed with the weights (c_A + c_B)/2, standard errors of the summed contrasts).
 */
class ProfileGapTest {

    private static AdoptionModel.Fit fit;
    private static ProfileGap gap;
    private static double[][] reference;

    @BeforeAll
    static void decompose() throws IOException {
        StudyCatalogue bundled = StudyCatalogue.bundled();
        fit = AdoptionModel.fit(AdoptionData.of(bundled));
        ReferencePopulations populations = ReferencePopulations.bundled();
        ReferencePopulation germany = ReferencePopulation.sum("DE_2022_ICT_SCOPE", "NACE " + Sectors.ICT_SURVEY.label(),
                Sectors.ICT_SURVEY.sections().stream().map(s -> populations.population("DESTATIS_URS_2022_" + s.name())
                        .orElseThrow()).toList());
        ReferencePopulation sweden = populations.population("SCB_FTG_2016").orElseThrow();
        gap = ProfileGap.of(fit, List.of(figure(bundled, "DESTATIS_2020", 0.44), figure(bundled, "DESTATIS_2020", 0.79)),
                germany, List.of(figure(bundled, "SCB_2013", 0.69), figure(bundled, "SCB_2013", 0.41)), sweden);
        try (InputStream in = ProfileGapTest.class.getResourceAsStream("metafor-adoption.txt")) {
            String line = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> l.startsWith("PROFILE;")).findFirst().orElseThrow();
            reference = Arrays.stream(line.substring("PROFILE;".length()).split(";"))
                    .map(f -> Arrays.stream(f.split(",")).mapToDouble(Double::parseDouble).toArray())
                    .toArray(double[][]::new);
        }
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
        assertEquals(reference[0][0], kitagawa.first(), 1e-12);
        assertEquals(reference[0][1], kitagawa.second(), 1e-12);
        assertEquals(reference[0][2], gap.pointsGap(), 1e-10);
        ProfileGap.Part mix = gap.parts().get(0);
        assertEquals("size mix", mix.dimension());
        assertEquals(reference[0][3], mix.points(), 1e-10);
        assertEquals(reference[0][4], mix.standardError(), 1e-10);
        assertEquals(gap.pointsGap(), gap.parts().stream().mapToDouble(ProfileGap.Part::points).sum(), 1e-10);
        assertEquals(100 * kitagawa.rates().value(), gap.parts().stream().skip(1).mapToDouble(ProfileGap.Part::points)
                .sum(), 1e-10, "the model's parts share the rates' part");
    }

    @Test
    void eachModelPartIsTheClassesPartsSummedAsInR() {
        List<String> dimensions = List.of("time", "size", "indicator", "scope", "sampling", "country", "respondent",
                "studies", "figures", "sampling error");
        assertEquals(0.0, reference[1][dimensions.indexOf("size")], 0.0, "no size part within a class");
        List<ProfileGap.Part> parts = gap.parts().subList(1, gap.parts().size());
        assertEquals(dimensions.stream().filter(d -> !d.equals("size")).toList(),
                parts.stream().map(ProfileGap.Part::dimension).toList());
        for (ProfileGap.Part p : parts) {
            int j = dimensions.indexOf(p.dimension());
            // The points are closed forms of the fit (1e-8 as the fit itself); the standard errors likewise.
            assertEquals(reference[1][j], p.points(), 1e-8, p.dimension());
            assertEquals(reference[2][j], p.standardError(), 1e-8, p.dimension() + "'s standard error");
        }
        ProfileGap.Part time = parts.get(0);
        assertTrue(time.points() > 0, "six years of diffusion raise Germany's 2019 figures: " + gap.summary());
        assertTrue(gap.summary().startsWith("DESTATIS_2020 (45.4 %) against SCB_2013 (41.8 %) over size classes"
                + " [10-49, 250+]: +3.5 points\n  weighted by DE_2022_ICT_SCOPE and SCB_FTG_2016\n  size mix"),
                gap.summary());
    }

    @Test
    void thePopulationsCanBeChosenFromTheRegions() {
        StudyCatalogue bundled = StudyCatalogue.bundled();
        ProfileGap chosen = ProfileGap.of(fit, List.of(figure(bundled, "DESTATIS_2020", 0.44),
                figure(bundled, "DESTATIS_2020", 0.79)), List.of(figure(bundled, "SCB_2013", 0.41),
                figure(bundled, "SCB_2013", 0.69)), ReferencePopulations.bundled());
        assertEquals(List.of("DESTATIS_URS_2022_SECTIONS", "SCB_FTG_2016"),
                chosen.populations().stream().map(ReferencePopulation::id).toList());
        assertEquals(gap.parts(), chosen.parts(), "the register's ICT-survey sections, as given by hand above");
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> ProfileGap.of(fit,
                List.of(figure(bundled, "STATAT_2016", 0.443)), List.of(figure(bundled, "SCB_2013", 0.41)),
                ReferencePopulations.bundled()));
        assertEquals("No population of AT counts each of the size classes [10-49]", none.getMessage());
    }

    @Test
    void profilesMustBeOneFigurePerClassOfTheModel() {
        StudyCatalogue bundled = StudyCatalogue.bundled();
        ReferencePopulation sweden = ReferencePopulations.bundled().population("SCB_FTG_2016").orElseThrow();
        Observation small = figure(bundled, "SCB_2013", 0.41);
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> ProfileGap.of(fit, List.of(small, small), sweden, List.of(small, small), sweden));
        assertTrue(twice.getMessage().startsWith("Two figures for size class 10-49"), twice.getMessage());
        Observation large = figure(bundled, "SCB_2013", 0.69);
        assertThrows(IllegalArgumentException.class,
                () -> ProfileGap.of(fit, List.of(small, large), sweden, List.of(small), sweden), "different classes");
    }
}
