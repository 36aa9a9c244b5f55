package org.smesurvey.stats.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Meta-regression on an ill-conditioned design, against stats/src/test/reference/metafor-conditioning.R (R 4.2.2,
 * metafor 3.8.1): {@code rma(yi, vi, mods = ~ year, method)} on {@code escalc("PLO", xi, ni, data =
 * dat.debruin2009)}, where the year (1999 to 2006) is nearly collinear with the intercept, and the same with
 * {@code ~ year + I(year^2)}, nearly collinear with both. Each is checked at 1e-10 relative against the tight
 * solution (the model on the year centred at 2003, mapped back exactly), and the year alone also against
 * metafor's own raw fit. metafor refuses the raw year² design as "not of full rank"; this library fits it, its
 * moderators centred and scaled before the QR decomposition.
 */
class MetaRegressionConditioningTest {

    private static final double TOLERANCE = 1e-10;
    private static final double[] YEAR = {2005, 2003, 2003, 2006, 1999, 2002, 2003, 2005, 2005, 2000, 2005, 2006, 2006};
    private static List<String[]> lines;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = MetaRegressionConditioningTest.class.getResourceAsStream("metafor-conditioning.txt")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(l -> l.split(";")).toList();
        }
    }

    private static String[] line(String kind, String method, String model) {
        return lines.stream().filter(l -> l[0].equals(kind) && l[1].equals(method) && l[2].equals(model)).findFirst()
                .orElseThrow();
    }

    private static double[] numbers(String field) {
        return Arrays.stream(field.split(",")).mapToDouble(Double::parseDouble).toArray();
    }

    private static void assertClose(double[] expected, double[] actual, String what) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], TOLERANCE * Math.abs(expected[i]), what + " [" + i + "]");
        }
    }

    private static MetaRegression fit(String method, String model) {
        int[][] counts = MetaforParityTest.SETS.get("debruin2009");
        EffectSizes es = EffectSizes.of(ProportionMeasure.PLO, counts[0], counts[1]);
        Moderators.Builder mods = Moderators.builder(YEAR.length).numeric("year", YEAR);
        if (model.equals("quadratic")) {
            mods.numeric("year2", Arrays.stream(YEAR).map(y -> y * y).toArray());
        }
        return MetaAnalysis.withDefaults().withEstimator(Tau2Estimator.valueOf(method)).fit(es, mods.build());
    }

    private static void check(String[] reference, MetaRegression r, String what) {
        assertClose(numbers(reference[3]), r.coefficients().stream().mapToDouble(Coefficient::estimate).toArray(),
                what + " beta");
        assertClose(numbers(reference[4]), r.coefficients().stream().mapToDouble(Coefficient::standardError).toArray(),
                what + " se");
        double[] stats = numbers(reference[5]);
        assertClose(new double[] {stats[0], stats[1]}, new double[] {r.qm().getAsDouble(), r.qe()}, what + " QM, QE");
        assertEquals(stats[2], r.tau2(), TOLERANCE * Math.max(stats[2], 1e-300), what + " tau2");
    }

    @ParameterizedTest(name = "{0}, {1}")
    @CsvSource({"DL, year", "REML, year", "EE, year", "DL, quadratic", "REML, quadratic", "EE, quadratic"})
    void agreesWithTheTightSolution(String method, String model) {
        check(line("TIGHT", method, model), fit(method, model), method + " " + model + " (tight)");
        if (model.equals("year")) {
            check(line("RAW", method, model), fit(method, model), method + " " + model + " (metafor)");
        } else {
            assertEquals("refused", line("RAW", method, model)[3], "metafor refuses the raw quadratic design");
        }
    }
}
