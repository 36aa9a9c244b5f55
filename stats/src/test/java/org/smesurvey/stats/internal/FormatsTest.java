package org.smesurvey.stats.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * R's column formats against R 4.2.2: {@code format.pval(x, digits = 3)} and {@code format(x, digits = 4)}, the
 * values and texts as R printed them ({@code paste(format.pval(x, digits = 3), collapse = "|")}; NaN as
 * {@code printCoefmat} shows it, where format.pval alone would say NA).
 */
class FormatsTest {

    private static double[] numbers(String values) {
        return Arrays.stream(values.split(",")).mapToDouble(Double::parseDouble).toArray();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "1e-20,0.104,3.5e-9; < 2e-16|0.104|3.5e-09",
        "1e-20; <2e-16",
        "0.4473,0.6253,0.0017,1.26e-5,8.95e-6; 0.4473|0.6253|0.0017|1.26e-05|8.95e-06",
        "0.5,1e-300,2e-4; 5e-01|<2e-16|2e-04",
        "1e-17,0.0123; <2e-16|0.0123",
        "NaN,0.0123; NaN|0.0123"})
    void pValuesAreFormatPval(String values, String texts) {
        assertArrayEquals(texts.split("\\|"), Formats.pValues(numbers(values), 3));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "865.9912,-0.5628,8.5354; 865.9912|-0.5628|8.5354",
        "0.0017,0.4473; 0.0017|0.4473",
        "101.459,-1.632; 101.459|-1.632",
        "1.5,2.25,100; 1.50|2.25|100.00"})
    void columnsAreFormat(String values, String texts) {
        // R pads to a common width; the texts here are unpadded
        assertArrayEquals(texts.split("\\|"), Formats.significant(numbers(values), 4));
    }
}
