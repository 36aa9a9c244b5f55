package org.smesurvey.examples.report;

import static org.smesurvey.examples.report.Html.escape;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.smesurvey.core.Observation;
import org.smesurvey.core.SizeBand;
import org.smesurvey.stats.adoption.AdoptionData;
import org.smesurvey.stats.adoption.AdoptionModel;
import org.smesurvey.stats.adoption.CrossValidation;

/**
 * The answer first, above the fold: adoption for the reader's question (a country or area, a size band, a year; by
 * default the EU, each size class and 10+, the latest year with figures), each share with where a new study's figure
 * would fall (the 95 % prediction interval, the honest spread of what a survey measures), how well the model predicts
 * studies it has not seen, and the seed case — why one study says 20 % and another 70 % — in one sentence with its
 * waterfall. The details follow in the sections below.
 */
final class AnswerSection {

    /** The seed case's waterfall is drawn for its column at 1,400 px, so that its text keeps its size there. */
    private static final int SEED_WIDTH = 600;

    private AnswerSection() {
    }

    static void write(Html html, ReportContext c) {
        Words w = c.words();
        if (c.fit().isEmpty()) {
            return; // the sections below say why there is no model
        }
        AdoptionModel.Fit fit = c.fit().get();
        String region = c.country().orElse(AdoptionSection.regions(fit.data()).get(0));
        List<SizeBand> bands = c.size().map(List::of).orElseGet(() -> {
            List<SizeBand> all = new ArrayList<>(AdoptionSection.CLASSES);
            all.add(AdoptionSection.TEN_PLUS);
            return all;
        });
        html.raw("<section id='answer'><div>");
        html.element("h2", w.get("answer.title", AdoptionSection.region(region, w), c.year()));
        List<List<String>> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (SizeBand band : bands) {
            AdoptionModel.Answer a = fit.predict(AdoptionSection.question(band, region, c.year()));
            rows.add(List.of(escape(w.size(band)), "<b>" + escape(w.percent(a.share())) + "</b>",
                    escape(w.percent(a.prediction().lower()) + " – " + w.percent(a.prediction().upper()))));
            if (!a.countryKnown() && notes.isEmpty()) {
                notes.add(w.get("answer.unknown", AdoptionSection.region(region, w)));
            }
        }
        html.table(List.of(w.get("answer.header").split("\\|")), rows);
        notes.forEach(html::note);
        CrossValidation tested = fit.crossValidation();
        html.element("p", w.get("answer.tested", w.percent(tested.coverage()), tested.held().size(),
                fit.studyCount(), String.format(w.locale(), "%.1f", tested.meanAbsoluteError())));
        html.raw("</div><div>");
        Optional<Observation[]> seed = seed(fit);
        if (seed.isPresent()) {
            html.element("h2", w.get("answer.seed"));
            GapsSection.gap(html, c, fit, seed.get()[0], seed.get()[1], SEED_WIDTH);
        }
        html.raw("</div></section>");
    }

    /**
     * The seed case when its two figures entered: Bpifrance Le Lab's 70 % of French SMEs on social networks (2018)
     * and Insee's 20 % of French firms of 10+ on social media (2013).
     */
    static Optional<Observation[]> seed(AdoptionModel.Fit fit) {
        List<Observation> entered = fit.data().entries().stream().map(AdoptionData.Entry::figure).toList();
        Optional<Observation> insee = entered.stream().filter(o -> o.study().id().equals("INSEE_IP_2013")
                && o.indicator().code().equals("social_media_any")
                && o.sizeBand().equals(Optional.of(SizeBand.atLeast(10)))).findFirst();
        Optional<Observation> bpifrance = entered.stream().filter(o -> o.study().id().equals("BPIFRANCE_LAB_2018")
                && o.indicator().code().equals("social_networks")).findFirst();
        return insee.isPresent() && bpifrance.isPresent()
                ? Optional.of(new Observation[] {bpifrance.get(), insee.get()}) : Optional.empty();
    }
}
