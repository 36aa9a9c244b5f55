package org.smesurvey.stats.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smesurvey.stats.EffectiveSample;

/**
 * Case-deletion diagnostics against metafor's {@code influence(res)} on dat.debruin2009's logits: REML without
 * and with the moderator scq (both to 1e-12), and DerSimonian–Laird; and REML on the SME-style and edge sets (a
 * study at 0 and one at n, nearly all at 0, one huge study) (stats/src/test/reference/metafor-influence.R); 1e-8
 * for every diagnostic of every study (relative beyond 1), the influence flags equal.
 */
class InfluenceTest {

    @Test
    void everyDiagnosticIsMetaforsForEveryStudy() throws IOException {
        List<String[]> lines;
        try (InputStream in = InfluenceTest.class.getResourceAsStream("metafor-influence.txt")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(l -> l.split(";")).toList();
        }
        double[] x = numbers(lines.get(0)[1]);
        double[] n = numbers(lines.get(0)[2]);
        double[] scq = numbers(lines.get(0)[3]);
        List<EffectiveSample> samples = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            samples.add(new EffectiveSample(x[i], n[i]));
            labels.add("study " + (i + 1));
        }
        EffectSizes studies = EffectSizes.of(ProportionMeasure.PLO, samples, labels);
        MetaAnalysis reml = MetaAnalysis.withDefaults();
        List<FittedModel> models = new ArrayList<>(List.of(reml.fit(studies),
                reml.fit(studies, Moderators.builder(x.length).numeric("scq", scq).build()),
                MetaAnalysis.withDefaults().withEstimator(Tau2Estimator.DL).fit(studies)));
        List<String> names = new ArrayList<>(List.of("reml", "scq", "dl"));
        int edgeStudies = 0;
        for (String[] edge : lines.stream().filter(l -> l[0].equals("EDGE")).toList()) {
            double[] ex = numbers(edge[2]);
            double[] en = numbers(edge[3]);
            List<EffectiveSample> es = new ArrayList<>();
            for (int i = 0; i < ex.length; i++) {
                es.add(new EffectiveSample(ex[i], en[i]));
            }
            models.add(reml.fit(EffectSizes.of(ProportionMeasure.PLO, es, java.util.stream.IntStream
                    .range(0, ex.length).mapToObj(i -> "study " + (i + 1)).toList())));
            names.add(edge[1]);
            edgeStudies += ex.length;
        }
        int checked = 0;
        for (int m = 0; m < models.size(); m++) {
            Influence influence = Influence.of(models.get(m));
            String name = names.get(m);
            for (String[] l : lines.stream().filter(l -> l[0].equals("INF") && l[1].equals(name)).toList()) {
                int i = Integer.parseInt(l[2]) - 1;
                Influence.Study s = influence.studies().get(i);
                double[] expected = numbers(l[3]);
                double[] actual = {s.rstudent(), s.dffits(), s.cooksDistance(), s.covarianceRatio(), s.tau2Deleted(),
                    s.qeDeleted(), s.hat(), s.weight()};
                for (int c = 0; c < expected.length; c++) {
                    assertEquals(expected[c], actual[c], 1e-8 * Math.max(1, Math.abs(expected[c])),
                            name + " study " + (i + 1) + " column " + c);
                }
                assertEquals(Boolean.parseBoolean(l[4]), s.influential(), name + " study " + (i + 1) + " flag");
                double[] dfbs = numbers(l[5]);
                for (int j = 0; j < dfbs.length; j++) {
                    assertEquals(dfbs[j], s.dfbetas().get(j), 1e-8, name + " study " + (i + 1) + " dfbetas " + j);
                }
                checked++;
            }
        }
        assertEquals(3 * x.length + edgeStudies, checked);
        // Baujat's coordinates, as baujat(res) returns them.
        for (int m = 0; m < models.size(); m++) {
            String name = names.get(m);
            String[] b = lines.stream().filter(l -> l[0].equals("BAUJAT") && l[1].equals(name)).findFirst()
                    .orElseThrow();
            double[] bx = numbers(b[2]);
            double[] by = numbers(b[3]);
            List<Influence.Study> rows = Influence.of(models.get(m)).studies();
            for (int i = 0; i < bx.length; i++) {
                assertEquals(bx[i], rows.get(i).heterogeneity(), 1e-8 * Math.max(1, bx[i]), name + " x " + i);
                assertEquals(by[i], rows.get(i).influenceOnFit(), 1e-8 * Math.max(1, by[i]), name + " y " + i);
            }
        }
        String summary = Influence.of(models.get(0)).summary();
        org.junit.jupiter.api.Assertions.assertTrue(summary.lines().findFirst().orElseThrow().contains(
                "rstudent  dffits cook.d  cov.r tau2.del  QE.del    hat weight    dfbs inf"), summary);
        org.junit.jupiter.api.Assertions.assertTrue(summary.contains("study 1   -0.5208 -0.1513 0.0242 1.1422   0.4319 95.4408 0.0677 6.7705 -0.1506"),
                summary);
        assertThrows(IllegalArgumentException.class, () -> Influence.of(reml.fit(studies.subset(new int[] {0, 1}))));
    }

    private static double[] numbers(String field) {
        return Arrays.stream(field.split(",")).mapToDouble(Double::parseDouble).toArray();
    }
}
