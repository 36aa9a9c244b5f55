package org.smesurvey.stats.meta;

import java.util.Objects;

/**
 * One coefficient of a meta-regression.
 *
 * @param name the moderator's column, such as {@code intrcpt}, {@code year} or {@code scopeinternal}
 * @param estimate the estimate
 * @param standardError its standard error
 * @param statistic the z or t statistic
 * @param pValue its two-sided p-value
 * @param lower the lower confidence limit
 * @param upper the upper confidence limit
 * @since 0.1
 */
public record Coefficient(String name, double estimate, double standardError, double statistic, double pValue,
        double lower, double upper) {

    /**
     * Validates the coefficient.
     *
     * @param name the moderator's column
     * @param estimate the estimate
     * @param standardError its standard error
     * @param statistic the z or t statistic
     * @param pValue its p-value
     * @param lower the lower confidence limit
     * @param upper the upper confidence limit
     * @throws NullPointerException if the name is null
     */
    public Coefficient {
        Objects.requireNonNull(name, "name");
    }
}
