package org.smesurvey.core;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * One published number: a proportion of companies, in the form the study gave it.
 *
 * <p>The forms differ in what they let a later analysis do: raw counts and a proportion with its base
 * give a binomial variance; a standard error or an interval carries a survey's own design-based
 * precision; a proportion with no base can be shown but not weighed ({@link #hasBase()} is false).
 * Keep the form the study used rather than rebuilding counts from a rounded percentage.
 *
 * @since 0.1
 */
public sealed interface Figure {

    /**
     * The proportion, in [0, 1].
     *
     * @return the proportion
     */
    double proportion();

    /**
     * The number of companies the proportion is a share of, if the study gave it.
     *
     * @return the base, empty if unknown
     */
    OptionalInt base();

    /**
     * Whether the figure carries a measure of its precision: a base, a standard error or an interval.
     *
     * @return {@code false} only for {@link Unbased}
     */
    default boolean hasBase() {
        return !(this instanceof Unbased);
    }

    /**
     * {@code x} companies out of {@code n}.
     *
     * @param x the number of companies with the characteristic, from 0 to {@code n}
     * @param n the number of companies asked, positive
     */
    record Counts(int x, int n) implements Figure {
        /**
         * Validates the counts.
         *
         * @param x the number of companies with the characteristic, from 0 to {@code n}
         * @param n the number of companies asked, positive
         * @throws IllegalArgumentException if {@code n <= 0}, {@code x < 0} or {@code x > n}
         */
        public Counts {
            Arguments.requirePositive(n, "n");
            Arguments.requireNonNegative(x, "x");
            if (x > n) {
                throw new IllegalArgumentException(Arguments.format("x is greater than n: %d > %d", x, n));
            }
        }

        @Override
        public double proportion() {
            return (double) x / n;
        }

        @Override
        public OptionalInt base() {
            return OptionalInt.of(n);
        }
    }

    /**
     * A proportion and the number of companies it is a share of.
     *
     * @param proportion the proportion, in [0, 1]
     * @param n the base, positive
     */
    record WithBase(double proportion, int n) implements Figure {
        /**
         * Validates the figure.
         *
         * @param proportion the proportion, in [0, 1]
         * @param n the base, positive
         * @throws IllegalArgumentException if the proportion is NaN or outside [0, 1], or {@code n <= 0}
         */
        public WithBase {
            Arguments.requireProportion(proportion, "proportion");
            Arguments.requirePositive(n, "n");
        }

        @Override
        public OptionalInt base() {
            return OptionalInt.of(n);
        }
    }

    /**
     * A proportion with its standard error, as a weighted survey publishes it.
     *
     * @param proportion the proportion, in [0, 1]
     * @param standardError its standard error, in (0, 0.5] (no estimate bounded by [0, 1] has a larger one)
     * @param base the base if also given
     */
    record WithStandardError(double proportion, double standardError, OptionalInt base) implements Figure {
        /**
         * Validates the figure.
         *
         * @param proportion the proportion, in [0, 1]
         * @param standardError its standard error, in (0, 0.5] (no estimate bounded by [0, 1] has a larger one)
         * @param base the base if also given
         * @throws NullPointerException if {@code base} is null
         * @throws IllegalArgumentException if the proportion is not in [0, 1], the standard error is not
         *         in (0, 0.5], or the base is not positive
         */
        public WithStandardError {
            Arguments.requireProportion(proportion, "proportion");
            if (!(standardError > 0 && standardError <= 0.5)) {
                throw new IllegalArgumentException("Standard error is not in (0, 0.5]: " + standardError);
            }
            requireBase(base);
        }
    }

    /**
     * A proportion with a confidence interval, as published.
     *
     * @param proportion the proportion, in [0, 1]
     * @param lower the lower limit, from 0 to {@code proportion}
     * @param upper the upper limit, from {@code proportion} to 1
     * @param level the confidence level, in (0, 1), such as 0.95
     * @param base the base if also given
     */
    record WithInterval(double proportion, double lower, double upper, double level, OptionalInt base)
            implements Figure {
        /**
         * Validates the figure.
         *
         * @param proportion the proportion, in [0, 1]
         * @param lower the lower limit, from 0 to {@code proportion}
         * @param upper the upper limit, from {@code proportion} to 1
         * @param level the confidence level, in (0, 1), such as 0.95
         * @param base the base if also given
         * @throws NullPointerException if {@code base} is null
         * @throws IllegalArgumentException if the values are not ordered
         *         {@code 0 <= lower <= proportion <= upper <= 1}, the level is not in (0, 1), or the base
         *         is not positive
         */
        public WithInterval {
            Arguments.requireProportion(proportion, "proportion");
            Arguments.requireProportion(lower, "lower limit");
            Arguments.requireProportion(upper, "upper limit");
            if (!(lower <= proportion && proportion <= upper)) {
                throw new IllegalArgumentException(Arguments.format(
                        "Interval [%s, %s] does not contain the proportion %s", lower, upper, proportion));
            }
            if (!(level > 0 && level < 1)) {
                throw new IllegalArgumentException("Confidence level is not in (0, 1): " + level);
            }
            requireBase(base);
        }
    }

    /**
     * A proportion published without its base or precision; it can be shown, not weighed.
     *
     * @param proportion the proportion, in [0, 1]
     */
    record Unbased(double proportion) implements Figure {
        /**
         * Validates the figure.
         *
         * @param proportion the proportion, in [0, 1]
         * @throws IllegalArgumentException if the proportion is NaN or outside [0, 1]
         */
        public Unbased {
            Arguments.requireProportion(proportion, "proportion");
        }

        @Override
        public OptionalInt base() {
            return OptionalInt.empty();
        }
    }

    private static void requireBase(OptionalInt base) {
        Objects.requireNonNull(base, "base");
        base.ifPresent(n -> Arguments.requirePositive(n, "base"));
    }
}
