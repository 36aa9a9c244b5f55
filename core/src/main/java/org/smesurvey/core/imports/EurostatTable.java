package org.smesurvey.core.imports;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.smesurvey.core.Figure;
import org.smesurvey.core.Indicator;
import org.smesurvey.core.NaceSection;
import org.smesurvey.core.NetworkScope;
import org.smesurvey.core.Observation;
import org.smesurvey.core.Population;
import org.smesurvey.core.Region;
import org.smesurvey.core.RespondentFunction;
import org.smesurvey.core.Sampling;
import org.smesurvey.core.Sectors;
import org.smesurvey.core.SizeBand;
import org.smesurvey.core.SizeClassScheme;
import org.smesurvey.core.Study;
import org.smesurvey.core.StudyCatalogue;
import org.smesurvey.core.StudyMethod;
import org.smesurvey.core.SurveyMode;
import org.smesurvey.core.Weighting;
import org.smesurvey.core.YearRange;
import org.smesurvey.core.io.CsvFile;
import org.smesurvey.core.io.CsvReader;
import org.smesurvey.core.io.InputFormatException;
import org.smesurvey.core.io.InputSource;
import org.smesurvey.core.io.Numbers;
import org.smesurvey.core.io.Problems;
import org.smesurvey.core.io.Row;
import org.smesurvey.core.io.TableSpec;

/**
 * Reads a Eurostat table of the ICT usage in enterprises survey — isoc_cismt (social media use by type), isoc_cismp
 * (purpose), isoc_smp and relatives — into a catalogue: one study per dataset, one figure per geo, indicator, size
 * class, sector aggregate and year.
 *
 * <p>Two formats, told apart by their header: <b>SDMX-CSV</b> (the dissemination API's {@code format=SDMX-CSV},
 * one observation per line: {@code DATAFLOW}, {@code LAST UPDATE}, the dimensions, {@code TIME_PERIOD},
 * {@code OBS_VALUE}, {@code OBS_FLAG}), and the <b>TSV</b> of the bulk download (one time series per line, the
 * first cell the series key {@code freq,indic_is,size_emp,nace_r2,unit,geo\TIME_PERIOD}, then one cell per year
 * holding the value, a space and its flags; {@code :} when no value is available). The dimensions read are
 * {@code freq} (annual only), {@code indic_is}, {@code size_emp} or {@code sizen_r2}, {@code nace_r2},
 * {@code unit} and {@code geo}; another dimension is a problem, as it would merge figures that differ.
 *
 * <p>Codes and what they become:
 * <ul>
 *   <li>indicators: {@code E_SM1_GE} social_media_any (mixed networks), {@code E_SM2_GE} several_social_media_types
 *       (mixed), {@code E_SNET} social_networks (external), {@code E_BLOG} blogs_microblogs (external),
 *       {@code E_MMCS} multimedia_sharing (external), {@code E_WIKI} wikis (mixed); any other indicator is left
 *       out and counted;</li>
 *   <li>units: {@code PC_ENT} (percentage of enterprises) becomes the proportion; another unit is left out and
 *       counted;</li>
 *   <li>size classes: {@code 10_M} or {@code GE10} (10 or more persons employed), {@code GE250} or
 *       {@code 250_M}, and any {@code A-B} ({@code 10-49}, {@code 50-249}, {@code 10-249}, {@code 0-9}) become
 *       employee bands; {@code TOTAL} is left out (it mixes the optional micro enterprises in);</li>
 *   <li>activities: {@code C10-S951_X_K} (all the survey covers: C–J, L–N and 95.1) is the study's population;
 *       a section's letter, a range of sections ({@code C-E}) or of divisions within one section
 *       ({@code C10-C33}, {@code G45-G47}) become sectors; another aggregate is a problem;</li>
 *   <li>regions: countries (EL and UK accepted) and EU27_2020 and EU28; other aggregates (EA, EU15…) are left out
 *       and counted;</li>
 *   <li>flags: {@code b} break in series, {@code e} estimated, {@code u} low reliability, {@code p} provisional,
 *       {@code d} definition differs, {@code r} revised, {@code s} Eurostat estimate, {@code n} not significant
 *       go into the figure's notes; {@code c} (confidential), {@code z} (not applicable) and {@code :} (not
 *       available) leave the value out, counted; another letter is a problem.</li>
 * </ul>
 * Values are decimal numbers ({@code 45}, {@code 45.5}; {@code -0} is 0). A figure given twice (the same
 * indicator, region, year, size class and activity) is a problem naming both lines when the values differ, and
 * kept once, counted, when they agree; a year in a TSV header that is not one is reported once, at line 1.
 * Eurostat publishes no sample size per figure: every figure is without a base, and its study is coded as the
 * survey's method (probability samples from business registers, weighted).
 *
 * <p>A file of any size is read in two streamed passes: the first checks every row and records each figure's key,
 * line and value in a {@code FigureIndex} (32 to 52 bytes a figure, whatever the file's size), so that a file with
 * a problem fails with every problem placed, having kept no figure; the second, for a file without problems,
 * builds the figures. A 60 MB file reads in a 256 MB heap. Problems are placed at the cell that caused them: in a
 * TSV, a wrong code at the series key (column 1), said once for the series and naming its dimension.
 *
 * <p>Reference: Eurostat, "API - FAQ - TSV data format" and "SDMX-CSV" (Eurostat data dissemination help, 2023);
 * Eurostat, <i>Bulk download guidelines</i> (2019).
 *
 * @since 0.1
 */
public final class EurostatTable {

    private static final String WHAT = "the Eurostat table";
    private static final Pattern DATAFLOW = Pattern.compile("[A-Z]+:([A-Za-z0-9_]+)\\(.*\\)");
    private static final Pattern RANGE = Pattern.compile("(\\d+)-(\\d+)");
    private static final Pattern AT_LEAST = Pattern.compile("(?:GE(\\d+)|(\\d+)_M)");
    private static final Pattern DIVISIONS = Pattern.compile("([A-U])\\d{2}-([A-U])\\d{2}");
    private static final Pattern SECTIONS = Pattern.compile("([A-U])(?:-([A-U]))?");
    private static final List<String> DIMENSIONS = List.of("freq", "indic_is", "size_emp", "sizen_r2", "nace_r2",
            "unit", "geo");

    /** An indicator the catalogue has a code for. */
    private record Mapped(String code, String wording, NetworkScope scope) {
    }

    private static final Map<String, Mapped> INDICATORS = Map.of(
            "E_SM1_GE", new Mapped("social_media_any", "enterprises using one or more of the social media",
                    NetworkScope.MIXED),
            "E_SM2_GE", new Mapped("several_social_media_types", "enterprises using two or more types of social"
                    + " media", NetworkScope.MIXED),
            "E_SNET", new Mapped("social_networks", "enterprises using social networks", NetworkScope.EXTERNAL),
            "E_BLOG", new Mapped("blogs_microblogs", "enterprises using the enterprise's blog or microblogs",
                    NetworkScope.EXTERNAL),
            "E_MMCS", new Mapped("multimedia_sharing", "enterprises using multimedia content sharing websites",
                    NetworkScope.EXTERNAL),
            "E_WIKI", new Mapped("wikis", "enterprises using wiki-based knowledge-sharing tools",
                    NetworkScope.MIXED));

    private static final Map<Character, String> NOTED_FLAGS = Map.of('b', "break in time series", 'e', "estimated",
            'u', "low reliability", 'p', "provisional", 'd', "definition differs", 'r', "revised", 's',
            "Eurostat estimate", 'n', "not significant");
    private static final Map<Character, String> MISSING_FLAGS = Map.of('c', "confidential (c)", 'z',
            "not applicable (z)");

    private EurostatTable() {
    }

    /**
     * Reads a table, its dataset named by the file: SDMX-CSV says it in {@code DATAFLOW}; a TSV file is named
     * after it ({@code isoc_cismt.tsv}, {@code estat_isoc_cismt.tsv}).
     *
     * @param source the file
     * @return the catalogue and what was left out
     * @throws InputFormatException listing every problem with its line and column, if the table is not as
     *         described above
     * @throws IOException if the source cannot be read
     */
    public static Imported read(InputSource source) throws IOException {
        Objects.requireNonNull(source, "source");
        return readAs(source, null);
    }

    /**
     * Reads a table of a named dataset.
     *
     * @param source the file
     * @param dataset the dataset's code, such as {@code isoc_cismt}; SDMX-CSV's {@code DATAFLOW} must agree
     * @return the catalogue and what was left out
     * @throws InputFormatException listing every problem with its line and column
     * @throws IOException if the source cannot be read
     */
    public static Imported read(InputSource source, String dataset) throws IOException {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(dataset, "dataset");
        return readAs(source, dataset.toLowerCase(Locale.ROOT));
    }

    private static Imported readAs(InputSource source, String dataset) throws IOException {
        Problems problems = new Problems();
        String file = source.name().replaceAll(".*[/\\\\]", "");
        Head head = head(source);
        int tab = head.text().indexOf('\t');
        boolean tsv = tab > 0 && head.text().substring(0, tab).contains("\\");
        if (!tsv) {
            String wrong = wrongSeparator(head.text());
            if (wrong != null) {
                problems.add(file, head.line(), 0, "", head.text(), wrong);
                problems.throwIfAny(WHAT);
            }
        }
        String named = dataset != null ? dataset : tsv ? file.replaceAll("\\.(tsv|txt)$", "")
                .replaceFirst("^estat_", "").toLowerCase(Locale.ROOT) : null;
        // Two streamed passes, so that memory is bounded by the figures, never by the file, and a file with a
        // problem fails before any figure is kept: the first checks every row and records each figure's key,
        // line and value (24 bytes a figure); the second, only for a file without problems, builds the figures.
        FigureIndex index = new FigureIndex();
        pass(source, head, tsv, new Values(named, index, false), problems);
        problems.throwIfAny(WHAT);
        Values values = new Values(named, index, true);
        pass(source, head, tsv, values, problems);
        problems.throwIfAny(WHAT);
        return values.imported();
    }

    private static void pass(InputSource source, Head head, boolean tsv, Values values, Problems problems)
            throws IOException {
        Layout layout = tsv ? new TsvLayout(values, problems, head.line())
                : new SdmxLayout(values, problems, head.line());
        CsvReader reader = tsv ? CsvReader.of(TableSpec.open(List.of())).withDelimiter('\t')
                : CsvReader.of(TableSpec.open(List.of("TIME_PERIOD", "OBS_VALUE")));
        CsvFile read = reader.read(source, problems, layout::row);
        if (read.complete() && read.rowCount() == 0) {
            layout.header(read.file(), read.header());
        }
    }

    /** The header: the first line that is not blank, and its number. */
    private record Head(long line, String text) {
    }

    /**
     * The file's header, found as {@link CsvReader} finds it (blank lines before it skipped, any line ending), from
     * its first 64 KiB without a byte-order mark.
     */
    private static Head head(InputSource source) throws IOException {
        try (java.io.Reader in = new java.io.InputStreamReader(source.opener().open(),
                java.nio.charset.StandardCharsets.UTF_8)) {
            char[] start = new char[1 << 16];
            int read = in.read(start);
            String text = read <= 0 ? "" : new String(start, 0, read);
            text = text.startsWith("\uFEFF") ? text.substring(1) : text;
            long line = 1;
            int from = 0;
            while (true) {
                int end = from;
                while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                    end++;
                }
                String candidate = text.substring(from, end);
                if (!candidate.isBlank() || end >= text.length()) {
                    return new Head(line, candidate);
                }
                from = end + (text.startsWith("\r\n", end) ? 2 : 1);
                line++;
            }
        }
    }

    /**
     * What is wrong with the separator of a header that is not a TSV's, or null if nothing: {@code TIME_PERIOD}
     * is in it but is not one of its comma-separated cells.
     */
    static String wrongSeparator(String header) {
        if (!header.contains("TIME_PERIOD")) {
            return null;
        }
        for (String cell : header.split(",", -1)) {
            if (cell.strip().replace("\"", "").equals("TIME_PERIOD")) {
                return null;
            }
        }
        if (header.contains("\\TIME_PERIOD")) {
            return "the header starts with a TSV series key (...\\TIME_PERIOD) but is not tab-separated: a Eurostat"
                    + " TSV separates its columns with tabs";
        }
        char separator = ',';
        long most = 0;
        for (char c : new char[] {'\t', ';', '|'}) {
            long n = header.chars().filter(x -> x == c).count();
            if (n > most) {
                most = n;
                separator = c;
            }
        }
        String name = switch (separator) {
            case '\t' -> "tabs";
            case ';' -> "semicolons";
            case '|' -> "pipes (|)";
            default -> "something other than commas";
        };
        return "the header is separated by " + name + ", not commas: an SDMX-CSV file separates its columns with"
                + " commas (a Eurostat TSV starts with freq,...,geo\\TIME_PERIOD, then a tab)";
    }

    /**
     * How a format's rows become figures. The header is checked once, with the first row (or after the read, for a
     * file without rows); a bad header leaves every row unread, as its figures could not be named.
     */
    private abstract static class Layout {
        final Values values;
        final Problems problems;
        /** The header's line: 1 unless blank lines come before it. */
        final long headerLine;
        private Boolean headerOk;

        Layout(Values values, Problems problems, long headerLine) {
            this.values = values;
            this.problems = problems;
            this.headerLine = headerLine;
        }

        final void row(Row row) {
            if (headerOk == null) {
                headerOk = header(row.file(), row.header());
            }
            if (headerOk) {
                figures(row);
            }
        }

        /** Checks the header and reads what it says; false if rows cannot be read with it. */
        abstract boolean header(String file, List<String> header);

        abstract void figures(Row row);
    }

    /** SDMX-CSV: one observation per row. */
    private static final class SdmxLayout extends Layout {
        private final List<String> dimensions = new ArrayList<>();

        SdmxLayout(Values values, Problems problems, long headerLine) {
            super(values, problems, headerLine);
        }

        @Override
        boolean header(String file, List<String> header) {
            for (String column : header) {
                if (!List.of("DATAFLOW", "LAST UPDATE", "TIME_PERIOD", "OBS_VALUE", "OBS_FLAG", "CONF_STATUS")
                        .contains(column)) {
                    dimensions.add(column);
                }
            }
            if (!checkDimensions(dimensions, d -> header.indexOf(d) + 1, file, headerLine, problems)) {
                return false;
            }
            if (values.dataset == null && !header.contains("DATAFLOW")) {
                problems.add(file, headerLine, 0, "DATAFLOW", "", "no DATAFLOW column to name the dataset: name it"
                        + " when reading (read(source, \"isoc_cismt\"))");
                return false;
            }
            return true;
        }

        @Override
        void figures(Row row) {
            if (row.has("DATAFLOW")) {
                Matcher m = DATAFLOW.matcher(row.text("DATAFLOW"));
                if (!m.matches()) {
                    row.fail("DATAFLOW", row.text("DATAFLOW"), "is not a dataflow such as ESTAT:ISOC_CISMT(1.0)");
                    return;
                }
                if (values.dataset == null) {
                    values.dataset = m.group(1).toLowerCase(Locale.ROOT);
                }
                if (!m.group(1).equalsIgnoreCase(values.dataset)) {
                    row.fail("DATAFLOW", row.text("DATAFLOW"), "is not the dataset " + values.dataset);
                    return;
                }
            }
            Map<String, String> key = new LinkedHashMap<>();
            dimensions.forEach(d -> key.put(d, row.text(d)));
            String flags = row.has("OBS_FLAG") ? row.text("OBS_FLAG") : "";
            values.add(row, key, "TIME_PERIOD", row.text("TIME_PERIOD"), "OBS_VALUE", row.text("OBS_VALUE"),
                    "OBS_FLAG", flags);
        }
    }

    /** TSV: one time series per row, its key in the first cell, a year per column. */
    private static final class TsvLayout extends Layout {
        private String first;
        private List<String> dimensions;
        private final List<String> years = new ArrayList<>();

        TsvLayout(Values values, Problems problems, long headerLine) {
            super(values, problems, headerLine);
        }

        @Override
        boolean header(String file, List<String> header) {
            first = header.get(0);
            values.seriesKey = first;
            String[] parts = first.split("\\\\", 2);
            dimensions = List.of(parts[0].split(","));
            if (!parts[1].strip().equalsIgnoreCase("TIME_PERIOD") && !parts[1].strip().equalsIgnoreCase("time")) {
                problems.add(file, headerLine, 1, first, first, "the series key must end with \\TIME_PERIOD");
                return false;
            }
            if (!checkDimensions(dimensions, d -> 1, file, headerLine, problems)) {
                return false;
            }
            // A bad year is a fault of the header: reported once, at line 1, and its column skipped in every row.
            for (int c = 1; c < header.size(); c++) {
                String year = header.get(c);
                if (isYear(year.strip())) {
                    years.add(year);
                } else {
                    problems.add(file, headerLine, c + 1, year, year, "is not a year (YYYY): only yearly figures are"
                            + " read");
                }
            }
            return true;
        }

        @Override
        void figures(Row row) {
            String[] codes = row.text(first).split(",", -1);
            if (codes.length != dimensions.size()) {
                row.fail(first, row.text(first), "has " + codes.length + " codes for the " + dimensions.size()
                        + " dimensions " + dimensions);
                return;
            }
            values.seriesKeyFailed = false;
            Map<String, String> key = new LinkedHashMap<>();
            for (int d = 0; d < codes.length; d++) {
                key.put(dimensions.get(d), codes[d].strip());
            }
            for (String year : years) {
                if (values.seriesKeyFailed) {
                    break; // a code of the series is wrong: said once, not for every year
                }
                String cell = row.text(year).strip();
                String value = cell;
                String flags = "";
                int space = cell.indexOf(' ');
                if (space >= 0) {
                    value = cell.substring(0, space);
                    flags = cell.substring(space + 1).strip();
                }
                values.add(row, key, year, year.strip(), year, value, year, flags);
            }
        }
    }

    private static boolean isYear(String text) {
        try {
            YearRange.requireYear(Integer.parseInt(text));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether the dimensions can be read; each one that cannot is reported at its header cell. */
    private static boolean checkDimensions(List<String> dimensions, java.util.function.ToIntFunction<String> column,
            String file, long line, Problems problems) {
        boolean ok = true;
        for (String d : dimensions) {
            if (!DIMENSIONS.contains(d)) {
                problems.add(file, line, column.applyAsInt(d), d, d, "is a dimension this importer does not map (it"
                        + " would merge figures that differ); the dimensions it reads are " + DIMENSIONS);
                ok = false;
            }
        }
        for (String required : List.of("indic_is", "unit", "geo")) {
            if (!dimensions.contains(required)) {
                problems.add(file, line, 0, required, "", "missing dimension '" + required + "'");
                ok = false;
            }
        }
        if (!dimensions.contains("size_emp") && !dimensions.contains("sizen_r2")) {
            problems.add(file, line, 0, "size_emp", "", "missing dimension 'size_emp' (or 'sizen_r2')");
            ok = false;
        }
        return ok;
    }

    /** What one pass makes of the figures: in the first, their index; in the second, the figures. */
    private static final class Values {
        private String dataset;
        /** The TSV's first column, which holds every dimension's code; null for SDMX-CSV. */
        private String seriesKey;
        /** Whether a code of the current TSV series was reported. */
        private boolean seriesKeyFailed;
        private final FigureIndex index;
        private final boolean building;
        private final Map<String, Long> leftOut = new TreeMap<>();
        /** The figures in the order read, in the second pass. */
        private final List<Pending> figures = new ArrayList<>();
        /** One copy of each code and note, shared by the figures. */
        private final Map<String, String> texts = new java.util.HashMap<>();
        private final Map<String, Optional<SizeBand>> bands = new java.util.HashMap<>();
        private final Map<String, Optional<Optional<Sectors>>> activities = new java.util.HashMap<>();

        Values(String dataset, FigureIndex index, boolean building) {
            this.dataset = dataset;
            this.index = index;
            this.building = building;
        }

        /** A figure before its study exists (the study's fieldwork and region come from all of them). */
        private record Pending(Mapped indicator, Region region, int year, String sizeCode, SizeBand band,
                Optional<Sectors> sectors, double proportion, String notes) {
        }

        /**
         * Reports a code at its cell: SDMX-CSV has a column per dimension; a TSV has them all in its first cell,
         * so the message names the dimension.
         */
        private void failDimension(Row row, String dimension, String code, String message) {
            if (seriesKey == null) {
                row.fail(dimension, code, message);
            } else {
                row.fail(seriesKey, code, dimension + " " + message);
                seriesKeyFailed = true;
            }
        }

        private String shared(String text) {
            return texts.computeIfAbsent(text, t -> t);
        }

        void add(Row row, Map<String, String> key, String yearColumn, String yearText, String valueColumn,
                String valueText, String flagColumn, String flags) {
            String freq = key.getOrDefault("freq", "A");
            if (!freq.equals("A")) {
                failDimension(row, "freq", freq, "is not annual (A): only yearly figures are read");
                return;
            }
            StringBuilder notes = new StringBuilder();
            for (char flag : flags.toCharArray()) {
                if (MISSING_FLAGS.containsKey(flag)) {
                    leave(MISSING_FLAGS.get(flag));
                    return;
                }
                if (NOTED_FLAGS.containsKey(flag)) {
                    notes.append(notes.isEmpty() ? "" : "; ").append("flag ").append(flag).append(": ")
                            .append(NOTED_FLAGS.get(flag));
                } else {
                    row.fail(flagColumn, flags, "has the flag '" + flag + "', which Eurostat does not use; expected"
                            + " b, c, d, e, n, p, r, s, u or z");
                    return;
                }
            }
            if (valueText.equals(":") || valueText.isEmpty()) {
                leave("not available (:)");
                return;
            }
            double value;
            try {
                // A decimal number only (no 0x1p5, 45d, NaN); -0 is 0, so that the figure writes back as read.
                value = Numbers.finite(valueText) + 0.0;
            } catch (IllegalArgumentException e) {
                row.fail(valueColumn, valueText, "is not a value: expected a decimal number such as 45 or 45.5, or"
                        + " ':' when none is available");
                return;
            }
            if (!(value >= 0 && value <= 100)) {
                row.fail(valueColumn, valueText, "is not a percentage of enterprises (0 to 100)");
                return;
            }
            int year;
            try {
                year = Integer.parseInt(yearText);
                YearRange.requireYear(year);
            } catch (IllegalArgumentException e) {
                row.fail(yearColumn, yearText, "is not a year (YYYY): only yearly figures are read");
                return;
            }
            String indicatorCode = key.get("indic_is");
            Mapped indicator = INDICATORS.get(indicatorCode);
            if (indicator == null) {
                leave("indicator " + indicatorCode + " is not one the catalogue has a code for");
                return;
            }
            String unit = key.get("unit");
            if (!unit.equals("PC_ENT")) {
                leave("unit " + unit + " is not a percentage of all enterprises (PC_ENT)");
                return;
            }
            String geo = key.get("geo");
            Region region;
            try {
                region = Region.of(geo);
            } catch (IllegalArgumentException e) {
                leave("region " + geo + " is not a country, EU27_2020 or EU28");
                return;
            }
            String sizeColumn = key.containsKey("size_emp") ? "size_emp" : "sizen_r2";
            String sizeCode = key.get(sizeColumn);
            if (sizeCode.equals("TOTAL")) {
                leave("size class TOTAL mixes in the optional micro enterprises");
                return;
            }
            Optional<SizeBand> band = bands.computeIfAbsent(sizeCode, EurostatTable::band);
            if (band.isEmpty()) {
                failDimension(row, sizeColumn, sizeCode, "is not a size class: expected 10_M, GE10, GE250, 250_M or"
                        + " A-B such as 10-49");
                return;
            }
            Optional<Sectors> sectors = Optional.empty();
            if (key.containsKey("nace_r2")) {
                String nace = key.get("nace_r2");
                Optional<Optional<Sectors>> mapped = activities.computeIfAbsent(nace, EurostatTable::sectors);
                if (mapped.isEmpty()) {
                    failDimension(row, "nace_r2", nace, "is not an activity this importer maps: expected"
                            + " C10-S951_X_K, a section (C), a range of sections (C-E) or of divisions within one"
                            + " (C10-C33)");
                    return;
                }
                sectors = mapped.get();
            }
            String figure = indicatorCode + " " + region.code() + " " + year + " size " + sizeCode
                    + (key.containsKey("nace_r2") ? " nace_r2 " + key.get("nace_r2") : "");
            if (!building) {
                FigureIndex.Earlier before = index.put(figure, row.line(), value);
                if (before != null && before.value() != value) {
                    row.fail(valueColumn, valueText, String.format(Locale.ROOT, "is a second value for the figure %s,"
                            + " given as %s at line %d and here at line %d: expected one value per figure",
                            figure, before.valueText(), before.line(), row.line()));
                } else if (before != null) {
                    leave("repeated with the same value (kept once)");
                }
                return;
            }
            if (index.firstLine(figure) != row.line()) {
                leave("repeated with the same value (kept once)");
                return;
            }
            notes.insert(0, "Eurostat " + dataset + ", " + indicatorCode + (notes.isEmpty() ? "" : "; "));
            figures.add(new Pending(indicator, region, year, shared(sizeCode), band.get(), sectors, value / 100,
                    shared(notes.toString())));
        }

        private void leave(String reason) {
            leftOut.merge(reason, 1L, Long::sum);
        }

        Imported imported() {
            List<Study> studies = new ArrayList<>();
            List<Observation> observations = new ArrayList<>();
            if (!figures.isEmpty()) {
                int first = figures.stream().mapToInt(Pending::year).min().orElseThrow();
                int last = figures.stream().mapToInt(Pending::year).max().orElseThrow();
                java.util.Set<Region> regions = new java.util.TreeSet<>(java.util.Comparator.comparing(Region::code));
                figures.forEach(f -> regions.add(f.region()));
                Region studyRegion = regions.contains(Region.EU27_2020) ? Region.EU27_2020
                        : regions.contains(Region.EU28) ? Region.EU28
                        : regions.size() == 1 ? regions.iterator().next() : Region.EU27_2020;
                Study study = Study.builder("EUROSTAT_" + dataset.toUpperCase(Locale.ROOT))
                        .title("Eurostat dataset " + dataset + " (ICT usage in enterprises)")
                        .publisher("Eurostat")
                        .fieldwork(YearRange.of(first, last))
                        .region(studyRegion)
                        .population(new Population("enterprises with 10 or more persons employed, NACE C-J, L-N and"
                                + " 95.1 (Eurostat ICT usage in enterprises survey)", SizeClassScheme.EUROSTAT_ICT,
                                Optional.of(SizeBand.atLeast(10)), Optional.of(Sectors.ICT_SURVEY)))
                        .respondents(RespondentFunction.UNKNOWN)
                        .method(new StudyMethod(SurveyMode.UNKNOWN, Sampling.PROBABILITY, Weighting.WEIGHTED))
                        .sources(List.of(URI.create("https://ec.europa.eu/eurostat/databrowser/view/" + dataset
                                + "/default/table")))
                        .notes("Imported from Eurostat's table of " + dataset + " (" + figures.size() + " figures)."
                                + " Method coded from the"
                                + " survey's methodology: stratified random samples from business registers,"
                                + " results weighted to the population. Eurostat publishes no sample size per"
                                + " figure.")
                        .build();
                studies.add(study);
                for (Pending p : figures) {
                    Observation.Builder b = Observation.builder(study, Indicator.of(p.indicator().code(),
                            p.indicator().wording()), p.indicator().scope(), new Figure.Unbased(p.proportion()))
                            .region(p.region()).year(p.year()).size(p.sizeCode(), p.band()).notes(p.notes());
                    p.sectors().ifPresent(b::sectors);
                    observations.add(b.build());
                }
            }
            return new Imported(StudyCatalogue.of(studies, observations), leftOut);
        }
    }

    /** A size class's employee band, or empty if the code is not one. */
    static Optional<SizeBand> band(String code) {
        if (code.equals("10_M") || code.equals("GE10")) {
            return Optional.of(SizeBand.atLeast(10));
        }
        Matcher atLeast = AT_LEAST.matcher(code);
        if (atLeast.matches()) {
            OptionalInt min = persons(atLeast.group(1) != null ? atLeast.group(1) : atLeast.group(2));
            return min.isPresent() ? Optional.of(SizeBand.atLeast(min.getAsInt())) : Optional.empty();
        }
        Matcher range = RANGE.matcher(code);
        if (range.matches()) {
            OptionalInt min = persons(range.group(1));
            OptionalInt max = persons(range.group(2));
            return min.isPresent() && max.isPresent() && min.getAsInt() <= max.getAsInt()
                    ? Optional.of(SizeBand.of(min.getAsInt(), max.getAsInt())) : Optional.empty();
        }
        return Optional.empty();
    }

    /** A count of persons employed in a size code, or empty if it is beyond an {@code int}. */
    private static OptionalInt persons(String digits) {
        try {
            return OptionalInt.of(Integer.parseInt(digits));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /**
     * An activity aggregate's sectors: empty inside when it is the survey's whole population, empty outside when
     * it is not an aggregate this importer maps.
     */
    static Optional<Optional<Sectors>> sectors(String code) {
        if (code.equals("C10-S951_X_K")) {
            return Optional.of(Optional.empty());
        }
        Matcher divisions = DIVISIONS.matcher(code);
        if (divisions.matches() && divisions.group(1).equals(divisions.group(2))) {
            return Optional.of(Optional.of(Sectors.of(NaceSection.valueOf(divisions.group(1)))));
        }
        Matcher sections = SECTIONS.matcher(code);
        if (sections.matches()) {
            return Optional.of(Optional.of(Sectors.parse(code)));
        }
        return Optional.empty();
    }
}
