package org.smesurvey.core.csv;

import org.smesurvey.core.io.FormulaGuard;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CellsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"0.125|0.125", "12.5 %|0.125", "12,5 %|0.125", "12,5%|0.125",
            "12,5\u00a0%|0.125", "12,5\u202f%|0.125", "45.2%|0.452", "0|0", "1|1", "100 %|1", "0 %|0", "  .5  |0.5",
            "1e-3|0.001", "38.0%|0.38", "+0.2|0.2"})
    void readsProportionsAndPercentages(String text, double expected) {
        assertEquals(expected, Cells.proportion(text), 0.0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1.2|proportion is not in [0, 1]; write a percentage with its sign, such as 45 %",
            "45|proportion is not in [0, 1]; write a percentage with its sign, such as 45 %",
            "-0.1|proportion is not in [0, 1]; write a percentage with its sign, such as 45 %",
            "112 %|percentage is not in [0, 100] %",
            "-1%|percentage is not in [0, 100] %",
            "NaN|not a number: NaN and infinities are not values",
            "Infinity %|not a number: NaN and infinities are not values",
            "-inf|not a number: NaN and infinities are not values",
            "\u221e|not a number: NaN and infinities are not values",
            "1,000.5|expected one decimal separator, a point or a comma, and no thousands separator",
            "1,2,3|expected one decimal separator, a point or a comma, and no thousands separator",
            "abc|expected a number such as 0.125, 12.5 % or 12,5 %",
            "%|expected a number such as 0.125, 12.5 % or 12,5 %",
            "0x1p-2|expected a number such as 0.125, 12.5 % or 12,5 %",
            "1e-1000|expected a number with at most 400 decimals"})
    void rejectsWhatIsNotAProportion(String text, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> Cells.proportion(text)).getMessage());
    }

    @Test
    void percentagesReadBackExactly() {
        // Percentages are read in decimal, so 45.2 % is the double nearest 0.452, not 45.2 / 100.
        assertEquals(0.452, Cells.proportion("45.2 %"), 0.0);
        assertEquals("45.2%", Cells.percent(0.452));
        assertEquals("44%", Cells.percent(0.44));
        assertEquals("0%", Cells.percent(0.0));
        assertEquals("100%", Cells.percent(1.0));
        for (double p : new double[] {0.1 + 0.2, 1.0 / 3, 45.2 / 100, Math.nextUp(0.5), Double.MIN_VALUE}) {
            assertEquals(p, Cells.proportion(Cells.percent(p)), 0.0, () -> "round trip of " + p);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"1657|1657", "1 657|1657", "1\u00a0657|1657", "007|7", "2147483647|2147483647"})
    void readsWholeNumbers(String text, int expected) {
        assertEquals(expected, Cells.whole(text, 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1,657", "1.657", "-3", "12.0", "two", "1e3"})
    void rejectsWhatIsNotAWholeNumber(String text) {
        assertEquals("expected a positive whole number (digits, optionally grouped by spaces)",
                assertThrows(IllegalArgumentException.class, () -> Cells.whole(text, 1)).getMessage());
    }

    @Test
    void rejectsWholeNumbersOutOfRange() {
        assertEquals("expected a positive whole number",
                assertThrows(IllegalArgumentException.class, () -> Cells.whole("0", 1)).getMessage());
        assertEquals(0, Cells.whole("0", 0));
        assertEquals("number is larger than 2147483647",
                assertThrows(IllegalArgumentException.class, () -> Cells.whole("2147483648", 0)).getMessage());
        assertEquals(22_300_000_000L, Cells.count("22 300 000 000"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {"=SUM(A1)|'=SUM(A1)", "+33 1 23|'+33 1 23", "-5 cats|'-5 cats",
            "@mention|'@mention", "'quoted'|''quoted'", "plain|plain", "|", "a=b|a=b"})
    void guardsFormulasAndReadsThemBack(String text, String guarded) {
        String t = text == null ? "" : text;
        String g = guarded == null ? "" : guarded;
        assertEquals(g, FormulaGuard.guard(t));
        assertEquals(t, FormulaGuard.unguard(FormulaGuard.guard(t)));
    }

    @Test
    void aLeadingQuoteBeforePlainTextIsKept() {
        assertEquals("'hello", FormulaGuard.unguard("'hello"));
        assertEquals("'", FormulaGuard.unguard("'"));
    }

    @Test
    void readsAddressesAndLists() {
        assertEquals("https://issuu.com./x", Cells.uri(" https://issuu.com./x ").toString());
        assertEquals("expected an absolute address such as https://example.org/page",
                assertThrows(IllegalArgumentException.class, () -> Cells.uri("page.html")).getMessage());
        assertEquals("not a valid address: Illegal character in path",
                assertThrows(IllegalArgumentException.class, () -> Cells.uri("https://example.org/a b")).getMessage());
        assertEquals(java.util.List.of("a", "b"), Cells.list(" a | | b |"));
    }
}
