package org.smesurvey.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code smesurvey fetch} against a server on the loopback address that answers in Eurostat's or the OECD's
 * SDMX-CSV, and fails as the API can: each failure a message in words with status 1 (the API) or 2 (the table),
 * nothing written.
 */
class FetchCommandTest {

    /** Eurostat's SDMX-CSV, as the dissemination API sends it; the values are made up for the test. */
    private static final String TABLE = """
            DATAFLOW,LAST UPDATE,freq,indic_is,size_emp,nace_r2,unit,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG
            ESTAT:ISOC_CISMT(1.0),15/12/23 23:00:00,A,E_SM1_GE,10-49,C10-S951_X_K,PC_ENT,FR,2021,45,
            ESTAT:ISOC_CISMT(1.0),15/12/23 23:00:00,A,E_SM1_GE,GE250,C10-S951_X_K,PC_ENT,FR,2021,80,
            ESTAT:ISOC_CISMT(1.0),15/12/23 23:00:00,A,E_SM1_GE,10_M,C10-S951_X_K,PC_ENT,FR,2021,:,c
            ESTAT:ISOC_CISMT(1.0),15/12/23 23:00:00,A,E_IACC,10_M,C10-S951_X_K,PC_ENT,FR,2021,97,
            """;

    @TempDir
    Path temp;

    private HttpServer server;
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/sdmx/2.1";
    }

    private void serve(int status, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            asked.add(exchange.getRequestURI().toString());
            exchange.getResponseHeaders().add("Last-Modified", "Fri, 15 Dec 2023 22:00:00 GMT");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream o = exchange.getResponseBody()) {
                o.write(bytes);
            }
        });
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return Smesurvey.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void fetchesIntoACatalogueTheOtherCommandsRead() throws IOException {
        serve(200, TABLE);
        Path dir = temp.resolve("eurostat");
        assertEquals(0, run("fetch", "eurostat", "isoc_cismt", "--geo", "FR,DE", "--since", "2019", "--out",
                dir.toString(), "--base-url", base()), err());
        assertEquals(List.of("/sdmx/2.1/data/isoc_cismt/.....FR%2BDE?format=SDMX-CSV&startPeriod=2019"), asked);
        String said = out.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("Released Fri, 15 Dec 2023 22:00:00 GMT; kept in "), said);
        assertTrue(said.contains("2 figures in 1 study\n  1 left out: confidential (c)\n"), said);
        assertTrue(Files.isRegularFile(dir.resolve("isoc_cismt.sdmx.csv")));
        assertTrue(Files.readString(dir.resolve("isoc_cismt.release")).contains("released=Fri, 15 Dec 2023"));
        assertEquals(0, run("list", "studies", "--catalogue", dir.toString(), "--bundled=false"), err());
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("EUROSTAT_ISOC_CISMT  FR"), out.toString());
    }

    @Test
    void anUnknownDatasetSaysTheStatusAndWritesNothing() {
        serve(404, "No results found");
        Path dir = temp.resolve("eurostat");
        assertEquals(1, run("fetch", "eurostat", "isoc_nosuch", "--out", dir.toString(), "--base-url", base()));
        assertTrue(err().contains("answered HTTP 404 (not found) for Eurostat's dataset isoc_nosuch (" + base()
                + "/data/isoc_nosuch?format=SDMX-CSV): No results found"), err());
        assertFalse(Files.exists(dir));
    }

    @Test
    void aSlowServerTimesOut() {
        server.createContext("/", exchange -> {
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        Path dir = temp.resolve("eurostat");
        assertEquals(1, run("fetch", "eurostat", "isoc_cismt", "--out", dir.toString(), "--base-url", base(),
                "--timeout", "0.2"));
        assertTrue(err().startsWith("No answer for Eurostat's dataset isoc_cismt within 0.2 seconds"), err());
        assertFalse(Files.exists(dir));
    }

    @Test
    void aMalformedTableIsPlacedByLineAndColumn() {
        serve(200, TABLE.replace("GE250,C10-S951_X_K,PC_ENT,FR,2021,80", "GE250,C10-S951_X_K,PC_ENT,FR,2021,8O"));
        Path dir = temp.resolve("eurostat");
        assertEquals(2, run("fetch", "eurostat", "isoc_cismt", "--out", dir.toString(), "--base-url", base()));
        assertTrue(err().contains(base() + "/data/isoc_cismt?format=SDMX-CSV, line 3, column 10 (OBS_VALUE)"),
                err());
        assertTrue(err().contains("8O"), err());
        assertFalse(Files.exists(dir));
    }

    @Test
    void wrongOptionsAreUsageErrors() {
        assertEquals(2, run("fetch", "eurostat", "isoc_cismt", "--out", temp.toString(), "--timeout", "0"));
        assertTrue(err().contains("--timeout is a number of seconds"), err());
        assertEquals(2, run("fetch", "eurostat", "isoc_cismt", "--out", temp.toString(), "--base-url", "ftp://x/"));
        assertTrue(err().contains("The base URL must be an absolute http or https URL"), err());
        assertEquals(2, run("fetch", "eurostat", "isoc_smp", "--geo", "FR", "--out", temp.toString()));
        assertTrue(err().contains("Countries can be chosen only for"), err());
        assertEquals(0, run("fetch", "eurostat", "--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains(
                "https://ec.europa.eu/eurostat/api/dissemination/sdmx/2.1"), out.toString());
    }

    /** The OECD API's SDMX-CSV with labels; the values and the measure code are made up for the test. */
    private static final String OECD = "STRUCTURE,STRUCTURE_ID,STRUCTURE_NAME,ACTION,REF_AREA,Reference area,FREQ,"
            + "Frequency of observation,MEASURE,Measure,UNIT_MEASURE,Unit of measure,ACTIVITY,Economic activity,"
            + "SIZE_CLASS,Employment size class,TIME_PERIOD,Time period,OBS_VALUE,Observation value,OBS_STATUS,"
            + "Observation status,UNIT_MULT,Unit multiplier,DECIMALS,Decimals\n"
            + "DATAFLOW,OECD.STI.DEP:DSD_ICT_B@DF_BUSINESSES(1.0),ICT Access and Usage by Businesses,I,JPN,Japan,A,"
            + "Annual,SMU_B,Businesses using social media,PT_ENT,Percentage of enterprises,_T,Total - all"
            + " activities,S10T49,From 10 to 49,2021,,38.5,,A,Normal value,0,Units,1,One\n";

    @Test
    void fetchesTheOecdTable() {
        serve(200, OECD);
        Path dir = temp.resolve("oecd");
        assertEquals(0, run("fetch", "oecd", "ict-bus", "--geo", "JP", "--since", "2020", "--out", dir.toString(),
                "--base-url", base()), err());
        assertEquals(List.of("/sdmx/2.1/data/OECD.STI.DEP,DSD_ICT_B%40DF_BUSINESSES,1.0/JPN.A..PT_ENT..?"
                + "startPeriod=2020&dimensionAtObservation=AllDimensions"
                + "&format=csvfilewithlabels"), asked);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("1 figure in 1 study"), out.toString());
        assertTrue(Files.isRegularFile(dir.resolve("ict-bus.sdmx.csv")));
        assertEquals(2, run("fetch", "oecd", "ict-hh", "--out", dir.toString(), "--base-url", base()));
        assertTrue(err().contains("The OECD table fetched is ict-bus"), err());
    }
}
