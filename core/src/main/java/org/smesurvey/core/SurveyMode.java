package org.smesurvey.core;

/**
 * How a survey collected its answers.
 *
 * @since 0.1
 */
public enum SurveyMode implements Coded {
    /** Web questionnaire. */
    ONLINE("online", "online questionnaire"),
    /** Telephone interviews (CATI). */
    TELEPHONE("telephone", "telephone interviews"),
    /** Paper questionnaire sent by post. */
    MAIL("mail", "paper questionnaire by post"),
    /** Face-to-face interviews. */
    FACE_TO_FACE("face_to_face", "face-to-face interviews"),
    /** More than one mode, as most official enterprise surveys. */
    MIXED("mixed", "several modes"),
    /** Not stated. */
    UNKNOWN("unknown", "not stated");

    private final String code;
    private final String description;

    SurveyMode(String code, String description) {
        this.code = code;
        this.description = description;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String description() {
        return description;
    }
}
