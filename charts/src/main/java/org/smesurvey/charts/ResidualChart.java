package org.smesurvey.charts;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.util.List;
import java.util.Objects;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.smesurvey.stats.adoption.AdoptionData;
import org.smesurvey.stats.adoption.AdoptionModel;

/**
 * Which figures the adoption model fits badly: each figure's standardised residual (metafor's {@code rstandard}),
 * figures in catalogue order (so a study's figures stand together), the ±2 band marked, and the figures beyond ±3
 * named.
 *
 * @since 0.1
 */
public final class ResidualChart {

    private static final double BAND = 2;
    private static final double NAMED = 3;

    private ResidualChart() {
    }

    /**
     * The residual chart of a fit.
     *
     * @param fit the adoption model
     * @param spec title, language
     * @return the chart
     */
    public static Chart of(AdoptionModel.Fit fit, ChartSpec spec) {
        Objects.requireNonNull(fit, "fit");
        Objects.requireNonNull(spec, "spec");
        return new Chart(() -> draw(fit, spec), 960, 520);
    }

    private static JFreeChart draw(AdoptionModel.Fit fit, ChartSpec spec) {
        Language language = spec.language();
        double[] z = fit.standardisedResiduals();
        List<AdoptionData.Entry> entries = fit.data().entries();
        XYSeries within = new XYSeries(language.label("residuals.within"), false);
        XYSeries beyond = new XYSeries(language.label("residuals.beyond"), false);
        for (int i = 0; i < z.length; i++) {
            if (!Double.isNaN(z[i])) { // a figure that alone fixes a coefficient has no residual variance
                (Math.abs(z[i]) > BAND ? beyond : within).add(i + 1, z[i]);
            }
        }
        XYSeriesCollection data = new XYSeriesCollection(within);
        data.addSeries(beyond);
        NumberAxis figures = new NumberAxis(language.label("residuals.x"));
        figures.setRange(0, z.length + 1);
        double extent = 1.2 + java.util.Arrays.stream(z).filter(v -> !Double.isNaN(v)).map(Math::abs).max().orElse(3);
        NumberAxis residuals = Style.numberAxis(language.label("residuals.y"), language);
        residuals.setRange(-Math.max(extent, 3.5), Math.max(extent, 3.5));
        XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
        XYPlot plot = new XYPlot(data, figures, residuals, dots);
        for (double at : new double[] {-BAND, 0, BAND}) {
            ValueMarker marker = new ValueMarker(at, at == 0 ? Color.GRAY : Palette.VERMILLION,
                    at == 0 ? Style.THIN : Style.DASHED);
            plot.addRangeMarker(marker);
        }
        for (int i = 0; i < z.length; i++) {
            if (Math.abs(z[i]) > NAMED) {
                XYTextAnnotation label = new XYTextAnnotation(entries.get(i).figure().label(), i + 1,
                        z[i] + Math.signum(z[i]) * 0.3);
                label.setFont(Style.font(Font.PLAIN, 11));
                label.setTextAnchor(z[i] > 0 ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER);
                dots.addAnnotation(label);
            }
        }
        JFreeChart chart = Style.chart(spec, language.label("residuals.title"), plot, true);
        Ellipse2D circle = new Ellipse2D.Double(-3.5, -3.5, 7, 7);
        dots.setSeriesShape(0, circle);
        dots.setSeriesShape(1, circle);
        dots.setSeriesPaint(0, Palette.BLUE);
        dots.setSeriesPaint(1, Palette.VERMILLION);
        return chart;
    }
}
