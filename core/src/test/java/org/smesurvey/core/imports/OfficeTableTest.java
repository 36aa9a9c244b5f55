package org.smesurvey.core.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smesurvey.core.NetworkScope;
import org.smesurvey.core.Observation;
import org.smesurvey.core.Population;
import org.smesurvey.core.Region;
import org.smesurvey.core.RespondentFunction;
import org.smesurvey.core.Sampling;
import org.smesurvey.core.Sectors;
import org.smesurvey.core.SizeBand;
import org.smesurvey.core.SizeClassScheme;
import org.smesurvey.core.Study;
import org.smesurvey.core.StudyCatalogue;
import org.smesurvey.core.StudyMethod;
import org.smesurvey.core.SurveyMode;
import org.smesurvey.core.Weighting;
import org.smesurvey.core.YearRange;
import org.smesurvey.core.csv.CatalogueReader;
import org.smesurvey.core.csv.CatalogueWriter;
import org.smesurvey.core.io.InputFormatException;
import org.smesurvey.core.io.InputSource;

/**
 * A national office's table export mapped by the user — an INE-style table of social-media use by autonomous
 * community, activity and variable, decimal commas, no year or base (see the README beside it): areas narrow the
 * population, activities become sections, variables indicators; what the mapping does not know and what is not
 * available are left out and counted; bad values are placed; the import writes back unchanged.
 */
class OfficeTableTest {

    /** The study of an INE-style table, shared with {@code ImportCorpusTest}. */
    static final Study STUDY = Study.builder("INE_TEST_2022")
            .title("Encuesta sobre el uso de TIC y del comercio electrónico en las empresas 2022 (test table)")
            .publisher("INE-style test table").fieldwork(YearRange.of(2022)).region(Region.of("ES"))
            .population(new Population("empresas de 10 o más empleados", SizeClassScheme.EUROSTAT_ICT,
                    Optional.of(SizeBand.atLeast(10)), Optional.of(Sectors.ICT_SURVEY)))
            .respondents(RespondentFunction.UNKNOWN)
            .method(new StudyMethod(SurveyMode.UNKNOWN, Sampling.PROBABILITY, Weighting.WEIGHTED))
            .sources(List.of(URI.create("https://www.ine.es/"))).build();

    private static OfficeTable mapping() {
        return OfficeTable.forStudy(STUDY).value("Total")
                .area("Comunidades y Ciudades Autónomas", "Total Nacional")
                .sectors("Actividad principal (CNAE 2009)", "Total", Map.of("Industria", Sectors.parse("B-E"),
                        "Construcción", Sectors.parse("F"), "Servicios", Sectors.parse("G-J|L-N")))
                .indicators("Principales variables", Map.of(
                        "% de empresas que utilizaron medios sociales", new OfficeTable.IndicatorCode(
                                "social_media_any", "empresas que utilizaron medios sociales", NetworkScope.MIXED),
                        "% de empresas que utilizaron redes sociales", new OfficeTable.IndicatorCode(
                                "social_networks", "empresas que utilizaron redes sociales", NetworkScope.EXTERNAL)))
                .year(2022).size("10 o más empleados", SizeBand.atLeast(10)).build();
    }

    private static Imported imported() throws IOException {
        return mapping().read(InputSource.ofResource(OfficeTableTest.class, "ine-style.csv"));
    }

    @Test
    void theMappingPlacesEveryCell() throws IOException {
        Imported imported = imported();
        assertEquals(8, imported.catalogue().observations().size(), imported.summary());
        assertEquals(Map.of("activity 'Comercio' has no sections in the mapping", 1L,
                "indicator '% de empresas que pagaron por anunciarse en medios sociales' has no code in the mapping",
                1L, "not available (..)", 1L), imported.leftOut());
        Observation total = imported.catalogue().observations().get(0);
        assertEquals(0.661, total.figure().proportion(), 1e-15);
        assertEquals(2022, total.year().getAsInt());
        assertEquals("", total.denominator());
        assertTrue(total.sectors().isEmpty());
        assertEquals(Optional.of(SizeBand.atLeast(10)), total.sizeBand());
        Observation industry = imported.catalogue().observations().get(1);
        assertEquals(Optional.of(Sectors.parse("B-E")), industry.sectors());
        Observation madrid = imported.catalogue().observations().stream()
                .filter(o -> o.denominator().contains("Madrid")).findFirst().orElseThrow();
        assertEquals("enterprises in Madrid, Comunidad de", madrid.denominator());
        assertEquals(0.705, madrid.figure().proportion(), 1e-15);
        assertEquals(Region.of("ES"), madrid.region());
        assertTrue(imported.catalogue().observations().stream().anyMatch(o -> o.indicator().code()
                .equals("social_networks") && o.scope() == NetworkScope.EXTERNAL));
    }

    @Test
    void anImportedTableWritesBackAndReadsAgainUnchanged(@TempDir Path dir) throws IOException {
        StudyCatalogue catalogue = imported().catalogue();
        CatalogueWriter.withDefaults().write(catalogue, dir);
        assertEquals(catalogue, CatalogueReader.withDefaults().read(dir));
    }

    @Test
    void badInputIsPlacedAndTheMappingChecked() {
        String table = "Comunidades y Ciudades Autónomas;Actividad principal (CNAE 2009);Principales variables;Total\n"
                + "Total Nacional;Total;% de empresas que utilizaron medios sociales;66,1\n"
                + "Andalucía;Total;% de empresas que utilizaron medios sociales;6x,4\n"
                + "Cataluña;Total;% de empresas que utilizaron medios sociales;169,8\n";
        InputFormatException e = assertThrows(InputFormatException.class, () -> mapping().read(InputSource.of(
                "ine.csv", table.getBytes(StandardCharsets.UTF_8))));
        assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("6x,4"), e.getMessage());
        assertTrue(e.getMessage().contains("line 4") && e.getMessage().contains("0 to 100"), e.getMessage());
        InputFormatException missing = assertThrows(InputFormatException.class, () -> mapping().read(InputSource
                .of("ine.csv", "Comunidad;Total\nTotal Nacional;66,1\n".getBytes(StandardCharsets.UTF_8))));
        assertTrue(missing.getMessage().contains("Principales variables"), missing.getMessage());
        assertThrows(IllegalStateException.class, () -> OfficeTable.forStudy(STUDY).value("Total").build());
        assertThrows(IllegalStateException.class, () -> OfficeTable.forStudy(STUDY).build());
    }

    @Test
    void aYearOutsideTheFieldworkIsRefusedNamingTheOption() {
        IllegalArgumentException outside = assertThrows(IllegalArgumentException.class,
                () -> OfficeTable.forStudy(STUDY).year(2019));
        assertEquals("Year is outside the fieldwork 2022 of study INE_TEST_2022: year(2019); the figures' year must"
                + " be within it", outside.getMessage());
        IllegalArgumentException impossible = assertThrows(IllegalArgumentException.class,
                () -> OfficeTable.forStudy(STUDY).year(-5));
        assertEquals("Year is not in 1900-2100: year(-5)", impossible.getMessage());
    }

    @Test
    void theSameFigureTwiceWithDifferentValuesIsRefusedNamingBothLines() throws IOException {
        String header = "Comunidades y Ciudades Autónomas;Actividad principal (CNAE 2009);Principales variables;Total\n";
        String total = "Total Nacional;Total;% de empresas que utilizaron medios sociales;";
        InputFormatException e = assertThrows(InputFormatException.class, () -> mapping().read(InputSource.of(
                "ine.csv", (header + total + "66,1\n" + "Andalucía;Total;% de empresas que utilizaron medios sociales;"
                        + "60,4\n" + total + "66,2\n").getBytes(StandardCharsets.UTF_8))));
        assertEquals(1, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("line 4, column 4") && e.getMessage().contains("given as 66.1 at line 2"
                + " and here at line 4") && e.getMessage().contains("Total Nacional"), e.getMessage());
        Imported same = mapping().read(InputSource.of("ine.csv", (header + total + "66,1\n" + total + "66.1\n")
                .getBytes(StandardCharsets.UTF_8)));
        assertEquals(1, same.catalogue().observations().size());
        assertEquals(Map.of("repeated with the same value (kept once)", 1L), same.leftOut());
    }
}
