package org.smesurvey.stats.adoption;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.smesurvey.core.Observation;
import org.smesurvey.core.ReferencePopulations;
import org.smesurvey.core.Region;
import org.smesurvey.core.Sampling;
import org.smesurvey.core.Sectors;
import org.smesurvey.core.SizeBand;
import org.smesurvey.core.bundled.Bundled;
import org.smesurvey.stats.Interval;
import org.smesurvey.stats.internal.CrossedFit;
import org.smesurvey.stats.internal.Distributions;

/**
 * The adoption model: every figure of a catalogue in one diffusion meta-regression on the logit scale, with the
 * random effects the data are samples of — countries crossed with studies, figures nested in studies — and size
 * bands entered as what they are, mixtures of size classes.
 *
 * <p><b>The figure's mean.</b> Each size class m adopts along a logistic curve,
 * \( η_m = x_m'β \), with x the intercept, the year (centred at {@value #CENTRE_YEAR}), the class's mean log size
 * (centred at {@value #CENTRE_LOG_SIZE}, about 20 employees), their product (small firms may diffuse later), the
 * indicator (a level per indicator, a named platform counting as its own, carried by at least
 * {@value #MIN_STUDIES} studies; the rest grouped as {@code other}), optionally the indicator's own speed
 * (indicator × year), and the contrast of a private survey with official statistics (a probability sample from
 * a register): who answered, how the firms were sampled and which networks were asked about are carried by the
 * same few private surveys and cannot be told apart, so they enter as this one contrast. A figure for a band is
 * the enterprise-weighted mean of its classes' shares, under an optional ceiling κ below 100 %:
 * \[ μ_i = \operatorname{logit}\Bigl(κ \sum_m w_{im} \operatorname{expit}(x_{im}'β)\Bigr), \]
 * the weights from {@link SizeMixture} (the country's register where bundled, the EU's otherwise). A band's
 * prediction therefore lies between its classes' predictions.
 *
 * <p><b>Random effects.</b> \( y_i = μ_i(β, κ) + u_{c(i)} + v_{j(i)} + u_{s(i)} + w_i + ε_i \): a country effect
 * \( u_c \sim N(0, σ_c^2) \) with the country's effect on a kind of tool around it (social media or networks, named
 * platforms, each other indicator: \( σ_{ck}^2 \)), and for an indicator carried by fewer than
 * {@value #MIN_STUDIES} studies its own
 * effect \( v_j \sim N(0, σ_i^2) \) around the {@code other} coefficient, both crossed with a study effect
 * \( u_s \) whose variance is \( σ_o^2 \) for official statistics and \( σ_p^2 \) for private surveys (which differ
 * far more from one another), a figure's own effect
 * \( w_i \sim N(0, σ_f^2) \) and its sampling error \( ε_i \sim N(0, v_i) \) (escalc's logit variance), added on
 * the figure's logit scale. A country the catalogue lacks is predicted with \( σ_c^2 \) in its interval; a
 * known one with its best linear unbiased prediction and its prediction error.
 *
 * <p><b>Estimation.</b> By linearisation (Lindstrom &amp; Bates 1990): at the current (β, κ) the mean is replaced
 * by its first-order expansion, \( y^* = y - μ(\hat φ) + F\hat φ \) with F the Jacobian, and the linear mixed model
 * of \( y^* \) on F is fitted by REML ({@link CrossedFit}); the two steps alternate until no coefficient moves by
 * more than 1e-10 (relative to max(1, |φ|)) and no variance by more than 1e-10. At the fixed point β̂ solves the
 * nonlinear generalised least-squares equations \( F'V^{-1}(y - μ) = 0 \) and the variances maximise the
 * restricted likelihood of the model linearised there. With κ = 1 and figures of one class, it is exactly
 * {@code rma.mv(yi, vi, mods, random = list(~ 1 | country, ~ 1 | study/figure))}.
 *
 * <p>References: Lindstrom, M. J. &amp; Bates, D. M. (1990). Nonlinear mixed effects models for repeated measures
 * data. <i>Biometrics</i> 46, 673–687. doi:10.2307/2532087; Rogers, E. M. (2003). <i>Diffusion of
 * Innovations</i>, 5th ed., Free Press (the logistic diffusion curve and its ceiling).
 *
 * @since 0.2
 */
public final class AdoptionModel {

    /** The year the time moderator is centred at. */
    public static final int CENTRE_YEAR = 2015;

    /** The log size the size moderator is centred at: \( \ln 20 \), rounded to three decimals. */
    public static final double CENTRE_LOG_SIZE = 3.0;

    /** The studies a level of a factor needs to enter on its own. */
    public static final int MIN_STUDIES = 3;

    /** The indicator the others are compared with: social media of any kind. */
    public static final String REFERENCE_INDICATOR = "social_media_any";

    private static final double TOLERANCE = 1e-10;
    /** The variance components' places in the crossed fit: the crossed factors, then the study's and figure's. */
    static final int COUNTRY = 0;
    static final int INDICATOR = 1;
    static final int COUNTRY_KIND = 2;
    /** The sector's own effect, a crossed factor only when some figure is of a sector few studies carry. */
    static final int SECTOR = 3;
    /**
     * The ceiling's logit beyond which it is on the boundary, 100 %: \( κ > 99.9 \% \), where a ceiling's column of
     * the linearised design vanishes and the shares it allows differ from 100 % by less than the figures' rounding.
     */
    static final double CEILING_BOUNDARY = 7;
    private static final int MAX_ITERATIONS = 500;

    private AdoptionModel() {
    }

    /**
     * Which shape the diffusion takes: a ceiling below 100 % (one for every indicator, or one per indicator), a speed
     * per indicator, and whether who answered, how the firms were sampled and which networks were asked about enter
     * apart instead of as one private-survey contrast — a sensitivity analysis, since the same few private surveys
     * carry all three.
     *
     * @param ceilings whether the shares tend to a ceiling κ below 1, estimated: none, one, or one per indicator
     *        separated indicator and the reference
     * @param indicatorSpeeds whether each indicator has its own speed (indicator × year)
     * @param finerSplit whether respondent, sampling and scope enter as factors of their own (levels carried by at
     *        least {@value AdoptionModel#MIN_STUDIES} studies; the rest grouped as {@code other})
     */
    public record Form(Ceiling ceilings, boolean indicatorSpeeds, boolean finerSplit) {

        /** One speed, no ceiling: the logistic of every indicator tends to 100 % at one rate. */
        public static final Form PLAIN = new Form(false, false);

        /**
         * Validates the form.
         *
         * @param ceilings none, one, or one per indicator
         * @param indicatorSpeeds whether each indicator has its own speed
         * @param finerSplit whether respondent, sampling and scope enter apart
         * @throws NullPointerException if {@code ceilings} is null
         */
        public Form {
            Objects.requireNonNull(ceilings, "ceilings");
        }

        /**
         * A form with no ceiling or one for every indicator.
         *
         * @param ceiling whether the shares tend to one ceiling
         * @param indicatorSpeeds whether each indicator has its own speed
         * @param finerSplit whether respondent, sampling and scope enter apart
         */
        public Form(boolean ceiling, boolean indicatorSpeeds, boolean finerSplit) {
            this(ceiling ? Ceiling.ONE : Ceiling.NONE, indicatorSpeeds, finerSplit);
        }

        /**
         * A form with the private-survey contrast.
         *
         * @param ceiling whether the shares tend to one ceiling
         * @param indicatorSpeeds whether each indicator has its own speed
         */
        public Form(boolean ceiling, boolean indicatorSpeeds) {
            this(ceiling, indicatorSpeeds, false);
        }

        /**
         * Whether the shares tend to a ceiling below 100 %, one or several.
         *
         * @return true unless {@link Ceiling#NONE}
         */
        public boolean ceiling() {
            return ceilings != Ceiling.NONE;
        }

        /** The same form with other ceilings. */
        Form with(Ceiling other) {
            return new Form(other, indicatorSpeeds, finerSplit);
        }

        /**
         * The form in words.
         *
         * @return such as {@code a ceiling, a speed per indicator}
         */
        @Override
        public String toString() {
            return ceilings.words() + ", " + (indicatorSpeeds ? "a speed per indicator" : "one speed")
                    + (finerSplit ? ", respondent, sampling and scope apart" : "");
        }
    }

    /**
     * The ceilings the shares may tend to: \( \text{share} = κ\,\operatorname{expit}(η) \) with κ below 1 estimated
     * (Rogers 2003: not every firm adopts).
     */
    public enum Ceiling {
        /** No ceiling: every share tends to 100 %. */
        NONE("no ceiling"),
        /** One ceiling for every indicator. */
        ONE("a ceiling"),
        /**
         * A ceiling per indicator the model separates, and the reference's ({@code other}, whose indicators each
         * differ, has none).
         */
        PER_INDICATOR("a ceiling per indicator");

        private final String words;

        Ceiling(String words) {
            this.words = words;
        }

        /**
         * The ceilings in words.
         *
         * @return such as {@code a ceiling per indicator}
         */
        public String words() {
            return words;
        }
    }

    /** Whether a figure comes from official statistics or a private survey. */
    public enum Source {
        /** A probability sample from a business register, weighted: the official ICT surveys. */
        OFFICIAL_STATISTICS("official statistics"),
        /** Any other survey: panels, convenience samples, surveys of a network's members. */
        PRIVATE_SURVEY("private survey");

        private final String words;

        Source(String words) {
            this.words = words;
        }

        /**
         * The source in words.
         *
         * @return such as {@code official statistics}
         */
        public String words() {
            return words;
        }

        static Source of(Observation figure) {
            return figure.study().method().sampling() == Sampling.PROBABILITY ? OFFICIAL_STATISTICS : PRIVATE_SURVEY;
        }
    }

    /**
     * What the model knows of a figure, or of a question, beyond its mixture; the survey's traits (who answered,
     * sampling, scope) enter only a {@link Form#finerSplit()} fit.
     */
    record Profile(double year, String indicator, Source source, String country, SizeMixture mixture,
            Traits traits, String sector) {

        Profile(double year, String indicator, Source source, String country, SizeMixture mixture) {
            this(year, indicator, source, country, mixture, Traits.of(source), ALL_SECTORS);
        }

        Profile(double year, String indicator, Source source, String country, SizeMixture mixture, Traits traits) {
            this(year, indicator, source, country, mixture, traits, ALL_SECTORS);
        }
    }

    /** The sector level of a figure of its study's whole population. */
    static final String ALL_SECTORS = "all sectors";

    /** A figure's sector: the NACE sections it is restricted to, or {@link #ALL_SECTORS}. */
    static String sectorOf(Observation figure) {
        return figure.sectors().map(AdoptionModel::sectorOf).orElse(ALL_SECTORS);
    }

    /** The sector level of some NACE sections: their label, or {@link #ALL_SECTORS} for all of them. */
    static String sectorOf(Sectors sectors) {
        return sectors.isAll() ? ALL_SECTORS : sectors.label();
    }

    /** Who answered, how the firms were sampled, which networks were asked about: their codes. */
    record Traits(String respondent, String sampling, String scope) {

        /** The traits a question assumes of a source: official statistics' own, or not stated. */
        static Traits of(Source source) {
            return new Traits("unknown", source == Source.OFFICIAL_STATISTICS ? "probability" : "unknown", "mixed");
        }

        static Traits of(Observation figure) {
            List<org.smesurvey.core.RespondentFunction> functions = figure.study().respondentsInOrder();
            return new Traits(functions.size() == 1 ? functions.get(0).code() : functions.isEmpty() ? "unknown"
                    : "several", figure.study().method().sampling().code(), figure.scope().code());
        }
    }

    /**
     * The form the model takes unless told otherwise, chosen by leaving each study of the bundled catalogue out
     * ({@link FormChoice}, docs/adoption-model.md): one speed, no ceiling — a speed per indicator fitted better in
     * sample but predicted the left-out studies worse, and the ceilings' likelihood rises to the boundary, 100 %.
     */
    public static final Form DEFAULT_FORM = Form.PLAIN;

    /**
     * Fits the model in its {@link #DEFAULT_FORM}, the size mixtures' weights from the bundled reference
     * populations.
     *
     * @param data the figures
     * @return the fit
     * @throws IllegalStateException if no figure enters or the fit does not converge
     */
    public static Fit fit(AdoptionData data) {
        return fit(data, Bundled.populations(), DEFAULT_FORM);
    }

    /**
     * Fits the model.
     *
     * @param data the figures
     * @param populations the reference populations the size mixtures' weights come from
     * @param form the diffusion's shape
     * @return the fit
     * @throws IllegalStateException if no figure enters or the fit does not converge
     */
    public static Fit fit(AdoptionData data, ReferencePopulations populations, Form form) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(populations, "populations");
        Objects.requireNonNull(form, "form");
        List<AdoptionData.Entry> entries = data.entries();
        if (entries.isEmpty()) {
            throw new IllegalStateException("No figure of the catalogue can enter the model");
        }
        Map<String, SizeMixture.ClassCounts> counts = new HashMap<>();
        List<Profile> profiles = new ArrayList<>();
        for (AdoptionData.Entry e : entries) {
            String country = e.figure().region().code();
            SizeMixture.ClassCounts c = counts.computeIfAbsent(country,
                    code -> SizeMixture.ClassCounts.of(e.figure().region(), populations));
            profiles.add(new Profile(e.year() - CENTRE_YEAR, indicatorOf(e.figure()), Source.of(e.figure()), country,
                    SizeMixture.of(e.band(), c), Traits.of(e.figure()), sectorOf(e.figure())));
        }
        double[] y = new double[entries.size()];
        double[] v = new double[entries.size()];
        var effects = data.effectSizes();
        for (int i = 0; i < y.length; i++) {
            y[i] = effects.yi(i);
            v[i] = effects.vi(i);
        }
        String[] studies = entries.stream().map(e -> e.figure().study().id()).toArray(String[]::new);
        return Fit.of(data, populations, form, profiles, y, v, studies, counts,
                java.util.stream.IntStream.range(0, y.length).toArray(), null);
    }

    /** The indicator's level: its code, and a named platform's code after it. */
    static String indicatorOf(Observation figure) {
        return figure.indicator().code() + figure.platform().map(p -> "/" + p.code()).orElse("");
    }

    /** A design column: its name and its value for a profile's part. */
    record Column(String name, ColumnValue value) {
    }

    @FunctionalInterface
    interface ColumnValue {
        double of(Profile profile, SizeMixture.Part part);
    }

    /**
     * The model fitted. Immutable.
     */
    public static final class Fit {
        private final AdoptionData data;
        private final ReferencePopulations populations;
        private final Form form;
        private final List<Profile> profiles;
        private final double[] y;
        private final double[] v;
        private final String[] studies;
        private final List<String> studyNames;
        private final List<String> countryNames;
        private final List<String> indicatorNames;
        /** The country × kind-of-tool levels. */
        private final List<String> countryKinds;
        /** The sources of the study groups, in the order of their variances. */
        private final List<Source> groupSources;
        private final Map<String, SizeMixture.ClassCounts> counts;
        private final List<Column> columns;
        private final Set<String> indicators;
        /** The sectors separated by a column of their own. */
        private final Set<String> sectors;
        /** The sectors with an effect of their own around {@code sector other}: the levels of the sector factor. */
        private final List<String> sectorNames;
        private final List<String> dropped;
        private final double[] phi;
        /** The ceilings estimated (after the columns in {@code phi}) and those held fixed. */
        private final Ceilings ceilings;
        /** Whether the form asked for ceilings and every one of them went to 100 %. */
        private final boolean ceilingAtBoundary;
        /** Whether the variances maximise the restricted likelihood (REML) or the full one (ML, for profiles). */
        private final boolean restricted;
        /** The ceilings with their profile-likelihood intervals, computed when first asked for. */
        private List<CeilingEstimate> ceilingEstimates;
        private final CrossedFit linear;
        private final int iterations;
        /** Each row's index among the data's entries (all of them for a fit to every figure). */
        private final int[] rows;
        /** The fits leaving out each study, computed when first asked for. */
        private Map<String, Fit> studyRefits;
        /** The cross-validation leaving out each study, computed when first asked for. */
        private CrossValidation crossValidation;

        private Fit(AdoptionData data, ReferencePopulations populations, Form form, List<Profile> profiles, double[] y,
                double[] v, String[] studies, List<String> studyNames, List<String> countryNames,
                List<String> indicatorNames, List<String> countryKinds, List<Source> groupSources,
                Map<String, SizeMixture.ClassCounts> counts, List<Column> columns, Set<String> indicators,
                Set<String> sectors, List<String> sectorNames,
                List<String> dropped, double[] phi, CrossedFit linear, int iterations, Ceilings ceilings,
                boolean ceilingAtBoundary, boolean restricted, int[] rows) {
            this.rows = rows;
            this.data = data;
            this.populations = populations;
            this.form = form;
            this.profiles = List.copyOf(profiles);
            this.y = y;
            this.v = v;
            this.studies = studies;
            this.studyNames = List.copyOf(studyNames);
            this.countryNames = List.copyOf(countryNames);
            this.indicatorNames = List.copyOf(indicatorNames);
            this.groupSources = List.copyOf(groupSources);
            this.countryKinds = List.copyOf(countryKinds);
            this.counts = Map.copyOf(counts);
            this.columns = List.copyOf(columns);
            this.indicators = Set.copyOf(indicators);
            this.sectors = Set.copyOf(sectors);
            this.sectorNames = List.copyOf(sectorNames);
            this.dropped = List.copyOf(dropped);
            this.phi = phi;
            this.ceilings = ceilings;
            this.ceilingAtBoundary = ceilingAtBoundary;
            this.restricted = restricted;
            this.linear = linear;
            this.iterations = iterations;
        }

        /**
         * Fits the model to the figures whose index is not in {@code leftOut} (all when null), its columns chosen
         * from those figures alone.
         */
        static Fit of(AdoptionData data, ReferencePopulations populations, Form form, List<Profile> all, double[] yAll,
                double[] vAll, String[] studiesAll, Map<String, SizeMixture.ClassCounts> counts, int[] rows,
                Fit start) {
            return of(data, populations, form, all, yAll, vAll, studiesAll, counts, rows, start,
                    start == null ? Map.of() : start.ceilings.fixed(), start == null || start.restricted,
                    start == null ? Set.of() : start.ceilings.inseparable());
        }

        /**
         * Fits the model with some ceilings held fixed ({@code fixed}: an indicator level's ceiling logit, +∞ for
         * 100 %), by REML or, for a profile likelihood, by ML.
         */
        static Fit of(AdoptionData data, ReferencePopulations populations, Form form, List<Profile> all, double[] yAll,
                double[] vAll, String[] studiesAll, Map<String, SizeMixture.ClassCounts> counts, int[] rows,
                Fit start, Map<String, Double> fixed, boolean restricted, Set<String> inseparable) {
            int k = all.size();
            List<String> studyNames = new ArrayList<>();
            int[] study = code(studiesAll, studyNames);
            List<String> countryNames = new ArrayList<>();
            int[] country = code(all.stream().map(Profile::country).toArray(String[]::new), countryNames);
            // A country's level differs by kind of tool (wikis are common in one country, Facebook in another): a
            // country x kind effect crossed with the rest.
            List<String> countryKinds = new ArrayList<>();
            int[] countryKind = code(all.stream().map(pr -> countryKind(pr)).toArray(String[]::new), countryKinds);
            // Official statistics and private surveys each have their own between-study variance: private surveys
            // differ from one another far more than official ones (one group when the figures have one kind).
            List<Source> groupSources = all.stream().map(Profile::source).distinct().sorted().toList();
            int[] studyGroup = new int[studyNames.size()];
            for (int i = 0; i < k; i++) {
                studyGroup[study[i]] = groupSources.indexOf(all.get(i).source());
            }
            // An indicator enters on its own when enough studies carry it.
            Map<String, Set<String>> carriers = new TreeMap<>();
            for (int i = 0; i < k; i++) {
                carriers.computeIfAbsent(all.get(i).indicator(), l -> new TreeSet<>()).add(studiesAll[i]);
            }
            Set<String> indicators = new TreeSet<>();
            carriers.forEach((level, s) -> {
                if (s.size() >= MIN_STUDIES && !level.equals(REFERENCE_INDICATOR)) {
                    indicators.add(level);
                }
            });
            boolean other = carriers.keySet().stream()
                    .anyMatch(l -> !indicators.contains(l) && !l.equals(REFERENCE_INDICATOR));
            // Indicators carried by fewer studies share the "other" coefficient, each with an effect of its own
            // around it (a crossed random effect): an indicator the model has not seen carries that variance.
            List<String> indicatorNames = new ArrayList<>();
            int[] indicator = new int[k];
            for (int i = 0; i < k; i++) {
                String level = all.get(i).indicator();
                indicator[i] = level.equals(REFERENCE_INDICATOR) || separated(level, carriers) ? -1
                        : indexOrAdd(indicatorNames, level);
            }
            // A sector enters as an indicator does: on its own when enough studies carry it; the others share the
            // "sector other" coefficient, each with an effect of its own around it (a crossed random effect that a
            // sector the model has not seen carries). A figure of its study's whole population has neither.
            Map<String, Set<String>> sectorCarriers = new TreeMap<>();
            for (int i = 0; i < k; i++) {
                if (!all.get(i).sector().equals(ALL_SECTORS)) {
                    sectorCarriers.computeIfAbsent(all.get(i).sector(), l -> new TreeSet<>()).add(studiesAll[i]);
                }
            }
            Set<String> sectors = new TreeSet<>();
            sectorCarriers.forEach((level, s) -> {
                if (s.size() >= MIN_STUDIES) {
                    sectors.add(level);
                }
            });
            List<String> sectorNames = new ArrayList<>();
            int[] sector = new int[k];
            for (int i = 0; i < k; i++) {
                String level = all.get(i).sector();
                sector[i] = level.equals(ALL_SECTORS) || sectors.contains(level) ? -1 : indexOrAdd(sectorNames, level);
            }
            int[][] crossed = sectorNames.isEmpty() ? new int[][] {country, indicator, countryKind}
                    : new int[][] {country, indicator, countryKind, sector};
            int[] crossedLevels = sectorNames.isEmpty()
                    ? new int[] {countryNames.size(), indicatorNames.size(), countryKinds.size()}
                    : new int[] {countryNames.size(), indicatorNames.size(), countryKinds.size(), sectorNames.size()};
            List<Column> candidates = new ArrayList<>();
            candidates.add(new Column("intercept", (p, part) -> 1));
            candidates.add(new Column("year", (p, part) -> p.year()));
            candidates.add(new Column("log size", (p, part) -> part.logSize() - CENTRE_LOG_SIZE));
            candidates.add(new Column("year × log size", (p, part) -> p.year() * (part.logSize() - CENTRE_LOG_SIZE)));
            List<String> levels = new ArrayList<>(indicators);
            if (other) {
                levels.add("other");
            }
            for (String level : levels) {
                candidates.add(new Column("indicator " + level,
                        (p, part) -> level(p.indicator(), indicators).equals(level) ? 1 : 0));
            }
            if (form.indicatorSpeeds()) {
                for (String level : levels) {
                    candidates.add(new Column("year × indicator " + level,
                            (p, part) -> level(p.indicator(), indicators).equals(level) ? p.year() : 0));
                }
            }
            for (String level : sectors) {
                candidates.add(new Column("sector " + level, (p, part) -> p.sector().equals(level) ? 1 : 0));
            }
            if (!sectorNames.isEmpty()) {
                candidates.add(new Column("sector other", (p, part) -> !p.sector().equals(ALL_SECTORS)
                        && !sectors.contains(p.sector()) ? 1 : 0));
            }
            if (form.finerSplit()) {
                traitColumns(candidates, "respondent ", all, studiesAll, p -> p.traits().respondent(), "unknown");
                traitColumns(candidates, "sampling ", all, studiesAll, p -> p.traits().sampling(), "probability");
                traitColumns(candidates, "scope ", all, studiesAll, p -> p.traits().scope(), "mixed");
            } else {
                candidates.add(new Column("private survey", (p, part) -> p.source() == Source.PRIVATE_SURVEY ? 1 : 0));
            }
            // Columns the figures cannot separate (constant, or a combination of the others among them) are left
            // out, as metafor drops redundant predictors.
            List<Column> columns = new ArrayList<>();
            List<String> dropped = new ArrayList<>();
            List<double[]> basis = new ArrayList<>();
            for (Column c : candidates) {
                double[] values = new double[k];
                for (int i = 0; i < k; i++) {
                    values[i] = meanRow(c, all.get(i));
                }
                if (independent(values, basis)) {
                    columns.add(c);
                } else {
                    dropped.add(c.name());
                }
            }
            int p = columns.size();
            // The ceilings: one for all indicators, or one per indicator level the figures carry, less those held.
            List<String> estimated = new ArrayList<>();
            if (form.ceilings() == Ceiling.ONE) {
                estimated.add(Ceilings.ALL);
            } else if (form.ceilings() == Ceiling.PER_INDICATOR) {
                estimated.addAll(new Ceilings(form.ceilings(), List.of(), Map.of(), indicators, Set.of()).asked(all));
            }
            estimated.removeAll(fixed.keySet());
            Ceilings ceilings = new Ceilings(form.ceilings(), estimated, fixed, indicators, inseparable);
            int q = p + estimated.size();
            double[] phi = new double[q];
            double[] theta = null;
            if (start != null && start.columns.stream().map(Column::name).toList()
                    .equals(columns.stream().map(Column::name).toList())) {
                // Warm: the coefficients, each ceiling the start estimated, and the variances.
                System.arraycopy(start.phi, 0, phi, 0, p);
                for (int j = 0; j < estimated.size(); j++) {
                    int was = start.ceilings.estimated().indexOf(estimated.get(j));
                    phi[p + j] = was >= 0 ? start.phi[p + was] : 4;
                }
                theta = start.linear.variances();
            } else {
                double[][] x = new double[k][p];
                for (int i = 0; i < k; i++) {
                    for (int j = 0; j < p; j++) {
                        x[i][j] = meanRow(columns.get(j), all.get(i));
                    }
                }
                CrossedFit first = CrossedFit.fit(new CrossedFit.Data(yAll, vAll, x, study, studyNames.size(),
                        crossed, crossedLevels, studyGroup, groupSources.size()), restricted,
                        null, 1e-4, MAX_ITERATIONS); // a start only: the linearisations solve tightly
                System.arraycopy(first.beta(), 0, phi, 0, p);
                theta = first.variances();
                for (int j = p; j < q; j++) {
                    phi[j] = 4; // a ceiling of 98 %, from which the data move it
                }
            }
            CrossedFit linear = null;
            int iteration = 0;
            double lastChange = 1;
            while (true) {
                if (++iteration > MAX_ITERATIONS) {
                    throw new IllegalStateException("The adoption model did not converge in " + MAX_ITERATIONS
                            + " linearisations");
                }
                double[][] f = new double[k][q];
                double[] mu = mean(columns, all, phi, ceilings, f);
                double[] pseudo = new double[k];
                for (int i = 0; i < k; i++) {
                    pseudo[i] = yAll[i] - mu[i];
                    for (int j = 0; j < q; j++) {
                        pseudo[i] += f[i][j] * phi[j];
                    }
                }
                // The variances are solved loosely while the coefficients still move, tightly at the end.
                double inner = Math.max(1e-12, Math.min(1e-6, 1e-3 * lastChange));
                CrossedFit.Data linearised = new CrossedFit.Data(pseudo, vAll, f, study, studyNames.size(),
                        crossed, crossedLevels, studyGroup, groupSources.size());
                try {
                    linear = CrossedFit.fit(linearised, restricted, theta, inner, MAX_ITERATIONS);
                } catch (IllegalArgumentException singular) {
                    if (q == p) {
                        throw singular;
                    }
                    // A ceiling the figures cannot tell from its indicator's level (its figures all far below any
                    // ceiling): the least separable one is held at 100 % and named, and the rest fitted again.
                    String worst = estimated.get(leastSeparable(f, p));
                    Map<String, Double> held = new TreeMap<>(fixed);
                    held.put(worst, Double.POSITIVE_INFINITY);
                    Set<String> apart = new TreeSet<>(inseparable);
                    apart.add(worst);
                    return of(data, populations, form, all, yAll, vAll, studiesAll, counts, rows, null, held,
                            restricted, apart);
                }
                double[] next = linear.beta();
                double[] nextTheta = linear.variances();
                double change = 0;
                for (int j = 0; j < q; j++) {
                    change = Math.max(change, Math.abs(next[j] - phi[j]) / Math.max(1, Math.abs(next[j])));
                }
                for (int j = 0; j < theta.length; j++) {
                    change = Math.max(change, Math.abs(nextTheta[j] - theta[j]) / Math.max(1, nextTheta[j]));
                }
                lastChange = change;
                // A long step of a ceiling's logit is damped: far from the data the expansion is poor.
                for (int j = p; j < q; j++) {
                    if (Math.abs(next[j] - phi[j]) > 2) {
                        next[j] = phi[j] + Math.signum(next[j] - phi[j]) * 2;
                    }
                }
                phi = next;
                theta = nextTheta;
                if (change <= TOLERANCE && inner <= 1e-12) {
                    break;
                }
                Map<String, Double> atBoundary = new TreeMap<>(fixed);
                for (int j = p; j < q; j++) {
                    if (phi[j] > CEILING_BOUNDARY) {
                        atBoundary.put(estimated.get(j - p), Double.POSITIVE_INFINITY);
                    }
                }
                if (atBoundary.size() > fixed.size()) {
                    // The likelihood rises as a ceiling tends to 100 %: its maximum is on the boundary, where the
                    // model is the one without it. The others are fitted again with it there.
                    boolean none = atBoundary.keySet().containsAll(ceilings.asked(all));
                    boolean anyHeld = atBoundary.values().stream().anyMatch(g -> g < Double.POSITIVE_INFINITY);
                    if (none && !anyHeld) {
                        Fit plain = of(data, populations, form.with(Ceiling.NONE), all, yAll, vAll, studiesAll,
                                counts, rows, null, Map.of(), restricted, Set.of());
                        return new Fit(data, populations, plain.form, all, yAll, vAll, studiesAll, studyNames,
                                countryNames, indicatorNames, countryKinds, groupSources, counts, plain.columns,
                                indicators, sectors, sectorNames, plain.dropped, plain.phi, plain.linear,
                                plain.iterations,
                                new Ceilings(form.ceilings(), List.of(), atBoundary, indicators, inseparable), true,
                                restricted, rows);
                    }
                    return of(data, populations, form, all, yAll, vAll, studiesAll, counts, rows, null, atBoundary,
                            restricted, inseparable);
                }
            }
            return new Fit(data, populations, form, all, yAll, vAll, studiesAll, studyNames, countryNames,
                    indicatorNames, countryKinds, groupSources, counts,
                    columns, indicators, sectors, sectorNames, dropped, phi, linear, iteration, ceilings, false,
                    restricted, rows);
        }

        /** A profile's design value of a column: the enterprise-weighted mean over its parts. */
        private static double meanRow(Column c, Profile profile) {
            double s = 0;
            for (SizeMixture.Part part : profile.mixture().parts()) {
                s += part.weight() * c.value().of(profile, part);
            }
            return s;
        }

        /** The model's means of the profiles and, into {@code jacobian}, their derivatives in (β, γ). */
        static double[] mean(List<Column> columns, List<Profile> profiles, double[] phi, Ceilings ceilings,
                double[][] jacobian) {
            int p = columns.size();
            double[] mu = new double[profiles.size()];
            double[] x = new double[p];
            for (int i = 0; i < profiles.size(); i++) {
                Profile profile = profiles.get(i);
                int estimated = ceilings.estimatedIndex(profile);
                double kappa = expit(estimated >= 0 ? phi[p + estimated] : ceilings.fixedLogit(profile));
                double s = 0;
                double[] ds = new double[p];
                for (SizeMixture.Part part : profile.mixture().parts()) {
                    double eta = 0;
                    for (int j = 0; j < p; j++) {
                        x[j] = columns.get(j).value().of(profile, part);
                        eta += x[j] * phi[j];
                    }
                    double share = expit(eta);
                    s += part.weight() * share;
                    double slope = part.weight() * share * (1 - share);
                    for (int j = 0; j < p; j++) {
                        ds[j] += slope * x[j];
                    }
                }
                double ks = kappa * s;
                mu[i] = Math.log(ks) - Math.log1p(-ks);
                if (jacobian != null) {
                    double scale = 1 / (s * (1 - ks));
                    for (int j = 0; j < p; j++) {
                        jacobian[i][j] = ds[j] * scale;
                    }
                    for (int j = p; j < jacobian[i].length; j++) {
                        jacobian[i][j] = 0;
                    }
                    if (estimated >= 0) {
                        jacobian[i][p + estimated] = (1 - kappa) / (1 - ks);
                    }
                }
            }
            return mu;
        }

        /**
         * The form fitted: the one asked for, without its ceiling when the ceiling's maximum likelihood is on the
         * boundary, 100 % ({@link #ceilingAtBoundary()}).
         *
         * @return it
         */
        public Form form() {
            return form;
        }

        /**
         * Whether a ceiling was asked for and its estimate is on the boundary, 100 %: the likelihood rises as the
         * ceiling tends to 100 %, so the model fitted is the one without a ceiling.
         *
         * @return true if so
         */
        public boolean ceilingAtBoundary() {
            return ceilingAtBoundary;
        }

        /**
         * The figures.
         *
         * @return them
         */
        public AdoptionData data() {
            return data;
        }

        /**
         * The coefficients' names, in order: the design's columns, then {@code ceiling (logit)} when the form has one
         * ceiling, or {@code ceiling (logit) LEVEL} for each indicator level's.
         *
         * @return the names
         */
        public List<String> names() {
            List<String> names = new ArrayList<>(columns.stream().map(Column::name).toList());
            for (String level : ceilings.estimated()) {
                names.add(level.equals(Ceilings.ALL) ? "ceiling (logit)" : "ceiling (logit) " + level);
            }
            return List.copyOf(names);
        }

        /**
         * The columns left out because the figures cannot separate them from the others.
         *
         * @return their names
         */
        public List<String> dropped() {
            return dropped;
        }

        /**
         * The coefficients' estimates, in the order of {@link #names()}.
         *
         * @return a copy
         */
        public double[] coefficients() {
            return phi.clone();
        }

        /**
         * The coefficients' covariance, \( (F'V^{-1}F)^{-1} \) at the fixed point.
         *
         * @return a copy
         */
        public double[][] covariance() {
            return linear.covariance();
        }

        /**
         * The ceiling, when the form has one for every indicator and it is below 100 %:
         * \( κ = \operatorname{expit}(γ) \), estimated by REML.
         *
         * @return κ, empty otherwise
         */
        public OptionalDouble ceiling() {
            int j = ceilings.estimated().indexOf(Ceilings.ALL);
            return j < 0 ? OptionalDouble.empty() : OptionalDouble.of(expit(phi[columns.size() + j]));
        }

        /**
         * The ceilings the form asks for, each estimated by maximum likelihood with its 95 % profile-likelihood
         * interval ({@link CeilingEstimate}); a ceiling whose likelihood rises to 100 % has that estimate and the
         * lowest ceiling the figures do not rule out as its lower bound. Computed when first asked for: each bound
         * takes a handful of full fits.
         *
         * @return one per level, in the order of {@link #names()}; empty for a form without ceilings
         */
        public synchronized List<CeilingEstimate> ceilingEstimates() {
            if (ceilingEstimates == null) {
                ceilingEstimates = CeilingProfile.of(this);
            }
            return ceilingEstimates;
        }

        /** The ceilings this fit estimates and holds. */
        Ceilings ceilings() {
            return ceilings;
        }

        /** This fit's figures fitted again by ML or REML, some ceilings held ({@code fixed}), warm-started here. */
        Fit refit(boolean byRestricted, Map<String, Double> fixed, Form asked) {
            return of(data, populations, asked, profiles, y, v, studies, counts, rows, this, fixed, byRestricted,
                    ceilings.inseparable());
        }

        /**
         * The log-likelihood of the model at its estimates: restricted (REML) for a fit, full (ML) for the fits of
         * a profile likelihood. The figures' logits are normal around the model's mean with the random effects'
         * covariance, so at the estimates the full likelihood of the model linearised there is the model's own.
         */
        double likelihood() {
            return linear.logLikelihood();
        }

        /**
         * The between-country variance \( σ_c^2 \).
         *
         * @return it
         */
        public double countryVariance() {
            return linear.variances()[COUNTRY];
        }

        /**
         * The variance of an indicator's own effect around its group's mean \( σ_i^2 \): an indicator carried by
         * fewer than {@value AdoptionModel#MIN_STUDIES} studies shares the {@code other} coefficient and differs from
         * it by its own effect; a separated indicator's own effect is near 0.
         *
         * @return it
         */
        public double indicatorVariance() {
            return linear.variances()[INDICATOR];
        }

        /**
         * The variance of a country's effect on one kind of tool around its effect on all, \( σ_{ck}^2 \): the kinds
         * are social media or networks, named platforms, and each other indicator.
         *
         * @return it
         */
        public double countryKindVariance() {
            return linear.variances()[COUNTRY_KIND];
        }

        /** Whether a sector is a level of the sector factor (a sector few studies carry, known or not). */
        private boolean ownSector(String sector) {
            return !sector.equals(ALL_SECTORS) && !sectors.contains(sector);
        }

        /**
         * The variance of a sector's own effect around {@code sector other} \( σ_s^2 \): sectors carried by fewer than
         * {@value AdoptionModel#MIN_STUDIES} studies share that coefficient and differ from it by their own effect.
         *
         * @return it, empty when no figure is of such a sector
         */
        public OptionalDouble sectorVariance() {
            return sectorNames.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(linear.variances()[SECTOR]);
        }

        /**
         * The sectors the model separates by a coefficient of their own (carried by at least
         * {@value AdoptionModel#MIN_STUDIES} studies), by their NACE label.
         *
         * @return them
         */
        public Set<String> sectors() {
            return sectors;
        }

        /** The BLUP of a profile's country × kind effect, 0 for a pair the fit lacks. */
        double countryKindEffect(Profile profile) {
            int level = countryKinds.indexOf(countryKind(profile));
            return level < 0 ? 0 : linear.crossedEffects(COUNTRY_KIND)[level];
        }

        List<String> countryKinds() {
            return countryKinds;
        }

        /**
         * The BLUP of an indicator's own effect, 0 for an indicator the fit lacks.
         */
        double indicatorEffect(String indicator) {
            int level = indicatorNames.indexOf(indicator);
            return level < 0 ? 0 : linear.crossedEffects(INDICATOR)[level];
        }

        /**
         * The between-study variance of a source's studies: \( σ_o^2 \) for official statistics, \( σ_p^2 \) for
         * private surveys.
         *
         * @param source official statistics or private surveys
         * @return the variance, 0 when the model has no study of that source
         */
        public double studyVariance(Source source) {
            int group = groupSources.indexOf(Objects.requireNonNull(source, "source"));
            return group < 0 ? 0 : linear.variances()[linear.data().crossed().length + group];
        }

        /**
         * The variance a new study's figure has around the model's mean beyond the mean's own error: its source's
         * between-study variance and the variance of figures within a study.
         *
         * @param source official statistics or a private survey
         * @return \( σ_{o\text{ or }p}^2 + σ_f^2 \)
         */
        public double newStudyVariance(Source source) {
            return studyVariance(source) + figureVariance();
        }

        /**
         * The variance of figures within a study \( σ_f^2 \).
         *
         * @return it
         */
        public double figureVariance() {
            return linear.variances()[linear.data().crossed().length + groupSources.size()];
        }

        /**
         * The restricted log-likelihood of the model linearised at its estimates.
         *
         * @return it
         */
        public double logLikelihood() {
            return linear.logLikelihood();
        }

        /**
         * The linearisations taken.
         *
         * @return their number
         */
        public int iterations() {
            return iterations;
        }

        /**
         * The figures' study ids, in entry order.
         *
         * @return a copy
         */
        String[] studies() {
            return studies.clone();
        }

        /**
         * The countries the model knows.
         *
         * @return their codes, in order of first appearance
         */
        public List<String> countries() {
            return countryNames;
        }

        /**
         * The indicators the model separates (beside {@value #REFERENCE_INDICATOR} and {@code other}).
         *
         * @return their codes, a platform after a slash ({@code platform_use/facebook})
         */
        public Set<String> indicators() {
            return indicators;
        }

        /**
         * The figures' observed logits.
         *
         * @return a copy
         */
        double[] logits() {
            return y.clone();
        }

        /**
         * The figures' sampling variances.
         *
         * @return a copy
         */
        double[] samplingVariances() {
            return v.clone();
        }

        List<Profile> profiles() {
            return profiles;
        }

        /** The model refitted to this fit's figures that {@code keep} accepts (by row), warm-started here. */
        Fit refit(java.util.function.IntPredicate keep) {
            int[] kept = java.util.stream.IntStream.range(0, y.length).filter(keep).toArray();
            if (kept.length == 0) {
                throw new IllegalArgumentException("No figure is left to fit");
            }
            List<Profile> p = new ArrayList<>(kept.length);
            double[] ky = new double[kept.length];
            double[] kv = new double[kept.length];
            String[] ks = new String[kept.length];
            int[] kr = new int[kept.length];
            for (int j = 0; j < kept.length; j++) {
                int i = kept[j];
                p.add(profiles.get(i));
                ky[j] = y[i];
                kv[j] = v[i];
                ks[j] = studies[i];
                kr[j] = rows[i];
            }
            return of(data, populations, form, p, ky, kv, ks, counts, kr, this);
        }

        /**
         * The model refitted leaving out each study in turn, computed once and kept: the basis of the
         * cross-validation and of the gaps' stability.
         *
         * @return each study's id and the fit without it, in order of first appearance
         */
        synchronized Map<String, Fit> studyRefits() {
            if (studyRefits == null) {
                Map<String, Fit> refits = new LinkedHashMap<>();
                for (String study : studyNames) {
                    refits.put(study, refit(i -> !studies[i].equals(study)));
                }
                studyRefits = java.util.Collections.unmodifiableMap(refits);
            }
            return studyRefits;
        }

        /**
         * How well the model predicts studies it has not seen: each study left out in turn
         * ({@link CrossValidation}), computed once and kept.
         *
         * @return the cross-validation
         */
        public synchronized CrossValidation crossValidation() {
            if (crossValidation == null) {
                crossValidation = CrossValidation.of(this, CrossValidation.Grouping.STUDY);
            }
            return crossValidation;
        }

        /** The row of the data's entry {@code entry}, or -1 if this fit left it out. */
        int row(int entry) {
            for (int i = 0; i < rows.length; i++) {
                if (rows[i] == entry) {
                    return i;
                }
            }
            return -1;
        }

        /**
         * The row of a figure, or -1 if it did not enter this fit.
         *
         * @param figure the figure
         * @return its row
         */
        int row(Observation figure) {
            List<AdoptionData.Entry> entries = data.entries();
            for (int i = 0; i < rows.length; i++) {
                if (entries.get(rows[i]).figure().equals(figure)) {
                    return i;
                }
            }
            return -1;
        }

        /** The data's entry of a row. */
        int entry(int row) {
            return rows[row];
        }

        Profile profile(int row) {
            return profiles.get(row);
        }

        /** A profile's mean on the logit scale, and into {@code gradient} its derivative in the coefficients. */
        double mean(Profile profile, double[] gradient) {
            double[][] f = new double[1][phi.length];
            double mu = mean(columns, List.of(profile), phi, ceilings, f)[0];
            System.arraycopy(f[0], 0, gradient, 0, phi.length);
            return mu;
        }

        /** The observed logit of a row. */
        double logit(int row) {
            return y[row];
        }

        /** The BLUP of a country's effect, 0 for a country the fit lacks. */
        double countryEffect(String country) {
            int level = countryNames.indexOf(country);
            return level < 0 ? 0 : linear.crossedEffects(COUNTRY)[level];
        }

        /** The BLUP of a study's effect, 0 for a study the fit lacks. */
        double studyEffect(String study) {
            int level = studyNames.indexOf(study);
            return level < 0 ? 0 : linear.studyEffects()[level];
        }

        /** The BLUP of a row's own effect. */
        double figureEffect(int row) {
            return linear.estimateEffects()[row];
        }

        List<String> studyNames() {
            return studyNames;
        }

        CrossedFit linear() {
            return linear;
        }

        /**
         * The figures' standardised residuals (metafor's {@code rstandard} of the model linearised at its
         * estimates), in entry order.
         *
         * @return one per figure
         */
        public double[] standardisedResiduals() {
            return linear.standardisedResiduals();
        }

        /**
         * The design as a table for a check in R: one line per part of a figure's mixture, with the figure's index,
         * logit, sampling variance, study, country, country × kind, own indicator, whether a private survey, own
         * sector (only when the model has a sector factor), the part's weight and its design row.
         */
        String design() {
            boolean bySector = !sectorNames.isEmpty();
            StringBuilder out = new StringBuilder("figure,yi,vi,study,country,country_kind,own_indicator,private"
                    + (bySector ? ",own_sector" : "") + ",weight");
            columns.forEach(c -> out.append(",\"").append(c.name()).append('"'));
            out.append('\n');
            for (int i = 0; i < profiles.size(); i++) {
                Profile profile = profiles.get(i);
                boolean own = !indicators.contains(profile.indicator())
                        && !profile.indicator().equals(REFERENCE_INDICATOR);
                for (SizeMixture.Part part : profile.mixture().parts()) {
                    out.append(String.format(Locale.ROOT, "%d,%.17g,%.17g,%s,%s,%s,%s,%d", i + 1, y[i], v[i],
                            studies[i], profile.country(), countryKind(profile), own ? profile.indicator() : "",
                            profile.source() == Source.PRIVATE_SURVEY ? 1 : 0));
                    if (bySector) {
                        out.append(',').append(ownSector(profile.sector()) ? profile.sector() : "");
                    }
                    out.append(String.format(Locale.ROOT, ",%.17g", part.weight()));
                    for (Column c : columns) {
                        out.append(String.format(Locale.ROOT, ",%.17g", c.value().of(profile, part)));
                    }
                    out.append('\n');
                }
            }
            return out.toString();
        }

        Map<String, SizeMixture.ClassCounts> classCounts() {
            return counts;
        }

        ReferencePopulations populations() {
            return populations;
        }

        /**
         * Predicts a profile: its mean on the logit scale with the country's BLUP (or none, for a country the model
         * lacks) and the prediction error variance of that mean.
         *
         * @return {@code [mean, variance]}
         */
        double[] predict(Profile profile) {
            double[][] f = new double[1][phi.length];
            double mu = mean(columns, List.of(profile), phi, ceilings, f)[0];
            boolean own = !indicators.contains(profile.indicator()) && !profile.indicator().equals(REFERENCE_INDICATOR);
            int[] levels = {countryNames.indexOf(profile.country()), own ? indicatorNames.indexOf(profile.indicator())
                : -2, countryKinds.indexOf(countryKind(profile)), ownSector(profile.sector())
                    ? sectorNames.indexOf(profile.sector()) : -2};
            double[] linearised = linear.predict(f[0], Arrays.copyOf(levels, linear.data().crossed().length));
            double fphi = 0;
            for (int j = 0; j < phi.length; j++) {
                fphi += f[0][j] * phi[j];
            }
            return new double[] {mu + linearised[0] - fphi, linearised[1]};
        }

        /**
         * Answers a question: adoption for firms of a size band, in a country, a year, on an indicator.
         *
         * @param question the question
         * @return the answer, with its confidence interval and the prediction interval of a new study's figure
         * @throws IllegalArgumentException if the question's indicator is not one the model knows
         */
        public Answer predict(Question question) {
            Objects.requireNonNull(question, "question");
            String indicator = question.indicator();
            if (!indicator.equals(REFERENCE_INDICATOR) && !indicators.contains(indicator)) {
                throw new IllegalArgumentException("Indicator " + indicator + " is not separated by the model; the"
                        + " indicators it knows are " + REFERENCE_INDICATOR + ", " + String.join(", ", indicators));
            }
            List<String> notes = new ArrayList<>();
            String sector = sectorOf(question.sectors());
            if (!sector.equals(ALL_SECTORS) && !sectors.contains(sector)) {
                if (sectorNames.isEmpty()) {
                    throw new IllegalArgumentException(sectors.isEmpty()
                            ? "No figure of the model is of a single sector: it cannot answer for sector " + sector
                                + "; ask for all sectors"
                            : "Sector " + sector + " has no figure in the model, and every sector it has is separated"
                                + " (" + String.join(", ", sectors) + "): there is no between-sector variance for"
                                + " one it lacks");
                }
                if (!sectorNames.contains(sector)) {
                    notes.add("sector " + sector + " has no figure in the model: its interval carries the"
                            + " between-sector variance");
                }
            }
            SizeMixture.ClassCounts c = counts.get(question.region().code());
            if (c == null) {
                c = SizeMixture.ClassCounts.of(question.region(), populations);
            }
            SizeMixture mixture = SizeMixture.of(question.band(), c);
            if (mixture.parts().size() > 1) {
                notes.add("the band is the enterprise-weighted mean of " + mixture.parts().size()
                        + " size classes, weights from " + mixture.source());
            }
            boolean known = countryNames.contains(question.region().code());
            if (!known) {
                notes.add(question.region().code() + " has no figure in the model: its interval carries the"
                        + " between-country variance");
            }
            double[] prediction = predict(new Profile(question.year() - CENTRE_YEAR, indicator, question.source(),
                    question.region().code(), mixture, Traits.of(question.source()), sector));
            double z = Distributions.z(0.95);
            double se = Math.sqrt(prediction[1]);
            double pi = Math.sqrt(prediction[1] + newStudyVariance(question.source()));
            return new Answer(question, expit(prediction[0]),
                    new Interval(expit(prediction[0]), expit(prediction[0] - z * se), expit(prediction[0] + z * se), 0.95),
                    new Interval(expit(prediction[0]), expit(prediction[0] - z * pi), expit(prediction[0] + z * pi), 0.95),
                    known, notes);
        }

        /**
         * The coefficients with cluster-robust standard errors by study (CR1, as metafor's
         * {@code robust(res, cluster = study, adjust = TRUE)} on the model linearised at its estimates), t tests and
         * 95 % intervals on the studies' number less the coefficients' degrees of freedom: inference that holds if the
         * random effects are misspecified, as long as the studies are independent.
         *
         * @return one per coefficient, in the order of {@link #names()}
         * @throws IllegalArgumentException if there are no more studies than coefficients
         */
        public List<org.smesurvey.stats.meta.Coefficient> robust() {
            return robust(org.smesurvey.stats.meta.RobustVariance.CR1);
        }

        /**
         * The coefficients with cluster-robust standard errors by study under a chosen small-sample correction.
         * {@link org.smesurvey.stats.meta.RobustVariance#CR1} is {@link #robust()}.
         * {@link org.smesurvey.stats.meta.RobustVariance#CR2}, the bias-reduced linearisation, needs the model's
         * covariance to be block-diagonal by cluster — every random effect nested in a study — and this model's
         * countries, indicators and countries by kind of tool cross its studies: clubSandwich 0.5 refuses it the same
         * way ({@code coef_test(fit, vcov = "CR2", cluster = study)} on an {@code rma.mv} fit with
         * {@code random = list(~ 1 | country, ~ 1 | study/figure)}: "Random effects are not nested within clustering
         * variable"), so it is an error here too.
         *
         * @param variance the correction
         * @return one per coefficient, in the order of {@link #names()}
         * @throws IllegalArgumentException under CR2, or if there are no more studies than coefficients
         */
        public List<org.smesurvey.stats.meta.Coefficient> robust(org.smesurvey.stats.meta.RobustVariance variance) {
            if (Objects.requireNonNull(variance, "variance") == org.smesurvey.stats.meta.RobustVariance.CR2) {
                throw new IllegalArgumentException("CR2 needs every random effect nested in the clusters (studies);"
                        + " the adoption model's countries, indicators and countries by kind of tool cross its studies."
                        + " clubSandwich refuses it too (\"Random effects are not nested within clustering variable\")."
                        + " Use CR1");
            }
            List<String> ids = new ArrayList<>();
            int[] cluster = code(studies, ids);
            double[][] cov = linear.robustCovariance(cluster, ids.size());
            int df = ids.size() - phi.length;
            double t = Distributions.t(0.95, df);
            List<String> names = names();
            List<org.smesurvey.stats.meta.Coefficient> out = new ArrayList<>();
            for (int j = 0; j < phi.length; j++) {
                double se = Math.sqrt(cov[j][j]);
                double statistic = phi[j] / se;
                out.add(new org.smesurvey.stats.meta.Coefficient(names.get(j), phi[j], se, statistic,
                        Distributions.tTwoSided(statistic, df), phi[j] - t * se, phi[j] + t * se));
            }
            return List.copyOf(out);
        }

        /**
         * The figures the model entered.
         *
         * @return their number
         */
        public int k() {
            return y.length;
        }

        /**
         * The studies the figures come from.
         *
         * @return their number
         */
        public int studyCount() {
            return studyNames.size();
        }

        /**
         * The speed of diffusion for a size band: the odds ratio of adoption per year,
         * \( \exp(β_{year} + β_{year×size}\,s) \) at the band's mean log size s (Zipf's law, {@link SizeMixture}),
         * with its Wald interval from the delta method on the log scale.
         *
         * @param band the employee band
         * @return the odds ratio per year and its 95 % interval
         */
        public Interval speed(SizeBand band) {
            Objects.requireNonNull(band, "band");
            List<String> names = names();
            double[] g = new double[phi.length];
            double s = SizeMixture.logSize(band) - CENTRE_LOG_SIZE;
            int year = names.indexOf("year");
            int product = names.indexOf("year × log size");
            if (year >= 0) {
                g[year] = 1;
            }
            if (product >= 0) {
                g[product] = s;
            }
            double log = 0;
            double variance = 0;
            double[][] cov = linear.covariance();
            for (int a = 0; a < g.length; a++) {
                log += g[a] * phi[a];
                for (int b = 0; b < g.length; b++) {
                    variance += g[a] * cov[a][b] * g[b];
                }
            }
            double half = Distributions.z(0.95) * Math.sqrt(variance);
            return new Interval(Math.exp(log), Math.exp(log - half), Math.exp(log + half), 0.95);
        }

        /**
         * The year a kind of firm reaches a share: where the predicted share of the question's band, region,
         * indicator and source (its year ignored) crosses {@code share}, found by bisection on the year, with its
         * delta-method standard error \( \sqrt{\mathrm{PEV}(t^*)}/|\partial μ/\partial t| \) (the prediction error
         * of the mean at the crossing over the slope there) and a 95 % Wald interval.
         *
         * @param question what is predicted
         * @param share the share, in (0, 1)
         * @return the year and its interval
         * @throws IllegalArgumentException if the share is not in (0, 1)
         * @throws IllegalStateException if the share is not crossed between 1900 and 2200
         */
        public org.smesurvey.stats.meta.YearReached yearReaching(Question question, double share) {
            Objects.requireNonNull(question, "question");
            if (!(share > 0 && share < 1)) {
                throw new IllegalArgumentException("Share is not in (0, 1): " + share);
            }
            double target = Math.log(share / (1 - share));
            java.util.function.DoubleUnaryOperator gap = t -> predict(profileOf(question, t))[0] - target;
            double lo = 1900 - CENTRE_YEAR;
            double hi = 2200 - CENTRE_YEAR;
            double glo = gap.applyAsDouble(lo);
            double ghi = gap.applyAsDouble(hi);
            if (glo * ghi > 0) {
                throw new IllegalStateException(String.format(Locale.ROOT, "The predicted share does not cross %.1f %%"
                        + " between 1900 and 2200", 100 * share));
            }
            for (int it = 0; it < 200 && hi - lo > 1e-12; it++) {
                double mid = (lo + hi) / 2;
                double gm = gap.applyAsDouble(mid);
                if (gm * glo > 0) {
                    lo = mid;
                    glo = gm;
                } else {
                    hi = mid;
                }
            }
            double t = (lo + hi) / 2;
            double h = 1e-4;
            double slope = (gap.applyAsDouble(t + h) - gap.applyAsDouble(t - h)) / (2 * h);
            double se = Math.sqrt(predict(profileOf(question, t))[1]) / Math.abs(slope);
            double z = Distributions.z(0.95);
            return new org.smesurvey.stats.meta.YearReached(share, CENTRE_YEAR + t, se, CENTRE_YEAR + t - z * se,
                    CENTRE_YEAR + t + z * se, 0.95);
        }

        /** A question's profile at a centred year. */
        private Profile profileOf(Question question, double t) {
            SizeMixture.ClassCounts c = counts.get(question.region().code());
            if (c == null) {
                c = SizeMixture.ClassCounts.of(question.region(), populations);
            }
            return new Profile(t, question.indicator(), question.source(), question.region().code(),
                    SizeMixture.of(question.band(), c), Traits.of(question.source()), sectorOf(question.sectors()));
        }

        /**
         * The figures the model fits worst: those whose standardised residual is beyond ±{@code threshold},
         * largest first.
         *
         * @param threshold the bound, such as 2 or 3
         * @return the figures with their residuals
         * @throws IllegalArgumentException if the threshold is not positive
         */
        public List<Outlier> outliers(double threshold) {
            if (!(threshold > 0)) {
                throw new IllegalArgumentException("Threshold is not positive: " + threshold);
            }
            double[] z = standardisedResiduals();
            List<Outlier> out = new ArrayList<>();
            for (int i = 0; i < z.length; i++) {
                if (Math.abs(z[i]) > threshold) {
                    out.add(new Outlier(data.entries().get(rows[i]).figure(), z[i]));
                }
            }
            out.sort((a, b) -> Double.compare(Math.abs(b.residual()), Math.abs(a.residual())));
            return List.copyOf(out);
        }

        /**
         * The fit for a person, as metafor prints an {@code rma.mv} fit: the model in words, the variance
         * components, how well it predicts studies it has not seen ({@link #crossValidation()}, computed on first
         * use), the coefficients with their standard errors and intervals, and the ceiling.
         *
         * @return the text
         */
        public String summary() {
            StringBuilder text = new StringBuilder();
            text.append(String.format(Locale.ROOT, "Adoption model (%s): %d figures of %d studies in %d countries;"
                    + " %d figures left out%n", form, y.length, studyNames.size(),
                    countryNames.size(), data.excluded().size()));
            text.append(String.format(Locale.ROOT, "Variance components: country sigma^2 = %.4f, country by kind of tool"
                    + " sigma^2 = %.4f, own indicator sigma^2 = %.4f, study sigma^2 = %.4f (official statistics) and %.4f"
                    + " (private surveys), figure sigma^2 = %.4f%s%n", countryVariance(), countryKindVariance(),
                    indicatorVariance(), studyVariance(Source.OFFICIAL_STATISTICS), studyVariance(Source.PRIVATE_SURVEY),
                    figureVariance(), sectorNames.isEmpty() ? "" : String.format(Locale.ROOT,
                        ", own sector sigma^2 = %.4f (%d sectors)", linear.variances()[SECTOR], sectorNames.size())));
            text.append(String.format(Locale.ROOT, "Restricted logLik = %.4f (linearised at the estimates, %d"
                    + " linearisations)%n", logLikelihood(), iterations));
            text.append("Tested on studies it has not seen: ").append(crossValidation().summary()).append('\n');
            if (form.equals(DEFAULT_FORM) && !ceilingAtBoundary) {
                text.append("Form: the one that predicts left-out studies best among those tried (a speed per indicator,"
                        + " one ceiling, a ceiling per indicator: FormChoice, docs/adoption-model.md)\n");
            }
            if (!dropped.isEmpty()) {
                text.append("Not separable from the other columns, left out: ").append(String.join(", ", dropped))
                        .append('\n');
            }
            double z = Distributions.z(0.95);
            double[][] cov = linear.covariance();
            List<String> names = names();
            text.append(String.format(Locale.ROOT, "%-40s %9s %8s %9s %9s%n", "", "estimate", "se", "ci.lb", "ci.ub"));
            for (int j = 0; j < names.size(); j++) {
                double se = Math.sqrt(cov[j][j]);
                text.append(String.format(Locale.ROOT, "%-40s %9.4f %8.4f %9.4f %9.4f%n", names.get(j), phi[j], se,
                        phi[j] - z * se, phi[j] + z * se));
            }
            if (ceilings.kind() != Ceiling.NONE) {
                text.append("Ceilings (maximum likelihood, 95 % profile-likelihood intervals):\n");
                for (CeilingEstimate c : ceilingEstimates()) {
                    text.append(String.format(Locale.ROOT, "  %-38s %5.1f %% [%.1f %%, %.1f %%]%s%n", c.level(),
                            100 * c.interval().estimate(), 100 * c.interval().lower(), 100 * c.interval().upper(),
                            !c.separable() ? " (not separable from the indicator's level)"
                            : c.atBoundary() ? " (the likelihood rises to 100 %)" : ""));
                }
                if (ceilingAtBoundary) {
                    text.append("Every ceiling is at 100 %: no ceiling below 100 % is supported by the figures, and"
                            + " the model fitted is the one without\n");
                }
            }
            return text.toString().stripTrailing();
        }
    }

    /**
     * Which ceilings a fit estimates, in the order of their coefficients after the design's columns, and which it
     * holds fixed: an indicator level's ceiling logit, +∞ for 100 % (a ceiling whose likelihood rose to the boundary,
     * or one held for a profile likelihood); {@code inseparable} names the ceilings held at 100 % because the figures
     * cannot tell them from their indicator's level.
     */
    record Ceilings(Ceiling kind, List<String> estimated, Map<String, Double> fixed, Set<String> indicators,
            Set<String> inseparable) {

        /** The level of the one ceiling of every indicator. */
        static final String ALL = "all indicators";

        Ceilings {
            estimated = List.copyOf(estimated);
            fixed = Map.copyOf(fixed);
            indicators = Set.copyOf(indicators);
            inseparable = Set.copyOf(inseparable);
        }

        /** The ceiling level of a profile: its indicator's level ({@code other} has none), or {@link #ALL}. */
        String group(Profile profile) {
            return kind == Ceiling.ONE ? ALL : level(profile.indicator(), indicators);
        }

        /** The index among the estimated ceilings of a profile's, or -1 if it is fixed or none. */
        int estimatedIndex(Profile profile) {
            return kind == Ceiling.NONE ? -1 : estimated.indexOf(group(profile));
        }

        /** The logit of a profile's fixed ceiling: +∞ (100 %) when it has none. */
        double fixedLogit(Profile profile) {
            return kind == Ceiling.NONE ? Double.POSITIVE_INFINITY
                    : fixed.getOrDefault(group(profile), Double.POSITIVE_INFINITY);
        }

        /**
         * The ceiling levels the form asks for, given the figures: one, or the reference indicator's and each
         * separated indicator's — not {@code other}'s, whose indicators each differ.
         */
        List<String> asked(List<Profile> profiles) {
            return kind == Ceiling.NONE ? List.of() : kind == Ceiling.ONE ? List.of(ALL)
                    : profiles.stream().map(this::group).filter(g -> !g.equals("other")).distinct().sorted().toList();
        }
    }

    /**
     * A ceiling estimated by maximum likelihood with its 95 % profile-likelihood interval: the ceilings κ where twice
     * the fall of the profile log-likelihood from its maximum reaches \( χ^2_{1,0.95} = 3.84 \) (Venzon &amp;
     * Moolgavkar 1988), each point of the profile a full fit with that ceiling held.
     *
     * @param level the indicator level it bounds ({@code all indicators} for one ceiling)
     * @param interval κ's estimate and its interval; the upper bound 1 when the data do not rule out 100 %
     * @param atBoundary whether the estimate itself is 100 %: the likelihood rises as κ tends to 1, or the ceiling
     *        cannot be told from its indicator's level
     * @param separable whether the figures can tell the ceiling from its indicator's level; if not (its figures all
     *        lie far below any ceiling), it is held at 100 % and its interval is every ceiling the figures allow
     */
    public record CeilingEstimate(String level, Interval interval, boolean atBoundary, boolean separable) {

        /**
         * Validates the estimate.
         *
         * @param level the level
         * @param interval the estimate and interval
         * @param atBoundary whether the estimate is 100 %
         * @param separable whether the ceiling can be told from its indicator's level
         * @throws NullPointerException if an argument is null
         */
        public CeilingEstimate {
            Objects.requireNonNull(level, "level");
            Objects.requireNonNull(interval, "interval");
        }
    }

    /**
     * A figure the model fits badly.
     *
     * @param figure the figure
     * @param residual its standardised residual
     */
    public record Outlier(Observation figure, double residual) {
    }

    /**
     * The model refitted under other assumed samples for the figures with neither a base nor a study sample size
     * (see {@link AdoptionData}): what that choice moves. Each fit is on the same figures.
     *
     * @param catalogue the figures
     * @param assumedSamples the samples to try, such as 250 and 4,000
     * @return one fit per sample, in the order given
     * @throws IllegalArgumentException if no sample is given or one is less than 1
     */
    public static List<Fit> sensitivity(org.smesurvey.core.StudyCatalogue catalogue, int... assumedSamples) {
        Objects.requireNonNull(catalogue, "catalogue");
        if (Objects.requireNonNull(assumedSamples, "assumedSamples").length == 0) {
            throw new IllegalArgumentException("No assumed sample to try");
        }
        List<Fit> fits = new ArrayList<>();
        for (int n : assumedSamples) {
            fits.add(fit(AdoptionData.of(catalogue, n)));
        }
        return List.copyOf(fits);
    }

    /**
     * The answer to a question.
     *
     * @param question the question
     * @param share the predicted share of firms
     * @param confidence the 95 % confidence interval of the mean share of such figures
     * @param prediction the 95 % prediction interval of a new study's figure
     * @param countryKnown whether the country has figures in the model (its BLUP used)
     * @param notes what the answer assumes
     */
    public record Answer(Question question, double share, Interval confidence, Interval prediction,
            boolean countryKnown, List<String> notes) {

        /**
         * Validates the answer.
         *
         * @param question the question
         * @param share the share
         * @param confidence its confidence interval
         * @param prediction the prediction interval
         * @param countryKnown whether the country is known
         * @param notes what it assumes
         * @throws NullPointerException if an argument is null
         */
        public Answer {
            Objects.requireNonNull(question, "question");
            Objects.requireNonNull(confidence, "confidence");
            Objects.requireNonNull(prediction, "prediction");
            notes = List.copyOf(notes);
        }
    }

    /**
     * A trait's columns: one per level carried by at least {@value #MIN_STUDIES} studies, the others grouped as
     * {@code other}, beside the reference.
     */
    private static void traitColumns(List<Column> candidates, String prefix, List<Profile> profiles, String[] studies,
            java.util.function.Function<Profile, String> trait, String reference) {
        Map<String, Set<String>> carriers = new TreeMap<>();
        for (int i = 0; i < profiles.size(); i++) {
            carriers.computeIfAbsent(trait.apply(profiles.get(i)), l -> new TreeSet<>()).add(studies[i]);
        }
        Set<String> levels = new TreeSet<>();
        carriers.forEach((level, s) -> {
            if (s.size() >= MIN_STUDIES && !level.equals(reference)) {
                levels.add(level);
            }
        });
        for (String level : levels) {
            candidates.add(new Column(prefix + level, (p, part) -> trait.apply(p).equals(level) ? 1 : 0));
        }
        if (carriers.keySet().stream().anyMatch(l -> !levels.contains(l) && !l.equals(reference))) {
            candidates.add(new Column(prefix + "other", (p, part) -> {
                String value = trait.apply(p);
                return !levels.contains(value) && !value.equals(reference) ? 1 : 0;
            }));
        }
    }

    /**
     * The kind of tool a country's effect is specific to: social media or networks of any kind, a named platform,
     * or else the indicator itself (blogs, multimedia sharing, wikis and internal tools each differ from country to
     * country in their own way).
     */
    static String kind(String indicator) {
        if (indicator.equals(REFERENCE_INDICATOR) || indicator.equals("social_networks")) {
            return "social media";
        }
        return indicator.startsWith("platform_use") ? "named platforms" : indicator;
    }

    /** A profile's country × kind-of-tool level. */
    static String countryKind(Profile profile) {
        return profile.country() + " × " + kind(profile.indicator());
    }

    /** Whether an indicator is carried by enough studies to enter on its own. */
    private static boolean separated(String level, Map<String, Set<String>> carriers) {
        return carriers.getOrDefault(level, Set.of()).size() >= MIN_STUDIES;
    }

    private static int indexOrAdd(List<String> names, String name) {
        int index = names.indexOf(name);
        if (index < 0) {
            names.add(name);
            index = names.size() - 1;
        }
        return index;
    }

    /** The level of an indicator in the model: its own, or {@code other}. */
    static String level(String indicator, Set<String> indicators) {
        return indicator.equals(REFERENCE_INDICATOR) || indicators.contains(indicator) ? indicator : "other";
    }

    static double expit(double x) {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }

    /** Codes labels in order of first appearance. */
    static int[] code(String[] labels, List<String> names) {
        return CrossedFit.code(labels, names);
    }

    /**
     * The ceiling column (from {@code first} on) of a linearised design least separable from the others: the one
     * whose residual after projection on every other column is smallest relative to its norm.
     */
    static int leastSeparable(double[][] f, int first) {
        int q = f[0].length;
        int worst = 0;
        double smallest = Double.POSITIVE_INFINITY;
        for (int j = first; j < q; j++) {
            List<double[]> basis = new ArrayList<>();
            for (int c = 0; c < q; c++) {
                if (c != j) {
                    independent(column(f, c), basis);
                }
            }
            double[] r = column(f, j);
            double norm = norm(r);
            double residual = norm(project(r, basis)) / norm;
            if (!(residual >= smallest)) {
                smallest = residual;
                worst = j - first;
            }
        }
        return worst;
    }

    /** Takes from {@code r}, in place, its projection on each vector of an orthonormal basis in turn; returns it. */
    private static double[] project(double[] r, List<double[]> basis) {
        for (double[] b : basis) {
            double dot = 0;
            for (int i = 0; i < r.length; i++) {
                dot += r[i] * b[i];
            }
            for (int i = 0; i < r.length; i++) {
                r[i] -= dot * b[i];
            }
        }
        return r;
    }

    private static double norm(double[] r) {
        return Math.sqrt(Arrays.stream(r).map(x -> x * x).sum());
    }

    private static double[] column(double[][] f, int c) {
        double[] out = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            out[i] = f[i][c];
        }
        return out;
    }

    /**
     * Whether a column adds a direction to the orthonormal basis (modified Gram–Schmidt: its residual after the
     * kept columns is more than 1e-8 of its norm); if so its normalised residual joins the basis.
     */
    static boolean independent(double[] column, List<double[]> basis) {
        double norm = norm(column);
        if (norm == 0) {
            return false;
        }
        double[] r = project(column.clone(), basis);
        double residual = norm(r);
        if (residual <= 1e-8 * norm) {
            return false;
        }
        for (int i = 0; i < r.length; i++) {
            r[i] /= residual;
        }
        basis.add(r);
        return true;
    }

    /**
     * A question the model answers: adoption for firms of a size band, in a region, a year, on an indicator, in a
     * sector or all, as
     * official statistics or a private survey would measure it. Built with {@link #builder()}.
     *
     * @param band the employee band
     * @param region the country or area
     * @param year the year
     * @param indicator the indicator's code (a platform's after a slash: {@code platform_use/linkedin})
     * @param source official statistics or a private survey
     * @param sectors the NACE sections the firms are in; {@code Sectors.ALL} for every sector
     */
    public record Question(SizeBand band, Region region, int year, String indicator, Source source, Sectors sectors) {

        /**
         * Validates the question.
         *
         * @param band the band
         * @param region the region
         * @param year the year, 1990–2100
         * @param indicator the indicator's code
         * @param source the source
         * @param sectors the sectors
         * @throws IllegalArgumentException if the year is outside 1990–2100
         */
        public Question {
            Objects.requireNonNull(band, "band");
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(indicator, "indicator");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(sectors, "sectors");
            if (year < 1990 || year > 2100) {
                throw new IllegalArgumentException("Year is not in 1990-2100: " + year);
            }
        }

        /**
         * A question about firms of every sector.
         *
         * @param band the band
         * @param region the region
         * @param year the year, 1990–2100
         * @param indicator the indicator's code
         * @param source the source
         * @throws IllegalArgumentException if the year is outside 1990–2100
         */
        public Question(SizeBand band, Region region, int year, String indicator, Source source) {
            this(band, region, year, indicator, source, Sectors.ALL);
        }

        /**
         * A builder: social media of any kind, as official statistics measure it, unless told otherwise.
         *
         * @return the builder
         */
        public static Builder builder() {
            return new Builder();
        }

        /** Builds a {@link Question}. */
        public static final class Builder {
            private SizeBand band;
            private Region region;
            private Integer year;
            private String indicator = REFERENCE_INDICATOR;
            private Source source = Source.OFFICIAL_STATISTICS;
            private Sectors sectors = Sectors.ALL;

            private Builder() {
            }

            /**
             * The sector: firms of some NACE sections only. A sector carried by at least
             * {@value AdoptionModel#MIN_STUDIES} studies has its own coefficient; another is predicted with its own
             * effect, or with the between-sector variance when the model has no figure of it.
             *
             * @param sectors such as {@code Sectors.of(NaceSection.I)} (accommodation and food services)
             * @return this builder
             */
            public Builder sectors(Sectors sectors) {
                this.sectors = Objects.requireNonNull(sectors, "sectors");
                return this;
            }

            /**
             * The employee band.
             *
             * @param band such as {@code SizeBand.of(10, 49)}
             * @return this builder
             */
            public Builder band(SizeBand band) {
                this.band = Objects.requireNonNull(band, "band");
                return this;
            }

            /**
             * The region.
             *
             * @param region such as {@code Region.of("FR")}
             * @return this builder
             */
            public Builder region(Region region) {
                this.region = Objects.requireNonNull(region, "region");
                return this;
            }

            /**
             * The year.
             *
             * @param year such as 2023
             * @return this builder
             */
            public Builder year(int year) {
                this.year = year;
                return this;
            }

            /**
             * The indicator.
             *
             * @param indicator its code, such as {@code social_networks} or {@code platform_use/linkedin}
             * @return this builder
             */
            public Builder indicator(String indicator) {
                this.indicator = Objects.requireNonNull(indicator, "indicator");
                return this;
            }

            /**
             * Official statistics or a private survey.
             *
             * @param source the source
             * @return this builder
             */
            public Builder source(Source source) {
                this.source = Objects.requireNonNull(source, "source");
                return this;
            }

            /**
             * The question.
             *
             * @return it
             * @throws IllegalStateException if the band, region or year is missing
             */
            public Question build() {
                if (band == null || region == null || year == null) {
                    throw new IllegalStateException("A question needs a band, a region and a year");
                }
                return new Question(band, region, year, indicator, source, sectors);
            }
        }
    }
}
