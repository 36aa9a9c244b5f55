package org.smesurvey.stats.meta;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.smesurvey.core.Observation;
import org.smesurvey.core.StudyCatalogue;
import org.smesurvey.stats.EffectiveSample;
import org.smesurvey.stats.comparability.ComparabilityCheck;
import org.smesurvey.stats.comparability.ComparabilityReport;
import org.smesurvey.stats.comparability.Dimension;
import org.smesurvey.stats.comparability.Verdict;

/**
 * Which figures of a catalogue can be pooled, and their pools: the policy the report follows, for any tool that
 * pools a catalogue. Figures of one indicator, platform and network scope are pooled only when every pair is
 * comparable, or rests on an assumption, under the default check with region and year set aside — those
 * differences are what the random-effects model's heterogeneity is for. A pool takes one figure per study
 * (the one worth the most companies), so that no sample counts twice; figures with no base, standard error
 * or interval cannot be weighed and stay out. Each pool is fitted with {@link MetaAnalysis#withDefaults()} on
 * the logit scale ({@link ProportionMeasure#PLO}).
 *
 * <p>A pool across countries and years is not one rate: read its prediction interval first.
 *
 * @since 0.1
 */
public final class Pooling {

    /** The check pools are formed under: the default one with region and year set aside. */
    public static final ComparabilityCheck CHECK = ComparabilityCheck.withDefaults().ignoring(Dimension.REGION,
            Dimension.YEAR);

    /**
     * A set of comparable figures and, with two or more, their meta-analysis.
     *
     * @param topic what the figures measure: the indicator, and the platform of a platform figure
     * @param figures the figures, one per study
     * @param result their random-effects meta-analysis
     */
    public record Pool(String topic, List<Observation> figures, Optional<MetaResult> result) {

        /**
         * Copies the figures.
         *
         * @param topic what the figures measure
         * @param figures the figures, one per study
         * @param result their random-effects meta-analysis
         */
        public Pool {
            Objects.requireNonNull(topic, "topic");
            figures = List.copyOf(figures);
            Objects.requireNonNull(result, "result");
        }
    }

    /**
     * A figure that no pool could take, and why.
     *
     * @param figure the figure
     * @param reason why, in words
     */
    public record Alone(Observation figure, String reason) {
    }

    /**
     * The pools of a catalogue, the figures left alone, and how many figures could not be weighed.
     *
     * @param pools the pools of two figures or more
     * @param alone the weighable figures no pool took
     * @param unweighable how many figures have no base, standard error or interval to weigh them by
     */
    public record Result(List<Pool> pools, List<Alone> alone, int unweighable) {

        /**
         * Copies the lists.
         *
         * @param pools the pools of two figures or more
         * @param alone the weighable figures no pool took
         * @param unweighable how many figures could not be weighed
         */
        public Result {
            pools = List.copyOf(pools);
            alone = List.copyOf(alone);
        }
    }

    private Pooling() {
    }

    /**
     * Pools a catalogue's figures, whatever their years.
     *
     * @param catalogue the figures
     * @return the pools and the figures left out
     */
    public static Result of(StudyCatalogue catalogue) {
        return of(catalogue, Integer.MAX_VALUE);
    }

    /**
     * Pools a catalogue's figures whose years lie within {@code yearWindow} of each other: a pool across a decade
     * of diffusion is not one rate. A figure without a year (its own or its study's fieldwork) then stays alone.
     *
     * @param catalogue the figures
     * @param yearWindow the most years between a pool's first and last figure, at least 0
     * @return the pools and the figures left out
     * @throws IllegalArgumentException if the window is negative
     */
    public static Result of(StudyCatalogue catalogue, int yearWindow) {
        Objects.requireNonNull(catalogue, "catalogue");
        if (yearWindow < 0) {
            throw new IllegalArgumentException("Year window is negative: " + yearWindow);
        }
        boolean windowed = yearWindow != Integer.MAX_VALUE;
        Map<String, List<Observation>> topics = new LinkedHashMap<>();
        int unweighable = 0;
        for (Observation o : catalogue.observations()) {
            if (!o.figure().hasBase() || !weighable(o)) {
                unweighable++;
                continue;
            }
            topics.computeIfAbsent(topic(o), t -> new ArrayList<>()).add(o);
        }
        List<Pool> pools = new ArrayList<>();
        List<Alone> alone = new ArrayList<>();
        MetaAnalysis analysis = MetaAnalysis.withDefaults();
        topics.forEach((topic, figures) -> {
            List<List<Observation>> groups = new ArrayList<>();
            List<Observation> ordered = figures.stream()
                    .sorted(Comparator.comparingDouble((Observation o) -> -EffectiveSample.of(o).size())).toList();
            for (Observation figure : ordered) {
                if (windowed && figure.effectiveYear().isEmpty()) {
                    alone.add(new Alone(figure, "no year: it cannot be placed within a window of years"));
                    continue;
                }
                groups.stream().filter(g -> fits(g, figure) && (!windowed || within(g, figure, yearWindow)))
                        .findFirst()
                        .ifPresentOrElse(g -> g.add(figure), () -> groups.add(new ArrayList<>(List.of(figure))));
            }
            for (List<Observation> group : groups) {
                if (group.size() >= 2) {
                    MetaResult result = analysis.fit(EffectSizes.of(ProportionMeasure.PLO, group));
                    pools.add(new Pool(topic, List.copyOf(group), Optional.of(result)));
                } else {
                    alone.add(new Alone(group.get(0), why(group.get(0), figures, windowed ? yearWindow : -1)));
                }
            }
        });
        return new Result(pools, alone, unweighable);
    }

    /** Whether the group's years, with the figure's, span at most the window. */
    private static boolean within(List<Observation> group, Observation figure, int window) {
        int year = figure.effectiveYear().getAsInt();
        return group.stream().allMatch(m -> Math.abs(m.effectiveYear().getAsInt() - year) <= window);
    }

    private static boolean weighable(Observation o) {
        try {
            EffectiveSample.of(o);
            return true;
        } catch (IllegalArgumentException e) {
            return false; // a proportion of 0 or 1 known only with a standard error has no effective sample
        }
    }

    /**
     * What a pool is about: the indicator, for a platform figure the platform, and the network scope.
     *
     * @param o a figure
     * @return its topic, such as {@code platform_use / facebook / external}
     */
    public static String topic(Observation o) {
        Objects.requireNonNull(o, "o");
        return o.indicator().code() + o.platform().map(p -> " / " + p.code()).orElse("") + " / " + o.scope().code();
    }

    private static boolean fits(List<Observation> group, Observation figure) {
        return group.stream().noneMatch(member -> member.study().equals(figure.study())
                || CHECK.compare(member, figure).overall() == Verdict.NOT_COMPARABLE);
    }

    private static String why(Observation figure, List<Observation> topic, int window) {
        List<Observation> others = topic.stream().filter(o -> !o.study().equals(figure.study())).toList();
        if (others.isEmpty()) {
            return "no other study has a weighable figure on this topic";
        }
        if (window >= 0 && others.stream().noneMatch(o -> o.effectiveYear().isPresent()
                && Math.abs(o.effectiveYear().getAsInt() - figure.effectiveYear().getAsInt()) <= window)) {
            return "no other study's figure on this topic is within " + window + " years of it";
        }
        for (Observation other : others) {
            ComparabilityReport report = CHECK.compare(figure, other);
            if (report.overall() == Verdict.NOT_COMPARABLE) {
                return report.assessments().stream().filter(a -> a.verdict() == Verdict.NOT_COMPARABLE)
                        .map(a -> "vs " + other.label() + ", " + a.dimension().description() + ": " + a.reason())
                        .findFirst().orElseThrow();
            }
        }
        return "each comparable figure went to a pool its study already had a figure in";
    }
}
