package org.smesurvey.stats.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smesurvey.stats.survey.SurveyReference.values;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smesurvey.stats.meta.Moderators;

/**
 * Balanced repeated replication, Fay's method and replicate weights read from a file, against survey 4.1.1
 * (stats/src/test/reference/survey-brr.R, which quotes every call) on a design of two units in each of 12 strata
 * made from survey's apistrat: {@code as.svrepdesign(type = "BRR")} and {@code type = "Fay", fay.rho = 0.3} with
 * Sylvester's matrix of order 16 passed to survey, and {@code svrepdesign(repweights, type = "Fay", rho = 0.3,
 * combined.weights = TRUE)} on the Fay weights written to a CSV file and read back here by {@link RespondentReader} —
 * the number of replicates, scale and degrees of freedom, {@code svymean}, {@code svyby(svymean)},
 * {@code svyratio} and {@code svyglm}. Tolerance 1e-10 relative (closed forms; the file's weights carry 15
 * significant digits, read the same by both).
 */
class BalancedReplicationTest {

    private static final double TOLERANCE = 1e-10;
    private static List<String[]> lines;
    private static Respondents data;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = BalancedReplicationTest.class.getResourceAsStream("survey-brr.txt")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(l -> l.split(";")).toList();
        }
        data = read("apistrat-brr.csv", RespondentReader.builder().weight("pw").strata("st").clusters("psu")
                .answers("yes").categories("stype").numbers("api00", "api99", "ell", "meals").build());
    }

    private static Respondents read(String resource, RespondentReader reader) throws IOException {
        Path file = Files.createTempFile("brr", ".csv");
        try (InputStream in = BalancedReplicationTest.class.getResourceAsStream(resource)) {
            Files.write(file, in.readAllBytes());
            return reader.read(file);
        } finally {
            Files.delete(file);
        }
    }

    private static String[] line(String kind, String design) {
        return lines.stream().filter(l -> l[0].equals(kind) && l[1].equals(design)).findFirst().orElseThrow();
    }

    private static void close(double[] expected, double[] actual, String what) {
        SurveyReference.close(expected, actual, TOLERANCE, what);
    }

    private static int[][] sylvester(int order) {
        int[][] h = {{1}};
        while (h.length < order) {
            int k = h.length;
            int[][] next = new int[2 * k][2 * k];
            for (int i = 0; i < 2 * k; i++) {
                for (int j = 0; j < 2 * k; j++) {
                    next[i][j] = h[i % k][j % k] * (i >= k && j >= k ? -1 : 1);
                }
            }
            h = next;
        }
        return h;
    }

    private static Map<String, ReplicateDesign> designs() throws IOException {
        SurveyDesign design = data.design();
        Map<String, ReplicateDesign> designs = new LinkedHashMap<>();
        designs.put("brr", ReplicateDesign.balancedRepeatedReplication(design, 0));
        designs.put("fay", ReplicateDesign.balancedRepeatedReplication(design, 0.3, sylvester(16)));
        String[] columns = IntStream.rangeClosed(1, 16).mapToObj(r -> "repw" + r).toArray(String[]::new);
        Respondents delivered = read("apistrat-fay-weights.csv", RespondentReader.builder().weight("pw")
                .numbers(columns).build());
        double[][] weights = Arrays.stream(columns).map(delivered::numbers).toArray(double[][]::new);
        double[] ones = new double[16];
        Arrays.fill(ones, 1);
        designs.put("file", ReplicateDesign.fromWeights(delivered.design(), weights, true, 1 / (16 * 0.7 * 0.7),
                ones));
        return designs;
    }

    @Test
    void halfSamplesAndDeliveredWeightsAreSurveys() throws IOException {
        int n = data.size();
        Moderators x = Moderators.builder(n).numeric("ell", data.numbers("ell")).numeric("meals", data.numbers("meals"))
                .build();
        int checked = 0;
        for (Map.Entry<String, ReplicateDesign> entry : designs().entrySet()) {
            String name = entry.getKey();
            ReplicateDesign design = entry.getValue();
            double[] replicates = values(line("REPLICATES", name)[2] + "," + line("REPLICATES", name)[3] + ","
                    + line("REPLICATES", name)[4]);
            assertEquals((int) replicates[0], design.replicates(), name + " replicates");
            assertEquals(replicates[1], design.scale(), TOLERANCE * replicates[1], name + " scale");
            assertEquals((int) replicates[2], design.degreesOfFreedom(), name + " degf");
            SurveyEstimator estimator = SurveyEstimator.of(design);
            SurveyEstimate mean = estimator.mean("api00", data.numbers("api00"));
            close(values(line("MEAN", name)[2]), new double[] {mean.estimate(), mean.standardError()}, name + " mean");
            List<SurveyEstimate> by = estimator.proportionBy(data.answers("yes"), data.categories("stype"));
            close(values(line("BY", name)[2]), by.stream().mapToDouble(SurveyEstimate::estimate).toArray(), name
                    + " by");
            close(values(line("BY", name)[3]), by.stream().mapToDouble(SurveyEstimate::standardError).toArray(), name
                    + " by se");
            SurveyEstimate ratio = estimator.ratio("api00 / api99", data.numbers("api00"), data.numbers("api99"));
            close(values(line("RATIO", name)[2]), new double[] {ratio.estimate(), ratio.standardError()}, name
                    + " ratio");
            SurveyRegression fit = estimator.regression(data.numbers("api00"), x, SurveyRegression.Family.GAUSSIAN);
            close(values(line("GLM", name)[2]), fit.coefficients().stream().mapToDouble(c -> c.estimate()).toArray(),
                    name + " coef");
            close(values(line("GLM", name)[3]), fit.coefficients().stream().mapToDouble(c -> c.standardError())
                    .toArray(), name + " se");
            checked++;
        }
        assertEquals(3, checked);
    }

    @Test
    void designsBrrCannotHalveAreRefused(@TempDir Path dir) {
        SurveyDesign three = SurveyDesign.builder(new double[] {1, 1, 1, 1, 1}).strata(new String[] {"a", "a", "a",
            "b", "b"}).clusters(new String[] {"1", "2", "3", "4", "5"}).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReplicateDesign.balancedRepeatedReplication(three, 0));
        assertTrue(e.getMessage().contains("stratum a has 3"), e.getMessage());
        SurveyDesign two = SurveyDesign.builder(new double[] {1, 1, 1, 1}).strata(new String[] {"a", "a", "b", "b"})
                .clusters(new String[] {"1", "2", "3", "4"}).build();
        assertThrows(IllegalArgumentException.class, () -> ReplicateDesign.balancedRepeatedReplication(two, 1));
        assertThrows(IllegalArgumentException.class, () -> ReplicateDesign.balancedRepeatedReplication(two, 0,
                new int[][] {{1, 1}, {1, -1}}));
        assertThrows(IllegalArgumentException.class, () -> ReplicateDesign.balancedRepeatedReplication(two, 0,
                new int[][] {{1, 1, 1, 1}, {1, 1, 1, 1}, {1, -1, 1, -1}, {1, 1, -1, -1}}));
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> ReplicateDesign
                .fromWeights(SurveyDesign.builder(new double[] {0, 1}).build(), new double[][] {{1, 1}, {0, 2}}, true,
                        0.5, new double[] {1, 1}));
        assertTrue(zero.getMessage().contains("Respondent 1 has weight 0"), zero.getMessage());
    }
}
