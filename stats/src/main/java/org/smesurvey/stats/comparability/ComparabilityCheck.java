package org.smesurvey.stats.comparability;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.smesurvey.core.Coded;
import org.smesurvey.core.Figure;
import org.smesurvey.core.NetworkScope;
import org.smesurvey.core.Observation;
import org.smesurvey.core.Region;
import org.smesurvey.core.RespondentFunction;
import org.smesurvey.core.Sampling;
import org.smesurvey.core.Sectors;
import org.smesurvey.core.SizeBand;
import org.smesurvey.core.Study;
import org.smesurvey.core.YearRange;
import org.smesurvey.stats.EffectiveSample;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Compares two figures, or two studies, dimension by dimension ({@link Dimension}), and says for each whether
 * they are comparable, comparable after an adjustment (which), not comparable, or cannot tell, and why.
 *
 * <p>The rules, per dimension:
 * <ul>
 * <li><b>size</b>: equal bands are comparable; bands that overlap, or differ only by one employee count at a
 *     boundary (EU "fewer than 50", UK "not more than 50"), after size-class harmonisation; disjoint bands are
 *     not comparable (the difference is a size effect); a band not stated cannot be checked.</li>
 * <li><b>region</b>: the same region only; an aggregate against one of its members is not comparable.</li>
 * <li><b>sectors</b>: the same sections; overlapping ones after standardisation with sector figures.</li>
 * <li><b>respondents</b>: the same functions, since each function sees a different company.</li>
 * <li><b>network scope</b>: the same scope; the ICT surveys' "mixed" scope counts internal networks too.</li>
 * <li><b>indicator</b>: the same indicator code and platform.</li>
 * <li><b>year</b>: fieldwork within the tolerance (0 years by default): adoption moved fast.</li>
 * <li><b>sampling</b>: the same sampling; a convenience sample represents only its respondents.</li>
 * <li><b>sample size</b>: figures with a base compare through their intervals; a weighted survey figure after
 *     taking its effective sample size; a figure without a base cannot be tested.</li>
 * </ul>
 * When comparing is the point on a dimension (two countries, two years), {@linkplain #ignoring(Dimension, Dimension...)
 * leave it out}. Instances are immutable.
 *
 * @since 0.1
 */
public final class ComparabilityCheck {

    private static final ComparabilityCheck DEFAULTS = new ComparabilityCheck(EnumSet.allOf(Dimension.class), 0, null);

    private final Set<Dimension> dimensions;
    private final int yearTolerance;
    /** The adoption model that makes year and size differences adjustable, or null. */
    private final org.smesurvey.stats.adoption.AdoptionModel.Fit model;

    private ComparabilityCheck(Set<Dimension> dimensions, int yearTolerance,
            org.smesurvey.stats.adoption.AdoptionModel.Fit model) {
        this.dimensions = Collections.unmodifiableSet(EnumSet.copyOf(dimensions));
        this.yearTolerance = yearTolerance;
        this.model = model;
    }

    /**
     * A check that adjusts with the adoption model what it can: two figures from different years, or for different
     * size bands, that both entered the model become comparable after adjustment, the reason saying by how many
     * points the model's time (or size) effect moves the gap between them; two studies with figures in the model
     * likewise, for their years and size bands.
     *
     * @param fit the adoption model
     * @return a new check
     */
    public ComparabilityCheck withModel(org.smesurvey.stats.adoption.AdoptionModel.Fit fit) {
        return new ComparabilityCheck(dimensions, yearTolerance, Objects.requireNonNull(fit, "fit"));
    }

    /**
     * A check of every dimension, with fieldwork years required to be equal.
     *
     * @return the default check
     */
    public static ComparabilityCheck withDefaults() {
        return DEFAULTS;
    }

    /**
     * A check that leaves these dimensions out, such as {@link Dimension#REGION} to compare countries.
     *
     * @param first a dimension
     * @param more further dimensions
     * @return a new check
     */
    public ComparabilityCheck ignoring(Dimension first, Dimension... more) {
        Set<Dimension> kept = EnumSet.copyOf(dimensions);
        kept.remove(first);
        kept.removeAll(Arrays.asList(more));
        return new ComparabilityCheck(kept.isEmpty() ? EnumSet.noneOf(Dimension.class) : kept, yearTolerance, model);
    }

    /**
     * A check that accepts fieldwork this many years apart.
     *
     * @param years the tolerance, 0 or more
     * @return a new check
     * @throws IllegalArgumentException if {@code years} is negative
     */
    public ComparabilityCheck withYearTolerance(int years) {
        if (years < 0) {
            throw new IllegalArgumentException("Year tolerance is negative: " + years);
        }
        return new ComparabilityCheck(dimensions, years, model);
    }

    /**
     * The dimensions this check looks at.
     *
     * @return the dimensions
     */
    public Set<Dimension> dimensions() {
        return dimensions;
    }

    /**
     * Compares two published figures.
     *
     * @param first a figure
     * @param second another figure
     * @return the report, one assessment per dimension checked
     */
    public ComparabilityReport compare(Observation first, Observation second) {
        ComparabilityReport report = compare(Profile.of(Objects.requireNonNull(first, "first")),
                Profile.of(Objects.requireNonNull(second, "second")));
        if (model == null || !entered(first) || !entered(second)) {
            return report;
        }
        org.smesurvey.stats.adoption.GapDecomposition gap =
                org.smesurvey.stats.adoption.GapDecomposition.of(model, first, second);
        List<Assessment> adjusted = new ArrayList<>();
        for (Assessment a : report.assessments()) {
            if (a.verdict() != Verdict.COMPARABLE && (a.dimension() == Dimension.YEAR || a.dimension() == Dimension.SIZE)) {
                String part = a.dimension() == Dimension.YEAR ? "time" : "size";
                org.smesurvey.stats.adoption.GapDecomposition.Part p = gap.parts().stream()
                        .filter(x -> x.dimension().equals(part)).findFirst().orElseThrow();
                adjusted.add(Assessment.adjusted(a.dimension(), Adjustment.ADOPTION_MODEL, String.format(Locale.ROOT,
                        "%s; comparable after adjustment by the adoption model: %s accounts for %+.1f points of the"
                                + " %+.1f-point gap (%+.3f on the logit scale, SE %.3f)", a.reason(),
                        part.equals("time") ? "the difference in years" : "the difference in size", p.points(),
                        gap.pointsGap(), p.logit(), p.standardError())));
            } else {
                adjusted.add(a);
            }
        }
        return new ComparabilityReport(report.first(), report.second(), adjusted);
    }

    private boolean entered(Observation o) {
        return model.data().entries().stream().anyMatch(e -> e.figure().equals(o));
    }

    /**
     * Compares two studies: their populations, who answered, when, how, and whether they share an indicator
     * and a scope among the figures they published.
     *
     * @param first a study
     * @param firstFigures its figures (for indicators and scopes; may be empty)
     * @param second another study
     * @param secondFigures its figures
     * @return the report, one assessment per dimension checked
     */
    public ComparabilityReport compare(Study first, List<Observation> firstFigures, Study second,
            List<Observation> secondFigures) {
        ComparabilityReport report = compare(Profile.of(first, firstFigures), Profile.of(second, secondFigures));
        if (model == null || firstFigures.stream().noneMatch(this::entered)
                || secondFigures.stream().noneMatch(this::entered)) {
            return report;
        }
        // Both studies have figures in the adoption model: its time and size effects adjust for their years and
        // size bands (by how many points depends on the figures compared; see compare(Observation, Observation)).
        List<Assessment> adjusted = new ArrayList<>();
        for (Assessment a : report.assessments()) {
            adjusted.add(a.verdict() != Verdict.COMPARABLE && (a.dimension() == Dimension.YEAR
                    || a.dimension() == Dimension.SIZE) ? Assessment.adjusted(a.dimension(), Adjustment.ADOPTION_MODEL,
                    a.reason() + "; comparable after adjustment by the adoption model, whose "
                            + (a.dimension() == Dimension.YEAR ? "time" : "size") + " effects both studies' figures"
                            + " entered") : a);
        }
        return new ComparabilityReport(report.first(), report.second(), adjusted);
    }

    /**
     * Compares every pair of a set of figures.
     *
     * @param figures the figures
     * @return the reports of each pair, {@code reports[i][j]} for figures {@code i} and {@code j}
     *         ({@code i != j}; the diagonal compares a figure with itself)
     */
    public ComparabilityReport[][] compareAll(List<Observation> figures) {
        int n = figures.size();
        ComparabilityReport[][] reports = new ComparabilityReport[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                reports[i][j] = j < i ? reports[j][i] : compare(figures.get(i), figures.get(j));
            }
        }
        return reports;
    }

    /**
     * Every pair of a set of figures as a table, one row per pair {@code i < j}: {@code first, second, overall},
     * then one column per dimension checked with its verdict; the map of a set of studies.
     *
     * @param figures the figures
     * @return the table
     */
    public Table table(List<Observation> figures) {
        Table table = Table.create("comparability", StringColumn.create("first"), StringColumn.create("second"),
                StringColumn.create("overall"));
        dimensions.forEach(d -> table.addColumns(StringColumn.create(d.name().toLowerCase(Locale.ROOT))));
        ComparabilityReport[][] reports = compareAll(figures);
        for (int i = 0; i < figures.size(); i++) {
            for (int j = i + 1; j < figures.size(); j++) {
                ComparabilityReport report = reports[i][j];
                table.stringColumn("first").append(report.first());
                table.stringColumn("second").append(report.second());
                table.stringColumn("overall").append(report.overall().name());
                for (Assessment a : report.assessments()) {
                    table.stringColumn(a.dimension().name().toLowerCase(Locale.ROOT)).append(a.verdict().name());
                }
            }
        }
        return table;
    }

    private ComparabilityReport compare(Profile a, Profile b) {
        List<Assessment> assessments = new ArrayList<>();
        for (Dimension dimension : dimensions) {
            assessments.add(switch (dimension) {
                case SIZE -> size(a, b);
                case REGION -> region(a, b);
                case SECTOR -> sectors(a, b);
                case RESPONDENTS -> respondents(a, b);
                case NETWORK_SCOPE -> scope(a, b);
                case INDICATOR -> indicator(a, b);
                case YEAR -> year(a, b);
                case SAMPLING -> sampling(a, b);
                case SAMPLE_SIZE -> sampleSize(a, b);
            });
        }
        return new ComparabilityReport(a.label, b.label, assessments);
    }

    private static Assessment size(Profile a, Profile b) {
        Dimension d = Dimension.SIZE;
        if (a.size.isEmpty() || b.size.isEmpty()) {
            return Assessment.of(d, Verdict.UNKNOWN, "the size band of " + (a.size.isEmpty() ? a.label : b.label)
                    + " is not stated");
        }
        SizeBand x = a.size.get();
        SizeBand y = b.size.get();
        if (x.equals(y)) {
            return Assessment.of(d, Verdict.COMPARABLE, "both cover " + x + " employees");
        }
        if (!x.overlaps(y)) {
            return Assessment.of(d, Verdict.NOT_COMPARABLE,
                    x + " and " + y + " do not overlap: a difference is a size effect");
        }
        boolean boundary = Math.abs((long) x.min() - y.min()) <= 1 && Math.abs((long) x.max() - y.max()) <= 1;
        return Assessment.adjusted(d, Adjustment.SIZE_HARMONISATION, boundary
                ? x + " and " + y + " differ only at the boundary ('fewer than' against 'not more than'); re-express"
                        + " one on the other's bands with a reference population"
                : x + " and " + y + " overlap but differ; re-express both on common bands with a reference population"
                        + " (needs figures by size class)");
    }

    private static Assessment region(Profile a, Profile b) {
        Dimension d = Dimension.REGION;
        if (a.region.equals(b.region)) {
            return Assessment.of(d, Verdict.COMPARABLE, "both about " + a.region.displayName());
        }
        if (a.region.contains(b.region) || b.region.contains(a.region)) {
            Region whole = a.region.contains(b.region) ? a.region : b.region;
            Region part = whole == a.region ? b.region : a.region;
            return Assessment.of(d, Verdict.NOT_COMPARABLE, "the " + whole.code() + " average against one of its"
                    + " members, " + part.displayName());
        }
        return Assessment.of(d, Verdict.NOT_COMPARABLE, "different regions: " + a.region.displayName() + " and "
                + b.region.displayName() + " (leave REGION out to compare them)");
    }

    private static Assessment sectors(Profile a, Profile b) {
        Dimension d = Dimension.SECTOR;
        if (a.sectors.isEmpty() || b.sectors.isEmpty()) {
            return Assessment.of(d, Verdict.UNKNOWN, "the sectors of " + (a.sectors.isEmpty() ? a.label : b.label)
                    + " are not stated");
        }
        Sectors x = a.sectors.get();
        Sectors y = b.sectors.get();
        if (x.equals(y)) {
            return Assessment.of(d, Verdict.COMPARABLE, "both cover NACE " + x.label());
        }
        if (x.overlaps(y)) {
            return Assessment.adjusted(d, Adjustment.STANDARDISATION, "NACE " + x.label() + " against " + y.label()
                    + "; standardise to a common sector mix (needs figures by sector)");
        }
        return Assessment.of(d, Verdict.NOT_COMPARABLE, "no sector in common: NACE " + x.label() + " and " + y.label());
    }

    private static Assessment respondents(Profile a, Profile b) {
        Dimension d = Dimension.RESPONDENTS;
        boolean unknownA = a.respondents.contains(RespondentFunction.UNKNOWN);
        boolean unknownB = b.respondents.contains(RespondentFunction.UNKNOWN);
        if (unknownA || unknownB) {
            return Assessment.of(d, Verdict.UNKNOWN, unknownA && unknownB ? "neither says who answered"
                    : (unknownA ? a.label : b.label) + " does not say who answered");
        }
        if (a.respondents.equals(b.respondents)) {
            return Assessment.of(d, Verdict.COMPARABLE, "both asked " + functions(a.respondents));
        }
        return Assessment.of(d, Verdict.NOT_COMPARABLE, functions(a.respondents) + " against " + functions(b.respondents)
                + ": each function sees a different company");
    }

    private static Assessment scope(Profile a, Profile b) {
        Dimension d = Dimension.NETWORK_SCOPE;
        if (a.scopes.isEmpty() || b.scopes.isEmpty()) {
            return Assessment.of(d, Verdict.UNKNOWN, "no figure gives the network scope of "
                    + (a.scopes.isEmpty() ? a.label : b.label));
        }
        Set<NetworkScope> shared = EnumSet.copyOf(a.scopes);
        shared.retainAll(b.scopes);
        if (!shared.isEmpty()) {
            return Assessment.of(d, Verdict.COMPARABLE, "both about " + codes(shared) + " networks");
        }
        boolean mixed = a.scopes.contains(NetworkScope.MIXED) || b.scopes.contains(NetworkScope.MIXED);
        return Assessment.of(d, Verdict.NOT_COMPARABLE, codes(a.scopes) + " against " + codes(b.scopes) + " networks"
                + (mixed ? ": the ICT surveys' 'social networks' include internal ones such as Yammer" : ""));
    }

    private static Assessment indicator(Profile a, Profile b) {
        Dimension d = Dimension.INDICATOR;
        Set<String> shared = new TreeSet<>(a.indicators);
        shared.retainAll(b.indicators);
        if (!shared.isEmpty()) {
            return Assessment.of(d, Verdict.COMPARABLE, "both measure " + String.join(", ", shared));
        }
        return Assessment.of(d, Verdict.NOT_COMPARABLE, "different questions: " + String.join(", ", a.indicators)
                + " against " + String.join(", ", b.indicators));
    }

    private Assessment year(Profile a, Profile b) {
        Dimension d = Dimension.YEAR;
        if (a.years.isEmpty() || b.years.isEmpty()) {
            return Assessment.of(d, Verdict.UNKNOWN, "the year of " + (a.years.isEmpty() ? a.label : b.label)
                    + " is not stated");
        }
        YearRange x = a.years.get();
        YearRange y = b.years.get();
        long gap = Math.max(0, Math.max((long) x.first() - y.last(), (long) y.first() - x.last()));
        if (gap <= yearTolerance) {
            return Assessment.of(d, Verdict.COMPARABLE, x.equals(y) ? "both from " + x : x + " and " + y
                    + (gap == 0 ? " overlap" : " are within " + yearTolerance + " year(s)"));
        }
        return Assessment.of(d, Verdict.NOT_COMPARABLE, "fieldwork " + x + " against " + y + ", " + gap
                + " year(s) apart: adoption moved fast (leave YEAR out to study the trend)");
    }

    private static Assessment sampling(Profile a, Profile b) {
        Dimension d = Dimension.SAMPLING;
        if (a.sampling == Sampling.UNKNOWN || b.sampling == Sampling.UNKNOWN) {
            return Assessment.of(d, Verdict.UNKNOWN, "the sampling of " + (a.sampling == Sampling.UNKNOWN ? a.label
                    : b.label) + " is not stated");
        }
        if (a.sampling == b.sampling) {
            return Assessment.of(d, Verdict.COMPARABLE, "both " + a.sampling.description());
        }
        return Assessment.of(d, Verdict.NOT_COMPARABLE, a.sampling.description() + " against "
                + b.sampling.description() + ": a non-probability sample represents only its respondents");
    }

    private static Assessment sampleSize(Profile a, Profile b) {
        Dimension d = Dimension.SAMPLE_SIZE;
        if (a.sampleSize().isEmpty() || b.sampleSize().isEmpty()) {
            return Assessment.of(d, Verdict.UNKNOWN, (a.sampleSize().isEmpty() ? a.label : b.label)
                    + " gives no sample size or precision: a difference cannot be tested");
        }
        if (a.weighted || b.weighted) {
            Profile w = a.weighted ? a : b;
            return Assessment.adjusted(d, Adjustment.EFFECTIVE_SAMPLE_SIZE, w.label
                    + " is a weighted survey figure: compare it with its effective sample size of "
                    + count(w.sampleSize().getAsDouble()));
        }
        double small = Math.min(a.sampleSize().getAsDouble(), b.sampleSize().getAsDouble());
        double large = Math.max(a.sampleSize().getAsDouble(), b.sampleSize().getAsDouble());
        return Assessment.of(d, Verdict.COMPARABLE, "n = " + count(a.sampleSize().getAsDouble()) + " and n = "
                + count(b.sampleSize().getAsDouble()) + ": their intervals carry the difference in precision"
                + (large >= 10 * small ? "; the smaller detects only large differences" : ""));
    }

    private static String functions(Set<RespondentFunction> functions) {
        return codes(functions);
    }

    private static String codes(Set<? extends Coded> values) {
        return values.stream().map(Coded::code).sorted().collect(Collectors.joining("+"));
    }

    private static String count(double n) {
        return String.format(Locale.ROOT, "%,.0f", n);
    }

    /** What is compared of one side. */
    private record Profile(String label, Optional<SizeBand> size, Region region, Optional<Sectors> sectors,
            Set<RespondentFunction> respondents, Set<NetworkScope> scopes, Set<String> indicators,
            Optional<YearRange> years, Sampling sampling, OptionalDouble sampleSize, boolean weighted) {

        static Profile of(Observation o) {
            Study s = o.study();
            Figure f = o.figure();
            OptionalDouble n = f.hasBase() ? OptionalDouble.of(EffectiveSample.of(o).size()) : OptionalDouble.empty();
            boolean weighted = o.designEffect().isPresent() || f instanceof Figure.WithStandardError
                    || f instanceof Figure.WithInterval;
            return new Profile(o.label(), o.effectiveSizeBand(), o.region(), o.sectors().or(() -> s.population().sectors()),
                    s.respondents(), EnumSet.of(o.scope()), Set.of(indicator(o)),
                    o.year().isPresent() ? Optional.of(YearRange.of(o.year().getAsInt())) : s.fieldwork(),
                    s.method().sampling(), n, weighted);
        }

        static Profile of(Study s, List<Observation> figures) {
            Set<NetworkScope> scopes = EnumSet.noneOf(NetworkScope.class);
            Set<String> indicators = new LinkedHashSet<>();
            for (Observation o : figures) {
                scopes.add(o.scope());
                indicators.add(indicator(o));
            }
            OptionalDouble n = s.sampleSize().isPresent() ? OptionalDouble.of(s.sampleSize().getAsInt())
                    : OptionalDouble.empty();
            return new Profile(s.id(), s.population().sizeCoverage(), s.region(), s.population().sectors(),
                    s.respondents(), scopes, indicators, s.fieldwork(), s.method().sampling(), n, false);
        }

        private static String indicator(Observation o) {
            return o.indicator().code() + o.platform().map(p -> " (" + p.code() + ")").orElse("");
        }
    }
}
