package org.smesurvey.examples;

import static org.smesurvey.core.ObservationFilters.region;
import static org.smesurvey.core.ObservationFilters.scope;
import static org.smesurvey.core.ObservationFilters.sizeOverlapping;

import java.io.PrintStream;
import java.util.Locale;
import org.smesurvey.core.NetworkScope;
import org.smesurvey.core.Observation;
import org.smesurvey.core.Region;
import org.smesurvey.core.SizeBand;
import org.smesurvey.core.SizeClassScheme;
import org.smesurvey.core.Study;
import org.smesurvey.core.StudyCatalogue;
import org.smesurvey.core.bundled.Bundled;

/**
 * The README's example: French figures on public networks for companies of 10 to 249 employees, with who
 * answered; and why size classes are compared as bands.
 *
 * @since 0.1
 */
public final class FilterCatalogue {
    private FilterCatalogue() {
    }

    /**
     * Prints the figures.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        print(System.out);
    }

    static void print(PrintStream out) {
        StudyCatalogue catalogue = Bundled.catalogue();

        // French figures on public networks, for companies of 10 to 249 employees.
        StudyCatalogue french = catalogue.filter(region(Region.of("FR"))
                .and(scope(NetworkScope.EXTERNAL))
                .and(sizeOverlapping(SizeBand.of(10, 249))));

        for (Observation o : french.observations()) {
            Study s = o.study();
            out.printf(Locale.ROOT, "%-30s %5.1f %%  n=%s  answered by %s%n", o.label(), 100 * o.figure().proportion(),
                    o.figure().base().isPresent() ? o.figure().base().getAsInt() : "?", s.respondentsInOrder());
        }

        // Size classes are bands, not labels: the EU "fewer than 50" and the UK "not more than 50" differ.
        out.println("50 employees, EU 2003/361: " + SizeClassScheme.EU_2003_361.classOf(50).orElseThrow().label());
        out.println("50 employees, UK Companies Act: "
                + SizeClassScheme.UK_COMPANIES_ACT.classOf(50).orElseThrow().label());
    }
}
