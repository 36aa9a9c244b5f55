package org.smesurvey.stats.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smesurvey.stats.survey.SurveyReference.values;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.smesurvey.stats.meta.Coefficient;
import org.smesurvey.stats.meta.Moderators;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * {@link OrdinalRegression} against survey's {@code svyolr} on the generated SME survey (sme-survey.csv: 2,400 firms,
 * 3 countries as strata, 30 regions as primary units, 12 firms of weight 0) with an ordered answer simulated by
 * stats/src/test/reference/survey-olr.R (sme-importance.csv, set.seed(2612): importance of social networks, 1 to 5,
 * and a copy with 48 answers missing). The model, in R:
 * <pre>
 * svyolr(importance ~ band + country + sector + external, design, method = "logistic" | "probit" | "cloglog")
 * </pre>
 * on {@code d = svydesign(id = ~region, strata = ~country, weights = ~weight, data = sme, nest = TRUE)}, on
 * {@code postStratify(d, ~band, population)} and on {@code as.svrepdesign(d1, type = "JKn")} (d1: d with the weights
 * over their mean, on which MASS::polr converges; the fit and its spread do not depend on the weights' scale, and
 * the Java fits the original weights); "cloglog" on d and post only (survey's replicate svyolr is another model,
 * see {@link OrdinalRegression.Link#CLOGLOG}). R's svyolr stops early (optim's BFGS), so the estimates, standard
 * errors, deviance and category probabilities are held at 1e-8 relative to the script's TIGHT lines: the same weighted
 * likelihood maximised by Newton's method (a step below 1e-13), the sandwich {@code svyrecvar(U H^-1, ...)} with the
 * analytic Hessian (svyolr's takes optim's differenced one at its own estimate), on jkn each replicate refitted
 * tightly and {@code svrVar}. svyolr's own values are held at what its optimiser gives: see
 * {@link #svyolrItselfWithinItsOptimisersPrecision}. Survey 4.4.2 (R 4.5) gives the same TIGHT lines
 * (survey-olr-4.4.txt) but stops on the designs with firms of weight 0 (see {@link #survey44}).
 */
class OrdinalRegressionTest {

    private static final double TOLERANCE = 1e-8;
    private static final List<String> BANDS = List.of("0-9", "10-49", "50-249", "250+");
    private static final List<String> LEVELS = List.of("1", "2", "3", "4", "5");
    private static final SurveyReference R41 = SurveyReference.of("survey-olr.txt");
    private static final SurveyReference R44 = SurveyReference.of("survey-olr-4.4.txt");
    private static final List<CSVRecord> FIRMS = SurveyReference.csv("sme-survey.csv");
    private static final List<CSVRecord> ANSWERS = SurveyReference.csv("sme-importance.csv");

    private static SurveyDesign design() {
        return SurveyDesign.builder(SurveyReference.numbers(FIRMS, "weight"))
                .strata(SurveyReference.texts(FIRMS, "country")).clusters(SurveyReference.texts(FIRMS, "region"))
                .build();
    }

    /** The three designs of the script: d, post and jkn. */
    private static Map<String, Design> designs() {
        SurveyDesign d = design();
        Map<String, Double> population = new LinkedHashMap<>();
        double[] counts = {2.4e6, 600000, 130000, 30000};
        for (int b = 0; b < BANDS.size(); b++) {
            population.put(BANDS.get(b), counts[b]);
        }
        Map<String, Design> designs = new LinkedHashMap<>();
        designs.put("d", d);
        designs.put("post", Calibration.postStratify(d, SurveyReference.texts(FIRMS, "band"), population));
        designs.put("jkn", ReplicateDesign.stratifiedJackknife(d));
        return designs;
    }

    /** importance ~ band + country + sector + external, without intercept as svyolr's. */
    private static Moderators model() {
        return Moderators.builder(FIRMS.size()).withoutIntercept()
                .factor("band", SurveyReference.texts(FIRMS, "band"), BANDS)
                .factor("country", SurveyReference.texts(FIRMS, "country"), "DE")
                .factor("sector", SurveyReference.texts(FIRMS, "sector"), "C")
                .numeric("external", SurveyReference.numbers(FIRMS, "external")).build();
    }

    /** The answer as level numbers, 0 where R has NA. */
    private static int[] codes(String answer) {
        return ANSWERS.stream().mapToInt(r -> r.get(answer).isEmpty() ? 0 : Integer.parseInt(r.get(answer)))
                .toArray();
    }

    private static OrdinalRegression fit(String design, String answer, String method) {
        OrdinalRegression.Link link = switch (method) {
            case "logistic" -> OrdinalRegression.Link.LOGIT;
            case "probit" -> OrdinalRegression.Link.PROBIT;
            default -> OrdinalRegression.Link.CLOGLOG;
        };
        return SurveyEstimator.of(designs().get(design)).ordinalRegression(codes(answer), LEVELS, model(), link);
    }

    private static double[] estimates(OrdinalRegression fit) {
        return Stream.concat(fit.coefficients().stream(), fit.intercepts().stream())
                .mapToDouble(Coefficient::estimate).toArray();
    }

    private static double[] standardErrors(OrdinalRegression fit) {
        return Stream.concat(fit.coefficients().stream(), fit.intercepts().stream())
                .mapToDouble(Coefficient::standardError).toArray();
    }

    static Stream<Arguments> cases() {
        return Stream.of(Arguments.of("d", "importance", "logistic"), Arguments.of("d", "importance", "probit"),
                Arguments.of("d", "importance_na", "logistic"), Arguments.of("post", "importance", "logistic"),
                Arguments.of("post", "importance", "probit"), Arguments.of("jkn", "importance", "logistic"),
                Arguments.of("jkn", "importance", "probit"), Arguments.of("d", "importance", "cloglog"),
                Arguments.of("post", "importance", "cloglog"));
    }

    /**
     * Estimates, standard errors, deviance and the probabilities of a firm of 50–249 employees in FR, section J,
     * using external networks, against the TIGHT and PROB lines of survey 4.1.1's script (and 4.4.2's, the same
     * tight computation under R 4.5), at 1e-8.
     */
    @ParameterizedTest
    @MethodSource("cases")
    void matchesTheTightSolutionOfSvyolrsLikelihood(String design, String answer, String method) {
        OrdinalRegression fit = fit(design, answer, method);
        for (SurveyReference r : List.of(R41, R44)) {
            String[] tight = r.line("TIGHT", design, answer, method);
            String what = design + " " + answer + " " + method;
            SurveyReference.close(values(tight[4]), estimates(fit), TOLERANCE, what + " estimates");
            SurveyReference.close(values(tight[5]), standardErrors(fit), TOLERANCE, what + " standard errors");
            SurveyReference.close(values(tight[6]), new double[] {fit.deviance()}, TOLERANCE, what + " deviance");
            double[] x = {0, 1, 0, 0, 1, 0, 0, 1, 0, 1}; // band50-249, countryFR, sectorJ, external
            SurveyReference.close(values(r.line("PROB", design, answer, method)[4]), fit.probabilities(x),
                    TOLERANCE, what + " probabilities");
        }
        List<String> names = Stream.concat(fit.coefficients().stream(), fit.intercepts().stream())
                .map(Coefficient::name).toList();
        assertEquals(List.of("band10-49", "band50-249", "band250+", "countryES", "countryFR", "sectorF", "sectorG",
                "sectorJ", "sectorM", "external", "1|2", "2|3", "3|4", "4|5"), names);
        assertEquals(answer.equals("importance") ? 0 : 48, fit.missing());
        double[][] v = fit.covariance();
        for (int j = 0; j < v.length; j++) {
            assertEquals(standardErrors(fit)[j] * standardErrors(fit)[j], v[j][j], 1e-15);
        }
    }

    /**
     * The same model by named terms, {@code svyolr(importance ~ band + country + sector + external, d)} as the
     * script writes it: the terms' model matrix without its intercept gives the TIGHT lines of both survey versions
     * at 1e-8, the missing answers of importance_na left out as before.
     */
    @Test
    void byNamedTerms() {
        Table table = Table.create("firms",
                StringColumn.create("band", SurveyReference.texts(FIRMS, "band")),
                StringColumn.create("country", SurveyReference.texts(FIRMS, "country")),
                StringColumn.create("sector", SurveyReference.texts(FIRMS, "sector")),
                DoubleColumn.create("external", SurveyReference.numbers(FIRMS, "external")));
        ModelTerms terms = ModelTerms.builder(table).factor("band", BANDS).factor("country", "DE")
                .factor("sector", "C").numeric("external").build();
        for (String answer : List.of("importance", "importance_na")) {
            OrdinalRegression fit = SurveyEstimator.of(designs().get("d")).ordinalRegression(codes(answer), LEVELS,
                    terms, OrdinalRegression.Link.LOGIT);
            for (SurveyReference r : List.of(R41, R44)) {
                String[] tight = r.line("TIGHT", "d", answer, "logistic");
                SurveyReference.close(values(tight[4]), estimates(fit), TOLERANCE, answer + " estimates");
                SurveyReference.close(values(tight[5]), standardErrors(fit), TOLERANCE, answer + " standard errors");
            }
            assertEquals("band10-49", fit.coefficients().get(0).name());
        }
    }

    /**
     * {@code print(summary(fit))} of the tight fit, as survey 4.1.1 prints it (its call left out): every line
     * after the Java's title line.
     */
    @ParameterizedTest
    @MethodSource("cases")
    void printsAsSummarySvyolr(String design, String answer, String method) {
        OrdinalRegression fit = fit(design, answer, method);
        List<String> expected = R41.lines("PRINT", design, answer, method).stream()
                .map(l -> l.length > 4 ? l[4] : "").toList();
        List<String> printed = fit.summary().lines().toList();
        assertEquals("Survey design-based proportional-odds regression, " + method + " link", printed.get(0));
        assertEquals(expected, printed.subList(1, printed.size()));
    }

    /**
     * svyolr's own values, where optim's BFGS (and, on jkn, MASS::polr's) stopped, measured against the tight
     * solution: estimates within 8e-4 of it for the probit link on d (2e-4 on post), 1.3e-5 for the logit, 1.9e-4
     * on jkn (polr), 5.5e-5 for the cloglog; standard errors (optim's differenced Hessian at its own estimate) within
     * 1.8e-4 relative for the probit link, 1e-5 for the logit, 1.7e-5 for the cloglog, 3.6e-3 on jkn (each
     * replicate's polr stops early too); deviances within
     * 5e-8 relative. The Java is the tight solution, so it is held to svyolr's values at these tolerances, rounded
     * up. svyolr's probit standard errors on jkn are another model's: svyolr.svyrep.design refits the replicates
     * with polr's default method, logistic, whatever the method asked (survey 4.1.1 and 4.4.2), so they are the
     * logit model's replicate spread (to polr's precision) — 0.76 relative from the probit model's.
     */
    @ParameterizedTest
    @MethodSource("cases")
    void svyolrItselfWithinItsOptimisersPrecision(String design, String answer, String method) {
        OrdinalRegression fit = fit(design, answer, method);
        String[] own = R41.line("SVYOLR", design, answer, method);
        boolean probit = method.equals("probit");
        boolean replicate = design.equals("jkn");
        boolean cloglog = method.equals("cloglog");
        double estimateTolerance = probit && !replicate ? 1e-3 : replicate ? 2e-4 : cloglog ? 6e-5 : 2e-5;
        SurveyReference.close(values(own[4]), estimates(fit), estimateTolerance, design + " " + method
                + " svyolr estimates");
        double[] expected = values(own[5]);
        double[] se = standardErrors(replicate && probit ? fit(design, answer, "logistic") : fit);
        double seTolerance = replicate ? 4e-3 : probit ? 2e-4 : cloglog ? 2e-5 : 1e-5;
        for (int j = 0; j < se.length; j++) {
            assertEquals(expected[j], se[j], seTolerance * expected[j], design + " " + method + " svyolr se " + j);
        }
        assertEquals(Double.parseDouble(own[6]), fit.deviance(), 1e-7 * fit.deviance(), "svyolr deviance");
        assertEquals(Integer.parseInt(own[7]), fit.degreesOfFreedom(), "df.residual");
    }

    /**
     * On the post-stratified design, survey's svyrecvar gives each firm of weight 0 minus its post-stratum's mean
     * of the influence functions (it sets their weights to 1 to avoid 0/0) where the firm should add nothing: its
     * sandwich on the full design (ZEROS lines) is 3.7e-7 relative from the one without those firms (TIGHT; 7.2e-7
     * for the cloglog link), which
     * the Java gives.
     */
    @Test
    void surveysPostStratifiedSandwichCountsTheFirmsOfWeightZero() {
        for (String method : List.of("logistic", "probit", "cloglog")) {
            double[] zeros = values(R41.line("ZEROS", "post", "importance", method)[4]);
            double[] se = standardErrors(fit("post", "importance", method));
            double largest = 0;
            for (int j = 0; j < se.length; j++) {
                largest = Math.max(largest, Math.abs(se[j] - zeros[j]) / zeros[j]);
            }
            assertTrue(largest > 1e-7 && largest < 8e-7, method + ": " + largest);
        }
    }

    /**
     * survey 4.4.2 (R 4.5) stops on the designs with firms of weight 0 ("argument wt must be a numeric vector of
     * length 1 or length 2400": it drops them from the weights, not from the model matrix); fitted without them it
     * gives svyolr 4.1.1's estimates, and its deviance divides by the mean of the non-zero weights.
     */
    @Test
    void survey44() {
        int[] codes = codes("importance");
        double[] w = SurveyReference.numbers(FIRMS, "weight");
        double all = Arrays.stream(w).average().orElseThrow();
        double positive = Arrays.stream(w).filter(x -> x > 0).average().orElseThrow();
        for (String[] c : List.of(new String[] {"d", "logistic"}, new String[] {"post", "probit"})) {
            assertTrue(R44.line("ERROR", c[0], "importance", c[1])[4].startsWith("argument wt must be a numeric"));
            OrdinalRegression fit = fit(c[0], "importance", c[1]);
            String[] own = R44.line("SVYOLR", c[0], "importance", c[1]);
            SurveyReference.close(values(own[4]), estimates(fit), 2e-3, c[0] + " svyolr 4.4 estimates");
            assertEquals(Double.parseDouble(own[6]), fit.deviance() * all / positive, 1e-6 * fit.deviance(),
                    c[0] + " svyolr 4.4 deviance");
        }
        assertEquals(12, Arrays.stream(w).filter(x -> x == 0).count());
        assertEquals(0, Arrays.stream(codes).filter(x -> x == 0).count());
    }

    /** Labels in an order give the fit of their level numbers; a label outside the order is refused by name. */
    @Test
    void labelsInTheirOrder() {
        List<String> order = List.of("not at all", "a little", "somewhat", "much", "essential");
        int[] codes = codes("importance_na");
        String[] labels = Arrays.stream(codes).mapToObj(k -> k == 0 ? null : order.get(k - 1)).toArray(String[]::new);
        SurveyEstimator estimator = SurveyEstimator.of(design());
        OrdinalRegression fit = estimator.ordinalRegression(labels, order, model(), OrdinalRegression.Link.LOGIT);
        SurveyReference.close(values(R41.line("TIGHT", "d", "importance_na", "logistic")[4]), estimates(fit),
                TOLERANCE, "labels");
        assertEquals("not at all|a little", fit.intercepts().get(0).name());
        labels[3] = "very much";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> estimator.ordinalRegression(labels, order, model(), OrdinalRegression.Link.LOGIT));
        assertEquals("Answer 'very much' of respondent 4 is not one of the levels [not at all, a little, somewhat,"
                + " much, essential]", e.getMessage());
    }

    /** An intercept in the model matrix is dropped, as svyolr drops the formula's. */
    @Test
    void anInterceptIsDropped() {
        Moderators withIntercept = Moderators.builder(FIRMS.size())
                .factor("band", SurveyReference.texts(FIRMS, "band"), BANDS)
                .factor("country", SurveyReference.texts(FIRMS, "country"), "DE")
                .factor("sector", SurveyReference.texts(FIRMS, "sector"), "C")
                .numeric("external", SurveyReference.numbers(FIRMS, "external")).build();
        OrdinalRegression fit = SurveyEstimator.of(design()).ordinalRegression(codes("importance"), LEVELS,
                withIntercept, OrdinalRegression.Link.PROBIT);
        SurveyReference.close(values(R41.line("TIGHT", "d", "importance", "probit")[4]), estimates(fit), TOLERANCE,
                "with intercept");
    }

    @Test
    void refusesWhatSvyolrCannotFit() {
        SurveyEstimator estimator = SurveyEstimator.of(design());
        int[] codes = codes("importance");
        IllegalArgumentException two = assertThrows(IllegalArgumentException.class, () -> estimator
                .ordinalRegression(codes, List.of("low", "high"), model(), OrdinalRegression.Link.LOGIT));
        assertTrue(two.getMessage().matches("Answer [345] of respondent \\d+ is not 0 \\(missing\\) or a level"
                + " from 1 to 2"), two.getMessage());
        int[] binary = Arrays.stream(codes).map(k -> k <= 2 ? 1 : 2).toArray();
        IllegalArgumentException levels = assertThrows(IllegalArgumentException.class, () -> estimator
                .ordinalRegression(binary, List.of("low", "high"), model(), OrdinalRegression.Link.LOGIT));
        assertEquals("An ordered answer needs 3 levels or more, as svyolr: [low, high]", levels.getMessage());
        int[] empty = Arrays.stream(codes).map(k -> k == 3 ? 2 : k).toArray();
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> estimator
                .ordinalRegression(empty, LEVELS, model(), OrdinalRegression.Link.LOGIT));
        assertEquals("No respondent of non-zero weight answered 3: its cut-points cannot be estimated",
                none.getMessage());
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> estimator
                .ordinalRegression(codes, List.of("1", "2", "3", "2", "5"), model(), OrdinalRegression.Link.LOGIT));
        assertEquals("A level is given twice: [1, 2, 3, 2, 5]", twice.getMessage());
        IllegalArgumentException length = assertThrows(IllegalArgumentException.class, () -> estimator
                .ordinalRegression(new int[3], LEVELS, model(), OrdinalRegression.Link.LOGIT));
        assertEquals("There are 3 answers for 2400 respondents", length.getMessage());
    }
}
