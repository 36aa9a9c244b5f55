package org.smesurvey.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.smesurvey.core.bundled.Bundled;
import org.smesurvey.core.csv.CatalogueWriter;

/**
 * The bundled catalogue against the figures it was converted from (kept unchanged under
 * {@code src/test/resources/org/smesurvey/core/original}, each file with its "-more" continuation, the figures with
 * their 2026 additions): one observation per published figure, same value, same source address, same notes; nothing
 * added.
 */
class BundledDataTest {

    private static final StudyCatalogue BUNDLED = Bundled.catalogue();

    private static List<CSVRecord> original(String name) throws IOException {
        try (InputStream in = BundledDataTest.class.getResourceAsStream("/org/smesurvey/core/original/" + name);
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }

    /** A file and its continuations ("-more", and any others named), each row with where it comes from. */
    private static List<Map.Entry<String, CSVRecord>> originalWithMore(String name, String... continuations)
            throws IOException {
        List<Map.Entry<String, CSVRecord>> rows = new ArrayList<>();
        List<String> files = new ArrayList<>(List.of(name + ".csv", name + "-more.csv"));
        for (String continuation : continuations) {
            files.add(name + "-" + continuation + ".csv");
        }
        for (String file : files) {
            List<CSVRecord> records = original(file);
            for (int i = 0; i < records.size(); i++) {
                rows.add(Map.entry("row " + (i + 2) + " of " + file, records.get(i)));
            }
        }
        return rows;
    }

    @Test
    void holdsEveryPublishedFigureOnceWithItsSource() throws IOException {
        List<Map.Entry<String, CSVRecord>> all = originalWithMore("published-figures", "2026");
        assertEquals(249 + 135 + 199, all.size());
        // One study per source id, in the order ids first appear; an id of several files keeps its rows together.
        List<String> ids = all.stream().map(r -> r.getValue().get("source_id")).distinct().toList();
        List<Map.Entry<String, CSVRecord>> rows = all.stream()
                .sorted(Comparator.comparingInt(r -> ids.indexOf(r.getValue().get("source_id")))).toList();
        List<Observation> observations = BUNDLED.observations();
        assertEquals(rows.size(), observations.size());
        assertEquals(ids, BUNDLED.studies().stream().map(Study::id).toList());
        for (int i = 0; i < rows.size(); i++) {
            CSVRecord row = rows.get(i).getValue();
            Observation o = observations.get(i);
            String where = rows.get(i).getKey();
            assertEquals(row.get("source_id"), o.study().id(), where);
            assertEquals(new BigDecimal(row.get("value_percent")).movePointLeft(2).doubleValue(),
                    o.figure().proportion(), 0.0, where);
            assertEquals(Optional.of(URI.create(row.get("url"))), o.source(), where);
            assertTrue(o.study().sources().contains(URI.create(row.get("url"))), where);
            assertTrue(o.notes().endsWith(row.get("notes")), where);
            assertEquals(row.get("indicator"), o.indicator().wording(), where);
            assertEquals(Region.of(row.get("country")), o.region(), where);
            assertEquals(row.get("year").isEmpty() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(row.get("year"))),
                    o.year(), where);
            assertEquals(row.get("network_scope"), o.scope().code(), where);
            assertEquals(row.get("size_class"), o.sizeClass(), where);
            // A class by capital, not headcount (Japan's MIC), has no employee band.
            assertEquals(row.get("employees_min").isEmpty() || row.get("size_class").startsWith("capital ")
                    ? Optional.empty()
                    : Optional.of(row.get("employees_max").isEmpty() ? SizeBand.atLeast(Integer.parseInt(row.get("employees_min")))
                            : SizeBand.of(Integer.parseInt(row.get("employees_min")), Integer.parseInt(row.get("employees_max")))),
                    o.sizeBand(), where);
            assertEquals(row.get("sample_size").isEmpty() ? OptionalInt.empty()
                    : OptionalInt.of(Integer.parseInt(row.get("sample_size"))), o.figure().base(), where);
        }
    }

    @Test
    void figuresStatedInWordsKeepTheirNote() {
        Map<String, String> notes = BUNDLED.observations().stream()
                .filter(o -> o.notes().contains("stated") || o.notes().contains("'un tiers'"))
                .collect(Collectors.toMap(Observation::label, Observation::notes, (a, b) -> a + " / " + b));
        assertTrue(notes.values().stream().anyMatch(n -> n.contains("deux sur dix")), notes::toString);
        assertTrue(notes.values().stream().anyMatch(n -> n.contains("quatre sur dix")), notes::toString);
        assertTrue(notes.values().stream().anyMatch(n -> n.contains("un tiers")), notes::toString);
        assertTrue(notes.values().stream().anyMatch(n -> n.contains("plus des trois-quarts")), notes::toString);
        assertTrue(notes.values().stream().anyMatch(n -> n.contains("one in three")), notes::toString);
    }

    @Test
    void destatisPublishesItsSizeClassesAndTheTenPlusHeadline() {
        StudyCatalogue destatis = BUNDLED.filter(ObservationFilters.study("DESTATIS_2020")
                .and(ObservationFilters.years(2019, 2019)));
        Map<String, Double> bySize = destatis.observations().stream()
                .collect(Collectors.toMap(o -> o.sizeBand().orElseThrow().label(), o -> o.figure().proportion()));
        assertEquals(Map.of("10+", 0.48, "10-49", 0.44, "50-249", 0.61, "250+", 0.79), bySize);
        assertEquals(SizeClassScheme.EUROSTAT_ICT, destatis.studies().get(0).population().sizeScheme());
    }

    @Test
    void codesStudiesFromTheirOwnText() {
        Study bpi = BUNDLED.study("BPIFRANCE_LAB_2018").orElseThrow();
        assertEquals(OptionalInt.of(1657), bpi.sampleSize());
        assertEquals(List.of(RespondentFunction.CEO), bpi.respondentsInOrder());
        assertEquals(SurveyMode.MAIL, bpi.method().mode());
        Study opinionWay = BUNDLED.study("OPINIONWAY_CORPCOM_2015").orElseThrow();
        assertEquals(List.of(RespondentFunction.CEO, RespondentFunction.FINANCE), opinionWay.respondentsInOrder());
        Study cso = BUNDLED.study("CSO_IE_2015").orElseThrow();
        assertEquals(Optional.of(YearRange.of(2013, 2015)), cso.fieldwork());
        assertEquals(Region.of("IE"), cso.region());
        assertEquals(Sampling.PROBABILITY, cso.method().sampling());
        Study bitkom = BUNDLED.study("BITKOM_2023").orElseThrow();
        assertEquals(List.of("20-99", "100-499", "500+"), bitkom.population().sizeScheme().classes().stream()
                .map(c -> c.band().label()).toList());
        assertEquals(Optional.of(SizeBand.atLeast(20)), bitkom.population().sizeCoverage());
        assertEquals(3, BUNDLED.filter(ObservationFilters.scope(NetworkScope.INTERNAL)
                .and(ObservationFilters.indicator("enterprise_social_network"))).observations().size() - 1);
        // 10 and 8 in the first two files; 15 in the 2026 additions (CFIB 2016 and 2009, CEFRIO, Banesto 2011 and
        // 2012, Cetic 2019, Bitkom 2012, PeoplePerHour, Inspiresme, Really Simple Systems, Sensis 2017 x3, Clutch,
        // JobKorea), counted by hand in published-figures-2026.csv.
        assertEquals(10 + 8 + 15, BUNDLED.filter(ObservationFilters.platform(Platform.FACEBOOK)).observations().size());
    }

    /** The studies of published-figures-2026.csv, coded from their rows and from SOURCES.md. */
    @Test
    void codesThe2026Studies() {
        // Japan's MIC splits by capital: those figures keep their class and carry no employee band; the study's
        // coverage is the headcount its population states.
        Study mic = BUNDLED.study("MIC_JP_2016").orElseThrow();
        assertEquals(Optional.of(SizeBand.atLeast(100)), mic.population().sizeCoverage());
        Map<String, Optional<SizeBand>> micBands = BUNDLED.filter(ObservationFilters.study("MIC_JP_2016"))
                .observations().stream().collect(Collectors.toMap(Observation::sizeClass, Observation::sizeBand));
        assertEquals(Map.of("100+ regular employees", Optional.of(SizeBand.atLeast(100)),
                "capital 5 billion JPY or more", Optional.empty(), "capital 1-5 billion JPY", Optional.empty(),
                "capital 100-500 million JPY", Optional.empty()), micBands);
        assertEquals(SurveyMode.MAIL, mic.method().mode());
        assertEquals(Sampling.PROBABILITY, mic.method().sampling());
        assertEquals(OptionalInt.of(2032), mic.sampleSize());
        // Shares among firms with internet access have their own code.
        assertEquals(9, BUNDLED.filter(ObservationFilters.indicator("social_media_among_internet_users")
                .and(o -> o.study().id().startsWith("INE_ES_TIC_") || o.study().id().startsWith("MIC_JP_")))
                .observations().size());
        // Purposes: a share of users, of connected firms, or of an unstated base, each in a code of its own.
        assertEquals(List.of("purpose_marketing_among_internet_users", "purpose_internal_among_internet_users",
                "purpose_partners_among_internet_users", "platform_use_among_social_tool_users",
                "platform_use_among_social_tool_users"), codes("CEFRIO_NETPME_2011"));
        assertEquals(List.of("purpose_marketing_among_social_media_users", "purpose_marketing_among_social_media_users",
                "purpose_marketing_among_social_media_users"), codes("EUROSTAT_SIF_2013"));
        assertEquals(8, codes("GRANTTHORNTON_IBR_2011").stream().filter(c -> c.endsWith("_base_not_stated")).count());
        assertEquals(List.of("social_media_any", "attitude_not_useful", "attitude_useless",
                "attitude_very_useful_among_social_media_users", "no_website"), codes("FPB_REFERENDUM_2010"));
        assertEquals(List.of("social_media_any", "social_media_any", "attitude_benefit_exceeds_effort",
                "social_media_monitoring"), codes("BERNET_ZHAW_2016"));
        // New respondent wordings.
        assertEquals(List.of(RespondentFunction.COMMUNICATION),
                BUNDLED.study("BERNET_ZHAW_2020").orElseThrow().respondentsInOrder());
        assertEquals(List.of(RespondentFunction.MIXED),
                BUNDLED.study("TELECOM_HERALD_NZ_2011").orElseThrow().respondentsInOrder());
        assertEquals(List.of(RespondentFunction.CEO), BUNDLED.study("CFIB_DIGITAL_2016").orElseThrow().respondentsInOrder());
        // Private surveys keep their sample sizes; subgroups that are not size classes are denominators.
        assertEquals(OptionalInt.of(6300), BUNDLED.study("CFIB_DIGITAL_2016").orElseThrow().sampleSize());
        assertEquals(OptionalInt.of(5800), BUNDLED.study("FPB_REFERENDUM_2010").orElseThrow().sampleSize());
        assertEquals(List.of("women-owned small businesses", "men-owned small businesses",
                "millennial-owned small businesses", "small businesses owned by older generations"),
                BUNDLED.filter(ObservationFilters.study("CLUTCH_SMB_2018")).observations().stream()
                        .map(Observation::denominator).filter(d -> !d.isEmpty()).toList());
        // Platforms without a code of their own are "other", named in the wording.
        assertEquals(List.of("firms on Foursquare", "firms on Flickr"), BUNDLED.filter(ObservationFilters
                .study("BANESTO_CINK_2011").and(ObservationFilters.platform(Platform.OTHER))).observations().stream()
                .map(o -> o.indicator().wording()).toList());
        assertEquals(Region.WORLD, BUNDLED.study("GRANTTHORNTON_IBR_2011").orElseThrow().region());
        assertEquals(Sampling.PROBABILITY, BUNDLED.study("STATLT_2019").orElseThrow().method().sampling());
    }

    private static List<String> codes(String study) {
        return BUNDLED.filter(ObservationFilters.study(study)).observations().stream()
                .map(o -> o.indicator().code()).toList();
    }

    /** The studies of published-figures-more.csv, coded from their rows and from SOURCES.md. */
    @Test
    void codesTheAddedStudies() {
        Study spiceworks = BUNDLED.study("SPICEWORKS_CHAT_2018").orElseThrow();
        assertEquals(List.of(RespondentFunction.IT), spiceworks.respondentsInOrder());
        assertEquals(Sampling.CONVENIENCE, spiceworks.method().sampling());
        assertEquals(List.of("1-99", "100-499", "500+"), spiceworks.population().sizeScheme().classes().stream()
                .map(c -> c.band().label()).toList());
        assertEquals(List.of("10-19", "20-49", "50-99", "100+"), BUNDLED.study("STATFI_2022").orElseThrow()
                .population().sizeScheme().classes().stream().map(c -> c.band().label()).toList());
        assertEquals(Region.of("IE"), BUNDLED.study("CSO_IE_2016").orElseThrow().region());
        assertEquals(Sampling.PROBABILITY, BUNDLED.study("STATAT_2016").orElseThrow().method().sampling());
        assertEquals(Optional.of(YearRange.of(2013, 2016)), BUNDLED.study("STATAT_2016").orElseThrow().fieldwork());
        Map<String, String> insites = BUNDLED.filter(ObservationFilters.study("INSITES_2012")).observations().stream()
                .collect(Collectors.toMap(o -> o.indicator().wording(), o -> o.indicator().code() + " "
                        + o.platform().map(Platform::code).orElse("") + " " + o.denominator()));
        assertEquals(Map.of("B2B companies active on Facebook", "platform_use facebook B2B companies",
                "B2C companies active on Facebook", "platform_use facebook B2C companies",
                "companies active on Facebook (weighted B2B/B2C average)", "platform_use facebook "), insites);
        List<String> harris = BUNDLED.filter(ObservationFilters.study("HARRIS_MS_ESN_2012")).observations().stream()
                .map(o -> o.indicator().code()).toList();
        assertEquals(List.of("enterprise_social_network", "enterprise_social_network_planned",
                "no_enterprise_social_network"), harris);
        assertEquals(Platform.SKYPE_FOR_BUSINESS, BUNDLED.filter(ObservationFilters.study("SPICEWORKS_CHAT_2018")
                .and(ObservationFilters.indicator("platform_use"))).observations().get(2).platform().orElseThrow());
    }

    @Test
    void holdsEveryEnterpriseCountWithItsSource() throws IOException {
        List<Map.Entry<String, CSVRecord>> rows = originalWithMore("enterprise-populations");
        assertEquals(59 + 7, rows.size());
        List<PopulationCount> counts = Bundled.populations().all().stream()
                .filter(p -> !p.id().startsWith("DESTATIS_URS_")).flatMap(p -> p.counts().stream()).toList();
        assertEquals(rows.size(), counts.size());
        for (int i = 0; i < rows.size(); i++) {
            CSVRecord row = rows.get(i).getValue();
            PopulationCount count = counts.get(i);
            String where = rows.get(i).getKey();
            assertEquals(row.get("enterprises").isEmpty() ? OptionalLong.empty()
                    : OptionalLong.of(Long.parseLong(row.get("enterprises"))), count.enterprises(), where);
            assertEquals(row.get("size_class"), count.sizeClass(), where);
            assertEquals(Integer.parseInt(row.get("employees_min")), count.band().min(), where);
            assertEquals(Optional.of(URI.create(row.get("url"))), count.source(), where);
            assertEquals(row.get("notes").strip(), count.notes(), where);
        }
        ReferencePopulation insee2017 = Bundled.populations()
                .population("INSEE_EF_2019_PRINCIPALEMENT_MARCHANDS").orElseThrow();
        assertEquals(OptionalLong.of(138_739), insee2017.enterprises(SizeBand.of(10, 249)));
    }

    /** Destatis GENESIS table 52111-0001 (flat CSV, semicolon-separated): one population per NACE section. */
    @Test
    void holdsTheGermanBusinessRegisterCellByCell() throws IOException {
        List<CSVRecord> rows;
        try (InputStream in = BundledDataTest.class.getResourceAsStream(
                "/org/smesurvey/core/original/destatis-52111-0001.csv");
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            rows = CSVFormat.RFC4180.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true).get()
                    .parse(reader).getRecords();
        }
        assertEquals(68, rows.size());
        ReferencePopulations bundled = Bundled.populations();
        for (CSVRecord row : rows) {
            String section = row.get("3_variable_attribute_code").substring("WZ08-".length());
            ReferencePopulation population = bundled.population("DESTATIS_URS_2022_" + section).orElseThrow();
            PopulationCount count = population.counts().stream()
                    .filter(c -> c.sizeClass().equals(row.get("2_variable_attribute_label"))).findFirst().orElseThrow();
            assertEquals(OptionalLong.of(Long.parseLong(row.get("value"))), count.enterprises(), section);
            assertEquals(Region.of("DE"), population.region());
            assertEquals(2022, population.year());
        }
        assertEquals(OptionalLong.of(41_912), bundled.population("DESTATIS_URS_2022_C").orElseThrow()
                .enterprises(SizeBand.of(10, 49)));
    }

    @Test
    void bundledFilesAreInTheWritersCanonicalForm() throws IOException {
        ByteArrayOutputStream studies = new ByteArrayOutputStream();
        ByteArrayOutputStream observations = new ByteArrayOutputStream();
        ByteArrayOutputStream schemes = new ByteArrayOutputStream();
        ByteArrayOutputStream populations = new ByteArrayOutputStream();
        CatalogueWriter.withDefaults().write(BUNDLED, studies, observations, schemes);
        CatalogueWriter.withDefaults().writePopulations(Bundled.populations(), populations);
        assertArrayEquals(resource("studies.csv"), studies.toByteArray());
        assertArrayEquals(resource("observations.csv"), observations.toByteArray());
        assertArrayEquals(resource("size-schemes.csv"), schemes.toByteArray());
        assertArrayEquals(resource("populations.csv"), populations.toByteArray());
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = StudyCatalogue.class.getResourceAsStream("/org/smesurvey/core/bundled/" + name)) {
            return in.readAllBytes();
        }
    }
}
