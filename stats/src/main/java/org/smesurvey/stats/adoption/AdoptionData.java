package org.smesurvey.stats.adoption;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.smesurvey.core.Observation;
import org.smesurvey.core.SizeBand;
import org.smesurvey.core.StudyCatalogue;
import org.smesurvey.core.YearRange;
import org.smesurvey.stats.EffectiveSample;
import org.smesurvey.stats.meta.EffectSizes;
import org.smesurvey.stats.meta.ProportionMeasure;

/**
 * The figures of a catalogue made ready for the adoption model, each with what it assumes, and the figures that
 * cannot enter, each with its reason. Immutable.
 *
 * <p>A figure enters when its indicator is a share of all the companies using a social tool, one of
 * {@link #USE_INDICATORS} by default: the model reads every figure as an adoption rate, so a share of
 * non-users ({@code no_social_media}), of a narrower set ({@code social_networks_among_social_media_users},
 * {@code social_media_among_internet_users}), a purpose ({@code promotion}), an intensity
 * ({@code platform_daily_use}) or a plan ({@code enterprise_social_network_planned}) would pull it the wrong way
 * and is left out with its reason. A catalogue with its own codes names its own set
 * ({@link #of(StudyCatalogue, Set, int)}).
 *
 * <p>The same statistic reported by several sources (one Eurostat figure quoted by two national offices) enters
 * once: {@link DuplicateFigures} finds the reports, keeps one and lists the others as left out
 * ({@link Cause#DUPLICATE}), so that a statistic does not count twice.
 *
 * <p>For each figure:
 * <ul>
 *   <li><b>Year</b>: the figure's own, or else its study's fieldwork — the middle year of a range, rounded down
 *       ({@link Assumption#YEAR_FROM_FIELDWORK}); a figure with neither cannot enter.</li>
 *   <li><b>Size</b>: the figure's employee band, or else its study's coverage ({@link Assumption#SIZE_FROM_STUDY});
 *       split into its size classes and placed on the employee scale by {@link SizeMixture} (Zipf's law within a
 *       class, which for an open band \( [a, ∞) \) is what places it: {@link Assumption#OPEN_BAND}); a figure with
 *       neither cannot enter.</li>
 *   <li><b>Precision</b>: the logit with escalc's variance from the figure's effective sample when it publishes
 *       a base, a standard error or an interval ({@link Precision#PUBLISHED}); most official figures publish none,
 *       and then the study's documented sample size stands for the base ({@link Precision#STUDY_SAMPLE_SIZE},
 *       which overstates the base of a subgroup's figure), or else an assumed {@value #ASSUMED_SAMPLE} companies
 *       ({@link Precision#ASSUMED_SAMPLE}). Between-study heterogeneity dominates these figures (I² near 99 %), so
 *       the choice moves little; each figure so treated is flagged.</li>
 * </ul>
 *
 * @since 0.1
 */
public final class AdoptionData {

    /**
     * The bundled catalogue's indicators that are a share of all the companies using a social tool: social media
     * of any kind, social networks, one named platform, blogs or microblogs, multimedia sharing, wikis, an internal
     * enterprise social network, business chat, the internal uses of such tools, and the official surveys' purposes
     * of use as shares of all firms — image building and marketing, contact with customers, finding new ones,
     * recruiting, suppliers and partners, exchanges inside the firm — each an indicator of its own (see the
     * catalogue format). The same purposes as shares of the firms using social media
     * ({@code purpose_marketing_among_social_media_users}) are a population of their own and stay apart: a share
     * among users is not a share of all firms, and the two are never put on one curve.
     */
    public static final Set<String> USE_INDICATORS = Set.of("social_media_any", "social_networks", "platform_use",
            "blogs_microblogs", "multimedia_sharing", "blogs_or_multimedia", "wikis", "enterprise_social_network",
            "business_chat", "internal_video_sharing", "internal_photo_sharing", "internal_microblogging",
            "internal_instant_messaging", "internal_use_of_public_networks", "purpose_marketing",
            "purpose_customer_contact", "purpose_new_customers", "purpose_recruitment", "purpose_partners",
            "purpose_internal");

    /** The sample assumed for a figure that publishes no base and whose study states no sample size. */
    public static final int ASSUMED_SAMPLE = 1000;

    /** Where a figure's sampling variance comes from. */
    public enum Precision {
        /** Its published base, standard error or interval. */
        PUBLISHED,
        /** Its study's documented sample size, for a figure published without a base. */
        STUDY_SAMPLE_SIZE,
        /** {@value AdoptionData#ASSUMED_SAMPLE} companies, assumed. */
        ASSUMED_SAMPLE
    }

    /** What a figure's entry assumes beyond what the figure itself says. */
    public enum Assumption {
        /** Its year is its study's fieldwork year (the middle of a range). */
        YEAR_FROM_FIELDWORK,
        /** Its size band is its study's coverage. */
        SIZE_FROM_STUDY,
        /** Its band is open-ended: its enterprises' sizes above the lower bound follow Zipf's law ({@link SizeMixture}). */
        OPEN_BAND,
        /** Its variance rests on its study's sample size, not its own base. */
        PRECISION_FROM_STUDY_SAMPLE,
        /** Its variance rests on an assumed sample. */
        PRECISION_ASSUMED
    }

    /**
     * A figure as the model takes it.
     *
     * @param figure the published figure
     * @param sample the sample its precision rests on
     * @param year the year of the fieldwork
     * @param band the employee band it describes
     * @param precision where its precision comes from
     * @param assumptions what it assumes
     */
    public record Entry(Observation figure, EffectiveSample sample, int year, SizeBand band, Precision precision,
            Set<Assumption> assumptions) {

        /**
         * Validates the entry and copies its assumptions.
         *
         * @param figure the published figure
         * @param sample the sample its precision rests on
         * @param year the year of the fieldwork
         * @param band the employee band it describes
         * @param precision where its precision comes from
         * @param assumptions what it assumes
         * @throws NullPointerException if an argument is null
         */
        public Entry {
            Objects.requireNonNull(figure, "figure");
            Objects.requireNonNull(sample, "sample");
            Objects.requireNonNull(band, "band");
            Objects.requireNonNull(precision, "precision");
            assumptions = assumptions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(assumptions));
        }
    }

    /** Why a figure cannot enter the model. */
    public enum Cause {
        /** Its indicator is not a share of all the companies using a social tool. */
        NOT_AN_ADOPTION_RATE("not an adoption rate"),
        /** Neither the figure nor its study's fieldwork gives a year. */
        NO_YEAR("no year"),
        /** Neither the figure nor its study's population states a size band. */
        NO_SIZE_BAND("no size band"),
        /** The same statistic as a figure that entered, reported by another source ({@link DuplicateFigures}). */
        DUPLICATE("duplicate report");

        private final String words;

        Cause(String words) {
            this.words = words;
        }

        /**
         * The cause in a few words.
         *
         * @return such as {@code no year}
         */
        public String words() {
            return words;
        }
    }

    /**
     * A figure that cannot enter the model.
     *
     * @param figure the figure
     * @param cause why, as a kind
     * @param reason why, in words
     */
    public record Excluded(Observation figure, Cause cause, String reason) {
    }

    private final List<Entry> entries;
    private final List<Excluded> excluded;
    private final int assumedSample;

    private AdoptionData(List<Entry> entries, List<Excluded> excluded, int assumedSample) {
        this.entries = List.copyOf(entries);
        this.excluded = List.copyOf(excluded);
        this.assumedSample = assumedSample;
    }

    /**
     * Prepares a catalogue's figures (filter the catalogue first to choose them).
     *
     * @param catalogue the figures
     * @return the entries and the figures left out
     * @throws NullPointerException if the catalogue is null
     */
    public static AdoptionData of(StudyCatalogue catalogue) {
        return of(catalogue, USE_INDICATORS, ASSUMED_SAMPLE);
    }

    /**
     * Prepares a catalogue's figures with another assumed sample for the figures with neither a base nor a study
     * sample size: a sensitivity analysis of that choice.
     *
     * @param catalogue the figures
     * @param assumedSample the companies assumed behind such a figure, at least 1
     * @return the entries and the figures left out
     * @throws IllegalArgumentException if {@code assumedSample} is less than 1
     */
    public static AdoptionData of(StudyCatalogue catalogue, int assumedSample) {
        return of(catalogue, USE_INDICATORS, assumedSample);
    }

    /**
     * Prepares a catalogue's figures whose indicators are among {@code useIndicators}.
     *
     * @param catalogue the figures
     * @param useIndicators the indicator codes that are a share of all the companies using a social tool
     * @param assumedSample the companies assumed behind a figure with neither a base nor a study sample size, at
     *        least 1
     * @return the entries and the figures left out
     * @throws IllegalArgumentException if {@code useIndicators} is empty or {@code assumedSample} is less than 1
     */
    public static AdoptionData of(StudyCatalogue catalogue, Set<String> useIndicators, int assumedSample) {
        Objects.requireNonNull(catalogue, "catalogue");
        Set<String> use = Set.copyOf(useIndicators);
        if (use.isEmpty()) {
            throw new IllegalArgumentException("No indicator is named as a share of companies using a social tool");
        }
        if (assumedSample < 1) {
            throw new IllegalArgumentException("Assumed sample is not positive: " + assumedSample);
        }
        List<Entry> entries = new ArrayList<>();
        List<Excluded> excluded = new ArrayList<>();
        DuplicateFigures duplicates = DuplicateFigures.of(catalogue);
        for (Observation o : catalogue.observations()) {
            Optional<DuplicateFigures.Group> group = duplicates.groupOf(o);
            if (group.isPresent() && group.get().duplicates().contains(o)) {
                excluded.add(new Excluded(o, Cause.DUPLICATE, "duplicate report: " + group.get().reason()));
                continue;
            }
            if (!use.contains(o.indicator().code())) {
                excluded.add(new Excluded(o, Cause.NOT_AN_ADOPTION_RATE, "not an adoption rate: indicator "
                        + o.indicator().code() + (o.indicator().code().contains("_among_")
                            ? " is a share of a narrower set of firms (users), a population of its own"
                            : " is not a share of all the companies using a social tool")));
                continue;
            }
            Set<Assumption> assumptions = EnumSet.noneOf(Assumption.class);
            OptionalInt year = year(o, assumptions);
            if (year.isEmpty()) {
                excluded.add(new Excluded(o, Cause.NO_YEAR,
                        "no year: neither the figure nor its study's fieldwork gives one"));
                continue;
            }
            Optional<SizeBand> band = o.sizeBand();
            if (band.isEmpty()) {
                band = o.study().population().sizeCoverage();
                assumptions.add(Assumption.SIZE_FROM_STUDY);
            }
            if (band.isEmpty()) {
                excluded.add(new Excluded(o, Cause.NO_SIZE_BAND,
                        "no size band: neither the figure nor its study's population states one"));
                continue;
            }
            if (band.get().isOpenEnded()) {
                assumptions.add(Assumption.OPEN_BAND);
            }
            EffectiveSample sample;
            Precision precision;
            try {
                sample = EffectiveSample.of(o);
                precision = Precision.PUBLISHED;
            } catch (IllegalArgumentException e) {
                double p = o.figure().proportion();
                OptionalInt size = o.study().sampleSize();
                int n = size.isPresent() ? size.getAsInt() : assumedSample;
                precision = size.isPresent() ? Precision.STUDY_SAMPLE_SIZE : Precision.ASSUMED_SAMPLE;
                assumptions.add(size.isPresent() ? Assumption.PRECISION_FROM_STUDY_SAMPLE : Assumption.PRECISION_ASSUMED);
                sample = new EffectiveSample(p * n, n);
            }
            entries.add(new Entry(o, sample, year.getAsInt(), band.get(), precision, assumptions));
        }
        return new AdoptionData(entries, excluded, assumedSample);
    }

    private static OptionalInt year(Observation o, Set<Assumption> assumptions) {
        if (o.year().isPresent()) {
            return o.year();
        }
        Optional<YearRange> fieldwork = o.study().fieldwork();
        if (fieldwork.isEmpty()) {
            return OptionalInt.empty();
        }
        assumptions.add(Assumption.YEAR_FROM_FIELDWORK);
        return OptionalInt.of((fieldwork.get().first() + fieldwork.get().last()) / 2);
    }

    /**
     * The sample assumed for figures with neither a base nor a study sample size.
     *
     * @return the companies assumed
     */
    public int assumedSample() {
        return assumedSample;
    }

    /**
     * The figures that enter, in catalogue order.
     *
     * @return the entries
     */
    public List<Entry> entries() {
        return entries;
    }

    /**
     * The figures that cannot enter, with their reasons.
     *
     * @return the figures left out
     */
    public List<Excluded> excluded() {
        return excluded;
    }

    /**
     * The entries' logits and sampling variances, escalc's {@code "PLO"} on their effective samples (½ added to
     * the cells of a count of 0 or n).
     *
     * @return the effect sizes, labelled by the figures' labels
     * @throws IllegalStateException if no figure enters
     */
    public EffectSizes effectSizes() {
        if (entries.isEmpty()) {
            throw new IllegalStateException("No figure of the catalogue can enter the model");
        }
        return EffectSizes.of(ProportionMeasure.PLO, entries.stream().map(Entry::sample).toList(),
                entries.stream().map(e -> e.figure().label()).toList());
    }

    /**
     * Each entry's study, the cluster of the multilevel model.
     *
     * @return the study ids, in entry order
     */
    public String[] studies() {
        return entries.stream().map(e -> e.figure().study().id()).toArray(String[]::new);
    }
}
