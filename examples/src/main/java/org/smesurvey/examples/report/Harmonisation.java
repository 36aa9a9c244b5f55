package org.smesurvey.examples.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.smesurvey.core.NaceSection;
import org.smesurvey.core.Observation;
import org.smesurvey.core.ReferencePopulation;
import org.smesurvey.core.ReferencePopulations;
import org.smesurvey.core.SizeBand;
import org.smesurvey.core.SizeClassScheme;
import org.smesurvey.core.StudyCatalogue;
import org.smesurvey.stats.harmonisation.Reweighted;
import org.smesurvey.stats.harmonisation.SizeFigure;
import org.smesurvey.stats.harmonisation.SizeHarmonisation;

/**
 * The report's size-class harmonisation: each study that publishes a figure by size class gets it re-expressed
 * on the whole band its classes cover, weighted by the enterprises of its country — and set beside the
 * study's own figure for that band when it publishes one, which checks the method.
 *
 * <p>The population is one of the figure's region that counts every class: preferably a single count of the
 * whole economy, the one closest in year; else a register split by NACE section, summed over the sections the
 * study covers — its stated sectors, or for the EU ICT survey its scope, sections C to J and L to N.
 */
final class Harmonisation {

    /** The NACE sections of the EU survey on ICT usage in enterprises (Eurostat methodological manual). */
    static final Set<NaceSection> ICT_SURVEY_SECTIONS = sections();

    private static final Pattern SECTION = Pattern.compile("NACE section ([A-U])\\b");

    /** One study's size classes re-expressed on the band they cover. */
    record Case(List<Observation> classes, SizeBand target, ReferencePopulation population, Reweighted result,
            Optional<Observation> published) {
    }

    private Harmonisation() {
    }

    private static Set<NaceSection> sections() {
        Set<NaceSection> sections = EnumSet.range(NaceSection.C, NaceSection.N);
        sections.remove(NaceSection.K);
        return Set.copyOf(sections);
    }

    static List<Case> of(StudyCatalogue catalogue, ReferencePopulations populations) {
        Map<String, List<Observation>> groups = new LinkedHashMap<>();
        for (Observation o : catalogue.observations()) {
            if (o.sizeBand().isPresent()) {
                String key = String.join("|", o.study().id(), o.indicator().code(), o.region().code(),
                        String.valueOf(o.effectiveYear()), String.valueOf(o.platform()), o.scope().code());
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(o);
            }
        }
        List<Case> cases = new ArrayList<>();
        for (List<Observation> group : groups.values()) {
            List<Observation> classes = finest(group);
            if (classes.size() < 2 || !contiguous(classes)) {
                continue;
            }
            SizeBand first = classes.get(0).sizeBand().orElseThrow();
            SizeBand last = classes.get(classes.size() - 1).sizeBand().orElseThrow();
            SizeBand target = new SizeBand(first.min(), last.max());
            List<SizeFigure> figures = classes.stream().map(SizeFigure::of).toList();
            Optional<Observation> published = group.stream()
                    .filter(o -> o.sizeBand().orElseThrow().equals(target)).findFirst();
            for (ReferencePopulation population : candidates(classes.get(0), populations)) {
                try {
                    Reweighted result = SizeHarmonisation.reexpress(figures, target, population);
                    cases.add(new Case(classes, target, population, result, published));
                    break;
                } catch (IllegalArgumentException e) {
                    // This population does not count every class; try the next one.
                }
            }
        }
        return cases;
    }

    /** The group's bands that contain no other of its bands, in order: the size classes, not their total. */
    private static List<Observation> finest(List<Observation> group) {
        return group.stream().filter(o -> group.stream().noneMatch(other -> other != o
                && !other.sizeBand().equals(o.sizeBand()) && o.sizeBand().orElseThrow().contains(other.sizeBand().orElseThrow())))
                .sorted(Comparator.comparing(o -> o.sizeBand().orElseThrow())).toList();
    }

    private static boolean contiguous(List<Observation> classes) {
        for (int i = 1; i < classes.size(); i++) {
            SizeBand previous = classes.get(i - 1).sizeBand().orElseThrow();
            SizeBand next = classes.get(i).sizeBand().orElseThrow();
            if (previous.isOpenEnded() || next.min() != previous.max() + 1) {
                return false;
            }
        }
        return true;
    }

    /** Populations to try: whole-economy counts of the region by closeness in year, then the summed sections. */
    private static List<ReferencePopulation> candidates(Observation figure, ReferencePopulations populations) {
        int year = figure.effectiveYear().orElse(0);
        List<ReferencePopulation> regional = populations.forRegion(figure.region());
        List<ReferencePopulation> candidates = new ArrayList<>(regional.stream()
                .filter(p -> section(p).isEmpty())
                .sorted(Comparator.comparingInt(p -> Math.abs(p.year() - year))).toList());
        Set<NaceSection> covered = figure.study().population().sectors().map(s -> s.sections())
                .orElse(figure.study().population().sizeScheme().equals(SizeClassScheme.EUROSTAT_ICT)
                        ? ICT_SURVEY_SECTIONS : Set.of());
        List<ReferencePopulation> parts = regional.stream()
                .filter(p -> section(p).filter(covered::contains).isPresent()).toList();
        if (!parts.isEmpty() && parts.size() == covered.size()) {
            candidates.add(ReferencePopulation.sum(parts.get(0).id().replaceFirst("_[A-U]$", "") + "_SECTIONS",
                    "NACE sections " + parts.stream().map(p -> section(p).orElseThrow().name()).sorted().reduce((a, b) -> a + ", " + b)
                            .orElseThrow(), parts));
        }
        return candidates;
    }

    /** The NACE section a register population counts, if its scope names one. */
    private static Optional<NaceSection> section(ReferencePopulation p) {
        Matcher m = SECTION.matcher(p.scope());
        return m.find() ? Optional.of(NaceSection.valueOf(m.group(1))) : Optional.empty();
    }
}
