package org.smesurvey.stats.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smesurvey.stats.internal.Distributions;

/**
 * The crossed random effects of {@link MetaAnalysis#multilevel(EffectSizes, String[], Moderators, CrossedFactor...)}
 * against metafor 3.8.1 and clubSandwich 0.5.8 (R 4.2.2), stats/src/test/reference/metafor-crossed.R, on its 240
 * simulated logits in 60 studies and 12 countries (every tenth study spanning several countries):
 * <pre>
 * res &lt;- rma.mv(yi, vi, mods = ~ year + size + ind, random = list(~ 1 | country, ~ 1 | study/figure), data = d,
 *               method = "REML")   # and "ML"
 * </pre>
 * metafor's nlminb stops about 1e-7 from the maximum, so the script maximises the same likelihood, written densely,
 * to a gradient below 1e-9 (the TIGHT lines), and every other value is metafor's on
 * {@code fixed <- rma.mv(..., sigma2 = s)} at those components (the API_REML and API_ML lines: {@code fixed$QE},
 * {@code fixed$QM}, {@code fitstats}, {@code weights(fixed)}, {@code rstandard(fixed)$z},
 * {@code predict(fixed, newmods = c(3, 0.5, 1, 0))}, {@code ranef(fixed)}, {@code robust(fixed, cluster = d$study,
 * adjust = TRUE)}) or, for a prediction in a named country, Henderson's mixed-model equations solved densely; all
 * at 1e-8. The layout is metafor's {@code print(res)} line by line (metafor-crossed-print.txt).
 */
class MultilevelCrossedTest {

    private static final double TIGHT = 1e-8;
    private static final double[] NEW_ROW = {3, 0.5, 1, 0};
    private static Map<String, double[][]> reference;
    private static Map<String, List<String>> printed;
    private static EffectSizes studies;
    private static String[] study;
    private static String[] country;
    private static Moderators moderators;

    @BeforeAll
    static void load() throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = MultilevelCrossedTest.class.getResourceAsStream("/org/smesurvey/stats/internal/crossed.csv")) {
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).forEach(l -> rows.add(l.split(",")));
        }
        int k = rows.size();
        studies = EffectSizes.of(rows.stream().mapToDouble(r -> Double.parseDouble(r[0])).toArray(),
                rows.stream().mapToDouble(r -> Double.parseDouble(r[1])).toArray(),
                IntStream.range(0, k).mapToObj(i -> "figure " + (i + 1)).toList());
        study = rows.stream().map(r -> r[2]).toArray(String[]::new);
        country = rows.stream().map(r -> r[3]).toArray(String[]::new);
        moderators = Moderators.builder(k).numeric("year", rows.stream().mapToDouble(r -> Double.parseDouble(r[4]))
                .toArray()).numeric("size", rows.stream().mapToDouble(r -> Double.parseDouble(r[5])).toArray())
                .factor("ind", rows.stream().map(r -> r[6]).toArray(String[]::new)).build();
        reference = new HashMap<>();
        try (InputStream in = MultilevelCrossedTest.class.getResourceAsStream("/org/smesurvey/stats/internal/crossed.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] parts = line.trim().split(";");
                int start = parts[0].equals("REML") || parts[0].equals("ML") ? 2 : 1;
                String key = start == 2 ? parts[0] + " " + parts[1] : parts[0];
                reference.put(key, Arrays.stream(parts, start, parts.length)
                        .map(p -> Arrays.stream(p.split(",")).mapToDouble(Double::parseDouble).toArray())
                        .toArray(double[][]::new));
            }
        }
        printed = new LinkedHashMap<>();
        try (InputStream in = MultilevelCrossedTest.class.getResourceAsStream("metafor-crossed-print.txt")) {
            String name = null;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1)) {
                if (line.startsWith("### ")) {
                    name = line.substring(4);
                    printed.put(name, new ArrayList<>());
                } else if (name != null) {
                    printed.get(name).add(line.stripTrailing());
                }
            }
        }
    }

    private static MetaAnalysis analysis(String method) {
        return MetaAnalysis.withDefaults().withEstimator(Tau2Estimator.valueOf(method));
    }

    private static MultilevelResult fit(String method) {
        return analysis(method).multilevel(studies, study, moderators, CrossedFactor.of("country", country));
    }

    private static void close(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + " length");
        for (int i = 0; i < expected.length; i++) {
            close(expected[i], actual[i], what + " [" + i + "]");
        }
    }

    private static void close(double expected, double actual, String what) {
        assertEquals(expected, actual, TIGHT * Math.max(1, Math.abs(expected)), what);
    }

    /** Our levels in metafor's order (ranef sorts them): the countries are 1 to 12, their names those numbers. */
    private static double[] sortedByCountry(MultilevelResult r, double[] values) {
        double[] sorted = new double[values.length];
        List<String> levels = r.crossedLevels("country");
        for (int l = 0; l < values.length; l++) {
            sorted[Integer.parseInt(levels.get(l)) - 1] = values[l];
        }
        return sorted;
    }

    @ParameterizedTest
    @ValueSource(strings = {"REML", "ML"})
    void agreesWithRmaMvAtItsMaximum(String method) {
        MultilevelResult r = fit(method);
        double[][] tight = reference.get(method + " TIGHT");
        double[][] api = reference.get("API_" + method);
        close(tight[0], r.sigma2(), method + " sigma2 (country, study, study/figure)");
        close(tight[0][0], r.crossedVariance("country"), method + " country");
        close(tight[0][1], r.clusterVariance(), method + " study");
        close(tight[0][2], r.estimateVariance(), method + " figure");
        close(tight[0][0] + tight[0][1] + tight[0][2], r.tau2(), method + " total");
        // metafor's own estimates stop at its default tolerance, within 1e-7 of the maximum.
        double[] metafor = reference.get(method + " METAFOR")[0];
        for (int j = 0; j < metafor.length; j++) {
            assertEquals(metafor[j], r.sigma2()[j], 1e-7, method + " metafor's sigma2 " + j);
        }
        List<Coefficient> coefficients = r.coefficients();
        assertEquals(List.of("intrcpt", "year", "size", "indb", "indc"),
                coefficients.stream().map(Coefficient::name).toList());
        int p = coefficients.size();
        double[] vcov = tight[3];
        for (int a = 0; a < p; a++) {
            close(tight[1][a], coefficients.get(a).estimate(), method + " beta " + a);
            close(Math.sqrt(vcov[a * p + a]), coefficients.get(a).standardError(), method + " se " + a);
            for (int b = 0; b < p; b++) {
                // the variance of beta_a + beta_b
                close(vcov[a * p + a] + vcov[b * p + b] + 2 * vcov[a * p + b], r.covariance(sum(a, b, p)),
                        method + " vcov " + a + ", " + b);
            }
        }
        close(tight[2][0], r.fitStatistics().logLikelihood(), method + " logLik");
        close(api[0][0], r.heterogeneityTest().statistic(), method + " QE");
        close(api[1][0], r.moderatorTest().orElseThrow().statistic(), method + " QM");
        close(api[1][1], r.moderatorTest().orElseThrow().pValue(), method + " QMp");
        for (boolean restricted : new boolean[] {false, true}) {
            FitStatistics s = r.fitStatistics(restricted);
            close(api[restricted ? 3 : 2], new double[] {s.logLikelihood(), s.deviance(), s.aic(), s.bic(), s.aicc()},
                    method + " fitstats REML = " + restricted);
        }
        close(api[4], IntStream.range(0, r.k()).mapToDouble(r::weight).toArray(), method + " weights");
        close(api[5], r.standardisedResiduals(), method + " rstandard");
        Prediction predicted = r.predict(NEW_ROW);
        close(api[6], new double[] {predicted.confidence().estimate(), predicted.standardError(), predicted.confidence().lower(),
            predicted.confidence().upper(), predicted.prediction().lower(), predicted.prediction().upper()}, method + " predict");
        close(api[7], sortedByCountry(r, r.crossedEffects("country")), method + " ranef country");
        close(api[8], sortedByCountry(r, r.crossedEffectStandardErrors("country")), method + " ranef country se");
        close(api[9], r.clusterEffects(), method + " ranef study");
        close(api[10], r.clusterEffectStandardErrors(), method + " ranef study se");
        close(api[11], r.estimateEffects(), method + " ranef study/figure");
        close(api[12], r.estimateEffectStandardErrors(), method + " ranef study/figure se");
        MultilevelResult.Robust robust = r.robust(study);
        close(api[13], robust.coefficients().stream().mapToDouble(Coefficient::standardError).toArray(),
                method + " robust se");
        close(api[14][0], robust.moderatorTest().orElseThrow().statistic(), method + " robust QM");
        close(api[14][1], robust.moderatorTest().orElseThrow().pValue(), method + " robust QMp");
        assertEquals(api[14][2], robust.degreesOfFreedom(0), method + " robust dfs");
        assertEquals(List.of("country"), r.crossedFactors());
        assertEquals(12, r.crossedLevels("country").size());
        assertEquals(60, r.clusters());
    }

    /** The weights of \( β_a + β_b \). */
    private static double[] sum(int a, int b, int p) {
        double[] g = new double[p];
        g[a] += 1;
        g[b] += 1;
        return g;
    }

    /**
     * A new figure in country 4, and in a country the data lack, by Henderson's mixed-model equations written
     * densely in R (the PREDICT values of each method's API line): the mean with the country's BLUP and its prediction
     * error variance; in a new country the fixed part with the country's variance added. The prediction interval adds
     * the study's and the figure's variances: in a new country it is metafor's {@code predict(fixed, newmods)}'s.
     */
    @ParameterizedTest
    @ValueSource(strings = {"REML", "ML"})
    void predictsInANamedCountryAndInOneTheDataLack(String method) {
        MultilevelResult r = fit(method);
        double[] s = reference.get(method + " TIGHT")[0];
        double[] henderson = reference.get("API_" + method)[15];
        double z = Distributions.z(0.95);
        Prediction known = r.predict(Map.of("country", "4"), NEW_ROW);
        close(henderson[0], known.confidence().estimate(), method + " mean in country 4");
        close(henderson[1], known.standardError() * known.standardError(), method + " its prediction error variance");
        close(henderson[0] - z * Math.sqrt(henderson[1]), known.confidence().lower(), method + " ci.lb");
        close(henderson[0] + z * Math.sqrt(henderson[1] + s[1] + s[2]), known.prediction().upper(), method + " pi.ub");
        Prediction lacking = r.predict(Map.of("country", "Atlantis"), NEW_ROW);
        close(henderson[2], lacking.confidence().estimate(), method + " mean in a new country");
        close(henderson[3] - s[0], lacking.standardError() * lacking.standardError(), method + " x0'Bx0");
        double[] metafor = reference.get("API_" + method)[6];
        close(metafor[4], lacking.prediction().lower(), method + " pi.lb as metafor's predict");
        close(metafor[5], lacking.prediction().upper(), method + " pi.ub as metafor's predict");
        assertEquals(r.predict(NEW_ROW), r.predict(Map.of(), NEW_ROW), "no factor named: metafor's predict");
        Map<String, String> notApplying = new HashMap<>();
        notApplying.put("country", null);
        Prediction none = r.predict(notApplying, NEW_ROW);
        close(henderson[2], none.confidence().estimate(),
                method + " no country: the fixed part");
        close(henderson[2] + z * Math.sqrt(henderson[3] - s[0] + s[1] + s[2]), none.prediction().upper(),
                method + " no country: no country variance");
    }

    @ParameterizedTest
    @ValueSource(strings = {"crossed_mods", "crossed", "nested_mods_ml"})
    void printsAsMetafor(String name) {
        MultilevelResult r = switch (name) {
            case "crossed_mods" -> fit("REML");
            case "crossed" -> MetaAnalysis.withDefaults().multilevel(studies, study, CrossedFactor.of("country", country));
            default -> analysis("ML").multilevel(studies, study, moderators);
        };
        List<String> expected = new ArrayList<>(printed.get(name));
        List<String> ours = new ArrayList<>(Arrays.stream(r.summary().split("\n", -1)).map(String::stripTrailing).toList());
        while (expected.get(expected.size() - 1).isEmpty()) {
            expected.remove(expected.size() - 1);
        }
        while (ours.get(ours.size() - 1).isEmpty()) {
            ours.remove(ours.size() - 1);
        }
        assertEquals(String.join("\n", expected), String.join("\n", ours));
    }

    /**
     * A crossed factor nested in the robust clusters, where CR2 applies: 'team', a country within one of 12 groups of
     * five studies, {@code rma.mv(yi, vi, mods = ~ year + size + ind, random = list(~ 1 | team, ~ 1 | study/figure))}
     * at its tight maximum, then clubSandwich's {@code vcovCR(fixed, cluster = group, type = "CR2")},
     * {@code coef_test(fixed, vcov = v2, test = "Satterthwaite")}, {@code conf_int(...)} and metafor's
     * {@code robust(fixed, cluster = group, adjust = TRUE)} (the NESTED_CR2 line).
     */
    @Test
    void cr2AgreesWithClubSandwichWhenTheCrossedFactorIsNestedInTheClusters() {
        String[] group = Arrays.stream(study).map(s -> Integer.toString((Integer.parseInt(s) - 1) / 5 + 1))
                .toArray(String[]::new);
        String[] team = IntStream.range(0, study.length).mapToObj(i -> group[i] + " " + country[i]).toArray(String[]::new);
        MultilevelResult r = MetaAnalysis.withDefaults().multilevel(studies, study, moderators,
                CrossedFactor.of("team", team));
        double[][] line = reference.get("NESTED_CR2");
        close(line[0], r.sigma2(), "sigma2");
        close(line[1], r.coefficients().stream().mapToDouble(Coefficient::estimate).toArray(), "beta");
        MultilevelResult.Robust cr2 = r.robust(group, RobustVariance.CR2);
        close(line[2], Arrays.stream(cr2.covariance()).flatMapToDouble(Arrays::stream).toArray(), "vcovCR");
        close(line[3], cr2.coefficients().stream().mapToDouble(Coefficient::standardError).toArray(), "SE");
        close(line[4], cr2.coefficients().stream().mapToDouble(Coefficient::statistic).toArray(), "tstat");
        close(line[5], IntStream.range(0, 5).mapToDouble(cr2::degreesOfFreedom).toArray(), "df_Satt");
        close(line[6], cr2.coefficients().stream().mapToDouble(Coefficient::pValue).toArray(), "p_Satt");
        close(line[7], cr2.coefficients().stream().mapToDouble(Coefficient::lower).toArray(), "CI_L");
        close(line[8], cr2.coefficients().stream().mapToDouble(Coefficient::upper).toArray(), "CI_U");
        close(line[9], r.robust(group).coefficients().stream().mapToDouble(Coefficient::standardError).toArray(),
                "CR1 se");
    }

    /**
     * The country not applying to the figures of the studies that span several countries (a null level), against
     * metafor's {@code random = list(~ applies | country, ~ 1 | study/figure), struct = "DIAG", tau2 = c(0, NA)}:
     * the same model, the variance of the rows it does not apply to fixed at 0 (the NOT_APPLICABLE line).
     */
    @Test
    void aFactorThatDoesNotApplyToSomeFiguresIsMetaforsDiagonalStructure() {
        String[] applying = IntStream.range(0, study.length)
                .mapToObj(i -> Integer.parseInt(study[i]) % 10 == 0 ? null : country[i]).toArray(String[]::new);
        MultilevelResult r = MetaAnalysis.withDefaults().multilevel(studies, study, moderators,
                new CrossedFactor("country", Arrays.asList(applying)));
        double[][] line = reference.get("NOT_APPLICABLE");
        for (int j = 0; j < 3; j++) {
            assertEquals(line[0][j], r.sigma2()[j], 1e-7, "metafor's estimate " + j);
        }
        close(line[1], r.sigma2(), "sigma2");
        close(line[2], r.coefficients().stream().mapToDouble(Coefficient::estimate).toArray(), "beta");
        close(line[3][0], r.fitStatistics().logLikelihood(), "logLik");
    }

    @Test
    void crossedFitsRefuseCr2WhereTheirCountriesSpanStudies() {
        MultilevelResult r = fit("REML");
        String message = assertThrows(IllegalArgumentException.class, () -> r.robust(study, RobustVariance.CR2))
                .getMessage();
        assertTrue(message.startsWith("Level ") && message.contains(" of the crossed factor country lies in two robust"
                + " clusters") && message.endsWith("CR2 needs every random effect nested in the robust clusters (a"
                + " crossed factor's covariance is not block-diagonal by cluster): use CR1"), message);
    }

    @Test
    void refusesWhatItCannotFitOrFind() {
        MetaAnalysis reml = MetaAnalysis.withDefaults();
        assertEquals("Crossed factor country has 3 levels for 240 estimates", assertThrows(
                IllegalArgumentException.class, () -> reml.multilevel(studies, study, moderators,
                        CrossedFactor.of("country", "1", "2", "3"))).getMessage());
        assertEquals("Two crossed factors are named country", assertThrows(IllegalArgumentException.class,
                () -> reml.multilevel(studies, study, moderators, CrossedFactor.of("country", country),
                        CrossedFactor.of("country", country))).getMessage());
        assertEquals("crossed[0]", assertThrows(NullPointerException.class,
                () -> reml.multilevel(studies, study, moderators, (CrossedFactor) null)).getMessage());
        assertEquals("Crossed factor country needs at least two levels: [FR]", assertThrows(
                IllegalArgumentException.class, () -> CrossedFactor.of("country", "FR", null, "FR")).getMessage());
        assertEquals("A crossed factor's name is blank", assertThrows(IllegalArgumentException.class,
                () -> CrossedFactor.of(" ", "FR", "DE")).getMessage());
        assertEquals("The REML estimates of the variance components did not converge in 2 iterations; raise"
                + " withMaxIterations", assertThrows(IllegalStateException.class, () -> reml.withMaxIterations(2)
                        .multilevel(studies, study, moderators, CrossedFactor.of("country", country))).getMessage());
        MultilevelResult r = fit("REML");
        assertEquals("The fit has no crossed factor sector; its crossed factors: [country]", assertThrows(
                IllegalArgumentException.class, () -> r.crossedVariance("sector")).getMessage());
        assertEquals("The fit has no crossed factor sector; its crossed factors: [country]", assertThrows(
                IllegalArgumentException.class, () -> r.predict(Map.of("sector", "C"), NEW_ROW)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> r.predict(Map.of("country", "4"), 3, 0.5));
        MultilevelResult nested = reml.multilevel(studies, study, moderators);
        assertEquals(List.of(), nested.crossedFactors());
        assertEquals(2, nested.sigma2().length);
        assertEquals("The fit has no crossed factor country; its crossed factors: []", assertThrows(
                IllegalArgumentException.class, () -> nested.crossedLevels("country")).getMessage());
    }

    @Test
    void aFactorIsAnImmutableValue() {
        List<String> levels = new ArrayList<>(List.of("FR", "DE"));
        CrossedFactor factor = new CrossedFactor("country", levels);
        levels.set(0, "IT");
        assertEquals(List.of("FR", "DE"), factor.levels());
        assertThrows(UnsupportedOperationException.class, () -> factor.levels().set(0, "IT"));
        assertEquals(factor, CrossedFactor.of("country", "FR", "DE"));
    }
}
