package org.smesurvey.stats.proportion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smesurvey.stats.EffectiveSample;
import org.smesurvey.stats.Interval;
import org.smesurvey.stats.TestResult;

/** Two independent proportions: difference intervals, ratios, tests. Cases include a study of 80 against one of 2,600. */
class TwoProportionsTest {

    private static final double TOLERANCE = 1e-10;

    private static void assertClose(double expected, double actual, double tolerance, String what) {
        if (Double.isInfinite(expected)) {
            assertEquals(expected, actual, what);
        } else {
            assertEquals(expected, actual, tolerance * Math.max(1, Math.abs(expected)), what);
        }
    }

    /** R 4.2.2, stats/src/test/reference/two-proportions.R: {@code prop.test(c(x1, x2), c(n1, n2), conf.level = level, correct = FALSE)$conf.int}. */
    @ParameterizedTest(name = "{0} {1}/{2} vs {3}/{4} at {5}")
    @CsvSource(textBlock = """
            WALD,212,400,130,400,0.95,0.1379249036336011,0.27207509636639893
            WALD,212,400,130,400,0.9,0.14870880464812133,0.26129119535187872
            WALD,30,80,1160,2600,0.95,-0.17894698647077645,0.036639294163084105
            WALD,30,80,1160,2600,0.9,-0.16161670119064409,0.019309008882951728
            WALD,0,80,5,2600,0.95,-0.0036070756247195187,-0.00023907822143432768
            WALD,0,80,5,2600,0.9,-0.0033363331839201113,-0.0005098206622337351
            WALD,3,7,1,9,0.95,-0.10271939109784278,0.73764002601847767
            WALD,3,7,1,9,0.9,-0.035165609875531634,0.67008624479616652
            WALD,80,80,2000,2600,0.95,0.2145743150548762,0.24696414648358525
            WALD,80,80,2000,2600,0.9,0.21717802906295006,0.2443604324755114
            WALD,5,80,0,60,0.95,0.0094569187151794659,0.11554308128482053
            WALD,5,80,0,60,0.9,0.017984842923532925,0.10701515707646708
            """)
    void waldAgreesWithR(DifferenceInterval method, int x1, int n1, int x2, int n2, double level, double lower,
            double upper) {
        checkDifference(method, x1, n1, x2, n2, level, lower, upper, TOLERANCE);
    }

    /**
     * statsmodels 0.13.5, stats/src/test/reference/two_proportions.py:
     * {@code confint_proportions_2indep(x1, n1, x2, n2, method=m, compare="diff", alpha=1 - level)} with m =
     * newcomb, agresti-caffo.
     */
    @ParameterizedTest(name = "{0} {1}/{2} vs {3}/{4} at {5}")
    @CsvSource(textBlock = """
            NEWCOMBE,212,400,130,400,0.95,0.13686816620496955,0.27043704914114863
            AGRESTI_CAFFO,212,400,130,400,0.95,0.13704972396000684,0.27091047504496824
            NEWCOMBE,212,400,130,400,0.9,0.14792931589311789,0.2601674621595369
            AGRESTI_CAFFO,212,400,130,400,0.9,0.1478103576946509,0.26014984131032415
            NEWCOMBE,30,80,1160,2600,0.95,-0.17106884941874428,0.039997263101604161
            AGRESTI_CAFFO,30,80,1160,2600,0.95,-0.17482289804358653,0.03852999014909643
            NEWCOMBE,30,80,1160,2600,0.9,-0.15625568956073055,0.0219724242554349
            AGRESTI_CAFFO,30,80,1160,2600,0.9,-0.15767214797336782,0.021379240078877718
            NEWCOMBE,0,80,5,2600,0.95,-0.0044940894661293172,0.043908288289567166
            AGRESTI_CAFFO,0,80,5,2600,0.95,-0.013937985723856775,0.033716392577871512
            NEWCOMBE,0,80,5,2600,0.9,-0.0039452570560910716,0.030804763137001652
            AGRESTI_CAFFO,0,80,5,2600,0.9,-0.01010720406006946,0.029885610914084197
            NEWCOMBE,3,7,1,9,0.95,-0.10443279082831441,0.65114130716215912
            AGRESTI_CAFFO,3,7,1,9,0.95,-0.13403533672139606,0.65928786197392131
            NEWCOMBE,3,7,1,9,0.9,-0.042007819325340645,0.61221245328062535
            AGRESTI_CAFFO,3,7,1,9,0.9,-0.070262645285215808,0.59551517053774106
            NEWCOMBE,80,80,2000,2600,0.95,0.18230640634143416,0.24735426690792739
            AGRESTI_CAFFO,80,80,2000,2600,0.95,0.19003080501292882,0.24753129543513172
            NEWCOMBE,80,80,2000,2600,0.9,0.195453253616619,0.24463611783158268
            AGRESTI_CAFFO,80,80,2000,2600,0.9,0.19465308385105531,0.24290901659700523
            NEWCOMBE,5,80,0,60,0.95,-0.0073688502156441238,0.13810148767274424
            AGRESTI_CAFFO,5,80,0,60,0.95,-0.0074582000304362212,0.12154159892894133
            NEWCOMBE,5,80,0,60,0.9,0.008930944301266508,0.12287281973337705
            AGRESTI_CAFFO,5,80,0,60,0.9,0.0029116774519001923,0.11117172144660492
            """)
    void newcombeAndAgrestiCaffoAgreeWithStatsmodels(DifferenceInterval method, int x1, int n1, int x2, int n2,
            double level, double lower, double upper) {
        checkDifference(method, x1, n1, x2, n2, level, lower, upper, TOLERANCE);
    }

    /**
     * R 4.2.2, stats/src/test/reference/miettinen-nurminen.R: the Miettinen–Nurminen limits from the definition,
     * restricted estimates by {@code uniroot(score, tol = 1e-16)} on the likelihood equation and limits by
     * {@code uniroot(tol = 1e-15)}; statsmodels 0.13.5 is not used (its restricted estimates are wrong,
     * statsmodels issue 10269). Both sides solve to about 1e-15; the tolerance allows the solvers' error.
     */
    @ParameterizedTest(name = "{0} {1}/{2} vs {3}/{4} at {5}")
    @CsvSource(textBlock = """
            MIETTINEN_NURMINEN,212,400,130,400,0.95,0.13708566965205654,0.27103852019892127
            MIETTINEN_NURMINEN,212,400,130,400,0.9,0.14809548186933336,0.26058193872557361
            MIETTINEN_NURMINEN,30,80,1160,2600,0.95,-0.17125027538770735,0.040020200728280796
            MIETTINEN_NURMINEN,30,80,1160,2600,0.9,-0.15637737445765912,0.021982263246676979
            MIETTINEN_NURMINEN,0,80,5,2600,0.95,-0.004494760323684067,0.043914119869196667
            MIETTINEN_NURMINEN,0,80,5,2600,0.9,-0.0039457638106563438,0.030803634780493038
            MIETTINEN_NURMINEN,3,7,1,9,0.95,-0.12915696431614865,0.6856968747152089
            MIETTINEN_NURMINEN,3,7,1,9,0.9,-0.055410009239323738,0.64039577824172933
            MIETTINEN_NURMINEN,80,80,2000,2600,0.95,0.18467834304436898,0.24735743327553927
            MIETTINEN_NURMINEN,80,80,2000,2600,0.9,0.19786378960127382,0.24463875623010514
            MIETTINEN_NURMINEN,5,80,0,60,0.95,0.00029912940595286803,0.1384542394202814
            MIETTINEN_NURMINEN,5,80,0,60,0.9,0.017904827729327014,0.12314786312995034
            MIETTINEN_NURMINEN,7,34,1,34,0.95,0.027041626583446797,0.34529121696622372
            MIETTINEN_NURMINEN,7,34,1,34,0.9,0.054662553464057601,0.31601404394273969
            """)
    void miettinenNurminenAgreesWithItsDefinitionComputedInR(DifferenceInterval method, int x1, int n1, int x2,
            int n2, double level, double lower, double upper) {
        checkDifference(method, x1, n1, x2, n2, level, lower, upper, 1e-9);
    }

    /**
     * R 4.2.2, stats/src/test/reference/two-proportions.R: {@code prop.test(c(x1, x2), c(n1, n2), conf.level =
     * level, correct = TRUE)$conf.int}. The last cases have equal proportions (no correction) and a difference
     * smaller than the correction ½(1/n1 + 1/n2), which R caps at |p1 − p2|.
     */
    @ParameterizedTest(name = "{0} {1}/{2} vs {3}/{4} at {5}")
    @CsvSource(textBlock = """
            WALD_CONTINUITY_R,212,400,130,400,0.95,0.1354249036336011,0.27457509636639893
            WALD_CONTINUITY_R,212,400,130,400,0.9,0.14620880464812133,0.26379119535187873
            WALD_CONTINUITY_R,30,80,1160,2600,0.95,-0.18538929416308414,0.043081601855391796
            WALD_CONTINUITY_R,30,80,1160,2600,0.9,-0.16805900888295178,0.02575131657525942
            WALD_CONTINUITY_R,0,80,5,2600,0.95,-0.0055301525477964419,0.0016839987016425955
            WALD_CONTINUITY_R,0,80,5,2600,0.9,-0.0052594101069970344,0.0014132562608431881
            WALD_CONTINUITY_R,3,7,1,9,0.95,-0.22970351808196976,0.86462415300260465
            WALD_CONTINUITY_R,3,7,1,9,0.9,-0.16214973685965861,0.7970703717802935
            WALD_CONTINUITY_R,80,80,2000,2600,0.95,0.20813200736256851,0.25340645417589291
            WALD_CONTINUITY_R,80,80,2000,2600,0.9,0.21073572137064236,0.25080274016781906
            WALD_CONTINUITY_R,5,80,0,60,0.95,-0.0051264146181538711,0.13012641461815388
            WALD_CONTINUITY_R,5,80,0,60,0.9,0.0034015095901995945,0.12159849040980041
            WALD_CONTINUITY_R,20,80,20,80,0.95,-0.13418956077878674,0.13418956077878674
            WALD_CONTINUITY_R,20,80,20,80,0.9,-0.11261542940943854,0.11261542940943854
            WALD_CONTINUITY_R,10,40,12,50,0.95,-0.17894267238391146,0.19894267238391147
            WALD_CONTINUITY_R,10,40,12,50,0.9,-0.15017342461838012,0.17017342461838014
            """)
    void continuityCorrectedWaldAgreesWithR(DifferenceInterval method, int x1, int n1, int x2, int n2, double level,
            double lower, double upper) {
        checkDifference(method, x1, n1, x2, n2, level, lower, upper, TOLERANCE);
    }

    /**
     * R 4.2.2, stats/src/test/reference/miettinen-nurminen.R: Mee's limits from the definition, the
     * Miettinen–Nurminen computation without the factor N/(N − 1) ({@code mn(x1, n1, x2, n2, level, mee = TRUE)}):
     * restricted estimates by {@code uniroot(score, tol = 1e-16)}, limits by {@code uniroot(tol = 1e-15)}.
     * statsmodels 0.13.5 is no reference here: {@code confint_proportions_2indep(method="score",
     * correction=False)} still applies N/(N − 1) to a difference, on wrong restricted estimates. Root-finding on
     * both sides: 1e-8.
     */
    @ParameterizedTest(name = "{0} {1}/{2} vs {3}/{4} at {5}")
    @CsvSource(textBlock = """
            MEE,212,400,130,400,0.95,0.13712853579735965,0.27099799015755899
            MEE,212,400,130,400,0.9,0.14813136560560133,0.2605477039189148
            MEE,30,80,1160,2600,0.95,-0.17123332052110499,0.039999307825142535
            MEE,30,80,1160,2600,0.9,-0.15636263497768343,0.02196467092624188
            MEE,0,80,5,2600,0.95,-0.0044940894661293319,0.043897800039280857
            MEE,0,80,5,2600,0.9,-0.0039452570560910716,0.030791822771027589
            MEE,3,7,1,9,0.95,-0.11467806009402401,0.6772351421907854
            MEE,3,7,1,9,0.9,-0.043137058511406895,0.63228766008017923
            MEE,80,80,2000,2600,0.95,0.18469475743718297,0.24735426690792733
            MEE,80,80,2000,2600,0.9,0.19787566825225003,0.24463611783158268
            MEE,5,80,0,60,0.95,0.0007170864310832492,0.13810148767274422
            MEE,5,80,0,60,0.9,0.018209825427269177,0.12287281973337712
            MEE,7,34,1,34,0.95,0.028370507968999582,0.3439399219457403
            MEE,7,34,1,34,0.9,0.055672613832154785,0.31489474831706865
            """)
    void meeAgreesWithItsDefinitionComputedInR(DifferenceInterval method, int x1, int n1, int x2, int n2,
            double level, double lower, double upper) {
        checkDifference(method, x1, n1, x2, n2, level, lower, upper, 1e-8);
    }

    @Test
    void meeIsInsideMiettinenNurminen() {
        // The same statistic with a variance smaller by (N - 1)/N: every limit moves towards the estimate.
        for (int[] k : new int[][] {{212, 400, 130, 400}, {3, 7, 1, 9}, {0, 80, 5, 2600}, {7, 34, 1, 34}}) {
            Interval mee = DifferenceInterval.MEE.of(k[0], k[1], k[2], k[3], 0.95);
            Interval mn = DifferenceInterval.MIETTINEN_NURMINEN.of(k[0], k[1], k[2], k[3], 0.95);
            assertTrue(mee.lower() >= mn.lower() && mee.upper() <= mn.upper(), () -> mee + " in " + mn);
        }
        Interval same = DifferenceInterval.WALD_CONTINUITY_R.of(20, 80, 20, 80, 0.95);
        assertEquals(DifferenceInterval.WALD.of(20, 80, 20, 80, 0.95), same, "no correction at equal proportions");
    }

    private static void checkDifference(DifferenceInterval method, int x1, int n1, int x2, int n2, double level,
            double lower, double upper, double tolerance) {
        Interval interval = method.of(x1, n1, x2, n2, level);
        String what = method + " " + x1 + "/" + n1 + " vs " + x2 + "/" + n2;
        assertClose(lower, interval.lower(), tolerance, what + " lower");
        assertClose(upper, interval.upper(), tolerance, what + " upper");
        assertEquals((double) x1 / n1 - (double) x2 / n2, interval.estimate(), 1e-15);
    }

    /**
     * metafor 3.8.1, stats/src/test/reference/two-proportions.R: {@code rr <- escalc("RR", ai = x1, n1i = n1,
     * ci = x2, n2i = n2)}; {@code exp(rr$yi)}, {@code exp(rr$yi -/+ qnorm(1 - (1 - level)/2) * sqrt(rr$vi))};
     * likewise {@code "OR"}. The zero cells get ½ as metafor's default {@code add = 1/2, to = "only0"}.
     */
    @ParameterizedTest(name = "{0} {1}/{2} vs {3}/{4} at {5}")
    @CsvSource(textBlock = """
            RISK_RATIO,212,400,130,400,0.95,1.6307692307692307,1.3776009736971064,1.9304634177823932
            ODDS_RATIO,212,400,130,400,0.95,2.3420621931260235,1.7578624823236884,3.1204120752491478
            RISK_RATIO,212,400,130,400,0.9,1.6307692307692307,1.4154781467910411,1.8788056107066564
            ODDS_RATIO,212,400,130,400,0.9,2.3420621931260235,1.8408544663360034,2.9797332797241771
            RISK_RATIO,30,80,1160,2600,0.95,0.84051724137931028,0.63137357106785597,1.1189401416676641
            ODDS_RATIO,30,80,1160,2600,0.95,0.74482758620689649,0.47057765301064974,1.178908793533884
            RISK_RATIO,30,80,1160,2600,0.9,0.84051724137931028,0.66109543143636129,1.068634268914763
            ODDS_RATIO,30,80,1160,2600,0.9,0.74482758620689649,0.50663300141364487,1.0950098624188256
            RISK_RATIO,0,80,5,2600,0.95,2.9191919191919173,0.16279009837301542,52.347664546211561
            ODDS_RATIO,0,80,5,2600,0.95,2.9311123658949754,0.16070876255198463,53.459559796705946
            RISK_RATIO,0,80,5,2600,0.9,2.9191919191919173,0.25892815351073556,32.911374624706724
            ODDS_RATIO,0,80,5,2600,0.9,2.9311123658949754,0.25631490247068911,33.519001894495432
            RISK_RATIO,3,7,1,9,0.95,3.8571428571428577,0.50342084246255081,29.552910339652644
            ODDS_RATIO,3,7,1,9,0.95,6,0.46302386104366478,77.749772806211993
            RISK_RATIO,3,7,1,9,0.9,3.8571428571428577,0.69840733141814881,21.302111749311965
            ODDS_RATIO,3,7,1,9,0.9,6,0.69899108755882799,51.502802597565577
            RISK_RATIO,80,80,2000,2600,0.95,1.2921491849259907,1.2575212643936049,1.3277306423204156
            ODDS_RATIO,80,80,2000,2600,0.95,48.32816795801029,2.9925230136457537,780.48249170595511
            RISK_RATIO,80,80,2000,2600,0.9,1.2921491849259907,1.2630252549553351,1.3219446796920515
            ODDS_RATIO,80,80,2000,2600,0.9,48.32816795801029,4.6803477290159714,499.02527619859308
            RISK_RATIO,5,80,0,60,0.95,8.2839506172839528,0.46691479736410874,146.97293428480714
            ODDS_RATIO,5,80,0,60,0.95,8.8145695364238446,0.47790691036113297,162.57692539691334
            RISK_RATIO,5,80,0,60,0.9,8.2839506172839528,0.74138496304008905,92.561680167080056
            ODDS_RATIO,5,80,0,60,0.9,8.8145695364238446,0.7635891622629758,101.75188432767854
            """)
    void ratiosAgreeWithMetafor(String measure, int x1, int n1, int x2, int n2, double level, double estimate,
            double lower, double upper) {
        Interval interval = measure.equals("RISK_RATIO") ? Ratios.riskRatio(x1, n1, x2, n2, level)
                : Ratios.oddsRatio(x1, n1, x2, n2, level);
        assertClose(estimate, interval.estimate(), TOLERANCE, measure + " estimate");
        assertClose(lower, interval.lower(), TOLERANCE, measure + " lower");
        assertClose(upper, interval.upper(), TOLERANCE, measure + " upper");
    }

    /**
     * statsmodels 0.13.5, stats/src/test/reference/adjusted_ratios.py: {@code confint_proportions_2indep(x1, n1,
     * x2, n2, compare="ratio", method="log-adjusted", alpha=1 - level)} and {@code compare="odds-ratio",
     * method="logit-adjusted"}; the estimate is the interval's centre on the log scale, {@code sqrt(low * upp)}
     * (statsmodels returns no estimate), which is the adjusted ratio. The last cases have a 0 in both groups and
     * every company with the characteristic in both.
     */
    @ParameterizedTest(name = "{0} {1}/{2} vs {3}/{4} at {5}")
    @CsvSource(textBlock = """
            RISK_RATIO_ADJUSTED,212,400,130,400,0.95,1.6283524904214557,1.3760977630436151,1.9268484436724698
            ODDS_RATIO_ADJUSTED,212,400,130,400,0.95,2.3367074199416651,1.7545663954363084,3.1119948385040419
            RISK_RATIO_ADJUSTED,212,400,130,400,0.9,1.6283524904214557,1.4138446595792709,1.8754053460518036
            ODDS_RATIO_ADJUSTED,212,400,130,400,0.9,2.3367074199416651,1.8372810165592395,2.9718924417104158
            RISK_RATIO_ADJUSTED,30,80,1160,2600,0.95,0.84901560421857147,0.63978005965143747,1.1266801541131877
            ODDS_RATIO_ADJUSTED,30,80,1160,2600,0.95,0.74968112925036567,0.47512759396773224,1.182886034592789
            RISK_RATIO_ADJUSTED,30,80,1160,2600,0.9,0.84901560421857136,0.66955668837016302,1.0765742598453709
            ODDS_RATIO_ADJUSTED,30,80,1160,2600,0.9,0.74968112925036579,0.51127443670427553,1.099256593341436
            RISK_RATIO_ADJUSTED,0,80,5,2600,0.95,2.9367588932806319,0.16377809328949952,52.659990259001496
            ODDS_RATIO_ADJUSTED,0,80,5,2600,0.95,2.931112365894974,0.16070876255198449,53.459559796705946
            RISK_RATIO_ADJUSTED,0,80,5,2600,0.9,2.9367588932806319,0.26049748416356,33.108008029159073
            ODDS_RATIO_ADJUSTED,0,80,5,2600,0.9,2.931112365894974,0.25631490247068844,33.519001894495489
            RISK_RATIO_ADJUSTED,3,7,1,9,0.95,2.9555555555555566,0.56428042591489114,15.480438875426872
            ODDS_RATIO_ADJUSTED,3,7,1,9,0.95,4.4074074074074066,0.47485525259419137,40.907708083141664
            RISK_RATIO_ADJUSTED,3,7,1,9,0.9,2.9555555555555557,0.73640094712443405,11.862163779237035
            ODDS_RATIO_ADJUSTED,3,7,1,9,0.9,4.4074074074074074,0.67940581152531643,28.591512944610493
            RISK_RATIO_ADJUSTED,80,80,2000,2600,0.95,1.2999250187453137,1.2728491965109381,1.3275767930655116
            ODDS_RATIO_ADJUSTED,80,80,2000,2600,0.95,48.328167958010269,2.9925230136457497,780.48249170595579
            RISK_RATIO_ADJUSTED,80,80,2000,2600,0.9,1.2999250187453137,1.2771639163380115,1.3230917603788486
            ODDS_RATIO_ADJUSTED,80,80,2000,2600,0.9,48.328167958010262,4.6803477290159607,499.02527619859353
            RISK_RATIO_ADJUSTED,5,80,0,60,0.95,8.267080745341616,0.46602997949887515,146.65284865040118
            ODDS_RATIO_ADJUSTED,5,80,0,60,0.95,8.814569536423841,0.47790691036113259,162.57692539691334
            RISK_RATIO_ADJUSTED,5,80,0,60,0.9,8.2670807453416177,0.73996315800174639,92.362198456692369
            ODDS_RATIO_ADJUSTED,5,80,0,60,0.9,8.814569536423841,0.7635891622629738,101.75188432767871
            RISK_RATIO_ADJUSTED,0,10,0,12,0.95,1.1904761904761902,0.025764752993128585,55.00668143291248
            ODDS_RATIO_ADJUSTED,0,10,0,12,0.95,1.1904761904761902,0.021698344836592099,65.315284219314222
            RISK_RATIO_ADJUSTED,0,10,0,12,0.9,1.1904761904761902,0.047716090783941775,29.701376135524786
            ODDS_RATIO_ADJUSTED,0,10,0,12,0.9,1.1904761904761902,0.041310370115159908,34.306968350559799
            RISK_RATIO_ADJUSTED,10,10,12,12,0.95,1,1,1
            ODDS_RATIO_ADJUSTED,10,10,12,12,0.95,0.8400000000000003,0.015310352116699394,46.086464545148139
            RISK_RATIO_ADJUSTED,10,10,12,12,0.9,1,1,1
            ODDS_RATIO_ADJUSTED,10,10,12,12,0.9,0.84000000000000019,0.029148597153256843,24.206996868155006
            """)
    void adjustedRatiosAgreeWithStatsmodels(String measure, int x1, int n1, int x2, int n2, double level,
            double estimate, double lower, double upper) {
        Interval interval = measure.equals("RISK_RATIO_ADJUSTED") ? Ratios.adjustedRiskRatio(x1, n1, x2, n2, level)
                : Ratios.adjustedOddsRatio(x1, n1, x2, n2, level);
        assertClose(estimate, interval.estimate(), TOLERANCE, measure + " estimate");
        assertClose(lower, interval.lower(), TOLERANCE, measure + " lower");
        assertClose(upper, interval.upper(), TOLERANCE, measure + " upper");
        assertEquals(level, interval.level(), 0.0);
    }

    @Test
    void adjustedRatiosAddHalfEvenWithoutZeroCells() {
        // Without a zero cell the plain ratios are unadjusted; the adjusted ones still add ½ (metafor's "only0"
        // against statsmodels' always), so the two differ.
        assertTrue(Ratios.riskRatio(212, 400, 130, 400, 0.95).estimate()
                != Ratios.adjustedRiskRatio(212, 400, 130, 400, 0.95).estimate());
        // With a zero cell both add ½ to every cell for the odds ratio: the same interval.
        Interval plain = Ratios.oddsRatio(5, 80, 0, 60, 0.95);
        Interval adjusted = Ratios.adjustedOddsRatio(5, 80, 0, 60, 0.95);
        assertClose(plain.lower(), adjusted.lower(), TOLERANCE, "lower");
        assertClose(plain.upper(), adjusted.upper(), TOLERANCE, "upper");
        assertEquals("x is not in [0, n]: x = 81.0, n = 80.0", assertThrows(IllegalArgumentException.class,
                () -> Ratios.adjustedRiskRatio(81, 80, 1, 2, 0.95)).getMessage());
        assertEquals("Confidence level is not in (0, 1): 1.0", assertThrows(IllegalArgumentException.class,
                () -> Ratios.adjustedOddsRatio(1, 80, 1, 2, 1)).getMessage());
    }

    /**
     * R 4.2.2, stats/src/test/reference/two-proportions.R: CHI_SQUARE {@code prop.test(c(x1, x2), c(n1, n2),
     * correct = FALSE)}; CHI_SQUARE_YATES the same with {@code correct = TRUE} (and {@code chisq.test} on the
     * table, which agrees); Z_POOLED the signed square root of the first, same p-value.
     */
    @ParameterizedTest(name = "{0} {1}/{2} vs {3}/{4}")
    @CsvSource(textBlock = """
            CHI_SQUARE,212,400,130,400,34.342041420873876,4.6228689674062349e-09
            CHI_SQUARE_YATES,212,400,130,400,33.509538037232822,7.0915374555872036e-09
            Z_POOLED,212,400,130,400,5.8602083086588204,4.6228689674062349e-09
            CHI_SQUARE,30,80,1160,2600,1.5917016264430368,0.20708318726446101
            CHI_SQUARE_YATES,30,80,1160,2600,1.3165226916786306,0.25121707357871048
            Z_POOLED,30,80,1160,2600,-1.2616265796356054,0.20708318726446101
            CHI_SQUARE,0,80,5,2600,0.15413371675053922,0.69461592102991665
            CHI_SQUARE_YATES,0,80,5,2600,4.6720993705089048e-30,0.99999999999999822
            Z_POOLED,0,80,5,2600,-0.39259867135605442,0.69461592102991665
            CHI_SQUARE,3,7,1,9,2.1164021164021163,0.1457285332020406
            CHI_SQUARE_YATES,3,7,1,9,0.76190476190476186,0.38273308888522611
            Z_POOLED,3,7,1,9,1.4547859349066159,0.1457285332020406
            CHI_SQUARE,80,80,2000,2600,23.786982248520708,1.0760777667007605e-06
            CHI_SQUARE_YATES,80,80,2000,2600,22.47741389299803,2.1262908013626892e-06
            Z_POOLED,80,80,2000,2600,4.8771899951222641,1.0760777667007605e-06
            CHI_SQUARE,5,80,0,60,3.8888888888888888,0.048606570673435767
            CHI_SQUARE_YATES,5,80,0,60,2.2858024691358025,0.13056259757205088
            Z_POOLED,5,80,0,60,1.9720265943665387,0.048606570673435767
            """)
    void testsAgreeWithR(TwoProportionTest test, int x1, int n1, int x2, int n2, double statistic, double pValue) {
        TestResult result = test.test(x1, n1, x2, n2);
        // A statistic of about 1e-29 is 0 in both, up to rounding.
        assertEquals(statistic, result.statistic(), TOLERANCE * Math.max(1, Math.abs(statistic)), "statistic");
        assertClose(pValue, result.pValue(), TOLERANCE, "p-value");
    }

    /**
     * statsmodels 0.13.5, stats/src/test/reference/two_proportions.py: {@code test_proportions_2indep(x1, n1,
     * x2, n2, method="wald", compare="diff")}.
     */
    @ParameterizedTest(name = "{0} {1}/{2} vs {3}/{4}")
    @CsvSource(textBlock = """
            Z_UNPOOLED,212,400,130,400,5.9901906757749819,2.0959515775692404e-09
            Z_UNPOOLED,30,80,1160,2600,-1.293764848236252,0.19574665805855052
            Z_UNPOOLED,3,7,1,9,1.480820649045572,0.13865437252643059
            """)
    void unpooledZAgreesWithStatsmodels(TwoProportionTest test, int x1, int n1, int x2, int n2, double statistic,
            double pValue) {
        TestResult result = test.test(x1, n1, x2, n2);
        assertClose(statistic, result.statistic(), TOLERANCE, "statistic");
        assertClose(pValue, result.pValue(), TOLERANCE, "p-value");
        assertEquals("z test, unpooled variance", result.method());
        assertTrue(result.degreesOfFreedom().isEmpty(), "a z test has no degrees of freedom");
    }

    /**
     * R 4.2.2 {@code fisher.test(matrix(c(x1, x2, n1 - x1, n2 - x2), 2))}: p-value, estimate, conf.int. Its
     * p-value is exact (1e-10 here); its estimate and limits come from {@code uniroot} at its default
     * tolerance, {@code .Machine$double.eps^0.25}, which leaves them about 3e-3 from the root at worst in
     * these cases (see the precise values below), hence 5e-3 for them.
     */
    @ParameterizedTest(name = "{0}/{1} vs {2}/{3}")
    @CsvSource(textBlock = """
            212,400,130,400,6.2319130417051639e-09,2.3395037417945344,1.7401875998618932,3.1535917982844728
            30,80,1160,2600,0.25317392429400293,0.7449088887599703,0.45414310406709707,1.2033350828837541
            0,80,5,2600,1,0,0,35.876095022126393
            3,7,1,9,0.26153846153846172,5.3195974246136233,0.31087976875425227,352.42171208266785
            80,80,2000,2600,1.6437023519035603e-09,Infinity,6.3295570821235732,Infinity
            5,80,0,60,0.070752918452289898,Infinity,0.70142395124431167,Infinity
            """)
    void fisherAgreesWithR(int x1, int n1, int x2, int n2, double pValue, double estimate, double lower, double upper) {
        FisherExactTest.Result result = FisherExactTest.test(x1, n1, x2, n2, 0.95);
        assertClose(pValue, result.pValue(), TOLERANCE, "p-value");
        assertClose(estimate, result.oddsRatio().estimate(), 5e-3, "estimate");
        assertClose(lower, result.oddsRatio().lower(), 5e-3, "lower");
        assertClose(upper, result.oddsRatio().upper(), 5e-3, "upper");
    }

    /**
     * R 4.2.2, stats/src/test/reference/fisher-exact-precise.R: fisher.test's own definitions of the
     * conditional MLE and the limits, solved with {@code uniroot(tol = 1e-15)}.
     */
    @ParameterizedTest(name = "{0}/{1} vs {2}/{3}")
    @CsvSource(textBlock = """
            212,400,130,400,2.3395014501258196,1.7401093606808935,3.1535943162278017
            30,80,1160,2600,0.74490774139754434,0.45414533977813609,1.2033170576531158
            0,80,5,2600,0,0,35.895178754613156
            3,7,1,9,5.3195808430005389,0.31088159014499145,353.3890248768526
            5,80,0,60,Infinity,0.70141889426633663,Infinity
            """)
    void fisherMatchesItsDefinitionToFullPrecision(int x1, int n1, int x2, int n2, double estimate, double lower,
            double upper) {
        Interval oddsRatio = FisherExactTest.test(x1, n1, x2, n2, 0.95).oddsRatio();
        assertClose(estimate, oddsRatio.estimate(), 1e-9, "estimate");
        assertClose(lower, oddsRatio.lower(), 1e-9, "lower");
        assertClose(upper, oddsRatio.upper(), 1e-9, "upper");
    }

    @Test
    void undefinedTestsSayWhy() {
        assertEquals("The test is undefined: the proportions have no variance", assertThrows(
                IllegalArgumentException.class, () -> TwoProportionTest.CHI_SQUARE.test(0, 80, 0, 2600)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> TwoProportionTest.Z_POOLED.test(80, 80, 2600, 2600));
        assertThrows(IllegalArgumentException.class, () -> TwoProportionTest.Z_UNPOOLED.test(0, 80, 2600, 2600));
        assertEquals("x is not in [0, n]: x = 81.0, n = 80.0", assertThrows(IllegalArgumentException.class,
                () -> DifferenceInterval.NEWCOMBE.of(81, 80, 1, 2, 0.95)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> FisherExactTest.test(1, 2, 3, 4, 1.0));
    }

    @Test
    void effectiveSamplesWidenTheInterval() {
        // A survey figure with design effect 2 is worth half its respondents.
        EffectiveSample survey = EffectiveSample.fromDesignEffect(0.45, 2600, 2);
        Interval weighted = DifferenceInterval.NEWCOMBE.of(EffectiveSample.of(30, 80), survey, 0.95);
        Interval simple = DifferenceInterval.NEWCOMBE.of(30, 80, 1170, 2600, 0.95);
        assertTrue(weighted.width() > simple.width());
        assertEquals(simple.estimate(), weighted.estimate(), 1e-15);
        assertTrue(TwoProportionTest.Z_POOLED.test(EffectiveSample.of(30, 80), survey).pValue()
                > TwoProportionTest.Z_POOLED.test(30, 80, 1170, 2600).pValue());
        assertTrue(TwoProportionTest.CHI_SQUARE.test(30, 80, 1170, 2600).significantAt(0.5));
    }

    /**
     * metafor 3.8.1: {@code sqrt(escalc(m, ai = c(12, 0, 30), n1i = c(40, 25, 30), ci = c(5, 7, 12),
     * n2i = c(38, 30, 45))$vi)} for m = "RR", "OR" and "RD" (RD without a zero cell only: escalc corrects those).
     */
    @ParameterizedTest
    @CsvSource({"12, 40, 5, 38, 0.48168199453544985, 0.59105892206331623",
        "0, 25, 7, 30, 1.4361802569161246, 1.4883219447072613",
        "30, 30, 12, 45, 0.24246585387429298, 1.4637751301052215"})
    void standardErrorsOfTheRatiosAreEscalcs(int x1, int n1, int x2, int n2, double rr, double or) {
        assertEquals(rr, Ratios.logRiskRatioStandardError(x1, n1, x2, n2), 1e-15);
        assertEquals(or, Ratios.logOddsRatioStandardError(x1, n1, x2, n2), 1e-15);
    }

    @Test
    void standardErrorOfTheDifferenceIsEscalcs() {
        assertEquals(0.090868025755377682, DifferenceInterval.standardError(EffectiveSample.of(12, 40),
                EffectiveSample.of(5, 38)), 1e-15);
    }
}
