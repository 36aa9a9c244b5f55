package org.smesurvey.stats.survey;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smesurvey.stats.survey.SurveyReference.close;
import static org.smesurvey.stats.survey.SurveyReference.indicator;
import static org.smesurvey.stats.survey.SurveyReference.numbers;
import static org.smesurvey.stats.survey.SurveyReference.texts;
import static org.smesurvey.stats.survey.SurveyReference.values;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smesurvey.stats.meta.Coefficient;
import org.smesurvey.stats.meta.Moderators;

/**
 * What survey users read from a regression besides its coefficients, against survey 4.1.1 (Debian 12's R 4.2.2) and
 * survey 4.4.2 (R 4.5.0), stats/src/test/reference/survey-glm-outputs.R, which quotes every call: on the stratified
 * api sample, the cluster sample of districts, that sample calibrated to stype + api99, and the stratified jackknife,
 * {@code svyglm(api00 ~ ell + meals + stype)} and {@code svyglm(yes ~ ell + meals + stype, family =
 * quasibinomial())}, solved with {@code glm.control(epsilon = 1e-12)} and refitted from their own estimate: the naive
 * covariance ({@code g$naive.cov}), {@code deviance(g)}, {@code g$null.deviance}, {@code g$df.residual},
 * {@code g$df.null}, {@code AIC(g)}, {@code BIC(g0, maximal = g)} (g0 without stype, and g), the z p-values of {@code summary(g, df.resid = Inf)}, {@code confint(g)} and
 * {@code confint(g, ddf = Inf)}, {@code regTermTest} with {@code df} default, {@code Inf} and 20 and
 * {@code lrt.approximation} saddlepoint and Satterthwaite with its λ, {@code svypredmeans}' two variance parts, and
 * the prints of {@code regTermTest} and {@code summary(g)}. The two versions agree to 1e-9 on everything but the gaussian AIC, whose
 * formula survey 4.4 replaced (see {@link DesignAic}): it is tested against survey 4.4, the rest against both.
 * Tolerance 1e-8 relative; the saddlepoint p-values against survey's saddle solved to 1e-14 at 1e-8 and against its
 * own (1e-8 in ζ) at 1e-5.
 */
class SurveyRegressionOutputsTest {

    private static final double TOLERANCE = 1e-8;
    private static final List<String> VERSIONS = List.of("4.1.1", "4.4");
    private static Map<String, SurveyReference> references;
    private static List<CSVRecord> clus1;
    private static List<CSVRecord> strat;
    private static Map<String, Design> designs;

    @BeforeAll
    static void load() {
        references = Map.of("4.1.1", SurveyReference.of("survey-glm-outputs.txt"), "4.4",
                SurveyReference.of("survey-glm-outputs-4.4.txt"));
        clus1 = SurveyReference.csv("apiclus1-calibration.csv");
        strat = SurveyReference.csv("apistrat-calibration.csv");
        PredictiveMarginsTest.load(); // its designs, on the same files
        designs = PredictiveMarginsTest.designs();
    }

    private static List<CSVRecord> rows(String design) {
        return design.equals("strat") || design.equals("jkn") ? strat : clus1;
    }

    private static SurveyRegression fit(Design design, List<CSVRecord> rows, String model) {
        int n = rows.size();
        Moderators x = Moderators.builder(n).numeric("ell", numbers(rows, "ell")).numeric("meals", numbers(rows,
                "meals")).factor("stype", texts(rows, "stype"), "E").build();
        SurveyEstimator estimator = SurveyEstimator.of(design);
        if (model.equals("gaussian")) {
            return estimator.regression(numbers(rows, "api00"), x, SurveyRegression.Family.GAUSSIAN);
        }
        double[] yes = indicator(rows, "sch.wide", "Yes");
        return estimator.regression(yes, x, SurveyRegression.Family.QUASIBINOMIAL);
    }

    private static void relative(double expected, double actual, double tolerance, String what) {
        assertEquals(expected, actual, tolerance * Math.abs(expected), what);
    }

    private static double[] flat(double[][] matrix) {
        return Arrays.stream(matrix).flatMapToDouble(Arrays::stream).toArray();
    }

    @Test
    void naiveCovarianceDeviancesAndAicAreSurveys() {
        int checked = 0;
        for (Map.Entry<String, Design> entry : designs.entrySet()) {
            String name = entry.getKey();
            for (String model : List.of("gaussian", "quasibinomial")) {
                SurveyRegression fit = fit(entry.getValue(), rows(name), model);
                for (String version : VERSIONS) {
                    SurveyReference reference = references.get(version);
                    String what = version + " " + name + " " + model;
                    // g$naive.cov
                    close(values(reference.line("NAIVE", name, model)[3]), flat(fit.naiveCovariance()), TOLERANCE,
                            what + " naive.cov");
                    // deviance(g), g$null.deviance, g$df.residual, g$df.null
                    double[] deviance = values(reference.line("DEVIANCE", name, model)[3]);
                    relative(deviance[0], fit.deviance(), TOLERANCE, what + " deviance");
                    relative(deviance[1], fit.nullDeviance(), TOLERANCE, what + " null deviance");
                    assertEquals(deviance[2], fit.degreesOfFreedom(), what + " df.residual");
                    assertEquals(deviance[3], fit.nullDegreesOfFreedom(), what + " df.null");
                    // AIC(g): eff.p, AIC, deltabar
                    String aic = reference.line("AIC", name, model)[3];
                    DesignAic ours = fit.aic();
                    double[] actual = {ours.effectiveParameters(), ours.aic(), ours.meanDesignEffect()};
                    if (model.equals("gaussian") && version.equals("4.1.1")) {
                        // survey 4.1.1's gaussian formula, replaced in 4.4 (DesignAic), and an error on a replicate
                        // design
                        assertTrue(aic.equals("error") || Math.abs(values(aic)[1] - ours.aic()) > 0.5 * ours.aic(),
                                what + " AIC");
                    } else {
                        close(values(aic), actual, TOLERANCE, what + " AIC");
                    }
                    checked++;
                }
            }
        }
        assertEquals(16, checked);
    }

    @Test
    void bicIsSurveys() {
        int checked = 0;
        for (Map.Entry<String, Design> entry : designs.entrySet()) {
            String name = entry.getKey();
            List<CSVRecord> rows = rows(name);
            for (String model : List.of("gaussian", "quasibinomial")) {
                SurveyRegression fit = fit(entry.getValue(), rows, model);
                Moderators withoutType = Moderators.builder(rows.size()).numeric("ell", numbers(rows, "ell"))
                        .numeric("meals", numbers(rows, "meals")).build();
                SurveyEstimator estimator = SurveyEstimator.of(entry.getValue());
                SurveyRegression reduced = model.equals("gaussian")
                        ? estimator.regression(numbers(rows, "api00"), withoutType, SurveyRegression.Family.GAUSSIAN)
                        : estimator.regression(indicator(rows, "sch.wide", "Yes"), withoutType,
                                SurveyRegression.Family.QUASIBINOMIAL);
                for (String version : VERSIONS) {
                    for (String dropped : List.of("stype", "none")) {
                        // BIC(g0, maximal = g): p, BIC, neff
                        double[] expected = values(references.get(version).line("BIC", name, model, dropped)[4]);
                        DesignBic bic = (dropped.equals("none") ? fit : reduced).bic(fit);
                        String what = version + " " + name + " " + model + " " + dropped;
                        assertEquals(expected[0], bic.parameters(), what);
                        relative(expected[1], bic.bic(), TOLERANCE, what + " BIC");
                        if (dropped.equals("none")) {
                            assertTrue(Double.isNaN(bic.effectiveSampleSize()), what);
                        } else {
                            relative(expected[2], bic.effectiveSampleSize(), TOLERANCE, what + " neff");
                        }
                        checked++;
                    }
                }
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fit.bic(reduced));
                assertTrue(e.getMessage().contains("Column stypeH is not in the maximal model"), e.getMessage());
            }
        }
        assertEquals(32, checked);
    }

    @Test
    void normalTestsAndIntervalsAreSurveys() {
        int checked = 0;
        for (Map.Entry<String, Design> entry : designs.entrySet()) {
            String name = entry.getKey();
            for (String model : List.of("gaussian", "quasibinomial")) {
                SurveyRegression fit = fit(entry.getValue(), rows(name), model);
                List<Coefficient> normal = fit.coefficients(Double.POSITIVE_INFINITY);
                List<Coefficient> residual = fit.coefficients(fit.degreesOfFreedom());
                for (String version : VERSIONS) {
                    SurveyReference reference = references.get(version);
                    String what = version + " " + name + " " + model;
                    // summary(g, df.resid = Inf)$coefficients[, 4]
                    double[] p = values(reference.line("Z", name, model)[3]);
                    for (int j = 0; j < p.length; j++) {
                        assertEquals(p[j], normal.get(j).pValue(), 1e-7 * p[j] + 1e-300, what + " z p " + j);
                        assertEquals(fit.coefficients().get(j).pValue(), residual.get(j).pValue(), 1e-15, what);
                    }
                    // confint(g) and confint(g, df = Inf) (df is ignored: t on df.residual); confint(g, ddf = Inf)
                    for (String call : List.of("default", "df=Inf", "ddf=Inf")) {
                        String[] line = reference.line("CONFINT", name, model, call);
                        List<Coefficient> coefficients = call.equals("ddf=Inf") ? normal : fit.coefficients();
                        close(values(line[4]), coefficients.stream().mapToDouble(Coefficient::lower).toArray(),
                                TOLERANCE, what + " " + call + " lower");
                        close(values(line[5]), coefficients.stream().mapToDouble(Coefficient::upper).toArray(),
                                TOLERANCE, what + " " + call + " upper");
                    }
                    checked++;
                }
            }
        }
        assertEquals(16, checked);
    }

    @Test
    void termTestOptionsAreRegTermTests() {
        int checked = 0;
        for (Map.Entry<String, Design> entry : designs.entrySet()) {
            String name = entry.getKey();
            for (String model : List.of("gaussian", "quasibinomial")) {
                SurveyRegression fit = fit(entry.getValue(), rows(name), model);
                for (String terms : List.of("ell+meals", "stype")) {
                    String[] columns = terms.equals("stype") ? new String[] {"stypeH", "stypeM"}
                            : new String[] {"ell", "meals"};
                    for (String method : List.of("Wald", "WorkingWald", "LRT")) {
                        for (String df : List.of("default", "Inf", "20")) {
                            for (MixtureApproximation approximation : MixtureApproximation.values()) {
                                String approximationName = approximation.name().toLowerCase(java.util.Locale.ROOT);
                                if (method.equals("Wald") && approximation == MixtureApproximation.SATTERTHWAITE) {
                                    continue;
                                }
                                double ddf = switch (df) {
                                    case "default" -> fit.degreesOfFreedom();
                                    case "Inf" -> Double.POSITIVE_INFINITY;
                                    default -> 20;
                                };
                                SurveyRegression.TermTest test = switch (method) {
                                    case "Wald" -> df.equals("Inf") ? SurveyRegression.TermTest.WALD_CHI_SQUARED
                                            : SurveyRegression.TermTest.WALD_F;
                                    case "WorkingWald" -> SurveyRegression.TermTest.WORKING_WALD;
                                    default -> SurveyRegression.TermTest.LIKELIHOOD_RATIO;
                                };
                                TermTestResult result = fit.termTest(test, ddf, approximation, columns);
                                for (String version : VERSIONS) {
                                    String[] r = references.get(version).line("TERM", name, model, terms, method, df,
                                            approximationName);
                                    String what = version + " " + name + " " + model + " " + terms + " " + method
                                            + " df " + df + " " + approximationName;
                                    relative(values(r[7])[0], result.statistic(), TOLERANCE, what);
                                    relative(values(r[9])[0], result.pValue(), TOLERANCE, what + " p");
                                    relative(values(r[8])[0], result.pValue(), 1e-5, what + " survey's p");
                                    if (method.equals("Wald")) {
                                        assertEquals(0, result.lambda().length, what);
                                    } else {
                                        close(values(r[10]), result.lambda(), TOLERANCE, what + " lambda");
                                    }
                                    double expectedDdf = r[11].equals("Inf") ? Double.POSITIVE_INFINITY
                                            : values(r[11])[0];
                                    assertEquals(Double.isInfinite(expectedDdf) ? java.util.OptionalDouble.empty()
                                            : java.util.OptionalDouble.of(expectedDdf),
                                            result.denominatorDegreesOfFreedom(), what + " ddf");
                                    assertEquals(2, result.degreesOfFreedom().getAsDouble(), what + " df");
                                    checked++;
                                }
                            }
                        }
                    }
                }
            }
        }
        assertEquals(4 * 2 * 2 * 15 * 2, checked);
    }

    @Test
    void termTestsPrintAsSurvey() throws IOException {
        String print;
        try (InputStream in = SurveyRegressionOutputsTest.class.getResourceAsStream(
                "survey-glm-outputs-print.txt")) {
            print = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> lines = print.lines().toList();
        Design strata = designs.get("strat");
        int checked = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).startsWith("TERMPRINT;")) {
                continue;
            }
            String[] key = lines.get(i).split(";");
            List<String> expected = new ArrayList<>();
            for (int j = i + 1; !lines.get(j).equals("END"); j++) {
                // our print has no model call (" in svyglm(...)" and its continuation) and no trailing spaces
                if (!lines.get(j).startsWith(" in ") && !lines.get(j).startsWith("    ")) {
                    expected.add(lines.get(j).stripTrailing());
                }
            }
            SurveyRegression fit = fit(strata, strat, key[1]);
            String[] columns = key[2].equals("stype") ? new String[] {"stypeH", "stypeM"}
                    : new String[] {"ell", "meals"};
            boolean infinite = key[4].equals("Inf");
            SurveyRegression.TermTest test = switch (key[3]) {
                case "Wald" -> infinite ? SurveyRegression.TermTest.WALD_CHI_SQUARED : SurveyRegression.TermTest.WALD_F;
                case "WorkingWald" -> SurveyRegression.TermTest.WORKING_WALD;
                default -> SurveyRegression.TermTest.LIKELIHOOD_RATIO;
            };
            String ours = fit.termTest(test, infinite ? Double.POSITIVE_INFINITY : fit.degreesOfFreedom(),
                    MixtureApproximation.SADDLEPOINT, columns).summary().replace("stypeH stypeM", "stype");
            assertEquals(String.join("\n", expected), ours, String.join(";", key));
            checked++;
        }
        assertEquals(24, checked);
    }

    @Test
    void summaryPrintsAsSummarySvyglm() throws IOException {
        String print;
        try (InputStream in = SurveyRegressionOutputsTest.class.getResourceAsStream(
                "survey-glm-outputs-print.txt")) {
            print = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> lines = print.lines().toList();
        int checked = 0;
        for (String model : List.of("gaussian", "quasibinomial", "nodf")) {
            // print(summary(g)) on the stratified design, and the model without residual degrees of freedom, from
            // "Coefficients:" to the dispersion: our print has no calls and no count of Fisher scoring iterations,
            // and our intercept is named intrcpt
            int from = lines.indexOf("SUMMARY;" + model);
            int start = lines.subList(from, lines.size()).indexOf("Coefficients:") + from;
            int end = start;
            while (!lines.get(end).startsWith("(Dispersion")) {
                end++;
            }
            // the table's rows: R's row names are 11 wide ("(Intercept)"), ours 7 ("stypeH", "intrcpt")
            List<String> rows = new ArrayList<>();
            for (int i = start; i <= end; i++) {
                String line = lines.get(i).stripTrailing();
                boolean table = i > start && i < end && !line.startsWith("---") && !line.startsWith("Signif")
                        && !line.startsWith("Zero") && !line.isEmpty();
                rows.add(table ? String.format("%-7s", line.substring(0, 11).strip().replace("(Intercept)",
                        "intrcpt")) + line.substring(11) : line);
            }
            String expected = String.join("\n", rows);
            String summary = model.equals("nodf") ? withoutResidualDegrees().summary()
                    : fit(designs.get("strat"), strat, model).summary();
            String ours = String.join("\n", summary.lines().map(String::stripTrailing).toList());
            assertTrue(ours.startsWith("Survey design-based " + (model.equals("nodf") ? "gaussian" : model)
                    + " regression\n\nCoefficients:"), ours);
            assertEquals(expected, ours.substring(ours.indexOf("Coefficients:")), model);
            checked++;
        }
        assertEquals(3, checked);
        SurveyRegression fit = withoutResidualDegrees();
        assertEquals(-1, fit.degreesOfFreedom());
        for (Coefficient c : fit.coefficients()) {
            assertTrue(Double.isNaN(c.pValue()) && Double.isNaN(c.lower()) && Double.isNaN(c.upper()), c.name());
        }
    }

    /** The six made-up rows of survey-glm-outputs.R in two clusters, {@code y ~ a + b}: degf + 1 - p = -1. */
    private static SurveyRegression withoutResidualDegrees() {
        SurveyDesign design = SurveyDesign.builder(new double[] {1, 1, 1, 1, 1, 1}).clusters(new String[] {"1", "1",
            "1", "2", "2", "2"}).build();
        Moderators x = Moderators.builder(6).numeric("a", new double[] {1, 2, 3, 5, 4, 7}).numeric("b",
                new double[] {0, 1, 0, 1, 1, 0}).build();
        return SurveyEstimator.of(design).regression(new double[] {1, 3, 2, 5, 4, 6}, x,
                SurveyRegression.Family.GAUSSIAN);
    }

    @Test
    void predictiveMarginsPartsAreSvypredmeans() {
        int checked = 0;
        for (Map.Entry<String, Design> entry : designs.entrySet()) {
            String name = entry.getKey();
            PredictiveMargins margins = fit(entry.getValue(), rows(name), "quasibinomial")
                    .predictiveMarginsWithParts("stype");
            double[][] total = margins.margins().covariance();
            double[][] coefficients = margins.coefficientPart();
            double[][] design = margins.designPart();
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    assertEquals(total[a][b], coefficients[a][b] + design[a][b], 1e-15 * Math.abs(total[a][b]));
                }
            }
            for (String version : VERSIONS) {
                // attr(vcov(svypredmeans(g1, ~stype)), "parts"), levels E, H, M
                String[] line = references.get(version).line("PARTS", name);
                close(values(line[2]), flat(coefficients), TOLERANCE, version + " " + name + " coefficients' part");
                close(values(line[3]), flat(design), TOLERANCE, version + " " + name + " design's part");
                checked++;
            }
        }
        assertEquals(8, checked);
    }

    @Test
    void optionsAreChecked() {
        SurveyRegression fit = fit(designs.get("strat"), strat, "quasibinomial");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fit.termTest(
                SurveyRegression.TermTest.WALD_CHI_SQUARED, 20, MixtureApproximation.SADDLEPOINT, "ell"));
        assertTrue(e.getMessage().contains("infinite denominator"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> fit.termTest(SurveyRegression.TermTest.WORKING_WALD,
                0, MixtureApproximation.SADDLEPOINT, "ell"));
        assertTrue(e.getMessage().contains("not positive: 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> fit.termTest(SurveyRegression.TermTest.WORKING_WALD,
                Double.NaN, MixtureApproximation.SADDLEPOINT, "ell"));
        e = assertThrows(IllegalArgumentException.class, () -> fit.coefficients(-1));
        assertTrue(e.getMessage().contains("not positive: -1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> fit.coefficients(10, 1.5));
        assertTrue(e.getMessage().contains("(0, 1): 1.5"), e.getMessage());
        // the naive covariance is a copy
        double[][] naive = fit.naiveCovariance();
        naive[0][0] = -1;
        assertTrue(fit.naiveCovariance()[0][0] > 0);
        assertArrayEquals(fit.termTest(SurveyRegression.TermTest.WORKING_WALD, fit.degreesOfFreedom(),
                MixtureApproximation.SADDLEPOINT, "ell", "meals").lambda(), fit.termTest(
                SurveyRegression.TermTest.WORKING_WALD, Double.POSITIVE_INFINITY, MixtureApproximation.SATTERTHWAITE,
                "ell", "meals").lambda(), 0);
    }
}
