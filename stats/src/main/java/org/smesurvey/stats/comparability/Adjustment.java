package org.smesurvey.stats.comparability;

/**
 * An adjustment that makes two figures comparable on one dimension.
 *
 * @since 0.1
 */
public enum Adjustment {
    /**
     * Re-express both on common size bands with a reference population of enterprises
     * ({@code org.smesurvey.stats.harmonisation.SizeHarmonisation}); needs figures by size class.
     */
    SIZE_HARMONISATION("size-class harmonisation with a reference population"),
    /**
     * Weight sector-specific figures to a common sector mix
     * ({@code org.smesurvey.stats.harmonisation.DirectStandardisation}); needs figures by sector.
     */
    STANDARDISATION("direct standardisation to a common mix"),
    /** Use a weighted survey figure's effective sample size ({@code org.smesurvey.stats.EffectiveSample}). */
    EFFECTIVE_SAMPLE_SIZE("effective sample size of the weighted figure"),

    /**
     * Move one figure to the other's year or size with the adoption model's time and size effects
     * ({@code org.smesurvey.stats.adoption.GapDecomposition}); needs both figures in the model.
     */
    ADOPTION_MODEL("the adoption model's effects of time and size");

    private final String description;

    Adjustment(String description) {
        this.description = description;
    }

    /**
     * A short English description.
     *
     * @return the description
     */
    public String description() {
        return description;
    }
}
