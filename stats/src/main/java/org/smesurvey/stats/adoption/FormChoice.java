package org.smesurvey.stats.adoption;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.smesurvey.core.ReferencePopulations;
import org.smesurvey.stats.internal.Distributions;

/**
 * The adoption model's form chosen out of sample: each candidate form (one speed or a speed per indicator; no
 * ceiling, one, or one per indicator) is fitted, tested against the plain form by likelihood, and cross-validated by
 * leaving each study out; the form chosen is the one that predicts the left-out studies best — the smallest mean
 * absolute error among the forms whose 95 % prediction intervals hold 93 % to 97 % of the left-out figures, the
 * simplest on a tie within 0.05 points — whatever the likelihood says.
 *
 * <p>The likelihood ratio compares maximum-likelihood fits (restricted likelihoods of different fixed effects are not
 * comparable) on χ² with as many degrees of freedom as the form adds coefficients; a ceiling on its boundary, 100 %,
 * adds none and its ratio is 0.
 *
 * <p>Reference: Arlot, S. &amp; Celisse, A. (2010). A survey of cross-validation procedures for model selection.
 * <i>Statistics Surveys</i> 4, 40–79. doi:10.1214/09-SS054
 *
 * @since 0.2
 */
public final class FormChoice {

    /** The forms tried, simplest first. */
    public static final List<AdoptionModel.Form> CANDIDATES = List.of(AdoptionModel.Form.PLAIN,
            new AdoptionModel.Form(AdoptionModel.Ceiling.NONE, true, false),
            new AdoptionModel.Form(AdoptionModel.Ceiling.ONE, false, false),
            new AdoptionModel.Form(AdoptionModel.Ceiling.PER_INDICATOR, false, false));

    /**
     * One form tried.
     *
     * @param asked the form asked for
     * @param fitted the form fitted (without the ceilings whose likelihood rises to 100 %)
     * @param logLikelihood the maximum-likelihood fit's log-likelihood
     * @param ratio twice its log-likelihood less the plain form's
     * @param degreesOfFreedom the coefficients it adds to the plain form
     * @param p the ratio's χ² p value (1 when it adds none)
     * @param validation each study left out in turn
     */
    public record Candidate(AdoptionModel.Form asked, AdoptionModel.Form fitted, double logLikelihood, double ratio,
            int degreesOfFreedom, double p, CrossValidation validation) {

        /**
         * Validates the candidate.
         *
         * @param asked the form asked for
         * @param fitted the form fitted
         * @param logLikelihood the ML log-likelihood
         * @param ratio the likelihood ratio against the plain form
         * @param degreesOfFreedom the coefficients added
         * @param p its p value
         * @param validation its cross-validation
         * @throws NullPointerException if a form or the validation is null
         */
        public Candidate {
            Objects.requireNonNull(asked, "asked");
            Objects.requireNonNull(fitted, "fitted");
            Objects.requireNonNull(validation, "validation");
        }

        /** Whether its 95 % prediction intervals hold 93 % to 97 % of the left-out figures. */
        boolean calibrated() {
            return validation.coverage() >= 0.93 && validation.coverage() <= 0.97;
        }
    }

    private final List<Candidate> candidates;
    private final Candidate chosen;

    private FormChoice(List<Candidate> candidates, Candidate chosen) {
        this.candidates = List.copyOf(candidates);
        this.chosen = chosen;
    }

    /**
     * Tries every form of {@link #CANDIDATES} on a catalogue's figures. Each form is fitted and cross-validated: this
     * takes some seconds for the bundled catalogue.
     *
     * @param data the figures
     * @param populations the reference populations of the size mixtures
     * @return the forms and the one chosen
     * @throws IllegalStateException if no figure enters or a fit does not converge
     */
    public static FormChoice of(AdoptionData data, ReferencePopulations populations) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(populations, "populations");
        List<Candidate> out = new ArrayList<>();
        double plainLikelihood = Double.NaN;
        int plainCoefficients = 0;
        for (AdoptionModel.Form form : CANDIDATES) {
            AdoptionModel.Fit fit = AdoptionModel.fit(data, populations, form);
            AdoptionModel.Fit ml = fit.refit(false, fit.ceilings().fixed(), fit.form());
            int coefficients = ml.coefficients().length;
            if (out.isEmpty()) {
                plainLikelihood = ml.likelihood();
                plainCoefficients = coefficients;
            }
            double ratio = Math.max(0, 2 * (ml.likelihood() - plainLikelihood));
            int df = coefficients - plainCoefficients;
            // A form whose every ceiling went to 100 % (or could not be told from its level) is the plain one.
            AdoptionModel.Form fitted = fit.ceilings().estimated().isEmpty() ? fit.form().with(AdoptionModel.Ceiling.NONE)
                    : fit.form();
            out.add(new Candidate(form, fitted, ml.likelihood(), ratio, df,
                    df == 0 ? 1 : Distributions.chiSquareUpperTail(ratio, df), fit.crossValidation()));
        }
        Candidate best = out.get(0);
        for (Candidate c : out) {
            boolean better = c.calibrated() && (!best.calibrated()
                    || c.validation().meanAbsoluteError() < best.validation().meanAbsoluteError() - 0.05);
            if (better) {
                best = c;
            }
        }
        return new FormChoice(out, best);
    }

    /**
     * The forms tried, in the order of {@link #CANDIDATES}.
     *
     * @return them
     */
    public List<Candidate> candidates() {
        return candidates;
    }

    /**
     * The form that predicts the left-out studies best.
     *
     * @return it
     */
    public Candidate chosen() {
        return chosen;
    }

    /**
     * The forms as a table, each with its likelihood ratio and cross-validation, and the decision.
     *
     * @return the text
     */
    public String summary() {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%-40s %10s %14s %9s %9s %7s%n", "form",
                "ML logLik", "LR vs plain", "coverage", "abs.err", "bias"));
        for (Candidate c : candidates) {
            String fitted = c.fitted().equals(c.asked()) ? c.asked().toString()
                    : c.asked() + " (fitted: " + c.fitted().ceilings().words() + ")";
            text.append(String.format(Locale.ROOT, "%-40s %10.2f %14s %8.1f%% %9.1f %+7.1f%s%n", fitted,
                    c.logLikelihood(), c.degreesOfFreedom() == 0 ? "-" : String.format(Locale.ROOT,
                        "%.1f/%d p=%.3g", c.ratio(), c.degreesOfFreedom(), c.p()),
                    100 * c.validation().coverage(), c.validation().meanAbsoluteError(), c.validation().bias(),
                    c == chosen ? "  <- chosen" : ""));
        }
        text.append("Chosen by leaving each study out (coverage of the 95 % prediction intervals within 93-97 %,"
                + " then the smallest mean absolute error), not by the likelihood.");
        return text.toString();
    }

}
