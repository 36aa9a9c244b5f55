package org.smesurvey.core.imports;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.smesurvey.core.Figure;
import org.smesurvey.core.Indicator;
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
import org.smesurvey.core.io.CsvReader;
import org.smesurvey.core.io.InputSource;
import org.smesurvey.core.io.Numbers;
import org.smesurvey.core.io.Problems;
import org.smesurvey.core.io.Row;
import org.smesurvey.core.io.TableSpec;

/**
 * Reads the OECD's ICT Access and Usage by Businesses table (dataflow {@code OECD.STI.DEP,DSD_ICT_B@DF_BUSINESSES})
 * in the SDMX-CSV of the OECD's data API ({@code format=csvfilewithlabels} or {@code csvfile}) into a catalogue:
 * one study per country, one figure per measure, size class, activity and year.
 *
 * <p>The columns read are the codes {@code REF_AREA}, {@code FREQ}, {@code MEASURE}, {@code UNIT_MEASURE},
 * {@code ACTIVITY}, {@code SIZE_CLASS}, {@code TIME_PERIOD}, {@code OBS_VALUE} and {@code OBS_STATUS}, and the label
 * column {@code Measure}, which names each measure in words; other columns (STRUCTURE, ACTION, the other labels,
 * UNIT_MULT, DECIMALS…) are ignored.
 * <ul>
 *   <li>measures, by their label: "Businesses using social media" becomes social_media_any (mixed networks),
 *       "Businesses using social networks" social_networks (external), "Businesses using two or more types of
 *       social media" several_social_media_types (mixed); any other measure is left out and counted, named by its
 *       code and label;</li>
 *   <li>units: {@code PT_ENT} (percentage of enterprises) becomes the proportion; another unit is left out;</li>
 *   <li>size classes: {@code S_GE10} (10 or more persons employed), {@code S10T49}, {@code S50T249},
 *       {@code S_GE250} and any {@code SaTb} or {@code S_GEa} become employee bands; {@code _T} (all sizes, which
 *       may mix in micro enterprises) is left out; another code is a problem;</li>
 *   <li>activities: {@code _T} (all the activities the survey covers) is the study's population, an ISIC section's
 *       letter ({@code C}) becomes that NACE section (ISIC Rev. 4 and NACE Rev. 2 sections agree); another
 *       aggregate is left out and counted;</li>
 *   <li>areas: ISO 3166-1 alpha-3 country codes ({@code CAN}, {@code KOR}) become countries; aggregates
 *       ({@code OECD}, {@code EU27}) are left out and counted;</li>
 *   <li>observation status: {@code A} (normal) adds nothing; {@code B} break in series, {@code E} estimated,
 *       {@code P} provisional, {@code D} definition differs, {@code U} low reliability, {@code I} imputed go into
 *       the figure's notes; {@code M}, {@code L} and {@code O} (missing) leave the value out, counted; another code
 *       is a problem.</li>
 * </ul>
 * A value is a decimal percentage from 0 to 100; an empty value is left out as not available. The OECD publishes no
 * sample size per figure: every figure is without a base. A figure given twice is a problem naming both lines.
 *
 * <p>Reference: OECD, "API - OECD Data Explorer" (2024): SDMX-CSV data queries; OECD (2015), <i>The OECD Model
 * Survey on ICT Access and Usage by Businesses, 2nd revision</i>; SDMX, "Code list for observation status"
 * (CL_OBS_STATUS, SDMX Content-Oriented Guidelines, 2009).
 *
 * @since 0.2
 */
public final class OecdTable {

    private static final String WHAT = "the OECD table";
    private static final Pattern RANGE = Pattern.compile("S(\\d{1,6})T(\\d{1,6})");
    private static final Pattern AT_LEAST = Pattern.compile("S_GE(\\d{1,6})");
    private static final Pattern SECTION = Pattern.compile("[A-U]");
    private static final List<String> REQUIRED = List.of("REF_AREA", "MEASURE", "UNIT_MEASURE", "SIZE_CLASS",
            "TIME_PERIOD", "OBS_VALUE");

    /** An indicator the catalogue has a code for. */
    private record Mapped(String code, String wording, NetworkScope scope) {
    }

    private static final Map<String, Mapped> MEASURES = Map.of(
            "businesses using social media", new Mapped("social_media_any", "businesses using social media",
                    NetworkScope.MIXED),
            "businesses using social networks", new Mapped("social_networks", "businesses using social networks",
                    NetworkScope.EXTERNAL),
            "businesses using two or more types of social media", new Mapped("several_social_media_types",
                    "businesses using two or more types of social media", NetworkScope.MIXED));

    private static final Map<String, String> NOTED = Map.of("B", "break in time series", "E", "estimated", "P",
            "provisional", "D", "definition differs", "U", "low reliability", "I", "imputed");
    private static final Map<String, String> MISSING = Map.of("M", "missing (M)", "L", "missing, not applicable (L)",
            "O", "missing (O)");
    private static final Map<String, String> ALPHA2 = alpha2();

    private OecdTable() {
    }

    /**
     * Reads a table.
     *
     * @param source the table
     * @return the catalogue and what was left out
     * @throws org.smesurvey.core.io.InputFormatException listing every problem with its line and column
     * @throws IOException if the source cannot be read
     */
    public static Imported read(InputSource source) throws IOException {
        Objects.requireNonNull(source, "source");
        Problems problems = new Problems();
        Values values = new Values();
        CsvReader.of(TableSpec.open(REQUIRED)).read(source, problems, values::add);
        problems.throwIfAny(WHAT);
        return values.imported();
    }

    /** ISO 3166-1 alpha-3 codes to alpha-2, from the JDK's list. */
    private static Map<String, String> alpha2() {
        Map<String, String> map = new HashMap<>();
        for (String two : Locale.getISOCountries()) {
            map.put(new Locale("", two).getISO3Country(), two);
        }
        return Map.copyOf(map);
    }

    /** The rows' figures and what was left out. */
    private static final class Values {
        private final Map<String, Long> leftOut = new TreeMap<>();
        private final Map<String, long[]> seen = new HashMap<>();
        private final Map<String, String> seenValue = new HashMap<>();
        private final List<Pending> figures = new ArrayList<>();

        private record Pending(Mapped indicator, String measure, Region region, int year, String sizeCode,
                SizeBand band, Optional<Sectors> sectors, double proportion, String notes) {
        }

        void add(Row row) {
            if (!row.ok()) {
                return;
            }
            if (row.has("FREQ") && !row.text("FREQ").equals("A")) {
                row.fail("FREQ", row.text("FREQ"), "is not annual (A): only yearly figures are read");
                return;
            }
            String status = row.has("OBS_STATUS") ? row.text("OBS_STATUS").strip() : "";
            String note = "";
            if (MISSING.containsKey(status)) {
                leave(MISSING.get(status));
                return;
            } else if (NOTED.containsKey(status)) {
                note = "status " + status + ": " + NOTED.get(status);
            } else if (!status.isEmpty() && !status.equals("A")) {
                row.fail("OBS_STATUS", status, "is not an observation status the OECD uses here; expected A, B, D, E,"
                        + " I, L, M, O, P or U");
                return;
            }
            String valueText = row.text("OBS_VALUE").strip();
            double value = 0;
            if (!valueText.isEmpty()) {
                try {
                    value = Numbers.finite(valueText) + 0.0;
                } catch (IllegalArgumentException e) {
                    row.fail("OBS_VALUE", valueText, "is not a value: expected a decimal number such as 45 or 45.5,"
                            + " or nothing when none is available");
                    return;
                }
                if (!(value >= 0 && value <= 100)) {
                    row.fail("OBS_VALUE", valueText, "is not a percentage of enterprises (0 to 100)");
                    return;
                }
            }
            int year;
            try {
                year = YearRange.requireYear(Integer.parseInt(row.text("TIME_PERIOD").strip()));
            } catch (IllegalArgumentException e) {
                row.fail("TIME_PERIOD", row.text("TIME_PERIOD"), "is not a year (YYYY): only yearly figures are"
                        + " read");
                return;
            }
            String sizeCode = row.text("SIZE_CLASS").strip();
            Optional<SizeBand> band = band(sizeCode);
            if (band.isEmpty() && !sizeCode.equals("_T")) {
                row.fail("SIZE_CLASS", sizeCode, "is not a size class: expected S_GE10, S10T49, S50T249, S_GE250"
                        + " or _T");
                return;
            }
            if (valueText.isEmpty()) {
                leave("not available (empty value)");
                return;
            }
            String measure = row.text("MEASURE").strip();
            String label = row.has("Measure") ? row.text("Measure").strip() : "";
            Mapped indicator = MEASURES.get(label.toLowerCase(Locale.ROOT));
            if (indicator == null) {
                leave("measure " + measure + (label.isEmpty() ? " (no label: ask for format=csvfilewithlabels)"
                        : " (" + label + ")") + " is not one the catalogue has a code for");
                return;
            }
            String unit = row.text("UNIT_MEASURE").strip();
            if (!unit.equals("PT_ENT")) {
                leave("unit " + unit + " is not a percentage of enterprises (PT_ENT)");
                return;
            }
            String area = row.text("REF_AREA").strip();
            String two = ALPHA2.get(area);
            if (two == null) {
                leave("area " + area + " is not a country");
                return;
            }
            Region region;
            try {
                region = Region.of(two);
            } catch (IllegalArgumentException e) {
                leave("area " + area + " is not a country");
                return;
            }
            if (band.isEmpty()) {
                leave("size class _T may mix in micro enterprises");
                return;
            }
            Optional<Sectors> sectors = Optional.empty();
            String activity = row.has("ACTIVITY") ? row.text("ACTIVITY").strip() : "_T";
            if (SECTION.matcher(activity).matches()) {
                sectors = Optional.of(Sectors.parse(activity));
            } else if (!activity.equals("_T")) {
                leave("activity " + activity + " is not all activities (_T) nor an ISIC section");
                return;
            }
            String figure = measure + " " + area + " " + year + " size " + sizeCode + " activity " + activity;
            long[] before = seen.putIfAbsent(figure, new long[] {row.line()});
            if (before != null) {
                if (!seenValue.get(figure).equals(valueText)) {
                    row.fail("OBS_VALUE", valueText, String.format(Locale.ROOT, "is a second value for the figure"
                            + " %s, given as %s at line %d: expected one value per figure", figure,
                            seenValue.get(figure), before[0]));
                } else {
                    leave("repeated with the same value (kept once)");
                }
                return;
            }
            seenValue.put(figure, valueText);
            figures.add(new Pending(indicator, measure, region, year, sizeCode, band.get(), sectors, value / 100,
                    "OECD ICT Access and Usage by Businesses, " + measure + (note.isEmpty() ? "" : "; " + note)));
        }

        private void leave(String reason) {
            leftOut.merge(reason, 1L, Long::sum);
        }

        Imported imported() {
            Map<Region, List<Pending>> byCountry = new TreeMap<>(java.util.Comparator.comparing(Region::code));
            figures.forEach(f -> byCountry.computeIfAbsent(f.region(), r -> new ArrayList<>()).add(f));
            List<Study> studies = new ArrayList<>();
            List<Observation> observations = new ArrayList<>();
            Map<Region, Study> made = new LinkedHashMap<>();
            byCountry.forEach((region, list) -> {
                int first = list.stream().mapToInt(Pending::year).min().orElseThrow();
                int last = list.stream().mapToInt(Pending::year).max().orElseThrow();
                Study study = Study.builder("OECD_ICT_B_" + region.code())
                        .title("OECD ICT Access and Usage by Businesses, " + region.displayName(Locale.ENGLISH))
                        .publisher("OECD")
                        .fieldwork(YearRange.of(first, last))
                        .region(region)
                        .population(new Population("enterprises with 10 or more persons employed in the activities"
                                + " the national ICT usage survey covers (OECD ICT Access and Usage by Businesses)",
                                SizeClassScheme.EUROSTAT_ICT, Optional.of(SizeBand.atLeast(10)), Optional.empty()))
                        .respondents(RespondentFunction.UNKNOWN)
                        .method(new StudyMethod(SurveyMode.UNKNOWN, Sampling.PROBABILITY, Weighting.WEIGHTED))
                        .sources(List.of(URI.create(OecdFetch.EXPLORER)))
                        .notes("Imported from the OECD's ICT Access and Usage by Businesses (" + list.size()
                                + " figures). Method coded from the OECD Model Survey: official business surveys"
                                + " from registers, weighted; the OECD publishes no sample size per figure.")
                        .build();
                made.put(region, study);
                studies.add(study);
            });
            for (Pending p : figures) {
                Observation.Builder b = Observation.builder(made.get(p.region()), Indicator.of(p.indicator().code(),
                        p.indicator().wording()), p.indicator().scope(), new Figure.Unbased(p.proportion()))
                        .region(p.region()).year(p.year()).size(p.sizeCode(), p.band()).notes(p.notes());
                p.sectors().ifPresent(b::sectors);
                observations.add(b.build());
            }
            return new Imported(StudyCatalogue.of(studies, observations), leftOut);
        }
    }

    /** A size class's employee band, or empty if the code is not one. */
    static Optional<SizeBand> band(String code) {
        Matcher range = RANGE.matcher(code);
        if (range.matches()) {
            int min = Integer.parseInt(range.group(1));
            int max = Integer.parseInt(range.group(2));
            return min <= max ? Optional.of(SizeBand.of(min, max)) : Optional.empty();
        }
        Matcher atLeast = AT_LEAST.matcher(code);
        return atLeast.matches() ? Optional.of(SizeBand.atLeast(Integer.parseInt(atLeast.group(1))))
                : Optional.empty();
    }
}
