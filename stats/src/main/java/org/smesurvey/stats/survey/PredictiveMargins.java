package org.smesurvey.stats.survey;

import java.util.Objects;

/**
 * Predictive margins of a factor with the two parts of their covariance, survey's {@code svypredmeans} and the
 * {@code attr(vcov(.), "parts")} of its result: the part from the coefficients' uncertainty \( D V D' \) (D the
 * derivative of the margins in the coefficients, V their design-based covariance) and the part from the design,
 * the covariance of the weighted means of the predictions with the coefficients held fixed ({@code svymean} of
 * them). The margins' covariance, {@code margins().covariance()}, is their sum.
 *
 * <p>Reference: Graubard, B. I. and Korn, E. L. (1999). Predictive margins with survey data. <i>Biometrics</i> 55,
 * 652–659.
 *
 * @param margins the margins, one per level, with their covariance
 * @param coefficientPart the covariance from the coefficients' uncertainty, level by level (survey's first part)
 * @param designPart the covariance from the design with the fit held fixed, level by level (survey's second part)
 * @since 0.1
 */
public record PredictiveMargins(DomainEstimates margins, double[][] coefficientPart, double[][] designPart) {

    /**
     * Copies the parts.
     *
     * @param margins the margins
     * @param coefficientPart the coefficients' part
     * @param designPart the design's part
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if a part is not square of the margins' size
     */
    public PredictiveMargins {
        Objects.requireNonNull(margins, "margins");
        coefficientPart = square(coefficientPart, margins.labels().size(), "coefficientPart");
        designPart = square(designPart, margins.labels().size(), "designPart");
    }

    private static double[][] square(double[][] part, int size, String name) {
        Objects.requireNonNull(part, name);
        double[][] copy = new double[part.length][];
        for (int r = 0; r < copy.length; r++) {
            copy[r] = part[r].clone();
            if (copy[r].length != size) {
                throw new IllegalArgumentException("The " + name + " is not " + size + " x " + size);
            }
        }
        if (copy.length != size) {
            throw new IllegalArgumentException("The " + name + " is not " + size + " x " + size);
        }
        return copy;
    }

    /**
     * The covariance from the coefficients' uncertainty.
     *
     * @return a copy, level by level
     */
    @Override
    public double[][] coefficientPart() {
        return square(coefficientPart, coefficientPart.length, "coefficientPart");
    }

    /**
     * The covariance from the design with the fit held fixed.
     *
     * @return a copy, level by level
     */
    @Override
    public double[][] designPart() {
        return square(designPart, designPart.length, "designPart");
    }
}
