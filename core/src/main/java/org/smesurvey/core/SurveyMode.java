package org.smesurvey.core;

/**
 * How a survey collected its answers.
 *
 * @since 0.1
 */
public enum SurveyMode implements Coded {
    /** Web questionnaire. */
    ONLINE("online questionnaire"),
    /** Telephone interviews (CATI). */
    TELEPHONE("telephone interviews"),
    /** Paper questionnaire sent by post. */
    MAIL("paper questionnaire by post"),
    /** Face-to-face interviews. */
    FACE_TO_FACE("face-to-face interviews"),
    /** More than one mode, as most official enterprise surveys. */
    MIXED("several modes"),
    /** Not stated. */
    UNKNOWN("not stated");

    private final String description;

    SurveyMode(String description) {
        this.description = description;
    }

    @Override
    public String description() {
        return description;
    }
}
