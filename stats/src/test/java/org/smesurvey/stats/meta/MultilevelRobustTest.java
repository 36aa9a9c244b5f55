package org.smesurvey.stats.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cluster-robust inference on three-level fits against metafor 3.8.1 and clubSandwich 0.5.8
 * (stats/src/test/reference/metafor-robust.R):
 * {@code res <- rma.mv(yi, vi, mods, random = ~ 1 | cluster/estimate, data = d, method = "REML")}, then
 * {@code robust(res, cluster = cluster, adjust = TRUE)} (CR1) and
 * {@code clubSandwich::coef_test(res, vcov = "CR2", cluster = d$cluster)} with {@code conf_int} (CR2, Satterthwaite)
 * on dat.konstantopoulos2011 ({@code mods = ~ c}, c = year - 1990, clusters the districts), the same with a dummy
 * for district 58 alone and one for districts 11 and 12 ({@code mods = ~ c + one + two}), and the adoption model's
 * design (292 figures in 56 studies, 40 moderator columns). R's fits are its likelihood maximised further than
 * nlminb stops (the script's TIGHT fits, as metafor-multilevel.R), so that both sides are at the maximum: 1e-8.
 */
class MultilevelRobustTest {

    private static final double TOLERANCE = 1e-8;
    private static List<String[]> lines;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = MultilevelRobustTest.class.getResourceAsStream("metafor-robust.txt")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(l -> l.split(";")).toList();
        }
    }

    /** A design: effect sizes, each one's cluster, and the moderators. */
    record Design(EffectSizes studies, String[] clusters, Moderators moderators) {

        MultilevelResult fit() {
            return MetaAnalysis.withDefaults().multilevel(studies, clusters, moderators);
        }
    }

    private static List<String[]> rows(String resource) throws IOException {
        try (InputStream in = MultilevelRobustTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(l -> l.split(",")).toList();
        }
    }

    /** The adoption model's design as AdoptionModel built it on the bundled catalogue (adoption-like-design.csv). */
    static Design adoption() throws IOException {
        List<String[]> all = rows("adoption-like-design.csv");
        String[] header = all.get(0);
        List<String[]> rows = all.subList(1, all.size());
        int k = rows.size();
        Moderators.Builder b = Moderators.builder(k);
        for (int c = 3; c < header.length; c++) {
            int column = c;
            b.numeric(header[c], rows.stream().mapToDouble(r -> Double.parseDouble(r[column])).toArray());
        }
        return new Design(EffectSizes.of(rows.stream().mapToDouble(r -> Double.parseDouble(r[1])).toArray(),
                rows.stream().mapToDouble(r -> Double.parseDouble(r[2])).toArray(),
                IntStream.range(0, k).mapToObj(i -> "figure " + i).toList()),
                rows.stream().map(r -> r[0]).toArray(String[]::new), b.build());
    }

    /** dat.konstantopoulos2011 with c = year - 1990 and, with {@code dummies}, 'one' (district 58) and 'two' (11, 12). */
    static Design konstantopoulos(boolean dummies) throws IOException {
        List<String[]> rows = rows("konstantopoulos2011.csv").stream().skip(1).toList();
        String[] district = rows.stream().map(r -> r[0]).toArray(String[]::new);
        Moderators.Builder b = Moderators.builder(rows.size())
                .numeric("c", rows.stream().mapToDouble(r -> Double.parseDouble(r[2]) - 1990).toArray());
        if (dummies) {
            b.numeric("one", Arrays.stream(district).mapToDouble(d -> d.equals("58") ? 1 : 0).toArray())
                    .numeric("two", Arrays.stream(district).mapToDouble(d -> d.equals("11") || d.equals("12") ? 1 : 0)
                            .toArray());
        }
        return new Design(EffectSizes.of(rows.stream().mapToDouble(r -> Double.parseDouble(r[3])).toArray(),
                rows.stream().mapToDouble(r -> Double.parseDouble(r[4])).toArray(),
                rows.stream().map(r -> "school " + r[0] + "." + r[1]).toList()), district, b.build());
    }

    private static Design design(String name) throws IOException {
        return switch (name) {
            case "KONSTANTOPOULOS" -> konstantopoulos(false);
            case "SINGLE" -> konstantopoulos(true);
            default -> adoption();
        };
    }

    private static double[] numbers(String field) {
        return Arrays.stream(field.split(",")).mapToDouble(s -> s.equals("NA") ? Double.NaN : Double.parseDouble(s))
                .toArray();
    }

    private static void close(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + " length");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], TOLERANCE * Math.max(1, Math.abs(expected[i])), what + " [" + i + "]");
        }
    }

    private static double[] column(List<Coefficient> coefficients, java.util.function.ToDoubleFunction<Coefficient> f) {
        return coefficients.stream().mapToDouble(f).toArray();
    }

    /**
     * The adoption model's fit: 40 moderator columns, several of them dummies carried by one or two of the 56
     * studies. {@code robust} used to throw commons-math's SingularMatrixException from the moderators' F test:
     * the robust covariance of the moderators has rank 34 of 40 (a column carried by one study has a score that
     * sums to zero in that study, so the sandwich's meat is singular), and metafor reports {@code QM = NA}.
     */
    @Test
    void theAdoptionFitNoLongerThrows() throws IOException {
        Design d = adoption();
        MultilevelResult r = d.fit();
        for (RobustVariance variance : RobustVariance.values()) {
            MultilevelResult.Robust robust = r.robust(d.clusters(), variance);
            assertTrue(robust.moderatorTest().isEmpty(), variance + ": no F test on a singular covariance");
            assertEquals(List.of("m12"), robust.singleClusterCoefficients(), variance + " m12 is one study's");
            assertEquals(56, robust.clusters());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"KONSTANTOPOULOS", "SINGLE", "ADOPTION"})
    void agreesWithMetaforAndClubSandwich(String name) throws IOException {
        String[] l = lines.stream().filter(x -> x[0].equals(name)).findFirst().orElseThrow();
        Design d = design(name);
        MultilevelResult r = d.fit();
        close(numbers(l[1]), new double[] {r.clusterVariance(), r.estimateVariance()}, name + " sigma2");
        close(numbers(l[2]), column(r.coefficients(), Coefficient::estimate), name + " beta");

        MultilevelResult.Robust cr1 = r.robust(d.clusters());
        assertEquals(RobustVariance.CR1, cr1.variance());
        List<Coefficient> c1 = cr1.coefficients();
        close(numbers(l[3]), column(c1, Coefficient::standardError), name + " CR1 se");
        close(numbers(l[4]), column(c1, Coefficient::statistic), name + " CR1 t");
        close(numbers(l[5]), column(c1, Coefficient::pValue), name + " CR1 p");
        close(numbers(l[6]), column(c1, Coefficient::lower), name + " CR1 ci.lb");
        close(numbers(l[7]), column(c1, Coefficient::upper), name + " CR1 ci.ub");
        for (int j = 0; j < c1.size(); j++) {
            assertEquals(numbers(l[8])[0], cr1.degreesOfFreedom(j), name + " CR1 dfs");
        }
        double[] qm = numbers(l[9]);
        if (Double.isNaN(qm[0])) {
            assertTrue(cr1.moderatorTest().isEmpty(), name + " no robust QM, as metafor");
        } else {
            close(qm, new double[] {cr1.moderatorTest().orElseThrow().statistic(),
                cr1.moderatorTest().orElseThrow().pValue()}, name + " CR1 QM, QMp");
        }

        MultilevelResult.Robust cr2 = r.robust(d.clusters(), RobustVariance.CR2);
        List<Coefficient> c2 = cr2.coefficients();
        double[][] v = cr2.covariance();
        close(numbers(l[10]), Arrays.stream(v).flatMapToDouble(Arrays::stream).toArray(), name + " CR2 vcovCR");
        close(numbers(l[11]), column(c2, Coefficient::standardError), name + " CR2 SE");
        close(numbers(l[12]), column(c2, Coefficient::statistic), name + " CR2 tstat");
        close(numbers(l[13]), IntStream.range(0, c2.size()).mapToDouble(cr2::degreesOfFreedom).toArray(),
                name + " CR2 df_Satt");
        close(numbers(l[14]), column(c2, Coefficient::pValue), name + " CR2 p_Satt");
        close(numbers(l[15]), column(c2, Coefficient::lower), name + " CR2 CI_L");
        close(numbers(l[16]), column(c2, Coefficient::upper), name + " CR2 CI_U");
        assertTrue(cr2.moderatorTest().isEmpty(), "no F test under CR2");
        if (name.equals("SINGLE")) {
            assertEquals(List.of("one"), cr1.singleClusterCoefficients());
        } else if (name.equals("KONSTANTOPOULOS")) {
            assertTrue(cr2.singleClusterCoefficients().isEmpty());
        }
    }

    @Test
    void refusesWhatItCannotCompute() throws IOException {
        Design d = konstantopoulos(false);
        MultilevelResult r = d.fit();
        String[] schools = IntStream.range(0, d.studies().size()).mapToObj(d.studies()::label).toArray(String[]::new);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> r.robust(schools, RobustVariance.CR2))
                .getMessage().contains("CR2 needs the model's clusters nested in the robust ones"));
        assertEquals("There are 2 clusters for 56 estimates", assertThrows(IllegalArgumentException.class,
                () -> r.robust(new String[] {"a", "b"}, RobustVariance.CR2)).getMessage());
        String[] two = Arrays.stream(d.clusters()).map(c -> c.equals("11") ? "x" : "y").toArray(String[]::new);
        assertEquals("Robust inference needs more clusters (2) than coefficients (2)", assertThrows(
                IllegalArgumentException.class, () -> r.robust(two, RobustVariance.CR1)).getMessage());
        assertThrows(NullPointerException.class, () -> r.robust(d.clusters(), null));
    }
}
