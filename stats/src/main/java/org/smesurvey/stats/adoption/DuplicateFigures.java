package org.smesurvey.stats.adoption;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.smesurvey.core.NetworkScope;
import org.smesurvey.core.Observation;
import org.smesurvey.core.Platform;
import org.smesurvey.core.RespondentFunction;
import org.smesurvey.core.Sampling;
import org.smesurvey.core.Sectors;
import org.smesurvey.core.SizeBand;
import org.smesurvey.core.Study;
import org.smesurvey.core.StudyCatalogue;
import org.smesurvey.core.SurveyMode;
import org.smesurvey.core.Weighting;
import org.smesurvey.core.YearRange;
import org.smesurvey.core.bundled.Bundled;

/**
 * The figures of a catalogue that are one statistic reported more than once: the same Eurostat number read in
 * Eurostat's own release and again in a national office's table or a newspaper ("Eurostat (reported by SEPE)"). Such
 * a figure is not a second observation of adoption, and a model that weighs figures counts it once.
 *
 * <p>Two figures are the <b>same statistic</b> when all of these agree:
 * <ul>
 *   <li><b>region</b>: the figure's ({@link Observation#region()});</li>
 *   <li><b>year</b>: the figure's own, or else its study's fieldwork, the middle year of a range rounded down (as
 *       {@link AdoptionData} dates figures); a figure with neither is never matched;</li>
 *   <li><b>size</b>: the figure's employee band; a figure without one matches only figures without one and with the
 *       same size-class name (ignoring case), so the "small" and "medium" of one study stay apart;</li>
 *   <li><b>indicator</b> code, <b>platform</b>, <b>sectors</b> and <b>scope</b>; figures on
 *       {@link Platform#OTHER} match only with the same wording too, since {@code other} names no one platform;</li>
 *   <li><b>value</b>: the proportion, to within 10<sup>-6</sup> (a ten-thousandth of a percentage point). Two reports
 *       that round one statistic differently (35.8 % and 36 %) are not matched: which of them is right is a question
 *       for the catalogue's notes, not a rule;</li>
 *   <li><b>original publisher</b>: who produced the statistic ({@link #originalPublisher(Observation)}), not who
 *       reported it. Equal figures of two publishers (a national office and a private survey both finding 47 %) are
 *       two statistics.</li>
 * </ul>
 * Figures of one study may match each other too (a study that read one number in two reproductions).
 *
 * <p>Each group of matching figures <b>keeps one</b>, the first of these that tells them apart
 * ({@link Choice}):
 * <ol>
 *   <li>the figure of the original publisher's own release ({@link #isOwnRelease(Observation)});</li>
 *   <li>else the figure of the study with the most complete metadata ({@link #completeness(Study)}: fieldwork,
 *       sample size, respondents, mode, sampling, weighting, size coverage and sectors, one point each);</li>
 *   <li>else the first in catalogue order.</li>
 * </ol>
 * The others are its {@linkplain #duplicates() duplicates}: the figures to leave out.
 *
 * <p>Instances are immutable.
 *
 * <pre>{@code
 * DuplicateFigures duplicates = DuplicateFigures.of(Bundled.catalogue());
 * System.out.println(duplicates.summary());
 * StudyCatalogue once = Bundled.catalogue().filter(o -> !duplicates.isDuplicate(o));
 * }</pre>
 *
 * @since 0.2
 */
public final class DuplicateFigures {

    /** "(Eurostat data)", "(INE data; reported by …)": whose data a publisher says it reproduces. */
    private static final Pattern DATA_OF = Pattern.compile("\\(([^();]*?) data\\b");
    /** Where a publisher's own name ends: before a gloss, an abbreviation or a reporter. */
    private static final Pattern NAME_END = Pattern.compile(" \\(|;|,");
    private static final Pattern REPORTED = Pattern.compile("reported by", Pattern.CASE_INSENSITIVE);
    private static final Pattern DIACRITICS = Pattern.compile("\\p{M}+");
    /** Proportions closer than this are one value. */
    private static final double VALUE_RESOLUTION = 1e-6;

    /** Why a group keeps the figure it keeps. */
    public enum Choice {
        /** It is the only figure of the group in the original publisher's own release. */
        OWN_RELEASE("the original publisher's own release"),
        /** Its study's metadata are the most complete of the group's (after own releases, if several). */
        MOST_COMPLETE_STUDY("the study with the most complete metadata"),
        /** Nothing else tells the figures apart: the first in catalogue order. */
        FIRST_IN_CATALOGUE("the first in catalogue order");

        private final String words;

        Choice(String words) {
            this.words = words;
        }

        /**
         * The choice in a few words.
         *
         * @return such as {@code the original publisher's own release}
         */
        public String words() {
            return words;
        }
    }

    /**
     * What makes figures one statistic.
     *
     * @param region the figure's region code
     * @param year its year, or its study's fieldwork year
     * @param band its employee band, empty if it gives none
     * @param sizeClass its size-class name, compared when it has no band
     * @param indicator the indicator code
     * @param platform the platform, empty if none
     * @param platformWording the figure's wording (folded) when its platform is {@link Platform#OTHER}, else empty
     * @param sectors the sectors, empty if the study's
     * @param scope the network scope
     * @param value the proportion, rounded to 10<sup>-6</sup>
     * @param publisher the original publisher, as {@link DuplicateFigures#originalPublisher(Observation)} names it
     */
    public record Statistic(String region, int year, Optional<SizeBand> band, String sizeClass, String indicator,
            Optional<Platform> platform, String platformWording, Optional<Sectors> sectors, NetworkScope scope,
            double value, String publisher) {

        /**
         * Validates the statistic.
         *
         * @param region the figure's region code
         * @param year its year, or its study's fieldwork year
         * @param band its employee band, empty if it gives none
         * @param sizeClass its size-class name, compared when it has no band
         * @param indicator the indicator code
         * @param platform the platform, empty if none
         * @param platformWording the figure's wording when its platform is {@link Platform#OTHER}, else empty
         * @param sectors the sectors, empty if the study's
         * @param scope the network scope
         * @param value the proportion, rounded to 10<sup>-6</sup>
         * @param publisher the original publisher
         * @throws NullPointerException if an argument is null
         */
        public Statistic {
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(band, "band");
            Objects.requireNonNull(sizeClass, "sizeClass");
            Objects.requireNonNull(indicator, "indicator");
            Objects.requireNonNull(platform, "platform");
            Objects.requireNonNull(platformWording, "platformWording");
            Objects.requireNonNull(sectors, "sectors");
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(publisher, "publisher");
        }

        /**
         * The statistic in one line: region, year, size, indicator (platform, sectors), value and publisher.
         *
         * @return such as {@code EU28 2013 10+ social_media_any 30 % (Eurostat)}
         */
        public String label() {
            List<String> parts = new ArrayList<>(List.of(region, Integer.toString(year)));
            band.ifPresentOrElse(b -> parts.add(b.label()), () -> {
                if (!sizeClass.isEmpty()) {
                    parts.add(sizeClass);
                }
            });
            parts.add(indicator);
            platform.ifPresent(p -> parts.add(platformWording.isEmpty() ? p.code() : "'" + platformWording + "'"));
            sectors.ifPresent(s -> parts.add(s.label()));
            parts.add(percent(value));
            return String.join(" ", parts) + " (" + publisher + ")";
        }
    }

    /**
     * One statistic reported by several figures.
     *
     * @param statistic what the figures share
     * @param kept the figure kept for it
     * @param choice why that one
     * @param duplicates the others, in catalogue order: the figures to leave out
     */
    public record Group(Statistic statistic, Observation kept, Choice choice, List<Observation> duplicates) {

        /**
         * Validates the group and copies its duplicates.
         *
         * @param statistic what the figures share
         * @param kept the figure kept for it
         * @param choice why that one
         * @param duplicates the others, in catalogue order
         * @throws NullPointerException if an argument or a duplicate is null
         * @throws IllegalArgumentException if there is no duplicate, or the kept figure is among them
         */
        public Group {
            Objects.requireNonNull(statistic, "statistic");
            Objects.requireNonNull(kept, "kept");
            Objects.requireNonNull(choice, "choice");
            duplicates = List.copyOf(duplicates);
            if (duplicates.isEmpty()) {
                throw new IllegalArgumentException("A group of duplicates has no duplicate: " + kept.label());
            }
            if (duplicates.stream().anyMatch(d -> d == kept)) {
                throw new IllegalArgumentException("The kept figure is among its duplicates: " + kept.label());
            }
        }

        /**
         * Why the duplicates are left out, in words.
         *
         * @return such as {@code same statistic as EUROSTAT_NR_2013 (Eurostat): EU28 2013 10+ social_media_any 30 %
         *         (eurostat); kept as the original publisher's own release}
         */
        public String reason() {
            return "same statistic as " + kept.study().id() + " (" + kept.study().publisher() + "): "
                    + statistic.label() + "; kept as " + choice.words();
        }
    }

    private final List<Group> groups;
    private final List<Observation> duplicates;
    private final Set<Observation> duplicateSet;
    private final int figures;

    private DuplicateFigures(List<Group> groups, int figures) {
        this.groups = List.copyOf(groups);
        this.duplicates = groups.stream().flatMap(g -> g.duplicates().stream()).toList();
        this.duplicateSet = Set.copyOf(duplicates);
        this.figures = figures;
    }

    /**
     * Finds the figures of a catalogue that are one statistic reported more than once.
     *
     * @param catalogue the figures
     * @return the groups found, in the catalogue order of their kept figures
     * @throws NullPointerException if the catalogue is null
     */
    public static DuplicateFigures of(StudyCatalogue catalogue) {
        Objects.requireNonNull(catalogue, "catalogue");
        return of(catalogue.observations());
    }

    /**
     * Finds the figures among these that are one statistic reported more than once; their order is the catalogue
     * order of the rule.
     *
     * @param figures the figures
     * @return the groups found, in the order of their kept figures
     * @throws NullPointerException if the collection or a figure is null
     */
    public static DuplicateFigures of(Collection<Observation> figures) {
        Objects.requireNonNull(figures, "figures");
        Map<Statistic, List<Observation>> byStatistic = new LinkedHashMap<>();
        for (Observation figure : figures) {
            Objects.requireNonNull(figure, "figure");
            statistic(figure).ifPresent(s -> byStatistic.computeIfAbsent(s, k -> new ArrayList<>()).add(figure));
        }
        List<Group> groups = new ArrayList<>();
        List<Observation> order = List.copyOf(figures);
        for (Map.Entry<Statistic, List<Observation>> entry : byStatistic.entrySet()) {
            if (entry.getValue().size() > 1) {
                groups.add(group(entry.getKey(), entry.getValue()));
            }
        }
        groups.sort(Comparator.comparingInt(g -> indexOf(order, g.kept())));
        return new DuplicateFigures(groups, figures.size());
    }

    /**
     * The statistic a figure reports, in the terms of the rule.
     *
     * @param figure the figure
     * @return its statistic, empty if it has no year (neither its own nor its study's fieldwork)
     * @throws NullPointerException if the figure is null
     */
    public static Optional<Statistic> statistic(Observation figure) {
        Objects.requireNonNull(figure, "figure");
        OptionalInt year = year(figure);
        if (year.isEmpty()) {
            return Optional.empty();
        }
        String sizeClass = figure.sizeBand().isPresent() ? "" : fold(figure.sizeClass());
        String platformWording = figure.platform().equals(Optional.of(Platform.OTHER))
                ? fold(figure.indicator().wording()) : "";
        double value = Math.round(figure.figure().proportion() / VALUE_RESOLUTION) * VALUE_RESOLUTION;
        return Optional.of(new Statistic(figure.region().code(), year.getAsInt(), figure.sizeBand(), sizeClass,
                figure.indicator().code(), figure.platform(), platformWording, figure.sectors(), figure.scope(),
                value, originalPublisher(figure)));
    }

    /**
     * Who produced the statistic a figure reports, folded for comparison (lower case, without accents or surrounding
     * spaces):
     * <ol>
     *   <li>a figure for the EU ({@code EU27_2020}, {@code EU28}) on the official surveys' concepts
     *       ({@link NetworkScope#MIXED}) is Eurostat's, whoever quotes it: only Eurostat aggregates the ICT usage
     *       survey over the member states ({@code eurostat});</li>
     *   <li>a study whose publisher says whose data it reproduces, "(… data" ("Central Statistics Office Ireland
     *       (Eurostat data)", "ONTSI / Red.es (INE data; reported by Tecnópole)"), has that producer's figures
     *       ({@code eurostat}, {@code ine});</li>
     *   <li>otherwise the study publisher's own name: its text before the first " (", ";" or ",", where a reporter
     *       ("Eurostat (reported by SEPE)"), an abbreviation or a gloss ("Danmarks Statistik (Statistics Denmark)")
     *       begins ({@code eurostat}, {@code danmarks statistik}).</li>
     * </ol>
     *
     * @param figure the figure
     * @return the original publisher, folded
     * @throws NullPointerException if the figure is null
     */
    public static String originalPublisher(Observation figure) {
        Objects.requireNonNull(figure, "figure");
        if (figure.region().code().startsWith("EU") && figure.scope() == NetworkScope.MIXED) {
            return "eurostat";
        }
        return publisherOf(figure.study());
    }

    private static String publisherOf(Study study) {
        String publisher = study.publisher();
        Matcher data = DATA_OF.matcher(publisher);
        if (data.find()) {
            return fold(data.group(1));
        }
        return fold(NAME_END.split(publisher, 2)[0]);
    }

    /**
     * Whether a figure is in its original publisher's own release: its study's publisher is that publisher (the same
     * name by rule 3 of {@link #originalPublisher(Observation)}), reported by no one else ("reported by") and
     * reproducing no one's data ("(… data").
     *
     * @param figure the figure
     * @return {@code true} for Eurostat's figures in a study published by "Eurostat", {@code false} for them in
     *         "Eurostat (reported by SEPE)" or in "Central Statistics Office Ireland (Eurostat data)"
     * @throws NullPointerException if the figure is null
     */
    public static boolean isOwnRelease(Observation figure) {
        Objects.requireNonNull(figure, "figure");
        String publisher = figure.study().publisher();
        return !REPORTED.matcher(publisher).find() && !DATA_OF.matcher(publisher).find()
                && fold(NAME_END.split(publisher, 2)[0]).equals(originalPublisher(figure));
    }

    /**
     * How completely a study documents itself: one point for each of its fieldwork, sample size, respondents, mode,
     * sampling, weighting, size coverage and sectors that is stated.
     *
     * @param study the study
     * @return from 0 to 8
     * @throws NullPointerException if the study is null
     */
    public static int completeness(Study study) {
        Objects.requireNonNull(study, "study");
        int points = 0;
        points += study.fieldwork().isPresent() ? 1 : 0;
        points += study.sampleSize().isPresent() ? 1 : 0;
        points += study.respondents().equals(Set.of(RespondentFunction.UNKNOWN)) ? 0 : 1;
        points += study.method().mode() == SurveyMode.UNKNOWN ? 0 : 1;
        points += study.method().sampling() == Sampling.UNKNOWN ? 0 : 1;
        points += study.method().weighting() == Weighting.UNKNOWN ? 0 : 1;
        points += study.population().sizeCoverage().isPresent() ? 1 : 0;
        points += study.population().sectors().isPresent() ? 1 : 0;
        return points;
    }

    private static Group group(Statistic statistic, List<Observation> figures) {
        List<Observation> candidates = figures.stream().filter(DuplicateFigures::isOwnRelease).toList();
        Choice choice = Choice.OWN_RELEASE;
        if (candidates.size() != 1) {
            List<Observation> pool = candidates.isEmpty() ? figures : candidates;
            int best = pool.stream().mapToInt(o -> completeness(o.study())).max().orElseThrow();
            candidates = pool.stream().filter(o -> completeness(o.study()) == best).toList();
            choice = candidates.size() == 1 ? Choice.MOST_COMPLETE_STUDY : Choice.FIRST_IN_CATALOGUE;
        }
        Observation kept = candidates.get(0);
        return new Group(statistic, kept, choice, figures.stream().filter(o -> o != kept).toList());
    }

    private static int indexOf(List<Observation> figures, Observation figure) {
        for (int i = 0; i < figures.size(); i++) {
            if (figures.get(i) == figure) {
                return i;
            }
        }
        throw new IllegalStateException("A kept figure is not among the figures: " + figure.label());
    }

    private static OptionalInt year(Observation figure) {
        if (figure.year().isPresent()) {
            return figure.year();
        }
        Optional<YearRange> fieldwork = figure.study().fieldwork();
        return fieldwork.map(f -> OptionalInt.of((f.first() + f.last()) / 2)).orElse(OptionalInt.empty());
    }

    private static String fold(String text) {
        return DIACRITICS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("")
                .strip().toLowerCase(Locale.ROOT);
    }

    private static String percent(double value) {
        String text = String.format(Locale.ROOT, "%.4f", 100 * value).replaceAll("0+$", "").replaceAll("\\.$", "");
        return text + " %";
    }

    /**
     * The groups found, in the catalogue order of their kept figures.
     *
     * @return the groups; empty if every figure is a statistic of its own
     */
    public List<Group> groups() {
        return groups;
    }

    /**
     * The figures to leave out: every group's duplicates, group by group.
     *
     * @return the duplicates
     */
    public List<Observation> duplicates() {
        return duplicates;
    }

    /**
     * Whether a figure is a duplicate to leave out (a kept figure is not).
     *
     * @param figure the figure
     * @return {@code true} if it repeats a kept figure
     * @throws NullPointerException if the figure is null
     */
    public boolean isDuplicate(Observation figure) {
        Objects.requireNonNull(figure, "figure");
        return duplicateSet.contains(figure);
    }

    /**
     * The group a figure belongs to, as its kept figure or a duplicate.
     *
     * @param figure the figure
     * @return its group, empty if the figure is a statistic of its own
     * @throws NullPointerException if the figure is null
     */
    public Optional<Group> groupOf(Observation figure) {
        Objects.requireNonNull(figure, "figure");
        return groups.stream().filter(g -> g.kept().equals(figure) || g.duplicates().contains(figure)).findFirst();
    }

    /**
     * The groups laid out for reading: the count, then each statistic with the figure kept and why, and its
     * duplicates.
     *
     * @return the summary, lines ended by {@code \n}
     */
    public String summary() {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "Duplicate figures: %d statistic%s reported more than once; %d of %d figures to leave out\n",
                groups.size(), groups.size() == 1 ? "" : "s", duplicates.size(), figures));
        for (Group group : groups) {
            text.append("  ").append(group.statistic().label()).append('\n');
            text.append("    kept       ").append(group.kept().study().id()).append(" (")
                    .append(group.kept().study().publisher()).append("): ").append(group.choice().words()).append('\n');
            for (Observation duplicate : group.duplicates()) {
                text.append("    duplicate  ").append(duplicate.study().id()).append(" (")
                        .append(duplicate.study().publisher()).append(")\n");
            }
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return groups.stream().map(g -> g.kept().label() + " <- "
                + g.duplicates().stream().map(Observation::label).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; ", "DuplicateFigures[", "]"));
    }
}
