package org.smesurvey.stats.harmonisation;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import org.smesurvey.core.ReferencePopulation;
import org.smesurvey.core.SizeBand;
import org.smesurvey.core.SizeClass;
import org.smesurvey.core.SizeClassScheme;

/**
 * Re-expresses figures reported on one set of size bands on another band, using a reference population of
 * enterprises: Destatis' 44 % (10–49), 61 % (50–249) and 79 % (250+) give the 10+ figure when weighted by the
 * number of German enterprises in each band.
 *
 * <p>Each source band's part inside the target is weighted by the enterprises the population counts there
 * ({@link Reweighted}). A source band only partly inside the target contributes with its own proportion (the
 * proportion is assumed uniform within it: {@link Caveat#PARTIAL_OVERLAP}, and
 * {@link Caveat#BOUNDARY_DIFFERENCE} when the part differs by one employee count, as the EU "fewer than 50"
 * and the UK "not more than 50"); a part the population does not count is given the share of a wider counted
 * band that Zipf's law puts in it [3] ({@link Caveat#COUNTS_SPLIT_BY_SIZE_LAW}, the population and the share in
 * {@link Reweighted#assumptions()}): France's register of 2015 counts 140,000 enterprises of 10–249 as one band,
 * of which Zipf's law puts 83.3 % in 10–49, where their widths would put 16.7 %. The target must be covered
 * entirely by the source bands.
 *
 * <p>This is the direct standardisation of [1] with the population of the target band as the standard; the
 * weights are treated as known, so the variance is that of a stratified estimator [2, §5A].
 *
 * <p>References:
 * <ol>
 * <li>Fleiss, J. L., Levin, B. and Paik, M. C. (2003). <i>Statistical Methods for Rates and
 *     Proportions</i>, 3rd ed. Wiley, §19.3.</li>
 * <li>Cochran, W. G. (1977). <i>Sampling Techniques</i>, 3rd ed. Wiley, §5.3 (variance of a stratified
 *     mean).</li>
 * <li>Axtell, R. L. (2001). Zipf distribution of U.S. firm sizes. <i>Science</i> 293, 1818–1820.
 *     doi:10.1126/science.1062081.</li>
 * </ol>
 *
 * @since 0.1
 */
public final class SizeHarmonisation {
    private SizeHarmonisation() {
    }

    /**
     * The proportion for {@code target} from figures for other bands.
     *
     * @param figures figures for disjoint bands, such as one study's size classes
     * @param target the band to re-express them on
     * @param population the enterprises of the figures' region, counted by band
     * @return the re-weighted proportion with its standard error and caveats
     * @throws IllegalArgumentException if the figures' bands overlap, do not cover the target, or the
     *         population cannot count a part
     */
    public static Reweighted reexpress(List<SizeFigure> figures, SizeBand target, ReferencePopulation population) {
        Objects.requireNonNull(figures, "figures");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(population, "population");
        List<SizeFigure> sorted = figures.stream().sorted((a, b) -> a.band().compareTo(b.band())).toList();
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i - 1).band().overlaps(sorted.get(i).band())) {
                throw new IllegalArgumentException("Source bands overlap: " + sorted.get(i - 1).band() + " and "
                        + sorted.get(i).band() + "; give figures for disjoint bands");
            }
        }
        List<SizeFigure> inside = new ArrayList<>();
        List<SizeBand> parts = new ArrayList<>();
        for (SizeFigure figure : sorted) {
            figure.band().intersection(target).ifPresent(part -> {
                inside.add(figure);
                parts.add(part);
            });
        }
        List<SizeBand> gaps = EnterpriseCounts.uncovered(target, parts);
        if (!gaps.isEmpty()) {
            throw new IllegalArgumentException("The figures do not cover " + target + ": nothing for " + gaps);
        }
        return combine(target, inside, parts, new EnterpriseCounts(population));
    }

    /**
     * The proportion for every class of a scheme that the figures cover, such as the Eurostat classes from a
     * study's own bands.
     *
     * @param figures figures for disjoint bands
     * @param scheme the scheme to re-express them on
     * @param population the enterprises counted by band
     * @return one result per covered class, in the scheme's order
     * @throws IllegalArgumentException if the figures' bands overlap or the population cannot count a part
     */
    public static List<Reweighted> reexpress(List<SizeFigure> figures, SizeClassScheme scheme,
            ReferencePopulation population) {
        Objects.requireNonNull(figures, "figures");
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(population, "population");
        List<Reweighted> results = new ArrayList<>();
        for (SizeClass c : scheme.classes()) {
            List<SizeBand> parts = figures.stream().map(f -> f.band().intersection(c.band()))
                    .flatMap(java.util.Optional::stream).toList();
            if (EnterpriseCounts.uncovered(c.band(), parts).isEmpty()) {
                results.add(reexpress(figures, c.band(), population));
            }
        }
        return results;
    }

    /** The weighted combination of figures over their parts; shared with {@link DirectStandardisation}. */
    static Reweighted combine(SizeBand target, List<SizeFigure> figures, List<SizeBand> parts, EnterpriseCounts counts) {
        Set<Caveat> caveats = EnumSet.noneOf(Caveat.class);
        double[] enterprises = new double[figures.size()];
        List<List<CountSplit>> splits = new ArrayList<>();
        double total = 0;
        for (int i = 0; i < figures.size(); i++) {
            EnterpriseCounts.Count count = counts.of(parts.get(i));
            enterprises[i] = count.enterprises();
            splits.add(count.splits());
            total += enterprises[i];
            SizeBand source = figures.get(i).band();
            SizeBand part = parts.get(i);
            if (!part.equals(source)) {
                caveats.add(Caveat.PARTIAL_OVERLAP);
                boolean oneOff = Math.abs((long) part.min() - source.min()) == 1
                        || Math.abs((long) part.max() - source.max()) == 1;
                if (oneOff) {
                    caveats.add(Caveat.BOUNDARY_DIFFERENCE);
                }
            }
            if (!count.splits().isEmpty()) {
                caveats.add(Caveat.COUNTS_SPLIT_BY_SIZE_LAW);
            }
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("The population counts no enterprise in " + target);
        }
        double proportion = 0;
        double variance = 0;
        boolean varianceKnown = true;
        List<Contribution> contributions = new ArrayList<>();
        for (int i = 0; i < figures.size(); i++) {
            SizeFigure figure = figures.get(i);
            double weight = enterprises[i] / total;
            proportion += weight * figure.proportion();
            if (figure.variance().isPresent()) {
                variance += weight * weight * figure.variance().getAsDouble();
            } else {
                varianceKnown = false;
            }
            contributions.add(new Contribution(figure.band(), parts.get(i), enterprises[i], weight, splits.get(i)));
        }
        if (!varianceKnown) {
            caveats.add(Caveat.NO_VARIANCE);
        }
        return new Reweighted(target, proportion, varianceKnown ? OptionalDouble.of(Math.sqrt(variance))
                : OptionalDouble.empty(), contributions, caveats);
    }
}
