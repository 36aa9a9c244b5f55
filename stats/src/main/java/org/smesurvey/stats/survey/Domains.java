package org.smesurvey.stats.survey;

import java.util.List;
import java.util.Objects;

/**
 * Each respondent's domain (country, size band, their cross), coded once: the labels hashed and numbered when the
 * domains are defined, so that every estimate by domain afterwards — shares, means, totals, their covariance, on
 * any design of the same respondents — skips that work. Domains are in the order of their names, as svyby orders
 * the values of a character variable, or in the order of declared levels ({@link #of(String[], List)}), as svyby
 * orders a factor's.
 *
 * <p>Immutable.
 *
 * @since 0.1
 */
public final class Domains {

    private final Coding coding;
    /** The respondents of each domain, counted when first needed (see {@link #counts()}). */
    private volatile int[] counts;

    private Domains(Coding coding) {
        this.coding = coding;
    }

    /**
     * The respondents of each domain, in the order of the names: counted once per instance, when first asked
     * for, so that estimates need not count them in their pass over the respondents. Not to be modified.
     */
    int[] counts() {
        int[] known = counts;
        if (known == null) {
            known = new int[coding.names().size()];
            for (int code : coding.codes()) {
                known[code]++;
            }
            counts = known;
        }
        return known;
    }

    /**
     * Codes the respondents' domains.
     *
     * @param labels each respondent's domain
     * @return the domains
     * @throws NullPointerException if the array or a label is null (the message names the respondent)
     */
    public static Domains of(String[] labels) {
        Objects.requireNonNull(labels, "labels");
        return new Domains(Coding.of(labels, labels.length, "domains"));
    }

    /**
     * Codes the respondents' domains, ordered as declared levels — size bands from the smallest, say — as svyby
     * orders the domains of {@code factor(band, levels = levels)}: every estimate by these domains comes in this
     * order. Levels no respondent has are left out, as svyby leaves out empty domains.
     *
     * @param labels each respondent's domain
     * @param levels every domain, each once, in their order
     * @return the domains
     * @throws NullPointerException if the array, a label or the levels are null
     * @throws IllegalArgumentException if a label is not among the levels, or the levels repeat one
     */
    public static Domains of(String[] labels, List<String> levels) {
        return of(labels).inOrder(levels);
    }

    /**
     * The same domains ordered as declared levels ({@link #of(String[], List)}).
     *
     * @param levels every domain, each once, in their order
     * @return the domains in that order
     * @throws NullPointerException if the levels are null
     * @throws IllegalArgumentException if a domain is not among the levels, or the levels repeat one
     */
    public Domains inOrder(List<String> levels) {
        return new Domains(coding.inOrder(levels, "domains"));
    }

    /** Domains of labels already coded (a column of {@link Respondents}). */
    static Domains of(Coding coding) {
        return new Domains(coding);
    }

    /**
     * The domains' names, sorted or in their declared order.
     *
     * @return the names
     */
    public List<String> names() {
        return coding.names();
    }

    /**
     * The number of respondents coded.
     *
     * @return n
     */
    public int size() {
        return coding.codes().length;
    }

    /** The coding, for a design of {@code n} respondents. */
    Coding coding(int n) {
        SurveyDesign.requireLength(coding.codes().length, n, "domains");
        return coding;
    }

    @Override
    public String toString() {
        return "Domains" + coding.names() + " of " + size() + " respondents";
    }
}
