package org.smesurvey.stats.adoption;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.smesurvey.core.ReferencePopulation;
import org.smesurvey.core.ReferencePopulations;
import org.smesurvey.core.Region;
import org.smesurvey.core.SizeBand;
import org.smesurvey.stats.internal.ZipfLaw;

/**
 * A size band as the mixture of the size classes it spans: a figure for 10+ employees is the enterprise-weighted
 * mean of its classes' shares, \( \sum_m w_m p_m \), so that it lies between them.
 *
 * <p>The classes are the EU's (Recommendation 2003/361: 0–9, 10–49, 50–249, 250+). A band's part in a class is
 * their intersection; its weight is the class's count of enterprises times the fraction of the class the part
 * holds, and its place on the employee scale the mean log size of the enterprises in the part. Within a class,
 * enterprises are taken to follow Zipf's law, a density proportional to \( n^{-2} \) (Axtell 2001), so that the
 * fraction of \( [A, B) \) in \( [a, b) \) is \( (1/a - 1/b)/(1/A - 1/B) \) and the mean log size of \( [a, b) \) is
 * \[ \frac{(\ln a + 1)/a - (\ln b + 1)/b}{1/a - 1/b}, \]
 * with \( a \ge 1 \) (a firm of 0 employees counted at 1), \( b \) one past the band's largest size (at least \( a + 1 \)), \( 1/b = 0 \)
 * for an open band.
 *
 * <p>Class counts come from the reference populations: the region's own register when it gives the four classes
 * (directly or by bands that tile them, such as 0 and 1–9; a register published by NACE section added up), or
 * 0–49, 50–249 and 250+ (0–49 then split by Zipf's law), else the EU's; the latest such population first.
 * {@link #source()} records which.
 *
 * <p>Reference: Axtell, R. L. (2001). Zipf distribution of U.S. firm sizes. <i>Science</i> 293, 1818–1820.
 * doi:10.1126/science.1062081.
 *
 * @since 0.2
 */
public final class SizeMixture {

    /** The size classes of EU Recommendation 2003/361. */
    public static final List<SizeBand> CLASSES = List.of(SizeBand.of(0, 9), SizeBand.of(10, 49),
            SizeBand.of(50, 249), SizeBand.atLeast(250));

    /**
     * A band's part in one class.
     *
     * @param band the part, the band's intersection with the class
     * @param weight its share of the band's enterprises
     * @param logSize the mean log employee size of its enterprises
     */
    public record Part(SizeBand band, double weight, double logSize) {

        /**
         * Validates the part.
         *
         * @param band the part
         * @param weight its share, in (0, 1]
         * @param logSize its mean log size
         * @throws IllegalArgumentException if the weight is not in (0, 1]
         */
        public Part {
            Objects.requireNonNull(band, "band");
            if (!(weight > 0 && weight <= 1 + 1e-12)) {
                throw new IllegalArgumentException("Weight is not in (0, 1]: " + weight);
            }
        }
    }

    /**
     * The enterprises of a region by size class, and where the counts come from.
     *
     * @param counts one count per class of {@link #CLASSES}
     * @param source the population's id, with {@code (0-49 split by Zipf's law)} where it was, and
     *        {@code (EU, for XX)} when the region has no register of its own
     */
    public record ClassCounts(List<Double> counts, String source) {

        /**
         * Validates the counts.
         *
         * @param counts one per class, positive
         * @param source where they come from
         * @throws IllegalArgumentException if there are not four positive counts
         */
        public ClassCounts {
            counts = List.copyOf(Objects.requireNonNull(counts, "counts"));
            Objects.requireNonNull(source, "source");
            if (counts.size() != CLASSES.size() || counts.stream().anyMatch(c -> !(c > 0))) {
                throw new IllegalArgumentException("Four positive class counts are needed: " + counts);
            }
        }

        /**
         * The counts for a region: its own register's, else the EU's.
         *
         * @param region the region
         * @param populations the reference populations
         * @return the counts
         * @throws IllegalArgumentException if neither the region nor the EU has usable counts
         */
        public static ClassCounts of(Region region, ReferencePopulations populations) {
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(populations, "populations");
            Optional<ClassCounts> own = fromRegion(region, populations);
            if (own.isPresent()) {
                return own.get();
            }
            for (Region eu : List.of(Region.EU27_2020, Region.EU28)) {
                Optional<ClassCounts> counts = fromRegion(eu, populations);
                if (counts.isPresent()) {
                    return new ClassCounts(counts.get().counts(), counts.get().source() + " (EU, for "
                            + region.code() + ")");
                }
            }
            throw new IllegalArgumentException("No reference population gives enterprises by size class for "
                    + region.code() + " or the EU");
        }

        private static Optional<ClassCounts> fromRegion(Region region, ReferencePopulations populations) {
            List<ReferencePopulation> candidates = new ArrayList<>(populations.forRegion(region));
            // A register published by NACE section: its sections of one publisher and year, added up.
            java.util.Map<String, List<ReferencePopulation>> sections = new java.util.TreeMap<>();
            for (ReferencePopulation p : candidates) {
                if (!p.sectors().isEmpty()) {
                    sections.computeIfAbsent(p.publisher() + "|" + p.year(), key -> new ArrayList<>()).add(p);
                }
            }
            for (List<ReferencePopulation> group : sections.values()) {
                if (group.size() > 1) {
                    try {
                        candidates.add(ReferencePopulation.sum(group.get(0).id().replaceAll("_[A-Z]$", "")
                                + "_SECTIONS", "NACE sections added up", group));
                    } catch (IllegalArgumentException e) {
                        // Sections that do not share their bands cannot be added up; the others are still tried.
                    }
                }
            }
            candidates.sort(Comparator.comparingInt(ReferencePopulation::year).reversed()
                    .thenComparing(ReferencePopulation::id));
            List<ReferencePopulation> parts = populations.forRegion(region).stream()
                    .filter(p -> p.sectors().isPresent()).toList();
            for (ReferencePopulation p : candidates) {
                if (parts.contains(p)) {
                    continue; // one section of a register, not the economy
                }
                double[] four = new double[4];
                boolean all = true;
                for (int m = 0; m < 4; m++) {
                    OptionalLong count = tiled(p, CLASSES.get(m));
                    all &= count.isPresent() && count.getAsLong() > 0;
                    four[m] = count.orElse(0);
                }
                if (all) {
                    return Optional.of(new ClassCounts(List.of(four[0], four[1], four[2], four[3]), p.id()));
                }
                OptionalLong small = tiled(p, SizeBand.of(0, 49));
                if (small.isPresent() && small.getAsLong() > 0 && four[2] > 0 && four[3] > 0) {
                    double micro = small.getAsLong() * fraction(SizeBand.of(0, 9), SizeBand.of(0, 49));
                    return Optional.of(new ClassCounts(List.of(micro, small.getAsLong() - micro, four[2], four[3]),
                            p.id() + " (0-49 split by Zipf's law)"));
                }
            }
            return Optional.empty();
        }
    }

    /**
     * A population's count of enterprises in a band: its own count, or the sum of counted bands that tile it
     * (0 and 1–9 for 0–9), each chosen as the widest that starts where the previous one ended.
     */
    static OptionalLong tiled(ReferencePopulation population, SizeBand band) {
        OptionalLong exact = population.enterprises(band);
        if (exact.isPresent()) {
            return exact;
        }
        long total = 0;
        long start = band.min();
        while (true) {
            final long from = start;
            Optional<SizeBand> next = population.counts().stream().map(c -> c.band())
                    .filter(b -> b.min() == from && band.contains(b) && population.enterprises(b).isPresent())
                    .max(Comparator.comparingLong(SizeBand::max));
            if (next.isEmpty()) {
                return OptionalLong.empty();
            }
            total += population.enterprises(next.get()).getAsLong();
            if (next.get().max() == band.max()) {
                return OptionalLong.of(total);
            }
            if (next.get().isOpenEnded()) {
                return OptionalLong.empty();
            }
            start = next.get().max() + 1L;
        }
    }

    private final SizeBand band;
    private final List<Part> parts;
    private final String source;

    private SizeMixture(SizeBand band, List<Part> parts, String source) {
        this.band = band;
        this.parts = List.copyOf(parts);
        this.source = source;
    }

    /**
     * A band's mixture of the size classes.
     *
     * @param band the band
     * @param counts the region's enterprises by class
     * @return the mixture
     */
    public static SizeMixture of(SizeBand band, ClassCounts counts) {
        Objects.requireNonNull(band, "band");
        Objects.requireNonNull(counts, "counts");
        List<SizeBand> bands = new ArrayList<>();
        List<Double> enterprises = new ArrayList<>();
        double total = 0;
        for (int m = 0; m < CLASSES.size(); m++) {
            Optional<SizeBand> part = band.intersection(CLASSES.get(m));
            if (part.isPresent()) {
                double n = counts.counts().get(m) * fraction(part.get(), CLASSES.get(m));
                if (n > 0) {
                    bands.add(part.get());
                    enterprises.add(n);
                    total += n;
                }
            }
        }
        List<Part> parts = new ArrayList<>();
        for (int j = 0; j < bands.size(); j++) {
            parts.add(new Part(bands.get(j), enterprises.get(j) / total, logSize(bands.get(j))));
        }
        return new SizeMixture(band, parts, counts.source());
    }

    /**
     * The mean log employee size of a band's enterprises under Zipf's law (see the class comment).
     *
     * @param band the band
     * @return its mean log size
     */
    public static double logSize(SizeBand band) {
        double a = Math.max(Objects.requireNonNull(band, "band").min(), 1);
        if (band.isOpenEnded()) {
            return Math.log(a) + 1;
        }
        double b = Math.max(band.max() + 1.0, a + 1);
        return ((Math.log(a) + 1) / a - (Math.log(b) + 1) / b) / (1 / a - 1 / b);
    }

    /** The fraction of a class's enterprises in a part of it, under Zipf's law ({@link ZipfLaw}). */
    static double fraction(SizeBand part, SizeBand whole) {
        return ZipfLaw.fraction(part, whole);
    }

    /**
     * The band.
     *
     * @return it
     */
    public SizeBand band() {
        return band;
    }

    /**
     * Its parts, one per class it spans, in class order.
     *
     * @return them
     */
    public List<Part> parts() {
        return parts;
    }

    /**
     * Where the class counts come from.
     *
     * @return the population's id, as {@link ClassCounts#source()}
     */
    public String source() {
        return source;
    }
}
