package org.smesurvey.stats.survey;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Labels coded as integers: the distinct labels in their natural order and, for each respondent, the position
 * of its label. The rows are coded in parallel chunks, each with its own open-addressing table of labels (a label
 * is found by its reference first, then by its cached hash and {@code equals}: a few nanoseconds a row, where a
 * {@code HashMap} of boxed codes took five times as long), then the few distinct labels are sorted and each
 * chunk's codes rewritten to their positions.
 *
 * @param names the distinct labels, sorted
 * @param codes each respondent's label's position in {@code names}
 */
record Coding(List<String> names, int[] codes) {

    /** One chunk's labels in the order first seen, and its rows' codes in that order. */
    private static final class Table {
        private String[] keys = new String[64];
        private int[] values = new int[64];
        final List<String> order = new ArrayList<>();
        /** The first row whose label is null, or −1. */
        int firstNull = -1;

        int code(String label) {
            int mask = keys.length - 1;
            int h = label.hashCode();
            int slot = (h ^ (h >>> 16)) & mask;
            for (String key = keys[slot]; key != null; key = keys[slot]) {
                if (key == label || key.equals(label)) {
                    return values[slot];
                }
                slot = (slot + 1) & mask;
            }
            int code = order.size();
            order.add(label);
            keys[slot] = label;
            values[slot] = code;
            if (order.size() * 2 > keys.length) {
                grow();
            }
            return code;
        }

        private void grow() {
            String[] oldKeys = keys;
            int[] oldValues = values;
            keys = new String[oldKeys.length * 2];
            values = new int[keys.length];
            int mask = keys.length - 1;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != null) {
                    int h = oldKeys[i].hashCode();
                    int slot = (h ^ (h >>> 16)) & mask;
                    while (keys[slot] != null) {
                        slot = (slot + 1) & mask;
                    }
                    keys[slot] = oldKeys[i];
                    values[slot] = oldValues[i];
                }
            }
        }
    }

    static Coding of(String[] labels, int n, String what) {
        Objects.requireNonNull(labels, what);
        SurveyDesign.requireLength(labels.length, n, what);
        int[] codes = new int[n];
        int chunks = Chunks.chunks(n);
        List<Table> tables = IntStream.range(0, chunks).parallel().mapToObj(c -> {
            Table table = new Table();
            int to = (int) ((long) n * (c + 1) / chunks);
            for (int i = (int) ((long) n * c / chunks); i < to; i++) {
                String label = labels[i];
                if (label == null) {
                    table.firstNull = i;
                    break;
                }
                codes[i] = table.code(label);
            }
            return table;
        }).toList();
        for (Table table : tables) {
            if (table.firstNull >= 0) {
                throw new NullPointerException("The " + what + " of respondent " + (table.firstNull + 1)
                        + " is null");
            }
        }
        // The labels in the order first seen over the chunks, then sorted; each chunk's codes rewritten.
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (Table table : tables) {
            table.order.forEach(label -> seen.putIfAbsent(label, seen.size()));
        }
        List<String> names = new ArrayList<>(seen.keySet());
        Collections.sort(names);
        Map<String, Integer> position = positions(names);
        IntStream.range(0, chunks).parallel().forEach(c -> {
            List<String> order = tables.get(c).order;
            int[] remap = new int[order.size()];
            for (int k = 0; k < remap.length; k++) {
                remap[k] = position.get(order.get(k));
            }
            int to = (int) ((long) n * (c + 1) / chunks);
            for (int i = (int) ((long) n * c / chunks); i < to; i++) {
                codes[i] = remap[codes[i]];
            }
        });
        return new Coding(List.copyOf(names), codes);
    }

    static Coding sorted(List<String> firstSeen, int[] provisional) {
        List<String> names = new ArrayList<>(firstSeen);
        Collections.sort(names);
        Map<String, Integer> position = positions(names);
        int[] remap = new int[names.size()];
        for (int k = 0; k < firstSeen.size(); k++) {
            remap[k] = position.get(firstSeen.get(k));
        }
        for (int i = 0; i < provisional.length; i++) {
            provisional[i] = remap[provisional[i]];
        }
        return new Coding(List.copyOf(names), provisional);
    }

    /**
     * The same labels with their names in a declared order (those present, in the order of {@code levels}), the
     * codes renumbered: a factor's levels, as {@code factor(x, levels = ...)} orders them.
     */
    Coding inOrder(List<String> levels, String what) {
        Objects.requireNonNull(levels, "levels");
        if (new java.util.HashSet<>(levels).size() != levels.size() || levels.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("The levels of the " + what + " repeat one or hold null: " + levels);
        }
        List<String> outside = names.stream().filter(name -> !levels.contains(name)).toList();
        if (!outside.isEmpty()) {
            throw new IllegalArgumentException("The " + what + " " + outside + " are not among the levels " + levels);
        }
        List<String> ordered = levels.stream().filter(names::contains).toList();
        Map<String, Integer> position = positions(ordered);
        int[] remap = new int[names.size()];
        for (int k = 0; k < remap.length; k++) {
            remap[k] = position.get(names.get(k));
        }
        int[] renumbered = new int[codes.length];
        IntStream.range(0, Chunks.chunks(codes.length)).parallel().forEach(c -> {
            int chunks = Chunks.chunks(codes.length);
            int to = (int) ((long) codes.length * (c + 1) / chunks);
            for (int i = (int) ((long) codes.length * c / chunks); i < to; i++) {
                renumbered[i] = remap[codes[i]];
            }
        });
        return new Coding(ordered, renumbered);
    }

    /** Each name's position in the list. */
    private static Map<String, Integer> positions(List<String> names) {
        Map<String, Integer> position = new HashMap<>();
        for (int k = 0; k < names.size(); k++) {
            position.put(names.get(k), k);
        }
        return position;
    }
}
