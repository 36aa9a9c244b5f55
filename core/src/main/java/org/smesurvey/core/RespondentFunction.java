package org.smesurvey.core;

/**
 * The function of the person who answered for the company: each sees a different company.
 *
 * <p>A study that names several functions (the P-DG, DG or DAF) has each of them; {@link #MIXED} is for
 * studies that say answers came from various functions without naming them.
 *
 * @since 0.1
 */
public enum RespondentFunction implements Coded {
    /** The chief executive or general management (dirigeant, DG, PDG, gérant, owner-manager). */
    CEO("CEO or general management"),
    /** Marketing. */
    MARKETING("marketing"),
    /** Communication, public relations. */
    COMMUNICATION("communication"),
    /** Human resources (DRH). */
    HR("human resources"),
    /** Information technology (DSI). */
    IT("information technology"),
    /** Finance (DAF, CFO). */
    FINANCE("finance"),
    /** Sales. */
    SALES("sales"),
    /** Another named function, such as the person in charge of social networks. */
    OTHER("another function"),
    /** Various functions, not broken down. */
    MIXED("various functions"),
    /** The study does not say who answered. */
    UNKNOWN("not stated");

    private final String description;

    RespondentFunction(String description) {
        this.description = description;
    }

    @Override
    public String description() {
        return description;
    }
}
