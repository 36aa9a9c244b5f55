package org.smesurvey.examples.report;

import static org.smesurvey.examples.report.Html.escape;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.smesurvey.core.Observation;
import org.smesurvey.core.Study;

/**
 * Section 6, sources: every study of the catalogue, one row each — its region and fieldwork, how many figures the
 * catalogue holds from it and how many of them publish a base, and every address they were read at. The figures
 * themselves, one per line, are in the catalogue's {@code observations.csv}; listing each here made the page too
 * heavy to read on a phone.
 */
final class SourcesSection {

    private SourcesSection() {
    }

    static void write(Html html, ReportContext c) {
        Words w = c.words();
        html.raw("<section id='sources'>").element("h2", w.get("sources.title"));
        html.element("p", w.get("sources.lead", w.count(c.catalogue().studies().size(), "study"),
                w.count(c.catalogue().observations().size(), "figure")));
        List<List<String>> rows = new ArrayList<>();
        for (Study study : c.catalogue().studies()) {
            List<Observation> figures = c.catalogue().observationsOf(study);
            long based = figures.stream().filter(o -> o.figure().base().isPresent()).count();
            // Where the figures were read: each figure's own address, else its study's, in the catalogue's order.
            Set<URI> sources = new LinkedHashSet<>();
            for (Observation o : figures) {
                o.source().or(() -> study.sources().stream().findFirst()).ifPresent(sources::add);
            }
            if (figures.isEmpty()) {
                sources.addAll(study.sources());
            }
            rows.add(List.of(escape(w.study(study)) + "<br><small>" + escape(study.id()) + "</small>",
                    escape(study.region().displayName(w.locale())),
                    String.valueOf(figures.size()),
                    String.valueOf(based),
                    sources.isEmpty() ? "—" : String.join(" ", sources.stream()
                            .sorted(java.util.Comparator.comparingInt(s -> primary(s) ? 0 : 1)).map(s -> "<a href='"
                            + escape(s.toString()) + "'>" + escape(s.getHost() == null ? s.toString() : s.getHost())
                            + "</a>").toList())));
        }
        // Folded: the table is most of the page's height, and a reader opens it to check a source.
        html.raw("<details><summary>" + escape(w.get("sources.show", w.count(rows.size(), "study"))) + "</summary>");
        html.table(List.of(w.get("sources.header").split("\\|")), rows);
        html.raw("</details></section>");
    }

    /**
     * Whether an address is a statistical office's own (Eurostat's europa.eu, a national office's stat… or .gov…
     * site) rather than a newspaper or blog that reported its figure: such addresses are listed first, so that a
     * reader reaches the primary release before a secondary one.
     */
    static boolean primary(URI source) {
        String host = source.getHost() == null ? "" : source.getHost().toLowerCase(java.util.Locale.ROOT);
        return host.endsWith("europa.eu") || host.matches("(.*\\.)?(stat|statistik|istat|insee|destatis|ons|cso|ine"
                + "|cbs|ssb|scb|dst|statbel|statistics)\\..*") || host.contains(".gov.") || host.endsWith(".gov");
    }
}
