package org.smesurvey.stats.harmonisation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.smesurvey.core.PopulationCount;
import org.smesurvey.core.ReferencePopulation;
import org.smesurvey.core.SizeBand;
import org.smesurvey.stats.internal.ZipfLaw;

/**
 * The number of enterprises in any band, from the counts a population lists: the listed bands that tile it
 * exactly when there are such, else shares of the finest listed bands (those containing no other listed
 * band) that it overlaps, each the share a Pareto law of firm sizes gives the overlap, its exponent fitted to the
 * population's bands from the split band up ({@link #exponent(SizeBand)}), or Zipf's law with too few of them
 * ({@link ZipfLaw}; an assumption the result flags and says, {@link CountSplit}). A band is never split in proportion to its width: enterprises are far from spread evenly over
 * sizes (Germany's register, which counts both, has 5.5 enterprises of 10–49 for each of 50–249 in the ICT
 * survey's sections; the widths, 40 and 200, would give 1 for 5).
 */
final class EnterpriseCounts {

    /** A count and the counted bands split to make it, if any. */
    record Count(double enterprises, List<CountSplit> splits) {
    }

    private final ReferencePopulation population;
    private final List<PopulationCount> counted;
    private final List<PopulationCount> finest;

    EnterpriseCounts(ReferencePopulation population) {
        this.population = population;
        this.counted = population.counts().stream().filter(c -> c.enterprises().isPresent())
                .sorted(Comparator.comparing(PopulationCount::band)).toList();
        this.finest = counted.stream().filter(c -> counted.stream()
                .noneMatch(o -> o != c && c.band().contains(o.band()) && !o.band().equals(c.band()))).toList();
    }

    Count of(SizeBand band) {
        Optional<Double> tiled = tiled(band, band.min());
        if (tiled.isPresent()) {
            return new Count(tiled.get(), List.of());
        }
        double total = 0;
        List<SizeBand> covered = new ArrayList<>();
        List<CountSplit> splits = new ArrayList<>();
        for (PopulationCount c : finest) {
            Optional<SizeBand> overlap = c.band().intersection(band);
            if (overlap.isEmpty()) {
                continue;
            }
            double counted = c.enterprises().getAsLong();
            if (overlap.get().equals(c.band())) {
                total += counted;
            } else {
                OptionalDouble fitted = exponent(c.band());
                double alpha = fitted.orElse(1);
                double fraction = ZipfLaw.fraction(overlap.get(), c.band(), alpha);
                total += counted * fraction;
                splits.add(new CountSplit(population.id(), c.band(), counted, overlap.get(), fraction, alpha,
                        fitted.isPresent()));
            }
            covered.add(overlap.get());
        }
        List<SizeBand> gaps = uncovered(band, covered);
        if (!gaps.isEmpty() || hasOverlaps(covered)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "Population %s cannot count %s: it counts %s", population.id(), band,
                    counted.stream().map(c -> c.band().label()).toList()));
        }
        return new Count(total, splits);
    }

    /**
     * The Pareto exponent α of the population's firm sizes from a band's lower bound up: least squares of
     * \( \ln S(x) \) on \( \ln x \), \( S(x) \) the enterprises of x employees or more, over the lower bounds x of
     * the finest counted bands from the band's (at least 1) whose bands tile \( [x, ∞) \); empty with fewer than two
     * such bounds or a slope that is not negative.
     */
    OptionalDouble exponent(SizeBand band) {
        int from = Math.max(band.min(), 1);
        SimpleRegression tail = new SimpleRegression();
        for (PopulationCount t : finest) {
            int x = t.band().min();
            if (x < from) {
                continue;
            }
            List<PopulationCount> above = finest.stream().filter(o -> o.band().min() >= x).toList();
            if (!uncovered(SizeBand.atLeast(x), above.stream().map(PopulationCount::band).toList()).isEmpty()) {
                continue;
            }
            double enterprises = above.stream().mapToDouble(o -> o.enterprises().getAsLong()).sum();
            if (enterprises > 0) {
                tail.addData(Math.log(x), Math.log(enterprises));
            }
        }
        double alpha = -tail.getSlope();
        return tail.getN() >= 2 && alpha > 0 && Double.isFinite(alpha) ? OptionalDouble.of(alpha)
                : OptionalDouble.empty();
    }

    private static boolean hasOverlaps(List<SizeBand> bands) {
        List<SizeBand> sorted = bands.stream().sorted().toList();
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i - 1).overlaps(sorted.get(i))) {
                return true;
            }
        }
        return false;
    }

    /** The sum of listed counts that tile {@code band} from {@code from} on, if they do. */
    private Optional<Double> tiled(SizeBand band, int from) {
        for (PopulationCount c : counted) {
            SizeBand b = c.band();
            if (b.min() != from || !band.contains(b)) {
                continue;
            }
            double count = c.enterprises().getAsLong();
            if (b.max() == band.max()) {
                return Optional.of(count);
            }
            Optional<Double> rest = tiled(band, b.max() + 1);
            if (rest.isPresent()) {
                return Optional.of(count + rest.get());
            }
        }
        return Optional.empty();
    }

    static List<SizeBand> uncovered(SizeBand target, List<SizeBand> parts) {
        List<SizeBand> gaps = new ArrayList<>();
        long next = target.min();
        for (SizeBand part : parts.stream().sorted().toList()) {
            if (part.min() > next) {
                gaps.add(SizeBand.of((int) next, part.min() - 1));
            }
            next = Math.max(next, (long) part.max() + 1);
        }
        if (next <= target.max()) {
            gaps.add(target.isOpenEnded() ? SizeBand.atLeast((int) next) : SizeBand.of((int) next, target.max()));
        }
        return gaps;
    }
}
