package org.smesurvey.stats.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The stratified jackknife against survey 4.1.1's {@code as.svrepdesign(design, type = "JKn")}
 * (stats/src/test/reference/survey-jkn.R) on the stratified api sample with and without fpc: means of two answers
 * and a total, with their standard errors and degrees of freedom; 1e-12.
 */
class StratifiedJackknifeTest {

    private static List<String[]> lines;

    @BeforeAll
    static void load() throws IOException {
        SurveyEstimatorTest.load();
        try (InputStream in = StratifiedJackknifeTest.class.getResourceAsStream("survey-jkn.txt")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(l -> l.split(";")).toList();
        }
    }

    @Test
    void meansAndTotalsAreSurveysOnItsJackknife() {
        for (String[] l : lines) {
            SurveyDesign design = SurveyEstimatorTest.design(l[1]);
            ReplicateDesign jkn = ReplicateDesign.stratifiedJackknife(design);
            boolean[] answers = SurveyEstimatorTest.answer(l[1], l[2]);
            double[] values = new double[answers.length];
            for (int i = 0; i < values.length; i++) {
                values[i] = answers[i] ? 1 : 0;
            }
            SurveyEstimator estimator = SurveyEstimator.of(jkn);
            SurveyEstimate e = l[3].equals("mean") ? estimator.mean(l[2], values) : estimator.total(l[2], values);
            double[] r = Arrays.stream(l[4].split(",")).mapToDouble(Double::parseDouble).toArray();
            String where = String.join(" ", l[1], l[2], l[3]);
            assertEquals(r[0], e.estimate(), 1e-12 * Math.max(1, r[0]), where);
            assertEquals(r[1], e.standardError(), 1e-12 * Math.max(1, r[1]), where + " se");
            assertEquals((int) r[2], jkn.degreesOfFreedom(), where + " df");
        }
    }

    @Test
    void aStratumOfOneUnitIsRefused() {
        SurveyDesign lonely = SurveyDesign.builder(new double[] {1, 1, 1}).strata(new String[] {"a", "a", "b"})
                .lonelyPsu(LonelyPsu.CERTAINTY).build();
        assertThrows(IllegalArgumentException.class, () -> ReplicateDesign.stratifiedJackknife(lonely));
    }
}
