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

    /** Adds the contributions of respondents {@code from} (inclusive) to {@code to} (exclusive) into an array. */
    interface Body {
        void add(int from, int to, double[] into);
    }

    private Chunks() {
    }

    /** Works on respondents {@code from} (inclusive) to {@code to} (exclusive), writing only their own entries. */
    interface Range {
        void run(int from, int to);
    }

    /** Runs the body over the respondents in chunks, in parallel as {@link #sum} does. */
    static void run(int n, Range body) {
        int chunks = n < PARALLEL_THRESHOLD ? 1 : Runtime.getRuntime().availableProcessors();
        if (chunks == 1) {
            body.run(0, n);
            return;
        }
        IntStream.range(0, chunks).parallel()
                .forEach(c -> body.run((int) ((long) n * c / chunks), (int) ((long) n * (c + 1) / chunks)));
    }

    static double[] sum(int n, int length, Body body) {
        int chunks = n < PARALLEL_THRESHOLD ? 1 : Runtime.getRuntime().availableProcessors();
        if (chunks == 1) {
            double[] into = new double[length];
            body.add(0, n, into);
            return into;
        }
        return IntStream.range(0, chunks).parallel().mapToObj(c -> {
            double[] into = new double[length];
            body.add((int) ((long) n * c / chunks), (int) ((long) n * (c + 1) / chunks), into);
            return into;
        }).reduce((a, b) -> {
            for (int j = 0; j < a.length; j++) {
                a[j] += b[j];
            }
            return a;
        }).orElseThrow();
    }
}
