package org.smesurvey.stats.adoption;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import org.smesurvey.core.Observation;
import org.smesurvey.core.ReferencePopulation;
import org.smesurvey.core.ReferencePopulations;
import org.smesurvey.core.SizeBand;
import org.smesurvey.stats.harmonisation.CatalogueHarmonisation;
import org.smesurvey.stats.harmonisation.RateDecomposition;
import org.smesurvey.stats.harmonisation.SizeFigure;

/**
 * Why two studies' size profiles differ: the gap between their overall rates — each study's size-class figures
 * weighted by its own reference population, \( R = \sum_i c_i r_i \) — split first by the exact demographic
 * decomposition (Kitagawa 1955; Das Gupta 1993, see {@link RateDecomposition}) into the <b>size mix</b>
 * \( \sum_i \bar r_i (c_i^A - c_i^B) \) and the size classes' <b>rates</b> \( \sum_i \bar c_i (r_i^A - r_i^B) \),
 * then the rate part by the adoption model: each class's gap \( r_i^A - r_i^B \) is decomposed as two figures are
 * ({@link GapDecomposition}: time, indicator, private survey, country, studies, figures, sampling error; no size
 * part, the two figures of a class having the same band), and each part is summed over the classes with the weights \( \bar c_i = (c_i^A + c_i^B)/2 \). The size
 * mix and the parts add up exactly to the gap.
 *
 * <p>Standard errors, in points: the size mix's by the delta method from the figures' effective samples (those
 * the model weighs them by), the shares taken as known register counts; each model part's from its contrast summed
 * over the classes (\( \sum_i \bar c_i k_i g_i \), with \( k_i \) the points per logit of class i's gap, as
 * {@link GapDecomposition#pointsStandardError} scales one gap), so that the classes' shared coefficients and
 * shared study effects are counted once: \( \sqrt{G'V_βG} \) for a dimension, the prediction error of the summed
 * BLUPs for an unexplained part.
 *
 * @since 0.1
 */
public final class ProfileGap {

    /**
     * One part of the gap between two profiles.
     *
     * @param dimension {@code size mix}, or a part of {@link GapDecomposition}: {@code time}, {@code indicator}, {@code scope}, {@code sampling}, {@code country}, {@code respondent},
     *        {@code studies}, {@code figures}, {@code sampling error}
     * @param points the part in percentage points
     * @param standardError its standard error in percentage points
     */
    public record Part(String dimension, double points, double standardError) {
    }

    private final String firstLabel;
    private final String secondLabel;
    private final ReferencePopulation firstPopulation;
    private final ReferencePopulation secondPopulation;
    private final RateDecomposition.Decomposition decomposition;
    private final List<GapDecomposition> classGaps;
    private final List<Part> parts;

    private ProfileGap(String firstLabel, String secondLabel, ReferencePopulation firstPopulation,
            ReferencePopulation secondPopulation, RateDecomposition.Decomposition decomposition,
            List<GapDecomposition> classGaps, List<Part> parts) {
        this.firstLabel = firstLabel;
        this.secondLabel = secondLabel;
        this.firstPopulation = firstPopulation;
        this.secondPopulation = secondPopulation;
        this.decomposition = decomposition;
        this.classGaps = List.copyOf(classGaps);
        this.parts = List.copyOf(parts);
    }

    /**
     * Decomposes the gap between two size profiles, each weighted by the first of its region's populations that
     * publishes a count for every class, in the order of {@link CatalogueHarmonisation#candidates}: the whole economy's counts
     * closest in year, then the register's counts summed over the sections the study covers.
     *
     * @param fit the adoption model, which every figure entered
     * @param first the first study's figures, one per size class
     * @param second the second study's figures, for the same classes
     * @param populations the populations to weight by
     * @return the decomposition, first minus second
     * @throws IllegalArgumentException as {@link #of(AdoptionModel.Fit, List, ReferencePopulation, List,
     *         ReferencePopulation)}, or if a profile's region has no population that counts every class
     */
    public static ProfileGap of(AdoptionModel.Fit fit, List<Observation> first, List<Observation> second,
            ReferencePopulations populations) {
        Objects.requireNonNull(populations, "populations");
        List<SizeBand> bands = byBand(first).stream().map(o -> o.sizeBand().orElseThrow()).toList();
        return of(fit, first, weighting(first, bands, populations), second, weighting(second, bands, populations));
    }

    /** The first candidate population of a profile's region that counts each of its classes. */
    private static ReferencePopulation weighting(List<Observation> profile, List<SizeBand> bands,
            ReferencePopulations populations) {
        Observation figure = byBand(profile).get(0);
        return CatalogueHarmonisation.candidates(figure, populations).stream()
                .filter(p -> bands.stream().allMatch(b -> p.enterprises(b).isPresent())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No population of " + figure.region().code()
                        + " counts each of the size classes " + bands.stream().map(SizeBand::label).toList()));
    }

    /**
     * Decomposes the gap between two size profiles: figures of the same size classes, one per class, each set
     * weighted by its own population.
     *
     * @param fit the adoption model, which every figure entered
     * @param first the first study's figures, one per size class
     * @param firstPopulation the enterprises the first figures describe, counting each class
     * @param second the second study's figures, for the same classes
     * @param secondPopulation the enterprises the second figures describe
     * @return the decomposition, first minus second
     * @throws IllegalArgumentException if a figure did not enter the model or has no size band, a class has two
     *         figures, the two sets' classes differ or overlap, or a population cannot count a class
     */
    public static ProfileGap of(AdoptionModel.Fit fit, List<Observation> first, ReferencePopulation firstPopulation,
            List<Observation> second, ReferencePopulation secondPopulation) {
        Objects.requireNonNull(fit, "fit");
        List<Observation> a = byBand(first);
        List<Observation> b = byBand(second);
        RateDecomposition.Decomposition kitagawa = RateDecomposition.kitagawa(figures(fit, a), firstPopulation,
                figures(fit, b), secondPopulation);
        // kitagawa has checked that both sets have the same classes, in the same (band) order as a and b.
        List<GapDecomposition> gaps = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            gaps.add(GapDecomposition.of(fit, a.get(i), b.get(i)));
        }
        List<Part> parts = new ArrayList<>();
        parts.add(new Part("size mix", 100 * kitagawa.composition().value(),
                100 * kitagawa.composition().standardError().orElseThrow()));
        int count = gaps.get(0).parts().size();
        for (int j = 0; j < count; j++) {
            if (gaps.get(0).parts().get(j).dimension().equals("size")) {
                continue; // a class's two figures have the same band: no size part within a class
            }
            double points = 0;
            GapDecomposition.Contrast contrast = null;
            for (int i = 0; i < gaps.size(); i++) {
                double weight = kitagawa.classes().get(i).meanShare();
                points += weight * gaps.get(i).parts().get(j).points();
                GapDecomposition.Contrast c = gaps.get(i).contrasts().get(j)
                        .times(weight * gaps.get(i).pointsPerLogit());
                contrast = contrast == null ? c : contrast.plus(c);
            }
            parts.add(new Part(gaps.get(0).parts().get(j).dimension(), points, contrast.standardError(fit)));
        }
        return new ProfileGap(a.get(0).study().id(), b.get(0).study().id(), firstPopulation, secondPopulation,
                kitagawa, gaps, parts);
    }

    private static List<Observation> byBand(List<Observation> figures) {
        Objects.requireNonNull(figures, "figures");
        List<Observation> sorted = figures.stream().sorted(Comparator.comparing((Observation o) -> o.sizeBand()
                .orElseThrow(() -> new IllegalArgumentException("Figure " + o.label() + " has no size band")))).toList();
        if (sorted.isEmpty()) {
            throw new IllegalArgumentException("A profile needs at least one size class");
        }
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).sizeBand().equals(sorted.get(i - 1).sizeBand())) {
                throw new IllegalArgumentException("Two figures for size class " + sorted.get(i).sizeBand().get()
                        .label() + ": " + sorted.get(i - 1).label() + " and " + sorted.get(i).label());
            }
        }
        return sorted;
    }

    /** Each figure with the variance of the effective sample the model weighs it by. */
    private static List<SizeFigure> figures(AdoptionModel.Fit fit, List<Observation> figures) {
        List<SizeFigure> result = new ArrayList<>();
        for (Observation o : figures) {
            AdoptionData.Entry entry = fit.data().entries().stream().filter(e -> e.figure().equals(o)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("Figure " + o.label() + " did not enter the model"));
            double p = o.figure().proportion();
            result.add(new SizeFigure(o.sizeBand().orElseThrow(), p, OptionalDouble.of(p * (1 - p)
                    / entry.sample().size())));
        }
        return result;
    }

    /**
     * The gap between the two overall rates in percentage points.
     *
     * @return first minus second
     */
    public double pointsGap() {
        return 100 * (decomposition.first() - decomposition.second());
    }

    /**
     * The demographic decomposition: the two overall rates, the size mix and the rates, each class's share.
     *
     * @return Kitagawa's decomposition
     */
    public RateDecomposition.Decomposition decomposition() {
        return decomposition;
    }

    /**
     * Each size class's gap, decomposed by the model, in band order.
     *
     * @return one decomposition per class
     */
    public List<GapDecomposition> classGaps() {
        return classGaps;
    }

    /**
     * The size mix, then the model's parts of the rates' part; they add up to {@link #pointsGap()}.
     *
     * @return the parts
     */
    public List<Part> parts() {
        return parts;
    }

    /**
     * The decomposition in words and a table of parts in points with their standard errors.
     *
     * @return the text
     */
    public String summary() {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%s (%.1f %%) against %s (%.1f %%) over"
                + " size classes %s: %+.1f points%n  weighted by %s and %s%n", firstLabel, 100 * decomposition.first(),
                secondLabel, 100 * decomposition.second(), decomposition.classes().stream().map(c -> c.band().label())
                .toList(), pointsGap(), firstPopulation.id(), secondPopulation.id()));
        for (Part p : parts) {
            text.append(String.format(Locale.ROOT, "  %-14s %+6.1f points (SE %.1f)%n", p.dimension(), p.points(),
                    p.standardError()));
        }
        classGaps.stream().flatMap(g -> g.notes().stream()).distinct()
                .forEach(n -> text.append("  note: ").append(n).append('\n'));
        return text.toString().stripTrailing();
    }

    /**
     * The populations the two profiles are weighted by.
     *
     * @return the first's then the second's
     */
    public List<ReferencePopulation> populations() {
        return List.of(firstPopulation, secondPopulation);
    }

    /**
     * The size classes compared.
     *
     * @return their bands, in order
     */
    public List<SizeBand> classes() {
        return decomposition.classes().stream().map(RateDecomposition.ClassPart::band).toList();
    }
}
