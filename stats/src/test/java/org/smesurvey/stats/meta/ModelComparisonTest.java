package org.smesurvey.stats.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smesurvey.stats.EffectiveSample;

/**
 * Nested models compared as metafor's {@code anova(full, reduced)} compares them (stats/src/test/reference/
 * metafor-anova.R, metafor 3.8.1): ML meta-regressions of dat.debruin2009's logits on scq and ethnicity, and the
 * random-effects model against the equal-effects one; the binomial-normal GLMM with and without a moderator.
 * Tolerance 1e-8 (ML fits to 1e-12 on both sides).
 */
class ModelComparisonTest {

    private static List<String[]> lines;
    private static EffectSizes studies;
    private static List<EffectiveSample> samples;
    private static double[] scq;
    private static double[] other;

    @BeforeAll
    static void read() throws IOException {
        try (InputStream in = ModelComparisonTest.class.getResourceAsStream("metafor-anova.txt")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(l -> l.split(";")).toList();
        }
        String[] data = lines.get(0);
        double[] x = numbers(data[1]);
        double[] n = numbers(data[2]);
        scq = numbers(data[3]);
        other = Arrays.stream(data[4].split(",")).mapToDouble(s -> s.equals("TRUE") || s.equals("1") ? 1 : 0)
                .toArray();
        samples = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            samples.add(new EffectiveSample(x[i], n[i]));
        }
        studies = EffectSizes.of(ProportionMeasure.PLO, samples, labels());
    }

    private static List<String> labels() {
        return java.util.stream.IntStream.range(0, samples.size()).mapToObj(i -> "study " + (i + 1)).toList();
    }

    private static double[] numbers(String field) {
        return Arrays.stream(field.split(",")).mapToDouble(v -> v.equals("NA") ? Double.NaN : Double.parseDouble(v))
                .toArray();
    }

    private static void check(String name, ModelComparison c, double tolerance) {
        double[] r = reference(name);
        assertEquals(r[0], c.test().statistic(), tolerance, name + " LRT");
        assertEquals(r[1], c.test().pValue(), tolerance, name + " p");
        if (!Double.isNaN(r[2])) {
            assertEquals(r[2], c.r2(), 1e-6, name + " R2");
        }
        assertEquals(r[3], c.fullStatistics().logLikelihood(), tolerance, name + " logLik full");
        assertEquals(r[4], c.reducedStatistics().logLikelihood(), tolerance, name + " logLik reduced");
        assertEquals(r[5], c.fullStatistics().aic(), 2 * tolerance, name + " AIC full");
        assertEquals(r[6], c.reducedStatistics().aic(), 2 * tolerance, name + " AIC reduced");
        assertEquals(r[7], c.fullStatistics().bic(), 2 * tolerance, name + " BIC full");
        assertEquals(r[8], c.reducedStatistics().bic(), 2 * tolerance, name + " BIC reduced");
        assertEquals(r[9] - r[10], c.test().degreesOfFreedom().orElseThrow(), 0.0, name + " df");
    }

    private static double[] reference(String name) {
        return numbers(lines.stream().filter(l -> l[0].equals("ANOVA") && l[1].equals(name)).findFirst()
                .orElseThrow()[2]);
    }

    @Test
    void nestedModelsAreComparedAsMetaforDoes() {
        MetaAnalysis ml = MetaAnalysis.withDefaults().withEstimator(Tau2Estimator.ML);
        int k = samples.size();
        MetaResult intercept = ml.fit(studies);
        MetaRegression withScq = ml.fit(studies, Moderators.builder(k).numeric("scq", scq).build());
        MetaRegression withBoth = ml.fit(studies, Moderators.builder(k).numeric("scq", scq).numeric("other", other)
                .build());
        MetaResult equal = MetaAnalysis.withDefaults().withEstimator(Tau2Estimator.EE).fit(studies);
        Map<String, ModelComparison> cases = Map.of("scq", ModelComparison.of(withScq, intercept),
                "ethnicity", ModelComparison.of(withBoth, withScq), "tau2", ModelComparison.of(intercept, equal));
        cases.forEach((name, c) -> check(name, c, 1e-8));
        String summary = cases.get("scq").summary();
        assertTrue(summary.contains("Reduced    2   30.5618   31.6917   31.7618  -13.2809   1.7472  0.1862"), summary);
    }

    /**
     * The random-effects model (ML) against the equal-effects one on pritz1997 and the SME-style and edge sets; the
     * three-level model of konstantopoulos2011 with and without the year (ML; metafor's nlminb stops at 1e-10 in
     * the likelihood, so to 1e-6 there). On the huge set metafor stops just above τ² = 0 (1e-7).
     */
    @Test
    void everyFamilyAndTheEdgeSetsAreComparedAsMetaforDoes() throws IOException {
        for (String[] set : lines.stream().filter(l -> l[0].equals("SET")).toList()) {
            double[] x = numbers(set[2]);
            double[] n = numbers(set[3]);
            List<EffectiveSample> es = new ArrayList<>();
            for (int i = 0; i < x.length; i++) {
                es.add(new EffectiveSample(x[i], n[i]));
            }
            EffectSizes logits = EffectSizes.of(ProportionMeasure.PLO, es, java.util.stream.IntStream
                    .range(0, x.length).mapToObj(i -> "study " + (i + 1)).toList());
            ModelComparison c = ModelComparison.of(MetaAnalysis.withDefaults().withEstimator(Tau2Estimator.ML)
                    .fit(logits), MetaAnalysis.withDefaults().withEstimator(Tau2Estimator.EE).fit(logits));
            check("tau2-" + set[1], c, set[1].equals("huge") ? 1e-7 : 1e-8);
        }
        List<String[]> rows;
        try (InputStream in = ModelComparisonTest.class.getResourceAsStream("konstantopoulos2011.csv")) {
            rows = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).map(l -> l.split(","))
                    .toList();
        }
        EffectSizes schools = EffectSizes.of(rows.stream().mapToDouble(r -> Double.parseDouble(r[3])).toArray(),
                rows.stream().mapToDouble(r -> Double.parseDouble(r[4])).toArray(),
                rows.stream().map(r -> "school " + r[0] + "." + r[1]).toList());
        String[] districts = rows.stream().map(r -> r[0]).toArray(String[]::new);
        double[] year = rows.stream().mapToDouble(r -> Double.parseDouble(r[2]) - 1990).toArray();
        MetaAnalysis ml = MetaAnalysis.withDefaults().withEstimator(Tau2Estimator.ML);
        check("multilevel", ModelComparison.of(ml.multilevel(schools, districts, Moderators.builder(rows.size())
                .numeric("year", year).build()), ml.multilevel(schools, districts)), 1e-6);
    }

    @Test
    void theGlmmsAreComparedOnTheirMarginalLikelihoods() {
        int k = samples.size();
        GlmmResult reduced = Glmm.withDefaults().fit(samples, labels());
        GlmmResult full = Glmm.withDefaults().fit(samples, labels(), Moderators.builder(k).numeric("scq", scq).build());
        ModelComparison c = ModelComparison.of(full, reduced);
        assertEquals(2 * (full.fitStatistics(false).logLikelihood() - reduced.fitStatistics(false).logLikelihood()),
                c.test().statistic(), 1e-12);
        assertEquals(1, c.test().degreesOfFreedom().orElseThrow(), 0.0);
    }

    @Test
    void likelihoodsThatCannotBeComparedAreRefused() {
        int k = samples.size();
        MetaResult reml = MetaAnalysis.withDefaults().fit(studies);
        MetaRegression remlScq = MetaAnalysis.withDefaults().fit(studies, Moderators.builder(k).numeric("scq", scq)
                .build());
        assertThrows(IllegalArgumentException.class, () -> ModelComparison.of(remlScq, reml), "REML, other designs");
        MetaResult ml = MetaAnalysis.withDefaults().withEstimator(Tau2Estimator.ML).fit(studies);
        assertThrows(IllegalArgumentException.class, () -> ModelComparison.of(reml, ml), "REML against ML");
        assertThrows(IllegalArgumentException.class, () -> ModelComparison.of(ml, ml), "no more parameters");
    }
}
