package org.smesurvey.stats.survey;

import java.util.Locale;
import java.util.Objects;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.smesurvey.stats.TestResult;
import org.smesurvey.stats.internal.Distributions;

/**
 * The design-based tests of independence in a two-way table of survey answers, as R's {@code svychisq}, one
 * {@link TestResult} each:
 * <ul>
 *   <li>{@link #f()}: Pearson's X² of the weighted table (scaled to the respondents) corrected by the design
 *       effects \( δ \) of the table's interaction contrasts, the second-order Rao–Scott F test
 *       \( X^2/\sum δ_j \) on \( d = (\sum δ_j)^2/\sum δ_j^2 \) and \( dν \) degrees of freedom (survey's default,
 *       {@code statistic = "F"});</li>
 *   <li>{@link #chiSquare()}: the first-order correction \( X^2/\bar δ \) on \( (r-1)(c-1) \) degrees of freedom
 *       ({@code statistic = "Chisq"}; survey prints X² itself beside this p-value, here {@link #pearson()});</li>
 *   <li>{@link #wald()}: the design-based Wald test of the interaction terms \( \hat N_{ij} - \hat N_{i\cdot}\hat
 *       N_{\cdot j}/\hat N \), \( W/((r-1)(c-1)) \) on \( (r-1)(c-1) \) and ν degrees of freedom
 *       ({@code statistic = "Wald"});</li>
 *   <li>{@link #adjustedWald()}: the same statistic times \( (ν - d + 1)/(dν) \), \( d = (r-1)(c-1) \), on d and
 *       \( ν - d + 1 \) ({@code statistic = "adjWald"}).</li>
 * </ul>
 *
 * <p>References: Rao, J. N. K. and Scott, A. J. (1984). On chi-squared tests for multiway contingency tables
 * with cell proportions estimated from survey data. <i>The Annals of Statistics</i> 12(1), 46–60.
 * doi:10.1214/aos/1176346391; Koch, G. G., Freeman, D. H. and Freeman, J. L. (1975). Strategies in the
 * multivariate analysis of data from complex surveys. <i>International Statistical Review</i> 43(1), 59–78
 * (Wald tests); Lumley, T. (2010). <i>Complex Surveys</i>. Wiley, §6.1.
 *
 * @param pearson Pearson's X² of the weighted table scaled to the number of respondents
 * @param f the second-order Rao–Scott F test
 * @param chiSquare the first-order Rao–Scott χ² test
 * @param wald the design-based Wald F test
 * @param adjustedWald the adjusted Wald F test
 * @since 0.1
 */
public record RaoScott(double pearson, TestResult f, TestResult chiSquare, TestResult wald, TestResult adjustedWald) {

    /**
     * Validates the tests.
     *
     * @param pearson Pearson's X² of the weighted table scaled to the number of respondents
     * @param f the second-order Rao–Scott F test
     * @param chiSquare the first-order Rao–Scott χ² test
     * @param wald the design-based Wald F test
     * @param adjustedWald the adjusted Wald F test
     * @throws NullPointerException if a test is null
     */
    public RaoScott {
        Objects.requireNonNull(f, "f");
        Objects.requireNonNull(chiSquare, "chiSquare");
        Objects.requireNonNull(wald, "wald");
        Objects.requireNonNull(adjustedWald, "adjustedWald");
    }

    /**
     * The four tests, one line each, as survey prints them.
     *
     * @return the lines
     */
    public String summary() {
        return String.join("\n", f.summary(), chiSquare.summary(), wald.summary(), adjustedWald.summary());
    }

    /**
     * The four tests; see {@link SurveyEstimator#independence}. The covariances are linearised (projected on any
     * calibration) or, on a replicate design, the replicates' — as svychisq takes them from svymean and svytotal.
     */
    static RaoScott of(Design of, String[] rows, String[] columns) {
        try {
            return compute(of, rows, columns);
        } catch (SingularMatrixException e) {
            throw new IllegalArgumentException("The table's cells do not vary independently (a structurally empty"
                    + " cell, or one question a function of the other): its tests of independence are undefined", e);
        }
    }

    /**
     * The design effects δ of the table's interaction contrasts, the eigenvalues of svychisq's
     * \( Δ = (C'D^{-1}C/n)^{-1} (C'D^{-1} V D^{-1} C) \); see {@link SurveyEstimator#independenceDesignEffects}.
     */
    static DesignEffects designEffects(Design of, String[] rows, String[] columns) {
        try {
            Table table = table(of, rows, columns);
            return DesignEffects.of(table.denominator(), table.numerator(), "the table's interaction contrasts");
        } catch (SingularMatrixException e) {
            throw new IllegalArgumentException("The table's cells do not vary independently (a structurally empty"
                    + " cell, or one question a function of the other): its design effects are undefined", e);
        }
    }

    /**
     * What the Rao–Scott corrections rest on: the codes, the cells' shares, and the matrices whose ratio is Δ,
     * \( C'D^{-1}C/n \) (simple random sampling) and \( C'D^{-1} V D^{-1} C \) (the design), C the interaction
     * contrasts and D the shares' diagonal.
     */
    private record Table(SurveyDesign design, ReplicateDesign replicates, int[] r, int[] c, int nr, int nc,
            double[] p, RealMatrix denominator, RealMatrix numerator) {
    }

    private static RaoScott compute(Design of, String[] rows, String[] columns) {
        Table table = table(of, rows, columns);
        SurveyDesign design = table.design();
        ReplicateDesign replicates = table.replicates();
        int[] r = table.r();
        int[] c = table.c();
        int nr = table.nr();
        int nc = table.nc();
        int k = nr * nc;
        int n = design.n;
        double[] p = table.p();
        RealMatrix denominator = table.denominator();
        RealMatrix numerator = table.numerator();
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
        double nu = of.degreesOfFreedom();
        double f = pearson / trace;
        int df = (nr - 1) * (nc - 1);
        double chi = pearson / (trace / df);
        double wald = wald(design, replicates, r, c, nr, nc);
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


    private static Table table(Design of, String[] rows, String[] columns) {
        ReplicateDesign replicates = of instanceof ReplicateDesign d ? d : null;
        SurveyDesign design = replicates != null ? replicates.base() : (SurveyDesign) of;
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
        for (int i = 0; i < n; i++) {
            int j = r[i] + nr * c[i]; // rows vary fastest, as R's interaction()
            sumW += design.weights[i];
            cell[j] += design.weights[i];
        }
        double[] p = new double[k];
        for (int j = 0; j < k; j++) {
            p[j] = cell[j] / sumW;
        }
        double[][] covariance;
        if (replicates != null) {
            double[] indicators = new double[n * (k + 1)];
            for (int i = 0; i < n; i++) {
                indicators[i * (k + 1) + r[i] + nr * c[i]] = 1;
                indicators[i * (k + 1) + k] = 1;
            }
            double[][] sums = replicates.replicateTotals(indicators, k + 1);
            double[][] shares = new double[sums.length][k];
            for (int rep = 0; rep < sums.length; rep++) {
                for (int j = 0; j < k; j++) {
                    shares[rep][j] = sums[rep][j] / sums[rep][k];
                }
            }
            covariance = replicates.covariance(shares, p);
        } else {
            double[] scores = new double[n * k];
            for (int i = 0; i < n; i++) {
                double w = design.weights[i] / sumW;
                int own = r[i] + nr * c[i];
                for (int j = 0; j < k; j++) {
                    scores[i * k + j] = w * ((j == own ? 1 : 0) - p[j]);
                }
            }
            covariance = Linearisation.scoreCovariance(design, scores, k);
        }
        RealMatrix v = MatrixUtils.createRealMatrix(covariance);

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
        return new Table(design, replicates, r, c, nr, nc, p, denominator, numerator);
    }

    /**
     * The Wald statistic of svychisq's {@code "Wald"}: the interaction terms \( Y_{ij} = \hat N_{ij} - \hat
     * N_{i\cdot}\hat N_{\cdot j}/\hat N \) of the rows and columns after the first, and their covariance by the
     * delta method from the covariance of the estimated totals of cells, rows, columns and the whole.
     */
    private static double wald(SurveyDesign design, ReplicateDesign replicates, int[] r, int[] c, int nr, int nc) {
        int k = nr * nc;
        int m = k + nr + nc + 1;
        double[] indicators = new double[design.n * m];
        double[] scores = new double[design.n * m];
        double[] totals = new double[m];
        for (int i = 0; i < design.n; i++) {
            double w = design.weights[i];
            int[] columns = {r[i] + nr * c[i], k + r[i], k + nr + c[i], m - 1};
            for (int j : columns) {
                indicators[i * m + j] = 1;
                scores[i * m + j] = w;
                totals[j] += w;
            }
        }
        RealMatrix sigma = MatrixUtils.createRealMatrix(replicates != null
                ? replicates.covariance(replicates.replicateTotals(indicators, m), totals)
                : Linearisation.scoreCovariance(design, scores, m));
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
}
