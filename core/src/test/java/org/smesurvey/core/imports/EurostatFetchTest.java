package org.smesurvey.core.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
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
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smesurvey.core.io.InputFormatException;
import org.smesurvey.core.io.InputSource;

/**
 * {@link EurostatFetch} against a server on the loopback address that answers as Eurostat's dissemination API does
 * (SDMX-CSV, a {@code Last-Modified} header, 404 for an unknown dataset), and as it fails: too late, cut off,
 * or with a body that is not a table. No test reaches the internet.
 */
class EurostatFetchTest {

    private static final String LAST_MODIFIED = "Fri, 15 Dec 2023 22:00:00 GMT";

    @TempDir
    Path temp;

    private HttpServer server;
    /** The requests the server received: path, query and If-Modified-Since. */
    private final List<String> asked = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private EurostatFetch fetcher(Duration timeout) {
        return EurostatFetch.builder().baseUrl(URI.create("http://127.0.0.1:" + server.getAddress().getPort()
                + "/eurostat/api/dissemination/sdmx/2.1/")).timeout(timeout).build();
    }

    private static byte[] fixture() throws IOException {
        try (InputStream in = EurostatFetchTest.class.getResourceAsStream("isoc_cismt-sdmx.csv")) {
            return in.readAllBytes();
        }
    }

    /** Serves a body with a status, recording the request. */
    private void serve(int status, byte[] body) {
        server.createContext("/", exchange -> {
            record(exchange);
            String since = exchange.getRequestHeaders().getFirst("If-Modified-Since");
            exchange.getResponseHeaders().add("Last-Modified", LAST_MODIFIED);
            if (LAST_MODIFIED.equals(since)) {
                exchange.sendResponseHeaders(304, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", "text/csv");
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
    }

    private void record(HttpExchange exchange) {
        asked.add(exchange.getRequestURI().getRawPath() + "?" + exchange.getRequestURI().getRawQuery() + " "
                + exchange.getRequestHeaders().getFirst("If-Modified-Since"));
    }

    @Test
    void fetchesCachesWithTheReleaseDateAndReadsWithTheImportersRules() throws IOException {
        serve(200, fixture());
        Path dir = temp.resolve("out");
        Fetched fetched = fetcher(Duration.ofSeconds(10)).fetch("ISOC_CISMT", List.of("eu27_2020",
                "MT", "SE"), OptionalInt.of(2015), dir);
        assertEquals("/eurostat/api/dissemination/sdmx/2.1/data/isoc_cismt/.....EU27_2020%2BMT%2BSE"
                + "?format=SDMX-CSV&startPeriod=2015 null", asked.get(0));
        assertEquals(java.util.Optional.of(LAST_MODIFIED), fetched.released());
        assertFalse(fetched.fromCache());
        assertEquals(dir.resolve("isoc_cismt.sdmx.csv"), fetched.file());
        assertEquals(List.of("isoc_cismt.release", "isoc_cismt.sdmx.csv"), listing(dir));
        assertTrue(java.util.Arrays.equals(fixture(), Files.readAllBytes(fetched.file())));
        Imported direct = EurostatTable.read(InputSource.ofResource(EurostatFetchTest.class,
                "/org/smesurvey/core/imports/isoc_cismt-sdmx.csv"));
        assertEquals(direct.catalogue(), fetched.imported().catalogue());
        assertEquals(direct.leftOut(), fetched.imported().leftOut());

        // The second fetch sends the release date, and Eurostat's 304 reuses the cached table.
        Fetched again = fetcher(Duration.ofSeconds(10)).fetch("isoc_cismt", List.of("EU27_2020",
                "MT", "SE"), OptionalInt.of(2015), dir);
        assertTrue(asked.get(1).endsWith(" " + LAST_MODIFIED));
        assertTrue(again.fromCache());
        assertEquals(direct.catalogue(), again.imported().catalogue());
    }

    @Test
    void releaseDateFallsBackOnTheTablesLastUpdate() throws IOException {
        server.createContext("/", exchange -> {
            byte[] body = fixture();
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        Fetched fetched = fetcher(Duration.ofSeconds(10)).fetch("isoc_cismt", List.of(),
                OptionalInt.empty(), temp);
        assertEquals(java.util.Optional.of("15/12/23 23:00:00"), fetched.released());
        assertTrue(fetched.url().toString().endsWith("/data/isoc_cismt?format=SDMX-CSV"), fetched.url()
                .toString());
    }

    @Test
    void notFoundSaysTheStatusDatasetAndUrlAndWritesNothing() throws IOException {
        serve(404, "No results found".getBytes(StandardCharsets.UTF_8));
        Path dir = temp.resolve("out");
        FetchException e = assertThrows(FetchException.class, () -> fetcher(Duration.ofSeconds(10))
                .fetch("isoc_nosuch", List.of(), OptionalInt.empty(), dir));
        assertTrue(e.getMessage().contains("HTTP 404 (not found) for Eurostat's dataset isoc_nosuch ("
                + e.url() + "): No results found"), e.getMessage());
        assertFalse(Files.exists(dir));
    }

    @Test
    void timeoutSaysHowLongAndWritesNothing() throws IOException {
        server.createContext("/", exchange -> {
            try {
                Thread.sleep(3_000); // past the client's timeout below
                exchange.sendResponseHeaders(200, -1);
            } catch (InterruptedException | IOException e) {
                Thread.currentThread().interrupt();
            } finally {
                exchange.close();
            }
        });
        Path dir = temp.resolve("out");
        FetchException e = assertThrows(FetchException.class, () -> fetcher(Duration.ofMillis(300))
                .fetch("isoc_cismt", List.of(), OptionalInt.empty(), dir));
        assertTrue(e.getMessage().startsWith("No answer for Eurostat's dataset isoc_cismt within 0.3 seconds from"
                + " http://127.0.0.1:"), e.getMessage());
        assertFalse(Files.exists(dir));
    }

    @Test
    void truncatedBodySaysSoAndKeepsTheEarlierCache() throws IOException {
        byte[] body = fixture();
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, body.length); // promises the whole table, sends half of it
            OutputStream out = exchange.getResponseBody();
            out.write(body, 0, body.length / 2);
            out.flush();
            exchange.getHttpContext().getServer().stop(0); // drops the connection mid-body
        });
        Path dir = Files.createDirectories(temp.resolve("out"));
        Files.writeString(dir.resolve("isoc_cismt.sdmx.csv"), "earlier");
        FetchException e = assertThrows(FetchException.class, () -> fetcher(Duration.ofSeconds(10))
                .fetch("isoc_cismt", List.of(), OptionalInt.empty(), dir));
        assertTrue(e.getMessage().startsWith("The answer for Eurostat's dataset isoc_cismt from http://127.0.0.1:"),
                e.getMessage());
        assertTrue(e.getMessage().contains("was cut off before its end (truncated"), e.getMessage());
        assertEquals(List.of("isoc_cismt.sdmx.csv"), listing(dir));
        assertEquals("earlier", Files.readString(dir.resolve("isoc_cismt.sdmx.csv")));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0); // for stop()
    }

    @Test
    void tableCutAtARowIsPlacedByLineAndColumn() throws IOException {
        String text = new String(fixture(), StandardCharsets.UTF_8);
        int cut = text.indexOf("ESTAT", text.indexOf('\n', text.indexOf('\n') + 1)) + 40; // inside line 3
        serve(200, text.substring(0, cut).getBytes(StandardCharsets.UTF_8));
        Path dir = temp.resolve("out");
        InputFormatException e = assertThrows(InputFormatException.class, () -> fetcher(Duration.ofSeconds(10))
                .fetch("isoc_cismt", List.of(), OptionalInt.empty(), dir));
        assertEquals(3, e.problems().get(0).line(), e.getMessage());
        assertTrue(e.problems().get(0).file().endsWith("/data/isoc_cismt?format=SDMX-CSV"), e.getMessage());
        assertFalse(Files.exists(dir));
    }

    @Test
    void malformedBodyIsPlacedByLineAndColumnAndWritesNothing() throws IOException {
        String text = new String(fixture(), StandardCharsets.UTF_8).replace("EU27_2020,2019,95,",
                "EU27_2020,2019,9five,");
        serve(200, text.getBytes(StandardCharsets.UTF_8));
        Path dir = temp.resolve("out");
        InputFormatException e = assertThrows(InputFormatException.class, () -> fetcher(Duration.ofSeconds(10))
                .fetch("isoc_cismt", List.of(), OptionalInt.empty(), dir));
        assertEquals(1, e.problems().size(), e.getMessage());
        assertEquals(3, e.problems().get(0).line());
        assertEquals(10, e.problems().get(0).column());
        assertEquals("9five", e.problems().get(0).value());
        assertTrue(e.getMessage().contains("/data/isoc_cismt?format=SDMX-CSV"), e.getMessage());
        assertFalse(Files.exists(dir));
    }

    @Test
    void anHtmlPageInsteadOfATableIsAProblemAtLineOne() throws IOException {
        serve(200, "<html><body>Service unavailable</body></html>".getBytes(StandardCharsets.UTF_8));
        Path dir = temp.resolve("out");
        InputFormatException e = assertThrows(InputFormatException.class, () -> fetcher(Duration.ofSeconds(10))
                .fetch("isoc_cismt", List.of(), OptionalInt.empty(), dir));
        assertEquals(1, e.problems().get(0).line(), e.getMessage());
        assertFalse(Files.exists(dir));
    }

    @Test
    void refusesWhatItCannotAsk() {
        EurostatFetch fetch = EurostatFetch.official();
        assertEquals(URI.create("https://ec.europa.eu/eurostat/api/dissemination/sdmx/2.1/data/isoc_cismp/"
                + ".....FR?format=SDMX-CSV&startPeriod=2019"), fetch.url("isoc_cismp", List.of("fr"),
                OptionalInt.of(2019)));
        assertThrows(IllegalArgumentException.class, () -> fetch.url("isoc_smp", List.of("FR"),
                OptionalInt.empty()));
        assertThrows(IllegalArgumentException.class, () -> fetch.url("isoc cismt", List.of(), OptionalInt.empty()));
        assertThrows(IllegalArgumentException.class, () -> fetch.url("isoc_cismt", List.of("F/R"),
                OptionalInt.empty()));
        assertThrows(IllegalArgumentException.class, () -> fetch.url("isoc_cismt", List.of(), OptionalInt.of(1800)));
        assertThrows(IllegalArgumentException.class, () -> EurostatFetch.builder().baseUrl(URI.create("ftp://x/")));
        assertThrows(IllegalArgumentException.class, () -> EurostatFetch.builder().timeout(Duration.ZERO));
    }

    private static List<String> listing(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
