package org.smesurvey.stats.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.smesurvey.stats.Interval;
import org.smesurvey.stats.meta.Moderators;

/**
 * The estimators on designs where survey gives NaN, an infinity or an error without a word: each case is refused
 * with a message that says why, or gets a documented value. What survey 4.1.1 (R 4.2.2) gives is printed by
 * stats/src/test/reference/survey-edge.R, which holds every call quoted here.
 */
class EdgeDesignTest {

    /** Three strata of one primary unit each: {@code lonely} in survey-edge.R. */
    private static final String[] STRATA = {"a", "b", "c"};
    private static final double[] WEIGHTS = {10, 20, 30};
    private static final boolean[] YES = {true, false, true};
    private static final double[] X = {2.5, 1, 4};
    private static final String[] DOMAINS = {"u", "u", "v"};

    private static SurveyDesign lonely(String[] strata) {
        return SurveyDesign.builder(WEIGHTS).strata(strata).clusters(new String[] {"1", "2", "3"})
                .lonelyPsu(LonelyPsu.AVERAGE).build();
    }

    private static void assertNothingToAverage(String what, Runnable estimate) {
        String message = assertThrows(IllegalArgumentException.class, estimate::run).getMessage();
        assertTrue(message.startsWith("Every stratum holding the respondents of " + what + " has a single primary"
                + " sampling unit"), message);
        assertTrue(message.contains("AVERAGE has no stratum variance to average; choose LonelyPsu.ADJUST,"
                + " CERTAINTY or REMOVE, or merge strata"), message);
    }

    /**
     * With {@code options(survey.lonely.psu = "average")} and {@code d <- svydesign(ids = ~psu, strata = ~s,
     * weights = ~w, data = lonely)}, {@code svymean(~y, d, deff = TRUE)}, {@code svytotal(~x, d, deff = TRUE)},
     * {@code svyby(~y, ~dom, d, svymean, deff = TRUE)} and {@code svyratio(~y, ~x, d)} give a standard error of
     * NaN, and {@code vcov(svyby(~y, ~dom, d, svymean, covmat = TRUE))} NaN: every estimator refuses, the test of
     * independence and the regression too.
     */
    @Test
    void averageWithEveryStratumLonelyIsRefusedByEveryEstimator() {
        SurveyEstimator estimator = SurveyEstimator.of(lonely(STRATA));
        String counts = "(0 of the design's 3 strata have more)";
        assertTrue(assertThrows(IllegalArgumentException.class, () -> estimator.proportion("y", YES)).getMessage()
                .contains(counts));
        assertNothingToAverage("'y'", () -> estimator.proportion("y", YES));
        assertNothingToAverage("'y'", () -> estimator.proportion("y", Answers.of(YES)));
        assertNothingToAverage("the design", () -> estimator.proportionInterval(YES, ProportionMethod.BETA, 0.95));
        assertNothingToAverage("'x'", () -> estimator.mean("x", X));
        assertNothingToAverage("'x'", () -> estimator.total("x", X));
        assertNothingToAverage("'y/x'", () -> estimator.ratio("y/x", new double[] {1, 0, 1}, X));
        assertNothingToAverage("domain u", () -> estimator.proportionBy(YES, DOMAINS));
        assertNothingToAverage("domain u", () -> estimator.proportionBy(Answers.of(YES), DOMAINS));
        assertNothingToAverage("domain u", () -> estimator.meanBy(X, DOMAINS));
        assertNothingToAverage("domain u", () -> estimator.totalBy(X, DOMAINS));
        // proportionsBy gave a covariance of 0 here, proportions one of 0 too: both refuse as the others do
        assertNothingToAverage("domain u", () -> estimator.proportionsBy(Answers.of(YES), DOMAINS));
        assertNothingToAverage("the design", () -> estimator.proportions(List.of("y"), List.of(Answers.of(YES))));
        assertNothingToAverage("the design", () -> estimator.independence(new String[] {"r", "s", "r"},
                new String[] {"p", "p", "q"}));
        assertNothingToAverage("the design", () -> estimator.regression(X, Moderators.builder(3)
                .numeric("z", new double[] {1, 2, 4}).build(), SurveyRegression.Family.GAUSSIAN));
        // the point estimates stand under a rule that leaves a lonely unit out of the variance
        SurveyEstimate removed = SurveyEstimator.of(lonely(STRATA).withLonelyPsu(LonelyPsu.REMOVE))
                .proportion("y", YES);
        assertEquals(40.0 / 60, removed.estimate(), 1e-15);
        assertEquals(0.0, removed.standardError());
    }

    /**
     * A domain whose respondents are all in a stratum of one unit: with {@code d <- svydesign(ids = ~psu,
     * strata = ~s, weights = ~w, data = mixed)}, {@code svyby(~y, ~dom, d, svymean, deff = TRUE)} gives domain v a
     * standard error of NaN (and domain u 0.4444444), {@code svyby(..., covmat = TRUE)} a variance of 0: refused,
     * naming the domain.
     */
    @Test
    void averageWithADomainOnlyInLonelyStrataIsRefusedNamingTheDomain() {
        SurveyEstimator estimator = SurveyEstimator.of(lonely(new String[] {"a", "a", "b"}));
        assertNothingToAverage("domain v", () -> estimator.proportionBy(YES, DOMAINS));
        assertNothingToAverage("domain v", () -> estimator.meanBy(X, DOMAINS));
        assertNothingToAverage("domain v", () -> estimator.totalBy(X, DOMAINS));
        assertNothingToAverage("domain v", () -> estimator.proportionsBy(Answers.of(YES), DOMAINS));
        // over the whole design stratum a has two units to average: svymean(~y, d) gives 0.39283710065919314
        assertEquals(0.39283710065919314, estimator.proportion("y", YES).standardError(), 1e-15);
    }

    /** {@code neg} in survey-edge.R: negative weights allowed, domain z's weights 2 and −2 sum to 0. */
    private static final double[] SIGNED = {2, -2, 3, 1, 4};
    private static final boolean[] SIGNED_YES = {true, false, true, false, true};
    private static final double[] SIGNED_X = {1.5, 2, 3, 4, 5};
    private static final String[] SIGNED_DOMAINS = {"z", "z", "a", "a", "a"};

    private static SurveyDesign signed() {
        return SurveyDesign.builder(SIGNED).allowNegativeWeights().build();
    }

    private static void assertZeroSum(String what, Runnable estimate) {
        String message = assertThrows(IllegalArgumentException.class, estimate::run).getMessage();
        assertTrue(message.startsWith("The weights of the respondents of " + what + " sum to 0"), message);
        assertTrue(message.contains("a ratio to that sum, is undefined"), message);
    }

    /**
     * With {@code d <- svydesign(ids = ~1, weights = ~w, data = neg)}, {@code svyby(~y, ~dom, d, svymean, deff =
     * TRUE)} and {@code svyby(~x, ~dom, d, svymean, deff = TRUE)} give domain z a mean of NaN (here it was NaN for
     * the share and −∞ for the mean): refused, linearised and on replicates, by every estimator of a mean or share.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aDomainWhoseWeightsSumToZeroIsRefused(boolean replicates) {
        SurveyDesign design = signed();
        SurveyEstimator estimator = SurveyEstimator.of(replicates ? ReplicateDesign.jackknife(design) : design);
        assertZeroSum("domain z", () -> estimator.proportionBy(SIGNED_YES, SIGNED_DOMAINS));
        assertZeroSum("domain z", () -> estimator.proportionBy(Answers.of(SIGNED_YES), SIGNED_DOMAINS));
        assertZeroSum("domain z", () -> estimator.meanBy(SIGNED_X, SIGNED_DOMAINS));
        assertZeroSum("domain z", () -> estimator.proportionsBy(Answers.of(SIGNED_YES), SIGNED_DOMAINS));
        // the answered respondents 1 and 2 weigh 2 and −2
        Answers firstTwo = Answers.of(SIGNED_YES, new boolean[] {true, true, false, false, false});
        assertZeroSum("'y'", () -> estimator.proportion("y", firstTwo));
        String all = assertThrows(IllegalArgumentException.class,
                () -> estimator.proportions(List.of("y"), List.of(firstTwo))).getMessage();
        assertTrue(all.startsWith("The weights of the respondents who answered all of [y] sum to 0"), all);
    }

    /**
     * A total needs no sum of weights: {@code svyby(~x, ~dom, d, svytotal)} on {@code neg} gives domain z
     * −1 with a standard error of 5.5677643628300224.
     */
    @Test
    void aDomainTotalWhoseWeightsSumToZeroIsDefined() {
        SurveyEstimate z = SurveyEstimator.of(signed()).totalBy(SIGNED_X, SIGNED_DOMAINS).get(1);
        assertEquals("z", z.label());
        assertEquals(-1, z.estimate(), 1e-15);
        assertEquals(5.5677643628300224, z.standardError(), 1e-14);
        assertEquals(OptionalDouble.empty(), z.designEffect());
    }

    /**
     * A census ({@code census} in survey-edge.R: six respondents, {@code fpc = ~N} with N = 6) leaves a share of
     * 2/3 a standard error of 0. {@code svyciprop(~I(y == 1), d, method = m)} gives [2/3, 2/3] for "mean",
     * "xlogit" and "asin" (and for "logit" to 1e-13, svyglm's tolerance), [0.5, 0.5] for "beta" (qbeta with
     * infinite shapes) and "need at least two non-NA values to interpolate" for "likelihood"; here every method
     * gives [2/3, 2/3], the limit of each as the standard error goes to 0, and never commons-math's
     * ConvergenceException.
     */
    @ParameterizedTest
    @EnumSource(ProportionMethod.class)
    void aStandardErrorOfZeroGivesTheEstimateAsTheInterval(ProportionMethod method) {
        double[] six = {1, 1, 1, 1, 1, 1};
        SurveyDesign census = SurveyDesign.builder(six).fpc(new double[] {6, 6, 6, 6, 6, 6}).build();
        boolean[] yes = {true, false, true, true, false, true};
        SurveyEstimate e = SurveyEstimator.of(census).proportion("y", yes);
        assertEquals(0.0, e.standardError());
        Interval i = SurveyEstimator.interval(e, method, 0.95);
        assertEquals(2.0 / 3, i.estimate(), 1e-15);
        assertEquals(i.estimate(), i.lower());
        assertEquals(i.estimate(), i.upper());
    }

    /** An estimate built by hand with a standard error of NaN, or of one respondent, is refused by its words. */
    @Test
    void intervalsRefuseWhatTheyCannotUse() {
        SurveyEstimate nan = new SurveyEstimate("p", 0.4, Double.NaN, OptionalDouble.empty(), 10, 9);
        assertEquals("Standard error is not a finite number of 0 or more: NaN", assertThrows(
                IllegalArgumentException.class, () -> SurveyEstimator.interval(nan, ProportionMethod.BETA, 0.95))
                .getMessage());
        SurveyEstimate outside = new SurveyEstimate("p", 1.2, 0.1, OptionalDouble.empty(), 10, 9);
        assertEquals("Proportion is not in [0, 1]: 1.2", assertThrows(IllegalArgumentException.class,
                () -> SurveyEstimator.interval(outside, ProportionMethod.XLOGIT, 0.95)).getMessage());
        // domain v's one respondent: the Korn–Graubard interval's t on n - 1 = 0 degrees of freedom (survey: NaN)
        SurveyEstimate one = SurveyEstimator.of(SurveyDesign.builder(WEIGHTS).build()).proportionBy(YES, DOMAINS)
                .get(1);
        assertEquals(1, one.respondents());
        for (ProportionMethod method : List.of(ProportionMethod.BETA, ProportionMethod.XLOGIT)) {
            assertEquals("This interval of a proportion needs two respondents or more (it uses n - 1 degrees of"
                    + " freedom); the estimate rests on 1", assertThrows(IllegalArgumentException.class,
                            () -> SurveyEstimator.interval(one, method, 0.95)).getMessage());
        }
    }

    /** {@code flat} in survey-edge.R: strata 1, 1, 2, 2, 2 and weights 2 to 6. */
    private static final SurveyDesign FLAT = SurveyDesign.builder(new double[] {2, 3, 4, 5, 6})
            .strata(new String[] {"1", "1", "2", "2", "2"}).build();

    /**
     * The design effect where the respondents do not vary, as {@link SurveyEstimate#designEffect()} documents:
     * {@code svymean(~y0, d, deff = TRUE)} (all 0), {@code svymean(~y1, d, deff = TRUE)} (all 1) and
     * {@code svymean(~c, d, deff = TRUE)} (all 3) give a standard error of 0 and a design effect of NaN, so does
     * {@code deff = "replace"}, and {@code svyby(~y0, ~s, d, svymean, deff = TRUE)} in each domain;
     * {@code svytotal(~c, d, deff = TRUE)} gives 60, a standard error of 6 and a design effect of Inf.
     */
    @Test
    void designEffectsWhereTheRespondentsDoNotVary() {
        SurveyEstimator estimator = SurveyEstimator.of(FLAT);
        boolean[] none = new boolean[5];
        boolean[] all = {true, true, true, true, true};
        double[] threes = {3, 3, 3, 3, 3};
        Map<String, Function<SurveyEstimator, SurveyEstimate>> flat = Map.of(
                "p = 0", s -> s.proportion("y0", none), "p = 1", s -> s.proportion("y1", all),
                "mean of 3", s -> s.mean("c", threes));
        flat.forEach((what, estimate) -> {
            for (SurveyEstimator s : List.of(estimator, estimator.withReplacementDesignEffects())) {
                SurveyEstimate e = estimate.apply(s);
                assertEquals(0.0, e.standardError(), what);
                assertTrue(Double.isNaN(e.designEffect().getAsDouble()), what);
            }
        });
        for (SurveyEstimate e : estimator.proportionBy(none, new String[] {"1", "1", "2", "2", "2"})) {
            assertEquals(0.0, e.standardError());
            assertTrue(Double.isNaN(e.designEffect().getAsDouble()), e.label());
        }
        SurveyEstimate total = estimator.total("c", threes);
        assertEquals(60, total.estimate(), 1e-13);
        assertEquals(6, total.standardError(), 1e-13);
        assertEquals(Double.POSITIVE_INFINITY, total.designEffect().getAsDouble());
    }
    /**
     * Under AVERAGE with some strata single-PSU, survey's two answers differ and the library gives each: with
     * {@code d <- svydesign(ids = ~psu, strata = ~s, weights = ~w, data = some)} (survey-edge.R, case 6),
     * {@code SE(svyby(~y, ~dom, d, svymean))} = 0.0068500969427446714, 0.41177975506562764 (each domain a subset:
     * its strata, scaled by their count over the estimable ones) and {@code vcov(svyby(~y, ~dom, d, svymean,
     * covmat = TRUE))} = 3.5192871093749919e-05, -0.0006727430555555549, -0.0006727430555555549, 0.25434385002286247
     * (every stratum of the design, scaled by all strata over the estimable ones).
     */
    @Test
    void averageWithSomeStrataLonelyGivesSurveysTwoAnswers() {
        SurveyDesign design = SurveyDesign.builder(new double[] {10, 12, 9, 20, 22, 18, 30, 31})
                .strata(new String[] {"a", "a", "a", "b", "b", "b", "c", "c"})
                .clusters(new String[] {"1", "1", "2", "3", "4", "4", "5", "5"}).lonelyPsu(LonelyPsu.AVERAGE).build();
        boolean[] y = {true, false, true, false, true, true, true, false};
        String[] domains = {"u", "v", "u", "v", "v", "v", "u", "u"};
        SurveyEstimator estimator = SurveyEstimator.of(design);
        List<SurveyEstimate> byDomain = estimator.proportionBy(y, domains);
        assertEquals(0.0068500969427446714, byDomain.get(0).standardError(), 1e-10 * 0.00685);
        assertEquals(0.41177975506562764, byDomain.get(1).standardError(), 1e-10 * 0.41);
        double[][] covariance = estimator.proportionsBy(Answers.of(y), domains).covariance();
        double[] expected = {3.5192871093749919e-05, -0.0006727430555555549, -0.0006727430555555549,
            0.25434385002286247};
        for (int k = 0; k < 4; k++) {
            assertEquals(expected[k], covariance[k / 2][k % 2], 1e-10 * Math.abs(expected[k]), "covmat " + k);
        }
    }
}

