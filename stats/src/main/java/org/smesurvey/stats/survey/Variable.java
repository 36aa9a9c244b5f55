package org.smesurvey.stats.survey;

/**
 * A respondent variable in the representation it came in — 0/1 bytes ({@link Answers}), flags (a {@code boolean[]}
 * given to one call) or numbers — read through this one final class. A hot loop then reads a value with a load and
 * a branch on which array is set, which is the same for every respondent: the compiler takes it out of the loop.
 * Read through an interface, as lambdas {@code i -> yes[i]}, {@code i -> flags[i] ? 1 : 0}…, the same loop's call
 * would see as many classes as the forms a program has used, stop being inlined past two, and cost a call per
 * respondent: 3 to 8 times the loop's memory bound in a JVM that had used every form (issue 24).
 */
final class Variable {

    private final byte[] bytes;
    private final boolean[] flags;
    private final double[] numbers;

    private Variable(byte[] bytes, boolean[] flags, double[] numbers) {
        this.bytes = bytes;
        this.flags = flags;
        this.numbers = numbers;
    }

    /** Answers as 0/1 bytes, not copied. */
    static Variable of(byte[] bytes) {
        return new Variable(bytes, null, null);
    }

    /** Answers as flags, not copied. */
    static Variable of(boolean[] flags) {
        return new Variable(null, flags, null);
    }

    /** Values, not copied. */
    static Variable of(double[] numbers) {
        return new Variable(null, null, numbers);
    }

    /** Whether every value is 0 or 1 (answers as bytes or flags), so that y² = y. */
    boolean isZeroOne() {
        return numbers == null;
    }

    /** Respondent i's value. */
    double at(int i) {
        return bytes != null ? bytes[i] : flags != null ? (flags[i] ? 1 : 0) : numbers[i];
    }
}
