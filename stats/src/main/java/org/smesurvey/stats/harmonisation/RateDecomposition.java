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
 * <p>Besides this symmetric decomposition: Kitagawa's one-standard decompositions with an interaction term and the
 * three-term decomposition ({@link #kitagawa(List, ReferencePopulation, List, ReferencePopulation, Standard)},
 * {@link #threeTerm}), and Das Gupta's decomposition of a rate that is a product of three factors per class
 * ({@link #dasGupta(Factors, Factors)}).
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
        Aligned x = Aligned.of(first, firstPopulation, second, secondPopulation);
        double ra = 0;
        double rb = 0;
        double rates = 0;
        double composition = 0;
        double varGap = 0;
        double varRates = 0;
        double varComposition = 0;
        boolean variances = x.variances;
        List<ClassPart> classes = new ArrayList<>();
        for (int i = 0; i < x.size(); i++) {
            double rate = (x.ca[i] + x.cb[i]) / 2 * (x.ra[i] - x.rb[i]);
            double mix = (x.ra[i] + x.rb[i]) / 2 * (x.ca[i] - x.cb[i]);
            ra += x.ca[i] * x.ra[i];
            rb += x.cb[i] * x.rb[i];
            rates += rate;
            composition += mix;
            classes.add(new ClassPart(x.bands.get(i), x.ca[i], x.cb[i], rate, mix));
            double v = x.va[i] + x.vb[i];
            varGap += x.ca[i] * x.ca[i] * x.va[i] + x.cb[i] * x.cb[i] * x.vb[i];
            varRates += (x.ca[i] + x.cb[i]) * (x.ca[i] + x.cb[i]) / 4 * v;
            varComposition += (x.ca[i] - x.cb[i]) * (x.ca[i] - x.cb[i]) / 4 * v;
        }
        return new Decomposition(ra, rb, part(ra - rb, varGap, variances), part(rates, varRates, variances),
                part(composition, varComposition, variances), classes);
    }

    /**
     * Which population's composition weights the rate part of a one-standard decomposition (and whose rates weight
     * the composition part).
     *
     * @since 0.2
     */
    public enum Standard {
        /** The first population's (A's): rates weighted by \( c^A \), composition by \( r^A \). */
        FIRST,
        /** The second population's (B's): rates weighted by \( c^B \), composition by \( r^B \). */
        SECOND
    }

    /**
     * A decomposition of a gap into a rate part, a composition part and their interaction.
     *
     * @param standard the population whose composition weights the rates
     * @param first the overall rate of the first population, \( R_A \)
     * @param second the overall rate of the second, \( R_B \)
     * @param gap \( R_A - R_B \), with its standard error
     * @param rates the part due to the classes' rates at the standard's composition
     * @param composition the part due to the composition at the standard's rates
     * @param interaction what the two differences make together
     * @since 0.2
     */
    public record ThreeTerm(Standard standard, double first, double second, Part gap, Part rates, Part composition,
            Part interaction) {

        /**
         * Validates the decomposition.
         *
         * @param standard the population whose composition weights the rates
         * @param first the overall rate of the first population
         * @param second the overall rate of the second
         * @param gap the difference
         * @param rates the rate part
         * @param composition the composition part
         * @param interaction the interaction
         * @throws NullPointerException if an argument is null
         */
        public ThreeTerm {
            Objects.requireNonNull(standard, "standard");
            Objects.requireNonNull(gap, "gap");
            Objects.requireNonNull(rates, "rates");
            Objects.requireNonNull(composition, "composition");
            Objects.requireNonNull(interaction, "interaction");
        }
    }

    /**
     * Kitagawa's one-standard decomposition: the rate part at the standard's composition, the composition part at
     * the standard's rates, and their interaction, which add up to the gap exactly. With \( Δr_i = r_i^A - r_i^B \),
     * \( Δc_i = c_i^A - c_i^B \) and the standard s,
     * \[ R_A - R_B = \sum_i c_i^s Δr_i + \sum_i r_i^s Δc_i + σ_s\sum_i Δc_iΔr_i, \qquad σ_B = 1,\ σ_A = -1. \]
     * With B as the standard it is the usual three-term decomposition (rate effect, composition effect,
     * interaction). Standard errors by the delta method, the shares known and the figures independent:
     * \( \mathrm{Var}(\text{rates}) = \sum_i (c_i^s)^2(v_i^A + v_i^B) \),
     * \( \mathrm{Var}(\text{composition}) = \sum_i Δc_i^2 v_i^s \),
     * \( \mathrm{Var}(\text{interaction}) = \sum_i Δc_i^2(v_i^A + v_i^B) \).
     *
     * <p>References: Kitagawa, E. M. (1955). Components of a difference between two rates. <i>JASA</i> 50,
     * 1168–1194. doi:10.1080/01621459.1955.10501299; Das Gupta, P. (1993). <i>Standardization and Decomposition of
     * Rates: A User's Manual</i>. US Bureau of the Census, Current Population Reports P23-186, ch. 2.
     *
     * @param first the first figures, one per size class
     * @param firstPopulation the enterprises the first figures describe
     * @param second the second figures, for the same classes
     * @param secondPopulation the enterprises the second figures describe
     * @param standard whose composition weights the rates
     * @return the three parts, which add up to the gap
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if there is no class, the two sets' classes differ or overlap, or a
     *         population cannot count a class
     * @since 0.2
     */
    public static ThreeTerm kitagawa(List<SizeFigure> first, ReferencePopulation firstPopulation,
            List<SizeFigure> second, ReferencePopulation secondPopulation, Standard standard) {
        Objects.requireNonNull(standard, "standard");
        Aligned x = Aligned.of(first, firstPopulation, second, secondPopulation);
        boolean a = standard == Standard.FIRST;
        double ra = 0;
        double rb = 0;
        double rates = 0;
        double composition = 0;
        double interaction = 0;
        double varGap = 0;
        double varRates = 0;
        double varComposition = 0;
        double varInteraction = 0;
        for (int i = 0; i < x.size(); i++) {
            double dr = x.ra[i] - x.rb[i];
            double dc = x.ca[i] - x.cb[i];
            double cs = a ? x.ca[i] : x.cb[i];
            ra += x.ca[i] * x.ra[i];
            rb += x.cb[i] * x.rb[i];
            rates += cs * dr;
            composition += (a ? x.ra[i] : x.rb[i]) * dc;
            interaction += (a ? -1 : 1) * dc * dr;
            double v = x.va[i] + x.vb[i];
            varGap += x.ca[i] * x.ca[i] * x.va[i] + x.cb[i] * x.cb[i] * x.vb[i];
            varRates += cs * cs * v;
            varComposition += dc * dc * (a ? x.va[i] : x.vb[i]);
            varInteraction += dc * dc * v;
        }
        return new ThreeTerm(standard, ra, rb, part(ra - rb, varGap, x.variances), part(rates, varRates, x.variances),
                part(composition, varComposition, x.variances), part(interaction, varInteraction, x.variances));
    }

    /**
     * The three-term decomposition, Kitagawa's with the second population as the standard:
     * \[ R_A - R_B = \sum_i c_i^BΔr_i + \sum_i r_i^BΔc_i + \sum_iΔc_iΔr_i, \]
     * the rate effect, the composition effect and the interaction; {@link #kitagawa(List, ReferencePopulation,
     * List, ReferencePopulation, Standard)} with {@link Standard#SECOND}, whose Javadoc gives the standard errors.
     *
     * @param first the first figures, one per size class
     * @param firstPopulation the enterprises the first figures describe
     * @param second the second figures, for the same classes
     * @param secondPopulation the enterprises the second figures describe
     * @return the three parts, which add up to the gap
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if there is no class, the two sets' classes differ or overlap, or a
     *         population cannot count a class
     * @since 0.2
     */
    public static ThreeTerm threeTerm(List<SizeFigure> first, ReferencePopulation firstPopulation,
            List<SizeFigure> second, ReferencePopulation secondPopulation) {
        return kitagawa(first, firstPopulation, second, secondPopulation, Standard.SECOND);
    }

    /**
     * One population's classes whose rate is the product of two proportions, such as having a presence on social
     * networks (access) and using it actively among those present (use): class i adopts at
     * \( r_i = a_iu_i \), and the population at \( R = \sum_i c_ia_iu_i \), \( c_i \) its share of the enterprises.
     *
     * @param population the enterprises, counting each class
     * @param access the first factor, one figure per size class
     * @param use the second factor, among those with the first, one figure per size class (the same classes)
     * @since 0.2
     */
    public record Factors(ReferencePopulation population, List<SizeFigure> access, List<SizeFigure> use) {

        /**
         * Validates and copies the figures.
         *
         * @param population the enterprises
         * @param access the first factor
         * @param use the second factor
         * @throws NullPointerException if an argument is null
         */
        public Factors {
            Objects.requireNonNull(population, "population");
            access = List.copyOf(access);
            use = List.copyOf(use);
        }
    }

    /**
     * A decomposition of a gap into three factors' effects.
     *
     * @param first the overall rate of the first population, \( R_A \)
     * @param second the overall rate of the second, \( R_B \)
     * @param gap \( R_A - R_B \), with its standard error
     * @param composition the effect of the size mix
     * @param access the effect of the first factor
     * @param use the effect of the second factor
     * @since 0.2
     */
    public record ThreeFactor(double first, double second, Part gap, Part composition, Part access, Part use) {

        /**
         * Validates the decomposition.
         *
         * @param first the overall rate of the first population
         * @param second the overall rate of the second
         * @param gap the difference
         * @param composition the effect of the size mix
         * @param access the effect of the first factor
         * @param use the effect of the second factor
         * @throws NullPointerException if a part is null
         */
        public ThreeFactor {
            Objects.requireNonNull(gap, "gap");
            Objects.requireNonNull(composition, "composition");
            Objects.requireNonNull(access, "access");
            Objects.requireNonNull(use, "use");
        }
    }

    /**
     * Das Gupta's symmetric decomposition of a rate that is a product of three factors in each class,
     * \( R = \sum_i c_ia_iu_i \) (composition × access × use): each factor's effect averages its difference over
     * the four combinations of the other two factors' populations, with weights 1/3 when both come from the same
     * population and 1/6 when they do not. For the access,
     * \[ E_a = \sum_i \Big[\frac{c_i^Au_i^A + c_i^Bu_i^B}{3} + \frac{c_i^Au_i^B + c_i^Bu_i^A}{6}\Big](a_i^A - a_i^B), \]
     * and likewise for composition and use; the three effects add up to \( R_A - R_B \) exactly. Standard errors by
     * the delta method, the shares known and the four figures of each class independent: each effect's gradient in
     * \( a^A, a^B, u^A, u^B \) (for \( E_a \): \( \pm K_i \) in \( a^A, a^B \), \( (c_i^A/3 + c_i^B/6)Δa_i \) in
     * \( u^A \), \( (c_i^B/3 + c_i^A/6)Δa_i \) in \( u^B \)) against their variances.
     *
     * <p>References: Das Gupta, P. (1993). <i>Standardization and Decomposition of Rates: A User's Manual</i>. US
     * Bureau of the Census, Current Population Reports P23-186, ch. 2 (three factors) and ch. 4 (vector factors,
     * example 4.3); Das Gupta, P. (1978). A general method of decomposing a difference between two rates into
     * several components. <i>Demography</i> 15, 99–112. doi:10.2307/2060493
     *
     * @param first the first population's composition and factors
     * @param second the second's, for the same classes
     * @return the three effects, which add up to the gap
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if there is no class, the classes of the four sets differ or overlap, or a
     *         population cannot count a class
     * @since 0.2
     */
    public static ThreeFactor dasGupta(Factors first, Factors second) {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        Aligned access = Aligned.of(first.access(), first.population(), second.access(), second.population());
        Aligned use = Aligned.of(first.use(), first.population(), second.use(), second.population());
        if (!access.bands.equals(use.bands)) {
            throw new IllegalArgumentException("The access and use figures must be for the same size classes: "
                    + access.bands + " and " + use.bands);
        }
        double[][] a = {access.ca, access.ra, use.ra};
        double[][] b = {access.cb, access.rb, use.rb};
        int n = access.size();
        double[][] va = {new double[n], access.va, use.va};
        double[][] vb = {new double[n], access.vb, use.vb};
        return dasGupta(a, b, va, vb, access.variances && use.variances);
    }

    /**
     * Das Gupta's three effects for \( R = \sum_i f_{0i}f_{1i}f_{2i} \) from each population's three factors
     * ({@code a[f][i]}, {@code b[f][i]}) and their variances, in the order of the factors.
     */
    static ThreeFactor dasGupta(double[][] a, double[][] b, double[][] va, double[][] vb, boolean variances) {
        int n = a[0].length;
        double ra = 0;
        double rb = 0;
        double[] effects = new double[3];
        double[] varEffects = new double[3];
        double varGap = 0;
        for (int i = 0; i < n; i++) {
            ra += a[0][i] * a[1][i] * a[2][i];
            rb += b[0][i] * b[1][i] * b[2][i];
            // The gap's gradient in each factor of A and of B: the product of the other two.
            for (int f = 0; f < 3; f++) {
                int g = (f + 1) % 3;
                int h = (f + 2) % 3;
                varGap += Math.pow(a[g][i] * a[h][i], 2) * va[f][i] + Math.pow(b[g][i] * b[h][i], 2) * vb[f][i];
            }
            for (int f = 0; f < 3; f++) {
                int g = (f + 1) % 3;
                int h = (f + 2) % 3;
                double k = (a[g][i] * a[h][i] + b[g][i] * b[h][i]) / 3 + (a[g][i] * b[h][i] + b[g][i] * a[h][i]) / 6;
                double d = a[f][i] - b[f][i];
                effects[f] += k * d;
                // Gradient: ±k in factor f; in g of A (h_A/3 + h_B/6)d, of B (h_B/3 + h_A/6)d; likewise for h.
                double variance = k * k * (va[f][i] + vb[f][i])
                        + Math.pow((a[h][i] / 3 + b[h][i] / 6) * d, 2) * va[g][i]
                        + Math.pow((b[h][i] / 3 + a[h][i] / 6) * d, 2) * vb[g][i]
                        + Math.pow((a[g][i] / 3 + b[g][i] / 6) * d, 2) * va[h][i]
                        + Math.pow((b[g][i] / 3 + a[g][i] / 6) * d, 2) * vb[h][i];
                varEffects[f] += variance;
            }
        }
        return new ThreeFactor(ra, rb, part(ra - rb, varGap, variances), part(effects[0], varEffects[0], variances),
                part(effects[1], varEffects[1], variances), part(effects[2], varEffects[2], variances));
    }

    /** Two sets of figures on the same sorted, disjoint classes, with each population's shares of them. */
    private static final class Aligned {
        final List<SizeBand> bands;
        final double[] ca;
        final double[] cb;
        final double[] ra;
        final double[] rb;
        final double[] va;
        final double[] vb;
        final boolean variances;

        private Aligned(List<SizeBand> bands, double[] ca, double[] cb, List<SizeFigure> a, List<SizeFigure> b) {
            this.bands = bands;
            this.ca = ca;
            this.cb = cb;
            int n = bands.size();
            ra = new double[n];
            rb = new double[n];
            va = new double[n];
            vb = new double[n];
            boolean known = true;
            for (int i = 0; i < n; i++) {
                ra[i] = a.get(i).proportion();
                rb[i] = b.get(i).proportion();
                known &= a.get(i).variance().isPresent() && b.get(i).variance().isPresent();
                va[i] = a.get(i).variance().orElse(0);
                vb[i] = b.get(i).variance().orElse(0);
            }
            variances = known;
        }

        int size() {
            return bands.size();
        }

        static Aligned of(List<SizeFigure> first, ReferencePopulation firstPopulation, List<SizeFigure> second,
                ReferencePopulation secondPopulation) {
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
                    throw new IllegalArgumentException("Size classes overlap: " + bands.get(i - 1) + " and "
                            + bands.get(i));
                }
            }
            return new Aligned(bands, shares(bands, firstPopulation), shares(bands, secondPopulation), a, b);
        }
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
