package org.smesurvey.stats.survey;

/**
 * The Rao–Scott tests of independence in a two-way table of survey answers, as R's {@code svychisq}: Pearson's
 * X² of the weighted table (scaled to the respondents) corrected by the design effects \( δ \) of the
 * table's interaction contrasts — the second-order F test (survey's default, {@code statistic = "F"}) and the
 * first-order χ² ({@code statistic = "Chisq"}).
 *
 * <p>References: Rao, J. N. K. and Scott, A. J. (1984). On chi-squared tests for multiway contingency tables
 * with cell proportions estimated from survey data. <i>The Annals of Statistics</i> 12(1), 46–60.
 * doi:10.1214/aos/1176346391; Lumley, T. (2010). <i>Complex Surveys</i>. Wiley, §6.1.
 *
 * @param pearson Pearson's X² of the weighted table scaled to the number of respondents
 * @param f the second-order statistic \( X^2 / \sum δ_j \)
 * @param numeratorDf its numerator degrees of freedom \( d = (\sum δ_j)^2 / \sum δ_j^2 \)
 * @param denominatorDf its denominator degrees of freedom, \( d \) times the design's degrees of freedom
 * @param fPValue \( P(F_{d,\,d\nu} > f) \)
 * @param chiSquare the first-order statistic \( X^2 / \bar δ \) (survey prints X² itself beside this p-value)
 * @param df \( (r - 1)(c - 1) \)
 * @param chiSquarePValue \( P(χ^2_{df} > X^2/\bar δ) \)
 * @since 0.1
 */
public record RaoScott(double pearson, double f, double numeratorDf, double denominatorDf, double fPValue,
        double chiSquare, int df, double chiSquarePValue) {
}
