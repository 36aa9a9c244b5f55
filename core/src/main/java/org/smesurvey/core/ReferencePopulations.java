package org.smesurvey.core;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable collection of {@link ReferencePopulation}s.
 *
 * @since 0.1
 */
public final class ReferencePopulations {

    private final Map<String, ReferencePopulation> populations;

    private ReferencePopulations(Map<String, ReferencePopulation> populations) {
        this.populations = populations;
    }

    /**
     * A collection of these populations.
     *
     * @param populations the populations, with distinct ids
     * @return the collection
     * @throws NullPointerException if an element is null
     * @throws IllegalArgumentException if two populations share an id
     */
    public static ReferencePopulations of(Collection<ReferencePopulation> populations) {
        Objects.requireNonNull(populations, "populations");
        Map<String, ReferencePopulation> byId = new LinkedHashMap<>();
        for (ReferencePopulation population : populations) {
            Objects.requireNonNull(population, "population");
            if (byId.putIfAbsent(population.id(), population) != null) {
                throw new IllegalArgumentException("Population id is repeated: " + population.id());
            }
        }
        return new ReferencePopulations(Collections.unmodifiableMap(byId));
    }

    /**
     * The collections together, in the given order, each population once: one found in two collections with the
     * same counts is kept once, an id found with different counts is a conflict, and every conflict is reported.
     *
     * @param collections the collections, such as the bundled populations and a catalogue's own
     * @return the union
     * @throws IllegalArgumentException if ids conflict; the message names each
     */
    public static ReferencePopulations union(List<ReferencePopulations> collections) {
        Objects.requireNonNull(collections, "collections");
        Map<String, ReferencePopulation> byId = new LinkedHashMap<>();
        java.util.Set<String> conflicts = new java.util.TreeSet<>();
        for (ReferencePopulations collection : collections) {
            for (ReferencePopulation population : Objects.requireNonNull(collection, "collection").all()) {
                ReferencePopulation known = byId.putIfAbsent(population.id(), population);
                if (known != null && !known.equals(population)) {
                    conflicts.add(population.id());
                }
            }
        }
        if (!conflicts.isEmpty()) {
            throw new IllegalArgumentException("The populations cannot be joined: ids with different counts in two"
                    + " collections: " + String.join(", ", conflicts));
        }
        return new ReferencePopulations(Collections.unmodifiableMap(byId));
    }

    /**
     * Every population, in file order.
     *
     * @return the populations
     */
    public List<ReferencePopulation> all() {
        return List.copyOf(populations.values());
    }

    /**
     * The population with this id.
     *
     * @param id a population id
     * @return the population, empty if none has this id
     */
    public Optional<ReferencePopulation> population(String id) {
        return Optional.ofNullable(populations.get(id));
    }

    /**
     * The populations of a region, in file order.
     *
     * @param region a country or aggregate
     * @return its populations
     */
    public List<ReferencePopulation> forRegion(Region region) {
        return populations.values().stream().filter(p -> p.region().equals(region)).toList();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ReferencePopulations that && all().equals(that.all());
    }

    @Override
    public int hashCode() {
        return all().hashCode();
    }

    @Override
    public String toString() {
        return "ReferencePopulations[" + populations.size() + " populations]";
    }
}
