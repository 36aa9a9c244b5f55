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
