package org.smesurvey.stats.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * What the survey parity tests share: the reference files the R scripts of stats/src/test/reference write (lines
 * of fields separated by ";", numbers by ","), the data files they read, and relative comparisons.
 */
final class SurveyReference {

    private final List<String[]> lines;

    private SurveyReference(List<String[]> lines) {
        this.lines = lines;
    }

    /** The lines of a reference file of this package's test resources. */
    static SurveyReference of(String resource) {
        try (InputStream in = SurveyReference.class.getResourceAsStream(resource)) {
            return new SurveyReference(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(l -> l.split(";")).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first line whose first fields are the key. */
    String[] line(String... key) {
        return lines.stream().filter(l -> Arrays.equals(Arrays.copyOf(l, key.length), key)).findFirst()
                .orElseThrow(() -> new AssertionError("No line " + String.join(";", key)));
    }

    /** Every line whose first fields are the key, in order. */
    List<String[]> lines(String... key) {
        return lines.stream().filter(l -> Arrays.equals(Arrays.copyOf(l, key.length), key)).toList();
    }

    /** The rows of a CSV file of this package's test resources, with its header. */
    static List<CSVRecord> csv(String resource) {
        try (InputStream in = SurveyReference.class.getResourceAsStream(resource);
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double[] numbers(List<CSVRecord> rows, String name) {
        return rows.stream().mapToDouble(r -> Double.parseDouble(r.get(name))).toArray();
    }

    static String[] texts(List<CSVRecord> rows, String name) {
        return rows.stream().map(r -> r.get(name)).toArray(String[]::new);
    }

    /** 1 where the column holds the level, else 0. */
    static double[] indicator(List<CSVRecord> rows, String column, String level) {
        return rows.stream().mapToDouble(r -> r.get(column).equals(level) ? 1 : 0).toArray();
    }

    /** Population totals from pairs of a category and its count, in order. */
    static Map<String, Double> totals(Object... pairs) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int k = 0; k < pairs.length; k += 2) {
            map.put((String) pairs[k], ((Number) pairs[k + 1]).doubleValue());
        }
        return map;
    }

    /** Each row of a CSV of this package's test resources as numbers, its first column (a name) left out. */
    static double[][] rowsAfterFirst(String resource) {
        return csv(resource).stream().map(r -> {
            double[] m = new double[r.size() - 1];
            for (int j = 1; j < r.size(); j++) {
                m[j - 1] = Double.parseDouble(r.get(j));
            }
            return m;
        }).toArray(double[][]::new);
    }

    /** The lines R printed after {@code PRINT;what} in a reference file, up to the next PRINT line. */
    static String printed(String resource, String what) {
        try (InputStream in = SurveyReference.class.getResourceAsStream(resource)) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            int from = lines.indexOf("PRINT;" + what) + 1;
            int to = from;
            while (!lines.get(to).startsWith("PRINT;")) {
                to++;
            }
            return String.join("\n", lines.subList(from, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A field's numbers. */
    static double[] values(String field) {
        return Arrays.stream(field.split(",")).mapToDouble(Double::parseDouble).toArray();
    }

    /** Each value within {@code tolerance} relative to max(1, |expected|). */
    static void close(double[] expected, double[] actual, double tolerance, String what) {
        assertEquals(expected.length, actual.length, what + " length");
        for (int j = 0; j < expected.length; j++) {
            assertEquals(expected[j], actual[j], tolerance * Math.max(1, Math.abs(expected[j])), what + " " + j);
        }
    }
}
