package org.smesurvey.stats.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Profile-likelihood intervals of the variance components, their profiles and the multilevel I² of each level,
 * against metafor 3.8.1 (stats/src/test/reference/metafor-profile.R): {@code confint(res)} and
 * {@code profile(res, sigma2 = j)} of {@code rma.mv} fits on dat.konstantopoulos2011
 * ({@code random = ~ 1 | district/school}, REML and ML, without and with the year), on the same data with each
 * district's mean taken out (the districts' variance at 0) and on the crossed data of metafor-crossed.R
 * ({@code random = list(~ 1 | country, ~ 1 | study/figure)}, with moderators).
 *
 * <p>metafor's {@code confint} finds each bound with {@code uniroot} at its default tolerance,
 * {@code .Machine$double.eps^0.25} (1.2e-4) on σ², on profiles whose inner fits nlminb stops at a relative 1e-10.
 * So each bound is checked twice: at 1e-8 against the roots solved tightly in R (the TIGHT lines:
 * {@code uniroot(tol = 1e-12)} on the profile from {@code rma.mv} with the component fixed, the other maximised by
 * {@code optimize(tol = 1e-12)}), and within metafor's tolerance, 1.3e-4, against its own {@code confint}; the
 * bounds agree with the tight roots to 1e-10. Under R 4.5 and metafor 4.8 the script gives the same bounds (to 8e-13
 * for metafor's, 1e-14 for the tight ones) and this test passes on its output too (reference/README.md).
 */
class MultilevelProfileTest {

    /** Against the tight roots and profiles. */
    private static final double TIGHT = 1e-8;
    /** metafor's uniroot tolerance, .Machine$double.eps^0.25 = 1.22e-4, and a little for its inner fits. */
    private static final double METAFOR_ROOT = 1.3e-4;
    /** metafor's own profile: its inner fits stop at nlminb's relative 1e-10 of the likelihood. */
    private static final double METAFOR_PROFILE = 1e-7;
    private static List<String[]> lines;
    private static Map<String, List<String>> printed;
    private static final Map<String, MultilevelResult> FITS = new LinkedHashMap<>();

    @BeforeAll
    static void load() throws IOException {
        lines = read("metafor-profile.txt").lines().map(l -> l.split(";")).toList();
        printed = new LinkedHashMap<>();
        String name = null;
        for (String line : read("metafor-profile-print.txt").split("\n", -1)) {
            if (line.startsWith("### ")) {
                name = line.substring(4);
                printed.put(name, new ArrayList<>());
            } else if (name != null) {
                printed.get(name).add(line.stripTrailing());
            }
        }
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = MultilevelProfileTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The fit of a data set, method and model, as metafor-profile.R fits it. */
    static synchronized MultilevelResult fit(String set, String method, String model) {
        return FITS.computeIfAbsent(set + " " + method + " " + model, key -> {
            try {
                MetaAnalysis analysis = MetaAnalysis.withDefaults().withEstimator(Tau2Estimator.valueOf(method));
                if (set.equals("crossed")) {
                    List<String[]> rows = read("/org/smesurvey/stats/internal/crossed.csv").lines().skip(1)
                            .map(l -> l.split(",")).toList();
                    int k = rows.size();
                    EffectSizes studies = EffectSizes.of(rows.stream().mapToDouble(r -> Double.parseDouble(r[0]))
                            .toArray(), rows.stream().mapToDouble(r -> Double.parseDouble(r[1])).toArray(),
                            IntStream.range(0, k).mapToObj(i -> "figure " + (i + 1)).toList());
                    Moderators moderators = Moderators.builder(k).numeric("year", rows.stream()
                            .mapToDouble(r -> Double.parseDouble(r[4])).toArray()).numeric("size", rows.stream()
                            .mapToDouble(r -> Double.parseDouble(r[5])).toArray())
                            .factor("ind", rows.stream().map(r -> r[6]).toArray(String[]::new)).build();
                    return analysis.multilevel(studies, rows.stream().map(r -> r[2]).toArray(String[]::new),
                            moderators, CrossedFactor.of("country", rows.stream().map(r -> r[3])
                                    .toArray(String[]::new)));
                }
                List<String[]> rows = read(set.equals("flat") ? "konstantopoulos-flat.csv" : "konstantopoulos2011.csv")
                        .lines().skip(1).map(l -> l.split(",")).toList();
                EffectSizes studies = EffectSizes.of(rows.stream().mapToDouble(r -> Double.parseDouble(r[3])).toArray(),
                        rows.stream().mapToDouble(r -> Double.parseDouble(r[4])).toArray(),
                        rows.stream().map(r -> "school " + r[0] + "." + r[1]).toList());
                String[] districts = rows.stream().map(r -> r[0]).toArray(String[]::new);
                if (model.equals("intercept")) {
                    return analysis.multilevel(studies, districts);
                }
                double[] year = rows.stream().mapToDouble(r -> Double.parseDouble(r[2]) - 1990).toArray();
                return analysis.multilevel(studies, districts, Moderators.builder(year.length).numeric("c", year)
                        .build());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private static double[] numbers(String field) {
        return Arrays.stream(field.split(",")).mapToDouble(Double::parseDouble).toArray();
    }

    private static void close(double expected, double actual, double tolerance, String what) {
        assertEquals(expected, actual, tolerance * Math.max(1, Math.abs(expected)), what);
    }

    static Stream<String> intervals() {
        return lines.stream().filter(l -> l[0].equals("CONFINT") && l[1].equals("TIGHT"))
                .map(l -> String.join(" ", l[2], l[3], l[4], l[5]));
    }

    private static String[] line(String... key) {
        return lines.stream().filter(l -> Arrays.equals(Arrays.copyOfRange(l, 0, key.length), key)).findFirst()
                .orElseThrow(() -> new AssertionError("No line " + Arrays.toString(key)));
    }

    /**
     * Each bound against the tight roots, at 1e-8, and against metafor's {@code confint(res)} within its uniroot
     * tolerance; the estimates against metafor's at its nlminb precision (MultilevelTest's METAFOR tolerance).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("intervals")
    void boundsAreTheRootsOfTheProfile(String key) {
        String[] k = key.split(" ");
        int j = Integer.parseInt(k[3]) - 1;
        VarianceInterval interval = fit(k[0], k[1], k[2]).varianceInterval(j);
        double[] tight = numbers(line("CONFINT", "TIGHT", k[0], k[1], k[2], k[3])[6]);
        double[] tightSd = numbers(line("CONFINT", "TIGHT", k[0], k[1], k[2], k[3])[7]);
        double[] metafor = numbers(line("CONFINT", "METAFOR", k[0], k[1], k[2], k[3])[6]);
        assertEquals("sigma^2." + (j + 1), interval.name());
        assertEquals(0.95, interval.variance().level());
        close(tight[0], interval.variance().estimate(), TIGHT, key + " estimate");
        close(tight[1], interval.variance().lower(), TIGHT, key + " ci.lb");
        close(tight[2], interval.variance().upper(), TIGHT, key + " ci.ub");
        close(tightSd[0], interval.standardDeviation().estimate(), TIGHT, key + " sigma");
        close(tightSd[1], interval.standardDeviation().lower(), TIGHT, key + " sigma ci.lb");
        close(tightSd[2], interval.standardDeviation().upper(), TIGHT, key + " sigma ci.ub");
        close(metafor[0], interval.variance().estimate(), 1e-6, key + " metafor's estimate");
        assertEquals(metafor[1], interval.variance().lower(), METAFOR_ROOT, key + " metafor's ci.lb");
        assertEquals(metafor[2], interval.variance().upper(), METAFOR_ROOT, key + " metafor's ci.ub");
    }

    /** The districts' variance of the flat data is at 0, and so is its lower bound, as metafor reports it. */
    @Test
    void aComponentAtZeroHasItsLowerBoundAtZero() {
        for (String method : List.of("REML", "ML")) {
            MultilevelResult r = fit("flat", method, "intercept");
            assertEquals(0.0, r.clusterVariance(), method);
            VarianceInterval interval = r.varianceInterval(0);
            assertEquals(0.0, interval.variance().lower(), method);
            assertEquals(0.0, interval.standardDeviation().lower(), method);
            assertEquals(0.0, numbers(line("CONFINT", "METAFOR", "flat", method, "intercept", "1")[6])[1], method);
            assertTrue(interval.variance().upper() > 0, method);
        }
    }

    @Test
    void allComponentsInMetaforsOrder() {
        MultilevelResult r = fit("crossed", "REML", "year+size+ind");
        List<VarianceInterval> all = r.varianceIntervals();
        assertEquals(List.of("sigma^2.1", "sigma^2.2", "sigma^2.3"), all.stream().map(VarianceInterval::name).toList());
        assertEquals(List.of("country", "cluster", "cluster/estimate"), all.stream().map(VarianceInterval::factor)
                .toList());
        for (int j = 0; j < 3; j++) {
            assertEquals(r.varianceInterval(j), all.get(j));
        }
    }

    static Stream<String> profiles() {
        return lines.stream().filter(l -> l[0].equals("PROFILE") && l[1].equals("TIGHT"))
                .map(l -> String.join(" ", l[2], l[3], l[4], l[5]));
    }

    /**
     * metafor's default grid (20 values from max(0, σ̂²/4) to max(0.1, 4σ̂²), R's seq) and the profiled likelihood on
     * it. metafor's grid rests on its own σ̂², within nlminb's precision (1e-6) of the tight one, and the profile moves
     * by its slope times that; so the grid is checked at that precision, and the likelihood at metafor's very grid:
     * at 1e-8 against the tight profile, within nlminb's precision against metafor's own.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void profileOnMetaforsGrid(String key) {
        String[] k = key.split(" ");
        int j = Integer.parseInt(k[3]) - 1;
        MultilevelResult r = fit(k[0], k[1], k[2]);
        String[] tight = line("PROFILE", "TIGHT", k[0], k[1], k[2], k[3]);
        String[] metafor = line("PROFILE", "METAFOR", k[0], k[1], k[2], k[3]);
        double[] grid = numbers(tight[6]);
        double[] ll = numbers(tight[7]);
        double[] metaforLl = numbers(metafor[7]);
        LikelihoodProfile own = r.profile(j);
        assertEquals(grid.length, own.points().size());
        for (int i = 0; i < grid.length; i++) {
            close(grid[i], own.points().get(i).value(), 1e-6, key + " value " + i);
        }
        LikelihoodProfile profile = r.profile(j, grid);
        for (int i = 0; i < grid.length; i++) {
            LikelihoodProfile.Point p = profile.points().get(i);
            assertEquals(grid[i], p.value(), key + " value " + i);
            close(ll[i], p.logLikelihood(), TIGHT, key + " logLik " + i);
            close(metaforLl[i], p.logLikelihood(), METAFOR_PROFILE, key + " metafor's logLik " + i);
        }
        close(numbers(tight[8])[0], profile.maximum(), TIGHT, key + " maximum");
        assertEquals(r.sigma2()[j], profile.estimate());
        assertEquals(k[1].equals("REML"), profile.restricted());
        // qchisq(0.95, 1) in R 4.2.2: 3.8414588206941236
        assertEquals(profile.maximum() - 3.8414588206941236 / 2, profile.threshold(), 1e-12);
    }

    /** The profile at an interval's bounds is at the threshold, and at given values as asked. */
    @Test
    void profileAtTheBoundsIsAtTheThreshold() {
        MultilevelResult r = fit("konstantopoulos", "REML", "intercept");
        VarianceInterval interval = r.varianceInterval(1);
        LikelihoodProfile profile = r.profile(1, interval.variance().lower(), interval.variance().upper());
        assertEquals(2, profile.points().size());
        for (LikelihoodProfile.Point p : profile.points()) {
            assertEquals(profile.threshold(), p.logLikelihood(), 1e-9);
        }
        assertEquals("sigma^2.2", profile.name());
        assertEquals("cluster/estimate", profile.factor());
        // Held at its estimate, the component's profile is the fit's maximum.
        assertEquals(profile.maximum(), r.profile(1, r.estimateVariance()).points().get(0).logLikelihood(), 1e-10);
    }

    /**
     * The website's multilevel I² ("I^2 for multilevel and multivariate models"; Cheung 2014), computed in R at the
     * tight components: the typical sampling variance (k − p)/tr P is closed-form (1e-10), the shares follow the
     * components (1e-8).
     */
    @ParameterizedTest(name = "{0} {1}")
    @org.junit.jupiter.params.provider.CsvSource({"REML, intercept", "ML, intercept", "REML, year"})
    void i2OfEachLevel(String method, String model) {
        MultilevelResult r = fit("konstantopoulos", method, model);
        String[] l = line("I2", "konstantopoulos", method, model);
        close(numbers(l[5])[0], r.typicalSamplingVariance(), 1e-10, "typical v");
        close(numbers(l[6])[0], r.i2(), TIGHT, "I2 total");
        double[] levels = numbers(l[7]);
        close(levels[0], r.i2(0), TIGHT, "I2 districts");
        close(levels[1], r.i2(1), TIGHT, "I2 schools");
        assertEquals(r.i2(0), r.clusterI2());
        assertEquals(r.i2(1), r.estimateI2());
        assertEquals(r.i2(), r.clusterI2() + r.estimateI2(), 1e-12);
    }

    @Test
    void crossedI2IsItsComponentsShare() {
        MultilevelResult r = fit("crossed", "REML", "year+size+ind");
        assertEquals(r.i2(0), r.crossedI2("country"));
        assertEquals(r.i2(), r.i2(0) + r.clusterI2() + r.estimateI2(), 1e-12);
        assertEquals(100 * r.crossedVariance("country") / (r.tau2() + r.typicalSamplingVariance()),
                r.crossedI2("country"), 1e-12);
    }

    /** The interval prints as metafor's print(confint(res)) prints it (here with the tight bounds put in). */
    @Test
    void printsAsMetafor() {
        MultilevelResult r = fit("konstantopoulos", "REML", "intercept");
        for (int j = 0; j < 2; j++) {
            List<String> expected = printed.get("konstantopoulos REML intercept " + (j + 1) + " tight");
            List<String> actual = r.varianceInterval(j).summary().lines().map(String::stripTrailing).toList();
            assertEquals(expected.subList(0, actual.size()), actual);
        }
    }

    @Test
    void refusesWhatIsNotAComponentOrAValue() {
        MultilevelResult r = fit("konstantopoulos", "REML", "intercept");
        assertThrows(IndexOutOfBoundsException.class, () -> r.varianceInterval(2));
        assertThrows(IndexOutOfBoundsException.class, () -> r.profile(-1));
        assertThrows(IndexOutOfBoundsException.class, () -> r.i2(2));
        assertEquals("A variance component's value is not finite and 0 or more: -0.1", assertThrows(
                IllegalArgumentException.class, () -> r.profile(0, -0.1)).getMessage());
        assertEquals("A variance component's value is not finite and 0 or more: NaN", assertThrows(
                IllegalArgumentException.class, () -> r.profile(0, Double.NaN)).getMessage());
        assertEquals("A profile needs at least one value of the component", assertThrows(
                IllegalArgumentException.class, () -> r.profile(0, new double[0])).getMessage());
        assertThrows(IllegalArgumentException.class, () -> r.crossedI2("country"));
    }
}
