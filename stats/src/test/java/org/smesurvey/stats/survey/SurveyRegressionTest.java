package org.smesurvey.stats.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smesurvey.stats.TestResult;
import org.smesurvey.stats.meta.Coefficient;
import org.smesurvey.stats.meta.Moderators;

/**
 * Design-based regression against survey 4.1.1's {@code svyglm} (stats/src/test/reference/survey-glm.R) on its api
 * samples, the stratified one and the cluster sample of districts, both with fpc: {@code api00 ~ ell + meals +
 * mobility} (gaussian) and {@code sch.wide ~ ell + meals + stype} (quasi-binomial and binomial, E the reference
 * school type) — coefficients, sandwich standard errors, t tests on degf + 1 − p, the dispersion,
 * {@code predict(se.fit = TRUE)} on both scales and {@code regTermTest(~ ell + meals)}. Tolerance 1e-8 relative,
 * the standard errors against the sandwich at the final coefficients written out in R; svyglm's own take glm's
 * working weights of the iterate before its last, up to 1e-4 apart for the logistic models on the cluster sample,
 * so those and what rests on them (t, predictions' standard errors, the Wald F; p-values to 1e-3) to 1e-4 there.
 */
class SurveyRegressionTest {

    private static List<String[]> lines;
    private static final double TOLERANCE = 1e-8;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = SurveyRegressionTest.class.getResourceAsStream("survey-glm.txt")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(l -> l.split(";")).toList();
        }
    }

    private static List<CSVRecord> read(String name) throws IOException {
        try (InputStream in = SurveyRegressionTest.class.getResourceAsStream(name);
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }

    private static double[] numbers(List<CSVRecord> rows, String name) {
        return rows.stream().mapToDouble(r -> Double.parseDouble(r.get(name))).toArray();
    }

    private static double[] values(String field) {
        return Arrays.stream(field.split(",")).mapToDouble(Double::parseDouble).toArray();
    }

    private static String[] line(String kind, String design, String model) {
        return lines.stream().filter(l -> l[0].equals(kind) && l[1].equals(design) && l[2].equals(model)).findFirst()
                .orElseThrow();
    }

    private static void close(double expected, double actual, String what) {
        assertEquals(expected, actual, TOLERANCE * Math.max(1, Math.abs(expected)), what);
    }

    @Test
    void linearAndLogisticModelsAreSvyglms() throws IOException {
        int checked = 0;
        for (String name : List.of("strat", "clus1")) {
            List<CSVRecord> rows = read(name.equals("strat") ? "apistrat-regression.csv" : "apiclus1-regression.csv");
            SurveyDesign.Builder b = SurveyDesign.builder(numbers(rows, "pw"));
            if (name.equals("strat")) {
                b.strata(rows.stream().map(r -> r.get("stype")).toArray(String[]::new));
            } else {
                b.clusters(rows.stream().map(r -> r.get("dnum")).toArray(String[]::new));
            }
            SurveyDesign design = b.fpc(numbers(rows, "fpc")).build();
            int n = rows.size();
            double[] api00 = numbers(rows, "api00");
            double[] yes = rows.stream().mapToDouble(r -> r.get("sch.wide").equals("Yes") ? 1 : 0).toArray();
            double[] stypeH = rows.stream().mapToDouble(r -> r.get("stype").equals("H") ? 1 : 0).toArray();
            double[] stypeM = rows.stream().mapToDouble(r -> r.get("stype").equals("M") ? 1 : 0).toArray();
            Moderators linear = Moderators.builder(n).numeric("ell", numbers(rows, "ell"))
                    .numeric("meals", numbers(rows, "meals")).numeric("mobility", numbers(rows, "mobility")).build();
            Moderators logistic = Moderators.builder(n).numeric("ell", numbers(rows, "ell"))
                    .numeric("meals", numbers(rows, "meals")).numeric("stypeH", stypeH).numeric("stypeM", stypeM)
                    .build();
            SurveyEstimator estimator = SurveyEstimator.of(design);
            for (String model : List.of("gaussian", "quasibinomial", "binomial")) {
                SurveyRegression.Family family = SurveyRegression.Family.valueOf(model.toUpperCase(java.util.Locale.ROOT));
                SurveyRegression fit = model.equals("gaussian") ? estimator.regression(api00, linear, family)
                        : estimator.regression(yes, logistic, family);
                String[] g = line("GLM", name, model);
                double[] coef = values(g[3]);
                double[] se = values(g[4]);
                double[] t = values(g[5]);
                double[] p = values(g[6]);
                String where = name + " " + model;
                double[] exact = values(line("EXACT", name, model)[3]);
                // svyglm's own standard errors rest on glm's working weights of the iterate before the last: up to
                // 1e-4 apart on the cluster sample (p-values, more sensitive, to 1e-3 relative).
                double lag = model.equals("gaussian") ? TOLERANCE : 1e-4;
                for (int j = 0; j < coef.length; j++) {
                    Coefficient c = fit.coefficients().get(j);
                    close(coef[j], c.estimate(), where + " coef " + j);
                    close(exact[j], c.standardError(), where + " se " + j);
                    assertEquals(se[j], c.standardError(), lag * se[j], where + " svyglm's se " + j);
                    assertEquals(t[j], c.statistic(), lag * Math.max(1, Math.abs(t[j])), where + " t " + j);
                    assertEquals(p[j], c.pValue(), 10 * lag * Math.max(p[j], 1e-300) + 1e-15, where + " p " + j);
                }
                assertEquals(Integer.parseInt(g[7].split("\\.")[0]), fit.degreesOfFreedom(), where + " df");
                close(values(g[8])[0], fit.dispersion(), where + " dispersion");
                double[] pr = values(line("PREDICT", name, model)[3]);
                SurveyRegression.Prediction prediction = model.equals("gaussian") ? fit.predict(20, 40, 15)
                        : fit.predict(20, 40, 0, 1);
                close(pr[0], prediction.link(), where + " link");
                assertEquals(pr[1], prediction.linkStandardError(), lag * pr[1], where + " se link");
                close(pr[2], prediction.response(), where + " response");
                assertEquals(pr[3], prediction.responseStandardError(), lag * pr[3], where + " se response");
                double[] term = values(line("TERM", name, model)[3]);
                TestResult wald = fit.termTest("ell", "meals");
                assertEquals(term[0], wald.statistic(), lag * Math.max(1, term[0]), where + " F");
                assertEquals(term[1], wald.degreesOfFreedom().orElseThrow(), 0.0, where + " df1");
                assertEquals(term[2], wald.denominatorDegreesOfFreedom().orElseThrow(), 0.0, where + " df2");
                assertEquals(term[3], wald.pValue(), 10 * lag * term[3] + 1e-300, where + " F p");
                checked++;
            }
        }
        assertEquals(6, checked);
    }

    @Test
    void badInputIsRefused() {
        SurveyDesign design = SurveyDesign.builder(new double[] {1, 2, 3, 4}).build();
        Moderators x = Moderators.builder(4).numeric("a", new double[] {1, 2, 3, 4}).build();
        IllegalArgumentException outside = assertThrows(IllegalArgumentException.class, () -> SurveyEstimator.of(design)
                .regression(new double[] {0, 1, 2, 1}, x, SurveyRegression.Family.BINOMIAL));
        assertTrue(outside.getMessage().contains("Answer 2.0 of respondent 3"), outside.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SurveyEstimator.of(design).regression(new double[] {0, 1},
                x, SurveyRegression.Family.GAUSSIAN));
        SurveyRegression fit = SurveyEstimator.of(design).regression(new double[] {1, 3, 2, 5}, x,
                SurveyRegression.Family.GAUSSIAN);
        assertTrue(fit.summary().contains("(Dispersion parameter for gaussian family taken to be"), fit.summary());
        assertThrows(IllegalArgumentException.class, () -> fit.termTest("b"));
    }
}
