package org.smesurvey.stats.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smesurvey.stats.EffectiveSample;

/**
 * The cumulative meta-analysis against metafor's {@code cumul(res, order = year)} on dat.debruin2009's logits, REML
 * (to 1e-12) and DerSimonian–Laird (stats/src/test/reference/metafor-cumul.R); 1e-8, every column of every row.
 */
class CumulativeTest {

    @Test
    void eachRowIsMetaforsFitOfTheStudiesSoFar() throws IOException {
        List<String[]> lines;
        try (InputStream in = CumulativeTest.class.getResourceAsStream("metafor-cumul.txt")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(l -> l.split(";")).toList();
        }
        double[] x = numbers(lines.get(0)[1]);
        double[] n = numbers(lines.get(0)[2]);
        double[] year = numbers(lines.get(0)[3]);
        List<EffectiveSample> samples = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            samples.add(new EffectiveSample(x[i], n[i]));
            labels.add(String.valueOf(i + 1));
        }
        EffectSizes studies = EffectSizes.of(ProportionMeasure.PLO, samples, labels);
        int checked = 0;
        for (Tau2Estimator estimator : List.of(Tau2Estimator.REML, Tau2Estimator.DL)) {
            Cumulative cumulative = MetaAnalysis.withDefaults().withEstimator(estimator).cumulative(studies, year);
            for (String[] l : lines.stream().filter(l -> l[0].equals("CUMUL") && l[1].equals(estimator.name()))
                    .toList()) {
                int row = Integer.parseInt(l[2]) - 1;
                assertEquals(l[3], cumulative.studies().label(row), "the order of the years, ties as R's order");
                MetaResult r = cumulative.results().get(row);
                double[] expected = numbers(l[4]);
                double[] actual = {r.estimate(), r.standardError(), r.statistic(), r.pValue(),
                    r.confidenceInterval().lower(), r.confidenceInterval().upper(), r.qe(), r.qePValue(), r.tau2(),
                    r.i2(), r.h2()};
                for (int c = 0; c < expected.length; c++) {
                    assertEquals(expected[c], actual[c], 1e-8 * Math.max(1, Math.abs(expected[c])),
                            estimator + " row " + (row + 1) + " column " + c);
                }
                checked++;
            }
        }
        assertEquals(2 * x.length, checked);
        Cumulative reml = MetaAnalysis.withDefaults().cumulative(studies, year);
        assertEquals(x.length, reml.toTable().rowCount());
        assertTrue(reml.summary().lines().skip(1).findFirst().orElseThrow().startsWith("5 "), reml.summary());
        assertThrows(IllegalArgumentException.class, () -> MetaAnalysis.withDefaults().cumulative(studies,
                new double[] {2000}));
    }

    private static double[] numbers(String field) {
        return Arrays.stream(field.split(",")).mapToDouble(Double::parseDouble).toArray();
    }
}
