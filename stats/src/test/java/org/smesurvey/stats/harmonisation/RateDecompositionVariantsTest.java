package org.smesurvey.stats.harmonisation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.smesurvey.core.PopulationCount;
import org.smesurvey.core.ReferencePopulation;
import org.smesurvey.core.Region;
import org.smesurvey.core.SizeBand;
import org.smesurvey.stats.EffectiveSample;

/**
 * Kitagawa's one-standard and three-term decompositions and Das Gupta's three-factor decomposition against the
 * same quantities written out in R from their definitions (stats/src/test/reference/decomposition-variants.R,
 * R 4.2.2, base R: no Debian package computes them), and Das Gupta's own example 4.3 (Das Gupta 1993,
 * <i>Standardization and Decomposition of Rates</i>, P23-186: the crude birth rate of Taiwan, 1970 against 1960, as
 * births per married woman × married share × women's share over seven age groups), whose effects −7.285632,
 * −2.720633 and −1.565181 DasGuptR's README (josiahpjking/DasGuptR, {@code dgnpop(eg4.3, ratefunction =
 * "sum(bm*mw*wp)")}) prints to seven digits.
 */
class RateDecompositionVariantsTest {

    private static final List<SizeBand> BANDS = List.of(SizeBand.of(10, 49), SizeBand.of(50, 249), SizeBand.atLeast(250));
    private static final ReferencePopulation A = population("A", 30000, 5000, 1000);
    private static final ReferencePopulation B = population("B", 40000, 4000, 600);
    private static List<String[]> lines;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = RateDecompositionVariantsTest.class.getResourceAsStream("decomposition-variants.txt")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(l -> l.split(";")).toList();
        }
    }

    private static String[] line(String... prefix) {
        return lines.stream().filter(l -> Arrays.equals(Arrays.copyOf(l, prefix.length), prefix)).findFirst()
                .orElseThrow();
    }

    private static double[] numbers(String field) {
        return Arrays.stream(field.split(",")).mapToDouble(Double::parseDouble).toArray();
    }

    private static List<SizeFigure> figures(int[] x, int[] n) {
        return List.of(SizeFigure.of(BANDS.get(0), EffectiveSample.of(x[0], n[0])),
                SizeFigure.of(BANDS.get(1), EffectiveSample.of(x[1], n[1])),
                SizeFigure.of(BANDS.get(2), EffectiveSample.of(x[2], n[2])));
    }

    private static ReferencePopulation population(String id, long... counts) {
        return new ReferencePopulation(id, "test", Region.of("FR"), 2020, "enterprises", Optional.empty(), List.of(
                new PopulationCount("10-49", BANDS.get(0), OptionalLong.of(counts[0]), Optional.empty(), ""),
                new PopulationCount("50-249", BANDS.get(1), OptionalLong.of(counts[1]), Optional.empty(), ""),
                new PopulationCount("250+", BANDS.get(2), OptionalLong.of(counts[2]), Optional.empty(), "")));
    }

    private static void close(double[] expected, RateDecomposition.Part... parts) {
        for (int j = 0; j < parts.length; j++) {
            assertEquals(expected[2 * j], parts[j].value(), 1e-15, "part " + j);
            assertEquals(expected[2 * j + 1], parts[j].standardError().getAsDouble(), 1e-15, "se " + j);
        }
    }

    /** {@code sum(c_s * dr)}, {@code sum(r_s * dc)}, {@code ±sum(dc * dr)} and their delta-method standard errors. */
    @ParameterizedTest
    @EnumSource(RateDecomposition.Standard.class)
    void oneStandardPartsAreKitagawasAndAddUp(RateDecomposition.Standard standard) {
        RateDecomposition.ThreeTerm d = RateDecomposition.kitagawa(
                figures(new int[] {320, 220, 144}, new int[] {800, 400, 200}), A,
                figures(new int[] {150, 135, 90}, new int[] {500, 300, 150}), B, standard);
        close(numbers(line("ONE_STANDARD", standard.name())[2]), d.gap(), d.rates(), d.composition(), d.interaction());
        assertEquals(d.gap().value(), d.rates().value() + d.composition().value() + d.interaction().value(), 1e-16,
                "the parts add up");
        assertEquals(d.gap().value(), d.first() - d.second(), 1e-16);
        assertEquals(standard, d.standard());
    }

    @Test
    void threeTermIsKitagawaWithTheSecondAsStandard() {
        List<SizeFigure> first = figures(new int[] {320, 220, 144}, new int[] {800, 400, 200});
        List<SizeFigure> second = figures(new int[] {150, 135, 90}, new int[] {500, 300, 150});
        assertEquals(RateDecomposition.kitagawa(first, A, second, B, RateDecomposition.Standard.SECOND),
                RateDecomposition.threeTerm(first, A, second, B));
    }

    /** Effects from whole-rate evaluations with weights 1/3 and 1/6; standard errors from exact differences. */
    @Test
    void dasGuptasThreeFactorsAddUpToTheGap() {
        RateDecomposition.ThreeFactor d = RateDecomposition.dasGupta(
                new RateDecomposition.Factors(A, figures(new int[] {520, 300, 180}, new int[] {800, 400, 200}),
                        figures(new int[] {320, 220, 144}, new int[] {520, 300, 180})),
                new RateDecomposition.Factors(B, figures(new int[] {260, 200, 120}, new int[] {500, 300, 150}),
                        figures(new int[] {150, 135, 90}, new int[] {260, 200, 120})));
        String[] l = line("DAS_GUPTA");
        assertEquals(numbers(l[1])[0], d.first(), 1e-15);
        assertEquals(numbers(l[1])[1], d.second(), 1e-15);
        close(numbers(l[2]), d.gap(), d.composition(), d.access(), d.use());
        assertEquals(d.gap().value(), d.composition().value() + d.access().value() + d.use().value(), 1e-16,
                "the effects add up");
        // The rates are kitagawa's: the same overall rates and the same composition effect's direction.
        RateDecomposition.Decomposition two = RateDecomposition.kitagawa(
                figures(new int[] {320, 220, 144}, new int[] {800, 400, 200}), A,
                figures(new int[] {150, 135, 90}, new int[] {500, 300, 150}), B);
        assertEquals(two.first(), d.first(), 1e-15);
        assertEquals(two.gap().standardError().getAsDouble(), d.gap().standardError().getAsDouble(), 1e-15);
    }

    @Test
    void dasGuptasOwnExampleFourPointThree() {
        double[][] y1970 = {{488, 452, 338, 156, 63, 22, 3}, {.082, .527, .866, .941, .942, .923, .876},
            {.058, .038, .032, .030, .026, .023, .019}};
        double[][] y1960 = {{393, 407, 369, 274, 184, 90, 16}, {.122, .622, .903, .930, .916, .873, .800},
            {.043, .041, .036, .032, .026, .020, .018}};
        double[][] none = new double[3][7];
        RateDecomposition.ThreeFactor d = RateDecomposition.dasGupta(y1970, y1960, none, none, false);
        String[] l = line("TAIWAN");
        double[] rates = numbers(l[1]);
        double[] effects = numbers(l[2]);
        assertEquals(rates[0], d.first(), 1e-12);
        assertEquals(rates[1], d.second(), 1e-12);
        double[] ours = {d.composition().value(), d.access().value(), d.use().value()};
        for (int f = 0; f < 3; f++) {
            assertEquals(effects[f], ours[f], 1e-12, "R, factor " + f);
        }
        // As printed by DasGuptR (seven digits).
        assertEquals(-7.285632, ours[0], 5e-7);
        assertEquals(-2.720633, ours[1], 5e-7);
        assertEquals(-1.565181, ours[2], 5e-7);
        assertEquals(-11.571446, d.gap().value(), 5e-7);
        assertTrue(d.gap().standardError().isEmpty());
    }

    @Test
    void theClassesMustAgree() {
        List<SizeFigure> three = figures(new int[] {1, 1, 1}, new int[] {2, 2, 2});
        List<SizeFigure> two = three.subList(0, 2);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RateDecomposition.dasGupta(
                new RateDecomposition.Factors(A, three, two), new RateDecomposition.Factors(B, three, two)))
                .getMessage().startsWith("The access and use figures must be for the same size classes"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RateDecomposition.dasGupta(
                new RateDecomposition.Factors(A, three, three), new RateDecomposition.Factors(B, two, three)))
                .getMessage().startsWith("The two sets of figures must be for the same size classes"));
        assertThrows(NullPointerException.class, () -> RateDecomposition.kitagawa(three, A, three, B, null));
        RateDecomposition.ThreeTerm unbased = RateDecomposition.threeTerm(List.of(SizeFigure.of(BANDS.get(0), 0.3),
                SizeFigure.of(BANDS.get(1), 0.5), SizeFigure.of(BANDS.get(2), 0.7)), A, three, B);
        assertTrue(unbased.interaction().standardError().isEmpty(), "a figure without a base has no variance");
    }
}
