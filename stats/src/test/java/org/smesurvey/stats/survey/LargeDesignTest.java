package org.smesurvey.stats.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The estimators on a design large enough for their parallel passes: 300,000 respondents (over the threshold of a
 * pass over respondents in chunks) in 4 strata of 500 primary units and 120 domains (2,000 × 120 cells, over the
 * threshold of a pass over the units' cells in chunks), which the smaller designs of the other tests never reach.
 * Against survey 4.1.1 (R 4.2.2): stats/src/test/reference/survey-large.R makes the same data by the same formulas
 * and prints every value quoted here, from
 * {@code d <- svydesign(ids = ~unit, strata = ~stratum, weights = ~w, data = big)}.
 * Relative tolerance 1e-10 (closed forms summed in another order).
 */
class LargeDesignTest {

    private static final int N = 300_000;
    private static SurveyEstimator estimator;
    private static boolean[] yes;
    private static double[] y;
    private static double[] x;
    private static String[] domains;

    @BeforeAll
    static void design() {
        double[] w = new double[N];
        String[] unit = new String[N];
        String[] stratum = new String[N];
        yes = new boolean[N];
        y = new double[N];
        x = new double[N];
        domains = new String[N];
        String[] unitNames = new String[2000];
        for (int p = 0; p < unitNames.length; p++) {
            unitNames[p] = Integer.toString(p);
        }
        String[] domainNames = new String[120];
        for (int d = 0; d < domainNames.length; d++) {
            domainNames[d] = String.format(Locale.ROOT, "D%03d", d);
        }
        for (int i = 0; i < N; i++) {
            int p = i % 2000;
            unit[i] = unitNames[p];
            stratum[i] = unitNames[p % 4];
            w[i] = 1 + (i * 37L % 101) / 10.0;
            yes[i] = (i * 13L + i / 1000) % 10 < 3;
            y[i] = yes[i] ? 1 : 0;
            x[i] = (i % 97) / 7.0;
            domains[i] = domainNames[(i / 7) % 120];
        }
        estimator = SurveyEstimator.of(SurveyDesign.builder(w).strata(stratum).clusters(unit).build());
    }

    private static void assertAgrees(double[] expected, SurveyEstimate actual) {
        assertEquals(expected[0], actual.estimate(), 1e-10 * Math.abs(expected[0]), "estimate");
        assertEquals(expected[1], actual.standardError(), 1e-10 * expected[1], "standard error");
        assertEquals(expected[2], actual.designEffect().orElseThrow(), 1e-10 * expected[2], "design effect");
    }

    private static void assertDomains(double[][] expected, List<SurveyEstimate> actual) {
        assertEquals(120, actual.size());
        assertEquals("D000", actual.get(0).label());
        assertEquals("D119", actual.get(119).label());
        assertAgrees(expected[0], actual.get(0));
        assertAgrees(expected[1], actual.get(1));
        assertAgrees(expected[2], actual.get(119));
        // degf(subset(d, dom == "D000")), "D001" and "D119": 346 each (350 units, 4 strata)
        for (int d : new int[] {0, 1, 119}) {
            assertEquals(346, actual.get(d).degreesOfFreedom(), actual.get(d).label());
        }
    }

    /** {@code svymean(~y, d, deff = TRUE)}: 0.29999999999999999, 0.0022400101403627637, 8.6016539846126392. */
    @Test
    void overallShare() {
        double[] expected = {0.29999999999999999, 0.0022400101403627637, 8.6016539846126392};
        assertAgrees(expected, estimator.proportion("y", yes));
        assertAgrees(expected, estimator.proportion("y", Answers.of(yes)));
        assertAgrees(expected, estimator.mean("y", y));
    }

    /** {@code svyby(~y, ~dom, d, svymean, deff = TRUE)}, domains 1, 2 and 120. */
    @Test
    void sharesIn120Domains() {
        double[][] expected = {
            {0.29479691886067022, 0.0081227635574901771, 0.95405734809418474},
            {0.29722270254452587, 0.0078896713689490267, 0.89578945582512404},
            {0.29832733573237374, 0.007961222692286345, 0.9074781218428738}};
        assertDomains(expected, estimator.proportionBy(yes, domains));
        assertDomains(expected, estimator.proportionBy(Answers.of(yes), Domains.of(domains)));
        assertDomains(expected, estimator.meanBy(y, domains));
    }

    /** {@code svyby(~x, ~dom, d, svymean, deff = TRUE)}, domains 1, 2 and 120. */
    @Test
    void meansIn120Domains() {
        assertDomains(new double[][] {
            {6.8677725217563177, 0.19752683250781197, 7.3041183996961339},
            {6.8178472144367781, 0.19999335337606694, 7.4783236594075264},
            {6.9087955294072847, 0.20089297480822416, 7.5876396523649809}}, estimator.meanBy(x, domains));
    }

    /** {@code svyby(~y, ~dom, d, svytotal, deff = TRUE)} and the same of x, domains 1, 2 and 120. */
    @Test
    void totalsIn120Domains() {
        assertDomains(new double[][] {
            {4431.8000000000002, 247.73001060895569, 3.9265368151914704},
            {4469.1000000000004, 246.53937947367052, 3.8688734851440212},
            {4476.6999999999998, 246.8679072444497, 3.8750383572693012}}, estimator.totalBy(y, domains));
        assertDomains(new double[][] {
            {103245.97142857143, 5834.8925140307229, 28.201155267747566},
            {102514.51428571429, 5794.4348000554246, 27.766369959318382},
            {103673.38571428572, 5887.6122669638389, 28.941811897914452}}, estimator.totalBy(x, domains));
    }
}
