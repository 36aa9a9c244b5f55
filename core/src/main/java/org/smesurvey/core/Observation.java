package org.smesurvey.core;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One figure a study published, with the subgroup it describes.
 *
 * <p>Build one with {@link #builder(Study, Indicator, NetworkScope, Figure)}.
 *
 * @param study the study that published it
 * @param indicator what it measures
 * @param region the country or area of the figure (a study of the EU publishes figures per member state)
 * @param year the year of the figure, empty if not stated; within the study's fieldwork when both are known
 * @param sizeClass the size class as the study names it ("PME", "small", "10-49"); may be empty
 * @param sizeBand the employee band of the figure, empty if the study gives no bounds
 * @param sectors the sectors of the figure, empty if it covers the study's population
 * @param platform the platform the figure is about, empty if none in particular
 * @param scope external, internal or mixed networks
 * @param figure the number
 * @param designEffect the survey's design effect for this figure, if published
 * @param denominator the companies the proportion is a share of, when narrower than the study's
 *        population ("microentreprises using the Internet"); may be empty
 * @param source where this figure was read, if not the study's first source
 * @param notes remarks, such as "stated as 'deux sur dix'"; may be empty
 * @since 0.1
 */
public record Observation(Study study, Indicator indicator, Region region, OptionalInt year, String sizeClass,
        Optional<SizeBand> sizeBand, Optional<Sectors> sectors, Optional<Platform> platform, NetworkScope scope,
        Figure figure, OptionalDouble designEffect, String denominator, Optional<URI> source, String notes) {

    /**
     * Validates the observation.
     *
     * @param study the study that published it
     * @param indicator what it measures
     * @param region the country or area of the figure (a study of the EU publishes figures per member state)
     * @param year the year of the figure, empty if not stated; within the study's fieldwork when both are known
     * @param sizeClass the size class as the study names it ("PME", "small", "10-49"); may be empty
     * @param sizeBand the employee band of the figure, empty if the study gives no bounds
     * @param sectors the sectors of the figure, empty if it covers the study's population
     * @param platform the platform the figure is about, empty if none in particular
     * @param scope external, internal or mixed networks
     * @param figure the number
     * @param designEffect the survey's design effect for this figure, if published
     * @param denominator the companies the proportion is a share of, when narrower than the study's
     *        population ("microentreprises using the Internet"); may be empty
     * @param source where this figure was read, if not the study's first source
     * @param notes remarks, such as "stated as 'deux sur dix'"; may be empty
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the year is outside 1900–2100 or outside the study's
     *         fieldwork, the design effect is not a positive finite number, or the source is not absolute
     */
    public Observation {
        Objects.requireNonNull(study, "study");
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(year, "year").ifPresent(YearRange::requireYear);
        if (year.isPresent() && study.fieldwork().isPresent() && !study.fieldwork().get().contains(year.getAsInt())) {
            throw new IllegalArgumentException(Arguments.format("Year %d is outside the fieldwork %s of study %s",
                    year.getAsInt(), study.fieldwork().get(), study.id()));
        }
        sizeClass = Arguments.optionalText(sizeClass, "sizeClass");
        Objects.requireNonNull(sizeBand, "sizeBand");
        Objects.requireNonNull(sectors, "sectors");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(figure, "figure");
        Objects.requireNonNull(designEffect, "designEffect")
                .ifPresent(d -> Arguments.requirePositiveFinite(d, "design effect"));
        denominator = Arguments.optionalText(denominator, "denominator");
        Objects.requireNonNull(source, "source").ifPresent(uri -> {
            if (!uri.isAbsolute()) {
                throw new IllegalArgumentException("Source is not an absolute URI: " + uri);
            }
        });
        notes = Arguments.optionalText(notes, "notes");
    }

    /**
     * Starts an observation; region defaults to the study's, every other field to empty.
     *
     * @param study the study that published it
     * @param indicator what it measures
     * @param scope external, internal or mixed networks
     * @param figure the number
     * @return a builder
     */
    public static Builder builder(Study study, Indicator indicator, NetworkScope scope, Figure figure) {
        return new Builder(study, indicator, scope, figure);
    }

    /**
     * The year of the figure, or of the study's fieldwork when that is a single year.
     *
     * @return the year, empty if neither says
     */
    public OptionalInt effectiveYear() {
        if (year.isPresent()) {
            return year;
        }
        return study.fieldwork().filter(f -> f.first() == f.last())
                .map(f -> OptionalInt.of(f.first())).orElse(OptionalInt.empty());
    }

    /**
     * The employee band of the figure, or the study's size coverage when the figure gives none.
     *
     * @return the band, empty if neither is known
     */
    public Optional<SizeBand> effectiveSizeBand() {
        return sizeBand.or(() -> study.population().sizeCoverage());
    }

    /**
     * A short label for tables and charts: the study id, then the subgroup where it is narrower than
     * the study's, such as {@code CSO_IE_2015 IE 2014} or {@code BITKOM_2023 20-99 facebook}.
     *
     * @return the label
     */
    public String label() {
        List<String> parts = new ArrayList<>();
        parts.add(study.id());
        if (!region.equals(study.region())) {
            parts.add(region.code());
        }
        if (year.isPresent() && !study.fieldwork().equals(Optional.of(YearRange.of(year.getAsInt())))) {
            parts.add(Integer.toString(year.getAsInt()));
        }
        sizeBand.filter(b -> !study.population().sizeCoverage().equals(Optional.of(b)))
                .ifPresent(b -> parts.add(b.label()));
        sectors.ifPresent(s -> parts.add(s.label()));
        platform.ifPresent(p -> parts.add(p.code()));
        return String.join(" ", parts);
    }

    /**
     * Collects the fields of an {@link Observation}. Not thread-safe; {@link #build()} validates.
     *
     * @since 0.1
     */
    public static final class Builder {
        private final Study study;
        private final Indicator indicator;
        private final NetworkScope scope;
        private final Figure figure;
        private Region region;
        private OptionalInt year = OptionalInt.empty();
        private String sizeClass = "";
        private Optional<SizeBand> sizeBand = Optional.empty();
        private Optional<Sectors> sectors = Optional.empty();
        private Optional<Platform> platform = Optional.empty();
        private OptionalDouble designEffect = OptionalDouble.empty();
        private String denominator = "";
        private Optional<URI> source = Optional.empty();
        private String notes = "";

        private Builder(Study study, Indicator indicator, NetworkScope scope, Figure figure) {
            this.study = Objects.requireNonNull(study, "study");
            this.indicator = indicator;
            this.scope = scope;
            this.figure = figure;
            this.region = study.region();
        }

        /**
         * Sets the region of the figure.
         *
         * @param region the country or area
         * @return this builder
         */
        public Builder region(Region region) {
            this.region = region;
            return this;
        }

        /**
         * Sets the year of the figure.
         *
         * @param year the year
         * @return this builder
         */
        public Builder year(int year) {
            this.year = OptionalInt.of(year);
            return this;
        }

        /**
         * Sets the size class, as the study names it, and its band.
         *
         * @param label the study's name for the class, may be empty
         * @param band the employee band
         * @return this builder
         */
        public Builder size(String label, SizeBand band) {
            this.sizeClass = label;
            this.sizeBand = Optional.of(band);
            return this;
        }

        /**
         * Sets the size class as the study names it, when it gives no bounds.
         *
         * @param label the study's name for the class
         * @return this builder
         */
        public Builder sizeClass(String label) {
            this.sizeClass = label;
            return this;
        }

        /**
         * Sets the sectors of the figure.
         *
         * @param sectors the sectors
         * @return this builder
         */
        public Builder sectors(Sectors sectors) {
            this.sectors = Optional.of(sectors);
            return this;
        }

        /**
         * Sets the platform the figure is about.
         *
         * @param platform the platform
         * @return this builder
         */
        public Builder platform(Platform platform) {
            this.platform = Optional.of(platform);
            return this;
        }

        /**
         * Sets the design effect.
         *
         * @param designEffect the design effect, positive
         * @return this builder
         */
        public Builder designEffect(double designEffect) {
            this.designEffect = OptionalDouble.of(designEffect);
            return this;
        }

        /**
         * Sets the companies the proportion is a share of, when narrower than the study's population.
         *
         * @param denominator the companies, in words
         * @return this builder
         */
        public Builder denominator(String denominator) {
            this.denominator = denominator;
            return this;
        }

        /**
         * Sets where the figure was read.
         *
         * @param source an absolute URI
         * @return this builder
         */
        public Builder source(URI source) {
            this.source = Optional.of(source);
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
         * Builds the observation.
         *
         * @return the observation
         * @throws NullPointerException if the indicator, scope or figure is null
         * @throws IllegalArgumentException if a field is invalid, as {@link Observation#Observation} says
         */
        public Observation build() {
            return new Observation(study, indicator, region, year, sizeClass, sizeBand, sectors, platform, scope,
                    figure, designEffect, denominator, source, notes);
        }
    }
}
