package org.smesurvey.core;

/**
 * Whether published figures were weighted to the population of companies.
 *
 * @since 0.1
 */
public enum Weighting implements Coded {
    /** Weighted (grossed up) to the population. */
    WEIGHTED("weighted", "weighted to the population"),
    /** Raw shares of respondents. */
    UNWEIGHTED("unweighted", "unweighted shares of respondents"),
    /** Not stated. */
    UNKNOWN("unknown", "not stated");

    private final String code;
    private final String description;

    Weighting(String code, String description) {
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
