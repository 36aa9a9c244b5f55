package org.smesurvey.core.csv;

import org.smesurvey.core.io.InputSource;
import org.smesurvey.core.io.Problem;
import org.smesurvey.core.io.FormulaGuard;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smesurvey.core.csv.CsvFiles.OBSERVATIONS;
import static org.smesurvey.core.csv.CsvFiles.SCHEMES;
import static org.smesurvey.core.csv.CsvFiles.STUDIES;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smesurvey.core.Figure;
import org.smesurvey.core.NetworkScope;
import org.smesurvey.core.Observation;
import org.smesurvey.core.Region;
import org.smesurvey.core.RespondentFunction;
import org.smesurvey.core.SizeBand;
import org.smesurvey.core.SizeClassScheme;
import org.smesurvey.core.Study;
import org.smesurvey.core.StudyCatalogue;
import org.smesurvey.core.YearRange;

class CatalogueReaderTest {

    @Test
    void readsStudiesAndObservations() throws IOException {
        StudyCatalogue catalogue = CsvFiles.read(STUDIES, OBSERVATIONS);
        Study s1 = catalogue.study("S1").orElseThrow();
        assertEquals("Survey one", s1.title());
        assertEquals(Optional.of(YearRange.of(2018)), s1.fieldwork());
        assertEquals(SizeClassScheme.EU_2003_361, s1.population().sizeScheme());
        assertEquals(Optional.of(SizeBand.of(10, 249)), s1.population().sizeCoverage());
        assertEquals(OptionalInt.of(400), s1.sampleSize());
        assertEquals(Set.of(RespondentFunction.CEO, RespondentFunction.FINANCE), s1.respondents());
        Study s2 = catalogue.study("S2").orElseThrow();
        assertEquals("ICT usage, 2013-2015", s2.title());
        assertEquals(Set.of(RespondentFunction.UNKNOWN), s2.respondents());
        assertEquals(Optional.of(SizeBand.atLeast(10)), s2.population().sizeCoverage());

        Observation counts = catalogue.observations().get(0);
        assertEquals(new Figure.Counts(212, 400), counts.figure());
        assertEquals(Region.of("FR"), counts.region(), "region defaults to the study's");
        assertEquals(NetworkScope.EXTERNAL, counts.scope());
        Observation unbased = catalogue.observations().get(1);
        assertEquals(new Figure.Unbased(0.19), unbased.figure());
        assertEquals(OptionalInt.of(2013), unbased.year());
        assertEquals("stated as 'deux sur dix'", unbased.notes());
    }

    @Test
    void readsSemicolonsDecimalCommasAndAByteOrderMark() throws IOException {
        String studies = "\uFEFF" + STUDIES.replace(",", ";").replace("\"ICT usage; 2013-2015\"", "\"ICT usage, 2013-2015\"");
        String observations = OBSERVATIONS.replace(",", ";").replace("19 %", "19,0 %");
        assertEquals(CsvFiles.read(STUDIES, OBSERVATIONS), CsvFiles.read(studies, observations));
    }

    @Test
    void readsQuotedDecimalCommasInACommaSeparatedFile() throws IOException {
        StudyCatalogue catalogue = CsvFiles.read(STUDIES, OBSERVATIONS.replace("19 %", "\"12,5 %\""));
        assertEquals(0.125, catalogue.observations().get(1).figure().proportion(), 0.0);
    }

    @Test
    void readsWindowsLineEndingsBlankLinesAndEmptyRows() throws IOException {
        String observations = OBSERVATIONS.replace("\n", "\r\n") + "\r\n,,,,,,,,,,\r\n\r\n";
        assertEquals(CsvFiles.read(STUDIES, OBSERVATIONS), CsvFiles.read(STUDIES.replace("\n", "\r\n"), observations));
    }

    @Test
    void readsColumnsInAnyOrderAndCase() throws IOException {
        String observations = """
                VALUE,Scope,study_id,indicator,n,x,year,region,size_max,size_min,notes
                ,external,S1,social_networks,400,212,,,,,
                19 %,mixed,S2,social_media_any,,,2013,FR,,10,stated as 'deux sur dix'
                """;
        assertEquals(CsvFiles.read(STUDIES, OBSERVATIONS), CsvFiles.read(STUDIES, observations));
    }

    @Test
    void readsEveryFigureForm() throws IOException {
        String observations = """
                study_id,indicator,scope,x,n,value,se,ci_low,ci_high,ci_level,deff
                S1,a,external,3,10,,,,,,
                S1,b,external,,10,30%,,,,,
                S1,c,external,,,0.3,0.02,,,,1.5
                S1,d,external,,250,30 %,,25%,35%,90 %,
                S1,e,external,,,30 %,,25%,35%,,
                S1,f,external,,,30 %,,,,,
                """;
        List<Figure> figures = CsvFiles.read(STUDIES, observations).observations().stream().map(Observation::figure)
                .toList();
        assertEquals(List.of(new Figure.Counts(3, 10), new Figure.WithBase(0.3, 10),
                new Figure.WithStandardError(0.3, 0.02, OptionalInt.empty()),
                new Figure.WithInterval(0.3, 0.25, 0.35, 0.9, OptionalInt.of(250)),
                new Figure.WithInterval(0.3, 0.25, 0.35, 0.95, OptionalInt.empty()), new Figure.Unbased(0.3)), figures);
        assertEquals(1.5, CsvFiles.read(STUDIES, observations).observations().get(2).designEffect().getAsDouble(), 0.0);
    }

    @Test
    void readsStudyDefinedSchemes() throws IOException {
        String studies = STUDIES.replace("eu_2003_361,10,249", "tpe49,0,249");
        Study s1 = CsvFiles.read(studies, OBSERVATIONS, SCHEMES).study("S1").orElseThrow();
        SizeClassScheme tpe = s1.population().sizeScheme();
        assertEquals("tpe49", tpe.id());
        assertEquals(SizeBand.of(0, 49), tpe.sizeClass("tpe").orElseThrow().band());
        assertEquals(CsvFiles.read(STUDIES, OBSERVATIONS), CsvFiles.read(STUDIES, OBSERVATIONS,
                "scheme_id,scheme_name,class_code,class_label,size_min\n"), "a schemes file may be header only");
    }

    @Test
    void removesTheFormulaGuard() throws IOException {
        StudyCatalogue catalogue = CsvFiles.read(STUDIES, OBSERVATIONS.replace("stated as 'deux sur dix'", "'=1+1"));
        assertEquals("=1+1", catalogue.observations().get(1).notes());
    }

    @Test
    void readsWindows1252WhenAsked() throws IOException {
        Charset windows = Charset.forName("windows-1252");
        byte[] studies = STUDIES.replace("Survey one", "Enquête – PME").getBytes(windows);
        CatalogueReader reader = CatalogueReader.withDefaults().withCharset(windows);
        assertEquals(windows, reader.charset());
        StudyCatalogue catalogue = reader.read(InputSource.of("studies.csv", studies),
                InputSource.of("observations.csv", OBSERVATIONS.getBytes(windows)));
        assertEquals("Enquête – PME", catalogue.study("S1").orElseThrow().title());
        assertEquals(StandardCharsets.UTF_8, CatalogueReader.withDefaults().charset());

        CatalogueFormatException e = assertThrows(CatalogueFormatException.class, () -> CatalogueReader.withDefaults()
                .read(InputSource.of("studies.csv", studies), CsvFiles.source("observations.csv", OBSERVATIONS)));
        Problem problem = e.problems().get(0);
        assertEquals(2, problem.line());
        assertEquals(2, problem.column());
        assertEquals("title", problem.columnName());
        assertEquals("byte 0xEA at offset 114", problem.value());
        assertTrue(problem.message().startsWith("not valid UTF-8 text; a file saved by Excel on Windows is usually"
                + " Windows-1252"), problem.message());
    }

    @Test
    void keepsLineNumbersAcrossMultiLineCells() {
        String observations = """
                study_id,indicator,scope,value,notes
                S1,a,external,10%,"a note
                on two lines"
                S1,b,external,1.5,
                """;
        Problem problem = CsvFiles.failure(STUDIES, observations, SCHEMES).problems().get(0);
        assertEquals(4, problem.line());
        assertEquals(4, problem.column());
    }

    @Test
    void readsADirectory(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("studies.csv"), STUDIES.replace("eu_2003_361,10,249", "tpe49,0,249"));
        Files.writeString(dir.resolve("observations.csv"), OBSERVATIONS);
        Files.writeString(dir.resolve("size-schemes.csv"), SCHEMES);
        assertEquals("tpe49", CatalogueReader.withDefaults().read(dir).study("S1").orElseThrow()
                .population().sizeScheme().id());
        Files.delete(dir.resolve("size-schemes.csv"));
        Files.writeString(dir.resolve("studies.csv"), STUDIES);
        assertEquals(CsvFiles.read(STUDIES, OBSERVATIONS), CatalogueReader.withDefaults().read(dir));
    }

    @Test
    void reportsMissingFilesOfADirectory(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("observations.csv"), OBSERVATIONS);
        CatalogueFormatException e = assertThrows(CatalogueFormatException.class,
                () -> CatalogueReader.withDefaults().read(dir));
        assertEquals(List.of("studies.csv: file not found in the catalogue directory " + dir.toAbsolutePath()),
                e.problems().stream().map(Problem::toString).toList());
        Files.createDirectory(dir.resolve("studies.csv"));
        assertEquals(List.of("studies.csv: is a directory, expected a file, in the catalogue directory "
                + dir.toAbsolutePath()), assertThrows(CatalogueFormatException.class,
                () -> CatalogueReader.withDefaults().read(dir)).problems().stream().map(Problem::toString).toList());
    }
}
