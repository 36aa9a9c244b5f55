package org.smesurvey.core;

/**
 * How a survey chose the companies it asked: what its figures can be generalised to.
 *
 * @since 0.1
 */
public enum Sampling implements Coded {
    /** A random sample from a register, usually stratified (official ICT surveys). */
    PROBABILITY("probability", "probability sample from a register"),
    /** An access panel or quota sample, possibly weighted to the population. */
    PANEL("panel", "panel or quota sample"),
    /** Self-selected or customer respondents: members of a network, users of a product. */
    CONVENIENCE("convenience", "self-selected or convenience sample"),
    /** Not stated. */
    UNKNOWN("unknown", "not stated");

    private final String code;
    private final String description;

    Sampling(String code, String description) {
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
