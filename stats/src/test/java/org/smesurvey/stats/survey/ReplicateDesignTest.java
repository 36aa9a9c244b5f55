package org.smesurvey.stats.survey;

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

/**
 * Replicate-weight variances against R's survey 4.1.1 on {@code apiclus1} (survey-api.R):
 * {@code as.svrepdesign(d, type = "JK1", mse = m)} then {@code svymean(~award, r)} and
 * {@code svyby(~award, ~stype, r, svymean)}; and the bootstrap replicates R drew
 * ({@code set.seed(2026); as.svrepdesign(d, type = "bootstrap", replicates = 50)}), read from
 * apiclus1-bootstrap.csv and used as given.
 */
class ReplicateDesignTest {

    private static final double EXACT = 1e-12;
    private static List<String[]> lines;

    @BeforeAll
    static void load() throws IOException {
        SurveyEstimatorTest.load(); // the api data
        try (InputStream in = ReplicateDesignTest.class.getResourceAsStream("survey-api.txt")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(l -> l.split(";")).toList();
        }
    }

    private static double[] values(String field) {
        return Arrays.stream(field.split(",")).mapToDouble(Double::parseDouble).toArray();
    }

    private static void check(String[] expected, int from, ReplicateDesign r) {
        boolean[] award = SurveyEstimatorTest.answer("clus1", "award");
        SurveyEstimator estimator = SurveyEstimator.of(r);
        SurveyEstimate mean = estimator.proportion("award", award);
        double[] m = values(expected[from]);
        assertEquals(m[0], mean.estimate(), EXACT);
        assertEquals(m[1], mean.standardError(), EXACT * Math.max(1, m[1]));
        assertEquals(m[2], r.scale(), EXACT);
        List<SurveyEstimate> by = estimator.proportionBy(award, SurveyEstimatorTest.column("apiclus1", "stype"));
        double[] estimates = values(expected[from + 1]);
        double[] se = values(expected[from + 2]);
        for (int d = 0; d < 3; d++) {
            assertEquals(estimates[d], by.get(d).estimate(), EXACT, by.get(d).label());
            assertEquals(se[d], by.get(d).standardError(), EXACT, by.get(d).label() + " se");
        }
    }

    @Test
    void jackknifeAsSurvey() {
        int checked = 0;
        for (String[] l : lines) {
            if (l[0].equals("JK1")) {
                ReplicateDesign r = ReplicateDesign.jackknife(SurveyEstimatorTest.design(l[1]))
                        .withMse(Boolean.parseBoolean(l[2].toLowerCase(java.util.Locale.ROOT)));
                check(l, 3, r);
                assertEquals(15, r.replicates(), "one replicate per district");
                assertEquals(15 - 1, r.degreesOfFreedom());
                checked++;
            }
        }
        assertEquals(4, checked);
    }

    @Test
    void bootstrapReplicatesMadeByR() {
        double[][] multipliers = SurveyReference.rowsAfterFirst("apiclus1-bootstrap.csv");
        String[] expected = lines.stream().filter(l -> l[0].equals("BOOTSTRAP")).findFirst().orElseThrow();
        double scale = values(expected[2])[2];
        double[] ones = new double[50];
        Arrays.fill(ones, 1);
        check(expected, 2, ReplicateDesign.of(SurveyEstimatorTest.design("clus1_nofpc"), multipliers, scale, ones));
    }

    @Test
    void ourBootstrapFollowsSurveysScaleAndEstimatesTheSameVariance() {
        SurveyDesign design = SurveyEstimatorTest.design("clus1_nofpc");
        ReplicateDesign boot = ReplicateDesign.bootstrap(design, 2000, 7);
        // One stratum of 15 districts: scale 15 / (14 * 1999), as survey's bootweights.
        assertEquals(15.0 / (14 * 1999), boot.scale(), 1e-15);
        boolean[] award = SurveyEstimatorTest.answer("clus1", "award");
        double linearised = SurveyEstimator.of(design).proportion("award", award).standardError();
        double replicated = SurveyEstimator.of(boot).proportion("award", award).standardError();
        // 2,000 replicates: the bootstrap SE is within a few per cent of the linearised one (a sampling check).
        assertTrue(Math.abs(replicated / linearised - 1) < 0.08, replicated + " vs " + linearised);
        assertEquals(replicated, SurveyEstimator.of(ReplicateDesign.bootstrap(design, 2000, 7))
                .proportion("award", award).standardError(), 0.0,
                "the seed fixes the replicates");
    }

    @Test
    void jackknifeRefusesStrata() {
        assertEquals("JK1 is for an unstratified, uncalibrated design; this one has 3 strata: use the bootstrap",
                assertThrows(IllegalArgumentException.class,
                        () -> ReplicateDesign.jackknife(SurveyEstimatorTest.design("strat"))).getMessage());
    }

    /**
     * Means and totals, overall and by domain, on JK1 replicates (reference/survey-replicate-estimators.R):
     * {@code svymean(~snum, rep)}, {@code svytotal(~award, rep)}, {@code svyby(~snum, ~stype, rep, svymean)} and
     * {@code svyby(~award, ~stype, rep, svytotal)} with {@code rep <- as.svrepdesign(d, type = "JK1", mse = m)}.
     */
    @Test
    void meansAndTotalsOnReplicatesAsSurvey() throws IOException {
        List<String[]> reference;
        try (InputStream in = ReplicateDesignTest.class.getResourceAsStream("survey-replicate-estimators.txt")) {
            reference = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(l -> l.split(";")).toList();
        }
        String[] stype = SurveyEstimatorTest.column("apiclus1", "stype");
        double[] snum = Arrays.stream(SurveyEstimatorTest.column("apiclus1", "snum")).mapToDouble(Double::parseDouble)
                .toArray();
        boolean[] award = SurveyEstimatorTest.answer("clus1", "award");
        double[] awardValues = new double[award.length];
        for (int i = 0; i < award.length; i++) {
            awardValues[i] = award[i] ? 1 : 0;
        }
        for (String[] l : reference) {
            SurveyEstimator estimator = SurveyEstimator.of(ReplicateDesign.jackknife(SurveyEstimatorTest.design(l[1]))
                    .withMse(Boolean.parseBoolean(l[2].toLowerCase(java.util.Locale.ROOT))));
            String what = l[1] + " mse " + l[2];
            double[] mean = values(l[3]);
            SurveyEstimate m = estimator.mean("snum", snum);
            assertEquals(mean[0], m.estimate(), EXACT * mean[0], what + " mean");
            assertEquals(mean[1], m.standardError(), EXACT * mean[1], what + " mean se");
            double[] total = values(l[4]);
            SurveyEstimate t = estimator.total("award", awardValues);
            assertEquals(total[0], t.estimate(), EXACT * total[0], what + " total");
            assertEquals(total[1], t.standardError(), EXACT * total[1], what + " total se");
            List<SurveyEstimate> means = estimator.meanBy(snum, stype);
            List<SurveyEstimate> totals = estimator.totalBy(awardValues, stype);
            double[][] expected = {values(l[5]), values(l[6]), values(l[7]), values(l[8])};
            for (int d = 0; d < 3; d++) {
                assertEquals(expected[0][d], means.get(d).estimate(), EXACT * expected[0][d], what + " by mean");
                assertEquals(expected[1][d], means.get(d).standardError(), EXACT * expected[1][d], what + " by mean se");
                assertEquals(expected[2][d], totals.get(d).estimate(), EXACT * expected[2][d], what + " by total");
                assertEquals(expected[3][d], totals.get(d).standardError(), EXACT * expected[3][d], what + " by total se");
            }
            // the design effect divides the replicate variance by the SRS variance carried (ReplicateDesignEffectTest
            // checks both against survey's deff = TRUE)
            assertEquals(m.standardError() * m.standardError() / m.simpleRandomSampleVariance().getAsDouble(),
                    m.designEffect().getAsDouble(), EXACT * m.designEffect().getAsDouble(), what + " deff");
        }
        assertEquals(4, reference.size());
    }

    @Test
    void aTableWhoseCellsCannotVaryIsRefusedClearly() {
        SurveyEstimator estimator = SurveyEstimator.of(ReplicateDesign.jackknife(SurveyEstimatorTest.design("clus1")));
        String[] stype = SurveyEstimatorTest.column("apiclus1", "stype");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> estimator.independence(stype, stype))
                .getMessage().contains("tests of independence are undefined"));
    }
}
