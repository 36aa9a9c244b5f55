package org.smesurvey.stats.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smesurvey.stats.Interval;
import org.smesurvey.stats.TestResult;

/**
 * Design-based means, totals, domains and proportion intervals against R's survey 4.1.1 on survey's own
 * samples of California schools ({@code data(api)}): {@code apistrat}, stratified by school type with a
 * finite population correction, and {@code apiclus1}, a one-stage sample of school districts. Produced by
 * stats/src/test/reference/survey-api.R, which quotes every call; for instance
 * {@code svymean(~yes, svydesign(id = ~1, strata = ~stype, weights = ~pw, data = apistrat, fpc = ~fpc),
 * deff = TRUE)}, {@code svyby(~yes, ~stype, d, svymean, deff = TRUE)} and
 * {@code svyciprop(~I(yes == 1), d, method = m)}.
 */
class SurveyEstimatorTest {

    static final double EXACT = 1e-12;
    /** t and beta quantiles are solved to 1e-14 here; R's to its own accuracy. */
    private static final double QUANTILES = 1e-9;
    /** R's "logit" comes from svyglm, whose iterations stop at a relative deviance change of 1e-8. */
    private static final double GLM = 1e-8;
    /** R's "likelihood" interpolates its profile with a spline on a 10-step grid. */
    private static final double SPLINE = 1e-5;

    static Map<String, List<CSVRecord>> data;
    static List<String[]> lines;

    @BeforeAll
    static void load() throws IOException {
        data = Map.of("apistrat", read("apistrat.csv"), "apiclus1", read("apiclus1.csv"));
        try (InputStream in = SurveyEstimatorTest.class.getResourceAsStream("survey-api.txt")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(l -> l.split(";")).toList();
        }
    }

    private static List<CSVRecord> read(String name) throws IOException {
        try (InputStream in = SurveyEstimatorTest.class.getResourceAsStream(name);
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }

    static String[] column(String dataset, String name) {
        return column(data.get(dataset), name);
    }

    static String[] column(List<CSVRecord> rows, String name) {
        return rows.stream().map(r -> r.get(name)).toArray(String[]::new);
    }

    private static double[] numbers(List<CSVRecord> rows, String name) {
        return rows.stream().mapToDouble(r -> Double.parseDouble(r.get(name))).toArray();
    }

    /** The designs of survey-api.R, by name. */
    static SurveyDesign design(String name) {
        List<CSVRecord> rows = data.get(name.startsWith("strat") ? "apistrat" : "apiclus1");
        SurveyDesign.Builder b = SurveyDesign.builder(numbers(rows, "pw"));
        if (name.startsWith("strat")) {
            b.strata(column(rows, "stype"));
        } else {
            b.clusters(column(rows, "dnum"));
        }
        if (!name.endsWith("nofpc")) {
            b.fpc(numbers(rows, "fpc"));
        }
        return b.build();
    }

    static boolean[] answer(String design, String variable) {
        List<CSVRecord> rows = data.get(design.startsWith("strat") ? "apistrat" : "apiclus1");
        String column = variable.equals("yes") ? "sch.wide" : "awards";
        boolean[] answers = new boolean[rows.size()];
        for (int i = 0; i < answers.length; i++) {
            answers[i] = rows.get(i).get(column).equals("Yes");
        }
        return answers;
    }

    static double[] values(String field) {
        return Arrays.stream(field.split(",")).mapToDouble(Double::parseDouble).toArray();
    }

    static void close(double expected, double actual, double tolerance, String what) {
        assertEquals(expected, actual, tolerance * Math.max(1, Math.abs(expected)), what);
    }

    @Test
    void meansAndTotalsWithDesignEffects() {
        int checked = 0;
        for (String[] l : lines) {
            if (!l[0].equals("MEAN") && !l[0].equals("TOTAL")) {
                continue;
            }
            SurveyEstimator estimator = SurveyEstimator.of(design(l[1]));
            boolean[] yes = answer(l[1], l[2]);
            double[] y = new double[yes.length];
            for (int i = 0; i < y.length; i++) {
                y[i] = yes[i] ? 1 : 0;
            }
            SurveyEstimate e = l[0].equals("MEAN") ? estimator.proportion(l[2], yes) : estimator.total(l[2], y);
            double[] r = values(l[3]);
            String what = String.join(" ", l[0], l[1], l[2]);
            close(r[0], e.estimate(), EXACT, what + " estimate");
            close(r[1], e.standardError(), EXACT, what + " se");
            close(r[2], e.designEffect().getAsDouble(), EXACT, what + " deff");
            if (l[0].equals("MEAN")) {
                assertEquals((int) r[3], e.degreesOfFreedom(), what + " degf");
            }
            checked++;
        }
        assertEquals(16, checked);
    }

    @Test
    void proportionIntervalsOfSvyciprop() {
        int checked = 0;
        for (String[] l : lines) {
            if (!l[0].equals("CIPROP") && !l[0].equals("CIPROP_EXACT")) {
                continue;
            }
            ProportionMethod method = ProportionMethod.valueOf(l[3].toUpperCase(java.util.Locale.ROOT));
            Interval ci = SurveyEstimator.of(design(l[1])).proportionInterval(answer(l[1], l[2]), method, 0.95);
            double[] r = values(l[4]);
            // svyciprop's likelihood bounds come from a spline through its profile: 1e-5 from the exact roots,
            // which CIPROP_EXACT gives (uniroot in R on the same equation) and which are checked at 1e-10.
            double tolerance = method == ProportionMethod.LOGIT ? GLM
                    : method == ProportionMethod.LIKELIHOOD ? (l[0].equals("CIPROP") ? SPLINE : QUANTILES) : QUANTILES;
            String what = String.join(" ", l[1], l[2], l[3]);
            close(r[0], ci.estimate(), method == ProportionMethod.LOGIT
                    || (method == ProportionMethod.LIKELIHOOD && l[0].equals("CIPROP")) ? GLM : EXACT, what + " estimate");
            close(r[1], ci.lower(), tolerance, what + " lower");
            close(r[2], ci.upper(), tolerance, what + " upper");
            checked++;
        }
        assertEquals(8 * 6 + 8, checked);
    }

    @Test
    void domainsAsSvyby() {
        // svyby(~y, ~stype, d, svymean, deff = TRUE), svyby(~y, ~stype, d, svytotal, deff = TRUE), and by county.
        int checked = 0;
        for (String[] l : lines) {
            if (l[0].equals("BY_STYPE")) {
                List<CSVRecord> rows = data.get(l[1].startsWith("strat") ? "apistrat" : "apiclus1");
                List<SurveyEstimate> by = SurveyEstimator.of(design(l[1])).proportionBy(answer(l[1], l[2]),
                        column(rows, "stype"));
                assertEquals(List.of(l[3].split(",")), by.stream().map(SurveyEstimate::label).toList());
                double[] estimates = values(l[4]);
                double[] se = values(l[5]);
                double[] deff = values(l[6]);
                double[] degf = values(l[7]);
                for (int d = 0; d < by.size(); d++) {
                    String what = String.join(" ", l[1], l[2], by.get(d).label());
                    close(estimates[d], by.get(d).estimate(), EXACT, what + " estimate");
                    close(se[d], by.get(d).standardError(), EXACT, what + " se");
                    close(deff[d], by.get(d).designEffect().getAsDouble(), EXACT, what + " deff");
                    assertEquals((int) degf[d], by.get(d).degreesOfFreedom(), what + " degf");
                }
                checked++;
            } else if (l[0].equals("TOTAL_BY_STYPE")) {
                boolean[] yes = answer(l[1], l[2]);
                double[] y = new double[yes.length];
                for (int i = 0; i < y.length; i++) {
                    y[i] = yes[i] ? 1 : 0;
                }
                List<SurveyEstimate> by = SurveyEstimator.of(design(l[1])).totalBy(y, column(
                        l[1].startsWith("strat") ? "apistrat" : "apiclus1", "stype"));
                double[] totals = values(l[3]);
                double[] se = values(l[4]);
                double[] deff = values(l[5]);
                for (int d = 0; d < 3; d++) {
                    String what = String.join(" ", "total", l[1], l[2], by.get(d).label());
                    close(totals[d], by.get(d).estimate(), EXACT, what);
                    close(se[d], by.get(d).standardError(), EXACT, what + " se");
                    close(deff[d], by.get(d).designEffect().getAsDouble(), EXACT, what + " deff");
                }
                checked++;
            } else if (l[0].equals("BY_COUNTY")) {
                List<CSVRecord> rows = data.get(l[1].startsWith("strat") ? "apistrat" : "apiclus1");
                List<SurveyEstimate> by = SurveyEstimator.of(design(l[1])).proportionBy(answer(l[1], "yes"),
                        column(rows, "cname"));
                List<String> names = List.of(l[2].split(","));
                assertEquals(names.size(), by.size());
                double[] estimates = values(l[3]);
                double[] se = values(l[4]);
                for (SurveyEstimate e : by) {
                    int r = names.indexOf(e.label()); // R orders the counties by its locale's collation
                    close(estimates[r], e.estimate(), EXACT, l[1] + " " + e.label() + " estimate");
                    close(se[r], e.standardError(), EXACT, l[1] + " " + e.label() + " se");
                }
                checked++;
            }
        }
        assertEquals(8 + 8 + 4, checked);
    }

    /**
     * {@code svychisq(~a + b, d, statistic = "F")} and {@code "Chisq"}: R reports X² itself with the first-order
     * p-value; the scaled statistic is checked through that p-value.
     */
    @Test
    void raoScottTestsOfIndependence() {
        int checked = 0;
        for (String[] l : lines) {
            if (!l[0].equals("CHISQ")) {
                continue;
            }
            List<CSVRecord> rows = data.get(l[1].startsWith("strat") ? "apistrat" : "apiclus1");
            RaoScott test = SurveyEstimator.of(design(l[1])).independence(column(rows, l[2]), column(rows, l[3]));
            double[] r = values(l[5]);
            String what = String.join(" ", l[1], l[2], l[3], l[4]);
            if (l[4].equals("F")) {
                close(r[0], test.f().statistic(), EXACT, what + " F");
                close(r[1], test.f().degreesOfFreedom().getAsDouble(), EXACT, what + " ndf");
                close(r[2], test.f().denominatorDegreesOfFreedom().getAsDouble(), EXACT, what + " ddf");
                assertEquals(r[3], test.f().pValue(), Math.max(1e-300, 1e-9 * r[3]), what + " p");
            } else {
                close(r[0], test.pearson(), EXACT, what + " X2");
                assertEquals(r[1], test.chiSquare().degreesOfFreedom().getAsDouble(), what + " df");
                assertEquals(r[2], test.chiSquare().pValue(), Math.max(1e-300, 1e-9 * r[2]), what + " p");
            }
            close(r[r.length - 1], test.pearson(), EXACT, what + " Pearson");
            checked++;
        }
        assertEquals(4 * 3 * 2, checked);
    }

    /** {@code svychisq(~a + b, design, statistic = "Wald")} and {@code "adjWald"} (reference/survey-wald.R). */
    @Test
    void waldTestsOfIndependence() throws IOException {
        List<String[]> wald;
        try (InputStream in = SurveyEstimatorTest.class.getResourceAsStream("survey-wald.txt")) {
            wald = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(l -> l.split(";")).toList();
        }
        for (String[] l : wald) {
            List<CSVRecord> rows = data.get(l[1].startsWith("strat") ? "apistrat" : "apiclus1");
            RaoScott tests = SurveyEstimator.of(design(l[1])).independence(column(rows, l[2]), column(rows, l[3]));
            TestResult test = l[4].equals("Wald") ? tests.wald() : tests.adjustedWald();
            double[] r = values(l[5]);
            String what = String.join(" ", l[1], l[2], l[3], l[4]);
            close(r[0], test.statistic(), 1e-10, what + " F");
            assertEquals(r[1], test.degreesOfFreedom().getAsDouble(), what + " ndf");
            assertEquals(r[2], test.denominatorDegreesOfFreedom().getAsDouble(), what + " ddf");
            assertEquals(r[3], test.pValue(), Math.max(1e-300, 1e-9 * r[3]), what + " p");
        }
        assertEquals(4 * 3 * 2, wald.size());
    }

    /**
     * A stratum with a single district (637) under each rule, as {@code options(survey.lonely.psu = rule)} then
     * {@code svymean(~award, svydesign(id = ~dnum, strata = ~st, weights = ~pw, data = apiclus1, fpc = ~fpc))}
     * and {@code svyby(~award, ~stype, d, svymean)}; {@code "fail"} refuses the design.
     */
    @Test
    void strataWithASingleUnit() {
        List<CSVRecord> rows = data.get("apiclus1");
        String[] strata = rows.stream().map(r -> {
            int dnum = Integer.parseInt(r.get("dnum"));
            return dnum == 637 ? "single" : dnum < 500 ? "low" : "high";
        }).toArray(String[]::new);
        SurveyDesign.Builder builder = SurveyDesign.builder(numbers(rows, "pw")).strata(strata)
                .clusters(column(rows, "dnum")).fpc(numbers(rows, "fpc"));
        IllegalArgumentException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                builder::build);
        assertEquals("Stratum single has a single primary sampling unit: its variance cannot be estimated; choose a"
                + " LonelyPsu rule", refused.getMessage());
        int checked = 0;
        for (String[] l : lines) {
            if (!l[0].equals("LONELY")) {
                continue;
            }
            LonelyPsu rule = LonelyPsu.valueOf(l[1].toUpperCase(java.util.Locale.ROOT));
            SurveyEstimator estimator = SurveyEstimator.of(builder.lonelyPsu(rule).build());
            boolean[] award = answer("clus1", "award");
            double[] m = values(l[2]);
            SurveyEstimate mean = estimator.proportion("award", award);
            close(m[0], mean.estimate(), EXACT, rule + " mean");
            close(m[1], mean.standardError(), EXACT, rule + " se");
            double[] se = values(l[4]);
            List<SurveyEstimate> by = estimator.proportionBy(award, column(rows, "stype"));
            for (int d = 0; d < 3; d++) {
                close(se[d], by.get(d).standardError(), EXACT, rule + " " + by.get(d).label());
            }
            checked++;
        }
        assertEquals(4, checked);
    }

    /**
     * Domain estimates flow into the meta-analysis with their design-based precision: {@code svyby(~yes,
     * ~stype, d, svymean)}, effective samples \( p(1-p)/\mathrm{SE}^2 \), then {@code escalc("PLO", xi = p * neff,
     * ni = neff)} and {@code rma(yi, vi, method = "REML")} (survey-api.R, "META").
     */
    @Test
    void domainEstimatesPoolInAMetaAnalysis() {
        List<SurveyEstimate> byType = SurveyEstimator.of(design("strat")).proportionBy(answer("strat", "yes"),
                column("apistrat", "stype"));
        List<org.smesurvey.stats.EffectiveSample> samples = byType.stream().map(SurveyEstimate::toEffectiveSample)
                .toList();
        String[] l = lines.stream().filter(x -> x[0].equals("META")).findFirst().orElseThrow();
        double[] neff = values(l[1]);
        for (int d = 0; d < 3; d++) {
            close(neff[d], samples.get(d).size(), EXACT, "neff " + d);
        }
        org.smesurvey.stats.meta.EffectSizes studies = org.smesurvey.stats.meta.EffectSizes.of(
                org.smesurvey.stats.meta.ProportionMeasure.PLO, samples,
                byType.stream().map(SurveyEstimate::label).toList());
        double[] yi = values(l[2]);
        double[] vi = values(l[3]);
        for (int d = 0; d < 3; d++) {
            close(yi[d], studies.yi(d), EXACT, "yi " + d);
            close(vi[d], studies.vi(d), EXACT, "vi " + d);
        }
        org.smesurvey.stats.meta.MetaResult fit = org.smesurvey.stats.meta.MetaAnalysis.withDefaults().fit(studies);
        double[] r = values(l[4]);
        close(r[0], fit.estimate(), 1e-8, "pooled");
        close(r[1], fit.standardError(), 1e-8, "se");
        close(r[2], fit.tau2(), 1e-8, "tau2");
    }

    /**
     * {@code deff(svymean(~yes, d, deff = "replace"))}, {@code svytotal} and {@code svyby(~yes, ~stype, d, svymean,
     * deff = "replace")} (reference/survey-deff-replace.R): design effects against sampling with replacement.
     */
    @Test
    void designEffectsAgainstSamplingWithReplacement() throws IOException {
        List<String[]> reference;
        try (InputStream in = SurveyEstimatorTest.class.getResourceAsStream("survey-deff-replace.txt")) {
            reference = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(l -> l.split(";")).toList();
        }
        for (String[] l : reference) {
            List<CSVRecord> rows = data.get(l[1].startsWith("strat") ? "apistrat" : "apiclus1");
            boolean[] answers = new boolean[rows.size()];
            double[] values = new double[rows.size()];
            for (int i = 0; i < answers.length; i++) {
                answers[i] = rows.get(i).get("sch.wide").equals("Yes");
                values[i] = answers[i] ? 1 : 0;
            }
            SurveyEstimator estimator = SurveyEstimator.of(design(l[1])).withReplacementDesignEffects();
            double[] r = values(l[2]);
            String what = l[0] + " " + l[1];
            switch (l[0]) {
                case "MEAN" -> close(r[0], estimator.proportion("yes", answers).designEffect().getAsDouble(), EXACT, what);
                case "TOTAL" -> close(r[0], estimator.total("yes", values).designEffect().getAsDouble(), EXACT, what);
                default -> {
                    List<SurveyEstimate> by = estimator.proportionBy(answers, column(rows, "stype"));
                    for (int d = 0; d < by.size(); d++) {
                        close(r[d], by.get(d).designEffect().getAsDouble(), EXACT, what + " " + by.get(d).label());
                    }
                }
            }
        }
        assertEquals(12, reference.size());
    }
}
