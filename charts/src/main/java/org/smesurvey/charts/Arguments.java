package org.smesurvey.charts;

import java.util.Locale;

/** The argument checks of this module; each message names the value and the rule. */
final class Arguments {
    private Arguments() {
    }

    /** A value in the open interval (0, 1), such as a confidence level; NaN is refused. */
    static double requireOpenUnit(double value, String name) {
        if (value > 0 && value < 1) {
            return value;
        }
        throw new IllegalArgumentException(String.format(Locale.ROOT, "%s is not in (0, 1): %s",
                Character.toUpperCase(name.charAt(0)) + name.substring(1), value));
    }
}
