package org.smesurvey.stats.adoption;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.smesurvey.core.Observation;
import org.smesurvey.stats.internal.CrossedFit;

/**
 * Why two figures differ, by the adoption model: the gap between their logits split into what each dimension of
 * the model explains — time, size (with the population mix of the band), indicator, and the contrast of a private
 * survey with official statistics, which carries who answered, how the firms were sampled and which networks were
 * asked about, since only the few private surveys carry those and they cannot be told apart — then the two
 * countries' effects (each on the figure's kind of tool), and what the model does not explain, split as a residual \( y - μ = \hat u_c + \hat u_s +
 * \hat w + \hat ε \) is split by best linear unbiased prediction: the studies' own effects, the figures' own effects
 * within their studies, and sampling error.
 *
 * <p><b>The dimensions' parts.</b> The model's mean is not additive in the dimensions (a band is a mixture of
 * classes), so each dimension's part is its Shapley value (Shorrocks 2013): with D the dimensions and
 * \( μ(S) \) the mean of a figure taking the dimensions in S from the first figure and the others from the second,
 * \[ φ_d = \sum_{S \subseteq D \setminus \{d\}} \frac{|S|!\,(|D| - |S| - 1)!}{|D|!}\bigl(μ(S \cup \{d\}) - μ(S)\bigr), \]
 * which add up exactly to \( μ_a - μ_b \) and, for an additive mean, are each dimension's columns times their
 * coefficients. Each has its delta-method standard error \( \sqrt{g'V_φ g} \), g the same combination of the
 * means' gradients; each predicted effect its prediction error (Henderson 1975).
 *
 * <p><b>Stability.</b> Each part is recomputed with each other study left out of the fit
 * ({@link AdoptionModel.Fit} refits, shared with the cross-validation); its lowest and highest values say how much
 * it rests on one study. A part that moves across zero is not a finding.
 *
 * <p>In percentage points, the observed gap is shared among the parts in proportion to their logit parts (the
 * logit scale is where they add up).
 *
 * <p>Reference: Shorrocks, A. F. (2013). Decomposition procedures for distributional analysis: a unified framework
 * based on the Shapley value. <i>Journal of Economic Inequality</i> 11, 99–126. doi:10.1007/s10888-011-9214-z.
 *
 * @since 0.1
 */
public final class GapDecomposition {

    /** The dimensions of the model's mean, in the order of {@link #parts()}. */
    static final List<String> DIMENSIONS = List.of("time", "size", "indicator", "private survey");

    /**
     * One part of the gap.
     *
     * @param dimension what the part is due to: {@code time}, {@code size}, {@code indicator},
     *        {@code private survey} (who answered, sampling and scope, which the figures cannot separate),
     *        {@code country}, {@code studies} (the two studies' own effects), {@code figures} (the figures' own
     *        effects within their studies) or {@code sampling error}
     * @param logit the part on the logit scale
     * @param standardError its standard error on the logit scale
     * @param points its share of the gap in percentage points
     * @param lowestPoints its lowest value in points with one other study left out of the fit
     * @param highestPoints its highest value so
     */
    public record Part(String dimension, double logit, double standardError, double points, double lowestPoints,
            double highestPoints) {

        /**
         * Whether the part keeps its sign whichever other study is left out: its leave-one-study-out range does not
         * reach more than half a tenth of a point (what a printed part rounds away) on both sides of zero.
         *
         * @return true when its range does not cross zero
         */
        public boolean stable() {
            return lowestPoints > -0.05 || highestPoints < 0.05;
        }
    }

    /**
     * What a part is a linear function of, for its standard error: the coefficients' weights for a dimension, or
     * the weights on each crossed factor's levels (country, own indicator, country × kind), the studies', the figures'
     * effects and the sampling errors (null where none).
     */
    record Contrast(double[] coefficients, double[][] crossed, double[] studies, double[] figures, double[] sampling) {

        /** The contrast scaled by a factor, as a part of several gaps is summed. */
        Contrast times(double factor) {
            return new Contrast(scaled(coefficients, factor), crossed == null ? null
                    : java.util.Arrays.stream(crossed).map(c -> scaled(c, factor)).toArray(double[][]::new),
                    scaled(studies, factor), scaled(figures, factor), scaled(sampling, factor));
        }

        /** This contrast plus another of the same kind. */
        Contrast plus(Contrast other) {
            double[][] both = null;
            if (crossed != null) {
                both = new double[crossed.length][];
                for (int f = 0; f < crossed.length; f++) {
                    both[f] = sum(crossed[f], other.crossed[f]);
                }
            }
            return new Contrast(sum(coefficients, other.coefficients), both, sum(studies, other.studies),
                    sum(figures, other.figures), sum(sampling, other.sampling));
        }

        /** The standard error of the part it defines, under the fitted model. */
        double standardError(AdoptionModel.Fit fit) {
            if (coefficients != null) {
                return Math.sqrt(Math.max(0, quadratic(fit.covariance(), coefficients)));
            }
            CrossedFit linear = fit.linear();
            return Math.sqrt(Math.max(0, linear.predictionError(crossed, studies, figures, sampling)));
        }

        private static double quadratic(double[][] m, double[] g) {
            double s = 0;
            for (int a = 0; a < g.length; a++) {
                for (int b = 0; b < g.length; b++) {
                    s += g[a] * m[a][b] * g[b];
                }
            }
            return s;
        }

        private static double[] scaled(double[] v, double factor) {
            return v == null ? null : java.util.Arrays.stream(v).map(x -> x * factor).toArray();
        }

        private static double[] sum(double[] a, double[] b) {
            if (a == null) {
                return null;
            }
            double[] s = a.clone();
            for (int i = 0; i < s.length; i++) {
                s[i] += b[i];
            }
            return s;
        }
    }

    private final Observation first;
    private final Observation second;
    private final double logitGap;
    private final double pointsGap;
    private final double samplingError;
    private final List<Part> parts;
    private final List<Contrast> contrasts;
    private final List<String> notes;

    private GapDecomposition(Observation first, Observation second, double logitGap, double pointsGap,
            double samplingError, List<Part> parts, List<Contrast> contrasts, List<String> notes) {
        this.first = first;
        this.second = second;
        this.logitGap = logitGap;
        this.pointsGap = pointsGap;
        this.samplingError = samplingError;
        this.parts = List.copyOf(parts);
        this.contrasts = List.copyOf(contrasts);
        this.notes = List.copyOf(notes);
    }

    /**
     * Decomposes the gap between two figures that entered the model, each part with its leave-one-study-out range
     * (the model refitted without each study other than the two figures' own).
     *
     * @param fit the adoption model
     * @param first the first figure
     * @param second the second figure
     * @return the decomposition, first minus second
     * @throws IllegalArgumentException if a figure did not enter the model, or the two are of different sectors (the
     *         decomposition has no sector part)
     */
    public static GapDecomposition of(AdoptionModel.Fit fit, Observation first, Observation second) {
        Objects.requireNonNull(fit, "fit");
        int a = index(fit, Objects.requireNonNull(first, "first"));
        int b = index(fit, Objects.requireNonNull(second, "second"));
        double logitGap = fit.logit(a) - fit.logit(b);
        double pointsGap = 100 * (first.figure().proportion() - second.figure().proportion());
        List<Contrast> contrasts = new ArrayList<>();
        double[] logits = parts(fit, a, b, contrasts);
        double[] lowest = new double[logits.length];
        double[] highest = new double[logits.length];
        for (int j = 0; j < logits.length; j++) {
            lowest[j] = points(logits[j], logitGap, pointsGap);
            highest[j] = lowest[j];
        }
        String studyA = first.study().id();
        String studyB = second.study().id();
        int fa = fit.entry(a);
        int fb = fit.entry(b);
        for (Map.Entry<String, AdoptionModel.Fit> refit : fit.studyRefits().entrySet()) {
            if (refit.getKey().equals(studyA) || refit.getKey().equals(studyB)) {
                continue;
            }
            AdoptionModel.Fit other = refit.getValue();
            double[] moved = parts(other, other.row(fa), other.row(fb), null);
            for (int j = 0; j < moved.length; j++) {
                double pts = points(moved[j], logitGap, pointsGap);
                lowest[j] = Math.min(lowest[j], pts);
                highest[j] = Math.max(highest[j], pts);
            }
        }
        List<String> names = new ArrayList<>(DIMENSIONS);
        names.addAll(List.of("country", "studies", "figures", "sampling error"));
        List<Part> parts = new ArrayList<>();
        for (int j = 0; j < logits.length; j++) {
            parts.add(new Part(names.get(j), logits[j], contrasts.get(j).standardError(fit),
                    points(logits[j], logitGap, pointsGap), lowest[j], highest[j]));
        }
        List<String> notes = new ArrayList<>();
        AdoptionModel.Profile pa = fit.profile(a);
        AdoptionModel.Profile pb = fit.profile(b);
        if (pa.source() != pb.source()) {
            List<String> carriers = fit.data().entries().stream().filter(e -> AdoptionModel.Source.of(e.figure())
                    == AdoptionModel.Source.PRIVATE_SURVEY).map(e -> e.figure().study().id()).distinct().sorted()
                    .toList();
            notes.add(String.format(Locale.ROOT, "the private-survey part merges who answered, how the firms were"
                    + " sampled and which networks were asked about: the %d private surveys of the model carry all"
                    + " three, which the figures cannot tell apart (%s)", carriers.size(), String.join(", ", carriers)));
        }
        for (Part p : parts) {
            if (!p.stable() && Math.abs(p.points()) >= 1) {
                notes.add(String.format(Locale.ROOT, "the %s part moves from %+.1f to %+.1f points as one study is"
                        + " left out: it is not a finding", p.dimension(), p.lowestPoints(), p.highestPoints()));
            }
        }
        return new GapDecomposition(first, second, logitGap, pointsGap,
                Math.sqrt(fit.samplingVariances()[a] + fit.samplingVariances()[b]), parts, contrasts, notes);
    }

    /**
     * The parts on the logit scale for rows a and b of a fit, in the order of {@link #parts()}; into
     * {@code contrasts}, when not null, what each is a linear function of.
     */
    private static double[] parts(AdoptionModel.Fit fit, int a, int b, List<Contrast> contrasts) {
        AdoptionModel.Profile pa = fit.profile(a);
        AdoptionModel.Profile pb = fit.profile(b);
        if (!pa.sector().equals(pb.sector())) {
            throw new IllegalArgumentException("The two figures are of different sectors (" + pa.sector() + ", "
                    + pb.sector() + "): the decomposition has no sector part; compare figures of one sector");
        }
        int dims = DIMENSIONS.size();
        int q = fit.coefficients().length;
        double[] mean = new double[1 << dims];
        double[][] gradient = new double[1 << dims][q];
        for (int set = 0; set < 1 << dims; set++) {
            AdoptionModel.Profile survey = (set & 8) != 0 ? pa : pb;
            AdoptionModel.Profile mixed = new AdoptionModel.Profile(
                    ((set & 1) != 0 ? pa : pb).year(),
                    ((set & 4) != 0 ? pa : pb).indicator(),
                    survey.source(),
                    pb.country(),
                    ((set & 2) != 0 ? pa : pb).mixture(),
                    survey.traits(), pb.sector());
            mean[set] = fit.mean(mixed, gradient[set]);
        }
        double[] out = new double[dims + 4];
        long[] factorial = {1, 1, 2, 6, 24};
        for (int d = 0; d < dims; d++) {
            double[] g = new double[q];
            for (int set = 0; set < 1 << dims; set++) {
                if ((set & (1 << d)) != 0) {
                    continue;
                }
                int size = Integer.bitCount(set);
                double weight = factorial[size] * factorial[dims - size - 1] / (double) factorial[dims];
                out[d] += weight * (mean[set | (1 << d)] - mean[set]);
                for (int j = 0; j < q; j++) {
                    g[j] += weight * (gradient[set | (1 << d)][j] - gradient[set][j]);
                }
            }
            if (contrasts != null) {
                contrasts.add(new Contrast(g, null, null, null, null));
            }
        }
        out[dims] = fit.countryEffect(pa.country()) + fit.countryKindEffect(pa)
                - fit.countryEffect(pb.country()) - fit.countryKindEffect(pb);
        String studyA = studyOf(fit, a);
        String studyB = studyOf(fit, b);
        out[dims + 1] = fit.studyEffect(studyA) - fit.studyEffect(studyB);
        out[dims + 2] = fit.figureEffect(a) - fit.figureEffect(b);
        double explained = 0;
        for (int j = 0; j < dims + 3; j++) {
            explained += out[j];
        }
        out[dims + 3] = fit.logit(a) - fit.logit(b) - explained;
        if (contrasts != null) {
            int k = fit.logits().length;
            List<String> countries = fit.countries();
            double[] country = new double[countries.size()];
            country[countries.indexOf(pa.country())] += 1;
            country[countries.indexOf(pb.country())] -= 1;
            List<String> studies = fit.studyNames();
            double[] study = new double[studies.size()];
            study[studies.indexOf(studyA)] += 1;
            study[studies.indexOf(studyB)] -= 1;
            double[] pair = new double[k];
            pair[a] += 1;
            pair[b] -= 1;
            List<String> kinds = fit.countryKinds();
            double[] kind = new double[kinds.size()];
            kind[kinds.indexOf(AdoptionModel.countryKind(pa))] += 1;
            kind[kinds.indexOf(AdoptionModel.countryKind(pb))] -= 1;
            contrasts.add(new Contrast(null, new double[][] {country, null, kind}, null, null, null));
            contrasts.add(new Contrast(null, null, study, null, null));
            contrasts.add(new Contrast(null, null, null, pair, null));
            contrasts.add(new Contrast(null, null, null, null, pair));
        }
        return out;
    }

    private static String studyOf(AdoptionModel.Fit fit, int row) {
        return fit.studies()[row];
    }

    /** Each part's contrast, in the order of {@link #parts()}. */
    List<Contrast> contrasts() {
        return contrasts;
    }

    /** The points the gap is shared in per logit of a part, \( Δ_{points}/Δ_{logit} \) (0 when they are equal). */
    double pointsPerLogit() {
        return points(1, logitGap, pointsGap);
    }

    /** A part's share of the gap in points: in proportion to its logit part (nothing to share when they are equal). */
    private static double points(double logit, double logitGap, double pointsGap) {
        return logitGap == 0 ? 0 : logit / logitGap * pointsGap;
    }

    private static int index(AdoptionModel.Fit fit, Observation o) {
        int row = fit.row(o);
        if (row < 0) {
            throw new IllegalArgumentException("Figure " + o.label() + " did not enter the model: " + fit.data()
                    .excluded().stream().filter(x -> x.figure().equals(o)).map(AdoptionData.Excluded::reason)
                    .findFirst().orElse("it is not in the catalogue the model was fitted to"));
        }
        return row;
    }

    /**
     * The observed gap on the logit scale.
     *
     * @return first minus second
     */
    public double logitGap() {
        return logitGap;
    }

    /**
     * The observed gap in percentage points.
     *
     * @return first minus second
     */
    public double pointsGap() {
        return pointsGap;
    }

    /**
     * The first figure's share in percentage points.
     *
     * @return its proportion times 100
     */
    public double firstPoints() {
        return 100 * first.figure().proportion();
    }

    /**
     * The second figure's share in percentage points.
     *
     * @return its proportion times 100
     */
    public double secondPoints() {
        return 100 * second.figure().proportion();
    }

    /**
     * The standard error of the logit gap from the two figures' sampling alone, \( \sqrt{v_a + v_b} \).
     *
     * @return the standard error
     */
    public double samplingError() {
        return samplingError;
    }

    /**
     * The parts — time, size, indicator, private survey, country, then what the model does not explain: the
     * studies' own effects, the figures' own effects and sampling error — which add up to the gap.
     *
     * @return the parts
     */
    public List<Part> parts() {
        return parts;
    }

    /**
     * A part's standard error in percentage points, on the scale its points are shared on: the logit standard
     * error times the gap's points per logit, \( |Δ_{points}/Δ_{logit}| \).
     *
     * @param part one of {@link #parts()}
     * @return its standard error in points, 0 when the two figures are equal
     */
    public double pointsStandardError(Part part) {
        Objects.requireNonNull(part, "part");
        return Math.abs(points(part.standardError(), logitGap, pointsGap));
    }

    /**
     * What the reader of the parts must know: what the private-survey part merges, and each part of a point or more
     * whose sign changes when one study is left out.
     *
     * @return the notes
     */
    public List<String> notes() {
        return notes;
    }

    /**
     * The decomposition in words and a table of parts, in points and logits.
     *
     * @return the text
     */
    public String summary() {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%s (%.0f %%) against %s (%.0f %%):"
                + " %+.1f points (%+.3f on the logit scale; sampling error alone %.3f)%n", first.label(),
                100 * first.figure().proportion(), second.label(), 100 * second.figure().proportion(), pointsGap,
                logitGap, samplingError));
        text.append(String.format(Locale.ROOT, "  %-15s %13s %8s %7s   %s%n", "", "points", "logit", "se",
                "one study left out (points)"));
        for (Part p : parts) {
            text.append(String.format(Locale.ROOT, "  %-15s %+13.1f %+8.3f %7.3f   %+.1f to %+.1f%s%n", p.dimension(),
                    p.points(), p.logit(), p.standardError(), p.lowestPoints(), p.highestPoints(),
                    p.stable() ? "" : "  (crosses 0)"));
        }
        notes.forEach(n -> text.append("  note: ").append(n).append('\n'));
        return text.toString().stripTrailing();
    }
}
