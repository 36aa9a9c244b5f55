package org.smesurvey.examples.report;

import static org.smesurvey.examples.report.Html.escape;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.MissingResourceException;
import org.smesurvey.charts.ChartSpec;
import org.smesurvey.charts.ComparabilityMap;
import org.smesurvey.core.Sampling;
import org.smesurvey.core.Study;
import org.smesurvey.core.StudyCatalogue;
import org.smesurvey.stats.comparability.Adjustment;
import org.smesurvey.stats.comparability.Assessment;
import org.smesurvey.stats.comparability.ComparabilityCheck;
import org.smesurvey.stats.comparability.ComparabilityReport;
import org.smesurvey.stats.comparability.Dimension;
import org.smesurvey.stats.comparability.Verdict;

/**
 * Section 3, comparability, compact: the studies grouped by how they chose the firms they asked (official and
 * other probability surveys, panels, convenience samples, not stated), the verdicts within each group, what stands
 * in the way per dimension and what an adjustment settles (the adoption model adjusts years and sizes), and a
 * study-by-study map only for a group small enough to read.
 */
final class ComparabilitySection {

    /** The most studies a map is drawn for: beyond, its labels and cells are too small to read. */
    static final int MAP_MAX = 12;

    private ComparabilitySection() {
    }

    static void write(Html html, ReportContext c) {
        Words w = c.words();
        StudyCatalogue catalogue = c.catalogue();
        ComparabilityCheck check = c.fit().map(f -> ComparabilityCheck.withDefaults().withModel(f))
                .orElse(ComparabilityCheck.withDefaults());
        List<Study> studies = catalogue.studies();
        Map<Sampling, List<Study>> groups = new EnumMap<>(Sampling.class);
        studies.forEach(s -> groups.computeIfAbsent(s.method().sampling(), k -> new ArrayList<>()).add(s));
        Map<Verdict, Integer> all = new EnumMap<>(Verdict.class);
        Map<Sampling, Map<Verdict, Integer>> within = new EnumMap<>(Sampling.class);
        Map<Dimension, int[]> dimensions = new EnumMap<>(Dimension.class);
        Map<Dimension, Map<Adjustment, Integer>> adjustments = new EnumMap<>(Dimension.class);
        for (int i = 0; i < studies.size(); i++) {
            for (int j = i + 1; j < studies.size(); j++) {
                Study a = studies.get(i);
                Study b = studies.get(j);
                ComparabilityReport r = check.compare(a, catalogue.observationsOf(a), b, catalogue.observationsOf(b));
                all.merge(r.overall(), 1, Integer::sum);
                if (a.method().sampling() == b.method().sampling()) {
                    within.computeIfAbsent(a.method().sampling(), k -> new EnumMap<>(Verdict.class))
                            .merge(r.overall(), 1, Integer::sum);
                }
                for (Assessment x : r.assessments()) {
                    int[] counts = dimensions.computeIfAbsent(x.dimension(), k -> new int[2]);
                    if (x.verdict() == Verdict.NOT_COMPARABLE) {
                        counts[0]++;
                    } else if (x.verdict() == Verdict.AFTER_ADJUSTMENT) {
                        counts[1]++;
                        x.adjustment().ifPresent(adjustment -> adjustments.computeIfAbsent(x.dimension(),
                                k -> new EnumMap<>(Adjustment.class)).merge(adjustment, 1, Integer::sum));
                    }
                }
            }
        }
        html.raw("<section id='comparability'>").element("h2", w.get("comparability.title"));
        html.element("p", w.get("comparability.lead", all.values().stream().mapToInt(Integer::intValue).sum(),
                all.getOrDefault(Verdict.COMPARABLE, 0), all.getOrDefault(Verdict.AFTER_ADJUSTMENT, 0),
                all.getOrDefault(Verdict.UNKNOWN, 0), all.getOrDefault(Verdict.NOT_COMPARABLE, 0)));
        List<List<String>> rows = new ArrayList<>();
        groups.forEach((kind, members) -> {
            Map<Verdict, Integer> v = within.getOrDefault(kind, Map.of());
            rows.add(List.of(escape(w.get("group." + kind.code())), String.valueOf(members.size()),
                    String.format("%d / %d / %d / %d", v.getOrDefault(Verdict.COMPARABLE, 0),
                            v.getOrDefault(Verdict.AFTER_ADJUSTMENT, 0), v.getOrDefault(Verdict.UNKNOWN, 0),
                            v.getOrDefault(Verdict.NOT_COMPARABLE, 0))));
        });
        html.table(List.of(w.get("comparability.groups"), w.get("comparability.studies"),
                w.get("comparability.within")), rows);
        List<List<String>> reasons = new ArrayList<>();
        dimensions.entrySet().stream().filter(e -> e.getValue()[0] + e.getValue()[1] > 0)
                .sorted((x, y) -> Integer.compare(y.getValue()[0], x.getValue()[0]))
                .forEach(e -> reasons.add(List.of(escape(dimension(e.getKey(), w)), String.valueOf(e.getValue()[0]),
                        String.valueOf(e.getValue()[1]), escape(adjustments.getOrDefault(e.getKey(), Map.of())
                                .entrySet().stream().map(a -> adjustment(a.getKey(), w) + " (" + a.getValue() + ")")
                                .collect(java.util.stream.Collectors.joining(", "))))));
        html.table(List.of(w.get("comparability.dimension"), w.get("comparability.pairs"),
                w.get("comparability.adjusted"), w.get("comparability.by")), reasons);
        List<String> tooLarge = new ArrayList<>();
        groups.forEach((kind, members) -> {
            // A map shows a difference or nothing: a group whose pairs all share one verdict gets none.
            long verdicts = within.getOrDefault(kind, Map.of()).values().stream().filter(n -> n > 0).count();
            if (members.size() > MAP_MAX) {
                tooLarge.add(w.get("group." + kind.code()) + ", " + members.size());
            } else if (members.size() >= 2 && verdicts > 1) {
                StudyCatalogue group = catalogue.filter(o -> o.study().method().sampling() == kind);
                html.chart(ComparabilityMap.ofStudies(group, check, w::study, ChartSpec.builder()
                        .language(w.language()).build()), w.get("comparability.map", w.get("group." + kind.code())));
            }
        });
        if (!tooLarge.isEmpty()) {
            html.note(w.get("comparability.nomap", MAP_MAX, String.join("; ", tooLarge)));
        }
        html.raw("</section>");
    }

    /** An adjustment's name in the page's language; English from the library itself. */
    private static String adjustment(Adjustment a, Words w) {
        try {
            return w.get("adjustment." + a.name());
        } catch (MissingResourceException e) {
            return a.description();
        }
    }

    /** A dimension's name in the page's language; English from the library itself. */
    private static String dimension(Dimension d, Words w) {
        try {
            return w.get("dimension." + d.name());
        } catch (MissingResourceException e) {
            return d.description();
        }
    }
}
