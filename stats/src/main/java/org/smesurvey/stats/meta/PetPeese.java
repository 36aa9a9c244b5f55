package org.smesurvey.stats.meta;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.smesurvey.stats.internal.Checks;
import org.smesurvey.stats.internal.Formats;

/**
 * Stanley and Doucouliagos' PET-PEESE: the effect corrected for small-study effects as the intercept of a
 * meta-regression on the standard error (PET, the precision-effect test, \( y_i = b_0 + b_1\sqrt{v_i} \)) or on the
 * sampling variance (PEESE, the precision-effect estimate with standard errors, \( y_i = b_0 + b_1v_i \)), and the
 * conditional estimator that picks one of the two.
 *
 * <p><b>The rule implemented.</b> PEESE's intercept when PET's intercept differs from 0 at the two-sided level
 * {@code alpha}, 10 % by default — a one-sided test at 5 % in the direction of PET's estimate — and PET's intercept
 * otherwise. This is the conditional estimator of Stanley and Doucouliagos (2014), whose first step tests for a
 * genuine effect beyond selection, with Stanley's (2017) recommendation to test it at the 10 % level; JASP and the
 * simulation studies of Carter et al. (2019) use it in this form. With an effect whose direction is known in
 * advance, Stanley's one-sided \( H_0: b_0 \le 0 \) differs from it only when PET's intercept has the wrong sign,
 * which {@link #petIntercept()} shows.
 *
 * <p><b>The regressions</b> are metafor's {@code rma(yi, vi, mods = ~ sqrt(vi), method = ...)} and
 * {@code rma(yi, vi, mods = ~ vi, method = ...)} (their slopes named {@code sei} and {@code vi} here, as in
 * {@link RegressionTest}), fitted as the analysis given fits. The default is the equal-effects model with z tests
 * (metafor's {@code method = "FE"}): the weighted least-squares estimates the method's authors use. Their
 * inference, the weighted regression with a multiplicative dispersion ({@code lm(yi ~ sqrt(vi), weights = 1/vi)}),
 * is the same estimates with t tests: {@code MetaAnalysis.withDefaults().withEstimator(Tau2Estimator.EE)
 * .withKnappHartung(true)}. A random-effects analysis gives the PET-PEESE of random-effects meta-regressions.
 *
 * <p>References:
 * <ol>
 * <li>Stanley, T. D. and Doucouliagos, H. (2014). Meta-regression approximations to reduce publication selection
 *     bias. <i>Research Synthesis Methods</i> 5, 60–78. doi:10.1002/jrsm.1095</li>
 * <li>Stanley, T. D. (2017). Limitations of PET-PEESE and other meta-analysis methods. <i>Social Psychological and
 *     Personality Science</i> 8, 581–591. doi:10.1177/1948550617693062</li>
 * <li>Carter, E. C., Schönbrodt, F. D., Gervais, W. M. and Hilgard, J. (2019). Correcting for bias in psychology:
 *     a comparison of meta-analytic methods. <i>Advances in Methods and Practices in Psychological Science</i> 2,
 *     115–144. doi:10.1177/2515245919847196</li>
 * </ol>
 *
 * @param pet the meta-regression on the standard error, columns {@code intrcpt} and {@code sei}
 * @param peese the meta-regression on the sampling variance, columns {@code intrcpt} and {@code vi}
 * @param alpha the two-sided level at which PET's intercept is tested, in (0, 1)
 * @since 0.3
 */
public record PetPeese(MetaRegression pet, MetaRegression peese, double alpha) {

    /** Stanley's (2017) level: two-sided 10 %, one-sided 5 %. */
    public static final double DEFAULT_ALPHA = 0.10;

    /**
     * Validates the pair.
     *
     * @param pet the meta-regression on the standard error
     * @param peese the meta-regression on the sampling variance
     * @param alpha the two-sided level of PET's test
     * @throws NullPointerException if a regression is null
     * @throws IllegalArgumentException if {@code alpha} is not in (0, 1), or a regression lacks its columns
     */
    public PetPeese {
        Objects.requireNonNull(pet, "pet");
        Objects.requireNonNull(peese, "peese");
        Checks.requireOpenUnit(alpha, "alpha");
        pet.coefficient("intrcpt");
        pet.coefficient("sei");
        peese.coefficient("intrcpt");
        peese.coefficient("vi");
    }

    /**
     * PET-PEESE with equal-effects regressions (metafor's {@code method = "FE"}, z tests) and PET's intercept tested
     * at 10 % two-sided.
     *
     * @param studies the effect sizes, at least three
     * @return PET, PEESE and the choice between them
     * @throws NullPointerException if {@code studies} is null
     * @throws IllegalArgumentException if there are fewer than three studies
     */
    public static PetPeese of(EffectSizes studies) {
        return of(studies, MetaAnalysis.withDefaults().withEstimator(Tau2Estimator.EE), DEFAULT_ALPHA);
    }

    /**
     * PET-PEESE with the regressions fitted as an analysis fits them.
     *
     * @param studies the effect sizes, at least three
     * @param analysis how to fit the two meta-regressions (estimator, Knapp–Hartung, level)
     * @param alpha the two-sided level at which PET's intercept is tested, such as 0.10
     * @return PET, PEESE and the choice between them
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if there are fewer than three studies or {@code alpha} is not in (0, 1)
     * @throws IllegalStateException if an iterative estimator does not converge
     */
    public static PetPeese of(EffectSizes studies, MetaAnalysis analysis, double alpha) {
        Objects.requireNonNull(studies, "studies");
        Objects.requireNonNull(analysis, "analysis");
        Checks.requireOpenUnit(alpha, "alpha");
        int k = studies.size();
        if (k < 3) {
            throw new IllegalArgumentException("PET-PEESE needs at least three studies: k = " + k);
        }
        double[] sei = new double[k];
        double[] vi = new double[k];
        for (int i = 0; i < k; i++) {
            vi[i] = studies.vi(i);
            sei[i] = Math.sqrt(vi[i]);
        }
        MetaRegression pet = analysis.fit(studies, Moderators.builder(k).numeric("sei", sei).build());
        MetaRegression peese = analysis.fit(studies, Moderators.builder(k).numeric("vi", vi).build());
        return new PetPeese(pet, peese, alpha);
    }

    /**
     * PET's intercept: the effect of a study with standard error 0, and its test of no effect beyond selection.
     *
     * @return the intercept of the regression on the standard error
     */
    public Coefficient petIntercept() {
        return pet.coefficient("intrcpt");
    }

    /**
     * PEESE's intercept: the effect of a study with variance 0.
     *
     * @return the intercept of the regression on the sampling variance
     */
    public Coefficient peeseIntercept() {
        return peese.coefficient("intrcpt");
    }

    /**
     * Whether the conditional estimator takes PEESE: PET's intercept has a two-sided p-value below {@link #alpha()}.
     *
     * @return true for PEESE, false for PET
     */
    public boolean usesPeese() {
        return petIntercept().pValue() < alpha;
    }

    /**
     * The conditional PET-PEESE estimate: {@link #peeseIntercept()} when {@link #usesPeese()}, else
     * {@link #petIntercept()}, with its standard error, test and confidence interval from that regression.
     *
     * @return the chosen intercept
     */
    public Coefficient estimate() {
        return usesPeese() ? peeseIntercept() : petIntercept();
    }

    /**
     * The two regressions and the choice, in words: each regression's coefficients as metafor's table prints them,
     * then the rule applied.
     *
     * @return the text, lines separated by {@code \n}
     */
    public String summary() {
        List<String> lines = new ArrayList<>();
        boolean equal = pet.estimator() == Tau2Estimator.EE;
        lines.add("");
        lines.add("PET-PEESE (k = " + pet.k() + "; " + (equal ? "equal-effects" : "mixed-effects, tau^2 estimator: "
                + pet.estimator().name()) + " meta-regressions" + (pet.analysis().knappHartung()
                ? ", Knapp-Hartung" : "") + ")");
        lines.add("");
        java.util.OptionalDouble df = pet.analysis().knappHartung() ? java.util.OptionalDouble.of(pet.k() - 2)
                : java.util.OptionalDouble.empty();
        lines.add("PET (yi ~ sei):");
        lines.add("");
        lines.addAll(MetaforLayout.table(pet.coefficients(), pet.moderators().names(), df));
        lines.add("");
        lines.add("PEESE (yi ~ vi):");
        lines.add("");
        lines.addAll(MetaforLayout.table(peese.coefficients(), peese.moderators().names(), df));
        lines.add("");
        Coefficient chosen = estimate();
        lines.add(String.format(Locale.ROOT, "PET's intercept: p-val %s (two-sided), %s %s: the estimate is %s's, %s"
                + " [%s, %s].", MetaforLayout.pValue(petIntercept().pValue()), usesPeese() ? "below" : "not below",
                Formats.number(alpha), usesPeese() ? "PEESE" : "PET", Formats.fixed(chosen.estimate(), 4),
                Formats.fixed(chosen.lower(), 4), Formats.fixed(chosen.upper(), 4)));
        lines.add("");
        return String.join("\n", lines);
    }
}
