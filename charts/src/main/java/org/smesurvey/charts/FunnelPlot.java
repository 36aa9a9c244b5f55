package org.smesurvey.charts;

import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.Objects;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYPolygonAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.smesurvey.stats.meta.EffectSizes;
import org.smesurvey.stats.meta.PooledModel;
import org.smesurvey.stats.meta.TrimAndFill;

/**
 * The funnel plot of a meta-analysis, as metafor's {@code funnel(res)}: each study's effect size against its
 * standard error (0 at the top), on the measure's scale, with the pooled estimate and the 95 % and 99 %
 * pseudo-confidence regions \( \hat μ \pm z\,\mathrm{se} \) around it. Given a trim-and-fill, the filled
 * studies are drawn hollow and the regions centre on the adjusted estimate, as {@code funnel(trimfill(res))}.
 *
 * <p>References: Light, R. J. and Pillemer, D. B. (1984). <i>Summing Up: The Science of Reviewing
 * Research</i>. Harvard University Press. Sterne, J. A. C. and Egger, M. (2001). Funnel plots for detecting
 * bias in meta-analysis. <i>Journal of Clinical Epidemiology</i> 54, 1046–1055.
 * doi:10.1016/S0895-4356(01)00377-8
 *
 * @since 0.1
 */
public final class FunnelPlot {

    private static final double[] LEVELS = {0.95, 0.99};

    private FunnelPlot() {
    }

    /**
     * The funnel plot of a fitted model.
     *
     * @param result the model
     * @param spec title, language
     * @return the chart
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the model has moderators: it has no pooled estimate to centre on
     */
    public static Chart of(PooledModel result, ChartSpec spec) {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(spec, "spec");
        double centre = result.pooled().orElseThrow(() -> new IllegalArgumentException("A funnel plot is drawn around"
                + " a pooled estimate: this model has moderators (plot its residuals instead)")).confidence().estimate();
        return new Chart(() -> draw(result.studies(), result.studies().size(), centre, spec), 800, 600);
    }

    /**
     * The funnel plot of a trim-and-fill: the studies, the filled ones hollow, around the adjusted estimate.
     *
     * @param fill the trim-and-fill of a model
     * @param spec title, language
     * @return the chart
     * @throws NullPointerException if an argument is null
     */
    public static Chart of(TrimAndFill fill, ChartSpec spec) {
        Objects.requireNonNull(fill, "fill");
        Objects.requireNonNull(spec, "spec");
        int observed = fill.filled().size() - fill.missing();
        return new Chart(() -> draw(fill.filled(), observed, fill.adjusted().estimate(), spec), 800, 600);
    }

    /**
     * The contour-enhanced funnel plot (Peters et al. 2008), as metafor's {@code funnel(res, level = c(90, 95, 99),
     * refline = reference)}: the studies over the regions where a study's own test against the reference value is
     * significant at 10 %, 5 % and 1 % (two-sided), so that one sees whether the missing studies would be the
     * non-significant ones, as publication bias would have it.
     *
     * <p>Reference: Peters, J. L. et al. (2008). Contour-enhanced meta-analysis funnel plots help distinguish
     * publication bias from other causes of asymmetry. <i>Journal of Clinical Epidemiology</i> 61, 991–996.
     *
     * @param result the model
     * @param reference the value tested against, such as 0 (or the logit of a known rate)
     * @param spec title, language
     * @return the chart
     * @throws NullPointerException if an argument is null
     */
    public static Chart contourEnhanced(PooledModel result, double reference, ChartSpec spec) {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(spec, "spec");
        return new Chart(() -> contours(result.studies(), reference, spec), 800, 600);
    }

    /** The p-value bands of the contour-enhanced plot: 0.10 to 0.05, 0.05 to 0.01, under 0.01. */
    private static final double[] CONTOURS = {0.90, 0.95, 0.99};

    private static JFreeChart contours(EffectSizes studies, double reference, ChartSpec spec) {
        Language language = spec.language();
        XYSeries points = new XYSeries(language.label("funnel.studies"), false, true);
        double maxSe = 0;
        double minY = reference;
        double maxY = reference;
        for (int i = 0; i < studies.size(); i++) {
            double se = Math.sqrt(studies.vi(i));
            points.add(studies.yi(i), se);
            maxSe = Math.max(maxSe, se);
            minY = Math.min(minY, studies.yi(i));
            maxY = Math.max(maxY, studies.yi(i));
        }
        double bottom = maxSe * 1.05;
        double widest = z(CONTOURS[CONTOURS.length - 1]) * bottom * 1.1;
        double left = Math.min(minY, reference - widest);
        double right = Math.max(maxY, reference + widest);
        double pad = 0.04 * (right - left);
        left -= pad;
        right += pad;
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        Shape circle = new Ellipse2D.Double(-4, -4, 8, 8);
        renderer.setSeriesShape(0, circle);
        String measure = studies.measure().map(m -> language.label("measure." + m.name()))
                .orElse(language.label("measure.none"));
        NumberAxis x = Style.numberAxis(measure, language);
        x.setRange(left, right);
        NumberAxis y = Style.numberAxis(language.label("funnel.se"), language);
        y.setInverted(true);
        y.setRange(0, bottom);
        XYPlot plot = new XYPlot(new XYSeriesCollection(points), x, y, renderer);
        // Light to dark: 0.10 > p > 0.05, 0.05 > p > 0.01, p < 0.01; each band drawn on both sides of the reference.
        Color[] shades = {new Color(0xE0E0E0), new Color(0xB8B8B8), new Color(0x8C8C8C)};
        LegendItemCollection legend = new LegendItemCollection();
        for (int band = 0; band < CONTOURS.length; band++) {
            double inner = z(CONTOURS[band]);
            for (int sign : new int[] {-1, 1}) {
                double[] polygon;
                if (band < CONTOURS.length - 1) {
                    double outer = z(CONTOURS[band + 1]);
                    polygon = new double[] {reference, 0, reference + sign * outer * bottom, bottom,
                        reference + sign * inner * bottom, bottom};
                } else {
                    double edge = sign < 0 ? left : right;
                    polygon = new double[] {reference, 0, edge, 0, edge, bottom, reference + sign * inner * bottom,
                        bottom};
                }
                renderer.addAnnotation(new XYPolygonAnnotation(polygon, null, null, shades[band]), Layer.BACKGROUND);
            }
            String p = band < CONTOURS.length - 1
                    ? String.format(language.locale(), "%.2f > p > %.2f", 1 - CONTOURS[band], 1 - CONTOURS[band + 1])
                    : String.format(language.locale(), "p < %.2f", 1 - CONTOURS[band]);
            legend.add(new LegendItem(p, null, null, null, new Rectangle2D.Double(-5, -5, 10, 10), shades[band]));
        }
        legend.add(new LegendItem(points.getKey().toString(), null, null, null, circle, Color.BLACK));
        plot.setFixedLegendItems(legend);
        plot.addDomainMarker(new ValueMarker(reference, Color.DARK_GRAY, Style.THIN));
        JFreeChart chart = Style.chart(spec, language.label("funnel.contours"), plot, true);
        renderer.setSeriesPaint(0, Color.BLACK); // after the theme, which would colour the points
        return chart;
    }

    private static JFreeChart draw(EffectSizes studies, int observed, double centre, ChartSpec spec) {
        Language language = spec.language();
        XYSeries real = new XYSeries(language.label("funnel.studies"), false, true);
        XYSeries filled = new XYSeries(language.label("funnel.filled", studies.size() - observed), false, true);
        double maxSe = 0;
        double minY = centre;
        double maxY = centre;
        for (int i = 0; i < studies.size(); i++) {
            double se = Math.sqrt(studies.vi(i));
            (i < observed ? real : filled).add(studies.yi(i), se);
            maxSe = Math.max(maxSe, se);
            minY = Math.min(minY, studies.yi(i));
            maxY = Math.max(maxY, studies.yi(i));
        }
        double bottom = maxSe * 1.05;
        double widest = z(LEVELS[LEVELS.length - 1]) * bottom;
        minY = Math.min(minY, centre - widest);
        maxY = Math.max(maxY, centre + widest);

        XYSeriesCollection dataset = new XYSeriesCollection(real);
        dataset.addSeries(filled);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        Shape circle = new Ellipse2D.Double(-4, -4, 8, 8);
        renderer.setSeriesShape(0, circle);
        renderer.setSeriesShape(1, circle);
        renderer.setSeriesShapesFilled(1, false);

        String measure = studies.measure().map(m -> language.label("measure." + m.name()))
                .orElse(language.label("measure.none"));
        NumberAxis x = Style.numberAxis(measure, language);
        double pad = 0.04 * (maxY - minY);
        x.setRange(minY - pad, maxY + pad);
        NumberAxis y = Style.numberAxis(language.label("funnel.se"), language);
        y.setInverted(true);
        y.setRange(0, bottom);
        XYPlot plot = new XYPlot(dataset, x, y, renderer);

        LegendItemCollection legend = new LegendItemCollection();
        legend.add(new LegendItem(real.getKey().toString(), null, null, null, circle, Palette.BLUE));
        if (filled.getItemCount() > 0) {
            legend.add(new LegendItem(filled.getKey().toString(), null, null, null, true, circle, false, Color.WHITE,
                    true, Palette.VERMILLION, Style.THIN, false, new Rectangle2D.Double(), Style.THIN, Color.WHITE));
        }
        Color[] shades = {new Color(0xD9D9D9), new Color(0xF0F0F0)};
        for (int i = LEVELS.length - 1; i >= 0; i--) {
            double half = z(LEVELS[i]) * bottom;
            renderer.addAnnotation(new XYPolygonAnnotation(new double[] {centre - half, bottom, centre, 0, centre + half,
                bottom}, Style.DOTTED, Color.GRAY, shades[i]), Layer.BACKGROUND);
        }
        for (int i = 0; i < LEVELS.length; i++) {
            legend.add(new LegendItem(language.label("funnel.region", Math.round(100 * LEVELS[i])), null, null, null,
                    new Rectangle2D.Double(-5, -5, 10, 10), shades[i]));
        }
        plot.setFixedLegendItems(legend);
        plot.addDomainMarker(new ValueMarker(centre, Color.DARK_GRAY, Style.THIN));
        JFreeChart chart = Style.chart(spec, language.label("funnel.title"), plot, true);
        renderer.setSeriesPaint(0, Palette.BLUE);
        renderer.setSeriesPaint(1, Palette.VERMILLION);
        renderer.setSeriesOutlineStroke(1, Style.THICK);
        return chart;
    }

    /** The two-sided normal quantile of a pseudo-confidence region. */
    private static double z(double level) {
        return new NormalDistribution().inverseCumulativeProbability(0.5 + level / 2);
    }
}
