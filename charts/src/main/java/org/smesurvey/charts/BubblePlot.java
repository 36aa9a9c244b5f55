package org.smesurvey.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.List;
import java.util.Objects;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.smesurvey.stats.meta.EffectSizes;
import org.smesurvey.stats.meta.MetaRegression;
import org.smesurvey.stats.meta.Moderators;
import org.smesurvey.stats.meta.Prediction;

/**
 * The bubble plot of a meta-regression, as metafor's {@code regplot(res, mod)}: each study at its value of one
 * moderator and its effect size, a circle whose area is proportional to its weight; the fitted line with its
 * confidence band (shaded) and prediction band (dashed), the other moderators held at their means.
 *
 * @since 0.1
 */
public final class BubblePlot {

    private static final int STEPS = 100;
    private static final double LARGEST = 24;

    private BubblePlot() {
    }

    /**
     * The bubble plot of a meta-regression along one of its moderators.
     *
     * @param regression the fitted meta-regression
     * @param moderator the moderator's column, such as {@code year}
     * @param spec title, language
     * @return the chart
     * @throws IllegalArgumentException if the regression has no such column
     */
    public static Chart of(MetaRegression regression, String moderator, ChartSpec spec) {
        Objects.requireNonNull(regression, "regression");
        Objects.requireNonNull(moderator, "moderator");
        Objects.requireNonNull(spec, "spec");
        List<String> names = regression.moderators().names();
        int column = names.indexOf(moderator);
        if (column < 0 || (column == 0 && regression.moderators().hasIntercept())) {
            throw new IllegalArgumentException("The regression has no moderator " + moderator + ": " + names);
        }
        return new Chart(() -> draw(regression, column, spec), 800, 600);
    }

    private static JFreeChart draw(MetaRegression regression, int column, ChartSpec spec) {
        Language language = spec.language();
        Moderators moderators = regression.moderators();
        EffectSizes studies = regression.studies();
        int k = studies.size();
        int first = moderators.hasIntercept() ? 1 : 0;
        double[] means = new double[moderators.columns() - first];
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < k; i++) {
            for (int j = first; j < moderators.columns(); j++) {
                means[j - first] += moderators.value(i, j) / k;
            }
            low = Math.min(low, moderators.value(i, column));
            high = Math.max(high, moderators.value(i, column));
        }
        YIntervalSeries confidence = new YIntervalSeries(language.label("bubble.confidence"));
        XYSeries predictionLow = new XYSeries(language.label("bubble.prediction"));
        XYSeries predictionHigh = new XYSeries(language.label("bubble.prediction") + " ");
        for (int s = 0; s <= STEPS; s++) {
            double at = low + (high - low) * s / STEPS;
            double[] row = means.clone();
            row[column - first] = at;
            Prediction p = regression.predict(row);
            confidence.add(at, p.confidence().estimate(), p.confidence().lower(), p.confidence().upper());
            predictionLow.add(at, p.prediction().lower());
            predictionHigh.add(at, p.prediction().upper());
        }
        String measure = studies.measure().map(m -> language.label("measure." + m.name()))
                .orElse(language.label("measure.none"));
        NumberAxis x = Style.numberAxis(regression.moderators().names().get(column), language);
        NumberAxis y = Style.numberAxis(measure, language);
        x.setAutoRangeIncludesZero(false);
        y.setAutoRangeIncludesZero(false);
        DeviationRenderer band = new DeviationRenderer(true, false);
        band.setAlpha(0.18f);
        XYPlot plot = new XYPlot(new YIntervalSeriesCollection(), x, y, band);
        YIntervalSeriesCollection fitted = new YIntervalSeriesCollection();
        fitted.addSeries(confidence);
        plot.setDataset(0, fitted);
        XYSeriesCollection prediction = new XYSeriesCollection(predictionLow);
        prediction.addSeries(predictionHigh);
        XYLineAndShapeRenderer dashed = new XYLineAndShapeRenderer(true, false);
        BasicStroke dash = new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4},
                0);
        dashed.setSeriesVisibleInLegend(1, false);
        plot.setDataset(1, prediction);
        plot.setRenderer(1, dashed);
        // The studies: circles of area proportional to their weight, the largest LARGEST pixels across.
        double largest = java.util.stream.IntStream.range(0, k).mapToDouble(regression::weight).max().orElse(1);
        XYSeries points = new XYSeries(language.label("bubble.studies"), false);
        for (int i = 0; i < k; i++) {
            points.add(moderators.value(i, column), studies.yi(i));
        }
        XYLineAndShapeRenderer bubbles = new XYLineAndShapeRenderer(false, true) {
            private static final long serialVersionUID = 1L;

            @Override
            public java.awt.Shape getItemShape(int series, int item) {
                double d = LARGEST * Math.sqrt(regression.weight(item) / largest);
                return new Ellipse2D.Double(-d / 2, -d / 2, d, d);
            }
        };
        bubbles.setUseOutlinePaint(true);
        bubbles.setDrawOutlines(true);
        plot.setDataset(2, new XYSeriesCollection(points));
        plot.setRenderer(2, bubbles);
        JFreeChart chart = Style.chart(spec, language.label("bubble.title"), plot, true);
        // Colours and strokes after the theme, which would give each series its own.
        band.setSeriesPaint(0, Palette.BLUE);
        band.setSeriesStroke(0, new BasicStroke(2.5f));
        band.setSeriesFillPaint(0, Palette.BLUE);
        for (int s = 0; s < 2; s++) {
            dashed.setSeriesPaint(s, Palette.BLUE);
            dashed.setSeriesStroke(s, dash);
        }
        bubbles.setSeriesPaint(0, new Color(0x80, 0x80, 0x80, 0xA0));
        bubbles.setSeriesOutlinePaint(0, Color.DARK_GRAY);
        bubbles.setLegendShape(0, new Ellipse2D.Double(-5, -5, 10, 10));
        return chart;
    }
}
