package org.smesurvey.examples.cli;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.smesurvey.core.Region;
import org.smesurvey.core.Study;
import org.smesurvey.core.StudyCatalogue;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Study ids, indicator codes and countries as a user types them: in any case, and, when one is unknown, the closest
 * known one by edit distance ("did you mean …?") and the {@code list} command that shows them all. Every failure is
 * a {@link ParameterException}, so picocli reports it as a usage error (exit status 2).
 */
final class Ids {

    /** commons-text's Levenshtein distance (commons-text is already on the classpath for the report's escaping). */
    private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();

    private Ids() {
    }

    /**
     * The study a user named.
     *
     * @param catalogue the studies
     * @param typed the id as typed, in any case
     * @param line the command, for the error
     * @return the study
     * @throws ParameterException if no study has this id, or several differ from it only in case
     */
    static Study study(StudyCatalogue catalogue, String typed, CommandLine line) {
        String id = resolve(catalogue.studies().stream().map(Study::id).toList(), typed, "study", "in the catalogue",
                "`smesurvey list studies` lists them all.", line);
        return catalogue.study(id).orElseThrow();
    }

    /**
     * The indicator code a user named.
     *
     * @param catalogue the figures
     * @param typed the code as typed, in any case
     * @param line the command, for the error
     * @return the code as the catalogue spells it
     * @throws ParameterException if no figure has this indicator
     */
    static String indicator(StudyCatalogue catalogue, String typed, CommandLine line) {
        return resolve(catalogue.indicatorCodes(), typed, "indicator", "in the catalogue",
                "`smesurvey list indicators` lists them all.", line);
    }

    /**
     * The country or aggregate a user named ({@code fr}, {@code UK}, {@code eu27_2020}).
     *
     * @param typed the code as typed
     * @param option the option's name, for the error
     * @param line the command, for the error
     * @return the region
     * @throws ParameterException if the code is not a region's
     */
    static Region region(String typed, String option, CommandLine line) {
        try {
            return Region.of(typed);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(line, option + ": " + e.getMessage());
        }
    }

    /**
     * The known name a user meant: the one equal to it, else the one equal to it ignoring case.
     *
     * @param known the names
     * @param typed what the user typed
     * @param what the kind of name ("study"), for the error
     * @param where where the names were looked for, for the error ("in the catalogue")
     * @param hint where to find them all, for the error ("`smesurvey list studies` lists them all.")
     * @param line the command, for the error
     * @return the name as known
     * @throws ParameterException if none matches, or several match ignoring case and none exactly
     */
    static String resolve(Collection<String> known, String typed, String what, String where, String hint,
            CommandLine line) {
        String name = typed.strip();
        if (known.contains(name)) {
            return name;
        }
        List<String> matches = known.stream().filter(k -> k.equalsIgnoreCase(name)).sorted().toList();
        if (matches.size() == 1) {
            return matches.get(0);
        }
        if (matches.size() > 1) {
            throw new ParameterException(line, String.format(Locale.ROOT, "'%s' is the %s %s in other cases; give"
                    + " one exactly", name, what, String.join(" and ", matches)));
        }
        throw new ParameterException(line, String.format(Locale.ROOT, "No %s '%s' %s.%s %s", what, name, where,
                closest(known, name).map(c -> " Did you mean " + c + "?").orElse(""), hint));
    }

    /**
     * The known name closest to a typed one by Levenshtein distance, ignoring case, if it is close enough to be a
     * slip: at most a third of the longer name's characters apart, and never fewer than 2.
     *
     * @param known the names
     * @param typed what the user typed
     * @return the closest name, empty if none is close
     */
    static Optional<String> closest(Collection<String> known, String typed) {
        String t = typed.toLowerCase(Locale.ROOT);
        record Candidate(String name, int distance) {
        }
        return known.stream().sorted()
                .map(k -> new Candidate(k, DISTANCE.apply(t, k.toLowerCase(Locale.ROOT))))
                .filter(c -> c.distance() <= Math.max(2, Math.max(t.length(), c.name().length()) / 3))
                .min(Comparator.comparingInt(Candidate::distance)).map(Candidate::name);
    }
}
