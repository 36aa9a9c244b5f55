package org.smesurvey.stats.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smesurvey.stats.survey.SurveyReference.numbers;
import static org.smesurvey.stats.survey.SurveyReference.texts;
import static org.smesurvey.stats.survey.SurveyReference.values;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Design effects and simple-random-sampling variances of estimates on replicate designs, against survey 4.1.1
 * (Debian 12) and survey 4.4.2 (R 4.5, Debian 13), which print the same numbers: stats/src/test/reference/
 * survey-replicate-deff.R, which quotes every call. On JK1 (with and without {@code mse}), JKn, BRR and Fay
 * (ρ = 0.3) designs, R's bootstrap replicates, replicate designs calibrated and post-stratified by survey (their
 * replicate weights read as given, apiclus1-calibrated-replicates.csv) and a JK1 design with some weights 0:
 * {@code svymean(~api00, d, deff = TRUE)}, {@code svytotal(~api00, ...)}, {@code svymean(~yes, ...)} and
 * {@code svymean(~ny, ..., na.rm = TRUE)}, and the same through {@code svyby(..., ~stype, d, ..., deff = TRUE)}:
 * estimate, standard error, design effect, {@code vcov / deff} with {@code deff = TRUE} and with
 * {@code deff = "replace"}.
 *
 * <p>Tolerance: 1e-10 relative, every value being a closed form of the data and the replicate weights.
 */
class ReplicateDesignEffectTest {

    private static final double CLOSED = 1e-10;
    private static SurveyReference reference;
    private static SurveyReference reference44;
    private static List<CSVRecord> clus1;
    private static List<CSVRecord> strat;
    private static List<CSVRecord> brr;

    @BeforeAll
    static void load() {
        reference = SurveyReference.of("survey-replicate-deff.txt");
        reference44 = SurveyReference.of("survey-replicate-deff-4.4.txt");
        clus1 = SurveyReference.csv("apiclus1-calibration.csv");
        strat = SurveyReference.csv("apistrat-calibration.csv");
        brr = SurveyReference.csv("apistrat-brr.csv");
    }

    private static SurveyDesign clus1(double[] weights) {
        return SurveyDesign.builder(weights).clusters(texts(clus1, "dnum")).fpc(numbers(clus1, "fpc")).build();
    }

    /** The replicate weights survey's calibrate or postStratify made, as a design with those weights combined. */
    private static ReplicateDesign calibrated(String name) {
        List<CSVRecord> rows = SurveyReference.csv("apiclus1-calibrated-replicates.csv");
        String[] scales = reference.line("SCALES", name);
        double[] rscales = values(scales[3]);
        double[][] weights = new double[rscales.length][];
        for (int r = 0; r < rscales.length; r++) {
            weights[r] = numbers(rows, name + (r + 1));
        }
        return ReplicateDesign.fromWeights(SurveyDesign.builder(numbers(rows, name + "pw")).build(), weights, true,
                values(scales[2])[0], rscales);
    }

    /** R's bootstrap multipliers of the districts, as survey-replicate-deff.R's boot design takes them. */
    private static ReplicateDesign bootstrap() {
        double[][] multipliers = SurveyReference.rowsAfterFirst("apiclus1-bootstrap.csv");
        String[] scales = reference.line("SCALES", "boot");
        SurveyDesign design = SurveyDesign.builder(numbers(clus1, "pw")).clusters(texts(clus1, "dnum")).build();
        return ReplicateDesign.of(design, multipliers, values(scales[2])[0], values(scales[3]));
    }

    /** The designs of survey-replicate-deff.R, in its order. */
    private static Map<String, ReplicateDesign> designs() {
        ReplicateDesign jk1 = ReplicateDesign.jackknife(clus1(numbers(clus1, "pw")));
        SurveyDesign halves = SurveyDesign.builder(numbers(brr, "pw")).strata(texts(brr, "st"))
                .clusters(texts(brr, "psu")).build();
        double[] zero = numbers(clus1, "pw");
        double[] snum = numbers(clus1, "snum");
        for (int i = 0; i < zero.length; i++) {
            zero[i] = snum[i] % 11 == 0 ? 0 : zero[i];
        }
        Map<String, ReplicateDesign> designs = new LinkedHashMap<>();
        designs.put("jk1", jk1);
        designs.put("jk1mse", jk1.withMse(true));
        designs.put("jkn", ReplicateDesign.stratifiedJackknife(SurveyDesign.builder(numbers(strat, "pw"))
                .strata(texts(strat, "stype")).fpc(numbers(strat, "fpc")).build()));
        designs.put("brr", ReplicateDesign.balancedRepeatedReplication(halves, 0));
        designs.put("fay", ReplicateDesign.balancedRepeatedReplication(halves, 0.3));
        designs.put("boot", bootstrap());
        designs.put("cal", calibrated("cal"));
        designs.put("post", calibrated("post"));
        designs.put("zero", ReplicateDesign.jackknife(clus1(zero)));
        return designs;
    }

    private static List<CSVRecord> rows(String design) {
        return switch (design) {
            case "jkn" -> strat;
            case "brr", "fay" -> brr;
            default -> clus1;
        };
    }

    /** sch.wide == "Yes" (apistrat-brr.csv has it as 0/1 in yes). */
    private static boolean[] yes(List<CSVRecord> rows) {
        boolean[] yes = new boolean[rows.size()];
        for (int i = 0; i < yes.length; i++) {
            CSVRecord row = rows.get(i);
            yes[i] = row.isMapped("sch.wide") ? row.get("sch.wide").equals("Yes") : row.get("yes").equals("1");
        }
        return yes;
    }

    /** ny: yes, missing where snum is a multiple of 7. */
    private static Answers ny(List<CSVRecord> rows) {
        boolean[] answered = new boolean[rows.size()];
        for (int i = 0; i < answered.length; i++) {
            answered[i] = Integer.parseInt(rows.get(i).get("snum")) % 7 != 0;
        }
        return Answers.of(yes(rows), answered);
    }

    private static void relative(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + " length");
        for (int j = 0; j < expected.length; j++) {
            assertEquals(expected[j], actual[j], CLOSED * Math.abs(expected[j]), what + " " + j);
        }
    }

    private static double[] each(List<SurveyEstimate> estimates, ToDoubleFunction<SurveyEstimate> value) {
        return estimates.stream().mapToDouble(value).toArray();
    }

    /**
     * Compares estimates with a SRS or SRSBY line: estimates, standard errors, design effects (without replacement),
     * {@code vcov / deff} without and with replacement, and the design effects with replacement (the variance over
     * R's with-replacement SRS variance).
     */
    private static void check(String[] line, boolean overall, List<SurveyEstimate> without,
            List<SurveyEstimate> with, String what) {
        double[][] expected;
        if (overall) {
            double[] first = values(line[3]);
            expected = new double[][] {{first[0]}, {first[1]}, {first[2]}, values(line[4]), values(line[5])};
        } else {
            expected = new double[][] {values(line[3]), values(line[4]), values(line[5]), values(line[6]),
                values(line[7])};
        }
        relative(expected[0], each(without, SurveyEstimate::estimate), what + " estimate");
        relative(expected[1], each(without, SurveyEstimate::standardError), what + " SE");
        relative(expected[2], each(without, e -> e.designEffect().getAsDouble()), what + " deff");
        relative(expected[3], each(without, e -> e.simpleRandomSampleVariance().getAsDouble()), what + " vsrs");
        relative(expected[4], each(without, e -> e.simpleRandomSampleVarianceWithReplacement().getAsDouble()),
                what + " vsrs with replacement");
        double[] replace = new double[expected[1].length];
        for (int d = 0; d < replace.length; d++) {
            replace[d] = expected[1][d] * expected[1][d] / expected[4][d];
        }
        relative(replace, each(with, e -> e.designEffect().getAsDouble()), what + " deff replace");
        relative(expected[1], each(with, SurveyEstimate::standardError), what + " SE replace");
    }

    /** The script's four statistics on one estimator: over all schools (one estimate each) or by school type. */
    private static Map<String, List<SurveyEstimate>> statistics(SurveyEstimator estimator, List<CSVRecord> rows,
            boolean byType) {
        double[] api00 = numbers(rows, "api00");
        String[] stype = texts(rows, "stype");
        Map<String, List<SurveyEstimate>> estimates = new LinkedHashMap<>();
        estimates.put("mean", byType ? estimator.meanBy(api00, stype) : List.of(estimator.mean("api00", api00)));
        estimates.put("total", byType ? estimator.totalBy(api00, stype) : List.of(estimator.total("api00", api00)));
        estimates.put("proportion", byType ? estimator.proportionBy(yes(rows), stype)
                : List.of(estimator.proportion("yes", yes(rows))));
        estimates.put("namean", byType ? estimator.proportionBy(ny(rows), stype)
                : List.of(estimator.proportion("ny", ny(rows))));
        return estimates;
    }

    /**
     * Over all schools, {@code svymean(~api00, d, deff = TRUE)}, {@code svytotal(~api00, d, deff = TRUE)},
     * {@code svymean(~yes, d, deff = TRUE)} and {@code svymean(~ny, d, na.rm = TRUE, deff = TRUE)}; by school type,
     * {@code svyby(~api00, ~stype, d, svymean, deff = TRUE)}, the same with {@code svytotal}, {@code svyby(~yes,
     * ~stype, d, svymean, deff = TRUE)} and {@code svyby(~ny, ~stype, d, svymean, na.rm = TRUE, deff = TRUE)}; each
     * also with {@code deff = "replace"}, on every replicate design of the script, under survey 4.1.1 and 4.4.2.
     */
    @ParameterizedTest(name = "by school type: {0}")
    @ValueSource(booleans = {false, true})
    void designEffectsAreSurveys(boolean byType) {
        for (Map.Entry<String, ReplicateDesign> entry : designs().entrySet()) {
            String name = entry.getKey();
            List<CSVRecord> rows = rows(name);
            SurveyEstimator estimator = SurveyEstimator.of(entry.getValue());
            Map<String, List<SurveyEstimate>> without = statistics(estimator, rows, byType);
            Map<String, List<SurveyEstimate>> with = statistics(estimator.withReplacementDesignEffects(), rows,
                    byType);
            for (String statistic : without.keySet()) {
                List<SurveyEstimate> estimates = without.get(statistic);
                if (byType) {
                    assertEquals(List.of("E", "H", "M"), estimates.stream().map(SurveyEstimate::label).toList());
                }
                for (SurveyReference file : List.of(reference, reference44)) {
                    check(file.line(byType ? "SRSBY" : "SRS", name, statistic), !byType, estimates,
                            with.get(statistic), name + (byType ? " by, " : " ") + statistic);
                }
            }
        }
    }

    /**
     * Where the answers do not vary, as {@link SurveyEstimate#designEffect()} documents and survey gives (EDGE lines
     * of the script): on the JKn replicates of survey-edge.R's {@code flat}, {@code svymean(~y0, flat, deff = TRUE)}
     * (all 0), {@code svymean(~y1, flat, deff = "replace")} (all 1) and {@code svymean(~c, flat, deff = TRUE)} (all
     * 3) have a standard error of 0 and a design effect of NaN (0/0), {@code svytotal(~c, flat, deff = TRUE)} a
     * standard error of 6 and a design effect of Inf; {@code svyby(~y, ~s, one, svymean, deff = TRUE)} gives its
     * single-row domain b a design effect of NaN (its s² is 0/0).
     */
    @Test
    void designEffectsWhereTheAnswersDoNotVaryAreSurveys() {
        SurveyEstimator flat = SurveyEstimator.of(ReplicateDesign.stratifiedJackknife(SurveyDesign.builder(
                new double[] {2, 3, 4, 5, 6}).strata(new String[] {"1", "1", "2", "2", "2"}).build()));
        double[] threes = {3, 3, 3, 3, 3};
        Map<String, SurveyEstimate> edge = new LinkedHashMap<>();
        edge.put("y0", flat.proportion("y0", new boolean[5]));
        edge.put("y1", flat.withReplacementDesignEffects().proportion("y1", new boolean[] {true, true, true, true,
            true}));
        edge.put("c", flat.mean("c", threes));
        edge.put("ctotal", flat.total("c", threes));
        for (SurveyReference file : List.of(reference, reference44)) {
            for (Map.Entry<String, SurveyEstimate> e : edge.entrySet()) {
                double[] expected = values(file.line("EDGE", e.getKey())[2].replace("Inf", "Infinity"));
                SurveyEstimate estimate = e.getValue();
                assertEquals(expected[0], estimate.estimate(), CLOSED * Math.abs(expected[0]), e.getKey());
                assertEquals(expected[1], estimate.standardError(), CLOSED * Math.abs(expected[1]), e.getKey());
                assertEquals(expected[2], estimate.designEffect().getAsDouble(), e.getKey() + " deff");
            }
            String[] line = file.line("EDGE", "single");
            List<SurveyEstimate> by = SurveyEstimator.of(ReplicateDesign.jackknife(SurveyDesign.builder(
                    new double[] {2, 3, 4}).build())).proportionBy(new boolean[] {true, false, true},
                    new String[] {"a", "a", "b"});
            relative(values(line[2]), each(by, SurveyEstimate::estimate), "single estimate");
            relative(values(line[3]), each(by, SurveyEstimate::standardError), "single SE");
            double[] deff = values(line[4]);
            assertEquals(deff[0], by.get(0).designEffect().getAsDouble(), CLOSED * deff[0], "a deff");
            assertTrue(Double.isNaN(deff[1]) && Double.isNaN(by.get(1).designEffect().getAsDouble()), "b deff");
        }
    }

    /**
     * survey counts the rows of weight 0 in a replicate design's n (its {@code length(design$pweights)}), a
     * linearised design's does not: the estimate's respondents stay those of non-zero weight, its SRS variance
     * divides by every row. The zero design's 183 schools include 14 of weight 0.
     */
    @Test
    void rowsOfWeightZeroCountInTheSimpleRandomSampleAsSurveyCountsThem() {
        ReplicateDesign zero = designs().get("zero");
        double[] api00 = numbers(clus1, "api00");
        SurveyEstimate mean = SurveyEstimator.of(zero).withReplacementDesignEffects().mean("api00", api00);
        SurveyEstimate linearised = SurveyEstimator.of(zero.base()).withReplacementDesignEffects().mean("api00",
                api00);
        int zeros = (int) Arrays.stream(zero.base().weights).filter(w -> w == 0).count();
        assertTrue(zeros > 0);
        assertEquals(clus1.size() - zeros, mean.respondents());
        assertEquals(mean.respondents(), linearised.respondents());
        // s^2 / n = sum w (y - mean)^2 / sum w / (n - 1): the replicate n counts every row, the linearised one not
        double ratio = (clus1.size() - zeros - 1.0) / (clus1.size() - 1.0);
        assertEquals(linearised.simpleRandomSampleVarianceWithReplacement().getAsDouble() * ratio,
                mean.simpleRandomSampleVarianceWithReplacement().getAsDouble(),
                CLOSED * mean.simpleRandomSampleVarianceWithReplacement().getAsDouble());
    }

    /**
     * {@code print(svymean(~api00, jk1, deff = TRUE))}, {@code print(svytotal(~api00, jkn, deff = TRUE))} and
     * {@code print(svymean(~yes, fay, deff = "replace"))}: survey's print.svrepstat, now with its DEff column.
     */
    @Test
    void replicateEstimatesPrintTheirDesignEffectAsSurveyDoes() {
        Map<String, ReplicateDesign> designs = designs();
        assertEquals(printed("jk1mean"), SurveyEstimate.table(List.of(SurveyEstimator.of(designs.get("jk1"))
                .mean("api00", numbers(clus1, "api00"))), "mean"));
        assertEquals(printed("jkntotal"), SurveyEstimate.table(List.of(SurveyEstimator.of(designs.get("jkn"))
                .total("api00", numbers(strat, "api00"))), "total"));
        assertEquals(printed("fayreplace"), SurveyEstimate.table(List.of(SurveyEstimator.of(designs.get("fay"))
                .withReplacementDesignEffects().proportion("yes", yes(brr))), "mean"));
    }

    private static String printed(String what) {
        return SurveyReference.printed("survey-replicate-deff.txt", what);
    }
}
