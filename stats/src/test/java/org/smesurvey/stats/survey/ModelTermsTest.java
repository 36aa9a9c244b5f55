package org.smesurvey.stats.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smesurvey.stats.survey.SurveyReference.values;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smesurvey.stats.TestResult;
import org.smesurvey.stats.meta.Coefficient;
import org.smesurvey.stats.survey.SurveyRegression.Family;
import org.smesurvey.stats.survey.SurveyRegression.TermTest;

/**
 * Models by named terms, domains in a factor's level order and 0/1 answers as numbers, against survey 4.1.1
 * (stats/src/test/reference/survey-terms.R, Debian 12's R 4.2.2; rerun under R 4.5.0 / survey 4.4.2 into
 * survey-terms-r45.txt) on the generated SME survey of {@link SmeSurveyParityTest} (2,400 firms, country strata,
 * region clusters, 12 firms of weight 0, 72 missing answers on internal networks), on its linearised design
 * {@code svydesign(id = ~region, strata = ~country, weights = ~weight, nest = TRUE)}, its stratified jackknife and
 * (for the models with missing values and the 0/1 estimates) its post-stratification to band totals — in R of the
 * design without the 12 firms of weight 0, since survey's {@code postStratify} variance takes their weight for 1 in
 * its projection, where this package gives them no part, as if they were not there:
 * <ul>
 * <li>{@code svyglm(external ~ band * country + employees, quasibinomial)} (factor × factor),
 * {@code external ~ band + sector + employees + band:employees} (factor × numeric, G the reference sector),
 * {@code employees ~ firm * external} (numeric × numeric, the answer as 0/1), {@code internal ~ band + country +
 * employees} (an answer with NA) and {@code external ~ band + internal} (a covariate with NA), each with
 * {@code control = glm.control(epsilon = 1e-12, maxit = 100)} refitted from its estimate: coefficients and their
 * names, standard errors, residual degrees of freedom, dispersion;</li>
 * <li>{@code regTermTest(m, ~band)}, {@code ~band:country}, {@code ~band + country}… by term name, Wald F and
 * working likelihood ratio;</li>
 * <li>{@code predict(m, newdata = data.frame(...), type = "link" / "response", se.fit = TRUE)} from named
 * levels;</li>
 * <li>{@code svyby(~y, ~band, design, svymean / svytotal)} with {@code band} a factor of levels 0-9, 10-49, 50-249,
 * 250+, its {@code covmat}, and {@code svymean}, {@code svytotal}, {@code svyratio} and {@code svyby} of the 0/1
 * {@code internal} with {@code na.rm = TRUE}.</li>
 * </ul>
 * Tolerance 1e-8 relative for what the iterated fits give, 1e-10 for the closed forms (domain and ratio estimates).
 * Two values differ between survey 4.1.1 and 4.4.2 and are checked against 4.4.2, whose values are the
 * definition's: a replicate design's dispersion (4.1.1's carries a spurious factor n, see
 * {@link SurveyRegression#dispersion()}), and the working likelihood-ratio test of a term with missing values
 * ({@code regTermTest(external ~ band + internal, ~internal, method = "LRT")}: 4.1.1 refits the model without
 * {@code internal} on all 2,400 firms, so that its deviance is over more firms than the full model's — statistic
 * 210.25; 4.4.2 refits on the 2,328 firms of the model — 107.33, as here).
 */
class ModelTermsTest {

    private static final double ITERATED = 1e-8;
    private static final double CLOSED = 1e-10;
    private static final List<String> BANDS = List.of("0-9", "10-49", "50-249", "250+");
    private static SurveyReference r42;
    private static SurveyReference r45;
    private static Respondents firms;

    @BeforeAll
    static void load() throws IOException {
        r42 = SurveyReference.of("survey-terms.txt");
        r45 = SurveyReference.of("survey-terms-r45.txt");
        Path file = Files.createTempFile("sme-survey", ".csv");
        try (InputStream in = ModelTermsTest.class.getResourceAsStream("sme-survey.csv")) {
            Files.write(file, in.readAllBytes());
            firms = RespondentReader.builder().weight("weight").strata("country").clusters("region")
                    .answers("external", "internal").categories("country", "band", "sector", "region")
                    .numbers("employees", "firm").build().read(file);
        } finally {
            Files.delete(file);
        }
    }

    private static Map<String, Design> designs() {
        Map<String, Design> designs = new LinkedHashMap<>();
        designs.put("d", firms.design());
        designs.put("jkn", ReplicateDesign.stratifiedJackknife(firms.design()));
        designs.put("ps", Calibration.postStratify(firms.design(), firms.categories("band"),
                Map.of("0-9", 2.6e6, "10-49", 420000.0, "50-249", 80000.0, "250+", 17000.0)));
        return designs;
    }

    /** Whether survey-terms.R fits a model on a design. */
    private static boolean fitted(String design, String model) {
        return switch (design) {
            case "jkn" -> List.of("cross", "missing").contains(model);
            case "ps" -> List.of("cross", "missing", "covariate").contains(model);
            default -> true;
        };
    }

    /** The models of survey-terms.R, by name: their terms and answer column. */
    private static Map<String, Function<SurveyEstimator, SurveyRegression>> models() {
        Map<String, Function<SurveyEstimator, SurveyRegression>> models = new LinkedHashMap<>();
        models.put("cross", e -> e.regression("external", ModelTerms.builder(firms).factor("band", BANDS)
                .factor("country").numeric("employees").interaction("band", "country").build(), Family.QUASIBINOMIAL));
        models.put("slope", e -> e.regression("external", ModelTerms.builder(firms).factor("band", BANDS)
                .factor("sector", "G").numeric("employees").interaction("band", "employees").build(),
                Family.QUASIBINOMIAL));
        models.put("product", e -> e.regression("employees", ModelTerms.builder(firms).numeric("firm")
                .numeric("external").interaction("firm", "external").build(), Family.GAUSSIAN));
        models.put("missing", e -> e.regression(firms.answers("internal"), ModelTerms.builder(firms)
                .factor("band", BANDS).factor("country").numeric("employees").build(), Family.QUASIBINOMIAL));
        models.put("covariate", e -> e.regression(firms.answers("external").numbers(), ModelTerms.builder(firms)
                .factor("band", BANDS).numeric("internal").build(), Family.QUASIBINOMIAL));
        return models;
    }

    private static final Map<String, Map<String, ?>> NEWDATA = Map.of(
            "cross", Map.of("band", "10-49", "country", "FR", "employees", 25),
            "slope", Map.of("band", "50-249", "sector", "J", "employees", 80.0),
            "product", Map.of("firm", 1200, "external", 1),
            "missing", Map.of("band", "250+", "country", "ES", "employees", 400),
            "covariate", Map.of("band", "0-9", "internal", 1));

    private static void close(double[] expected, double[] actual, double tolerance, String what) {
        SurveyReference.close(expected, actual, tolerance, what);
    }

    /** What is checked on one fit: its design's and model's names in survey-terms.R. */
    private interface FitCheck {
        void check(String name, String model, SurveyRegression fit);
    }

    /** Fits every model survey-terms.R fits, on each design, and checks it. */
    private static void forEachFit(FitCheck check) {
        for (Map.Entry<String, Design> d : designs().entrySet()) {
            SurveyEstimator estimator = SurveyEstimator.of(d.getValue());
            for (Map.Entry<String, Function<SurveyEstimator, SurveyRegression>> m : models().entrySet()) {
                if (fitted(d.getKey(), m.getKey())) {
                    check.check(d.getKey(), m.getKey(), m.getValue().apply(estimator));
                }
            }
        }
    }

    @Test
    void modelsByNamedTermsAreSvyglms() {
        int[] checked = {0};
        forEachFit((name, model, fit) -> {
            String where = name + " " + model;
            String[] glm = r42.line("GLM", name, model);
            assertEquals(List.of(glm[3].split(",")), fit.coefficients().stream().map(Coefficient::name).toList(),
                    where + " names");
            close(values(glm[4]), fit.coefficients().stream().mapToDouble(Coefficient::estimate).toArray(),
                    ITERATED, where + " coef");
            close(values(glm[5]), fit.coefficients().stream().mapToDouble(Coefficient::standardError).toArray(),
                    ITERATED, where + " se");
            assertEquals(Integer.parseInt(glm[6]), fit.degreesOfFreedom(), where + " df");
            // survey 4.4.2's dispersion on a replicate design (4.1.1's is n times it; class description)
            String[] dispersion = name.equals("jkn") ? r45.line("GLM", name, model) : glm;
            close(values(dispersion[7]), new double[] {fit.dispersion()}, ITERATED, where + " dispersion");
            double[] p = values(r42.line("PREDICT", name, model)[3]);
            SurveyRegression.Prediction prediction = fit.predict(NEWDATA.get(model));
            close(p, new double[] {prediction.link(), prediction.linkStandardError(), prediction.response(),
                prediction.responseStandardError()}, ITERATED, where + " predict");
            checked[0]++;
        });
        assertEquals(10, checked[0]);
    }

    @Test
    void termsAreTestedByName() {
        int[] checked = {0};
        forEachFit((name, model, fit) -> {
            for (String terms : testedTerms(model)) {
                String where = name + " " + model + " " + terms;
                String[] names = terms.split(",");
                String[] wald = r42.line("TERM", name, model, terms);
                TestResult f = fit.termTest(names);
                close(new double[] {values(wald[4])[0], values(wald[5])[0], values(wald[6])[0], values(wald[7])[0]},
                        new double[] {f.statistic(), f.degreesOfFreedom().orElseThrow(),
                            f.denominatorDegreesOfFreedom().orElseThrow(), f.pValue()}, ITERATED, where + " Wald");
                assertEquals("Wald test for " + String.join(", ", names), f.method(), where);
                checked[0]++;
            }
            if (name.equals("d")) {
                List<String> tested = testedTerms(model);
                String terms = tested.get(tested.size() - 1);
                // survey 4.4.2's LRT refits the reduced model on the model's respondents (class description)
                String[] lrt = (model.equals("covariate") ? r45 : r42).line("LRT", name, model, terms);
                TestResult x = fit.termTest(TermTest.LIKELIHOOD_RATIO, terms.split(","));
                close(new double[] {values(lrt[4])[0], values(lrt[5])[0]}, new double[] {x.statistic(), x.pValue()},
                        ITERATED, name + " " + model + " LRT");
                checked[0]++;
            }
        });
        assertEquals(8 + 4 + 5 + 5, checked[0]); // Wald on d, jkn and ps, LRT on d
    }

    /** The terms survey-terms.R tests in each model, as it writes them. */
    private static List<String> testedTerms(String model) {
        return switch (model) {
            case "cross" -> List.of("band", "band,country", "band:country");
            case "slope" -> List.of("band:employees", "sector");
            case "product" -> List.of("firm:external");
            case "missing" -> List.of("band");
            default -> List.of("internal");
        };
    }

    @Test
    void domainsComeInTheFactorsLevelOrder() {
        Domains bands = firms.domains("band", BANDS);
        assertEquals(BANDS, bands.names());
        assertEquals(List.of("0-9", "10-49", "250+", "50-249"), firms.domains("band").names());
        assertEquals(BANDS, Domains.of(firms.categories("band"), List.of("0-9", "10-49", "50-249", "250+", "5000+"))
                .names());
        Answers external = firms.answers("external");
        Answers internal = firms.answers("internal");
        double[] employees = firms.numbers("employees");
        for (Map.Entry<String, Design> d : designs().entrySet()) {
            String name = d.getKey();
            if (name.equals("ps")) {
                continue; // svyby(covmat = TRUE) stops on calibrated designs; survey-terms.R leaves it out
            }
            SurveyEstimator estimator = SurveyEstimator.of(d.getValue());
            check(r42.line("BY", name, "mean"), estimator.proportionBy(external, bands), name + " shares");
            check(r42.line("BY", name, "mean"), estimator.meanBy(external, bands), name + " means of 0/1");
            check(r42.line("BY", name, "total"), estimator.totalBy(external, bands), name + " totals of 0/1");
            check(r42.line("BY", name, "employees-mean"), estimator.meanBy(employees, bands), name + " means");
            check(r42.line("BY", name, "employees-total"), estimator.totalBy(employees, bands), name + " totals");
            check(r42.line("NUMERICBY", name, "mean"), estimator.meanBy(internal, bands), name + " means, NA");
            check(r42.line("NUMERICBY", name, "total"), estimator.totalBy(internal, bands), name + " totals, NA");
            String[] cov = r42.line("BYCOV", name);
            DomainEstimates shares = estimator.proportionsBy(external, bands);
            assertEquals(List.of(cov[2].split(",")), shares.labels(), name);
            close(values(cov[3]), shares.estimates(), CLOSED, name + " covmat estimates");
            close(values(cov[4]), Arrays.stream(shares.covariance()).flatMapToDouble(Arrays::stream).toArray(),
                    CLOSED, name + " covmat");
        }
        SurveyEstimator linearised = SurveyEstimator.of(firms.design());
        List<SurveyEstimate> sorted = linearised.totalBy(internal, firms.categories("band"));
        assertEquals(List.of("0-9", "10-49", "250+", "50-249"), sorted.stream().map(SurveyEstimate::label).toList());
        assertEquals(linearised.totalBy(internal, bands).get(3).estimate(), sorted.get(2).estimate(), 0);
        assertEquals(linearised.meanBy(internal, bands).get(3).standardError(),
                linearised.meanBy(internal, firms.categories("band")).get(2).standardError(), 0);
        SurveyRegression model = SurveyEstimator.of(firms.design()).regression("external", ModelTerms.builder(firms)
                .factor("band", BANDS).factor("country").build(), Family.QUASIBINOMIAL);
        assertEquals(BANDS, model.predictiveMargins("band").labels());
    }

    private static void check(String[] line, List<SurveyEstimate> estimates, String what) {
        assertEquals(List.of(line[3].split(",")), estimates.stream().map(SurveyEstimate::label).toList(), what);
        close(values(line[4]), estimates.stream().mapToDouble(SurveyEstimate::estimate).toArray(), CLOSED, what);
        close(values(line[5]), estimates.stream().mapToDouble(SurveyEstimate::standardError).toArray(), CLOSED,
                what + " se");
    }

    @Test
    void answersAreNumbersWithTheirMissingValuesDropped() {
        Answers external = firms.answers("external");
        Answers internal = firms.answers("internal");
        double[] employees = firms.numbers("employees");
        for (Map.Entry<String, Design> d : designs().entrySet()) {
            String name = d.getKey();
            SurveyEstimator estimator = SurveyEstimator.of(d.getValue());
            Map<String, SurveyEstimate> estimates = new LinkedHashMap<>();
            estimates.put("mean", estimator.mean("internal", internal));
            estimates.put("total", estimator.total("internal", internal));
            estimates.put("ratio-internal-external", estimator.ratio("internal/external", internal, external));
            estimates.put("ratio-internal-employees", estimator.ratio("internal/employees", internal, employees));
            estimates.put("ratio-employees-internal", estimator.ratio("employees/internal", employees, internal));
            estimates.forEach((call, e) -> {
                double[] expected = {values(r42.line("NUMERIC", name, call)[3])[0],
                    values(r42.line("NUMERIC", name, call)[4])[0]};
                close(expected, new double[] {e.estimate(), e.standardError()}, CLOSED, name + " " + call);
                assertEquals(2316, e.respondents(), name + " " + call + " respondents of non-zero weight who answered");
            });
        }
        double[] numbers = internal.numbers();
        assertTrue(Double.isNaN(numbers[Arrays.asList(box(internal.answered())).indexOf(false)]));
        assertEquals(72, Arrays.stream(numbers).filter(Double::isNaN).count());
    }

    private static Boolean[] box(boolean[] flags) {
        Boolean[] boxed = new Boolean[flags.length];
        for (int i = 0; i < flags.length; i++) {
            boxed[i] = flags[i];
        }
        return boxed;
    }

    @Test
    void theModelMatrixIsRsModelMatrix() {
        ModelTerms terms = ModelTerms.builder(firms).factor("band", BANDS).factor("country").numeric("employees")
                .interaction("band", "country").build();
        assertEquals("~ band + country + employees + band:country", terms.formula());
        assertEquals(List.of("band", "country", "employees", "band:country"), terms.terms());
        assertEquals(List.of("band10-49", "band50-249", "band250+"), terms.columns("band"));
        assertEquals(List.of("band10-49:countryES", "band50-249:countryES", "band250+:countryES",
                "band10-49:countryFR", "band50-249:countryFR", "band250+:countryFR"), terms.columns("band:country"));
        assertEquals(List.of("DE", "ES", "FR"), terms.levels("country"));
        assertEquals("(Intercept)", terms.matrix().names().get(0));
        assertEquals(0, terms.incomplete());
        ModelTerms relevelled = ModelTerms.builder(firms).factor("sector", "G").numeric("internal").build();
        assertEquals(List.of("G", "C", "F", "J", "M"), relevelled.levels("sector"));
        assertEquals(72, relevelled.incomplete());
        assertFalse(relevelled.isComplete(Arrays.asList(box(firms.answers("internal").answered())).indexOf(false)));
    }

    @Test
    void tablesawColumnsMakeTheSameModel() {
        tech.tablesaw.api.Table table = tech.tablesaw.api.Table.create("firms",
                tech.tablesaw.api.StringColumn.create("band", firms.categories("band")),
                tech.tablesaw.api.DoubleColumn.create("employees", firms.numbers("employees")),
                tech.tablesaw.api.DoubleColumn.create("internal", firms.answers("internal").numbers()));
        ModelTerms fromTable = ModelTerms.builder(table).factor("band", BANDS).numeric("internal")
                .numeric("employees").interaction("band", "employees").build();
        ModelTerms fromRespondents = ModelTerms.builder(firms).factor("band", BANDS).numeric("internal")
                .numeric("employees").interaction("band", "employees").build();
        assertEquals(fromRespondents.columns(), fromTable.columns());
        assertEquals(72, fromTable.incomplete());
        SurveyEstimator estimator = SurveyEstimator.of(firms.design());
        SurveyRegression a = estimator.regression(firms.answers("external"), fromTable, Family.QUASIBINOMIAL);
        SurveyRegression b = estimator.regression("external", fromRespondents, Family.QUASIBINOMIAL);
        for (int j = 0; j < a.coefficients().size(); j++) {
            assertEquals(b.coefficients().get(j).estimate(), a.coefficients().get(j).estimate(), 0, "coef " + j);
            assertEquals(b.coefficients().get(j).standardError(), a.coefficients().get(j).standardError(), 0);
        }
        IllegalArgumentException noSource = assertThrows(IllegalArgumentException.class,
                () -> estimator.regression("external", fromTable, Family.QUASIBINOMIAL));
        assertTrue(noSource.getMessage().contains("read from a table"), noSource.getMessage());
    }

    @Test
    void aColumnNameStillTestsThatColumn() {
        SurveyRegression fit = models().get("cross").apply(SurveyEstimator.of(firms.design()));
        TestResult byTerm = fit.termTest("band");
        TestResult byColumns = fit.termTest("band10-49", "band50-249", "band250+");
        assertEquals(byTerm.statistic(), byColumns.statistic(), 0);
        assertEquals("Wald test for band10-49, band50-249, band250+", byColumns.method());
        TermTestResult withLambda = fit.termTest(TermTest.WALD_F, fit.degreesOfFreedom(),
                MixtureApproximation.SADDLEPOINT, "band");
        assertEquals(List.of("band10-49", "band50-249", "band250+"), withLambda.columns());
        assertTrue(withLambda.summary().startsWith("Wald test for band\nF =  "), withLambda.summary());
        assertEquals(1, fit.termTest("countryES").degreesOfFreedom().orElseThrow());
    }

    @Test
    void badTermsLevelsAndValuesAreRefusedInWords() {
        SurveyRegression fit = models().get("cross").apply(SurveyEstimator.of(firms.design()));
        assertMessage(() -> fit.predict(Map.of("band", "10-249", "country", "FR", "employees", 25)),
                "The factor band has no level '10-249'; its levels are [0-9, 10-49, 50-249, 250+]");
        assertMessage(() -> fit.predict(Map.of("band", "10-49", "country", "FR")),
                "No value for the term employees; give a value for each of [band, country, employees]");
        assertMessage(() -> fit.predict(Map.of("band", "10-49", "country", "FR", "employees", 25, "size", 3)),
                "The model has no term size; give a value for each of [band, country, employees]");
        assertMessage(() -> fit.predict(Map.of("band", "10-49", "country", "FR", "employees", "25")),
                "The term employees is numeric: its value must be a finite number, not '25'");
        assertMessage(() -> fit.predict(Map.of("band", "10-49", "country", "FR", "employees", 25,
                "band:country", "x")), "The term band:country is an interaction: give the values of band and"
                + " country, and it follows from them");
        assertMessage(() -> fit.termTest("size"), "The model has no term or column size");
        assertMessage(() -> fit.termTest("band", "band10-49"), "The column band10-49 is tested twice");
        assertMessage(() -> fit.predictiveMargins("band"), "The factor band enters an interaction of the model");
        assertMessage(() -> ModelTerms.builder(firms).factor("band", List.of("0-9", "10-49", "50-249")).build(),
                "The values [250+] of band are not among its levels [0-9, 10-49, 50-249]");
        assertMessage(() -> ModelTerms.builder(firms).factor("band").interaction("band", "country"),
                "The interaction band:country needs country as a main effect (add it first)");
        assertMessage(() -> ModelTerms.builder(firms).factor("country", "IT").build(),
                "The reference level IT of country is not among its values [DE, ES, FR]");
        assertMessage(() -> ModelTerms.builder(firms).numeric("band"),
                "No numeric or answer column band (it is a category column: add it as a factor)");
        assertMessage(() -> ModelTerms.builder(firms).factor("employees"), "No category column employees");
        assertMessage(() -> ModelTerms.builder(firms).factor("band").factor("band"),
                "The term band is already in the model");
        assertMessage(() -> firms.domains("band", List.of("0-9", "10-49")),
                "The domains [250+, 50-249] are not among the levels [0-9, 10-49]");
        SurveyRegression matrixModel = SurveyEstimator.of(firms.design()).regression(firms.numbers("employees"),
                ModelTerms.builder(firms).factor("band").build().matrix(), Family.GAUSSIAN);
        assertMessage(() -> matrixModel.predict(Map.of("band", "0-9")), "The model was fitted on a model matrix");
        assertTrue(matrixModel.terms().isEmpty());
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String start) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
    }
}
