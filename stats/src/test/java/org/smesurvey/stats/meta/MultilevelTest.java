package org.smesurvey.stats.meta;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The three-level model against metafor 3.8.1 (stats/src/test/reference/metafor-multilevel.R) on
 * dat.konstantopoulos2011, 56 schools in 11 districts:
 * {@code res <- rma.mv(yi, vi, mods, random = ~ 1 | district/school, data = dat, method = m)} and
 * {@code robust(res, cluster = district)}. metafor maximises the likelihood with nlminb to its relative tolerance
 * of 1e-10, which leaves its variance components about 1e-7 from the maximum; here the average-information algorithm
 * converges to 1e-12. So each case is checked twice: at 1e-8 against the tight maximum computed in R (the TIGHT
 * lines: metafor's own likelihood maximised further, every value then metafor's at those components), and within
 * metafor's own precision against its default fit (the METAFOR lines; the likelihood not maximised, ML of a REML fit
 * or REML of an ML fit, is first-order sensitive to the components and agrees to 1e-7 there).
 */
class MultilevelTest {

    /** Tolerances against the tight maximum, and against metafor's default fit. */
    private static final double TIGHT = 1e-8;
    private static final double METAFOR = 1e-6;
    private static List<String[]> lines;
    private static EffectSizes studies;
    private static String[] districts;
    private static double[] year;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = MultilevelTest.class.getResourceAsStream("metafor-multilevel.txt")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(l -> l.split(";")).toList();
        }
        List<String[]> rows;
        try (InputStream in = MultilevelTest.class.getResourceAsStream("konstantopoulos2011.csv")) {
            rows = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).map(l -> l.split(",")).toList();
        }
        double[] yi = rows.stream().mapToDouble(r -> Double.parseDouble(r[3])).toArray();
        double[] vi = rows.stream().mapToDouble(r -> Double.parseDouble(r[4])).toArray();
        studies = EffectSizes.of(yi, vi, rows.stream().map(r -> "school " + r[0] + "." + r[1]).toList());
        districts = rows.stream().map(r -> r[0]).toArray(String[]::new);
        year = rows.stream().mapToDouble(r -> Double.parseDouble(r[2]) - 1990).toArray();
    }

    private static double[] numbers(String field) {
        return Arrays.stream(field.split(",")).mapToDouble(s -> s.equals("NA") ? Double.NaN : Double.parseDouble(s))
                .toArray();
    }

    private static void close(double expected, double actual, double tolerance, String what) {
        assertEquals(expected, actual, tolerance * Math.max(1, Math.abs(expected)), what);
    }

    @ParameterizedTest(name = "{0}: {1}, {2}")
    @CsvSource({"TIGHT, REML, intercept", "TIGHT, REML, year", "TIGHT, ML, intercept", "TIGHT, ML, year",
        "METAFOR, REML, intercept", "METAFOR, REML, year", "METAFOR, ML, intercept", "METAFOR, ML, year"})
    void agreesWithRmaMv(String kind, String method, String model) {
        String[] l = lines.stream().filter(x -> x[0].equals(kind) && x[1].equals(method) && x[2].equals(model))
                .findFirst().orElseThrow();
        double tolerance = kind.equals("TIGHT") ? TIGHT : METAFOR;
        MetaAnalysis analysis = MetaAnalysis.withDefaults().withEstimator(Tau2Estimator.valueOf(method));
        MultilevelResult r = model.equals("intercept") ? analysis.multilevel(studies, districts)
                : analysis.multilevel(studies, districts, Moderators.builder(year.length).numeric("c", year).build());
        String what = kind + " " + method + " " + model;
        double[] sigma2 = numbers(l[3]);
        close(sigma2[0], r.clusterVariance(), tolerance, what + " sigma2.1");
        close(sigma2[1], r.estimateVariance(), tolerance, what + " sigma2.2");
        double[] beta = numbers(l[4]);
        double[] se = numbers(l[5]);
        for (int j = 0; j < beta.length; j++) {
            close(beta[j], r.coefficients().get(j).estimate(), tolerance, what + " beta " + j);
            close(se[j], r.coefficients().get(j).standardError(), tolerance, what + " se " + j);
        }
        double[] qe = numbers(l[6]);
        close(qe[0], r.heterogeneityTest().statistic(), 1e-10, what + " QE");
        double[] qm = numbers(l[7]);
        if (!Double.isNaN(qm[0])) {
            close(qm[0], r.moderatorTest().orElseThrow().statistic(), tolerance, what + " QM");
            close(qm[1], r.moderatorTest().orElseThrow().pValue(), tolerance, what + " QMp");
        } else {
            assertTrue(r.moderatorTest().isEmpty());
        }
        double[] ll = numbers(l[8]);
        close(ll[0], r.fitStatistics(false).logLikelihood(), tolerance / 10, what + " logLik ML");
        close(ll[1], r.fitStatistics(true).logLikelihood(), tolerance / 10, what + " logLik REML");
        double[] weights = numbers(l[9]);
        for (int i = 0; i < weights.length; i++) {
            close(weights[i], r.weight(i), tolerance, what + " weight " + i);
        }
        MultilevelResult.Robust robust = r.robust(districts);
        double[] rse = numbers(l[10]);
        for (int j = 0; j < rse.length; j++) {
            close(rse[j], robust.coefficients().get(j).standardError(), tolerance, what + " robust se " + j);
        }
        double[] rqm = numbers(l[11]);
        if (!Double.isNaN(rqm[0])) {
            close(rqm[0], robust.moderatorTest().orElseThrow().statistic(), tolerance, what + " robust QM");
            close(rqm[1], robust.moderatorTest().orElseThrow().pValue(), tolerance, what + " robust QMp");
        }
        assertEquals(numbers(l[12])[0], robust.degreesOfFreedom(0));
        double[] predicted = numbers(l[13]);
        Prediction prediction = model.equals("intercept") ? r.predict() : r.predict(5);
        double[] ours = {prediction.confidence().estimate(), prediction.standardError(), prediction.confidence().lower(),
            prediction.confidence().upper(), prediction.prediction().lower(), prediction.prediction().upper()};
        for (int j = 0; j < ours.length; j++) {
            close(predicted[j], ours[j], tolerance, what + " predict " + j);
        }
        // vcov(res): its diagonal is res$se^2, and predict(res, newmods = 5)$se is sqrt(g' vcov(res) g), g = (1, 5),
        // which holds its off-diagonal
        double[][] covariance = r.covariance();
        double[] g = model.equals("intercept") ? new double[] {1} : new double[] {1, 5};
        double variance = 0;
        for (int a = 0; a < g.length; a++) {
            close(se[a], Math.sqrt(covariance[a][a]), tolerance, what + " vcov diagonal " + a);
            for (int b = 0; b < g.length; b++) {
                assertEquals(covariance[a][b], covariance[b][a], what + " vcov symmetric");
                variance += g[a] * covariance[a][b] * g[b];
            }
        }
        close(predicted[1], Math.sqrt(variance), tolerance, what + " sqrt(g' vcov(res) g)");
        double[] z = numbers(l[14]);
        double[] ourZ = r.standardisedResiduals();
        for (int i = 0; i < z.length; i++) {
            close(z[i], ourZ[i], tolerance, what + " rstandard " + i);
        }
        double[] districtEffects = numbers(l[15]);
        double[] schoolEffects = numbers(l[16]);
        for (int c = 0; c < districtEffects.length; c++) {
            close(districtEffects[c], r.clusterEffects()[c], tolerance, what + " ranef district " + c);
        }
        for (int i = 0; i < schoolEffects.length; i++) {
            close(schoolEffects[i], r.estimateEffects()[i], tolerance, what + " ranef school " + i);
        }
        double[] districtErrors = numbers(l[17]);
        double[] schoolErrors = numbers(l[18]);
        for (int c = 0; c < districtErrors.length; c++) {
            close(districtErrors[c], r.clusterEffectStandardErrors()[c], tolerance, what + " ranef district se " + c);
        }
        for (int i = 0; i < schoolErrors.length; i++) {
            close(schoolErrors[i], r.estimateEffectStandardErrors()[i], tolerance, what + " ranef school se " + i);
        }
        assertEquals(11, r.clusters());
        assertTrue(r.summary().contains("Multivariate Meta-Analysis Model (k = 56; method: " + method + ")"));
    }

    @Test
    void refusesWhatItCannotFit() {
        assertEquals("A multilevel model is fitted by REML or ML, not DL", assertThrows(IllegalArgumentException.class,
                () -> MetaAnalysis.withDefaults().withEstimator(Tau2Estimator.DL).multilevel(studies, districts))
                .getMessage());
        assertEquals("There are 3 clusters and 56 design rows for 56 estimates", assertThrows(
                IllegalArgumentException.class, () -> MetaAnalysis.withDefaults().multilevel(studies,
                        new String[] {"a", "b", "c"})).getMessage());
    }
}
