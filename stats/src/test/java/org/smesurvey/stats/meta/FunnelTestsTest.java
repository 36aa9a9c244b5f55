package org.smesurvey.stats.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smesurvey.stats.EffectiveSample;

/**
 * The small-study tests beyond Egger's against metafor 3.8.1 (stats/src/test/reference/metafor-funnel-tests.R):
 * {@code regtest(res, model = "rma" | "lm", predictor = "sei" | "vi" | "ni" | "ninv" | "sqrtni" | "sqrtninv")} on
 * REML fits and {@code ranktest(res)}, on the logits of dat.pritz1997, dat.debruin2009, a set with ties (the
 * normal approximation), 60 studies (exact: metafor asks for it), the SME-style set with a study at 0 and one at
 * n, a set nearly all at 0, and one with a huge study. Tolerances: 1e-8 (REML is iterative; lm and the rank test are closed forms,
 * held to the same).
 */
class FunnelTestsTest {

    private static final List<String[]> LINES = new ArrayList<>();

    @BeforeAll
    static void read() throws IOException {
        try (InputStream in = FunnelTestsTest.class.getResourceAsStream("metafor-funnel-tests.txt")) {
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().forEach(l -> LINES.add(l.split(";")));
        }
    }

    private static double[] numbers(String field) {
        return Arrays.stream(field.split(",")).mapToDouble(s -> s.equals("NA") ? Double.NaN : Double.parseDouble(s))
                .toArray();
    }

    private static EffectSizes studies(String set) {
        String[] data = LINES.stream().filter(l -> l[0].equals("DATA") && l[1].equals(set)).findFirst().orElseThrow();
        double[] x = numbers(data[2]);
        double[] n = numbers(data[3]);
        List<EffectiveSample> samples = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            samples.add(new EffectiveSample(x[i], n[i]));
            labels.add(set + " " + (i + 1));
        }
        return EffectSizes.of(ProportionMeasure.PLO, samples, labels);
    }

    @Test
    void regressionTestsOnEveryPredictorAreMetafors() {
        int checked = 0;
        for (String[] l : LINES.stream().filter(l -> l[0].equals("REGTEST")).toList()) {
            EffectSizes es = studies(l[1]);
            MetaAnalysis analysis = l[2].equals("lm")
                    ? MetaAnalysis.withDefaults().withEstimator(Tau2Estimator.EE).withKnappHartung(true)
                    : MetaAnalysis.withDefaults();
            RegressionTest.Predictor predictor = RegressionTest.Predictor.valueOf(l[3].toUpperCase(Locale.ROOT));
            RegressionTest test;
            try {
                test = analysis.regressionTest(es, predictor);
            } catch (IllegalStateException e) {
                throw new AssertionError(String.join(" ", l[1], l[2], l[3]) + ": " + e.getMessage(), e);
            }
            double[] r = numbers(l[4]);
            String where = String.join(" ", l[1], l[2], l[3]);
            assertEquals(r[0], test.statistic(), 1e-8 * Math.max(1, Math.abs(r[0])), where + " statistic");
            assertEquals(r[1], test.pValue(), 1e-8, where + " p");
            if (predictor.hasLimitEstimate()) {
                assertEquals(r[2], test.limitEstimate().estimate(), 1e-8, where + " limit");
                assertEquals(r[3], test.limitEstimate().lower(), 1e-8, where + " lower");
                assertEquals(r[4], test.limitEstimate().upper(), 1e-8, where + " upper");
            } else {
                assertTrue(Double.isNaN(r[2]));
                assertThrows(IllegalStateException.class, test::limitEstimate);
            }
            checked++;
        }
        assertEquals(7 * 12, checked);
        RegressionTest lm = MetaAnalysis.withDefaults().withEstimator(Tau2Estimator.EE).withKnappHartung(true)
                .regressionTest(studies("pritz"), RegressionTest.Predictor.NINV);
        assertEquals("Regression test for funnel plot asymmetry (weighted regression with multiplicative dispersion,"
                + " predictor: inverse of the sample size)", lm.method());
    }

    @Test
    void theRankTestIsMetaforsExactOrWithTies() {
        for (String[] l : LINES.stream().filter(l -> l[0].equals("RANKTEST")).toList()) {
            RankCorrelationTest test = MetaAnalysis.withDefaults().rankTest(studies(l[1]));
            double[] r = numbers(l[2]);
            assertEquals(r[0], test.tau(), 1e-12, l[1] + " tau");
            assertEquals(r[1], test.pValue(), 1e-10, l[1] + " p");
            // debruin2009 has two studies of 11 in 29: tied variances, so the normal approximation, as cor.test.
            if (List.of("pritz", "debruin", "ties", "many").contains(l[1])) {
                assertEquals(!l[1].equals("ties") && !l[1].equals("debruin"), test.exact(), l[1]);
            }
        }
        assertFalse(Double.isNaN(MetaAnalysis.withDefaults().rankTest(studies("ties")).z()));
    }

    @Test
    void theConcordantPairsDistributionIsKendalls() {
        // k = 4: 24 permutations by inversions 1, 3, 5, 6, 5, 3, 1 (Mahonian numbers).
        double[] cdf = RankCorrelationTest.concordantDistribution(4);
        double[] counts = {1, 3, 5, 6, 5, 3, 1};
        double running = 0;
        for (int s = 0; s < counts.length; s++) {
            running += counts[s];
            assertEquals(running / 24, cdf[s], 1e-15);
        }
    }
}
