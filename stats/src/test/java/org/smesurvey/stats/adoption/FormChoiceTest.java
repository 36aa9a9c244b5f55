package org.smesurvey.stats.adoption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.smesurvey.core.bundled.Bundled;

/**
 * The form of the adoption model chosen on the bundled catalogue by leaving each study out. The plain form's
 * maximum-likelihood log-likelihood is R's tight one (adoption-ceiling.R, line TOP: the exact likelihood maximised by
 * Newton's method on its score, 1e-8).
 */
class FormChoiceTest {

    @Test
    void thePlainFormIsChosenOutOfSampleThoughASpeedPerIndicatorFitsBetterInSample() throws IOException {
        FormChoice choice = FormChoice.of(AdoptionData.of(Bundled.catalogue()), Bundled.populations());
        assertEquals(FormChoice.CANDIDATES.size(), choice.candidates().size());
        FormChoice.Candidate plain = choice.candidates().get(0);
        FormChoice.Candidate speeds = choice.candidates().get(1);
        assertSame(plain, choice.chosen(), choice.summary());
        double top = ReferenceLines.numbers("adoption-ceiling.txt", "TOP;")[2][0];
        assertEquals(top, plain.logLikelihood(), 1e-8 * Math.abs(top), "ML logLik of the plain form");
        // In sample the speeds win by far; out of sample they predict worse.
        assertTrue(speeds.p() < 1e-6, choice.summary());
        assertEquals(2 * (speeds.logLikelihood() - plain.logLikelihood()), speeds.ratio(), 1e-12);
        assertTrue(speeds.validation().meanAbsoluteError() > plain.validation().meanAbsoluteError(), choice.summary());
        // Every ceiling goes to 100 %: the ceiling forms are the plain one.
        for (FormChoice.Candidate c : choice.candidates().subList(2, 4)) {
            assertEquals(AdoptionModel.Ceiling.NONE, c.fitted().ceilings(), choice.summary());
            assertEquals(0, c.degreesOfFreedom());
            assertEquals(plain.logLikelihood(), c.logLikelihood(), 1e-8 * Math.abs(top));
        }
        assertTrue(choice.summary().contains("no ceiling, one speed") && choice.summary().contains("<- chosen"),
                choice.summary());
    }
}
