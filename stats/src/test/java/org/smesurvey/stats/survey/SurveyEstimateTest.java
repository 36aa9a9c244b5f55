package org.smesurvey.stats.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * {@link SurveyEstimate#table} against survey 4.1.1's {@code print.svystat} (R 4.2.2) on its apistrat design,
 * {@code dstrat <- svydesign(id = ~1, strata = ~stype, weights = ~pw, data = apistrat, fpc = ~fpc)}; the values are
 * R's own, at full precision, and the expected lines are what R printed.
 */
class SurveyEstimateTest {

    private static SurveyEstimate estimate(String label, double value, double se, OptionalDouble deff) {
        return new SurveyEstimate(label, value, se, deff, 200, 197);
    }

    /** {@code print(svymean(~api00, dstrat))} and {@code print(svymean(~api00, dstrat, deff = TRUE))}. */
    @Test
    void aMeanAsSurveyPrintsIt() {
        assertEquals("        mean     SE\napi00 662.29 9.4089", SurveyEstimate.table(List.of(estimate("api00",
                662.28736315932076, 9.4089408027845796, OptionalDouble.empty())), "mean"));
        assertEquals("          mean       SE   DEff\napi00 662.2874   9.4089 1.2045", SurveyEstimate.table(List.of(
                estimate("api00", 662.28736315932076, 9.4089408027845796, OptionalDouble.of(1.2044572685377168))),
                "mean"));
    }

    /** {@code print(svytotal(~enroll, dstrat, deff = TRUE))}. */
    @Test
    void aTotalAsSurveyPrintsIt() {
        assertEquals("         total      SE  DEff\nenroll 3687178  114642 0.362", SurveyEstimate.table(List.of(
                estimate("enroll", 3687177.5324382782, 114641.71610078029, OptionalDouble.of(0.36201812236340364))),
                "total"));
    }

    /** {@code print(svymean(~I(sch.wide == "Yes"), dstrat, deff = TRUE))}, its two rows. */
    @Test
    void twoRowsAsSurveyPrintsThem() {
        assertEquals("        mean       SE   DEff\nno  0.172052 0.024345 0.8556\nyes 0.827948 0.024345 0.8556",
                SurveyEstimate.table(List.of(
                        estimate("no", 0.17205198858417653, 0.024344780113074779, OptionalDouble.of(0.85557185097506583)),
                        estimate("yes", 0.82794801141582341, 0.024344780113074775,
                                OptionalDouble.of(0.85557185097506561))), "mean"));
    }
}
