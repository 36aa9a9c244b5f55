package org.smesurvey.stats.proportion;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.smesurvey.stats.TestResult;
import org.smesurvey.stats.internal.Formats;

/**
 * The k×2 table of k groups' companies with and without a characteristic, as R's {@code chisq.test} returns it
 * beside its test: the expected counts under equal proportions \( E_{ij} = r_i c_j / N \), the Pearson residuals
 * \( (O_{ij} - E_{ij})/\sqrt{E_{ij}} \) and the standardised residuals
 * \( (O_{ij} - E_{ij})/\sqrt{E_{ij}(1 - r_i/N)(1 - c_j/N)} \), which are standard normal under the hypothesis
 * (Agresti 2002, <i>Categorical Data Analysis</i>, §3.3.1). Column 0 holds the companies with the
 * characteristic, column 1 those without. Immutable.
 *
 * @since 0.1
 */
public final class PearsonTable {

    private final TestResult test;
    private final double[][] observed;
    private final double[][] expected;
    private final double[] rowShare;
    private final double[] columnShare;

    PearsonTable(TestResult test, double[][] observed, double[][] expected, double[] rowShare, double[] columnShare) {
        this.test = test;
        this.observed = observed;
        this.expected = expected;
        this.rowShare = rowShare;
        this.columnShare = columnShare;
    }

    /**
     * Pearson's χ² test of equal proportions, {@link KProportions#homogeneity(int[], int[])}.
     *
     * @return the test
     */
    public TestResult test() {
        return test;
    }

    /**
     * The number of groups.
     *
     * @return k
     */
    public int groups() {
        return observed.length;
    }

    /**
     * An expected count under equal proportions.
     *
     * @param group the group, from 0
     * @param column 0 for the companies with the characteristic, 1 for those without
     * @return \( E_{ij} \)
     * @throws IndexOutOfBoundsException if there is no such cell
     */
    public double expected(int group, int column) {
        return expected[group][Objects.checkIndex(column, 2)];
    }

    /**
     * A Pearson residual, \( (O - E)/\sqrt{E} \): R's {@code chisq.test(...)$residuals}.
     *
     * @param group the group, from 0
     * @param column 0 for the companies with the characteristic, 1 for those without
     * @return the residual
     * @throws IndexOutOfBoundsException if there is no such cell
     */
    public double residual(int group, int column) {
        return (observed[group][column] - expected(group, column)) / Math.sqrt(expected[group][column]);
    }

    /**
     * A standardised residual, R's {@code chisq.test(...)$stdres}.
     *
     * @param group the group, from 0
     * @param column 0 for the companies with the characteristic, 1 for those without
     * @return the residual, standard normal under equal proportions
     * @throws IndexOutOfBoundsException if there is no such cell
     */
    public double standardisedResidual(int group, int column) {
        double e = expected(group, column);
        return (observed[group][column] - e) / Math.sqrt(e * (1 - rowShare[group]) * (1 - columnShare[column]));
    }

    /**
     * The test, then each group's observed and expected counts and standardised residuals.
     *
     * @return the text
     */
    public String summary() {
        List<String> names = new ArrayList<>();
        List<String[]> columns = new ArrayList<>();
        for (int c = 0; c < 6; c++) {
            columns.add(new String[groups()]);
        }
        for (int i = 0; i < groups(); i++) {
            names.add("group " + (i + 1));
            double[] row = {observed[i][0], observed[i][1], expected(i, 0), expected(i, 1), standardisedResidual(i, 0),
                standardisedResidual(i, 1)};
            for (int c = 0; c < row.length; c++) {
                columns.get(c)[i] = c < 2 ? Formats.number(row[c]) : Formats.fixed(row[c], c < 4 ? 2 : 3);
            }
        }
        return test.summary() + "\n" + String.join("\n", Formats.table(names,
                List.of("yes", "no", "expected yes", "expected no", "stdres yes", "stdres no"), columns));
    }
}
