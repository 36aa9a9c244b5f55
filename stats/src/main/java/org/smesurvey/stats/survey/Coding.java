package org.smesurvey.stats.survey;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Labels coded as integers: the distinct labels in their natural order and, for each respondent, the position
 * of its label. One hash lookup per respondent, then the few distinct labels are sorted.
 *
 * @param names the distinct labels, sorted
 * @param codes each respondent's label's position in {@code names}
 */
record Coding(List<String> names, int[] codes) {

    static Coding of(String[] labels, int n, String what) {
        Objects.requireNonNull(labels, what);
        SurveyDesign.requireLength(labels.length, n, what);
        Map<String, Integer> first = new LinkedHashMap<>(); // in the order of the codes
        int[] provisional = new int[n];
        for (int i = 0; i < n; i++) {
            String label = labels[i];
            if (label == null) {
                throw new NullPointerException("The " + what + " of respondent " + (i + 1) + " is null");
            }
            Integer code = first.get(label);
            if (code == null) {
                code = first.size();
                first.put(label, code);
            }
            provisional[i] = code;
        }
        return sorted(new ArrayList<>(first.keySet()), provisional);
    }

    /**
     * The coding of labels numbered as they first appeared: {@code firstSeen.get(k)} is the label of code k.
     * The codes are renumbered in the labels' order, in place.
     */
    static Coding sorted(List<String> firstSeen, int[] provisional) {
        List<String> names = new ArrayList<>(firstSeen);
        Collections.sort(names);
        Map<String, Integer> position = new HashMap<>();
        for (int k = 0; k < names.size(); k++) {
            position.put(names.get(k), k);
        }
        int[] remap = new int[names.size()];
        for (int k = 0; k < firstSeen.size(); k++) {
            remap[k] = position.get(firstSeen.get(k));
        }
        for (int i = 0; i < provisional.length; i++) {
            provisional[i] = remap[provisional[i]];
        }
        return new Coding(List.copyOf(names), provisional);
    }
}
