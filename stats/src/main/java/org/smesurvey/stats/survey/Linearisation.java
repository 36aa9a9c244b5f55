package org.smesurvey.stats.survey;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * The Taylor-linearised variance of a statistic from its estimating function values, as survey's
 * {@code svyrecvar} computes it for a one-stage design: the units' totals \( t_{hp} \) of the values,
 * \( V = \sum_h f_h \frac{n_h}{n_h - 1} \sum_p (t_{hp} - \bar t_h)^2 \), with \( f_h = (N_h - n_h)/N_h \).
 * Many domains are done at once: each respondent adds its value to one domain, units where a domain has no
 * respondent count as zeros, as survey does for a subset of a design.
 *
 * <p>Reference: Wolter, K. M. (2007). <i>Introduction to Variance Estimation</i>, 2nd ed. Springer, §6.11;
 * Lumley, T. (2010). <i>Complex Surveys: A Guide to Analysis Using R</i>. Wiley, §2.2 and appendix C.
 */
final class Linearisation {

    private Linearisation() {
    }

    /**
     * Projects the estimating functions on the calibrations, as survey's {@code svyrecvar} does for
     * {@code postStrata}, and takes the projection off the units' totals. Every calibration step s has, for each
     * respondent, a feature row \( f^{(s)}_i \) (a category's indicator, or the calibration variables of a GREG
     * step), weights before (u) and after (w) it, and replaces x by
     * \( x_i - w^{(s)}_i f^{(s)\prime}_i G_s^{-1} \sum_j f^{(s)}_j u_j x_j / w^{(s)}_j \), with
     * \( G_s = \sum_j u_j f^{(s)}_j f^{(s)\prime}_j \): post-stratification's stratum means, raking's margin
     * means and {@code qr.resid} of a GREG calibration are all this. The coefficients are found step by step
     * from sums over the features, so the cost is that of a few passes whatever the number of domains.
     *
     * @param domainOf each respondent's domain (its value z[i] counts there only), or null when z holds all
     *        {@code domains} values of each respondent, row by row
     */
    private static void project(SurveyDesign design, int domains, int[] domainOf, double[] z, double[] totals) {
        List<Calibration.Step> steps = new ArrayList<>();
        List<Integer> order = new ArrayList<>();
        for (Calibration.Projection projection : design.calibrations) {
            int first = steps.size();
            steps.addAll(projection.steps());
            for (int round = 0; round < projection.rounds(); round++) {
                for (int s = first; s < steps.size(); s++) {
                    order.add(s);
                }
            }
        }
        int count = steps.size();
        int n = design.n;
        // direct[s][k * domains + d] = sum over i of f_ik z_id u_i / w_i; gram[s] = G_s^-1.
        double[][] direct = new double[count][];
        double[][][] inverse = new double[count][][];
        for (int s = 0; s < count; s++) {
            Calibration.Step step = steps.get(s);
            int width = step.categories();
            direct[s] = new double[width * domains];
            double[][] gram = new double[width][width];
            for (int i = 0; i < n; i++) {
                double u = step.u(i);
                // a respondent of weight 0 has estimating functions 0 and adds nothing (survey divides, 0/0)
                double scale = step.newWeight(i) == 0 ? 0 : u / step.newWeight(i);
                int d = domainOf == null ? -1 : domainOf[i];
                for (int e = 0; e < step.entries(); e++) {
                    int k = step.column(i, e);
                    double f = step.value(i, e);
                    for (int e2 = 0; e2 < step.entries(); e2++) {
                        gram[k][step.column(i, e2)] += u * f * step.value(i, e2);
                    }
                    if (domainOf == null) {
                        for (int c = 0; c < domains; c++) {
                            direct[s][k * domains + c] += f * z[i * domains + c] * scale;
                        }
                    } else if (d >= 0) {
                        direct[s][k * domains + d] += f * z[i] * scale;
                    }
                }
            }
            // A GREG step's Gram matrix is singular when calibration variables are collinear, which raking and
            // logit calibration accept (a generalised inverse): the pseudo-inverse gives the same projection, as
            // survey's qr.resid does.
            inverse[s] = step.category() != null ? diagonalInverse(gram)
                    : new SingularValueDecomposition(MatrixUtils.createRealMatrix(gram)).getSolver().getInverse()
                            .getData();
        }
        // cross[s][t][k * K_t + k'] = sum over i of f^(s)_ik f^(t)_ik' w^(t)_i u^(s)_i / w^(s)_i.
        double[][][] cross = new double[count][count][];
        for (int s = 0; s < count; s++) {
            Calibration.Step a = steps.get(s);
            for (int t = 0; t < count; t++) {
                Calibration.Step b = steps.get(t);
                double[] c = new double[a.categories() * b.categories()];
                for (int i = 0; i < n; i++) {
                    double factor = a.newWeight(i) == 0 ? 0 : b.newWeight(i) * a.u(i) / a.newWeight(i);
                    for (int e = 0; e < a.entries(); e++) {
                        double fa = a.value(i, e) * factor;
                        int row = a.column(i, e) * b.categories();
                        for (int e2 = 0; e2 < b.entries(); e2++) {
                            c[row + b.column(i, e2)] += fa * b.value(i, e2);
                        }
                    }
                }
                cross[s][t] = c;
            }
        }
        double[][] coefficients = new double[count][];
        for (int s = 0; s < count; s++) {
            coefficients[s] = new double[steps.get(s).categories() * domains];
        }
        for (int s : order) {
            int width = steps.get(s).categories();
            double[] residual = new double[width * domains];
            for (int k = 0; k < width; k++) {
                for (int d = 0; d < domains; d++) {
                    double sum = direct[s][k * domains + d];
                    for (int t = 0; t < count; t++) {
                        int kt = steps.get(t).categories();
                        for (int k2 = 0; k2 < kt; k2++) {
                            sum -= coefficients[t][k2 * domains + d] * cross[s][t][k * kt + k2];
                        }
                    }
                    residual[k * domains + d] = sum;
                }
            }
            for (int k = 0; k < width; k++) {
                for (int k2 = 0; k2 < width; k2++) {
                    double g = inverse[s][k][k2];
                    if (g != 0) {
                        for (int d = 0; d < domains; d++) {
                            coefficients[s][k * domains + d] += g * residual[k2 * domains + d];
                        }
                    }
                }
            }
        }
        int units = design.units();
        for (int s = 0; s < count; s++) {
            Calibration.Step step = steps.get(s);
            int width = step.categories();
            double[] unitWeights = new double[units * width];
            for (int i = 0; i < n; i++) {
                for (int e = 0; e < step.entries(); e++) {
                    unitWeights[design.unit[i] * width + step.column(i, e)] += step.newWeight(i) * step.value(i, e);
                }
            }
            for (int p = 0; p < units; p++) {
                for (int k = 0; k < width; k++) {
                    double w = unitWeights[p * width + k];
                    if (w != 0) {
                        for (int d = 0; d < domains; d++) {
                            totals[p * domains + d] -= w * coefficients[s][k * domains + d];
                        }
                    }
                }
            }
        }
    }

    /** The inverse of a diagonal matrix (a categorical step's Gram matrix), zero where a category is empty. */
    private static double[][] diagonalInverse(double[][] gram) {
        double[][] inverse = new double[gram.length][gram.length];
        for (int k = 0; k < gram.length; k++) {
            inverse[k][k] = gram[k][k] == 0 ? 0 : 1 / gram[k][k];
        }
        return inverse;
    }

    /**
     * The variance of each domain's statistic whose estimating function is
     * \( z_i = w_i (y_i - c_d) s_d \) for respondent i of domain d: a total's (c = 0, s = 1), a mean's
     * (c its mean, s one over the domain's weight), a ratio's (y its residuals, s one over the denominator's total).
     * The respondents' values are read from a {@link Variable}, never through a function (see there why).
     *
     * @param design the design
     * @param domains the number of domains
     * @param domainOf each respondent's domain, or −1 for none; null for a single domain holding everyone
     * @param y each respondent's value
     * @param centre each domain's \( c_d \)
     * @param scale each domain's \( s_d \)
     * @return the variances, one per domain
     */
    static double[] variances(SurveyDesign design, int domains, int[] domainOf, Variable y, double[] centre,
            double[] scale) {
        int units = design.units();
        int strata = design.strata();
        int[] unit = design.unit;
        int[] stratum = design.stratum;
        double[] w = design.weights;
        // One array: per unit and domain the weight and the weighted value, then how many of each domain's
        // respondents each stratum holds; a unit's total of z is (Σ w y − c Σ w) s.
        double[] sums = Chunks.sum(design.n, (from, to) -> {
            double[] into = new double[2 * units * domains + strata * domains];
            int presence = 2 * units * domains;
            for (int i = from; i < to; i++) {
                int d = domainOf == null ? 0 : domainOf[i];
                if (d >= 0) {
                    int cell = 2 * (unit[i] * domains + d);
                    into[cell] += w[i];
                    into[cell + 1] += w[i] * y.at(i);
                    into[presence + stratum[i] * domains + d]++;
                }
            }
            return into;
        });
        double[] presentInStratum = Arrays.copyOfRange(sums, 2 * units * domains, sums.length);
        if (!design.isCalibrated()) {
            double[] stratumSums = new double[2 * strata * domains];
            for (int p = 0; p < units; p++) {
                int at = 2 * design.unitStratum[p] * domains;
                for (int j = 0; j < 2 * domains; j++) {
                    stratumSums[at + j] += sums[2 * p * domains + j];
                }
            }
            return fromCells(design, domains, sums, 2, stratumSums, centre, scale, presentInStratum);
        }
        double[] totals = new double[units * domains];
        for (int p = 0; p < units; p++) {
            for (int d = 0; d < domains; d++) {
                int cell = 2 * (p * domains + d);
                totals[p * domains + d] = (sums[cell + 1] - centre[d] * sums[cell]) * scale[d];
            }
        }
        double[] values = new double[design.n];
        for (int i = 0; i < design.n; i++) {
            int d = domainOf == null ? 0 : domainOf[i];
            values[i] = d >= 0 ? w[i] * (y.at(i) - centre[d]) * scale[d] : 0;
        }
        project(design, domains, domainOf, values, totals);
        // survey keeps every row of a calibrated design in a domain's subset: every stratum is present.
        Arrays.fill(presentInStratum, 1);
        return fromTotals(design, domains, totals, presentInStratum);
    }

    /**
     * The variances of domain statistics whose estimating function totals \( (B_{pd} - c_d A_{pd}) s_d \) over
     * unit p, from each unit's cells \( A_{pd} = \sum w \) and \( B_{pd} = \sum w y \), without forming the
     * units' totals: a stratum's mean total is \( (\sum_p B_{pd} - c_d \sum_p A_{pd}) s_d / n_h \), so one pass
     * over the cells, after the caller's, gives the squared deviations (over halves of the units in parallel). For
     * 2,000 units and 120 domains the cells take megabytes and each pass over them counts against the one pass over
     * the respondents (issue 24).
     *
     * @param design an uncalibrated design
     * @param domains the number of domains
     * @param cells per unit and domain, from {@code (p * domains + d) * stride}: A, then B
     * @param stride the cells' stride, at least 2
     * @param stratumSums per stratum and domain, at {@code 2 * (h * domains + d)}: the stratum's units' A, then B
     * @param centre each domain's \( c_d \)
     * @param scale each domain's \( s_d \)
     * @param presentInStratum non-zero at {@code h * domains + d} where stratum h holds respondents of domain d
     * @return the variances, one per domain
     */
    static double[] fromCells(SurveyDesign design, int domains, double[] cells, int stride, double[] stratumSums,
            double[] centre, double[] scale, double[] presentInStratum) {
        int strata = design.strata();
        double[] means = new double[strata * domains];
        for (int h = 0; h < strata; h++) {
            for (int d = 0; d < domains; d++) {
                int k = h * domains + d;
                double total = (stratumSums[2 * k + 1] - centre[d] * stratumSums[2 * k]) * scale[d];
                means[k] = centre(design, h, total / design.unitsInStratum[h]);
            }
        }
        double[] squares = Chunks.sum(design.units(), domains, (from, to) -> {
            double[] into = new double[strata * domains];
            for (int p = from; p < to; p++) {
                int at = design.unitStratum[p] * domains;
                int base = p * domains * stride;
                for (int d = 0; d < domains; d++) {
                    int cell = base + d * stride;
                    double deviation = (cells[cell + 1] - centre[d] * cells[cell]) * scale[d] - means[at + d];
                    into[at + d] += deviation * deviation;
                }
            }
            return into;
        });
        return fromSquares(design, domains, squares, presentInStratum);
    }

    /**
     * The variances from the units' totals of each domain's estimating functions, and whether each stratum
     * holds respondents of each domain (non-zero in {@code presentInStratum[s * domains + d]}).
     */
    static double[] fromTotals(SurveyDesign design, int domains, double[] totals, double[] presentInStratum) {
        int units = design.units();
        int strata = design.strata();
        double[] means = stratumMeans(design, totals, domains);
        double[] squares = new double[strata * domains];
        for (int p = 0; p < units; p++) {
            int s = design.unitStratum[p];
            for (int d = 0; d < domains; d++) {
                double deviation = totals[p * domains + d] - centre(design, s, means[s * domains + d]);
                squares[s * domains + d] += deviation * deviation;
            }
        }
        return fromSquares(design, domains, squares, presentInStratum);
    }

    /**
     * The variances from each stratum's sum of squared deviations of its units' totals, domain by domain
     * ({@code squares[s * domains + d]}), over the strata holding the domain's respondents.
     */
    private static double[] fromSquares(SurveyDesign design, int domains, double[] squares,
            double[] presentInStratum) {
        int strata = design.strata();
        double[] variances = new double[domains];
        for (int d = 0; d < domains; d++) {
            double sum = 0;
            int present = 0;
            int estimable = 0;
            for (int s = 0; s < strata; s++) {
                if (presentInStratum[s * domains + d] == 0) {
                    continue;
                }
                present++;
                if (averaged(design, s)) {
                    continue;
                }
                estimable++;
                sum += scale(design, s) * squares[s * domains + d];
            }
            // NaN where AVERAGE has nothing to average: the estimator refuses it for the domains asked for
            variances[d] = estimable == 0 ? Double.NaN : sum * present / estimable;
        }
        return variances;
    }

    /**
     * The covariance matrix of k statistics over the whole design from the primary units' totals of their
     * estimating functions, survey's {@code svyrecvar} for a matrix of values.
     *
     * @param design the design
     * @param totals the units' totals, unit by unit: {@code totals[p * k + j]}
     * @param k the number of statistics
     * @return the k × k covariance matrix
     */
    static double[][] covariance(SurveyDesign design, double[] totals, int k) {
        int strata = design.strata();
        double[] means = stratumMeans(design, totals, k);
        double[][] covariance = new double[k][k];
        double[] deviation = new double[k];
        int estimable = 0;
        for (int s = 0; s < strata; s++) {
            if (!averaged(design, s)) {
                estimable++;
            }
        }
        if (estimable == 0) {
            throw nothingToAverage(design, "the design");
        }
        for (int p = 0; p < design.units(); p++) {
            int s = design.unitStratum[p];
            if (averaged(design, s)) {
                continue;
            }
            double scale = scale(design, s) * strata / estimable;
            for (int j = 0; j < k; j++) {
                deviation[j] = totals[p * k + j] - centre(design, s, means[s * k + j]);
            }
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) {
                    covariance[a][b] += scale * deviation[a] * deviation[b];
                }
            }
        }
        return covariance;
    }

    /**
     * The covariance matrix of k statistics from each respondent's k estimating function values, projected on
     * the design's calibrations first: survey's {@code svyrecvar(x, ..., postStrata)}.
     *
     * @param design the design
     * @param scores the respondents' values, row by row: {@code scores[i * k + j]}
     * @param k the number of statistics
     * @return the k × k covariance matrix
     */
    static double[][] scoreCovariance(SurveyDesign design, double[] scores, int k) {
        double[] totals = new double[design.units() * k];
        for (int i = 0; i < design.n; i++) {
            int base = design.unit[i] * k;
            for (int j = 0; j < k; j++) {
                totals[base + j] += scores[i * k + j];
            }
        }
        if (design.isCalibrated()) {
            project(design, k, null, scores, totals);
        }
        return covariance(design, totals, k);
    }

    /**
     * The covariance of domain statistics from each respondent's one value, which counts in its domain only
     * (zeros elsewhere, as a domain's estimating function), projected on the design's calibrations first.
     *
     * @param design the design
     * @param names the domains' names
     * @param domainOf each respondent's domain, or −1 for none
     * @param z each respondent's value
     * @return the domains × domains covariance matrix
     * @throws IllegalArgumentException under {@link LonelyPsu#AVERAGE}, if a domain's respondents are all in
     *         strata of a single primary unit
     */
    static double[][] domainCovariance(SurveyDesign design, List<String> names, int[] domainOf, double[] z) {
        int domains = names.size();
        double[] totals = new double[design.units() * domains];
        double[] values = z.clone();
        boolean[] averageable = new boolean[domains];
        for (int i = 0; i < design.n; i++) {
            if (domainOf[i] >= 0) {
                totals[design.unit[i] * domains + domainOf[i]] += z[i];
                averageable[domainOf[i]] |= !averaged(design, design.stratum[i]);
            } else {
                values[i] = 0;
            }
        }
        for (int d = 0; d < domains; d++) {
            if (!averageable[d]) {
                throw nothingToAverage(design, "domain " + names.get(d));
            }
        }
        if (design.isCalibrated()) {
            project(design, domains, domainOf, values, totals);
        }
        return covariance(design, totals, domains);
    }

    /** Each stratum's mean of its units' totals, column by column: {@code means[s * k + j]}. */
    private static double[] stratumMeans(SurveyDesign design, double[] totals, int k) {
        double[] means = new double[design.strata() * k];
        for (int p = 0; p < design.units(); p++) {
            int s = design.unitStratum[p];
            for (int j = 0; j < k; j++) {
                means[s * k + j] += totals[p * k + j];
            }
        }
        for (int s = 0; s < design.strata(); s++) {
            for (int j = 0; j < k; j++) {
                means[s * k + j] /= design.unitsInStratum[s];
            }
        }
        return means;
    }

    /** ADJUST centres a lonely unit at zero, the grand mean of centred values; the others at their stratum's. */
    private static double centre(SurveyDesign design, int s, double stratumMean) {
        return design.unitsInStratum[s] == 1 && design.lonelyPsu == LonelyPsu.ADJUST ? 0 : stratumMean;
    }

    /** Whether the stratum's variance is replaced by the others' average (a lonely unit under AVERAGE). */
    private static boolean averaged(SurveyDesign design, int s) {
        return design.unitsInStratum[s] == 1 && design.lonelyPsu == LonelyPsu.AVERAGE;
    }

    /**
     * The refusal of a variance under {@link LonelyPsu#AVERAGE} when every stratum holding the estimate's
     * respondents has a single primary unit: there is no variance to average. survey's {@code svyrecvar} gives NaN
     * there ({@code options(survey.lonely.psu = "average")}).
     *
     * @param design the design
     * @param what whose respondents: "the design", "domain FR"
     */
    static IllegalArgumentException nothingToAverage(SurveyDesign design, String what) {
        int several = 0;
        for (int units : design.unitsInStratum) {
            several += units > 1 ? 1 : 0;
        }
        return new IllegalArgumentException(String.format(Locale.ROOT, "Every stratum holding the respondents of %s"
                + " has a single primary sampling unit (%d of the design's %d strata have more): the lonely-PSU rule"
                + " AVERAGE has no stratum variance to average; choose LonelyPsu.ADJUST, CERTAINTY or REMOVE, or"
                + " merge strata", what, several, design.strata()));
    }

    /** \( f_h n_h/(n_h - 1) \), or \( f_h \) for a lonely unit. */
    private static double scale(SurveyDesign design, int s) {
        int nh = design.unitsInStratum[s];
        double f = design.correction[s];
        return nh > 1 ? f * nh / (nh - 1) : f;
    }
}
