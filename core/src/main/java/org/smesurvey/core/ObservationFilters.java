package org.smesurvey.core;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Predicates for {@link StudyCatalogue#filter(Predicate)}, to combine with {@code and}, {@code or} and
 * {@code negate}.
 *
 * @since 0.1
 */
public final class ObservationFilters {
    private ObservationFilters() {
    }

    /**
     * Figures about exactly this region.
     *
     * @param region a country or aggregate
     * @return the predicate
     */
    public static Predicate<Observation> region(Region region) {
        Objects.requireNonNull(region, "region");
        return o -> o.region().equals(region);
    }

    /**
     * Figures about a region that lies within {@code area}: {@code within(Region.EU28)} keeps the EU28
     * figure and those of its member states.
     *
     * @param area a country or aggregate
     * @return the predicate
     */
    public static Predicate<Observation> within(Region area) {
        Objects.requireNonNull(area, "area");
        return o -> area.contains(o.region());
    }

    /**
     * Figures about one of these network scopes.
     *
     * @param first a scope
     * @param more further scopes
     * @return the predicate
     */
    public static Predicate<Observation> scope(NetworkScope first, NetworkScope... more) {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(more, "more");
        Set<NetworkScope> scopes = EnumSet.of(first, more);
        return o -> scopes.contains(o.scope());
    }

    /**
     * Figures whose employee band (or, if the figure has none, its study's coverage) shares at least
     * one employee count with {@code band}; figures of unknown size are left out.
     *
     * @param band an employee band
     * @return the predicate
     */
    public static Predicate<Observation> sizeOverlapping(SizeBand band) {
        Objects.requireNonNull(band, "band");
        return o -> o.effectiveSizeBand().map(band::overlaps).orElse(false);
    }

    /**
     * Figures of one of these indicator codes.
     *
     * @param first an indicator code
     * @param more further codes
     * @return the predicate
     */
    public static Predicate<Observation> indicator(String first, String... more) {
        Objects.requireNonNull(more, "more");
        Set<String> codes = new java.util.HashSet<>(Set.of(more));
        codes.add(Objects.requireNonNull(first, "first"));
        return o -> codes.contains(o.indicator().code());
    }

    /**
     * Figures from {@code first} to {@code last}: by the figure's year, or, when it has none, by its
     * study's fieldwork overlapping the range; figures of unknown year are left out.
     *
     * @param first the first year
     * @param last the last year
     * @return the predicate
     * @throws IllegalArgumentException if the range is invalid
     */
    public static Predicate<Observation> years(int first, int last) {
        YearRange range = YearRange.of(first, last);
        return o -> o.year().isPresent() ? range.contains(o.year().getAsInt())
                : o.study().fieldwork().map(range::overlaps).orElse(false);
    }

    /**
     * Figures from studies in which this function answered.
     *
     * @param function a respondent function
     * @return the predicate
     */
    public static Predicate<Observation> respondent(RespondentFunction function) {
        Objects.requireNonNull(function, "function");
        return o -> o.study().respondents().contains(function);
    }

    /**
     * Figures from studies whose publisher contains this text, ignoring case: {@code publisher("eurostat")}
     * also keeps "Eurostat (reported by press)".
     *
     * @param text part of a publisher's name
     * @return the predicate
     */
    public static Predicate<Observation> publisher(String text) {
        String wanted = Arguments.requireText(text, "publisher").toLowerCase(Locale.ROOT);
        return o -> o.study().publisher().toLowerCase(Locale.ROOT).contains(wanted);
    }

    /**
     * Figures about this platform.
     *
     * @param platform a platform
     * @return the predicate
     */
    public static Predicate<Observation> platform(Platform platform) {
        Objects.requireNonNull(platform, "platform");
        return o -> o.platform().equals(java.util.Optional.of(platform));
    }

    /**
     * Figures of the study with this id.
     *
     * @param id a study id
     * @return the predicate
     */
    public static Predicate<Observation> study(String id) {
        Objects.requireNonNull(id, "id");
        return o -> o.study().id().equals(id);
    }

    /**
     * Figures that carry a base, a standard error or an interval, so that they can be weighed.
     *
     * @return the predicate
     */
    public static Predicate<Observation> withBase() {
        return o -> o.figure().hasBase();
    }
}
