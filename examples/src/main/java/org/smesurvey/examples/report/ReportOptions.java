package org.smesurvey.examples.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.smesurvey.charts.Language;
import org.smesurvey.core.SizeBand;

/**
 * What the report is asked for, from its command line: {@code --catalogue=DIR[,DIR…]} (catalogue directories
 * added to the bundled catalogue), {@code --bundled=false} (the directories alone), {@code --out=DIR} (where
 * {@code index.html} goes, {@code target/report} by default), {@code --lang=en|fr}, and the reader's question that
 * the page answers first: {@code --country=CODE} (the EU by default), {@code --size=BAND} ({@code 10-49},
 * {@code 250+}…; each size class by default) and {@code --year=YYYY} (the latest year with figures by default;
 * within {@value #YEARS_AROUND} years of the figures' years). Empty values mean the default, so that the Maven
 * properties {@code -Dcatalogue=…}, {@code -Dbundled=…}, {@code -Dout=…}, {@code -Dlang=…}, {@code -Dcountry=…},
 * {@code -Dsize=…} and {@code -Dyear=…} can pass through as they are.
 *
 * @param catalogues the catalogue directories, in order
 * @param bundled whether the bundled catalogue comes first
 * @param out the output directory
 * @param language the page's language
 * @param year the year the answer predicts, when asked
 * @param country the country or area the answer is for, when asked (an upper-case code)
 * @param size the size band the answer is for, when asked
 */
record ReportOptions(List<Path> catalogues, boolean bundled, Path out, Language language, OptionalInt year,
        Optional<String> country, Optional<SizeBand> size) {

    static final String USAGE = "usage: Report [--catalogue=DIR[,DIR...]] [--bundled=true|false] [--out=DIR]"
            + " [--lang=en|fr] [--country=CODE] [--size=BAND] [--year=YYYY]";

    /** How far from the figures' years a question may ask: the model extrapolates beyond them. */
    static final int YEARS_AROUND = 10;

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
        OptionalInt year = OptionalInt.empty();
        Optional<String> country = Optional.empty();
        Optional<SizeBand> size = Optional.empty();
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
                        year = OptionalInt.of(Integer.parseInt(value));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--year is a year such as 2023, not '" + value + "'");
                    }
                }
                case "country" -> {
                    String code = value.toUpperCase(Locale.ROOT);
                    if (!code.matches("[A-Z]{2}|EU27_2020|EU28")) {
                        throw new IllegalArgumentException("--country is a two-letter code such as FR, or EU27_2020"
                                + " or EU28, not '" + value + "'");
                    }
                    country = Optional.of(code);
                }
                case "size" -> {
                    try {
                        size = Optional.of(SizeBand.parse(value));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("--size is an employee band such as 10-49 or 250+, not '"
                                + value + "'");
                    }
                }
                default -> throw new IllegalArgumentException("Unknown option --" + name);
            }
        }
        if (!bundled && catalogues.isEmpty()) {
            throw new IllegalArgumentException("--bundled=false needs a --catalogue directory");
        }
        return new ReportOptions(catalogues, bundled, out, language, year, country, size);
    }

    /**
     * The year the answer predicts: the one asked, if within {@value #YEARS_AROUND} years of the figures' years, or
     * else the latest year with figures.
     *
     * @param first the earliest year with figures
     * @param last the latest year with figures
     * @return the year
     * @throws IllegalArgumentException if the year asked is further from the figures' years
     */
    int year(int first, int last) {
        if (year.isEmpty()) {
            return last;
        }
        int asked = year.getAsInt();
        if (asked < first - YEARS_AROUND || asked > last + YEARS_AROUND) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "--year is within %d years of the"
                    + " figures' years, %d to %d, not %d", YEARS_AROUND, first - YEARS_AROUND, last + YEARS_AROUND,
                    asked));
        }
        return asked;
    }
}
