package org.smesurvey.stats.survey;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
     * Projects the estimating functions on the calibrations' categories, as survey's {@code svyrecvar} does for
     * {@code postStrata}, and takes the projection off the units' totals. Each domain's projected values are
     * \( x_i = z_i [i \in d] - \sum_s w^{(s)}_i c_{s,k_s(i),d} \); the coefficients c are found step by step
     * from sums over categories, so the cost is that of a few passes whatever the number of domains.
     */
    private static void project(SurveyDesign design, int domains, int[] domainOf, double[] z, double[] totals) {
        List<Calibration.Step> steps = new ArrayList<>();
        List<int[]> order = new ArrayList<>();
        for (Calibration.Projection projection : design.calibrations) {
            int first = steps.size();
            steps.addAll(projection.steps());
            for (int round = 0; round < projection.rounds(); round++) {
                for (int s = first; s < steps.size(); s++) {
                    order.add(new int[] {s});
                }
            }
        }
        int count = steps.size();
        int n = design.n;
        // direct[s][k * domains + d] = sum over i in category k of step s and in domain d of z_i u_i / w_i.
        double[][] direct = new double[count][];
        double[][] uSums = new double[count][];
        for (int s = 0; s < count; s++) {
            Calibration.Step step = steps.get(s);
            direct[s] = new double[step.categories() * domains];
            uSums[s] = new double[step.categories()];
            for (int i = 0; i < n; i++) {
                int k = step.category()[i];
                double u = step.u() == null ? 1 : step.u()[i];
                uSums[s][k] += u;
                int d = domainOf == null ? 0 : domainOf[i];
                if (d >= 0) {
                    direct[s][k * domains + d] += z[i] * u / step.newWeights()[i];
                }
            }
        }
        // cross[s][t][k * K_t + k'] = sum over i in category k of s and k' of t of w^(t)_i u^(s)_i / w^(s)_i.
        double[][][] cross = new double[count][count][];
        for (int s = 0; s < count; s++) {
            Calibration.Step a = steps.get(s);
            for (int t = 0; t < count; t++) {
                Calibration.Step b = steps.get(t);
                double[] c = new double[a.categories() * b.categories()];
                for (int i = 0; i < n; i++) {
                    double u = a.u() == null ? 1 : a.u()[i];
                    c[a.category()[i] * b.categories() + b.category()[i]] += b.newWeights()[i] * u / a.newWeights()[i];
                }
                cross[s][t] = c;
            }
        }
        double[][] coefficients = new double[count][];
        for (int s = 0; s < count; s++) {
            coefficients[s] = new double[steps.get(s).categories() * domains];
        }
        for (int[] next : order) {
            int s = next[0];
            int categories = steps.get(s).categories();
            double[] means = new double[categories * domains];
            for (int k = 0; k < categories; k++) {
                for (int d = 0; d < domains; d++) {
                    double sum = direct[s][k * domains + d];
                    for (int t = 0; t < count; t++) {
                        int kt = steps.get(t).categories();
                        for (int k2 = 0; k2 < kt; k2++) {
                            sum -= coefficients[t][k2 * domains + d] * cross[s][t][k * kt + k2];
                        }
                    }
                    means[k * domains + d] = sum / uSums[s][k];
                }
            }
            for (int j = 0; j < means.length; j++) {
                coefficients[s][j] += means[j];
            }
        }
        int units = design.units();
        for (int s = 0; s < count; s++) {
            Calibration.Step step = steps.get(s);
            int categories = step.categories();
            double[] unitWeights = new double[units * categories];
            for (int i = 0; i < n; i++) {
                unitWeights[design.unit[i] * categories + step.category()[i]] += step.newWeights()[i];
            }
            for (int p = 0; p < units; p++) {
                for (int k = 0; k < categories; k++) {
                    double w = unitWeights[p * categories + k];
                    if (w != 0) {
                        for (int d = 0; d < domains; d++) {
                            totals[p * domains + d] -= w * coefficients[s][k * domains + d];
                        }
                    }
                }
            }
        }
    }

    /** Each respondent's estimating function value. */
    interface Values {
        double at(int i);
    }

    /**
     * The variance of each domain's statistic.
     *
     * @param design the design
     * @param domains the number of domains
     * @param domainOf each respondent's domain, or −1 for none; null for a single domain holding everyone
     * @param z each respondent's estimating function value, computed on the fly
     * @return the variances, one per domain
     */
    static double[] variances(SurveyDesign design, int domains, int[] domainOf, Values z) {
        int units = design.units();
        int strata = design.strata();
        int[] unit = design.unit;
        int[] stratum = design.stratum;
        // One array: the units' totals, then how many of each domain's respondents each stratum holds.
        double[] sums = Chunks.sum(design.n, (units + strata) * domains, (from, to, into) -> {
            int presence = units * domains;
            for (int i = from; i < to; i++) {
                int d = domainOf == null ? 0 : domainOf[i];
                if (d >= 0) {
                    into[unit[i] * domains + d] += z.at(i);
                    into[presence + stratum[i] * domains + d]++;
                }
            }
        });
        double[] totals = java.util.Arrays.copyOf(sums, units * domains);
        double[] presentInStratum = java.util.Arrays.copyOfRange(sums, units * domains, sums.length);
        if (design.isCalibrated()) {
            double[] values = new double[design.n];
            for (int i = 0; i < design.n; i++) {
                values[i] = (domainOf == null || domainOf[i] >= 0) ? z.at(i) : 0;
            }
            project(design, domains, domainOf, values, totals);
            // survey keeps every row of a calibrated design in a domain's subset: every stratum is present.
            Arrays.fill(presentInStratum, 1);
        }
        return fromTotals(design, domains, totals, presentInStratum);
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

    /** \( f_h n_h/(n_h - 1) \), or \( f_h \) for a lonely unit. */
    private static double scale(SurveyDesign design, int s) {
        int nh = design.unitsInStratum[s];
        double f = design.correction[s];
        return nh > 1 ? f * nh / (nh - 1) : f;
    }
}
