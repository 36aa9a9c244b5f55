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
 * The cumulative meta-analysis against metafor's {@code cumul(res, order)} on dat.debruin2009's logits by year and
 * on the SME-style and edge sets (k = 2, nearly all at 0, one huge study) in reverse order, REML (to 1e-12) and
 * DerSimonian–Laird (stats/src/test/reference/metafor-cumul.R); 1e-8, every column of every row.
 */
class CumulativeTest {

    @Test
    void eachRowIsMetaforsFitOfTheStudiesSoFar() throws IOException {
        List<String[]> lines;
        try (InputStream in = CumulativeTest.class.getResourceAsStream("metafor-cumul.txt")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(l -> l.split(";")).toList();
        }
        int checked = 0;
        for (String[] data : lines.stream().filter(l -> l[0].equals("DATA")).toList()) {
            String set = data[1];
            double[] x = numbers(data[2]);
            double[] n = numbers(data[3]);
            double[] order = numbers(data[4]);
            List<EffectiveSample> samples = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            for (int i = 0; i < x.length; i++) {
                samples.add(new EffectiveSample(x[i], n[i]));
                labels.add(String.valueOf(i + 1));
            }
            EffectSizes studies = EffectSizes.of(ProportionMeasure.PLO, samples, labels);
            for (Tau2Estimator estimator : List.of(Tau2Estimator.REML, Tau2Estimator.DL)) {
                Cumulative cumulative = MetaAnalysis.withDefaults().withEstimator(estimator).cumulative(studies, order);
                for (String[] l : lines.stream().filter(l -> l[0].equals("CUMUL") && l[1].equals(set)
                        && l[2].equals(estimator.name())).toList()) {
                    int row = Integer.parseInt(l[3]) - 1;
                    String where = set + " " + estimator + " row " + (row + 1);
                    assertEquals(l[4], cumulative.studies().label(row), where + ": the order, ties as R's order");
                    MetaResult r = cumulative.results().get(row);
                    double[] expected = numbers(l[5]);
                    double[] actual = {r.estimate(), r.standardError(), r.statistic(), r.pValue(),
                        r.confidenceInterval().lower(), r.confidenceInterval().upper(), r.qe(), r.qePValue(),
                        r.tau2(), r.i2(), r.h2()};
                    for (int c = 0; c < expected.length; c++) {
                        assertEquals(expected[c], actual[c], 1e-8 * Math.max(1, Math.abs(expected[c])),
                                where + " column " + c);
                    }
                    checked++;
                }
            }
        }
        assertEquals(2 * (13 + 8 + 2 + 6 + 4), checked);
        EffectSizes pritz = EffectSizes.of(ProportionMeasure.PLO, new int[] {16, 10, 4}, new int[] {17, 12, 8});
        Cumulative reml = MetaAnalysis.withDefaults().cumulative(pritz, new double[] {3, 1, 2});
        assertEquals(3, reml.toTable().rowCount());
        assertTrue(reml.summary().lines().skip(1).findFirst().orElseThrow().startsWith("Study 2"), reml.summary());
        assertThrows(IllegalArgumentException.class, () -> MetaAnalysis.withDefaults().cumulative(pritz,
                new double[] {2000}));
    }

    private static double[] numbers(String field) {
        return Arrays.stream(field.split(",")).mapToDouble(Double::parseDouble).toArray();
    }
}
