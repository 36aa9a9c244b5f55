package org.smesurvey.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.smesurvey.core.SizeBand;
import org.smesurvey.core.bundled.Bundled;
import org.smesurvey.stats.Interval;
import org.smesurvey.stats.TestResult;
import org.smesurvey.stats.survey.Answers;
import org.smesurvey.stats.survey.Calibration;
import org.smesurvey.stats.survey.DomainEstimates;
import org.smesurvey.stats.survey.ModelTerms;
import org.smesurvey.stats.survey.ProportionMethod;
import org.smesurvey.stats.survey.RaoScott;
import org.smesurvey.stats.survey.Respondents;
import org.smesurvey.stats.survey.RespondentReader;
import org.smesurvey.stats.survey.SurveyDesign;
import org.smesurvey.stats.survey.SurveyEstimate;
import org.smesurvey.stats.survey.SurveyEstimator;
import org.smesurvey.stats.survey.SurveyRegression;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * From respondents to estimates: a simulated survey of 2,000 French companies (strata by size category,
 * clustered in local registers; examples/data/simulated-respondents.R) read through Tablesaw, post-stratified
 * to Insee's counts of French enterprises by size category, then the share using an external social network
 * overall (with survey's logit interval) and by size category, with design effects; how much more the larger
 * companies use them (a contrast of domains) and how much more than internal networks (two answers of the same
 * companies, with their covariance); a Rao–Scott test of whether external and internal networks go together; and
 * a design-based logistic regression on size and region, with the predictive margins by size category: adoption
 * by size with the regional mix of the whole sample held fixed.
 *
 * @since 0.1
 */
public final class EstimateFromRespondents {
    private EstimateFromRespondents() {
    }

    /**
     * Prints the estimates.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        print(System.out);
    }

    static void print(PrintStream out) {
        Table table;
        try (InputStream in = EstimateFromRespondents.class.getResourceAsStream("simulated-respondents.csv")) {
            table = Table.read().usingOptions(CsvReadOptions.builder(in).tableName("simulated-respondents"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Respondents data;
        try {
            data = RespondentReader.builder().weight("weight").strata("band").clusters("psu")
                    .answers("external", "internal").categories("band", "region").build().read(table);
        } catch (org.smesurvey.core.io.InputFormatException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }

        // Weight to the French enterprises by size category (Insee, 2015).
        List<SizeBand> categories = List.of(SizeBand.of(0, 9), SizeBand.of(10, 249), SizeBand.of(250, 4999),
                SizeBand.atLeast(5000));
        Map<String, Double> france = Calibration.totalsBySizeBand(
                Bundled.populations().population("INSEE_TEF_2018").orElseThrow(), categories);
        SurveyDesign design = Calibration.postStratify(data.design(), data.categories("band"), france);
        SurveyEstimator estimator = SurveyEstimator.of(design);

        Answers external = data.answers("external");
        SurveyEstimate overall = estimator.proportion("external networks", external);
        Interval ci = SurveyEstimator.interval(overall, ProportionMethod.LOGIT, 0.95);
        out.printf(Locale.ROOT, "%d respondents, %d strata, %d units, %d degrees of freedom%n", design.size(),
                design.strata(), design.units(), design.degreesOfFreedom());
        out.printf(Locale.ROOT, "external networks: %.1f %% (95 %% CI %.1f to %.1f %%), design effect %.2f%n",
                100 * overall.estimate(), 100 * ci.lower(), 100 * ci.upper(), overall.designEffect().getAsDouble());
        for (SurveyEstimate e : estimator.proportionBy(external, data.categories("band"))) {
            out.printf(Locale.ROOT, "  %-9s %5.1f %%  SE %.1f  n = %d%n", e.label(), 100 * e.estimate(),
                    100 * e.standardError(), e.respondents());
        }
        String[] yesNo = new String[design.size()];
        Answers internal = data.answers("internal");
        String[] externalText = new String[design.size()];
        for (int i = 0; i < yesNo.length; i++) {
            yesNo[i] = internal.isYes(i) ? "internal" : "no internal";
            externalText[i] = external.isYes(i) ? "external" : "no external";
        }
        RaoScott test = estimator.independence(externalText, yesNo);
        out.printf(Locale.ROOT, "external vs internal networks: Rao-Scott F = %.2f on %.2f and %.1f df, p = %.3g%n",
                test.f().statistic(), test.f().degreesOfFreedom().getAsDouble(),
                test.f().denominatorDegreesOfFreedom().getAsDouble(), test.f().pValue());

        // Contrasts carry the covariance of what they compare: domains of one survey are not independent studies.
        DomainEstimates bySize = estimator.proportionsBy(external, data.categories("band"));
        DomainEstimates.Contrast larger = bySize.difference("10-249", "0-9");
        out.printf(Locale.ROOT, "10-249 minus 0-9 employees: %+.1f points (SE %.1f)%n", 100 * larger.estimate(),
                100 * larger.standardError());
        DomainEstimates both = estimator.proportions(List.of("external", "internal"), List.of(external, internal));
        DomainEstimates.Contrast gap = both.difference("external", "internal");
        out.printf(Locale.ROOT, "external minus internal networks, same companies: %+.1f points (SE %.1f)%n",
                100 * gap.estimate(), 100 * gap.standardError());

        // A design-based logistic regression on size and region (svyglm), and what it predicts by size.
        List<String> sizes = List.of("0-9", "10-249", "250-4999", "5000+");
        ModelTerms terms = ModelTerms.builder(data).factor("band", sizes).factor("region", "Ile-de-France").build();
        SurveyRegression model = estimator.regression("external", terms, SurveyRegression.Family.QUASIBINOMIAL);
        out.println(model.summary());
        TestResult size = model.termTest(SurveyRegression.TermTest.LIKELIHOOD_RATIO, "band");
        out.printf(Locale.ROOT, "size, working likelihood-ratio test: p = %.3g%n", size.pValue());
        DomainEstimates margins = model.predictiveMargins("band");
        for (int b = 0; b < sizes.size(); b++) {
            out.printf(Locale.ROOT, "  %-9s %5.1f %%  SE %.1f  (regional mix held fixed)%n", margins.labels().get(b),
                    100 * margins.estimates()[b], 100 * Math.sqrt(margins.covariance()[b][b]));
        }
    }
}
