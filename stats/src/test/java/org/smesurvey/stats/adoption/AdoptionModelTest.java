package org.smesurvey.stats.adoption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smesurvey.core.Region;
import org.smesurvey.core.SizeBand;
import org.smesurvey.core.bundled.Bundled;

/**
 * The adoption model on the bundled catalogue. Its design is pinned by adoption-design.csv (what this code built when
 * the reference was made) and its fit agrees at 1e-8 with the fixed point of linearisation computed densely in R
 * 4.2.2 (stats/src/test/reference/adoption-model.R: the nonlinear GLS equations solved by Gauss-Newton to 1e-13 and
 * the linearised model's restricted likelihood, written from its definition, maximised by optim(BFGS) and Newton
 * steps to a gradient below 1e-9, alternated until neither moves by 1e-11).
 */
class AdoptionModelTest {

    private static final double TIGHT = 1e-8;
    private static AdoptionModel.Fit fit;

    @BeforeAll
    static void fit() {
        fit = AdoptionModel.fit(AdoptionData.of(Bundled.catalogue()));
    }

    @Test
    void theDesignIsTheOneTheReferenceWasMadeOn() throws IOException {
        assertEquals(ReferenceLines.resource("adoption-design.csv"), fit.design());
    }

    @Test
    void agreesWithTheFixedPointComputedInR() throws IOException {
        double[][] tight = ReferenceLines.numbers("adoption-model.txt", "TIGHT;");
        double[] variances = {fit.countryVariance(), fit.indicatorVariance(), fit.countryKindVariance(),
            fit.studyVariance(AdoptionModel.Source.OFFICIAL_STATISTICS),
            fit.studyVariance(AdoptionModel.Source.PRIVATE_SURVEY), fit.figureVariance()};
        ReferenceLines.assertTight(tight, variances, fit);
        double[] phi = fit.coefficients();
        double[][] vcov = fit.covariance();
        for (int a = 0; a < phi.length; a++) {
            for (int b = 0; b < phi.length; b++) {
                assertEquals(tight[3][a * phi.length + b], vcov[a][b], TIGHT, "vcov " + a + "," + b);
            }
        }
    }

    @Test
    void tenPlusLiesBetweenItsClassesEverywhere() {
        List<String> regions = Stream.concat(fit.countries().stream(), Stream.of("EU27_2020", "JP", "MX")).distinct()
                .toList();
        for (String region : regions) {
            for (int year : new int[] {2013, 2019, 2023, 2030}) {
                double small = share(SizeBand.of(10, 49), region, year);
                double tenPlus = share(SizeBand.atLeast(10), region, year);
                double large = share(SizeBand.atLeast(250), region, year);
                assertTrue(small < tenPlus && tenPlus < large, region + " " + year + ": 10-49 " + small + ", 10+ "
                        + tenPlus + ", 250+ " + large);
            }
        }
    }

    private static double share(SizeBand band, String region, int year) {
        return fit.predict(AdoptionModel.Question.builder().band(band).region(Region.of(region)).year(year).build())
                .share();
    }

    @Test
    void aCountryTheModelLacksIsPredictedWithTheCountryVariance() {
        String absent = Stream.of("MX", "ZA", "AR", "CL", "KE").filter(c -> !fit.countries().contains(c)).findFirst()
                .orElseThrow();
        AdoptionModel.Answer unknown = fit.predict(AdoptionModel.Question.builder().band(SizeBand.of(10, 49))
                .region(Region.of(absent)).year(2020).build());
        assertFalse(unknown.countryKnown());
        assertTrue(unknown.notes().stream().anyMatch(n -> n.startsWith(absent + " has no figure in the model")),
                unknown.notes().toString());
        AdoptionModel.Answer known = fit.predict(AdoptionModel.Question.builder().band(SizeBand.of(10, 49))
                .region(Region.of("FR")).year(2020).build());
        assertTrue(known.countryKnown());
        assertTrue(unknown.confidence().width() > known.confidence().width(), "the country's variance widens it");
        assertTrue(unknown.prediction().lower() < unknown.share() && unknown.share() < unknown.prediction().upper());
    }

    @Test
    void questionsAreStrict() {
        AdoptionModel.Question boss = AdoptionModel.Question.builder().band(SizeBand.of(10, 49)).region(Region.of("FR"))
                .year(2020).indicator("bosses_on_facebook").build();
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> fit.predict(boss));
        assertTrue(unknown.getMessage().startsWith("Indicator bosses_on_facebook is not separated by the model; the"
                + " indicators it knows are social_media_any, "), unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Region.of("XX"));
        IllegalArgumentException year = assertThrows(IllegalArgumentException.class, () -> AdoptionModel.Question
                .builder().band(SizeBand.of(10, 49)).region(Region.of("FR")).year(99999).build());
        assertEquals("Year is not in 1990-2100: 99999", year.getMessage());
        IllegalStateException incomplete = assertThrows(IllegalStateException.class,
                () -> AdoptionModel.Question.builder().band(SizeBand.of(10, 49)).build());
        assertEquals("A question needs a band, a region and a year", incomplete.getMessage());
    }

    @Test
    void theSummaryStatesTheModelItsComponentsAndItsValidation() {
        String summary = fit.summary();
        assertTrue(summary.startsWith("Adoption model (no ceiling, one speed): " + fit.data().entries().size()
                + " figures of "), summary);
        assertTrue(summary.contains("Variance components: country sigma^2 = "), summary);
        assertTrue(summary.contains("private survey "), summary);
    }

    /**
     * One ceiling for every indicator: its likelihood rises to 100 %, so the model fitted is the one without, and the
     * 95 % profile-likelihood interval is [κ_L, 100 %]. Checked against R 4.2.2
     * (stats/src/test/reference/adoption-ceiling.R): the full likelihood of the figures' logits,
     * {@code -1/2 [k log 2pi + log|V| + (y - mu)' V^-1 (y - mu)]} with {@code mu = qlogis(kappa * sum(w plogis(X phi)))},
     * maximised by Newton's method on its exact score (to 1e-11) at κ = 1 and at κ held at the bound AdoptionModel
     * found; twice their difference is {@code qchisq(0.95, 1)}. The bound is found to 1e-6 on the logit scale, so to
     * 1e-6 · κ(1 − κ) &lt; 2e-8 on κ, and the deviance there to 1e-6 · its slope (about 8) &lt; 1e-5.
     */
    @Test
    void aCeilingOnTheBoundaryHasItsProfileLikelihoodIntervalAsInR() throws IOException {
        AdoptionModel.Form one = new AdoptionModel.Form(AdoptionModel.Ceiling.ONE, false, false);
        AdoptionModel.Fit ceiling = AdoptionModel.fit(fit.data(), Bundled.populations(),
                one);
        assertTrue(ceiling.ceilingAtBoundary());
        assertTrue(ceiling.ceiling().isEmpty());
        assertEquals(fit.logLikelihood(), ceiling.logLikelihood(), 1e-9, "the model without a ceiling");
        List<AdoptionModel.CeilingEstimate> estimates = ceiling.ceilingEstimates();
        assertEquals(1, estimates.size());
        AdoptionModel.CeilingEstimate c = estimates.get(0);
        assertEquals("all indicators", c.level());
        assertTrue(c.atBoundary());
        assertEquals(1, c.interval().estimate());
        assertEquals(1, c.interval().upper());
        double[][] held = ReferenceLines.numbers("adoption-ceiling.txt", "HELD;");
        double[][] top = ReferenceLines.numbers("adoption-ceiling.txt", "TOP;");
        assertEquals(held[0][0], c.interval().lower(), 2e-8, "the lower bound");
        assertEquals(org.smesurvey.stats.internal.Distributions.chiSquareQuantile(0.95, 1),
                ReferenceLines.numbers("adoption-ceiling.txt", "DEVIANCE;")[0][0], 1e-5, "R's deviance at the bound");
        assertSameFit(top[0], top[1], top[2][0], ceiling.refit(false, java.util.Map.of(), one));
        assertSameFit(held[1], held[2], held[3][0], ceiling.refit(false,
                java.util.Map.of(AdoptionModel.Ceilings.ALL, Math.log(held[0][0] / (1 - held[0][0]))), one));
        String summary = ceiling.summary();
        assertTrue(summary.contains(String.format(java.util.Locale.ROOT, "all indicators                         100.0 %%"
                + " [%.1f %%, 100.0 %%] (the likelihood rises to 100 %%)", 100 * held[0][0])), summary);
        assertTrue(summary.contains("Every ceiling is at 100 %"), summary);
    }

    /**
     * CR2 is not defined for random effects that cross the clusters: clubSandwich 0.5.11 (Debian 12 and 13) stops on
     * {@code coef_test(rma.mv(yi, vi, mods = ~ year + size + ind, random = list(~ 1 | country, ~ 1 | study/figure)),
     * vcov = "CR2", cluster = study)} with "Random effects are not nested within clustering variable"; so does the
     * adoption model, naming CR1, which is {@link AdoptionModel.Fit#robust()}.
     */
    @Test
    void cr2IsRefusedAsClubSandwichRefusesItAndCr1IsTheDefault() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> fit.robust(org.smesurvey.stats.meta.RobustVariance.CR2));
        assertTrue(e.getMessage().contains("Random effects are not nested within clustering variable"), e.getMessage());
        assertEquals(fit.robust(), fit.robust(org.smesurvey.stats.meta.RobustVariance.CR1));
    }

    /** A maximum-likelihood fit against R's tight one: variances, coefficients and logLik at 1e-8. */
    private static void assertSameFit(double[] variances, double[] phi, double logLik, AdoptionModel.Fit ml) {
        double[] s = ml.linear().variances();
        for (int j = 0; j < variances.length; j++) {
            assertEquals(variances[j], s[j], TIGHT * Math.max(1, variances[j]), "variance " + j);
        }
        double[] b = ml.coefficients();
        for (int j = 0; j < phi.length; j++) {
            assertEquals(phi[j], b[j], TIGHT * Math.max(1, Math.abs(phi[j])), ml.names().get(j));
        }
        assertEquals(logLik, ml.likelihood(), TIGHT * Math.abs(logLik), "logLik");
    }

    /**
     * A ceiling per indicator: on the bundled catalogue each goes to 100 % or cannot be told from its indicator's
     * level, and the model fitted is then the one without ceilings; each still has the lowest ceiling its figures
     * allow.
     */
    @Test
    void ceilingsPerIndicatorGoToOneHundredPerCentOrAreNotSeparable() {
        AdoptionModel.Fit per = AdoptionModel.fit(fit.data(), Bundled.populations(),
                new AdoptionModel.Form(AdoptionModel.Ceiling.PER_INDICATOR, false, false));
        assertEquals(fit.logLikelihood(), per.logLikelihood(), 1e-9, "the model without ceilings");
        assertTrue(per.ceilings().estimated().isEmpty(), per.ceilings().toString());
        assertTrue(per.ceilings().fixed().keySet().containsAll(fit.indicators()), per.ceilings().toString());
        assertTrue(per.ceilings().fixed().containsKey(AdoptionModel.REFERENCE_INDICATOR));
        assertFalse(per.ceilings().fixed().containsKey("other"), "other's indicators each differ: no ceiling");
        assertEquals(fit.coefficients().length, per.coefficients().length);
    }

    @Test
    void theYearAShareIsReachedIsWhereThePredictionCrossesIt() {
        AdoptionModel.Question micro = AdoptionModel.Question.builder().band(SizeBand.of(0, 9)).region(Region.of("FR"))
                .year(2020).build();
        org.smesurvey.stats.meta.YearReached half = fit.yearReaching(micro, 0.5);
        AdoptionModel.Question then = AdoptionModel.Question.builder().band(SizeBand.of(0, 9)).region(Region.of("FR"))
                .year(2020).build();
        // The share at the crossing year (bisection to 1e-12 of a year) is the level asked for.
        double[] at = fit.predict(new AdoptionModel.Profile(half.estimate() - AdoptionModel.CENTRE_YEAR,
                then.indicator(), then.source(), "FR", SizeMixture.of(SizeBand.of(0, 9),
                        SizeMixture.ClassCounts.of(Region.of("FR"), Bundled.populations()))));
        assertEquals(0.5, AdoptionModel.expit(at[0]), 1e-10);
        assertTrue(half.lower() < half.estimate() && half.estimate() < half.upper());
        assertThrows(IllegalArgumentException.class, () -> fit.yearReaching(micro, 1.0));
    }

    @Test
    void smallFirmsDiffuseAtTheirOwnSpeedAndOutliersAreNamed() {
        assertTrue(fit.speed(SizeBand.of(10, 49)).estimate() > 1, "adoption rises");
        assertTrue(fit.outliers(2).stream().allMatch(o -> Math.abs(o.residual()) > 2));
        assertThrows(IllegalArgumentException.class, () -> fit.outliers(0));
    }

    @Test
    void clusterRobustInferenceWorksOnTheAdoptionFit() {
        // The CR1 algebra is checked against metafor's robust() in CrossedFitTest; here it must hold on this fit,
        // where the previous model's robust() failed on a singular matrix.
        List<org.smesurvey.stats.meta.Coefficient> robust = fit.robust();
        assertEquals(fit.names(), robust.stream().map(org.smesurvey.stats.meta.Coefficient::name).toList());
        assertTrue(robust.stream().allMatch(c -> c.standardError() > 0 && Double.isFinite(c.pValue())));
    }

    @Test
    void theFinerSplitIsASensitivityFitWithTheTraitsApart() {
        AdoptionModel.Fit split = AdoptionModel.fit(fit.data(), Bundled.populations(),
                new AdoptionModel.Form(false, false, true));
        assertFalse(split.names().contains("private survey"));
        assertTrue(split.names().stream().anyMatch(n -> n.startsWith("sampling ")), split.names().toString());
        assertTrue(split.form().toString().endsWith("respondent, sampling and scope apart"));
    }
}
