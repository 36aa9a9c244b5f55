package org.smesurvey.examples.report;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.smesurvey.charts.Language;
import org.smesurvey.core.Observation;
import org.smesurvey.core.SizeBand;
import org.smesurvey.core.Study;

/**
 * The report's words in one language ({@code words.properties}, {@code words_fr.properties}): its sentences, and
 * the names it gives to indicators, size classes, studies and figures, so that the page shows words, not codes.
 */
final class Words {

    private final Language language;
    private final ResourceBundle bundle;
    private final NumberFormat percent;

    Words(Language language) {
        this.language = language;
        this.bundle = ResourceBundle.getBundle("org.smesurvey.examples.report.words", language.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        this.percent = NumberFormat.getPercentInstance(language.locale());
        percent.setMaximumFractionDigits(0);
    }

    Language language() {
        return language;
    }

    Locale locale() {
        return language.locale();
    }

    /** A sentence of the bundle with its arguments put in, by {@link String#format}. */
    String get(String key, Object... arguments) {
        return String.format(language.locale(), bundle.getString(key), arguments);
    }

    /**
     * A count with its noun, singular or plural as the language wants it: English's singular for 1 only, French's for
     * 0 and 1 ({@code noun.NAME=singular|plural} in the word file).
     */
    String count(long n, String noun) {
        String[] forms = bundle.getString("noun." + noun).split("\\|");
        boolean singular = language.locale().getLanguage().equals("fr") ? n <= 1 : n == 1;
        return String.format(language.locale(), "%d %s", n, singular ? forms[0] : forms[1]);
    }

    /** An indicator's name; a code of the user's own, without a name, as words (its underscores as spaces). */
    String indicator(String code) {
        try {
            return bundle.getString("indicator." + code);
        } catch (MissingResourceException e) {
            return code.replace('_', ' ');
        }
    }

    /** A size band in words: the Eurostat classes by name ("PME de 10 à 49 salariés"), others by their bounds. */
    String size(SizeBand band) {
        String code = band.isOpenEnded() ? "b" + band.min() + "_plus" : "b" + band.min() + "_" + band.max();
        try {
            return bundle.getString("size." + code);
        } catch (MissingResourceException e) {
            return get("size.label", band.label());
        }
    }

    /** A study's name: its publisher (without who reported it) and its fieldwork. */
    String study(Study study) {
        String publisher = study.publisher();
        int bracket = publisher.indexOf(" (");
        String name = bracket > 0 ? publisher.substring(0, bracket) : publisher;
        return study.fieldwork().map(f -> name + ", " + f).orElse(name);
    }

    /**
     * A figure's name: its study, indicator (and platform), the narrower set of firms it is a share of, its sectors,
     * its region when not its study's, size band and year.
     */
    String figure(Observation o) {
        StringBuilder text = new StringBuilder(study(o.study())).append(": ").append(indicator(o.indicator().code()));
        o.platform().ifPresent(p -> text.append(" (").append(p.description()).append(')'));
        if (!o.denominator().isEmpty()) {
            text.append(" (").append(o.denominator()).append(')');
        }
        o.sectors().ifPresent(s -> text.append(", NACE ").append(s.label()));
        if (!o.region().equals(o.study().region())) {
            text.append(", ").append(o.region().displayName(locale()));
        }
        o.sizeBand().ifPresent(b -> text.append(", ").append(size(b)));
        o.year().ifPresent(y -> text.append(", ").append(y));
        return text.toString();
    }

    /** A figure's source in a few words, for a plot's row: its study, and its region when not the study's. */
    String source(Observation o) {
        return study(o.study()) + (o.region().equals(o.study().region()) ? ""
                : " (" + o.region().displayName(locale()) + ")");
    }

    /** A proportion as a rounded percentage: "45 %" in French, "45%" in English. */
    String percent(double proportion) {
        return percent.format(proportion);
    }

    /** A number of percentage points, signed and with one decimal. */
    String points(double points) {
        return String.format(language.locale(), "%+.1f", points);
    }
}
