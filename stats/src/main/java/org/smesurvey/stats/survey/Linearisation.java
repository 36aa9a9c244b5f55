package org.smesurvey.stats.survey;

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
     * The variance of each domain's statistic.
     *
     * @param design the design
     * @param domains the number of domains
     * @param domainOf each respondent's domain, or −1 for none; null for a single domain holding everyone
     * @param z each respondent's estimating function value
     * @return the variances, one per domain
     */
    static double[] variances(SurveyDesign design, int domains, int[] domainOf, double[] z) {
        int units = design.units();
        int strata = design.strata();
        double[] totals = new double[units * domains];
        int[] presentInStratum = new int[strata * domains];
        for (int i = 0; i < design.n; i++) {
            int d = domainOf == null ? 0 : domainOf[i];
            if (d >= 0) {
                totals[design.unit[i] * domains + d] += z[i];
                presentInStratum[design.stratum[i] * domains + d]++;
            }
        }
        double[] means = new double[strata * domains];
        for (int p = 0; p < units; p++) {
            int s = design.unitStratum[p];
            for (int d = 0; d < domains; d++) {
                means[s * domains + d] += totals[p * domains + d];
            }
        }
        for (int s = 0; s < strata; s++) {
            for (int d = 0; d < domains; d++) {
                means[s * domains + d] /= design.unitsInStratum[s];
            }
        }
        double[] squares = new double[strata * domains];
        for (int p = 0; p < units; p++) {
            int s = design.unitStratum[p];
            boolean lonely = design.unitsInStratum[s] == 1;
            for (int d = 0; d < domains; d++) {
                // ADJUST centres a lonely unit at zero, the grand mean of centred values; the rest at the stratum's.
                double centre = lonely && design.lonelyPsu == LonelyPsu.ADJUST ? 0 : means[s * domains + d];
                double deviation = totals[p * domains + d] - centre;
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
                int nh = design.unitsInStratum[s];
                if (nh == 1 && design.lonelyPsu == LonelyPsu.AVERAGE) {
                    continue;
                }
                estimable++;
                double f = design.correction[s];
                double scale = nh > 1 ? f * nh / (nh - 1) : f;
                sum += scale * squares[s * domains + d];
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
        double[] means = new double[strata * k];
        for (int p = 0; p < design.units(); p++) {
            int s = design.unitStratum[p];
            for (int j = 0; j < k; j++) {
                means[s * k + j] += totals[p * k + j] / design.unitsInStratum[s];
            }
        }
        double[][] covariance = new double[k][k];
        double[] deviation = new double[k];
        int estimable = 0;
        for (int s = 0; s < strata; s++) {
            if (!(design.unitsInStratum[s] == 1 && design.lonelyPsu == LonelyPsu.AVERAGE)) {
                estimable++;
            }
        }
        for (int p = 0; p < design.units(); p++) {
            int s = design.unitStratum[p];
            int nh = design.unitsInStratum[s];
            boolean lonely = nh == 1;
            if (lonely && design.lonelyPsu == LonelyPsu.AVERAGE) {
                continue;
            }
            double scale = (nh > 1 ? design.correction[s] * nh / (nh - 1) : design.correction[s]) * strata / estimable;
            for (int j = 0; j < k; j++) {
                double centre = lonely && design.lonelyPsu == LonelyPsu.ADJUST ? 0 : means[s * k + j];
                deviation[j] = totals[p * k + j] - centre;
            }
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) {
                    covariance[a][b] += scale * deviation[a] * deviation[b];
                }
            }
        }
        return covariance;
    }
}
