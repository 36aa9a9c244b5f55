package org.smesurvey.stats.harmonisation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.smesurvey.core.NaceSection;
import org.smesurvey.core.Observation;
import org.smesurvey.core.ReferencePopulation;
import org.smesurvey.core.ReferencePopulations;
import org.smesurvey.core.Sectors;
import org.smesurvey.core.SizeBand;
import org.smesurvey.core.SizeClassScheme;
import org.smesurvey.core.StudyCatalogue;

/**
 * Every study of a catalogue that publishes a figure by size class, re-expressed on the whole band its classes
 * cover ({@link SizeHarmonisation#reexpress}), weighted by the enterprises of its country — and set beside the
 * study's own figure for that band when it publishes one, which checks the method.
 *
 * <p>The reference population is chosen by {@link #candidates}: a count of the whole economy of the figure's
 * region, the one closest in year first; else a register split by NACE section, summed over the sections the
 * study covers — its stated sectors or, for the EU ICT survey, {@link Sectors#ICT_SURVEY}. The first candidate
 * that counts every class is used.
 *
 * @since 0.1
 */
public final class CatalogueHarmonisation {

    /**
     * One study's size classes re-expressed on the band they cover.
     *
     * @param classes the figures by size class, in band order
     * @param target the band they cover together
     * @param population the population they were weighted by
     * @param result the re-expressed figure
     * @param published the study's own figure for {@code target}, when it publishes one
     */
    public record Case(List<Observation> classes, SizeBand target, ReferencePopulation population, Reweighted result,
            Optional<Observation> published) {

        /**
         * Copies the classes.
         *
         * @param classes the figures by size class, in band order
         * @param target the band they cover together
         * @param population the population they were weighted by
         * @param result the re-expressed figure
         * @param published the study's own figure for {@code target}, when it publishes one
         */
        public Case {
            classes = List.copyOf(Objects.requireNonNull(classes, "classes"));
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(population, "population");
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(published, "published");
        }
    }

    private CatalogueHarmonisation() {
    }

    /**
     * The cases of a catalogue: each group of figures of one study, indicator, region, year, platform and scope
     * whose finest bands are contiguous size classes, re-expressed with the first population that counts them.
     *
     * @param catalogue the figures
     * @param populations the enterprise counts to weigh with
     * @return the cases, in catalogue order
     */
    public static List<Case> of(StudyCatalogue catalogue, ReferencePopulations populations) {
        Objects.requireNonNull(catalogue, "catalogue");
        Objects.requireNonNull(populations, "populations");
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
                Optional<Reweighted> result = reexpress(figures, target, population);
                if (result.isPresent()) {
                    cases.add(new Case(classes, target, population, result.get(), published));
                    break;
                }
            }
        }
        return cases;
    }

    /**
     * The populations a figure can be weighted by, best first: the counts of the whole economy of its region,
     * by closeness in year, then the sum of the register's counts over the NACE sections the study covers, when
     * the register has each of them.
     *
     * @param figure the figure
     * @param populations the populations to choose from
     * @return the candidates, perhaps none
     */
    public static List<ReferencePopulation> candidates(Observation figure, ReferencePopulations populations) {
        Objects.requireNonNull(figure, "figure");
        Objects.requireNonNull(populations, "populations");
        int year = figure.effectiveYear().orElse(0);
        List<ReferencePopulation> regional = populations.forRegion(figure.region());
        List<ReferencePopulation> candidates = new ArrayList<>(regional.stream()
                .filter(p -> p.sectors().isEmpty())
                .sorted(Comparator.comparingInt(p -> Math.abs(p.year() - year))).toList());
        Set<NaceSection> covered = figure.study().population().sectors().map(Sectors::sections)
                .orElse(figure.study().population().sizeScheme().equals(SizeClassScheme.EUROSTAT_ICT)
                        ? Sectors.ICT_SURVEY.sections() : Set.of());
        // One register population per section: those of a single section the study covers, one per section.
        Map<NaceSection, ReferencePopulation> parts = new LinkedHashMap<>();
        for (ReferencePopulation p : regional) {
            Optional<Set<NaceSection>> sections = p.sectors().map(Sectors::sections);
            if (sections.isPresent() && sections.get().size() == 1 && covered.containsAll(sections.get())) {
                parts.putIfAbsent(sections.get().iterator().next(), p);
            }
        }
        if (!parts.isEmpty() && parts.size() == covered.size()) {
            List<ReferencePopulation> sections = List.copyOf(parts.values());
            candidates.add(ReferencePopulation.sum(sections.get(0).id().replaceFirst("_[A-U]$", "") + "_SECTIONS",
                    "NACE sections " + parts.keySet().stream().map(Enum::name).sorted().collect(Collectors.joining(", ")),
                    sections));
        }
        return candidates;
    }

    private static Optional<Reweighted> reexpress(List<SizeFigure> figures, SizeBand target,
            ReferencePopulation population) {
        try {
            return Optional.of(SizeHarmonisation.reexpress(figures, target, population));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // this population does not count every class
        }
    }

    /** The group's bands that contain no other of its bands, in order: the size classes, not their total. */
    private static List<Observation> finest(List<Observation> group) {
        return group.stream().filter(o -> group.stream().noneMatch(other -> other != o
                && !other.sizeBand().equals(o.sizeBand())
                && o.sizeBand().orElseThrow().contains(other.sizeBand().orElseThrow())))
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
}
