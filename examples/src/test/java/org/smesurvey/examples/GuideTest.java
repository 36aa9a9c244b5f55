package org.smesurvey.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smesurvey.core.ObservationFilters.region;
import static org.smesurvey.core.ObservationFilters.scope;
import static org.smesurvey.core.ObservationFilters.sizeOverlapping;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smesurvey.charts.ChartSpec;
import org.smesurvey.charts.ForestPlot;
import org.smesurvey.charts.ProfilePlot;
import org.smesurvey.core.NetworkScope;
import org.smesurvey.core.Observation;
import org.smesurvey.core.Platform;
import org.smesurvey.core.ReferencePopulation;
import org.smesurvey.core.Region;
import org.smesurvey.core.SizeBand;
import org.smesurvey.core.StudyCatalogue;
import org.smesurvey.core.bundled.Bundled;
import org.smesurvey.core.csv.CatalogueReader;
import org.smesurvey.core.csv.CatalogueWriter;
import org.smesurvey.core.imports.EurostatTable;
import org.smesurvey.core.imports.Imported;
import org.smesurvey.core.io.InputSource;
import org.smesurvey.stats.EffectiveSample;
import org.smesurvey.stats.Interval;
import org.smesurvey.stats.TestResult;
import org.smesurvey.stats.adoption.AdoptionData;
import org.smesurvey.stats.adoption.AdoptionModel;
import org.smesurvey.stats.adoption.GapDecomposition;
import org.smesurvey.stats.comparability.ComparabilityCheck;
import org.smesurvey.stats.comparability.ComparabilityReport;
import org.smesurvey.stats.harmonisation.Reweighted;
import org.smesurvey.stats.harmonisation.SizeFigure;
import org.smesurvey.stats.harmonisation.SizeHarmonisation;
import org.smesurvey.stats.meta.CrossedFactor;
import org.smesurvey.stats.meta.EffectSizes;
import org.smesurvey.stats.meta.Glmm;
import org.smesurvey.stats.meta.GlmmResult;
import org.smesurvey.stats.meta.MetaAnalysis;
import org.smesurvey.stats.meta.MetaResult;
import org.smesurvey.stats.meta.Moderators;
import org.smesurvey.stats.meta.MultilevelResult;
import org.smesurvey.stats.meta.PermutationTest;
import org.smesurvey.stats.meta.PetPeese;
import org.smesurvey.stats.meta.Prediction;
import org.smesurvey.stats.meta.ProportionMeasure;
import org.smesurvey.stats.meta.SelectionModel;
import org.smesurvey.stats.meta.SelectionResult;
import org.smesurvey.stats.meta.Tau2Estimator;
import org.smesurvey.stats.meta.VarianceInterval;
import org.smesurvey.stats.meta.YearReached;
import org.smesurvey.stats.proportion.DifferenceInterval;
import org.smesurvey.stats.proportion.KProportions;
import org.smesurvey.stats.proportion.ProportionInterval;
import org.smesurvey.stats.proportion.Ratios;
import org.smesurvey.stats.survey.DomainEstimates;
import org.smesurvey.stats.survey.ModelTerms;
import org.smesurvey.stats.survey.OrdinalRegression;
import org.smesurvey.stats.survey.RespondentReader;
import org.smesurvey.stats.survey.Respondents;
import org.smesurvey.stats.survey.SurveyEstimator;
import org.smesurvey.stats.survey.SurveyQuantiles;
import org.smesurvey.stats.survey.SurveyRegression;

/**
 * The user guide's code, run: every {@code java} block of docs/guide.md is one of the marked regions below, word
 * for word, so the guide cannot show code that does not compile or run. Each test runs one task's region and checks
 * what it gives.
 */
class GuideTest {

    private static final Path GUIDE = Path.of("../docs/guide.md");
    private static final Path SOURCE = Path.of("src/test/java/org/smesurvey/examples/GuideTest.java");

    @Test
    void theGuideShowsExactlyTheCodeRunHere() throws IOException {
        List<String> guide = new ArrayList<>();
        Matcher block = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(GUIDE));
        while (block.find()) {
            guide.add(block.group(1).strip());
        }
        List<String> regions = new ArrayList<>();
        Matcher region = Pattern.compile("// guide: [a-z]+\\n(.*?)\\n\\s*// end", Pattern.DOTALL)
                .matcher(Files.readString(SOURCE));
        while (region.find()) {
            regions.add(region.group(1).lines().map(l -> l.length() >= 8 ? l.substring(8) : l.strip())
                    .reduce((a, b) -> a + "\n" + b).orElse("").strip());
        }
        assertEquals(regions, guide);
        assertEquals(17, guide.size());
    }

    @Test
    void load() throws IOException {
        Path dir = Path.of("src/test/resources/org/smesurvey/examples/report/ine-like");
        // guide: load
        StudyCatalogue bundled = Bundled.catalogue();
        StudyCatalogue mine = CatalogueReader.withDefaults().read(dir);   // your catalogue's directory
        StudyCatalogue all = StudyCatalogue.union(List.of(bundled, mine));
        System.out.println(all.studies().size() + " studies, " + all.observations().size() + " figures");
        // end
        assertEquals(bundled.studies().size() + 1, all.studies().size());
    }

    @Test
    void filter() {
        StudyCatalogue bundled = Bundled.catalogue();
        // guide: filter
        StudyCatalogue french = bundled.filter(region(Region.of("FR")).and(scope(NetworkScope.EXTERNAL))
                .and(sizeOverlapping(SizeBand.of(10, 249))));
        french.observations().forEach(o -> System.out.println(o.study().id() + " " + o.figure().proportion()));
        // end
        assertTrue(french.observations().stream().allMatch(o -> o.region().equals(Region.of("FR"))));
    }

    @Test
    void harmonise() {
        // guide: harmonise
        ReferencePopulation insee2015 = Bundled.populations().population("INSEE_TEF_2018").orElseThrow();
        List<SizeFigure> classes = List.of(SizeFigure.of(SizeBand.of(10, 49), 0.33),   // Insee 2015: no website
                SizeFigure.of(SizeBand.of(50, 249), 0.11), SizeFigure.of(SizeBand.atLeast(250), 0.05));   // nor social media
        Reweighted tenPlus = SizeHarmonisation.reexpress(classes, SizeBand.atLeast(10), insee2015);
        System.out.println(tenPlus.summary());   // 28.3 %, the weights, and what they assume
        // end
        // SizeHarmonisationTest holds the value to R's, 0.28332060140889126.
        assertTrue(tenPlus.summary().startsWith("10+: 28.3 %"), tenPlus.summary());
        assertTrue(tenPlus.summary().contains("Assumed: INSEE_TEF_2018 counts 10-249 only as a whole (140,000 "
                + "enterprises): 10-49 given 83.4 % of them by a Pareto law fitted to its bands from 10 employees up"),
                tenPlus.summary());
    }

    /** The seed case's two figures: Insee's 20 % and Bpifrance's 70 %. */
    private static Observation figure(StudyCatalogue catalogue, String study, String indicator) {
        return catalogue.observations().stream().filter(o -> o.study().id().equals(study)
                && o.indicator().code().equals(indicator)).findFirst().orElseThrow();
    }

    @Test
    void compareAndExplain() {
        StudyCatalogue bundled = Bundled.catalogue();
        // guide: compare
        Observation insee = figure(bundled, "INSEE_IP_2013", "social_media_any");
        Observation bpifrance = figure(bundled, "BPIFRANCE_LAB_2018", "social_networks");
        ComparabilityReport report = ComparabilityCheck.withDefaults().compare(insee, bpifrance);
        System.out.println(report.summary());
        // end
        // guide: counts
        // 30 of the 80 companies of a small study against 1,160 of 2,600 in a large one
        Interval difference = DifferenceInterval.MEE.of(30, 80, 1160, 2600, 0.95);   // score interval, Mee (1984)
        Interval odds = Ratios.adjustedOddsRatio(30, 80, 1160, 2600, 0.95);          // ½ added to every cell
        System.out.println(difference.summary() + "; odds ratio " + odds.summary());
        Interval corrected = DifferenceInterval.WALD_CONTINUITY_R.of(30, 80, 1160, 2600, 0.95);   // prop.test's interval
        Interval risk = Ratios.adjustedRiskRatio(30, 80, 1160, 2600, 0.95);           // statsmodels' log-adjusted
        Interval small = ProportionInterval.WALD_UNCLIPPED.of(2, 80, 0.95);            // may go below 0, as R's binom
        // use in three size classes, ordered: the linear-by-linear test of a trend (coin's lbl_test)
        TestResult trend = KProportions.linearByLinear(new int[] {30, 45, 60}, new int[] {80, 90, 100},
                new double[] {1, 2, 3});
        // end
        // TwoProportionsTest holds both to R (Mee's definition, uniroot) and statsmodels 0.13.5
        // (confint_proportions_2indep(30, 80, 1160, 2600, compare="odds-ratio", method="logit-adjusted")).
        assertEquals(-0.17123332052110499, difference.lower(), 1e-8);
        assertEquals(0.039999307825142535, difference.upper(), 1e-8);
        assertEquals(0.47512759396773224, odds.lower(), 1e-10);
        assertEquals(1.182886034592789, odds.upper(), 1e-10);
        assertTrue(difference.contains(0) && odds.contains(1), "the two studies do not differ at 95 %");
        assertTrue(corrected.contains(0) && risk.contains(1), corrected + " " + risk);
        assertTrue(small.lower() < 0, "Wald unclipped goes below 0: " + small);
        assertEquals(1, trend.degreesOfFreedom().orElseThrow());
        // guide: explain
        AdoptionModel.Fit fit = AdoptionModel.fit(AdoptionData.of(bundled));
        System.out.println(fit.crossValidation().summary());   // coverage and error on studies it has not seen
        GapDecomposition gap = GapDecomposition.of(fit, insee, bpifrance);
        System.out.println(gap.summary());   // time, size, indicator, private survey... each with its range, and notes
        // end
        assertTrue(fit.crossValidation().summary().startsWith("Leaving each study out (75 studies"),
                fit.crossValidation().summary());
        assertTrue(gap.summary().startsWith("INSEE_IP_2013"), gap.summary());
        assertEquals(List.of("time", "size", "indicator", "private survey", "country", "studies", "figures",
                "sampling error"), gap.parts().stream().map(GapDecomposition.Part::dimension).toList());
        assertTrue(gap.summary().contains("note: the private-survey part merges"), gap.summary());
        assertTrue(!report.summary().isBlank());
    }

    @Test
    void model() {
        AdoptionModel.Fit fit = AdoptionModel.fit(AdoptionData.of(Bundled.catalogue()));
        // guide: model
        AdoptionModel.Question small = AdoptionModel.Question.builder().band(SizeBand.of(10, 49))
                .region(Region.of("FR")).year(2026).build();   // any social media, as official statistics measure it
        AdoptionModel.Answer in2026 = fit.predict(small);
        YearReached half = fit.yearReaching(small, 0.5);         // the question's year ignored
        Interval speed = fit.speed(SizeBand.of(10, 49));         // odds ratio per year
        System.out.printf("2026: %.0f %% (a new study's figure %.0f to %.0f %%); 50 %% in %.0f (SE %.1f); odds x%.2f"
                + " a year%n", 100 * in2026.share(), 100 * in2026.prediction().lower(), 100 * in2026.prediction().upper(),
                half.estimate(), half.standardError(), speed.estimate());
        // end
        assertTrue(in2026.prediction().lower() < in2026.confidence().lower()
                && in2026.confidence().upper() < in2026.prediction().upper());
        // As ExplainTheGap prints it: French firms of 10-49 reach 50 % in 2021 (SE 0.7), odds x1.18 a year.
        assertEquals(2021, half.estimate(), 0.5);
        assertEquals(1.18, speed.estimate(), 0.005);
    }

    @Test
    void pool() {
        StudyCatalogue bundled = Bundled.catalogue();
        // guide: pool
        List<Observation> facebook = bundled.observations().stream()
                .filter(o -> o.indicator().code().equals("platform_use") && o.figure().hasBase()
                        && o.platform().equals(Optional.of(Platform.FACEBOOK))).toList();
        MetaResult result = MetaAnalysis.withDefaults().fit(EffectSizes.of(ProportionMeasure.PLO, facebook));
        System.out.println(result.summary());   // as metafor prints it, the prediction interval included
        Interval share = result.pooledProportion().orElseThrow();              // predict(res, transf = transf.ilogit)
        Interval newStudy = result.pooledProportionPrediction().orElseThrow();  // where a new study's share would fall
        // end
        assertTrue(result.k() >= 2);
        assertEquals(result.backTransformed().confidence(), share);
        assertTrue(newStudy.lower() <= share.lower() && share.upper() <= newStudy.upper());
    }

    /** The pool region's figures: Facebook use with a base. */
    private static List<Observation> facebook() {
        return Bundled.catalogue().observations().stream()
                .filter(o -> o.indicator().code().equals("platform_use") && o.figure().hasBase()
                        && o.platform().equals(Optional.of(Platform.FACEBOOK))).toList();
    }

    @Test
    void glmm() {
        List<Observation> facebook = facebook();
        // guide: glmm
        List<Observation> dated = facebook.stream().filter(o -> o.effectiveYear().isPresent()).toList();
        // rma.glmm(measure = "PLO", xi, ni, mods = ~ year): one step, each figure's firms out of its base
        GlmmResult glmm = Glmm.withDefaults().fit(dated.stream().map(EffectiveSample::of).toList(),
                dated.stream().map(Observation::label).toList(),
                Moderators.builder(dated.size()).numeric("year", Moderators.years(dated)).build());
        System.out.println(glmm.summary());
        Prediction in2024 = glmm.predict(2024);   // predict(res, newmods = 2024, transf = transf.ilogit)
        System.out.printf("2024: %.0f %%, a new study's figure %.0f to %.0f %%%n",
                100 * in2024.confidenceAsProportion().estimate(), 100 * in2024.predictionAsProportion().lower(),
                100 * in2024.predictionAsProportion().upper());
        double[] own = glmm.studyEffects();   // each figure's conditional mode (logit), lme4's ranef
        double seTau = glmm.tauStandardError().orElseThrow();   // from the exact information in (tau, beta)
        double logLik = glmm.logLikelihood();                   // logLik(res), as metafor reports it
        // end
        assertEquals(dated.size(), own.length);
        assertTrue(seTau > 0 && Double.isFinite(logLik), seTau + " " + logLik);
        assertTrue(in2024.prediction().lower() < in2024.confidence().lower());
    }

    @Test
    void bias() {
        StudyCatalogue bundled = Bundled.catalogue();
        List<Observation> facebook = bundled.observations().stream()
                .filter(o -> o.indicator().code().equals("platform_use") && o.figure().hasBase()
                        && o.platform().equals(Optional.of(Platform.FACEBOOK))).toList();
        // guide: bias
        EffectSizes shares = EffectSizes.of(ProportionMeasure.PLO, facebook);
        PetPeese petPeese = PetPeese.of(shares);   // equal-effects regressions on the standard error and the variance
        System.out.println(petPeese.summary());    // PEESE's intercept if PET's has p < .10 (two-sided), else PET's
        MetaResult ml = MetaAnalysis.withDefaults().withEstimator(Tau2Estimator.ML).fit(shares);
        SelectionResult selection = SelectionModel.stepFunction(0.025, 0.5).fit(ml);   // steps = c(.025, .5, 1)
        System.out.println(selection.summary());   // as metafor prints selmodel(res, type = "stepfun", steps)
        PermutationTest permuted = PermutationTest.of(ml, 1000, 20261207);   // permutest(res, iter = 1000), seeded
        System.out.println(permuted.summary());
        // end
        assertEquals(petPeese.usesPeese() ? petPeese.peeseIntercept() : petPeese.petIntercept(), petPeese.estimate());
        assertEquals(3, selection.weights().size());
        assertTrue(permuted.exact() || permuted.permutations() == 1000, permuted.summary());
        assertEquals(ml.k(), selection.weights().stream().mapToInt(w -> w.studies()).sum());
    }

    @Test
    void crossed() {
        StudyCatalogue bundled = Bundled.catalogue();
        // guide: crossed
        List<Observation> social = bundled.observations().stream()
                .filter(o -> o.indicator().code().equals("social_media_any") && o.figure().hasBase()
                        && !o.region().isAggregate()).toList();
        String[] study = social.stream().map(o -> o.study().id()).toArray(String[]::new);
        String[] country = social.stream().map(o -> o.region().code()).toArray(String[]::new);
        // rma.mv(yi, vi, mods = ~ year, random = list(~ 1 | country, ~ 1 | study/figure))
        MultilevelResult fit = MetaAnalysis.withDefaults().multilevel(EffectSizes.of(ProportionMeasure.PLO, social),
                study, Moderators.builder(social.size()).numeric("year", Moderators.years(social)).build(),
                CrossedFactor.of("country", country));
        System.out.println(fit.summary());   // sigma^2 of country, study and figure, as metafor prints them
        Prediction france = fit.predict(Map.of("country", "FR"), 2024);      // with France's own effect
        Prediction elsewhere = fit.predict(Map.of("country", "XX"), 2024);   // a country the figures lack
        System.out.printf("FR %.0f %%, a new study's figure %.0f to %.0f %%; a new country %.0f to %.0f %%%n",
                100 * france.confidenceAsProportion().estimate(), 100 * france.predictionAsProportion().lower(),
                100 * france.predictionAsProportion().upper(), 100 * elsewhere.predictionAsProportion().lower(),
                100 * elsewhere.predictionAsProportion().upper());
        // end
        assertEquals(List.of("country"), fit.crossedFactors());
        assertTrue(elsewhere.prediction().upper() - elsewhere.prediction().lower()
                > france.prediction().upper() - france.prediction().lower());
    }

    @Test
    void levels(@TempDir Path dir) throws IOException {
        StudyCatalogue bundled = Bundled.catalogue();
        List<Observation> social = bundled.observations().stream()
                .filter(o -> o.indicator().code().equals("social_media_any") && o.figure().hasBase()
                        && !o.region().isAggregate()).toList();
        String[] study = social.stream().map(o -> o.study().id()).toArray(String[]::new);
        Path png = dir.resolve("profile.png");
        // guide: levels
        // rma.mv(yi, vi, random = ~ 1 | study/figure); confint(res); profile(res, sigma2 = 1)
        MultilevelResult levels = MetaAnalysis.withDefaults().multilevel(EffectSizes.of(ProportionMeasure.PLO, social),
                study);
        for (VarianceInterval interval : levels.varianceIntervals()) {   // sigma^2.1 studies, sigma^2.2 figures
            System.out.println(interval.summary());   // estimate, ci.lb, ci.ub, and their square roots
        }
        System.out.printf("I2 %.1f %%: between studies %.1f %%, between figures of a study %.1f %%%n", levels.i2(),
                levels.clusterI2(), levels.estimateI2());
        ProfilePlot.of(levels.profile(0), ChartSpec.defaults()).save(png);   // the studies' profile likelihood
        // end
        assertEquals(levels.i2(), levels.clusterI2() + levels.estimateI2(), 1e-9);
        assertTrue(levels.varianceIntervals().get(0).variance().contains(levels.clusterVariance()));
        assertTrue(Files.size(png) > 0);
    }

    /** The simulated respondents of the examples, copied to a file the reader opens. */
    private static Path simulatedRespondents() throws IOException {
        Path file = Files.createTempFile("respondents", ".csv");
        try (InputStream in = EstimateFromRespondents.class.getResourceAsStream("simulated-respondents.csv")) {
            Files.write(file, in.readAllBytes());
        }
        return file;
    }

    @Test
    void respondents() throws IOException {
        Path file = simulatedRespondents();
        // guide: respondents
        Respondents data = RespondentReader.builder().weight("weight").strata("band").clusters("psu")
                .answers("external").categories("band", "region").build().read(file);
        SurveyEstimator estimator = SurveyEstimator.of(data.design());
        List<String> sizes = List.of("0-9", "10-249", "250-4999", "5000+");   // the factor's levels, in order
        DomainEstimates bySize = estimator.proportionsBy(data.answers("external"), data.domains("band", sizes));
        System.out.println(bySize.difference("10-249", "0-9"));   // with the covariance of the two domains
        ModelTerms terms = ModelTerms.builder(data).factor("band", sizes).factor("region", "Ile-de-France").build();
        SurveyRegression model = estimator.regression("external", terms, SurveyRegression.Family.QUASIBINOMIAL);
        System.out.println(model.summary());                     // svyglm(external ~ band + region, quasibinomial)
        System.out.println(model.termTest("band"));              // regTermTest(model, ~band)
        System.out.println(model.predict(Map.of("band", "10-249", "region", "Occitanie")).response());
        DomainEstimates margins = model.predictiveMargins("band");   // by size, the regional mix held fixed
        // end
        Files.delete(file);
        assertEquals(sizes, margins.labels());
        assertEquals(sizes, bySize.labels());
        assertEquals(List.of("band10-249", "band250-4999", "band5000+"), terms.columns("band"));
    }

    @Test
    void ordinal() throws IOException {
        Path file = simulatedRespondents();
        Respondents data = RespondentReader.builder().weight("weight").strata("band").clusters("psu")
                .answers("external", "internal").categories("band", "region").build().read(file);
        Files.delete(file);
        SurveyEstimator estimator = SurveyEstimator.of(data.design());
        ModelTerms terms = ModelTerms.builder(data).factor("band", List.of("0-9", "10-249", "250-4999", "5000+"))
                .factor("region", "Ile-de-France").build();
        // an ordered answer for the example: higher where the firm uses networks, 0 (missing) for every 50th
        int[] importance = new int[data.size()];
        for (int i = 0; i < importance.length; i++) {
            importance[i] = i % 50 == 49 ? 0 : 1 + (data.answers("external").isYes(i) ? 2 : 0)
                    + (data.answers("internal").isYes(i) ? 1 : 0) + i % 2;
        }
        // guide: ordinal
        List<String> levels = List.of("not at all", "a little", "somewhat", "much", "essential");
        OrdinalRegression importanceModel = estimator.ordinalRegression(importance, levels, terms,   // 1 to 5, 0 missing
                OrdinalRegression.Link.LOGIT);   // no intercept: the cut-points take its place
        System.out.println(importanceModel.summary());   // Coefficients, Intercepts (not at all|a little, ...)
        double[] shares = importanceModel.probabilities(1, 0, 0, 0, 0, 0, 0);   // 10-249 in Ile-de-France: 5 shares
        // end
        assertEquals(4, importanceModel.intercepts().size());
        assertEquals(7, importanceModel.coefficients().size());
        assertEquals(1, java.util.Arrays.stream(shares).sum(), 1e-12);
        assertEquals(40, importanceModel.missing());
    }

    @Test
    void quantiles(@TempDir Path dir) throws IOException {
        // the simulated respondents with a size in employees spread over each band by a fixed rule
        List<String> lines;
        try (InputStream in = EstimateFromRespondents.class.getResourceAsStream("simulated-respondents.csv")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        Map<String, int[]> bands = Map.of("0-9", new int[] {0, 10}, "10-249", new int[] {10, 240},
                "250-4999", new int[] {250, 4750}, "5000+", new int[] {5000, 5000});
        List<String> sized = new ArrayList<>(List.of(lines.get(0) + ",employees"));
        for (int i = 1; i < lines.size(); i++) {
            int[] band = bands.get(lines.get(i).split(",")[0]);
            sized.add(lines.get(i) + "," + (band[0] + Math.floorMod(7919L * i, band[1])));
        }
        Path file = dir.resolve("respondents.csv");
        Files.write(file, sized);
        Respondents data = RespondentReader.builder().weight("weight").strata("band").clusters("psu")
                .categories("band").numbers("employees").build().read(file);
        SurveyEstimator estimator = SurveyEstimator.of(data.design());
        // guide: quantiles
        double[] employees = data.numbers("employees");   // a NaN (not said) would be left out, as na.rm = TRUE
        SurveyQuantiles median = estimator.quantiles("employees", employees, 0.5);
        System.out.println(median.summary());   // quantile, ci.2.5, ci.97.5, se: print(svyquantile(~employees, d, 0.5))
        List<SurveyQuantiles> byBand = estimator.quantilesBy(employees, data.categories("band"), 0.25, 0.5, 0.75);
        System.out.println(SurveyQuantiles.table("band", "employees", byBand));   // as svyby(~employees, ~band, ...)
        // end
        SurveyQuantiles.Quantile half = median.quantile(0.5);
        assertTrue(half.lower() <= half.estimate() && half.estimate() <= half.upper(), median.summary());
        assertEquals(data.size(), median.respondents());
        assertEquals(List.of("0-9", "10-249", "250-4999", "5000+"), byBand.stream().map(SurveyQuantiles::label)
                .toList());
    }

    @Test
    void chart(@TempDir Path dir) throws IOException {
        List<Observation> facebook = facebook();
        MetaResult result = MetaAnalysis.withDefaults().fit(EffectSizes.of(ProportionMeasure.PLO, facebook));
        Path svg = dir.resolve("forest.svg");
        // guide: chart
        ForestPlot.of(result, ChartSpec.builder().title("SMEs on Facebook").build()).save(svg);   // or .png
        // end
        assertTrue(Files.readString(svg, StandardCharsets.UTF_8).contains("SMEs on Facebook"));
    }

    @Test
    void importATable(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("isoc_cismt.tsv");
        Files.writeString(file, "freq,indic_is,size_emp,nace_r2,unit,geo\\TIME_PERIOD\t2021 \n"
                + "A,E_SNET,10_M,C10-S951_X_K,PC_ENT,BE\t50 \n");
        Path out = dir.resolve("catalogue");
        // guide: import
        Imported imported = EurostatTable.read(InputSource.of(file));   // SDMX-CSV or the bulk TSV
        System.out.println(imported.summary());                          // figures, and what was left out
        CatalogueWriter.withDefaults().write(imported.catalogue(), out);  // an ordinary catalogue to edit
        // end
        assertEquals(1, CatalogueReader.withDefaults().read(out).observations().size());
    }
}
