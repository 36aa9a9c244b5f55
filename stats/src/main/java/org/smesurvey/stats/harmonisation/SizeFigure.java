package org.smesurvey.stats.harmonisation;

import java.util.Objects;
import java.util.OptionalDouble;
import org.smesurvey.core.Observation;
import org.smesurvey.core.SizeBand;
import org.smesurvey.stats.EffectiveSample;

/**
 * A proportion for one size band, with its sampling variance when known: the input of size-class
 * harmonisation and direct standardisation.
 *
 * @param band the employee band the proportion describes
 * @param proportion the proportion, in [0, 1]
 * @param variance its sampling variance, empty if the figure was published without a base
 * @since 0.1
 */
public record SizeFigure(SizeBand band, double proportion, OptionalDouble variance) {

    /**
     * Validates the figure.
     *
     * @param band the employee band the proportion describes
     * @param proportion the proportion, in [0, 1]
     * @param variance its sampling variance, empty if the figure was published without a base
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the proportion is not in [0, 1] or the variance is negative or not
     *         finite
     */
    public SizeFigure {
        Objects.requireNonNull(band, "band");
        if (!(proportion >= 0 && proportion <= 1)) {
            throw new IllegalArgumentException("Proportion is not in [0, 1]: " + proportion);
        }
        Objects.requireNonNull(variance, "variance").ifPresent(v -> {
            if (!(v >= 0 && v < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("Variance is not a finite number of at least 0: " + v);
            }
        });
    }

    /**
     * A figure without a known variance.
     *
     * @param band the employee band
     * @param proportion the proportion
     * @return the figure
     */
    public static SizeFigure of(SizeBand band, double proportion) {
        Objects.requireNonNull(band, "band");
        return new SizeFigure(band, proportion, OptionalDouble.empty());
    }

    /**
     * A figure with a binomial variance \( p(1-p)/n \) for an effective sample.
     *
     * @param band the employee band
     * @param sample the (effective) sample behind the proportion
     * @return the figure
     */
    public static SizeFigure of(SizeBand band, EffectiveSample sample) {
        Objects.requireNonNull(band, "band");
        Objects.requireNonNull(sample, "sample");
        double p = sample.proportion();
        return new SizeFigure(band, p, OptionalDouble.of(p * (1 - p) / sample.size()));
    }

    /**
     * The figure of a catalogue observation: its band, its proportion, and the variance of its
     * {@linkplain EffectiveSample#of(Observation) effective sample} when it has a base.
     *
     * @param observation an observation with a size band
     * @return the figure
     * @throws IllegalArgumentException if the observation has no size band
     */
    public static SizeFigure of(Observation observation) {
        Objects.requireNonNull(observation, "observation");
        SizeBand band = observation.sizeBand().orElseThrow(() -> new IllegalArgumentException(
                "Observation " + observation.label() + " has no size band"));
        return observation.figure().hasBase() ? of(band, EffectiveSample.of(observation))
                : of(band, observation.figure().proportion());
    }
}
