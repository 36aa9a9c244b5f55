package org.smesurvey.charts;

import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.Rectangle2D;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.annotations.XYPolygonAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.smesurvey.stats.Interval;
import org.smesurvey.stats.TestResult;
import org.smesurvey.stats.meta.EffectSizes;
import org.smesurvey.stats.meta.MetaResult;
import org.smesurvey.stats.meta.PooledModel;
import org.smesurvey.stats.meta.ProportionMeasure;
import org.smesurvey.stats.meta.SubgroupAnalysis;
import org.smesurvey.stats.meta.Tau2Estimator;

/**
 * The forest plot of a meta-analysis, as metafor's {@code forest(res)} draws it: one row per study with its
 * estimate and confidence interval, a square sized by its weight in the pooled estimate, then the pooled
 * estimate as a diamond with its prediction interval as a dashed line; the estimate, interval and weight of
 * each row written on the right. Proportions are shown back-transformed on a percentage axis (each study at
 * its own n for the Freeman–Tukey measure; the pooled estimate as {@link MetaResult#backTransformed()}).
 * A subgroup analysis gives a block per subgroup with its own diamond, and the test of their differences.
 *
 * <p>Reference: Lewis, S. and Clarke, M. (2001). Forest plots: trying to see the wood and the trees.
 * <i>BMJ</i> 322, 1479–1480. doi:10.1136/bmj.322.7300.1479
 *
 * @since 0.1
 */
public final class ForestPlot {

    private static final double DIAMOND_HALF_HEIGHT = 0.35;
    private static final double MAX_SQUARE = 14;
    private static final double MIN_SQUARE = 4;
    /** The height of a row in pixels: room for its 11-pixel label and the largest square. */
    static final int ROW_HEIGHT = 24;

    private ForestPlot() {
    }

    /** A row from the top: a study, a pooled estimate, or a subgroup's heading. */
    record Row(String label, String text, Kind kind, double estimate, double lower, double upper, double weight,
            double predictionLower, double predictionUpper) {
        enum Kind { STUDY, POOLED, HEADING }
    }

    /**
     * The forest plot of one fitted model: each study with its interval and weight and, for a model without
     * moderators, the pooled diamond and its prediction interval; for a meta-regression, the test of the
     * moderators below the studies.
     *
     * @param result the fitted model
     * @param spec title, language
     * @return the chart
     * @throws NullPointerException if an argument is null
     */
    public static Chart of(PooledModel result, ChartSpec spec) {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(spec, "spec");
        Language language = spec.language();
        List<Row> rows = new ArrayList<>(studyRows(result, language));
        result.pooled().ifPresent(pooled -> rows.add(pooledRow(result, pooled, pooledLabel(result, language),
                language)));
        String footer = heterogeneity(result, language);
        return chart(rows, spec, result.studies().measure(), level(result), footer);
    }

    /**
     * The forest plot of a subgroup analysis: each subgroup's studies and diamond, then the test of differences
     * between the subgroups.
     *
     * @param analysis the subgroup analysis
     * @param spec title, language
     * @return the chart
     * @throws NullPointerException if an argument is null
     */
    public static Chart of(SubgroupAnalysis analysis, ChartSpec spec) {
        Objects.requireNonNull(analysis, "analysis");
        Objects.requireNonNull(spec, "spec");
        Language language = spec.language();
        List<Row> rows = new ArrayList<>();
        MetaResult any = null;
        for (Map.Entry<String, MetaResult> group : analysis.results().entrySet()) {
            MetaResult r = group.getValue();
            any = r;
            rows.add(new Row(group.getKey(), "", Row.Kind.HEADING, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN));
            rows.addAll(studyRows(r, language));
            rows.add(pooledRow(r, r.pooled().orElseThrow(), language.label("forest.subgroup", pooledLabel(r, language),
                    r.k()), language));
        }
        String footer = language.label("forest.between", analysis.between().degreesOfFreedom().orElseThrow(),
                analysis.between().statistic(), analysis.between().pValue());
        return chart(rows, spec, any.studies().measure(), level(any), footer);
    }

    /**
     * The forest plot of a cumulative meta-analysis, as metafor's {@code forest(cumul(res))}: one row per study
     * added, the pooled estimate of the studies so far with its confidence interval (back-transformed for
     * proportions), equal squares.
     *
     * @param cumulative the cumulative analysis
     * @param spec title, language
     * @return the chart
     * @throws NullPointerException if an argument is null
     */
    public static Chart of(org.smesurvey.stats.meta.Cumulative cumulative, ChartSpec spec) {
        Objects.requireNonNull(cumulative, "cumulative");
        Objects.requireNonNull(spec, "spec");
        Language language = spec.language();
        List<Row> rows = new ArrayList<>();
        MetaResult last = null;
        for (int m = 0; m < cumulative.results().size(); m++) {
            MetaResult r = cumulative.results().get(m);
            last = r;
            PooledModel.Pooled pooled = r.pooled().orElseThrow();
            Interval ci = pooled.proportions().map(MetaResult.BackTransformed::confidence).orElse(pooled.confidence());
            NumberFormat format = valueFormat(r.studies().measure(), language);
            rows.add(new Row("+ " + cumulative.studies().label(m), language.label("interval",
                    format.format(ci.estimate()), format.format(ci.lower()), format.format(ci.upper())), Row.Kind.STUDY,
                    ci.estimate(), ci.lower(), ci.upper(), 50, Double.NaN, Double.NaN));
        }
        return chart(rows, spec, cumulative.studies().measure(), level(last), heterogeneity(last, language));
    }

    private static int level(PooledModel result) {
        return (int) Math.round(100 * result.level());
    }

    private static String pooledLabel(PooledModel result, Language language) {
        Tau2Estimator estimator = result.estimator();
        return estimator == Tau2Estimator.EE ? language.label("forest.pooled.EE")
                : language.label("forest.pooled.RE", estimator.name());
    }

    private static String heterogeneity(PooledModel result, Language language) {
        TestResult q = result.heterogeneityTest();
        String text = language.label("forest.heterogeneity", result.i2(), result.tau2(),
                (int) q.degreesOfFreedom().orElseThrow(), q.statistic(), q.pValue());
        Optional<TestResult> moderators = result.moderatorTest();
        if (moderators.isPresent()) {
            TestResult qm = moderators.get();
            String df = qm.denominatorDegreesOfFreedom().isPresent()
                    ? String.format(language.locale(), "%.0f, %.0f", qm.degreesOfFreedom().orElseThrow(),
                            qm.denominatorDegreesOfFreedom().getAsDouble())
                    : String.format(language.locale(), "%.0f", qm.degreesOfFreedom().orElseThrow());
            return text + " \u2014 " + language.label("forest.moderators",
                    qm.denominatorDegreesOfFreedom().isPresent() ? "F" : "QM", df, qm.statistic(), qm.pValue());
        }
        return result.estimator() == Tau2Estimator.EE ? text
                : text + " \u2014 " + language.label("forest.prediction", level(result));
    }

    private static List<Row> studyRows(PooledModel result, Language language) {
        EffectSizes studies = result.studies();
        Optional<ProportionMeasure> measure = studies.measure();
        double level = result.level();
        NumberFormat format = valueFormat(measure, language);
        NumberFormat weightFormat = language.percent(1);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < studies.size(); i++) {
            Interval own = studies.interval(i, level);
            double n = studies.ni(i);
            double estimate = toAxis(measure, own.estimate(), n);
            double lower = toAxis(measure, own.lower(), n);
            double upper = toAxis(measure, own.upper(), n);
            double weight = result.weight(i);
            String text = language.label("interval", format.format(estimate), format.format(lower),
                    format.format(upper)) + "   " + weightFormat.format(weight / 100);
            rows.add(new Row(studies.label(i), text, Row.Kind.STUDY, estimate, lower, upper, weight, Double.NaN,
                    Double.NaN));
        }
        return rows;
    }

    private static Row pooledRow(PooledModel result, PooledModel.Pooled pooled, String label, Language language) {
        Optional<ProportionMeasure> measure = result.studies().measure();
        Interval ci = pooled.proportions().map(MetaResult.BackTransformed::confidence).orElse(pooled.confidence());
        Interval pi = pooled.proportions().map(MetaResult.BackTransformed::prediction).orElse(pooled.prediction());
        NumberFormat format = valueFormat(measure, language);
        boolean withPrediction = result.estimator() != Tau2Estimator.EE;
        String text = language.label("interval", format.format(ci.estimate()), format.format(ci.lower()),
                format.format(ci.upper())) + "   " + language.percent(1).format(1);
        return new Row(label, text, Row.Kind.POOLED, ci.estimate(), ci.lower(), ci.upper(), 100,
                withPrediction ? pi.lower() : Double.NaN, withPrediction ? pi.upper() : Double.NaN);
    }

    private static double toAxis(Optional<ProportionMeasure> measure, double y, double n) {
        return measure.map(m -> m.backTransform(y, n)).orElse(y);
    }

    private static NumberFormat valueFormat(Optional<ProportionMeasure> measure, Language language) {
        if (measure.isPresent()) {
            return language.percent(1);
        }
        NumberFormat format = NumberFormat.getNumberInstance(language.locale());
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format;
    }

    private static Chart chart(List<Row> rowList, ChartSpec spec, Optional<ProportionMeasure> measure, int level,
            String footer) {
        List<Row> rows = List.copyOf(rowList);
        // The rows need their height whatever the width: a narrower chart is not a shorter one.
        int height = 130 + ROW_HEIGHT * rows.size();
        return new Chart(() -> draw(rows, spec, measure, level, footer), 960, width -> height);
    }

    private static JFreeChart draw(List<Row> rows, ChartSpec spec, Optional<ProportionMeasure> measure, int level,
            String footer) {
        Language language = spec.language();
        int n = rows.size();
        String[] labels = new String[n];
        String[] texts = new String[n];
        XYIntervalSeries studies = new XYIntervalSeries(language.label("forest.study"), false, true);
        List<Double> weights = new ArrayList<>();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            Row row = rows.get(i);
            int y = n - 1 - i;
            labels[y] = row.label();
            texts[y] = row.text();
            if (row.kind() == Row.Kind.STUDY) {
                studies.add(row.estimate(), row.lower(), row.upper(), y, y, y);
                weights.add(row.weight());
            }
            if (row.kind() != Row.Kind.HEADING) {
                min = Math.min(min, Math.min(row.lower(), nanTo(row.predictionLower(), row.lower())));
                max = Math.max(max, Math.max(row.upper(), nanTo(row.predictionUpper(), row.upper())));
            }
        }
        double maxWeight = weights.stream().mapToDouble(Double::doubleValue).max().orElse(1);
        XYIntervalSeriesCollection dataset = new XYIntervalSeriesCollection();
        dataset.addSeries(studies);

        XYErrorRenderer renderer = new XYErrorRenderer() {
            private static final long serialVersionUID = 1L;

            @Override
            public Shape getItemShape(int series, int item) {
                double side = Math.max(MIN_SQUARE, MAX_SQUARE * Math.sqrt(weights.get(item) / maxWeight));
                return new Rectangle2D.Double(-side / 2, -side / 2, side, side);
            }
        };
        renderer.setDrawYError(false);
        renderer.setDefaultLinesVisible(false);
        renderer.setErrorPaint(Color.DARK_GRAY);
        renderer.setCapLength(5);

        NumberAxis xAxis;
        if (measure.isPresent()) {
            double[] range = Style.paddedProportionRange(min, max);
            xAxis = Style.percentAxis(language.label("proportion"), language, range[0], range[1]);
        } else {
            xAxis = Style.numberAxis(language.label("measure.none"), language);
            double pad = 0.05 * Math.max(max - min, 1e-9);
            xAxis.setRange(min - pad, max + pad);
        }
        SymbolAxis left = rowAxis(labels);
        SymbolAxis right = rowAxis(texts);

        XYPlot plot = new XYPlot(dataset, xAxis, left, renderer);
        plot.setRangeAxis(1, right);
        plot.setRangeAxisLocation(1, AxisLocation.BOTTOM_OR_RIGHT);
        plot.mapDatasetToRangeAxes(0, List.of(0, 1));
        plot.setRangeGridlinesVisible(false);
        for (int i = 0; i < n; i++) {
            Row row = rows.get(i);
            int y = n - 1 - i;
            if (row.kind() == Row.Kind.POOLED) {
                if (!Double.isNaN(row.predictionLower())) {
                    plot.addAnnotation(new XYLineAnnotation(row.predictionLower(), y, row.predictionUpper(), y,
                            Style.DASHED, Color.DARK_GRAY));
                }
                plot.addAnnotation(new XYPolygonAnnotation(new double[] {row.lower(), y, row.estimate(),
                    y + DIAMOND_HALF_HEIGHT, row.upper(), y, row.estimate(), y - DIAMOND_HALF_HEIGHT}, Style.THIN,
                        Color.BLACK, Palette.VERMILLION));
            }
        }
        Row last = rows.get(n - 1);
        ValueMarker pooled = new ValueMarker(last.estimate(), Color.GRAY, Style.DOTTED);
        plot.addDomainMarker(pooled);

        JFreeChart chart = Style.chart(spec, language.label("forest.title"), plot, false);
        renderer.setSeriesPaint(0, Palette.BLUE);
        left.setTickLabelFont(Style.font(Font.PLAIN, 11));
        right.setTickLabelFont(Style.font(Font.PLAIN, 11));
        // The right-hand column's heading, above it.
        TextTitle heading = new TextTitle(language.label("forest.estimate", level) + "   " + language.label("weight"),
                Style.font(Font.BOLD, 11));
        heading.setPosition(RectangleEdge.TOP);
        heading.setHorizontalAlignment(org.jfree.chart.ui.HorizontalAlignment.RIGHT);
        chart.addSubtitle(heading);
        TextTitle bottom = new TextTitle(footer, Style.font(Font.PLAIN, 11));
        bottom.setPosition(RectangleEdge.BOTTOM);
        chart.addSubtitle(bottom);
        return chart;
    }

    private static double nanTo(double value, double fallback) {
        return Double.isNaN(value) ? fallback : value;
    }

    /**
     * An axis with one tick, and so one label, per row. Its tick unit is fixed at one row: left to choose, the
     * axis would skip every other label (and more) as soon as rows are closer than a label's height.
     */
    private static SymbolAxis rowAxis(String[] symbols) {
        SymbolAxis axis = new SymbolAxis(null, symbols);
        axis.setAutoTickUnitSelection(false);
        axis.setTickUnit(new NumberTickUnit(1));
        axis.setGridBandsVisible(false);
        axis.setTickMarksVisible(false);
        axis.setAxisLineVisible(false);
        axis.setRange(-0.7, symbols.length - 0.3);
        return axis;
    }
}
