package org.smesurvey.charts;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.List;
import java.util.Objects;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.smesurvey.stats.adoption.AdoptionData;
import org.smesurvey.stats.adoption.AdoptionModel;

/**
 * The adoption model's picture: the published figures as points (larger where more precise: effective samples under
 * 300, 300 to 2,000, and more), and for each question asked (a size class of a country, say, on an indicator, as
 * official statistics would measure it) the predicted share over the years with its 95 % confidence band — where the
 * mean of such figures lies — solid within the years the figures cover and dashed beyond (a forecast). The
 * question's own year is ignored: every year from the first figure's to the last drawn is asked.
 *
 * @since 0.1
 */
public final class DiffusionChart {

    /** The effective samples that part the figures' three sizes of point. */
    private static final double SMALL = 300;
    private static final double LARGE = 2000;

    private DiffusionChart() {
    }

    /**
     * A diffusion chart.
     *
     * @param fit the adoption model
     * @param questions the questions whose curves are drawn, such as one per size class (their years ignored)
     * @param names their names in the legend, as many as the questions
     * @param lastYear the last year drawn (curves beyond the last figure's year are dashed), at most 2100
     * @param spec title, language, level
     * @return the chart
     * @throws IllegalArgumentException if there is no question, the names are not as many as the questions, the
     *         last year is after 2100, or a question's indicator is not one the model separates
     */
    public static Chart of(AdoptionModel.Fit fit, List<AdoptionModel.Question> questions, List<String> names,
            int lastYear, ChartSpec spec) {
        Objects.requireNonNull(fit, "fit");
        Objects.requireNonNull(questions, "questions");
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(spec, "spec");
        if (questions.isEmpty() || questions.size() != names.size()) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "A diffusion chart needs one name per question, at least one: %d questions, %d names",
                    questions.size(), names.size()));
        }
        if (lastYear > 2100) {
            throw new IllegalArgumentException("Last year is after 2100: " + lastYear);
        }
        List<AdoptionModel.Question> questionCopy = List.copyOf(questions);
        List<String> nameCopy = List.copyOf(names);
        // A question the model cannot answer fails here, not when the chart is drawn.
        questionCopy.forEach(fit::predict);
        return new Chart(() -> draw(fit, questionCopy, nameCopy, lastYear, spec), 960, 600);
    }

    private static JFreeChart draw(AdoptionModel.Fit fit, List<AdoptionModel.Question> questions, List<String> names,
            int lastYear, ChartSpec spec) {
        Language language = spec.language();
        List<AdoptionData.Entry> entries = fit.data().entries();
        int first = entries.stream().mapToInt(AdoptionData.Entry::year).min().orElseThrow();
        int last = entries.stream().mapToInt(AdoptionData.Entry::year).max().orElseThrow();
        int end = Math.max(lastYear, last);

        // The figures, in three sizes by the sample their precision rests on.
        XYSeriesCollection points = new XYSeriesCollection();
        String[] precision = {language.label("diffusion.figures.low"), language.label("diffusion.figures.mid"),
            language.label("diffusion.figures.high")};
        XYSeries[] bySize = {new XYSeries(precision[0], false), new XYSeries(precision[1], false),
            new XYSeries(precision[2], false)};
        for (AdoptionData.Entry e : entries) {
            int tier = e.sample().size() < SMALL ? 0 : e.sample().size() < LARGE ? 1 : 2;
            bySize[tier].add(e.year(), e.figure().figure().proportion());
        }
        for (XYSeries s : bySize) {
            points.addSeries(s);
        }

        // The curves: predicted share with its confidence band, observed years then forecast, one point a year.
        YIntervalSeriesCollection curves = new YIntervalSeriesCollection();
        for (int k = 0; k < questions.size(); k++) {
            AdoptionModel.Question q = questions.get(k);
            YIntervalSeries observed = new YIntervalSeries(names.get(k));
            YIntervalSeries forecast = new YIntervalSeries(names.get(k) + " " + language.label("diffusion.forecast"));
            for (int year = Math.max(first, 1990); year <= end; year++) { // a question's years: 1990-2100
                AdoptionModel.Answer a = fit.predict(AdoptionModel.Question.builder().band(q.band())
                        .region(q.region()).year(year).indicator(q.indicator()).source(q.source()).build());
                if (year <= last) {
                    observed.add(year, a.share(), a.confidence().lower(), a.confidence().upper());
                }
                if (year >= last) {
                    forecast.add(year, a.share(), a.confidence().lower(), a.confidence().upper());
                }
            }
            curves.addSeries(observed);
            curves.addSeries(forecast);
        }

        NumberAxis years = new NumberAxis(language.label("trend.x"));
        years.setTickUnit(new NumberTickUnit(end - first > 15 ? 5 : 2, new java.text.DecimalFormat("0")));
        years.setRange(first - 0.5, end + 0.5);
        NumberAxis share = Style.percentAxis(language.label("share"), language, 0, 1);
        DeviationRenderer bands = new DeviationRenderer(true, false);
        bands.setAlpha(0.12f);
        XYPlot plot = new XYPlot(curves, years, share, bands);
        XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
        dots.setDrawOutlines(false); // one filled shape a figure: half the drawing, the same picture
        plot.setDataset(1, points);
        plot.setRenderer(1, dots);
        JFreeChart chart = Style.chart(spec, language.label("diffusion.title"), plot, true);
        // After the theme, which resets series paints: the figures in grey, larger where more precise.
        double[] diameters = {4, 7, 10};
        for (int s = 0; s < 3; s++) {
            double d = diameters[s];
            dots.setSeriesShape(s, new Ellipse2D.Double(-d / 2, -d / 2, d, d));
            dots.setSeriesPaint(s, new Color(0x55, 0x55, 0x55, 140));
        }
        for (int k = 0; k < questions.size(); k++) {
            Color colour = Palette.series(k);
            bands.setSeriesPaint(2 * k, colour);
            bands.setSeriesFillPaint(2 * k, colour);
            bands.setSeriesStroke(2 * k, Style.THICK);
            bands.setSeriesPaint(2 * k + 1, colour);
            bands.setSeriesFillPaint(2 * k + 1, colour);
            bands.setSeriesStroke(2 * k + 1, Style.DASHED);
        }
        return chart;
    }
}
