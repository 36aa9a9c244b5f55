package org.smesurvey.core;

/**
 * Whether published figures were weighted to the population of companies.
 *
 * @since 0.1
 */
public enum Weighting implements Coded {
    /** Weighted (grossed up) to the population. */
    WEIGHTED("weighted to the population"),
    /** Raw shares of respondents. */
    UNWEIGHTED("unweighted shares of respondents"),
    /** Not stated. */
    UNKNOWN("not stated");

    private final String description;

    Weighting(String description) {
        this.description = description;
    }

    @Override
    public String description() {
        return description;
    }
}
