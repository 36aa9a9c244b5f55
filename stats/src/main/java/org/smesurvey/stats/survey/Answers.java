package org.smesurvey.stats.survey;

import java.util.Objects;

/**
 * Each respondent's yes/no answer to one question, with the answers that are missing (an empty or {@code NA}
 * cell, a question not asked). Estimators treat a missing answer as R's survey does with {@code na.rm = TRUE}:
 * the estimate is over the answered respondents, as on {@code subset(design, !is.na(answer))}, so that the
 * variance is still over the whole design (the unanswered contribute zeros) while the number of respondents,
 * the design effect and the degrees of freedom count only the answered.
 *
 * <p>Immutable; arrays are copied in and out.
 *
 * @since 0.1
 */
public final class Answers {

    private final boolean[] yes;
    /**
     * The answers as numbers, 1 for yes, one byte each: estimators add them without a branch on unpredictable
     * answers, in an eighth of the memory doubles would take.
     */
    private final byte[] values;
    private final boolean[] answered;
    private final int missing;

    private Answers(boolean[] yes, boolean[] answered) {
        this.yes = yes;
        this.values = new byte[yes.length];
        for (int i = 0; i < yes.length; i++) {
            values[i] = (byte) (yes[i] ? 1 : 0);
        }
        this.answered = answered;
        int count = 0;
        if (answered != null) {
            for (boolean a : answered) {
                count += a ? 0 : 1;
            }
        }
        this.missing = count;
    }

    /**
     * Answers with none missing.
     *
     * @param yes each respondent's answer
     * @return the answers
     * @throws NullPointerException if {@code yes} is null
     */
    public static Answers of(boolean[] yes) {
        return new Answers(Objects.requireNonNull(yes, "yes").clone(), null);
    }

    /**
     * Answers with some missing.
     *
     * @param yes each respondent's answer; ignored where {@code answered} is false
     * @param answered whether each respondent answered
     * @return the answers
     * @throws NullPointerException if an array is null
     * @throws IllegalArgumentException if the arrays' lengths differ
     */
    public static Answers of(boolean[] yes, boolean[] answered) {
        Objects.requireNonNull(yes, "yes");
        Objects.requireNonNull(answered, "answered");
        if (yes.length != answered.length) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "Answers and their answered flags differ in length: %d and %d", yes.length, answered.length));
        }
        boolean[] kept = yes.clone();
        for (int i = 0; i < kept.length; i++) {
            kept[i] &= answered[i];
        }
        return new Answers(kept, answered.clone());
    }

    /**
     * The number of respondents, answered or not.
     *
     * @return the size
     */
    public int size() {
        return yes.length;
    }

    /**
     * The number of missing answers.
     *
     * @return how many respondents did not answer
     */
    public int missing() {
        return missing;
    }

    /**
     * Whether a respondent answered.
     *
     * @param i the respondent, from 0
     * @return true if the answer is not missing
     */
    public boolean isAnswered(int i) {
        return answered == null ? checkIndex(i) : answered[i];
    }

    /**
     * Whether a respondent answered yes.
     *
     * @param i the respondent, from 0
     * @return true for yes; false for no and for a missing answer
     */
    public boolean isYes(int i) {
        return yes[i];
    }

    /**
     * The answers, a missing one as false.
     *
     * @return a copy
     */
    public boolean[] yes() {
        return yes.clone();
    }

    /**
     * The answers as numbers, for the estimators and models that take a numeric variable: 1 for yes, 0 for no and
     * NaN for a missing answer (R's {@code NA} in {@code as.numeric(answer)}).
     *
     * @return a new array
     */
    public double[] numbers() {
        double[] numbers = new double[yes.length];
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = answered != null && !answered[i] ? Double.NaN : values[i];
        }
        return numbers;
    }

    /**
     * Whether each respondent answered.
     *
     * @return a copy, all true when none is missing
     */
    public boolean[] answered() {
        if (answered != null) {
            return answered.clone();
        }
        boolean[] all = new boolean[yes.length];
        java.util.Arrays.fill(all, true);
        return all;
    }

    /** Answered flags, or null when every answer is there; not copied, for the estimators. */
    boolean[] answeredOrNull() {
        return missing == 0 ? null : answered;
    }

    /** The yes flags, not copied, for the estimators. */
    boolean[] yesArray() {
        return yes;
    }

    /** The answers as 0 and 1, not copied, for the estimators' sums. */
    byte[] valueArray() {
        return values;
    }

    private boolean checkIndex(int i) {
        Objects.checkIndex(i, yes.length);
        return true;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "Answers[%d respondents, %d missing]", yes.length, missing);
    }
}
