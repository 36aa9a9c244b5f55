package org.smesurvey.stats.survey;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import org.apache.commons.math3.linear.MatrixUtils;
import org.smesurvey.stats.Interval;

/**
 * The one survey estimator: design-based estimates of proportions, means and totals, over all respondents or by
 * domain, on either kind of {@link Design} — Taylor-linearised standard errors on a {@link SurveyDesign},
 * replicate standard errors on a {@link ReplicateDesign}, with design effects on both — as R's {@code svymean},
 * {@code svytotal}, {@code svyby(..., deff = TRUE)} and {@code svyciprop}, with the same results. Each statistic
 * is two passes over primitive arrays, whatever the number of domains (on a replicate design, two more for the
 * design effects). Missing answers and zero weights are handled as survey's {@code na.rm = TRUE} ({@link Answers}).
 *
 * <p>A domain is estimated as survey estimates on {@code subset(design, domain)}: ratio estimators over the
 * domain's respondents, variances over the whole design with zeros outside the domain, degrees of freedom and
 * design effects from the domain's own respondents. The domains are the labels present among the
 * respondents, as {@code svyby} drops empty levels; a domain with a single respondent gets a design effect of
 * NaN (its simple-random-sampling variance is undefined), as survey's does, and so does a proportion of 0 or 1
 * (0/0; see {@link SurveyEstimate#designEffect()}).
 *
 * <p>Two estimates survey gives as NaN without a word are refused here with an {@link IllegalArgumentException}
 * that says why: a mean or share over respondents whose weights sum to 0 (possible only with
 * {@linkplain SurveyDesign.Builder#allowNegativeWeights() negative weights}), and a linearised standard error
 * under {@link LonelyPsu#AVERAGE} when every stratum holding the estimate's respondents has a single primary unit,
 * so that there is no stratum variance to average (survey's {@code options(survey.lonely.psu = "average")} gives
 * a standard error of NaN, and {@code svyby}'s {@code covmat} NaN or 0). Totals, whose weights need not sum to
 * anything, are not refused for their weights.
 *
 * <p>Under {@link LonelyPsu#AVERAGE} with only some strata single-PSU, survey gives a domain two variances, and so
 * does this class: {@code svyby}'s standard errors treat each domain as a subset, averaging over the strata that
 * hold its respondents ({@link #proportionBy} and the other {@code …By} methods), while {@code svyby(...,
 * covmat = TRUE)} averages over every stratum of the design ({@link #proportionsBy}'s covariance, whose diagonal
 * then differs from the squared standard errors by the ratio of the two counts of strata).
 *
 * <p>References: Lumley, T. (2010). <i>Complex Surveys: A Guide to Analysis Using R</i>. Wiley, ch. 2 and 3;
 * Kish, L. (1965). <i>Survey Sampling</i>. Wiley, §8.2 (design effect).
 *
 * @since 0.1
 */
public final class SurveyEstimator {

    /** The full-sample design: the one linearised, or the one the replicates were made from. */
    private final SurveyDesign design;
    /** The replicate design whose replicates give the variances, or null for Taylor linearisation. */
    private final ReplicateDesign replicate;
    private final boolean withReplacement;

    private SurveyEstimator(SurveyDesign design, ReplicateDesign replicate, boolean withReplacement) {
        this.design = design;
        this.replicate = replicate;
        this.withReplacement = withReplacement;
    }

    /**
     * A design-based generalised linear model of an answer on a model matrix, survey's {@code svyglm}: the
     * Binder sandwich on a linearised or calibrated design, the replicates' spread of refitted coefficients on a
     * replicate design (see {@link SurveyRegression}).
     *
     * @param y each respondent's answer, in design order
     * @param x the model matrix, with its intercept
     * @param family the family and its canonical link
     * @return the fit
     * @throws IllegalArgumentException as {@link SurveyRegression}
     */
    public SurveyRegression regression(double[] y, org.smesurvey.stats.meta.Moderators x,
            SurveyRegression.Family family) {
        return SurveyRegression.fit(replicate != null ? replicate : design, y, x, family);
    }

    /**
     * A design-based generalised linear model of a column of the respondents on named terms, survey's
     * {@code svyglm(answer ~ band + country + band:country, design, family)}: an answer column (0 or 1, a missing
     * answer leaving the respondent out) or a numeric column, on the terms' model matrix ({@link ModelTerms}).
     *
     * @param answer the name of an answer or numeric column of the respondents the terms were read from
     * @param x the terms, built from {@link ModelTerms#builder(Respondents)}
     * @param family the family and its canonical link
     * @return the fit, whose tests and predictions take the terms by name
     * @throws IllegalArgumentException if the terms were read from a table rather than respondents, the column is
     *         neither an answer nor a numeric column, or as {@link #regression(Answers, ModelTerms,
     *         SurveyRegression.Family)}
     */
    public SurveyRegression regression(String answer, ModelTerms x, SurveyRegression.Family family) {
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(x, "x");
        Respondents data = x.source();
        if (data == null) {
            throw new IllegalArgumentException("The terms were read from a table: give the answers themselves,"
                    + " as Answers or double[]");
        }
        if (data.answerColumns().contains(answer)) {
            return regression(data.answers(answer), x, family);
        }
        if (data.numberColumns().contains(answer)) {
            return regression(data.numbers(answer), x, family);
        }
        throw new IllegalArgumentException("No answer or numeric column " + answer + "; the answers are "
                + data.answerColumns() + ", the numeric columns " + data.numberColumns());
    }

    /**
     * A design-based generalised linear model of yes/no answers on named terms, survey's {@code svyglm(answer ~
     * terms, design, family)} with the answers as 0 and 1. A respondent whose answer or a term's value is missing is
     * left out as survey leaves out the rows R's {@code na.omit} drops: out of the fit, its contributions 0 in the
     * variance while the design's strata and clusters stay ({@code design[-nas, ]}), the degrees of freedom those of
     * the respondents kept.
     *
     * @param y each respondent's answer, some perhaps missing
     * @param x the terms ({@link ModelTerms})
     * @param family the family and its canonical link (binomial or quasi-binomial, usually)
     * @return the fit, whose tests and predictions take the terms by name
     * @throws IllegalArgumentException if the answers or the terms are not as many as the respondents, or as
     *         {@link SurveyRegression} (the model matrix is not of full rank among the respondents kept, the fit does
     *         not converge)
     */
    public SurveyRegression regression(Answers y, ModelTerms x, SurveyRegression.Family family) {
        requireAnswers(y);
        return regression(y.numbers(), x, family);
    }

    /**
     * A design-based generalised linear model of an answer on named terms, survey's {@code svyglm(y ~ terms,
     * design, family)}; a NaN answer is missing (R's {@code NA}) and leaves the respondent out, as a missing
     * term's value does ({@link #regression(Answers, ModelTerms, SurveyRegression.Family)}).
     *
     * @param y each respondent's answer, in design order, NaN where missing
     * @param x the terms ({@link ModelTerms})
     * @param family the family and its canonical link
     * @return the fit, whose tests and predictions take the terms by name
     * @throws IllegalArgumentException if the answers or the terms are not as many as the respondents, an answer is
     *         infinite or outside the family's range, or as {@link SurveyRegression}
     */
    public SurveyRegression regression(double[] y, ModelTerms x, SurveyRegression.Family family) {
        Objects.requireNonNull(y, "y");
        Objects.requireNonNull(x, "x");
        SurveyDesign.requireLength(y.length, design.n, "answers");
        SurveyDesign.requireLength(x.size(), design.n, "terms");
        boolean[] complete = x.completeOrNull();
        boolean[] kept = null;
        for (int i = 0; i < y.length; i++) {
            boolean in = !Double.isNaN(y[i]) && (complete == null || complete[i]);
            if (!in && kept == null) {
                kept = new boolean[y.length];
                for (int j = 0; j < i; j++) {
                    kept[j] = true;
                }
            }
            if (kept != null) {
                kept[i] = in;
            }
        }
        return SurveyRegression.fit(replicate != null ? replicate : design, y, x.matrix(), family, kept, x);
    }

    /**
     * A design-based proportional-odds regression of an ordered answer given by level number, survey's
     * {@code svyolr(answer ~ ..., design, method)}: the sandwich on a linearised or calibrated design, the
     * replicates' spread on a replicate design (see {@link OrdinalRegression}).
     *
     * @param codes each respondent's answer, 1 to K for the K levels (a Likert item's 1 to 5), 0 if missing
     * @param levels the K ≥ 3 levels' labels, lowest first
     * @param x the model matrix; its intercept, if it has one, is dropped (the cut-points take its place)
     * @param link the link
     * @return the fit
     * @throws IllegalArgumentException as {@link OrdinalRegression}
     */
    public OrdinalRegression ordinalRegression(int[] codes, List<String> levels,
            org.smesurvey.stats.meta.Moderators x, OrdinalRegression.Link link) {
        return OrdinalRegression.fit(replicate != null ? replicate : design, codes, levels, x, link);
    }

    /**
     * A design-based proportional-odds regression of an ordered answer given as labels, survey's {@code svyolr}
     * on an ordered factor (see {@link OrdinalRegression}).
     *
     * @param answers each respondent's answer, one of the levels, or null if missing
     * @param order the K ≥ 3 levels, lowest first
     * @param x the model matrix; its intercept, if it has one, is dropped
     * @param link the link
     * @return the fit
     * @throws IllegalArgumentException if an answer is not one of the levels, or as {@link OrdinalRegression}
     */
    public OrdinalRegression ordinalRegression(String[] answers, List<String> order,
            org.smesurvey.stats.meta.Moderators x, OrdinalRegression.Link link) {
        return OrdinalRegression.fit(replicate != null ? replicate : design, answers, order, x, link);
    }

    /**
     * A design-based proportional-odds regression of an ordered answer on named terms, survey's {@code
     * svyolr(answer ~ band + region, design)}: the terms' model matrix without its intercept (the cut-points take its
     * place); a respondent whose answer or a term's value is missing is left out, as R's {@code na.omit} leaves out
     * the rows ({@link OrdinalRegression}).
     *
     * @param codes each respondent's answer as its level's number, 1 (lowest) to K, or 0 if missing
     * @param levels the K ≥ 3 levels' names, lowest first
     * @param x the terms ({@link ModelTerms})
     * @param link the link
     * @return the fit
     * @throws IllegalArgumentException if the terms are not as many as the respondents, or as
     *         {@link OrdinalRegression}
     */
    public OrdinalRegression ordinalRegression(int[] codes, List<String> levels, ModelTerms x,
            OrdinalRegression.Link link) {
        Objects.requireNonNull(codes, "codes");
        Objects.requireNonNull(x, "x");
        SurveyDesign.requireLength(x.size(), design.n, "terms");
        int[] kept = codes;
        if (x.incomplete() > 0) {
            kept = codes.clone();
            for (int i = 0; i < kept.length && i < x.size(); i++) {
                kept[i] = x.isComplete(i) ? kept[i] : 0;
            }
        }
        return ordinalRegression(kept, levels, x.matrix(), link);
    }

    /**
     * A design-based proportional-odds regression of an ordered answer given as labels on named terms, survey's
     * {@code svyolr} on an ordered factor (see {@link #ordinalRegression(int[], List, ModelTerms,
     * OrdinalRegression.Link)}).
     *
     * @param answers each respondent's answer, one of the levels, or null if missing
     * @param order the K ≥ 3 levels, lowest first
     * @param x the terms ({@link ModelTerms})
     * @param link the link
     * @return the fit
     * @throws IllegalArgumentException if an answer is not one of the levels, the terms are not as many as the
     *         respondents, or as {@link OrdinalRegression}
     */
    public OrdinalRegression ordinalRegression(String[] answers, List<String> order, ModelTerms x,
            OrdinalRegression.Link link) {
        Objects.requireNonNull(answers, "answers");
        Objects.requireNonNull(x, "x");
        SurveyDesign.requireLength(x.size(), design.n, "terms");
        String[] kept = answers;
        if (x.incomplete() > 0) {
            kept = answers.clone();
            for (int i = 0; i < kept.length && i < x.size(); i++) {
                kept[i] = x.isComplete(i) ? kept[i] : null;
            }
        }
        return ordinalRegression(kept, order, x.matrix(), link);
    }

    /**
     * An estimator on a design: Taylor-linearised variances for a {@link SurveyDesign}, replicate variances for a
     * {@link ReplicateDesign}. Both give design effects; a replicate design's divide the replicate variance by the
     * simple-random-sampling variance of survey's {@code svymean.svyrep.design}, whose n counts the rows of weight 0
     * ({@link SurveyEstimate#simpleRandomSampleVariance()}).
     *
     * @param design the design
     * @return the estimator
     * @throws NullPointerException if the design is null
     */
    public static SurveyEstimator of(Design design) {
        Objects.requireNonNull(design, "design");
        return design instanceof ReplicateDesign r ? new SurveyEstimator(r.base(), r, false)
                : new SurveyEstimator((SurveyDesign) design, null, false);
    }

    /**
     * An estimator whose design effects compare with simple random sampling <em>with</em> replacement, survey's
     * {@code deff = "replace"}: the variance over \( s^2/n \) rather than \( s^2(1 - n/\hat N)/n \) (Kish's
     * deff against sampling without replacement, the default, {@code deff = TRUE}).
     *
     * @return a new estimator on the same design
     */
    public SurveyEstimator withReplacementDesignEffects() {
        return new SurveyEstimator(design, replicate, true);
    }

    /** What an estimate is: a ratio of weighted sums over a domain (mean, proportion) or a weighted sum. */
    private enum Statistic { PROPORTION, MEAN, TOTAL }

    /**
     * The one pipeline of every estimate: the domains, the respondents left out (a missing answer, a weight of 0)
     * as one more domain, then the design's variances — linearised, or from the replicates.
     */
    private List<SurveyEstimate> estimate(List<String> labels, int[] codes, boolean[] answered, Variable y,
            Statistic statistic) {
        return estimate(labels, codes, null, answered, y, statistic);
    }

    /** The domains' respondents for a replicate design, which would otherwise count them in its pass; else null. */
    private int[] replicateCounts(Domains domains) {
        return replicate != null ? domains.counts() : null;
    }

    /** As above, with the respondents of each code when known (counted once by {@link Domains}), or null. */
    private List<SurveyEstimate> estimate(List<String> labels, int[] codes, int[] counts, boolean[] answered,
            Variable y, Statistic statistic) {
        Included included = Included.of(design, codes, labels.size(), answered);
        List<String> names = included.labels(labels);
        List<SurveyEstimate> all;
        if (replicate != null) {
            // the counts hold only while nobody is set apart (an answer missing, a weight of 0)
            ReplicateDesign.Estimates replicated = replicate.estimates(names, included.codes(),
                    included.codes() == codes ? counts : null, y, statistic != Statistic.TOTAL);
            all = withReplicateDesignEffects(replicated, labels.size(), codes, answered, y,
                    statistic == Statistic.TOTAL);
        } else if (statistic == Statistic.TOTAL) {
            all = totals(names, included.codes(), included.count(), y);
        } else {
            all = means(names, included.codes(), included.count(), y, statistic == Statistic.PROPORTION);
        }
        return requireDefined(included.keep(all), codes == null, statistic != Statistic.TOTAL);
    }

    /**
     * The replicate estimates with the design effects and simple-random-sampling variances survey's
     * {@code svymean.svyrep.design} and {@code svytotal.svyrep.design} give with {@code deff = TRUE} or
     * {@code "replace"} (and {@code svyby}, which subsets the replicate design by domain): the unit variance
     * {@code svyvar(x, design, estimate.only = TRUE)} over the rows answered in the domain, with n = those rows —
     * survey's {@code length(design$pweights)}, which, unlike a linearised design's n, counts the rows of weight 0
     * — and \( \hat N \) their weights' sum.
     */
    private List<SurveyEstimate> withReplicateDesignEffects(ReplicateDesign.Estimates replicated, int domains,
            int[] codes, boolean[] answered, Variable y, boolean total) {
        double[] w = design.weights;
        double[] mean = new double[domains];
        for (int d = 0; d < domains; d++) {
            mean[d] = replicated.weighted()[d] / replicated.weights()[d];
        }
        // The domains' sums came with the replicate pass. For 0/1 answers on a design without weights of 0 they
        // are all it takes: the rows answered are the domain's respondents, and as y² = y the weighted squares
        // about the mean m are Σwy (1 − m). Otherwise one more pass, in parallel chunks, gives per domain the rows
        // answered (weight 0 included) at 2d and the weighted squares about the domain's mean at 2d + 1.
        List<SurveyEstimate> estimates = replicated.estimates();
        double[] squares = y.isZeroOne() && !design.hasZeroWeights ? new double[2 * domains]
                : Chunks.sum(design.n, (from, to) -> {
            double[] into = new double[2 * domains];
            for (int i = from; i < to; i++) {
                if (answered == null || answered[i]) {
                    int d = 2 * (codes == null ? 0 : codes[i]);
                    double deviation = y.at(i) - mean[d / 2];
                    into[d]++;
                    into[d + 1] += w[i] * deviation * deviation;
                }
            }
            return into;
        });
        if (y.isZeroOne() && !design.hasZeroWeights) {
            for (int d = 0; d < domains; d++) {
                squares[2 * d] = estimates.get(d).respondents();
                squares[2 * d + 1] = replicated.weighted()[d] * (1 - mean[d]);
            }
        }
        List<SurveyEstimate> with = new ArrayList<>(estimates);
        for (int d = 0; d < domains; d++) {
            SurveyEstimate e = estimates.get(d);
            int n = (int) squares[2 * d];
            double sumW = replicated.weights()[d];
            double unitVariance = squares[2 * d + 1] / sumW * n / (n - 1);
            double variance = e.standardError() * e.standardError();
            with.set(d, withDesignEffect(e.label(), e.estimate(), variance,
                    total ? unitVariance * sumW * sumW : unitVariance, sumW, n, e.respondents(),
                    e.degreesOfFreedom()));
        }
        return with;
    }

    /**
     * Refuses what survey would give as NaN or an infinity: a mean or share over respondents whose weights sum to
     * 0 (negative weights allowed), and a linearised standard error {@link LonelyPsu#AVERAGE} has no stratum to
     * average for.
     */
    private List<SurveyEstimate> requireDefined(List<SurveyEstimate> estimates, boolean overall, boolean ratio) {
        for (SurveyEstimate e : estimates) {
            String what = !overall ? "domain " + e.label() : e.label().isEmpty() ? "the design" : "'" + e.label() + "'";
            if (ratio && !Double.isFinite(e.estimate())) {
                throw new IllegalArgumentException("The weights of the respondents of " + what + " sum to 0: its"
                        + " mean or share, a ratio to that sum, is undefined");
            }
            if (replicate == null && Double.isNaN(e.standardError()) && design.lonelyPsu == LonelyPsu.AVERAGE) {
                throw Linearisation.nothingToAverage(design, what);
            }
        }
        return estimates;
    }

    /**
     * The weighted share of respondents answering yes, survey's {@code svymean(~I(answer), design, deff = TRUE)}.
     *
     * @param label what is estimated
     * @param answers each respondent's answer
     * @return the estimate
     * @throws IllegalArgumentException if there are not as many answers as respondents, or
     *         {@link LonelyPsu#AVERAGE} has no stratum variance to average (class description)
     */
    public SurveyEstimate proportion(String label, boolean[] answers) {
        Objects.requireNonNull(label, "label");
        requireAnswers(answers);
        // none missing: the flags are read as they are, without building Answers' numbers for one call
        return estimate(List.of(label), null, null, Variable.of(answers), Statistic.PROPORTION).get(0);
    }

    /**
     * The weighted share of those who answered that answered yes, survey's {@code svymean(~I(answer), design,
     * na.rm = TRUE, deff = TRUE)}: the respondents with a missing answer, and those with weight 0, count in the
     * variance as zeros and nowhere else (see {@link Answers}). Its degrees of freedom are those of the design subset
     * to those who answered, as survey's {@code degf(subset(design, !is.na(answer)))}: on a replicate design the rank
     * of the answered rows' replicate weights less one (see {@link ReplicateDesign#degreesOfFreedom()}).
     *
     * @param label what is estimated
     * @param answers each respondent's answer, some perhaps missing
     * @return the estimate
     * @throws IllegalArgumentException if there are not as many answers as respondents, none answered, the
     *         weights of those who answered sum to 0, or {@link LonelyPsu#AVERAGE} has no stratum variance to
     *         average (class description)
     */
    public SurveyEstimate proportion(String label, Answers answers) {
        Objects.requireNonNull(label, "label");
        requireAnswers(answers);
        byte[] yes = answers.valueArray();
        List<SurveyEstimate> estimates = estimate(List.of(label), null, answers.answeredOrNull(), Variable.of(yes),
                Statistic.PROPORTION);
        if (estimates.isEmpty()) {
            throw new IllegalArgumentException("No respondent with a non-zero weight answered: " + label);
        }
        return ofTheAnswered(estimates.get(0), answers);
    }

    /**
     * An estimate of those who answered with the degrees of freedom of the design subset to them: on a replicate
     * design survey's {@code subset(design, !is.na(answer))} counts {@code degf} again on the rows kept (a linearised
     * design's estimate already counts the units that answered).
     */
    private SurveyEstimate ofTheAnswered(SurveyEstimate estimate, Answers answers) {
        if (replicate == null || answers.answeredOrNull() == null) {
            return estimate;
        }
        return new SurveyEstimate(estimate.label(), estimate.estimate(), estimate.standardError(),
                estimate.designEffect(), estimate.respondents(), replicate.degreesOfFreedom(answers.answeredOrNull()),
                estimate.simpleRandomSampleVariance(), estimate.simpleRandomSampleVarianceWithReplacement());
    }

    /**
     * The weighted mean \( \sum w_i y_i / \sum w_i \), survey's {@code svymean(~y, design, deff = TRUE)}.
     *
     * @param label what is estimated
     * @param values each respondent's value, finite
     * @return the estimate
     * @throws IllegalArgumentException if there are not as many values as respondents, one is not finite, or
     *         {@link LonelyPsu#AVERAGE} has no stratum variance to average (class description)
     */
    public SurveyEstimate mean(String label, double[] values) {
        Objects.requireNonNull(label, "label");
        double[] y = requireValues(values);
        return estimate(List.of(label), null, null, Variable.of(y), Statistic.MEAN).get(0);
    }

    /**
     * The weighted mean of yes/no answers as 0 and 1 among those who answered, survey's {@code svymean(~y, design,
     * na.rm = TRUE, deff = TRUE)}: the share answering yes, the same estimate as {@link #proportion(String, Answers)}.
     *
     * @param label what is estimated
     * @param answers each respondent's answer, some perhaps missing
     * @return the estimate
     * @throws IllegalArgumentException as {@link #proportion(String, Answers)}
     */
    public SurveyEstimate mean(String label, Answers answers) {
        return proportion(label, answers);
    }

    /**
     * The weighted total of yes/no answers as 0 and 1 among those who answered, survey's {@code svytotal(~y,
     * design, na.rm = TRUE, deff = TRUE)}: the estimated number answering yes, the unanswered counting in the
     * variance as zeros and nowhere else (as {@link Answers}); the degrees of freedom of the design subset to those
     * who answered, as {@link #proportion(String, Answers)}.
     *
     * @param label what is estimated
     * @param answers each respondent's answer, some perhaps missing
     * @return the estimate
     * @throws IllegalArgumentException if there are not as many answers as respondents, none with a non-zero weight
     *         answered, or {@link LonelyPsu#AVERAGE} has no stratum variance to average (class description)
     */
    public SurveyEstimate total(String label, Answers answers) {
        Objects.requireNonNull(label, "label");
        requireAnswers(answers);
        List<SurveyEstimate> estimates = estimate(List.of(label), null, answers.answeredOrNull(),
                Variable.of(answers.valueArray()), Statistic.TOTAL);
        if (estimates.isEmpty()) {
            throw new IllegalArgumentException("No respondent with a non-zero weight answered: " + label);
        }
        return ofTheAnswered(estimates.get(0), answers);
    }

    /**
     * The weighted total \( \sum w_i y_i \), survey's {@code svytotal(~y, design, deff = TRUE)}.
     *
     * @param label what is estimated
     * @param values each respondent's value, finite
     * @return the estimate
     * @throws IllegalArgumentException if there are not as many values as respondents, one is not finite, or
     *         {@link LonelyPsu#AVERAGE} has no stratum variance to average (class description)
     */
    public SurveyEstimate total(String label, double[] values) {
        Objects.requireNonNull(label, "label");
        double[] y = requireValues(values);
        return estimate(List.of(label), null, null, Variable.of(y), Statistic.TOTAL).get(0);
    }

    /**
     * The ratio of two totals \( \hat R = \sum w_i y_i / \sum w_i x_i \), survey's {@code svyratio(~y, ~x, design)}
     * — the share of enterprises' employees in firms that use a network, say, or any mean over a sub-population
     * whose size is itself estimated. Linearised: the variance of the total of \( w_i(y_i - \hat R x_i)/\hat X \)
     * (projected on any calibration); on a replicate design, the replicates' ratios.
     *
     * <p>Reference: Cochran, W. G. (1977). <i>Sampling Techniques</i>, 3rd ed. Wiley, §6.4; Lumley (2010), §3.2.
     *
     * @param label what is estimated
     * @param numerator each respondent's y, finite
     * @param denominator each respondent's x, finite
     * @return the ratio with its standard error (no design effect) and the design's degrees of freedom
     * @throws IllegalArgumentException if the arrays' lengths differ from the respondents', a value is not
     *         finite, the estimated total of x is 0, or {@link LonelyPsu#AVERAGE} has no stratum variance to
     *         average (class description)
     */
    public SurveyEstimate ratio(String label, double[] numerator, double[] denominator) {
        Objects.requireNonNull(label, "label");
        return ratio(label, requireValues(numerator), requireValues(denominator), null);
    }

    /**
     * The ratio of the totals of two yes/no answers as 0 and 1, survey's {@code svyratio(~y, ~x, design, na.rm =
     * TRUE)} — the share using internal networks among the firms using external ones, say: over the respondents who
     * answered both (the others count in the variance as zeros, and the degrees of freedom are theirs), as
     * {@link #ratio(String, double[], double[])} otherwise.
     *
     * @param label what is estimated
     * @param numerator each respondent's y, some perhaps missing
     * @param denominator each respondent's x, some perhaps missing
     * @return the ratio with its standard error (no design effect); its respondents those with a non-zero weight
     *         who answered both
     * @throws IllegalArgumentException if the answers are not as many as the respondents, the estimated total of x
     *         among those who answered both is 0, or {@link LonelyPsu#AVERAGE} has no stratum variance to average
     */
    public SurveyEstimate ratio(String label, Answers numerator, Answers denominator) {
        Objects.requireNonNull(label, "label");
        requireAnswers(numerator);
        requireAnswers(denominator);
        return ratio(label, numerator.numbers(), denominator.numbers(), answeredBoth(numerator, denominator));
    }

    /**
     * The ratio of the total of a yes/no answer as 0 and 1 to a numeric variable's, survey's {@code svyratio(~y,
     * ~x, design, na.rm = TRUE)} — the share of employees in firms answering yes, with y the answer times the
     * employees, or answers per employee: over the respondents who answered, as
     * {@link #ratio(String, Answers, Answers)}.
     *
     * @param label what is estimated
     * @param numerator each respondent's answer, some perhaps missing
     * @param denominator each respondent's x, finite
     * @return the ratio with its standard error (no design effect)
     * @throws IllegalArgumentException as {@link #ratio(String, Answers, Answers)}, or if a value is not finite
     */
    public SurveyEstimate ratio(String label, Answers numerator, double[] denominator) {
        Objects.requireNonNull(label, "label");
        requireAnswers(numerator);
        return ratio(label, numerator.numbers(), requireValues(denominator), numerator.answeredOrNull());
    }

    /**
     * The ratio of a numeric variable's total to that of a yes/no answer as 0 and 1, survey's {@code svyratio(~y,
     * ~x, design, na.rm = TRUE)} — employees per firm answering yes: over the respondents who answered, as
     * {@link #ratio(String, Answers, Answers)}.
     *
     * @param label what is estimated
     * @param numerator each respondent's y, finite
     * @param denominator each respondent's answer, some perhaps missing
     * @return the ratio with its standard error (no design effect)
     * @throws IllegalArgumentException as {@link #ratio(String, Answers, Answers)}, or if a value is not finite
     */
    public SurveyEstimate ratio(String label, double[] numerator, Answers denominator) {
        Objects.requireNonNull(label, "label");
        requireAnswers(denominator);
        return ratio(label, requireValues(numerator), denominator.numbers(), denominator.answeredOrNull());
    }

    /** Who answered both, or null when nobody misses either. */
    private static boolean[] answeredBoth(Answers a, Answers b) {
        if (a.missing() == 0 && b.missing() == 0) {
            return null;
        }
        boolean[] both = a.answered();
        for (int i = 0; i < both.length; i++) {
            both[i] &= b.isAnswered(i);
        }
        return both;
    }

    /**
     * The ratio over the respondents kept (null: all), the others' values taken as 0: survey's
     * {@code design[!missing, ]}, which keeps them in the variance as zeros.
     */
    private SurveyEstimate ratio(String label, double[] numerator, double[] denominator, boolean[] kept) {
        double[] y = numerator;
        double[] x = denominator;
        int respondents = design.n;
        int df = (replicate != null ? replicate : design).degreesOfFreedom();
        if (kept != null) {
            y = y.clone();
            x = x.clone();
            double[] keptWeights = design.weights.clone();
            respondents = 0;
            for (int i = 0; i < design.n; i++) {
                y[i] = kept[i] ? y[i] : 0;
                x[i] = kept[i] ? x[i] : 0;
                keptWeights[i] = kept[i] ? keptWeights[i] : 0;
                respondents += kept[i] && keptWeights[i] != 0 ? 1 : 0;
            }
            df = replicate != null ? df : design.reweighted(keptWeights).degreesOfFreedom();
        }
        double[] w = design.weights;
        double sumY = 0;
        double sumX = 0;
        for (int i = 0; i < design.n; i++) {
            sumY += w[i] * y[i];
            sumX += w[i] * x[i];
        }
        if (sumX == 0) {
            throw new IllegalArgumentException("The estimated total of the denominator of " + label + " is 0");
        }
        double ratio = sumY / sumX;
        double variance;
        if (replicate != null) {
            double[] values = new double[design.n * 2];
            for (int i = 0; i < design.n; i++) {
                values[2 * i] = y[i];
                values[2 * i + 1] = x[i];
            }
            double[][] totals = replicate.replicateTotals(values, 2);
            double[][] ratios = new double[totals.length][];
            for (int r = 0; r < totals.length; r++) {
                ratios[r] = new double[] {totals[r][0] / totals[r][1]};
            }
            variance = replicate.covariance(ratios, new double[] {ratio})[0][0];
        } else {
            double total = sumX;
            double[] residuals = new double[design.n];
            for (int i = 0; i < design.n; i++) {
                residuals[i] = y[i] - ratio * x[i];
            }
            variance = Linearisation.variances(design, 1, null, Variable.of(residuals), new double[1],
                    new double[] {1 / total})[0];
            if (Double.isNaN(variance) && design.lonelyPsu == LonelyPsu.AVERAGE) {
                throw Linearisation.nothingToAverage(design, "'" + label + "'");
            }
        }
        return new SurveyEstimate(label, ratio, Math.sqrt(variance), OptionalDouble.empty(), respondents, df);
    }

    /**
     * The design-based estimate of the population variance of a variable, survey's {@code svyvar(~y, design)}:
     * \( \hat S^2 = \frac{n}{n-1} \sum_i w_i (y_i - \bar y)^2 / \sum_i w_i \), n the respondents with a non-zero
     * weight, with its standard error — on a linearised or calibrated design that of the weighted mean of
     * \( \frac{n}{n-1}(y_i - \bar y)^2 \) (\( \bar y \) held fixed, as survey does: its own variation adds nothing
     * to first order, the deviations summing to 0); on a replicate design the replicates' spread of the variance
     * recomputed with each replicate's weights and mean. No design effect. survey prints it as
     * {@code SurveyEstimate.table(List.of(v), "variance")} lays it out.
     *
     * <p>Reference: Lumley, T. (2010). <i>Complex Surveys</i>. Wiley, §2.3; Kish, L. (1965). <i>Survey
     * Sampling</i>. Wiley, §2.2 (the n − 1 divisor, which design effects rest on).
     *
     * @param label what is estimated
     * @param values each respondent's value, finite
     * @return the variance, its standard error, the respondents and the degrees of freedom
     * @throws IllegalArgumentException if there are not as many values as respondents, one is not finite, fewer
     *         than two respondents have a non-zero weight, or {@link LonelyPsu#AVERAGE} has no stratum variance to
     *         average (class description)
     */
    public SurveyEstimate variance(String label, double[] values) {
        Objects.requireNonNull(label, "label");
        return variance(label, Variable.of(requireValues(values)), null);
    }

    /**
     * The design-based estimate of the population variance of a yes/no answer coded 0/1 among those who answered,
     * survey's {@code svyvar(~y, design, na.rm = TRUE)}: as {@link #variance(String, double[])} over the respondents
     * who answered, the others counting in the variance as zeros.
     *
     * <p><b>survey 4.1.1 and 4.4 differ</b> here on a linearised or calibrated design: 4.4 (and this method) takes
     * n in \( n/(n-1) \) as the respondents who answered with a non-zero weight; 4.1.1 counts every respondent with
     * a non-zero weight, answered or not, so its estimate and standard error are this method's times
     * \( n_{all}(n - 1)/((n_{all} - 1) n) \). On a replicate design both versions count the rows answered, and so
     * do they here, a respondent of weight 0 included (survey's {@code NROW(x)} there).
     *
     * @param label what is estimated
     * @param answers each respondent's answer, some perhaps missing
     * @return the variance, its standard error, the respondents and the degrees of freedom
     * @throws IllegalArgumentException if there are not as many answers as respondents, fewer than two respondents
     *         with a non-zero weight answered, or {@link LonelyPsu#AVERAGE} has no stratum variance to average
     *         (class description)
     */
    public SurveyEstimate variance(String label, Answers answers) {
        Objects.requireNonNull(label, "label");
        requireAnswers(answers);
        return variance(label, Variable.of(answers.valueArray()), answers.answeredOrNull());
    }

    /**
     * The design-based estimate of the population covariance matrix of several variables, survey's
     * {@code svyvar(~x + z, design)}, with the covariance of its entries ({@link SurveyCovariance}).
     *
     * @param labels the variables' names, distinct
     * @param values each variable's values, in the labels' order, finite
     * @return the estimate
     * @throws IllegalArgumentException if the lists differ in length or are empty, the names repeat, an array's
     *         length differs from the respondents', a value is not finite, fewer than two respondents have a non-zero
     *         weight, or {@link LonelyPsu#AVERAGE} has no stratum variance to average (class description)
     */
    public SurveyCovariance covariance(List<String> labels, List<double[]> values) {
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(values, "values");
        int p = labels.size();
        if (p == 0 || values.size() != p || labels.stream().distinct().count() != p) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%d labels and %d variables; at least one"
                    + " of each, as many labels as variables, no label twice: %s", p, values.size(), labels));
        }
        Variable[] ys = new Variable[p];
        for (int j = 0; j < p; j++) {
            ys[j] = Variable.of(requireValues(values.get(j)));
        }
        return covariance(labels, ys, null);
    }

    /** svyvar of one variable: linearised through the mean's pipeline, or from the replicates. */
    private SurveyEstimate variance(String label, Variable y, boolean[] answered) {
        if (replicate != null) {
            SurveyCovariance c = covariance(List.of(label), new Variable[] {y}, answered);
            return new SurveyEstimate(label, c.estimate()[0][0], c.standardErrors()[0][0], OptionalDouble.empty(),
                    c.respondents(), c.degreesOfFreedom());
        }
        double[] w = design.weights;
        int n = 0;
        double sumW = 0;
        double sumY = 0;
        for (int i = 0; i < design.n; i++) {
            if (w[i] != 0 && (answered == null || answered[i])) {
                n++;
                sumW += w[i];
                sumY += w[i] * y.at(i);
            }
        }
        requireTwo(n, label);
        double mean = sumY / sumW;
        double factor = n / (n - 1.0);
        double[] z = new double[design.n];
        for (int i = 0; i < design.n; i++) {
            double deviation = y.at(i) - mean;
            z[i] = deviation * deviation * factor;
        }
        SurveyEstimate e = estimate(List.of(label), null, answered, Variable.of(z), Statistic.MEAN).get(0);
        return new SurveyEstimate(label, e.estimate(), e.standardError(), OptionalDouble.empty(), e.respondents(),
                e.degreesOfFreedom());
    }

    /**
     * svyvar of several variables: the weighted means of the products of deviations times n/(n − 1), their
     * covariance linearised (projected on any calibration) or, on a replicate design, recomputed replicate by
     * replicate with each replicate's means, as {@code svyvar.svyrep.design}.
     */
    private SurveyCovariance covariance(List<String> labels, Variable[] ys, boolean[] answered) {
        int p = ys.length;
        int k = p * p;
        double[] w = design.weights;
        boolean[] in = new boolean[design.n];
        int respondents = 0;
        int rows = 0;
        double sumW = 0;
        double[] mean = new double[p];
        for (int i = 0; i < design.n; i++) {
            boolean answeredRow = answered == null || answered[i];
            rows += answeredRow ? 1 : 0;
            in[i] = answeredRow && w[i] != 0;
            if (in[i]) {
                respondents++;
                sumW += w[i];
                for (int j = 0; j < p; j++) {
                    mean[j] += w[i] * ys[j].at(i);
                }
            }
        }
        String what = String.join(" + ", labels);
        requireTwo(respondents, what);
        for (int j = 0; j < p; j++) {
            mean[j] /= sumW;
        }
        if (replicate != null) {
            // survey's replicate svyvar counts the rows answered, weight 0 or not
            double factor = rows / (rows - 1.0);
            // per respondent: 1, the deviations from the full-sample means, their products (shifting leaves the
            // variance unchanged and keeps the differences of sums small)
            int m = 1 + p + k;
            double[] values = new double[design.n * m];
            for (int i = 0; i < design.n; i++) {
                if (in[i]) {
                    int base = i * m;
                    values[base] = 1;
                    for (int a = 0; a < p; a++) {
                        values[base + 1 + a] = ys[a].at(i) - mean[a];
                    }
                    for (int b = 0; b < p; b++) {
                        for (int a = 0; a < p; a++) {
                            values[base + 1 + p + a + p * b] = values[base + 1 + a] * values[base + 1 + b];
                        }
                    }
                }
            }
            double[] full = new double[m];
            for (int i = 0; i < design.n; i++) {
                for (int j = 0; j < m; j++) {
                    full[j] += w[i] * values[i * m + j];
                }
            }
            double[][] totals = replicate.replicateTotals(values, m);
            double[][] entries = new double[totals.length][];
            for (int r = 0; r < totals.length; r++) {
                entries[r] = products(totals[r], p, factor);
            }
            double[] estimate = products(full, p, factor);
            return new SurveyCovariance(labels, square(estimate, p), replicate.covariance(entries, estimate),
                    respondents, replicate.degreesOfFreedom());
        }
        double factor = respondents / (respondents - 1.0);
        double[] z = new double[design.n * k];
        double[] estimate = new double[k];
        double[] deviation = new double[p];
        for (int i = 0; i < design.n; i++) {
            if (in[i]) {
                for (int a = 0; a < p; a++) {
                    deviation[a] = ys[a].at(i) - mean[a];
                }
                for (int b = 0; b < p; b++) {
                    for (int a = 0; a < p; a++) {
                        double value = deviation[a] * deviation[b] * factor;
                        z[i * k + a + p * b] = value;
                        estimate[a + p * b] += w[i] * value;
                    }
                }
            }
        }
        for (int j = 0; j < k; j++) {
            estimate[j] /= sumW;
        }
        double[] scores = new double[design.n * k];
        for (int i = 0; i < design.n; i++) {
            if (in[i]) {
                for (int j = 0; j < k; j++) {
                    scores[i * k + j] = w[i] * (z[i * k + j] - estimate[j]) / sumW;
                }
            }
        }
        return new SurveyCovariance(labels, square(estimate, p), Linearisation.scoreCovariance(design, scores, k),
                respondents, design.degreesOfFreedom());
    }

    /** The covariance entries (by column) from totals of 1, deviations and their products: one replicate's. */
    private static double[] products(double[] totals, int p, double factor) {
        double[] entries = new double[p * p];
        double sum = totals[0];
        for (int b = 0; b < p; b++) {
            for (int a = 0; a < p; a++) {
                double ma = totals[1 + a] / sum;
                double mb = totals[1 + b] / sum;
                entries[a + p * b] = factor * (totals[1 + p + a + p * b] / sum - ma * mb);
            }
        }
        return entries;
    }

    private static double[][] square(double[] byColumn, int p) {
        double[][] matrix = new double[p][p];
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                matrix[a][b] = byColumn[a + p * b];
            }
        }
        return matrix;
    }

    private static void requireTwo(int respondents, String what) {
        if (respondents < 2) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "The variance of %s needs two respondents"
                    + " or more with a non-zero weight (and an answer): %d", what, respondents));
        }
    }

    /**
     * The shares answering yes to several questions put to the same respondents, with their covariance, survey's
     * {@code svymean(~a + b, design, na.rm = TRUE)} and its {@code vcov}: for contrasts between them — external
     * against internal network use by the same firms — whose standard errors need that covariance
     * ({@link DomainEstimates}). As survey's {@code na.rm = TRUE} on a formula of several variables, a respondent
     * missing any of the answers counts in none (in the variance as zeros).
     *
     * @param labels the questions' names
     * @param answers each question's answers, in the labels' order
     * @return the shares and their covariance, named by the labels
     * @throws IllegalArgumentException if the lists differ in length or are empty, an answer array's length differs
     *         from the respondents', no respondent with a non-zero weight answered them all, the weights of
     *         those who did sum to 0, or {@link LonelyPsu#AVERAGE} has no stratum variance to average (class
     *         description)
     */
    public DomainEstimates proportions(List<String> labels, List<Answers> answers) {
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(answers, "answers");
        int k = labels.size();
        if (k == 0 || answers.size() != k) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%d labels and %d answers; at least one"
                    + " of each, as many labels as answers", k, answers.size()));
        }
        answers.forEach(this::requireAnswers);
        boolean[] all = new boolean[design.n];
        Arrays.fill(all, true);
        for (Answers a : answers) {
            for (int i = 0; i < design.n; i++) {
                all[i] &= a.isAnswered(i);
            }
        }
        double[] w = design.weights;
        double sumW = 0;
        double[] yes = new double[k];
        for (int i = 0; i < design.n; i++) {
            if (all[i]) {
                sumW += w[i];
                for (int j = 0; j < k; j++) {
                    yes[j] += answers.get(j).isYes(i) ? w[i] : 0;
                }
            }
        }
        if (sumW == 0) {
            throw new IllegalArgumentException("The weights of the respondents who answered all of " + labels
                    + " sum to 0 (or none with a non-zero weight did): their shares, ratios to that sum, are"
                    + " undefined");
        }
        double[] p = new double[k];
        for (int j = 0; j < k; j++) {
            p[j] = yes[j] / sumW;
        }
        double[] values = new double[design.n * (k + 1)];
        for (int i = 0; i < design.n; i++) {
            if (all[i]) {
                for (int j = 0; j < k; j++) {
                    values[i * (k + 1) + j] = answers.get(j).isYes(i) ? 1 : 0;
                }
                values[i * (k + 1) + k] = 1;
            }
        }
        if (replicate != null) {
            double[][] totals = replicate.replicateTotals(values, k + 1);
            double[][] shares = new double[totals.length][k];
            for (int r = 0; r < totals.length; r++) {
                for (int j = 0; j < k; j++) {
                    shares[r][j] = totals[r][j] / totals[r][k];
                }
            }
            return new DomainEstimates(labels, p, replicate.covariance(shares, p));
        }
        double[] scores = new double[design.n * k];
        for (int i = 0; i < design.n; i++) {
            if (all[i]) {
                for (int j = 0; j < k; j++) {
                    scores[i * k + j] = w[i] * (values[i * (k + 1) + j] - p[j]) / sumW;
                }
            }
        }
        return new DomainEstimates(labels, p, Linearisation.scoreCovariance(design, scores, k));
    }

    /**
     * The weighted total in each domain, survey's {@code svyby(~y, ~domain, design, svytotal, deff = TRUE)},
     * domains in the order of their names.
     *
     * @param values each respondent's value, finite
     * @param domains each respondent's domain
     * @return one estimate per domain, labelled with its name
     * @throws IllegalArgumentException if the arrays' lengths differ from the respondents', a value is not
     *         finite, or {@link LonelyPsu#AVERAGE} has no stratum variance to average
     *         in a domain (class description)
     */
    public List<SurveyEstimate> totalBy(double[] values, String[] domains) {
        return totalBy(values, Domains.of(Objects.requireNonNull(domains, "domains")));
    }

    /**
     * The weighted total in each domain, survey's {@code svyby(~y, ~domain, design, svytotal, deff = TRUE)},
     * domains in the order of their names.
     *
     * @param values each respondent's value, finite
     * @param domains each respondent's domain, coded once ({@link Domains})
     * @return one estimate per domain, labelled with its name
     * @throws IllegalArgumentException if the arrays' lengths differ from the respondents', a value is not
     *         finite, or {@link LonelyPsu#AVERAGE} has no stratum variance to average
     *         in a domain (class description)
     */
    public List<SurveyEstimate> totalBy(double[] values, Domains domains) {
        Objects.requireNonNull(domains, "domains");
        double[] y = requireValues(values);
        Coding coding = domains.coding(design.n);
        return estimate(coding.names(), coding.codes(), replicateCounts(domains), null, Variable.of(y), Statistic.TOTAL);
    }

    /**
     * The weighted total of yes/no answers as 0 and 1 in each domain, as {@link #totalBy(Answers, Domains)}, the
     * domains in the order of their names.
     *
     * @param answers each respondent's answer, some perhaps missing
     * @param domains each respondent's domain
     * @return one estimate per domain, labelled with its name
     * @throws IllegalArgumentException as {@link #totalBy(Answers, Domains)}
     */
    public List<SurveyEstimate> totalBy(Answers answers, String[] domains) {
        return totalBy(answers, Domains.of(Objects.requireNonNull(domains, "domains")));
    }

    /**
     * The weighted mean of yes/no answers as 0 and 1 in each domain, as {@link #meanBy(Answers, Domains)}, the
     * domains in the order of their names.
     *
     * @param answers each respondent's answer, some perhaps missing
     * @param domains each respondent's domain
     * @return one estimate per domain, labelled with its name
     * @throws IllegalArgumentException as {@link #proportionBy(Answers, Domains)}
     */
    public List<SurveyEstimate> meanBy(Answers answers, String[] domains) {
        return meanBy(answers, Domains.of(Objects.requireNonNull(domains, "domains")));
    }

    /**
     * The weighted total of yes/no answers as 0 and 1 in each domain, among those who answered, survey's
     * {@code svyby(~y, ~domain, design, svytotal, na.rm = TRUE, deff = TRUE)}: the estimated number answering yes,
     * domains in the order of their names or of their declared levels ({@link Domains}); a domain where nobody with
     * a non-zero weight answered is left out.
     *
     * @param answers each respondent's answer, some perhaps missing
     * @param domains each respondent's domain, coded once ({@link Domains})
     * @return one estimate per domain, labelled with its name
     * @throws IllegalArgumentException if the lengths differ from the respondents', or {@link LonelyPsu#AVERAGE}
     *         has no stratum variance to average in a domain (class description)
     */
    public List<SurveyEstimate> totalBy(Answers answers, Domains domains) {
        return byDomain(answers, domains, Statistic.TOTAL);
    }

    /** Answers' shares or totals by domain, those who did not answer set apart ({@link Included}). */
    private List<SurveyEstimate> byDomain(Answers answers, Domains domains, Statistic statistic) {
        Objects.requireNonNull(domains, "domains");
        requireAnswers(answers);
        Coding coding = domains.coding(design.n);
        return estimate(coding.names(), coding.codes(), replicateCounts(domains), answers.answeredOrNull(),
                Variable.of(answers.valueArray()), statistic);
    }

    /**
     * The weighted mean of yes/no answers as 0 and 1 in each domain, among those who answered, survey's
     * {@code svyby(~y, ~domain, design, svymean, na.rm = TRUE, deff = TRUE)}: the share answering yes, the same
     * estimates as {@link #proportionBy(Answers, Domains)}.
     *
     * @param answers each respondent's answer, some perhaps missing
     * @param domains each respondent's domain, coded once ({@link Domains})
     * @return one estimate per domain, labelled with its name
     * @throws IllegalArgumentException as {@link #proportionBy(Answers, Domains)}
     */
    public List<SurveyEstimate> meanBy(Answers answers, Domains domains) {
        return proportionBy(answers, domains);
    }

    private static double[] ones(int count) {
        double[] ones = new double[count];
        Arrays.fill(ones, 1);
        return ones;
    }

    private List<SurveyEstimate> totals(List<String> labels, int[] domainOf, int count, Variable y) {
        double[] w = design.weights;
        double[] sumW = new double[count];
        double[] total = new double[count];
        for (int i = 0; i < design.n; i++) {
            int d = domainOf == null ? 0 : domainOf[i];
            sumW[d] += w[i];
            total[d] += w[i] * y.at(i);
        }
        double[] squares = new double[count];
        for (int i = 0; i < design.n; i++) {
            int d = domainOf == null ? 0 : domainOf[i];
            double deviation = y.at(i) - total[d] / sumW[d];
            squares[d] += w[i] * deviation * deviation;
        }
        double[] variance = Linearisation.variances(design, count, domainOf, y, new double[count], ones(count));
        DomainSizes domains = domainOf == null ? DomainSizes.all(design) : DomainSizes.of(design, count, domainOf);
        List<SurveyEstimate> estimates = new ArrayList<>(count);
        for (int d = 0; d < count; d++) {
            int n = domains.respondents(d);
            double svyvar = squares[d] / sumW[d] * n / (n - 1);
            double big = sumW[d];
            estimates.add(withDesignEffect(labels.get(d), total[d], variance[d], svyvar * big * big, big, n,
                    domains.degreesOfFreedom(d)));
        }
        return estimates;
    }

    /**
     * The share answering yes in each domain, survey's {@code svyby(~I(answer), ~domain, design, svymean,
     * deff = TRUE)}, domains in the order of their names.
     *
     * @param answers each respondent's answer
     * @param domains each respondent's domain (a country, a size band, "FR / 10-49")
     * @return one estimate per domain, labelled with its name
     * @throws IllegalArgumentException if the arrays' lengths differ from the respondents', the weights of a
     *         domain's respondents sum to 0, or {@link LonelyPsu#AVERAGE} has no stratum variance to average
     *         in a domain (class description)
     */
    public List<SurveyEstimate> proportionBy(boolean[] answers, String[] domains) {
        requireAnswers(answers);
        Coding coding = Domains.of(Objects.requireNonNull(domains, "domains")).coding(design.n);
        return estimate(coding.names(), coding.codes(), null, Variable.of(answers), Statistic.PROPORTION);
    }

    /**
     * The share answering yes among those who answered, in each domain, survey's {@code svyby(~I(answer),
     * ~domain, design, svymean, na.rm = TRUE, deff = TRUE)}, domains in the order of their names; a domain where
     * nobody with a non-zero weight answered is left out.
     *
     * @param answers each respondent's answer, some perhaps missing
     * @param domains each respondent's domain
     * @return one estimate per domain, labelled with its name
     * @throws IllegalArgumentException if the arrays' lengths differ from the respondents', the weights of a
     *         domain's respondents sum to 0, or {@link LonelyPsu#AVERAGE} has no stratum variance to average
     *         in a domain (class description)
     */
    public List<SurveyEstimate> proportionBy(Answers answers, String[] domains) {
        return proportionBy(answers, Domains.of(Objects.requireNonNull(domains, "domains")));
    }

    /**
     * The share answering yes among those who answered, in each domain, survey's {@code svyby(~I(answer),
     * ~domain, design, svymean, na.rm = TRUE, deff = TRUE)}, domains in the order of their names; a domain where
     * nobody with a non-zero weight answered is left out.
     *
     * @param answers each respondent's answer, some perhaps missing
     * @param domains each respondent's domain, coded once ({@link Domains})
     * @return one estimate per domain, labelled with its name
     * @throws IllegalArgumentException if the arrays' lengths differ from the respondents', the weights of a
     *         domain's respondents sum to 0, or {@link LonelyPsu#AVERAGE} has no stratum variance to average
     *         in a domain (class description)
     */
    public List<SurveyEstimate> proportionBy(Answers answers, Domains domains) {
        return byDomain(answers, domains, Statistic.PROPORTION);
    }

    /**
     * The share answering yes in each domain with the covariance of the domains' estimates, survey's
     * {@code svyby(~I(answer), ~domain, design, svymean, covmat = TRUE)}, for their contrasts
     * ({@link DomainEstimates}): each domain's influence function \( 1_{i \in d}\,w_i(y_i - \hat p_d)/\hat W_d \)
     * over the whole design, their covariance that of their estimated totals (svyrecvar). Domains in the order of
     * their names; respondents without an answer count in no domain.
     *
     * @param answers each respondent's answer, some perhaps missing
     * @param domains each respondent's domain
     * @return the estimates and their covariance
     * @throws IllegalArgumentException if the arrays' lengths differ from the respondents', a domain has no
     *         answer with a non-zero weight or its respondents' weights sum to 0, or
     *         {@link LonelyPsu#AVERAGE} has no stratum variance to average
     *         in a domain (class description)
     */
    public DomainEstimates proportionsBy(Answers answers, String[] domains) {
        return proportionsBy(answers, Domains.of(Objects.requireNonNull(domains, "domains")));
    }

    /**
     * The share answering yes in each domain with the covariance of the domains' estimates, survey's
     * {@code svyby(~I(answer), ~domain, design, svymean, covmat = TRUE)}, for their contrasts
     * ({@link DomainEstimates}): each domain's influence function \( 1_{i \in d}\,w_i(y_i - \hat p_d)/\hat W_d \)
     * over the whole design, their covariance that of their estimated totals (svyrecvar). Domains in the order of
     * their names; respondents without an answer count in no domain.
     *
     * @param answers each respondent's answer, some perhaps missing
     * @param domains each respondent's domain, coded once ({@link Domains})
     * @return the estimates and their covariance
     * @throws IllegalArgumentException if the arrays' lengths differ from the respondents', a domain has no
     *         answer with a non-zero weight or its respondents' weights sum to 0, or
     *         {@link LonelyPsu#AVERAGE} has no stratum variance to average
     *         in a domain (class description)
     */
    public DomainEstimates proportionsBy(Answers answers, Domains domains) {
        Objects.requireNonNull(domains, "domains");
        requireAnswers(answers);
        Coding coding = domains.coding(design.n);
        int count = coding.names().size();
        int[] domainOf = coding.codes();
        boolean[] yes = answers.yesArray();
        boolean[] answered = answers.answeredOrNull();
        double[] w = design.weights;
        double[] sumW = new double[count];
        double[] sumY = new double[count];
        for (int i = 0; i < design.n; i++) {
            if (answered == null || answered[i]) {
                sumW[domainOf[i]] += w[i];
                sumY[domainOf[i]] += yes[i] ? w[i] : 0;
            }
        }
        double[] p = new double[count];
        for (int d = 0; d < count; d++) {
            if (sumW[d] == 0) {
                throw new IllegalArgumentException("The weights of the respondents of domain " + coding.names().get(d)
                        + " sum to 0 (or none with a non-zero weight answered): its mean or share, a ratio to that"
                        + " sum, is undefined");
            }
            p[d] = sumY[d] / sumW[d];
        }
        if (replicate != null) {
            return new DomainEstimates(coding.names(), p,
                    replicate.covariance(replicate.domainMeans(count, domainOf, yes, answered), p));
        }
        int[] counted = new int[design.n];
        double[] z = new double[design.n];
        for (int i = 0; i < design.n; i++) {
            int d = domainOf[i];
            counted[i] = answered == null || answered[i] ? d : -1;
            z[i] = w[i] * ((yes[i] ? 1 : 0) - p[d]) / sumW[d];
        }
        return new DomainEstimates(coding.names(), p,
                Linearisation.domainCovariance(design, coding.names(), counted, z));
    }

    /**
     * The weighted mean in each domain, survey's {@code svyby(~y, ~domain, design, svymean, deff = TRUE)},
     * domains in the order of their names.
     *
     * @param values each respondent's value, finite
     * @param domains each respondent's domain
     * @return one estimate per domain, labelled with its name
     * @throws IllegalArgumentException if the arrays' lengths differ from the respondents', a value is not
     *         finite, the weights of a domain's respondents sum to 0, or {@link LonelyPsu#AVERAGE} has no
     *         stratum variance to average in a domain (class description)
     */
    public List<SurveyEstimate> meanBy(double[] values, String[] domains) {
        return meanBy(values, Domains.of(Objects.requireNonNull(domains, "domains")));
    }

    /**
     * The weighted mean in each domain, survey's {@code svyby(~y, ~domain, design, svymean, deff = TRUE)},
     * domains in the order of their names.
     *
     * @param values each respondent's value, finite
     * @param domains each respondent's domain, coded once ({@link Domains})
     * @return one estimate per domain, labelled with its name
     * @throws IllegalArgumentException if the arrays' lengths differ from the respondents', a value is not
     *         finite, the weights of a domain's respondents sum to 0, or {@link LonelyPsu#AVERAGE} has no
     *         stratum variance to average in a domain (class description)
     */
    public List<SurveyEstimate> meanBy(double[] values, Domains domains) {
        Objects.requireNonNull(domains, "domains");
        double[] y = requireValues(values);
        Coding coding = domains.coding(design.n);
        return estimate(coding.names(), coding.codes(), replicateCounts(domains), null, Variable.of(y), Statistic.MEAN);
    }

    private List<SurveyEstimate> means(List<String> labels, int[] domainOf, int count, Variable y,
            boolean binary) {
        if (binary && !design.isCalibrated()) {
            return proportions(labels, domainOf, count, y);
        }
        double[] w = design.weights;
        double[] sums = Chunks.sum(design.n, (from, to) -> {
            double[] into = new double[2 * count];
            for (int i = from; i < to; i++) {
                int d = domainOf == null ? 0 : domainOf[i];
                into[d] += w[i];
                into[count + d] += w[i] * y.at(i);
            }
            return into;
        });
        double[] sumW = Arrays.copyOf(sums, count);
        double[] mean = new double[count];
        for (int d = 0; d < count; d++) {
            mean[d] = sums[count + d] / sumW[d];
        }
        double[] squares;
        if (binary) {
            // Σ w (y - m)² for 0/1 answers: the yes part and the no part, no cancellation.
            squares = new double[count];
            for (int d = 0; d < count; d++) {
                double yes = sums[count + d];
                squares[d] = yes * (1 - mean[d]) * (1 - mean[d]) + (sumW[d] - yes) * mean[d] * mean[d];
            }
        } else {
            squares = Chunks.sum(design.n, (from, to) -> {
                double[] into = new double[count];
                for (int i = from; i < to; i++) {
                    int d = domainOf == null ? 0 : domainOf[i];
                    double deviation = y.at(i) - mean[d];
                    into[d] += w[i] * deviation * deviation;
                }
                return into;
            });
        }
        double[] scale = new double[count];
        for (int d = 0; d < count; d++) {
            scale[d] = 1 / sumW[d];
        }
        double[] variance = Linearisation.variances(design, count, domainOf, y, mean, scale);
        DomainSizes domains = domainOf == null ? DomainSizes.all(design) : DomainSizes.of(design, count, domainOf);
        List<SurveyEstimate> estimates = new ArrayList<>(count);
        for (int d = 0; d < count; d++) {
            int n = domains.respondents(d);
            double svyvar = squares[d] / sumW[d] * n / (n - 1);
            estimates.add(withDesignEffect(labels.get(d), mean[d], variance[d], svyvar, sumW[d], n,
                    domains.degreesOfFreedom(d)));
        }
        return estimates;
    }

    /**
     * Proportions in one pass: for each unit and domain the weight, the weight answering yes and the respondents.
     * A domain's linearised values \( w_i(y_i - \hat p_d)/W_d \) total \( (A_{pd} - \hat p_d B_{pd})/W_d \) over
     * a unit, so nothing else is needed: means, variances, design effects and degrees of freedom follow.
     */
    private List<SurveyEstimate> proportions(List<String> labels, int[] domainOf, int count, Variable y) {
        double[] w = design.weights;
        int[] unit = design.unit;
        int units = design.units();
        double[][] parts = Chunks.parts(design.n, (from, to) -> {
            double[] into = new double[units * count * 3];
            for (int i = from; i < to; i++) {
                int base = (unit[i] * count + (domainOf == null ? 0 : domainOf[i])) * 3;
                into[base] += w[i];
                into[base + 1] += w[i] * y.at(i);
                into[base + 2]++;
            }
            return into;
        });
        // One pass, over halves of the units in parallel, adds the chunks' cells into the first and totals each
        // stratum's domains; the variances take one more (Linearisation.fromCells): the cells are read twice in
        // all. A domain absent from a unit adds zeros, so nothing branches on presence.
        double[] cells = parts[0];
        int strata = design.strata();
        // per stratum and domain, at 4 (h * count + d): the units holding it, its respondents, Σ w, Σ w y
        double[] byStratum = Chunks.sum(units, count, (from, to) -> {
            double[] into = new double[4 * strata * count];
            for (int p = from; p < to; p++) {
                // the unit's row of cells added over the chunks (a loop the compiler vectorises), then read
                // again while it is in the first-level cache
                int row = p * count * 3;
                for (int c = 1; c < parts.length; c++) {
                    double[] part = parts[c];
                    for (int j = row; j < row + count * 3; j++) {
                        cells[j] += part[j];
                    }
                }
                int at = 4 * design.unitStratum[p] * count;
                for (int d = 0; d < count; d++) {
                    int base = row + 3 * d;
                    double present = cells[base + 2];
                    int k = at + 4 * d;
                    into[k] += present > 0 ? 1 : 0;
                    into[k + 1] += present;
                    into[k + 2] += cells[base];
                    into[k + 3] += cells[base + 1];
                }
            }
            return into;
        });
        double[] sumW = new double[count];
        double[] yes = new double[count];
        int[] respondents = new int[count];
        int[] unitsWith = new int[count];
        int[] strataWith = new int[count];
        double[] presence = new double[strata * count];
        double[] stratumSums = new double[2 * strata * count];
        for (int h = 0; h < strata; h++) {
            for (int d = 0; d < count; d++) {
                int k = h * count + d;
                boolean present = byStratum[4 * k] > 0;
                presence[k] = present ? 1 : 0;
                strataWith[d] += present ? 1 : 0;
                unitsWith[d] += (int) byStratum[4 * k];
                respondents[d] += (int) byStratum[4 * k + 1];
                sumW[d] += byStratum[4 * k + 2];
                yes[d] += byStratum[4 * k + 3];
                stratumSums[2 * k] = byStratum[4 * k + 2];
                stratumSums[2 * k + 1] = byStratum[4 * k + 3];
            }
        }
        double[] mean = new double[count];
        double[] scale = new double[count];
        for (int d = 0; d < count; d++) {
            mean[d] = yes[d] / sumW[d];
            scale[d] = 1 / sumW[d];
        }
        double[] variance = Linearisation.fromCells(design, count, cells, 3, stratumSums, mean, scale, presence);
        List<SurveyEstimate> estimates = new ArrayList<>(count);
        for (int d = 0; d < count; d++) {
            int n = respondents[d];
            double squares = yes[d] * (1 - mean[d]) * (1 - mean[d]) + (sumW[d] - yes[d]) * mean[d] * mean[d];
            double svyvar = squares / sumW[d] * n / (n - 1);
            estimates.add(withDesignEffect(labels.get(d), mean[d], variance[d], svyvar, sumW[d], n,
                    unitsWith[d] - strataWith[d]));
        }
        return estimates;
    }

    /**
     * The confidence interval of the share answering yes, survey's {@code svyciprop(~I(answer), design,
     * method, level)}, with t quantiles on the design's degrees of freedom. When no respondent or every one
     * answers yes, where survey gives NaN, the interval is Korn and Graubard's; see {@link #interval}.
     *
     * <p>On a replicate design {@link ProportionMethod#LOGIT} is survey's: {@code svyciprop} fits
     * {@code svyglm(y ~ 1, family = quasibinomial)}, whose variance is the replicates' spread of their refitted logits
     * \( \operatorname{logit} \hat p_r \), and the interval is \( \operatorname{expit}(\operatorname{logit} \hat p
     * \pm t_{df} \mathrm{SE}_{rep}) \). {@link #interval(SurveyEstimate, ProportionMethod, double) interval(proportion(
     * label, answers), LOGIT, level)} has only the estimate, not the replicates, and gives the delta method's logit
     * interval there ({@link ProportionMethod#XLOGIT}'s): 6e-4 apart on survey's apistrat with JKn replicates.
     *
     * @param answers each respondent's answer
     * @param method the method
     * @param level the confidence level, in (0, 1)
     * @return the interval around the estimated proportion
     * @throws IllegalArgumentException if the answers' length differs from the respondents', the level is
     *         not in (0, 1), or {@link LonelyPsu#AVERAGE} has no stratum variance to average (class description)
     */
    public Interval proportionInterval(boolean[] answers, ProportionMethod method, double level) {
        SurveyEstimate estimate = proportion("", answers);
        if (replicate != null && method == ProportionMethod.LOGIT) {
            return replicateLogit(estimate, answers, null, level);
        }
        return interval(estimate, method, level);
    }

    /**
     * survey's {@code svyciprop(method = "logit")} on a replicate design: the Wald interval of the intercept of
     * {@code svyglm(y ~ 1, design, family = quasibinomial)}, whose variance is the replicates' spread of their refitted
     * intercepts \( \operatorname{logit} \hat p_r \), \( \operatorname{expit}(\operatorname{logit} \hat p \pm
     * t_{df} \mathrm{SE}_{rep}) \). At a proportion of 0 or 1, or a standard error of 0, the conventions of
     * {@link ProportionMethod}.
     */
    private Interval replicateLogit(SurveyEstimate estimate, boolean[] yes, boolean[] answered, double level) {
        double p = estimate.estimate();
        double logit = Math.log(p / (1 - p));
        double se = p > 0 && p < 1 ? replicate.logitStandardError(yes, answered, logit) : 0;
        if (!(se > 0)) {
            return ProportionMethod.LOGIT.interval(estimate, level);
        }
        double half = estimate.critical(level) * se;
        return new Interval(p, 1 / (1 + Math.exp(half - logit)), 1 / (1 + Math.exp(-logit - half)), level);
    }

    /**
     * The confidence interval of the share of those who answered that answered yes exactly as survey's
     * {@code svyciprop(~I(answer), design, method, level, na.rm = TRUE)} computes it on the whole design, which
     * differs from {@link #interval(SurveyEstimate, ProportionMethod, double) interval(proportion(label, answers),
     * method, level)} — survey's {@code svyciprop} on the design subset to those who answered — in three ways:
     * <ul>
     * <li>its t quantiles are on the whole design's degrees of freedom ({@code degf(design)}, svyciprop's default
     *     {@code df}), not those of the respondents who answered;</li>
     * <li>{@link ProportionMethod#BETA}'s ratio \( (t_{n-1}/t_{df})^2 \) takes n as all the design's rows
     *     ({@code nrow(design)}: missing answers and weights of 0 included);</li>
     * <li>{@link ProportionMethod#LIKELIHOOD}'s ratio λ of design-based to model-based variance is multiplied by
     *     \( \bar w_{answered}/\bar w_{all} \), the mean weight of the rows answered over that of all rows: svyglm
     *     rescales the weights to mean 1 over all rows before glm drops the missing ones, and its Pearson residuals
     *     divide by weights rescaled over the rows answered.</li>
     * </ul>
     * On survey's apistrat with every 7th answer missing and every 11th weight 0 these move the bounds by up to
     * 3.5e-4 (likelihood) and 1e-4 (the other methods). At a proportion of 0 or 1, or a standard error of 0, the
     * conventions of {@link ProportionMethod} hold, with the whole design's degrees of freedom.
     *
     * <p>On a replicate design {@link ProportionMethod#LOGIT} refits the replicates as survey's does (see
     * {@link #proportionInterval(boolean[], ProportionMethod, double)}), each replicate on the rows answered (svyglm
     * drops the missing ones), t on the whole design's degrees of freedom; survey gives NA for
     * {@link ProportionMethod#LIKELIHOOD} when answers are missing (its Pearson residuals need the sampling
     * probabilities a replicate design lacks): that one is refused there.
     *
     * @param answers each respondent's answer, some perhaps missing
     * @param method the method
     * @param level the confidence level, in (0, 1)
     * @return the interval around the estimated proportion
     * @throws IllegalArgumentException as {@link #proportion(String, Answers)} and
     *         {@link #interval(SurveyEstimate, ProportionMethod, double)}, or if the design is a replicate design and
     *         the method {@link ProportionMethod#LIKELIHOOD}
     */
    public Interval proportionInterval(Answers answers, ProportionMethod method, double level) {
        Objects.requireNonNull(method, "method");
        if (replicate != null && method == ProportionMethod.LIKELIHOOD) {
            throw new IllegalArgumentException("svyciprop's likelihood interval with na.rm = TRUE is not defined"
                    + " here on a replicate design (survey gives NA): use interval(proportion(label, answers), method,"
                    + " level)");
        }
        SurveyEstimate answered = proportion("", answers);
        SurveyEstimate whole = new SurveyEstimate(answered.label(), answered.estimate(), answered.standardError(),
                answered.designEffect(), answered.respondents(), replicate != null ? replicate.degreesOfFreedom()
                        : design.degreesOfFreedom());
        if (replicate != null && method == ProportionMethod.LOGIT) {
            return replicateLogit(whole, answers.yesArray(), answers.answeredOrNull(), level);
        }
        double all = 0;
        double ofAnswered = 0;
        int rowsAnswered = 0;
        for (int i = 0; i < design.n; i++) {
            all += design.weights[i];
            if (answers.isAnswered(i)) {
                ofAnswered += design.weights[i];
                rowsAnswered++;
            }
        }
        return method.interval(whole, level, design.n, (ofAnswered / rowsAnswered) / (all / design.n));
    }

    /**
     * The confidence interval of a proportion estimated here (overall or in a domain), by one of
     * {@code svyciprop}'s methods; see {@link ProportionMethod} for each method.
     *
     * <p><b>At a proportion of 0 or 1</b>, where survey's {@code svyciprop} gives NaN ({@code "xlogit"},
     * {@code "asin"}, {@code "beta"}) or does not converge ({@code "logit"}, {@code "likelihood"}), every method
     * but {@link ProportionMethod#MEAN} gives Korn and Graubard's (1998) interval for a design effect that cannot
     * be estimated: Clopper–Pearson on \( n^* = n\,(t_{n-1}/t_{df})^2 \), n the respondents,
     * \( [0, B^{-1}(1-α/2; 1, n^*)] \) at 0 and \( [B^{-1}(α/2; n^*, 1), 1] \) at 1 (it needs two respondents or
     * more); {@code MEAN} gives \( [\hat p, \hat p] \) as survey does. At a standard error of 0 with
     * \( 0 &lt; \hat p &lt; 1 \) every method gives \( [\hat p, \hat p] \). The class description of
     * {@link ProportionMethod} says where survey differs.
     *
     * <p>For a proportion of those who answered this is survey's {@code svyciprop} on the design subset to them;
     * {@link #proportionInterval(Answers, ProportionMethod, double)} gives its {@code na.rm = TRUE} interval on the
     * whole design, which differs (the degrees of freedom, beta's rows, likelihood's weights: see there).
     *
     * <p><b>On a replicate design</b> an estimate does not hold its replicates, so {@link ProportionMethod#LOGIT} here
     * is the delta method's logit interval, \( \mathrm{SE}/(\hat p(1 - \hat p)) \) on the logit scale, where survey's
     * {@code svyciprop(method = "logit")} refits each replicate; {@link #proportionInterval(boolean[],
     * ProportionMethod, double)} and {@link #proportionInterval(Answers, ProportionMethod, double)} give survey's.
     *
     * @param estimate a proportion from {@link #proportion} or {@link #proportionBy}
     * @param method the method
     * @param level the confidence level, in (0, 1)
     * @return the interval
     * @throws IllegalArgumentException if the level is not in (0, 1), the estimate is not in [0, 1] (negative
     *         weights can put it outside), its standard error is not a finite number of 0 or more, or it rests on a
     *         single respondent and the method needs \( t_{n-1} \) ({@link ProportionMethod#BETA},
     *         {@link ProportionMethod#LIKELIHOOD}, or any but {@link ProportionMethod#MEAN} at 0 or 1)
     */
    public static Interval interval(SurveyEstimate estimate, ProportionMethod method, double level) {
        Objects.requireNonNull(estimate, "estimate");
        return Objects.requireNonNull(method, "method").interval(estimate, level);
    }

    /**
     * The design-based tests of independence between two answers, survey's {@code svychisq(~rows + columns,
     * design, statistic)} for {@code "F"}, {@code "Chisq"}, {@code "Wald"} and {@code "adjWald"}; the levels are
     * those present. Linearised covariances are projected on any calibration; a replicate design gives the
     * replicates' covariances, as svychisq takes them from svymean and svytotal.
     *
     * @param rows each respondent's answer to the first question
     * @param columns each respondent's answer to the second
     * @return the four tests
     * @throws IllegalArgumentException if the arrays' lengths differ from the respondents', either question has
     *         fewer than two answers, or {@link LonelyPsu#AVERAGE} has no stratum variance to average (class
     *         description)
     */
    public RaoScott independence(String[] rows, String[] columns) {
        return RaoScott.of(replicate != null ? replicate : design, rows, columns);
    }

    /**
     * Quantiles of a numeric variable with Woodruff's intervals at 95 %, survey's {@code svyquantile(~x, design,
     * probabilities, ci = TRUE, na.rm = TRUE)}: the rule {@link QuantileRule#MATH}, the interval
     * {@link QuantileInterval#MEAN} (survey's defaults).
     *
     * @param label the variable's label (firm size, say)
     * @param values each respondent's value; NaN for a missing one, left out as survey's {@code na.rm = TRUE}
     * @param probabilities the probabilities, in [0, 1] (0.5 for the median)
     * @return the quantiles in the order of the probabilities
     * @throws IllegalArgumentException as {@link #quantiles(String, double[], QuantileRule, QuantileInterval,
     *         double, double...)}
     */
    public SurveyQuantiles quantiles(String label, double[] values, double... probabilities) {
        return quantiles(label, values, QuantileRule.MATH, QuantileInterval.MEAN, 0.95, probabilities);
    }

    /**
     * Quantiles of a numeric variable with their confidence intervals and standard errors, survey's
     * {@code svyquantile(~x, design, probabilities, alpha = 1 - level, interval.type, qrule, ci = TRUE,
     * na.rm = TRUE)} (survey 4.x): on a linearised or calibrated design the shares' variances are linearised (and
     * projected on the calibration), on a replicate design they come from the replicates. See
     * {@link QuantileRule} for the estimate, {@link QuantileInterval} for the interval and the standard error.
     *
     * @param label the variable's label
     * @param values each respondent's value; NaN for a missing one, left out as survey's {@code na.rm = TRUE}
     * @param rule how the quantile is read off the weighted distribution
     * @param interval the interval
     * @param level the confidence level, in (0, 1)
     * @param probabilities the probabilities, in [0, 1]
     * @return the quantiles in the order of the probabilities
     * @throws IllegalArgumentException if there are not as many values as respondents, a value is infinite, no
     *         respondent of non-zero weight has a value, there is no probability or one is not in [0, 1], the
     *         level is not in (0, 1), the interval is {@link QuantileInterval#SCORE} on a replicate design or
     *         {@link QuantileInterval#QUANTILE} on a linearised one, the score interval's search fails (see
     *         {@link QuantileInterval#SCORE}), or {@link LonelyPsu#AVERAGE} has no stratum variance to average
     */
    public SurveyQuantiles quantiles(String label, double[] values, QuantileRule rule, QuantileInterval interval,
            double level, double... probabilities) {
        Objects.requireNonNull(label, "label");
        List<SurveyQuantiles> all = quantiles(values, null, List.of(label), rule, interval, level, probabilities);
        if (all.isEmpty()) {
            throw new IllegalArgumentException("No respondent with a non-zero weight has a value: " + label);
        }
        return all.get(0);
    }

    /**
     * Quantiles in each domain with Woodruff's intervals at 95 %, survey's {@code svyby(~x, ~domain, design,
     * svyquantile, quantiles = probabilities, ci = TRUE, na.rm = TRUE)}; domains in the order of their names, as
     * the other estimates by domain.
     *
     * @param values each respondent's value; NaN for a missing one
     * @param domains each respondent's domain
     * @param probabilities the probabilities, in [0, 1]
     * @return one result per domain with a respondent of non-zero weight and a value, labelled with its name
     * @throws IllegalArgumentException as {@link #quantilesBy(double[], Domains, QuantileRule, QuantileInterval,
     *         double, double...)}
     */
    public List<SurveyQuantiles> quantilesBy(double[] values, String[] domains, double... probabilities) {
        return quantilesBy(values, Domains.of(Objects.requireNonNull(domains, "domains")), QuantileRule.MATH,
                QuantileInterval.MEAN, 0.95, probabilities);
    }

    /**
     * Quantiles in each domain with Woodruff's intervals at 95 %, the domains coded once (see
     * {@link #quantilesBy(double[], String[], double...)}).
     *
     * @param values each respondent's value; NaN for a missing one
     * @param domains each respondent's domain, coded once ({@link Domains})
     * @param probabilities the probabilities, in [0, 1]
     * @return one result per domain with a respondent of non-zero weight and a value, labelled with its name
     * @throws IllegalArgumentException as {@link #quantilesBy(double[], Domains, QuantileRule, QuantileInterval,
     *         double, double...)}
     */
    public List<SurveyQuantiles> quantilesBy(double[] values, Domains domains, double... probabilities) {
        return quantilesBy(values, domains, QuantileRule.MATH, QuantileInterval.MEAN, 0.95, probabilities);
    }

    /**
     * Quantiles in each domain with their confidence intervals and standard errors, survey's {@code svyby(~x,
     * ~domain, design, svyquantile, quantiles = probabilities, alpha = 1 - level, interval.type, qrule, ci = TRUE,
     * na.rm = TRUE)}: each domain as survey's {@code subset(design, domain)}, its degrees of freedom its own.
     * Domains in the order of their names.
     *
     * @param values each respondent's value; NaN for a missing one
     * @param domains each respondent's domain, coded once ({@link Domains})
     * @param rule how the quantile is read off the weighted distribution
     * @param interval the interval
     * @param level the confidence level, in (0, 1)
     * @param probabilities the probabilities, in [0, 1]
     * @return one result per domain with a respondent of non-zero weight and a value, labelled with its name
     * @throws IllegalArgumentException as {@link #quantiles(String, double[], QuantileRule, QuantileInterval,
     *         double, double...)}, or if the domains' length differs from the respondents'
     */
    public List<SurveyQuantiles> quantilesBy(double[] values, Domains domains, QuantileRule rule,
            QuantileInterval interval, double level, double... probabilities) {
        Objects.requireNonNull(domains, "domains");
        Coding coding = domains.coding(design.n);
        return quantiles(values, coding.codes(), coding.names(), rule, interval, level, probabilities);
    }

    private List<SurveyQuantiles> quantiles(double[] values, int[] codes, List<String> names, QuantileRule rule,
            QuantileInterval interval, double level, double[] probabilities) {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(probabilities, "probabilities");
        SurveyDesign.requireLength(values.length, design.n, "values");
        for (int i = 0; i < values.length; i++) {
            if (Double.isInfinite(values[i])) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "Value of respondent %d is infinite: %s", i + 1, values[i]));
            }
        }
        if (probabilities.length == 0) {
            throw new IllegalArgumentException("No probability to estimate a quantile at");
        }
        for (double p : probabilities) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("Probability is not in [0, 1]: " + p);
            }
        }
        org.smesurvey.stats.internal.Checks.requireOpenUnit(level, "level");
        if (interval == QuantileInterval.SCORE && replicate != null) {
            throw new IllegalArgumentException("The score interval is survey's for linearised designs only; on a"
                    + " replicate design use QUANTILE or a Woodruff interval (MEAN, BETA, XLOGIT, ASIN)");
        }
        if (interval == QuantileInterval.QUANTILE && replicate == null) {
            throw new IllegalArgumentException("The QUANTILE interval needs a replicate design; on a linearised"
                    + " design use SCORE or a Woodruff interval (MEAN, BETA, XLOGIT, ASIN)");
        }
        return Quantiles.of(this, design, replicate, values, codes, names, probabilities.clone(), rule, interval,
                level);
    }

    /** The shares of 0/1 answers by domain (codes null: one) over the respondents answered, for quantiles. */
    List<SurveyEstimate> shares(List<String> labels, int[] codes, boolean[] answered, byte[] yes) {
        return estimate(labels, codes, answered, Variable.of(yes), Statistic.PROPORTION);
    }

    /**
     * The design effects δ of a two-way table's interaction contrasts, those the Rao–Scott corrections of
     * {@link #independence} rest on: the eigenvalues of survey's {@code svychisq} matrix
     * \( Δ = (C'D^{-1}C/n)^{-1}(C'D^{-1} V D^{-1} C) \), C the \( (r-1)(c-1) \) interaction contrasts made orthogonal
     * to the main effects, D the diagonal of the cells' estimated shares, V their design-based covariance
     * (linearised and projected on any calibration, or the replicates') and n the respondents. Their mean divides
     * X² in the first-order correction; with their coefficient of variation, the second order
     * ({@link DesignEffects}).
     *
     * @param rows each respondent's answer to the first question
     * @param columns each respondent's answer to the second
     * @return the design effects, largest first
     * @throws IllegalArgumentException as {@link #independence}, or if the table's cells do not vary
     *         independently
     */
    public DesignEffects independenceDesignEffects(String[] rows, String[] columns) {
        return RaoScott.designEffects(replicate != null ? replicate : design, rows, columns);
    }

    /**
     * The generalised design effects of the shares answering yes to several questions: the eigenvalues of
     * \( V_{srs}^{-1} V \), V the shares' design-based covariance ({@link #proportions(List, List)}) and
     * \( V_{srs} \) the covariance under simple random sampling of the same respondents — the answers' covariance
     * matrix ({@link #covariance}, survey's {@code svyvar}) times \( (1 - n/\hat N)/n \), or \( 1/n \) for an
     * estimator {@link #withReplacementDesignEffects() with replacement}: the matrix whose diagonal over V's is
     * survey's {@code deff} of {@code svymean(~a + b, design, deff = TRUE)}. n counts the respondents with a
     * non-zero weight who answered every question (on a replicate design, as survey, every row that did).
     *
     * @param labels the questions' names
     * @param answers each question's answers, in the labels' order
     * @return the design effects, largest first
     * @throws IllegalArgumentException as {@link #proportions(List, List)}, if the weights of those who answered
     *         sum to less than their number (without replacement), or if the answers' covariance is singular (a
     *         question answered the same by all, or one a combination of the others)
     */
    public DesignEffects designEffects(List<String> labels, List<Answers> answers) {
        DomainEstimates shares = proportions(labels, answers);
        int k = labels.size();
        boolean[] all = new boolean[design.n];
        Arrays.fill(all, true);
        Variable[] ys = new Variable[k];
        for (int j = 0; j < k; j++) {
            Answers a = answers.get(j);
            ys[j] = Variable.of(a.valueArray());
            for (int i = 0; i < design.n; i++) {
                all[i] &= a.isAnswered(i);
            }
        }
        SurveyCovariance unit = covariance(labels, ys, all);
        double sumW = 0;
        int n = 0;
        for (int i = 0; i < design.n; i++) {
            if (all[i] && (replicate != null || design.weights[i] != 0)) {
                sumW += design.weights[i];
                n++;
            }
        }
        if (!withReplacement && sumW < n) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "The weights of the %d respondents sum to %s,"
                    + " less than their number: sampling without replacement from so few is undefined", n, sumW));
        }
        double factor = withReplacement ? 1.0 / n : (sumW - n) / (sumW * n);
        return DesignEffects.of(MatrixUtils.createRealMatrix(unit.estimate()).scalarMultiply(factor),
                MatrixUtils.createRealMatrix(shares.covariance()), String.join(" + ", labels));
    }

    /**
     * The estimate with its design effect and the simple-random-sampling variances it divides by: of n from a
     * population of \( \hat N \) with the unit variance {@code unitVariance}, \( s^2(1 - n/\hat N)/n \) without
     * replacement (none when \( \hat N < n \)) and \( s^2/n \) with. The design effect divides by the very
     * numbers the estimate carries, so that variance over SRS variance gives it back exactly.
     */
    private SurveyEstimate withDesignEffect(String label, double estimate, double variance, double unitVariance,
            double populationSize, int n, int degreesOfFreedom) {
        return withDesignEffect(label, estimate, variance, unitVariance, populationSize, n, n, degreesOfFreedom);
    }

    /** As above, the estimate resting on {@code respondents}, which may differ from the n of its SRS variance. */
    private SurveyEstimate withDesignEffect(String label, double estimate, double variance, double unitVariance,
            double populationSize, int n, int respondents, int degreesOfFreedom) {
        OptionalDouble without = populationSize < n ? OptionalDouble.empty()
                : OptionalDouble.of(unitVariance * (populationSize - n) / (populationSize * n));
        OptionalDouble with = OptionalDouble.of(unitVariance / n);
        OptionalDouble deff = withReplacement ? OptionalDouble.of(variance / with.getAsDouble())
                : without.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(variance / without.getAsDouble());
        return new SurveyEstimate(label, estimate, Math.sqrt(variance), deff, respondents, degreesOfFreedom, without,
                with);
    }

    private void requireAnswers(Answers answers) {
        Objects.requireNonNull(answers, "answers");
        SurveyDesign.requireLength(answers.size(), design.n, "answers");
    }

    private void requireAnswers(boolean[] answers) {
        Objects.requireNonNull(answers, "answers");
        SurveyDesign.requireLength(answers.length, design.n, "answers");
    }

    private double[] requireValues(double[] values) {
        Objects.requireNonNull(values, "values");
        SurveyDesign.requireLength(values.length, design.n, "values");
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "Value of respondent %d is not finite: %s", i + 1, values[i]));
            }
        }
        return values;
    }

    /** Respondents, primary units and strata of each domain: for degrees of freedom and design effects. */
    private record DomainSizes(int[] respondents, int[] units, int[] strata) {

        static DomainSizes all(SurveyDesign design) {
            return new DomainSizes(new int[] {design.n}, new int[] {design.units()}, new int[] {design.strata()});
        }

        static DomainSizes of(SurveyDesign design, int count, int[] domainOf) {
            int[] respondents = new int[count];
            int[] units = new int[count];
            int[] strata = new int[count];
            boolean[] unitSeen = new boolean[design.units() * count];
            boolean[] stratumSeen = new boolean[design.strata() * count];
            for (int i = 0; i < design.n; i++) {
                int d = domainOf[i];
                respondents[d]++;
                int u = design.unit[i] * count + d;
                if (!unitSeen[u]) {
                    unitSeen[u] = true;
                    units[d]++;
                }
                int s = design.stratum[i] * count + d;
                if (!stratumSeen[s]) {
                    stratumSeen[s] = true;
                    strata[d]++;
                }
            }
            return new DomainSizes(respondents, units, strata);
        }

        int respondents(int d) {
            return respondents[d];
        }

        int degreesOfFreedom(int d) {
            return units[d] - strata[d];
        }
    }
}
