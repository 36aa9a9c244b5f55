package org.smesurvey.core;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The years a study's fieldwork covers, both included: {@code 2013} or {@code 2013-2015}.
 *
 * @param first the first year, from 1900 to 2100
 * @param last the last year, from {@code first} to 2100
 * @since 0.1
 */
public record YearRange(int first, int last) {

    private static final int EARLIEST = 1900;
    private static final int LATEST = 2100;
    private static final Pattern TEXT = Pattern.compile("(\\d{4})(?:\\s*[-\u2013]\\s*(\\d{4}))?");

    /**
     * Validates the range.
     *
     * @param first the first year, from 1900 to 2100
     * @param last the last year, from {@code first} to 2100
     * @throws IllegalArgumentException if a year is outside 1900–2100, or {@code last < first}
     */
    public YearRange {
        requireYear(first);
        requireYear(last);
        if (last < first) {
            throw new IllegalArgumentException(
                    Arguments.format("Year range is inverted: %d is after %d", first, last));
        }
    }

    /**
     * A single year.
     *
     * @param year the year
     * @return the range {@code year-year}
     * @throws IllegalArgumentException if the year is outside 1900–2100
     */
    public static YearRange of(int year) {
        return new YearRange(year, year);
    }

    /**
     * A range of years.
     *
     * @param first the first year
     * @param last the last year
     * @return the range
     * @throws IllegalArgumentException if a year is outside 1900–2100, or {@code last < first}
     */
    public static YearRange of(int first, int last) {
        return new YearRange(first, last);
    }

    /**
     * Reads {@code 2013} or {@code 2013-2015}.
     *
     * @param text the years
     * @return the range
     * @throws IllegalArgumentException if the text is not of this form or the range is invalid
     */
    public static YearRange parse(String text) {
        Objects.requireNonNull(text, "text");
        Matcher m = TEXT.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("Years are not of the form 2013 or 2013-2015: '" + text.strip() + "'");
        }
        int first = Integer.parseInt(m.group(1));
        return new YearRange(first, m.group(2) == null ? first : Integer.parseInt(m.group(2)));
    }

    /**
     * Checks that a year is plausible for a survey.
     *
     * @param year a year
     * @return the year
     * @throws IllegalArgumentException if it is outside 1900–2100
     */
    public static int requireYear(int year) {
        if (year >= EARLIEST && year <= LATEST) {
            return year;
        }
        throw new IllegalArgumentException(
                Arguments.format("Year is not in [%d, %d]: %d", EARLIEST, LATEST, year));
    }

    /**
     * Whether the year is in the range.
     *
     * @param year a year
     * @return {@code true} if {@code first <= year <= last}
     */
    public boolean contains(int year) {
        return year >= first && year <= last;
    }

    /**
     * Whether the ranges share a year.
     *
     * @param other another range
     * @return {@code true} if they overlap
     */
    public boolean overlaps(YearRange other) {
        return other.first <= last && first <= other.last;
    }

    /**
     * The canonical text, which {@link #parse(String)} reads back.
     *
     * @return {@code 2013} or {@code 2013-2015}
     */
    public String label() {
        return first == last ? Integer.toString(first) : first + "-" + last;
    }

    @Override
    public String toString() {
        return label();
    }
}
