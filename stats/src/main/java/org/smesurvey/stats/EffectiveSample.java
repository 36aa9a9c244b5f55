package org.smesurvey.stats;

import org.smesurvey.stats.internal.Distributions;
import org.smesurvey.stats.internal.Checks;

import java.util.Objects;
import java.util.OptionalDouble;
import org.smesurvey.core.Figure;
import org.smesurvey.core.Observation;

/**
 * A binomial sample, possibly of non-integer size: the number of companies a weighted or clustered survey
 * figure is worth.
 *
 * <p>A survey figure is less precise than a simple random sample of the same size. Its <em>effective</em>
 * sample size is the size of the simple random sample with the same variance: {@code n / deff} for a design
 * effect {@code deff} (Kish 1965, §8.2), {@code p(1 - p) / se²} for a published standard error, and
 * {@code (Σw)² / Σw²} for weights alone (Kish 1965, §11.7). The interval methods of
 * {@link org.smesurvey.stats.proportion.ProportionInterval} take such samples, so that a survey figure gets an
 * interval as wide as its design makes it (Korn and Graubard 1998). Every family of the library takes it (the
 * meta-analysis of figures, harmonisation, comparability, the survey estimators), so it lives here, in the root
 * package, beside the result contracts.
 *
 * <p>References:
 * <ol>
 * <li>Kish, L. (1965). <i>Survey Sampling</i>. New York: Wiley.</li>
 * <li>Korn, E. L. and Graubard, B. I. (1998). Confidence intervals for proportions with small expected
 *     number of positive counts estimated from survey data. <i>Survey Methodology</i> 24(2), 193–201.</li>
 * </ol>
 *
 * @param successes the effective number of companies with the characteristic, in [0, size]
 * @param size the effective number of companies, positive
 * @since 0.1
 */
public record EffectiveSample(double successes, double size) {

    /**
     * Validates the sample.
     *
     * @param successes the effective number of companies with the characteristic, in [0, size]
     * @param size the effective number of companies, positive
     * @throws IllegalArgumentException if {@code size} is not a positive finite number or {@code successes}
     *         is not in [0, size]
     */
    public EffectiveSample {
        Checks.requireCounts(successes, size);
    }

    /**
     * A simple random sample: {@code x} of {@code n}.
     *
     * @param x the number of companies with the characteristic
     * @param n the number of companies
     * @return the sample
     * @throws IllegalArgumentException if {@code n <= 0} or {@code x} is not in [0, n]
     */
    public static EffectiveSample of(int x, int n) {
        return new EffectiveSample(x, n);
    }

    /**
     * The sample a survey proportion is worth given its design effect: size {@code n / deff}.
     *
     * @param proportion the estimated proportion
     * @param n the number of companies that answered
     * @param designEffect the design effect, positive (1 for simple random sampling)
     * @return the effective sample
     * @throws IllegalArgumentException if the proportion is not in [0, 1], or {@code n} or the design
     *         effect is not a positive finite number
     */
    public static EffectiveSample fromDesignEffect(double proportion, double n, double designEffect) {
        Checks.requireProportion(proportion, "proportion");
        double size = Checks.requirePositive(n, "n") / Checks.requirePositive(designEffect, "design effect");
        return new EffectiveSample(proportion * size, size);
    }

    /**
     * The sample a survey proportion is worth given its standard error: size {@code p(1 - p) / se²}.
     *
     * @param proportion the estimated proportion, in (0, 1)
     * @param standardError its standard error, positive
     * @return the effective sample
     * @throws IllegalArgumentException if the proportion is not in (0, 1) (the size is then 0 or undefined)
     *         or the standard error is not a positive finite number
     */
    public static EffectiveSample fromStandardError(double proportion, double standardError) {
        Checks.requireOpenUnit(proportion, "proportion");
        double size = proportion * (1 - proportion) / Math.pow(Checks.requirePositive(standardError, "standard error"), 2);
        return new EffectiveSample(proportion * size, size);
    }

    /**
     * Kish's effective sample of weighted answers: proportion {@code Σ w y / Σ w}, size {@code (Σw)² / Σw²}.
     *
     * @param weights the respondents' weights, positive
     * @param outcomes whether each respondent has the characteristic
     * @return the effective sample
     * @throws IllegalArgumentException if the arrays are empty or of different lengths, or a weight is not
     *         a positive finite number
     */
    public static EffectiveSample kish(double[] weights, boolean[] outcomes) {
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(outcomes, "outcomes");
        if (weights.length != outcomes.length || weights.length == 0) {
            throw new IllegalArgumentException(Checks.format(
                    "Weights and outcomes must be non-empty and of the same length: %d and %d", weights.length,
                    outcomes.length));
        }
        double sum = 0;
        double sumOfSquares = 0;
        double positive = 0;
        for (int i = 0; i < weights.length; i++) {
            double w = Checks.requirePositive(weights[i], "weight");
            sum += w;
            sumOfSquares += w * w;
            if (outcomes[i]) {
                positive += w;
            }
        }
        double size = sum * sum / sumOfSquares;
        return new EffectiveSample(Math.min(size, positive / sum * size), size);
    }

    /**
     * The sample a published figure is worth: counts and a proportion with its base as they are (divided by
     * the observation's design effect if it has one); a standard error through
     * {@link #fromStandardError(double, double)}; a published interval through the standard error it implies,
     * {@code (upper - lower) / (2 z)}, which is exact for a symmetric (Wald) interval and an approximation
     * otherwise.
     *
     * @param observation a figure of the catalogue
     * @return its effective sample
     * @throws IllegalArgumentException if the figure has no base, or its proportion is 0 or 1 and only a
     *         standard error or interval gives its precision
     */
    public static EffectiveSample of(Observation observation) {
        Objects.requireNonNull(observation, "observation");
        Figure figure = observation.figure();
        OptionalDouble deff = observation.designEffect();
        if (figure instanceof Figure.Counts c) {
            return deff.isPresent() ? fromDesignEffect(c.proportion(), c.n(), deff.getAsDouble()) : of(c.x(), c.n());
        }
        if (figure instanceof Figure.WithBase b) {
            return fromDesignEffect(b.proportion(), b.n(), deff.orElse(1));
        }
        if (figure instanceof Figure.WithStandardError s) {
            return fromStandardError(s.proportion(), s.standardError());
        }
        if (figure instanceof Figure.WithInterval i) {
            return fromStandardError(i.proportion(), (i.upper() - i.lower()) / (2 * Distributions.z(i.level())));
        }
        throw new IllegalArgumentException("Figure of " + observation.label()
                + " has no base, standard error or interval: its precision is unknown");
    }

    /**
     * The proportion {@code successes / size}.
     *
     * @return the proportion
     */
    public double proportion() {
        return successes / size;
    }
}
