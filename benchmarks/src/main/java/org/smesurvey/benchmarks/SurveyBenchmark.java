package org.smesurvey.benchmarks;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.smesurvey.stats.meta.Moderators;
import org.smesurvey.stats.survey.Answers;
import org.smesurvey.stats.survey.Calibration;
import org.smesurvey.stats.survey.DomainEstimates;
import org.smesurvey.stats.survey.Domains;
import org.smesurvey.stats.survey.OrdinalRegression;
import org.smesurvey.stats.survey.QuantileInterval;
import org.smesurvey.stats.survey.QuantileRule;
import org.smesurvey.stats.survey.ReplicateDesign;
import org.smesurvey.stats.survey.SurveyDesign;
import org.smesurvey.stats.survey.SurveyEstimate;
import org.smesurvey.stats.survey.SurveyEstimator;
import org.smesurvey.stats.survey.SurveyQuantiles;
import org.smesurvey.stats.survey.SurveyRegression;

/**
 * The respondent-level timings that survey-timing.R repeats with R's survey on the same file
 * (benchmarks/target/respondents.csv, made by benchmarks/data/respondents.R): 1,000,000 respondents in 4 strata
 * and 2,000 primary units. The share using an external network overall and in 120 domains (country × size
 * band) with Taylor-linearised standard errors; the same with 100 JK1 replicates (groups of 20 units); raking
 * to the population by size band and by country; a 10-coefficient logistic regression of the answer on size band and
 * five regions of countries (svyglm, quasi-binomial); the 120 domains' shares with their covariance matrix and the
 * 20 contrasts 250+ − 0-9 within each country (svyby with covmat, svycontrast); a proportional-odds regression of
 * a 5-level answer derived from the file on size band, region and external use (svyolr); the quartiles of firm
 * size (made from the size band, see {@link #sizes}) with Woodruff's intervals, overall and in the 120 domains
 * (svyquantile, svyby). Run with {@code -Xmx1g}: the heap stays under 1 GB.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
// Two forks: the JIT's choices differ from one JVM to the next, by up to a third here, and the ratios to the bounds
// should not hang on one of them.
@Fork(value = 2, jvmArgsAppend = "-Xmx1g")
public class SurveyBenchmark {

    /** The population margins of the raking case, also in survey-timing.R: 30 million enterprises. */
    static final Map<String, Double> BANDS = bands();
    static final Map<String, Double> COUNTRIES = countries();

    private boolean[] external;
    private String[] domains;
    private String[] bandOf;
    private String[] countryOf;
    private SurveyDesign design;
    private SurveyEstimator taylor;
    private ReplicateDesign jackknife;
    private Moderators model;
    private Domains codedDomains;
    private List<Domains> codedMargins;
    private Answers externalAnswers;
    /** The bound's inputs: what any estimator must read, in its plainest form. */
    private double[] boundWeight;
    private double[] boundAnswer;
    private int[] boundUnit;
    private int[] boundDomain;
    private int units;
    private int[] boundGroup;
    private int jackknifeGroups;
    private double[] answer;
    private Answers answers;
    /** The ordered answer of the proportional-odds case, 1 to 5, and its model matrix without intercept. */
    private int[] importance;
    private Moderators ordinalModel;

    /** Each respondent's size in employees, made from its band as survey-timing.R makes it: for the quantiles. */
    private double[] size;

    /** JMH creates the state; the data come in {@link #load()}. */
    public SurveyBenchmark() {
    }

    private static Map<String, Double> bands() {
        Map<String, Double> bands = new LinkedHashMap<>();
        String[] names = {"0-9", "10-19", "20-49", "50-99", "100-249", "250+"};
        double[] shares = {40, 25, 15, 10, 7, 3};
        for (int b = 0; b < names.length; b++) {
            bands.put(names[b], 30e6 * shares[b] / 100);
        }
        return bands;
    }

    private static Map<String, Double> countries() {
        Map<String, Double> countries = new LinkedHashMap<>();
        for (int c = 1; c <= 20; c++) {
            countries.put(String.format(java.util.Locale.ROOT, "C%02d", c), 30e6 * (21 - c) / 210);
        }
        return countries;
    }

    /** Reads the respondents and builds the designs. */
    @Setup
    public void load() {
        Path file = Path.of(System.getProperty("smesurvey.respondents", "benchmarks/target/respondents.csv"));
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(reader).getRecords();
            int n = rows.size();
            double[] weights = new double[n];
            String[] strata = new String[n];
            String[] psu = new String[n];
            String[] group = new String[n];
            external = new boolean[n];
            domains = new String[n];
            bandOf = new String[n];
            countryOf = new String[n];
            for (int i = 0; i < n; i++) {
                CSVRecord r = rows.get(i);
                strata[i] = r.get("stratum").intern();
                psu[i] = r.get("psu").intern();
                group[i] = r.get("group").intern();
                weights[i] = Double.parseDouble(r.get("weight"));
                countryOf[i] = r.get("country").intern();
                bandOf[i] = r.get("band").intern();
                domains[i] = (countryOf[i] + " " + bandOf[i]).intern();
                external[i] = r.get("external").equals("1");
            }
            design = SurveyDesign.builder(weights).strata(strata).clusters(psu).build();
            String[] region = new String[n];
            answer = new double[n];
            for (int i = 0; i < n; i++) {
                // five regions of four countries each, as survey-timing.R groups them
                region[i] = "R" + ((Integer.parseInt(countryOf[i].substring(1)) - 1) / 4 + 1);
                answer[i] = external[i] ? 1 : 0;
            }
            model = Moderators.builder(n).factor("band", bandOf, List.of("0-9", "10-19", "20-49", "50-99", "100-249",
                    "250+")).factor("region", region, "R1").build();
            answers = Answers.of(external);
            externalAnswers = answers;
            codedDomains = Domains.of(domains);
            codedMargins = List.of(Domains.of(bandOf), Domains.of(countryOf));
            boundWeight = weights;
            boundAnswer = answer;
            java.util.Map<String, Integer> unitCodes = new java.util.HashMap<>();
            boundUnit = new int[n];
            for (int i = 0; i < n; i++) {
                boundUnit[i] = unitCodes.computeIfAbsent(strata[i] + "/" + psu[i], k -> unitCodes.size());
            }
            units = unitCodes.size();
            java.util.Map<String, Integer> groupCodes = new java.util.HashMap<>();
            boundGroup = new int[n];
            for (int i = 0; i < n; i++) {
                boundGroup[i] = groupCodes.computeIfAbsent(group[i], k -> groupCodes.size());
            }
            jackknifeGroups = groupCodes.size();
            boundDomain = new int[n];
            java.util.List<String> names = codedDomains.names();
            for (int i = 0; i < n; i++) {
                boundDomain[i] = java.util.Collections.binarySearch(names, domains[i]);
            }
            size = sizes(bandOf);
            taylor = SurveyEstimator.of(design);
            ordinal(psu, region);
            jackknife = ReplicateDesign.jackknife(SurveyDesign.builder(weights).clusters(group).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        prepare();
    }

    /**
     * The ordered answer of the proportional-odds case, as survey-timing.R derives it from the file (which has
     * none): importance 1 + ⌊5 s / 11⌋ of the score s = band index (0 to 5) + 2 × external + (primary unit mod 4),
     * modelled on size band, region and external use.
     */
    private void ordinal(String[] psu, String[] region) {
        int n = external.length;
        List<String> bandLevels = List.of("0-9", "10-19", "20-49", "50-99", "100-249", "250+");
        importance = new int[n];
        for (int i = 0; i < n; i++) {
            int score = bandLevels.indexOf(bandOf[i]) + (external[i] ? 2 : 0) + Integer.parseInt(psu[i]) % 4;
            importance[i] = 1 + score * 5 / 11;
        }
        ordinalModel = Moderators.builder(n).withoutIntercept().factor("band", bandOf, bandLevels)
                .factor("region", region, "R1").numeric("external", answer).build();
    }

    /** What a subclass does once the data are in, before any measurement: here, nothing. */
    void prepare() {
    }

    /**
     * Calls every form of every estimator a few times, as a notebook or the report does before the call a user
     * times: per-call ({@code boolean[]}, {@code String[]}) and coded ({@link Answers}, {@link Domains}), overall
     * and by domain, proportions, means and totals, Taylor and replicate, raking both ways.
     */
    void callEveryForm() {
        SurveyEstimator replicates = SurveyEstimator.of(jackknife);
        for (int round = 0; round < 3; round++) {
            for (SurveyEstimator e : List.of(taylor, replicates)) {
                e.proportion("external", external);
                e.proportion("external", answers);
                e.proportionBy(external, domains);
                e.proportionBy(answers, domains);
                e.proportionBy(answers, codedDomains);
                e.mean("answer", answer);
                e.total("answer", answer);
                e.meanBy(answer, domains);
                e.totalBy(answer, codedDomains);
            }
            taylor.proportionsBy(answers, codedDomains);
            taylor.ratio("answer per unit weight", answer, boundWeight);
            Calibration.rake(design, List.of(bandOf, countryOf), List.of(BANDS, COUNTRIES));
            Calibration.rakeCoded(design, codedMargins, List.of(BANDS, COUNTRIES));
        }
    }

    /**
     * The two threads' cells added, for the bounds. Each bound keeps its loop over its own freshly allocated array
     * (not a helper's parameter), as the plainest loop must, so only this step is shared.
     */
    private static double[] added(double[] a, double[] b) {
        for (int j = 0; j < a.length; j++) {
            a[j] += b[j];
        }
        return a;
    }

    /**
     * The overall share with its Taylor standard error.
     *
     * @return the estimate
     */
    @Benchmark
    public SurveyEstimate overallTaylor() {
        return taylor.proportion("external", external);
    }

    /**
     * The one-pass bound of the overall share, on two threads: the weight, the weighted answer and the count added
     * into per-unit cells, then the units' spread — the least work any correct estimator must do.
     *
     * @return the cells
     */
    @Benchmark
    public double[] overallBound() {
        int chunks = 2;
        return java.util.stream.IntStream.range(0, chunks).parallel().mapToObj(c -> {
            double[] cells = new double[units * 3];
            int from = (int) ((long) boundWeight.length * c / chunks);
            int to = (int) ((long) boundWeight.length * (c + 1) / chunks);
            for (int i = from; i < to; i++) {
                int cell = boundUnit[i] * 3;
                cells[cell] += boundWeight[i];
                cells[cell + 1] += boundWeight[i] * boundAnswer[i];
                cells[cell + 2]++;
            }
            return cells;
        }).reduce(SurveyBenchmark::added).orElseThrow();
    }

    /**
     * The domain-aware bound of the 120-domain share, on two threads: the same cells per unit and domain.
     *
     * @return the cells
     */
    @Benchmark
    public double[] domainsBound() {
        int chunks = 2;
        int count = codedDomains.names().size();
        return java.util.stream.IntStream.range(0, chunks).parallel().mapToObj(c -> {
            double[] cells = new double[units * count * 3];
            int from = (int) ((long) boundWeight.length * c / chunks);
            int to = (int) ((long) boundWeight.length * (c + 1) / chunks);
            for (int i = from; i < to; i++) {
                int cell = (boundUnit[i] * count + boundDomain[i]) * 3;
                cells[cell] += boundWeight[i];
                cells[cell + 1] += boundWeight[i] * boundAnswer[i];
                cells[cell + 2]++;
            }
            return cells;
        }).reduce(SurveyBenchmark::added).orElseThrow();
    }

    /**
     * The bound of the overall share with 100 JK1 replicates, on two threads: the one-pass per-unit cells (the
     * replicates' groups of units), then each replicate's ratio from the units' sums.
     *
     * @return the replicates' shares
     */
    @Benchmark
    public double[] overallJackknifeBound() {
        int groups = jackknifeGroups;
        double[] cells = java.util.stream.IntStream.range(0, 2).parallel().mapToObj(c -> {
            double[] part = new double[groups * 2];
            int from = (int) ((long) boundWeight.length * c / 2);
            int to = (int) ((long) boundWeight.length * (c + 1) / 2);
            for (int i = from; i < to; i++) {
                int cell = boundGroup[i] * 2;
                part[cell] += boundWeight[i];
                part[cell + 1] += boundWeight[i] * boundAnswer[i];
            }
            return part;
        }).reduce(SurveyBenchmark::added).orElseThrow();
        double[] shares = new double[groups];
        double all = 0;
        double yes = 0;
        for (int g = 0; g < groups; g++) {
            all += cells[2 * g];
            yes += cells[2 * g + 1];
        }
        double factor = groups / (groups - 1.0);
        for (int r = 0; r < groups; r++) {
            shares[r] = (yes - cells[2 * r + 1]) * factor / ((all - cells[2 * r]) * factor);
        }
        return shares;
    }

    /**
     * The bound of the 120 domains' shares with 100 JK1 replicates, on two threads: per-group × domain cells in one
     * pass, then each replicate's share in each domain from the cells' sums.
     *
     * @return the replicates' shares, replicate by replicate
     */
    @Benchmark
    public double[] domainsJackknifeBound() {
        int groups = jackknifeGroups;
        int count = codedDomains.names().size();
        double[] cells = java.util.stream.IntStream.range(0, 2).parallel().mapToObj(c -> {
            double[] part = new double[groups * count * 2];
            int from = (int) ((long) boundWeight.length * c / 2);
            int to = (int) ((long) boundWeight.length * (c + 1) / 2);
            for (int i = from; i < to; i++) {
                int cell = (boundGroup[i] * count + boundDomain[i]) * 2;
                part[cell] += boundWeight[i];
                part[cell + 1] += boundWeight[i] * boundAnswer[i];
            }
            return part;
        }).reduce(SurveyBenchmark::added).orElseThrow();
        double[] all = new double[count];
        double[] yes = new double[count];
        for (int g = 0; g < groups; g++) {
            for (int d = 0; d < count; d++) {
                all[d] += cells[(g * count + d) * 2];
                yes[d] += cells[(g * count + d) * 2 + 1];
            }
        }
        double[] shares = new double[groups * count];
        for (int r = 0; r < groups; r++) {
            for (int d = 0; d < count; d++) {
                int cell = (r * count + d) * 2;
                shares[r * count + d] = (yes[d] - cells[cell + 1]) / (all[d] - cells[cell]);
            }
        }
        return shares;
    }

    /**
     * The share in each of 120 domains with 100 JK1 replicates, answers read once and domains coded once.
     *
     * @return the estimates
     */
    @Benchmark
    public List<SurveyEstimate> domainsJackknifeCoded() {
        return SurveyEstimator.of(jackknife).proportionBy(externalAnswers, codedDomains);
    }

    /**
     * The overall share with 100 JK1 replicates, from answers read once.
     *
     * @return the estimate
     */
    @Benchmark
    public SurveyEstimate overallJackknifeAnswers() {
        return SurveyEstimator.of(jackknife).proportion("external", externalAnswers);
    }

    /**
     * The overall share with its Taylor standard error, from answers read once (stored as numbers).
     *
     * @return the estimate
     */
    @Benchmark
    public SurveyEstimate overallTaylorAnswers() {
        return taylor.proportion("external", externalAnswers);
    }

    /**
     * The share in each of 120 domains with Taylor standard errors, the domains coded once beforehand.
     *
     * @return the estimates
     */
    @Benchmark
    public List<SurveyEstimate> domainsTaylorCoded() {
        return taylor.proportionBy(externalAnswers, codedDomains);
    }

    /**
     * The share in each of 120 domains with Taylor standard errors.
     *
     * @return the estimates
     */
    @Benchmark
    public List<SurveyEstimate> domainsTaylor() {
        return taylor.proportionBy(external, domains);
    }

    /**
     * The overall share with 100 JK1 replicates.
     *
     * @return the estimate
     */
    @Benchmark
    public SurveyEstimate overallJackknife() {
        return SurveyEstimator.of(jackknife).proportion("external", external);
    }

    /**
     * The share in each of 120 domains with 100 JK1 replicates.
     *
     * @return the estimates
     */
    @Benchmark
    public List<SurveyEstimate> domainsJackknife() {
        return SurveyEstimator.of(jackknife).proportionBy(external, domains);
    }

    /**
     * A 10-coefficient logistic regression with its sandwich covariance.
     *
     * @return the fit
     */
    @Benchmark
    public SurveyRegression logisticRegression() {
        return taylor.regression(answer, model, SurveyRegression.Family.QUASIBINOMIAL);
    }

    /**
     * A proportional-odds regression of a 5-level answer with 10 coefficients and 4 cut-points, its sandwich
     * covariance (svyolr).
     *
     * @return the fit
     */
    @Benchmark
    public OrdinalRegression ordinalRegression() {
        return taylor.ordinalRegression(importance, List.of("1", "2", "3", "4", "5"), ordinalModel,
                OrdinalRegression.Link.LOGIT);
    }

    /**
     * The 120 domains' shares with their covariance, and the 20 contrasts of the largest and smallest firms.
     *
     * @return the contrasts
     */
    @Benchmark
    public List<DomainEstimates.Contrast> domainContrasts() {
        DomainEstimates estimates = taylor.proportionsBy(answers, domains);
        List<DomainEstimates.Contrast> contrasts = new java.util.ArrayList<>();
        for (String country : COUNTRIES.keySet()) {
            contrasts.add(estimates.difference(country + " 250+", country + " 0-9"));
        }
        return contrasts;
    }

    /**
     * Raking to the population by size band and by country, the margins coded once beforehand.
     *
     * @return the raked design
     */
    @Benchmark
    public SurveyDesign rakeTwoMarginsCoded() {
        return Calibration.rakeCoded(design, codedMargins, List.of(BANDS, COUNTRIES));
    }

    /**
     * Raking to the population by size band and by country.
     *
     * @return the raked design
     */
    @Benchmark
    public SurveyDesign rakeTwoMargins() {
        return Calibration.rake(design, List.of(bandOf, countryOf), List.of(BANDS, COUNTRIES));
    }

    /**
     * A size in employees for each respondent, spread over its band by a fixed rule (the file has no size):
     * respondent i (from 0) of band [low, low + width) has {@code low + (7919 i) mod width}, 250+ taken as
     * [250, 2000). survey-timing.R makes the same column.
     */
    static double[] sizes(String[] bands) {
        List<String> names = List.of("0-9", "10-19", "20-49", "50-99", "100-249", "250+");
        int[] low = {0, 10, 20, 50, 100, 250};
        int[] width = {10, 10, 30, 50, 150, 1750};
        double[] size = new double[bands.length];
        for (int i = 0; i < bands.length; i++) {
            int b = names.indexOf(bands[i]);
            size[i] = low[b] + Math.floorMod(7919L * i, width[b]);
        }
        return size;
    }

    /**
     * The quartiles of firm size with Woodruff's intervals, survey's {@code svyquantile(~size, d, c(0.25, 0.5,
     * 0.75), ci = TRUE)}.
     *
     * @return the quartiles
     */
    @Benchmark
    public SurveyQuantiles quartilesTaylor() {
        return taylor.quantiles("size", size, 0.25, 0.5, 0.75);
    }

    /**
     * The quartiles of firm size in each of the 120 domains with Woodruff's intervals, survey's {@code svyby(~size,
     * ~domain, d, svyquantile, quantiles = c(0.25, 0.5, 0.75), ci = TRUE)}, the domains coded once beforehand.
     *
     * @return the domains' quartiles
     */
    @Benchmark
    public List<SurveyQuantiles> quartilesDomainsTaylor() {
        return taylor.quantilesBy(size, codedDomains, QuantileRule.MATH, QuantileInterval.MEAN, 0.95, 0.25, 0.5,
                0.75);
    }
}
