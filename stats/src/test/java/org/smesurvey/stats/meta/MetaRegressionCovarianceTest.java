package org.smesurvey.stats.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The coefficients' covariance and the standard error of τ² against metafor 3.8.1
 * (stats/src/test/reference/metafor-covariance.R) on de Bruin et al. (2009) as logits:
 * {@code res <- rma(yi, vi, mods = ~ year + select, data = db, method = m, test = t, control = con)} and the same
 * without {@code mods}; {@code vcov(res)} and {@code res$se.tau2}, every estimator, z and Knapp–Hartung tests.
 * The iterative estimators ran to {@code threshold = 1e-13}; tolerance 1e-8 relative.
 */
class MetaRegressionCovarianceTest {

    private static final double TOLERANCE = 1e-8;
    private static List<String[]> lines;
    // R: dat.debruin2009$year and $select (metadat 1.2.0)
    static final double[] YEAR = {2005, 2003, 2003, 2006, 1999, 2002, 2003, 2005, 2005, 2000, 2005, 2006, 2006};
    static final String[] SELECT = {"no", "yes", "no", "no", "no", "yes", "no", "no", "yes", "no", "yes", "yes", "no"};

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = MetaRegressionCovarianceTest.class.getResourceAsStream("metafor-covariance.txt")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(l -> l.split(";")).toList();
        }
    }

    private static double[] numbers(String field) {
        return Arrays.stream(field.split(",")).mapToDouble(s -> s.equals("NA") ? Double.NaN : Double.parseDouble(s))
                .toArray();
    }

    private static void close(double expected, double actual, String what) {
        assertEquals(expected, actual, TOLERANCE * Math.max(1, Math.abs(expected)), what);
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({"MODS, EE, z", "MODS, EE, knha", "MODS, DL, z", "MODS, DL, knha", "MODS, HE, z", "MODS, HE, knha",
        "MODS, SJ, z", "MODS, SJ, knha", "MODS, PM, z", "MODS, PM, knha", "MODS, ML, z", "MODS, ML, knha",
        "MODS, REML, z", "MODS, REML, knha", "MODS, EB, z", "MODS, EB, knha",
        "EMPTY, EE, z", "EMPTY, DL, z", "EMPTY, HE, knha", "EMPTY, SJ, z", "EMPTY, PM, z", "EMPTY, ML, knha",
        "EMPTY, REML, z", "EMPTY, EB, z"})
    void vcovAndSeTau2AreMetafors(String kind, String method, String test) {
        String[] l = lines.stream().filter(x -> x[0].equals(kind) && x[1].equals(method) && x[2].equals(test))
                .findFirst().orElseThrow();
        MetaAnalysis analysis = MetaAnalysis.withDefaults().withEstimator(Tau2Estimator.valueOf(method))
                .withKnappHartung(test.equals("knha"));
        EffectSizes es = EffectSizes.of(ProportionMeasure.PLO, MetaforParityTest.SETS.get("debruin2009")[0],
                MetaforParityTest.SETS.get("debruin2009")[1]);
        FittedModel fit = kind.equals("MODS") ? analysis.fit(es, Moderators.builder(YEAR.length).numeric("year", YEAR).factor("select", SELECT).build()) : analysis.fit(es);
        String what = kind + " " + method + " " + test;
        close(numbers(l[3])[0], fit.tau2(), what + " tau2");
        double se = numbers(l[4])[0];
        if (Double.isNaN(se)) {
            assertTrue(fit.tau2StandardError().isEmpty(), what + " no se.tau2");
        } else {
            close(se, fit.tau2StandardError().getAsDouble(), what + " se.tau2");
        }
        double[] vcov = numbers(l[5]);
        double[][] ours = fit.covariance();
        int p = ours.length;
        assertEquals(vcov.length, p * p, what + " dimension");
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                close(vcov[a * p + b], ours[a][b], what + " vcov " + a + "," + b);
            }
            close(Math.sqrt(ours[a][a]), fit.coefficients().get(a).standardError(), what + " se " + a);
        }
        ours[0][0] = -1;
        assertTrue(fit.covariance()[0][0] > 0, "a copy");
    }
}
