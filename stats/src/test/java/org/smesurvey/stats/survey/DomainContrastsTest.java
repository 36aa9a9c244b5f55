package org.smesurvey.stats.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Domain estimates with their covariance and their contrasts against survey 4.1.1
 * (stats/src/test/reference/survey-contrasts.R): {@code svyby(~yes, ~stype, design, svymean, covmat = TRUE)} on the
 * stratified api sample (domains = strata: no covariance) and the cluster sample of districts (correlated domains),
 * and {@code svycontrast} for a difference, an average and a ratio; 1e-12 (closed forms).
 */
class DomainContrastsTest {

    private static List<String[]> lines;

    @BeforeAll
    static void load() throws IOException {
        SurveyEstimatorTest.load();
        try (InputStream in = DomainContrastsTest.class.getResourceAsStream("survey-contrasts.txt")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(l -> l.split(";")).toList();
        }
    }

    private static double[] values(String field) {
        return Arrays.stream(field.split(",")).mapToDouble(Double::parseDouble).toArray();
    }

    @Test
    void domainsCovaryAndTheirContrastsCarryIt() {
        for (String name : List.of("strat", "clus1")) {
            SurveyDesign design = SurveyEstimatorTest.design(name);
            DomainEstimates by = SurveyEstimator.of(design).proportionsBy(Answers.of(SurveyEstimatorTest.answer(name,
                    "yes")), SurveyEstimatorTest.column(name.equals("strat") ? "apistrat" : "apiclus1", "stype"));
            String[] line = lines.stream().filter(l -> l[0].equals("BY") && l[1].equals(name)).findFirst()
                    .orElseThrow();
            double[] estimates = values(line[2]);
            double[] covariance = values(line[3]);
            assertEquals(List.of("E", "H", "M"), by.labels());
            for (int d = 0; d < 3; d++) {
                assertEquals(estimates[d], by.estimates()[d], 1e-12, name + " estimate " + d);
                for (int e = 0; e < 3; e++) {
                    assertEquals(covariance[d * 3 + e], by.covariance()[d][e], 1e-12, name + " covariance " + d + e);
                }
            }
            Map<String, DomainEstimates.Contrast> contrasts = Map.of("difference", by.difference("E", "M"),
                    "average", by.linear(Map.of("E", 1 / 3.0, "H", 1 / 3.0, "M", 1 / 3.0)),
                    "ratio", by.ratio("E", "H"));
            contrasts.forEach((kind, c) -> {
                String[] r = lines.stream().filter(l -> l[0].equals("CONTRAST") && l[1].equals(name)
                        && l[2].equals(kind)).findFirst().orElseThrow();
                assertEquals(Double.parseDouble(r[3]), c.estimate(), 1e-12, name + " " + kind);
                assertEquals(Double.parseDouble(r[4]), c.standardError(), 1e-12, name + " " + kind + " se");
            });
            assertThrows(IllegalArgumentException.class, () -> by.difference("E", "X"));
        }
    }
}
