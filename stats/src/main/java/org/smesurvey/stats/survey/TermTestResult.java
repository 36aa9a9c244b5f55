package org.smesurvey.stats.survey;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import org.smesurvey.stats.SignificanceResult;
import org.smesurvey.stats.TestResult;
import org.smesurvey.stats.internal.Formats;

/**
 * A test that coefficients of a survey regression are all 0, as survey's {@code regTermTest} returns it: the
 * statistic, its degrees of freedom (the number of coefficients tested, and the denominator's, infinite for a χ²
 * reference), the p-value, and for the working (Rao–Scott) tests the eigenvalues λ of \( V_0^{-1} V \) that define
 * the statistic's null distribution \( \sum_j λ_j χ^2_1 \) (survey's {@code $lambda}).
 *
 * <p>Reference: Lumley, T. and Scott, A. J. (2014). Tests for regression models fitted to survey data.
 * <i>Australian &amp; New Zealand Journal of Statistics</i> 56(1), 1–14.
 *
 * <p>Immutable.
 *
 * @since 0.1
 */
public final class TermTestResult implements SignificanceResult {

    private final SurveyRegression.TermTest test;
    private final List<String> columns;
    /** What the test was asked for: the columns, or the terms standing for them; the label names these. */
    private final List<String> names;
    private final double statistic;
    private final int coefficients;
    private final double denominator;
    private final double pValue;
    private final double[] lambda;

    /** A test of the columns asked for by {@code names}: terms of a model given by {@link ModelTerms}, or columns. */
    TermTestResult(SurveyRegression.TermTest test, List<String> names, List<String> columns, double statistic,
            double denominator, double pValue, double[] lambda) {
        this.test = Objects.requireNonNull(test, "test");
        this.names = List.copyOf(names);
        this.columns = List.copyOf(columns);
        this.statistic = statistic;
        this.coefficients = columns.size();
        this.denominator = denominator;
        this.pValue = pValue;
        this.lambda = lambda.clone();
    }

    /**
     * The test computed.
     *
     * @return the test
     */
    public SurveyRegression.TermTest test() {
        return test;
    }

    /**
     * The model matrix's columns tested (all the columns of a term tested by its name).
     *
     * @return their names
     */
    public List<String> columns() {
        return columns;
    }

    @Override
    public String method() {
        String name = String.join(", ", names);
        return switch (test) {
            case WALD_F, WALD_CHI_SQUARED -> "Wald test for " + name;
            case WORKING_WALD -> "Working Wald test for " + name;
            case LIKELIHOOD_RATIO -> "Working likelihood-ratio test for " + name;
        };
    }

    /**
     * The statistic: F (the Wald χ² over the number of coefficients) when the Wald test has a denominator, the
     * Wald χ² when it has none; for the working tests the working statistic X itself — the quadratic form in the
     * naive covariance, or the difference of weighted deviances — survey's {@code $Ftest} or {@code $chisq}.
     *
     * @return the statistic
     */
    @Override
    public double statistic() {
        return statistic;
    }

    /**
     * The number of coefficients tested, survey's {@code $df}.
     *
     * @return the numerator's degrees of freedom
     */
    @Override
    public OptionalDouble degreesOfFreedom() {
        return OptionalDouble.of(coefficients);
    }

    /**
     * The denominator's degrees of freedom, survey's {@code $ddf}.
     *
     * @return them, empty when infinite (a χ² reference, {@code df = Inf})
     */
    @Override
    public OptionalDouble denominatorDegreesOfFreedom() {
        return Double.isInfinite(denominator) ? OptionalDouble.empty() : OptionalDouble.of(denominator);
    }

    @Override
    public double pValue() {
        return pValue;
    }

    /**
     * The eigenvalues λ of \( V_0^{-1} V \), V the design-based covariance of the coefficients tested and \( V_0 \)
     * their naive covariance ({@link SurveyRegression#naiveCovariance()}): the generalised design effects that
     * weight the χ²₁ of the working statistic's null distribution, survey's {@code $lambda}. For a gaussian model
     * they carry the residual variance, as \( V_0 \) does not.
     *
     * @return a copy, in the order of {@code eigen}'s values (decreasing); empty for a Wald test
     */
    public double[] lambda() {
        return lambda.clone();
    }

    /**
     * The test as one value of the library's shared type.
     *
     * @return the statistic, degrees of freedom (the denominator's only when finite) and p-value
     */
    public TestResult toTestResult() {
        return new TestResult(method(), statistic, degreesOfFreedom(), denominatorDegreesOfFreedom(), pValue);
    }

    /**
     * The test as survey prints it ({@code print.regTermTest}, {@code print.regTermTestWW},
     * {@code print.regTermTestLRT}), without the model's call: the test and its columns, then the statistic and the
     * p-value ({@code format.pval}); for a working test the statistic divided by the mean of λ, λ over its mean to
     * two significant digits ("scale factors", or "df=1" for one coefficient) and the denominator's degrees of
     * freedom when finite. survey's wording is kept, its slip included: a working Wald test with a denominator is
     * headed "Working (Rao-Scott+F)  for". Lines carry no trailing space (survey's end with one).
     *
     * @return the text, lines separated by {@code \n}
     */
    @Override
    public String summary() {
        String terms = String.join(" ", names);
        String p = pValue < 0x1p-52 ? "< 2.22e-16" : Formats.number(pValue, 5);
        boolean finite = Double.isFinite(denominator);
        if (test == SurveyRegression.TermTest.WALD_F || test == SurveyRegression.TermTest.WALD_CHI_SQUARED) {
            return "Wald test for " + terms + "\n" + (finite
                    ? "F =  " + Formats.number(statistic, 7) + "  on  " + coefficients + "  and  "
                            + Formats.number(denominator, 7) + "  df: p= " + p
                    : "Chisq =  " + Formats.number(statistic, 7) + "  on  " + coefficients + "  df: p= " + p);
        }
        double mean = 0;
        for (double l : lambda) {
            mean += l / lambda.length;
        }
        boolean wald = test == SurveyRegression.TermTest.WORKING_WALD;
        StringBuilder text = new StringBuilder(wald
                ? finite ? "Working (Rao-Scott+F)  for " : "Working (Rao-Scott) Wald test for "
                : finite ? "Working (Rao-Scott+F) LRT for " : "Working (Rao-Scott) LRT for ");
        text.append(terms).append('\n').append(wald ? "Working Wald statistic =  " : "Working 2logLR =  ")
                .append(Formats.number(statistic / mean, 7)).append(" p= ").append(p).append('\n');
        if (lambda.length > 1) {
            text.append("(scale factors: ");
            for (double l : lambda) {
                text.append(' ').append(Formats.number(new BigDecimal(l / mean).round(new MathContext(2))
                        .doubleValue(), 7));
            }
            text.append(" )");
        } else {
            text.append("df=1");
        }
        if (finite) {
            text.append(";  denominator df= ").append(Formats.number(denominator, 7));
        }
        return text.toString();
    }

    /**
     * The summary.
     *
     * @return {@link #summary()}
     */
    @Override
    public String toString() {
        return summary();
    }
}
