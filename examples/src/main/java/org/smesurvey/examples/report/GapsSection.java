package org.smesurvey.examples.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.smesurvey.charts.ChartSpec;
import org.smesurvey.charts.GapWaterfall;
import org.smesurvey.core.Observation;
import org.smesurvey.core.Sampling;
import org.smesurvey.stats.adoption.AdoptionData;
import org.smesurvey.stats.adoption.AdoptionModel;
import org.smesurvey.stats.adoption.GapDecomposition;

/**
 * Section 2, why studies disagree: the seed case (Insee's 20 % against Bpifrance Le Lab's 70 %) first, with every
 * part of its gap, each part's range when one other study is left out of the model, and what the reader must know
 * (what the private-survey part merges, the parts whose sign that range does not settle); then the largest gaps
 * between figures of different studies on the same indicator and size band, then, for a catalogue added to the
 * bundled one, its figures against the closest bundled ones; each gap with its waterfall and the sentences that say
 * where its points come from.
 */
final class GapsSection {

    /** How many of the largest gaps are shown. */
    private static final int LARGEST = 3;
    /** How many of an added catalogue's figures are set against the bundled ones. */
    private static final int ADDED = 2;
    private static final Set<String> UNEXPLAINED = Set.of("studies", "figures", "sampling error");

    private GapsSection() {
    }

    static void write(Html html, ReportContext c) {
        Words w = c.words();
        html.raw("<section id='gaps'>").element("h2", w.get("gaps.title"));
        if (c.fit().isEmpty()) {
            html.note(w.get("left.out", c.noModel()));
            html.raw("</section>");
            return;
        }
        AdoptionModel.Fit fit = c.fit().get();
        html.element("p", w.get("gaps.lead"));
        List<Observation> entered = fit.data().entries().stream().map(AdoptionData.Entry::figure).toList();
        Optional<Observation[]> pair = AnswerSection.seed(fit);
        Set<String> shown = new HashSet<>();
        if (pair.isPresent()) {
            // Its sentence and waterfall open the page (AnswerSection); here, every part with its ranges.
            Observation bpifrance = pair.get()[0];
            Observation insee = pair.get()[1];
            html.element("h3", w.get("gaps.seed"));
            GapDecomposition seed = GapDecomposition.of(fit, bpifrance, insee);
            html.element("p", w.get("gaps.seed.above"));
            parts(html, w, seed);
            notes(html, w, fit, seed, bpifrance, insee);
            shown.add(pair(bpifrance, insee));
        }
        html.element("h3", w.get("gaps.largest"));
        List<Observation[]> largest = largest(entered, shown);
        if (largest.isEmpty()) {
            html.note(w.get("left.out", w.get("gaps.none")));
        }
        largest.forEach(p -> gap(html, c, fit, p[0], p[1]));
        if (!c.added().isEmpty()) {
            html.element("h3", w.get("gaps.yours"));
            // Their headline figures first: those of the whole population, not of a region or a sector of it.
            List<Observation> theirs = entered.stream().filter(c::isAdded)
                    .sorted(Comparator.comparingInt(o -> o.denominator().isEmpty() && o.sectors().isEmpty() ? 0 : 1))
                    .limit(ADDED).toList();
            for (Observation figure : theirs) {
                closest(figure, entered.stream().filter(o -> !c.isAdded(o)).toList())
                        .ifPresent(other -> gap(html, c, fit, figure, other));
            }
        }
        html.raw("</section>");
    }

    /** The largest gaps between figures of different studies on the same indicator, platform and size band. */
    private static List<Observation[]> largest(List<Observation> entered, Set<String> shown) {
        List<Observation[]> pairs = new ArrayList<>();
        for (int i = 0; i < entered.size(); i++) {
            for (int j = i + 1; j < entered.size(); j++) {
                Observation a = entered.get(i);
                Observation b = entered.get(j);
                if (!a.study().equals(b.study()) && a.indicator().code().equals(b.indicator().code())
                        && a.platform().equals(b.platform()) && a.sizeBand().equals(b.sizeBand())
                        && a.sizeBand().isPresent()) {
                    pairs.add(a.figure().proportion() >= b.figure().proportion() ? new Observation[] {a, b}
                            : new Observation[] {b, a});
                }
            }
        }
        pairs.sort(Comparator.comparingDouble((Observation[] p) -> p[1].figure().proportion()
                - p[0].figure().proportion()).thenComparing(p -> p[0].label()).thenComparing(p -> p[1].label()));
        // Different studies each time, so that one outlying study does not fill the section.
        List<Observation[]> chosen = new ArrayList<>();
        Set<String> studies = new HashSet<>();
        for (Observation[] p : pairs) {
            if (chosen.size() == LARGEST) {
                break;
            }
            if (!shown.contains(pair(p[0], p[1])) && !studies.contains(p[0].study().id())
                    && !studies.contains(p[1].study().id())) {
                chosen.add(p);
                studies.add(p[0].study().id());
                studies.add(p[1].study().id());
            }
        }
        return chosen;
    }

    /** The figure of another study most like this one: same indicator, then same region, band, nearest year. */
    private static Optional<Observation> closest(Observation figure, List<Observation> others) {
        return others.stream().filter(o -> o.indicator().code().equals(figure.indicator().code()))
                .min(Comparator.comparingInt((Observation o) -> o.region().equals(figure.region()) ? 0 : 1)
                        .thenComparingInt(o -> o.effectiveSizeBand().equals(figure.effectiveSizeBand()) ? 0 : 1)
                        .thenComparingInt(o -> Math.abs(o.effectiveYear().orElse(0)
                                - figure.effectiveYear().orElse(0)))
                        .thenComparing(Observation::label));
    }

    private static String pair(Observation a, Observation b) {
        return a.label() + "|" + b.label();
    }

    /** One gap: its sentences and its waterfall. */
    static GapDecomposition gap(Html html, ReportContext c, AdoptionModel.Fit fit, Observation first,
            Observation second) {
        return gap(html, c, fit, first, second, Html.WIDTH);
    }

    /** One gap, its waterfall drawn {@code width} pixels wide. */
    static GapDecomposition gap(Html html, ReportContext c, AdoptionModel.Fit fit, Observation first,
            Observation second, int width) {
        Words w = c.words();
        GapDecomposition gap = GapDecomposition.of(fit, first, second);
        List<GapDecomposition.Part> explained = gap.parts().stream()
                .filter(p -> !UNEXPLAINED.contains(p.dimension()) && Math.abs(p.points()) >= 0.05)
                .sorted(Comparator.comparingDouble(p -> -Math.abs(p.points()))).limit(2).toList();
        double rest = gap.parts().stream().filter(p -> UNEXPLAINED.contains(p.dimension()))
                .mapToDouble(GapDecomposition.Part::points).sum();
        StringBuilder text = new StringBuilder(w.get("gaps.sentence.gap", w.figure(first),
                w.percent(first.figure().proportion()), w.figure(second), w.percent(second.figure().proportion()),
                w.points(gap.pointsGap())));
        if (!explained.isEmpty()) {
            text.append(' ').append(w.get("gaps.sentence.parts", String.join(" " + w.get("gaps.and") + " ",
                    explained.stream().map(p -> w.get("gaps.part", w.get("part." + p.dimension()),
                            w.points(p.points()), w.points(p.lowestPoints()), w.points(p.highestPoints()))).toList())));
        }
        text.append(' ').append(w.get("gaps.sentence.rest", w.points(rest)));
        html.element("p", text.toString());
        html.chart(GapWaterfall.of(gap, w.study(second.study()), w.study(first.study()),
                ChartSpec.builder().language(w.language()).build()), w.figure(second) + " → " + w.figure(first),
                width);
        return gap;
    }

    /** Every part of a gap: its points, its 95 % interval, and its range with one other study left out. */
    private static void parts(Html html, Words w, GapDecomposition gap) {
        double z = 1.959963984540054;
        List<List<String>> rows = new ArrayList<>();
        for (GapDecomposition.Part p : gap.parts()) {
            double half = z * gap.pointsStandardError(p);
            rows.add(List.of(Html.escape(w.get("part." + p.dimension())), Html.escape(w.points(p.points())),
                    Html.escape(w.points(p.points() - half) + " / " + w.points(p.points() + half)),
                    Html.escape(w.points(p.lowestPoints()) + " / " + w.points(p.highestPoints())
                            + (p.stable() ? "" : " " + w.get("gaps.crosses")))));
        }
        html.table(List.of(w.get("gaps.header").split("\\|")), rows);
    }

    /**
     * What the reader of a gap must know, in the page's words: what the private-survey part merges when the two
     * figures differ in it, and each part of a point or more whose sign changes when one study is left out
     * ({@link GapDecomposition#notes()}, which says the same in English).
     */
    private static void notes(Html html, Words w, AdoptionModel.Fit fit, GapDecomposition gap, Observation first,
            Observation second) {
        if (privateSurvey(first) != privateSurvey(second)) {
            long carriers = fit.data().entries().stream().map(AdoptionData.Entry::figure)
                    .filter(GapsSection::privateSurvey).map(o -> o.study().id()).distinct().count();
            html.note(w.get("gaps.note.private", carriers));
        }
        for (GapDecomposition.Part p : gap.parts()) {
            if (!p.stable() && Math.abs(p.points()) >= 1) {
                html.note(w.get("gaps.note.unstable", w.get("part." + p.dimension()), w.points(p.lowestPoints()),
                        w.points(p.highestPoints())));
            }
        }
    }

    /** Whether a figure comes from a private survey: any survey but a probability sample from a register. */
    private static boolean privateSurvey(Observation figure) {
        return figure.study().method().sampling() != Sampling.PROBABILITY;
    }
}
