package org.smesurvey.core;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a figure measures: a code shared by figures that ask the same thing, and the study's own words.
 *
 * <p>Two figures with the same code answer the same question (say {@code social_networks}: the
 * company has a profile on a social network); the wording keeps how each study phrased it, which is
 * often where the difference between two figures lies.
 *
 * @param code lower-case letters, digits and {@code _}, such as {@code social_media_any}
 * @param wording the question or statement as published; may be empty
 * @since 0.1
 */
public record Indicator(String code, String wording) {

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]*");

    /**
     * Validates the indicator.
     *
     * @param code lower-case letters, digits and {@code _}, such as {@code social_media_any}
     * @param wording the question or statement as published; may be empty
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the code is not lower-case letters, digits and {@code _}
     */
    public Indicator {
        code = Objects.requireNonNull(code, "code").strip();
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException(
                    "Indicator code is not lower-case letters, digits and '_' starting with a letter: '" + code + "'");
        }
        wording = Arguments.optionalText(wording, "wording");
    }

    /**
     * An indicator.
     *
     * @param code the code
     * @param wording the published wording
     * @return the indicator
     * @throws IllegalArgumentException if the code is invalid
     */
    public static Indicator of(String code, String wording) {
        return new Indicator(code, wording);
    }
}
