package org.smesurvey.stats.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smesurvey.core.Figure;
import org.smesurvey.core.Indicator;
import org.smesurvey.core.NetworkScope;
import org.smesurvey.core.Observation;
import org.smesurvey.core.Population;
import org.smesurvey.core.Region;
import org.smesurvey.core.SizeClassScheme;
import org.smesurvey.core.Study;
import org.smesurvey.stats.Interval;

/**
 * escalc, meta-regression, subgroups, leave-one-out, Egger's test and trim-and-fill against metafor 3.8.1:
 * {@code metafor-extras.txt}, produced by stats/src/test/reference/metafor-extras.R, whose calls each test quotes.
 */
class MetaforExtrasTest {

    private static final double TOLERANCE = 1e-8;
    private static List<String[]> lines;

    private static final int[][] PRITZ = MetaforParityTest.SETS.get("pritz1997");
    private static final int[][] DEBRUIN = MetaforParityTest.SETS.get("debruin2009");
    private static final int[][] SME = MetaforParityTest.SETS.get("sme");
    // R: dat.debruin2009$year, $select, $patients (metadat 1.2.0)
    private static final double[] YEAR = {2005, 2003, 2003, 2006, 1999, 2002, 2003, 2005, 2005, 2000, 2005, 2006, 2006};
    private static final String[] SELECT = {"no", "yes", "no", "no", "no", "yes", "no", "no", "yes", "no", "yes", "yes", "no"};
    private static final String[] PATIENTS = {"starting", "continuing", "continuing", "continuing", "starting",
        "continuing", "continuing", "starting", "continuing", "starting", "continuing", "starting", "starting"};

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = MetaforExtrasTest.class.getResourceAsStream("metafor-extras.txt")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(l -> l.split(";")).toList();
        }
    }

    private static String[] line(String... prefix) {
        return lines.stream().filter(l -> Arrays.equals(Arrays.copyOf(l, prefix.length), prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no line " + Arrays.toString(prefix)));
    }

    private static double[] numbers(String field) {
        return Arrays.stream(field.split(",")).mapToDouble(s -> s.equals("Inf") ? Double.POSITIVE_INFINITY
                : Double.parseDouble(s)).toArray();
    }

    private static void assertClose(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + " length");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], TOLERANCE * Math.max(1, Math.abs(expected[i])), what + " [" + i + "]");
        }
    }

    /** {@code escalc(m, xi = xi, ni = ni, data = sme)}: yi and vi to the last bit, zero cells corrected for PR and PLO. */
    @Test
    void effectSizesEqualEscalc() {
        for (ProportionMeasure m : ProportionMeasure.values()) {
            String[] l = line("ESCALC", m.name());
            EffectSizes es = EffectSizes.of(m, SME[0], SME[1]);
            double[] y = numbers(l[2]);
            double[] v = numbers(l[3]);
            for (int i = 0; i < es.size(); i++) {
                assertEquals(y[i], es.yi(i), Math.ulp(y[i]) * 2, m + " yi " + i);
                assertEquals(v[i], es.vi(i), Math.ulp(v[i]) * 2, m + " vi " + i);
            }
        }
    }

    private static final Study STUDY = Study.builder("S").title("T").publisher("P").region(Region.of("FR"))
            .population(new Population("SMEs", SizeClassScheme.NOT_STATED, Optional.empty(), Optional.empty())).build();

    private static Observation observation(Figure figure, double designEffect) {
        Observation.Builder b = Observation.builder(STUDY, Indicator.of("uses", ""), NetworkScope.EXTERNAL, figure);
        return designEffect > 0 ? b.designEffect(designEffect).build() : b.build();
    }

    /**
     * Survey figures pooled through their effective samples — counts; counts with a design effect; a proportion
     * with its base and design effect; a proportion with its standard error; one with its 95 % interval — equal
     * metafor given the same fractional counts ({@code svy} in metafor-extras.R):
     * {@code e <- escalc(m, xi = xi, ni = ni, data = svy)}; {@code r <- rma(yi, vi, data = e, method = "REML",
     * control = con)}; {@code predict(r, transf = transf.ilogit)} or
     * {@code predict(r, transf = transf.ipft.hm, targs = list(ni = svy$ni))}.
     */
    @Test
    void surveyFiguresEnterThroughTheirEffectiveSamples() {
        List<Observation> figures = List.of(observation(new Figure.Counts(30, 120), 0),
                observation(new Figure.Counts(80, 400), 1.6),
                observation(new Figure.WithBase(0.42, 600), 2),
                observation(new Figure.WithStandardError(0.35, 0.02, OptionalInt.empty()), 0),
                observation(new Figure.WithInterval(0.5, 0.45, 0.55, 0.95, OptionalInt.empty()), 0));
        for (ProportionMeasure m : List.of(ProportionMeasure.PLO, ProportionMeasure.PFT)) {
            String[] l = line("SURVEY", m.name());
            EffectSizes es = EffectSizes.of(m, figures);
            assertClose(numbers(l[2]), IntStream.range(0, es.size()).mapToDouble(es::yi).toArray(), m + " yi");
            assertClose(numbers(l[3]), IntStream.range(0, es.size()).mapToDouble(es::vi).toArray(), m + " vi");
            MetaResult r = MetaAnalysis.withDefaults().fit(es);
            // the one-call reads of the pooled proportion with its confidence and prediction intervals
            Interval ci = r.pooledProportion().orElseThrow();
            Interval pi = r.pooledProportionPrediction().orElseThrow();
            assertEquals(r.backTransformed().confidence(), ci);
            assertEquals(r.backTransformed().prediction(), pi);
            assertClose(numbers(l[4]), new double[] {r.estimate(), r.standardError(), r.tau2(), r.i2(),
                ci.estimate(), ci.lower(), ci.upper(), pi.lower(), pi.upper()}, m + " fit");
        }
        Observation unbased = observation(new Figure.Unbased(0.3), 0);
        assertEquals("Figure of " + unbased.label() + " has no base, standard error or interval: its precision is"
                + " unknown", assertThrows(IllegalArgumentException.class,
                        () -> EffectSizes.of(ProportionMeasure.PLO, List.of(figures.get(0), unbased))).getMessage());
        Observation zero = observation(new Figure.WithStandardError(0, 0.01, OptionalInt.empty()), 0);
        assertEquals(zero.label() + ": Proportion is not in (0, 1): 0.0", assertThrows(IllegalArgumentException.class,
                () -> EffectSizes.of(ProportionMeasure.PLO, List.of(zero))).getMessage());
    }

    private static Moderators yearAndSelect() {
        return Moderators.builder(YEAR.length).numeric("year", YEAR).factor("select", SELECT).build();
    }

    /**
     * {@code rma(yi, vi, mods = ~ year + select, data = escalc("PLO", xi, ni, data = dat.debruin2009),
     * method = "REML", test = test)}: beta, se, zval, pval, ci.lb, ci.ub; QM, QMp, QE, QEp, tau2, I2, H2, R2.
     */
    @Test
    void metaRegressionAgreesWithMetafor() {
        EffectSizes es = EffectSizes.of(ProportionMeasure.PLO, DEBRUIN[0], DEBRUIN[1]);
        for (String test : List.of("z", "knha")) {
            String[] l = line("REGRESSION", test);
            MetaRegression r = MetaAnalysis.withDefaults().withKnappHartung(test.equals("knha")).fit(es, yearAndSelect());
            checkRegression(l, r, test);
        }
        String[] l = line("REGRESSION_EE", "z");
        checkRegression(l, MetaAnalysis.withDefaults().withEstimator(Tau2Estimator.EE).fit(es, yearAndSelect()), "EE");
    }

    private static void checkRegression(String[] l, MetaRegression r, String what) {
        assertEquals(List.of("intrcpt", "year", "selectyes"), r.coefficients().stream().map(Coefficient::name).toList());
        assertClose(numbers(l[2]), r.coefficients().stream().mapToDouble(Coefficient::estimate).toArray(), what + " beta");
        assertClose(numbers(l[3]), r.coefficients().stream().mapToDouble(Coefficient::standardError).toArray(), what + " se");
        assertClose(numbers(l[4]), r.coefficients().stream().mapToDouble(Coefficient::statistic).toArray(), what + " z");
        assertClose(numbers(l[5]), r.coefficients().stream().mapToDouble(Coefficient::pValue).toArray(), what + " p");
        assertClose(numbers(l[6]), r.coefficients().stream().mapToDouble(Coefficient::lower).toArray(), what + " ci.lb");
        assertClose(numbers(l[7]), r.coefficients().stream().mapToDouble(Coefficient::upper).toArray(), what + " ci.ub");
        double[] stats = numbers(l[8]);
        assertClose(stats, new double[] {r.qm().getAsDouble(), r.qmPValue().getAsDouble(), r.qe(), r.qePValue(), r.tau2(),
            r.i2(), r.h2(), r.r2().getAsDouble()}, what + " QM, QMp, QE, QEp, tau2, I2, H2, R2");
        // res$QMdf: c(2, k - p) under Knapp-Hartung, c(2, NA) otherwise; res$dfs: k - p, or NA; QE on k - p
        assertEquals(2, r.qmDegreesOfFreedom().orElseThrow());
        assertEquals(r.k() - 3, r.qeDegreesOfFreedom());
        if (what.equals("knha")) {
            assertEquals(r.k() - 3, r.qmDenominatorDegreesOfFreedom().orElseThrow());
            assertEquals(r.k() - 3, r.degreesOfFreedom().orElseThrow());
        } else {
            assertTrue(r.qmDenominatorDegreesOfFreedom().isEmpty(), what);
            assertTrue(r.degreesOfFreedom().isEmpty(), what);
        }
    }

    /**
     * {@code fits <- lapply(split(db, db$patients), function(d) rma(yi, vi, data = d, method = "REML"))};
     * {@code rma(sapply(fits, coef), sei = sapply(fits, function(x) x$se), method = "EE")$QE} and {@code $QEp}.
     */
    @Test
    void subgroupsAgreeWithSeparateMetaforFits() {
        String[] l = line("SUBGROUPS");
        EffectSizes es = EffectSizes.of(ProportionMeasure.PLO, DEBRUIN[0], DEBRUIN[1]);
        SubgroupAnalysis s = MetaAnalysis.withDefaults().subgroups(es, List.of(PATIENTS));
        assertEquals(List.of("starting", "continuing"), List.copyOf(s.results().keySet()), "order of first appearance");
        List<MetaResult> rOrder = List.of(s.results().get("continuing"), s.results().get("starting"));
        assertClose(numbers(l[1]), rOrder.stream().mapToDouble(MetaResult::estimate).toArray(), "estimates");
        assertClose(numbers(l[2]), rOrder.stream().mapToDouble(MetaResult::standardError).toArray(), "se");
        assertClose(numbers(l[3]), rOrder.stream().mapToDouble(MetaResult::tau2).toArray(), "tau2");
        assertClose(numbers(l[4]), new double[] {s.between().statistic(), s.between().pValue()}, "Q between");
        assertEquals(1, s.between().degreesOfFreedom().getAsDouble(), 0.0);
    }

    /** {@code weights(rma(yi, vi, data = escalc("PLO", xi, ni, data = dat.pritz1997), method = m, control = con))}. */
    @Test
    void weightsAgreeWithMetafor() {
        EffectSizes pritz = EffectSizes.of(ProportionMeasure.PLO, PRITZ[0], PRITZ[1]);
        for (Tau2Estimator m : List.of(Tau2Estimator.REML, Tau2Estimator.EE)) {
            MetaResult r = MetaAnalysis.withDefaults().withEstimator(m).fit(pritz);
            assertClose(numbers(line("WEIGHTS", m.name())[2]), IntStream.range(0, r.k()).mapToDouble(r::weight).toArray(),
                    m + " weights");
        }
    }

    /** {@code leave1out(rma(yi, vi, data = escalc("PLO", xi, ni, data = dat.pritz1997), method = "REML"))}. */
    @Test
    void leaveOneOutAgreesWithMetafor() {
        String[] l = line("LEAVE1OUT");
        LeaveOneOut loo = MetaAnalysis.withDefaults().leaveOneOut(EffectSizes.of(ProportionMeasure.PLO, PRITZ[0], PRITZ[1]));
        List<MetaResult> r = loo.results();
        assertClose(numbers(l[1]), r.stream().mapToDouble(MetaResult::estimate).toArray(), "estimate");
        assertClose(numbers(l[2]), r.stream().mapToDouble(MetaResult::standardError).toArray(), "se");
        assertClose(numbers(l[3]), r.stream().mapToDouble(x -> x.confidenceInterval().lower()).toArray(), "ci.lb");
        assertClose(numbers(l[4]), r.stream().mapToDouble(x -> x.confidenceInterval().upper()).toArray(), "ci.ub");
        assertClose(numbers(l[5]), r.stream().mapToDouble(MetaResult::qe).toArray(), "Q");
        assertClose(numbers(l[6]), r.stream().mapToDouble(MetaResult::tau2).toArray(), "tau2");
        assertClose(numbers(l[7]), r.stream().mapToDouble(MetaResult::i2).toArray(), "I2");
        assertClose(numbers(l[8]), r.stream().mapToDouble(MetaResult::h2).toArray(), "H2");
        assertEquals(14, loo.toTable().rowCount());
    }

    /** {@code regtest(rma(yi, vi, data = d, method = method, test = test))}: zval, pval, est, ci.lb, ci.ub. */
    @Test
    void eggerTestAgreesWithRegtest() {
        for (String set : List.of("pritz", "debruin")) {
            int[][] counts = set.equals("pritz") ? PRITZ : DEBRUIN;
            EffectSizes es = EffectSizes.of(ProportionMeasure.PLO, counts[0], counts[1]);
            for (Tau2Estimator method : List.of(Tau2Estimator.REML, Tau2Estimator.DL)) {
                for (String test : List.of("z", "knha")) {
                    String[] l = line("REGTEST", set, method.name(), test);
                    RegressionTest egger = MetaAnalysis.withDefaults().withEstimator(method)
                            .withKnappHartung(test.equals("knha")).eggerTest(es);
                    assertClose(numbers(l[4]), new double[] {egger.statistic(), egger.pValue(),
                        egger.limitEstimate().estimate(), egger.limitEstimate().lower(), egger.limitEstimate().upper()},
                            set + " " + method + " " + test);
                }
            }
        }
    }

    /**
     * {@code trimfill(rma(yi, vi, data = d, method = method, control = con), control = con)}: k0, side, se.k0,
     * beta, se, tau2, and the filled yi, vi ({@code con} converges the fits inside trimfill too).
     */
    @Test
    void trimAndFillAgreesWithMetafor() {
        for (String set : List.of("pritz", "debruin", "sme")) {
            int[][] counts = set.equals("pritz") ? PRITZ : set.equals("debruin") ? DEBRUIN : SME;
            EffectSizes es = EffectSizes.of(ProportionMeasure.PLO, counts[0], counts[1]);
            for (Tau2Estimator method : List.of(Tau2Estimator.REML, Tau2Estimator.DL, Tau2Estimator.EE)) {
                String[] l = line("TRIMFILL", set, method.name());
                String what = set + " " + method;
                TrimAndFill tf = MetaAnalysis.withDefaults().withEstimator(method).trimAndFill(es);
                assertEquals(Integer.parseInt(l[3]), tf.missing(), what + " k0");
                assertEquals(l[4], tf.side(), what + " side");
                assertClose(numbers(l[5]), new double[] {tf.missingStandardError(), tf.adjusted().estimate(),
                    tf.adjusted().standardError(), tf.adjusted().tau2()}, what + " se.k0, beta, se, tau2");
                double[] y = numbers(l[6]);
                double[] v = numbers(l[7]);
                assertEquals(y.length, tf.filled().size(), what);
                for (int i = 0; i < y.length; i++) {
                    assertEquals(y[i], tf.filled().yi(i), TOLERANCE, what + " yi " + i);
                    assertEquals(v[i], tf.filled().vi(i), TOLERANCE, what + " vi " + i);
                }
            }
        }
    }

    /**
     * {@code trimfill(rma(yi, vi, data = d, method = method, control = con), estimator = e, control = con)} for
     * e = "R0" and "Q0" (reference/metafor-trimfill.R): k0, side, se.k0, beta, se, tau2, p.k0 and the filled
     * studies; where metafor stops (Q0's square root of a negative number), this library throws.
     */
    @Test
    void trimAndFillEstimatorsAgreeWithMetafor() throws IOException {
        List<String[]> reference;
        try (InputStream in = MetaforExtrasTest.class.getResourceAsStream("metafor-trimfill.txt")) {
            reference = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(l -> l.split(";")).toList();
        }
        for (String[] l : reference.stream().filter(l -> l[0].equals("TRIMFILL")).toList()) {
            TrimAndFill.Estimator estimator = TrimAndFill.Estimator.valueOf(l[1]);
            int[][] counts = l[2].equals("pritz") ? PRITZ : l[2].equals("debruin") ? DEBRUIN : SME;
            EffectSizes es = EffectSizes.of(ProportionMeasure.PLO, counts[0], counts[1]);
            MetaAnalysis analysis = MetaAnalysis.withDefaults().withEstimator(Tau2Estimator.valueOf(l[3]));
            String what = String.join(" ", l[1], l[2], l[3]);
            if (l[4].equals("undefined")) {
                assertTrue(assertThrows(IllegalStateException.class, () -> analysis.trimAndFill(es, estimator))
                        .getMessage().startsWith("Trim-and-fill's Q0 estimator is undefined"), what);
                continue;
            }
            TrimAndFill tf = analysis.trimAndFill(es, estimator);
            assertEquals(estimator, tf.estimator());
            assertEquals(Integer.parseInt(l[4]), tf.missing(), what + " k0");
            assertEquals(l[5], tf.side(), what + " side");
            String[] stats = l[6].split(",");
            assertClose(numbers(String.join(",", Arrays.copyOf(stats, 4))), new double[] {tf.missingStandardError(),
                tf.adjusted().estimate(), tf.adjusted().standardError(), tf.adjusted().tau2()}, what);
            if (estimator == TrimAndFill.Estimator.R0) {
                assertEquals(Double.parseDouble(stats[4]), tf.missingPValue().getAsDouble(), 1e-15, what + " p.k0");
            } else {
                assertTrue(tf.missingPValue().isEmpty(), what);
            }
            double[] y = numbers(l[7]);
            assertEquals(y.length, tf.filled().size(), what);
            for (int i = 0; i < y.length; i++) {
                assertEquals(y[i], tf.filled().yi(i), TOLERANCE, what + " yi " + i);
            }
        }
    }

    /** {@code trimfill(res, side = "left" | "right")} with L0 on REML fits of pritz1997 and debruin2009. */
    @Test
    void trimAndFillOnAChosenSideAgreesWithMetafor() throws IOException {
        List<String[]> reference;
        try (InputStream in = MetaforExtrasTest.class.getResourceAsStream("metafor-trimfill.txt")) {
            reference = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(l -> l.split(";"))
                    .filter(l -> l[0].equals("TRIMFILL_SIDE")).toList();
        }
        assertEquals(4, reference.size());
        for (String[] l : reference) {
            int[][] counts = l[2].equals("pritz") ? PRITZ : DEBRUIN;
            EffectSizes es = EffectSizes.of(ProportionMeasure.PLO, counts[0], counts[1]);
            TrimAndFill tf = MetaAnalysis.withDefaults().trimAndFill(es, TrimAndFill.Estimator.L0,
                    TrimAndFill.Side.valueOf(l[1].toUpperCase(java.util.Locale.ROOT)));
            String what = l[1] + " " + l[2];
            assertEquals(Integer.parseInt(l[3]), tf.missing(), what + " k0");
            assertEquals(l[4], tf.side(), what + " side");
            assertClose(numbers(l[5]), new double[] {tf.missingStandardError(), tf.adjusted().estimate(),
                tf.adjusted().standardError(), tf.adjusted().tau2()}, what);
            double[] y = numbers(l[6]);
            assertEquals(y.length, tf.filled().size(), what);
            for (int i = 0; i < y.length; i++) {
                assertEquals(y[i], tf.filled().yi(i), TOLERANCE, what + " yi " + i);
            }
        }
    }

    /**
     * {@code print(leave1out(rma(yi, vi, data = escalc("PLO", xi, ni, data = dat.pritz1997))), digits = 4)}: its
     * first and last rows (R prints the table wrapped at 80 columns; here it is one table).
     */
    @Test
    void leaveOneOutPrintsAsMetafor() {
        LeaveOneOut loo = MetaAnalysis.withDefaults().leaveOneOut(EffectSizes.of(ProportionMeasure.PLO, PRITZ[0], PRITZ[1]));
        List<String> lines = List.of(loo.summary().split("\n"));
        assertEquals(List.of("estimate", "se", "zval", "pval", "ci.lb", "ci.ub", "Q", "Qp", "tau2", "I2", "H2"),
                List.of(lines.get(0).strip().split("\\s+")));
        assertEquals("1.0544 0.2352 4.4835 0.0000 0.5935 1.5154 26.5736 0.0089 0.3098 53.9395 2.1711",
                lines.get(1).substring(lines.get(1).indexOf("  ")).strip().replaceAll("\\s+", " "));
        assertEquals("1.2141 0.2604 4.6628 0.0000 0.7038 1.7245 29.0645 0.0039 0.4123 60.0580 2.5036",
                lines.get(14).substring(lines.get(14).indexOf("  ")).strip().replaceAll("\\s+", " "));
    }

    /**
     * metafor 3.8.1 on {@code db <- escalc("PLO", xi, ni, data = dat.debruin2009)}:
     * {@code predict(rma(yi, vi, mods = ~ year + select, data = db, method = "REML", control = con),
     * newmods = c(2004, 1))} and
     * {@code predict(rma(yi, vi, mods = ~ year, data = db, method = "DL", test = "knha"), newmods = 2004)}:
     * pred, se, ci.lb, ci.ub, pi.lb, pi.ub.
     */
    @Test
    void predictionsAreMetafors() {
        EffectSizes es = EffectSizes.of(ProportionMeasure.PLO, DEBRUIN[0], DEBRUIN[1]);
        Prediction p = MetaAnalysis.withDefaults().withTolerance(1e-13).fit(es, yearAndSelect()).predict(2004, 1);
        assertClose(new double[] {-0.3578734768577988, 0.31220584414989461, -0.9697856871545173, 0.25403873343891969,
            -1.7413587014400953, 1.0256117477244979}, new double[] {p.confidence().estimate(), p.standardError(),
                p.confidence().lower(), p.confidence().upper(), p.prediction().lower(), p.prediction().upper()},
                "REML year + select");
        Prediction k = MetaAnalysis.withDefaults().withEstimator(Tau2Estimator.DL).withKnappHartung(true)
                .fit(es, Moderators.builder(YEAR.length).numeric("year", YEAR).build()).predict(2004);
        assertClose(new double[] {-0.15298857838541835, 0.19193263233090441, -0.57542945388306377, 0.26945229711222712,
            -1.3249493400100112, 1.0189721832391745}, new double[] {k.confidence().estimate(), k.standardError(),
                k.confidence().lower(), k.confidence().upper(), k.prediction().lower(), k.prediction().upper()},
                "DL knha year");
        assertEquals("The model has 2 moderator columns [year, selectyes]; 1 values were given",
                assertThrows(IllegalArgumentException.class, () -> MetaAnalysis.withDefaults().fit(es, yearAndSelect())
                        .predict(2004)).getMessage());
    }
}
