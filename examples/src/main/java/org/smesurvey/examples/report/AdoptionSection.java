package org.smesurvey.examples.report;

import static org.smesurvey.examples.report.Html.escape;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.smesurvey.charts.ChartSpec;
import org.smesurvey.charts.DiffusionChart;
import org.smesurvey.core.NetworkScope;
import org.smesurvey.core.Sampling;
import org.smesurvey.core.SizeBand;
import org.smesurvey.stats.Interval;
import org.smesurvey.stats.adoption.AdoptionData;
import org.smesurvey.stats.adoption.AdoptionModel;
import org.smesurvey.stats.meta.Coefficient;
import org.smesurvey.stats.meta.Prediction;

/**
 * Section 1, what the figures say: the adoption model's diffusion chart by size class, the predicted share of
 * firms on social media per size class for the EU and the countries with enough figures (the latest year with
 * figures and the year asked for), and the year each size class reaches 50 % and 80 %. The EU is the first region
 * when it has {@value #EU_FIGURES} figures from two studies; a country needs {@value #ENOUGH_FIGURES}.
 */
final class AdoptionSection {

    /** The Eurostat ICT survey's size classes, the ones most figures use. */
    static final List<SizeBand> CLASSES = List.of(SizeBand.of(10, 49), SizeBand.of(50, 249), SizeBand.atLeast(250));
    /** A country enters the headline table with at least this many figures from two studies or more. */
    private static final int ENOUGH_FIGURES = 10;
    /** The EU's figures are few (most official figures are national) but its estimate is the one asked for. */
    private static final int EU_FIGURES = 5;
    private static final String INDICATOR = "social_media_any";

    private AdoptionSection() {
    }

    static void write(Html html, ReportContext c) {
        Words w = c.words();
        html.raw("<section id='adoption'>").element("h2", w.get("adoption.title"));
        if (c.fit().isEmpty()) {
            html.note(w.get("left.out", c.noModel()));
            html.raw("</section>");
            return;
        }
        AdoptionModel.Fit fit = c.fit().get();
        AdoptionData data = fit.data();
        html.element("p", w.get("adoption.lead", fit.result().k(), fit.result().clusters(), data.excluded().size(),
                causes(data.excluded(), w)));
        Coefficient year = fit.result().coefficients().get(1);
        html.element("p", w.get("adoption.odds", String.format(w.locale(), "%.2f", Math.exp(year.estimate())),
                String.format(w.locale(), "%.2f", Math.exp(year.lower())),
                String.format(w.locale(), "%.2f", Math.exp(year.upper()))));
        long assumed = data.entries().stream().filter(e -> e.precision() != AdoptionData.Precision.PUBLISHED).count();
        String range = AdoptionModel.sensitivity(c.catalogue(), 250, 4000).stream()
                .map(f -> String.format(w.locale(), "%.3f", Math.exp(f.result().coefficients().get(1).estimate())))
                .collect(Collectors.joining(" / "));
        html.element("p", w.get("adoption.assumed", assumed, String.format(w.locale(), "%,d",
                AdoptionData.ASSUMED_SAMPLE), String.format(w.locale(), "%.3f", Math.exp(year.estimate())), range));
        if (!c.added().isEmpty()) {
            List<AdoptionData.Excluded> out = data.excluded().stream().filter(x -> c.isAdded(x.figure())).toList();
            html.element("p", w.get("adoption.yours", data.entries().stream().filter(e -> c.isAdded(e.figure()))
                    .count(), out.size(), out.isEmpty() ? "—" : causes(out, w)));
        }

        String indicator = indicator(data);
        List<String> regions = regions(data);
        String reference = regions.get(0);
        int now = data.entries().stream().mapToInt(AdoptionData.Entry::year).max().orElseThrow();
        List<AdoptionModel.Kind> kinds = CLASSES.stream().map(b -> kind(b, indicator, reference)).toList();
        html.chart(DiffusionChart.of(fit, kinds, CLASSES.stream().map(w::size).toList(), Math.max(now, c.year()),
                ChartSpec.builder().language(w.language()).build()), w.get("adoption.chart", region(reference, w)));

        html.element("p", w.get("adoption.table", now, c.year(), c.year()));
        for (int y : now == c.year() ? new int[] {now} : new int[] {now, c.year()}) {
            html.element("h3", String.valueOf(y));
            List<String> header = new ArrayList<>(List.of(w.get("adoption.region")));
            CLASSES.forEach(b -> header.add(w.size(b)));
            List<List<String>> rows = new ArrayList<>();
            for (String region : regions) {
                List<String> row = new ArrayList<>(List.of(escape(region(region, w))));
                for (SizeBand band : CLASSES) {
                    row.add(cell(fit.predict(kind(band, indicator, region), y), w));
                }
                rows.add(row);
            }
            html.table(header, rows);
        }

        html.element("p", w.get("adoption.reach", region(reference, w)));
        List<List<String>> reach = new ArrayList<>();
        for (SizeBand band : CLASSES) {
            AdoptionModel.Kind kind = kind(band, indicator, reference);
            reach.add(List.of(escape(w.size(band)), reaching(fit, kind, 0.5, w), reaching(fit, kind, 0.8, w)));
        }
        html.table(List.of(w.get("adoption.reach.class"), w.get("adoption.reach.half"), w.get("adoption.reach.most")),
                reach);
        html.raw("</section>");
    }

    static AdoptionModel.Kind kind(SizeBand band, String indicator, String region) {
        return new AdoptionModel.Kind(band, indicator, NetworkScope.MIXED, Sampling.PROBABILITY, region, "unknown");
    }

    /** Any social media, the official surveys' headline; else the indicator with the most figures. */
    static String indicator(AdoptionData data) {
        Map<String, Long> counts = data.entries().stream()
                .collect(Collectors.groupingBy(e -> e.figure().indicator().code(), Collectors.counting()));
        return counts.containsKey(INDICATOR) ? INDICATOR : counts.entrySet().stream()
                .max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    /**
     * The regions of the headline: the EU (its latest composition among the figures) first, then the countries
     * with at least {@value #ENOUGH_FIGURES} figures from two studies or more, most figures first; the first is the
     * one the chart and the reach table are drawn for.
     */
    static List<String> regions(AdoptionData data) {
        Map<String, List<AdoptionData.Entry>> byRegion = data.entries().stream()
                .collect(Collectors.groupingBy(e -> e.figure().region().code()));
        List<String> regions = new ArrayList<>();
        for (String eu : List.of("EU27_2020", "EU28")) {
            if (byRegion.containsKey(eu) && enough(byRegion.get(eu), EU_FIGURES)) {
                regions.add(eu);
                break;
            }
        }
        byRegion.entrySet().stream()
                .filter(e -> !e.getKey().startsWith("EU") && enough(e.getValue(), ENOUGH_FIGURES))
                .sorted(Comparator.comparingInt((Map.Entry<String, List<AdoptionData.Entry>> e) -> -e.getValue().size())
                        .thenComparing(Map.Entry::getKey))
                .forEach(e -> regions.add(e.getKey()));
        if (regions.isEmpty()) {
            regions.add(byRegion.entrySet().stream().max(Comparator.comparingInt(e -> e.getValue().size()))
                    .orElseThrow().getKey());
        }
        return regions;
    }

    private static boolean enough(List<AdoptionData.Entry> entries, int figures) {
        return entries.size() >= figures
                && entries.stream().map(e -> e.figure().study().id()).distinct().count() >= 2;
    }

    static String region(String code, Words w) {
        return org.smesurvey.core.Region.of(code).displayName(w.locale());
    }

    private static String cell(Prediction p, Words w) {
        Interval ci = p.confidenceAsProportion();
        Interval pi = p.predictionAsProportion();
        return escape(w.percent(ci.estimate()) + " (" + w.percent(ci.lower()) + "–" + w.percent(ci.upper()) + ") ["
                + w.percent(pi.lower()) + "–" + w.percent(pi.upper()) + "]");
    }

    private static String reaching(AdoptionModel.Fit fit, AdoptionModel.Kind kind, double level, Words w) {
        try {
            double[] year = fit.yearReaching(kind, level);
            if (!Double.isFinite(year[0]) || year[0] < 1990 || year[0] > 2100) {
                return escape(w.get("adoption.reach.never"));
            }
            return escape(String.format(w.locale(), "%.0f (%.0f–%.0f)", year[0], year[0] - 1.96 * year[1],
                    year[0] + 1.96 * year[1]));
        } catch (IllegalStateException e) {
            return escape(w.get("adoption.reach.never"));
        }
    }

    /** The causes of the figures left out, counted: "53 not an adoption rate, 30 no year". */
    static String causes(List<AdoptionData.Excluded> excluded, Words w) {
        Map<AdoptionData.Cause, Integer> counts = new EnumMap<>(AdoptionData.Cause.class);
        excluded.forEach(x -> counts.merge(x.cause(), 1, Integer::sum));
        return counts.entrySet().stream().map(e -> e.getValue() + " " + w.get("cause." + e.getKey().name()))
                .collect(Collectors.joining(", "));
    }
}
