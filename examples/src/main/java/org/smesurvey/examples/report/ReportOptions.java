package org.smesurvey.examples.report;

import java.nio.file.Path;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.smesurvey.charts.Language;

/**
 * What the report is asked for, from its command line: {@code --catalogue=DIR[,DIR…]} (catalogue directories
 * added to the bundled catalogue), {@code --bundled=false} (the directories alone), {@code --out=DIR} (where
 * {@code index.html} goes, {@code target/report} by default), {@code --lang=en|fr} and {@code --year=YYYY} (the
 * year the headline predicts, this year by default). Empty values mean the default, so that the Maven properties
 * {@code -Dcatalogue=…}, {@code -Dbundled=…}, {@code -Dout=…}, {@code -Dlang=…} and {@code -Dyear=…} can pass
 * through as they are.
 *
 * @param catalogues the catalogue directories, in order
 * @param bundled whether the bundled catalogue comes first
 * @param out the output directory
 * @param language the page's language
 * @param year the year the headline table predicts
 */
record ReportOptions(List<Path> catalogues, boolean bundled, Path out, Language language, int year) {

    static final String USAGE = "usage: Report [--catalogue=DIR[,DIR...]] [--bundled=true|false] [--out=DIR]"
            + " [--lang=en|fr] [--year=YYYY]";

    ReportOptions {
        catalogues = List.copyOf(catalogues);
    }

    /**
     * Reads the options.
     *
     * @param args the command line
     * @return the options
     * @throws IllegalArgumentException with a one-line message if an option is unknown or its value wrong
     */
    static ReportOptions parse(String... args) {
        List<Path> catalogues = new ArrayList<>();
        boolean bundled = true;
        Path out = Path.of("target/report");
        Language language = Language.ENGLISH;
        int year = Year.now().getValue();
        for (String arg : args) {
            String a = arg == null ? "" : arg.strip();
            int equals = a.indexOf('=');
            if (!a.startsWith("--") || equals < 0) {
                throw new IllegalArgumentException("Not an option: '" + a + "'");
            }
            String name = a.substring(2, equals);
            String value = a.substring(equals + 1).strip();
            if (value.isEmpty()) {
                continue;
            }
            switch (name) {
                case "catalogue" -> {
                    for (String dir : value.split(",")) {
                        if (!dir.isBlank()) {
                            catalogues.add(Path.of(dir.strip()));
                        }
                    }
                }
                case "bundled" -> bundled = switch (value.toLowerCase(Locale.ROOT)) {
                    case "true" -> true;
                    case "false" -> false;
                    default -> throw new IllegalArgumentException("--bundled is true or false, not '" + value + "'");
                };
                case "out" -> out = Path.of(value);
                case "lang" -> language = switch (value.toLowerCase(Locale.ROOT)) {
                    case "en" -> Language.ENGLISH;
                    case "fr" -> Language.FRENCH;
                    default -> throw new IllegalArgumentException("--lang is en or fr, not '" + value + "'");
                };
                case "year" -> {
                    try {
                        year = Integer.parseInt(value);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--year is a year such as 2026, not '" + value + "'");
                    }
                }
                default -> throw new IllegalArgumentException("Unknown option --" + name);
            }
        }
        if (!bundled && catalogues.isEmpty()) {
            throw new IllegalArgumentException("--bundled=false needs a --catalogue directory");
        }
        return new ReportOptions(catalogues, bundled, out, language, year);
    }
}
