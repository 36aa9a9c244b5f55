package org.smesurvey.stats.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.smesurvey.stats.Interval;

/**
 * Every measure × estimator × test on three data sets against metafor 3.8.1, row by row of
 * {@code metafor-rma.csv}, produced by stats/src/test/reference/metafor-rma.R:
 * {@code dat <- escalc(measure, xi = xi, ni = ni, data = set)};
 * {@code res <- rma(yi, vi, data = dat, method = method, test = test, control = list(threshold = 1e-13,
 * maxiter = 10000, tol = 1e-14))}; {@code predict(res)}; {@code predict(res, transf = ...)} (ilogit, iarcsin,
 * ipft.hm with {@code targs = list(ni = dat$ni)}); {@code confint(res, control = list(tol = 1e-14, tau2.max = 1e6))}
 * (the raised search limit lets metafor find the upper bounds that lie beyond its default, as this library does).
 * Data sets: metadat 1.2.0 {@code dat.pritz1997} and {@code dat.debruin2009}, and an SME-style set with a study
 * at x = 0 and one at x = n; then the edge cases of {@code metafor-edge.csv} (metafor-rma.R edge, the same calls):
 * one study, two, three identical studies, τ² = 0, and n from 1 to 10,000,000.
 */
class MetaforParityTest {

    /** Closed-form quantities (EE, DL, HE, SJ) agree to rounding; iterative ones to their convergence. */
    private static final double CLOSED_FORM = 1e-10;
    private static final double ITERATIVE = 1e-8;

    static final Map<String, int[][]> SETS = Map.of(
            // R: cat(dat.pritz1997$xi); cat(dat.pritz1997$ni) (metadat 1.2.0)
            "pritz1997", new int[][] {{16, 10, 4, 43, 10, 25, 13, 12, 22, 4, 5, 18, 58, 6},
                {17, 12, 8, 58, 10, 42, 14, 12, 41, 5, 6, 23, 68, 10}},
            // R: cat(dat.debruin2009$xi); cat(dat.debruin2009$ni)
            "debruin2009", new int[][] {{11, 24, 179, 82, 60, 11, 99, 9, 88, 17, 26, 23, 40},
                {29, 33, 326, 240, 110, 29, 244, 17, 215, 26, 138, 55, 54}},
            "sme", new int[][] {{0, 12, 45, 80, 30, 212}, {80, 60, 120, 80, 95, 400}},
            // Edge cases (metafor-rma.R edge): one study, two, identical studies, tau^2 = 0, huge and tiny n.
            "k1", new int[][] {{30}, {100}},
            "k2", new int[][] {{16, 10}, {17, 12}},
            "identical", new int[][] {{20, 20, 20}, {100, 100, 100}},
            "homogeneous", new int[][] {{30, 31, 29, 30}, {100, 100, 100, 100}},
            "hugetiny", new int[][] {{3_000_000, 0, 1, 45}, {10_000_000, 1, 1, 100}});

    static Stream<Arguments> rows() throws IOException {
        return Stream.concat(rows("metafor-rma.csv"), rows("metafor-edge.csv"));
    }

    private static Stream<Arguments> rows(String resource) throws IOException {
        List<Arguments> rows = new ArrayList<>();
        try (InputStream in = MetaforParityTest.class.getResourceAsStream(resource);
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                rows.add(Arguments.of(r.get("set") + " " + r.get("measure") + " " + r.get("method") + " " + r.get("test"),
                        r.toMap()));
            }
        }
        return rows.stream();
    }

    private static void check(Map<String, String> expected, String column, double actual, double tolerance,
            String what) {
        String text = expected.get(column);
        if (text.equals("NA")) {
            return;
        }
        double value = switch (text) {
            case "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
        if (Double.isInfinite(value)) {
            assertEquals(value, actual, what + " " + column);
            return;
        }
        assertEquals(value, actual, tolerance * Math.max(1, Math.abs(value)), what + " " + column);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void agreesWithMetafor(String name, Map<String, String> row) {
        int[][] counts = SETS.get(row.get("set"));
        ProportionMeasure measure = ProportionMeasure.valueOf(row.get("measure"));
        Tau2Estimator estimator = Tau2Estimator.valueOf(row.get("method"));
        boolean knha = row.get("test").equals("knha");
        double tolerance = estimator == Tau2Estimator.ML || estimator == Tau2Estimator.REML
                || estimator == Tau2Estimator.EB || estimator == Tau2Estimator.PM ? ITERATIVE : CLOSED_FORM;
        MetaResult r = MetaAnalysis.withDefaults().withEstimator(estimator).withKnappHartung(knha)
                .fit(EffectSizes.of(measure, counts[0], counts[1]));

        assertEquals(Integer.parseInt(row.get("k")), r.k());
        check(row, "estimate", r.estimate(), tolerance, name);
        check(row, "se", r.standardError(), tolerance, name);
        check(row, "statistic", r.statistic(), tolerance, name);
        check(row, "pvalue", r.pValue(), tolerance, name);
        check(row, "ci_lb", r.confidenceInterval().lower(), tolerance, name);
        check(row, "ci_ub", r.confidenceInterval().upper(), tolerance, name);
        check(row, "tau2", r.tau2(), tolerance, name);
        check(row, "i2", r.i2(), tolerance, name);
        check(row, "h2", r.h2(), tolerance, name);
        check(row, "qe", r.qe(), CLOSED_FORM, name);
        check(row, "qe_p", r.qePValue(), CLOSED_FORM, name);
        if (estimator != Tau2Estimator.EE) {
            check(row, "pi_lb", r.predictionInterval().lower(), tolerance, name);
            check(row, "pi_ub", r.predictionInterval().upper(), tolerance, name);
            check(row, "se_tau2", r.tau2StandardError().orElse(Double.NaN), tolerance, name);
        }
        if (estimator != Tau2Estimator.EE && r.k() > 1) {
            MetaResult.Heterogeneity h = r.heterogeneity();
            check(row, "tau2_lb", h.tau2().lower(), ITERATIVE, name);
            check(row, "tau2_ub", h.tau2().upper(), ITERATIVE, name);
            check(row, "i2_lb", h.i2().lower(), ITERATIVE, name);
            check(row, "i2_ub", h.i2().upper(), ITERATIVE, name);
        }
        MetaResult.BackTransformed bt = r.backTransformed();
        check(row, "bt_estimate", bt.confidence().estimate(), tolerance, name);
        check(row, "bt_ci_lb", bt.confidence().lower(), tolerance, name);
        check(row, "bt_ci_ub", bt.confidence().upper(), tolerance, name);
        if (estimator != Tau2Estimator.EE) {
            Interval pi = bt.prediction();
            check(row, "bt_pi_lb", pi.lower(), tolerance, name);
            check(row, "bt_pi_ub", pi.upper(), tolerance, name);
        }
    }
}
