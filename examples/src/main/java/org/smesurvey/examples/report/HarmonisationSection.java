package org.smesurvey.examples.report;

import static org.smesurvey.examples.report.Html.escape;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.smesurvey.stats.harmonisation.CatalogueHarmonisation;

/** Section 5, size classes re-expressed on common bands, each checked against the published figure if any. */
final class HarmonisationSection {

    private HarmonisationSection() {
    }

    static void write(Html html, ReportContext c) {
        Words w = c.words();
        html.raw("<section id='harmonisation'>").element("h2", w.get("harmonisation.title"));
        html.element("p", w.get("harmonisation.lead"));
        List<List<String>> rows = new ArrayList<>();
        for (CatalogueHarmonisation.Case x : CatalogueHarmonisation.of(c.catalogue(), c.populations())) {
            String classes = x.classes().stream().map(o -> o.sizeBand().orElseThrow().label() + ": "
                    + w.percent(o.figure().proportion())).collect(Collectors.joining(", "));
            rows.add(List.of(escape(w.study(x.classes().get(0).study())),
                    escape(w.indicator(x.classes().get(0).indicator().code())), escape(classes),
                    escape(x.target().label()), escape(String.format(w.locale(), "%.1f %%", 100 * x.result()
                            .proportion())),
                    x.published().map(o -> escape(w.percent(o.figure().proportion()))).orElse("—"),
                    escape(x.population().scope() + " (" + x.population().region().displayName(w.locale()) + ", "
                            + x.population().year() + ")"),
                    escape(Stream.concat(x.result().caveats().stream().sorted()
                            .map(v -> w.get("caveat." + v.name())), splits(x, w))
                            .collect(Collectors.joining("; ")))));
        }
        if (rows.isEmpty()) {
            html.note(w.get("left.out", w.get("harmonisation.none")));
        } else {
            html.table(List.of(w.get("harmonisation.header").split("\\|")), rows);
        }
        html.raw("</section>");
    }

    /** The register bands split by Zipf's law to weight the case, one sentence each, in the page's language. */
    private static Stream<String> splits(CatalogueHarmonisation.Case x, Words w) {
        return x.result().contributions().stream().flatMap(c -> c.splits().stream())
                .map(s -> w.get("harmonisation.split", s.population(), s.counted().label(), s.part().label(),
                        w.percent(s.fraction()), s.fitted() ? w.get("harmonisation.law.fitted",
                                Math.max(s.counted().min(), 1), String.format(w.locale(), "%.2f", s.exponent()))
                                : w.get("harmonisation.law.zipf")))
                .distinct();
    }
}
