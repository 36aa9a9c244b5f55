package org.smesurvey.stats.meta;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A random intercept crossed with the studies, as a term {@code ~ 1 | country} of metafor's
 * {@code rma.mv(yi, vi, mods, random = list(~ 1 | country, ~ 1 | study/figure))}: each estimate's level of a factor
 * (its country, its sector) whose levels are a sample of a population and cut across the studies, so that a study
 * may hold several levels and a level several studies. Each level l has its effect \( u_l \sim N(0, σ^2) \), shared
 * by every estimate at that level; {@link MetaAnalysis#multilevel(EffectSizes, String[], Moderators, CrossedFactor...)}
 * estimates σ² beside the studies' and the estimates' own variances.
 *
 * <p>A level may be {@code null}: the factor does not apply to that estimate (a figure about no single country),
 * which then has no effect of this factor and none of its variance. metafor has no counterpart (it drops a row whose
 * grouping variable is missing); the model is its {@code random = ~ applies | country, struct = "DIAG"} with the
 * variance of the rows it does not apply to fixed at 0.
 *
 * <p>Immutable: the levels are copied.
 *
 * <p>Reference: Viechtbauer, W. (2010). Conducting meta-analyses in R with the metafor package. <i>Journal of
 * Statistical Software</i> 36(3), 1–48. doi:10.18637/jss.v036.i03
 *
 * @param name the factor's name, such as {@code country}, as the summary prints it
 * @param levels each estimate's level, in the estimates' order; {@code null} where the factor does not apply
 * @since 0.2
 */
public record CrossedFactor(String name, List<String> levels) {

    /**
     * Validates the factor and copies its levels.
     *
     * @param name the factor's name
     * @param levels each estimate's level, {@code null} where the factor does not apply
     * @throws NullPointerException if {@code name} or {@code levels} is null
     * @throws IllegalArgumentException if the name is blank, or fewer than two distinct levels are given (the
     *         variance of a single level cannot be told from the intercept)
     */
    public CrossedFactor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(levels, "levels");
        if (name.isBlank()) {
            throw new IllegalArgumentException("A crossed factor's name is blank");
        }
        levels = Collections.unmodifiableList(new ArrayList<>(levels));
        Set<String> distinct = new LinkedHashSet<>(levels);
        distinct.remove(null);
        if (distinct.size() < 2) {
            throw new IllegalArgumentException("Crossed factor " + name + " needs at least two levels: " + distinct);
        }
    }

    /**
     * A factor from each estimate's level.
     *
     * @param name the factor's name, such as {@code country}
     * @param levels each estimate's level, {@code null} where the factor does not apply
     * @return the factor
     * @throws NullPointerException if {@code name} or {@code levels} is null
     * @throws IllegalArgumentException as {@link #CrossedFactor(String, List)}
     */
    public static CrossedFactor of(String name, String... levels) {
        Objects.requireNonNull(levels, "levels");
        return new CrossedFactor(name, Arrays.asList(levels));
    }
}
