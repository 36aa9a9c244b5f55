package org.smesurvey.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The enterprises of a region in one year, counted by size band: what size-class harmonisation and
 * direct standardisation weigh figures with.
 *
 * <p>Publishers give overlapping bands (a total, micro, then 10–249); the counts keep them all, and
 * each band appears once.
 *
 * @param id a unique identifier: letters, digits, {@code _}, {@code .} and {@code -}
 * @param publisher who published the counts
 * @param region the country or area
 * @param year the reference year
 * @param scope which enterprises are counted, in the publisher's words, such as "non-financial business economy"
 * @param sectors the NACE sections counted, when the publisher states them (a register split by section);
 *        empty when the scope is not given in NACE terms
 * @param counts the counts by band, none repeating a band
 * @since 0.1
 */
public record ReferencePopulation(String id, String publisher, Region region, int year, String scope,
        Optional<Sectors> sectors, List<PopulationCount> counts) {

    /**
     * Validates the population and copies its counts.
     *
     * @param id a unique identifier: letters, digits, {@code _}, {@code .} and {@code -}
     * @param publisher who published the counts
     * @param region the country or area
     * @param year the reference year
     * @param scope which enterprises are counted, in the publisher's words
     * @param sectors the NACE sections counted, when the publisher states them
     * @param counts the counts by band, none repeating a band
     * @throws NullPointerException if an argument or count is null
     * @throws IllegalArgumentException if the id is invalid, the publisher or scope is blank, the year is
     *         outside 1900–2100, there is no count, or a band repeats
     */
    public ReferencePopulation {
        id = Arguments.requireIdentifier(id, "population id");
        publisher = Arguments.requireText(publisher, "publisher");
        Objects.requireNonNull(region, "region");
        YearRange.requireYear(year);
        scope = Arguments.requireText(scope, "scope");
        Objects.requireNonNull(sectors, "sectors");
        counts = List.copyOf(counts);
        if (counts.isEmpty()) {
            throw new IllegalArgumentException("Population " + id + " has no count");
        }
        Set<SizeBand> bands = new HashSet<>();
        for (PopulationCount count : counts) {
            if (!bands.add(count.band())) {
                throw new IllegalArgumentException("Population " + id + " repeats the band " + count.band());
            }
        }
    }

    /**
     * The number of enterprises in exactly this band.
     *
     * @param band an employee band
     * @return the count, empty if the band is not listed or was published without a count
     */
    public OptionalLong enterprises(SizeBand band) {
        return counts.stream().filter(c -> c.band().equals(band)).findFirst()
                .map(PopulationCount::enterprises).orElse(OptionalLong.empty());
    }

    /**
     * The union of populations of one region and year, such as the NACE sections a survey covers: for each
     * band of the first part, the sum of every part's count.
     *
     * @param id the id of the union
     * @param scope which enterprises the union counts, such as "NACE sections C-J and L-N"
     * @param parts the populations to add up, at least one, all of one region and year
     * @return the union, published by the parts' publisher
     * @throws IllegalArgumentException if there is no part, the parts differ in region or year, or a part has
     *         no count for a band of the first
     */
    public static ReferencePopulation sum(String id, String scope, Collection<ReferencePopulation> parts) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(parts, "parts");
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("No population to add up");
        }
        ReferencePopulation first = parts.iterator().next();
        List<PopulationCount> counts = new ArrayList<>();
        for (PopulationCount count : first.counts()) {
            long total = 0;
            for (ReferencePopulation part : parts) {
                if (!part.region().equals(first.region()) || part.year() != first.year()) {
                    throw new IllegalArgumentException(Arguments.format(
                            "Populations differ in region or year: %s (%s %d) and %s (%s %d)", first.id(), first.region(),
                            first.year(), part.id(), part.region(), part.year()));
                }
                OptionalLong n = part.enterprises(count.band());
                if (n.isEmpty()) {
                    throw new IllegalArgumentException("Population " + part.id() + " has no count for " + count.band());
                }
                total += n.getAsLong();
            }
            counts.add(new PopulationCount(count.sizeClass(), count.band(), OptionalLong.of(total), count.source(),
                    "sum of " + parts.stream().map(ReferencePopulation::id).collect(Collectors.joining(", "))));
        }
        Set<String> publishers = parts.stream().map(ReferencePopulation::publisher).collect(Collectors.toSet());
        // The union's sections are known when every part's are: a register summed over its sections.
        Optional<Sectors> sectors = Optional.empty();
        if (parts.stream().allMatch(part -> part.sectors().isPresent())) {
            sectors = Optional.of(Sectors.union(parts.stream().map(part -> part.sectors().orElseThrow()).toList()));
        }
        return new ReferencePopulation(id, publishers.size() == 1 ? first.publisher() : String.join("; ", publishers),
                first.region(), first.year(), scope, sectors, counts);
    }
}
