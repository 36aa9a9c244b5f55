package org.smesurvey.examples;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.smesurvey.core.Observation;
import org.smesurvey.core.Region;
import org.smesurvey.core.SizeBand;
import org.smesurvey.core.StudyCatalogue;
import org.smesurvey.core.bundled.Bundled;
import org.smesurvey.stats.Interval;
import org.smesurvey.stats.adoption.AdoptionData;
import org.smesurvey.stats.adoption.AdoptionModel;
import org.smesurvey.stats.adoption.GapDecomposition;
import org.smesurvey.stats.adoption.ProfileGap;
import org.smesurvey.stats.meta.YearReached;

/**
 * Why Insee found 20 % of French firms on social media in 2013 and Bpifrance Le Lab 70 % in 2018: the adoption
 * model of every bundled figure (countries crossed with studies, figures nested in studies), first judged on the
 * studies it has not seen, splits the gap into the years of diffusion between them, size, indicator, the contrast of
 * a private survey with official statistics (who answered, sampling and scope, which the figures cannot tell apart),
 * country and what is left — each part with its range when one other study is left out of the fit — and predicts
 * adoption for a size class in a year; then two studies' size profiles (Germany 2019, Sweden 2013), whose gap splits
 * into the size mix and the model's parts.
 *
 * @since 0.1
 */
public final class ExplainTheGap {
    private ExplainTheGap() {
    }

    /**
     * Prints the decomposition and a prediction.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        print(System.out);
    }

    static void print(PrintStream out) {
        StudyCatalogue catalogue = Bundled.catalogue();
        AdoptionData data = AdoptionData.of(catalogue);
        AdoptionModel.Fit fit = AdoptionModel.fit(data);
        Interval speed = fit.speed(SizeBand.of(10, 49));
        out.printf(Locale.ROOT, "Adoption model: %d figures of %d studies (%d left out), odds x%.2f a year for firms"
                + " of 10-49 (95 %% CI %.2f to %.2f)%n", fit.k(), fit.studyCount(), data.excluded().size(),
                speed.estimate(), speed.lower(), speed.upper());
        out.println("Tested on studies it has not seen: " + fit.crossValidation().summary());
        Observation insee = figure(catalogue, "INSEE_IP_2013", "social_media_any", 10);
        Observation bpifrance = figure(catalogue, "BPIFRANCE_LAB_2018", "social_networks", 0);
        // Each part with its range when one other study is left out, and the notes: what the private-survey part
        // merges, and the parts whose sign that range does not settle.
        out.println(GapDecomposition.of(fit, bpifrance, insee).summary());
        AdoptionModel.Question small = AdoptionModel.Question.builder().band(SizeBand.of(10, 49))
                .region(Region.of("FR")).year(2023).build();
        AdoptionModel.Answer now = fit.predict(small);
        YearReached half = fit.yearReaching(small, 0.5);
        out.printf(Locale.ROOT, "French firms of 10-49 on any social media, 2023, an official survey: %.0f %% (95 %% CI %.0f"
                + " to %.0f %%; a new study's figure %.0f to %.0f %%); 50 %% reached in %.0f (SE %.1f years)%n",
                100 * now.share(), 100 * now.confidence().lower(), 100 * now.confidence().upper(),
                100 * now.prediction().lower(), 100 * now.prediction().upper(), half.estimate(), half.standardError());
        // Two studies' size profiles: Germany 2019 against Sweden 2013 for firms of 10-49 and of 250+, each weighted
        // by its own country's enterprises; the size mix by Kitagawa's decomposition, the rest by the model.
        ProfileGap profiles = ProfileGap.of(fit, List.of(figure(catalogue, "DESTATIS_2020", "social_media_any", 10, 49),
                figure(catalogue, "DESTATIS_2020", "social_media_any", 250, -1)), List.of(figure(catalogue, "SCB_2013",
                "social_media_any", 10, 49), figure(catalogue, "SCB_2013", "social_media_any", 250, -1)),
                Bundled.populations());
        out.println(profiles.summary());
    }

    /** A study's figure of an indicator in the band [min, max] (max -1 for an open band). */
    private static Observation figure(StudyCatalogue catalogue, String study, String indicator, int min, int max) {
        SizeBand band = max < 0 ? SizeBand.atLeast(min) : SizeBand.of(min, max);
        return catalogue.observations().stream().filter(o -> o.study().id().equals(study)
                && o.indicator().code().equals(indicator) && o.sizeBand().equals(java.util.Optional.of(band)))
                .findFirst().orElseThrow();
    }

    private static Observation figure(StudyCatalogue catalogue, String study, String indicator, int sizeMin) {
        return catalogue.observations().stream().filter(o -> o.study().id().equals(study)
                && o.indicator().code().equals(indicator) && o.sizeBand().map(b -> b.min() == sizeMin).orElse(false))
                .findFirst().orElseThrow();
    }
}
