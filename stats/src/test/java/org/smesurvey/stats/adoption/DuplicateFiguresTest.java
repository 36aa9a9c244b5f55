package org.smesurvey.stats.adoption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smesurvey.core.Observation;
import org.smesurvey.core.StudyCatalogue;
import org.smesurvey.core.bundled.Bundled;
import org.smesurvey.core.csv.CatalogueReader;
import org.smesurvey.core.io.InputSource;

/** Which figures are one statistic reported twice, on small catalogues worked out by hand and on the bundled one. */
class DuplicateFiguresTest {

    private static final String STUDIES_HEADER =
            "study_id,title,publisher,fieldwork,region,population,size_scheme,size_min,size_max,sample_size,mode,"
                    + "sampling,weighting\n";
    private static final String OBSERVATIONS_HEADER =
            "study_id,indicator,wording,scope,region,year,size_class,size_min,size_max,platform,value\n";

    private static StudyCatalogue catalogue(String studies, String observations) throws IOException {
        return CatalogueReader.withDefaults().read(
                InputSource.of("studies.csv", (STUDIES_HEADER + studies).getBytes(StandardCharsets.UTF_8)),
                InputSource.of("observations.csv", (OBSERVATIONS_HEADER + observations).getBytes(StandardCharsets.UTF_8)));
    }

    /** Eurostat's release, three reproductions of it, a national office and a private survey. */
    private static final String STUDIES = """
            ESTAT,Eurostat release,Eurostat,2013-2014,EU28,enterprises 10+,eurostat_ict,10,,,unknown,probability,weighted
            SEPE,SEPE article,Eurostat (reported by SEPE),2013,GR,enterprises 10+,eurostat_ict,10,,,unknown,unknown,unknown
            CSO,CSO table,Central Statistics Office Ireland (Eurostat data),2013-2015,IE,enterprises 10+,eurostat_ict,10,,,\
            unknown,probability,weighted
            CBS,CBS news,Centraal Bureau voor de Statistiek,2014,NL,bedrijven 10+,eurostat_ict,10,,,unknown,unknown,unknown
            GNET,GNet page,Eurostat (reported by GNet project),2014,EU28,enterprises 10+,eurostat_ict,10,,,unknown,\
            unknown,unknown
            ISTAT,Istat release,Istat,2013,IT,imprese 10+,eurostat_ict,10,,,unknown,probability,weighted
            PRIV,Private survey,Some Survey Ltd,2013,GR,Greek firms 10+,eurostat_ict,10,,500,online,unknown,unknown
            """;
    private static final String OBSERVATIONS = """
            ESTAT,social_media_any,enterprises using any social media,mixed,GR,2013,10+,10,,,34 %
            SEPE,social_media_any,enterprises using any social media,mixed,GR,2013,10+,10,,,34 %
            PRIV,social_media_any,SMEs using social media,mixed,GR,2013,10+,10,,,34 %
            ESTAT,social_media_any,enterprises using any social media,mixed,GR,2014,10+,10,,,34 %
            ISTAT,social_media_any,imprese che usano social media,mixed,IT,2013,10+,10,,,34 %
            GNET,social_networks,enterprises using social networks,mixed,EU28,2014,10+,10,,,33 %
            CSO,social_networks,enterprises using social networks,mixed,EU28,,10+,10,,,33 %
            CBS,social_networks,EU average quoted by CBS,mixed,EU28,2014,10+,10,,,33 %
            CBS,social_networks,bedrijven using social networks,mixed,NL,2014,10+,10,,,53 %
            """;

    @Test
    void aSecondaryReportIsADuplicateOfThePublishersOwnRelease() throws IOException {
        StudyCatalogue catalogue = catalogue(STUDIES, OBSERVATIONS);
        List<Observation> figures = catalogue.observations();
        DuplicateFigures duplicates = DuplicateFigures.of(catalogue);

        assertEquals(2, duplicates.groups().size());
        DuplicateFigures.Group greece = duplicates.groups().get(0);
        assertEquals(figures.get(0), greece.kept());
        assertEquals(DuplicateFigures.Choice.OWN_RELEASE, greece.choice());
        assertEquals(List.of(figures.get(1)), greece.duplicates());
        assertEquals("same statistic as ESTAT (Eurostat): GR 2013 10+ social_media_any 34 % (eurostat); kept as the"
                + " original publisher's own release", greece.reason());
        // Same value, same year, another publisher: the private survey (2) and Istat's Italy (4) are statistics of
        // their own; so is Eurostat's Greece in 2014 (3), another year.
        for (int i : new int[] {2, 3, 4}) {
            assertFalse(duplicates.isDuplicate(figures.get(i)), figures.get(i).label());
            assertEquals(Optional.empty(), duplicates.groupOf(figures.get(i)), figures.get(i).label());
        }
        assertEquals(Optional.of(greece), duplicates.groupOf(figures.get(1)));
        assertEquals(Optional.of(greece), duplicates.groupOf(figures.get(0)));
    }

    @Test
    void threeReportsOfOneFigureKeepTheMostCompleteStudy() throws IOException {
        StudyCatalogue catalogue = catalogue(STUDIES, OBSERVATIONS);
        List<Observation> figures = catalogue.observations();
        DuplicateFigures.Group eu = DuplicateFigures.of(catalogue).groups().get(1);
        // None is Eurostat's own release: the GNet page reports it, CSO reproduces Eurostat's data, and CBS quotes an
        // EU aggregate (Eurostat's). CSO states fieldwork, coverage, sampling and weighting (4 points), GNet and CBS
        // fieldwork and coverage (2). CSO's figure has no year: its fieldwork 2013-2015 gives 2014.
        assertEquals(figures.get(6), eu.kept());
        assertEquals(DuplicateFigures.Choice.MOST_COMPLETE_STUDY, eu.choice());
        assertEquals(List.of(figures.get(5), figures.get(7)), eu.duplicates());
        assertEquals(4, DuplicateFigures.completeness(figures.get(6).study()));
        assertEquals(2, DuplicateFigures.completeness(figures.get(5).study()));
        assertEquals(List.of(figures.get(1), figures.get(5), figures.get(7)), DuplicateFigures.of(catalogue).duplicates());
        // CBS's own Dutch figure is CBS's statistic, and alone.
        assertFalse(DuplicateFigures.of(catalogue).isDuplicate(figures.get(8)));
        assertEquals("centraal bureau voor de statistiek", DuplicateFigures.originalPublisher(figures.get(8)));
    }

    @Test
    void equalStudiesKeepTheFirstInCatalogueOrder() throws IOException {
        StudyCatalogue catalogue = catalogue("""
                A,Article A,Eurostat (reported by A),2019,CZ,enterprises 10+,eurostat_ict,10,,,unknown,unknown,unknown
                B,Article B,Eurostat (reported by B),2019,CZ,enterprises 10+,eurostat_ict,10,,,unknown,unknown,unknown
                """, """
                B,social_media_any,enterprises using any social media,mixed,CZ,2019,10+,10,,,47 %
                A,social_media_any,enterprises using any social media,mixed,CZ,,10+,10,,,47%
                """);
        DuplicateFigures.Group group = DuplicateFigures.of(catalogue).groups().get(0);
        assertEquals("B", group.kept().study().id());
        assertEquals(DuplicateFigures.Choice.FIRST_IN_CATALOGUE, group.choice());
        assertEquals(List.of("A"), group.duplicates().stream().map(o -> o.study().id()).toList());
    }

    @Test
    void onlyFiguresOfOneSubgroupAndOneYearMatch() throws IOException {
        StudyCatalogue catalogue = catalogue("""
                S,Sensis report,Sensis (reported by X),2017,AU,Australian businesses,not_stated,,,,unknown,unknown,unknown
                T,Sensis again,Sensis (reported by Y),2017,AU,Australian businesses,not_stated,,,,unknown,unknown,unknown
                N,No date,Some Survey Ltd (reported by X),,AU,Australian businesses,not_stated,,,,unknown,unknown,unknown
                M,No date again,Some Survey Ltd (reported by Y),,AU,Australian businesses,not_stated,,,,unknown,unknown,\
                unknown
                """, """
                S,social_media_any,businesses with a social media presence,external,AU,2017,SMB,,,,47 %
                S,social_media_any,businesses with a social media presence,external,AU,2017,small,,,,47 %
                T,social_media_any,businesses with a social media presence,external,AU,2017,Small,,,,47 %
                S,platform_use,firms on Foursquare,external,AU,2017,,,,other,10 %
                T,platform_use,firms on Flickr,external,AU,2017,,,,other,10 %
                T,platform_use,firms on foursquare,external,AU,2017,,,,other,10 %
                S,social_networks,firms on social networks,external,AU,2017,10-49,10,49,,30 %
                T,social_networks,firms on social networks,external,AU,2017,50-249,50,249,,30 %
                N,social_networks,firms on social networks,external,AU,,,,,,20 %
                M,social_networks,firms on social networks,external,AU,,,,,,20 %
                """);
        List<Observation> figures = catalogue.observations();
        DuplicateFigures duplicates = DuplicateFigures.of(catalogue);
        // Without a band, the class names decide ("small" is "Small", not "SMB"); on "other" platforms, the wording.
        // Bands must be equal; a figure without any year is never matched.
        assertEquals(List.of(figures.get(2), figures.get(5)), duplicates.duplicates());
        assertEquals(List.of(figures.get(1), figures.get(3)),
                duplicates.groups().stream().map(DuplicateFigures.Group::kept).toList());
        assertEquals(Optional.empty(), DuplicateFigures.statistic(figures.get(8)));
        assertEquals("AU 2017 platform_use 'firms on foursquare' 10 % (sensis)",
                duplicates.groups().get(1).statistic().label());
    }

    @Test
    void summaryListsEachStatisticWithTheFigureKeptAndItsDuplicates() throws IOException {
        DuplicateFigures duplicates = DuplicateFigures.of(catalogue(STUDIES, OBSERVATIONS));
        assertEquals("""
                Duplicate figures: 2 statistics reported more than once; 3 of 9 figures to leave out
                  GR 2013 10+ social_media_any 34 % (eurostat)
                    kept       ESTAT (Eurostat): the original publisher's own release
                    duplicate  SEPE (Eurostat (reported by SEPE))
                  EU28 2014 10+ social_networks 33 % (eurostat)
                    kept       CSO (Central Statistics Office Ireland (Eurostat data)): the study with the most \
                complete metadata
                    duplicate  GNET (Eurostat (reported by GNet project))
                    duplicate  CBS (Centraal Bureau voor de Statistiek)
                """, duplicates.summary());
        assertEquals("Duplicate figures: 0 statistics reported more than once; 0 of 0 figures to leave out\n",
                DuplicateFigures.of(List.of()).summary());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Eurostat                                                                 | eurostat                    | true
            Eurostat (reported by SEPE)                                              | eurostat                    | false
            Central Statistics Office Ireland (Eurostat data)                        | eurostat                    | false
            ONTSI / Red.es (INE data; reported by Tecnópole)                         | ine                         | false
            FOD Economie (Statbel data)                                              | statbel                     | false
            Statbel (Statistics Belgium)                                             | statbel                     | true
            Statistisches Bundesamt (Destatis; reported by die-marketing-netzwerker.de) | statistisches bundesamt  | false
            Hagstofa Íslands / Eurostat (reported by Islandsbloggen)                 | hagstofa islands / eurostat | false
            Český statistický úřad (CZSO), Statistika&My                             | cesky statisticky urad      | true
            Hootsuite with ADETEM, Visionary Marketing and Toluna                    | hootsuite with adetem       | true
            Fundación Banesto; Cink Shaking Business (reported by IPMARK)            | fundacion banesto           | false
            """)
    void theOriginalPublisherIsWhoProducedTheStatistic(String publisher, String original, boolean own)
            throws IOException {
        StudyCatalogue catalogue = catalogue(
                "P,A release,\"" + publisher + "\",2020,FR,firms,eurostat_ict,10,,,unknown,unknown,unknown\n",
                "P,social_media_any,firms using social media,mixed,FR,2020,10+,10,,,50 %\n"
                        + "P,social_media_any,EU average,mixed,EU27_2020,2020,10+,10,,,55 %\n"
                        + "P,social_media_any,EU average of a private survey,external,EU27_2020,2020,10+,10,,,60 %\n");
        List<Observation> figures = catalogue.observations();
        assertEquals(original, DuplicateFigures.originalPublisher(figures.get(0)));
        assertEquals(own, DuplicateFigures.isOwnRelease(figures.get(0)));
        // An EU aggregate on the ICT survey's concepts is Eurostat's, whoever quotes it; on external networks it is not.
        assertEquals("eurostat", DuplicateFigures.originalPublisher(figures.get(1)));
        assertEquals(original, DuplicateFigures.originalPublisher(figures.get(2)));
    }

    @Test
    void rejectsNullsAndGroupsWithoutDuplicates() throws IOException {
        assertEquals("catalogue", assertThrows(NullPointerException.class,
                () -> DuplicateFigures.of((StudyCatalogue) null)).getMessage());
        assertEquals("figures", assertThrows(NullPointerException.class,
                () -> DuplicateFigures.of((List<Observation>) null)).getMessage());
        DuplicateFigures.Group group = DuplicateFigures.of(catalogue(STUDIES, OBSERVATIONS)).groups().get(0);
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> new DuplicateFigures.Group(
                group.statistic(), group.kept(), group.choice(), List.of()));
        assertEquals("A group of duplicates has no duplicate: ESTAT GR 2013", empty.getMessage());
        IllegalArgumentException itself = assertThrows(IllegalArgumentException.class, () -> new DuplicateFigures.Group(
                group.statistic(), group.kept(), group.choice(), List.of(group.kept())));
        assertEquals("The kept figure is among its duplicates: ESTAT GR 2013", itself.getMessage());
        assertThrows(UnsupportedOperationException.class, () -> group.duplicates().clear());
    }

    /**
     * The bundled catalogue's duplicates, checked by hand against observations.csv: Eurostat's EU and Irish figures
     * for 2013 in its news release 195/2013 and again in CSO's 2015 table (Eurostat data); the EU 2019 and 2021 totals
     * in Statistics Explained and in the news items; the EU 2017 figures on the GNet page and in CSO's 2017 table;
     * and the EU 2014 social-network share in CSO's table and quoted by CBS.
     */
    @Test
    void findsTheBundledCataloguesRepeatedEurostatFigures() {
        DuplicateFigures duplicates = DuplicateFigures.of(Bundled.catalogue());
        Map<String, String> found = duplicates.groups().stream().collect(Collectors.toMap(
                g -> g.statistic().label(),
                g -> g.kept().study().id() + " <- " + g.duplicates().stream().map(o -> o.study().id())
                        .collect(Collectors.joining(", ")) + " (" + g.choice().name() + ")"));
        assertEquals(Map.ofEntries(
                Map.entry("EU28 2013 10+ social_media_any 30 % (eurostat)",
                        "EUROSTAT_NR_2013 <- CSO_IE_2015 (OWN_RELEASE)"),
                Map.entry("EU28 2013 10+ social_networks 28 % (eurostat)", "EUROSTAT_NR_2013 <- CSO_IE_2015 (OWN_RELEASE)"),
                Map.entry("EU28 2013 10+ multimedia_sharing 11 % (eurostat)",
                        "EUROSTAT_NR_2013 <- CSO_IE_2015 (OWN_RELEASE)"),
                Map.entry("EU28 2013 10+ blogs_microblogs 10 % (eurostat)", "EUROSTAT_NR_2013 <- CSO_IE_2015 (OWN_RELEASE)"),
                Map.entry("EU28 2013 10+ wikis 6 % (eurostat)", "EUROSTAT_NR_2013 <- CSO_IE_2015 (OWN_RELEASE)"),
                Map.entry("IE 2013 10+ social_media_any 48 % (eurostat)", "EUROSTAT_NR_2013 <- CSO_IE_2015 (OWN_RELEASE)"),
                Map.entry("IE 2013 10+ social_networks 46 % (eurostat)", "EUROSTAT_NR_2013 <- CSO_IE_2015 (OWN_RELEASE)"),
                Map.entry("EU28 2014 10+ social_networks 33 % (eurostat)",
                        "CSO_IE_2015 <- CBS_NL (FIRST_IN_CATALOGUE)"),
                Map.entry("EU27_2020 2019 10+ social_media_any 50 % (eurostat)",
                        "EUROSTAT_SE_DESE <- EUROSTAT_NEWS_2020 (OWN_RELEASE)"),
                Map.entry("EU27_2020 2021 10+ social_media_any 59 % (eurostat)",
                        "EUROSTAT_NEWS_2022 <- EUROSTAT_SE_DESE (FIRST_IN_CATALOGUE)"),
                Map.entry("EU28 2017 10+ social_media_any 47 % (eurostat)",
                        "EUROSTAT_2017_GNET <- CSO_IE_2017 (FIRST_IN_CATALOGUE)"),
                Map.entry("EU28 2017 10+ social_networks 45 % (eurostat)",
                        "EUROSTAT_2017_GNET <- CSO_IE_2017 (FIRST_IN_CATALOGUE)"),
                Map.entry("EU28 2017 10+ multimedia_sharing 16 % (eurostat)",
                        "EUROSTAT_2017_GNET <- CSO_IE_2017 (FIRST_IN_CATALOGUE)"),
                Map.entry("EU28 2017 10+ blogs_microblogs 14 % (eurostat)",
                        "EUROSTAT_2017_GNET <- CSO_IE_2017 (FIRST_IN_CATALOGUE)")), found);
        assertEquals(14, duplicates.duplicates().size());
    }

    /** The converter marks each duplicate in its notes, and marks nothing else. */
    @Test
    void theBundledCatalogueMarksExactlyTheDuplicatesFound() {
        StudyCatalogue bundled = Bundled.catalogue();
        DuplicateFigures duplicates = DuplicateFigures.of(bundled);
        Pattern mark = Pattern.compile("^Same statistic as (\\S+) \\((.*?)\\)\\.(?: |$)");
        int marked = 0;
        for (Observation figure : bundled.observations()) {
            Matcher m = mark.matcher(figure.notes());
            Optional<DuplicateFigures.Group> group = duplicates.groupOf(figure);
            if (m.find()) {
                marked++;
                assertTrue(duplicates.isDuplicate(figure), figure.label());
                assertEquals(group.orElseThrow().kept().study().id(), m.group(1), figure.label());
                assertEquals(group.orElseThrow().kept().study().publisher(), m.group(2), figure.label());
            } else {
                assertFalse(duplicates.isDuplicate(figure), figure.label());
            }
            assertFalse(figure.notes().substring(Math.min(1, figure.notes().length())).contains("Same statistic as"),
                    figure.label());
        }
        assertEquals(duplicates.duplicates().size(), marked);
    }
}
