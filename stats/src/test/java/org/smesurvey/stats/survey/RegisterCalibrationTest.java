package org.smesurvey.stats.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.smesurvey.core.ReferencePopulation;
import org.smesurvey.core.Sectors;
import org.smesurvey.core.SizeBand;
import org.smesurvey.core.bundled.Bundled;

/**
 * Calibration of a generated survey of German firms of the ICT-survey sections to Destatis's 2022 business register
 * (bundled, one population per section, four bands): the margins' totals as the register gives them, a raking
 * calibration that meets both margins exactly, post-stratification to the cross-table meeting every cell, and clear
 * errors when the margins count different populations. The calibration arithmetic itself is checked against survey
 * in {@link CalibratedModelsTest}; this checks the register's totals reach it intact.
 */
class RegisterCalibrationTest {

    private static final List<SizeBand> BANDS = List.of(SizeBand.of(0, 9), SizeBand.of(10, 49), SizeBand.of(50, 249),
            SizeBand.atLeast(250));
    private static final List<ReferencePopulation> SECTIONS = Sectors.ICT_SURVEY.sections().stream()
            .map(s -> Bundled.populations().population("DESTATIS_URS_2022_" + s.name()).orElseThrow())
            .toList();

    /** 3,000 firms spread at random over the cells band × section, every cell reached, weights 100. */
    private record Survey(SurveyDesign design, String[] band, String[] section) {
    }

    private static Survey survey() {
        SplittableRandom random = new SplittableRandom(2022);
        int n = 3000;
        String[] band = new String[n];
        String[] section = new String[n];
        for (int i = 0; i < n; i++) {
            // every cell gets respondents: the first pass goes round the cells, the rest is random
            int cell = i < SECTIONS.size() * BANDS.size() ? i : random.nextInt(SECTIONS.size() * BANDS.size());
            section[i] = SECTIONS.get(cell / BANDS.size()).sectors().orElseThrow().label();
            band[i] = BANDS.get(cell % BANDS.size()).label();
        }
        double[] weights = new double[n];
        java.util.Arrays.fill(weights, 100);
        return new Survey(SurveyDesign.builder(weights).build(), band, section);
    }

    private static Map<String, Double> weighted(SurveyDesign design, String[] categories) {
        Map<String, Double> sums = new HashMap<>();
        for (int i = 0; i < design.size(); i++) {
            sums.merge(categories[i], design.weight(i), Double::sum);
        }
        return sums;
    }

    @Test
    void theRegistersMarginsAreMetExactly() {
        Map<String, Double> bySection = Calibration.totalsBySection(SECTIONS, BANDS);
        assertEquals(SECTIONS.size(), bySection.size());
        ReferencePopulation manufacturing = SECTIONS.stream().filter(p -> p.id().endsWith("_C")).findFirst()
                .orElseThrow();
        assertEquals(145087 + 41912 + 13439 + 4297, bySection.get("C"), 0.0, "the register's section C");
        ReferencePopulation all = ReferencePopulation.sum("ICT", "ICT-survey sections", SECTIONS);
        Map<String, Double> byBand = Calibration.totalsBySizeBand(all, BANDS);
        assertEquals(bySection.values().stream().mapToDouble(Double::doubleValue).sum(),
                byBand.values().stream().mapToDouble(Double::doubleValue).sum(), 1e-6);
        assertEquals(4297, Calibration.totalsBySizeBandAndSection(SECTIONS, BANDS).get(Calibration.cell("C",
                SizeBand.atLeast(250))), 0.0, manufacturing.id());

        Survey survey = survey();
        SurveyDesign raked = Calibration.calibrate(survey.design(), List.of(survey.band(), survey.section()),
                List.of(byBand, bySection), Calibration.Distance.RAKING, Double.NEGATIVE_INFINITY,
                Double.POSITIVE_INFINITY);
        Map<String, Double> bands = weighted(raked, survey.band());
        Map<String, Double> sections = weighted(raked, survey.section());
        byBand.forEach((label, total) -> assertEquals(total, bands.get(label), 1e-9 * total, "band " + label));
        bySection.forEach((label, total) -> assertEquals(total, sections.get(label), 1e-9 * total, "section "
                + label));
        for (int i = 0; i < raked.size(); i++) {
            assertTrue(raked.weight(i) > 0, "raking keeps weights positive");
        }

        String[] cells = new String[survey.band().length];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = survey.section()[i] + " " + survey.band()[i];
        }
        Map<String, Double> cellTotals = Calibration.totalsBySizeBandAndSection(SECTIONS, BANDS);
        SurveyDesign post = Calibration.postStratify(survey.design(), cells, cellTotals);
        Map<String, Double> posted = weighted(post, cells);
        cellTotals.forEach((label, total) -> assertEquals(total, posted.get(label), 1e-9 * total, label));
    }

    @Test
    void marginsOfDifferentPopulationsAreRefused() {
        Survey survey = survey();
        Map<String, Double> bySection = Calibration.totalsBySection(SECTIONS, BANDS);
        Map<String, Double> halfBands = new java.util.LinkedHashMap<>();
        Calibration.totalsBySizeBand(ReferencePopulation.sum("ICT", "ICT", SECTIONS), BANDS)
                .forEach((label, total) -> halfBands.put(label, total / 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Calibration.calibrate(
                survey.design(), List.of(survey.band(), survey.section()), List.of(halfBands, bySection),
                Calibration.Distance.LINEAR, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY));
        assertTrue(e.getMessage().contains("margin 2"), e.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> Calibration
                .totalsBySection(List.of(Bundled.populations().population("INSEE_TEF_2017").orElseThrow()),
                        BANDS));
        assertTrue(missing.getMessage().contains("INSEE_TEF_2017"), missing.getMessage());
    }
}
