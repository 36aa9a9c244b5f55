package org.smesurvey.stats.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smesurvey.stats.Interval;

/**
 * Intervals of a proportion of 0 or 1, against stats/src/test/reference/survey-boundary.R (R 4.2.2, survey
 * 4.1.1) on survey's apistrat design: {@code svyciprop(~I(zero == 1), design, method = "mean")} for MEAN, and for
 * every other method, where survey gives NaN or does not converge, Korn and Graubard's interval computed in R,
 * {@code qbeta(0.975, 1, n*)} with {@code n* = n (qt(0.025, n - 1) / qt(0.025, degf))^2}.
 */
class BoundaryIntervalTest {

    private static final double QUANTILES = 1e-9;
    private static List<String[]> lines;

    @BeforeAll
    static void load() throws IOException {
        SurveyEstimatorTest.load();
        try (InputStream in = BoundaryIntervalTest.class.getResourceAsStream("survey-boundary.txt")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(l -> l.split(";")).toList();
        }
    }

    private static double[] reference(String kind, String design, String value) {
        String[] l = lines.stream().filter(x -> x[0].equals(kind) && x[1].equals(design) && x[2].equals(value))
                .findFirst().orElseThrow();
        return Arrays.stream(l[3].split(",")).mapToDouble(Double::parseDouble).toArray();
    }

    @ParameterizedTest(name = "{0}, all {1}")
    @CsvSource({"strat, zero", "strat, one", "strat_nofpc, zero", "strat_nofpc, one"})
    void everyMethodHasAnIntervalAtTheBoundary(String name, String value) {
        SurveyDesign design = SurveyEstimatorTest.design(name);
        boolean[] answers = new boolean[design.size()];
        Arrays.fill(answers, value.equals("one"));
        SurveyEstimate e = SurveyEstimator.of(design).proportion(value, answers);
        assertEquals(0.0, e.standardError());
        double[] mean = reference("MEAN", name, value);
        Interval m = SurveyEstimator.interval(e, ProportionMethod.MEAN, 0.95);
        assertEquals(mean[1], m.lower());
        assertEquals(mean[2], m.upper());
        double[] kg = reference("KORN_GRAUBARD", name, value);
        for (ProportionMethod method : ProportionMethod.values()) {
            if (method != ProportionMethod.MEAN) {
                Interval i = SurveyEstimator.interval(e, method, 0.95);
                assertEquals(kg[0], i.estimate(), method.name());
                assertEquals(kg[1], i.lower(), QUANTILES, method.name());
                assertEquals(kg[2], i.upper(), QUANTILES, method.name());
            }
        }
    }
}
