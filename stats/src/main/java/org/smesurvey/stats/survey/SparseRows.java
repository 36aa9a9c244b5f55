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

    /**
     * Rows grouped by their content: a model of factors has few distinct rows (one per cell of size band × region,
     * say), and every sum a generalised linear model takes over respondents is a sum over these groups of the
     * respondents' weights and answers — exactly, as glm on aggregated data. {@code group[i]} is row i's group,
     * {@code distinct} one row per group; when rows hardly repeat (a numeric covariate), each row is its own group
     * ({@code group} null).
     */
    record Grouping(SparseRows distinct, int[] group) {

        int size() {
            return distinct.n;
        }

        int of(int i) {
            return group == null ? i : group[i];
        }
    }

    /** Groups the rows by hashing them, giving up (each row its own group) once distinct rows pass a quarter. */
    Grouping grouping() {
        int limit = Math.max(16, n / 4);
        int capacity = 64;
        long[] hashes = new long[capacity];
        int[] slots = new int[capacity];
        java.util.Arrays.fill(slots, -1);
        int[] representative = new int[16];
        int[] group = new int[n];
        int groups = 0;
        for (int i = 0; i < n; i++) {
            long hash = hash(i);
            int slot = (int) (hash ^ (hash >>> 32)) & (capacity - 1);
            int found = -1;
            while (slots[slot] >= 0) {
                if (hashes[slot] == hash && same(i, representative[slots[slot]])) {
                    found = slots[slot];
                    break;
                }
                slot = (slot + 1) & (capacity - 1);
            }
            if (found < 0) {
                if (groups == limit) {
                    return new Grouping(this, null);
                }
                if (groups == representative.length) {
                    representative = java.util.Arrays.copyOf(representative, 2 * groups);
                }
                representative[groups] = i;
                found = groups++;
                slots[slot] = found;
                hashes[slot] = hash;
                if (2 * groups > capacity) {
                    capacity *= 2;
                    long[] newHashes = new long[capacity];
                    int[] newSlots = new int[capacity];
                    java.util.Arrays.fill(newSlots, -1);
                    for (int old = 0; old < slots.length; old++) {
                        if (slots[old] >= 0) {
                            int s = (int) (hashes[old] ^ (hashes[old] >>> 32)) & (capacity - 1);
                            while (newSlots[s] >= 0) {
                                s = (s + 1) & (capacity - 1);
                            }
                            newSlots[s] = slots[old];
                            newHashes[s] = hashes[old];
                        }
                    }
                    hashes = newHashes;
                    slots = newSlots;
                }
            }
            group[i] = found;
        }
        int[] newStart = new int[groups + 1];
        for (int g = 0; g < groups; g++) {
            int r = representative[g];
            newStart[g + 1] = newStart[g] + start[r + 1] - start[r];
        }
        int[] newColumn = new int[newStart[groups]];
        double[] newValue = new double[newStart[groups]];
        for (int g = 0; g < groups; g++) {
            int r = representative[g];
            System.arraycopy(column, start[r], newColumn, newStart[g], start[r + 1] - start[r]);
            System.arraycopy(value, start[r], newValue, newStart[g], start[r + 1] - start[r]);
        }
        return new Grouping(new SparseRows(groups, p, newStart, newColumn, newValue), group);
    }

    private long hash(int i) {
        long h = 0xcbf29ce484222325L;
        for (int e = start[i]; e < start[i + 1]; e++) {
            h = (h ^ column[e]) * 0x100000001b3L;
            h = (h ^ Double.doubleToLongBits(value[e])) * 0x100000001b3L;
        }
        return h ^ (h >>> 29);
    }

    private boolean same(int i, int j) {
        int length = start[i + 1] - start[i];
        if (length != start[j + 1] - start[j]) {
            return false;
        }
        for (int e = 0; e < length; e++) {
            if (column[start[i] + e] != column[start[j] + e] || value[start[i] + e] != value[start[j] + e]) {
                return false;
            }
        }
        return true;
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
