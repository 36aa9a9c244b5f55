package org.smesurvey.stats.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link PermutationTest} against metafor 3.8.1's {@code permutest(res, exact = TRUE)}
 * (stats/src/test/reference/metafor-permutest.R): sign flips of dat.bcg's log risk ratios (REML, EE, DL with
 * Knapp–Hartung) and of dat.hackshaw1998's first 14 studies, and row permutations with dat.bcg's latitude, latitude
 * and year, and allocation (a factor: tied rows), and dat.hackshaw1998's year. Exact p-values are shares of the same
 * finite set of permutations, so they agree to 1e-10 (they are equal). Random permutations come from
 * {@link java.util.SplittableRandom}, not R's stream: with 10,000 of them the p-value lies within three binomial
 * standard errors of the exact one.
 */
class PermutationTestTest {

    private static final Map<String, String[]> DATA = new LinkedHashMap<>();
    private static final Map<String, String[]> RESULTS = new LinkedHashMap<>();
    private static final Map<String, List<String>> PRINTED = new LinkedHashMap<>();

    @BeforeAll
    static void read() throws IOException {
        try (InputStream in = PermutationTestTest.class.getResourceAsStream("metafor-permutest.txt")) {
            String printing = null;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1)) {
                if (printing != null) {
                    if (line.equals("END;" + printing)) {
                        printing = null;
                    } else {
                        PRINTED.get(printing).add(line.stripTrailing());
                    }
                    continue;
                }
                String[] fields = line.split(";", -1);
                switch (fields[0]) {
                    case "DATA" -> DATA.put(fields[1], fields);
                    case "PERMUTEST" -> RESULTS.put(fields[1], fields);
                    case "PRINT" -> {
                        printing = fields[1];
                        PRINTED.put(printing, new ArrayList<>());
                    }
                    default -> {
                    }
                }
            }
        }
    }

    /** The case's model, fitted as R fitted it. */
    private static PooledModel model(String name) {
        String[] data = DATA.get(name);
        String[] result = RESULTS.get(name);
        double[] yi = SelectionModelTest.numbers(data[2]);
        double[] vi = SelectionModelTest.numbers(data[3]);
        String[] columns = data[data.length - 1].split(",");
        EffectSizes studies = EffectSizes.of(yi, vi, IntStream.range(0, yi.length).mapToObj(i -> "study " + (i + 1))
                .toList());
        MetaAnalysis analysis = MetaAnalysis.withDefaults().withEstimator(Tau2Estimator.valueOf(result[2]))
                .withKnappHartung(result[3].equals("knha")).withTolerance(1e-13);
        if (columns.length == 1) {
            return analysis.fit(studies);
        }
        Moderators.Builder design = Moderators.builder(yi.length);
        for (int c = 1; c < columns.length; c++) {
            design.numeric(columns[c], SelectionModelTest.numbers(data[3 + c]));
        }
        return analysis.fit(studies, design.build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"bcg_reml", "bcg_ee", "bcg_dl_knha", "hackshaw14_reml", "bcg7_ablat", "bcg7_ablat_knha",
        "bcg7_ablat_year", "bcg9_alloc", "hackshaw8_year"})
    void exactPValuesAreMetafors(String name) {
        PooledModel model = model(name);
        String[] r = RESULTS.get(name);
        PermutationTest test = PermutationTest.exact(model);
        assertTrue(test.exact());
        assertEquals(new BigInteger(r[4].strip()), PermutationTest.permutationCount(model), name + " count");
        assertEquals(Long.parseLong(r[4].strip()), test.permutations(), name + " permutations");
        double[] p = SelectionModelTest.numbers(r[5]);
        for (int j = 0; j < p.length; j++) {
            assertEquals(p[j], test.coefficients().get(j).pValue(), 1e-10, name + " p " + j);
        }
        double qmp = SelectionModelTest.numbers(r[6])[0];
        if (Double.isNaN(qmp)) {
            assertTrue(test.moderatorTest().isEmpty());
        } else {
            assertEquals(qmp, test.moderatorTest().orElseThrow().pValue(), 1e-10, name + " QMp");
            assertEquals(SelectionModelTest.numbers(r[8])[0], test.moderatorTest().orElseThrow().statistic(),
                    1e-8 * Math.max(1, SelectionModelTest.numbers(r[8])[0]), name + " QM");
        }
        double[] z = SelectionModelTest.numbers(r[7]);
        for (int j = 0; j < z.length; j++) {
            assertEquals(z[j], test.coefficients().get(j).statistic(), 1e-8 * Math.max(1, Math.abs(z[j])), name);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"bcg_reml", "bcg7_ablat", "bcg7_ablat_knha"})
    void theSummaryIsMetaforsPrint(String name) {
        String expected = String.join("\n", PRINTED.get(name)).strip();
        String actual = PermutationTest.exact(model(name)).summary().lines().map(String::stripTrailing)
                .reduce((a, b) -> a + "\n" + b).orElseThrow().strip();
        assertEquals(expected, actual, name);
    }

    /**
     * 10,000 random permutations (more than 2^14 = 16,384 sign patterns or 8! row orders would be exact): the
     * p-values within three binomial standard errors \( \sqrt{p(1-p)/10^4} \) of R's exact ones, the same seed
     * giving the same p-values.
     */
    @ParameterizedTest
    @ValueSource(strings = {"hackshaw14_reml", "hackshaw8_year"})
    void randomPermutationsAgreeInDistribution(String name) {
        PooledModel model = model(name);
        assertTrue(PermutationTest.permutationCount(model).compareTo(BigInteger.valueOf(10_000)) > 0, name);
        PermutationTest random = PermutationTest.of(model, 10_000, 20261207L);
        assertFalse(random.exact());
        assertEquals(10_000, random.permutations());
        double[] exact = SelectionModelTest.numbers(RESULTS.get(name)[5]);
        for (int j = 0; j < exact.length; j++) {
            double se = Math.sqrt(exact[j] * (1 - exact[j]) / 10_000);
            assertEquals(exact[j], random.coefficients().get(j).pValue(), 3 * Math.max(se, 1e-4), name + " p " + j);
        }
        PermutationTest again = PermutationTest.of(model, 10_000, 20261207L);
        assertEquals(random.coefficients(), again.coefficients());
    }

    @Test
    void fewPermutationsAreRunExactlyWhateverTheIterations() {
        PooledModel model = model("bcg7_ablat");
        PermutationTest test = PermutationTest.of(model, 1000_000, 1L);
        assertTrue(test.exact());
        assertEquals(PermutationTest.exact(model).coefficients(), test.coefficients());
        assertEquals("Number of iterations is below 2: 1", assertThrows(IllegalArgumentException.class,
                () -> PermutationTest.of(model, 1, 1L)).getMessage());
    }

    @Test
    void tooManyPermutationsForAnExactTestFail() {
        double[] y = new double[30];
        double[] v = new double[30];
        for (int i = 0; i < 30; i++) {
            y[i] = 0.1 * (i % 7) - 0.2;
            v[i] = 0.01 + 0.001 * i;
        }
        MetaResult fit = MetaAnalysis.withDefaults().fit(EffectSizes.of(y, v,
                IntStream.range(0, 30).mapToObj(i -> "s" + i).toList()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PermutationTest.exact(fit));
        assertTrue(e.getMessage().startsWith("The exact test would need 1073741824 permutations"), e.getMessage());
    }
}
