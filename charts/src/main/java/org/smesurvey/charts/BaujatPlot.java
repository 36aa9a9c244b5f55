package org.smesurvey.charts;

import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.util.List;
import java.util.Objects;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.smesurvey.stats.meta.Influence;

/**
 * Baujat's plot, as metafor's {@code baujat(res)} draws it: each study at its contribution to the (residual)
 * heterogeneity (x) and its influence on the pooled or fitted value (y), named; the studies up and to the right
 * are those that both disagree and move the result.
 *
 * <p>Reference: Baujat, B. et al. (2002). A graphical method for exploring heterogeneity in meta-analyses:
 * application to a meta-analysis of 65 trials. <i>Statistics in Medicine</i> 21, 2641–2652.
 *
 * @since 0.1
 */
public final class BaujatPlot {

    private BaujatPlot() {
    }

    /**
     * The Baujat plot of a model's case-deletion diagnostics.
     *
     * @param influence the diagnostics, {@link Influence#of}
     * @param spec title, language
     * @return the chart
     */
    public static Chart of(Influence influence, ChartSpec spec) {
        Objects.requireNonNull(influence, "influence");
        Objects.requireNonNull(spec, "spec");
        return new Chart(() -> draw(influence, spec), 800, 600);
    }

    private static JFreeChart draw(Influence influence, ChartSpec spec) {
        Language language = spec.language();
        List<Influence.Study> studies = influence.studies();
        XYSeries points = new XYSeries(language.label("baujat.studies"), false);
        for (Influence.Study s : studies) {
            points.add(s.heterogeneity(), s.influenceOnFit());
        }
        NumberAxis x = Style.numberAxis(language.label("baujat.x"), language);
        NumberAxis y = Style.numberAxis(language.label("baujat.y"), language);
        x.setAutoRangeIncludesZero(true);
        y.setAutoRangeIncludesZero(true);
        // Room on the right and at the top for the labels of the outermost studies.
        x.setUpperMargin(0.15);
        y.setUpperMargin(0.08);
        XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
        dots.setSeriesShape(0, new Ellipse2D.Double(-4, -4, 8, 8));
        dots.setSeriesPaint(0, Palette.BLUE);
        for (Influence.Study s : studies) {
            XYTextAnnotation label = new XYTextAnnotation(s.label(), s.heterogeneity(), s.influenceOnFit());
            label.setFont(Style.font(Font.PLAIN, 11));
            label.setTextAnchor(TextAnchor.BOTTOM_LEFT);
            dots.addAnnotation(label);
        }
        XYPlot plot = new XYPlot(new XYSeriesCollection(points), x, y, dots);
        return Style.chart(spec, language.label("baujat.title"), plot, false);
    }
}
