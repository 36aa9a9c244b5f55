package org.smesurvey.stats.survey;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
 * The estimates survey users read beside means and totals, against survey 4.1.1 (Debian 12) and survey 4.4.2 (R 4.5,
 * Debian 13) where they differ: stats/src/test/reference/survey-variances.R, which quotes every call, on survey's
 * {@code apistrat} (strata, fpc) and {@code apiclus1} (clusters, fpc) samples, post-stratified and calibrated, and
 * on JK1 and JKn replicate designs made from them: {@code svyvar}, the simple-random-sampling variances behind
 * {@code deff = TRUE} and {@code deff = "replace"}, the design effects δ of {@code svychisq}'s Rao–Scott
 * correction and the generalised design effects of several shares, replicate scales and calibration's g-weights.
 *
 * <p>Tolerances: 1e-10 relative for closed forms; 1e-8 for what rests on an iterated calibration (raking, logit).
 */
class SurveyVariancesTest {

    private static final double CLOSED = 1e-10;
    private static final double ITERATED = 1e-8;
    private static SurveyReference reference;
    private static SurveyReference reference44;
    private static List<CSVRecord> clus1;
    private static List<CSVRecord> strat;

    @BeforeAll
    static void load() {
        reference = SurveyReference.of("survey-variances.txt");
        reference44 = SurveyReference.of("survey-variances-4.4.txt");
        clus1 = SurveyReference.csv("apiclus1-calibration.csv");
        strat = SurveyReference.csv("apistrat-calibration.csv");
    }

    private static SurveyDesign clus1() {
        return SurveyDesign.builder(numbers(clus1, "pw")).clusters(texts(clus1, "dnum")).fpc(numbers(clus1, "fpc"))
                .build();
    }

    private static SurveyDesign strat() {
        return SurveyDesign.builder(numbers(strat, "pw")).strata(texts(strat, "stype")).fpc(numbers(strat, "fpc"))
                .build();
    }

    private static Moderators types(int n) {
        return Moderators.builder(n).numeric("stypeH", indicator(clus1, "stype", "H"))
                .numeric("stypeM", indicator(clus1, "stype", "M")).build();
    }

    /** The designs of survey-variances.R, in its order: strat, clus1, post, greg, jk1, jkn. */
    private static Map<String, Design> designs() {
        SurveyDesign clus1 = clus1();
        Map<String, Design> designs = new LinkedHashMap<>();
        designs.put("strat", strat());
        designs.put("clus1", clus1);
        designs.put("post", Calibration.postStratify(clus1, texts(SurveyVariancesTest.clus1, "stype"),
                totals("E", 4421, "H", 755, "M", 1018)));
        designs.put("greg", Calibration.calibrate(clus1, types(clus1.size()), new double[] {6194, 755, 1018}));
        designs.put("jk1", ReplicateDesign.jackknife(clus1));
        designs.put("jkn", ReplicateDesign.stratifiedJackknife(strat()));
        return designs;
    }

    /**
     * {@code des$scale}, {@code des$rscales} and {@code des$mse} of {@code as.svrepdesign(clus1)} (JK1, also with
     * {@code mse = TRUE}), {@code as.svrepdesign(strat, type = "JKn")} with and without fpc, BRR and Fay (ρ = 0.3)
     * on Sylvester's H16 ({@code apistrat-brr.csv}) and the bootstrap with 50 replicates. survey orders JKn's
     * replicates by stratum, this library by unit: their scales are compared sorted. The bootstrap's random
     * draws differ from R's, its scales do not.
     */
    @Test
    void replicateScalesAreSurveys() {
        List<CSVRecord> brr = SurveyReference.csv("apistrat-brr.csv");
        SurveyDesign halves = SurveyDesign.builder(numbers(brr, "pw")).strata(texts(brr, "st"))
                .clusters(texts(brr, "psu")).build();
        SurveyDesign stratNoFpc = SurveyDesign.builder(numbers(strat, "pw")).strata(texts(strat, "stype")).build();
        Map<String, ReplicateDesign> designs = new LinkedHashMap<>();
        designs.put("jk1", ReplicateDesign.jackknife(clus1()));
        designs.put("jkn", ReplicateDesign.stratifiedJackknife(strat()));
        designs.put("jk1mse", ReplicateDesign.jackknife(clus1()).withMse(true));
        designs.put("jknstrat", ReplicateDesign.stratifiedJackknife(stratNoFpc));
        designs.put("brr", ReplicateDesign.balancedRepeatedReplication(halves, 0));
        designs.put("fay", ReplicateDesign.balancedRepeatedReplication(halves, 0.3));
        designs.put("bootstrap", ReplicateDesign.bootstrap(strat(), 50, 26));
        for (Map.Entry<String, ReplicateDesign> entry : designs.entrySet()) {
            String[] line = reference.line("SCALES", entry.getKey());
            ReplicateDesign design = entry.getValue();
            assertEquals(values(line[2])[0], design.scale(), CLOSED * design.scale(), entry.getKey() + " scale");
            double[] expected = values(line[3]);
            double[] actual = design.replicateScales();
            Arrays.sort(expected);
            Arrays.sort(actual);
            close(expected, actual, CLOSED, entry.getKey() + " rscales");
            assertEquals(Boolean.parseBoolean(line[4].toLowerCase()), design.mse(), entry.getKey() + " mse");
        }
        // user-given scales come back as given, in a copy
        SurveyDesign two = SurveyDesign.builder(new double[] {1, 2, 3}).build();
        ReplicateDesign given = ReplicateDesign.of(two, new double[][] {{0, 1.5}, {1.5, 0}, {1.5, 1.5}}, 0.5,
                new double[] {0.25, 0.75});
        double[] scales = given.replicateScales();
        assertArrayEquals(new double[] {0.25, 0.75}, scales);
        scales[0] = 9;
        assertArrayEquals(new double[] {0.25, 0.75}, given.replicateScales());
        assertEquals(false, given.mse());
    }

    /**
     * {@code weights(calibrated) / weights(clus1)} for {@code postStratify(~stype)}, {@code rake(~stype, ~awards)},
     * {@code calibrate(~stype)}, {@code calibrate(~stype + api99)} with the linear, raking and logit (0.5, 2.5)
     * distances, and {@code trimWeights(linear3, upper = 40, lower = 30)}.
     */
    @Test
    void calibrationFactorsAreSurveysWeightRatios() {
        SurveyDesign none = clus1();
        int n = none.size();
        Map<String, Double> stype = totals("E", 4421, "H", 755, "M", 1018);
        Moderators typesAndApi99 = Moderators.builder(n).numeric("stypeH", indicator(clus1, "stype", "H"))
                .numeric("stypeM", indicator(clus1, "stype", "M")).numeric("api99", numbers(clus1, "api99")).build();
        double[] population = {6194, 755, 1018, 3914069};
        SurveyDesign linear3 = Calibration.calibrate(none, typesAndApi99, population);
        Map<String, SurveyDesign> designs = new LinkedHashMap<>();
        designs.put("post", Calibration.postStratify(none, texts(clus1, "stype"), stype));
        designs.put("rake", Calibration.rake(none, List.of(texts(clus1, "stype"), texts(clus1, "awards")),
                List.of(stype, totals("No", 2027, "Yes", 4167))));
        designs.put("greg", Calibration.calibrate(none, types(n), Arrays.copyOf(population, 3)));
        designs.put("linear3", linear3);
        designs.put("raking", Calibration.calibrate(none, typesAndApi99, population, Calibration.Distance.RAKING,
                Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY));
        designs.put("logit", Calibration.calibrate(none, typesAndApi99, population, Calibration.Distance.LOGIT, 0.5,
                2.5));
        designs.put("trim", Calibration.trimWeights(linear3, 30, 40, false));
        for (Map.Entry<String, SurveyDesign> entry : designs.entrySet()) {
            String name = entry.getKey();
            double tolerance = List.of("rake", "raking", "logit").contains(name) ? ITERATED : CLOSED;
            close(values(reference.line("G", name)[2]), entry.getValue().calibrationFactors(), tolerance, name);
        }
        double[] ones = new double[n];
        Arrays.fill(ones, 1);
        assertArrayEquals(ones, none.calibrationFactors());
    }

    private static boolean[] flags(List<CSVRecord> rows, String column, String level) {
        boolean[] flags = new boolean[rows.size()];
        for (int i = 0; i < flags.length; i++) {
            flags[i] = rows.get(i).get(column).equals(level);
        }
        return flags;
    }

    /** The school's answer is missing where its number is a multiple of 7 (survey-variances.R's ny). */
    private static boolean[] answered(List<CSVRecord> rows) {
        boolean[] answered = new boolean[rows.size()];
        for (int i = 0; i < answered.length; i++) {
            answered[i] = Integer.parseInt(rows.get(i).get("snum")) % 7 != 0;
        }
        return answered;
    }

    private static List<CSVRecord> rows(String design) {
        return List.of("strat", "jkn").contains(design) ? strat : clus1;
    }

    /** The entries of a matrix read by column, as R writes a matrix. */
    private static double[] byColumn(double[][] m) {
        double[] v = new double[m.length * m[0].length];
        for (int b = 0; b < m[0].length; b++) {
            for (int a = 0; a < m.length; a++) {
                v[a + m.length * b] = m[a][b];
            }
        }
        return v;
    }

    /**
     * {@code svyvar(~api00, design)}, {@code svyvar(~yes, design)} (an {@link Answers}), {@code svyvar(~api00 + ell,
     * design)} with {@code SE()} and {@code attr(, "var")}, on every design of the script; the same under survey 4.4.
     */
    @Test
    void variancesAndCovarianceMatricesAreSvyvars() {
        for (Map.Entry<String, Design> entry : designs().entrySet()) {
            String name = entry.getKey();
            List<CSVRecord> rows = rows(name);
            SurveyEstimator estimator = SurveyEstimator.of(entry.getValue());
            SurveyEstimate api00 = estimator.variance("api00", numbers(rows, "api00"));
            SurveyEstimate yes = estimator.variance("yes", Answers.of(flags(rows, "sch.wide", "Yes")));
            SurveyCovariance both = estimator.covariance(List.of("api00", "ell"),
                    List.of(numbers(rows, "api00"), numbers(rows, "ell")));
            for (SurveyReference file : List.of(reference, reference44)) {
                close(values(file.line("VAR", name, "api00")[3]),
                        new double[] {api00.estimate(), api00.standardError()}, CLOSED, name + " api00");
                close(values(file.line("VAR", name, "yes")[3]), new double[] {yes.estimate(), yes.standardError()},
                        CLOSED, name + " yes");
                String[] line = file.line("COVAR", name);
                close(values(line[2]), byColumn(both.estimate()), CLOSED, name + " covariance");
                close(values(line[3]), byColumn(both.standardErrors()), CLOSED, name + " SE");
                close(values(line[4]), byColumn(both.covariance()), CLOSED, name + " var");
            }
            assertEquals(rows.size(), api00.respondents());
            assertTrue(api00.designEffect().isEmpty());
            assertEquals(both.estimate("ell", "api00"), both.estimate()[1][0]);
            assertEquals(both.standardError("api00", "ell"), both.standardErrors()[0][1]);
        }
    }

    /**
     * {@code svyvar(~ny, design, na.rm = TRUE)}, ny a 0/1 answer missing for a seventh of the schools. survey 4.4
     * counts only the answered schools in n/(n − 1), as this library does; survey 4.1.1 counts every school with a
     * non-zero weight on a linearised or calibrated design, so its estimate and standard error are ours times
     * \( n_{all}(n - 1)/((n_{all} - 1)n) \). On the replicate designs both versions count the answered.
     */
    @Test
    void varianceOfAnswersWithSomeMissingIsSurvey44sAndSurvey411sRescaled() {
        for (Map.Entry<String, Design> entry : designs().entrySet()) {
            String name = entry.getKey();
            List<CSVRecord> rows = rows(name);
            boolean[] answered = answered(rows);
            SurveyEstimate v = SurveyEstimator.of(entry.getValue()).variance("ny",
                    Answers.of(flags(rows, "sch.wide", "Yes"), answered));
            double[] ours = {v.estimate(), v.standardError()};
            close(values(reference44.line("NAVAR", name)[2]), ours, CLOSED, name + " survey 4.4");
            int all = rows.size();
            int n = v.respondents();
            assertTrue(n < all);
            double rescale = entry.getValue() instanceof ReplicateDesign ? 1
                    : all * (n - 1.0) / ((all - 1.0) * n);
            close(values(reference.line("NAVAR", name)[2]), new double[] {ours[0] * rescale, ours[1] * rescale},
                    CLOSED, name + " survey 4.1.1");
        }
    }

    /**
     * The simple-random-sampling variances behind {@code deff = TRUE} and {@code deff = "replace"}: survey's
     * {@code vcov(m) / deff(m)} for {@code svymean(~api00)}, {@code svytotal(~api00)}, {@code svymean(~yes)} and
     * {@code svymean(~ny, na.rm = TRUE)}, and {@code SE(b)^2 / deff(b)} of {@code svyby(~api00, ~stype, design,
     * svymean, deff = ...)}, the same with {@code svytotal} and of {@code svyby(~yes, ~stype, design, svymean, ...)},
     * on the linearised and calibrated designs (the replicate designs' in {@link ReplicateDesignEffectTest}).
     */
    @Test
    void simpleRandomSampleVariancesAreSurveysDesignEffectDenominators() {
        for (Map.Entry<String, Design> entry : designs().entrySet()) {
            String name = entry.getKey();
            if (entry.getValue() instanceof ReplicateDesign) {
                continue;
            }
            List<CSVRecord> rows = rows(name);
            SurveyEstimator estimator = SurveyEstimator.of(entry.getValue());
            Map<String, SurveyEstimate> estimates = new LinkedHashMap<>();
            estimates.put("mean", estimator.mean("api00", numbers(rows, "api00")));
            estimates.put("total", estimator.total("api00", numbers(rows, "api00")));
            estimates.put("proportion", estimator.proportion("yes", flags(rows, "sch.wide", "Yes")));
            estimates.put("namean", estimator.proportion("ny", Answers.of(flags(rows, "sch.wide", "Yes"),
                    answered(rows))));
            for (Map.Entry<String, SurveyEstimate> e : estimates.entrySet()) {
                String[] line = reference.line("SRS", name, e.getKey());
                SurveyEstimate estimate = e.getValue();
                String what = name + " " + e.getKey();
                close(values(line[3]), new double[] {estimate.estimate()}, CLOSED, what);
                close(values(line[4]), new double[] {estimate.simpleRandomSampleVariance().getAsDouble()}, CLOSED,
                        what + " without replacement");
                close(values(line[5]), new double[] {estimate.simpleRandomSampleVarianceWithReplacement()
                        .getAsDouble()}, CLOSED, what + " with replacement");
                // the design effect is the variance over the very number carried
                assertEquals(estimate.standardError() * estimate.standardError()
                        / estimate.simpleRandomSampleVariance().getAsDouble(), estimate.designEffect().getAsDouble(),
                        1e-12 * estimate.designEffect().getAsDouble());
            }
            String[] stype = texts(rows, "stype");
            Map<String, List<SurveyEstimate>> domains = new LinkedHashMap<>();
            domains.put("mean", estimator.meanBy(numbers(rows, "api00"), stype));
            domains.put("total", estimator.totalBy(numbers(rows, "api00"), stype));
            domains.put("proportion", estimator.proportionBy(flags(rows, "sch.wide", "Yes"), stype));
            for (Map.Entry<String, List<SurveyEstimate>> e : domains.entrySet()) {
                List<SurveyEstimate> by = e.getValue();
                String what = name + " by, " + e.getKey();
                String[] line = reference.line("SRSBY", name, e.getKey());
                close(values(line[3]), by.stream().mapToDouble(SurveyEstimate::estimate).toArray(), CLOSED, what);
                close(values(line[4]), by.stream().mapToDouble(d -> d.simpleRandomSampleVariance().getAsDouble())
                        .toArray(), CLOSED, what + ", without replacement");
                close(values(line[5]), by.stream().mapToDouble(d -> d.simpleRandomSampleVarianceWithReplacement()
                        .getAsDouble()).toArray(), CLOSED, what + ", with replacement");
            }
            // deff = "replace" divides by the with-replacement variance the estimate carries
            SurveyEstimate replace = estimator.withReplacementDesignEffects().mean("api00", numbers(rows, "api00"));
            assertEquals(replace.standardError() * replace.standardError()
                    / replace.simpleRandomSampleVarianceWithReplacement().getAsDouble(),
                    replace.designEffect().getAsDouble(), 1e-12 * replace.designEffect().getAsDouble());
        }
        SurveyEstimate ratio = SurveyEstimator.of(strat()).ratio("api00/api99", numbers(strat, "api00"),
                numbers(strat, "api99"));
        assertTrue(ratio.simpleRandomSampleVariance().isEmpty());
        // replicate designs carry them too: ReplicateDesignEffectTest
        assertTrue(SurveyEstimator.of(ReplicateDesign.jackknife(clus1())).mean("api00", numbers(clus1, "api00"))
                .simpleRandomSampleVarianceWithReplacement().isPresent());
    }

    /** survey's {@code print(svyvar(~api00, strat))} and {@code print(svyvar(~api00 + ell, strat))}. */
    @Test
    void variancesPrintAsSurveyPrintsThem() {
        SurveyEstimator estimator = SurveyEstimator.of(strat());
        assertEquals(printed("var"), SurveyEstimate.table(List.of(estimator.variance("api00",
                numbers(strat, "api00"))), "variance"));
        assertEquals(printed("covar"), estimator.covariance(List.of("api00", "ell"),
                List.of(numbers(strat, "api00"), numbers(strat, "ell"))).summary());
    }

    @Test
    void varianceNeedsTwoRespondentsAndDistinctNames() {
        SurveyEstimator estimator = SurveyEstimator.of(SurveyDesign.builder(new double[] {1, 0, 2}).build());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> estimator.variance("y", Answers.of(new boolean[] {true, true, false},
                        new boolean[] {true, true, false})));
        assertEquals("The variance of y needs two respondents or more with a non-zero weight (and an answer): 1",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> estimator.covariance(List.of("y", "y"),
                List.of(new double[3], new double[3])));
        assertTrue(e.getMessage().contains("no label twice"), e.getMessage());
        SurveyCovariance c = estimator.covariance(List.of("y"), List.of(new double[] {1, 5, 3}));
        e = assertThrows(IllegalArgumentException.class, () -> c.estimate("z", "y"));
        assertEquals("No variable named 'z' among [y]", e.getMessage());
    }

    /**
     * The eigenvalues of svychisq's Δ for {@code svychisq(~awards + stype, design)}, computed in R by svychisq's own
     * steps, with their mean, coefficient of variation and {@code sum(diag(Δ))^2 / sum(diag(Δ %*% Δ))}, checked in
     * R against svychisq's {@code ndf}; the same under survey 4.4.
     */
    @Test
    void tableDesignEffectsAreSvychisqsDeltaEigenvalues() {
        for (Map.Entry<String, Design> entry : designs().entrySet()) {
            String name = entry.getKey();
            List<CSVRecord> rows = rows(name);
            DesignEffects effects = SurveyEstimator.of(entry.getValue()).independenceDesignEffects(
                    texts(rows, "awards"), texts(rows, "stype"));
            for (SurveyReference file : List.of(reference, reference44)) {
                String[] line = file.line("DELTA", name);
                close(values(line[2]), effects.eigenvalues(), CLOSED, name + " eigenvalues");
                close(values(line[3]), new double[] {effects.mean()}, CLOSED, name + " mean");
                close(values(line[4]), new double[] {effects.coefficientOfVariation()}, CLOSED, name + " cv");
                close(values(line[5]), new double[] {effects.satterthwaiteDegreesOfFreedom()}, CLOSED, name + " d0");
            }
            // the F test's numerator degrees of freedom are these
            RaoScott tests = SurveyEstimator.of(entry.getValue()).independence(texts(rows, "awards"),
                    texts(rows, "stype"));
            assertEquals(effects.satterthwaiteDegreesOfFreedom(), tests.f().degreesOfFreedom().getAsDouble(),
                    CLOSED * effects.satterthwaiteDegreesOfFreedom());
        }
    }

    /**
     * The generalised design effects of the shares of yes, award and high ({@code svymean(~yes + award + high,
     * design, deff = TRUE)} and {@code deff = "replace"}): the eigenvalues of \( V_{srs}^{-1}V \), \( V_{srs} \) =
     * {@code vcov(m) / attr(m, "deff")}; the same under survey 4.4.
     */
    @Test
    void designEffectsOfSeveralSharesAreEigenvaluesOfSurveysDeffMatrix() {
        for (Map.Entry<String, Design> entry : designs().entrySet()) {
            String name = entry.getKey();
            List<CSVRecord> rows = rows(name);
            double[] api00 = numbers(rows, "api00");
            boolean[] high = new boolean[api00.length];
            for (int i = 0; i < high.length; i++) {
                high[i] = api00[i] > 700;
            }
            List<String> labels = List.of("yes", "award", "high");
            List<Answers> answers = List.of(Answers.of(flags(rows, "sch.wide", "Yes")),
                    Answers.of(flags(rows, "awards", "Yes")), Answers.of(high));
            SurveyEstimator estimator = SurveyEstimator.of(entry.getValue());
            DesignEffects without = estimator.designEffects(labels, answers);
            DesignEffects with = estimator.withReplacementDesignEffects().designEffects(labels, answers);
            for (SurveyReference file : List.of(reference, reference44)) {
                String[] line = file.line("PDEFF", name);
                close(values(line[2]), without.eigenvalues(), CLOSED, name + " without replacement");
                close(values(line[3]), with.eigenvalues(), CLOSED, name + " with replacement");
            }
        }
        SurveyEstimator estimator = SurveyEstimator.of(strat());
        boolean[] yes = flags(strat, "sch.wide", "Yes");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> estimator.designEffects(
                List.of("a", "b"), List.of(Answers.of(yes), Answers.of(yes))));
        assertTrue(e.getMessage().startsWith("The simple-random-sampling covariance of a + b is not positive definite"),
                e.getMessage());
    }

    private static String printed(String what) {
        return SurveyReference.printed("survey-variances.txt", what);
    }
}
