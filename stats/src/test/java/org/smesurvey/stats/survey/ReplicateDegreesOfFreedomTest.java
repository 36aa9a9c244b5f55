package org.smesurvey.stats.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.smesurvey.stats.survey.SurveyReference.numbers;
import static org.smesurvey.stats.survey.SurveyReference.texts;
import static org.smesurvey.stats.survey.SurveyReference.values;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smesurvey.stats.Interval;
import org.smesurvey.stats.meta.Coefficient;
import org.smesurvey.stats.meta.Moderators;

/**
 * The degrees of freedom of replicate designs and svyciprop's logit interval on them, against R's survey 4.1.1
 * (survey-replicate-df.txt) and 4.4.2 (survey-replicate-df-4.4.txt, the same values), from
 * stats/src/test/reference/survey-replicate-df.R. survey's {@code degf} of a replicate design is
 * {@code qr(weights(design, "analysis"), tol = 1e-5)$rank - 1}: units of weight 0 have rows of 0 there, so the
 * replicates only they tell apart count once (JKn on apistrat with every 11th school of weight 0: 182, not 197).
 * Each design as {@code as.svrepdesign(..., type)} on the data of survey-replicate-calibration.R, ordinary and with
 * whole units of weight 0; on each, {@code degf}, {@code svymean(~api00)} with {@code confint(..., df = degf(design))},
 * and {@code svyciprop(~I(sch.wide == "Yes"), design, method = "logit")}, whose svyglm refits every replicate.
 */
class ReplicateDegreesOfFreedomTest {

    /** Closed forms: replicate sums, t quantiles. */
    private static final double EXACT = 1e-10;
    /**
     * The logit interval against svyglm converged with {@code glm.control(epsilon = 1e-14)}; svyciprop's own fit
     * stops at glm's default 1e-8 and is up to 3e-9 from it.
     */
    private static final double GLM = 1e-8;
    private static final List<String> FILES = List.of("survey-replicate-df.txt", "survey-replicate-df-4.4.txt");

    private static List<CSVRecord> clus1;
    private static List<CSVRecord> strat;
    private static List<CSVRecord> brr;

    @BeforeAll
    static void load() {
        clus1 = SurveyReference.csv("apiclus1-calibration.csv");
        strat = SurveyReference.csv("apistrat-calibration.csv");
        brr = SurveyReference.csv("apistrat-brr.csv");
    }

    private static List<CSVRecord> data(String design) {
        return design.startsWith("jk1") || design.startsWith("boot") ? clus1 : design.startsWith("jkn") ? strat : brr;
    }

    /** The weights of the R script: pw, with whole units of weight 0 in the designs named "zero". */
    private static double[] weights(String design) {
        List<CSVRecord> rows = data(design);
        double[] w = numbers(rows, "pw");
        if (design.endsWith("zero") || design.equals("jknweights")) {
            for (int i = 0; i < w.length; i++) {
                CSVRecord row = rows.get(i);
                boolean zero = design.startsWith("jkn") ? Integer.parseInt(row.get("snum")) % 11 == 0
                        : design.startsWith("brr") ? Set.of("E1-1", "M2-0").contains(row.get("psu"))
                        : Set.of("637", "437").contains(row.get("dnum"));
                w[i] = zero ? 0 : w[i];
            }
        }
        return w;
    }

    private static SurveyDesign clusters(String design) {
        return SurveyDesign.builder(weights(design)).clusters(texts(clus1, "dnum")).fpc(numbers(clus1, "fpc")).build();
    }

    private static SurveyDesign strata(String design) {
        return SurveyDesign.builder(weights(design)).strata(texts(strat, "stype")).fpc(numbers(strat, "fpc")).build();
    }

    static ReplicateDesign design(String name) {
        return switch (name) {
            case "jk1", "jk1zero", "jk1mse" -> ReplicateDesign.jackknife(clusters(name)).withMse(name.equals("jk1mse"));
            case "jkn", "jknzero" -> ReplicateDesign.stratifiedJackknife(strata(name));
            case "brr", "brrzero" -> ReplicateDesign.balancedRepeatedReplication(SurveyDesign.builder(weights(name))
                    .strata(texts(brr, "st")).clusters(texts(brr, "psu")).build(), 0,
                    ReplicateCalibrationTest.sylvester(16));
            case "boot", "bootzero" -> bootstrap(name);
            case "jknweights" -> fromWeights();
            default -> throw new AssertionError(name);
        };
    }

    /** survey's bootstrap multipliers of apiclus1 (apiclus1-bootstrap.csv), in the order districts appear. */
    private static ReplicateDesign bootstrap(String name) {
        Map<String, double[]> byDistrict = new HashMap<>();
        for (CSVRecord row : SurveyReference.csv("apiclus1-bootstrap.csv")) {
            byDistrict.put(row.get(0), row.stream().skip(1).mapToDouble(Double::parseDouble).toArray());
        }
        double[][] multipliers = Arrays.stream(texts(clus1, "dnum")).distinct().map(byDistrict::get)
                .toArray(double[][]::new);
        double[] ones = new double[50];
        Arrays.fill(ones, 1);
        return ReplicateDesign.of(SurveyDesign.builder(weights(name)).clusters(texts(clus1, "dnum")).build(),
                multipliers, 15.0 / (14 * 49), ones);
    }

    /**
     * survey's {@code svrepdesign(repweights = weights(jknzero, "analysis"), weights = ~w, combined.weights = TRUE,
     * type = "JKn", scale = 1, rscales = jknzero$rscales)}: the JKn replicates delivered as weights.
     */
    private static ReplicateDesign fromWeights() {
        ReplicateDesign jkn = design("jknzero");
        double[][] weights = new double[jkn.replicates()][jkn.size()];
        for (int r = 0; r < weights.length; r++) {
            for (int i = 0; i < jkn.size(); i++) {
                weights[r][i] = jkn.replicateWeight(i, r);
            }
        }
        return ReplicateDesign.fromWeights(SurveyDesign.builder(weights("jknweights")).build(), weights, true, 1,
                jkn.replicateScales());
    }

    private static boolean[] schoolWide(List<CSVRecord> rows) {
        boolean[] yes = new boolean[rows.size()];
        for (int i = 0; i < yes.length; i++) {
            CSVRecord row = rows.get(i);
            yes[i] = row.isMapped("sch.wide") ? row.get("sch.wide").equals("Yes") : row.get("yes").equals("1");
        }
        return yes;
    }

    /**
     * {@code degf(design)}, and {@code svymean(~api00, design)} with {@code confint(m, df = degf(design))}: the
     * degrees of freedom as R counts them, and the standard errors unchanged by the count.
     */
    @ParameterizedTest
    @ValueSource(strings = {"jk1", "jk1zero", "jkn", "jknzero", "brr", "brrzero", "boot", "bootzero", "jk1mse",
        "jknweights"})
    void degreesOfFreedomAsSurveys(String name) {
        ReplicateDesign design = design(name);
        SurveyEstimate mean = SurveyEstimator.of(design).mean("api00", numbers(data(name), "api00"));
        Interval interval = mean.confidenceInterval(0.95);
        for (String file : FILES) {
            String[] line = SurveyReference.of(file).line("DEGF", name);
            assertEquals(Integer.parseInt(line[2]), design.degreesOfFreedom(), file + " " + name + " degf");
            assertEquals(Integer.parseInt(line[2]), mean.degreesOfFreedom(), file + " " + name + " estimate's degf");
            double[] m = values(line[3]);
            double[] ci = values(line[4]);
            assertEquals(m[0], mean.estimate(), EXACT * m[0], file + " " + name);
            assertEquals(m[1], mean.standardError(), EXACT * m[1], file + " " + name);
            assertEquals(ci[0], interval.lower(), EXACT * ci[0], file + " " + name);
            assertEquals(ci[1], interval.upper(), EXACT * ci[1], file + " " + name);
        }
    }

    /**
     * {@code svyglm(api00 ~ ell + meals, design)}: its t tests and {@code confint} on {@code degf(design) + 1 - 3}
     * residual degrees of freedom.
     */
    @ParameterizedTest
    @ValueSource(strings = {"jk1", "jk1zero", "jkn", "jknzero", "brr", "brrzero", "boot", "bootzero", "jk1mse",
        "jknweights"})
    void regressionTestsOnTheDegreesOfFreedom(String name) {
        List<CSVRecord> rows = data(name);
        Moderators x = Moderators.builder(rows.size()).numeric("ell", numbers(rows, "ell"))
                .numeric("meals", numbers(rows, "meals")).build();
        SurveyRegression fit = SurveyEstimator.of(design(name)).regression(numbers(rows, "api00"), x,
                SurveyRegression.Family.GAUSSIAN);
        for (String file : FILES) {
            String[] line = SurveyReference.of(file).line("GLM", name);
            assertEquals(Integer.parseInt(line[2]), fit.degreesOfFreedom(), file + " " + name + " df.residual");
            double[] p = values(line[3]);
            double[] ci = values(line[4]);
            for (int j = 0; j < p.length; j++) {
                Coefficient c = fit.coefficients().get(j);
                assertEquals(p[j], c.pValue(), EXACT, file + " " + name + " p " + j);
                assertEquals(ci[j], c.lower(), EXACT * Math.abs(ci[j]), file + " " + name + " lower " + j);
                assertEquals(ci[j + p.length], c.upper(), EXACT * Math.abs(ci[j + p.length]),
                        file + " " + name + " upper " + j);
            }
        }
    }

    /**
     * The bootstrap's own draws differ from R's, but the rank of 50 draws of 13 units of non-zero weight is 13 for
     * almost every draw: {@code degf(as.svrepdesign(design, type = "bootstrap", replicates = 50))} of R's draw
     * (set.seed(26)) is 12 on jk1zero's design, 14 (15 units) without the zeros.
     */
    @Test
    void bootstrapCountsTheUnitsThatWeigh() {
        for (String file : FILES) {
            int expected = Integer.parseInt(SurveyReference.of(file).line("DEGF", "bootdraw")[2]);
            assertEquals(expected, ReplicateDesign.bootstrap(clusters("jk1zero"), 50, 26).degreesOfFreedom(), file);
        }
        assertEquals(14, ReplicateDesign.bootstrap(clusters("jk1"), 50, 26).degreesOfFreedom());
    }

    /**
     * {@code svyciprop(~I(sch.wide == "Yes"), design, method = "logit")}: survey's svyglm refits each replicate, so
     * the standard error on the logit scale is the replicates' spread of their logits, here
     * {@link SurveyEstimator#proportionInterval(boolean[], ProportionMethod, double)}. Against the fit converged
     * tightly (LOGIT_TIGHT) at 1e-8, and svyciprop's own (LOGIT, glm's default epsilon = 1e-8) at 1e-8 too.
     * {@link SurveyEstimator#interval(SurveyEstimate, ProportionMethod, double)} has only the estimate and gives the
     * delta method's interval, svyciprop's {@code method = "xlogit"}.
     */
    @ParameterizedTest
    @ValueSource(strings = {"jk1", "jk1zero", "jkn", "jknzero", "brr", "brrzero", "boot", "bootzero", "jk1mse",
        "jknweights"})
    void logitIntervalRefitsTheReplicates(String name) {
        SurveyEstimator estimator = SurveyEstimator.of(design(name));
        boolean[] yes = schoolWide(data(name));
        Interval logit = estimator.proportionInterval(yes, ProportionMethod.LOGIT, 0.95);
        Interval delta = SurveyEstimator.interval(estimator.proportion("yes", yes), ProportionMethod.LOGIT, 0.95);
        for (String file : FILES) {
            SurveyReference r = SurveyReference.of(file);
            for (String kind : List.of("LOGIT_TIGHT", "LOGIT")) {
                double[] expected = values(r.line(kind, name)[2]);
                assertEquals(expected[0], logit.estimate(), GLM, file + " " + kind + " " + name);
                assertEquals(expected[1], logit.lower(), GLM, file + " " + kind + " " + name);
                assertEquals(expected[2], logit.upper(), GLM, file + " " + kind + " " + name);
            }
            double[] xlogit = values(r.line("XLOGIT", name)[2]);
            assertEquals(xlogit[1], delta.lower(), EXACT, file + " xlogit " + name);
            assertEquals(xlogit[2], delta.upper(), EXACT, file + " xlogit " + name);
        }
    }

    /**
     * {@code svyciprop(~I(yes == 1), jknzero, method = "logit", na.rm = TRUE)} with every 7th school's answer missing:
     * svyglm drops the missing rows from every replicate's refit, t on the whole design's degf (182).
     */
    @Test
    void logitIntervalWithMissingAnswers() {
        Interval interval = SurveyEstimator.of(design("jknzero")).proportionInterval(missingAnswers(),
                ProportionMethod.LOGIT, 0.95);
        for (String file : FILES) {
            SurveyReference r = SurveyReference.of(file);
            for (String kind : List.of("LOGIT_NARM_TIGHT", "LOGIT_NARM")) {
                double[] expected = values(r.line(kind, "jknzero")[2]);
                assertEquals(expected[0], interval.estimate(), GLM, file + " " + kind);
                assertEquals(expected[1], interval.lower(), GLM, file + " " + kind);
                assertEquals(expected[2], interval.upper(), GLM, file + " " + kind);
            }
        }
    }

    /** The R script's answers with every 7th school's missing. */
    private static Answers missingAnswers() {
        boolean[] answered = new boolean[strat.size()];
        for (int i = 0; i < answered.length; i++) {
            answered[i] = Integer.parseInt(strat.get(i).get("snum")) % 7 != 0;
        }
        return Answers.of(schoolWide(strat), answered);
    }

    /**
     * {@code svyciprop(~I(yes == 1), subset(jknzero, !is.na(yes)), method)}: {@code subset()} of a replicate design
     * counts {@code degf} again on the rows kept (151, where the whole design has 182), as the estimate of those who
     * answered does here.
     */
    @ParameterizedTest
    @ValueSource(strings = {"mean", "xlogit", "asin"})
    void subsetOfTheAnswered(String method) {
        SurveyEstimate estimate = SurveyEstimator.of(design("jknzero")).proportion("yes", missingAnswers());
        Interval interval = SurveyEstimator.interval(estimate,
                ProportionMethod.valueOf(method.toUpperCase(java.util.Locale.ROOT)), 0.95);
        for (String file : FILES) {
            String[] line = SurveyReference.of(file).line("SUBSET", "jknzero", method);
            double[] expected = values(line[4]);
            assertEquals(Integer.parseInt(line[3]), estimate.degreesOfFreedom(), file + " degf");
            assertEquals(expected[0], interval.estimate(), EXACT, file + " " + method);
            assertEquals(expected[1], interval.lower(), EXACT, file + " " + method);
            assertEquals(expected[2], interval.upper(), EXACT, file + " " + method);
        }
    }

    /**
     * {@code svytotal(~yes, jknzero, na.rm = TRUE)} with {@code confint(..., df = degf(subset(jknzero,
     * !is.na(yes))))}: the total of those who answered has the subset's degrees of freedom too.
     */
    @Test
    void totalOfTheAnswered() {
        SurveyEstimate total = SurveyEstimator.of(design("jknzero")).total("yes", missingAnswers());
        Interval interval = total.confidenceInterval(0.95);
        for (String file : FILES) {
            String[] line = SurveyReference.of(file).line("SUBSET_TOTAL", "jknzero");
            double[] t = values(line[3]);
            double[] ci = values(line[4]);
            assertEquals(Integer.parseInt(line[2]), total.degreesOfFreedom(), file + " degf");
            assertEquals(t[0], total.estimate(), EXACT * t[0], file);
            assertEquals(t[1], total.standardError(), EXACT * t[1], file);
            assertEquals(ci[0], interval.lower(), EXACT * ci[0], file);
            assertEquals(ci[1], interval.upper(), EXACT * ci[1], file);
        }
    }
}
