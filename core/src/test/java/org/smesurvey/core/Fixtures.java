package org.smesurvey.core;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/** Small, fully specified studies and observations shared by the tests. */
public final class Fixtures {
    private Fixtures() {
    }

    /** A French survey of 400 CEOs, 2018, SMEs of 10-249 employees on the EU scheme. */
    public static Study frenchCeoSurvey() {
        return Study.builder("FR_CEO_2018")
                .title("Les dirigeants de PME et les réseaux sociaux")
                .publisher("Institut Exemple")
                .fieldwork(YearRange.of(2018))
                .region(Region.of("FR"))
                .population(new Population("PME of 10 to 249 salariés", SizeClassScheme.EU_2003_361,
                        Optional.of(SizeBand.of(10, 249)), Optional.of(Sectors.ALL)))
                .sampleSize(400)
                .respondents(RespondentFunction.CEO, RespondentFunction.FINANCE)
                .method(new StudyMethod(SurveyMode.TELEPHONE, Sampling.PANEL, Weighting.WEIGHTED))
                .sources(List.of(URI.create("https://example.org/fr-ceo-2018")))
                .notes("Quota sample by size and sector.")
                .build();
    }

    /** An official ICT survey of the EU28 for 2013-2015, 10+ persons employed. */
    public static Study ictSurvey() {
        return Study.builder("ICT_EU_2013_2015")
                .title("ICT usage in enterprises")
                .publisher("Eurostat")
                .fieldwork(YearRange.of(2013, 2015))
                .region(Region.EU28)
                .population(new Population("enterprises with 10 or more persons employed", SizeClassScheme.EUROSTAT_ICT,
                        Optional.of(SizeBand.atLeast(10)), Optional.of(Sectors.parse("C-J|L-N"))))
                .method(new StudyMethod(SurveyMode.MIXED, Sampling.PROBABILITY, Weighting.WEIGHTED))
                .build();
    }

    /** A US owner survey with no year, no bounds and nothing stated about its method. */
    public static Study vagueUsSurvey() {
        return Study.builder("US_SMB")
                .title("Small business social media survey")
                .publisher("Vendor (reported by a blog)")
                .region(Region.of("US"))
                .population(new Population("small businesses", SizeClassScheme.NOT_STATED, Optional.empty(),
                        Optional.empty()))
                .build();
    }

    /** One observation of each figure form and subgroup kind over the three studies. */
    public static List<Observation> observations() {
        Study fr = frenchCeoSurvey();
        Study ict = ictSurvey();
        Study us = vagueUsSurvey();
        return List.of(
                Observation.builder(fr, Indicator.of("social_networks", "firms present on social networks"),
                        NetworkScope.EXTERNAL, new Figure.Counts(212, 400)).size("PME", SizeBand.of(10, 249)).build(),
                Observation.builder(fr, Indicator.of("platform_use", "firms on LinkedIn"), NetworkScope.EXTERNAL,
                        new Figure.WithBase(0.52, 400)).platform(Platform.LINKEDIN).year(2018).build(),
                Observation.builder(fr, Indicator.of("enterprise_social_network", "firms with an RSE"),
                        NetworkScope.INTERNAL, new Figure.WithInterval(0.12, 0.09, 0.155, 0.9, java.util.OptionalInt.of(400)))
                        .notes("=SUM(A1) is a note that looks like a formula").build(),
                Observation.builder(ict, Indicator.of("social_media_any", "enterprises using any social media"),
                        NetworkScope.MIXED, new Figure.WithStandardError(0.30, 0.004, java.util.OptionalInt.empty()))
                        .year(2013).size("10+", SizeBand.atLeast(10)).designEffect(1.8).build(),
                Observation.builder(ict, Indicator.of("social_media_any", "enterprises using any social media"),
                        NetworkScope.MIXED, new Figure.Unbased(0.19)).region(Region.of("FR")).year(2013)
                        .size("10+", SizeBand.atLeast(10)).source(URI.create("https://example.org/fr-2013"))
                        .notes("-stated as 'deux sur dix'").build(),
                Observation.builder(ict, Indicator.of("social_media_any", "enterprises using any social media"),
                        NetworkScope.MIXED, new Figure.Unbased(0.452)).region(Region.of("IT")).year(2014)
                        .size("250+", SizeBand.atLeast(250)).sectors(Sectors.parse("C-J"))
                        .denominator("enterprises with 250 or more persons employed").build(),
                Observation.builder(us, Indicator.of("platform_use", "respondents using Facebook"),
                        NetworkScope.EXTERNAL, new Figure.Unbased(0.9)).sizeClass("SMB").platform(Platform.FACEBOOK)
                        .notes("'quoted' and @mention").build());
    }

    /** The three studies and their observations. */
    public static StudyCatalogue catalogue() {
        return StudyCatalogue.of(List.of(frenchCeoSurvey(), ictSurvey(), vagueUsSurvey()), observations());
    }
}
