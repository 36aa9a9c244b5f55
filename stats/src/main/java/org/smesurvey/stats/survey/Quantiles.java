package org.smesurvey.stats.survey;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The computation behind {@link SurveyEstimator#quantiles} and {@link SurveyEstimator#quantilesBy}: survey's
 * {@code svyquantile} with {@code na.rm = TRUE}, on each domain as {@code svyby} runs it on
 * {@code subset(design, domain)}. The respondents with a value and a non-zero weight are sorted once by domain
 * and value; each domain's quantiles are read off its sorted values ({@link QuantileRule}); the shares at or
 * below them are one estimate by domain per probability; the score interval's root finding runs every domain's
 * and probability's search side by side, one pass over the respondents per step.
 */
final class Quantiles {

    private final SurveyEstimator estimator;
    private final SurveyDesign design;
    private final ReplicateDesign replicate;
    private final double[] values;
    private final int[] codes;
    private final List<String> names;
    private final double[] probabilities;
    private final QuantileRule rule;
    private final QuantileInterval interval;
    private final double level;
    /** Whether each respondent has a value; null when all have. */
    private final boolean[] answered;
    /** Per domain: its respondents of non-zero weight with a value, values sorted, and their weights. */
    private final double[][] sortedValues;
    private final double[][] sortedWeights;
    /** Per domain: those respondents' indices in the sorted order. */
    private final int[][] sortedRespondents;

    private Quantiles(SurveyEstimator estimator, SurveyDesign design, ReplicateDesign replicate, double[] values,
            int[] codes, List<String> names, double[] probabilities, QuantileRule rule, QuantileInterval interval,
            double level) {
        this.estimator = estimator;
        this.design = design;
        this.replicate = replicate;
        this.values = values;
        this.codes = codes;
        this.names = names;
        this.probabilities = probabilities;
        this.rule = rule;
        this.interval = interval;
        this.level = level;
        boolean[] has = null;
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                if (has == null) {
                    has = new boolean[values.length];
                    Arrays.fill(has, true);
                }
                has[i] = false;
            }
        }
        this.answered = has;
        int count = names.size();
        this.sortedValues = new double[count][];
        this.sortedWeights = new double[count][];
        this.sortedRespondents = new int[count][];
        sort();
    }

    /**
     * The quantiles of each domain (codes null: one domain of all, named by {@code names}), NaN values missing.
     */
    static List<SurveyQuantiles> of(SurveyEstimator estimator, SurveyDesign design, ReplicateDesign replicate,
            double[] values, int[] codes, List<String> names, double[] probabilities, QuantileRule rule,
            QuantileInterval interval, double level) {
        return new Quantiles(estimator, design, replicate, values, codes, names, probabilities, rule, interval, level)
                .estimate();
    }

    /**
     * Sorts the respondents with a value and a non-zero weight by domain, value and position (R's stable order),
     * by one sort of primitive keys: the domain and the value's rank among the distinct values above the
     * respondent's position.
     */
    private void sort() {
        int n = design.n;
        double[] w = design.weights;
        int kept = 0;
        for (int i = 0; i < n; i++) {
            kept += isKept(i) ? 1 : 0;
        }
        double[] distinct = new double[kept];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (isKept(i)) {
                distinct[k++] = values[i] + 0.0;
            }
        }
        Arrays.parallelSort(distinct);
        int m = 0;
        for (int j = 0; j < kept; j++) {
            if (m == 0 || distinct[m - 1] != distinct[j]) {
                distinct[m++] = distinct[j];
            }
        }
        long[] keys = new long[kept];
        k = 0;
        for (int i = 0; i < n; i++) {
            if (isKept(i)) {
                int rank = Arrays.binarySearch(distinct, 0, m, values[i] + 0.0);
                long group = (long) domain(i) * m + rank;
                keys[k++] = group << 31 | i;
            }
        }
        Arrays.parallelSort(keys);
        int count = names.size();
        int[] sizes = new int[count];
        for (long key : keys) {
            sizes[domain((int) (key & Integer.MAX_VALUE))]++;
        }
        int[] at = new int[count];
        for (int d = 0; d < count; d++) {
            sortedValues[d] = new double[sizes[d]];
            sortedWeights[d] = new double[sizes[d]];
            sortedRespondents[d] = new int[sizes[d]];
        }
        for (long key : keys) {
            int i = (int) (key & Integer.MAX_VALUE);
            int d = domain(i);
            sortedValues[d][at[d]] = values[i] + 0.0;
            sortedWeights[d][at[d]] = w[i];
            sortedRespondents[d][at[d]++] = i;
        }
    }

    private boolean isKept(int i) {
        return design.weights[i] != 0 && !Double.isNaN(values[i]);
    }

    private int domain(int i) {
        return codes == null ? 0 : codes[i];
    }

    private boolean isAnswered(int i) {
        return answered == null || answered[i];
    }

    private List<SurveyQuantiles> estimate() {
        int count = names.size();
        int k = probabilities.length;
        double[][] estimates = new double[count][k];
        for (int d = 0; d < count; d++) {
            int m = sortedValues[d].length;
            estimates[d] = m == 0 ? nans(k) : rule.quantiles(sortedValues[d], sortedWeights[d], m,
                    probabilities);
        }
        // The shares at or below each estimate: Woodruff's starting point, and every domain's degrees of freedom.
        List<Map<String, SurveyEstimate>> shares = new ArrayList<>(k);
        for (int j = 0; j < (interval.isWoodruff() ? k : 1); j++) {
            shares.add(shares(estimates, j, false));
        }
        double[][] lower = new double[count][k];
        double[][] upper = new double[count][k];
        if (interval.isWoodruff()) {
            woodruff(estimates, shares, lower, upper);
        } else if (interval == QuantileInterval.QUANTILE) {
            replicates(estimates, shares.get(0), lower, upper);
        } else {
            score(shares.get(0), lower, upper);
        }
        List<SurveyQuantiles> results = new ArrayList<>();
        for (int d = 0; d < count; d++) {
            SurveyEstimate share = shares.get(0).get(names.get(d));
            if (share == null) {
                continue;
            }
            int df = share.degreesOfFreedom();
            double t = QuantileInterval.critical(level, df);
            List<SurveyQuantiles.Quantile> rows = new ArrayList<>(k);
            for (int j = 0; j < k; j++) {
                rows.add(new SurveyQuantiles.Quantile(probabilities[j], estimates[d][j], lower[d][j], upper[d][j],
                        (upper[d][j] - lower[d][j]) / (2 * t)));
            }
            results.add(new SurveyQuantiles(names.get(d), rows, level, df, share.respondents()));
        }
        return results;
    }

    /**
     * Each domain's share of respondents above (or at or below) a value of its own, {@code bounds[d][j]}, as a
     * design-based mean over the domain's respondents with a value, by name.
     */
    private Map<String, SurveyEstimate> shares(double[][] bounds, int j, boolean above) {
        byte[] yes = new byte[design.n];
        for (int i = 0; i < design.n; i++) {
            if (isAnswered(i)) {
                double bound = bounds[domain(i)][j];
                yes[i] = (byte) ((above ? values[i] > bound : values[i] <= bound) ? 1 : 0);
            }
        }
        Map<String, SurveyEstimate> byName = new HashMap<>();
        for (SurveyEstimate e : estimator.shares(names, codes, answered, yes)) {
            byName.put(e.label(), e);
        }
        return byName;
    }

    /** Woodruff's limits: the share's interval taken back through the estimated distribution function. */
    private void woodruff(double[][] estimates, List<Map<String, SurveyEstimate>> shares, double[][] lower,
            double[][] upper) {
        int[] rows = rows();
        int k = probabilities.length;
        for (int d = 0; d < names.size(); d++) {
            if (shares.get(0).get(names.get(d)) == null) {
                continue;
            }
            // the shares' limits, [2j] lower and [2j + 1] upper, taken back through the distribution at once
            double[] limits = new double[2 * k];
            for (int j = 0; j < k; j++) {
                SurveyEstimate share = shares.get(j).get(names.get(d));
                double[] limit = interval.shareInterval(share.estimate(), share.standardError(),
                        share.degreesOfFreedom(), rows[d], level);
                limits[2 * j] = limit[0];
                limits[2 * j + 1] = limit[1];
            }
            double[] back = rule.quantiles(sortedValues[d], sortedWeights[d], sortedValues[d].length, limits);
            for (int j = 0; j < k; j++) {
                lower[d][j] = Double.isNaN(limits[2 * j]) || limits[2 * j] < 0 ? Double.NaN : back[2 * j];
                upper[d][j] = Double.isNaN(limits[2 * j + 1]) || limits[2 * j + 1] > 1 ? Double.NaN : back[2 * j + 1];
            }
        }
    }

    /**
     * The rows of each domain's design as survey holds it after {@code subset}: the domain's rows with a value,
     * weight 0 or not, except on a calibrated linearised design, whose subsets keep every row.
     */
    private int[] rows() {
        int[] rows = new int[names.size()];
        if (replicate == null && design.isCalibrated()) {
            Arrays.fill(rows, design.n);
            return rows;
        }
        for (int i = 0; i < design.n; i++) {
            if (isAnswered(i)) {
                rows[domain(i)]++;
            }
        }
        return rows;
    }

    /** The replicates' interval: each replicate's quantile, their variance, \( \hat q \pm t\sqrt v \). */
    private void replicates(double[][] estimates, Map<String, SurveyEstimate> shares, double[][] lower,
            double[][] upper) {
        int count = names.size();
        int k = probabilities.length;
        int r = replicate.replicates();
        double[][][] byReplicate = new double[count][r][k];
        for (int d = 0; d < count; d++) {
            int[] order = sortedRespondents[d];
            double[] x = new double[order.length];
            double[] w = new double[order.length];
            for (int b = 0; b < r; b++) {
                int m = 0;
                for (int i : order) {
                    double weight = replicate.replicateWeight(i, b);
                    if (weight != 0) {
                        x[m] = values[i] + 0.0;
                        w[m++] = weight;
                    }
                }
                byReplicate[d][b] = m == 0 ? nans(k) : rule.quantiles(x, w, m, probabilities);
            }
        }
        for (int d = 0; d < count; d++) {
            SurveyEstimate share = shares.get(names.get(d));
            if (share == null) {
                continue;
            }
            double t = QuantileInterval.critical(level, share.degreesOfFreedom());
            double[][] covariance = replicate.covariance(byReplicate[d], estimates[d]);
            for (int j = 0; j < k; j++) {
                double half = Math.sqrt(covariance[j][j]) * t;
                lower[d][j] = estimates[d][j] - half;
                upper[d][j] = estimates[d][j] + half;
            }
        }
    }

    /**
     * Francisco and Fuller's score interval as survey's {@code ffullerCI} computes it: each limit a root of
     * \( \bar U(θ)/\mathrm{SE} \mp t \) by R's {@code uniroot}, then the quantile at the unweighted share of the
     * design's rows at or below it.
     */
    private void score(Map<String, SurveyEstimate> shares, double[][] lower, double[][] upper) {
        int count = names.size();
        int k = probabilities.length;
        double[][] rowValues = rowValues();
        // searches[side][d][j]: side 0 the lower limit (statistic = t), 1 the upper (statistic = -t)
        Root[][][] searches = new Root[2][count][k];
        double[][] lowEnd = new double[count][k];
        double[][] highEnd = new double[count][k];
        double[] critical = new double[count];
        boolean[] active = new boolean[count];
        for (int d = 0; d < count; d++) {
            SurveyEstimate share = shares.get(names.get(d));
            if (share == null) {
                continue;
            }
            active[d] = true;
            critical[d] = QuantileInterval.critical(level, share.degreesOfFreedom());
            double[] x = rowValues[d].clone();
            Arrays.sort(x);
            double iqr = type7(x, 0.75) - type7(x, 0.25);
            double from = x[0] + iqr / 100;
            double to = x[x.length - 1] - iqr / 100;
            if (!(from < to)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "The score interval of %s needs values"
                        + " spread beyond a fiftieth of their interquartile range: its search range [%s, %s] is"
                        + " empty (survey's uniroot stops there too)", what(d), from, to));
            }
            Arrays.fill(lowEnd[d], from);
            Arrays.fill(highEnd[d], to);
        }
        double[][][] atLow = statistics(lowEnd, critical);
        double[][][] atHigh = statistics(highEnd, critical);
        for (int d = 0; d < count; d++) {
            if (!active[d]) {
                continue;
            }
            double tolerance = 1 / (100 * Math.sqrt(rowValues[d].length));
            for (int side = 0; side < 2; side++) {
                for (int j = 0; j < k; j++) {
                    double fa = atLow[side][d][j];
                    double fb = atHigh[side][d][j];
                    if (Double.isNaN(fa) || Double.isNaN(fb) || !(Math.signum(fa) * Math.signum(fb) <= 0)) {
                        throw new IllegalArgumentException(String.format(Locale.ROOT, "The score statistic of the"
                                + " %s quantile of %s minus its critical value has the same sign (or none) at both"
                                + " ends of the search range: %s and %s (survey's uniroot stops there too)",
                                probabilities[j], what(d), fa, fb));
                    }
                    searches[side][d][j] = new Root(lowEnd[d][j], highEnd[d][j], fa, fb, tolerance);
                }
            }
        }
        // every search steps at once: one estimate by domain per probability and side per step
        while (true) {
            boolean any = false;
            double[][][] at = new double[2][count][k];
            for (int side = 0; side < 2; side++) {
                for (int d = 0; d < count; d++) {
                    for (int j = 0; j < k; j++) {
                        Root root = searches[side][d][j];
                        at[side][d][j] = root == null || root.done ? Double.NaN : root.next;
                        any |= root != null && !root.done;
                    }
                }
            }
            if (!any) {
                break;
            }
            double[][][] f = new double[2][][];
            for (int side = 0; side < 2; side++) {
                f[side] = statistics(at[side], critical)[side];
            }
            for (int side = 0; side < 2; side++) {
                for (int d = 0; d < count; d++) {
                    for (int j = 0; j < k; j++) {
                        Root root = searches[side][d][j];
                        if (root != null && !root.done) {
                            root.accept(f[side][d][j]);
                        }
                    }
                }
            }
        }
        for (int d = 0; d < count; d++) {
            if (!active[d]) {
                continue;
            }
            int m = sortedValues[d].length;
            for (int j = 0; j < k; j++) {
                lower[d][j] = rule.quantile(sortedValues[d], sortedWeights[d], m,
                        shareAtOrBelow(rowValues[d], searches[0][d][j].root));
                upper[d][j] = rule.quantile(sortedValues[d], sortedWeights[d], m,
                        shareAtOrBelow(rowValues[d], searches[1][d][j].root));
            }
        }
    }

    /**
     * The score statistics minus the critical values at \( θ_{dj} \): {@code [0]} for the lower limit
     * (\( Z - t \)), {@code [1]} for the upper (\( Z + t \)); a domain's θ of NaN is skipped. Values that are
     * not finite are R's zeroin's: \( -\infty \) as the most negative double, the others as the largest.
     */
    private double[][][] statistics(double[][] theta, double[] critical) {
        int count = names.size();
        int k = probabilities.length;
        double[][][] f = new double[2][count][k];
        for (int j = 0; j < k; j++) {
            Map<String, SurveyEstimate> above = shares(theta, j, true);
            for (int d = 0; d < count; d++) {
                SurveyEstimate share = above.get(names.get(d));
                if (share == null || Double.isNaN(theta[d][j])) {
                    continue;
                }
                double z = (share.estimate() - (1 - probabilities[j])) / share.standardError();
                f[0][d][j] = z - critical[d];
                f[1][d][j] = z + critical[d];
            }
        }
        return f;
    }

    /**
     * The values of each domain's rows as survey's {@code ffullerCI} sees them: the domain's rows with a value
     * (weight 0 or not), or, on a calibrated linearised design, every row with a missing value as 0.
     */
    private double[][] rowValues() {
        int count = names.size();
        int[] rows = rows();
        double[][] x = new double[count][];
        boolean all = replicate == null && design.isCalibrated();
        if (all) {
            // one array for every domain: survey's subsets of a calibrated design keep every row
            double[] every = new double[design.n];
            for (int i = 0; i < design.n; i++) {
                every[i] = isAnswered(i) ? values[i] : 0;
            }
            Arrays.fill(x, every);
            return x;
        }
        for (int d = 0; d < count; d++) {
            x[d] = new double[rows[d]];
        }
        int[] at = new int[count];
        for (int i = 0; i < design.n; i++) {
            if (isAnswered(i)) {
                int d = domain(i);
                x[d][at[d]++] = values[i];
            }
        }
        return x;
    }

    private static double[] nans(int k) {
        double[] nan = new double[k];
        Arrays.fill(nan, Double.NaN);
        return nan;
    }

    private static double shareAtOrBelow(double[] x, double theta) {
        int below = 0;
        for (double v : x) {
            below += v <= theta ? 1 : 0;
        }
        return (double) below / x.length;
    }

    /** R's {@code quantile(x, p, type = 7)} of sorted values. */
    private static double type7(double[] sorted, double p) {
        double index = (sorted.length - 1) * p;
        int lo = (int) Math.floor(index);
        int hi = (int) Math.ceil(index);
        double h = index - lo;
        double q = sorted[lo];
        return index > lo && sorted[hi] != q ? (1 - h) * q + h * sorted[hi] : q;
    }

    private String what(int d) {
        return codes == null ? "'" + names.get(d) + "'" : "domain " + names.get(d);
    }

    /**
     * Brent's root finder as R's {@code zeroin} ({@code R_zeroin2}, what {@code uniroot} calls), as a state
     * machine: {@link #next} is the abscissa whose value it needs, {@link #accept} takes that value. Step for step
     * R's algorithm, so that given the same values it stops at the same root.
     */
    static final class Root {
        private static final double EPSILON = Math.ulp(1.0);
        private double a;
        private double b;
        private double c;
        private double fa;
        private double fb;
        private double fc;
        private final double tolerance;
        private int iterations = 1001;
        boolean done;
        double root;
        double next;

        Root(double ax, double bx, double fax, double fbx, double tolerance) {
            this.tolerance = tolerance;
            a = ax;
            b = bx;
            fa = fax;
            fb = fbx;
            c = a;
            fc = fa;
            if (fa == 0) {
                finish(a);
            } else if (fb == 0) {
                finish(b);
            } else {
                step();
            }
        }

        private void finish(double x) {
            done = true;
            root = x;
        }

        /** Takes f(next); R's zeroin replaces -Inf by -DBL_MAX and NaN or +Inf by DBL_MAX. */
        void accept(double value) {
            fb = Double.isNaN(value) || value == Double.POSITIVE_INFINITY ? Double.MAX_VALUE
                    : value == Double.NEGATIVE_INFINITY ? -Double.MAX_VALUE : value;
            if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
                c = a;
                fc = fa;
            }
            step();
        }

        private void step() {
            if (iterations-- == 0) {
                finish(b);
                return;
            }
            double previous = b - a;
            if (Math.abs(fc) < Math.abs(fb)) {
                a = b;
                b = c;
                c = a;
                fa = fb;
                fb = fc;
                fc = fa;
            }
            double actual = 2 * EPSILON * Math.abs(b) + tolerance / 2;
            double step = (c - b) / 2;
            if (Math.abs(step) <= actual || fb == 0) {
                finish(b);
                return;
            }
            if (Math.abs(previous) >= actual && Math.abs(fa) > Math.abs(fb)) {
                double p;
                double q;
                double cb = c - b;
                if (a == c) {
                    double t1 = fb / fa;
                    p = cb * t1;
                    q = 1.0 - t1;
                } else {
                    q = fa / fc;
                    double t1 = fb / fc;
                    double t2 = fb / fa;
                    p = t2 * (cb * q * (q - t1) - (b - a) * (t1 - 1.0));
                    q = (q - 1.0) * (t1 - 1.0) * (t2 - 1.0);
                }
                if (p > 0) {
                    q = -q;
                } else {
                    p = -p;
                }
                if (p < (0.75 * cb * q - Math.abs(actual * q) / 2) && p < Math.abs(previous * q / 2)) {
                    step = p / q;
                }
            }
            if (Math.abs(step) < actual) {
                step = step > 0 ? actual : -actual;
            }
            a = b;
            fa = fb;
            b += step;
            next = b;
        }
    }
}
