package org.smesurvey.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A named set of size classes: how one definition splits enterprises by number of employees.
 *
 * <p>Classes are kept in ascending order and never overlap; a scheme may leave gaps (a study that only
 * reports 10–49 and 1000+). The built-in schemes model the headcount part of each official definition;
 * where the definition also uses turnover or balance-sheet limits, {@link #notes()} says so, and only
 * the headcount can be compared.
 *
 * <p>References:
 * <ol>
 * <li>Commission Recommendation 2003/361/EC of 6 May 2003 concerning the definition of micro, small
 *     and medium-sized enterprises, OJ L 124, 20.5.2003, p. 36–41, Annex art. 2.</li>
 * <li>Décret n° 2008-1354 du 18 décembre 2008 relatif aux critères permettant de déterminer la
 *     catégorie d'appartenance d'une entreprise pour les besoins de l'analyse statistique et
 *     économique (application of art. 51 of loi n° 2008-776, « LME »).</li>
 * <li>Eurostat, <i>Methodological manual for statistics on the information society</i>: the ICT usage
 *     in enterprises survey covers enterprises with 10 or more persons employed, broken down 10–49,
 *     50–249 and 250+.</li>
 * <li>US Small Business Administration, Office of Advocacy: "small business" is an independent business
 *     with fewer than 500 employees (the SBA's industry size standards, 13 CFR 121.201, vary by NAICS
 *     industry).</li>
 * <li>UK Companies Act 2006, s. 382 (small: not more than 50 employees), s. 465 (medium: not more
 *     than 250) and s. 384A (micro: not more than 10), each together with turnover and balance-sheet
 *     limits, two of three criteria to be met.</li>
 * </ol>
 *
 * @param id a short identifier: lower-case letters, digits and {@code _}
 * @param name a human-readable name
 * @param classes the classes, in ascending order of their bands, none overlapping; may be empty for
 *        studies that name classes without numeric bounds ({@link #NOT_STATED})
 * @param notes what the headcount bands leave out, or other remarks; may be empty
 * @since 0.1
 */
public record SizeClassScheme(String id, String name, List<SizeClass> classes, String notes) {

    /** EU Recommendation 2003/361: micro 0–9, small 10–49, medium 50–249, large 250+. */
    public static final SizeClassScheme EU_2003_361 = new SizeClassScheme("eu_2003_361",
            "EU Recommendation 2003/361",
            List.of(SizeClass.of("micro", "micro enterprise", SizeBand.of(0, 9)),
                    SizeClass.of("small", "small enterprise", SizeBand.of(10, 49)),
                    SizeClass.of("medium", "medium-sized enterprise", SizeBand.of(50, 249)),
                    SizeClass.of("large", "large enterprise", SizeBand.atLeast(250))),
            "Headcount in annual work units, 'fewer than' at each bound. The recommendation also caps"
                    + " turnover or balance sheet: micro 2 M EUR, small 10 M EUR, medium 50 M EUR turnover"
                    + " or 43 M EUR balance sheet; only the headcount is modelled.");

    /** France, loi LME 2008: MIC 0–9, PME other than MIC 10–249, ETI 250–4,999, GE 5,000+. */
    public static final SizeClassScheme FRANCE_LME_2008 = new SizeClassScheme("fr_lme_2008",
            "France, LME 2008 enterprise categories (décret 2008-1354)",
            List.of(SizeClass.of("mic", "MIC (microentreprise)", SizeBand.of(0, 9)),
                    SizeClass.of("pme", "PME hors MIC", SizeBand.of(10, 249)),
                    SizeClass.of("eti", "ETI (entreprise de taille intermédiaire)", SizeBand.of(250, 4999)),
                    SizeClass.of("ge", "GE (grande entreprise)", SizeBand.atLeast(5000))),
            "Headcount part only. The décret also uses turnover and balance sheet: MIC up to 2 M EUR,"
                    + " PME up to 50 M EUR turnover or 43 M EUR balance sheet, ETI up to 1.5 bn EUR turnover"
                    + " or 2 bn EUR balance sheet; an enterprise with fewer than 250 employees but a larger"
                    + " turnover is an ETI. Insee applies it to enterprises as economic units (profiled groups).");

    /** The Eurostat ICT usage in enterprises survey: 10–49, 50–249, 250+ (total 10+). */
    public static final SizeClassScheme EUROSTAT_ICT = new SizeClassScheme("eurostat_ict",
            "Eurostat ICT usage in enterprises survey",
            List.of(SizeClass.of("small", "10-49 persons employed", SizeBand.of(10, 49)),
                    SizeClass.of("medium", "50-249 persons employed", SizeBand.of(50, 249)),
                    SizeClass.of("large", "250+ persons employed", SizeBand.atLeast(250))),
            "Persons employed (self-employed included); the survey covers enterprises with 10 or more,"
                    + " so its total is 10+; micro enterprises are optional for member states.");

    /** US Small Business Administration: small business 0–499, large 500+. */
    public static final SizeClassScheme US_SBA = new SizeClassScheme("us_sba",
            "US Small Business Administration (Office of Advocacy)",
            List.of(SizeClass.of("small", "small business", SizeBand.of(0, 499)),
                    SizeClass.of("large", "large business", SizeBand.atLeast(500))),
            "Fewer than 500 employees is the Office of Advocacy's statistical definition; the SBA's"
                    + " size standards for programmes vary by NAICS industry and some use receipts.");

    /** UK Companies Act 2006: micro 0–10, small 11–50, medium 51–250, large 251+. */
    public static final SizeClassScheme UK_COMPANIES_ACT = new SizeClassScheme("uk_companies_act",
            "UK Companies Act 2006",
            List.of(SizeClass.of("micro", "micro-entity", SizeBand.of(0, 10)),
                    SizeClass.of("small", "small company", SizeBand.of(11, 50)),
                    SizeClass.of("medium", "medium-sized company", SizeBand.of(51, 250)),
                    SizeClass.of("large", "large company", SizeBand.atLeast(251))),
            "'Not more than' 10, 50 and 250 employees, where the EU says 'fewer than' 10, 50 and 250:"
                    + " the bands differ by one at each boundary. Each class also needs two of three"
                    + " criteria, the others being turnover and balance sheet; only the headcount is modelled.");

    /** A study that names its size classes ("small", "SMB") without numeric bounds. */
    public static final SizeClassScheme NOT_STATED = new SizeClassScheme("not_stated",
            "Size classes not stated", List.of(),
            "The study names its size classes without numeric bounds, or does not say.");

    private static final List<SizeClassScheme> BUILT_IN =
            List.of(EU_2003_361, FRANCE_LME_2008, EUROSTAT_ICT, US_SBA, UK_COMPANIES_ACT, NOT_STATED);

    /**
     * Validates the scheme and sorts its classes.
     *
     * @param id a short identifier: lower-case letters, digits and {@code _}
     * @param name a human-readable name
     * @param classes the classes, in ascending order of their bands, none overlapping; may be empty for
     *        studies that name classes without numeric bounds ({@link #NOT_STATED})
     * @param notes what the headcount bands leave out, or other remarks; may be empty
     * @throws NullPointerException if an argument or a class is null
     * @throws IllegalArgumentException if the id is not lower-case letters, digits and {@code _}, the
     *         name is blank, two classes share a code, or two classes overlap
     */
    public SizeClassScheme {
        id = Objects.requireNonNull(id, "id").strip();
        if (!SizeClass.CODE.matcher(id).matches()) {
            throw new IllegalArgumentException(
                    "Size class scheme id is not lower-case letters, digits and '_': '" + id + "'");
        }
        name = Arguments.requireText(name, "size class scheme name");
        notes = Arguments.optionalText(notes, "notes");
        List<SizeClass> sorted = new ArrayList<>(classes);
        sorted.forEach(c -> Objects.requireNonNull(c, "size class"));
        sorted.sort(Comparator.comparing(SizeClass::band));
        for (int i = 1; i < sorted.size(); i++) {
            SizeClass previous = sorted.get(i - 1);
            SizeClass current = sorted.get(i);
            if (previous.band().overlaps(current.band())) {
                throw new IllegalArgumentException(Arguments.format(
                        "Size classes overlap in scheme %s: %s (%s) and %s (%s)", id, previous.code(),
                        previous.band(), current.code(), current.band()));
            }
        }
        if (sorted.stream().map(SizeClass::code).distinct().count() < sorted.size()) {
            throw new IllegalArgumentException("Size class codes repeat in scheme " + id);
        }
        classes = List.copyOf(sorted);
    }

    /**
     * The schemes smesurvey defines: {@link #EU_2003_361}, {@link #FRANCE_LME_2008},
     * {@link #EUROSTAT_ICT}, {@link #US_SBA}, {@link #UK_COMPANIES_ACT} and {@link #NOT_STATED}.
     *
     * @return the built-in schemes
     */
    public static List<SizeClassScheme> builtIn() {
        return BUILT_IN;
    }

    /**
     * The built-in scheme with this id.
     *
     * @param id a scheme id such as {@code eurostat_ict}
     * @return the scheme, empty if no built-in scheme has this id
     */
    public static Optional<SizeClassScheme> builtIn(String id) {
        return BUILT_IN.stream().filter(s -> s.id.equals(id)).findFirst();
    }

    /**
     * Whether this scheme is one of the {@linkplain #builtIn() built-in} ones.
     *
     * @return {@code true} for a built-in scheme
     */
    public boolean isBuiltIn() {
        return BUILT_IN.contains(this);
    }

    /**
     * The band from the lowest class to the highest, gaps included: 10+ for the Eurostat ICT survey.
     *
     * @return the span of the classes, empty if the scheme has none
     */
    public Optional<SizeBand> span() {
        return classes.isEmpty() ? Optional.empty()
                : Optional.of(SizeBand.of(classes.get(0).band().min(), classes.get(classes.size() - 1).band().max()));
    }

    /**
     * The class a company of this size belongs to.
     *
     * @param employees an employee count
     * @return its class, empty if it falls outside every class
     */
    public Optional<SizeClass> classOf(int employees) {
        return classes.stream().filter(c -> c.band().contains(employees)).findFirst();
    }

    /**
     * The class with this code.
     *
     * @param code a class code
     * @return the class, empty if the scheme has none with this code
     */
    public Optional<SizeClass> sizeClass(String code) {
        return classes.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    /**
     * Whether {@code band} is exactly one class or a run of adjacent classes (10+ in the Eurostat
     * scheme, 0–249 in the EU one): figures for such a band need no re-expression on this scheme.
     *
     * @param band an employee band
     * @return {@code true} if the band is a union of adjacent classes of this scheme
     */
    public boolean aligns(SizeBand band) {
        int expectedMin = band.min();
        for (SizeClass c : classes) {
            if (c.band().min() == expectedMin && c.band().max() <= band.max()) {
                if (c.band().max() == band.max()) {
                    return true;
                }
                if (c.band().isOpenEnded()) {
                    return false;
                }
                expectedMin = c.band().max() + 1;
            }
        }
        return false;
    }
}
