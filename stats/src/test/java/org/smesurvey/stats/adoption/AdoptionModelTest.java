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
import org.smesurvey.core.StudyCatalogue;
import org.smesurvey.stats.meta.Coefficient;
import org.smesurvey.stats.meta.EffectSizes;
import org.smesurvey.stats.meta.Moderators;

/**
 * The adoption model on the bundled catalogue: its design is pinned by adoption-design.csv (what this code built
 * when the reference was made), and its fit agrees with {@code rma.mv(yi, vi, mods, random = ~ 1 | study/figure,
 * method = "REML")} on that design (stats/src/test/reference/metafor-adoption.R, metafor 3.8.1): at 1e-8 with
 * the likelihood maximised tightly in R, and to 1e-4 with metafor's default fit, which stops early here (see below).
 */
class AdoptionModelTest {

    private static AdoptionModel.Fit fit;
    private static List<String[]> design;
    private static List<String[]> reference;
    private static List<String> names;

    @BeforeAll
    static void fit() throws IOException {
        fit = AdoptionModel.fit(AdoptionData.of(StudyCatalogue.bundled()));
        design = lines("adoption-design.csv", ",").subList(1, lines("adoption-design.csv", ",").size());
        reference = lines("metafor-adoption.txt", ";");
        names = lines("adoption-names.txt", "\n").stream().map(l -> l[0]).toList();
    }

    private static List<String[]> lines(String resource, String separator) throws IOException {
        try (InputStream in = AdoptionModelTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(l -> l.split(separator)).toList();
        }
    }

    @Test
    void theDesignIsTheOneTheReferenceWasMadeOn() {
        EffectSizes es = fit.data().effectSizes();
        String[] studies = fit.data().studies();
        Moderators m = fit.moderators();
        assertEquals(design.size(), es.size());
        for (int i = 0; i < es.size(); i++) {
            String[] row = design.get(i);
            assertEquals(row[0], studies[i]);
            assertEquals(Double.parseDouble(row[1]), es.yi(i), 0.0);
            assertEquals(Double.parseDouble(row[2]), es.vi(i), 0.0);
            for (int j = 1; j < m.columns(); j++) {
                assertEquals(Double.parseDouble(row[2 + j]), m.value(i, j), 0.0, m.names().get(j));
            }
        }
        assertEquals(names, m.names(), "the columns of adoption-names.txt");
        assertEquals(List.of("sampling unknown"), fit.dropped(), "collinear with the others among these figures");
    }

    @Test
    void theFitIsRmaMvs() {
        for (String[] l : reference.stream().filter(l -> l[0].equals("TIGHT") || l[0].equals("METAFOR")).toList()) {
            // With the countries in the model the between-study variance's maximum is on the boundary, 0: metafor's
            // nlminb stops at 1.9e-10 there, and the tight line (0, the other component maximised alone; see the
            // script) is what this fit must match at 1e-8. metafor's own line is checked to 1e-4.
            double tolerance = l[0].equals("TIGHT") ? 1e-8 : 1e-4;
            double[] sigma2 = numbers(l[1]);
            double[] beta = numbers(l[2]);
            double[] se = numbers(l[3]);
            assertEquals(sigma2[0], fit.result().clusterVariance(), tolerance, l[0] + " sigma2.1");
            assertEquals(sigma2[1], fit.result().estimateVariance(), tolerance, l[0] + " sigma2.2");
            List<Coefficient> c = fit.result().coefficients();
            for (int j = 0; j < beta.length; j++) {
                assertEquals(beta[j], c.get(j).estimate(), tolerance * Math.max(1, Math.abs(beta[j])), l[0] + " beta " + j);
                assertEquals(se[j], c.get(j).standardError(), tolerance * Math.max(1, se[j]), l[0] + " se " + j);
            }
        }
        // Fit statistics (REML: logLik, deviance, AIC, BIC, AICc): metafor's fitstats() to 1e-8 relative, and those
        // of the tight fit by the same formulas to 1e-10 relative.
        org.smesurvey.stats.meta.FitStatistics reml = fit.result().fitStatistics(true);
        double[] actual = {reml.logLikelihood(), reml.deviance(), reml.aic(), reml.bic(), reml.aicc()};
        for (String tag : List.of("FITSTATS_METAFOR", "FITSTATS")) {
            double[] stats = referenceLine(tag);
            for (int j = 0; j < stats.length; j++) {
                assertEquals(stats[j], actual[j], (tag.equals("FITSTATS") ? 1e-10 : 1e-8) * Math.abs(stats[j]),
                        tag + " " + j);
            }
        }
        Coefficient year = fit.result().coefficients().get(1);
        assertTrue(year.lower() > 0, "adoption rises with time, odds ×" + Math.exp(year.estimate()) + " a year");
        assertEquals(fit.data().entries().stream().map(e -> e.figure().study()).distinct().count(),
                fit.result().clusters(), "one cluster per study");
    }

    /**
     * The residual of every figure split as metafor splits it on the tight fit: {@code ranef(res)$study},
     * {@code ranef(res)$`study/figure`} and the rest of {@code resid(res)}, the sampling error; and a gap's
     * unexplained parts are their differences (RANEF_STUDY, RANEF_FIGURE, SAMPLING in metafor-adoption.R).
     */
    @Test
    void theUnexplainedPartsAreRanefs() {
        double[] study = referenceLine("RANEF_STUDY");
        double[] figure = referenceLine("RANEF_FIGURE");
        double[] sampling = referenceLine("SAMPLING");
        double[] clusterEffects = fit.result().clusterEffects();
        double[] estimateEffects = fit.result().estimateEffects();
        List<String> clusters = fit.result().clusterNames();
        String[] studies = fit.data().studies();
        for (int i = 0; i < studies.length; i++) {
            assertEquals(study[i], clusterEffects[clusters.indexOf(studies[i])], 1e-8, "study effect " + i);
            assertEquals(figure[i], estimateEffects[i], 1e-8, "figure effect " + i);
        }
        List<AdoptionData.Entry> entries = fit.data().entries();
        int a = 0;
        int b = entries.size() - 1;
        GapDecomposition gap = GapDecomposition.of(fit, entries.get(a).figure(), entries.get(b).figure());
        java.util.Map<String, Double> parts = gap.parts().stream().collect(java.util.stream.Collectors.toMap(
                GapDecomposition.Part::dimension, GapDecomposition.Part::logit));
        assertEquals(study[a] - study[b], parts.get("studies"), 1e-8);
        assertEquals(figure[a] - figure[b], parts.get("figures"), 1e-8);
        assertEquals(sampling[a] - sampling[b], parts.get("sampling error"), 1e-8);
    }

    /**
     * ranef's standard errors, sqrt(diag(D - D Z'PZ D)), and the prediction errors of a gap's unexplained parts,
     * g'Dg - g'DZ'PZDg in R with P formed whole (RANEF_STUDY_SE, RANEF_FIGURE_SE, GAP_SE in metafor-adoption.R).
     */
    @Test
    void theUnexplainedPartsHaveRanefsStandardErrors() {
        double[] study = referenceLine("RANEF_STUDY_SE");
        double[] figure = referenceLine("RANEF_FIGURE_SE");
        double[] gapSe = referenceLine("GAP_SE");
        double[] clusterSe = fit.result().clusterEffectStandardErrors();
        double[] estimateSe = fit.result().estimateEffectStandardErrors();
        List<String> clusters = fit.result().clusterNames();
        String[] studies = fit.data().studies();
        for (int i = 0; i < studies.length; i++) {
            assertEquals(study[i], clusterSe[clusters.indexOf(studies[i])], 1e-8, "study effect's se " + i);
            assertEquals(figure[i], estimateSe[i], 1e-8, "figure effect's se " + i);
        }
        List<AdoptionData.Entry> entries = fit.data().entries();
        GapDecomposition gap = GapDecomposition.of(fit, entries.get(0).figure(), entries.get(entries.size() - 1).figure());
        java.util.Map<String, Double> se = gap.parts().stream().collect(java.util.stream.Collectors.toMap(
                GapDecomposition.Part::dimension, GapDecomposition.Part::standardError));
        assertEquals(gapSe[0], se.get("studies"), 1e-8);
        assertEquals(gapSe[1], se.get("figures"), 1e-8);
        assertEquals(gapSe[2], se.get("sampling error"), 1e-8);
        assertThrows(IllegalArgumentException.class, () -> fit.result().predictionError(new double[1],
                new double[entries.size()], new double[entries.size()]));
    }

    /** A design row without the intercept: these columns set, every other 0. */
    private static double[] at(java.util.Map<String, Double> values) {
        double[] row = new double[names.size() - 1];
        values.forEach((name, value) -> row[names.indexOf(name) - 1] = value);
        return row;
    }

    /** The numbers of the reference line with this tag (its first field after the tag). */
    private static double[] referenceLine(String tag) {
        return numbers(reference.stream().filter(l -> l[0].equals(tag)).findFirst().orElseThrow()[1]);
    }

    private static double[] numbers(String field) {
        return Arrays.stream(field.split(",")).mapToDouble(Double::parseDouble).toArray();
    }

    /** {@code predict(res, newmods = row)} and the crossings of logit(0.5) and logit(0.8), on the tight fit. */
    @Test
    void predictionsAndCrossingsAreRs() {
        double[] p = referenceLine("PREDICT");
        org.smesurvey.stats.meta.Prediction ours = fit.result().predict(at(java.util.Map.of("year", 3.0, "log size", 0.5,
                "year × log size", 1.5, "indicator social_networks", 1.0, "scope external", 1.0)));
        double[] actual = {ours.confidence().estimate(), ours.standardError(), ours.confidence().lower(),
            ours.confidence().upper(), ours.prediction().lower(), ours.prediction().upper()};
        for (int j = 0; j < p.length; j++) {
            assertEquals(p[j], actual[j], 1e-8 * Math.max(1, Math.abs(p[j])), "predict " + j);
        }
        double[] c = at(java.util.Map.of("log size", 0.5, "indicator social_networks", 1.0, "scope external", 1.0));
        double[] d = at(java.util.Map.of("year", 1.0, "year × log size", 0.5));
        for (String[] l : reference.stream().filter(l -> l[0].equals("CROSSING")).toList()) {
            double[] expected = numbers(l[2]);
            double[] crossing = fit.crossing(c, d, Double.parseDouble(l[1]));
            assertEquals(expected[0], crossing[0], 1e-7, "year of " + l[1]);
            assertEquals(expected[1], crossing[1], 1e-7, "its standard error");
        }
    }

    @Test
    void aKindOfFigureBecomesItsDesignRow() {
        AdoptionModel.Kind small = new AdoptionModel.Kind(org.smesurvey.core.SizeBand.of(10, 49), "social_networks",
                org.smesurvey.core.NetworkScope.EXTERNAL, org.smesurvey.core.Sampling.PROBABILITY, "EU28", "unknown");
        double s = (Math.log(10) + Math.log(50)) / 2 - fit.meanLogSize();
        double[] row = fit.row(small, 2018);
        assertEquals(Arrays.stream(at(java.util.Map.of("year", 3.0, "log size", s, "year × log size", 3 * s,
                "indicator social_networks", 1.0, "scope external", 1.0))).boxed().toList(),
                Arrays.stream(row).boxed().toList(), "EU28 is the countries' reference (the most frequent), unknown the respondents'");
        double[] year50 = fit.yearReaching(small, 0.5);
        assertEquals(AdoptionModel.CENTRE_YEAR + fit.crossing(fit.row(small, AdoptionModel.CENTRE_YEAR),
                at(java.util.Map.of("year", 1.0, "year × log size", s)), 0.5)[0], year50[0], 1e-12);
        assertTrue(fit.predict(small, 2018).confidenceAsProportion().estimate() > 0);
    }

    /** The assumed sample behind figures without a base moves the estimates, not the conclusions checked here. */
    @Test
    void theAssumedSampleIsASensitivityAnalysis() {
        List<AdoptionModel.Fit> fits = AdoptionModel.sensitivity(StudyCatalogue.bundled(), 100, 1000, 10_000);
        assertEquals(3, fits.size());
        List<Double> years = fits.stream().map(f -> f.result().coefficients().get(1).estimate()).toList();
        for (AdoptionModel.Fit f : fits) {
            assertEquals(fit.data().entries().size(), f.data().entries().size(), "the same figures");
            assertTrue(f.result().coefficients().get(1).estimate() > 0, "adoption rises with time whatever n: " + years);
        }
        assertEquals(fit.result().coefficients().get(1).estimate(), years.get(1), 1e-12, "1,000 is the default");
        assertTrue(Math.abs(years.get(0) - years.get(2)) > 1e-6, "the choice moves the estimate: " + years);
    }

    @Test
    void outliersAreNamedLargestFirst() {
        List<AdoptionModel.Outlier> outliers = fit.outliers(2);
        double[] z = fit.result().standardisedResiduals();
        assertEquals(Arrays.stream(z).filter(v -> Math.abs(v) > 2).count(), outliers.size());
        for (int i = 1; i < outliers.size(); i++) {
            assertTrue(Math.abs(outliers.get(i - 1).residual()) >= Math.abs(outliers.get(i).residual()));
        }
    }

    /** The odds ratio per year at a band: exp of the year coefficient plus the product's at the band's size. */
    @Test
    void diffusionSpeedPerSizeClass() {
        org.smesurvey.core.SizeBand small = org.smesurvey.core.SizeBand.of(10, 49);
        double s = AdoptionData.logSize(small) - fit.meanLogSize();
        List<Coefficient> c = fit.result().coefficients();
        org.smesurvey.stats.Interval speed = fit.diffusionSpeed(small);
        assertEquals(Math.exp(c.get(1).estimate() + s * c.get(3).estimate()), speed.estimate(), 1e-12);
        double[] g = new double[c.size()];
        g[1] = 1;
        g[3] = s;
        double half = 1.959963984540054 * Math.sqrt(fit.result().covariance(g));
        assertEquals(speed.estimate() * Math.exp(-half), speed.lower(), 1e-12);
        assertEquals(speed.estimate() * Math.exp(half), speed.upper(), 1e-12);
        assertTrue(speed.lower() > 1, "small firms adopt faster each year: " + speed.summary());
    }

    @Test
    void theSummarySaysWhatEnteredAndTheOddsRatios() {
        List<String> lines = List.of(fit.summary().split("\n"));
        assertTrue(lines.get(0).startsWith("Adoption model: " + fit.result().k() + " figures of "
                + fit.result().clusters() + " studies; " + fit.data().excluded().size() + " figures left out"), lines.get(0));
        Coefficient year = fit.result().coefficients().get(1);
        String yearLine = lines.stream().filter(l -> l.startsWith("year ")).findFirst().orElseThrow();
        assertTrue(yearLine.contains(String.format(java.util.Locale.ROOT, "%.3f", Math.exp(year.estimate()))), yearLine);
        assertTrue(lines.stream().anyMatch(l -> l.contains("precision assumed")), fit.summary());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("  left out as redundant: sampling unknown")));
        assertTrue(lines.contains(String.format(java.util.Locale.ROOT, "REML: logLik = %.2f, AIC = %.2f, BIC = %.2f,"
                + " AICc = %.2f", fit.result().fitStatistics(true).logLikelihood(), fit.result().fitStatistics(true).aic(),
                fit.result().fitStatistics(true).bic(), fit.result().fitStatistics(true).aicc())), fit.summary());
    }
}
