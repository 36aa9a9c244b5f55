package org.smesurvey.stats.survey;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import org.smesurvey.stats.EffectiveSample;
import org.smesurvey.stats.Interval;
import org.smesurvey.stats.internal.Checks;
import org.smesurvey.stats.internal.Formats;
import org.smesurvey.stats.internal.Distributions;

/**
 * A design-based estimate: a proportion (mean of a 0/1 answer) or a total, with its Taylor-linearised or replicate
 * standard error, design effect and degrees of freedom, over all respondents or within a domain.
 *
 * @param label what was estimated ("uses an external network", "FR / 10-49")
 * @param estimate the estimate
 * @param standardError its standard error
 * @param designEffect the variance over that of a simple random sample of the same size without
 *        replacement, survey's {@code deff = TRUE}; empty when the weights sum to less than the respondents.
 *        NaN, as survey's {@code svymean} and {@code svytotal} give, when both variances are 0 (0/0): a
 *        proportion of 0 or 1, or values all equal, leave no spread among the respondents and so none in the
 *        estimate; NaN too for a single respondent, whose simple-random-sampling variance is undefined. A total of
 *        equal non-zero values has a variance (of the estimated population size) but no spread among respondents:
 *        its design effect is \( +\infty \), as {@code svytotal} gives it
 * @param respondents the respondents the estimate rests on (the domain's)
 * @param degreesOfFreedom primary units minus strata among those respondents, survey's {@code degf}
 * @param simpleRandomSampleVariance the variance the estimate would have under simple random sampling of as many
 *        respondents without replacement, the denominator of survey's {@code deff = TRUE}: \( s^2(1 - n/\hat N)/n \)
 *        for a mean or proportion and \( \hat N^2 s^2(1 - n/\hat N)/n \) for a total, with \( s^2 \) the
 *        design-based unit variance ({@code svyvar}, divisor n − 1), n the respondents and \( \hat N \) the sum of
 *        their weights (the domain's); empty where the design effect is (weights summing to less than the
 *        respondents) and on ratios, which carry no design effect. On a replicate design n counts the rows answered
 *        in the domain, those of weight 0 included, as survey's {@code svymean.svyrep.design} and
 *        {@code svytotal.svyrep.design} count {@code length(design$pweights)} (in \( s^2 \)'s n − 1 too); the
 *        estimate's {@code respondents} do not count them. Kish (1965), §8.2; survey's {@code vcov(m) / deff(m)}
 * @param simpleRandomSampleVarianceWithReplacement the same with replacement, \( s^2/n \) (\( \hat N^2 s^2/n \)
 *        for a total), the denominator of {@code deff = "replace"}; empty on ratios. NaN for a single respondent,
 *        whose \( s^2 \) is 0/0
 * @since 0.1
 */
public record SurveyEstimate(String label, double estimate, double standardError, OptionalDouble designEffect,
        int respondents, int degreesOfFreedom, OptionalDouble simpleRandomSampleVariance,
        OptionalDouble simpleRandomSampleVarianceWithReplacement) {

    /**
     * Validates the estimate.
     *
     * @param label what was estimated
     * @param estimate the estimate
     * @param standardError its standard error
     * @param designEffect the design effect, or empty
     * @param respondents the respondents the estimate rests on
     * @param degreesOfFreedom the design degrees of freedom
     * @param simpleRandomSampleVariance the SRS variance without replacement, or empty
     * @param simpleRandomSampleVarianceWithReplacement the SRS variance with replacement, or empty
     * @throws NullPointerException if the label or an optional is null
     */
    public SurveyEstimate {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(designEffect, "designEffect");
        Objects.requireNonNull(simpleRandomSampleVariance, "simpleRandomSampleVariance");
        Objects.requireNonNull(simpleRandomSampleVarianceWithReplacement, "simpleRandomSampleVarianceWithReplacement");
    }

    /**
     * An estimate without the simple-random-sampling variances behind its design effect (a ratio, a variance, or
     * one made by hand).
     *
     * @param label what was estimated
     * @param estimate the estimate
     * @param standardError its standard error
     * @param designEffect the design effect, or empty
     * @param respondents the respondents the estimate rests on
     * @param degreesOfFreedom the design degrees of freedom
     * @throws NullPointerException if the label or the design effect is null
     */
    public SurveyEstimate(String label, double estimate, double standardError, OptionalDouble designEffect,
            int respondents, int degreesOfFreedom) {
        this(label, estimate, standardError, designEffect, respondents, degreesOfFreedom, OptionalDouble.empty(),
                OptionalDouble.empty());
    }

    /**
     * The Wald interval \( \hat θ \pm t_{df} \mathrm{SE} \), survey's {@code confint(svymean(...), df = degf)}.
     *
     * @param level the confidence level, in (0, 1)
     * @return the interval
     * @throws IllegalArgumentException if the level is not in (0, 1)
     */
    public Interval confidenceInterval(double level) {
        double t = critical(level);
        return new Interval(estimate, estimate - t * standardError, estimate + t * standardError, level);
    }

    /** The critical value of the level: t on the degrees of freedom, the normal's when there are none. */
    double critical(double level) {
        Checks.requireOpenUnit(level, "level");
        return degreesOfFreedom > 0 ? Distributions.t(level, degreesOfFreedom) : Distributions.z(level);
    }

    /**
     * The simple random sample this proportion is worth, \( n_{eff} = p(1 - p)/\mathrm{SE}^2 \): how the estimate
     * enters a meta-analysis ({@code EffectSizes.of(measure, samples, labels)}) with its design-based precision.
     *
     * @return the effective sample
     * @throws IllegalArgumentException if the estimate is not a proportion in (0, 1) with a positive standard
     *         error
     */
    public EffectiveSample toEffectiveSample() {
        return EffectiveSample.fromStandardError(estimate, standardError);
    }

    /**
     * The estimate as survey's {@code print.svystat} lays it out: a row with the estimate, its standard error and
     * the design effect when there is one, rounded as R's {@code printCoefmat}.
     *
     * @return the text
     */
    public String summary() {
        return table(List.of(this), "estimate");
    }

    /**
     * Estimates as survey's {@code print.svystat} lays them out, one row each (domains, or several variables):
     * with {@code printCoefmat}'s rounding, five significant digits, the estimates and standard errors together,
     * and the design effects (the last column) to four decimals.
     *
     * @param estimates the estimates, at least one
     * @param statistic the name of the first column, such as {@code mean} or {@code total}
     * @return the text, lines separated by {@code \n}
     * @throws IllegalArgumentException if there is no estimate
     */
    public static String table(List<SurveyEstimate> estimates, String statistic) {
        Objects.requireNonNull(estimates, "estimates");
        Objects.requireNonNull(statistic, "statistic");
        if (estimates.isEmpty()) {
            throw new IllegalArgumentException("No estimate to lay out");
        }
        int n = estimates.size();
        boolean withDeff = estimates.stream().allMatch(e -> e.designEffect().isPresent());
        double[] estimate = estimates.stream().mapToDouble(SurveyEstimate::estimate).toArray();
        double[] se = estimates.stream().mapToDouble(SurveyEstimate::standardError).toArray();
        List<String> headers = new ArrayList<>(List.of(statistic, "SE"));
        List<String[]> columns = new ArrayList<>();
        final int digits = 5;
        if (withDeff) {
            // printCoefmat: estimate and SE rounded together from the smallest magnitude; DEff as a test column.
            double[] both = new double[2 * n];
            System.arraycopy(estimate, 0, both, 0, n);
            System.arraycopy(se, 0, both, n, n);
            int decimals = Math.max(1, digits - leading(both));
            String[] joint = Formats.column(both, decimals, digits);
            // Formatted as one matrix, so the two columns share one width.
            int width = Arrays.stream(joint).mapToInt(String::length).max().orElse(0);
            for (int i = 0; i < joint.length; i++) {
                joint[i] = " ".repeat(width - joint[i].length()) + joint[i];
            }
            columns.add(Arrays.copyOfRange(joint, 0, n));
            columns.add(Arrays.copyOfRange(joint, n, 2 * n));
            headers.add("DEff");
            columns.add(Formats.column(estimates.stream().mapToDouble(e -> e.designEffect().getAsDouble()).toArray(),
                    4, digits));
        } else {
            columns.add(Formats.column(estimate, Math.max(1, digits - leading(estimate)), digits));
            columns.add(Formats.column(se, 4, digits));
        }
        return String.join("\n", Formats.table(estimates.stream().map(SurveyEstimate::label).toList(), headers,
                columns));
    }

    /** \( 1 + \lfloor\log_{10}\min|x|\rfloor \) over the non-zero finite values: printCoefmat's digmin. */
    private static int leading(double[] values) {
        double min = Double.POSITIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v) && v != 0) {
                min = Math.min(min, Math.abs(v));
            }
        }
        return min == Double.POSITIVE_INFINITY ? 1 : 1 + (int) Math.floor(Math.log10(min));
    }
}
