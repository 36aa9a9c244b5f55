package org.smesurvey.stats.adoption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smesurvey.core.Observation;
import org.smesurvey.core.StudyCatalogue;

/** The headline case: Insee's 20 % (2013) against Bpifrance Le Lab's 70 % (2018). */
class GapDecompositionTest {

    private static AdoptionModel.Fit fit;
    private static Observation insee;
    private static Observation bpifrance;

    @BeforeAll
    static void fit() {
        fit = AdoptionModel.fit(AdoptionData.of(StudyCatalogue.bundled()));
        insee = figure("INSEE_IP_2013", "social_media_any", 10);
        bpifrance = figure("BPIFRANCE_LAB_2018", "social_networks", 0);
    }

    private static Observation figure(String study, String indicator, int sizeMin) {
        return StudyCatalogue.bundled().observations().stream().filter(o -> o.study().id().equals(study)
                && o.indicator().code().equals(indicator) && o.sizeBand().map(b -> b.min() == sizeMin).orElse(false))
                .findFirst().orElseThrow();
    }

    @Test
    void thePartsAddUpToTheGap() {
        GapDecomposition gap = GapDecomposition.of(fit, bpifrance, insee);
        List<GapDecomposition.Part> parts = gap.parts();
        assertEquals(List.of("time", "size", "indicator", "scope", "sampling", "country", "respondent", "studies",
                "figures", "sampling error"),
                parts.stream().map(GapDecomposition.Part::dimension).toList());
        assertEquals(gap.logitGap(), parts.stream().mapToDouble(GapDecomposition.Part::logit).sum(), 1e-12);
        assertEquals(gap.pointsGap(), parts.stream().mapToDouble(GapDecomposition.Part::points).sum(), 1e-10);
        assertEquals(100 * (bpifrance.figure().proportion() - insee.figure().proportion()), gap.pointsGap(), 1e-12);
        GapDecomposition.Part time = parts.get(0);
        assertTrue(time.logit() > 0, "five years of diffusion raise the later figure: " + gap.summary());
        assertTrue(time.standardError() > 0 && !Double.isNaN(time.standardError()));
    }

    /**
     * Among the bundled figures every probability survey's scope is "mixed", so "sampling unknown" is the kept
     * scope and sampling columns combined: the gap must say that its sampling difference sits in those parts.
     */
    @Test
    void aDifferenceTheModelCannotSeparateIsSaid() {
        AdoptionModel.Redundant unknown = fit.redundant().get(0);
        assertEquals("sampling unknown", unknown.column());
        double[] column = new double[fit.data().entries().size()];
        for (int i = 0; i < column.length; i++) {
            double[] x = fit.moderators().rowArrayOf(i);
            for (var c : unknown.combination().entrySet()) {
                column[i] += c.getValue() * x[fit.moderators().names().indexOf(c.getKey())];
            }
            boolean isUnknown = fit.data().entries().get(i).figure().study().method().sampling().code().equals("unknown");
            assertEquals(isUnknown ? 1 : 0, column[i], 1e-10, "the combination is the dropped column, figure " + i);
        }
        GapDecomposition gap = GapDecomposition.of(fit, bpifrance, insee);
        assertEquals(1, gap.notes().size(), gap.summary());
        assertTrue(gap.notes().get(0).startsWith("sampling unknown differs"), gap.notes().get(0));
        assertTrue(gap.summary().contains("  note: sampling unknown"), gap.summary());
        assertEquals(List.of(), GapDecomposition.of(fit, insee, insee).notes(), "a figure against itself");
    }

    @Test
    void aFigureOutsideTheModelIsNamed() {
        AdoptionData.Excluded out = fit.data().excluded().get(0);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GapDecomposition.of(fit, out.figure(), insee))
                .getMessage().contains(out.reason()));
    }
}
