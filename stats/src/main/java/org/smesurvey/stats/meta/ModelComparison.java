package org.smesurvey.stats.meta;

import java.util.Locale;
import java.util.Objects;
import org.smesurvey.stats.TestResult;
import org.smesurvey.stats.internal.Distributions;

/**
 * The likelihood-ratio comparison of two nested models fitted to the same studies, metafor's
 * {@code anova(full, reduced)}: \( 2(ℓ_{full} - ℓ_{reduced}) \) on the difference in parameters, with both models'
 * fit statistics, residual heterogeneity (Q_E and τ²) and the share of τ² the full model accounts for,
 * \( R^2 = \max(0, 100(τ^2_{reduced} - τ^2_{full})/τ^2_{reduced}) \). Works for every model family (uni- and
 * multilevel models, the binomial–normal GLMM): both must be fitted by maximum likelihood, or both by REML with
 * the same fixed effects (REML likelihoods of different designs are not comparable, as metafor warns; here it is
 * refused).
 *
 * <p>Reference: Viechtbauer, W. (2010), <i>J. Stat. Softw.</i> 36(3), section 3.4; Raudenbush, S. W. (2009).
 * Analyzing effect sizes: random-effects models. In Cooper, Hedges and Valentine (eds), <i>The Handbook of Research
 * Synthesis and Meta-Analysis</i>, 2nd ed., 295–315 (R²).
 *
 * @param full the model with more parameters
 * @param reduced the model nested in it
 * @param fullStatistics the full model's fit statistics
 * @param reducedStatistics the reduced model's
 * @param test the likelihood-ratio test
 * @param r2 the share of the reduced model's τ² the full model accounts for, in percent
 * @since 0.1
 */
public record ModelComparison(PooledModel full, PooledModel reduced, FitStatistics fullStatistics,
        FitStatistics reducedStatistics, TestResult test, double r2) {

    /**
     * Compares two nested models.
     *
     * @param full the model with more parameters
     * @param reduced the model nested in it
     * @return the comparison
     * @throws IllegalArgumentException if the models were not fitted to the same studies, one by REML and the
     *         other not, by REML with different fixed effects, or with no more parameters in the full model
     */
    public static ModelComparison of(PooledModel full, PooledModel reduced) {
        Objects.requireNonNull(full, "full");
        Objects.requireNonNull(reduced, "reduced");
        EffectSizes a = full.studies();
        EffectSizes b = reduced.studies();
        boolean same = a.size() == b.size();
        for (int i = 0; same && i < a.size(); i++) {
            same = a.yi(i) == b.yi(i) && a.vi(i) == b.vi(i);
        }
        if (!same) {
            throw new IllegalArgumentException("The two models were not fitted to the same studies");
        }
        boolean restricted = full.estimator() == Tau2Estimator.REML;
        if (restricted != (reduced.estimator() == Tau2Estimator.REML)) {
            throw new IllegalArgumentException("One model was fitted by REML and the other not: their likelihoods"
                    + " cannot be compared");
        }
        if (restricted && !full.coefficients().stream().map(Coefficient::name).toList()
                .equals(reduced.coefficients().stream().map(Coefficient::name).toList())) {
            throw new IllegalArgumentException("REML likelihoods of models with different fixed effects cannot be"
                    + " compared: fit both by ML");
        }
        FitStatistics f = full.fitStatistics();
        FitStatistics r = reduced.fitStatistics();
        int df = parameters(f) - parameters(r);
        if (df <= 0) {
            throw new IllegalArgumentException("The full model has no more parameters than the reduced one: " + df);
        }
        double lrt = Math.max(0, 2 * (f.logLikelihood() - r.logLikelihood()));
        TestResult test = TestResult.of("Likelihood-ratio test", lrt, df, Distributions.chiSquareUpperTail(lrt, df));
        double r2 = reduced.tau2() == 0 ? 0 : Math.max(0, 100 * (reduced.tau2() - full.tau2()) / reduced.tau2());
        return new ModelComparison(full, reduced, f, r, test, r2);
    }

    /** The parameters a model's AIC counts, \( (AIC + 2ℓ)/2 \). */
    private static int parameters(FitStatistics s) {
        return (int) Math.round((s.aic() + 2 * s.logLikelihood()) / 2);
    }

    /**
     * The comparison as metafor's {@code print.anova.rma} lays it out: df, AIC, BIC, AICc, logLik, LRT, p-value,
     * Q_E and τ² of each model, and R².
     *
     * @return the text
     */
    public String summary() {
        String header = String.format(Locale.ROOT, "%-8s %3s %9s %9s %9s %9s %8s %7s %9s %7s %8s%n", "", "df", "AIC",
                "BIC", "AICc", "logLik", "LRT", "pval", "QE", "tau^2", "R^2");
        return header + row("Full", full, fullStatistics, "", "", "") + row("Reduced", reduced, reducedStatistics,
                String.format(Locale.ROOT, "%.4f", test.statistic()), String.format(Locale.ROOT, "%.4f",
                        test.pValue()), String.format(Locale.ROOT, "%.4f%%", r2)).stripTrailing();
    }

    private static String row(String name, PooledModel m, FitStatistics s, String lrt, String p, String r2) {
        return String.format(Locale.ROOT, "%-8s %3d %9.4f %9.4f %9.4f %9.4f %8s %7s %9.4f %7.4f %8s%n", name,
                parameters(s), s.aic(), s.bic(), s.aicc(), s.logLikelihood(), lrt, p,
                m.heterogeneityTest().statistic(), m.tau2(), r2);
    }
}
