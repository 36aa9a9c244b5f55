package org.smesurvey.stats.survey;

import java.util.stream.IntStream;

/**
 * Sums over respondents split in chunks, in parallel when there are enough of them to pay for it: each chunk
 * fills its own array, and the arrays are added. Sums are associative up to rounding, so a parallel result can
 * differ from a sequential one in the last bits.
 */
final class Chunks {

    /** Below this many respondents the work is done in one chunk, on the caller's thread. */
    static final int PARALLEL_THRESHOLD = 200_000;

    /**
     * The contributions of respondents {@code from} (inclusive) to {@code to} (exclusive), in an array the body
     * allocates itself, of the same length for every chunk. Allocated in the body, next to its loop, the array is
     * known to the compiler to alias none of the loop's inputs (the weights, the values), so the loop's loads need
     * not wait for its stores. Passed in as a parameter, it could be any array: where the call to the body is not
     * inlined — in a JVM that has run several bodies through this class — every load after a store was redone, and
     * the 120 domains' loop took twice its memory bound (issue 24).
     */
    interface Body {
        double[] sum(int from, int to);
    }

    private Chunks() {
    }

    /** Works on respondents {@code from} (inclusive) to {@code to} (exclusive), writing only their own entries. */
    interface Range {
        void run(int from, int to);
    }

    /** Runs the body over the respondents in chunks, in parallel as {@link #sum} does. */
    static void run(int n, Range body) {
        int chunks = chunks(n);
        if (chunks == 1) {
            body.run(0, n);
            return;
        }
        IntStream.range(0, chunks).parallel()
                .forEach(c -> body.run((int) ((long) n * c / chunks), (int) ((long) n * (c + 1) / chunks)));
    }

    /** One chunk below {@link #PARALLEL_THRESHOLD} respondents' worth of work, else one per processor. */
    static int chunks(long work) {
        return work < PARALLEL_THRESHOLD ? 1 : Runtime.getRuntime().availableProcessors();
    }

    /**
     * The respondents' contributions summed over the chunks.
     *
     * @param n the number of respondents
     * @param body each chunk's sums
     * @return the sums
     */
    static double[] sum(int n, Body body) {
        return sum(n, 1, body);
    }

    /**
     * Contributions of n items each worth {@code cost} respondents' work (a unit's row of domain cells), summed
     * over chunks of items: in parallel when the work, not the count of items, pays for it.
     *
     * @param n the number of items
     * @param cost each item's work, in respondents
     * @param body each chunk's sums
     * @return the sums
     */
    static double[] sum(int n, int cost, Body body) {
        double[][] parts = parts(n, cost, body);
        double[] sum = parts[0];
        for (int c = 1; c < parts.length; c++) {
            for (int j = 0; j < sum.length; j++) {
                sum[j] += parts[c][j];
            }
        }
        return sum;
    }

    /**
     * Each chunk's contributions, not yet added: for a caller whose first pass over the sums adds them as it goes,
     * so that a large table of cells is read once after the respondents, not twice.
     *
     * @param n the number of respondents
     * @param body each chunk's sums
     * @return one array per chunk, at least one
     */
    static double[][] parts(int n, Body body) {
        return parts(n, 1, body);
    }

    private static double[][] parts(int n, int cost, Body body) {
        int chunks = chunks((long) n * cost);
        if (chunks == 1) {
            return new double[][] {body.sum(0, n)};
        }
        return IntStream.range(0, chunks).parallel()
                .mapToObj(c -> body.sum((int) ((long) n * c / chunks), (int) ((long) n * (c + 1) / chunks)))
                .toArray(double[][]::new);
    }
}
