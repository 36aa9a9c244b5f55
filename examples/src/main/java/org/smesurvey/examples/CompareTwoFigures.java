package org.smesurvey.examples;

import java.io.PrintStream;
import java.util.Locale;
import org.smesurvey.core.Observation;
import org.smesurvey.core.StudyCatalogue;
import org.smesurvey.core.bundled.Bundled;
import org.smesurvey.stats.comparability.ComparabilityCheck;
import org.smesurvey.stats.comparability.ComparabilityReport;

/**
 * Two French figures that seem to contradict each other — Insee: 20 % of companies of 10 or more employees
 * on a social medium in 2013; Bpifrance Le Lab: 70 % of SMEs and mid-caps on a social network in 2018 — and
 * why they cannot be compared as they stand: years, networks, respondents, sizes, sampling.
 *
 * @since 0.1
 */
public final class CompareTwoFigures {
    private CompareTwoFigures() {
    }

    /**
     * Prints the two figures and their comparability report.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        print(System.out);
    }

    static void print(PrintStream out) {
        StudyCatalogue catalogue = Bundled.catalogue();
        Observation insee = figure(catalogue, "INSEE_IP_2013", "social_media_any", 10);
        Observation bpifrance = figure(catalogue, "BPIFRANCE_LAB_2018", "social_networks", 0);
        for (Observation o : new Observation[] {insee, bpifrance}) {
            out.printf(Locale.ROOT, "%-20s %3.0f %%  %s (%s, %s networks, answered by %s)%n", o.study().id(),
                    100 * o.figure().proportion(), o.indicator().wording(), o.sizeBand().orElseThrow().label(),
                    o.scope().code(), o.study().respondentsInOrder());
        }
        ComparabilityReport report = ComparabilityCheck.withDefaults().compare(insee, bpifrance);
        out.println();
        out.println(report.summary());
        out.println();
        out.println("Adjustments that would help: " + report.adjustments());
    }

    private static Observation figure(StudyCatalogue catalogue, String study, String indicator, int sizeMin) {
        return catalogue.observations().stream().filter(o -> o.study().id().equals(study)
                && o.indicator().code().equals(indicator) && o.sizeBand().map(b -> b.min() == sizeMin).orElse(false))
                .findFirst().orElseThrow();
    }
}
