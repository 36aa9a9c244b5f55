package org.smesurvey.stats.adoption;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The lines of a reference file written by an R script: a tag, then fields of comma-separated numbers. */
final class ReferenceLines {

    private ReferenceLines() {
    }

    /** A resource of this package as text. */
    static String resource(String name) throws IOException {
        try (InputStream in = ReferenceLines.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("No resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The numbers of the first line of {@code file} starting with {@code tag} (such as {@code TIGHT;}), by field. */
    static double[][] numbers(String file, String tag) throws IOException {
        String line = resource(file).lines().filter(l -> l.startsWith(tag)).findFirst()
                .orElseThrow(() -> new IOException("No line " + tag + " in " + file));
        return Arrays.stream(line.substring(tag.length()).split(";"))
                .map(f -> Arrays.stream(f.split(",")).mapToDouble(Double::parseDouble).toArray())
                .toArray(double[][]::new);
    }
}
