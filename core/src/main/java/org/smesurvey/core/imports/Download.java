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

/**
 * One HTTP GET into a temporary file, and the atomic placing of files into a cache directory: what the fetchers of
 * Eurostat's and the OECD's tables share. Nothing is written to the cache directory unless every file is ready.
 */
final class Download {

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
                throw new FetchException(url, "The answer for " + what + " from " + url + " was cut off before its"
                        + " end (truncated: " + (e.getMessage() == null ? "the connection closed" : e.getMessage())
                        + "); nothing was written: try again", e);
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
}
