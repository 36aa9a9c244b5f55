package org.smesurvey.stats.adoption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smesurvey.core.bundled.Bundled;

/**
 * Leaving each study out of the bundled catalogue: every figure is predicted by a fit that has not seen its study,
 * with the interval of a new study's figure. The thresholds below guard against a regression of the model's
 * out-of-sample quality; the measured values are in docs/adoption-model.md.
 */
class CrossValidationTest {

    private static AdoptionModel.Fit fit;
    private static CrossValidation byStudy;

    @BeforeAll
    static void validate() {
        fit = AdoptionModel.fit(AdoptionData.of(Bundled.catalogue()));
        byStudy = CrossValidation.of(fit, CrossValidation.Grouping.STUDY);
    }

    @Test
    void eachFigureIsPredictedByTheFitWithoutItsStudy() {
        assertEquals(fit.data().entries().size(), byStudy.held().size());
        CrossValidation.Held first = byStudy.held().get(0);
        String study = first.figure().study().id();
        AdoptionModel.Fit without = fit.studyRefits().get(study);
        assertTrue(without.row(first.figure()) < 0, "the refit has not seen the figure");
        double[] prediction = without.predict(fit.profile(0));
        assertEquals(AdoptionModel.expit(prediction[0]), first.predicted(), 1e-12);
        assertTrue(first.lower() < first.predicted() && first.predicted() < first.upper());
    }

    @Test
    void theIntervalsHoldAndTheErrorIsSmall() {
        assertTrue(byStudy.coverage() >= 0.93, byStudy.summary());
        assertTrue(byStudy.meanAbsoluteError() <= 7.5, byStudy.summary());
        assertTrue(Math.abs(byStudy.bias()) <= 2, byStudy.summary());
        assertTrue(byStudy.summary().startsWith("Leaving each study out (" + fit.studyRefits().size() + " studies"),
                byStudy.summary());
    }

    @Test
    void countriesCanBeLeftOutToo() {
        CrossValidation byCountry = CrossValidation.of(fit, CrossValidation.Grouping.COUNTRY);
        assertEquals(fit.data().entries().size(), byCountry.held().size());
        assertTrue(byCountry.held().stream().noneMatch(CrossValidation.Held::countryKnown),
                "a left-out country is new to its refit");
        assertTrue(byCountry.coverage() >= 0.85, byCountry.summary());
    }
}
