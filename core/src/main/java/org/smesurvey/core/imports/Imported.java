package org.smesurvey.core.imports;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.smesurvey.core.StudyCatalogue;

/**
 * What an importer made of a table: the catalogue of the figures it could place, and how many values it left out
 * for each reason ("not available (:)", "indicator E_IACC is not one the catalogue has a code for"), so that
 * nothing goes unseen.
 *
 * @param catalogue the imported studies and figures
 * @param leftOut the values left out, counted by reason
 * @since 0.1
 */
public record Imported(StudyCatalogue catalogue, Map<String, Long> leftOut) {

    /**
     * Copies the counts.
     *
     * @param catalogue the imported studies and figures
     * @param leftOut the values left out, counted by reason
     * @throws NullPointerException if an argument is null
     */
    public Imported {
        Objects.requireNonNull(catalogue, "catalogue");
        leftOut = Map.copyOf(Objects.requireNonNull(leftOut, "leftOut"));
    }

    /**
     * The number of values left out.
     *
     * @return their count
     */
    public long leftOutCount() {
        return leftOut.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * The import in a few lines: the figures, then each reason for leaving values out with its count.
     *
     * @return the text
     */
    public String summary() {
        String reasons = new TreeMap<>(leftOut).entrySet().stream()
                .map(e -> String.format(java.util.Locale.ROOT, "  %,d left out: %s", e.getValue(), e.getKey()))
                .collect(Collectors.joining("\n"));
        int figures = catalogue.observations().size();
        int studies = catalogue.studies().size();
        return String.format(java.util.Locale.ROOT, "%,d %s in %d %s", figures, figures == 1 ? "figure" : "figures",
                studies, studies == 1 ? "study" : "studies") + (reasons.isEmpty() ? "" : "\n" + reasons);
    }
}
