package org.smesurvey.stats.survey;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.smesurvey.core.ReferencePopulation;
import org.smesurvey.core.SizeBand;

/**
 * Calibrates a design's weights to known population totals — post-stratification to one set of categories,
 * raking to several margins (iterative proportional fitting) — as R's {@code postStratify} and {@code rake},
 * with the same weights and the same variances: the estimating functions are projected on the calibration
 * categories before their variance is taken, so that what the population totals fix adds no variance.
 * Typical totals: the enterprises of a country by size band (a {@code ReferencePopulation}) and by sector.
 *
 * <p>References: Holt, D. and Smith, T. M. F. (1979). Post stratification. <i>Journal of the Royal Statistical
 * Society A</i> 142(1), 33–46. doi:10.2307/2344652; Deming, W. E. and Stephan, F. F. (1940). On a least squares
 * adjustment of a sampled frequency table when the expected marginal totals are known. <i>The Annals of
 * Mathematical Statistics</i> 11(4), 427–444; Lumley, T. (2010). <i>Complex Surveys</i>. Wiley, ch. 7.
 *
 * @since 0.1
 */
public final class Calibration {

    /** survey's {@code rake} defaults: at most 10 sweeps, stopping when no cell moves by 1 (in weight units). */
    private static final int RAKE_SWEEPS = 10;
    private static final double RAKE_EPSILON = 1;
    /** survey projects on raking margins in 10 rounds. */
    private static final int RAKE_PROJECTION_ROUNDS = 10;
    /** The convergence check holds the margins' cross-table in memory: at most ten million cells. */
    private static final long MAX_CELLS = 10_000_000;

    private Calibration() {
    }

    /**
     * One projection step: x_i ← x_i − w'_i Σ_{j ∈ k(i)} x_j u_j / w'_j / Σ_{j ∈ k(i)} u_j, with u the weights
     * before the step (post-stratification) or ones (raking: u is null).
     */
    record Step(int[] category, int categories, double[] newWeights, double[] u) {
    }

    /** Steps applied in order, {@code rounds} times. */
    record Projection(List<Step> steps, int rounds) {
    }

    /**
     * Post-stratifies: each respondent's weight times the population total of its category over the weighted
     * count of the category, survey's {@code postStratify(design, ~category, population)}.
     *
     * @param design the design
     * @param categories each respondent's category (a size band, a sector)
     * @param totals the population total of every category
     * @return the post-stratified design
     * @throws IllegalArgumentException if a category of the sample has no total, a total's category has no
     *         respondent, or a total is not positive
     */
    public static SurveyDesign postStratify(SurveyDesign design, String[] categories, Map<String, Double> totals) {
        Objects.requireNonNull(design, "design");
        Margin margin = Margin.of(design, categories, totals, "post-stratum");
        double[] newWeights = margin.reweight(design.weights);
        double[] u = design.weights.clone();
        Step step = new Step(margin.category, margin.names.size(), newWeights, u);
        return design.calibrated(newWeights, new Projection(List.of(step), 1));
    }

    /**
     * Rakes to several margins, survey's {@code rake(design, list(~a, ~b), list(totalsA, totalsB))} with its
     * defaults: sweeps of post-stratification over the margins in turn, at most 10, until no cell of the
     * margins' cross-table moves by more than one weight unit.
     *
     * @param design the design
     * @param margins each margin's categories, one per respondent
     * @param totals each margin's population totals
     * @return the raked design
     * @throws IllegalArgumentException if the lists differ in length or are empty, or a margin's categories and
     *         totals do not match (see {@link #postStratify})
     */
    public static SurveyDesign rake(SurveyDesign design, List<String[]> margins, List<Map<String, Double>> totals) {
        Objects.requireNonNull(design, "design");
        if (margins.isEmpty() || margins.size() != totals.size()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "Raking needs as many margins as sets of totals, at least one: %d and %d", margins.size(),
                    totals.size()));
        }
        List<Margin> list = new ArrayList<>();
        for (int m = 0; m < margins.size(); m++) {
            list.add(Margin.of(design, margins.get(m), totals.get(m), "margin " + (m + 1) + " category"));
        }
        int[] cell = crossCells(list, design.n);
        double[] weights = design.weights.clone();
        double[] table = cellTotals(cell, weights);
        List<Step> steps = new ArrayList<>();
        for (int sweep = 0; sweep < RAKE_SWEEPS; sweep++) {
            steps.clear();
            for (Margin margin : list) {
                weights = margin.reweight(weights);
                steps.add(new Step(margin.category, margin.names.size(), weights, null));
            }
            double[] newTable = cellTotals(cell, weights);
            double change = 0;
            for (int c = 0; c < table.length; c++) {
                change = Math.max(change, Math.abs(newTable[c] - table[c]));
            }
            table = newTable;
            if (change < RAKE_EPSILON) {
                break;
            }
        }
        return design.calibrated(weights, new Projection(List.copyOf(steps), RAKE_PROJECTION_ROUNDS));
    }

    /** Each respondent's cell of the margins' cross-table, in mixed radix. */
    /**
     * The totals to post-stratify or rake to by size band, from a reference population of enterprises: each
     * band's count, keyed by the band's label ("10-49", "250+"), the labels respondents' categories must use.
     *
     * @param population the enterprises of the survey's country, counted by band
     * @param bands the bands the respondents are classed in
     * @return the totals, in the bands' order
     * @throws IllegalArgumentException if the population has no count for a band
     */
    public static Map<String, Double> totalsBySizeBand(ReferencePopulation population, List<SizeBand> bands) {
        Objects.requireNonNull(population, "population");
        Map<String, Double> totals = new java.util.LinkedHashMap<>();
        for (SizeBand band : bands) {
            long count = population.enterprises(band).orElseThrow(() -> new IllegalArgumentException(
                    "Population " + population.id() + " has no count for the band " + band.label()));
            totals.put(band.label(), (double) count);
        }
        return totals;
    }

    private static int[] crossCells(List<Margin> margins, int n) {
        long cells = 1;
        for (Margin m : margins) {
            cells *= m.names.size();
            if (cells > MAX_CELLS) {
                throw new IllegalArgumentException("The margins' cross-table has more than " + MAX_CELLS
                        + " cells: rake to fewer or coarser margins");
            }
        }
        int[] cell = new int[n];
        for (Margin m : margins) {
            int size = m.names.size();
            for (int i = 0; i < n; i++) {
                cell[i] = cell[i] * size + m.category[i];
            }
        }
        return cell;
    }

    private static double[] cellTotals(int[] cell, double[] weights) {
        int cells = 0;
        for (int c : cell) {
            cells = Math.max(cells, c + 1);
        }
        double[] totals = new double[cells];
        for (int i = 0; i < cell.length; i++) {
            totals[cell[i]] += weights[i];
        }
        return totals;
    }

    /** One set of categories with its population totals. */
    private record Margin(int[] category, List<String> names, double[] totals) {

        static Margin of(SurveyDesign design, String[] categories, Map<String, Double> totals, String what) {
            Objects.requireNonNull(totals, "totals");
            Coding coding = Coding.of(categories, design.n, "categories");
            List<String> names = coding.names();
            for (String name : names) {
                Double total = totals.get(name);
                if (total == null) {
                    throw new IllegalArgumentException("The " + what + " " + name + " of the sample has no population"
                            + " total");
                }
                if (!(total > 0 && total < Double.POSITIVE_INFINITY)) {
                    throw new IllegalArgumentException("The population total of " + what + " " + name
                            + " is not a positive finite number: " + total);
                }
            }
            for (String name : totals.keySet()) {
                if (!names.contains(name)) {
                    throw new IllegalArgumentException("The " + what + " " + name + " has a population total but no"
                            + " respondent");
                }
            }
            int[] category = coding.codes();
            return new Margin(category, names, names.stream().mapToDouble(totals::get).toArray());
        }

        double[] reweight(double[] weights) {
            double[] sums = new double[names.size()];
            for (int i = 0; i < weights.length; i++) {
                sums[category[i]] += weights[i];
            }
            double[] result = new double[weights.length];
            for (int i = 0; i < weights.length; i++) {
                result[i] = weights[i] * totals[category[i]] / sums[category[i]];
            }
            return result;
        }
    }
}
