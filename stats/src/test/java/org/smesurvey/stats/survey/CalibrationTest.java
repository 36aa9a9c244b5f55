package org.smesurvey.stats.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.smesurvey.stats.survey.SurveyEstimatorTest.EXACT;
import static org.smesurvey.stats.survey.SurveyEstimatorTest.answer;
import static org.smesurvey.stats.survey.SurveyEstimatorTest.close;
import static org.smesurvey.stats.survey.SurveyEstimatorTest.column;
import static org.smesurvey.stats.survey.SurveyEstimatorTest.data;
import static org.smesurvey.stats.survey.SurveyEstimatorTest.design;
import static org.smesurvey.stats.survey.SurveyEstimatorTest.lines;
import static org.smesurvey.stats.survey.SurveyEstimatorTest.values;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smesurvey.core.bundled.Bundled;
import org.smesurvey.stats.meta.Moderators;

/** Post-stratification and raking against R's survey 4.1.1 on its api samples (survey-api.R, "CALIBRATED"). */
class CalibrationTest {

    @BeforeAll
    static void load() throws IOException {
        SurveyEstimatorTest.load();
    }

    private static final Map<String, Double> POP_TYPES = Map.of("E", 4421.0, "H", 755.0, "M", 1018.0);
    private static final Map<String, Double> POP_SCHWIDE = Map.of("No", 1072.0, "Yes", 5122.0);

    /**
     * {@code postStratify(d, ~stype, pop.types)} and {@code rake(d, list(~stype, ~sch.wide), list(pop.types,
     * pop.schwide))} (survey's own example totals), then {@code svymean(~award, d, deff = TRUE)},
     * {@code svytotal}, {@code svyby(~award, ~stype, d, svymean)} and by county: weights, estimates and
     * standard errors with the calibration's projection in the variance.
     */
    @Test
    void postStratificationAndRaking() {
        int checked = 0;
        for (String[] l : lines) {
            if (!l[0].equals("CALIBRATED")) {
                continue;
            }
            List<CSVRecord> rows = data.get(l[1].startsWith("strat") ? "apistrat" : "apiclus1");
            SurveyDesign d = l[2].equals("post")
                    ? Calibration.postStratify(design(l[1]), column(rows, "stype"), POP_TYPES)
                    : Calibration.rake(design(l[1]), List.of(column(rows, "stype"), column(rows, "sch.wide")),
                            List.of(POP_TYPES, POP_SCHWIDE));
            String what = l[1] + " " + l[2];
            double[] weights = values(l[4]);
            for (int i = 0; i < weights.length; i++) {
                close(weights[i], d.weight(i), EXACT, what + " weight " + i);
            }
            SurveyEstimator estimator = SurveyEstimator.of(d);
            boolean[] award = answer(l[1], "award");
            SurveyEstimate mean = estimator.proportion("award", award);
            double[] r = values(l[3]);
            close(r[0], mean.estimate(), EXACT, what + " mean");
            close(r[1], mean.standardError(), EXACT, what + " se");
            close(r[2], mean.designEffect().getAsDouble(), EXACT, what + " deff");
            double[] y = new double[award.length];
            for (int i = 0; i < y.length; i++) {
                y[i] = award[i] ? 1 : 0;
            }
            SurveyEstimate total = estimator.total("award", y);
            close(r[3], total.estimate(), EXACT, what + " total");
            close(r[4], total.standardError(), EXACT, what + " total se");
            List<SurveyEstimate> byType = estimator.proportionBy(award, column(rows, "stype"));
            double[] typeMeans = values(l[5]);
            double[] typeSe = values(l[6]);
            for (int k = 0; k < 3; k++) {
                close(typeMeans[k], byType.get(k).estimate(), EXACT, what + " " + byType.get(k).label());
                close(typeSe[k], byType.get(k).standardError(), EXACT, what + " se " + byType.get(k).label());
            }
            List<String> counties = List.of(l[7].split(","));
            double[] countyMeans = values(l[8]);
            double[] countySe = values(l[9]);
            for (SurveyEstimate e : estimator.proportionBy(award, column(rows, "cname"))) {
                int k = counties.indexOf(e.label());
                close(countyMeans[k], e.estimate(), EXACT, what + " " + e.label());
                close(countySe[k], e.standardError(), EXACT, what + " se " + e.label());
            }
            checked++;
        }
        assertEquals(6, checked);
    }

    @Test
    void totalsBySizeBandComeFromAReferencePopulation() {
        org.smesurvey.core.ReferencePopulation france = Bundled.populations()
                .population("INSEE_TEF_2018").orElseThrow();
        // Insee's LME categories: micro, SMEs beyond micro, mid-caps, large.
        List<org.smesurvey.core.SizeBand> bands = List.of(org.smesurvey.core.SizeBand.of(0, 9),
                org.smesurvey.core.SizeBand.of(10, 249), org.smesurvey.core.SizeBand.of(250, 4999),
                org.smesurvey.core.SizeBand.atLeast(5000));
        Map<String, Double> totals = Calibration.totalsBySizeBand(france, bands);
        assertEquals(List.of("0-9", "10-249", "250-4999", "5000+"), List.copyOf(totals.keySet()));
        for (org.smesurvey.core.SizeBand band : bands) {
            assertEquals((double) france.enterprises(band).getAsLong(), totals.get(band.label()));
        }
        assertEquals("Population INSEE_TEF_2018 has no count for the band 7-8", org.junit.jupiter.api.Assertions
                .assertThrows(IllegalArgumentException.class, () -> Calibration.totalsBySizeBand(france,
                        List.of(org.smesurvey.core.SizeBand.of(7, 8)))).getMessage());
    }
    /**
     * Collinear calibration variables (x and 2x) under raking, as survey-calibration.R: {@code svymean(~y,
     * calibrate(d, ~x + x2, c(`(Intercept)` = tn, x = tx, x2 = 2 * tx), calfun = "raking"))} = 4.0526315789473681,
     * SE 0.94621890913802253, the same as calibrating on x alone; the variance's projection used to fail with
     * commons-math's singular-matrix exception.
     */
    @Test
    void collinearCalibrationVariablesProjectAsSurveyDoes() {
        double[] w = {10, 12, 9, 20, 22, 18, 30, 31};
        double[] x = {1, 2, 3, 4, 5, 6, 7, 8};
        double[] x2 = new double[x.length];
        double tn = 0;
        double tx = 0;
        for (int i = 0; i < x.length; i++) {
            x2[i] = 2 * x[i];
            tn += w[i] * 1.1;
            tx += w[i] * x[i] * 1.1;
        }
        SurveyDesign raked = Calibration.calibrate(SurveyDesign.builder(w).build(),
                Moderators.builder(x.length).numeric("x", x).numeric("x2", x2).build(), new double[] {tn, tx, 2 * tx},
                Calibration.Distance.RAKING, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        SurveyEstimate mean = SurveyEstimator.of(raked).mean("y", new double[] {3, 1, 4, 1, 5, 9, 2, 6});
        assertEquals(4.0526315789473681, mean.estimate(), 1e-10 * 4.05);
        assertEquals(0.94621890913802253, mean.standardError(), 1e-10 * 0.946);
    }
}

