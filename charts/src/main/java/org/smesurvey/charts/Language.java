package org.smesurvey.charts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.PropertyResourceBundle;
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
        ResourceBundle own = Labels.BUNDLES.get(this);
        if (own.containsKey(key)) {
            return own.getString(key);
        }
        return Labels.BUNDLES.get(ENGLISH).getString(key);
    }

    /**
     * The label files, read once. They are read here rather than by {@code ResourceBundle.getBundle} with a
     * no-fallback control, which a named module (an automatic one too) may not use: it throws
     * UnsupportedOperationException. The result is the same: the language's own file, then
     * {@code labels.properties}, never the default locale.
     */
    private static final class Labels {
        static final Map<Language, ResourceBundle> BUNDLES =
                Map.of(ENGLISH, read("labels.properties"), FRENCH, read("labels_fr.properties"));

        private static ResourceBundle read(String file) {
            try (InputStream in = Language.class.getResourceAsStream(file)) {
                if (in == null) {
                    throw new MissingResourceException("the chart labels " + file
                            + " are missing from smesurvey-charts", Language.class.getName(), file);
                }
                // PropertyResourceBundle reads UTF-8 (and ISO-8859-1 if that fails), as getBundle does.
                return new PropertyResourceBundle(in);
            } catch (IOException e) {
                throw new UncheckedIOException("the chart labels " + file + " cannot be read", e);
            }
        }
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
