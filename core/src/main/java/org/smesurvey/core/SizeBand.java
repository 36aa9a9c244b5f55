package org.smesurvey.core;

import java.util.Objects;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An interval of employee counts, {@code [min, max]} with both ends included, such as 10–49 or 250+.
 *
 * <p>Bands, not the labels a study gives them, are what smesurvey compares: a French <i>TPE</i> may be
 * 0–9 in one study and 0–49 in another. An open-ended band ("250 or more") has {@code max == OPEN}.
 *
 * <p>Bands are counted in whole persons. Definitions that differ only at the boundary are therefore
 * different bands: the EU "fewer than 50" is 10–49, the UK Companies Act "not more than 50" is 11–50.
 *
 * @param min the smallest employee count in the band, at least 0
 * @param max the largest employee count in the band, at least {@code min}; {@link #OPEN} if unbounded
 * @since 0.1
 */
public record SizeBand(int min, int max) implements Comparable<SizeBand> {

    /** The {@code max} of an open-ended band. */
    public static final int OPEN = Integer.MAX_VALUE;

    /** Every size: 0 employees or more. */
    public static final SizeBand ALL = new SizeBand(0, OPEN);

    private static final Pattern TEXT = Pattern.compile("(\\d{1,9})\\s*(?:([-\u2013])\\s*(\\d{1,9})|(\\+))?");
    private static final Comparator<SizeBand> ORDER =
            Comparator.comparingInt(SizeBand::min).thenComparingInt(SizeBand::max);

    /**
     * Validates the band.
     *
     * @param min the smallest employee count in the band, at least 0
     * @param max the largest employee count in the band, at least {@code min}; {@link #OPEN} if unbounded
     * @throws IllegalArgumentException if {@code min} is negative or {@code max < min}
     */
    public SizeBand {
        Arguments.requireNonNegative(min, "size band minimum");
        if (max < min) {
            throw new IllegalArgumentException(
                    Arguments.format("Size band is inverted: minimum %d is above maximum %d", min, max));
        }
    }

    /**
     * A closed band.
     *
     * @param min the smallest employee count
     * @param max the largest employee count
     * @return the band {@code [min, max]}
     * @throws IllegalArgumentException if {@code min} is negative or {@code max < min}
     */
    public static SizeBand of(int min, int max) {
        return new SizeBand(min, max);
    }

    /**
     * An open-ended band, such as 250+.
     *
     * @param min the smallest employee count
     * @return the band {@code [min, ∞)}
     * @throws IllegalArgumentException if {@code min} is negative
     */
    public static SizeBand atLeast(int min) {
        return new SizeBand(min, OPEN);
    }

    /**
     * Reads a band written as {@code 10-49} (or with an en dash), {@code 250+}, or a single count {@code 0}.
     *
     * @param text the band
     * @return the band
     * @throws IllegalArgumentException if the text is not one of these forms or the band is inverted
     */
    public static SizeBand parse(String text) {
        Objects.requireNonNull(text, "text");
        Matcher m = TEXT.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "Size band is not of the form 10-49, 250+ or 0: '" + text + "'");
        }
        int min = Integer.parseInt(m.group(1));
        if (m.group(4) != null) {
            return atLeast(min);
        }
        return new SizeBand(min, m.group(3) == null ? min : Integer.parseInt(m.group(3)));
    }

    /**
     * Whether the band has no upper bound.
     *
     * @return {@code true} for bands such as 250+
     */
    public boolean isOpenEnded() {
        return max == OPEN;
    }

    /**
     * Whether a company with this many employees falls in the band.
     *
     * @param employees an employee count
     * @return {@code true} if {@code min <= employees <= max}
     */
    public boolean contains(int employees) {
        return employees >= min && employees <= max;
    }

    /**
     * Whether every count in {@code other} is in this band.
     *
     * @param other another band
     * @return {@code true} if {@code other} lies within this band
     */
    public boolean contains(SizeBand other) {
        return other.min >= min && other.max <= max;
    }

    /**
     * Whether the two bands share at least one employee count.
     *
     * @param other another band
     * @return {@code true} if the bands overlap
     */
    public boolean overlaps(SizeBand other) {
        return other.min <= max && min <= other.max;
    }

    /**
     * The counts the two bands share.
     *
     * @param other another band
     * @return the intersection, empty if the bands do not overlap
     */
    public Optional<SizeBand> intersection(SizeBand other) {
        return overlaps(other)
                ? Optional.of(new SizeBand(Math.max(min, other.min), Math.min(max, other.max)))
                : Optional.empty();
    }

    /**
     * The band as it is usually written: {@code 10-49}, {@code 250+}, or {@code 0} for a single count.
     * {@link #parse(String)} reads it back.
     *
     * @return the label
     */
    public String label() {
        if (isOpenEnded()) {
            return min + "+";
        }
        return min == max ? Integer.toString(min) : min + "-" + max;
    }

    /** Orders bands by their minimum, then their maximum. */
    @Override
    public int compareTo(SizeBand other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return label();
    }
}
