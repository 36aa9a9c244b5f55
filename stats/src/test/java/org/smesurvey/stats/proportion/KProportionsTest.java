package org.smesurvey.stats.proportion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smesurvey.stats.TestResult;

class KProportionsTest {

    private static final double TOLERANCE = 1e-10;

    private static int[] ints(String text) {
        return Arrays.stream(text.split(" ")).mapToInt(Integer::parseInt).toArray();
    }

    private static double[] doubles(String text) {
        return Arrays.stream(text.split(" ")).mapToDouble(Double::parseDouble).toArray();
    }

    private static void assertClose(double expected, double actual, String what) {
        assertEquals(expected, actual, TOLERANCE * Math.max(1, Math.abs(expected)), what);
    }

    /**
     * R 4.2.2 and vcd 1.4-11, stats/src/test/reference/k-proportions.R: {@code h <- prop.test(x, n)}
     * (statistic, parameter, p.value); {@code assocstats(cbind(x, n - x))$cramer};
     * {@code t <- prop.trend.test(x, n, score)} (statistic, p.value).
     */
    @ParameterizedTest(name = "{0} of {1}")
    @CsvSource(textBlock = """
            44 61 79,100 100 100,29.5 149.5 500,25.833958020989503,2,2.4559939513328916e-06,0.29345049566033854,24.137450274795992,8.9698806784689622e-07
            150 31 12,300 40 13,1 2 3,18.484246525009965,2,9.687168768587549e-05,0.22883029651562239,18.123615916289566,2.0701793593558514e-05
            3 7 12 20,40 40 40 40,1 2 3 4,20.790960451977401,3,0.00011634107217487117,0.36047677154687618,20.248587570621464,6.8003649767884531e-06
            0 5 9,80 60 20,5 30 150,40.600130463144161,2,1.5268405576681719e-09,0.50373685133673807,40.584645223481047,1.8828040736444141e-10
            """)
    void agreesWithR(String xs, String ns, String ss, double chi2, double df, double p, double v, double trend,
            double trendP) {
        int[] x = ints(xs);
        int[] n = ints(ns);
        TestResult homogeneity = KProportions.homogeneity(x, n);
        assertClose(chi2, homogeneity.statistic(), "χ²");
        assertEquals(df, homogeneity.degreesOfFreedom().getAsDouble(), 0.0);
        assertClose(p, homogeneity.pValue(), "p");
        assertClose(v, KProportions.cramersV(x, n), "V");
        TestResult t = KProportions.trend(x, n, doubles(ss));
        assertClose(trend, t.statistic(), "trend χ²");
        assertClose(trendP, t.pValue(), "trend p");
        assertEquals(1, t.degreesOfFreedom().getAsDouble(), 0.0);
    }

    /**
     * R 4.2.2 and coin 1.4-2, stats/src/test/reference/linear-by-linear.R: {@code lt <- lbl_test(answer ~ group,
     * data = d, weights = ~ w, scores = list(group = s))} on the 2×k table as a weighted data frame;
     * {@code statistic(lt)^2}, {@code pvalue(lt)}; the closed form {@code (N - 1) * cor(u, v)^2} on the N companies
     * ({@code u} 1 or 0, {@code v} the group's score) with {@code pchisq(m2, 1, lower.tail = FALSE)}; and
     * {@code prop.trend.test(x, n, s)$statistic}, the Cochran–Armitage N r², for M² = (N − 1)/N × CA.
     */
    @ParameterizedTest(name = "{0} of {1}")
    @CsvSource(textBlock = """
            44 61 79,100 100 100,29.5 149.5 500,24.056992107213404,9.3526027344914553e-07,24.056992107213368,9.3526027352641495e-07,24.137450274795992
            150 31 12,300 40 13,1 2 3,18.072274228141399,2.1267589876305948e-05,18.072274228141428,2.1267589876361046e-05,18.123615916289566
            3 7 12 20,40 40 40 40,1 2 3 4,20.122033898305087,7.2654825280515922e-06,20.122033898305084,7.2654825279773667e-06,20.248587570621464
            0 5 9,80 60 20,5 30 150,40.330991190834276,2.143811794752537e-10,40.330991190834297,2.1438115563179483e-10,40.584645223481047
            3 1,7 9,0 1,1.984126984126984,0.15895631187940326,1.9841269841269835,0.15895631187940323,2.1164021164021163
            """)
    void linearByLinearAgreesWithCoin(String xs, String ns, String ss, double coinStatistic, double coinP,
            double closedForm, double closedFormP, double cochranArmitage) {
        int[] x = ints(xs);
        int[] n = ints(ns);
        TestResult m2 = KProportions.linearByLinear(x, n, doubles(ss));
        assertClose(coinStatistic, m2.statistic(), "coin M²");
        // coin's small p-values differ from pchisq's by up to 1e-7 relative (2.1438118e-10 against 2.1438116e-10):
        // they are held to 1e-10 absolute, as every p-value here, and pchisq's to 1e-10 relative.
        assertClose(coinP, m2.pValue(), "coin p");
        assertClose(closedForm, m2.statistic(), "(N - 1) r²");
        assertEquals(closedFormP, m2.pValue(), TOLERANCE * closedFormP, "pchisq");
        assertEquals(1, m2.degreesOfFreedom().getAsDouble(), 0.0);
        assertEquals("Linear-by-linear association test", m2.method());
        double total = Arrays.stream(n).sum();
        assertClose(cochranArmitage * (total - 1) / total, m2.statistic(), "(N - 1)/N CA");
    }

    @Test
    void linearByLinearRefusesWhatTheTrendTestRefuses() {
        assertEquals("The scores are all equal: there is no trend to test", assertThrows(IllegalArgumentException.class,
                () -> KProportions.linearByLinear(new int[] {1, 2}, new int[] {5, 9}, new double[] {3, 3}))
                .getMessage());
        assertEquals("The test is undefined: the proportions are all 0 or all 1", assertThrows(
                IllegalArgumentException.class, () -> KProportions.linearByLinear(new int[] {5, 9}, new int[] {5, 9},
                        new double[] {1, 2})).getMessage());
    }

    @Test
    void equalProportionsGiveZero() {
        assertEquals(0, KProportions.homogeneity(new int[] {10, 20, 40}, new int[] {50, 100, 200}).statistic(), 1e-12);
        assertEquals(0, KProportions.cramersV(new int[] {10, 20}, new int[] {50, 100}), 1e-12);
        assertEquals(1, KProportions.cramersV(new int[] {0, 100}, new int[] {50, 100}), 1e-12);
    }

    @Test
    void rejectsWhatCannotBeTested() {
        assertEquals("Need at least two groups and as many counts as sizes: 1 counts, 1 sizes", assertThrows(
                IllegalArgumentException.class, () -> KProportions.homogeneity(new int[] {1}, new int[] {2}))
                .getMessage());
        assertEquals("The test is undefined: the proportions are all 0 or all 1", assertThrows(
                IllegalArgumentException.class, () -> KProportions.homogeneity(new int[] {0, 0}, new int[] {5, 9}))
                .getMessage());
        assertEquals("The scores are all equal: there is no trend to test", assertThrows(IllegalArgumentException.class,
                () -> KProportions.trend(new int[] {1, 2}, new int[] {5, 9}, new double[] {3, 3})).getMessage());
        assertEquals("There are 1 scores for 2 groups", assertThrows(IllegalArgumentException.class,
                () -> KProportions.trend(new int[] {1, 2}, new int[] {5, 9}, new double[] {3})).getMessage());
        assertEquals("Score is not finite: NaN", assertThrows(IllegalArgumentException.class,
                () -> KProportions.trend(new int[] {1, 2}, new int[] {5, 9}, new double[] {3, Double.NaN}))
                .getMessage());
    }

    /**
     * R 4.2.2: {@code r <- chisq.test(cbind(c(12, 30, 45), c(80, 95, 100) - c(12, 30, 45)), correct = FALSE)};
     * {@code t(r$expected)}, {@code t(r$residuals)}, {@code t(r$stdres)}.
     */
    @Test
    void expectedCountsAndResidualsAreChisqTests() {
        PearsonTable table = KProportions.table(new int[] {12, 30, 45}, new int[] {80, 95, 100});
        double[] expected = {25.309090909090909, 54.690909090909088, 30.054545454545455, 64.945454545454552,
            31.636363636363637, 68.36363636363636};
        double[] residuals = {-2.6455143321298982, 1.79966147687131, -0.0099495510159126419, 0.0067683714497534042,
            2.3759175755944919, -1.6162631519657682};
        double[] stdres = {-3.7996761441151827, 3.7996761441151836, -0.01487376788781861, 0.014873767887816672,
            3.602185842882315, -3.6021858428823141};
        assertEquals(18.494963219677956, table.test().statistic(), 1e-12);
        List<String> lines = List.of(table.summary().split("\n"));
        assertEquals(table.test().summary(), lines.get(0));
        assertEquals("group 1  12 68        25.31       54.69     -3.800     3.800", lines.get(2));
        assertEquals(3, table.groups());
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 2; j++) {
                assertEquals(expected[2 * i + j], table.expected(i, j), 1e-12);
                assertEquals(residuals[2 * i + j], table.residual(i, j), 1e-12);
                assertEquals(stdres[2 * i + j], table.standardisedResidual(i, j), 1e-12);
            }
        }
    }
}
