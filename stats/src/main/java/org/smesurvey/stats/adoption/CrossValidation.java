package org.smesurvey.stats.adoption;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.smesurvey.core.Observation;
import org.smesurvey.stats.internal.Distributions;

/**
 * How well the adoption model predicts figures it has not seen: each study (or each country) left out in turn,
 * the model refitted on the others — its columns chosen from them alone — and each left-out figure predicted
 * with the 95 % prediction interval of a new study's figure,
 * \( \hat μ \pm z\sqrt{\mathrm{PEV} + σ_s^2 (+ σ_p^2) + σ_f^2 + v_i} \): its country's BLUP where the others carry the
 * country (else the country's variance), the between-study and within-study variances, and the figure's own
 * sampling variance. Reported: the share of figures inside their interval (coverage), the mean absolute error
 * and the mean error (bias) in percentage points.
 *
 * <p>Reference: Hastie, T., Tibshirani, R. &amp; Friedman, J. (2009). <i>The Elements of Statistical Learning</i>,
 * 2nd ed., Springer, §7.10 (cross-validation); leaving out a whole study is the grouped form that respects the
 * nesting of figures in studies (Roberts, D. R. et al. (2017). Cross-validation strategies for data with temporal,
 * spatial, hierarchical, or phylogenetic structure. <i>Ecography</i> 40, 913–929. doi:10.1111/ecog.02881).
 *
 * @since 0.2
 */
public final class CrossValidation {

    /** What is left out in turn. */
    public enum Grouping {
        /** Each study. */
        STUDY("study", "studies", e -> e.figure().study().id()),
        /** Each country (or area). */
        COUNTRY("country", "countries", e -> e.figure().region().code());

        private final String words;
        private final String plural;
        private final Function<AdoptionData.Entry, String> group;

        Grouping(String words, String plural, Function<AdoptionData.Entry, String> group) {
            this.words = words;
            this.plural = plural;
            this.group = group;
        }

        /**
         * The grouping in the plural.
         *
         * @return {@code studies} or {@code countries}
         */
        public String plural() {
            return plural;
        }

        /**
         * The grouping in a word.
         *
         * @return {@code study} or {@code country}
         */
        public String words() {
            return words;
        }
    }

    /**
     * One left-out figure as predicted.
     *
     * @param figure the figure
     * @param observed its published share
     * @param predicted the share predicted without its study (or country)
     * @param lower the prediction interval's lower bound
     * @param upper its upper bound
     * @param countryKnown whether the figure's country was in the refitted model
     */
    public record Held(Observation figure, double observed, double predicted, double lower, double upper,
            boolean countryKnown) {

        /**
         * Whether the published share lies in the interval.
         *
         * @return true if it does
         */
        public boolean covered() {
            return observed >= lower && observed <= upper;
        }

        /**
         * The error in percentage points, predicted minus observed.
         *
         * @return it
         */
        public double errorPoints() {
            return 100 * (predicted - observed);
        }
    }

    private final AdoptionModel.Form form;
    private final Grouping grouping;
    private final List<Held> held;
    private final int groups;

    private CrossValidation(AdoptionModel.Form form, Grouping grouping, List<Held> held, int groups) {
        this.form = form;
        this.grouping = grouping;
        this.held = List.copyOf(held);
        this.groups = groups;
    }

    /**
     * Cross-validates a fit by leaving out each group of its figures.
     *
     * @param fit the model fitted to every figure
     * @param grouping what to leave out in turn
     * @return the predictions of every figure from the others
     */
    public static CrossValidation of(AdoptionModel.Fit fit, Grouping grouping) {
        Objects.requireNonNull(fit, "fit");
        Objects.requireNonNull(grouping, "grouping");
        List<AdoptionData.Entry> entries = fit.data().entries();
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            groups.computeIfAbsent(grouping.group.apply(entries.get(i)), g -> new ArrayList<>()).add(i);
        }
        double z = Distributions.z(0.95);
        Held[] held = new Held[entries.size()];
        for (Map.Entry<String, List<Integer>> group : groups.entrySet()) {
            java.util.Set<Integer> out = new java.util.HashSet<>(group.getValue());
            if (out.size() == entries.size()) {
                throw new IllegalArgumentException("Cross-validation needs at least two " + grouping.plural());
            }
            AdoptionModel.Fit train = grouping == Grouping.STUDY ? fit.studyRefits().get(group.getKey())
                    : fit.refit(i -> !out.contains(i));
            double[] v = fit.samplingVariances();
            for (int i : group.getValue()) {
                AdoptionModel.Profile profile = fit.profile(i);
                double[] prediction = train.predict(profile);
                double half = z * Math.sqrt(prediction[1] + train.newStudyVariance(profile.source()) + v[i]);
                held[i] = new Held(entries.get(i).figure(), entries.get(i).figure().figure().proportion(),
                        AdoptionModel.expit(prediction[0]), AdoptionModel.expit(prediction[0] - half),
                        AdoptionModel.expit(prediction[0] + half), train.countries().contains(profile.country()));
            }
        }
        return new CrossValidation(fit.form(), grouping, List.of(held), groups.size());
    }

    /**
     * Every figure as predicted without its group.
     *
     * @return them, in entry order
     */
    public List<Held> held() {
        return held;
    }

    /**
     * The share of figures inside their 95 % prediction interval.
     *
     * @return the coverage, in [0, 1]
     */
    public double coverage() {
        return held.stream().filter(Held::covered).count() / (double) held.size();
    }

    /**
     * The mean absolute error, in percentage points.
     *
     * @return it
     */
    public double meanAbsoluteError() {
        return held.stream().mapToDouble(h -> Math.abs(h.errorPoints())).average().orElseThrow();
    }

    /**
     * The mean error, predicted minus observed, in percentage points.
     *
     * @return the bias
     */
    public double bias() {
        return held.stream().mapToDouble(Held::errorPoints).average().orElseThrow();
    }

    /**
     * The result in one line, for a fit's summary and the report.
     *
     * @return such as {@code Leaving each study out (75 studies, no ceiling, one speed): 95 % prediction intervals
     *         held 92.2 % of 322 figures; mean absolute error 7.9 points, bias +0.7}
     */
    public String summary() {
        return String.format(Locale.ROOT, "Leaving each %s out (%d %s, %s): 95 %% prediction intervals held %.1f %%"
                + " of %d figures; mean absolute error %.1f points, bias %+.1f", grouping.words(), groups,
                grouping.plural(), form, 100 * coverage(), held.size(), meanAbsoluteError(), bias());
    }
}
