package org.smesurvey.stats.meta;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.smesurvey.stats.internal.Distributions;

/**
 * Case-deletion diagnostics of a fitted model, metafor's {@code influence(res)} ({@code influence.rma.uni}): each
 * study left out in turn and the model refitted as it was fitted, then per study
 * <ul>
 *   <li>the externally standardised residual (rstudent) \( (y_i - x_i'\hat β_{(i)})/\sqrt{s^2_{(i)}(v_i + \hat τ^2_{(i)})
 *       + x_i'V_{(i)}x_i} \);</li>
 *   <li>DFFITS \( (x_i'\hat β - x_i'\hat β_{(i)})/\sqrt{s^2_{(i)} h_i(\hat τ^2_{(i)} + v_i)} \);</li>
 *   <li>Cook's distance \( (\hat β - \hat β_{(i)})'V^{-1}(\hat β - \hat β_{(i)}) \);</li>
 *   <li>the covariance ratio \( \det V_{(i)}/\det V \);</li>
 *   <li>τ² and Q_E after deletion, the hat value \( h_i \) and the weight in percent;</li>
 *   <li>DFBETAS \( (\hat β - \hat β_{(i)})/\sqrt{s^2_{(i)}\,\mathrm{diag}((X'W_{(i)}X)^{-1})} \), \( W_{(i)} \) all k
 *       studies weighted with \( \hat τ^2_{(i)} \);</li>
 * </ul>
 * and a study flagged influential when |DFFITS| > \( 3\sqrt{p/(k - p)} \), the χ²_p distribution function of Cook's
 * distance exceeds ½, \( h_i > 3p/k \), or some |DFBETAS| > 1 (\( s^2 \) is Knapp–Hartung's factor, 1 without it);
 * and the two coordinates of Baujat's plot (metafor's {@code baujat}): each study's contribution to the
 * heterogeneity and its influence on the fitted value (Baujat et al. 2002, <i>Statistics in Medicine</i> 21,
 * 2641–2652).
 *
 * <p>Reference: Viechtbauer, W. and Cheung, M. W.-L. (2010). Outlier and influence diagnostics for meta-analysis.
 * <i>Research Synthesis Methods</i> 1, 112–125.
 *
 * @param model the model diagnosed
 * @param studies each study's diagnostics, in study order
 * @since 0.1
 */
public record Influence(FittedModel model, List<Study> studies) {

    /**
     * One study's diagnostics.
     *
     * @param label the study
     * @param rstudent its externally standardised residual
     * @param dffits its DFFITS
     * @param cooksDistance its Cook's distance
     * @param covarianceRatio its covariance ratio
     * @param tau2Deleted τ² without it
     * @param qeDeleted Q_E without it
     * @param hat its hat value
     * @param weight its weight, in percent
     * @param dfbetas its DFBETAS, one per coefficient
     * @param influential whether it is flagged
     * @param heterogeneity its contribution to the (residual) heterogeneity, Baujat's x:
     *        \( (y_i - x_i'\hat β)^2/(v_i + \hat τ^2) \)
     * @param influenceOnFit its influence on the fitted value, Baujat's y:
     *        \( (x_i'\hat β_{(i)} - x_i'\hat β)^2/(x_i'V_{(i)}x_i) \)
     */
    public record Study(String label, double rstudent, double dffits, double cooksDistance, double covarianceRatio,
            double tau2Deleted, double qeDeleted, double hat, double weight, List<Double> dfbetas,
            boolean influential, double heterogeneity, double influenceOnFit) {

        /**
         * Copies the DFBETAS.
         *
         * @param label the study
         * @param rstudent its externally standardised residual
         * @param dffits its DFFITS
         * @param cooksDistance its Cook's distance
         * @param covarianceRatio its covariance ratio
         * @param tau2Deleted τ² without it
         * @param qeDeleted Q_E without it
         * @param hat its hat value
         * @param weight its weight, in percent
         * @param dfbetas its DFBETAS, one per coefficient
         * @param influential whether it is flagged
         * @param heterogeneity its contribution to the heterogeneity (Baujat's x)
         * @param influenceOnFit its influence on the fitted value (Baujat's y)
         */
        public Study {
            Objects.requireNonNull(label, "label");
            dfbetas = List.copyOf(dfbetas);
        }
    }

    /**
     * Copies the list.
     *
     * @param model the model diagnosed
     * @param studies each study's diagnostics
     */
    public Influence {
        Objects.requireNonNull(model, "model");
        studies = List.copyOf(studies);
    }

    /**
     * The diagnostics of a model fitted by {@link MetaAnalysis}.
     *
     * @param model the fitted model (without or with moderators)
     * @return the diagnostics
     * @throws IllegalArgumentException if the model has fewer than three studies, or more coefficients than
     *         studies less one
     */
    public static Influence of(FittedModel model) {
        Objects.requireNonNull(model, "model");
        Fitted full = model.fit;
        int k = full.k;
        int p = full.p;
        if (k < 3 || k - 1 < p) {
            throw new IllegalArgumentException("Case deletion needs at least three studies and more than p: k = " + k
                    + ", p = " + p);
        }
        double[][] x = full.moderators.rowArray();
        double[] y = full.studies.yArray();
        double[] v = full.studies.vArray();
        RealMatrix vb = new Array2DRowRealMatrix(full.vb, true);
        RealMatrix vbInverse = new LUDecomposition(vb).getSolver().getInverse();
        double vbDet = new LUDecomposition(vb).getDeterminant();
        double[] hat = hatValues(x, v, full.tau2);
        List<Study> studies = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            int[] rest = new int[k - 1];
            for (int j = 0, r = 0; j < k; j++) {
                if (j != i) {
                    rest[r++] = j;
                }
            }
            Fitted deleted = new Fitted(full.options, full.studies.subset(rest), full.moderators.subset(rest), false);

            double predicted = dot(x[i], full.beta);
            double predictedDeleted = dot(x[i], deleted.beta);
            double variancePredicted = quadratic(x[i], deleted.vb);
            double residual = y[i] - predictedDeleted;
            if (Math.abs(residual) < 100 * Math.ulp(1.0)) {
                residual = 0;
            }
            double rstudent = residual / Math.sqrt(v[i] * deleted.s2w + variancePredicted + deleted.tau2 * deleted.s2w);
            double dffits = (predicted - predictedDeleted) / Math.sqrt(deleted.s2w * hat[i] * (deleted.tau2 + v[i]));
            // DFBETAS scale: (X' W X)^-1 over all k studies, weighted with the deletion's tau^2.
            double[][] xwx = new double[p][p];
            for (int s = 0; s < k; s++) {
                double w = 1 / (v[s] + deleted.tau2);
                for (int a = 0; a < p; a++) {
                    for (int b = 0; b < p; b++) {
                        xwx[a][b] += w * x[s][a] * x[s][b];
                    }
                }
            }
            double[][] vbDeletedAll = new LUDecomposition(new Array2DRowRealMatrix(xwx, false)).getSolver()
                    .getInverse().getData();
            double[] dfb = new double[p];
            List<Double> dfbetas = new ArrayList<>();
            boolean bigDfbeta = false;
            for (int j = 0; j < p; j++) {
                dfb[j] = full.beta[j] - deleted.beta[j];
                double dfbeta = dfb[j] / Math.sqrt(deleted.s2w * vbDeletedAll[j][j]);
                dfbetas.add(dfbeta);
                bigDfbeta |= Math.abs(dfbeta) > 1;
            }
            double cook = quadratic(dfb, vbInverse.getData());
            double covRatio = new LUDecomposition(new Array2DRowRealMatrix(deleted.vb, true)).getDeterminant() / vbDet;
            boolean influential = Math.abs(dffits) > 3 * Math.sqrt(p / (double) (k - p))
                    || 1 - Distributions.chiSquareUpperTail(cook, p) > 0.5 || hat[i] > 3.0 * p / k || bigDfbeta;
            double fittedResidual = y[i] - predicted;
            studies.add(new Study(full.studies.label(i), rstudent, dffits, cook, covRatio, deleted.tau2, deleted.qe,
                    hat[i], model.weight(i), dfbetas, influential, fittedResidual * fittedResidual / (full.tau2 + v[i]),
                    (predictedDeleted - predicted) * (predictedDeleted - predicted) / variancePredicted));
        }
        return new Influence(model, studies);
    }

    /** The diagonal of \( X(X'WX)^{-1}X'W \), \( W = \operatorname{diag}(1/(v_i + τ^2)) \). */
    private static double[] hatValues(double[][] x, double[] v, double tau2) {
        int k = x.length;
        int p = x[0].length;
        double[][] xwx = new double[p][p];
        for (int s = 0; s < k; s++) {
            double w = 1 / (v[s] + tau2);
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    xwx[a][b] += w * x[s][a] * x[s][b];
                }
            }
        }
        double[][] inverse = new LUDecomposition(new Array2DRowRealMatrix(xwx, false)).getSolver().getInverse()
                .getData();
        double[] hat = new double[k];
        for (int s = 0; s < k; s++) {
            hat[s] = quadratic(x[s], inverse) / (v[s] + tau2);
        }
        return hat;
    }

    private static double dot(double[] a, double[] b) {
        return Model.dot(a, b);
    }

    /** \( a'Ma \). */
    private static double quadratic(double[] a, double[][] m) {
        double total = 0;
        for (int r = 0; r < a.length; r++) {
            for (int c = 0; c < a.length; c++) {
                total += a[r] * m[r][c] * a[c];
            }
        }
        return total;
    }

    /**
     * The diagnostics as metafor's {@code print(influence(res))} lays them out: one row per study, four decimals,
     * the DFBETAS of a model with one coefficient in {@code dfbs}, a {@code *} for a study flagged.
     *
     * @return the text
     */
    public String summary() {
        List<String> headers = new ArrayList<>(List.of("rstudent", "dffits", "cook.d", "cov.r", "tau2.del", "QE.del",
                "hat", "weight"));
        int p = studies.get(0).dfbetas().size();
        List<String> coefficients = model.coefficients().stream().map(Coefficient::name).toList();
        headers.addAll(p == 1 ? List.of("dfbs") : coefficients.stream().map(c -> "dfbs." + c).toList());
        headers.add("inf");
        List<String[]> columns = new ArrayList<>();
        for (int c = 0; c < headers.size(); c++) {
            columns.add(new String[studies.size()]);
        }
        for (int i = 0; i < studies.size(); i++) {
            Study s = studies.get(i);
            double[] row = {s.rstudent(), s.dffits(), s.cooksDistance(), s.covarianceRatio(), s.tau2Deleted(),
                s.qeDeleted(), s.hat(), s.weight()};
            for (int c = 0; c < row.length; c++) {
                columns.get(c)[i] = org.smesurvey.stats.internal.Formats.fixed(row[c], 4);
            }
            for (int j = 0; j < p; j++) {
                columns.get(row.length + j)[i] = org.smesurvey.stats.internal.Formats.fixed(s.dfbetas().get(j), 4);
            }
            columns.get(headers.size() - 1)[i] = s.influential() ? "*" : "";
        }
        return String.join("\n", org.smesurvey.stats.internal.Formats.table(studies.stream().map(Study::label)
                .toList(), headers, columns));
    }

    /**
     * The studies flagged as influential, by their labels.
     *
     * @return the labels, in study order
     */
    public List<String> influentialStudies() {
        return studies.stream().filter(Study::influential).map(Study::label).toList();
    }
}
