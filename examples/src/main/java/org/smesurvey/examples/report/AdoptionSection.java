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
import org.smesurvey.core.Region;
import org.smesurvey.core.SizeBand;
import org.smesurvey.stats.Interval;
import org.smesurvey.stats.adoption.AdoptionData;
import org.smesurvey.stats.adoption.AdoptionModel;
import org.smesurvey.stats.adoption.CrossValidation;
import org.smesurvey.stats.meta.YearReached;

/**
 * Section 1, what the figures say: the adoption model in words and how well it predicts the studies it has not seen
 * (each study left out in turn), the speed of diffusion, the model's diffusion chart by size class, the predicted
 * share of firms on social media of any kind as official statistics measure it, per size class and for 10+ (the
 * mix of its classes), for the EU and the countries with enough figures (the latest year with figures and the year
 * asked for), and the year each size class reaches 50 % and 80 %. The EU is the first region when it has
 * {@value #EU_FIGURES} figures from two studies; a country needs {@value #ENOUGH_FIGURES}.
 */
final class AdoptionSection {

    /** The size classes of the EU's definition, each with its own curve in the model. */
    static final List<SizeBand> CLASSES = List.of(SizeBand.of(0, 9), SizeBand.of(10, 49), SizeBand.of(50, 249),
            SizeBand.atLeast(250));
    /** The official surveys' band: firms of 10 or more, the enterprise-weighted mix of the three classes above 9. */
    static final SizeBand TEN_PLUS = SizeBand.atLeast(10);
    /** A country enters the headline table with at least this many figures from two studies or more. */
    private static final int ENOUGH_FIGURES = 10;
    /** The EU's figures are few (most official figures are national) but its estimate is the one asked for. */
    private static final int EU_FIGURES = 5;

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
        html.element("p", w.get("adoption.lead", fit.k(), fit.studyCount(), fit.countries().size(),
                data.excluded().size(), causes(data.excluded(), w)));
        CrossValidation tested = fit.crossValidation();
        html.element("p", w.get("adoption.tested", fit.studyCount(), w.percent(tested.coverage()),
                tested.held().size(), String.format(w.locale(), "%.1f", tested.meanAbsoluteError()),
                w.points(tested.bias())));
        SizeBand smallest = CLASSES.get(0);
        SizeBand largest = CLASSES.get(CLASSES.size() - 1);
        Interval slow = fit.speed(smallest);
        Interval fast = fit.speed(largest);
        html.element("p", w.get("adoption.odds", ratio(slow.estimate(), w), w.size(smallest), ratio(slow.lower(), w),
                ratio(slow.upper(), w), ratio(fast.estimate(), w), w.size(largest), ratio(fast.lower(), w),
                ratio(fast.upper(), w)) + " " + w.get(speedBySize(fit)));
        long assumed = data.entries().stream().filter(e -> e.precision() != AdoptionData.Precision.PUBLISHED).count();
        SizeBand small = CLASSES.get(1);
        String range = AdoptionModel.sensitivity(c.catalogue(), 250, 4000).stream()
                .map(f -> String.format(w.locale(), "%.3f", f.speed(small).estimate()))
                .collect(Collectors.joining(" / "));
        html.element("p", w.get("adoption.assumed", assumed, String.format(w.locale(), "%,d",
                AdoptionData.ASSUMED_SAMPLE), w.size(small), String.format(w.locale(), "%.3f",
                fit.speed(small).estimate()), range));
        if (!c.added().isEmpty()) {
            List<AdoptionData.Excluded> out = data.excluded().stream().filter(x -> c.isAdded(x.figure())).toList();
            html.element("p", w.get("adoption.yours", data.entries().stream().filter(e -> c.isAdded(e.figure()))
                    .count(), out.size(), out.isEmpty() ? "—" : causes(out, w)));
        }

        List<String> regions = regions(data);
        String reference = regions.get(0);
        int now = data.entries().stream().mapToInt(AdoptionData.Entry::year).max().orElseThrow();
        List<AdoptionModel.Question> curves = CLASSES.stream().map(b -> question(b, reference, now)).toList();
        html.chart(DiffusionChart.of(fit, curves, CLASSES.stream().map(w::size).toList(), Math.max(now, c.year()),
                ChartSpec.builder().language(w.language()).build()), w.get("adoption.chart", region(reference, w)));

        List<SizeBand> columns = new ArrayList<>(CLASSES);
        columns.add(TEN_PLUS);
        html.element("p", w.get("adoption.table", now, c.year(), w.size(TEN_PLUS), c.year()));
        for (int y : now == c.year() ? new int[] {now} : new int[] {now, c.year()}) {
            html.element("h3", String.valueOf(y));
            List<String> header = new ArrayList<>(List.of(w.get("adoption.region")));
            columns.forEach(b -> header.add(w.size(b)));
            List<List<String>> rows = new ArrayList<>();
            for (String region : regions) {
                List<String> row = new ArrayList<>(List.of(escape(region(region, w))));
                for (SizeBand band : columns) {
                    row.add(cell(fit.predict(question(band, region, y)), w));
                }
                rows.add(row);
            }
            html.table(header, rows);
        }

        html.element("p", w.get("adoption.reach", region(reference, w)));
        List<List<String>> reach = new ArrayList<>();
        for (SizeBand band : CLASSES) {
            AdoptionModel.Question question = question(band, reference, now);
            reach.add(List.of(escape(w.size(band)), reaching(fit, question, 0.5, w), reaching(fit, question, 0.8, w)));
        }
        html.table(List.of(w.get("adoption.reach.class"), w.get("adoption.reach.half"), w.get("adoption.reach.most")),
                reach);
        html.raw("</section>");
    }

    /** Social media of any kind, as official statistics measure it, for a band of a region in a year. */
    static AdoptionModel.Question question(SizeBand band, String region, int year) {
        return AdoptionModel.Question.builder().band(band).region(Region.of(region)).year(year)
                .indicator(AdoptionModel.REFERENCE_INDICATOR).source(AdoptionModel.Source.OFFICIAL_STATISTICS).build();
    }

    /**
     * Whether the figures tell the speeds of the size classes apart: the sentence's key, by the 95 % interval of the
     * year × log size coefficient (its sign when it excludes 0).
     */
    private static String speedBySize(AdoptionModel.Fit fit) {
        int j = fit.names().indexOf("year × log size");
        if (j < 0) {
            return "adoption.odds.same";
        }
        double estimate = fit.coefficients()[j];
        double half = 1.959963984540054 * Math.sqrt(fit.covariance()[j][j]);
        return estimate - half > 0 ? "adoption.odds.faster" : estimate + half < 0 ? "adoption.odds.slower"
                : "adoption.odds.same";
    }

    private static String ratio(double value, Words w) {
        return String.format(w.locale(), "%.2f", value);
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

    private static String cell(AdoptionModel.Answer a, Words w) {
        Interval ci = a.confidence();
        Interval pi = a.prediction();
        return escape(w.percent(a.share()) + " (" + w.percent(ci.lower()) + "–" + w.percent(ci.upper()) + ") ["
                + w.percent(pi.lower()) + "–" + w.percent(pi.upper()) + "]");
    }

    private static String reaching(AdoptionModel.Fit fit, AdoptionModel.Question question, double share, Words w) {
        try {
            YearReached year = fit.yearReaching(question, share);
            if (!Double.isFinite(year.estimate()) || year.estimate() < 1990 || year.estimate() > 2100) {
                return escape(w.get("adoption.reach.never"));
            }
            return escape(String.format(w.locale(), "%.0f (%.0f–%.0f)", year.estimate(), year.lower(),
                    year.upper()));
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
