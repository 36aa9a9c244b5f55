package org.smesurvey.core;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A country (ISO 3166-1 alpha-2) or an aggregate of countries (EU27_2020, EU28, WORLD).
 *
 * <p>Eurostat writes Greece {@code EL} and the United Kingdom {@code UK}; both are read as their ISO
 * codes {@code GR} and {@code GB}, so that a figure from Eurostat and one from a national office
 * meet on the same region.
 *
 * @param code the ISO 3166-1 alpha-2 code or the aggregate's code, in upper case
 * @since 0.1
 */
public record Region(String code) {

    private static final Set<String> EU27_2020_MEMBERS = Set.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE",
            "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI",
            "ES", "SE");
    private static final Set<String> EU28_MEMBERS = union(EU27_2020_MEMBERS, "GB");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Map<String, String> ALIASES = Map.of("EL", "GR", "UK", "GB");
    private static final Map<String, Set<String>> AGGREGATES =
            Map.of("EU27_2020", EU27_2020_MEMBERS, "EU28", EU28_MEMBERS, "WORLD", COUNTRIES);

    /** The European Union of 27 members, from 1 February 2020 (Eurostat code EU27_2020). */
    public static final Region EU27_2020 = new Region("EU27_2020");
    /** The European Union of 28 members, 2013–2020. */
    public static final Region EU28 = new Region("EU28");
    /** Several countries on more than one continent. */
    public static final Region WORLD = new Region("WORLD");

    /**
     * Validates the code and replaces an alias by its ISO code.
     *
     * @param code the ISO 3166-1 alpha-2 code or the aggregate's code, in upper case
     * @throws NullPointerException if the code is null
     * @throws IllegalArgumentException if the code is neither an ISO 3166-1 alpha-2 code, nor EL or UK,
     *         nor an aggregate
     */
    public Region {
        code = Objects.requireNonNull(code, "code").strip().toUpperCase(Locale.ROOT);
        code = ALIASES.getOrDefault(code, code);
        if (!COUNTRIES.contains(code) && !AGGREGATES.containsKey(code)) {
            throw new IllegalArgumentException("Unknown region '" + code
                    + "'; expected an ISO 3166-1 alpha-2 country code (EL and UK accepted), EU27_2020, EU28 or WORLD");
        }
    }

    /**
     * The region with this code.
     *
     * @param code a country or aggregate code, in any case
     * @return the region
     * @throws IllegalArgumentException if the code is unknown
     */
    public static Region of(String code) {
        return new Region(code);
    }

    /**
     * Whether this is an aggregate of countries.
     *
     * @return {@code true} for EU27_2020, EU28 and WORLD
     */
    public boolean isAggregate() {
        return AGGREGATES.containsKey(code);
    }

    /**
     * The countries of the region: itself for a country.
     *
     * @return the ISO codes of its countries, sorted
     */
    public Set<String> countries() {
        return isAggregate() ? new TreeSet<>(AGGREGATES.get(code)) : Set.of(code);
    }

    /**
     * Whether every country of {@code other} belongs to this region.
     *
     * @param other another region
     * @return {@code true} if {@code other} lies within this region
     */
    public boolean contains(Region other) {
        return countries().containsAll(other.countries());
    }

    /**
     * The region's English name.
     *
     * @return "France", "European Union (28 countries)"…
     */
    public String displayName() {
        return switch (code) {
            case "EU27_2020" -> "European Union (27 countries, from 2020)";
            case "EU28" -> "European Union (28 countries)";
            case "WORLD" -> "World";
            default -> new Locale.Builder().setRegion(code).build().getDisplayCountry(Locale.ENGLISH);
        };
    }

    /**
     * The region's name in a language: the country's name as the JDK gives it, the aggregates in English or French.
     *
     * @param locale the language, English if it is neither English nor French
     * @return "France" or "Allemagne", "European Union (28 countries)" or "Union européenne (28 pays)"…
     */
    public String displayName(Locale locale) {
        Objects.requireNonNull(locale, "locale");
        boolean french = locale.getLanguage().equals("fr");
        return switch (code) {
            case "EU27_2020" -> french ? "Union européenne (27 pays, depuis 2020)" : displayName();
            case "EU28" -> french ? "Union européenne (28 pays)" : displayName();
            case "WORLD" -> french ? "Monde" : displayName();
            default -> new Locale.Builder().setRegion(code).build().getDisplayCountry(french ? Locale.FRENCH
                    : Locale.ENGLISH);
        };
    }

    @Override
    public String toString() {
        return code;
    }

    private static Set<String> union(Set<String> members, String extra) {
        Set<String> all = new TreeSet<>(members);
        all.add(extra);
        return Set.copyOf(all);
    }
}
