package org.smesurvey.stats.meta;

/**
 * A model matrix as it is fitted: each moderator column centred on its mean (when the design has an intercept) and
 * scaled to unit root-mean-square spread, \( x'_{ic} = (x_{ic} - m_c)/s_c \). This linear reparametrisation
 * \( β = Aβ' \) leaves fitted values, variance components, likelihoods and Wald tests of the moderators unchanged,
 * and {@link #raw} and {@link #rawCovariance} undo it: a year near 2000 beside the intercept is otherwise nearly
 * collinear with it (the design's condition number near 10⁷), and year² with both. The two-step fits
 * ({@link Model}) and the binomial–normal model ({@link Glmm}) both fit on it.
 */
final class ConditionedDesign {

    /** The model matrix as fitted, k × p. */
    final double[][] x;
    private final int p;
    /** The intercept's column, or -1. */
    private final int intercept;
    private final double[] shift;
    private final double[] scale;

    ConditionedDesign(double[][] rawX) {
        int k = rawX.length;
        this.p = rawX[0].length;
        int found = -1;
        for (int c = 0; c < p && found < 0; c++) {
            boolean ones = true;
            for (double[] row : rawX) {
                ones &= row[c] == 1;
            }
            found = ones ? c : -1;
        }
        this.intercept = found;
        this.shift = new double[p];
        this.scale = new double[p];
        for (int c = 0; c < p; c++) {
            double mean = 0;
            for (double[] row : rawX) {
                mean += row[c];
            }
            mean /= k;
            double centre = c == intercept ? 0 : intercept >= 0 ? mean : 0;
            double squares = 0;
            for (double[] row : rawX) {
                squares += (row[c] - centre) * (row[c] - centre);
            }
            double spread = Math.sqrt(squares / k);
            shift[c] = centre;
            // A constant column keeps its values, so that the rank check refuses it.
            scale[c] = c == intercept || !(spread > 0) ? 1 : spread;
        }
        this.x = new double[k][p];
        for (int i = 0; i < k; i++) {
            for (int c = 0; c < p; c++) {
                x[i][c] = (rawX[i][c] - shift[c]) / scale[c];
            }
        }
    }

    /** The coefficients of the moderators as given, \( β = Aβ' \), from those of the centred and scaled ones. */
    double[] raw(double[] fitted) {
        double[] beta = new double[p];
        for (int c = 0; c < p; c++) {
            beta[c] = c == intercept ? fitted[c] : fitted[c] / scale[c];
        }
        if (intercept >= 0) {
            double correction = 0;
            for (int c = 0; c < p; c++) {
                correction += c == intercept ? 0 : shift[c] * beta[c];
            }
            beta[intercept] -= correction;
        }
        return beta;
    }

    /** A design row as given, \( x_0 \), as fitted: \( x'_0 = A'x_0 \), so that \( x_0'β = x_0''β' \). */
    double[] row(double[] raw) {
        double[] row = new double[p];
        for (int c = 0; c < p; c++) {
            row[c] = (raw[c] - (c == intercept ? 0 : shift[c] * raw[Math.max(intercept, 0)])) / scale[c];
        }
        return row;
    }

    /** \( A C A' \) for the map \( β = Aβ' \) of {@link #raw}: a covariance of the moderators as given. */
    double[][] rawCovariance(double[][] fitted) {
        double[][] map = new double[p][p];
        for (int c = 0; c < p; c++) {
            map[c][c] = c == intercept ? 1 : 1 / scale[c];
            if (intercept >= 0 && c != intercept) {
                map[intercept][c] = -shift[c] / scale[c];
            }
        }
        double[][] half = new double[p][p];
        for (int r = 0; r < p; r++) {
            for (int c = 0; c < p; c++) {
                double sum = 0;
                for (int l = 0; l < p; l++) {
                    sum += map[r][l] * fitted[l][c];
                }
                half[r][c] = sum;
            }
        }
        double[][] result = new double[p][p];
        for (int r = 0; r < p; r++) {
            for (int c = 0; c <= r; c++) {
                double sum = 0;
                for (int l = 0; l < p; l++) {
                    sum += half[r][l] * map[c][l];
                }
                result[r][c] = sum;
                result[c][r] = sum;
            }
        }
        return result;
    }
}
