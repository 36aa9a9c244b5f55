package org.smesurvey.core;

import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A published survey of companies, with everything that decides whether its figures can be compared
 * with another's: who was asked, how many, who answered, when and how.
 *
 * <p>Build one with {@link #builder(String)}; the figures it published are {@link Observation}s.
 *
 * @param id a unique identifier: letters, digits, {@code _}, {@code .} and {@code -}, such as
 *        {@code BPIFRANCE_LAB_2018}
 * @param title the publication's title
 * @param publisher who published it
 * @param fieldwork the years of fieldwork, empty if not stated
 * @param region the country or area it covers
 * @param population the companies it is about
 * @param sampleSize the number of companies that answered, empty if not stated
 * @param respondents who answered for the companies, never empty ({@link RespondentFunction#UNKNOWN}
 *        if not stated, and then alone)
 * @param method mode, sampling and weighting
 * @param sources where the figures were read, absolute URIs
 * @param notes remarks; may be empty
 * @since 0.1
 */
public record Study(String id, String title, String publisher, Optional<YearRange> fieldwork, Region region,
        Population population, OptionalInt sampleSize, Set<RespondentFunction> respondents, StudyMethod method,
        List<URI> sources, String notes) {

    /**
     * Validates the study and copies its collections.
     *
     * @param id a unique identifier: letters, digits, {@code _}, {@code .} and {@code -}, such as
     *        {@code BPIFRANCE_LAB_2018}
     * @param title the publication's title
     * @param publisher who published it
     * @param fieldwork the years of fieldwork, empty if not stated
     * @param region the country or area it covers
     * @param population the companies it is about
     * @param sampleSize the number of companies that answered, empty if not stated
     * @param respondents who answered for the companies, never empty ({@link RespondentFunction#UNKNOWN}
     *        if not stated, and then alone)
     * @param method mode, sampling and weighting
     * @param sources where the figures were read, absolute URIs
     * @param notes remarks; may be empty
     * @throws NullPointerException if an argument, a respondent function or a source is null
     * @throws IllegalArgumentException if the id has other characters than letters, digits, {@code _},
     *         {@code .} and {@code -}; the title or publisher is blank; the sample size is not positive;
     *         the respondents are empty or combine {@code UNKNOWN} with others; or a source is not an
     *         absolute URI
     */
    public Study {
        id = Arguments.requireIdentifier(id, "study id");
        title = Arguments.requireText(title, "title");
        publisher = Arguments.requireText(publisher, "publisher");
        Objects.requireNonNull(fieldwork, "fieldwork");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(population, "population");
        Objects.requireNonNull(sampleSize, "sampleSize").ifPresent(n -> Arguments.requirePositive(n, "sample size"));
        respondents = Set.copyOf(respondents);
        if (respondents.isEmpty()) {
            throw new IllegalArgumentException("Respondents are empty; use RespondentFunction.UNKNOWN if not stated");
        }
        if (respondents.contains(RespondentFunction.UNKNOWN) && respondents.size() > 1) {
            throw new IllegalArgumentException(
                    "Respondents combine 'unknown' with named functions: " + EnumSet.copyOf(respondents));
        }
        Objects.requireNonNull(method, "method");
        sources = List.copyOf(sources);
        for (URI source : sources) {
            if (!source.isAbsolute()) {
                throw new IllegalArgumentException("Source is not an absolute URI: " + source);
            }
        }
        notes = Arguments.optionalText(notes, "notes");
    }

    /**
     * Starts a study with this id; title, publisher, region and population must be set before
     * {@link Builder#build()}.
     *
     * @param id the study id
     * @return a builder
     */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /**
     * The respondent functions in their declaration order, for display and files.
     *
     * @return the functions, sorted
     */
    public List<RespondentFunction> respondentsInOrder() {
        return List.copyOf(EnumSet.copyOf(respondents));
    }

    /**
     * Collects the fields of a {@link Study}. Not thread-safe; {@link #build()} validates.
     *
     * @since 0.1
     */
    public static final class Builder {
        private final String id;
        private String title;
        private String publisher;
        private Optional<YearRange> fieldwork = Optional.empty();
        private Region region;
        private Population population;
        private OptionalInt sampleSize = OptionalInt.empty();
        private Set<RespondentFunction> respondents = Set.of(RespondentFunction.UNKNOWN);
        private StudyMethod method = StudyMethod.UNKNOWN;
        private List<URI> sources = List.of();
        private String notes = "";

        private Builder(String id) {
            this.id = id;
        }

        /**
         * Sets the title.
         *
         * @param title the publication's title
         * @return this builder
         */
        public Builder title(String title) {
            this.title = title;
            return this;
        }

        /**
         * Sets the publisher.
         *
         * @param publisher who published the study
         * @return this builder
         */
        public Builder publisher(String publisher) {
            this.publisher = publisher;
            return this;
        }

        /**
         * Sets the years of fieldwork.
         *
         * @param fieldwork the years
         * @return this builder
         */
        public Builder fieldwork(YearRange fieldwork) {
            this.fieldwork = Optional.of(fieldwork);
            return this;
        }

        /**
         * Sets the region.
         *
         * @param region the country or area covered
         * @return this builder
         */
        public Builder region(Region region) {
            this.region = region;
            return this;
        }

        /**
         * Sets the population.
         *
         * @param population the companies the study is about
         * @return this builder
         */
        public Builder population(Population population) {
            this.population = population;
            return this;
        }

        /**
         * Sets the number of companies that answered.
         *
         * @param sampleSize the sample size
         * @return this builder
         */
        public Builder sampleSize(int sampleSize) {
            this.sampleSize = OptionalInt.of(sampleSize);
            return this;
        }

        /**
         * Sets who answered.
         *
         * @param first a respondent function
         * @param more further functions
         * @return this builder
         */
        public Builder respondents(RespondentFunction first, RespondentFunction... more) {
            this.respondents = EnumSet.of(first, more);
            return this;
        }

        /**
         * Sets who answered.
         *
         * @param respondents the respondent functions
         * @return this builder
         */
        public Builder respondents(Set<RespondentFunction> respondents) {
            this.respondents = respondents;
            return this;
        }

        /**
         * Sets the method.
         *
         * @param method mode, sampling and weighting
         * @return this builder
         */
        public Builder method(StudyMethod method) {
            this.method = method;
            return this;
        }

        /**
         * Sets the sources.
         *
         * @param sources where the figures were read
         * @return this builder
         */
        public Builder sources(List<URI> sources) {
            this.sources = sources;
            return this;
        }

        /**
         * Sets the notes.
         *
         * @param notes remarks
         * @return this builder
         */
        public Builder notes(String notes) {
            this.notes = notes;
            return this;
        }

        /**
         * Builds the study.
         *
         * @return the study
         * @throws NullPointerException if the title, publisher, region or population was not set
         * @throws IllegalArgumentException if a field is invalid, as {@link Study#Study} says
         */
        public Study build() {
            return new Study(id, title, publisher, fieldwork, region, population, sampleSize, respondents,
                    method, sources, notes);
        }
    }
}
