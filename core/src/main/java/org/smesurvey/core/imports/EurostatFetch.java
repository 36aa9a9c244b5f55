package org.smesurvey.core.imports;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.smesurvey.core.YearRange;

/**
 * Fetches a table of Eurostat's ICT usage in enterprises survey (isoc_cismt, isoc_cismp, isoc_cismpol…) from
 * Eurostat's dissemination API in SDMX-CSV, keeps it on disk with its release date, and reads it with
 * {@link EurostatTable}'s rules (the same indicators, size classes, activities and flags).
 *
 * <p>The request is {@code BASE/data/DATASET/KEY?format=SDMX-CSV&startPeriod=YEAR}, BASE being
 * {@value #OFFICIAL} unless another is given. The key filters the countries: the three datasets above have the
 * dimensions {@code freq.indic_is.size_emp.nace_r2.unit.geo}, so that {@code --geo FR,DE} asks for
 * {@code .....FR+DE}; without countries the key is left out, as in Eurostat's own examples
 * ({@code BASE/data/DATASET?format=SDMX-CSV}). In the cache directory the body becomes
 * {@code DATASET.sdmx.csv} and its release date {@code DATASET.release} (the response's {@code Last-Modified}
 * header, else the table's {@code LAST UPDATE} column), both written only after the table was read without a
 * problem, through temporary files moved into place. A second fetch of the same URL sends the release date as
 * {@code If-Modified-Since} and reuses the cached table when Eurostat answers 304 (not modified).
 *
 * <p>Reference: Eurostat, "API - Detailed guidelines - SDMX2.1 API - data query" and "API SDMX 2.1 - data
 * filtering" (Eurostat data dissemination help, 2023).
 *
 * @since 0.2
 */
public final class EurostatFetch {

    /** Eurostat's SDMX 2.1 dissemination API. */
    public static final String OFFICIAL = "https://ec.europa.eu/eurostat/api/dissemination/sdmx/2.1";

    /** The dimensions of the datasets this class can filter by country, geo last. */
    private static final Map<String, List<String>> DIMENSIONS = Map.of(
            "isoc_cismt", List.of("freq", "indic_is", "size_emp", "nace_r2", "unit", "geo"),
            "isoc_cismp", List.of("freq", "indic_is", "size_emp", "nace_r2", "unit", "geo"),
            "isoc_cismpol", List.of("freq", "indic_is", "size_emp", "nace_r2", "unit", "geo"));
    private static final Pattern DATASET = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern GEO = Pattern.compile("[A-Z][A-Z0-9_]*");

    private final URI base;
    private final Duration timeout;

    private EurostatFetch(Builder builder) {
        this.base = builder.base;
        this.timeout = builder.timeout;
    }

    /**
     * A fetcher of Eurostat's official API with a 60-second timeout.
     *
     * @return the fetcher
     */
    public static EurostatFetch official() {
        return builder().build();
    }

    /**
     * A builder, its base URL {@value #OFFICIAL} and its timeout 60 seconds.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The base URL asked.
     *
     * @return the base, without a trailing slash
     */
    public URI base() {
        return base;
    }

    /**
     * How long a request may wait for the connection and for the answer's headers.
     *
     * @return the timeout
     */
    public Duration timeout() {
        return timeout;
    }

    /**
     * The address of a dataset's table.
     *
     * @param dataset the dataset's code, such as {@code isoc_cismt} (any case)
     * @param geos the countries or aggregates kept ({@code FR}, {@code EU27_2020}); empty for all
     * @param since the first year, or empty for all years
     * @return the URL
     * @throws IllegalArgumentException if the dataset or a country is not a code, a year is outside 1900–2100, or
     *         countries are given for a dataset whose dimensions this class does not know
     */
    public URI url(String dataset, List<String> geos, OptionalInt since) {
        String code = dataset(dataset);
        Objects.requireNonNull(geos, "geos");
        Objects.requireNonNull(since, "since");
        String key = "";
        if (!geos.isEmpty()) {
            List<String> dimensions = DIMENSIONS.get(code);
            if (dimensions == null) {
                throw new IllegalArgumentException("Countries can be chosen only for " + new java.util.TreeSet<>(
                        DIMENSIONS.keySet()) + ", whose dimensions are known; fetch " + code + " without them");
            }
            List<String> codes = new ArrayList<>();
            for (String geo : geos) {
                String upper = geo.strip().toUpperCase(Locale.ROOT);
                if (!GEO.matcher(upper).matches()) {
                    throw new IllegalArgumentException("'" + geo + "' is not a country or aggregate code such as FR"
                            + " or EU27_2020");
                }
                codes.add(upper);
            }
            key = "/" + ".".repeat(dimensions.size() - 1) + String.join("%2B", codes);
        }
        StringBuilder query = new StringBuilder("format=SDMX-CSV");
        if (since.isPresent()) {
            query.append("&startPeriod=").append(YearRange.requireYear(since.getAsInt()));
        }
        return URI.create(base + "/data/" + URLEncoder.encode(code, StandardCharsets.UTF_8) + key + "?" + query);
    }

    /**
     * Fetches a dataset's table into a cache directory and reads it.
     *
     * @param dataset the dataset's code, such as {@code isoc_cismt} (any case)
     * @param geos the countries or aggregates kept; empty for all
     * @param since the first year, or empty for all years
     * @param directory the cache directory, created if needed; nothing is written to it if the fetch fails
     * @return the table, where it is kept, its release date and what the importer made of it
     * @throws FetchException if Eurostat answers with an error status (404 for an unknown dataset or a filter
     *         that matches nothing), does not answer within the timeout, or the body ends early
     * @throws org.smesurvey.core.io.InputFormatException if the body is not a table {@link EurostatTable} reads,
     *         each problem placed at its line and column and named by the URL
     * @throws IOException if the cache directory cannot be written
     * @throws IllegalArgumentException as {@link #url}
     */
    public Fetched fetch(String dataset, List<String> geos, OptionalInt since, Path directory) throws IOException {
        Objects.requireNonNull(directory, "directory");
        String code = dataset(dataset);
        URI url = url(code, geos, since);
        return Download.cached(url, timeout, Download.ACCEPT, directory, code + ".sdmx.csv", code + ".release",
                "Eurostat's dataset " + code, source -> EurostatTable.read(source, code));
    }

    private static String dataset(String dataset) {
        Objects.requireNonNull(dataset, "dataset");
        String code = dataset.strip().toLowerCase(Locale.ROOT);
        if (!DATASET.matcher(code).matches()) {
            throw new IllegalArgumentException("'" + dataset + "' is not a Eurostat dataset code such as isoc_cismt");
        }
        return code;
    }

    /**
     * Sets the base URL and the timeout.
     *
     * @since 0.2
     */
    public static final class Builder {
        private URI base = URI.create(OFFICIAL);
        private Duration timeout = Duration.ofSeconds(60);

        private Builder() {
        }

        /**
         * The API's base URL, such as a mirror or a test server; a trailing slash is dropped.
         *
         * @param base the base, http or https
         * @return this builder
         * @throws IllegalArgumentException if it is not an absolute http or https URL
         */
        public Builder baseUrl(URI base) {
            this.base = checkedBase(base);
            return this;
        }

        /**
         * How long a request may wait for the connection and for the answer's headers.
         *
         * @param timeout a positive duration
         * @return this builder
         * @throws IllegalArgumentException if it is not positive
         */
        public Builder timeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("The timeout must be positive, not " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * The fetcher.
         *
         * @return it
         */
        public EurostatFetch build() {
            return new EurostatFetch(this);
        }
    }

    /** An absolute http(s) URL without a trailing slash. */
    static URI checkedBase(URI base) {
        Objects.requireNonNull(base, "base");
        String scheme = base.getScheme();
        if (!base.isAbsolute() || base.getHost() == null
                || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
            throw new IllegalArgumentException("The base URL must be an absolute http or https URL, not '" + base
                    + "'");
        }
        String text = base.toString();
        return URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }
}
