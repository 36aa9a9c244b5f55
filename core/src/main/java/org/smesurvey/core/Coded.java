package org.smesurvey.core;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * An enum constant with a stable lower-case code, the form it takes in catalogue files: its name in lower
 * case ({@code FACE_TO_FACE} is {@code face_to_face}).
 *
 * @since 0.1
 */
public interface Coded {

    /**
     * The constant's name, as {@link Enum#name()} gives it.
     *
     * @return the name
     */
    String name();

    /**
     * The code written in catalogue files, such as {@code external}.
     *
     * @return the name in lower case
     */
    default String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * A short English description.
     *
     * @return the description
     */
    String description();

    /**
     * The constant of {@code type} whose code is {@code code}, ignoring case and surrounding spaces.
     *
     * @param <E> the enum type
     * @param type the enum class
     * @param code the code to look up
     * @return the constant
     * @throws IllegalArgumentException if no constant has this code; the message lists the codes
     */
    static <E extends Enum<E> & Coded> E parse(Class<E> type, String code) {
        Objects.requireNonNull(code, "code");
        String wanted = code.strip().toLowerCase(Locale.ROOT);
        for (E constant : type.getEnumConstants()) {
            if (constant.code().equals(wanted)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("Unknown " + typeName(type) + " '" + code.strip() + "'; expected one of: "
                + Arrays.stream(type.getEnumConstants()).map(Coded::code).collect(Collectors.joining(", ")));
    }

    /** "NetworkScope" becomes "network scope". */
    private static String typeName(Class<?> type) {
        return type.getSimpleName().replaceAll("(?<=[a-z])(?=[A-Z])", " ").toLowerCase(Locale.ROOT);
    }
}
