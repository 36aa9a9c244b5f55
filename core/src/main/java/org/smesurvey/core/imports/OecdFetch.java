package org.smesurvey.core.imports;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import org.smesurvey.core.YearRange;

/**
 * Fetches the OECD's ICT Access and Usage by Businesses table (dataflow
 * {@code OECD.STI.DEP,DSD_ICT_B@DF_BUSINESSES,1.0}; Canada, Australia, Japan, Korea, the United States and the
 * other OECD countries) from the OECD's SDMX data API in SDMX-CSV with labels, keeps it on disk with its release
 * date, and reads it with {@link OecdTable}'s rules.
 *
 * <p>The request is {@code BASE/data/OECD.STI.DEP,DSD_ICT_B@DF_BUSINESSES,1.0/KEY?startPeriod=YEAR&}
 * {@code dimensionAtObservation=AllDimensions&format=csvfilewithlabels}, BASE being {@value #OFFICIAL} unless
 * another is given; the key follows the dataflow's dimensions {@code REF_AREA.FREQ.MEASURE.UNIT_MEASURE.ACTIVITY.}
 * {@code SIZE_CLASS}: the countries asked (alpha-3, such as {@code CAN+KOR}, or all), annual, every measure,
 * percentages of enterprises ({@code PT_ENT}), every activity and size class. The table and its release date
 * ({@code Last-Modified}) are kept as {@code ict-bus.sdmx.csv} and {@code ict-bus.release}, written only after
 * the table was read without a problem; as {@link EurostatFetch} does, a second fetch reuses the cached table on
 * 304.
 *
 * <p>Reference: OECD, "API - OECD Data Explorer" (OECD data explainers, 2024).
 *
 * @since 0.2
 */
public final class OecdFetch {

    /** The OECD's SDMX REST API. */
    public static final String OFFICIAL = "https://sdmx.oecd.org/public/rest";

    /** The dataflow of ICT Access and Usage by Businesses. */
    public static final String DATAFLOW = "OECD.STI.DEP,DSD_ICT_B@DF_BUSINESSES,1.0";

    /** The table in the OECD Data Explorer, the source its studies cite. */
    static final String EXPLORER = "https://data-explorer.oecd.org/vis?df%5Bds%5D=dsDisseminateFinalDMZ"
            + "&df%5Bid%5D=DSD_ICT_B%40DF_BUSINESSES&df%5Bag%5D=OECD.STI.DEP";

    private static final Map<String, String> ALPHA3 = alpha3();

    private final URI base;
    private final Duration timeout;

    private OecdFetch(URI base, Duration timeout) {
        this.base = base;
        this.timeout = timeout;
    }

    /**
     * A fetcher of the OECD's API with a 60-second timeout.
     *
     * @return the fetcher
     */
    public static OecdFetch official() {
        return new OecdFetch(URI.create(OFFICIAL), Duration.ofSeconds(60));
    }

    /**
     * A fetcher of another base URL (a mirror, a test server) with a timeout.
     *
     * @param base the API's base URL, http or https; a trailing slash is dropped
     * @param timeout how long a request may wait for the connection and for the answer's headers, positive
     * @return the fetcher
     * @throws IllegalArgumentException if the base is not an absolute http(s) URL or the timeout is not positive
     */
    public static OecdFetch of(URI base, Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The timeout must be positive, not " + timeout);
        }
        return new OecdFetch(EurostatFetch.checkedBase(base), timeout);
    }

    /**
     * The address of the table.
     *
     * @param geos the countries, alpha-2 ({@code CA}) or alpha-3 ({@code CAN}); empty for all
     * @param since the first year, or empty for all years
     * @return the URL
     * @throws IllegalArgumentException if a country is not an ISO 3166-1 code or the year is outside 1900–2100
     */
    public URI url(List<String> geos, OptionalInt since) {
        Objects.requireNonNull(geos, "geos");
        Objects.requireNonNull(since, "since");
        List<String> codes = new ArrayList<>();
        for (String geo : geos) {
            String upper = geo.strip().toUpperCase(Locale.ROOT);
            String three = upper.length() == 2 ? ALPHA3.get(upper) : ALPHA3.containsValue(upper) ? upper : null;
            if (three == null) {
                throw new IllegalArgumentException("'" + geo + "' is not an ISO 3166-1 country code such as CA or"
                        + " CAN");
            }
            codes.add(three);
        }
        StringBuilder query = new StringBuilder();
        if (since.isPresent()) {
            query.append("startPeriod=").append(YearRange.requireYear(since.getAsInt())).append('&');
        }
        query.append("dimensionAtObservation=AllDimensions&format=csvfilewithlabels");
        return URI.create(base + "/data/" + DATAFLOW.replace("@", "%40") + "/" + String.join("%2B", codes)
                + ".A..PT_ENT..?" + query);
    }

    /**
     * Fetches the table into a cache directory and reads it.
     *
     * @param geos the countries, alpha-2 or alpha-3; empty for all
     * @param since the first year, or empty for all years
     * @param directory the cache directory, created if needed; nothing is written to it if the fetch fails
     * @return the table, where it is kept, its release date and what the importer made of it
     * @throws FetchException if the OECD answers with an error status (404 when nothing matches), does not answer
     *         within the timeout, or the body ends early
     * @throws org.smesurvey.core.io.InputFormatException if the body is not a table {@link OecdTable} reads, each
     *         problem placed at its line and column and named by the URL
     * @throws IOException if the cache directory cannot be written
     */
    public Fetched fetch(List<String> geos, OptionalInt since, Path directory) throws IOException {
        Objects.requireNonNull(directory, "directory");
        URI url = url(geos, since);
        return Download.cached(url, timeout, Download.ACCEPT, directory, "ict-bus.sdmx.csv", "ict-bus.release",
                "the OECD's ICT Access and Usage by Businesses", OecdTable::read);
    }

    private static Map<String, String> alpha3() {
        Map<String, String> map = new HashMap<>();
        for (String two : Locale.getISOCountries()) {
            map.put(two, new Locale("", two).getISO3Country());
        }
        return Map.copyOf(map);
    }
}
