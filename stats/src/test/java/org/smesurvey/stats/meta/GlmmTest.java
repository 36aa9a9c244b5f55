package org.smesurvey.stats.meta;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.smesurvey.stats.EffectiveSample;
import org.smesurvey.stats.TestResult;

/**
 * The binomial–normal model against metafor's {@code rma.glmm(measure = "PLO", xi, ni, mods, nAGQ)} and against the
 * same quadrature's likelihood maximised tightly in R (stats/src/test/reference/metafor-glmm.R): dat.pritz1997,
 * dat.debruin2009 with two moderators (scq and ethnicity "other"), an SME-style set with a study at 0 and one at n,
 * two studies, a set nearly all at 0, one huge study, and survey figures' effective counts that are not whole
 * numbers (against the tight fit only: glmer takes whole counts); with 7 nodes and with 1 (Laplace).
 *
 * <p>Tolerances: against the tight R fit 1e-8 (coefficients, τ², log-likelihood, and relative for standard errors and
 * what rests on them: R's Hessian is central differences of the likelihood extrapolated twice, good to about 1e-9,
 * the one here exact); against
 * metafor at lme4's own precision — its optimiser stops near 1e-6 relative in the deviance, which leaves the
 * estimates within about 1e-4 with 7 nodes and 2e-3 with the Laplace approximation, whose likelihood is flatter;
 * its standard errors come from lme4's own finite-difference Hessian. The binomial GLM against R's glm converged
 * to 1e-15 at 1e-8 (metafor's own EE fit stops at 1e-8 in the deviance, with the weights of the step before).
 *
 * <p>What users reach for beyond the fit (stats/src/test/reference/metafor-glmm-extras.R): a raw year as moderator,
 * the moderators' F under t tests, {@code predict}, τ's standard error, the conditional modes (lme4's {@code ranef}),
 * the intercept-only model's test, 100 and 200 nodes against R's {@code integrate()}, metafor's {@code logLik} and
 * {@code fitstats}; the same tolerances.
 */
class GlmmTest {

    private static final Map<String, String[]> LINES = new LinkedHashMap<>();
    private static final List<String> SETS = List.of("pritz", "debruin", "sme", "two", "zeros", "huge");
    /** With the survey set of effective counts, which glmer cannot take: checked against the tight R fit only. */
    private static final List<String> TIGHT_SETS = List.of("pritz", "debruin", "sme", "two", "zeros", "huge",
            "survey");

    /** metafor-glmm-extras.R's lines, key then values. */
    private static final Map<String, double[]> EXTRAS = new LinkedHashMap<>();

    @BeforeAll
    static void read() throws IOException {
        try (InputStream in = GlmmTest.class.getResourceAsStream("metafor-glmm.txt")) {
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().forEach(l -> {
                String[] f = l.split(";");
                String key = f[0] + ";" + f[1] + (f[0].equals("METAFOR") || f[0].equals("TIGHT") ? ";" + f[2] : "");
                LINES.put(key, f);
            });
        }
        try (InputStream in = GlmmTest.class.getResourceAsStream("metafor-glmm-extras.txt")) {
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("#"))
                    .forEach(l -> EXTRAS.put(l.substring(0, l.indexOf(';')), numbers(l.substring(l.indexOf(';') + 1))));
        }
    }

    private static double[] extra(String key) {
        double[] values = EXTRAS.get(key);
        if (values == null) {
            throw new IllegalStateException("No line " + key + " in metafor-glmm-extras.txt");
        }
        return values;
    }

    static List<String> sets() {
        return SETS;
    }

    static List<String> tightSets() {
        return TIGHT_SETS;
    }

    private static double[] numbers(String field) {
        return Arrays.stream(field.split(",")).mapToDouble(Double::parseDouble).toArray();
    }

    private record Data(List<EffectiveSample> studies, List<String> labels, Moderators moderators) {
    }

    private static Data data(String set) {
        String[] line = LINES.get("DATA;" + set);
        double[] x = numbers(line[2]);
        double[] n = numbers(line[3]);
        double[] design = numbers(line[4]);
        int k = x.length;
        int p = design.length / k;
        List<EffectiveSample> studies = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            studies.add(new EffectiveSample(x[i], n[i]));
        }
        Moderators.Builder builder = Moderators.builder(k);
        for (int j = 1; j < p; j++) {
            int column = j;
            builder.numeric("m" + j, IntStream.range(0, k).mapToDouble(i -> design[i * p + column]).toArray());
        }
        return new Data(studies, IntStream.range(0, k).mapToObj(i -> set + " " + (i + 1)).toList(), builder.build());
    }

    private static GlmmResult fit(String set, int nodes) {
        Data d = data(set);
        return Glmm.withDefaults().withNodes(nodes).fit(d.studies(), d.labels(), d.moderators());
    }

    @ParameterizedTest
    @MethodSource("tightSets")
    void theLikelihoodMaximisedIsTheTightRFit(String set) {
        for (int nodes : new int[] {7, 1}) {
            String[] tight = LINES.get("TIGHT;" + set + ";" + nodes);
            GlmmResult r = fit(set, nodes);
            double[] beta = numbers(tight[3]);
            double[] se = numbers(tight[4]);
            String where = set + ", " + nodes + " nodes";
            for (int j = 0; j < beta.length; j++) {
                assertEquals(beta[j], r.coefficients().get(j).estimate(), 1e-8 * Math.max(1, Math.abs(beta[j])),
                        where + " beta " + j);
                assertEquals(se[j], r.coefficients().get(j).standardError(), 1e-8 * se[j], where + " se " + j);
            }
            assertEquals(Double.parseDouble(tight[5]), r.tau2(), 1e-8 * Math.max(1, r.tau2()), where + " tau2");
            assertEquals(Double.parseDouble(tight[6]), r.fitStatistics(false).logLikelihood(), 1e-8, where + " logLik");
            assertEquals(Double.parseDouble(tight[7]), r.conditionalDeviance(), 1e-7, where + " conditional deviance");
            assertEquals(Double.parseDouble(tight[8]), r.saturatedLogLikelihood(), 1e-10, where + " saturated");
            // metafor's logLik, the saturated model's less half the conditional deviance, at the tight estimates
            assertEquals(Double.parseDouble(tight[8]) - Double.parseDouble(tight[7]) / 2, r.logLikelihood(), 1e-7,
                    where + " metafor's logLik");
            // The standard error of tau from the same Hessian as the coefficients' (none at tau = 0)
            double seTau = Double.parseDouble(tight[9]);
            if (Double.isNaN(seTau)) {
                assertTrue(r.tauStandardError().isEmpty() && r.tau2StandardError().isEmpty(), where + " se(tau)");
            } else {
                assertEquals(seTau, r.tauStandardError().orElseThrow(), 1e-8 * seTau, where + " se(tau)");
                assertEquals(2 * r.tau() * r.tauStandardError().orElseThrow(), r.tau2StandardError().orElseThrow(),
                        1e-15, where + " se(tau2), the delta method");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("sets")
    void metaforAgreesAtItsOwnPrecision(String set) {
        for (int nodes : new int[] {7, 1}) {
            String[] m = LINES.get("METAFOR;" + set + ";" + nodes);
            GlmmResult r = fit(set, nodes);
            double tolerance = nodes == 7 ? 1e-4 : 2e-3;
            String where = set + ", " + nodes + " nodes";
            double[] beta = numbers(m[3]);
            double[] se = numbers(m[4]);
            for (int j = 0; j < beta.length; j++) {
                assertEquals(beta[j], r.coefficients().get(j).estimate(), tolerance * Math.max(1, Math.abs(beta[j])),
                        where + " beta " + j);
                assertEquals(se[j], r.coefficients().get(j).standardError(), 10 * tolerance * se[j], where + " se " + j);
            }
            assertEquals(Double.parseDouble(m[5]), r.tau2(), tolerance * Math.max(1, r.tau2()), where + " tau2");
            // metafor's logLik: the saturated model's minus half the conditional deviance at the modes.
            assertEquals(Double.parseDouble(m[6]), r.logLikelihood(),
                    10 * tolerance * Math.max(1, Math.abs(Double.parseDouble(m[6]))), where + " metafor's logLik");
            // The Wald test: its limit exactly, metafor's GLM-stopped value to 1e-6.
            double limit = numbers(LINES.get("WALD_LIMIT;" + set)[2])[0];
            assertEquals(limit, r.heterogeneityTest().statistic(), 1e-10 * Math.max(1, limit), where + " Wald limit");
            assertEquals(Double.parseDouble(m[7]), r.heterogeneityTest().statistic(), 1e-6 * Math.max(1, limit),
                    where + " QE.Wld");
            assertEquals(Double.parseDouble(m[8]), r.likelihoodRatioTest().statistic(), 1e-7, where + " QE.LRT");
            assertEquals(Double.parseDouble(m[9]), r.i2(), 100 * tolerance, where + " I2");
            assertEquals(Double.parseDouble(m[10]), r.h2(), tolerance * Math.max(1, r.h2()) * 10, where + " H2");
        }
    }

    @ParameterizedTest
    @MethodSource("sets")
    void theEqualEffectsModelIsTheBinomialGlm(String set) {
        String[] e = LINES.get("EE;" + set);
        Data d = data(set);
        GlmmResult r = Glmm.withDefaults().fitEqualEffects(d.studies(), d.labels(), d.moderators());
        double[] beta = numbers(e[2]);
        double[] se = numbers(e[3]);
        for (int j = 0; j < beta.length; j++) {
            // R's glm stops at a relative change of 1e-8 in the deviance.
            assertEquals(beta[j], r.coefficients().get(j).estimate(), 1e-8 * Math.max(1, Math.abs(beta[j])), set);
            assertEquals(se[j], r.coefficients().get(j).standardError(), 1e-8 * se[j], set);
        }
        assertEquals(Double.parseDouble(e[4]), r.fitStatistics(false).logLikelihood(), 1e-8, set);
        assertEquals(0, r.tau2());
        assertEquals(Tau2Estimator.EE, r.estimator());
    }

    @Test
    void theGradientIsTheLikelihoodsDerivative() {
        Data d = data("debruin");
        double[] x = d.studies().stream().mapToDouble(EffectiveSample::successes).toArray();
        double[] n = d.studies().stream().mapToDouble(EffectiveSample::size).toArray();
        double[][] design = IntStream.range(0, x.length).mapToObj(i -> d.moderators().rowArrayOf(i))
                .toArray(double[][]::new);
        for (int nodes : new int[] {1, 7, 15}) {
            BinomialNormal model = new BinomialNormal(x, n, design, nodes);
            double[] theta = {0.6, -0.3, 0.05, -0.8};
            double[] gradient = new double[4];
            model.logLikelihood(theta, gradient, new double[4][4]);
            for (int j = 0; j < 4; j++) {
                double h = 1e-5;
                double[] a = theta.clone();
                double[] b = theta.clone();
                a[j] += h;
                b[j] -= h;
                double numeric = (model.logLikelihood(a) - model.logLikelihood(b)) / (2 * h);
                assertEquals(numeric, gradient[j], 1e-6, nodes + " nodes, parameter " + j);
            }
        }
    }

    /**
     * The exact Hessian against Richardson-extrapolated central differences of the exact gradient (steps 1e-3 and
     * 5e-4 on each parameter's scale, error O(h^4)), at points near and far from the maximum, at τ = 0 (the
     * likelihood is even in τ, so the differences straddle it) and near it, with 1, 7 and 15 nodes; to 1e-9 of the
     * largest entry (they agree to 1e-10). Without the mode's second derivatives the ττ entry is off by 0.5 to 50 %,
     * even with one node: log σ̂ depends on the mode, so the envelope theorem does not spare them.
     */
    @ParameterizedTest
    @MethodSource("tightSets")
    void theHessianIsTheGradientsDerivative(String set) {
        Data d = data(set);
        double[] x = d.studies().stream().mapToDouble(EffectiveSample::successes).toArray();
        double[] n = d.studies().stream().mapToDouble(EffectiveSample::size).toArray();
        double[][] design = IntStream.range(0, x.length).mapToObj(i -> d.moderators().rowArrayOf(i))
                .toArray(double[][]::new);
        int m = design[0].length + 1;
        GlmmResult fit = fit(set, 7);
        double[] atMaximum = new double[m];
        atMaximum[0] = Math.sqrt(fit.tau2());
        for (int j = 1; j < m; j++) {
            atMaximum[j] = fit.coefficients().get(j - 1).estimate();
        }
        double[][] points = {atMaximum, shifted(atMaximum, 0.4, -0.3), shifted(atMaximum, 2.5 - atMaximum[0], 0.7),
            shifted(atMaximum, 0.05 - atMaximum[0], 0.2), shifted(atMaximum, -atMaximum[0], -0.5)};
        for (int nodes : new int[] {1, 7, 15}) {
            BinomialNormal model = new BinomialNormal(x, n, design, nodes);
            for (double[] theta : points) {
                double[][] hessian = new double[m][m];
                model.logLikelihood(theta, new double[m], hessian);
                double[][] coarse = centralDifferences(model, theta, hessian, 1e-3);
                double[][] fine = centralDifferences(model, theta, hessian, 5e-4);
                double largest = 0;
                for (double[] row : hessian) {
                    for (double value : row) {
                        largest = Math.max(largest, Math.abs(value));
                    }
                }
                for (int a = 0; a < m; a++) {
                    for (int b = 0; b < m; b++) {
                        double numeric = (4 * fine[a][b] - coarse[a][b]) / 3;
                        assertEquals(numeric, hessian[a][b], 1e-9 * largest, set + ", " + nodes + " nodes, at "
                                + Arrays.toString(theta) + ", entry " + a + "," + b);
                    }
                }
            }
        }
    }

    private static double[] shifted(double[] theta, double tau, double beta) {
        double[] moved = theta.clone();
        moved[0] += tau;
        for (int j = 1; j < moved.length; j++) {
            moved[j] += beta / j;
        }
        return moved;
    }

    /**
     * Column j: the exact gradient's central difference in θ_j, step h × max(1, |θ_j|) / max(1, |H_jj|)^½, the
     * likelihood's own scale in θ_j (near τ = 0 a study of a million firms changes its curvature within 0.002).
     */
    private static double[][] centralDifferences(BinomialNormal model, double[] theta, double[][] exact, double h) {
        int m = theta.length;
        double[][] hessian = new double[m][m];
        double[] plus = new double[m];
        double[] minus = new double[m];
        double[][] ignored = new double[m][m];
        for (int j = 0; j < m; j++) {
            double step = h * Math.max(1, Math.abs(theta[j])) / Math.sqrt(Math.max(1, Math.abs(exact[j][j])));
            double[] a = theta.clone();
            double[] b = theta.clone();
            a[j] += step;
            b[j] -= step;
            model.logLikelihood(a, plus, ignored);
            model.logLikelihood(b, minus, ignored);
            for (int i = 0; i < m; i++) {
                hessian[i][j] = (plus[i] - minus[i]) / (2 * step);
            }
        }
        return hessian;
    }

    /**
     * Each study's mode is the root of \( h'(b) = τ(x - nμ) - b \) to 1e-12 × max(1, |b|): h' changes sign across
     * it, evaluated as accurately as it can be. The studies include ones at 0 and at n of 200,000 firms and a
     * million, with τ up to 40 and η₀ up to ±800, where nμ(1 - μ) underflows and Newton's step alone cycles.
     */
    @Test
    void theModeIsTheRootOfItsEquation() {
        double[][] studies = {{0, 200000}, {200000, 200000}, {3, 50}, {1, 1}, {0, 1}, {999000, 1000000}, {12.4, 40.3}};
        for (double[] s : studies) {
            BinomialNormal model = new BinomialNormal(new double[] {s[0]}, new double[] {s[1]}, new double[][] {{1}},
                    7);
            for (double tau : new double[] {1e-3, 0.5, 3, 9, 40}) {
                for (double a : new double[] {-800, -40, -8, 0, 6, 30, 800}) {
                    double b = model.mode(0, a, tau);
                    double d = 1e-12 * Math.max(1, Math.abs(b));
                    String where = "x = " + s[0] + ", n = " + s[1] + ", tau = " + tau + ", eta0 = " + a + ": " + b;
                    assertTrue(slope(s, a, tau, b - d) >= 0 && slope(s, a, tau, b + d) <= 0, where);
                }
            }
        }
    }

    /** \( h'(b) = τ(x - nμ) - b \), with \( x - nμ = (x - n) + n(1 - μ) \) above η = 0. */
    private static double slope(double[] study, double eta0, double tau, double b) {
        double eta = eta0 + tau * b;
        double e = Math.exp(-Math.abs(eta));
        double tail = study[1] * (e / (1 + e));
        return tau * (eta >= 0 ? study[0] - study[1] + tail : study[0] - tail) - b;
    }

    /**
     * Studies that disagree as far as they can (τ near 9, studies at 0 and at n of up to a million firms): the fit
     * converges with 1, 7 and 15 nodes to where the exact gradient vanishes, Newton's next step moving no parameter
     * by more than 1e-10 × max(1, |θ|), and the log-likelihood there is the largest of its neighbours'. (No R value:
     * R's finite differences of this likelihood are no tighter than the fit.)
     */
    @Test
    void extremeHeterogeneityConvergesToAStationaryPoint() {
        double[] x = {0, 200000, 3, 150000, 7, 0, 12000, 45, 1, 999000};
        double[] n = {200000, 200000, 50, 190000, 3000, 40, 150000, 60, 1, 1000000};
        List<EffectiveSample> studies = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            studies.add(new EffectiveSample(x[i], n[i]));
        }
        List<String> labels = IntStream.range(0, x.length).mapToObj(i -> "study " + i).toList();
        for (int nodes : new int[] {1, 7, 15}) {
            GlmmResult r = Glmm.withDefaults().withNodes(nodes).fit(studies, labels);
            double[] theta = {Math.sqrt(r.tau2()), r.coefficients().get(0).estimate()};
            assertTrue(theta[0] > 8 && theta[0] < 10, nodes + " nodes: tau " + theta[0]);
            double[][] intercept = new double[x.length][];
            Arrays.setAll(intercept, i -> new double[] {1});
            BinomialNormal model = new BinomialNormal(x, n, intercept, nodes);
            double[] gradient = new double[2];
            double[][] hessian = new double[2][2];
            double top = model.logLikelihood(theta, gradient, hessian);
            assertEquals(top, r.fitStatistics(false).logLikelihood(), 1e-9 * Math.abs(top), nodes + " nodes");
            double det = hessian[0][0] * hessian[1][1] - hessian[0][1] * hessian[1][0];
            double[] step = {(hessian[1][1] * gradient[0] - hessian[0][1] * gradient[1]) / det,
                (hessian[0][0] * gradient[1] - hessian[1][0] * gradient[0]) / det};
            for (int j = 0; j < 2; j++) {
                assertTrue(Math.abs(step[j]) < 1e-10 * Math.max(1, Math.abs(theta[j])), nodes + " nodes: step " + j
                        + " " + step[j]);
                for (double h : new double[] {-1e-4, 1e-4}) {
                    double[] moved = theta.clone();
                    moved[j] += h;
                    assertTrue(model.logLikelihood(moved) < top, nodes + " nodes, parameter " + j + " moved " + h);
                }
            }
        }
    }

    @Test
    void resultsPrintAsMetaforPrintsThem() {
        GlmmResult r = fit("pritz", 7);
        String summary = r.summary();
        assertTrue(summary.startsWith("Random-Effects Model (k = 14; method: ML, binomial-normal, 7 quadrature nodes)"),
                summary);
        assertTrue(summary.contains("tau^2 (estimated amount of total heterogeneity): 0.5893"), summary);
        assertTrue(summary.contains("Wld(df = 13) = 25.0979, p-val = 0.0224"), summary);
        // print(rma.glmm(measure = "PLO", xi = xi, ni = ni, data = dat.pritz1997, method = "ML")), metafor 3.8.1
        assertTrue(summary.contains("LRT(df = 13) = 42.2324, p-val < .0001"), summary);
        assertTrue(summary.contains("intrcpt       1.3766   0.2884   4.7735   <.0001   0.8114   1.9418"), summary);
        PooledModel.Pooled pooled = r.pooled().orElseThrow();
        assertEquals(BinomialNormal.expit(r.coefficients().get(0).estimate()), pooled.proportions().orElseThrow()
                .confidence().estimate(), 1e-15);
        double half = 1.959963984540054 * Math.sqrt(Math.pow(r.coefficients().get(0).standardError(), 2) + r.tau2());
        assertEquals(r.coefficients().get(0).estimate() + half, pooled.prediction().upper(), 1e-9);
    }

    /**
     * {@code rma.glmm(measure = "PLO", xi, ni, data = dat.pritz1997, test = "t")}: t on 13 degrees of freedom for the
     * coefficient and the prediction interval, at metafor's precision (lme4's estimate, 1e-4).
     */
    @Test
    void tTestsAreMetaforsTestT() {
        Data d = data("pritz");
        GlmmResult t = Glmm.withDefaults().withTTests(true).fit(d.studies(), d.labels());
        Coefficient c = t.coefficients().get(0);
        // rma.glmm's zval, pval, ci.lb, ci.ub and predict()'s pi.lb, pi.ub (R 4.2.2, metafor 3.8.1, lme4 1.1-31).
        assertEquals(4.77345890166, c.statistic(), 1e-4);
        assertEquals(0.000363762009851, c.pValue(), 1e-7);
        assertEquals(0.753581747407, c.lower(), 1e-4);
        assertEquals(1.99962703051, c.upper(), 1e-4);
        assertEquals(13, t.degreesOfFreedom().orElseThrow(), 0.0);
        assertEquals(-0.395027094553, t.pooled().orElseThrow().prediction().lower(), 1e-4);
        assertEquals(3.14823587247, t.pooled().orElseThrow().prediction().upper(), 1e-4);
        // The same fit as with z tests: only the reference distribution differs.
        GlmmResult z = Glmm.withDefaults().fit(d.studies(), d.labels());
        assertEquals(z.coefficients().get(0).estimate(), c.estimate(), 0.0);
        assertTrue(z.degreesOfFreedom().isEmpty());
    }

    @Test
    void badInputIsRefusedWithItsReason() {
        List<EffectiveSample> one = List.of(new EffectiveSample(3, 10));
        assertThrows(IllegalArgumentException.class, () -> Glmm.withDefaults().fit(one, List.of("a")));
        List<EffectiveSample> zeros = List.of(new EffectiveSample(0, 10), new EffectiveSample(0, 20));
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> Glmm.withDefaults().fit(zeros, List.of("a", "b")));
        assertEquals("The binomial GLM has no finite maximum for studies [a, b]: every study is at 0",
                none.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Glmm.withDefaults().withNodes(0));
        assertThrows(IllegalArgumentException.class, () -> fit("pritz", 7).fitStatistics(true));
    }

    /** dat.debruin2009 with its year, raw or less a centre, as the moderator {@code year}. */
    private static GlmmResult yearFit(Glmm glmm, double centre) {
        int[] x = Arrays.stream(extra("year_data_x")).mapToInt(v -> (int) v).toArray();
        int[] n = Arrays.stream(extra("year_data_n")).mapToInt(v -> (int) v).toArray();
        double[] year = Arrays.stream(extra("year_data_year")).map(v -> v - centre).toArray();
        return glmm.fit(x, n, Moderators.builder(x.length).numeric("year", year).build());
    }

    /**
     * {@code rma.glmm(measure = "PLO", xi, ni, mods = ~ year, data = dat.debruin2009, nAGQ = 7 | 1)}: a raw year
     * beside the intercept, which stalled Newton's steps before the moderators were centred and scaled for the fit.
     * Against the tight fit on year − 2003 mapped back to the raw year in R (metafor-glmm-extras.R) at 1e-8 (standard
     * errors 1e-8 relative, R's Hessian being Richardson differences), against Java's own fit on year − 2000 mapped
     * back, and against metafor at lme4's precision.
     */
    @Test
    void aRawYearFitsAndAgreesWithRmaGlmm() {
        for (int nodes : new int[] {7, 1}) {
            String where = nodes + " nodes";
            GlmmResult raw = yearFit(Glmm.withDefaults().withNodes(nodes), 0);
            double[] tight = extra("year_tight_" + nodes); // beta (2); se (2); tau2; logLik; se(tau)
            for (int j = 0; j < 2; j++) {
                Coefficient c = raw.coefficients().get(j);
                assertEquals(tight[j], c.estimate(), 1e-8 * Math.max(1, Math.abs(tight[j])), where + " beta " + j);
                assertEquals(tight[2 + j], c.standardError(), 1e-8 * tight[2 + j], where + " se " + j);
            }
            assertEquals(tight[4], raw.tau2(), 1e-8, where + " tau2");
            assertEquals(tight[5], raw.fitStatistics(false).logLikelihood(), 1e-8, where + " logLik");
            assertEquals(tight[6], raw.tauStandardError().orElseThrow(), 1e-8 * tight[6], where + " se(tau)");
            assertArrayEquals(extra("year_tight_ranef_" + nodes), raw.studyEffects(), 1e-8, where + " modes");
            assertArrayEquals(extra("year_tight_condsd_" + nodes), raw.studyEffectStandardErrors(), 1e-8,
                    where + " conditional sds");
            // The centred fit mapped back: beta0 = b0 - 2000 b1, var(beta0) = V00 - 4000 V01 + 2000^2 V11.
            GlmmResult centred = yearFit(Glmm.withDefaults().withNodes(nodes), 2000);
            double[][] v = centred.covariance();
            double b1 = centred.coefficients().get(1).estimate();
            double b0 = centred.coefficients().get(0).estimate() - 2000 * b1;
            assertEquals(b0, raw.coefficients().get(0).estimate(), 1e-9 * Math.abs(b0), where + " centred beta0");
            assertEquals(b1, raw.coefficients().get(1).estimate(), 1e-10, where + " centred beta1");
            double var0 = v[0][0] - 4000 * v[0][1] + 2000 * 2000 * v[1][1];
            assertEquals(var0, raw.covariance()[0][0], 1e-8 * var0, where + " centred var(beta0)");
            assertEquals(v[1][1], raw.covariance()[1][1], 1e-8 * v[1][1], where + " centred var(beta1)");
            assertEquals(centred.tau2(), raw.tau2(), 1e-10, where + " centred tau2");
            // metafor (lme4's optimiser on the raw year): beta; se; tau2; logLik
            double[] m = extra("year_metafor_" + nodes);
            double tolerance = nodes == 7 ? 1e-4 : 2e-3;
            assertEquals(m[1], raw.coefficients().get(1).estimate(), tolerance, where + " metafor's slope");
            assertEquals(m[4], raw.tau2(), tolerance, where + " metafor's tau2");
            assertEquals(m[5], raw.logLikelihood(), 10 * tolerance * Math.abs(m[5]), where + " metafor's logLik");
        }
    }

    /**
     * {@code rma.glmm(measure = "PLO", xi, ni, mods = ~ year, data = dat.debruin2009, test = "t")}: the moderators'
     * test is \( Q_M/m \) against F(m, k − p), the coefficients' t on k − p; without t, χ² on m. Against the tight
     * fit's Wald statistic (1e-8 relative: the covariance is from R's Richardson Hessian) and metafor's (lme4's
     * precision).
     */
    @Test
    void tTestsGiveTheModeratorsF() {
        GlmmResult t = yearFit(Glmm.withDefaults().withTTests(true), 0);
        TestResult f = t.moderatorTest().orElseThrow();
        double[] tight = extra("year_t_tight_qm"); // F; p; df1; df2
        assertEquals(tight[0], f.statistic(), 1e-8 * tight[0]);
        assertEquals(tight[1], f.pValue(), 1e-8 * tight[1]);
        assertEquals(tight[2], f.degreesOfFreedom().orElseThrow(), 0.0);
        assertEquals(tight[3], f.denominatorDegreesOfFreedom().orElseThrow(), 0.0);
        double[] metafor = extra("year_t_metafor_qm"); // QM; QMp; QMdf
        assertEquals(metafor[0], f.statistic(), 1e-3 * metafor[0], "metafor's QM");
        assertEquals(metafor[1], f.pValue(), 1e-4, "metafor's QMp");
        assertEquals(metafor[3], f.denominatorDegreesOfFreedom().orElseThrow(), 0.0);
        double[] coef = extra("year_t_tight_coef"); // t (2); p (2); lower (2); upper (2)
        for (int j = 0; j < 2; j++) {
            Coefficient c = t.coefficients().get(j);
            assertEquals(coef[j], c.statistic(), 1e-8 * Math.abs(coef[j]), "t " + j);
            assertEquals(coef[2 + j], c.pValue(), 1e-8 * coef[2 + j], "p " + j);
            assertEquals(coef[4 + j], c.lower(), 1e-8 * Math.abs(coef[4 + j]), "lower " + j);
            assertEquals(coef[6 + j], c.upper(), 1e-8 * Math.abs(coef[6 + j]), "upper " + j);
        }
        TestResult chi = yearFit(Glmm.withDefaults(), 0).moderatorTest().orElseThrow();
        double[] z = extra("year_z_tight_qm"); // QM; p
        assertEquals(z[0], chi.statistic(), 1e-8 * z[0]);
        assertEquals(z[1], chi.pValue(), 1e-8 * z[1]);
        assertTrue(chi.denominatorDegreesOfFreedom().isEmpty());
        assertEquals(extra("year_z_metafor_qm")[1], chi.pValue(), 1e-4, "metafor's QMp");
        assertTrue(t.summary().contains(String.format(java.util.Locale.ROOT,
                "Test of Moderators (coefficient 2):%nF(df1 = 1, df2 = %d) = %.4f, p-val = %.4f", (int) tight[3],
                f.statistic(), f.pValue())), t.summary());
    }

    /**
     * {@code predict(res, newmods = 2005)} and {@code predict(res, newmods = 2005, transf = transf.ilogit)} on the
     * raw-year fits with z and t tests: pred, se, ci.lb, ci.ub, pi.lb, pi.ub. Against the same from the tight fit
     * (the fitted value 1e-8; what rests on the covariance 1e-8 relative) and metafor's (lme4's precision).
     */
    @Test
    void predictionsAreMetaforsPredict() {
        for (boolean tTests : new boolean[] {false, true}) {
            String test = tTests ? "t" : "z";
            Prediction p = yearFit(Glmm.withDefaults().withTTests(tTests), 0).predict(2005);
            // pred; se; ci.lb; ci.ub; pi.lb; pi.ub; then pred and the four limits through plogis
            double[] tight = extra("predict_tight_" + test);
            double[] java = {p.confidence().estimate(), p.standardError(), p.confidence().lower(),
                p.confidence().upper(), p.prediction().lower(), p.prediction().upper(),
                p.confidenceAsProportion().estimate(), p.confidenceAsProportion().lower(),
                p.confidenceAsProportion().upper(), p.predictionAsProportion().lower(),
                p.predictionAsProportion().upper()};
            assertEquals(tight[0], java[0], 1e-8, test + " pred");
            for (int j = 1; j < tight.length; j++) {
                assertEquals(tight[j], java[j], 1e-8 * Math.abs(tight[j]), test + " value " + j);
            }
            // metafor's: pred se ci.lb ci.ub pi.lb pi.ub (logits), then pred ci.lb ci.ub pi.lb pi.ub (ilogit)
            double[] m = extra("predict_metafor_" + test);
            for (int j = 0; j < m.length; j++) {
                assertEquals(m[j], java[j], 1e-4 * Math.max(1, Math.abs(m[j])), test + " metafor's value " + j);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> yearFit(Glmm.withDefaults(), 0).predict());
    }

    /**
     * τ's standard error on {@code rma.glmm(measure = "PLO", xi, ni, data = dat.pritz1997)}: from the tight fit's
     * Richardson Hessian in (τ, β) (1e-8 relative) and from lme4's own finite-difference Hessian of the deviance,
     * {@code glmer(..., nAGQ = 7)@optinfo$derivs$Hessian} (at its estimates, to 1e-4); none for the equal-effects
     * model.
     */
    @Test
    void tausStandardErrorIsTheObservedInformations() {
        GlmmResult r = fit("pritz", 7);
        double[] tight = extra("pritz_tight"); // tau; beta; se(tau)
        assertEquals(tight[0], r.tau(), 1e-8);
        assertEquals(tight[2], r.tauStandardError().orElseThrow(), 1e-8 * tight[2]);
        assertEquals(2 * tight[0] * tight[2], r.tau2StandardError().orElseThrow(), 1e-8 * tight[0] * tight[2]);
        double lme4 = extra("pritz_lme4_setau")[0];
        assertEquals(lme4, r.tauStandardError().orElseThrow(), 1e-4 * lme4, "lme4's");
        Data d = data("pritz");
        GlmmResult ee = Glmm.withDefaults().fitEqualEffects(d.studies(), d.labels(), d.moderators());
        assertTrue(ee.tauStandardError().isEmpty() && ee.tau2StandardError().isEmpty());
        assertEquals(0, ee.tau());
    }

    /**
     * The studies' conditional modes and conditional standard deviations, lme4's {@code ranef(glmer(cbind(xi, ni -
     * xi) ~ 1 + (1 | id), family = binomial, nAGQ = 7), condVar = TRUE)} on dat.pritz1997: the same computed at the
     * tight estimates in R (1e-8; the R script checks that, at lme4's own estimates, they are lme4's ranef and
     * condVar), and lme4's at its precision.
     */
    @Test
    void studyEffectsAreLme4sConditionalModes() {
        GlmmResult r = fit("pritz", 7);
        assertArrayEquals(extra("pritz_tight_ranef"), r.studyEffects(), 1e-8);
        assertArrayEquals(extra("pritz_tight_condsd"), r.studyEffectStandardErrors(), 1e-8);
        assertArrayEquals(extra("pritz_lme4_ranef"), r.studyEffects(), 1e-4);
        assertArrayEquals(extra("pritz_lme4_condsd"), r.studyEffectStandardErrors(), 1e-4);
        Data d = data("pritz");
        GlmmResult ee = Glmm.withDefaults().fitEqualEffects(d.studies(), d.labels(), d.moderators());
        assertArrayEquals(new double[d.studies().size()], ee.studyEffects(), 0.0);
    }

    /**
     * The intercept-only model's test of its pooled estimate, as {@link MetaResult#statistic()}: its square is
     * metafor's {@code QM} of {@code rma.glmm(measure = "PLO", xi, ni, data = dat.pritz1997)} (χ²(1); F(1, 13)
     * with {@code test = "t"}), its p-value {@code QMp}; empty for a model with moderators.
     */
    @Test
    void theInterceptOnlyModelTestsItsEstimate() {
        for (boolean tTests : new boolean[] {false, true}) {
            Data d = data("pritz");
            GlmmResult r = Glmm.withDefaults().withTTests(tTests).fit(d.studies(), d.labels());
            String[] tight = LINES.get("TIGHT;pritz;7");
            double z = numbers(tight[3])[0] / numbers(tight[4])[0];
            assertEquals(z, r.statistic().orElseThrow(), 1e-8 * z);
            double[] m = extra(tTests ? "pritz_t_metafor_qm" : "pritz_metafor_qm"); // QM; QMp; ...
            assertEquals(m[0], Math.pow(r.statistic().orElseThrow(), 2), 1e-3 * m[0], "metafor's QM");
            assertEquals(m[1], r.pValue().orElseThrow(), 1e-3 * m[1], "metafor's QMp");
            assertEquals(r.coefficients().get(0).pValue(), r.pValue().orElseThrow(), 0.0);
            assertTrue(r.moderatorTest().isEmpty());
        }
        assertTrue(fit("debruin", 7).statistic().isEmpty() && fit("debruin", 7).pValue().isEmpty());
    }

    /**
     * The likelihood with 100 and with 200 nodes: the fits agree to 1e-8 (the quadrature exact to double precision);
     * at fixed (τ, β) the likelihood is R's {@code integrate()} of each study's integrand (rel.tol 1e-12) to 1e-10,
     * and the maximum is that of the integrated likelihood maximised in R.
     */
    @Test
    void twoHundredNodesAreTheExactLikelihood() {
        GlmmResult hundred = fit("pritz", 100);
        GlmmResult twoHundred = fit("pritz", 200);
        assertEquals(hundred.coefficients().get(0).estimate(), twoHundred.coefficients().get(0).estimate(), 1e-8);
        assertEquals(hundred.tau2(), twoHundred.tau2(), 1e-8);
        assertEquals(hundred.fitStatistics(false).logLikelihood(), twoHundred.fitStatistics(false).logLikelihood(),
                1e-8);
        Data d = data("pritz");
        double[] x = d.studies().stream().mapToDouble(EffectiveSample::successes).toArray();
        double[] n = d.studies().stream().mapToDouble(EffectiveSample::size).toArray();
        double[][] intercept = new double[x.length][];
        Arrays.setAll(intercept, i -> new double[] {1});
        BinomialNormal model = new BinomialNormal(x, n, intercept, 200);
        double[] points = extra("integrate_points");
        double[] integrated = extra("integrate_ll");
        for (int q = 0; q < integrated.length; q++) {
            double[] theta = {points[2 * q], points[2 * q + 1]};
            assertEquals(integrated[q], model.logLikelihood(theta), 1e-10 * Math.abs(integrated[q]),
                    "at " + Arrays.toString(theta));
        }
        double[] fit = extra("integrate_fit"); // tau2; beta; logLik
        assertEquals(fit[0], twoHundred.tau2(), 1e-8, "tau2");
        assertEquals(fit[1], twoHundred.coefficients().get(0).estimate(), 1e-8, "beta");
        assertEquals(fit[2], twoHundred.fitStatistics(false).logLikelihood(), 1e-8, "logLik");
        assertThrows(IllegalArgumentException.class, () -> Glmm.withDefaults().withNodes(Glmm.MAX_NODES + 1));
    }

    /** Counts as int arrays, labelled "Study 1", "Study 2"… or as given: the same fit as from the samples. */
    @Test
    void countsFitAsSamplesDo() {
        Data d = data("pritz");
        int[] x = d.studies().stream().mapToInt(s -> (int) s.successes()).toArray();
        int[] n = d.studies().stream().mapToInt(s -> (int) s.size()).toArray();
        GlmmResult samples = Glmm.withDefaults().fit(d.studies(), d.labels());
        GlmmResult counts = Glmm.withDefaults().fit(x, n);
        assertEquals(samples.coefficients(), counts.coefficients());
        assertEquals(samples.tau2(), counts.tau2(), 0.0);
        assertEquals("Study 1", counts.studies().label(0));
        assertEquals(d.labels().get(2), Glmm.withDefaults().fit(x, n, d.labels(), d.moderators()).studies().label(2));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> Glmm.withDefaults().fit(new int[] {3, 12}, new int[] {10, 11}));
        assertTrue(bad.getMessage().startsWith("Study 2: "), bad.getMessage());
    }

    /**
     * metafor's log-likelihood and fit statistics, {@code logLik(res)} and {@code fitstats(res)} of
     * {@code rma.glmm(measure = "PLO", xi, ni, data = dat.pritz1997)}: {@link GlmmResult#logLikelihood()} is its
     * logLik, and its fitstats are {@code fitStatistics()}'s with that log-likelihood in place of the marginal one
     * (same parameters, same k). lme4's {@code logLik}, {@code AIC} and {@code BIC} of the glmer fit are
     * {@code fitStatistics()}'s with the saturated model's log-likelihood taken from the marginal one (lme4 measures
     * a binomial GLMM's deviance from the saturated model). Both at lme4's precision.
     */
    @Test
    void fitStatisticsAreLme4sAndMetaforsShifted() {
        GlmmResult r = fit("pritz", 7);
        FitStatistics marginal = r.fitStatistics(false);
        double saturated = r.saturatedLogLikelihood();
        double[] lme4 = extra("pritz_lme4_fit"); // theta; beta; logLik; AIC; BIC
        assertEquals(lme4[2], marginal.logLikelihood() - saturated, 1e-4 * Math.abs(lme4[2]), "lme4's logLik");
        assertEquals(lme4[3], marginal.aic() + 2 * saturated, 1e-4 * lme4[3], "lme4's AIC");
        assertEquals(lme4[4], marginal.bic() + 2 * saturated, 1e-4 * lme4[4], "lme4's BIC");
        double shift = 2 * (marginal.logLikelihood() - r.logLikelihood());
        double[] metafor = extra("pritz_fitstats_metafor"); // logLik; deviance; AIC; BIC; AICc
        double[] java = {r.logLikelihood(), r.conditionalDeviance(), marginal.aic() + shift, marginal.bic() + shift,
            marginal.aicc() + shift};
        for (int j = 0; j < metafor.length; j++) {
            assertEquals(metafor[j], java[j], 1e-3 * Math.abs(metafor[j]), "metafor's fitstats " + j);
        }
        assertEquals(extra("pritz_metafor_loglik")[0], r.logLikelihood(), 1e-3 * Math.abs(r.logLikelihood()));
    }
}
