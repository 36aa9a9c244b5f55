package org.smesurvey.stats.harmonisation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import org.smesurvey.core.ReferencePopulation;
import org.smesurvey.core.SizeBand;

/**
 * Why two overall adoption rates differ: the exact demographic decomposition of their gap into a <em>rate</em>
 * part (the size classes adopt differently) and a <em>composition</em> part (the two populations have different
 * shares of small and large firms). With \( r_i \) the rate of size class i and \( c_i \) its share of the
 * enterprises, \( R = \sum_i c_i r_i \) and
 * \[ R_A - R_B = \sum_i \tfrac{c_i^A + c_i^B}{2}(r_i^A - r_i^B)
 *   + \sum_i \tfrac{r_i^A + r_i^B}{2}(c_i^A - c_i^B), \]
 * the rate part then the composition part, exactly (Kitagawa 1955); for these two factors it is also the
 * symmetric decomposition of Das Gupta (1993).
 * Standard errors are by the delta method from the figures' sampling variances, the shares taken as known (they
 * are register counts): \( \mathrm{Var}(\text{rates}) = \sum_i \bar c_i^2 (v_i^A + v_i^B) \),
 * \( \mathrm{Var}(\text{composition}) = \sum_i (\tfrac{c_i^A - c_i^B}{2})^2 (v_i^A + v_i^B) \).
 *
 * <p>References: Kitagawa, E. M. (1955). Components of a difference between two rates. <i>JASA</i> 50,
 * 1168–1194. doi:10.1080/01621459.1955.10501299; Das Gupta, P. (1993). <i>Standardization and Decomposition of
 * Rates: A User's Manual</i>. US Bureau of the Census, P23-186, ch. 2.
 *
 * @since 0.1
 */
public final class RateDecomposition {

    private RateDecomposition() {
    }

    /**
     * A part of the gap.
     *
     * @param value the part, on the proportion scale (0.05 is 5 points)
     * @param standardError its standard error, empty when a figure has no variance
     */
    public record Part(double value, OptionalDouble standardError) {

        /**
         * Validates the part.
         *
         * @param value the part
         * @param standardError its standard error
         * @throws NullPointerException if the standard error is null
         */
        public Part {
            Objects.requireNonNull(standardError, "standardError");
        }
    }

    /**
     * One size class's share of each part.
     *
     * @param band the size class
     * @param firstShare its share \( c_i^A \) of the first population's enterprises (of the classes together)
     * @param secondShare its share \( c_i^B \) of the second's
     * @param rates its contribution to the rate part, \( \tfrac{c_i^A + c_i^B}{2}(r_i^A - r_i^B) \)
     * @param composition its contribution to the composition part
     */
    public record ClassPart(SizeBand band, double firstShare, double secondShare, double rates, double composition) {

        /**
         * The class's weight in the rate part, \( \tfrac{c_i^A + c_i^B}{2} \).
         *
         * @return the mean of its two shares
         */
        public double meanShare() {
            return (firstShare + secondShare) / 2;
        }
    }

    /**
     * The decomposition of one gap.
     *
     * @param first the overall rate of the first population, \( R_A \)
     * @param second the overall rate of the second, \( R_B \)
     * @param gap \( R_A - R_B \), with its standard error
     * @param rates the part due to the size classes' rates
     * @param composition the part due to the size mix
     * @param classes each class's contributions, in band order
     */
    public record Decomposition(double first, double second, Part gap, Part rates, Part composition,
            List<ClassPart> classes) {

        /**
         * Validates the decomposition and copies the classes.
         *
         * @param first the overall rate of the first population
         * @param second the overall rate of the second
         * @param gap the difference, with its standard error
         * @param rates the part due to the rates
         * @param composition the part due to the size mix
         * @param classes each class's contributions
         * @throws NullPointerException if an argument is null
         */
        public Decomposition {
            Objects.requireNonNull(gap, "gap");
            Objects.requireNonNull(rates, "rates");
            Objects.requireNonNull(composition, "composition");
            classes = List.copyOf(classes);
        }

        /**
         * The decomposition in words: the two rates, the gap in points, and each part with its standard error.
         *
         * @return the text
         */
        public String summary() {
            return String.format(Locale.ROOT, "%.1f %% against %.1f %%: a gap of %s points, %s from the size"
                    + " classes' rates and %s from the size mix", 100 * first, 100 * second, points(gap),
                    points(rates), points(composition));
        }

        private static String points(Part part) {
            String value = String.format(Locale.ROOT, "%+.1f", 100 * part.value());
            return part.standardError().isPresent()
                    ? value + String.format(Locale.ROOT, " (SE %.1f)", 100 * part.standardError().getAsDouble())
                    : value;
        }
    }

    /**
     * Decomposes the gap between two sets of size-class rates, each weighted by its own population.
     *
     * @param first the first figures, one per size class
     * @param firstPopulation the enterprises the first figures describe, counting each class
     * @param second the second figures, for the same classes
     * @param secondPopulation the enterprises the second figures describe
     * @return the decomposition, whose parts add up to the gap
     * @throws IllegalArgumentException if there is no class, the two sets' classes differ or overlap, or a
     *         population cannot count a class
     */
    public static Decomposition kitagawa(List<SizeFigure> first, ReferencePopulation firstPopulation,
            List<SizeFigure> second, ReferencePopulation secondPopulation) {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(firstPopulation, "firstPopulation");
        Objects.requireNonNull(second, "second");
        Objects.requireNonNull(secondPopulation, "secondPopulation");
        List<SizeFigure> a = first.stream().sorted((x, y) -> x.band().compareTo(y.band())).toList();
        List<SizeFigure> b = second.stream().sorted((x, y) -> x.band().compareTo(y.band())).toList();
        List<SizeBand> bands = a.stream().map(SizeFigure::band).toList();
        if (bands.isEmpty() || !bands.equals(b.stream().map(SizeFigure::band).toList())) {
            throw new IllegalArgumentException("The two sets of figures must be for the same size classes: "
                    + bands + " and " + b.stream().map(SizeFigure::band).toList());
        }
        for (int i = 1; i < bands.size(); i++) {
            if (bands.get(i).intersection(bands.get(i - 1)).isPresent()) {
                throw new IllegalArgumentException("Size classes overlap: " + bands.get(i - 1) + " and " + bands.get(i));
            }
        }
        double[] ca = shares(bands, firstPopulation);
        double[] cb = shares(bands, secondPopulation);
        double ra = 0;
        double rb = 0;
        double rates = 0;
        double composition = 0;
        double varGap = 0;
        double varRates = 0;
        double varComposition = 0;
        boolean variances = true;
        List<ClassPart> classes = new ArrayList<>();
        for (int i = 0; i < bands.size(); i++) {
            double pa = a.get(i).proportion();
            double pb = b.get(i).proportion();
            double rate = (ca[i] + cb[i]) / 2 * (pa - pb);
            double mix = (pa + pb) / 2 * (ca[i] - cb[i]);
            ra += ca[i] * pa;
            rb += cb[i] * pb;
            rates += rate;
            composition += mix;
            classes.add(new ClassPart(bands.get(i), ca[i], cb[i], rate, mix));
            OptionalDouble va = a.get(i).variance();
            OptionalDouble vb = b.get(i).variance();
            if (va.isPresent() && vb.isPresent()) {
                double v = va.getAsDouble() + vb.getAsDouble();
                varGap += ca[i] * ca[i] * va.getAsDouble() + cb[i] * cb[i] * vb.getAsDouble();
                varRates += (ca[i] + cb[i]) * (ca[i] + cb[i]) / 4 * v;
                varComposition += (ca[i] - cb[i]) * (ca[i] - cb[i]) / 4 * v;
            } else {
                variances = false;
            }
        }
        return new Decomposition(ra, rb, part(ra - rb, varGap, variances), part(rates, varRates, variances),
                part(composition, varComposition, variances), classes);
    }

    private static Part part(double value, double variance, boolean known) {
        return new Part(value, known ? OptionalDouble.of(Math.sqrt(variance)) : OptionalDouble.empty());
    }

    /** Each class's share of the enterprises of the classes together. */
    private static double[] shares(List<SizeBand> bands, ReferencePopulation population) {
        EnterpriseCounts counts = new EnterpriseCounts(population);
        double[] shares = new double[bands.size()];
        double total = 0;
        for (int i = 0; i < bands.size(); i++) {
            shares[i] = counts.of(bands.get(i)).enterprises();
            total += shares[i];
        }
        for (int i = 0; i < shares.length; i++) {
            shares[i] /= total;
        }
        return shares;
    }
}
