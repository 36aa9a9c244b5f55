package org.smesurvey.stats.survey;

import java.util.Set;
import java.util.stream.IntStream;
import org.smesurvey.stats.meta.Moderators;

/**
 * A model matrix kept by rows without its zeros (compressed sparse rows), columns ascending in each row: a design of
 * factors is mostly zeros (an intercept and one indicator per factor in each row), so sums over rows cost what the
 * non-zeros cost.
 */
final class SparseRows {

    final int n;
    final int p;
    /** Row i's entries are {@code start[i]} to {@code start[i + 1]} (exclusive). */
    final int[] start;
    final int[] column;
    final double[] value;

    private SparseRows(int n, int p, int[] start, int[] column, double[] value) {
        this.n = n;
        this.p = p;
        this.start = start;
        this.column = column;
        this.value = value;
    }

    /** The non-zeros of a model matrix, counted then copied in parallel over rows. */
    static SparseRows of(Moderators x) {
        int n = x.studies();
        int p = x.columns();
        int[] start = new int[n + 1];
        IntStream.range(0, n).parallel().forEach(i -> {
            int count = 0;
            for (int j = 0; j < p; j++) {
                count += x.value(i, j) != 0 ? 1 : 0;
            }
            start[i + 1] = count;
        });
        for (int i = 0; i < n; i++) {
            start[i + 1] += start[i];
        }
        int[] column = new int[start[n]];
        double[] value = new double[start[n]];
        IntStream.range(0, n).parallel().forEach(i -> {
            int e = start[i];
            for (int j = 0; j < p; j++) {
                double entry = x.value(i, j);
                if (entry != 0) {
                    column[e] = j;
                    value[e++] = entry;
                }
            }
        });
        return new SparseRows(n, p, start, column, value);
    }

    /** The same rows without some columns, the others renumbered in order. */
    SparseRows without(Set<Integer> dropped) {
        int[] renumber = new int[p];
        int q = 0;
        for (int j = 0; j < p; j++) {
            renumber[j] = dropped.contains(j) ? -1 : q++;
        }
        int[] newStart = new int[n + 1];
        int[] newColumn = new int[column.length];
        double[] newValue = new double[value.length];
        int count = 0;
        for (int i = 0; i < n; i++) {
            for (int e = start[i]; e < start[i + 1]; e++) {
                if (renumber[column[e]] >= 0) {
                    newColumn[count] = renumber[column[e]];
                    newValue[count++] = value[e];
                }
            }
            newStart[i + 1] = count;
        }
        return new SparseRows(n, q, newStart, newColumn, newValue);
    }

    /** Row i times the coefficients. */
    double dot(int i, double[] beta) {
        double sum = 0;
        for (int e = start[i]; e < start[i + 1]; e++) {
            sum += value[e] * beta[column[e]];
        }
        return sum;
    }
}
