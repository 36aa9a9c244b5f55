package org.smesurvey.core.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smesurvey.core.Observation;
import org.smesurvey.core.Region;
import org.smesurvey.core.Sectors;
import org.smesurvey.core.SizeBand;
import org.smesurvey.core.io.InputFormatException;
import org.smesurvey.core.io.InputSource;

/**
 * {@link OecdTable} on a table in the OECD API's SDMX-CSV with labels, and {@link OecdFetch} against a server on the
 * loopback address that replays it, or answers 404, late, or with a malformed table. No test reaches the internet.
 */
class OecdTableTest {

    @TempDir
    Path temp;

    private static byte[] fixture() throws IOException {
        try (InputStream in = OecdTableTest.class.getResourceAsStream("ict-bus-sdmx.csv")) {
            return in.readAllBytes();
        }
    }

    private static Imported read(String text) throws IOException {
        return OecdTable.read(InputSource.of("ict-bus.csv", text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void mapsMeasuresSizeClassesActivitiesAndStatus() throws IOException {
        Imported imported = OecdTable.read(InputSource.of("ict-bus.csv", fixture()));
        List<Observation> figures = imported.catalogue().observations();
        assertEquals(6, figures.size(), imported.summary());
        assertEquals(List.of("OECD_ICT_B_CA", "OECD_ICT_B_KR"), imported.catalogue().studies().stream()
                .map(s -> s.id()).toList());
        Observation small = figures.get(1);
        assertEquals(Region.of("CA"), small.region());
        assertEquals("social_media_any", small.indicator().code());
        assertEquals(SizeBand.of(10, 49), small.effectiveSizeBand().orElseThrow());
        assertEquals(0.521, small.figure().proportion(), 1e-15);
        assertTrue(small.notes().endsWith("SMU_B; status E: estimated"), small.notes());
        assertEquals(SizeBand.atLeast(250), figures.get(3).effectiveSizeBand().orElseThrow());
        assertEquals(Optional.of(Sectors.parse("C")), figures.get(4).sectors());
        Observation korea = figures.get(5);
        assertEquals("social_networks", korea.indicator().code());
        assertEquals(2022, korea.year().getAsInt());
        assertTrue(korea.notes().endsWith("status B: break in time series"), korea.notes());
        assertEquals(Map.of("size class _T may mix in micro enterprises", 1L,
                "measure G14_B (Businesses using artificial intelligence (AI)) is not one the catalogue has a code"
                        + " for", 1L,
                "missing (M)", 1L,
                "area OECD is not a country", 1L), imported.leftOut());
    }

    @Test
    void problemsArePlacedByLineAndColumn() throws IOException {
        String text = new String(fixture(), StandardCharsets.UTF_8);
        InputFormatException e = assertThrows(InputFormatException.class, () -> read(text
                .replace("2021,,66,,A", "2021,,6six,,A").replace("S_GE250,250 or more", "S_GE2X,250 or more")
                .replace("2022,,31.7,,B,", "2022,,31.7,,Q,")));
        assertEquals(3, e.count(), e.getMessage());
        assertEquals(List.of(4L, 5L, 8L), e.problems().stream().map(p -> p.line()).toList());
        assertEquals(List.of(19, 15, 21), e.problems().stream().map(p -> p.column()).toList());
        InputFormatException twice = assertThrows(InputFormatException.class, () -> read(text
                + text.lines().skip(1).findFirst().orElseThrow().replace("55.3", "55.4") + "\n"));
        assertTrue(twice.getMessage().contains("given as 55.3 at line 2"), twice.getMessage());
        InputFormatException header = assertThrows(InputFormatException.class, () -> read("REF_AREA,OBS_VALUE\n"));
        assertEquals(1, header.problems().get(0).line(), header.getMessage());
    }

    private HttpServer serve(int status, byte[] body, List<String> asked) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            asked.add(exchange.getRequestURI().getRawPath() + "?" + exchange.getRequestURI().getRawQuery());
            exchange.getResponseHeaders().add("Last-Modified", "Mon, 02 Jun 2025 08:00:00 GMT");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }

    private static OecdFetch fetcher(HttpServer server, Duration timeout) {
        return OecdFetch.of(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/public/rest/"),
                timeout);
    }

    @Test
    void fetchesTheTableWithItsReleaseDate() throws IOException {
        List<String> asked = new CopyOnWriteArrayList<>();
        HttpServer server = serve(200, fixture(), asked);
        try {
            Path dir = temp.resolve("oecd");
            Fetched fetched = fetcher(server, Duration.ofSeconds(10)).fetch(List.of("CA", "kor"),
                    OptionalInt.of(2020), dir);
            assertEquals(List.of("/public/rest/data/OECD.STI.DEP,DSD_ICT_B%40DF_BUSINESSES,1.0/CAN%2BKOR.A..PT_ENT..?"
                    + "startPeriod=2020&dimensionAtObservation=AllDimensions&format=csvfilewithlabels"), asked);
            assertEquals(Optional.of("Mon, 02 Jun 2025 08:00:00 GMT"), fetched.released());
            assertEquals(6, fetched.imported().catalogue().observations().size());
            assertTrue(Files.isRegularFile(dir.resolve("ict-bus.sdmx.csv")));
            assertTrue(Files.readString(dir.resolve("ict-bus.release")).startsWith("url=http://127.0.0.1:"));
        } finally {
            server.stop(0);
        }
        assertEquals(URI.create("https://sdmx.oecd.org/public/rest/data/OECD.STI.DEP,DSD_ICT_B%40DF_BUSINESSES,1.0/"
                + ".A..PT_ENT..?dimensionAtObservation=AllDimensions&format=csvfilewithlabels"),
                OecdFetch.official().url(List.of(), OptionalInt.empty()));
        assertThrows(IllegalArgumentException.class, () -> OecdFetch.official().url(List.of("XX"),
                OptionalInt.empty()));
    }

    @Test
    void failuresSayWhatAndWhereAndWriteNothing() throws IOException {
        List<String> asked = new CopyOnWriteArrayList<>();
        Path dir = temp.resolve("oecd");
        HttpServer missing = serve(404, "NoResultsFound".getBytes(StandardCharsets.UTF_8), asked);
        try {
            FetchException e = assertThrows(FetchException.class, () -> fetcher(missing, Duration.ofSeconds(10))
                    .fetch(List.of("CAN"), OptionalInt.empty(), dir));
            assertTrue(e.getMessage().contains("HTTP 404 (not found) for the OECD's ICT Access and Usage by"
                    + " Businesses (http://127.0.0.1:"), e.getMessage());
        } finally {
            missing.stop(0);
        }
        HttpServer malformed = serve(200, new String(fixture(), StandardCharsets.UTF_8).replace("55.3", "55,3")
                .getBytes(StandardCharsets.UTF_8), asked);
        try {
            InputFormatException e = assertThrows(InputFormatException.class, () -> fetcher(malformed,
                    Duration.ofSeconds(10)).fetch(List.of(), OptionalInt.empty(), dir));
            assertTrue(e.problems().get(0).file().contains("/data/OECD.STI.DEP,DSD_ICT_B%40DF_BUSINESSES,1.0/"),
                    e.getMessage());
            assertEquals(2, e.problems().get(0).line(), e.getMessage());
        } finally {
            malformed.stop(0);
        }
        HttpServer slow = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        slow.createContext("/", exchange -> {
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        slow.start();
        try {
            FetchException e = assertThrows(FetchException.class, () -> fetcher(slow, Duration.ofMillis(250))
                    .fetch(List.of(), OptionalInt.empty(), dir));
            assertTrue(e.getMessage().startsWith("No answer for the OECD's ICT Access and Usage by Businesses within"
                    + " 0.25 seconds"), e.getMessage());
        } finally {
            slow.stop(0);
        }
        assertFalse(Files.exists(dir));
    }
}
