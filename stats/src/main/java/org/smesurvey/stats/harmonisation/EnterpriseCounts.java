package org.smesurvey.stats.harmonisation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.smesurvey.core.PopulationCount;
import org.smesurvey.core.ReferencePopulation;
import org.smesurvey.core.SizeBand;

/**
 * The number of enterprises in any band, from the counts a population lists: the listed bands that tile it
 * exactly when there are such, else shares of the finest listed bands (those containing no other listed
 * band) that it overlaps, each in proportion to the overlap's width: enterprises are assumed to spread
 * evenly over the sizes of a band (an assumption the result flags).
 */
final class EnterpriseCounts {

    /** A count and whether it was apportioned. */
    record Count(double enterprises, boolean apportioned) {
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
            return new Count(tiled.get(), false);
        }
        double total = 0;
        List<SizeBand> covered = new ArrayList<>();
        for (PopulationCount c : finest) {
            Optional<SizeBand> overlap = c.band().intersection(band);
            if (overlap.isEmpty()) {
                continue;
            }
            if (c.band().isOpenEnded() && !overlap.get().equals(c.band())) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "Population %s counts %s only as the open band %s, which cannot be apportioned",
                        population.id(), band, c.band()));
            }
            total += c.enterprises().getAsLong() * (double) width(overlap.get()) / width(c.band());
            covered.add(overlap.get());
        }
        List<SizeBand> gaps = uncovered(band, covered);
        if (!gaps.isEmpty() || hasOverlaps(covered)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "Population %s cannot count %s: it counts %s", population.id(), band,
                    counted.stream().map(c -> c.band().label()).toList()));
        }
        return new Count(total, true);
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

    private static long width(SizeBand band) {
        return (long) band.max() - band.min() + 1;
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
