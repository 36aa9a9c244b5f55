package org.smesurvey.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.smesurvey.stats.proportion.FisherExactTest;

/** One line per test, as R prints a test's statistic, degrees of freedom and p-value (four significant digits). */
class SignificanceResultTest {

    @Test
    void aChiSquareHasOneDegreeOfFreedom() {
        TestResult r = TestResult.of("Pearson's chi-squared test", 5.1234567, 2, 0.077272);
        assertEquals("Pearson's chi-squared test: statistic = 5.123, df = 2, p-value = 0.07727", r.summary());
        assertEquals(r.summary(), r.toString());
        assertFalse(r.significantAt(0.05));
        assertTrue(r.significantAt(0.1));
    }

    @Test
    void aNormalStatisticHasNoneAndAnFHasTwo() {
        TestResult z = TestResult.normal("z test", -2.5, 0.0124193);
        assertTrue(z.degreesOfFreedom().isEmpty());
        assertEquals("z test: statistic = -2.5, p-value = 0.01242", z.summary());
        TestResult f = TestResult.f("F test", 16.132021768, 2, 197, 3.2496e-7);
        assertEquals("F test: statistic = 16.13, df = 2 and 197, p-value = 3.25e-07", f.summary());
        assertEquals("t: statistic = 40, df = 3, p-value < 2.2e-16", TestResult.of("t", 40, 3, 1e-20).summary());
    }

    @Test
    void fisherHasTheOddsRatioAsStatistic() {
        FisherExactTest.Result r = FisherExactTest.test(3, 10, 8, 10, 0.95);
        assertEquals(r.oddsRatio().estimate(), r.statistic());
        assertEquals(OptionalDouble.empty(), r.degreesOfFreedom());
        assertTrue(r.summary().startsWith("Fisher's exact test: p-value = "), r.summary());
    }

    @Test
    void degreesOfFreedomAreChecked() {
        assertEquals("Degrees of freedom are not a finite number of 0 or more: -1.0",
                assertThrows(IllegalArgumentException.class, () -> TestResult.of("x", 1, -1, 0.5)).getMessage());
        assertEquals("Denominator degrees of freedom without numerator degrees of freedom",
                assertThrows(IllegalArgumentException.class, () -> new TestResult("x", 1, OptionalDouble.empty(),
                        OptionalDouble.of(3), 0.5)).getMessage());
    }
}
