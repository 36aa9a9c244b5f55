package org.smesurvey.stats.adoption;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.smesurvey.core.Observation;
import org.smesurvey.stats.meta.Coefficient;
import org.smesurvey.stats.meta.MultilevelResult;

/**
 * Why two figures differ, by the adoption model: the gap between their logits split into the parts each dimension
 * of the model explains — time, size, indicator, network scope, sampling method, country, who answered — and what
 * the model does not explain, split as the two-level model splits a residual
 * \( y - x\hat β = \hat u + \hat w + \hat e \) by best linear unbiased prediction (Raudenbush &amp; Bryk 2002,
 * ch. 3; metafor's {@code ranef}): the two studies' own effects \( \hat u \), the figures' own effects within
 * their studies \( \hat w \), and their sampling error \( \hat e \).
 *
 * <p>With \( x_a, x_b \) the figures' design rows, a dimension's part is
 * \( \sum_{k \in D} \hat β_k (x_{ak} - x_{bk}) \); the product of year and size is shared exactly between the
 * two, \( t_as_a - t_bs_b = \bar s\,Δt + \bar t\,Δs \) (Kitagawa's symmetric split), so that the parts add up
 * exactly to the observed logit gap. Each dimension's part has its delta-method standard error
 * \( \sqrt{g'V_βg} \), each unexplained part the prediction error of its BLUPs' difference. In percentage points the observed gap is shared among the parts in proportion to their
 * logit parts (the logit scale is where they add up).
 *
 * @since 0.1
 */
public final class GapDecomposition {

    /**
     * One part of the gap.
     *
     * @param dimension what the part is due to: {@code time}, {@code size}, {@code indicator}, {@code scope},
     *        {@code sampling}, {@code country}, {@code respondent}, {@code studies} (the two studies' own effects),
     *        {@code figures} (the figures' own effects within their studies) or {@code sampling error}
     * @param logit the part on the logit scale
     * @param standardError its standard error: for a dimension the delta-method one; for the studies', the
     *        figures' own effects and the sampling error the prediction error of the difference of their best linear
     *        unbiased predictions ({@link MultilevelResult#predictionError})
     * @param points its share of the gap in percentage points
     */
    public record Part(String dimension, double logit, double standardError, double points) {
    }

    /**
     * What a part is a linear function of, for its standard error: the coefficients' weights for a dimension, or
     * the weights on the study effects, the figure effects and the sampling errors for an unexplained part (the
     * others null).
     */
    record Contrast(double[] coefficients, double[] clusters, double[] estimates, double[] sampling) {

        /** The contrast scaled by a factor, as a part of several gaps is summed. */
        Contrast times(double factor) {
            return new Contrast(scaled(coefficients, factor), scaled(clusters, factor), scaled(estimates, factor),
                    scaled(sampling, factor));
        }

        /** This contrast plus another of the same kind. */
        Contrast plus(Contrast other) {
            return new Contrast(sum(coefficients, other.coefficients), sum(clusters, other.clusters),
                    sum(estimates, other.estimates), sum(sampling, other.sampling));
        }

        /** The standard error of the part it defines, under the fitted model. */
        double standardError(MultilevelResult model) {
            return coefficients != null ? Math.sqrt(model.covariance(coefficients))
                    : model.predictionError(clusters, estimates, sampling);
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
     * Decomposes the gap between two figures that entered the model.
     *
     * @param fit the adoption model
     * @param first the first figure
     * @param second the second figure
     * @return the decomposition, first minus second
     * @throws IllegalArgumentException if a figure did not enter the model
     */
    public static GapDecomposition of(AdoptionModel.Fit fit, Observation first, Observation second) {
        Objects.requireNonNull(fit, "fit");
        int a = index(fit, Objects.requireNonNull(first, "first"));
        int b = index(fit, Objects.requireNonNull(second, "second"));
        AdoptionData.Entry ea = fit.data().entries().get(a);
        AdoptionData.Entry eb = fit.data().entries().get(b);
        double[] xa = fit.moderators().rowArrayOf(a);
        double[] xb = fit.moderators().rowArrayOf(b);
        List<String> names = fit.moderators().names();
        List<Coefficient> beta = fit.result().coefficients();
        double ta = ea.year() - AdoptionModel.CENTRE_YEAR;
        double tb = eb.year() - AdoptionModel.CENTRE_YEAR;
        double sa = ea.logSize() - fit.meanLogSize();
        double sb = eb.logSize() - fit.meanLogSize();
        Map<String, double[]> weights = new LinkedHashMap<>();
        for (String d : List.of("time", "size", "indicator", "scope", "sampling", "country", "respondent")) {
            weights.put(d, new double[names.size()]);
        }
        for (int k = 1; k < names.size(); k++) {
            String name = names.get(k);
            double difference = xa[k] - xb[k];
            switch (name) {
                case "year" -> weights.get("time")[k] = difference;
                case "log size" -> weights.get("size")[k] = difference;
                case "year × log size" -> {
                    weights.get("time")[k] = (sa + sb) / 2 * (ta - tb);
                    weights.get("size")[k] = (ta + tb) / 2 * (sa - sb);
                }
                default -> weights.get(name.substring(0, name.indexOf(' ')))[k] = difference;
            }
        }
        double ya = fit.data().effectSizes().yi(a);
        double yb = fit.data().effectSizes().yi(b);
        double logitGap = ya - yb;
        double pointsGap = 100 * (first.figure().proportion() - second.figure().proportion());
        List<Part> parts = new ArrayList<>();
        List<Contrast> contrasts = new ArrayList<>();
        MultilevelResult model = fit.result();
        double explained = 0;
        for (Map.Entry<String, double[]> e : weights.entrySet()) {
            double part = 0;
            for (int k = 0; k < names.size(); k++) {
                part += e.getValue()[k] * beta.get(k).estimate();
            }
            explained += part;
            Contrast contrast = new Contrast(e.getValue(), null, null, null);
            contrasts.add(contrast);
            parts.add(new Part(e.getKey(), part, contrast.standardError(model), points(part, logitGap, pointsGap)));
        }
        // What the model does not explain is the two residuals' difference, split as the model splits a residual,
        // y - xβ = u (the study's effect) + w (the figure's own effect within it) + e (its sampling error), each by
        // its best linear unbiased prediction: the study effects cancel when both figures are from one study.
        double[] studyEffects = fit.result().clusterEffects();
        double[] figureEffects = fit.result().estimateEffects();
        List<String> clusters = fit.result().clusterNames();
        double studies = studyEffects[clusters.indexOf(first.study().id())]
                - studyEffects[clusters.indexOf(second.study().id())];
        double figures = figureEffects[a] - figureEffects[b];
        double samplingError = Math.sqrt(fit.data().effectSizes().vi(a) + fit.data().effectSizes().vi(b));
        double[] clusterWeights = new double[clusters.size()];
        clusterWeights[clusters.indexOf(first.study().id())] += 1;
        clusterWeights[clusters.indexOf(second.study().id())] -= 1;
        double[] pair = new double[figureEffects.length];
        pair[a] += 1;
        pair[b] -= 1;
        double[] none = new double[figureEffects.length];
        double[] noCluster = new double[clusters.size()];
        double sampling = logitGap - explained - studies - figures;
        Map<String, Double> unexplained = new LinkedHashMap<>();
        unexplained.put("studies", studies);
        unexplained.put("figures", figures);
        unexplained.put("sampling error", sampling);
        contrasts.add(new Contrast(null, clusterWeights, none, none));
        contrasts.add(new Contrast(null, noCluster, pair, none));
        contrasts.add(new Contrast(null, noCluster, none, pair));
        unexplained.forEach((name, part) -> parts.add(new Part(name, part,
                contrasts.get(parts.size()).standardError(model), points(part, logitGap, pointsGap))));
        // A column left out as redundant still differs between the two figures when its combination of kept
        // columns does: its effect is then inside those columns' parts, and the reader must be told.
        List<String> notes = new ArrayList<>();
        for (AdoptionModel.Redundant r : fit.redundant()) {
            double difference = 0;
            for (Map.Entry<String, Double> c : r.combination().entrySet()) {
                int k = names.indexOf(c.getKey());
                difference += c.getValue() * (xa[k] - xb[k]);
            }
            if (Math.abs(difference) > 1e-8) {
                notes.add(r.column() + " differs between the two figures but cannot be told apart from the other"
                        + " columns among these figures (" + r + "): its effect is inside those parts");
            }
        }
        return new GapDecomposition(first, second, logitGap, pointsGap, samplingError, parts, contrasts, notes);
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
        List<AdoptionData.Entry> entries = fit.data().entries();
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).figure().equals(o)) {
                return i;
            }
        }
        throw new IllegalArgumentException("Figure " + o.label() + " did not enter the model: " + fit.data().excluded()
                .stream().filter(x -> x.figure().equals(o)).map(AdoptionData.Excluded::reason).findFirst()
                .orElse("it is not in the catalogue the model was fitted to"));
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
     * The parts — time, size, indicator, scope, sampling, country, respondent, then what the model does not
     * explain: the studies' own effects, the figures' own effects and sampling error — which add up to the gap.
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
     * What the reader of the parts must know: each dimension the model could not separate from others among these
     * figures (a column left out as redundant) although the two figures differ in it.
     *
     * @return the notes, empty when every difference between the two figures has its own part
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
        for (Part p : parts) {
            text.append(String.format(Locale.ROOT, "  %-14s %+6.1f points  %+.3f", p.dimension(), p.points(), p.logit()));
            if (!Double.isNaN(p.standardError())) {
                text.append(String.format(Locale.ROOT, " (SE %.3f)", p.standardError()));
            }
            text.append('\n');
        }
        notes.forEach(n -> text.append("  note: ").append(n).append('\n'));
        return text.toString().stripTrailing();
    }
}
