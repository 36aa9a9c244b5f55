package org.smesurvey.stats.adoption;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.smesurvey.stats.Interval;
import org.smesurvey.stats.internal.Distributions;

/**
 * The profile likelihood of the adoption model's ceilings: for each ceiling, its maximum-likelihood estimate and the
 * ceilings κ where \( 2\,[\ell(\hat θ) - \ell_p(κ)] = χ^2_{1,0.95} \), \( \ell_p(κ) \) the full log-likelihood
 * maximised over every other parameter with that ceiling held at κ.
 *
 * <p>Maximum likelihood, not REML: the restricted likelihood integrates the fixed effects out, and a ceiling is one
 * of them, so restricted likelihoods with and without it held are not comparable. The figures' logits are normal
 * around the model's mean with the random effects' covariance, so at its estimates the full likelihood of the model
 * linearised there is the model's own: each point of the profile is exact. The bounds are found by Brent's method on
 * the ceiling's logit, to {@value #ACCURACY}. A ceiling held below what its figures show cannot be fitted: there the
 * lower bound is the lowest ceiling the model can reach the figures with.
 *
 * <p>Reference: Venzon, D. J. &amp; Moolgavkar, S. H. (1988). A method for computing profile-likelihood-based
 * confidence intervals. <i>Applied Statistics</i> 37, 87–94. doi:10.2307/2347496
 */
final class CeilingProfile {

    /** The accuracy of a bound, on the logit scale. */
    static final double ACCURACY = 1e-6;
    /** Beyond this logit (κ above 1 − 4.5e-5) a ceiling is at 100 %. */
    private static final double TOP = 10;
    /** The lowest logit searched (κ = 0.0045 %). */
    private static final double BOTTOM = -10;

    private CeilingProfile() {
    }

    /** The ceilings of a fit's form, each with its profile-likelihood interval. */
    static List<AdoptionModel.CeilingEstimate> of(AdoptionModel.Fit fit) {
        AdoptionModel.Ceiling kind = fit.ceilings().kind();
        if (kind == AdoptionModel.Ceiling.NONE) {
            return List.of();
        }
        AdoptionModel.Form asked = fit.form().with(kind);
        AdoptionModel.Fit ml = fit.refit(false, Map.of(), asked);
        double top = ml.likelihood();
        double critical = Distributions.chiSquareQuantile(0.95, 1);
        int p = ml.coefficients().length - ml.ceilings().estimated().size();
        List<AdoptionModel.CeilingEstimate> out = new ArrayList<>();
        for (String level : ml.ceilings().asked(ml.profiles())) {
            int j = ml.ceilings().estimated().indexOf(level);
            double gamma = j >= 0 ? ml.coefficients()[p + j] : Double.POSITIVE_INFINITY;
            Map<String, Double> others = new HashMap<>(ml.ceilings().fixed());
            others.remove(level);
            DoubleUnaryOperator excess = g -> {
                Map<String, Double> held = new HashMap<>(others);
                held.put(level, g);
                try {
                    return 2 * (top - ml.refit(false, held, asked).likelihood()) - critical;
                } catch (IllegalArgumentException | IllegalStateException cannot) {
                    // A ceiling below what the figures show: the model cannot reach them, far beyond the bound.
                    return Double.MAX_VALUE;
                }
            };
            double upper = 1;
            if (j >= 0 && excess.applyAsDouble(Double.POSITIVE_INFINITY) > 0) {
                upper = AdoptionModel.expit(root(excess, gamma, TOP));
            }
            double from = j >= 0 ? gamma : TOP;
            double below = from - 1;
            while (below > BOTTOM && excess.applyAsDouble(below) < 0) {
                from = below;
                below -= 1;
            }
            double lower = below <= BOTTOM ? 0 : AdoptionModel.expit(root(excess, below, from));
            out.add(new AdoptionModel.CeilingEstimate(level, new Interval(j >= 0 ? AdoptionModel.expit(gamma) : 1,
                    lower, upper, 0.95), j < 0, !ml.ceilings().inseparable().contains(level)));
        }
        return List.copyOf(out);
    }

    private static double root(DoubleUnaryOperator f, double a, double b) {
        return new BrentSolver(ACCURACY).solve(200, f::applyAsDouble, Math.min(a, b), Math.max(a, b));
    }
}
