package org.smesurvey.core.imports;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * The figures of a file by what makes each one (its key: indicator, region, year, size, activity…), with the line
 * where each was first given and its value, in 32 to 52 bytes a figure whatever the key: so that an importer can check a
 * file of any size for figures given twice before it keeps any figure (see {@link EurostatTable} and
 * {@link OfficeTable}, which check a file in one pass and build its figures in a second).
 *
 * <p>A key is held as a 64-bit hash (FNV-1a over its characters, then MurmurHash3's finaliser to spread the bits);
 * two different keys share one with probability about n²/2⁶⁵ — 10⁻⁷ for a million figures — and would be taken
 * for the same figure. An open-addressing table with linear probing, at most half full, over
 * arrays of the figures in the order recorded.
 *
 * <p>Reference: G. Fowler, L. C. Noll, K.-P. Vo, D. Eastlake, "The FNV Non-Cryptographic Hash Algorithm",
 * draft-eastlake-fnv (IETF, 2019); A. Appleby, MurmurHash3 (2011), {@code fmix64}.
 *
 * <p>Not thread-safe; one per read.
 */
final class FigureIndex {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    /** Open addressing: each slot the index of a figure plus one, 0 when empty; at most half full. */
    private int[] table = new int[1 << 10];
    /** The figures in the order recorded: the hash of each key, its line and its value. */
    private long[] hashes = new long[1 << 9];
    private long[] lines = new long[1 << 9];
    private double[] values = new double[1 << 9];
    private int size;

    /** Where a figure was given before, and its value then. */
    record Earlier(long line, double value) {

        /** The value as a percentage, shortest (45, 45.5). */
        String valueText() {
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
    }

    /**
     * Records a figure given at a line, unless it was given before.
     *
     * @param key what makes the figure one
     * @param line its line
     * @param value its value
     * @return null if it is new, else where it was first given
     */
    Earlier put(String key, long line, double value) {
        long hash = hash(key);
        int slot = find(table, hash);
        if (table[slot] != 0) {
            int i = table[slot] - 1;
            return new Earlier(lines[i], values[i]);
        }
        if (size == hashes.length) {
            int grown = size + (size >> 1);
            hashes = Arrays.copyOf(hashes, grown);
            lines = Arrays.copyOf(lines, grown);
            values = Arrays.copyOf(values, grown);
        }
        hashes[size] = hash;
        lines[size] = line;
        values[size] = value;
        table[slot] = ++size;
        if (size * 2 > table.length) {
            int[] bigger = new int[table.length * 2];
            for (int i = 0; i < size; i++) {
                bigger[find(bigger, hashes[i])] = i + 1;
            }
            table = bigger;
        }
        return null;
    }

    /**
     * The line where a figure was first given.
     *
     * @param key what makes the figure one
     * @return its line, or 0 if it was never put
     */
    long firstLine(String key) {
        int slot = find(table, hash(key));
        return table[slot] == 0 ? 0 : lines[table[slot] - 1];
    }

    /** The slot of {@code table} holding the figure of this hash, or the empty slot where it would go. */
    private int find(int[] in, long hash) {
        int mask = in.length - 1;
        int slot = (int) hash & mask;
        while (in[slot] != 0 && hashes[in[slot] - 1] != hash) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    static long hash(String key) {
        long h = FNV_OFFSET;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            h = (h ^ (c & 0xff)) * FNV_PRIME;
            h = (h ^ (c >>> 8)) * FNV_PRIME;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }
}
