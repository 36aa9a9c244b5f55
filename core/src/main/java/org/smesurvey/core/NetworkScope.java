package org.smesurvey.core;

/**
 * Which social networks a figure is about: public ones, an internal enterprise network, or both.
 *
 * @since 0.1
 */
public enum NetworkScope implements Coded {
    /** Public networks open to anyone: Facebook, LinkedIn, Twitter/X, Viadeo, Instagram… */
    EXTERNAL("external public social networks"),
    /** An internal enterprise social network (réseau social d'entreprise, RSE): Yammer, Workplace… */
    INTERNAL("internal enterprise social network"),
    /**
     * Both, as in the official ICT surveys, whose "social networks" examples list Yammer beside
     * Facebook and LinkedIn.
     */
    MIXED("external and internal networks together");

    private final String description;

    NetworkScope(String description) {
        this.description = description;
    }

    @Override
    public String description() {
        return description;
    }
}
