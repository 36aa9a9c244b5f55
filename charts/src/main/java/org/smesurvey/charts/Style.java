package org.smesurvey.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.Paint;
import java.awt.Stroke;
import java.util.Arrays;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.title.TextTitle;

/** The look every chart shares: fonts, colours, strokes, axes. */
final class Style {

    /**
     * DejaVu Sans comes with fontconfig on every Debian machine (fonts-dejavu-core), so charts render the same
     * on a bare server as on a desktop; then Liberation Sans; then Java's logical sans-serif font.
     */
    static final String FONT_FAMILY = firstAvailable("DejaVu Sans", "Liberation Sans");

    static final Color GRID = new Color(0xDDDDDD);
    static final Color LIGHT = new Color(0xEEEEEE);
    static final Stroke THIN = new BasicStroke(1f);
    static final Stroke THICK = new BasicStroke(1.6f);
    static final Stroke DASHED = new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {5f, 3f}, 0f);
    static final Stroke DOTTED = new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {1.5f, 2.5f}, 0f);

    private Style() {
    }

    private static String firstAvailable(String... families) {
        List<String> installed = Arrays.asList(GraphicsEnvironment.getLocalGraphicsEnvironment()
                .getAvailableFontFamilyNames(java.util.Locale.ROOT));
        for (String family : families) {
            if (installed.contains(family)) {
                return family;
            }
        }
        return Font.SANS_SERIF;
    }

    static Font font(int style, float size) {
        return new Font(FONT_FAMILY, style, Math.round(size));
    }

    private static StandardChartTheme theme() {
        StandardChartTheme theme = new StandardChartTheme("smesurvey");
        theme.setExtraLargeFont(font(Font.BOLD, 16));
        theme.setLargeFont(font(Font.PLAIN, 13));
        theme.setRegularFont(font(Font.PLAIN, 12));
        theme.setSmallFont(font(Font.PLAIN, 11));
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setDomainGridlinePaint(GRID);
        theme.setRangeGridlinePaint(GRID);
        theme.setAxisLabelPaint(Color.DARK_GRAY);
        theme.setTickLabelPaint(Color.DARK_GRAY);
        theme.setDrawingSupplier(new DefaultDrawingSupplier(Palette.series().toArray(new Paint[0]),
                DefaultDrawingSupplier.DEFAULT_FILL_PAINT_SEQUENCE, DefaultDrawingSupplier.DEFAULT_OUTLINE_PAINT_SEQUENCE,
                DefaultDrawingSupplier.DEFAULT_STROKE_SEQUENCE, DefaultDrawingSupplier.DEFAULT_OUTLINE_STROKE_SEQUENCE,
                DefaultDrawingSupplier.DEFAULT_SHAPE_SEQUENCE));
        return theme;
    }

    /**
     * A chart of the plot with the spec's title (or its own) and subtitle, in the shared look. The theme resets
     * the renderers' series paints, so charts set theirs after this.
     */
    static JFreeChart chart(ChartSpec spec, String ownTitle, Plot plot, boolean legend) {
        JFreeChart chart = new JFreeChart(spec.titleOr(ownTitle), font(Font.BOLD, 16), plot, legend);
        theme().apply(chart);
        if (!spec.subtitle().isEmpty()) {
            chart.addSubtitle(new TextTitle(spec.subtitle(), font(Font.PLAIN, 12)));
        }
        return chart;
    }

    /** A number axis whose tick labels follow the language ("0,5" in French). */
    static NumberAxis numberAxis(String label, Language language) {
        NumberAxis axis = new NumberAxis(label);
        axis.setStandardTickUnits(NumberAxis.createStandardTickUnits(language.locale()));
        return axis;
    }

    /** An axis of proportions shown as percentages, from {@code lower} to {@code upper}. */
    static NumberAxis percentAxis(String label, Language language, double lower, double upper) {
        NumberAxis axis = new NumberAxis(label);
        axis.setNumberFormatOverride(language.percent(0));
        axis.setRange(lower, upper);
        return axis;
    }

    /** A range padded by 5 % on each side and kept within [0, 1] when the values are. */
    static double[] paddedProportionRange(double min, double max) {
        double pad = Math.max(0.02, 0.05 * (max - min));
        double lower = min >= 0 ? Math.max(0, min - pad) : min - pad;
        double upper = max <= 1 ? Math.min(1, max + pad) : max + pad;
        return new double[] {lower, upper};
    }
}
