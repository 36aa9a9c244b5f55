package org.smesurvey.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.smesurvey.charts.Chart;
import org.smesurvey.charts.ChartSpec;
import org.smesurvey.charts.ForestPlot;
import org.smesurvey.charts.Language;
import org.smesurvey.charts.SizeProfileChart;
import org.smesurvey.core.Observation;
import org.smesurvey.core.Platform;
import org.smesurvey.core.SizeBand;
import org.smesurvey.core.StudyCatalogue;
import org.smesurvey.core.bundled.Bundled;
import org.smesurvey.stats.meta.EffectSizes;
import org.smesurvey.stats.meta.MetaAnalysis;
import org.smesurvey.stats.meta.ProportionMeasure;

/**
 * Charts studies: the forest plot of the Facebook figures, in English as SVG and in French as PNG, and the
 * size profiles of Destatis 2019 and Bitkom 2023. Writes to the directory given, {@code target/charts} by
 * default.
 *
 * @since 0.1
 */
public final class ChartStudies {
    private ChartStudies() {
    }

    /**
     * Writes the charts.
     *
     * @param args nothing, or the output directory
     * @throws IOException if a file cannot be written
     */
    public static void main(String[] args) throws IOException {
        write(Path.of(args.length > 0 && !args[0].isBlank() ? args[0] : "target/charts"), System.out);
    }

    static List<Path> write(Path directory, PrintStream out) throws IOException {
        StudyCatalogue catalogue = Bundled.catalogue();
        Files.createDirectories(directory);

        List<Observation> facebook = catalogue.observations().stream()
                .filter(o -> o.indicator().code().equals("platform_use") && o.figure().hasBase()
                        && o.platform().equals(Optional.of(Platform.FACEBOOK))).toList();
        var result = MetaAnalysis.withDefaults().fit(EffectSizes.of(ProportionMeasure.PLO, facebook));
        Chart english = ForestPlot.of(result, ChartSpec.builder().title("SMEs on Facebook").build());
        Chart french = ForestPlot.of(result, ChartSpec.builder().title("Les PME sur Facebook")
                .language(Language.FRENCH).build());

        List<Observation> bySize = catalogue.observations().stream()
                .filter(o -> sizeClass(o, "DESTATIS_2020", "social_media_any", SizeBand.atLeast(10))
                        || sizeClass(o, "BITKOM_2023", "social_networks", SizeBand.atLeast(20))).toList();
        Chart profile = SizeProfileChart.of(bySize, ChartSpec.builder().title("Social media by company size").build());

        List<Path> files = List.of(directory.resolve("forest-facebook.svg"), directory.resolve("forest-facebook-fr.png"),
                directory.resolve("size-profile.svg"));
        english.save(files.get(0));
        french.save(files.get(1));
        profile.save(files.get(2));
        files.forEach(f -> out.println("wrote " + f));
        return files;
    }

    /** A figure of the study and indicator for one size class, not for the study's whole band. */
    private static boolean sizeClass(Observation o, String study, String indicator, SizeBand whole) {
        return o.study().id().equals(study) && o.indicator().code().equals(indicator)
                && o.sizeBand().filter(b -> !b.equals(whole)).isPresent();
    }
}
