package org.smesurvey.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.smesurvey.charts.Chart;
import org.smesurvey.charts.ChartFormat;
import org.smesurvey.charts.ChartSpec;
import org.smesurvey.charts.DiffusionChart;
import org.smesurvey.charts.ForestPlot;
import org.smesurvey.charts.FunnelPlot;
import org.smesurvey.charts.GapWaterfall;
import org.smesurvey.charts.SizeProfileChart;
import org.smesurvey.core.Observation;
import org.smesurvey.core.Platform;
import org.smesurvey.core.Region;
import org.smesurvey.core.SizeBand;
import org.smesurvey.core.StudyCatalogue;
import org.smesurvey.core.bundled.Bundled;
import org.smesurvey.stats.adoption.AdoptionData;
import org.smesurvey.stats.adoption.AdoptionModel;
import org.smesurvey.stats.adoption.GapDecomposition;
import org.smesurvey.stats.meta.EffectSizes;
import org.smesurvey.stats.meta.MetaAnalysis;
import org.smesurvey.stats.meta.MetaResult;
import org.smesurvey.stats.meta.ProportionMeasure;

/**
 * The README's gallery: five charts of the bundled catalogue as PNG images, 1000 × 540 — the adoption model's
 * diffusion by size class, the seed case's gap decomposed, the forest and funnel plots of the Facebook figures,
 * and a study's profile by size. Run with
 * {@code java -cp examples/target/smesurvey-cli.jar org.smesurvey.examples.Gallery docs/gallery}.
 *
 * @since 0.1
 */
public final class Gallery {

    private static final int WIDTH = 1000;
    private static final int HEIGHT = 540;

    private Gallery() {
    }

    /**
     * Writes the gallery.
     *
     * @param args the directory (docs/gallery by default)
     * @throws IOException if a file cannot be written
     */
    public static void main(String[] args) throws IOException {
        write(Path.of(args.length > 0 && !args[0].isBlank() ? args[0] : "docs/gallery"), System.out);
    }

    static List<Path> write(Path directory, PrintStream out) throws IOException {
        Files.createDirectories(directory);
        StudyCatalogue catalogue = Bundled.catalogue();
        AdoptionModel.Fit fit = AdoptionModel.fit(AdoptionData.of(catalogue));

        List<SizeBand> bands = List.of(SizeBand.of(0, 9), SizeBand.of(10, 49), SizeBand.of(50, 249),
                SizeBand.atLeast(250));
        // Any social media in France as official statistics measure it; the questions' year is the chart's to choose.
        List<AdoptionModel.Question> questions = bands.stream().map(b -> AdoptionModel.Question.builder().band(b)
                .region(Region.of("FR")).year(2030).build()).toList();
        Chart diffusion = DiffusionChart.of(fit, questions, List.of("0-9 employees", "10-49", "50-249", "250 or more"),
                2030, ChartSpec.builder().title("French firms on social media, by size (official surveys)").build());

        Observation insee = figure(catalogue, "INSEE_IP_2013", "social_media_any");
        Observation bpifrance = figure(catalogue, "BPIFRANCE_LAB_2018", "social_networks");
        Chart waterfall = GapWaterfall.of(GapDecomposition.of(fit, insee, bpifrance), "Bpifrance 2018",
                "Insee 2013", ChartSpec.builder().title("Why Insee finds 20 % and Bpifrance 70 %").build());

        List<Observation> facebook = catalogue.observations().stream()
                .filter(o -> o.indicator().code().equals("platform_use") && o.figure().hasBase()
                        && o.platform().equals(Optional.of(Platform.FACEBOOK))).toList();
        MetaResult pooled = MetaAnalysis.withDefaults().fit(EffectSizes.of(ProportionMeasure.PLO, facebook));
        Chart forest = ForestPlot.of(pooled, ChartSpec.builder().title("SMEs on Facebook").build());
        Chart funnel = FunnelPlot.of(pooled, ChartSpec.builder().title("Facebook figures: funnel plot").build());

        List<Observation> bySize = catalogue.observations().stream()
                .filter(o -> o.study().id().equals("DESTATIS_2020") && o.indicator().code().equals("social_media_any")
                        && o.sizeBand().filter(b -> !b.equals(SizeBand.atLeast(10))).isPresent()).toList();
        Chart profile = SizeProfileChart.of(bySize, ChartSpec.builder().title("German firms on social media by size"
                + " (Destatis 2019)").build());

        List<Path> files = List.of(directory.resolve("diffusion.png"), directory.resolve("gap-waterfall.png"),
                directory.resolve("forest-facebook.png"), directory.resolve("funnel-facebook.png"),
                directory.resolve("size-profile.png"));
        List<Chart> charts = List.of(diffusion, waterfall, forest, funnel, profile);
        for (int c = 0; c < charts.size(); c++) {
            charts.get(c).save(files.get(c), ChartFormat.PNG, WIDTH, HEIGHT);
            out.println("wrote " + files.get(c));
        }
        return files;
    }

    private static Observation figure(StudyCatalogue catalogue, String study, String indicator) {
        return catalogue.observations().stream().filter(o -> o.study().id().equals(study)
                && o.indicator().code().equals(indicator)).findFirst().orElseThrow();
    }
}
