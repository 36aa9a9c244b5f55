package org.smesurvey.stats.comparability;

/**
 * Whether two figures can be compared on one dimension, from the best case to the worst; a pair's overall
 * verdict is its worst.
 *
 * @since 0.1
 */
public enum Verdict {
    /** The same, or equivalent. */
    COMPARABLE,
    /** Different, but an adjustment makes them comparable. */
    AFTER_ADJUSTMENT,
    /** One side does not say; the comparison rests on an assumption. */
    UNKNOWN,
    /** Different in a way no adjustment here removes. */
    NOT_COMPARABLE;

    /**
     * The worse of two verdicts.
     *
     * @param other another verdict
     * @return the one later in this order
     */
    public Verdict worse(Verdict other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
