package org.smesurvey.stats.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** What the meta-analysis refuses, and how it says so; and the tables it exports. */
class MetaAnalysisErrorsTest {

    private static final int[][] PRITZ = MetaforParityTest.SETS.get("pritz1997");

    private static String message(Class<? extends Throwable> type, org.junit.jupiter.api.function.Executable call) {
        return assertThrows(type, call).getMessage();
    }

    @Test
    void invalidStudiesAreNamed() {
        List<String> labels = List.of("Bpifrance 2019", "Insee 2021");
        assertEquals("Sampling variance of Insee 2021 is not a positive finite number: 0.0",
                message(IllegalArgumentException.class, () -> EffectSizes.of(new double[] {0.1, 0.2},
                        new double[] {0.01, 0}, labels)));
        assertEquals("Effect size of Bpifrance 2019 is not finite: NaN", message(IllegalArgumentException.class,
                () -> EffectSizes.of(new double[] {Double.NaN, 0.2}, new double[] {0.01, 0.02}, labels)));
        assertEquals("Need at least one study and as many values of each kind: 2 and 1",
                message(IllegalArgumentException.class, () -> EffectSizes.of(ProportionMeasure.PLO, new int[] {1, 2},
                        new int[] {5})));
        assertEquals("Study 2: x is not in [0, n]: x = 6.0, n = 5.0", message(IllegalArgumentException.class,
                () -> EffectSizes.of(ProportionMeasure.PLO, new int[] {1, 6}, new int[] {5, 5})));
    }

    @Test
    void knappHartungNeedsDegreesOfFreedom() {
        EffectSizes one = EffectSizes.of(ProportionMeasure.PLO, new int[] {30}, new int[] {100});
        assertEquals("Knapp-Hartung needs more studies than coefficients: k = 1, p = 1",
                message(IllegalArgumentException.class, () -> MetaAnalysis.withDefaults().withKnappHartung(true)
                        .fit(one)));
        assertEquals("A single study has no between-study variance",
                message(IllegalStateException.class, () -> MetaAnalysis.withDefaults().fit(one).heterogeneity()));
    }

    @Test
    void iterationsAreBoundedWithAClearError() {
        EffectSizes pritz = EffectSizes.of(ProportionMeasure.PLO, PRITZ[0], PRITZ[1]);
        String text = message(IllegalStateException.class, () -> MetaAnalysis.withDefaults().withMaxIterations(2)
                .fit(pritz));
        assertEquals("The REML estimate of tau^2 did not converge in 2 iterations", text.substring(0, text.indexOf(" (")));
        assertEquals("Maximum number of iterations is not positive: 0", message(IllegalArgumentException.class,
                () -> MetaAnalysis.withDefaults().withMaxIterations(0)));
        assertEquals("Tolerance is not in (0, 1): 0.0", message(IllegalArgumentException.class,
                () -> MetaAnalysis.withDefaults().withTolerance(0)));
    }

    @Test
    void moderatorsMustFitTheStudies() {
        EffectSizes pritz = EffectSizes.of(ProportionMeasure.PLO, PRITZ[0], PRITZ[1]);
        Moderators constant = Moderators.builder(14).numeric("year", new double[14]).build();
        assertEquals("The model matrix is not of full rank: a moderator is constant or a combination of others",
                message(IllegalArgumentException.class, () -> MetaAnalysis.withDefaults().fit(pritz, constant)));
        assertEquals("year has 3 values for 14 studies", message(IllegalArgumentException.class,
                () -> Moderators.builder(14).numeric("year", new double[3])));
    }

    @Test
    void tablesHoldOneRowPerResult() {
        EffectSizes pritz = EffectSizes.of(ProportionMeasure.PLO, PRITZ[0], PRITZ[1]);
        MetaResult result = MetaAnalysis.withDefaults().fit(pritz);
        Table summary = result.toTable();
        assertEquals(1, summary.rowCount());
        assertEquals(List.of("k", "estimator", "estimate", "se", "statistic", "p_value", "ci_lower", "ci_upper",
                "pi_lower", "pi_upper", "tau2", "i2", "h2", "q", "q_p_value"), summary.columnNames());
        assertEquals(result.estimate(), summary.doubleColumn("estimate").get(0));
        assertEquals("REML", summary.stringColumn("estimator").get(0));

        Table studies = pritz.toTable();
        assertEquals(14, studies.rowCount());
        assertEquals(pritz.vi(3), studies.doubleColumn("vi").get(3));
        assertEquals("Study 4", studies.stringColumn("label").get(3));

        Table leaveOneOut = MetaAnalysis.withDefaults().leaveOneOut(pritz).toTable();
        assertEquals(14, leaveOneOut.rowCount());
        assertEquals("Study 1", leaveOneOut.stringColumn("left_out").get(0));
    }
}
