package org.smesurvey.stats.meta;

import java.util.Locale;

/**
 * The log-likelihood of a fitted model and the criteria built on it, as metafor's {@code fitstats}: with q the
 * number of parameters (the coefficients, and τ² unless the model has equal effects) and \( n \) the number of
 * studies (k − p for the restricted likelihood),
 * \( \mathrm{AIC} = -2\ell + 2q \), \( \mathrm{BIC} = -2\ell + q\log n \),
 * \( \mathrm{AICc} = -2\ell + 2q\,\max(n, q + 2)/(\max(n, q + 2) - q - 1) \). The deviance is
 * \( -2(\ell - \ell_{sat}) \), the saturated model's \( \ell_{sat} = \sum_i \log φ(0; 0, v_i) \) for ML (0 when
 * k ≤ p) and 0 for REML.
 *
 * <p>Reference: Viechtbauer, W. (2010). Conducting meta-analyses in R with the metafor package. <i>Journal of
 * Statistical Software</i> 36(3). doi:10.18637/jss.v036.i03.
 *
 * @param restricted whether the likelihood is the restricted (REML) one
 * @param logLikelihood the log-likelihood at the estimates
 * @param deviance the deviance
 * @param aic Akaike's criterion
 * @param bic the Bayesian criterion
 * @param aicc Akaike's criterion corrected for small samples
 * @since 0.1
 */
public record FitStatistics(boolean restricted, double logLikelihood, double deviance, double aic, double bic,
        double aicc) {

    /**
     * The statistics as R prints {@code fitstats(res)}: one labelled column, seven significant digits.
     *
     * @return the text
     */
    public String summary() {
        double[] values = {logLikelihood, deviance, aic, bic, aicc};
        int decimals = 0;
        for (double v : values) {
            if (Double.isFinite(v) && v != 0) {
                decimals = Math.max(decimals, 7 - 1 - (int) Math.floor(Math.log10(Math.abs(v))));
            }
        }
        String[] texts = new String[values.length];
        int width = restricted ? 4 : 2;
        for (int i = 0; i < values.length; i++) {
            texts[i] = String.format(Locale.ROOT, "%." + Math.max(0, decimals) + "f", values[i]);
            width = Math.max(width, texts[i].length());
        }
        String[] labels = {"logLik:", "deviance:", "AIC:", "BIC:", "AICc:"};
        StringBuilder text = new StringBuilder(" ".repeat(9)).append(String.format(Locale.ROOT, " %" + width + "s",
                restricted ? "REML" : "ML"));
        for (int i = 0; i < values.length; i++) {
            text.append('\n').append(String.format(Locale.ROOT, "%-9s %" + width + "s", labels[i], texts[i]));
        }
        return text.toString();
    }
}
