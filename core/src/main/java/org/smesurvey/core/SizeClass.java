package org.smesurvey.core;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One class of a {@link SizeClassScheme}: a code, the name the scheme gives it, and its employee band.
 *
 * @param code a short identifier, unique within its scheme: lower-case letters, digits and {@code _}
 * @param label the name the scheme uses, such as "PME" or "small enterprise"
 * @param band the employee counts the class covers
 * @since 0.1
 */
public record SizeClass(String code, String label, SizeBand band) {

    static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9_]*");

    /**
     * Validates the class.
     *
     * @param code a short identifier, unique within its scheme: lower-case letters, digits and {@code _}
     * @param label the name the scheme uses, such as "PME" or "small enterprise"
     * @param band the employee counts the class covers
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the code is not lower-case letters, digits and {@code _},
     *         or the label is blank
     */
    public SizeClass {
        code = Objects.requireNonNull(code, "code").strip();
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException(
                    "Size class code is not lower-case letters, digits and '_': '" + code + "'");
        }
        label = Arguments.requireText(label, "size class label");
        Objects.requireNonNull(band, "band");
    }

    /**
     * A size class.
     *
     * @param code the class code
     * @param label the class name
     * @param band the employee band
     * @return the class
     * @throws IllegalArgumentException if the code or label is invalid
     */
    public static SizeClass of(String code, String label, SizeBand band) {
        return new SizeClass(code, label, band);
    }
}
