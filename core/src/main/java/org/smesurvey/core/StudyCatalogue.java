package org.smesurvey.core;

import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * An immutable collection of studies and the figures they published.
 *
 * <p>Read one from CSV with {@link org.smesurvey.core.csv.CatalogueReader}, take the real published figures
 * shipped with smesurvey with {@link org.smesurvey.core.bundled.Bundled#catalogue()}, or build one with
 * {@link #of(Collection, Collection)}. Narrow it
 * with {@link #filter(Predicate)} and the predicates of {@link ObservationFilters}:
 *
 * <pre>{@code
 * StudyCatalogue french = Bundled.catalogue()
 *         .filter(ObservationFilters.region(Region.of("FR")).and(ObservationFilters.scope(NetworkScope.EXTERNAL)));
 * }</pre>
 *
 * <p>Instances are immutable and safe to share between threads.
 *
 * @since 0.1
 */
public final class StudyCatalogue {

    private final Map<String, Study> studies;
    private final List<Observation> observations;

    private StudyCatalogue(Map<String, Study> studies, List<Observation> observations) {
        this.studies = studies;
        this.observations = observations;
    }

    /**
     * A catalogue of these studies and observations, in the given order.
     *
     * @param studies the studies, with distinct ids
     * @param observations the observations, each of a study in {@code studies}
     * @return the catalogue
     * @throws NullPointerException if an argument or element is null
     * @throws IllegalArgumentException if two studies share an id, or an observation's study is not among
     *         {@code studies}
     */
    public static StudyCatalogue of(Collection<Study> studies, Collection<Observation> observations) {
        Objects.requireNonNull(studies, "studies");
        Objects.requireNonNull(observations, "observations");
        Map<String, Study> byId = new LinkedHashMap<>();
        for (Study study : studies) {
            Objects.requireNonNull(study, "study");
            if (byId.putIfAbsent(study.id(), study) != null) {
                throw new IllegalArgumentException("Study id is repeated: " + study.id());
            }
        }
        List<Observation> copy = List.copyOf(observations);
        for (Observation observation : copy) {
            if (!observation.study().equals(byId.get(observation.study().id()))) {
                throw new IllegalArgumentException(
                        "Observation refers to a study not in the catalogue: " + observation.study().id());
            }
        }
        return new StudyCatalogue(Collections.unmodifiableMap(byId), copy);
    }

    /**
     * The catalogues together, in the given order: their studies and figures, each study once. A study found in
     * two catalogues with the same contents and the same figures (the same file read twice) is kept once; an id
     * found with different contents, or two studies whose size-class schemes share an id but not their classes,
     * is a conflict that no rule can settle, and every conflict is reported.
     *
     * @param catalogues the catalogues, such as the bundled one and a user's own
     * @return the union
     * @throws IllegalArgumentException if ids conflict; the message names each
     */
    public static StudyCatalogue union(List<StudyCatalogue> catalogues) {
        Objects.requireNonNull(catalogues, "catalogues");
        Map<String, Study> studies = new LinkedHashMap<>();
        Map<String, List<Observation>> figures = new LinkedHashMap<>();
        Map<String, SizeClassScheme> schemes = new LinkedHashMap<>();
        Set<String> conflicts = new TreeSet<>();
        for (StudyCatalogue catalogue : catalogues) {
            Objects.requireNonNull(catalogue, "catalogue");
            for (Study study : catalogue.studies()) {
                List<Observation> own = catalogue.observationsOf(study);
                Study known = studies.putIfAbsent(study.id(), study);
                if (known == null) {
                    figures.put(study.id(), own);
                } else if (!known.equals(study) || !figures.get(study.id()).equals(own)) {
                    conflicts.add("study " + study.id() + " is in two catalogues with different contents");
                }
                SizeClassScheme scheme = study.population().sizeScheme();
                SizeClassScheme seen = schemes.putIfAbsent(scheme.id(), scheme);
                if (seen != null && !seen.equals(scheme)) {
                    conflicts.add("size-class scheme " + scheme.id() + " has different classes in two catalogues");
                }
            }
        }
        if (!conflicts.isEmpty()) {
            throw new IllegalArgumentException("The catalogues cannot be joined: " + String.join("; ", conflicts));
        }
        return of(studies.values(), figures.values().stream().flatMap(List::stream).toList());
    }

    /**
     * The studies, in catalogue order.
     *
     * @return the studies
     */
    public List<Study> studies() {
        return List.copyOf(studies.values());
    }

    /**
     * The observations, in catalogue order.
     *
     * @return the observations
     */
    public List<Observation> observations() {
        return observations;
    }

    /**
     * The study with this id.
     *
     * @param id a study id
     * @return the study, empty if none has this id
     */
    public Optional<Study> study(String id) {
        return Optional.ofNullable(studies.get(id));
    }

    /**
     * The observations a study published.
     *
     * @param study a study of this catalogue
     * @return its observations, in catalogue order
     */
    public List<Observation> observationsOf(Study study) {
        return observations.stream().filter(o -> o.study().equals(study)).toList();
    }

    /**
     * The observations that match, with the studies they belong to.
     *
     * @param predicate which observations to keep, such as {@code ObservationFilters.indicator("social_networks")}
     * @return a new catalogue; studies with no matching observation are left out
     */
    public StudyCatalogue filter(Predicate<? super Observation> predicate) {
        List<Observation> kept = observations.stream().filter(predicate).toList();
        Set<String> ids = kept.stream().map(o -> o.study().id()).collect(Collectors.toSet());
        Map<String, Study> keptStudies = new LinkedHashMap<>();
        studies.forEach((id, study) -> {
            if (ids.contains(id)) {
                keptStudies.put(id, study);
            }
        });
        return new StudyCatalogue(Collections.unmodifiableMap(keptStudies), kept);
    }

    /**
     * The indicator codes in use, sorted.
     *
     * @return the codes
     */
    public Set<String> indicatorCodes() {
        return observations.stream().map(o -> o.indicator().code()).collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * The size-class schemes the studies use, built-in ones first, each once.
     *
     * @return the schemes
     */
    public List<SizeClassScheme> sizeSchemes() {
        Set<SizeClassScheme> schemes = new LinkedHashSet<>();
        studies.values().stream().map(s -> s.population().sizeScheme())
                .sorted(Comparator.comparing(SizeClassScheme::isBuiltIn).reversed())
                .forEach(schemes::add);
        return List.copyOf(schemes);
    }

    /**
     * Whether the catalogue has no observation.
     *
     * @return {@code true} if empty
     */
    public boolean isEmpty() {
        return observations.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StudyCatalogue that
                && studies().equals(that.studies()) && observations.equals(that.observations);
    }

    @Override
    public int hashCode() {
        return Objects.hash(studies(), observations);
    }

    @Override
    public String toString() {
        return "StudyCatalogue[" + studies.size() + " studies, " + observations.size() + " observations]";
    }
}
