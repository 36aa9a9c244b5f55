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
     * The population does not count a part's band; its count is the share of a wider counted band that a law of
     * firm sizes puts in the part: a Pareto law fitted to the population's own bands from that band up, or, with
     * too few of them, Zipf's law, a density proportional to \( n^{-2} \) (Axtell 2001). Which population's band
     * was split, by which law, and the share, are in {@link Contribution#splits()} and
     * {@link Reweighted#assumptions()}.
     */
    COUNTS_SPLIT_BY_SIZE_LAW,
    /** A source figure has no known variance, so neither has the result. */
    NO_VARIANCE
}
