package org.smesurvey.stats.adoption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smesurvey.core.NaceSection;
import org.smesurvey.core.Observation;
import org.smesurvey.core.Region;
import org.smesurvey.core.Sectors;
import org.smesurvey.core.SizeBand;
import org.smesurvey.core.StudyCatalogue;
import org.smesurvey.core.bundled.Bundled;
import org.smesurvey.core.csv.CatalogueReader;
import org.smesurvey.core.io.InputSource;

/**
 * Figures of one sector. The bundled catalogue has none, so six synthetic official surveys (sector-studies.csv and
 * sector-observations.csv, publisher "Synthetic": FR, DE, IT, ES, NL, PL, 2017–2021) are added to it, each with its
 * all-sector figure for 10+ and a figure for accommodation and food services (NACE I, six studies: a coefficient of
 * its own); three of them have one more sector each (G, K, M: one study each, their own effects around
 * {@code sector other}). The fit agrees at 1e-8 with the fixed point computed densely in R 4.2.2 on the same design
 * ({@code Rscript adoption-model.R sector-design.csv sector-model.txt} in stats/src/test/reference, the own sector's
 * variance after the country × kind one).
 */
class AdoptionModelSectorTest {

    private static AdoptionModel.Fit fit;

    @BeforeAll
    static void fit() throws IOException {
        StudyCatalogue synthetic = CatalogueReader.withDefaults().read(
                InputSource.of("sector-studies.csv", bytes("sector-studies.csv")),
                InputSource.of("sector-observations.csv", bytes("sector-observations.csv")));
        fit = AdoptionModel.fit(AdoptionData.of(StudyCatalogue.union(List.of(Bundled.catalogue(), synthetic))));
    }

    private static byte[] bytes(String name) throws IOException {
        try (InputStream in = AdoptionModelSectorTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void aSectorThreeStudiesCarryHasItsCoefficientAndTheOthersTheirOwnEffects() throws IOException {
        assertEquals(new String(bytes("sector-design.csv"), StandardCharsets.UTF_8), fit.design());
        assertEquals(Set.of("I"), fit.sectors());
        assertTrue(fit.names().containsAll(List.of("sector I", "sector other")), fit.names().toString());
        assertTrue(fit.sectorVariance().isPresent());
        assertTrue(fit.summary().contains("own sector sigma^2 = "));
    }

    @Test
    void agreesWithTheFixedPointComputedInR() throws IOException {
        double[][] tight = ReferenceLines.numbers("sector-model.txt", "TIGHT;");
        double[] variances = {fit.countryVariance(), fit.indicatorVariance(), fit.countryKindVariance(),
            fit.sectorVariance().orElseThrow(), fit.studyVariance(AdoptionModel.Source.OFFICIAL_STATISTICS),
            fit.studyVariance(AdoptionModel.Source.PRIVATE_SURVEY), fit.figureVariance()};
        ReferenceLines.assertTight(tight, variances, fit);
    }

    @Test
    void aQuestionCanNameASectorAndOneTheModelLacksCarriesTheSectorVariance() {
        AdoptionModel.Answer all = fit.predict(question(Sectors.ALL));
        AdoptionModel.Answer accommodation = fit.predict(question(Sectors.of(NaceSection.I)));
        assertTrue(accommodation.share() > all.share() + 0.1, accommodation + " " + all);
        AdoptionModel.Answer finance = fit.predict(question(Sectors.of(NaceSection.K)));
        assertFalse(finance.notes().stream().anyMatch(n -> n.contains("between-sector")), finance.notes().toString());
        AdoptionModel.Answer construction = fit.predict(question(Sectors.of(NaceSection.F)));
        assertTrue(construction.notes().contains("sector F has no figure in the model: its interval carries the"
                + " between-sector variance"), construction.notes().toString());
        assertTrue(width(construction) > width(finance), "an unknown sector's interval is wider than a known one's");
    }

    @Test
    void aModelWithoutSectorFiguresRefusesASectorQuestion() {
        AdoptionModel.Fit bundled = AdoptionModel.fit(AdoptionData.of(Bundled.catalogue()));
        assertTrue(bundled.sectorVariance().isEmpty());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> bundled.predict(question(Sectors.of(NaceSection.I))));
        assertEquals("No figure of the model is of a single sector: it cannot answer for sector I; ask for all"
                + " sectors", e.getMessage());
    }

    @Test
    void theGapBetweenTwoSectorsIsNotDecomposed() {
        List<Observation> french = fit.data().entries().stream().map(AdoptionData.Entry::figure)
                .filter(o -> o.study().id().equals("SYNTHETIC_SECTOR_FR")).toList();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GapDecomposition.of(fit, french.get(1), french.get(0)));
        assertTrue(e.getMessage().contains("no sector part"), e.getMessage());
    }

    private static AdoptionModel.Question question(Sectors sectors) {
        return AdoptionModel.Question.builder().band(SizeBand.atLeast(10)).region(Region.of("FR")).year(2019)
                .sectors(sectors).build();
    }

    private static double width(AdoptionModel.Answer answer) {
        return answer.prediction().upper() - answer.prediction().lower();
    }
}
