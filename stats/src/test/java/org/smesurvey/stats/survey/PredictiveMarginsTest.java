package org.smesurvey.stats.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.smesurvey.stats.survey.SurveyReference.close;
import static org.smesurvey.stats.survey.SurveyReference.numbers;
import static org.smesurvey.stats.survey.SurveyReference.texts;
import static org.smesurvey.stats.survey.SurveyReference.values;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smesurvey.stats.TestResult;
import org.smesurvey.stats.meta.Moderators;

/**
 * Predictive margins and the Rao–Scott term tests against survey 4.1.1 (stats/src/test/reference/survey-margins.R,
 * which quotes every call) on the stratified api sample, the cluster sample of districts, that sample calibrated to
 * school type and api99, and the stratified jackknife: {@code svypredmeans(svyglm(yes ~ ell + meals), ~stype)} with
 * its covariance, and {@code regTermTest} by Wald χ², working Wald and working likelihood ratio on a gaussian and a
 * quasi-binomial model, each refitted in R from its own estimate so that svyglm's covariances rest on working weights
 * at the final coefficients. Tolerances: 1e-8 relative for margins and statistics (logistic fits solved to 1e-14 in R);
 * p-values of the working tests against survey's saddlepoint solved to 1e-14 (its own stops at 1e-8 in ζ) at 1e-8,
 * and against survey's own at 1e-5.
 */
class PredictiveMarginsTest {

    private static final double TOLERANCE = 1e-8;
    private static SurveyReference reference;
    private static List<CSVRecord> clus1;
    private static List<CSVRecord> strat;

    @BeforeAll
    static void load() {
        reference = SurveyReference.of("survey-margins.txt");
        clus1 = SurveyReference.csv("apiclus1-calibration.csv");
        strat = SurveyReference.csv("apistrat-calibration.csv");
    }

    private static String[] line(String... key) {
        return reference.line(key);
    }

    static Map<String, Design> designs() {
        SurveyDesign clusters = SurveyDesign.builder(numbers(clus1, "pw")).clusters(texts(clus1, "dnum"))
                .fpc(numbers(clus1, "fpc")).build();
        SurveyDesign strata = SurveyDesign.builder(numbers(strat, "pw")).strata(texts(strat, "stype"))
                .fpc(numbers(strat, "fpc")).build();
        int n = clus1.size();
        Moderators calibration = Moderators.builder(n).factor("stype", texts(clus1, "stype"), "E")
                .numeric("api99", numbers(clus1, "api99")).build();
        Map<String, Design> designs = new LinkedHashMap<>();
        designs.put("strat", strata);
        designs.put("clus1", clusters);
        designs.put("greg3", Calibration.calibrate(clusters, calibration, new double[] {6194, 755, 1018, 3914069}));
        designs.put("jkn", ReplicateDesign.stratifiedJackknife(strata));
        return designs;
    }

    @Test
    void marginsAndWorkingTestsAreSurveys() {
        int checked = 0;
        for (Map.Entry<String, Design> entry : designs().entrySet()) {
            String name = entry.getKey();
            List<CSVRecord> rows = name.equals("strat") || name.equals("jkn") ? strat : clus1;
            int n = rows.size();
            double[] yes = rows.stream().mapToDouble(r -> r.get("sch.wide").equals("Yes") ? 1 : 0).toArray();
            SurveyEstimator estimator = SurveyEstimator.of(entry.getValue());
            Moderators withType = Moderators.builder(n).numeric("ell", numbers(rows, "ell"))
                    .numeric("meals", numbers(rows, "meals")).factor("stype", texts(rows, "stype"), "E").build();
            DomainEstimates margins = estimator.regression(yes, withType, SurveyRegression.Family.QUASIBINOMIAL)
                    .predictiveMargins("stype");
            String[] expected = line("MARGINS", name);
            close(values(expected[2]), margins.estimates(), TOLERANCE, name + " margins");
            close(values(expected[3]), Arrays.stream(margins.covariance()).flatMapToDouble(Arrays::stream).toArray(),
                    TOLERANCE, name + " margins' covariance");
            for (String model : List.of("gaussian", "quasibinomial")) {
                SurveyRegression fit = model.equals("gaussian")
                        ? estimator.regression(numbers(rows, "api00"), withType, SurveyRegression.Family.GAUSSIAN)
                        : estimator.regression(yes, withType, SurveyRegression.Family.QUASIBINOMIAL);
                Map<String, SurveyRegression.TermTest> methods = Map.of("Wald",
                        SurveyRegression.TermTest.WALD_CHI_SQUARED, "WorkingWald", SurveyRegression.TermTest.WORKING_WALD,
                        "LRT", SurveyRegression.TermTest.LIKELIHOOD_RATIO);
                for (String[] test : List.of(new String[] {"ell+meals", "Wald"}, new String[] {"ell+meals",
                    "WorkingWald"}, new String[] {"ell+meals", "LRT"}, new String[] {"stype", "LRT"})) {
                    String[] columns = test[0].equals("stype") ? new String[] {"stypeH", "stypeM"}
                            : new String[] {"ell", "meals"};
                    TestResult result = fit.termTest(methods.get(test[1]), columns);
                    String[] r = line("TERM", name, model, test[0], test[1]);
                    String what = name + " " + model + " " + test[0] + " " + test[1];
                    assertEquals(values(r[5])[0], result.statistic(), TOLERANCE * values(r[5])[0], what);
                    assertEquals(values(r[7])[0], result.pValue(), TOLERANCE * values(r[7])[0], what + " p");
                    assertEquals(values(r[6])[0], result.pValue(), 1e-5 * values(r[6])[0], what + " survey's p");
                    checked++;
                }
            }
        }
        assertEquals(32, checked);
    }

    @Test
    void marginsNeedAFactor() {
        Moderators x = Moderators.builder(4).numeric("a", new double[] {1, 2, 3, 5}).build();
        SurveyRegression fit = SurveyEstimator.of(SurveyDesign.builder(new double[] {1, 1, 1, 1}).build())
                .regression(new double[] {1, 3, 2, 5}, x, SurveyRegression.Family.GAUSSIAN);
        assertThrows(IllegalArgumentException.class, () -> fit.predictiveMargins("band"));
        assertThrows(IllegalArgumentException.class, () -> Moderators.builder(2).factor("band", new String[] {"a",
            "b"}, "c"));
    }
}
