package org.smesurvey.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Locale;
import java.util.MissingResourceException;
import org.junit.jupiter.api.Test;

/**
 * The labels are read from the module's own files (not by ResourceBundle.getBundle with a Control, which fails in a
 * named module, automatic ones included: tools/check-modules.sh runs charts on the module path). Each language
 * reads its own file, never the machine's default locale.
 */
class LanguageTest {

    @Test
    void eachLanguageReadsItsOwnFile() {
        assertEquals("Forest plot", Language.ENGLISH.label("forest.title"));
        assertEquals("Graphique en forêt", Language.FRENCH.label("forest.title"));
        assertEquals("%s [%s ; %s]", Language.FRENCH.label("interval"));
    }

    @Test
    void englishStaysEnglishWhereTheDefaultLocaleIsFrench() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.FRENCH);
            assertEquals("weight", Language.ENGLISH.label("weight"));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void anUnknownKeyIsMissing() {
        assertThrows(MissingResourceException.class, () -> Language.ENGLISH.label("no.such.label"));
        assertThrows(MissingResourceException.class, () -> Language.FRENCH.label("no.such.label"));
    }
}
