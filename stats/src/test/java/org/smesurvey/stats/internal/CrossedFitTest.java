package org.smesurvey.stats.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

/**
 * The crossed random-effects fit against metafor 3.8.1 (R 4.2.2), stats/src/test/reference/metafor-crossed.R:
 * {@code rma.mv(yi, vi, mods = ~ year + size + ind, random = list(~ 1 | country, ~ 1 | study/figure), data = d,
 * method = "REML")} (and "ML") on 240 simulated logits in 60 studies and 12 countries, tightened by the dense
 * likelihood maximised to a gradient below 1e-9 (TIGHT lines); BLUPs and predictions from Henderson's
 * mixed-model equations written densely in R.
 */
class CrossedFitTest {

    private static final double TIGHT = 1e-8;

    static CrossedFit.Data data() throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = CrossedFitTest.class.getResourceAsStream("crossed.csv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 1; i < lines.length; i++) {
                rows.add(lines[i].trim().split(","));
            }
        }
        int k = rows.size();
        double[] y = new double[k];
        double[] v = new double[k];
        double[][] x = new double[k][];
        int[] study = new int[k];
        int[] country = new int[k];
        TreeSet<Integer> countries = new TreeSet<>();
        rows.forEach(r -> countries.add(Integer.parseInt(r[3])));
        List<Integer> order = new ArrayList<>(countries);
        Map<Integer, Integer> studies = new HashMap<>();
        for (int i = 0; i < k; i++) {
            String[] r = rows.get(i);
            y[i] = Double.parseDouble(r[0]);
            v[i] = Double.parseDouble(r[1]);
            study[i] = studies.computeIfAbsent(Integer.parseInt(r[2]), s -> studies.size());
            country[i] = order.indexOf(Integer.parseInt(r[3]));
            x[i] = new double[] {1, Double.parseDouble(r[4]), Double.parseDouble(r[5]), r[6].equals("b") ? 1 : 0,
                r[6].equals("c") ? 1 : 0};
        }
        return new CrossedFit.Data(y, v, x, study, studies.size(), new int[][] {country},
                new int[] {countries.size()});
    }

    static Map<String, double[][]> reference() throws IOException {
        Map<String, double[][]> out = new HashMap<>();
        try (InputStream in = CrossedFitTest.class.getResourceAsStream("crossed.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] parts = line.trim().split(";");
                int start = parts[0].equals("REML") || parts[0].equals("ML") ? 2 : 1;
                String key = start == 2 ? parts[0] + " " + parts[1] : parts[0];
                double[][] values = new double[parts.length - start][];
                for (int j = start; j < parts.length; j++) {
                    values[j - start] = Arrays.stream(parts[j].split(",")).mapToDouble(Double::parseDouble).toArray();
                }
                out.put(key, values);
            }
        }
        return out;
    }

    private static void assertClose(double[] expected, double[] actual, double tolerance, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tolerance * Math.max(1, Math.abs(expected[i])), what + " " + i);
        }
    }

    @Test
    void remlAgreesWithTheTightFitAndMetafor() throws IOException {
        CrossedFit fit = CrossedFit.fit(data(), true, null, 1e-12, 200);
        double[][] tight = reference().get("REML TIGHT");
        assertClose(tight[0], fit.variances(), TIGHT, "sigma2 (country, study, figure)");
        assertClose(tight[1], fit.beta(), TIGHT, "beta");
        assertEquals(tight[2][0], fit.logLikelihood(), 1e-10, "logLik");
        double[] vcov = Arrays.stream(fit.covariance()).flatMapToDouble(Arrays::stream).toArray();
        assertClose(tight[3], vcov, TIGHT, "vcov");
        // metafor's own estimate stops at its default tolerance: within 1e-7 of the tight one.
        assertClose(reference().get("REML METAFOR")[0], fit.variances(), 1e-7, "metafor's sigma2");
    }

    @Test
    void mlAgreesWithTheTightFit() throws IOException {
        CrossedFit fit = CrossedFit.fit(data(), false, null, 1e-12, 200);
        double[][] tight = reference().get("ML TIGHT");
        assertClose(tight[0], fit.variances(), TIGHT, "sigma2");
        assertClose(tight[1], fit.beta(), TIGHT, "beta");
        assertEquals(tight[2][0], fit.logLikelihood(), 1e-10, "logLik");
    }

    @Test
    void blupsAndPredictionsAgreeWithHendersonsEquations() throws IOException {
        CrossedFit fit = CrossedFit.fit(data(), true, null, 1e-12, 200);
        Map<String, double[][]> reference = reference();
        assertClose(reference.get("BLUP_COUNTRY")[0], fit.crossedEffects(0), TIGHT, "country BLUPs");
        assertClose(reference.get("BLUP_STUDY")[0], fit.studyEffects(), TIGHT, "study BLUPs");
        double[] predict = reference.get("PREDICT")[0];
        double[] x0 = {1, 3, 0.5, 1, 0};
        double[] known = fit.predict(x0, new int[] {3});
        assertEquals(predict[0], known[0], TIGHT, "mean in a known country");
        assertEquals(predict[1], known[1], TIGHT, "its prediction error variance");
        double[] unknown = fit.predict(x0, new int[] {-1});
        assertEquals(predict[2], unknown[0], TIGHT, "mean in a new country");
        assertEquals(predict[3], unknown[1], TIGHT, "its variance, the country's added");
    }

    @Test
    void thePredictionErrorOfAContrastAgreesWithHendersonsEquations() throws IOException {
        CrossedFit fit = CrossedFit.fit(data(), true, null, 1e-12, 200);
        double[] country = new double[fit.data().levels()[0]];
        country[0] = 1;
        country[1] = -1;
        double[] study = new double[fit.data().studies()];
        study[0] = 1;
        double[] figure = new double[fit.data().y().length];
        figure[2] = -1;
        assertEquals(reference().get("PEV")[0][0], fit.predictionError(new double[][] {country}, study, figure, null),
                TIGHT);
    }

    @Test
    void clusterRobustStandardErrorsAgreeWithMetafor() throws IOException {
        CrossedFit.Data data = data();
        CrossedFit fit = CrossedFit.fit(data, true, null, 1e-12, 200);
        double[][] robust = fit.robustCovariance(data.study(), data.studies());
        double[][] reference = reference().get("ROBUST");
        for (int j = 0; j < robust.length; j++) {
            assertEquals(reference[0][j], Math.sqrt(robust[j][j]), TIGHT, "robust se " + j);
        }
        assertEquals(reference[1][0], data.studies() - robust.length, 0, "metafor's degrees of freedom");
    }

    /**
     * The data with a second crossed factor nested in the first, as the adoption model's country's level by kind of
     * tool is in its country (country × the design's third column, 29 levels beside 12 countries), and the studies in
     * two groups (odd and even ids) with a between-study variance each.
     */
    static CrossedFit.Data nested() throws IOException {
        CrossedFit.Data one = data();
        int k = one.y().length;
        int[] country = one.crossed()[0];
        String[] labels = new String[k];
        for (int i = 0; i < k; i++) {
            double[] x = one.x()[i];
            labels[i] = country[i] + (x[3] == 1 ? "b" : x[4] == 1 ? "c" : "a");
        }
        List<String> names = new ArrayList<>();
        int[] countryKind = CrossedFit.code(labels, names);
        int[] group = new int[one.studies()];
        for (int s = 0; s < group.length; s++) {
            group[s] = s % 2;
        }
        return new CrossedFit.Data(one.y(), one.v(), one.x(), one.study(), one.studies(),
                new int[][] {country, countryKind}, new int[] {one.levels()[0], names.size()}, group, 2);
    }

    /** V formed densely: the crossed factors' parts, the study's (its group's variance), the estimate's and v. */
    static double[][] denseV(CrossedFit.Data d, double[] theta) {
        int k = d.y().length;
        int nf = d.crossed().length;
        double[][] v = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                for (int f = 0; f < nf; f++) {
                    if (d.crossed()[f][i] >= 0 && d.crossed()[f][i] == d.crossed()[f][j]) {
                        v[i][j] += theta[f];
                    }
                }
                if (d.study()[i] == d.study()[j]) {
                    v[i][j] += theta[nf + d.studyGroup()[d.study()[i]]];
                }
            }
            v[i][i] += d.v()[i] + theta[nf + d.groups()];
        }
        return v;
    }

    /**
     * The restricted likelihood by its definition, with V formed densely:
     * \( -\tfrac12[(k - p)\log 2π + \log|V| + \log|X'V^{-1}X| - \log|X'X| + r'V^{-1}r] \).
     */
    static double denseRestrictedLikelihood(CrossedFit.Data d, double[] theta) {
        int k = d.y().length;
        int p = d.x()[0].length;
        CholeskyDecomposition cholesky = new CholeskyDecomposition(new Array2DRowRealMatrix(denseV(d, theta), false));
        RealMatrix x = new Array2DRowRealMatrix(d.x(), false);
        RealMatrix vx = cholesky.getSolver().solve(x);
        RealMatrix product = x.transpose().multiply(vx);
        RealMatrix xvx = product.add(product.transpose()).scalarMultiply(0.5);
        RealMatrix xx = x.transpose().multiply(x);
        double[] beta = new CholeskyDecomposition(xvx).getSolver().solve(vx.transpose()
                .operate(new org.apache.commons.math3.linear.ArrayRealVector(d.y()))).toArray();
        double[] r = new double[k];
        for (int i = 0; i < k; i++) {
            r[i] = d.y()[i];
            for (int c = 0; c < p; c++) {
                r[i] -= d.x()[i][c] * beta[c];
            }
        }
        double[] vr = cholesky.getSolver().solve(new org.apache.commons.math3.linear.ArrayRealVector(r)).toArray();
        double q = 0;
        double logDetV = 0;
        for (int i = 0; i < k; i++) {
            q += r[i] * vr[i];
            logDetV += 2 * Math.log(cholesky.getL().getEntry(i, i));
        }
        return -0.5 * ((k - p) * Math.log(2 * Math.PI) + logDetV + logDet(xvx) - logDet(xx) + q);
    }

    private static double logDet(RealMatrix m) {
        RealMatrix l = new CholeskyDecomposition(m).getL();
        double s = 0;
        for (int i = 0; i < l.getRowDimension(); i++) {
            s += 2 * Math.log(l.getEntry(i, i));
        }
        return s;
    }

    @Test
    void theSparseAlgebraAgreesWithTheDenseDefinitionOnNestedFactors() throws IOException {
        CrossedFit.Data data = nested();
        // A variance on the boundary (the nested factor's) and the others inside.
        double[] theta = {0.05, 0, 0.02, 0.03, 0.01};
        double dense = denseRestrictedLikelihood(data, theta);
        assertEquals(dense, CrossedFit.logLikelihood(data, true, theta), 1e-10 * Math.abs(dense), "at the boundary");
        theta[1] = 0.04;
        dense = denseRestrictedLikelihood(data, theta);
        assertEquals(dense, CrossedFit.logLikelihood(data, true, theta), 1e-10 * Math.abs(dense), "inside");
        // At the REML fit, the scores (the traces over the levels, the studies and the estimates) vanish: the dense
        // likelihood's central differences are zero for each positive variance, at most zero for one at 0.
        CrossedFit fit = CrossedFit.fit(data, true, null, 1e-12, 200);
        double[] at = fit.variances();
        assertEquals(denseRestrictedLikelihood(data, at), fit.logLikelihood(), 1e-10 * Math.abs(fit.logLikelihood()));
        for (int j = 0; j < at.length; j++) {
            double h = 1e-5 * Math.max(at[j], 1e-3);
            double[] up = at.clone();
            up[j] += h;
            double[] down = at.clone();
            down[j] = Math.max(0, down[j] - h);
            double gradient = (denseRestrictedLikelihood(data, up) - denseRestrictedLikelihood(data, down))
                    / (up[j] - down[j]);
            if (at[j] > 0) {
                assertEquals(0, gradient, 1e-4, "the score of variance " + j);
            } else {
                assertTrue(gradient < 1e-4, "the score of variance " + j + " at 0: " + gradient);
            }
        }
    }

    @Test
    void theDiagonalOfTheInverseAgreesWithTheDenseInverse() throws IOException {
        CrossedFit.Data data = nested();
        CrossedFit fit = CrossedFit.fit(data, true, null, 1e-12, 200);
        RealMatrix inverse = new CholeskyDecomposition(new Array2DRowRealMatrix(denseV(data, fit.variances()), false))
                .getSolver().getInverse();
        double[] diagonal = fit.inverseDiagonal();
        for (int i = 0; i < diagonal.length; i++) {
            assertEquals(inverse.getEntry(i, i), diagonal[i], 1e-12 * inverse.getEntry(i, i), "estimate " + i);
        }
    }

    /**
     * An ML fit's prediction error includes the coefficients' estimation, as metafor's {@code ranef} does:
     * \( c'Gc - w'Pw \), \( w = ZGc \), with \( P = V^{-1} - V^{-1}X(X'V^{-1}X)^{-1}X'V^{-1} \) formed densely.
     */
    @Test
    void anMlPredictionErrorIncludesTheCoefficientsEstimation() throws IOException {
        CrossedFit.Data data = nested();
        CrossedFit fit = CrossedFit.fit(data, false, null, 1e-12, 200);
        double[] theta = fit.variances();
        int k = data.y().length;
        double[] country = new double[data.levels()[0]];
        country[0] = 1;
        country[1] = -1;
        double[] study = new double[data.studies()];
        study[0] = 1;
        double[] figure = new double[k];
        figure[2] = -1;
        double studyVariance = theta[2 + data.studyGroup()[0]];
        double cgc = 2 * theta[0] + studyVariance + theta[4];
        double[] w = new double[k];
        for (int i = 0; i < k; i++) {
            w[i] = theta[0] * country[data.crossed()[0][i]] + theta[2 + data.studyGroup()[data.study()[i]]]
                    * study[data.study()[i]] + theta[4] * figure[i];
        }
        RealMatrix vInverse = new CholeskyDecomposition(new Array2DRowRealMatrix(denseV(data, theta), false))
                .getSolver().getInverse();
        RealMatrix x = new Array2DRowRealMatrix(data.x(), false);
        RealMatrix vx = vInverse.multiply(x);
        RealMatrix p = vInverse.subtract(vx.multiply(new CholeskyDecomposition(x.transpose().multiply(vx), 1e-10,
                1e-10).getSolver().getInverse()).multiply(vx.transpose()));
        double expected = cgc - new org.apache.commons.math3.linear.ArrayRealVector(w).dotProduct(p.operate(
                new org.apache.commons.math3.linear.ArrayRealVector(w)));
        assertEquals(expected, fit.predictionError(new double[][] {country}, study, figure, null), 1e-12 * expected);
    }
}
