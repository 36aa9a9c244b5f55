package org.smesurvey.stats.internal;

/** Small matrix utilities the results share. */
public final class Matrices {

    private Matrices() {
    }

    /**
     * A deep copy of a matrix, as the results hand out their covariances (immutable values keep their own).
     *
     * @param matrix the rows
     * @return new rows with the same values
     */
    public static double[][] copy(double[][] matrix) {
        double[][] copy = new double[matrix.length][];
        for (int j = 0; j < copy.length; j++) {
            copy[j] = matrix[j].clone();
        }
        return copy;
    }
}
