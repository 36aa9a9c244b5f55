package org.smesurvey.core.imports;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.smesurvey.core.io.InputSource;

/**
 * One HTTP GET into a temporary file, and the atomic placing of files into a cache directory: what the fetchers of
 * Eurostat's and the OECD's tables share. Nothing is written to the cache directory unless every file is ready.
 */
final class Download {

    /**
     * The media types asked for: CSV first, anything after it, as the format is in the URL; a bare
     * {@code text/csv} is refused by Eurostat (406) and the OECD (500).
     */
    static final String ACCEPT = "text/csv, */*;q=0.1";

    /** The longest part of an error body quoted in a message. */
    private static final int QUOTED = 200;

    private Download() {
    }

    /**
     * What a request brought.
     *
     * @param file the body in a temporary file outside the cache, or empty when the cached copy is current (304)
     * @param lastModified the response's {@code Last-Modified} header, if any
     */
    record Response(Optional<Path> file, Optional<String> lastModified) {
    }

    /**
     * Asks for a URL and saves the body to a temporary file.
     *
     * @param url the address
     * @param timeout how long to wait for the connection and for the response's headers
     * @param accept the media type asked for
     * @param ifModifiedSince the cached copy's release date, sent so that an unchanged table is not sent again
     * @param what what is asked, for messages: "Eurostat's dataset isoc_cismt"
     * @throws FetchException for an error status, a timeout, or a body that ends early
     * @throws IOException if the temporary file cannot be written
     */
    static Response get(URI url, Duration timeout, String accept, Optional<String> ifModifiedSince, String what)
            throws IOException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout).header("Accept", accept)
                .header("Accept-Encoding", "identity").GET();
        ifModifiedSince.ifPresent(date -> request.header("If-Modified-Since", date));
        Path body = Files.createTempFile("smesurvey-fetch-", ".part");
        boolean kept = false;
        try {
            HttpResponse<Path> response;
            try {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofFile(body));
            } catch (HttpTimeoutException e) {
                throw new FetchException(url, String.format(Locale.ROOT, "No answer for %s within %s seconds from"
                        + " %s: try again later, or allow longer (--timeout)", what,
                        java.math.BigDecimal.valueOf(timeout.toMillis(), 3).stripTrailingZeros().toPlainString(),
                        url), e);
            } catch (java.net.ConnectException e) {
                throw new FetchException(url, "Cannot connect to " + url.getHost() + " for " + what + " (" + url
                        + "): check the network or the base URL", e);
            } catch (IOException e) {
                // HttpClient says "fixed content-length: N, bytes received: M" or "EOF reached while reading" when
                // the connection closes inside the body; anything else failed before an answer came.
                String detail = e.getMessage() == null ? "the connection closed" : e.getMessage();
                boolean cut = detail.contains("content-length") || detail.contains("EOF")
                        || detail.contains("closed");
                throw new FetchException(url, cut ? "The answer for " + what + " from " + url + " was cut off"
                        + " before its end (truncated: " + detail + "); nothing was written: try again"
                        : "The request for " + what + " to " + url + " failed (" + detail + "); nothing was"
                        + " written: check the network or the base URL", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FetchException(url, "Interrupted while fetching " + what + " from " + url, e);
            }
            Optional<String> lastModified = response.headers().firstValue("Last-Modified");
            int status = response.statusCode();
            if (status == 304 && ifModifiedSince.isPresent()) {
                return new Response(Optional.empty(), lastModified.or(() -> ifModifiedSince));
            }
            if (status != 200) {
                throw new FetchException(url, String.format(Locale.ROOT, "%s answered HTTP %d%s for %s (%s)%s",
                        url.getHost(), status, status == 404 ? " (not found)" : "", what, url, quote(body)), null);
            }
            kept = true;
            return new Response(Optional.of(body), lastModified);
        } finally {
            if (!kept) {
                Files.deleteIfExists(body);
            }
        }
    }

    /** The start of an error body, on one line, or nothing if it is empty or unreadable. */
    private static String quote(Path body) {
        try {
            String text = new String(Files.readAllBytes(body), StandardCharsets.UTF_8).replaceAll("\\s+", " ")
                    .strip();
            if (text.isEmpty()) {
                return "";
            }
            return ": " + (text.length() <= QUOTED ? text : text.substring(0, QUOTED) + "…");
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * Places files into a directory, created if needed: each is first copied beside its final name, then every
     * copy is moved into place (atomically where the file system can), so that a failure leaves no partial file.
     *
     * @param directory the cache directory
     * @param sources the temporary files
     * @param names their final names in the directory, in the same order
     * @throws IOException if the directory or a file cannot be written
     */
    static void place(Path directory, List<Path> sources, List<String> names) throws IOException {
        Files.createDirectories(directory);
        List<Path> copies = new ArrayList<>();
        try {
            for (int i = 0; i < sources.size(); i++) {
                Path copy = directory.resolve("." + names.get(i) + ".part");
                Files.copy(sources.get(i), copy, StandardCopyOption.REPLACE_EXISTING);
                copies.add(copy);
            }
            for (int i = 0; i < copies.size(); i++) {
                Path target = directory.resolve(names.get(i));
                try {
                    Files.move(copies.get(i), target, StandardCopyOption.ATOMIC_MOVE,
                            StandardCopyOption.REPLACE_EXISTING);
                } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                    Files.move(copies.get(i), target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } finally {
            for (Path copy : copies) {
                Files.deleteIfExists(copy);
            }
        }
    }

    /** Reads a fetched table. */
    @FunctionalInterface
    interface Importer {
        Imported read(InputSource source) throws IOException;
    }

    /**
     * Fetches a table into a cache directory and reads it: the table is read from a temporary file, its problems
     * named by the URL, and only a table read without a problem is moved into the directory with its release file.
     * A cached table of the same URL is asked for with {@code If-Modified-Since} and reused on 304.
     *
     * @param url the address
     * @param timeout how long to wait
     * @param accept the media type asked for
     * @param directory the cache directory
     * @param tableName the table's file name there
     * @param releaseName the release file's name there
     * @param what what is asked, for messages
     * @param importer how the table is read
     * @return the fetched table
     * @throws IOException as {@link #get}, the importer, or the directory
     */
    static Fetched cached(URI url, Duration timeout, String accept, Path directory, String tableName,
            String releaseName, String what, Importer importer) throws IOException {
        Path cachedTable = directory.resolve(tableName);
        Optional<Release> cached = Release.read(directory.resolve(releaseName))
                .filter(r -> r.url().equals(url.toString()) && Files.isRegularFile(cachedTable));
        Response response = get(url, timeout, accept, cached.flatMap(Release::released), what);
        if (response.file().isEmpty()) {
            Imported imported = importer.read(source(url, cachedTable));
            return new Fetched(url, cachedTable, cached.flatMap(Release::released), true, imported);
        }
        Path body = response.file().get();
        Path release = null;
        try {
            Imported imported = importer.read(source(url, body));
            Optional<String> released = response.lastModified().or(() -> lastUpdate(body));
            release = Files.createTempFile("smesurvey-release-", ".part");
            Files.writeString(release, new Release(url.toString(), released).text(), StandardCharsets.UTF_8);
            place(directory, List.of(body, release), List.of(tableName, releaseName));
            return new Fetched(url, cachedTable, released, false, imported);
        } finally {
            Files.deleteIfExists(body);
            if (release != null) {
                Files.deleteIfExists(release);
            }
        }
    }

    /** The file, its problems named by the URL it came from. */
    private static InputSource source(URI url, Path file) {
        return new InputSource(url.toString(), () -> Files.newInputStream(file));
    }

    /** The {@code LAST UPDATE} of the table's first row (Eurostat's SDMX-CSV), when its header has that column. */
    private static Optional<String> lastUpdate(Path table) {
        try (java.io.BufferedReader in = Files.newBufferedReader(table, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            String first = in.readLine();
            if (header == null || first == null) {
                return Optional.empty();
            }
            List<String> names = List.of(header.replace("\uFEFF", "").split(",", -1));
            String[] cells = first.split(",", -1);
            int column = names.indexOf("LAST UPDATE");
            return column >= 0 && column < cells.length && !cells[column].isBlank()
                    ? Optional.of(cells[column].strip()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The release file: the URL asked and the release date, one {@code name=value} a line. */
    record Release(String url, Optional<String> released) {

        String text() {
            return "url=" + url + "\n" + released.map(r -> "released=" + r + "\n").orElse("");
        }

        static Optional<Release> read(Path file) {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            try {
                String url = null;
                String released = null;
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (line.startsWith("url=")) {
                        url = line.substring(4);
                    } else if (line.startsWith("released=")) {
                        released = line.substring(9);
                    }
                }
                return url == null ? Optional.empty() : Optional.of(new Release(url, Optional.ofNullable(released)));
            } catch (IOException e) {
                return Optional.empty(); // an unreadable cache is fetched again, never trusted
            }
        }
    }
}
