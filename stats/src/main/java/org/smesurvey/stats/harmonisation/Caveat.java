package org.smesurvey.stats.harmonisation;

/**
 * What a re-weighted proportion assumes beyond the published figures.
 *
 * @since 0.1
 */
public enum Caveat {
    /**
     * A source band lies only partly inside the target: the proportion is assumed the same throughout the
     * source band.
     */
    PARTIAL_OVERLAP,
    /**
     * A part differs from its source band by a single employee count at a boundary, as the EU's "fewer than
     * 50" and the UK's "not more than 50" do.
     */
    BOUNDARY_DIFFERENCE,
    /**
     * The population does not count a part's band; its count was apportioned from a wider band in proportion
     * to the width, assuming enterprises spread evenly over the sizes in that band.
     */
    APPORTIONED_COUNTS,
    /** A source figure has no known variance, so neither has the result. */
    NO_VARIANCE
}
