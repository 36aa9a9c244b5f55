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

    /**
     * Asserts that a fit is R's tight one ({@code tight}: variances, coefficients, restricted logLik, each to 1e-8
     * relative to the larger of 1 and the value; the logLik relative to itself).
     */
    static void assertTight(double[][] tight, double[] variances, AdoptionModel.Fit fit) {
        double precision = 1e-8;
        for (int j = 0; j < variances.length; j++) {
            org.junit.jupiter.api.Assertions.assertEquals(tight[0][j], variances[j],
                    precision * Math.max(1, tight[0][j]), "variance " + j);
        }
        double[] phi = fit.coefficients();
        for (int j = 0; j < phi.length; j++) {
            org.junit.jupiter.api.Assertions.assertEquals(tight[1][j], phi[j],
                    precision * Math.max(1, Math.abs(tight[1][j])), fit.names().get(j));
        }
        org.junit.jupiter.api.Assertions.assertEquals(tight[2][0], fit.logLikelihood(),
                precision * Math.abs(tight[2][0]), "restricted logLik");
    }
}
