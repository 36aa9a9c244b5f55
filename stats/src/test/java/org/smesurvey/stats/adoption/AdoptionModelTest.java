package org.smesurvey.stats.adoption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smesurvey.core.StudyCatalogue;
import org.smesurvey.stats.meta.Coefficient;
import org.smesurvey.stats.meta.EffectSizes;
import org.smesurvey.stats.meta.Moderators;

/**
 * The adoption model on the bundled catalogue: its design is pinned by adoption-design.csv (what this code built
 * when the reference was made), and its fit agrees with {@code rma.mv(yi, vi, mods, random = ~ 1 | study/figure,
 * method = "REML")} on that design (stats/src/test/reference/metafor-adoption.R, metafor 3.8.1): at 1e-8 with
 * the likelihood maximised tightly in R, within metafor's own precision with its default fit.
 */
class AdoptionModelTest {

    private static AdoptionModel.Fit fit;
    private static List<String[]> design;
    private static List<String[]> reference;

    @BeforeAll
    static void fit() throws IOException {
        fit = AdoptionModel.fit(AdoptionData.of(StudyCatalogue.bundled()));
        design = lines("adoption-design.csv", ",").subList(1, lines("adoption-design.csv", ",").size());
        reference = lines("metafor-adoption.txt", ";");
    }

    private static List<String[]> lines(String resource, String separator) throws IOException {
        try (InputStream in = AdoptionModelTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(l -> l.split(separator)).toList();
        }
    }

    @Test
    void theDesignIsTheOneTheReferenceWasMadeOn() {
        EffectSizes es = fit.data().effectSizes();
        String[] studies = fit.data().studies();
        Moderators m = fit.moderators();
        assertEquals(design.size(), es.size());
        for (int i = 0; i < es.size(); i++) {
            String[] row = design.get(i);
            assertEquals(row[0], studies[i]);
            assertEquals(Double.parseDouble(row[1]), es.yi(i), 0.0);
            assertEquals(Double.parseDouble(row[2]), es.vi(i), 0.0);
            for (int j = 1; j < m.columns(); j++) {
                assertEquals(Double.parseDouble(row[2 + j]), m.value(i, j), 0.0, m.names().get(j));
            }
        }
        assertEquals(List.of("intrcpt", "year", "log size", "year × log size", "indicator other",
                "indicator platform_use", "indicator social_networks", "scope external", "scope internal",
                "sampling convenience"), m.names());
        assertEquals(List.of("sampling unknown"), fit.dropped(), "collinear with the others among these figures");
    }

    @Test
    void theFitIsRmaMvs() {
        for (String[] l : reference) {
            double tolerance = l[0].equals("TIGHT") ? 1e-8 : 1e-6;
            double[] sigma2 = numbers(l[1]);
            double[] beta = numbers(l[2]);
            double[] se = numbers(l[3]);
            assertEquals(sigma2[0], fit.result().clusterVariance(), tolerance, l[0] + " sigma2.1");
            assertEquals(sigma2[1], fit.result().estimateVariance(), tolerance, l[0] + " sigma2.2");
            List<Coefficient> c = fit.result().coefficients();
            for (int j = 0; j < beta.length; j++) {
                assertEquals(beta[j], c.get(j).estimate(), tolerance * Math.max(1, Math.abs(beta[j])), l[0] + " beta " + j);
                assertEquals(se[j], c.get(j).standardError(), tolerance * Math.max(1, se[j]), l[0] + " se " + j);
            }
        }
        Coefficient year = fit.result().coefficients().get(1);
        assertTrue(year.lower() > 0, "adoption rises with time, odds ×" + Math.exp(year.estimate()) + " a year");
        assertEquals(fit.data().entries().stream().map(e -> e.figure().study()).distinct().count(),
                fit.result().clusters(), "one cluster per study");
    }

    private static double[] numbers(String field) {
        return Arrays.stream(field.split(",")).mapToDouble(Double::parseDouble).toArray();
    }
}
