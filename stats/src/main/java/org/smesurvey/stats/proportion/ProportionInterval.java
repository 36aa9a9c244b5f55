package org.smesurvey.stats.proportion;

import org.smesurvey.stats.EffectiveSample;
import org.smesurvey.stats.Interval;
import org.smesurvey.stats.internal.Distributions;
import org.smesurvey.stats.internal.Checks;

import java.util.List;
import java.util.Objects;
import org.smesurvey.core.Observation;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Confidence intervals for one proportion, {@code x} companies of {@code n}.
 *
 * <p>Each method takes integer counts or an {@link EffectiveSample} (non-integer for weighted survey
 * figures), and any level. With {@code p = x / n}, {@code q = 1 - p} and {@code z} the standard normal
 * quantile at {@code 1 - α/2}:
 *
 * <p>References:
 * <ol>
 * <li>Wilson, E. B. (1927). Probable inference, the law of succession, and statistical inference.
 *     <i>JASA</i> 22, 209–212. doi:10.1080/01621459.1927.10502953</li>
 * <li>Clopper, C. J. and Pearson, E. S. (1934). The use of confidence or fiducial limits illustrated in the
 *     case of the binomial. <i>Biometrika</i> 26, 404–413. doi:10.1093/biomet/26.4.404</li>
 * <li>Newcombe, R. G. (1998). Two-sided confidence intervals for the single proportion: comparison of seven
 *     methods. <i>Statistics in Medicine</i> 17, 857–872 (method 4, continuity-corrected score).</li>
 * <li>Agresti, A. and Coull, B. A. (1998). Approximate is better than "exact" for interval estimation of
 *     binomial proportions. <i>The American Statistician</i> 52, 119–126. doi:10.2307/2685469</li>
 * <li>Agresti, A. and Caffo, B. (2000). Simple and effective confidence intervals for proportions and
 *     differences of proportions result from adding two successes and two failures. <i>The American
 *     Statistician</i> 54, 280–288.</li>
 * <li>Brown, L. D., Cai, T. T. and DasGupta, A. (2001). Interval estimation for a binomial proportion.
 *     <i>Statistical Science</i> 16, 101–133. doi:10.1214/ss/1009213286</li>
 * </ol>
 *
 * <p>The results agree with R 4.2 {@code prop.test} and {@code binom.test} and with statsmodels 0.13.5
 * {@code proportion_confint}, and the unclipped Wald and Agresti–Coull limits with the binom package's
 * {@code binom.confint} formulas computed in R (the binom package is not in Debian 12); the tests quote each call.
 *
 * <p>The Wald-type methods ({@link #WALD}, {@link #AGRESTI_COULL}, {@link #PLUS_FOUR}) clip their limits to
 * [0, 1], as statsmodels and DescTools do; {@link #WALD_UNCLIPPED} and {@link #AGRESTI_COULL_UNCLIPPED} are the
 * same intervals unclipped, as R's binom package reports them, chosen by name.
 *
 * @since 0.1
 */
public enum ProportionInterval {

    /**
     * Wald: \[ p \pm z \sqrt{pq/n}, \] clipped to [0, 1] as statsmodels' {@code normal} method. Too narrow
     * near 0 and 1 and for small {@code n} [6]; kept for comparison with studies that use it.
     */
    WALD {
        @Override
        double[] limits(double x, double n, double z) {
            double[] unclipped = WALD_UNCLIPPED.limits(x, n, z);
            return clip(unclipped[0], unclipped[1]);
        }
    },

    /**
     * Wald without the clipping: \( p \pm z \sqrt{pq/n} \) as it is, so that a limit may fall below 0 or above 1,
     * as R's {@code binom::binom.confint(methods = "asymptotic")} reports it (DescTools' {@code BinomCI} and
     * statsmodels clip, as {@link #WALD}). An explicit choice beside {@link #WALD}, for reproducing a study that
     * published such limits: the interval is then not always inside [0, 1].
     */
    WALD_UNCLIPPED {
        @Override
        double[] limits(double x, double n, double z) {
            double p = x / n;
            double half = z * Math.sqrt(p * (1 - p) / n);
            return new double[] {p - half, p + half};
        }
    },

    /**
     * Wilson score [1]: \[ \frac{p + \frac{z^2}{2n} \pm z\sqrt{\frac{pq}{n} + \frac{z^2}{4n^2}}}{1 + z^2/n}, \]
     * R's {@code prop.test(x, n, correct = FALSE)}. Recommended by [6] for any {@code n}.
     */
    WILSON {
        @Override
        double[] limits(double x, double n, double z) {
            return wilson(x, n, z, 0);
        }
    },

    /**
     * Wilson score with R's continuity correction, {@code prop.test(x, n, correct = TRUE)}: the correction is
     * \( \min(\tfrac12, |x - n/2|) \), so it vanishes when {@code x} is half of {@code n}.
     */
    WILSON_CONTINUITY_R {
        @Override
        double[] limits(double x, double n, double z) {
            return wilson(x, n, z, Math.min(0.5, Math.abs(x - n / 2)));
        }
    },

    /**
     * Wilson score with the textbook continuity correction of ½ always [3]:
     * \[ L = \frac{2np + z^2 - 1 - z\sqrt{z^2 - 2 - 1/n + 4p(nq + 1)}}{2(n + z^2)}, \]
     * \( U \) likewise with the signs of the 1s and 2 reversed; \( L = 0 \) when \( x = 0 \) and \( U = 1 \)
     * when \( x = n \).
     */
    WILSON_CONTINUITY {
        @Override
        double[] limits(double x, double n, double z) {
            return wilson(x, n, z, 0.5);
        }
    },

    /**
     * Agresti–Coull [4]: the Wald interval around \( \tilde p = (x + z^2/2)/(n + z^2) \) with
     * \( \tilde n = n + z^2 \), clipped to [0, 1] as statsmodels' {@code agresti_coull}.
     */
    AGRESTI_COULL {
        @Override
        double[] limits(double x, double n, double z) {
            return WALD.limits(x + z * z / 2, n + z * z, z);
        }
    },

    /**
     * Agresti–Coull [4] without the clipping: \( \tilde p \pm z\sqrt{\tilde p(1-\tilde p)/\tilde n} \) with
     * \( \tilde p = (x + z^2/2)/(n + z^2) \) and \( \tilde n = n + z^2 \), as R's
     * {@code binom::binom.confint(methods = "agresti-coull")} reports it: near 0 and 1 the lower limit can be
     * negative (at {@code x = 0} it always is) and the upper one above 1. An explicit choice beside
     * {@link #AGRESTI_COULL}, which clips as statsmodels and DescTools do.
     */
    AGRESTI_COULL_UNCLIPPED {
        @Override
        double[] limits(double x, double n, double z) {
            return WALD_UNCLIPPED.limits(x + z * z / 2, n + z * z, z);
        }
    },

    /**
     * "Plus four" [5]: the Wald interval after adding two successes and two failures, clipped to [0, 1];
     * the 95 % simplification of Agresti–Coull, used here at any level.
     */
    PLUS_FOUR {
        @Override
        double[] limits(double x, double n, double z) {
            return WALD.limits(x + 2, n + 4, z);
        }
    },

    /**
     * Clopper–Pearson "exact" [2]: Beta quantiles
     * \[ B(\tfrac{α}{2}; x, n - x + 1),\quad B(1 - \tfrac{α}{2}; x + 1, n - x), \]
     * with 0 and 1 at the boundaries; R's {@code binom.test(x, n)$conf.int}. Conservative.
     */
    CLOPPER_PEARSON {
        @Override
        double[] limits(double x, double n, double z) {
            double alpha = 2 * Distributions.normalUpperTail(z);
            double lower = x == 0 ? 0 : Distributions.betaQuantile(alpha / 2, x, n - x + 1);
            double upper = x == n ? 1 : Distributions.betaQuantile(1 - alpha / 2, x + 1, n - x);
            return new double[] {lower, upper};
        }
    },

    /**
     * Jeffreys [6]: the equal-tailed interval of the Beta(x + ½, n − x + ½) posterior, with the boundary
     * convention of [6], §4.1.2: the lower limit is 0 when {@code x = 0} and the upper limit is 1 when
     * {@code x = n}. statsmodels' {@code jeffreys} omits that convention and differs only there.
     */
    JEFFREYS {
        @Override
        double[] limits(double x, double n, double z) {
            double alpha = 2 * Distributions.normalUpperTail(z);
            double lower = x == 0 ? 0 : Distributions.betaQuantile(alpha / 2, x + 0.5, n - x + 0.5);
            double upper = x == n ? 1 : Distributions.betaQuantile(1 - alpha / 2, x + 0.5, n - x + 0.5);
            return new double[] {lower, upper};
        }
    },

    /**
     * Logit: the Wald interval on the log-odds scale, transformed back,
     * \[ \operatorname{expit}\Big(\log\frac{p}{q} \pm \frac{z}{\sqrt{npq}}\Big). \]
     * It is undefined for {@code x = 0} and {@code x = n}; there it gives the Clopper–Pearson limits
     * \( [0, 1 - (α/2)^{1/n}] \) and \( [(α/2)^{1/n}, 1] \).
     */
    LOGIT {
        @Override
        double[] limits(double x, double n, double z) {
            if (x == 0 || x == n) {
                return CLOPPER_PEARSON.limits(x, n, z);
            }
            double p = x / n;
            double logit = Math.log(p / (1 - p));
            double half = z / Math.sqrt(n * p * (1 - p));
            return new double[] {expit(logit - half), expit(logit + half)};
        }
    };

    /**
     * The interval for {@code x} companies of {@code n}.
     *
     * @param x the number of companies with the characteristic
     * @param n the number of companies
     * @param level the confidence level, such as 0.95
     * @return the interval around {@code x / n}
     * @throws IllegalArgumentException if {@code n <= 0}, {@code x} is not in [0, n], or the level is not in
     *         (0, 1)
     */
    public Interval of(int x, int n, double level) {
        return of(EffectiveSample.of(x, n), level);
    }

    /**
     * The interval for an effective sample, such as a weighted survey figure's.
     *
     * @param sample the sample
     * @param level the confidence level, such as 0.95
     * @return the interval around the sample's proportion
     * @throws IllegalArgumentException if the level is not in (0, 1)
     */
    public Interval of(EffectiveSample sample, double level) {
        Objects.requireNonNull(sample, "sample");
        double z = Distributions.z(Checks.requireLevel(level));
        double[] limits = limits(sample.successes(), sample.size(), z);
        return new Interval(sample.proportion(), limits[0], limits[1], level);
    }

    /**
     * The interval of each catalogue figure as a table, one row per observation: {@code label, study,
     * indicator, region, year, size_band, scope, proportion, effective_n, lower, upper}. Figures without a
     * base keep their proportion, with the last three cells missing.
     *
     * @param observations figures of the catalogue
     * @param level the confidence level
     * @return the table, named after the method
     * @throws IllegalArgumentException if the level is not in (0, 1)
     */
    public Table table(List<Observation> observations, double level) {
        Checks.requireLevel(level);
        Table table = Table.create(name().toLowerCase(java.util.Locale.ROOT), StringColumn.create("label"),
                StringColumn.create("study"), StringColumn.create("indicator"), StringColumn.create("region"),
                IntColumn.create("year"), StringColumn.create("size_band"), StringColumn.create("scope"),
                DoubleColumn.create("proportion"), DoubleColumn.create("effective_n"), DoubleColumn.create("lower"),
                DoubleColumn.create("upper"));
        for (Observation o : observations) {
            table.stringColumn("label").append(o.label());
            table.stringColumn("study").append(o.study().id());
            table.stringColumn("indicator").append(o.indicator().code());
            table.stringColumn("region").append(o.region().code());
            if (o.effectiveYear().isPresent()) {
                table.intColumn("year").append(o.effectiveYear().getAsInt());
            } else {
                table.intColumn("year").appendMissing();
            }
            table.stringColumn("size_band").append(o.effectiveSizeBand().map(b -> b.label()).orElse(""));
            table.stringColumn("scope").append(o.scope().code());
            table.doubleColumn("proportion").append(o.figure().proportion());
            if (o.figure().hasBase()) {
                EffectiveSample sample = EffectiveSample.of(o);
                Interval interval = of(sample, level);
                table.doubleColumn("effective_n").append(sample.size());
                table.doubleColumn("lower").append(interval.lower());
                table.doubleColumn("upper").append(interval.upper());
            } else {
                table.doubleColumn("effective_n").appendMissing();
                table.doubleColumn("lower").appendMissing();
                table.doubleColumn("upper").appendMissing();
            }
        }
        return table;
    }

    abstract double[] limits(double x, double n, double z);

    /** R's {@code prop.test} interval with continuity correction {@code yates}. */
    private static double[] wilson(double x, double n, double z, double yates) {
        double p = x / n;
        double z22n = z * z / (2 * n);
        double pc = p + yates / n;
        double upper = pc >= 1 ? 1 : (pc + z22n + z * Math.sqrt(pc * (1 - pc) / n + z22n / (2 * n))) / (1 + 2 * z22n);
        pc = p - yates / n;
        double lower = pc <= 0 ? 0 : (pc + z22n - z * Math.sqrt(pc * (1 - pc) / n + z22n / (2 * n))) / (1 + 2 * z22n);
        return new double[] {lower, upper};
    }

    private static double[] clip(double lower, double upper) {
        return new double[] {Math.max(0, lower), Math.min(1, upper)};
    }

    private static double expit(double t) {
        return 1 / (1 + Math.exp(-t));
    }
}
