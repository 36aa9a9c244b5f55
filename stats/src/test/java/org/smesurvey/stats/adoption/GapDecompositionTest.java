package org.smesurvey.stats.adoption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smesurvey.core.Observation;
import org.smesurvey.core.StudyCatalogue;
import org.smesurvey.core.bundled.Bundled;

/**
 * The seed case, Bpifrance 2018 (70 %) against Insee 2015 (20 %), and two single-class official figures, decomposed
 * by the adoption model.
 */
class GapDecompositionTest {

    private static StudyCatalogue bundled;
    private static AdoptionModel.Fit fit;

    @BeforeAll
    static void fit() {
        bundled = Bundled.catalogue();
        fit = AdoptionModel.fit(AdoptionData.of(bundled));
    }

    static Observation figure(String study, double proportion) {
        return bundled.observations().stream().filter(o -> o.study().id().equals(study)
                && Math.abs(o.figure().proportion() - proportion) < 1e-12).findFirst().orElseThrow();
    }

    @Test
    void thePartsAddUpToTheGapAndCarryTheirLeaveOneStudyOutRange() {
        GapDecomposition gap = GapDecomposition.of(fit, figure("BPIFRANCE_LAB_2018", 0.70), figure("INSEE_IP_2013", 0.20));
        assertEquals(gap.logitGap(), gap.parts().stream().mapToDouble(GapDecomposition.Part::logit).sum(), 1e-12);
        assertEquals(gap.pointsGap(), gap.parts().stream().mapToDouble(GapDecomposition.Part::points).sum(), 1e-10);
        assertEquals(List.of("time", "size", "indicator", "private survey", "country", "studies", "figures",
                "sampling error"), gap.parts().stream().map(GapDecomposition.Part::dimension).toList());
        for (GapDecomposition.Part p : gap.parts()) {
            assertTrue(p.lowestPoints() <= p.points() + 1e-12 && p.points() <= p.highestPoints() + 1e-12,
                    p.toString());
            assertTrue(p.standardError() >= 0, p.toString());
        }
        assertTrue(gap.notes().get(0).startsWith("the private-survey part merges who answered"), gap.notes().toString());
        assertEquals(0, gap.parts().get(4).logit(), 1e-12, "both figures are French: no country part");
        assertTrue(gap.summary().contains("one study left out (points)"), gap.summary());
    }

    @Test
    void forFiguresOfOneClassThePartsAreTheColumnsTimesTheirCoefficients() {
        // Two single-class official figures: the mean is linear in the coefficients, so each Shapley part is the
        // difference of its columns times their coefficients, and its standard error sqrt(g'Vg) of that difference.
        AdoptionData.Entry a = fit.data().entries().stream().filter(e -> e.band().equals(org.smesurvey.core.SizeBand
                .of(10, 49)) && AdoptionModel.Source.of(e.figure()) == AdoptionModel.Source.OFFICIAL_STATISTICS)
                .findFirst().orElseThrow();
        AdoptionData.Entry b = fit.data().entries().stream().filter(e -> e.band().equals(org.smesurvey.core.SizeBand
                .atLeast(250)) && e.year() != a.year() && !e.figure().region().equals(a.figure().region()))
                .findFirst().orElseThrow();
        GapDecomposition gap = GapDecomposition.of(fit, a.figure(), b.figure());
        double[] phi = fit.coefficients();
        List<String> names = fit.names();
        double time = phi[names.indexOf("year")] * (a.year() - b.year())
                + phi[names.indexOf("year × log size")] * 0;
        double[] ga = new double[phi.length];
        double[] gb = new double[phi.length];
        double ma = fit.mean(fit.profile(fit.row(a.figure())), ga);
        double mb = fit.mean(fit.profile(fit.row(b.figure())), gb);
        double fixed = gap.parts().subList(0, 4).stream().mapToDouble(GapDecomposition.Part::logit).sum();
        assertEquals(ma - mb, fixed, 1e-12, "the dimensions share the difference of the means");
        // Time alone, at the average size of the two (the year x size product split symmetrically).
        double sa = SizeMixture.logSize(a.band()) - AdoptionModel.CENTRE_LOG_SIZE;
        double sb = SizeMixture.logSize(b.band()) - AdoptionModel.CENTRE_LOG_SIZE;
        time += phi[names.indexOf("year × log size")] * (sa + sb) / 2 * (a.year() - b.year());
        assertEquals(time, gap.parts().get(0).logit(), 1e-12);
        assertEquals(fit.countryEffect(a.figure().region().code()) + fit.countryKindEffect(fit.profile(fit.row(a.figure())))
                - fit.countryEffect(b.figure().region().code()) - fit.countryKindEffect(fit.profile(fit.row(b.figure()))),
                gap.parts().get(4).logit(), 1e-12);
    }

    @Test
    void aFigureOutsideTheModelIsRefusedWithItsReason() {
        Observation plan = bundled.observations().stream().filter(o -> fit.row(o) < 0).findFirst().orElseThrow();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GapDecomposition.of(fit, plan, figure("INSEE_IP_2013", 0.20)));
        assertTrue(e.getMessage().startsWith("Figure " + plan.label() + " did not enter the model: "), e.getMessage());
    }
}
