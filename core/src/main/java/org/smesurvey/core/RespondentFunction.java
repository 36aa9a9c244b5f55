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
    CEO("ceo", "CEO or general management"),
    /** Marketing. */
    MARKETING("marketing", "marketing"),
    /** Communication, public relations. */
    COMMUNICATION("communication", "communication"),
    /** Human resources (DRH). */
    HR("hr", "human resources"),
    /** Information technology (DSI). */
    IT("it", "information technology"),
    /** Finance (DAF, CFO). */
    FINANCE("finance", "finance"),
    /** Sales. */
    SALES("sales", "sales"),
    /** Another named function, such as the person in charge of social networks. */
    OTHER("other", "another function"),
    /** Various functions, not broken down. */
    MIXED("mixed", "various functions"),
    /** The study does not say who answered. */
    UNKNOWN("unknown", "not stated");

    private final String code;
    private final String description;

    RespondentFunction(String code, String description) {
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
