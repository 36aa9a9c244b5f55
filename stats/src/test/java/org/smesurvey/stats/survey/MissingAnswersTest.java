package org.smesurvey.stats.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smesurvey.core.io.InputSource;
import org.smesurvey.stats.Interval;

/**
 * Missing answers and zero weights against R's survey 4.1.1 (stats/src/test/reference/survey-missing.R): survey's
 * apistrat sample with every 7th school's answer missing ({@code NA}) and every 11th school's weight 0, read
 * through {@link RespondentReader}; each estimate as {@code svymean(~yes, design, na.rm = TRUE, deff = TRUE)},
 * {@code svytotal(..., na.rm = TRUE)}, {@code svyby(~yes, ~stype, design, svymean, na.rm = TRUE, deff = TRUE)} and
 * {@code svyciprop(~I(yes == 1), subset(design, !is.na(yes)), method)}, with {@code degf} of the subset. One
 * documented difference: svyciprop's beta method counts the answered rows of weight 0 in its {@code nrow(design)},
 * which nothing else in survey counts; here they are left out throughout.
 */
class MissingAnswersTest {

    private static final double EXACT = 1e-12;
    private static final double QUANTILES = 1e-9;
    private static final double GLM = 1e-8;
    private static final double SPLINE = 1e-5;
    private static final double NA_RM = 1e-10;

    private static List<String[]> lines;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = MissingAnswersTest.class.getResourceAsStream("survey-missing.txt")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(l -> l.split(";")).toList();
        }
    }

    private static Respondents read(String design) throws IOException {
        RespondentReader.Builder b = RespondentReader.builder().weight("w").strata("stype").answers("yes")
                .categories("stype", "awards");
        if (design.equals("strat")) {
            b.fpc("fpc");
        }
        return b.build().read(InputSource.ofResource(MissingAnswersTest.class,
                "/org/smesurvey/stats/survey/apistrat-missing.csv"));
    }

    private static double[] numbers(String text) {
        return Arrays.stream(text.split(",")).mapToDouble(Double::parseDouble).toArray();
    }

    private static double[] reference(String kind, String design, String... more) {
        for (String[] line : lines) {
            if (line[0].equals(kind) && line[1].equals(design)
                    && Arrays.equals(Arrays.copyOfRange(line, 2, 2 + more.length), more)) {
                return numbers(line[line.length - 1]);
            }
        }
        throw new AssertionError("no reference " + kind + " " + design + " " + Arrays.toString(more));
    }

    @ParameterizedTest
    @ValueSource(strings = {"strat", "strat_nofpc"})
    void proportionOfTheAnswered(String design) throws IOException {
        Respondents data = read(design);
        assertEquals(33, data.answers("yes").missing());
        double[] r = reference("MEAN", design);
        SurveyEstimate e = SurveyEstimator.of(data.design()).proportion("yes", data.answers("yes"));
        assertEquals(r[0], e.estimate(), EXACT);
        assertEquals(r[1], e.standardError(), EXACT);
        assertEquals(r[2], e.designEffect().orElseThrow(), EXACT);
        assertEquals((int) r[3], e.degreesOfFreedom());
        assertEquals(152, e.respondents(), "answered, with a non-zero weight");
    }

    @ParameterizedTest
    @ValueSource(strings = {"strat", "strat_nofpc"})
    void zeroWeightsAlone(String design) throws IOException {
        Respondents data = read(design);
        boolean[] award = Arrays.stream(data.categories("awards")).map("Yes"::equals)
                .collect(() -> new boolean[][] {new boolean[0]}, (a, v) -> {
                    a[0] = Arrays.copyOf(a[0], a[0].length + 1);
                    a[0][a[0].length - 1] = v;
                }, (a, b) -> { })[0];
        double[] r = reference("MEAN_ZERO_WEIGHTS", design);
        SurveyEstimate e = SurveyEstimator.of(data.design()).proportion("award", award);
        assertEquals(r[0], e.estimate(), EXACT);
        assertEquals(r[1], e.standardError(), EXACT);
        assertEquals(r[2], e.designEffect().orElseThrow(), EXACT);
        assertEquals((int) r[3], e.degreesOfFreedom());
        assertEquals((int) r[3], data.design().degreesOfFreedom());
    }

    @ParameterizedTest
    @ValueSource(strings = {"strat", "strat_nofpc"})
    void totalOfTheAnswered(String design) throws IOException {
        Respondents data = read(design);
        Answers yes = data.answers("yes");
        double[] values = new double[data.size()];
        boolean[] answered = yes.answered();
        for (int i = 0; i < values.length; i++) {
            values[i] = yes.isYes(i) ? 1 : 0;
        }
        // A total over the answered is the total of the 0/1 values with the unanswered at 0, as svytotal(na.rm).
        double[] r = reference("TOTAL", design);
        SurveyEstimate e = SurveyEstimator.of(data.design()).totalBy(values, Arrays.stream(new String[values.length])
                .map(x -> "all").toArray(String[]::new)).get(0);
        assertEquals(r[0], e.estimate(), 1e-9);
        assertEquals(33, values.length - countTrue(answered));
    }

    @ParameterizedTest
    @ValueSource(strings = {"strat", "strat_nofpc"})
    void domainsOfTheAnswered(String design) throws IOException {
        Respondents data = read(design);
        List<SurveyEstimate> by = SurveyEstimator.of(data.design()).proportionBy(data.answers("yes"),
                data.categories("stype"));
        String[] line = lines.stream().filter(l -> l[0].equals("BY_STYPE") && l[1].equals(design)).findFirst()
                .orElseThrow();
        assertEquals(List.of(line[2].split(",")), by.stream().map(SurveyEstimate::label).toList());
        double[] mean = numbers(line[3]);
        double[] se = numbers(line[4]);
        double[] deff = numbers(line[5]);
        double[] df = numbers(line[6]);
        for (int d = 0; d < by.size(); d++) {
            assertEquals(mean[d], by.get(d).estimate(), EXACT);
            assertEquals(se[d], by.get(d).standardError(), EXACT);
            assertEquals(deff[d], by.get(d).designEffect().orElseThrow(), EXACT);
            assertEquals((int) df[d], by.get(d).degreesOfFreedom());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"strat", "strat_nofpc"})
    void intervalsOfTheAnswered(String design) throws IOException {
        Respondents data = read(design);
        SurveyEstimate e = SurveyEstimator.of(data.design()).proportion("yes", data.answers("yes"));
        for (ProportionMethod method : ProportionMethod.values()) {
            String name = method.name().toLowerCase(java.util.Locale.ROOT);
            // svyciprop's beta counts nrow(design) in its t ratio, which keeps the 15 answered rows of weight 0;
            // here n leaves them out as svymean's design effect and degf do: the reference is svyciprop's formula
            // with that n, computed in R.
            double[] r = reference(method == ProportionMethod.BETA ? "CIPROP_NONZERO" : "CIPROP", design, name);
            double tolerance = switch (method) {
                case MEAN, XLOGIT, ASIN -> EXACT;
                case LOGIT -> GLM;
                case BETA -> QUANTILES;
                case LIKELIHOOD -> SPLINE;
            };
            Interval interval = SurveyEstimator.interval(e, method, 0.95);
            assertEquals(r[1], interval.lower(), tolerance, name);
            assertEquals(r[2], interval.upper(), tolerance, name);
        }
    }

    /**
     * survey's {@code svyciprop(~I(yes == 1), design, method, na.rm = TRUE)} on the whole design
     * (stats/src/test/reference/survey-missing-narm.R, survey 4.1.1 and 4.4.2, the same code): the whole design's
     * degrees of freedom, beta's t ratio on all rows − 1, likelihood's λ scaled by the answered rows' mean weight
     * over all rows' (see {@link SurveyEstimator#proportionInterval(Answers, ProportionMethod, double)}). The
     * likelihood interval against the roots of survey's own profile equation solved to 1e-15 in R (NARM_EXACT) at
     * 1e-10, and against svyciprop's spline interpolation of that profile at 1e-5. On survey's JKn replicates of the
     * design ({@link ReplicateDesign#stratifiedJackknife}, degf 182) every method but the likelihood (NA in survey),
     * the logit refitting each replicate as svyglm does.
     */
    @ParameterizedTest
    @ValueSource(strings = {"strat", "strat_nofpc"})
    void intervalsAsSurveysNaRm(String design) throws IOException {
        Respondents data = read(design);
        SurveyEstimator estimator = SurveyEstimator.of(data.design());
        ReplicateDesign jkn = ReplicateDesign.stratifiedJackknife(data.design());
        // survey's degf(as.svrepdesign(design, type = "JKn")): the rank of the analysis weights less one, where the
        // units of weight 0 make replicates alike (units less strata would be 197).
        assertEquals(182, jkn.degreesOfFreedom(), "survey's degf(as.svrepdesign(design, type = \"JKn\"))");
        SurveyEstimator replicates = SurveyEstimator.of(jkn);
        for (String file : List.of("survey-missing-narm.txt", "survey-missing-narm-4.4.txt")) {
            SurveyReference r = SurveyReference.of(file);
            for (ProportionMethod method : ProportionMethod.values()) {
                String name = method.name().toLowerCase(java.util.Locale.ROOT);
                Interval interval = estimator.proportionInterval(data.answers("yes"), method, 0.95);
                double[] expected = SurveyReference.values(r.line("NARM", design, name)[3]);
                if (method == ProportionMethod.LIKELIHOOD) {
                    assertEquals(expected[1], interval.lower(), SPLINE, file + " spline");
                    assertEquals(expected[2], interval.upper(), SPLINE, file + " spline");
                    expected = SurveyReference.values(r.line("NARM_EXACT", design, name)[3]);
                }
                assertEquals(expected[0], interval.estimate(), 1e-14, file + " " + name);
                assertEquals(expected[1], interval.lower(), NA_RM, file + " " + name);
                assertEquals(expected[2], interval.upper(), NA_RM, file + " " + name);
                if (method == ProportionMethod.LIKELIHOOD) {
                    assertEquals("svyciprop's likelihood interval with na.rm = TRUE is not defined here on a"
                            + " replicate design (survey gives NA): use interval(proportion(label, answers), method,"
                            + " level)", assertThrows(IllegalArgumentException.class,
                                    () -> replicates.proportionInterval(data.answers("yes"), method, 0.95))
                                    .getMessage());
                    continue;
                }
                expected = SurveyReference.values(r.line("NARM", design + "_jkn", name)[3]);
                Interval replicated = replicates.proportionInterval(data.answers("yes"), method, 0.95);
                // logit: survey refits every replicate's svyglm, stopping at glm's default epsilon = 1e-8.
                double tolerance = method == ProportionMethod.LOGIT ? GLM : NA_RM;
                assertEquals(expected[1], replicated.lower(), tolerance, file + " jkn " + name);
                assertEquals(expected[2], replicated.upper(), tolerance, file + " jkn " + name);
            }
        }
    }

    private static int countTrue(boolean[] values) {
        int count = 0;
        for (boolean v : values) {
            count += v ? 1 : 0;
        }
        return count;
    }
}
