package org.smesurvey.stats.survey;

import java.util.Objects;
import org.smesurvey.stats.TestResult;

/**
 * The design-based tests of independence in a two-way table of survey answers, as R's {@code svychisq}, one
 * {@link TestResult} each:
 * <ul>
 *   <li>{@link #f()}: Pearson's X² of the weighted table (scaled to the respondents) corrected by the design
 *       effects \( δ \) of the table's interaction contrasts, the second-order Rao–Scott F test
 *       \( X^2/\sum δ_j \) on \( d = (\sum δ_j)^2/\sum δ_j^2 \) and \( dν \) degrees of freedom (survey's default,
 *       {@code statistic = "F"});</li>
 *   <li>{@link #chiSquare()}: the first-order correction \( X^2/\bar δ \) on \( (r-1)(c-1) \) degrees of freedom
 *       ({@code statistic = "Chisq"}; survey prints X² itself beside this p-value, here {@link #pearson()});</li>
 *   <li>{@link #wald()}: the design-based Wald test of the interaction terms \( \hat N_{ij} - \hat N_{i\cdot}\hat
 *       N_{\cdot j}/\hat N \), \( W/((r-1)(c-1)) \) on \( (r-1)(c-1) \) and ν degrees of freedom
 *       ({@code statistic = "Wald"});</li>
 *   <li>{@link #adjustedWald()}: the same statistic times \( (ν - d + 1)/(dν) \), \( d = (r-1)(c-1) \), on d and
 *       \( ν - d + 1 \) ({@code statistic = "adjWald"}).</li>
 * </ul>
 *
 * <p>References: Rao, J. N. K. and Scott, A. J. (1984). On chi-squared tests for multiway contingency tables
 * with cell proportions estimated from survey data. <i>The Annals of Statistics</i> 12(1), 46–60.
 * doi:10.1214/aos/1176346391; Koch, G. G., Freeman, D. H. and Freeman, J. L. (1975). Strategies in the
 * multivariate analysis of data from complex surveys. <i>International Statistical Review</i> 43(1), 59–78
 * (Wald tests); Lumley, T. (2010). <i>Complex Surveys</i>. Wiley, §6.1.
 *
 * @param pearson Pearson's X² of the weighted table scaled to the number of respondents
 * @param f the second-order Rao–Scott F test
 * @param chiSquare the first-order Rao–Scott χ² test
 * @param wald the design-based Wald F test
 * @param adjustedWald the adjusted Wald F test
 * @since 0.1
 */
public record RaoScott(double pearson, TestResult f, TestResult chiSquare, TestResult wald, TestResult adjustedWald) {

    /**
     * Validates the tests.
     *
     * @param pearson Pearson's X² of the weighted table scaled to the number of respondents
     * @param f the second-order Rao–Scott F test
     * @param chiSquare the first-order Rao–Scott χ² test
     * @param wald the design-based Wald F test
     * @param adjustedWald the adjusted Wald F test
     * @throws NullPointerException if a test is null
     */
    public RaoScott {
        Objects.requireNonNull(f, "f");
        Objects.requireNonNull(chiSquare, "chiSquare");
        Objects.requireNonNull(wald, "wald");
        Objects.requireNonNull(adjustedWald, "adjustedWald");
    }

    /**
     * The four tests, one line each, as survey prints them.
     *
     * @return the lines
     */
    public String summary() {
        return String.join("\n", f.summary(), chiSquare.summary(), wald.summary(), adjustedWald.summary());
    }
}
