package org.smesurvey.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.smesurvey.core.SizeBand;
import org.smesurvey.core.bundled.Bundled;
import org.smesurvey.stats.survey.Answers;
import org.smesurvey.stats.survey.Calibration;
import org.smesurvey.stats.survey.DomainEstimates;
import org.smesurvey.stats.survey.ModelTerms;
import org.smesurvey.stats.survey.Respondents;
import org.smesurvey.stats.survey.RespondentReader;
import org.smesurvey.stats.survey.SurveyDesign;
import org.smesurvey.stats.survey.SurveyEstimate;
import org.smesurvey.stats.survey.SurveyEstimator;
import org.smesurvey.stats.survey.SurveyRegression;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * The code of examples/notebooks/respondent-survey.ipynb's cells on domains in the size factor's order and the
 * regression by named terms, word for word (but for printing), so that a change of the API that breaks the
 * notebook breaks the build: the notebook itself runs only under a Java kernel.
 */
class RespondentNotebookTest {

    @Test
    void theNotebooksNamedTermCellsRun() throws IOException {
        Table table = Table.read().usingOptions(CsvReadOptions.builder(
                EstimateFromRespondents.class.getResourceAsStream("simulated-respondents.csv"))
                .tableName("simulated-respondents"));
        Respondents data = RespondentReader.builder().weight("weight").strata("band").clusters("psu")
                .answers("external", "internal").categories("band", "region").build().read(table);
        SurveyDesign sample = data.design();
        List<SizeBand> categories = List.of(SizeBand.of(0, 9), SizeBand.of(10, 249), SizeBand.of(250, 4999),
                SizeBand.atLeast(5000));
        Map<String, Double> france = Calibration.totalsBySizeBand(
                Bundled.populations().population("INSEE_TEF_2018").orElseThrow(), categories);
        SurveyDesign design = Calibration.postStratify(sample, data.categories("band"), france);
        SurveyEstimator estimator = SurveyEstimator.of(design);
        Answers external = data.answers("external");
        // cell respondentsu-10
        List<String> sizes = List.of("0-9", "10-249", "250-4999", "5000+");   // the size factor's levels, in order
        String bySizeTable = SurveyEstimate.table(estimator.proportionBy(external, data.domains("band", sizes)),
                "external");
        // cell respondentsu-18 (its first line)
        DomainEstimates bySize = estimator.proportionsBy(external, data.domains("band", sizes));
        // cell respondentsu-20
        ModelTerms terms = ModelTerms.builder(data).factor("band", sizes).factor("region", "Ile-de-France").build();
        SurveyRegression model = estimator.regression("external", terms, SurveyRegression.Family.QUASIBINOMIAL);
        String summary = model.summary();
        String test = model.termTest(SurveyRegression.TermTest.LIKELIHOOD_RATIO, "band").summary();
        SurveyRegression.Prediction occitanie = model.predict(Map.of("band", "10-249", "region", "Occitanie"));
        DomainEstimates margins = model.predictiveMargins("band");
        DomainEstimates.Contrast largest = margins.difference("5000+", "0-9");

        assertTrue(bySizeTable.indexOf("0-9") < bySizeTable.indexOf("250-4999"), bySizeTable);
        assertEquals(sizes, bySize.labels());
        assertTrue(summary.contains("regionOccitanie"), summary);
        assertTrue(test.startsWith("Working likelihood-ratio test for band"), test);
        assertTrue(occitanie.response() > 0 && occitanie.response() < 1);
        assertEquals(sizes, margins.labels());
        assertTrue(Double.isFinite(largest.standardError()));
    }
}
