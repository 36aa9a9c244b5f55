package org.smesurvey.stats.survey;

import java.util.ArrayList;
import java.util.List;

/**
 * The respondents an estimate is over. Those with a missing answer or a zero weight go to one more domain,
 * estimated with the others and then dropped: survey's {@code subset(design, ...)}, which keeps them in the
 * variance as zeros and out of n, the design effect and the degrees of freedom.
 *
 * @param codes each respondent's domain, null for one domain of all
 * @param count the domains, the excluded one included
 * @param domains the domains asked for
 */
record Included(int[] codes, int count, int domains) {

    static Included of(SurveyDesign design, int[] domainOf, int domains, boolean[] answered) {
        if (answered == null && !design.hasZeroWeights) {
            return new Included(domainOf, domains, domains);
        }
        int[] codes = new int[design.n];
        for (int i = 0; i < design.n; i++) {
            boolean in = design.weights[i] != 0 && (answered == null || answered[i]);
            codes[i] = !in ? domains : domainOf == null ? 0 : domainOf[i];
        }
        return new Included(codes, domains + 1, domains);
    }

    /** The labels of the domains computed: those asked for, and one for the excluded. */
    List<String> labels(List<String> asked) {
        if (count == domains) {
            return asked;
        }
        List<String> labels = new ArrayList<>(asked);
        labels.add("(not answered or weight 0)");
        return labels;
    }

    /** The estimates asked for, without the excluded domain and without domains nobody is left in. */
    List<SurveyEstimate> keep(List<SurveyEstimate> estimates) {
        List<SurveyEstimate> kept = new ArrayList<>(domains);
        for (SurveyEstimate e : estimates.subList(0, domains)) {
            if (e.respondents() > 0) {
                kept.add(e);
            }
        }
        return kept;
    }
}
