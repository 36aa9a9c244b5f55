package org.smesurvey.stats.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link PooledModel#summary()} against metafor's own {@code print(res)}, line by line (trailing blanks aside), and
 * {@link PooledModel#fitStatistics(boolean)} against {@code fitstats(res, REML = FALSE)} and {@code REML = TRUE}:
 * stats/src/test/reference/metafor-print.R (R 4.2.2, metafor 3.8.1) on {@code escalc("PLO", xi, ni)} of
 * {@code dat.debruin2009} and {@code dat.pritz1997}.
 */
class MetaforLayoutTest {

    private static final double TOLERANCE = 1e-8;
    private static final double[] YEAR = {2005, 2003, 2003, 2006, 1999, 2002, 2003, 2005, 2005, 2000, 2005, 2006, 2006};
    private static final String[] SELECT = {"no", "yes", "no", "no", "no", "yes", "no", "no", "yes", "no", "yes", "yes", "no"};
    private static final Map<String, List<String>> PRINTED = new LinkedHashMap<>();
    private static final Map<String, String[]> FITSTATS = new LinkedHashMap<>();

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = MetaforLayoutTest.class.getResourceAsStream("metafor-print.txt")) {
            String name = null;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1)) {
                if (line.startsWith("### ")) {
                    name = line.substring(4);
                    PRINTED.put(name, new ArrayList<>());
                } else if (line.startsWith("FITSTATS;")) {
                    FITSTATS.put(name, line.split(";"));
                } else if (name != null) {
                    PRINTED.get(name).add(line.stripTrailing());
                }
            }
        }
    }

    private static PooledModel fit(String name) {
        int[][] debruin = MetaforParityTest.SETS.get("debruin2009");
        int[][] pritz = MetaforParityTest.SETS.get("pritz1997");
        EffectSizes db = EffectSizes.of(ProportionMeasure.PLO, debruin[0], debruin[1]);
        Moderators yearAndSelect = Moderators.builder(YEAR.length).numeric("year", YEAR).factor("select", SELECT).build();
        Moderators year = Moderators.builder(YEAR.length).numeric("year", YEAR).build();
        MetaAnalysis reml = MetaAnalysis.withDefaults().withTolerance(1e-13);
        MetaAnalysis ee = MetaAnalysis.withDefaults().withEstimator(Tau2Estimator.EE);
        MetaAnalysis dlKnha = MetaAnalysis.withDefaults().withEstimator(Tau2Estimator.DL).withKnappHartung(true);
        return switch (name) {
            case "re_reml" -> reml.fit(db);
            case "me_reml" -> reml.fit(db, yearAndSelect);
            case "ee" -> ee.fit(db);
            case "ee_mods" -> ee.fit(db, yearAndSelect);
            case "re_dl_knha" -> dlKnha.fit(EffectSizes.of(ProportionMeasure.PLO, pritz[0], pritz[1]));
            case "me_dl_knha" -> dlKnha.fit(db, year);
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static List<String> trimmed(List<String> lines) {
        List<String> copy = new ArrayList<>(lines);
        while (!copy.isEmpty() && copy.get(copy.size() - 1).isEmpty()) {
            copy.remove(copy.size() - 1);
        }
        return copy;
    }

    @ParameterizedTest
    @ValueSource(strings = {"re_reml", "me_reml", "ee", "ee_mods", "re_dl_knha", "me_dl_knha"})
    void printsAsMetafor(String name) {
        List<String> ours = Arrays.stream(fit(name).summary().split("\n", -1)).map(String::stripTrailing).toList();
        assertEquals(String.join("\n", trimmed(PRINTED.get(name))), String.join("\n", trimmed(ours)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"re_reml", "me_reml", "ee", "ee_mods", "re_dl_knha", "me_dl_knha"})
    void fitStatisticsAgreeWithMetafor(String name) {
        PooledModel model = fit(name);
        String[] line = FITSTATS.get(name);
        for (boolean restricted : new boolean[] {false, true}) {
            double[] expected = Arrays.stream(line[restricted ? 3 : 2].split(",")).mapToDouble(Double::parseDouble)
                    .toArray();
            FitStatistics s = model.fitStatistics(restricted);
            double[] actual = {s.logLikelihood(), s.deviance(), s.aic(), s.bic(), s.aicc()};
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], actual[i], TOLERANCE * Math.max(1, Math.abs(expected[i])),
                        name + (restricted ? " REML " : " ML ") + i);
            }
        }
    }

    /** {@code print(trimfill(rma(yi, vi, data = pz, control = con), estimator = e, control = con))}. */
    @ParameterizedTest
    @ValueSource(strings = {"L0", "R0"})
    void trimAndFillPrintsAsMetafor(String estimator) {
        int[][] pritz = MetaforParityTest.SETS.get("pritz1997");
        TrimAndFill tf = MetaAnalysis.withDefaults().withTolerance(1e-13).trimAndFill(
                EffectSizes.of(ProportionMeasure.PLO, pritz[0], pritz[1]), TrimAndFill.Estimator.valueOf(estimator));
        List<String> ours = Arrays.stream(tf.summary().split("\n", -1)).map(String::stripTrailing).toList();
        assertEquals(String.join("\n", trimmed(PRINTED.get("trimfill_" + estimator))), String.join("\n", trimmed(ours)));
    }
}
