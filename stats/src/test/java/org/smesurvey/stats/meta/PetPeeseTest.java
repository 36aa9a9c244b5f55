package org.smesurvey.stats.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link PetPeese} against metafor 3.8.1 (stats/src/test/reference/metafor-petpeese.R):
 * {@code rma(yi, vi, mods = ~ sqrt(vi), method, test)} and {@code rma(yi, vi, mods = ~ vi, method, test)} on
 * dat.hackshaw1998, dat.bangertdrowns2004, dat.bcg's log risk ratios and dat.cohen1981's r-to-z, with
 * {@code method = "FE"} (closed form: 1e-10), REML (iterative, solved tightly on both sides: 1e-8) and FE with
 * {@code test = "knha"}, which is R's {@code lm(yi ~ sqrt(vi), weights = 1/vi)} (1e-10 against both).
 */
class PetPeeseTest {

    private static final List<String[]> LINES = new ArrayList<>();

    @BeforeAll
    static void read() throws IOException {
        try (InputStream in = PetPeeseTest.class.getResourceAsStream("metafor-petpeese.txt")) {
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().forEach(l -> LINES.add(l.split(";", -1)));
        }
    }

    private static EffectSizes studies(String set) {
        String[] data = LINES.stream().filter(l -> l[0].equals("DATA") && l[1].equals(set)).findFirst().orElseThrow();
        double[] yi = SelectionModelTest.numbers(data[2]);
        double[] vi = SelectionModelTest.numbers(data[3]);
        return EffectSizes.of(yi, vi, IntStream.range(0, yi.length).mapToObj(i -> set + " " + (i + 1)).toList());
    }

    private static MetaAnalysis analysis(String method, String test) {
        return MetaAnalysis.withDefaults().withEstimator(method.equals("FE") ? Tau2Estimator.EE : Tau2Estimator.REML)
                .withKnappHartung(test.equals("knha")).withTolerance(1e-13);
    }

    private static void compare(String[] r, MetaRegression fit, double tolerance) {
        String where = String.join(" ", r[0], r[1], r[2], r[3]);
        double[][] fields = new double[6][];
        for (int f = 0; f < 6; f++) {
            fields[f] = SelectionModelTest.numbers(r[4 + f]);
        }
        for (int j = 0; j < 2; j++) {
            Coefficient c = fit.coefficients().get(j);
            double[] actual = {c.estimate(), c.standardError(), c.statistic(), c.pValue(), c.lower(), c.upper()};
            for (int f = 0; f < 6; f++) {
                assertEquals(fields[f][j], actual[f], tolerance * Math.max(1, Math.abs(fields[f][j])),
                        where + " coefficient " + j + " field " + f);
            }
        }
    }

    @Test
    void theTwoRegressionsAreMetafors() {
        int checked = 0;
        for (String[] r : LINES.stream().filter(l -> l[0].equals("PET") || l[0].equals("PEESE")).toList()) {
            PetPeese pp = PetPeese.of(studies(r[1]), analysis(r[2], r[3]), PetPeese.DEFAULT_ALPHA);
            compare(r, r[0].equals("PET") ? pp.pet() : pp.peese(), r[2].equals("REML") ? 1e-8 : 1e-10);
            checked++;
        }
        assertEquals(4 * 3 * 2, checked);
    }

    @Test
    void withKnappHartungTheyAreTheAuthorsWeightedLeastSquares() {
        for (String[] r : LINES.stream().filter(l -> l[0].equals("LM")).toList()) {
            PetPeese pp = PetPeese.of(studies(r[1]), analysis("FE", "knha"), PetPeese.DEFAULT_ALPHA);
            MetaRegression fit = r[2].equals("PET") ? pp.pet() : pp.peese();
            for (int j = 0; j < 2; j++) {
                Coefficient c = fit.coefficients().get(j);
                double[] actual = {c.estimate(), c.standardError(), c.statistic(), c.pValue()};
                for (int f = 0; f < 4; f++) {
                    double expected = SelectionModelTest.numbers(r[3 + f])[j];
                    assertEquals(expected, actual[f], 1e-10 * Math.max(1, Math.abs(expected)),
                            r[1] + " " + r[2] + " " + j + " " + f);
                }
            }
        }
    }

    @Test
    void theConditionalEstimateFollowsPetsTwoSidedTestAtTenPercent() {
        for (String set : List.of("hackshaw", "bangertdrowns", "bcg", "cohen")) {
            PetPeese pp = PetPeese.of(studies(set));
            assertEquals(Tau2Estimator.EE, pp.pet().estimator());
            assertEquals(0.10, pp.alpha());
            boolean peese = pp.petIntercept().pValue() < 0.10;
            assertEquals(peese, pp.usesPeese(), set);
            assertEquals(peese ? pp.peeseIntercept() : pp.petIntercept(), pp.estimate());
            String text = pp.summary();
            assertTrue(text.contains("the estimate is " + (peese ? "PEESE" : "PET") + "'s"), text);
            // The same data at a level just below and just above PET's p-value switch the choice.
            double p = pp.petIntercept().pValue();
            if (p > 1e-6 && p < 0.999) {
                MetaAnalysis ee = MetaAnalysis.withDefaults().withEstimator(Tau2Estimator.EE);
                assertEquals(false, PetPeese.of(studies(set), ee, p * 0.999).usesPeese());
                assertEquals(true, PetPeese.of(studies(set), ee, Math.min(0.9999, p * 1.001)).usesPeese());
            }
        }
    }

    @Test
    void badArgumentsFail() {
        EffectSizes two = EffectSizes.of(new double[] {0.1, 0.2}, new double[] {0.01, 0.02}, List.of("a", "b"));
        assertEquals("PET-PEESE needs at least three studies: k = 2",
                assertThrows(IllegalArgumentException.class, () -> PetPeese.of(two)).getMessage());
        assertEquals("Alpha is not in (0, 1): 1.0", assertThrows(IllegalArgumentException.class,
                () -> PetPeese.of(studies("bcg"), MetaAnalysis.withDefaults(), 1.0)).getMessage());
    }
}
