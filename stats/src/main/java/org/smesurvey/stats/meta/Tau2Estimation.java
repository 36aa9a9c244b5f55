package org.smesurvey.stats.meta;

import java.util.OptionalDouble;

/**
 * The estimation of \( τ^2 \) by each {@link Tau2Estimator}, following metafor 3.8's {@code rma.uni} step by
 * step (starting values, truncation at 0, step halving, the check of ML and REML against \( τ^2 = 0 \)), with
 * tighter convergence: iterations stop when \( τ^2 \) changes by less than {@code tolerance} × max(1, τ²).
 */
final class Tau2Estimation {

    /** metafor's {@code tau2.max}, the first upper bound of the Paule–Mandel search; doubled if needed here. */
    private static final double TAU2_MAX = 100;
    /** metafor's {@code tol} for its ll0check, {@code .Machine$double.eps^0.25}. */
    private static final double LL0_TOLERANCE = Math.pow(Math.ulp(1.0), 0.25);

    record Estimate(double tau2, OptionalDouble standardError, int iterations) {
    }

    private Tau2Estimation() {
    }

    static Estimate estimate(Model m, Tau2Estimator estimator, double tolerance, int maxIterations,
            boolean withStandardError) {
        if (m.k == 1) {
            return new Estimate(0, OptionalDouble.empty(), 0);
        }
        return switch (estimator) {
            case EE -> new Estimate(0, OptionalDouble.empty(), 0);
            case DL -> dl(m, withStandardError);
            case HE -> he(m, withStandardError);
            case SJ -> sj(m, withStandardError);
            case PM -> pm(m, withStandardError);
            case ML, REML, EB -> scoring(m, estimator, tolerance, maxIterations, withStandardError);
        };
    }

    private static Estimate dl(Model m, boolean withSe) {
        Model.Wls fit = m.wls(Model.weights(m.v, 0));
        double trP = m.traceP(fit);
        double tau2 = Math.max(0, (fit.rss - (m.k - m.p)) / trP);
        OptionalDouble se = withSe ? OptionalDouble.of(Math.sqrt(1 / (trP * trP)
                * (2 * (m.k - m.p) + 4 * tau2 * trP + 2 * tau2 * tau2 * m.sumOfSquares(fit, null, null))))
                : OptionalDouble.empty();
        return new Estimate(tau2, se, 0);
    }

    /** The Hedges estimate, before truncation; the starting value of ML, REML and EB. */
    static double heUntruncated(Model m) {
        Model.Wls ols = m.wls(m.ones());
        double trPV = m.traceP(ols, m.v);
        return (ols.rss - trPV) / (m.k - m.p);
    }

    private static Estimate he(Model m, boolean withSe) {
        double tau2 = Math.max(0, heUntruncated(m));
        OptionalDouble se = OptionalDouble.empty();
        if (withSe) {
            Model.Wls ols = m.wls(m.ones());
            double trPV = m.traceP(ols, m.v);
            double df = m.k - m.p;
            se = OptionalDouble.of(Math.sqrt(1 / (df * df)
                    * (2 * m.sumOfSquares(ols, m.v, m.v) + 4 * tau2 * trPV + 2 * tau2 * tau2 * df)));
        }
        return new Estimate(tau2, se, 0);
    }

    private static Estimate sj(Model m, boolean withSe) {
        double mean = sum(m.y) / m.k;
        double tau20 = 0;
        for (double yi : m.y) {
            tau20 += (yi - mean) * (yi - mean);
        }
        tau20 /= m.k;
        Model.Wls fit = m.wls(Model.weights(m.v, tau20));
        double df = m.k - m.p;
        double tau2 = Math.max(0, tau20 * fit.rss / df);
        OptionalDouble se = withSe ? OptionalDouble.of(Math.sqrt(tau20 * tau20 / (df * df)
                * (2 * m.sumOfSquares(fit, m.v, m.v) + 4 * tau2 * m.sumOfSquares(fit, null, m.v)
                        + 2 * tau2 * tau2 * m.sumOfSquares(fit, null, null))))
                : OptionalDouble.empty();
        return new Estimate(tau2, se, 0);
    }

    private static Estimate pm(Model m, boolean withSe) {
        double target = m.k - m.p;
        double tau2;
        if (m.q(0) < target) {
            tau2 = 0;
        } else {
            double high = TAU2_MAX;
            while (m.q(high) > target) {
                high *= 2;
            }
            tau2 = Model.root(t -> m.q(t) - target, 0, high);
        }
        return new Estimate(tau2, withSe ? ebPmStandardError(m, tau2) : OptionalDouble.empty(), 0);
    }

    private static OptionalDouble ebPmStandardError(Model m, double tau2) {
        double sumW = sum(Model.weights(m.v, tau2));
        return OptionalDouble.of(Math.sqrt(2.0 * m.k * m.k / (m.k - m.p) / (sumW * sumW)));
    }

    private static Estimate scoring(Model m, Tau2Estimator estimator, double tolerance, int maxIterations,
            boolean withSe) {
        double tau2 = Math.max(0, heUntruncated(m));
        int iterations = 0;
        double change = Double.POSITIVE_INFINITY;
        double damping = 1;
        double lastAdjustment = 0;
        while (change > tolerance * Math.max(1, tau2)) {
            if (++iterations > maxIterations) {
                throw new IllegalStateException(String.format(java.util.Locale.ROOT,
                        "The %s estimate of tau^2 did not converge in %d iterations (last change %.3g); raise"
                                + " withMaxIterations or use another estimator", estimator, maxIterations, change));
            }
            Model.Wls fit = m.wls(Model.weights(m.v, tau2));
            double adjustment = switch (estimator) {
                case ML -> (Model.residualSquaresWeightedTwice(fit) - fit.sumW) / fit.sumW2;
                case REML -> (Model.residualSquaresWeightedTwice(fit) - m.traceP(fit)) / m.sumOfSquares(fit, null, null);
                default -> (fit.rss * m.k / (m.k - m.p) - m.k) / fit.sumW;
            };
            if (Double.isNaN(adjustment)) {
                adjustment = 0;
            }
            while (tau2 + adjustment < 0) {
                adjustment /= 2;
            }
            // Fisher scoring can overshoot and cycle around the maximum (on a set nearly all at one end, say): a
            // step that reverses the last without being at most half of it is damped, as metafor's stepadj would
            // be set by hand. The iteration's fixed point, and so the estimate, is the same.
            if (lastAdjustment != 0 && Math.signum(adjustment) != Math.signum(lastAdjustment)
                    && Math.abs(adjustment) > Math.abs(lastAdjustment) / 2) {
                damping /= 2;
            }
            adjustment *= damping;
            while (tau2 + adjustment < 0) {
                adjustment /= 2;
            }
            lastAdjustment = adjustment;
            double previous = tau2;
            tau2 += adjustment;
            change = Math.abs(tau2 - previous);
        }
        if (estimator != Tau2Estimator.EB && tau2 > 0) {
            // metafor's ll0check: a local maximum below the likelihood at tau^2 = 0 is replaced by 0.
            boolean restricted = estimator == Tau2Estimator.REML;
            if (m.logLikelihood(0, restricted) - m.logLikelihood(tau2, restricted) > LL0_TOLERANCE) {
                tau2 = 0;
            }
        }
        OptionalDouble se = OptionalDouble.empty();
        if (withSe) {
            Model.Wls fit = m.wls(Model.weights(m.v, tau2));
            se = switch (estimator) {
                case ML -> OptionalDouble.of(Math.sqrt(2 / fit.sumW2));
                case REML -> OptionalDouble.of(Math.sqrt(2 / m.sumOfSquares(fit, null, null)));
                default -> ebPmStandardError(m, tau2);
            };
        }
        return new Estimate(tau2, se, iterations);
    }

    static double sum(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum;
    }
}
