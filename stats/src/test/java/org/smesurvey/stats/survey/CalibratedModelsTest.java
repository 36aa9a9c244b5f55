package org.smesurvey.stats.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smesurvey.stats.survey.SurveyReference.close;
import static org.smesurvey.stats.survey.SurveyReference.indicator;
import static org.smesurvey.stats.survey.SurveyReference.numbers;
import static org.smesurvey.stats.survey.SurveyReference.texts;
import static org.smesurvey.stats.survey.SurveyReference.totals;
import static org.smesurvey.stats.survey.SurveyReference.values;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smesurvey.stats.meta.Moderators;

/**
 * Calibration, regression on calibrated and replicate designs and domain covariances against survey 4.1.1
 * (stats/src/test/reference/survey-calibration.R, which quotes every call) on its cluster sample of districts
 * {@code apiclus1} with fpc: {@code postStratify}, {@code rake}, {@code calibrate} — linear (GREG) on school type and on
 * type and api99, bounded linear (0.6–1.6), raking and logit (0.5–2.5) distances — and {@code trimWeights} (plain and
 * strict), then on each design the weights, {@code svymean(~api00)}, {@code svyglm} gaussian, quasi-binomial, Poisson
 * and quasi-Poisson (mobility) and the
 * shares of {@code sch.wide} by school type with their covariance; and {@code svyglm} on JK1 (also with
 * {@code mse = TRUE}) and JKn replicate designs with their domain covariances; and on every design {@code svyratio(~api00,
 * ~api99)} and the shares of two answers of the same schools ({@code svymean(~yes + award, na.rm = TRUE)}, award missing
 * for ten) with their covariance and {@code svycontrast} difference, and {@code svychisq(~awards + stype)}'s four
 * tests.
 *
 * <p>Tolerances: 1e-10 relative for closed forms (linear calibration, post-stratification, trimming, means, linear
 * models), 1e-8 for what is iterated (Newton's calibration solved to 1e-12 in R and 1e-10 here, logistic fits solved
 * to 1e-14 in R); standard errors against the sandwich written out in R at the final coefficients, and against
 * svyglm's own at 1e-6 (glm's working weights of the iterate before its last). survey 4.1.1's
 * {@code svyby(covmat = TRUE)} stops on calibrated designs, so there the domain covariance is the one it computes
 * elsewhere, written out (svyrecvar of the domains' influence functions with the design's postStrata), its diagonal
 * checked against {@code svyby}'s standard errors. survey's dispersion on replicate designs is n times the weighted
 * mean square of the Pearson residuals (see {@link SurveyRegression#dispersion()}): compared divided by n.
 */
class CalibratedModelsTest {

    private static final double CLOSED = 1e-10;
    private static final double ITERATED = 1e-8;
    private static SurveyReference reference;
    private static List<CSVRecord> clus1;
    private static List<CSVRecord> strat;

    @BeforeAll
    static void load() {
        reference = SurveyReference.of("survey-calibration.txt");
        clus1 = SurveyReference.csv("apiclus1-calibration.csv");
        strat = SurveyReference.csv("apistrat-calibration.csv");
    }

    private static String[] line(String... key) {
        return reference.line(key);
    }

    private static Map<String, SurveyDesign> calibratedDesigns() {
        int n = clus1.size();
        SurveyDesign none = SurveyDesign.builder(numbers(clus1, "pw")).clusters(texts(clus1, "dnum"))
                .fpc(numbers(clus1, "fpc")).build();
        Map<String, Double> stype = totals("E", 4421, "H", 755, "M", 1018);
        Moderators types = Moderators.builder(n).numeric("stypeH", indicator(clus1, "stype", "H"))
                .numeric("stypeM", indicator(clus1, "stype", "M")).build();
        Moderators typesAndApi99 = Moderators.builder(n).numeric("stypeH", indicator(clus1, "stype", "H"))
                .numeric("stypeM", indicator(clus1, "stype", "M")).numeric("api99", numbers(clus1, "api99")).build();
        double[] population = {6194, 755, 1018, 3914069};
        SurveyDesign greg3 = Calibration.calibrate(none, typesAndApi99, population);
        Map<String, SurveyDesign> designs = new LinkedHashMap<>();
        designs.put("none", none);
        designs.put("post", Calibration.postStratify(none, texts(clus1, "stype"), stype));
        designs.put("rake", Calibration.rake(none, List.of(texts(clus1, "stype"), texts(clus1, "awards")),
                List.of(stype, totals("No", 2027, "Yes", 4167))));
        designs.put("greg", Calibration.calibrate(none, types, Arrays.copyOf(population, 3)));
        designs.put("greg3", greg3);
        designs.put("bounded", Calibration.calibrate(none, typesAndApi99, population, Calibration.Distance.LINEAR,
                0.6, 1.6));
        designs.put("raking", Calibration.calibrate(none, typesAndApi99, population, Calibration.Distance.RAKING,
                Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY));
        designs.put("logit", Calibration.calibrate(none, typesAndApi99, population, Calibration.Distance.LOGIT, 0.5,
                2.5));
        designs.put("trim", Calibration.trimWeights(greg3, 30, 40, false));
        designs.put("strict", Calibration.trimWeights(greg3, 30, 40, true));
        return designs;
    }

    private static boolean iterated(String design) {
        return List.of("rake", "bounded", "raking", "logit").contains(design);
    }

    @Test
    void calibratedWeightsMeansModelsAndDomainsAreSurveys() {
        int n = clus1.size();
        double[] api00 = numbers(clus1, "api00");
        double[] yes = indicator(clus1, "sch.wide", "Yes");
        boolean[] yesAnswers = new boolean[n];
        for (int i = 0; i < n; i++) {
            yesAnswers[i] = yes[i] == 1;
        }
        Moderators x = Moderators.builder(n).numeric("ell", numbers(clus1, "ell"))
                .numeric("meals", numbers(clus1, "meals")).build();
        int checked = 0;
        for (Map.Entry<String, SurveyDesign> entry : calibratedDesigns().entrySet()) {
            String name = entry.getKey();
            SurveyDesign design = entry.getValue();
            double tolerance = iterated(name) ? ITERATED : CLOSED;
            double[] weights = new double[n];
            for (int i = 0; i < n; i++) {
                weights[i] = design.weight(i);
            }
            close(values(line("WEIGHTS", name)[2]), weights, tolerance, name + " weights");
            SurveyEstimator estimator = SurveyEstimator.of(design);
            SurveyEstimate mean = estimator.mean("api00", api00);
            close(values(line("MEAN", name)[2]), new double[] {mean.estimate(), mean.standardError()}, tolerance,
                    name + " mean");
            for (String model : List.of("gaussian", "quasibinomial", "poisson", "quasipoisson")) {
                SurveyRegression fit = estimator.regression(model.equals("gaussian") ? api00
                        : model.equals("quasibinomial") ? yes : numbers(clus1, "mobility"), x,
                        SurveyRegression.Family.valueOf(model.toUpperCase(java.util.Locale.ROOT)));
                double[] coef = fit.coefficients().stream().mapToDouble(c -> c.estimate()).toArray();
                double[] se = fit.coefficients().stream().mapToDouble(c -> c.standardError()).toArray();
                String[] glm = line("GLM", name, model);
                close(values(glm[3]), coef, model.equals("gaussian") ? tolerance : ITERATED, name + " " + model);
                close(values(line("EXACT", name, model)[3]), se, model.equals("gaussian") ? tolerance : ITERATED,
                        name + " " + model + " se");
                close(values(glm[4]), se, 1e-6, name + " " + model + " svyglm's se");
            }
            DomainEstimates byType = estimator.proportionsBy(Answers.of(yesAnswers), texts(clus1, "stype"));
            String[] by = line("BY", name);
            close(values(by[2]), byType.estimates(), tolerance, name + " by type");
            close(values(by[3]), Arrays.stream(byType.covariance()).flatMapToDouble(Arrays::stream).toArray(),
                    tolerance, name + " by type covariance");
            double[] se = values(by[4]);
            for (int d = 0; d < se.length; d++) {
                assertEquals(se[d], Math.sqrt(byType.covariance()[d][d]), tolerance * se[d], name + " svyby se " + d);
            }
            checked++;
        }
        assertEquals(10, checked);
    }

    private static Map<String, ReplicateDesign> replicateDesigns() {
        SurveyDesign clusters = SurveyDesign.builder(numbers(clus1, "pw")).clusters(texts(clus1, "dnum"))
                .fpc(numbers(clus1, "fpc")).build();
        SurveyDesign strata = SurveyDesign.builder(numbers(strat, "pw")).strata(texts(strat, "stype"))
                .fpc(numbers(strat, "fpc")).build();
        Map<String, ReplicateDesign> designs = new LinkedHashMap<>();
        designs.put("jk1", ReplicateDesign.jackknife(clusters));
        designs.put("jkn", ReplicateDesign.stratifiedJackknife(strata));
        designs.put("jk1mse", ReplicateDesign.jackknife(clusters).withMse(true));
        return designs;
    }

    @Test
    void ratiosJointAnswersAndIndependenceTestsOnEveryDesign() {
        Map<String, Design> designs = new LinkedHashMap<>(calibratedDesigns());
        designs.putAll(replicateDesigns());
        for (Map.Entry<String, Design> entry : designs.entrySet()) {
            String name = entry.getKey();
            List<CSVRecord> rows = name.equals("jkn") ? strat : clus1;
            int n = rows.size();
            double tolerance = iterated(name) ? ITERATED : CLOSED;
            SurveyEstimator estimator = SurveyEstimator.of(entry.getValue());
            SurveyEstimate ratio = estimator.ratio("api00 / api99", numbers(rows, "api00"), numbers(rows, "api99"));
            close(values(line("RATIO", name)[2]), new double[] {ratio.estimate(), ratio.standardError()}, tolerance,
                    name + " ratio");
            boolean[] yes = new boolean[n];
            boolean[] award = new boolean[n];
            boolean[] answered = new boolean[n];
            for (int i = 0; i < n; i++) {
                yes[i] = rows.get(i).get("sch.wide").equals("Yes");
                award[i] = rows.get(i).get("awards").equals("Yes");
                answered[i] = i >= 10;
            }
            DomainEstimates joint = estimator.proportions(List.of("yes", "award"),
                    List.of(Answers.of(yes), Answers.of(award, answered)));
            String[] expected = line("JOINT", name);
            close(values(expected[2]), joint.estimates(), tolerance, name + " joint");
            close(values(expected[3]), Arrays.stream(joint.covariance()).flatMapToDouble(Arrays::stream).toArray(),
                    tolerance, name + " joint covariance");
            DomainEstimates.Contrast difference = joint.difference("yes", "award");
            close(values(expected[4]), new double[] {difference.estimate(), difference.standardError()}, tolerance,
                    name + " yes - award");
            RaoScott independence = estimator.independence(texts(rows, "awards"), texts(rows, "stype"));
            for (String statistic : List.of("F", "Chisq", "Wald", "adjWald")) {
                String[] chisq = line("CHISQ", name, statistic);
                org.smesurvey.stats.TestResult test = switch (statistic) {
                    case "F" -> independence.f();
                    case "Chisq" -> independence.chiSquare();
                    case "Wald" -> independence.wald();
                    default -> independence.adjustedWald();
                };
                String what = name + " " + statistic;
                double value = statistic.equals("Chisq") ? independence.pearson() : test.statistic();
                close(values(chisq[3] + "," + chisq[4]), new double[] {value, test.degreesOfFreedom().orElseThrow()},
                        tolerance, what);
                if (!chisq[5].equals("NA")) {
                    close(values(chisq[5]), new double[] {test.denominatorDegreesOfFreedom().orElseThrow()},
                            tolerance, what + " ddf");
                }
                assertEquals(values(chisq[6])[0], test.pValue(), tolerance * values(chisq[6])[0], what + " p");
            }
        }
    }

    @Test
    void replicateDesignsRefitTheModelPerReplicate() {
        for (Map.Entry<String, ReplicateDesign> entry : replicateDesigns().entrySet()) {
            String name = entry.getKey();
            List<CSVRecord> rows = name.equals("jkn") ? strat : clus1;
            int n = rows.size();
            double[] yes = indicator(rows, "sch.wide", "Yes");
            boolean[] yesAnswers = new boolean[n];
            for (int i = 0; i < n; i++) {
                yesAnswers[i] = yes[i] == 1;
            }
            Moderators x = Moderators.builder(n).numeric("ell", numbers(rows, "ell"))
                    .numeric("meals", numbers(rows, "meals")).build();
            SurveyEstimator estimator = SurveyEstimator.of(entry.getValue());
            for (String model : List.of("gaussian", "quasibinomial", "poisson", "quasipoisson")) {
                SurveyRegression fit = estimator.regression(model.equals("gaussian") ? numbers(rows, "api00")
                        : model.equals("quasibinomial") ? yes : numbers(rows, "mobility"), x,
                        SurveyRegression.Family.valueOf(model.toUpperCase(java.util.Locale.ROOT)));
                String[] glm = line("GLM", name, model);
                double tolerance = model.equals("gaussian") ? CLOSED : ITERATED;
                close(values(glm[3]), fit.coefficients().stream().mapToDouble(c -> c.estimate()).toArray(), tolerance,
                        name + " " + model);
                close(values(glm[4]), fit.coefficients().stream().mapToDouble(c -> c.standardError()).toArray(),
                        tolerance, name + " " + model + " se");
                assertEquals((int) values(glm[5])[0], fit.degreesOfFreedom(), name + " df");
                assertEquals(values(glm[6])[0] / n, fit.dispersion(), tolerance * fit.dispersion(),
                        name + " dispersion");
            }
            DomainEstimates byType = estimator.proportionsBy(Answers.of(yesAnswers), texts(rows, "stype"));
            String[] by = line("BY", name);
            close(values(by[2]), byType.estimates(), CLOSED, name + " by type");
            close(values(by[3]), Arrays.stream(byType.covariance()).flatMapToDouble(Arrays::stream).toArray(), CLOSED,
                    name + " by type covariance");
        }
    }

    @Test
    void calibrationThatCannotBeMetNamesTheTotal() {
        SurveyDesign design = SurveyDesign.builder(new double[] {1, 1, 1, 1}).build();
        Moderators x = Moderators.builder(4).numeric("employees", new double[] {1, 2, 3, 4}).build();
        IllegalArgumentException tight = assertThrows(IllegalArgumentException.class, () -> Calibration.calibrate(
                design, x, new double[] {4, 40}, Calibration.Distance.LINEAR, 0.9, 1.1));
        assertTrue(tight.getMessage().contains("employees"), tight.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Calibration.calibrate(design, x, new double[] {4, 12},
                Calibration.Distance.LOGIT, 0.5, Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> Calibration.calibrate(design, x, new double[] {4}));
        assertThrows(IllegalArgumentException.class, () -> Calibration.trimWeights(design, 2, 1, false));
        SurveyDesign met = Calibration.calibrate(design, x, new double[] {4, 12}, Calibration.Distance.RAKING,
                Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        double total = 0;
        for (int i = 0; i < 4; i++) {
            total += met.weight(i) * (i + 1);
        }
        assertEquals(12, total, 1e-9);
    }
}
