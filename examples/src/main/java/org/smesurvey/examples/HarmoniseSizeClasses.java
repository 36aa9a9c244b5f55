package org.smesurvey.examples;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.smesurvey.core.Observation;
import org.smesurvey.core.ObservationFilters;
import org.smesurvey.core.ReferencePopulation;
import org.smesurvey.core.ReferencePopulations;
import org.smesurvey.core.Sectors;
import org.smesurvey.core.SizeBand;
import org.smesurvey.core.bundled.Bundled;
import org.smesurvey.stats.harmonisation.Contribution;
import org.smesurvey.stats.harmonisation.Reweighted;
import org.smesurvey.stats.harmonisation.SizeFigure;
import org.smesurvey.stats.harmonisation.SizeHarmonisation;

/**
 * Re-expresses Destatis' 2019 figures by size class (44 % of companies of 10–49 employees on social media,
 * 61 % of 50–249, 79 % of 250+) on the whole 10+ band, weighted by the German enterprises of the ICT survey's
 * sectors (NACE C–J, L–N, Destatis business register 2022) — and finds the 48 % Destatis published.
 *
 * @since 0.1
 */
public final class HarmoniseSizeClasses {
    private HarmoniseSizeClasses() {
    }

    /**
     * Prints the re-expressed figure beside the published one.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        print(System.out);
    }

    static void print(PrintStream out) {
        List<Observation> destatis = Bundled.catalogue().filter(ObservationFilters.study("DESTATIS_2020")
                .and(ObservationFilters.years(2019, 2019))).observations();
        SizeBand tenPlus = SizeBand.atLeast(10);
        List<SizeFigure> classes = destatis.stream().filter(o -> !o.sizeBand().orElseThrow().equals(tenPlus))
                .map(SizeFigure::of).toList();

        // The ICT survey covers NACE sections C to J and L to N: sum the register's counts of those sections.
        ReferencePopulations bundled = Bundled.populations();
        List<ReferencePopulation> sections = Sectors.ICT_SURVEY.sections().stream()
                .map(s -> bundled.population("DESTATIS_URS_2022_" + s.name()).orElseThrow()).toList();
        ReferencePopulation germany = ReferencePopulation.sum("DE_2022_ICT_SCOPE", "NACE " + Sectors.ICT_SURVEY.label(),
                sections);

        Reweighted result = SizeHarmonisation.reexpress(classes, tenPlus, germany);
        for (Contribution c : result.contributions()) {
            double share = classes.stream().filter(f -> f.band().equals(c.source())).findFirst().orElseThrow()
                    .proportion();
            out.printf(Locale.ROOT, "%-7s %3.0f %%  %,9.0f enterprises  weight %.3f%n", c.source().label(), 100 * share,
                    c.enterprises(), c.weight());
        }
        double published = destatis.stream().filter(o -> o.sizeBand().orElseThrow().equals(tenPlus)).findFirst()
                .orElseThrow().figure().proportion();
        out.printf(Locale.ROOT, "10+ re-expressed: %.1f %%, published by Destatis: %.0f %%%n", 100 * result.proportion(),
                100 * published);
        out.println("Caveats: " + result.caveats());
    }
}
