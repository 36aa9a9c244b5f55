package org.smesurvey.core;

import java.util.Objects;
import java.util.Optional;

/**
 * The companies a study is about.
 *
 * @param description the population as the study words it, such as "enterprises with 10 or more
 *        persons employed, NACE C-J, L-N and 95.1"
 * @param sizeScheme the size-class definition the study uses
 * @param sizeCoverage the employee band the population spans, empty if the study does not say
 * @param sectors the sectors it covers, empty if the study does not say
 * @since 0.1
 */
public record Population(String description, SizeClassScheme sizeScheme, Optional<SizeBand> sizeCoverage,
        Optional<Sectors> sectors) {

    /**
     * Validates the population.
     *
     * @param description the population as the study words it, such as "enterprises with 10 or more
     *        persons employed, NACE C-J, L-N and 95.1"
     * @param sizeScheme the size-class definition the study uses
     * @param sizeCoverage the employee band the population spans, empty if the study does not say
     * @param sectors the sectors it covers, empty if the study does not say
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the description is blank
     */
    public Population {
        description = Arguments.requireText(description, "population description");
        Objects.requireNonNull(sizeScheme, "sizeScheme");
        Objects.requireNonNull(sizeCoverage, "sizeCoverage");
        Objects.requireNonNull(sectors, "sectors");
    }
}
