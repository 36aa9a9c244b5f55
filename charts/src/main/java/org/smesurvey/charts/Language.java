package org.smesurvey.charts;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The language of a chart's labels, with its number formats. French charts name size classes as French
 * statistics do (TPE, PME, ETI, GE, after the LME law of 2008) and write "45 %".
 *
 * @since 0.1
 */
public enum Language {
    /** English. */
    ENGLISH(Locale.ENGLISH),
    /** French. */
    FRENCH(Locale.FRENCH);

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    /**
     * The locale of the labels and numbers.
     *
     * @return the locale
     */
    public Locale locale() {
        return locale;
    }

    /** A label of {@code labels.properties} (English) or {@code labels_fr.properties}. */
    String label(String key) {
        return ResourceBundle.getBundle("org.smesurvey.charts.labels", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
    }

    /** A label with its arguments put in, by {@link String#format}. */
    String label(String key, Object... arguments) {
        return String.format(locale, label(key), arguments);
    }

    /** Proportions as percentages with {@code digits} decimals. */
    NumberFormat percent(int digits) {
        NumberFormat format = NumberFormat.getPercentInstance(locale);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format;
    }
}
