package org.smesurvey.core.io;

import java.util.Objects;

/**
 * The guard that keeps a spreadsheet from running a text cell as a formula (OWASP "CSV injection"): a cell
 * starting with {@code = + - @}, a tab or a carriage return, or with the guard {@code '} itself, is written with
 * a leading {@code '}, and every reader drops that guard again ({@link Row#text(String)}).
 *
 * @since 0.1
 */
public final class FormulaGuard {

    private static final String FORMULA_STARTS = "=+-@\t\r";
    private static final char GUARD = '\'';

    private FormulaGuard() {
    }

    /**
     * Guards a text cell.
     *
     * @param text the text
     * @return the text, with a leading {@code '} if a spreadsheet would otherwise read it as a formula
     */
    public static String guard(String text) {
        Objects.requireNonNull(text, "text");
        return !text.isEmpty() && (FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 || text.charAt(0) == GUARD)
                ? GUARD + text : text;
    }

    /**
     * Removes the guard {@link #guard(String)} adds; a leading {@code '} before other text is kept.
     *
     * @param text the cell's text
     * @return the text without its guard
     */
    public static String unguard(String text) {
        Objects.requireNonNull(text, "text");
        return text.length() > 1 && text.charAt(0) == GUARD
                && (FORMULA_STARTS.indexOf(text.charAt(1)) >= 0 || text.charAt(1) == GUARD)
                ? text.substring(1) : text;
    }
}
