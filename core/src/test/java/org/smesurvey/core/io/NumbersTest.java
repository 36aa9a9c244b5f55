package org.smesurvey.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumbersTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"8|8", "-3|-3", "+2.5|2.5", "12,5|12.5", ".5|0.5", "1e3|1000", "1 657|1657",
            "1.2E-3|0.0012", "0|0", "4.9e-324|4.9e-324"})
    void readsDecimalNumbers(String text, double expected) {
        assertEquals(expected, Numbers.finite(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0x1p3|expected a decimal number such as 0.125, 12,5 or 1.2e-3",
            "8d|expected a decimal number such as 0.125, 12,5 or 1.2e-3",
            "8f|expected a decimal number such as 0.125, 12,5 or 1.2e-3",
            "1e|expected a decimal number such as 0.125, 12,5 or 1.2e-3",
            "--1|expected a decimal number such as 0.125, 12,5 or 1.2e-3",
            "1.000,5|expected one decimal separator, a point or a comma, and no thousands separator",
            "NaN|not a number: NaN and infinities are not values",
            "-Infinity|not a number: NaN and infinities are not values",
            "1e309|number is too large: beyond ±1.8e308",
            "-1e309|number is too large: beyond ±1.8e308",
            "1e-400|number is too small: it is not zero but rounds to 0",
            "1e9999999|expected a decimal number such as 0.125, 12,5 or 1.2e-3"})
    void refusesWhatIsNotADecimalNumber(String text, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> Numbers.finite(text)).getMessage());
    }
}
