package org.smesurvey.stats.meta;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.smesurvey.core.Observation;
import org.smesurvey.stats.EffectiveSample;
import org.smesurvey.stats.Interval;
import org.smesurvey.stats.internal.Checks;
import org.smesurvey.stats.internal.Distributions;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The studies of a meta-analysis: one effect size \( y_i \), its sampling variance \( v_i \), its sample size
 * \( n_i \) (for back-transforming the Freeman–Tukey measure) and a label each, held in primitive arrays.
 *
 * <p>Build them from catalogue figures ({@link #of(ProportionMeasure, List)}): counts, a proportion with its
 * base, and — what no R package does — a survey estimate with its standard error or design effect, through its
 * {@linkplain EffectiveSample effective sample}. Instances are immutable.
 *
 * @since 0.1
 */
public final class EffectSizes {

    private final Optional<ProportionMeasure> measure;
    private final double[] yi;
    private final double[] vi;
    private final double[] ni;
    private final String[] labels;

    private EffectSizes(Optional<ProportionMeasure> measure, double[] yi, double[] vi, double[] ni, String[] labels) {
        this.measure = measure;
        this.yi = yi;
        this.vi = vi;
        this.ni = ni;
        this.labels = labels;
    }

    /**
     * The effect sizes of catalogue figures, each through its {@linkplain EffectiveSample#of(Observation)
     * effective sample}.
     *
     * @param measure the outcome measure
     * @param observations figures with a base, a standard error or an interval
     * @return the effect sizes, labelled with the observations' labels
     * @throws IllegalArgumentException if there is no figure, or one has no base (the message names it)
     */
    public static EffectSizes of(ProportionMeasure measure, List<Observation> observations) {
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(observations, "observations");
        List<EffectiveSample> samples = new java.util.ArrayList<>();
        for (Observation o : observations) {
            try {
                samples.add(EffectiveSample.of(o));
            } catch (IllegalArgumentException e) {
                throw e.getMessage().contains(o.label()) ? e
                        : new IllegalArgumentException(o.label() + ": " + e.getMessage(), e);
            }
        }
        return of(measure, samples, observations.stream().map(Observation::label).toList());
    }

    /**
     * The effect sizes of samples.
     *
     * @param measure the outcome measure
     * @param samples the studies' (effective) samples
     * @param labels one label per study
     * @return the effect sizes
     * @throws IllegalArgumentException if there is no sample or the lists differ in length
     */
    public static EffectSizes of(ProportionMeasure measure, List<EffectiveSample> samples, List<String> labels) {
        Objects.requireNonNull(samples, "samples");
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(measure, "measure");
        int k = requireSameSize(samples.size(), labels.size());
        double[] y = new double[k];
        double[] v = new double[k];
        double[] n = new double[k];
        for (int i = 0; i < k; i++) {
            EffectiveSample s = samples.get(i);
            double[] effect = measure.effectSize(s.successes(), s.size());
            y[i] = effect[0];
            v[i] = effect[1];
            n[i] = s.size();
        }
        return new EffectSizes(Optional.of(measure), y, v, n, labels.toArray(String[]::new));
    }

    /**
     * The effect sizes of counts, labelled "Study 1", "Study 2"…
     *
     * @param measure the outcome measure
     * @param x the companies with the characteristic in each study
     * @param n the companies in each study
     * @return the effect sizes
     * @throws IllegalArgumentException if the arrays are empty or differ in length, or a study has invalid
     *         counts
     */
    public static EffectSizes of(ProportionMeasure measure, int[] x, int[] n) {
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(n, "n");
        List<String> labels = numbered(requireSameSize(x.length, n.length));
        return of(measure, samples(x, n, labels), labels);
    }

    /** "Study 1", "Study 2"… up to k. */
    static List<String> numbered(int k) {
        List<String> labels = new java.util.ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            labels.add("Study " + (i + 1));
        }
        return labels;
    }

    /** The studies' counts, each checked, a bad one named by its label; the arrays as long as the labels. */
    static List<EffectiveSample> samples(int[] x, int[] n, List<String> labels) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(n, "n");
        Objects.requireNonNull(labels, "labels");
        int k = requireSameSize(x.length, n.length);
        if (labels.size() != k) {
            throw new IllegalArgumentException("There are " + k + " studies and " + labels.size() + " labels");
        }
        List<EffectiveSample> samples = new java.util.ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            try {
                samples.add(EffectiveSample.of(x[i], n[i]));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(labels.get(i) + ": " + e.getMessage(), e);
            }
        }
        return samples;
    }

    /**
     * Effect sizes computed elsewhere, on any scale; they cannot be back-transformed.
     *
     * @param yi the effect sizes
     * @param vi their sampling variances, positive
     * @param labels one label per study
     * @return the effect sizes
     * @throws IllegalArgumentException if the arrays are empty or differ in length, an effect size is not
     *         finite, or a variance is not a positive finite number
     */
    public static EffectSizes of(double[] yi, double[] vi, List<String> labels) {
        Objects.requireNonNull(yi, "yi");
        Objects.requireNonNull(vi, "vi");
        Objects.requireNonNull(labels, "labels");
        int k = requireSameSize(yi.length, vi.length);
        requireSameSize(k, labels.size());
        double[] n = new double[k];
        Arrays.fill(n, Double.NaN);
        return new EffectSizes(Optional.empty(), yi.clone(), vi.clone(), n, labels.toArray(String[]::new)).validated();
    }

    private EffectSizes validated() {
        for (int i = 0; i < yi.length; i++) {
            if (!Double.isFinite(yi[i])) {
                throw new IllegalArgumentException("Effect size of " + labels[i] + " is not finite: " + yi[i]);
            }
            if (!(vi[i] > 0 && vi[i] < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("Sampling variance of " + labels[i] + " is not a positive finite number: "
                        + vi[i]);
            }
        }
        return this;
    }

    private static int requireSameSize(int a, int b) {
        if (a != b || a == 0) {
            throw new IllegalArgumentException("Need at least one study and as many values of each kind: " + a + " and " + b);
        }
        return a;
    }

    /**
     * The outcome measure, if the effect sizes were computed from proportions here.
     *
     * @return the measure
     */
    public Optional<ProportionMeasure> measure() {
        return measure;
    }

    /**
     * The number of studies.
     *
     * @return k
     */
    public int size() {
        return yi.length;
    }

    /**
     * A study's effect size.
     *
     * @param i the study, from 0
     * @return \( y_i \)
     */
    public double yi(int i) {
        return yi[i];
    }

    /**
     * A study's sampling variance.
     *
     * @param i the study, from 0
     * @return \( v_i \)
     */
    public double vi(int i) {
        return vi[i];
    }

    /**
     * A study's own confidence interval on the measure's scale, \( y_i \pm z_{1-\alpha/2} \sqrt{v_i} \), as
     * metafor's {@code summary(escalc(...))} gives {@code ci.lb} and {@code ci.ub}, and forest plots draw it.
     *
     * @param i the study, from 0
     * @param level the confidence level, in (0, 1)
     * @return the interval around \( y_i \)
     * @throws IllegalArgumentException if the level is not in (0, 1)
     */
    public Interval interval(int i, double level) {
        double half = Distributions.z(Checks.requireLevel(level)) * Math.sqrt(vi[i]);
        return new Interval(yi[i], yi[i] - half, yi[i] + half, level);
    }

    /**
     * A study's (effective) sample size; NaN for effect sizes given directly.
     *
     * @param i the study, from 0
     * @return \( n_i \)
     */
    public double ni(int i) {
        return ni[i];
    }

    /**
     * A study's label.
     *
     * @param i the study, from 0
     * @return the label
     */
    public String label(int i) {
        return labels[i];
    }

    /**
     * The harmonic mean of the sample sizes, with which {@link ProportionMeasure#PFT} is back-transformed.
     *
     * @return \( k / \sum 1/n_i \), NaN for effect sizes given directly
     */
    public double harmonicMeanN() {
        double sum = 0;
        for (double n : ni) {
            sum += 1 / n;
        }
        return ni.length / sum;
    }

    /**
     * The studies at these positions, in this order.
     *
     * @param positions study positions, from 0
     * @return the subset
     * @throws IllegalArgumentException if there is no position
     * @throws IndexOutOfBoundsException if a position is out of range
     */
    public EffectSizes subset(int[] positions) {
        if (positions.length == 0) {
            throw new IllegalArgumentException("A subset needs at least one study");
        }
        double[] y = new double[positions.length];
        double[] v = new double[positions.length];
        double[] n = new double[positions.length];
        String[] l = new String[positions.length];
        for (int j = 0; j < positions.length; j++) {
            int i = positions[j];
            y[j] = yi[i];
            v[j] = vi[i];
            n[j] = ni[i];
            l[j] = labels[i];
        }
        return new EffectSizes(measure, y, v, n, l);
    }

    /** The arrays, for the model fitting of this package; not copied. */
    double[] yArray() {
        return yi;
    }

    double[] vArray() {
        return vi;
    }

    double[] nArray() {
        return ni;
    }

    String[] labelArray() {
        return labels;
    }

    /** Effect sizes with extra studies appended, as trim-and-fill adds them. */
    EffectSizes append(double[] y, double[] v, double[] n, String[] l) {
        return new EffectSizes(measure, concat(yi, y), concat(vi, v), concat(ni, n),
                java.util.stream.Stream.concat(Arrays.stream(labels), Arrays.stream(l)).toArray(String[]::new));
    }

    private static double[] concat(double[] a, double[] b) {
        double[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    /**
     * The studies as a table with columns {@code label, yi, vi, ni}.
     *
     * @return the table
     */
    public Table toTable() {
        return Table.create("effect sizes", StringColumn.create("label", labels), DoubleColumn.create("yi", yi),
                DoubleColumn.create("vi", vi), DoubleColumn.create("ni", ni));
    }
}
