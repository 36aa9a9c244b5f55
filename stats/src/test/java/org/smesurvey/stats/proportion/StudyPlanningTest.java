package org.smesurvey.stats.proportion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.smesurvey.stats.EffectiveSample;

class StudyPlanningTest {

    /** R 4.2.2, stats/src/test/reference/planning.R: {@code qnorm(1 - (1 - level)/2)^2 * p * (1 - p) * deff / E^2}, rounded up here. */
    @ParameterizedTest(name = "p={0} E={1}")
    @CsvSource(textBlock = """
            0.5,0.029999999999999999,0.94999999999999996,1,1067.0718946372565
            0.20000000000000001,0.050000000000000003,0.94999999999999996,1,245.85336452442391
            0.45000000000000001,0.02,0.98999999999999999,1.5,6158.013407822812
            0.90000000000000002,0.01,0.90000000000000002,2,4869.9782173717376
            """)
    void waldSampleSizeAgreesWithR(double p, double halfWidth, double level, double deff, double unrounded) {
        assertEquals((int) Math.ceil(unrounded), StudyPlanning.sampleSizeForHalfWidth(p, halfWidth, level, deff));
        assertEquals((int) Math.ceil(unrounded / deff),
                StudyPlanning.sampleSizeForHalfWidth(ProportionInterval.WALD, p, halfWidth, level));
    }

    @ParameterizedTest
    @EnumSource(ProportionInterval.class)
    void methodSampleSizeIsTheSmallestThatReachesTheTarget(ProportionInterval method) {
        int n = StudyPlanning.sampleSizeForHalfWidth(method, 0.3, 0.04, 0.95);
        assertTrue(method.of(new EffectiveSample(0.3 * n, n), 0.95).width() <= 0.08, method::toString);
        assertTrue(method.of(new EffectiveSample(0.3 * (n - 1), n - 1), 0.95).width() > 0.08, method::toString);
    }

    /** R 4.2.2: {@code power.prop.test(n = n, p1 = p1, p2 = p2, sig.level = 0.05, strict = TRUE)$power}. */
    @ParameterizedTest(name = "n={0} {1} vs {2}")
    @CsvSource(textBlock = """
            80,0.45000000000000001,0.34999999999999998,0.25118020480212649
            400,0.53000000000000003,0.32500000000000001,0.99996650825194189
            2600,0.40000000000000002,0.41999999999999998,0.31099440475148787
            """)
    void powerAgreesWithR(double n, double p1, double p2, double power) {
        assertEquals(power, StudyPlanning.power(p1, p2, n, n, 0.05), 1e-12);
    }

    /**
     * statsmodels 0.13.5, stats/src/test/reference/planning.py: {@code power_proportions_2indep(p1 - p2, p2, n1,
     * ratio=n2 / n1, alpha=0.05, alternative="two-sided").power}. An 80-company study against a 2,600-company one
     * detects 45 % against 35 % less than half the time.
     */
    @ParameterizedTest(name = "{0} vs {1}: {2} vs {3}")
    @CsvSource(textBlock = """
            80,2600,0.45,0.35,0.45551114530313935
            80,2600,0.35,0.45,0.42245540727131364
            302,1657,0.56,0.7,0.99647313500492896
            165,13000,0.32,0.31,0.060761636845567527
            """)
    void unequalGroupsAgreeWithStatsmodels(double n1, double n2, double p1, double p2, double power) {
        assertEquals(power, StudyPlanning.power(p1, p2, n1, n2, 0.05), 1e-12);
    }

    /** R 4.2.2: {@code power.prop.test(p1 = p1, p2 = p2, power = 0.8, sig.level = 0.05, strict = TRUE, tol = 1e-12)$n}. */
    @ParameterizedTest(name = "{0} vs {1}")
    @CsvSource(textBlock = """
            0.45000000000000001,0.34999999999999998,375.5643038292817
            0.20000000000000001,0.29999999999999999,293.15065868348353
            0.69999999999999996,0.75,1250.7137653460343
            """)
    void sampleSizeForPowerAgreesWithR(double p1, double p2, double n) {
        assertEquals(n, StudyPlanning.sampleSizeForPower(p1, p2, 1, 0.05, 0.8), 1e-9 * n);
    }

    /** R 4.2.2: {@code power.prop.test(n = 80, p1 = 0.35, power = 0.8, sig.level = 0.05, strict = TRUE, tol = 1e-12)$p2}. */
    @ParameterizedTest(name = "n={0} p={1}")
    @CsvSource(textBlock = """
            80,0.34999999999999998,0.56913661973684526
            """)
    void detectableProportionAgreesWithR(double n, double p2, double p1) {
        assertEquals(p1, StudyPlanning.detectableProportion(p2, n, n, 0.05, 0.8), 1e-10);
    }

    @Test
    void unequalGroupsReachTheirTarget() {
        double n1 = StudyPlanning.sampleSizeForPower(0.45, 0.35, 2600.0 / 80, 0.05, 0.8);
        assertEquals(0.8, StudyPlanning.power(0.45, 0.35, n1, 2600.0 / 80 * n1, 0.05), 1e-12);
        double p1 = StudyPlanning.detectableProportion(0.35, 80, 2600, 0.05, 0.8);
        assertEquals(0.8, StudyPlanning.power(p1, 0.35, 80, 2600, 0.05), 1e-12);
        assertTrue(p1 > 0.45 && p1 < 0.55, () -> "detectable " + p1);
    }

    @Test
    void rejectsImpossiblePlans() {
        assertEquals("p1 equals p2: no sample detects a difference of 0", assertThrows(IllegalArgumentException.class,
                () -> StudyPlanning.sampleSizeForPower(0.3, 0.3, 1, 0.05, 0.8)).getMessage());
        assertEquals("Half-width is not in (0, 1): 0.0", assertThrows(IllegalArgumentException.class,
                () -> StudyPlanning.sampleSizeForHalfWidth(0.3, 0, 0.95, 1)).getMessage());
        assertEquals("P1 is not in (0, 1): 1.0", assertThrows(IllegalArgumentException.class,
                () -> StudyPlanning.power(1, 0.3, 10, 10, 0.05)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> StudyPlanning.detectableProportion(0.35, 2, 2, 0.05, 0.99));
    }
}
