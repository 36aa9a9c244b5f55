package org.smesurvey.stats.survey;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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

    private static double[] indicator(List<CSVRecord> rows, String column, String level) {
        return rows.stream().mapToDouble(r -> r.get(column).equals(level) ? 1 : 0).toArray();
    }

    private static Map<String, Double> totals(Object... pairs) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int k = 0; k < pairs.length; k += 2) {
            map.put((String) pairs[k], ((Number) pairs[k + 1]).doubleValue());
        }
        return map;
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
}
