package org.smesurvey.core;

import java.util.Objects;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The economic sectors a population or a figure covers, as NACE Rev. 2 sections.
 *
 * <p>Written as {@code ALL}, or as sections and ranges separated by {@code |}: {@code C-N|Q} is
 * manufacturing to administrative services plus health. Finer scopes (the ICT survey's group 95.1)
 * belong in the population's description.
 *
 * @param sections the sections covered, never empty
 * @since 0.1
 */
public record Sectors(Set<NaceSection> sections) {

    /** Every section. */
    public static final Sectors ALL = new Sectors(EnumSet.allOf(NaceSection.class));

    private static final Pattern PART = Pattern.compile("([A-U])(?:\\s*-\\s*([A-U]))?");

    /**
     * The NACE Rev. 2 sections of the EU survey on ICT usage and e-commerce in enterprises: C to J and L to N
     * (manufacturing, energy, water, construction, trade, transport, accommodation, information and
     * communication, real estate, professional and administrative services), without K (finance). Eurostat,
     * <i>Methodological manual for statistics on the Information Society</i>, survey on ICT usage in
     * enterprises, scope of the survey (section 95.1 is also covered and is not a section).
     */
    public static final Sectors ICT_SURVEY = parse("C-J|L-N"); // after PART, which parse needs

    /**
     * Validates and copies the sections.
     *
     * @param sections the sections covered, never empty
     * @throws NullPointerException if the set or one of its elements is null
     * @throws IllegalArgumentException if the set is empty
     */
    public Sectors {
        if (Objects.requireNonNull(sections, "sections").isEmpty()) {
            throw new IllegalArgumentException("Sectors are empty; use Sectors.ALL for every sector");
        }
        sections = Set.copyOf(EnumSet.copyOf(sections));
    }

    /**
     * The given sections.
     *
     * @param first a section
     * @param more further sections
     * @return the sectors
     */
    public static Sectors of(NaceSection first, NaceSection... more) {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(more, "more");
        return new Sectors(EnumSet.of(first, more));
    }

    /**
     * Reads {@code ALL} or sections and ranges separated by {@code |} or {@code ,}, such as {@code C-N|Q}.
     *
     * @param text the sectors, in any case
     * @return the sectors
     * @throws IllegalArgumentException if the text is not of this form, or a range is inverted
     */
    public static Sectors parse(String text) {
        Objects.requireNonNull(text, "text");
        String trimmed = text.strip().toUpperCase(Locale.ROOT);
        if (trimmed.equals("ALL")) {
            return ALL;
        }
        EnumSet<NaceSection> sections = EnumSet.noneOf(NaceSection.class);
        for (String part : trimmed.split("[|,]", -1)) {
            Matcher m = PART.matcher(part.strip());
            if (!m.matches()) {
                throw new IllegalArgumentException("Sectors are not ALL or NACE Rev. 2 sections A-U such as"
                        + " 'C-N|Q': '" + text.strip() + "'");
            }
            NaceSection from = NaceSection.valueOf(m.group(1));
            NaceSection to = m.group(2) == null ? from : NaceSection.valueOf(m.group(2));
            if (to.compareTo(from) < 0) {
                throw new IllegalArgumentException("Sector range is inverted: '" + part.strip() + "'");
            }
            sections.addAll(EnumSet.range(from, to));
        }
        return new Sectors(sections);
    }

    /**
     * The sections any of these cover.
     *
     * @param parts the sectors, at least one
     * @return their union
     * @throws IllegalArgumentException if {@code parts} is empty
     */
    public static Sectors union(Collection<Sectors> parts) {
        Objects.requireNonNull(parts, "parts");
        Set<NaceSection> sections = EnumSet.noneOf(NaceSection.class);
        for (Sectors part : parts) {
            sections.addAll(part.sections());
        }
        return new Sectors(sections);
    }

    /**
     * Whether every section is covered.
     *
     * @return {@code true} for {@link #ALL}
     */
    public boolean isAll() {
        return sections.size() == NaceSection.values().length;
    }

    /**
     * Whether the two share at least one section.
     *
     * @param other other sectors
     * @return {@code true} if they overlap
     */
    public boolean overlaps(Sectors other) {
        return other.sections.stream().anyMatch(sections::contains);
    }

    /**
     * Whether every section of {@code other} is covered here.
     *
     * @param other other sectors
     * @return {@code true} if {@code other} is within these sectors
     */
    public boolean contains(Sectors other) {
        return sections.containsAll(other.sections);
    }

    /**
     * The canonical text, which {@link #parse(String)} reads back: {@code ALL} or ranges such as
     * {@code C-J|L-N}.
     *
     * @return the label
     */
    public String label() {
        if (isAll()) {
            return "ALL";
        }
        List<String> parts = new ArrayList<>();
        List<NaceSection> sorted = new ArrayList<>(EnumSet.copyOf(sections));
        int start = 0;
        for (int i = 1; i <= sorted.size(); i++) {
            if (i == sorted.size() || sorted.get(i).ordinal() != sorted.get(i - 1).ordinal() + 1) {
                parts.add(range(sorted.subList(start, i)));
                start = i;
            }
        }
        return String.join("|", parts);
    }

    private static String range(Collection<NaceSection> run) {
        List<NaceSection> list = List.copyOf(run);
        NaceSection first = list.get(0);
        NaceSection last = list.get(list.size() - 1);
        return first == last ? first.name() : first.name() + "-" + last.name();
    }

    @Override
    public String toString() {
        return label();
    }
}
