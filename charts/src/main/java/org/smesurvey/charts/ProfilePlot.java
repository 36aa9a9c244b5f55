package org.smesurvey.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.smesurvey.stats.meta.LikelihoodProfile;

/**
 * The profile plot of a variance component of a multilevel model, as metafor's
 * {@code plot(profile(res, sigma2 = j), cline = TRUE)} draws it: the profiled (restricted) log-likelihood against
 * the component's value, the fit's estimate and maximum put in among the points, a dotted line at each, and a
 * dashed line at the threshold \( \hat\ell - χ^2_{1}/2 \) where the profile crosses the bounds of the
 * profile-likelihood interval. A peak shows a component the data identify; a flat profile one they barely do.
 *
 * <p>Reference: Viechtbauer, W. (2010). Conducting meta-analyses in R with the metafor package. <i>Journal of
 * Statistical Software</i> 36(3), 1–48. doi:10.18637/jss.v036.i03
 *
 * @since 0.2
 */
public final class ProfilePlot {

    /** The threshold's line: dashed, and wide enough to stand out from the dotted reference lines. */
    private static final BasicStroke THRESHOLD = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
            10f, new float[] {6f, 4f}, 0f);

    private ProfilePlot() {
    }

    /**
     * The profile plot of one component.
     *
     * @param profile the profile, {@code MultilevelResult.profile(j)}
     * @param spec title, language
     * @return the chart
     * @throws NullPointerException if an argument is null
     */
    public static Chart of(LikelihoodProfile profile, ChartSpec spec) {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(spec, "spec");
        return new Chart(() -> draw(profile, spec), 800, 600);
    }

    private static JFreeChart draw(LikelihoodProfile profile, ChartSpec spec) {
        Language language = spec.language();
        List<LikelihoodProfile.Point> points = new ArrayList<>(profile.points());
        double first = points.stream().mapToDouble(LikelihoodProfile.Point::value).min().orElseThrow();
        double last = points.stream().mapToDouble(LikelihoodProfile.Point::value).max().orElseThrow();
        // As plot.profile.rma: the estimate and the maximum join the curve when the grid spans the estimate.
        if (first <= profile.estimate() && profile.estimate() <= last) {
            points.add(new LikelihoodProfile.Point(profile.estimate(), profile.maximum()));
        }
        XYSeries curve = new XYSeries(language.label("profile.curve"), true, false);
        for (LikelihoodProfile.Point p : points) {
            curve.addOrUpdate(p.value(), p.logLikelihood());
        }
        NumberAxis x = Style.numberAxis(language.label("profile.x", profile.name()), language);
        NumberAxis y = Style.numberAxis(language.label(profile.restricted() ? "profile.y.reml" : "profile.y.ml"),
                language);
        x.setAutoRangeIncludesZero(false);
        y.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, true);
        XYPlot plot = new XYPlot(new XYSeriesCollection(curve), x, y, lines);
        plot.addDomainMarker(new ValueMarker(profile.estimate(), Color.DARK_GRAY, Style.DOTTED));
        plot.addRangeMarker(new ValueMarker(profile.maximum(), Color.DARK_GRAY, Style.DOTTED));
        plot.addRangeMarker(new ValueMarker(profile.threshold(), Palette.VERMILLION, THRESHOLD));
        // The threshold stays in view even when the grid does not reach it.
        double low = Math.min(profile.threshold(), points.stream().mapToDouble(LikelihoodProfile.Point::logLikelihood)
                .min().orElseThrow());
        double pad = 0.05 * (profile.maximum() - low) + 0.1;
        y.setRange(low - pad, profile.maximum() + pad);
        JFreeChart chart = Style.chart(spec, language.label("profile.title", profile.name()), plot, false);
        lines.setSeriesShape(0, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
        lines.setSeriesPaint(0, Palette.BLUE);
        lines.setSeriesStroke(0, Style.THICK);
        return chart;
    }
}
