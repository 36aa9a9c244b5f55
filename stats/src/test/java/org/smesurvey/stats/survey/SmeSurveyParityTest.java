package org.smesurvey.stats.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.smesurvey.stats.survey.SurveyReference.values;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smesurvey.stats.TestResult;
import org.smesurvey.stats.meta.Moderators;

/**
 * The survey modelling of this package on a generated survey of SME social-network adoption, against survey 4.1.1
 * (stats/src/test/reference/survey-sme.R, which generates the file and quotes every call): 2,400 firms in 3 countries
 * (strata) and 30 regions (primary units), weights by size band and country, 12 firms of weight 0 and 72 missing
 * answers on internal networks, read by {@link RespondentReader}. On the design, on it calibrated to size band and
 * NACE section totals by raking and by the logit distance with bounds 0.3–3, on the raked weights trimmed at 1,500,
 * on its stratified jackknife and on Fay's method (ρ = 0.5) with the regions paired into 15 strata: a 10-coefficient
 * logistic model of external network use on band, country and section with the Wald and working likelihood-ratio
 * tests of band and a prediction on both scales, a quasi-Poisson model of employees, predictive margins by band, the shares by band with their covariance and a contrast, external against internal use by the
 * same firms, the share of employees in adopting firms (a ratio) and the Rao–Scott test of use by band. Tolerance
 * 1e-8 relative (the logistic fits and the raking are iterated, solved to 1e-14 and 1e-12 in R); the working
 * test's p-value against survey's saddlepoint solved to 1e-14.
 */
class SmeSurveyParityTest {

    private static final double TOLERANCE = 1e-8;
    private static final List<String> BANDS = List.of("0-9", "10-49", "50-249", "250+");
    private static List<String[]> lines;
    private static Respondents firms;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = SmeSurveyParityTest.class.getResourceAsStream("survey-sme.txt")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(l -> l.split(";")).toList();
        }
        Path file = Files.createTempFile("sme-survey", ".csv");
        try (InputStream in = SmeSurveyParityTest.class.getResourceAsStream("sme-survey.csv")) {
            Files.write(file, in.readAllBytes());
            firms = RespondentReader.builder().weight("weight").strata("country").clusters("region")
                    .answers("external", "internal").categories("country", "band", "sector", "pair", "region").numbers("employees")
                    .build().read(file);
        } finally {
            Files.delete(file);
        }
    }

    private static String[] line(String... key) {
        return lines.stream().filter(l -> Arrays.equals(Arrays.copyOf(l, key.length), key)).findFirst()
                .orElseThrow(() -> new AssertionError("No line " + String.join(";", key)));
    }

    private static void close(double[] expected, double[] actual, String what) {
        SurveyReference.close(expected, actual, TOLERANCE, what);
    }

    private static double[] flat(double[][] matrix) {
        return Arrays.stream(matrix).flatMapToDouble(Arrays::stream).toArray();
    }

    /** A domain result in the names' sorted order, as the R script prints them. */
    private static double[][] sorted(DomainEstimates estimates) {
        List<String> names = estimates.labels();
        Integer[] order = new Integer[names.size()];
        for (int j = 0; j < order.length; j++) {
            order[j] = j;
        }
        Arrays.sort(order, (a, b) -> names.get(a).compareTo(names.get(b)));
        double[] p = new double[order.length];
        double[][] v = new double[order.length][order.length];
        for (int a = 0; a < order.length; a++) {
            p[a] = estimates.estimates()[order[a]];
            for (int b = 0; b < order.length; b++) {
                v[a][b] = estimates.covariance()[order[a]][order[b]];
            }
        }
        return new double[][] {p, flat(v)};
    }

    private static double[] weights() {
        double[] w = new double[firms.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = firms.design().weight(i);
        }
        return w;
    }

    private static int zeroWeights() {
        int zeros = 0;
        for (int i = 0; i < firms.size(); i++) {
            zeros += firms.design().weight(i) == 0 ? 1 : 0;
        }
        return zeros;
    }

    private static Moderators model(boolean withBand) {
        Moderators.Builder x = Moderators.builder(firms.size());
        if (withBand) {
            x.factor("band", firms.categories("band"), BANDS);
        }
        return x.factor("country", firms.categories("country"), "DE").factor("sector", firms.categories("sector"), "C")
                .build();
    }

    private static Map<String, Design> designs() {
        SurveyDesign design = firms.design();
        Moderators margins = Moderators.builder(firms.size()).factor("band", firms.categories("band"), BANDS)
                .factor("sector", firms.categories("sector"), "C").build();
        Map<String, Design> designs = new LinkedHashMap<>();
        designs.put("d", design);
        designs.put("cal", Calibration.calibrate(design, margins, values(line("TOTALS")[1]),
                Calibration.Distance.RAKING, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY));
        designs.put("jkn", ReplicateDesign.stratifiedJackknife(design));
        designs.put("logit", Calibration.calibrate(design, margins, values(line("TOTALS")[1]),
                Calibration.Distance.LOGIT, 0.3, 3));
        designs.put("trim", Calibration.trimWeights((SurveyDesign) designs.get("cal"), Double.NEGATIVE_INFINITY, 1500,
                false));
        SurveyDesign paired = SurveyDesign.builder(weights()).strata(firms.categories("pair"))
                .clusters(firms.categories("region")).build();
        designs.put("fay", ReplicateDesign.balancedRepeatedReplication(paired, 0.5));
        return designs;
    }

    @Test
    void everyModelOfTheGeneratedSmeSurveyIsSurveys() {
        int n = firms.size();
        Answers external = firms.answers("external");
        double[] y = new double[n];
        String[] uses = new String[n];
        double[] employees = firms.numbers("employees");
        double[] adopters = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = external.isYes(i) ? 1 : 0;
            uses[i] = external.isYes(i) ? "1" : "0";
            adopters[i] = employees[i] * y[i];
        }
        assertEquals(12, zeroWeights(), "the file's firms of weight 0");
        assertEquals(72, firms.answers("internal").missing(), "the file's missing answers");
        int checked = 0;
        for (Map.Entry<String, Design> entry : designs().entrySet()) {
            String name = entry.getKey();
            SurveyEstimator estimator = SurveyEstimator.of(entry.getValue());
            SurveyRegression fit = estimator.regression(y, model(true), SurveyRegression.Family.QUASIBINOMIAL);
            String[] glm = line("GLM", name);
            close(values(glm[2]), fit.coefficients().stream().mapToDouble(c -> c.estimate()).toArray(), name + " coef");
            close(values(glm[3]), fit.coefficients().stream().mapToDouble(c -> c.standardError()).toArray(), name
                    + " se");
            assertEquals(Integer.parseInt(glm[4]), fit.degreesOfFreedom(), name + " df");
            String[] bandColumns = {"band10-49", "band50-249", "band250+"};
            TestResult wald = fit.termTest(bandColumns);
            String[] w = line("TERM", name, "Wald");
            close(new double[] {values(w[3])[0], values(w[4])[0]}, new double[] {wald.statistic(), wald.pValue()},
                    name + " Wald");
            TestResult lrt = fit.termTest(SurveyRegression.TermTest.LIKELIHOOD_RATIO, bandColumns);
            String[] l = line("TERM", name, "LRT");
            // The weighted deviance takes the weights rescaled to mean 1 over every firm, zeros included: R's
            // calibrated designs lack the 12 firms of weight 0, so their statistic (not its p-value) is n/(n - 12)
            // times smaller.
            boolean calibrated = List.of("cal", "logit", "trim").contains(name);
            double rescaled = calibrated ? lrt.statistic() * (n - zeroWeights()) / n : lrt.statistic();
            close(new double[] {values(l[3])[0], values(l[5])[0]}, new double[] {rescaled, lrt.pValue()},
                    name + " LRT");

            SurveyRegression.Prediction prediction = fit.predict(0, 1, 0, 0, 1, 0, 0, 1, 0);
            close(values(line("PREDICT", name)[2]), new double[] {prediction.link(), prediction.linkStandardError(),
                prediction.response(), prediction.responseStandardError()}, name + " prediction");
            Moderators sizeAndCountry = Moderators.builder(n).factor("band", firms.categories("band"), BANDS)
                    .factor("country", firms.categories("country"), "DE").build();
            SurveyRegression counts = estimator.regression(employees, sizeAndCountry,
                    SurveyRegression.Family.QUASIPOISSON);
            String[] poisson = line("POISSON", name);
            close(values(poisson[2]), counts.coefficients().stream().mapToDouble(c -> c.estimate()).toArray(), name
                    + " Poisson");
            close(values(poisson[3]), counts.coefficients().stream().mapToDouble(c -> c.standardError()).toArray(),
                    name + " Poisson se");

            double[][] margins = sorted(fit.predictiveMargins("band"));
            String[] m = line("MARGINS", name);
            close(values(m[2]), margins[0], name + " margins");
            close(values(m[3]), margins[1], name + " margins' covariance");

            DomainEstimates byBand = estimator.proportionsBy(external, firms.categories("band"));
            double[][] by = sorted(byBand);
            String[] b = line("BY", name);
            close(values(b[2]), by[0], name + " by band");
            close(values(b[3]), by[1], name + " by band covariance");
            DomainEstimates.Contrast medium = byBand.difference("50-249", "10-49");
            close(values(line("CONTRAST", name)[2]), new double[] {medium.estimate(), medium.standardError()}, name
                    + " 50-249 - 10-49");

            DomainEstimates joint = estimator.proportions(List.of("external", "internal"), List.of(external,
                    firms.answers("internal")));
            String[] j = line("JOINT", name);
            close(values(j[2]), joint.estimates(), name + " joint");
            close(values(j[3]), flat(joint.covariance()), name + " joint covariance");
            DomainEstimates.Contrast gap = joint.difference("external", "internal");
            close(values(j[4]), new double[] {gap.estimate(), gap.standardError()}, name + " external - internal");

            SurveyEstimate ratio = estimator.ratio("employees in adopting firms", adopters, employees);
            close(values(line("RATIO", name)[2]), new double[] {ratio.estimate(), ratio.standardError()}, name
                    + " ratio");

            TestResult f = estimator.independence(uses, firms.categories("band")).f();
            String[] q = line("CHISQ", name);
            double[] parameters = values(q[3]);
            close(new double[] {values(q[2])[0], parameters[0], parameters[1], values(q[4])[0]}, new double[] {
                f.statistic(), f.degreesOfFreedom().orElseThrow(), f.denominatorDegreesOfFreedom().orElseThrow(),
                f.pValue()}, name + " Rao-Scott F");
            checked++;
        }
        assertEquals(6, checked);
    }
}
