package org.smesurvey.core.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.smesurvey.core.NetworkScope;
import org.smesurvey.core.Observation;
import org.smesurvey.core.Region;
import org.smesurvey.core.Sectors;
import org.smesurvey.core.SizeBand;
import org.smesurvey.core.StudyCatalogue;
import org.smesurvey.core.csv.CatalogueReader;
import org.smesurvey.core.csv.CatalogueWriter;
import org.smesurvey.core.io.InputFormatException;
import org.smesurvey.core.io.InputSource;

/**
 * Eurostat's ICT-usage tables in their two bulk formats (excerpts written in Eurostat's formats, see the README
 * beside them): the same 39 values in TSV and SDMX-CSV give the same 25 figures, the 14 others left out with
 * their reasons; codes become bands, sectors, regions, indicators and scopes; flags become notes or leave the value
 * out; bad input is placed by line and column; an imported catalogue writes back and reads again unchanged.
 */
class EurostatTableTest {

    private static Imported tsv() throws IOException {
        return EurostatTable.read(InputSource.ofResource(EurostatTableTest.class, "isoc_cismt.tsv"));
    }

    private static Imported sdmx() throws IOException {
        return EurostatTable.read(InputSource.ofResource(EurostatTableTest.class, "isoc_cismt-sdmx.csv"));
    }

    private static Observation find(StudyCatalogue catalogue, String region, int year, String size, String indicator) {
        return catalogue.observations().stream().filter(o -> o.region().equals(Region.of(region))
                && o.year().getAsInt() == year && o.sizeClass().equals(size)
                && o.indicator().code().equals(indicator) && o.sectors().isEmpty()).findFirst().orElseThrow();
    }

    @Test
    void bothFormatsGiveTheSameFiguresAndCountWhatTheyLeaveOut() throws IOException {
        Imported tsv = tsv();
        Imported sdmx = sdmx();
        assertEquals(25, tsv.catalogue().observations().size(), tsv.summary());
        assertEquals(tsv.catalogue(), sdmx.catalogue());
        assertEquals(tsv.leftOut(), sdmx.leftOut());
        assertEquals(Map.of("indicator E_IACC is not one the catalogue has a code for", 3L,
                "region EA19 is not a country, EU27_2020 or EU28", 3L,
                "unit PC_ENT_SM is not a percentage of all enterprises (PC_ENT)", 3L,
                "not available (:)", 4L,
                "confidential (c)", 1L), tsv.leftOut());
        assertEquals(39, tsv.catalogue().observations().size() + tsv.leftOutCount());
        assertTrue(tsv.summary().startsWith("25 figures in 1 study"), tsv.summary());

        StudyCatalogue catalogue = tsv.catalogue();
        assertEquals("EUROSTAT_ISOC_CISMT", catalogue.studies().get(0).id());
        assertEquals(Region.EU27_2020, catalogue.studies().get(0).region());
        Observation eu = find(catalogue, "EU27_2020", 2021, "10_M", "social_media_any");
        assertEquals(0.59, eu.figure().proportion(), 1e-15);
        assertTrue(eu.figure().base().isEmpty(), "Eurostat publishes no base");
        assertEquals(Optional.of(SizeBand.atLeast(10)), eu.sizeBand());
        assertEquals(NetworkScope.MIXED, eu.scope());
        assertEquals(Optional.of(SizeBand.atLeast(250)), find(catalogue, "EU27_2020", 2019, "GE250",
                "social_media_any").sizeBand());
        assertEquals(Optional.of(SizeBand.of(10, 49)), find(catalogue, "EU27_2020", 2015, "10-49",
                "social_media_any").sizeBand());
        Observation greece = find(catalogue, "EL", 2019, "10_M", "social_media_any");
        assertEquals(Region.of("GR"), greece.region());
        assertTrue(greece.notes().contains("flag b: break in time series"), greece.notes());
        assertTrue(find(catalogue, "SE", 2015, "10_M", "social_media_any").notes().contains("flag e: estimated"));
        assertTrue(find(catalogue, "SE", 2021, "10_M", "social_media_any").notes().contains("low reliability"));
        Observation ict = catalogue.observations().stream().filter(o -> o.sectors().isPresent()
                && o.sectors().get().equals(Sectors.parse("J")) && o.year().getAsInt() == 2021).findFirst()
                .orElseThrow();
        assertEquals(0.81, ict.figure().proportion(), 1e-15);
        Observation manufacturing = catalogue.observations().stream().filter(o -> o.indicator().code()
                .equals("social_networks") && o.sectors().isPresent()).findFirst().orElseThrow();
        assertEquals(Sectors.parse("C"), manufacturing.sectors().get());
        assertEquals(NetworkScope.EXTERNAL, manufacturing.scope());
    }

    @Test
    void anImportedTableWritesBackAndReadsAgainUnchanged(@TempDir Path dir) throws IOException {
        StudyCatalogue imported = tsv().catalogue();
        CatalogueWriter.withDefaults().write(imported, dir);
        assertEquals(imported, CatalogueReader.withDefaults().read(dir));
    }

    private static InputFormatException bad(String name, String content) {
        return assertThrows(InputFormatException.class, () -> EurostatTable.read(InputSource.of(name,
                content.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void badInputIsPlacedByLineAndColumn() {
        String header = "freq,indic_is,size_emp,nace_r2,unit,geo\\TIME_PERIOD\t2019 \t2021 \n";
        InputFormatException flag = bad("isoc_cismt.tsv", header
                + "A,E_SNET,10_M,C10-S951_X_K,PC_ENT,BE\t45 \t50 x\n");
        assertTrue(flag.getMessage().contains("line 2") && flag.getMessage().contains("flag 'x'"), flag.getMessage());
        InputFormatException size = bad("isoc_cismt.tsv", header
                + "A,E_SNET,10_M,C10-S951_X_K,PC_ENT,BE\t45 \t50 \n"
                + "A,E_SNET,SMALL,C10-S951_X_K,PC_ENT,BE\t45 \t50 \n");
        assertTrue(size.getMessage().contains("line 3") && size.getMessage().contains("SMALL"), size.getMessage());
        InputFormatException number = bad("isoc_cismt.tsv", header
                + "A,E_SNET,10_M,C10-S951_X_K,PC_ENT,BE\t45 \t5O \n");
        assertTrue(number.getMessage().contains("column 3") && number.getMessage().contains("5O"),
                number.getMessage());
        InputFormatException dimension = bad("isoc_cismt.tsv",
                "freq,indic_is,size_emp,nace_r2,unit,geo,lev_ict\\TIME_PERIOD\t2019 \n"
                        + "A,E_SNET,10_M,C10-S951_X_K,PC_ENT,BE,HIGH\t45 \n");
        assertTrue(dimension.getMessage().contains("lev_ict"), dimension.getMessage());
        InputFormatException quarterly = bad("isoc_cismt.tsv", header
                + "Q,E_SNET,10_M,C10-S951_X_K,PC_ENT,BE\t45 \t50 \n");
        assertTrue(quarterly.getMessage().contains("not annual"), quarterly.getMessage());
        InputFormatException other = bad("other.csv", "DATAFLOW,LAST UPDATE,freq,indic_is,size_emp,nace_r2,unit,geo,"
                + "TIME_PERIOD,OBS_VALUE,OBS_FLAG\nESTAT:ISOC_CISMT(1.0),x,A,E_SNET,10_M,C10-S951_X_K,PC_ENT,BE,2021,"
                + "150,\n");
        assertTrue(other.getMessage().contains("0 to 100") && other.getMessage().contains("line 2"),
                other.getMessage());
        InputFormatException activity = bad("isoc_cismt.tsv", header
                + "A,E_SNET,10_M,C10-J63,PC_ENT,BE\t45 \t50 \n");
        assertTrue(activity.getMessage().contains("C10-J63"), activity.getMessage());
    }

    private static final String TSV_HEADER = "freq,indic_is,size_emp,nace_r2,unit,geo\\TIME_PERIOD\t2019 \t2021 \n";
    private static final String SDMX_HEADER = "DATAFLOW,LAST UPDATE,freq,indic_is,size_emp,nace_r2,unit,geo,"
            + "TIME_PERIOD,OBS_VALUE,OBS_FLAG\n";

    private static String sdmxRow(String size, String year, String value, String flag) {
        return "ESTAT:ISOC_CISMT(1.0),x,A,E_SNET," + size + ",C10-S951_X_K,PC_ENT,BE," + year + "," + value + ","
                + flag + "\n";
    }

    @ParameterizedTest
    @ValueSource(strings = {"0x1p5", "45d", "45f", "NaN", "Infinity", "1e999", "4_5"})
    void valuesAreDecimalNumbersOnly(String value) {
        InputFormatException e = bad("isoc_cismt.csv", SDMX_HEADER + sdmxRow("10_M", "2021", value, ""));
        assertTrue(e.getMessage().contains("line 2, column 10") && e.getMessage().contains("OBS_VALUE")
                && e.getMessage().contains("expected a decimal number"), e.getMessage());
        InputFormatException t = bad("isoc_cismt.tsv", TSV_HEADER
                + "A,E_SNET,10_M,C10-S951_X_K,PC_ENT,BE\t45 \t" + value + " \n");
        assertTrue(t.getMessage().contains("line 2, column 3") && t.getMessage().contains("expected a decimal number"),
                t.getMessage());
    }

    @Test
    void minusZeroLoadsAsZeroAndACommaAsADecimalSeparator(@TempDir Path dir) throws IOException {
        Imported imported = EurostatTable.read(InputSource.of("isoc_cismt.tsv", (TSV_HEADER
                + "A,E_SNET,10_M,C10-S951_X_K,PC_ENT,BE\t-0 \t45,5 \n").getBytes(StandardCharsets.UTF_8)));
        StudyCatalogue catalogue = imported.catalogue();
        Observation zero = catalogue.observations().stream().filter(o -> o.year().getAsInt() == 2019).findFirst()
                .orElseThrow();
        assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(zero.figure().proportion()));
        Observation comma = catalogue.observations().stream().filter(o -> o.year().getAsInt() == 2021).findFirst()
                .orElseThrow();
        assertEquals(0.455, comma.figure().proportion(), 1e-15);
        CatalogueWriter.withDefaults().write(catalogue, dir);
        assertEquals(catalogue, CatalogueReader.withDefaults().read(dir));
    }

    @ParameterizedTest
    @ValueSource(strings = {"GE99999999999", "99999999999_M", "10-99999999999", "99999999999-99999999999"})
    void aSizeCodeBeyondAnIntIsReportedAtItsCell(String size) {
        InputFormatException e = bad("isoc_cismt.csv", SDMX_HEADER + sdmxRow(size, "2021", "45", ""));
        assertTrue(e.getMessage().contains("line 2, column 5") && e.getMessage().contains(size)
                && e.getMessage().contains("is not a size class"), e.getMessage());
        assertEquals(Optional.empty(), EurostatTable.band(size));
    }

    @Test
    void anUnknownFlagIsPlacedAtTheFlagsCell() {
        InputFormatException e = bad("isoc_cismt.csv", SDMX_HEADER + sdmxRow("10_M", "2021", "45", "x"));
        assertTrue(e.getMessage().contains("line 2, column 11") && e.getMessage().contains("OBS_FLAG")
                && e.getMessage().contains("flag 'x'"), e.getMessage());
        assertEquals(1, e.problems().size(), e.getMessage());
    }

    @Test
    void aBadYearInTheHeaderIsReportedOnceAtItsColumn() {
        InputFormatException e = bad("isoc_cismt.tsv", "freq,indic_is,size_emp,nace_r2,unit,geo\\TIME_PERIOD\t2019Q1 "
                + "\t2021 \n" + "A,E_SNET,10_M,C10-S951_X_K,PC_ENT,BE\t45 \t50 \n"
                + "A,E_SNET,GE250,C10-S951_X_K,PC_ENT,BE\t45 \t50 \n");
        assertEquals(1, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("line 1, column 2") && e.getMessage().contains("2019Q1")
                && e.getMessage().contains("is not a year"), e.getMessage());
    }

    @Test
    void theSameFigureTwiceWithDifferentValuesIsRefusedNamingBothLines() throws IOException {
        InputFormatException e = bad("isoc_cismt.csv", SDMX_HEADER + sdmxRow("10_M", "2021", "45", "")
                + sdmxRow("GE250", "2021", "60", "") + sdmxRow("10_M", "2021", "46", ""));
        assertEquals(1, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("line 4, column 10") && e.getMessage().contains("given as 45 at line 2")
                && e.getMessage().contains("here at line 4") && e.getMessage().contains("second value"),
                e.getMessage());
        InputFormatException t = bad("isoc_cismt.tsv", TSV_HEADER
                + "A,E_SNET,10_M,C10-S951_X_K,PC_ENT,BE\t45 \t50 \n"
                + "A,E_SNET,10_M,C10-S951_X_K,PC_ENT,BE\t45 \t51 \n");
        assertTrue(t.getMessage().contains("line 3, column 3") && t.getMessage().contains("at line 2"),
                t.getMessage());
        Imported same = EurostatTable.read(InputSource.of("isoc_cismt.csv", (SDMX_HEADER
                + sdmxRow("10_M", "2021", "45", "") + sdmxRow("10_M", "2021", "45.0", ""))
                .getBytes(StandardCharsets.UTF_8)));
        assertEquals(1, same.catalogue().observations().size());
        assertEquals(Map.of("repeated with the same value (kept once)", 1L), same.leftOut());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '!', value = {"TAB!tabs", "|!pipes (|)", ";!semicolons"})
    void anSdmxFileWithAnotherSeparatorIsToldSo(String separator, String name) {
        String content = (SDMX_HEADER + sdmxRow("10_M", "2021", "45", "")).replace(",", separator.equals("TAB")
                ? "\t" : separator);
        for (String ending : List.of("\n", "\r\n", "\r")) {
            InputFormatException e = bad("isoc_cismt.csv", "\uFEFF" + content.replace("\n", ending));
            assertEquals(1, e.problems().size(), e.getMessage());
            assertTrue(e.getMessage().contains("line 1") && e.getMessage().contains("the header is separated by "
                    + name + ", not commas") && !e.getMessage().contains("missing required column"), e.getMessage());
        }
    }

    @Test
    void aTsvWithCommasIsToldSo() {
        InputFormatException e = bad("isoc_cismt.tsv", (TSV_HEADER.replace("\t", ",")
                + "A,E_SNET,10_M,C10-S951_X_K,PC_ENT,BE,45 ,50 \n"));
        assertEquals(1, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("line 1") && e.getMessage().contains("is not tab-separated"),
                e.getMessage());
    }

    @Test
    void codesBecomeBandsAndSectors() {
        assertEquals(Optional.of(SizeBand.atLeast(10)), EurostatTable.band("GE10"));
        assertEquals(Optional.of(SizeBand.atLeast(250)), EurostatTable.band("250_M"));
        assertEquals(Optional.of(SizeBand.of(10, 249)), EurostatTable.band("10-249"));
        assertEquals(Optional.of(SizeBand.of(0, 9)), EurostatTable.band("0-9"));
        assertEquals(Optional.empty(), EurostatTable.band("49-10"));
        assertEquals(Optional.of(Optional.of(Sectors.parse("C-E"))), EurostatTable.sectors("C-E"));
        assertEquals(Optional.of(Optional.of(Sectors.parse("G"))), EurostatTable.sectors("G45-G47"));
        assertEquals(Optional.of(Optional.empty()), EurostatTable.sectors("C10-S951_X_K"));
        assertEquals(Optional.empty(), EurostatTable.sectors("X_K"));
    }
}
