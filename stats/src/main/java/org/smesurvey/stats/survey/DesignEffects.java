package org.smesurvey.stats.survey;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Generalised design effects: the eigenvalues \( δ_1 \ge \dots \ge δ_k \) of the design-effect matrix
 * \( V_{srs}^{-1} V \) of k estimates, V their design-based covariance and \( V_{srs} \) the one simple random
 * sampling would give. Each \( δ_j \) is the design effect of one linear combination of the estimates; for a
 * two-way table's interaction contrasts they are what Rao and Scott's corrections of Pearson's X² rest on: the
 * first-order correction divides X² by their mean \( \bar δ \), the second-order one by \( \bar δ (1 + a^2) \) on
 * \( k/(1 + a^2) \) degrees of freedom, \( a \) their coefficient of variation.
 *
 * <p>Reference: Rao, J. N. K. and Scott, A. J. (1981). The analysis of categorical data from complex sample
 * surveys: chi-squared tests for goodness of fit and independence in two-way tables. <i>Journal of the American
 * Statistical Association</i> 76(374), 221–230. doi:10.1080/01621459.1981.10477633; Rao, J. N. K. and Scott, A. J.
 * (1984). <i>The Annals of Statistics</i> 12(1), 46–60. doi:10.1214/aos/1176346391.
 *
 * @param eigenvalues the design effects δ, largest first
 * @since 0.1
 */
public record DesignEffects(double[] eigenvalues) {

    /**
     * Copies the eigenvalues.
     *
     * @param eigenvalues the design effects δ, largest first
     * @throws NullPointerException if the array is null
     * @throws IllegalArgumentException if it is empty
     */
    public DesignEffects {
        Objects.requireNonNull(eigenvalues, "eigenvalues");
        if (eigenvalues.length == 0) {
            throw new IllegalArgumentException("Design effects need at least one eigenvalue");
        }
        eigenvalues = eigenvalues.clone();
    }

    /**
     * The design effects δ, largest first (R's {@code eigen(...)$values}).
     *
     * @return a copy
     */
    @Override
    public double[] eigenvalues() {
        return eigenvalues.clone();
    }

    /**
     * Their mean \( \bar δ = \sum δ_j / k \), the first-order Rao–Scott correction (svychisq's {@code "Chisq"}
     * divides X² by it).
     *
     * @return \( \bar δ \)
     */
    public double mean() {
        return Arrays.stream(eigenvalues).sum() / eigenvalues.length;
    }

    /**
     * Their coefficient of variation \( a = \sqrt{\sum (δ_j - \bar δ)^2 / k} / \bar δ \), which the second-order
     * Rao–Scott correction adds: \( 1 + a^2 = k \sum δ_j^2 / (\sum δ_j)^2 \).
     *
     * @return a, 0 when all δ are equal
     */
    public double coefficientOfVariation() {
        double mean = mean();
        double squares = 0;
        for (double d : eigenvalues) {
            squares += (d - mean) * (d - mean);
        }
        return Math.sqrt(squares / eigenvalues.length) / mean;
    }

    /**
     * The Satterthwaite degrees of freedom of the second-order correction, \( (\sum δ_j)^2 / \sum δ_j^2 =
     * k/(1 + a^2) \): svychisq's numerator degrees of freedom {@code ndf} of its F test (the denominator's is this
     * times the design's).
     *
     * @return the degrees of freedom
     */
    public double satterthwaiteDegreesOfFreedom() {
        double sum = 0;
        double squares = 0;
        for (double d : eigenvalues) {
            sum += d;
            squares += d * d;
        }
        return sum * sum / squares;
    }

    /**
     * The eigenvalues as R prints a vector, and their mean and coefficient of variation.
     *
     * @return one line
     */
    public String summary() {
        StringBuilder text = new StringBuilder("Generalised design effects:");
        for (double d : eigenvalues) {
            text.append(String.format(Locale.ROOT, " %.4f", d));
        }
        return text.append(String.format(Locale.ROOT, "; mean %.4f, coefficient of variation %.4f", mean(),
                coefficientOfVariation())).toString();
    }

    /**
     * The eigenvalues of \( A^{-1} B \) for A symmetric positive definite and B symmetric: those of the symmetric
     * \( L^{-1} B L^{-T} \), \( A = LL' \), so that they come out real, largest first.
     *
     * @throws IllegalArgumentException if A is not positive definite (a pivot below 1e-12 of its largest diagonal
     *         entry)
     */
    static DesignEffects of(RealMatrix a, RealMatrix b, String what) {
        RealMatrix inverseL;
        double largest = 0;
        for (int j = 0; j < a.getRowDimension(); j++) {
            largest = Math.max(largest, a.getEntry(j, j));
        }
        try {
            // a pivot below 1e-12 of the largest variance is rounding of a singular matrix, not a variance
            inverseL = MatrixUtils.inverse(new CholeskyDecomposition(a, 1e-10, 1e-12 * largest).getL());
        } catch (NonPositiveDefiniteMatrixException | org.apache.commons.math3.linear.NonSymmetricMatrixException e) {
            throw new IllegalArgumentException("The simple-random-sampling covariance of " + what + " is not positive"
                    + " definite (an estimate without spread, or one a combination of the others): its design effects"
                    + " are undefined", e);
        }
        RealMatrix symmetric = inverseL.multiply(b).multiply(inverseL.transpose());
        // symmetrised against rounding, so that the symmetric eigensolver applies
        symmetric = symmetric.add(symmetric.transpose()).scalarMultiply(0.5);
        double[] values = new EigenDecomposition(symmetric).getRealEigenvalues();
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double[] largestFirst = new double[sorted.length];
        for (int j = 0; j < sorted.length; j++) {
            largestFirst[j] = sorted[sorted.length - 1 - j];
        }
        return new DesignEffects(largestFirst);
    }
}
