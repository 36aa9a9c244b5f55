package org.smesurvey.core;

/**
 * How a survey chose the companies it asked: what its figures can be generalised to.
 *
 * @since 0.1
 */
public enum Sampling implements Coded {
    /** A random sample from a register, usually stratified (official ICT surveys). */
    PROBABILITY("probability sample from a register"),
    /** An access panel or quota sample, possibly weighted to the population. */
    PANEL("panel or quota sample"),
    /** Self-selected or customer respondents: members of a network, users of a product. */
    CONVENIENCE("self-selected or convenience sample"),
    /** Not stated. */
    UNKNOWN("not stated");

    private final String description;

    Sampling(String description) {
        this.description = description;
    }

    @Override
    public String description() {
        return description;
    }
}
