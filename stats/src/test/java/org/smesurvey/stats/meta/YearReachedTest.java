package org.smesurvey.stats.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The year a share is reached against the formula written out in R on metafor 3.8.1's fits
 * (stats/src/test/reference/metafor-year-reached.R): \( t^* = (\operatorname{logit}L - c'b)/d'b \) and
 * \( \sqrt{g'\,\mathrm{vcov(res)}\,g}/|d'b| \), \( g = c + t^*d \), on
 * {@code rma(yi, vi, mods = ~ year + select, data = escalc("PLO", xi, ni, data = dat.debruin2009), method = "REML",
 * test = t)} (1e-10 relative: the same β and vcov to that precision; the standard error 1e-8, its quadratic form
 * cancelling seven digits with a raw year) and on the three-level
 * {@code rma.mv(yi, vi, mods = ~ c, random = ~ 1 | district/school, data = dat.konstantopoulos2011)} with its yi taken
 * as logits (the tight fit, 1e-8: the iterative components).
 */
class YearReachedTest {

    private static List<String[]> lines;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = YearReachedTest.class.getResourceAsStream("metafor-year-reached.txt")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(l -> l.split(";")).toList();
        }
    }

    private static double[] numbers(String field) {
        return Arrays.stream(field.split(",")).mapToDouble(Double::parseDouble).toArray();
    }

    private static void check(String[] l, YearReached y, double tolerance) {
        double[] expected = numbers(l[4]);
        double[] actual = {y.estimate(), y.standardError(), y.lower(), y.upper()};
        for (int j = 0; j < 4; j++) {
            // The standard error's g'Vg, with a raw year near 2000, cancels seven digits on both sides (the
            // intercept's variance is 3e4, the result near 40): 1e-8 for it, whatever the fit.
            double t = j == 1 ? Math.max(tolerance, 1e-8) : tolerance;
            assertEquals(expected[j], actual[j], t * Math.max(1, Math.abs(expected[j])), String.join(";", l) + " " + j);
        }
    }

    private static MetaRegression debruin(boolean knha) {
        EffectSizes es = EffectSizes.of(ProportionMeasure.PLO, MetaforParityTest.SETS.get("debruin2009")[0],
                MetaforParityTest.SETS.get("debruin2009")[1]);
        return MetaAnalysis.withDefaults().withKnappHartung(knha).fit(es, Moderators.builder(13)
                .numeric("year", MetaRegressionCovarianceTest.YEAR).factor("select", MetaRegressionCovarianceTest.SELECT)
                .build());
    }

    @Test
    void metaRegressionAgreesWithTheFormulaOnMetaforsFit() {
        for (String[] l : lines.stream().filter(x -> x[0].equals("REGRESSION")).toList()) {
            MetaRegression r = debruin(l[1].equals("knha"));
            // The year's own value (1900) is not used.
            check(l, r.yearReached(Double.parseDouble(l[3]), "year", 1900, Double.parseDouble(l[2])), 1e-10);
        }
    }

    @Test
    void multilevelAgreesWithTheFormulaOnMetaforsFit() throws IOException {
        MultilevelRobustTest.Design d = MultilevelRobustTest.konstantopoulos(false);
        MultilevelResult r = d.fit();
        for (String[] l : lines.stream().filter(x -> x[0].equals("MULTILEVEL")).toList()) {
            check(l, r.yearReached(Double.parseDouble(l[3]), "c", 0), 1e-8);
        }
    }

    @Test
    void refusesWhatHasNoAnswer() {
        MetaRegression r = debruin(false);
        assertEquals("Share is not in (0, 1): 1.0", assertThrows(IllegalArgumentException.class,
                () -> r.yearReached(1, "year", 2000, 0)).getMessage());
        assertEquals("Share is not in (0, 1): NaN", assertThrows(IllegalArgumentException.class,
                () -> r.yearReached(Double.NaN, "year", 2000, 0)).getMessage());
        assertEquals("No moderator column named intrcpt; the columns are [year, selectyes]", assertThrows(
                IllegalArgumentException.class, () -> r.yearReached(0.5, "intrcpt", 2000, 0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> r.yearReached(0.5, "year", 2000));
        assertThrows(NullPointerException.class, () -> r.yearReached(0.5, null, 2000, 0));
        EffectSizes pr = EffectSizes.of(ProportionMeasure.PR, MetaforParityTest.SETS.get("debruin2009")[0],
                MetaforParityTest.SETS.get("debruin2009")[1]);
        MetaRegression raw = MetaAnalysis.withDefaults().fit(pr, Moderators.builder(13)
                .numeric("year", MetaRegressionCovarianceTest.YEAR).build());
        assertEquals("The year a share is reached needs a fit on the logit scale (PLO): this one is on PR",
                assertThrows(IllegalStateException.class, () -> raw.yearReached(0.5, "year", 2000)).getMessage());
    }
}
