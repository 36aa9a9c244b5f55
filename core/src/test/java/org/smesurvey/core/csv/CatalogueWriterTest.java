package org.smesurvey.core.csv;

import org.smesurvey.core.bundled.Bundled;
import org.smesurvey.core.io.InputSource;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smesurvey.core.Figure;
import org.smesurvey.core.Fixtures;
import org.smesurvey.core.Indicator;
import org.smesurvey.core.NetworkScope;
import org.smesurvey.core.Observation;
import org.smesurvey.core.Population;
import org.smesurvey.core.ReferencePopulations;
import org.smesurvey.core.Region;
import org.smesurvey.core.SizeBand;
import org.smesurvey.core.SizeClass;
import org.smesurvey.core.SizeClassScheme;
import org.smesurvey.core.Study;
import org.smesurvey.core.StudyCatalogue;

class CatalogueWriterTest {

    /** The fixtures plus a study on its own size classes, with text that tests quoting and formula guards. */
    static StudyCatalogue catalogue() {
        SizeClassScheme tpe = new SizeClassScheme("tpe_49", "TPE up to 49, PME 50-249",
                List.of(SizeClass.of("tpe", "TPE", SizeBand.of(0, 49)), SizeClass.of("pme", "+PME", SizeBand.of(50, 249))),
                "=defined by the study");
        Study own = Study.builder("OWN.1").title("\"Quoted\" title, with comma; and semicolon").publisher("@publisher")
                .region(Region.of("BE")).population(new Population("TPE/PME\nof Wallonia", tpe,
                        Optional.of(SizeBand.of(0, 249)), Optional.empty()))
                .notes("-note").build();
        List<Study> studies = new ArrayList<>(Fixtures.catalogue().studies());
        studies.add(own);
        List<Observation> observations = new ArrayList<>(Fixtures.observations());
        observations.add(Observation.builder(own, Indicator.of("social_networks", "Réseaux sociaux – présence"),
                NetworkScope.EXTERNAL, new Figure.WithBase(45.2 / 100, 284)).size("TPE", SizeBand.of(0, 49)).build());
        observations.add(Observation.builder(own, Indicator.of("social_networks", ""), NetworkScope.EXTERNAL,
                new Figure.Unbased(0.1 + 0.2)).designEffect(1.0 / 3).build());
        return StudyCatalogue.of(studies, observations);
    }

    @Test
    void writesWhatTheReaderReadsBack(@TempDir Path dir) throws IOException {
        StudyCatalogue catalogue = catalogue();
        CatalogueWriter.withDefaults().write(catalogue, dir);
        assertEquals(catalogue, CatalogueReader.withDefaults().read(dir));
    }

    @Test
    void roundTripsWithEveryWriterOption(@TempDir Path dir) throws IOException {
        StudyCatalogue catalogue = catalogue();
        CatalogueWriter excel = CatalogueWriter.withDefaults().withDelimiter(';').withDecimalComma(true)
                .withByteOrderMark(true);
        excel.write(catalogue, dir);
        byte[] studies = Files.readAllBytes(dir.resolve("studies.csv"));
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, java.util.Arrays.copyOf(studies, 3));
        String observations = Files.readString(dir.resolve("observations.csv"));
        assertTrue(observations.contains(";45,2%;"), observations);
        assertEquals(catalogue, CatalogueReader.withDefaults().read(dir));

        CatalogueWriter.withDefaults().withDecimalComma(true).write(catalogue, dir);
        assertTrue(Files.readString(dir.resolve("observations.csv")).contains(",\"45,2%\","));
        assertEquals(catalogue, CatalogueReader.withDefaults().read(dir));
    }

    @Test
    void writingIsStable() throws IOException {
        StudyCatalogue catalogue = catalogue();
        byte[][] first = write(catalogue);
        StudyCatalogue read = CatalogueReader.withDefaults().read(InputSource.of("studies.csv", first[0]),
                InputSource.of("observations.csv", first[1]), InputSource.of("size-schemes.csv", first[2]));
        byte[][] second = write(read);
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(first[i], second[i]);
        }
    }

    @Test
    void guardsFormulasAndQuotesWhatNeedsIt() throws IOException {
        byte[][] files = write(catalogue());
        String studies = new String(files[0], StandardCharsets.UTF_8);
        assertTrue(studies.contains(",'@publisher,"), studies);
        assertTrue(studies.contains("\"\"\"Quoted\"\" title, with comma; and semicolon\""), studies);
        assertTrue(studies.contains("\"TPE/PME\nof Wallonia\""), studies);
        String observations = new String(files[1], StandardCharsets.UTF_8);
        assertTrue(observations.contains(",'=SUM(A1) is a note that looks like a formula"), observations);
        assertTrue(observations.contains(",'-stated as 'deux sur dix'"), observations);
        assertTrue(observations.contains(",212,400,,"), "counts are written as x and n");
        assertTrue(observations.contains(",30%,0.4%,"), "a standard error is written as a percentage");
        assertTrue(observations.contains(",12%,,9%,15.5%,90%,"), "an interval with its level");
        String schemes = new String(files[2], StandardCharsets.UTF_8);
        assertEquals("scheme_id,scheme_name,class_code,class_label,size_min,size_max,notes\n"
                + "tpe_49,\"TPE up to 49, PME 50-249\",tpe,TPE,0,49,'=defined by the study\n"
                + "tpe_49,\"TPE up to 49, PME 50-249\",pme,'+PME,50,249,'=defined by the study\n", schemes);
    }

    @Test
    void rejectsOtherDelimiters() {
        assertEquals("Delimiter is not ',' or ';': '\t'",
                assertThrows(IllegalArgumentException.class, () -> CatalogueWriter.withDefaults().withDelimiter('\t'))
                        .getMessage());
    }

    @Test
    void writesPopulationsThatReadBack(@TempDir Path dir) throws IOException {
        ReferencePopulations populations = Bundled.populations();
        Path file = dir.resolve("populations.csv");
        CatalogueWriter.withDefaults().writePopulations(populations, file);
        assertEquals(populations, CatalogueReader.withDefaults().readPopulations(file));
    }

    private static byte[][] write(StudyCatalogue catalogue) throws IOException {
        ByteArrayOutputStream studies = new ByteArrayOutputStream();
        ByteArrayOutputStream observations = new ByteArrayOutputStream();
        ByteArrayOutputStream schemes = new ByteArrayOutputStream();
        CatalogueWriter.withDefaults().write(catalogue, studies, observations, schemes);
        return new byte[][] {studies.toByteArray(), observations.toByteArray(), schemes.toByteArray()};
    }
}
