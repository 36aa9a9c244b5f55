package org.smesurvey.core;

import java.util.Objects;

/**
 * How a study collected and processed its answers.
 *
 * @param mode how answers were collected
 * @param sampling how companies were chosen
 * @param weighting whether figures were weighted to the population
 * @since 0.1
 */
public record StudyMethod(SurveyMode mode, Sampling sampling, Weighting weighting) {

    /** Nothing stated. */
    public static final StudyMethod UNKNOWN =
            new StudyMethod(SurveyMode.UNKNOWN, Sampling.UNKNOWN, Weighting.UNKNOWN);

    /**
     * Validates the method.
     *
     * @param mode how answers were collected
     * @param sampling how companies were chosen
     * @param weighting whether figures were weighted to the population
     * @throws NullPointerException if an argument is null
     */
    public StudyMethod {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(sampling, "sampling");
        Objects.requireNonNull(weighting, "weighting");
    }
}
