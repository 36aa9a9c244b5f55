package org.smesurvey.examples.report;

import static org.smesurvey.examples.report.Html.escape;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.smesurvey.core.Observation;

/** Section 6, sources: every figure of the catalogue, with or without a base, with the address it was read at. */
final class SourcesSection {

    private SourcesSection() {
    }

    static void write(Html html, ReportContext c) {
        Words w = c.words();
        html.raw("<section id='sources'>").element("h2", w.get("sources.title"));
        html.element("p", w.get("sources.lead"));
        List<List<String>> rows = new ArrayList<>();
        for (Observation o : c.catalogue().observations()) {
            URI source = o.source().or(() -> o.study().sources().stream().findFirst()).orElse(null);
            rows.add(List.of(escape(w.study(o.study())) + "<br><small>" + escape(o.study().id()) + "</small>",
                    escape(w.indicator(o.indicator().code()) + o.platform().map(p -> " (" + p.description() + ")")
                            .orElse("")),
                    escape(o.region().displayName(w.locale())),
                    o.year().isPresent() ? String.valueOf(o.year().getAsInt()) : "—",
                    escape(o.sizeBand().map(w::size).orElse(o.sizeClass().isEmpty() ? "—" : o.sizeClass())),
                    escape(w.percent(o.figure().proportion())),
                    o.figure().base().isPresent() ? String.valueOf(o.figure().base().getAsInt())
                            : escape(w.get("sources.nobase")),
                    source == null ? "—" : "<a href='" + escape(source.toString()) + "'>"
                            + escape(source.getHost() == null ? source.toString() : source.getHost()) + "</a>"));
        }
        html.table(List.of(w.get("sources.header").split("\\|")), rows);
        html.raw("</section>");
    }
}
