package org.smesurvey.stats.survey;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.smesurvey.stats.Interval;
import org.smesurvey.stats.TestResult;
import org.smesurvey.stats.internal.Distributions;

/**
 * Design-based estimates of proportions, means and totals, over all respondents or by domain, with
 * Taylor-linearised standard errors and design effects: R's {@code svymean}, {@code svytotal},
 * {@code svyby(..., svymean, deff = TRUE)} and {@code svyciprop} on a {@link SurveyDesign}, with the same
 * results. Each statistic is two passes over primitive arrays, whatever the number of domains.
 *
 * <p>A domain is estimated as survey estimates on {@code subset(design, domain)}: ratio estimators over the
 * domain's respondents, variances over the whole design with zeros outside the domain, degrees of freedom and
 * design effects from the domain's own respondents. The domains are the labels present among the
 * respondents, as {@code svyby} drops empty levels; a domain with a single respondent gets a design effect of
 * NaN (its simple-random-sampling variance is undefined), as survey's does.
 *
 * <p>References: Lumley, T. (2010). <i>Complex Surveys: A Guide to Analysis Using R</i>. Wiley, ch. 2 and 3;
 * Kish, L. (1965). <i>Survey Sampling</i>. Wiley, §8.2 (design effect).
 *
 * @since 0.1
 */
public final class SurveyEstimator {

    private final SurveyDesign design;
    private final boolean withReplacement;

    private SurveyEstimator(SurveyDesign design, boolean withReplacement) {
        this.design = design;
        this.withReplacement = withReplacement;
    }

    /**
     * An estimator on a design.
     *
     * @param design the design
     * @return the estimator
     */
    public static SurveyEstimator of(SurveyDesign design) {
        return new SurveyEstimator(Objects.requireNonNull(design, "design"), false);
    }

    /**
     * An estimator whose design effects compare with simple random sampling <em>with</em> replacement, survey's
     * {@code deff = "replace"}: the variance over \( s^2/n \) rather than \( s^2(1 - n/\hat N)/n \) (Kish's
     * deff against sampling without replacement, the default, {@code deff = TRUE}).
     *
     * @return a new estimator on the same design
     */
    public SurveyEstimator withReplacementDesignEffects() {
        return new SurveyEstimator(design, true);
    }

    /**
     * The weighted share of respondents answering yes, survey's {@code svymean(~I(answer), design, deff = TRUE)}.
     *
     * @param label what is estimated
     * @param answers each respondent's answer
     * @return the estimate
     * @throws IllegalArgumentException if there are not as many answers as respondents
     */
    public SurveyEstimate proportion(String label, boolean[] answers) {
        requireAnswers(answers);
        return proportion(label, Answers.of(answers));
    }

    /**
     * The weighted share of those who answered that answered yes, survey's {@code svymean(~I(answer), design,
     * na.rm = TRUE, deff = TRUE)}: the respondents with a missing answer, and those with weight 0, count in the
     * variance as zeros and nowhere else (see {@link Answers}).
     *
     * @param label what is estimated
     * @param answers each respondent's answer, some perhaps missing
     * @return the estimate
     * @throws IllegalArgumentException if there are not as many answers as respondents, or none answered
     */
    public SurveyEstimate proportion(String label, Answers answers) {
        Objects.requireNonNull(label, "label");
        requireAnswers(answers);
        boolean[] yes = answers.yesArray();
        Included included = Included.of(design, null, 1, answers.answeredOrNull());
        List<SurveyEstimate> estimates = included.keep(means(included.labels(List.of(label)), included.codes(), included.count(),
                i -> yes[i] ? 1 : 0, true));
        if (estimates.isEmpty()) {
            throw new IllegalArgumentException("No respondent with a non-zero weight answered: " + label);
        }
        return estimates.get(0);
    }

    /**
     * The weighted mean \( \sum w_i y_i / \sum w_i \), survey's {@code svymean(~y, design, deff = TRUE)}.
     *
     * @param label what is estimated
     * @param values each respondent's value, finite
     * @return the estimate
     * @throws IllegalArgumentException if there are not as many values as respondents, or one is not finite
     */
    public SurveyEstimate mean(String label, double[] values) {
        double[] y = requireValues(values);
        Included included = Included.of(design, null, 1, null);
        return included.keep(means(included.labels(List.of(label)), included.codes(), included.count(), i -> y[i], false)).get(0);
    }

    /**
     * The weighted total \( \sum w_i y_i \), survey's {@code svytotal(~y, design, deff = TRUE)}.
     *
     * @param label what is estimated
     * @param values each respondent's value, finite
     * @return the estimate
     * @throws IllegalArgumentException if there are not as many values as respondents, or one is not finite
     */
    public SurveyEstimate total(String label, double[] values) {
        double[] y = requireValues(values);
        Included included = Included.of(design, null, 1, null);
        return included.keep(totals(included.labels(List.of(label)), included.codes(), included.count(), y)).get(0);
    }

    /**
     * The weighted total in each domain, survey's {@code svyby(~y, ~domain, design, svytotal, deff = TRUE)},
     * domains in the order of their names.
     *
     * @param values each respondent's value, finite
     * @param domains each respondent's domain
     * @return one estimate per domain, labelled with its name
     * @throws IllegalArgumentException if the arrays' lengths differ from the respondents', or a value is not
     *         finite
     */
    public List<SurveyEstimate> totalBy(double[] values, String[] domains) {
        double[] y = requireValues(values);
        Coding coding = Coding.of(domains, design.n, "domains");
        Included included = Included.of(design, coding.codes(), coding.names().size(), null);
        return included.keep(totals(included.labels(coding.names()), included.codes(), included.count(), y));
    }

    private List<SurveyEstimate> totals(List<String> labels, int[] domainOf, int count, double[] y) {
        double[] w = design.weights;
        double[] sumW = new double[count];
        double[] total = new double[count];
        for (int i = 0; i < design.n; i++) {
            int d = domainOf == null ? 0 : domainOf[i];
            sumW[d] += w[i];
            total[d] += w[i] * y[i];
        }
        double[] squares = new double[count];
        for (int i = 0; i < design.n; i++) {
            int d = domainOf == null ? 0 : domainOf[i];
            double deviation = y[i] - total[d] / sumW[d];
            squares[d] += w[i] * deviation * deviation;
        }
        double[] variance = Linearisation.variances(design, count, domainOf, i -> w[i] * y[i]);
        Domains domains = domainOf == null ? Domains.all(design) : Domains.of(design, count, domainOf);
        List<SurveyEstimate> estimates = new ArrayList<>(count);
        for (int d = 0; d < count; d++) {
            int n = domains.respondents(d);
            double svyvar = squares[d] / sumW[d] * n / (n - 1);
            double big = sumW[d];
            OptionalDouble deff = designEffect(variance[d], svyvar * big * big, big, n);
            estimates.add(new SurveyEstimate(labels.get(d), total[d], Math.sqrt(variance[d]), deff, n,
                    domains.degreesOfFreedom(d)));
        }
        return estimates;
    }

    /**
     * The share answering yes in each domain, survey's {@code svyby(~I(answer), ~domain, design, svymean,
     * deff = TRUE)}, domains in the order of their names.
     *
     * @param answers each respondent's answer
     * @param domains each respondent's domain (a country, a size band, "FR / 10-49")
     * @return one estimate per domain, labelled with its name
     * @throws IllegalArgumentException if the arrays' lengths differ from the respondents'
     */
    public List<SurveyEstimate> proportionBy(boolean[] answers, String[] domains) {
        requireAnswers(answers);
        return proportionBy(Answers.of(answers), domains);
    }

    /**
     * The share answering yes among those who answered, in each domain, survey's {@code svyby(~I(answer),
     * ~domain, design, svymean, na.rm = TRUE, deff = TRUE)}, domains in the order of their names; a domain where
     * nobody with a non-zero weight answered is left out.
     *
     * @param answers each respondent's answer, some perhaps missing
     * @param domains each respondent's domain
     * @return one estimate per domain, labelled with its name
     * @throws IllegalArgumentException if the arrays' lengths differ from the respondents'
     */
    public List<SurveyEstimate> proportionBy(Answers answers, String[] domains) {
        requireAnswers(answers);
        Coding coding = Coding.of(domains, design.n, "domains");
        boolean[] yes = answers.yesArray();
        Included included = Included.of(design, coding.codes(), coding.names().size(), answers.answeredOrNull());
        return included.keep(means(included.labels(coding.names()), included.codes(), included.count(), i -> yes[i] ? 1 : 0, true));
    }

    /**
     * The weighted mean in each domain, survey's {@code svyby(~y, ~domain, design, svymean, deff = TRUE)},
     * domains in the order of their names.
     *
     * @param values each respondent's value, finite
     * @param domains each respondent's domain
     * @return one estimate per domain, labelled with its name
     * @throws IllegalArgumentException if the arrays' lengths differ from the respondents', or a value is not
     *         finite
     */
    public List<SurveyEstimate> meanBy(double[] values, String[] domains) {
        double[] y = requireValues(values);
        Coding coding = Coding.of(domains, design.n, "domains");
        Included included = Included.of(design, coding.codes(), coding.names().size(), null);
        return included.keep(means(included.labels(coding.names()), included.codes(), included.count(), i -> y[i], false));
    }

    private List<SurveyEstimate> means(List<String> labels, int[] domainOf, int count, Linearisation.Values y,
            boolean binary) {
        if (binary && !design.isCalibrated()) {
            return proportions(labels, domainOf, count, y);
        }
        double[] w = design.weights;
        double[] sums = Chunks.sum(design.n, 2 * count, (from, to, into) -> {
            for (int i = from; i < to; i++) {
                int d = domainOf == null ? 0 : domainOf[i];
                into[d] += w[i];
                into[count + d] += w[i] * y.at(i);
            }
        });
        double[] sumW = Arrays.copyOf(sums, count);
        double[] mean = new double[count];
        for (int d = 0; d < count; d++) {
            mean[d] = sums[count + d] / sumW[d];
        }
        double[] squares;
        if (binary) {
            // Σ w (y - m)² for 0/1 answers: the yes part and the no part, no cancellation.
            squares = new double[count];
            for (int d = 0; d < count; d++) {
                double yes = sums[count + d];
                squares[d] = yes * (1 - mean[d]) * (1 - mean[d]) + (sumW[d] - yes) * mean[d] * mean[d];
            }
        } else {
            squares = Chunks.sum(design.n, count, (from, to, into) -> {
                for (int i = from; i < to; i++) {
                    int d = domainOf == null ? 0 : domainOf[i];
                    double deviation = y.at(i) - mean[d];
                    into[d] += w[i] * deviation * deviation;
                }
            });
        }
        double[] variance = Linearisation.variances(design, count, domainOf, i -> {
            int d = domainOf == null ? 0 : domainOf[i];
            return w[i] * (y.at(i) - mean[d]) / sumW[d];
        });
        Domains domains = domainOf == null ? Domains.all(design) : Domains.of(design, count, domainOf);
        List<SurveyEstimate> estimates = new ArrayList<>(count);
        for (int d = 0; d < count; d++) {
            int n = domains.respondents(d);
            double svyvar = squares[d] / sumW[d] * n / (n - 1);
            OptionalDouble deff = designEffect(variance[d], svyvar, sumW[d], n);
            estimates.add(new SurveyEstimate(labels.get(d), mean[d], Math.sqrt(variance[d]), deff, n,
                    domains.degreesOfFreedom(d)));
        }
        return estimates;
    }

    /**
     * Proportions in one pass: for each unit and domain the weight, the weight answering yes and the respondents.
     * A domain's linearised values \( w_i(y_i - \hat p_d)/W_d \) total \( (A_{pd} - \hat p_d B_{pd})/W_d \) over
     * a unit, so nothing else is needed: means, variances, design effects and degrees of freedom follow.
     */
    private List<SurveyEstimate> proportions(List<String> labels, int[] domainOf, int count, Linearisation.Values y) {
        double[] w = design.weights;
        int[] unit = design.unit;
        int units = design.units();
        double[] cells = Chunks.sum(design.n, units * count * 3, (from, to, into) -> {
            for (int i = from; i < to; i++) {
                int base = (unit[i] * count + (domainOf == null ? 0 : domainOf[i])) * 3;
                into[base] += w[i];
                into[base + 1] += w[i] * y.at(i);
                into[base + 2]++;
            }
        });
        double[] sumW = new double[count];
        double[] yes = new double[count];
        int[] respondents = new int[count];
        int[] unitsWith = new int[count];
        double[] presence = new double[design.strata() * count];
        for (int p = 0; p < units; p++) {
            for (int d = 0; d < count; d++) {
                int base = (p * count + d) * 3;
                if (cells[base + 2] > 0) {
                    sumW[d] += cells[base];
                    yes[d] += cells[base + 1];
                    respondents[d] += (int) cells[base + 2];
                    unitsWith[d]++;
                    presence[design.unitStratum[p] * count + d] = 1;
                }
            }
        }
        double[] mean = new double[count];
        for (int d = 0; d < count; d++) {
            mean[d] = yes[d] / sumW[d];
        }
        double[] totals = new double[units * count];
        for (int p = 0; p < units; p++) {
            for (int d = 0; d < count; d++) {
                int base = (p * count + d) * 3;
                totals[p * count + d] = (cells[base + 1] - mean[d] * cells[base]) / sumW[d];
            }
        }
        double[] variance = Linearisation.fromTotals(design, count, totals, presence);
        List<SurveyEstimate> estimates = new ArrayList<>(count);
        for (int d = 0; d < count; d++) {
            int n = respondents[d];
            int strataWith = 0;
            for (int s = 0; s < design.strata(); s++) {
                strataWith += (int) presence[s * count + d];
            }
            double squares = yes[d] * (1 - mean[d]) * (1 - mean[d]) + (sumW[d] - yes[d]) * mean[d] * mean[d];
            double svyvar = squares / sumW[d] * n / (n - 1);
            OptionalDouble deff = designEffect(variance[d], svyvar, sumW[d], n);
            estimates.add(new SurveyEstimate(labels.get(d), mean[d], Math.sqrt(variance[d]), deff, n,
                    unitsWith[d] - strataWith));
        }
        return estimates;
    }

    /**
     * The confidence interval of the share answering yes, survey's {@code svyciprop(~I(answer), design,
     * method, level)}, with t quantiles on the design's degrees of freedom.
     *
     * @param answers each respondent's answer
     * @param method the method
     * @param level the confidence level, in (0, 1)
     * @return the interval around the estimated proportion
     * @throws IllegalArgumentException if the answers' length differs from the respondents', or the level is
     *         not in (0, 1)
     */
    public Interval proportionInterval(boolean[] answers, ProportionMethod method, double level) {
        return interval(proportion("", answers), method, level);
    }

    /**
     * The confidence interval of a proportion estimated here (overall or in a domain), by one of
     * {@code svyciprop}'s methods.
     *
     * <p>At \( \hat p = 0 \) or 1 the design-based variance is 0 and every method but {@link ProportionMethod#MEAN}
     * is undefined: survey gives NaN ({@code "xlogit"}, {@code "asin"}, {@code "beta"}) or fails to converge
     * ({@code "logit"}, {@code "likelihood"}). There every such method gives the interval Korn and Graubard (1998,
     * <i>Survey Methodology</i> 24(2), 193–201) recommend when the design effect cannot be estimated: the
     * Clopper–Pearson interval with the effective sample taken as the number of respondents n (a design effect
     * of 1), adjusted for the degrees of freedom as the beta method is,
     * \( n^* = n\,(t_{n-1}/t_{df})^2 \): \( [0, B^{-1}(1-α/2; 1, n^*)] \) at 0 and
     * \( [B^{-1}(α/2; n^*, 1), 1] \) at 1. {@code MEAN} gives \( [\hat p, \hat p] \), as survey does.
     *
     * @param estimate a proportion from {@link #proportion} or {@link #proportionBy}
     * @param method the method
     * @param level the confidence level, in (0, 1)
     * @return the interval
     * @throws IllegalArgumentException if the level is not in (0, 1)
     */
    public static Interval interval(SurveyEstimate estimate, ProportionMethod method, double level) {
        Objects.requireNonNull(estimate, "estimate");
        Objects.requireNonNull(method, "method");
        double t = estimate.critical(level);
        double p = estimate.estimate();
        if ((p == 0 || p == 1) && method != ProportionMethod.MEAN) {
            return kornGraubard(estimate, level);
        }
        double se = estimate.standardError();
        double lower;
        double upper;
        switch (method) {
            case MEAN -> {
                lower = p - t * se;
                upper = p + t * se;
            }
            case XLOGIT, LOGIT -> {
                double logit = Math.log(p / (1 - p));
                double half = t * se / (p * (1 - p));
                lower = expit(logit - half);
                upper = expit(logit + half);
            }
            case ASIN -> {
                double angle = Math.asin(Math.sqrt(p));
                double half = t * se / (2 * Math.sqrt(p * (1 - p)));
                lower = Math.pow(Math.sin(angle - half), 2);
                upper = Math.pow(Math.sin(angle + half), 2);
            }
            case LIKELIHOOD -> {
                int n = estimate.respondents();
                double target = t * t * se * se * n / (p * (1 - p)) / (2.0 * (n - 1));
                java.util.function.DoubleUnaryOperator excess = mu -> divergence(p, mu) - target;
                BrentSolver solver = new BrentSolver(1e-15, 1e-16, 1e-300);
                lower = p == 0 ? 0 : solver.solve(10_000, excess::applyAsDouble, 0x1p-60, p);
                upper = p == 1 ? 1 : solver.solve(10_000, excess::applyAsDouble, p, 1 - 0x1p-53);
            }
            default -> {
                double alpha = 1 - level;
                double ratio = Distributions.t(level, estimate.respondents() - 1) / t;
                double nEff = p * (1 - p) / (se * se) * ratio * ratio;
                lower = p == 0 ? 0 : Distributions.betaQuantile(alpha / 2, nEff * p, nEff * (1 - p) + 1);
                upper = p == 1 ? 1 : Distributions.betaQuantile(1 - alpha / 2, nEff * p + 1, nEff * (1 - p));
            }
        }
        return new Interval(p, lower, upper, level);
    }

    /** The Clopper–Pearson interval at p̂ = 0 or 1 with n* = n (t_{n-1}/t_df)²; see {@link #interval}. */
    private static Interval kornGraubard(SurveyEstimate estimate, double level) {
        double p = estimate.estimate();
        int n = estimate.respondents();
        double ratio = Distributions.t(level, n - 1) / estimate.critical(level);
        double nStar = n * ratio * ratio;
        double alpha = 1 - level;
        return p == 0 ? new Interval(0, 0, Distributions.betaQuantile(1 - alpha / 2, 1, nStar), level)
                : new Interval(1, Distributions.betaQuantile(alpha / 2, nStar, 1), 1, level);
    }

    /**
     * The design-based tests of independence between two answers, survey's {@code svychisq(~rows + columns,
     * design, statistic)} for {@code "F"}, {@code "Chisq"}, {@code "Wald"} and {@code "adjWald"}; the levels are
     * those present.
     *
     * @param rows each respondent's answer to the first question
     * @param columns each respondent's answer to the second
     * @return the four tests
     * @throws IllegalArgumentException if the arrays' lengths differ from the respondents', or either question
     *         has fewer than two answers
     */
    public RaoScott independence(String[] rows, String[] columns) {
        int[] r = Coding.of(rows, design.n, "rows").codes();
        int[] c = Coding.of(columns, design.n, "columns").codes();
        int nr = max(r) + 1;
        int nc = max(c) + 1;
        if (nr < 2 || nc < 2) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "Independence needs two answers or more to each question: %d and %d", nr, nc));
        }
        int k = nr * nc;
        int n = design.n;
        double sumW = 0;
        double[] cell = new double[k];
        double[] unitW = new double[design.units()];
        double[] unitCell = new double[design.units() * k];
        for (int i = 0; i < n; i++) {
            int j = r[i] + nr * c[i]; // rows vary fastest, as R's interaction()
            double w = design.weights[i];
            sumW += w;
            cell[j] += w;
            unitW[design.unit[i]] += w;
            unitCell[design.unit[i] * k + j] += w;
        }
        double[] p = new double[k];
        for (int j = 0; j < k; j++) {
            p[j] = cell[j] / sumW;
        }
        double[] totals = new double[design.units() * k];
        for (int u = 0; u < design.units(); u++) {
            for (int j = 0; j < k; j++) {
                totals[u * k + j] = (unitCell[u * k + j] - p[j] * unitW[u]) / sumW;
            }
        }
        RealMatrix v = MatrixUtils.createRealMatrix(Linearisation.covariance(design, totals, k));

        // The interaction contrasts: the (r-1)(c-1) interaction columns made orthogonal to the main effects.
        RealMatrix main = MatrixUtils.createRealMatrix(k, nr + nc - 1);
        RealMatrix interaction = MatrixUtils.createRealMatrix(k, (nr - 1) * (nc - 1));
        for (int j = 0; j < k; j++) {
            int row = j % nr;
            int col = j / nr;
            main.setEntry(j, 0, 1);
            if (row > 0) {
                main.setEntry(j, row, 1);
            }
            if (col > 0) {
                main.setEntry(j, nr - 1 + col, 1);
            }
            if (row > 0 && col > 0) {
                interaction.setEntry(j, (col - 1) * (nr - 1) + (row - 1), 1);
            }
        }
        RealMatrix projection = main.multiply(new QRDecomposition(main).getSolver().solve(interaction));
        RealMatrix contrasts = interaction.subtract(projection);
        RealMatrix inverseP = MatrixUtils.createRealMatrix(k, k);
        for (int j = 0; j < k; j++) {
            inverseP.setEntry(j, j, p[j] == 0 ? 0 : 1 / p[j]);
        }
        RealMatrix denominator = contrasts.transpose().multiply(inverseP).multiply(contrasts).scalarMultiply(1.0 / n);
        RealMatrix numerator = contrasts.transpose().multiply(inverseP).multiply(v).multiply(inverseP).multiply(contrasts);
        RealMatrix delta = new LUDecomposition(denominator).getSolver().solve(numerator);
        double trace = delta.getTrace();
        double traceSquared = delta.multiply(delta).getTrace();

        double pearson = 0;
        for (int j = 0; j < k; j++) {
            double rowShare = 0;
            double colShare = 0;
            int row = j % nr;
            int col = j / nr;
            for (int b = 0; b < nc; b++) {
                rowShare += p[row + nr * b];
            }
            for (int a = 0; a < nr; a++) {
                colShare += p[a + nr * col];
            }
            double expected = n * rowShare * colShare;
            double observed = n * p[j];
            pearson += (observed - expected) * (observed - expected) / expected;
        }
        double d0 = trace * trace / traceSquared;
        double nu = design.degreesOfFreedom();
        double f = pearson / trace;
        int df = (nr - 1) * (nc - 1);
        double chi = pearson / (trace / df);
        double wald = wald(r, c, nr, nc);
        double adjustedDf = nu - df + 1;
        return new RaoScott(pearson,
                TestResult.f("Pearson's X^2: Rao & Scott adjustment", f, d0, d0 * nu,
                        Distributions.fUpperTail(f, d0, d0 * nu)),
                TestResult.of("Pearson's X^2: Rao & Scott first-order adjustment", chi, df,
                        Distributions.chiSquareUpperTail(chi, df)),
                TestResult.f("Design-based Wald test of association", wald / df, df, nu,
                        Distributions.fUpperTail(wald / df, df, nu)),
                TestResult.f("Design-based adjusted Wald test of association", wald * adjustedDf / (df * nu), df,
                        adjustedDf, Distributions.fUpperTail(wald * adjustedDf / (df * nu), df, adjustedDf)));
    }

    /**
     * The Wald statistic of svychisq's {@code "Wald"}: the interaction terms \( Y_{ij} = \hat N_{ij} - \hat
     * N_{i\cdot}\hat N_{\cdot j}/\hat N \) of the rows and columns after the first, and their covariance by the
     * delta method from the covariance of the estimated totals of cells, rows, columns and the whole.
     */
    private double wald(int[] r, int[] c, int nr, int nc) {
        int k = nr * nc;
        int m = k + nr + nc + 1;
        int units = design.units();
        double[] unitTotals = new double[units * m];
        double[] totals = new double[m];
        for (int i = 0; i < design.n; i++) {
            double w = design.weights[i];
            int base = design.unit[i] * m;
            int[] columns = {r[i] + nr * c[i], k + r[i], k + nr + c[i], m - 1};
            for (int j : columns) {
                unitTotals[base + j] += w;
                totals[j] += w;
            }
        }
        RealMatrix sigma = MatrixUtils.createRealMatrix(Linearisation.covariance(design, unitTotals, m));
        double whole = totals[m - 1];
        RealMatrix jacobian = MatrixUtils.createRealMatrix(k, m);
        double[] y = new double[k];
        for (int j = 0; j < k; j++) {
            int row = j % nr;
            int col = j / nr;
            double rowTotal = totals[k + row];
            double colTotal = totals[k + nr + col];
            y[j] = totals[j] - rowTotal * colTotal / whole;
            jacobian.setEntry(j, j, 1);
            jacobian.addToEntry(j, k + row, -colTotal / whole);
            jacobian.addToEntry(j, k + nr + col, -rowTotal / whole);
            jacobian.setEntry(j, m - 1, rowTotal * colTotal / (whole * whole));
        }
        RealMatrix v = jacobian.multiply(sigma).multiply(jacobian.transpose());
        int used = (nr - 1) * (nc - 1);
        int[] use = new int[used];
        int u = 0;
        for (int col = 1; col < nc; col++) {
            for (int row = 1; row < nr; row++) {
                use[u++] = row + nr * col;
            }
        }
        RealMatrix sub = v.getSubMatrix(use, use);
        double[] ySub = new double[used];
        for (int j = 0; j < used; j++) {
            ySub[j] = y[use[j]];
        }
        double[] solved = new LUDecomposition(sub).getSolver().solve(MatrixUtils.createRealVector(ySub)).toArray();
        double statistic = 0;
        for (int j = 0; j < used; j++) {
            statistic += ySub[j] * solved[j];
        }
        return statistic;
    }

    private static int max(int[] values) {
        int max = -1;
        for (int v : values) {
            max = Math.max(max, v);
        }
        return max;
    }

    /** The Kullback–Leibler divergence of Bernoulli(μ) from Bernoulli(p), 0 log 0 = 0. */
    private static double divergence(double p, double mu) {
        double yes = p == 0 ? 0 : p * Math.log(p / mu);
        double no = p == 1 ? 0 : (1 - p) * Math.log((1 - p) / (1 - mu));
        return yes + no;
    }

    private static double expit(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /**
     * The design effect of a variance against simple random sampling of n from a population of \( \hat N \)
     * (the sum of the weights) with the unit variance {@code unitVariance}: without replacement, none when
     * \( \hat N < n \), as survey leaves it out.
     */
    private OptionalDouble designEffect(double variance, double unitVariance, double populationSize, int n) {
        if (withReplacement) {
            return OptionalDouble.of(variance / (unitVariance / n));
        }
        return populationSize < n ? OptionalDouble.empty()
                : OptionalDouble.of(variance / (unitVariance * (populationSize - n) / (populationSize * n)));
    }

    private void requireAnswers(Answers answers) {
        Objects.requireNonNull(answers, "answers");
        SurveyDesign.requireLength(answers.size(), design.n, "answers");
    }

    private void requireAnswers(boolean[] answers) {
        Objects.requireNonNull(answers, "answers");
        SurveyDesign.requireLength(answers.length, design.n, "answers");
    }

    private double[] requireValues(double[] values) {
        Objects.requireNonNull(values, "values");
        SurveyDesign.requireLength(values.length, design.n, "values");
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "Value of respondent %d is not finite: %s", i + 1, values[i]));
            }
        }
        return values;
    }

    /** Respondents, primary units and strata of each domain: for degrees of freedom and design effects. */
    private record Domains(int[] respondents, int[] units, int[] strata) {

        static Domains all(SurveyDesign design) {
            return new Domains(new int[] {design.n}, new int[] {design.units()}, new int[] {design.strata()});
        }

        static Domains of(SurveyDesign design, int count, int[] domainOf) {
            int[] respondents = new int[count];
            int[] units = new int[count];
            int[] strata = new int[count];
            boolean[] unitSeen = new boolean[design.units() * count];
            boolean[] stratumSeen = new boolean[design.strata() * count];
            for (int i = 0; i < design.n; i++) {
                int d = domainOf[i];
                respondents[d]++;
                int u = design.unit[i] * count + d;
                if (!unitSeen[u]) {
                    unitSeen[u] = true;
                    units[d]++;
                }
                int s = design.stratum[i] * count + d;
                if (!stratumSeen[s]) {
                    stratumSeen[s] = true;
                    strata[d]++;
                }
            }
            return new Domains(respondents, units, strata);
        }

        int respondents(int d) {
            return respondents[d];
        }

        int degreesOfFreedom(int d) {
            return units[d] - strata[d];
        }
    }
}
