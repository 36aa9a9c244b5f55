package org.smesurvey.charts;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.font.FontRenderContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotOrientation;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.jfree.chart.renderer.category.StatisticalLineAndShapeRenderer;
import org.jfree.chart.renderer.category.WaterfallBarRenderer;
import org.jfree.chart.text.TextBlock;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.smesurvey.stats.adoption.GapDecomposition;

/**
 * One gap, part by part: from the second figure's share, each part in percentage points (up in one colour, down in
 * another), to the first figure's share; the parts are the adoption model's {@link GapDecomposition} — time, size,
 * indicator, private survey (who answered, sampling and scope merged), country, the two studies' own effects, the
 * figures' own effects within their studies, sampling error. Each part carries its 95 % interval, drawn at the bar's
 * end (where the walk would stand with that part at either bound), in points on the scale the parts are shared on
 * ({@link GapDecomposition#pointsStandardError}); under its name, each part's label gives its lowest and highest
 * value in points with one other study left out of the fit ({@link GapDecomposition.Part#lowestPoints()}), so a part
 * whose range crosses zero reads as what it is. The walk runs down the page, a row per part with its name on the
 * left wrapped at spaces: at any width, no two labels meet and no word is split.
 *
 * @since 0.1
 */
public final class GapWaterfall {

    /** The width of the column of labels, in pixels: the longest word of either language fits in it. */
    static final int LABEL_WIDTH = 190;
    private static final Font TITLE_FONT = Style.font(Font.BOLD, 16);
    private static final Font SUBTITLE_FONT = Style.font(Font.PLAIN, 12);
    /** The labels' font, the one the chart theme gives tick labels. */
    static final Font LABEL_FONT = Style.font(Font.PLAIN, 12);
    /**
     * The height around the rows besides the titles' lines: the axis of points and its label, the insets
     * (measured: 80 pixels, and 5 to spare).
     */
    private static final int CHROME = 85;
    /** Text measured as JFreeSVG and Java2D draw it: antialiased, fractional metrics. */
    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);
    /** The share of the plot's height the rows take: the rest are the margins above the first and below the last. */
    private static final double PLOT_SHARE = 0.96;

    private GapWaterfall() {
    }

    /** The height a row needs for a label of this many lines, and a gap to the next. */
    static double rowHeight(int lines) {
        return lines * lineHeight(LABEL_FONT) + 8;
    }

    /** The height of the title and subtitles at a width: each wraps to as many lines as it needs there. */
    private static double titlesHeight(List<String> texts, List<Font> fonts, int width) {
        double height = 0;
        for (int i = 0; i < texts.size(); i++) {
            if (!texts.get(i).isEmpty()) {
                double lines = Math.ceil(fonts.get(i).getStringBounds(texts.get(i), FRC).getWidth()
                        / Math.max(1, width - 20));
                height += Math.max(1, lines) * lineHeight(fonts.get(i));
            }
        }
        return height;
    }

    private static double lineHeight(Font font) {
        return font.getLineMetrics("Ag", FRC).getHeight();
    }

    /**
     * The waterfall of a gap.
     *
     * @param gap the decomposition
     * @param secondLabel the name of the figure the gap starts from
     * @param firstLabel the name of the figure it ends at
     * @param spec title, language
     * @return the chart
     */
    public static Chart of(GapDecomposition gap, String secondLabel, String firstLabel, ChartSpec spec) {
        Objects.requireNonNull(gap, "gap");
        Objects.requireNonNull(secondLabel, "secondLabel");
        Objects.requireNonNull(firstLabel, "firstLabel");
        Objects.requireNonNull(spec, "spec");
        Language language = spec.language();
        List<String> categories = new ArrayList<>();
        categories.add(secondLabel);
        gap.parts().forEach(p -> categories.add(label(p, language)));
        categories.add(firstLabel);
        Map<String, List<String>> lines = new LinkedHashMap<>();
        categories.forEach(c -> lines.put(c, wrap(c, LABEL_FONT, LABEL_WIDTH)));
        int mostLines = lines.values().stream().mapToInt(List::size).max().orElse(1);
        // Each part on its own row, as high as the tallest label needs, whatever the chart's width; above them
        // the titles, on as many lines as the width needs.
        double rows = categories.size() * rowHeight(mostLines) / PLOT_SHARE;
        List<String> titles = List.of(spec.titleOr(language.label("waterfall.title")), spec.subtitle(),
                language.label("waterfall.intervals"));
        List<Font> fonts = List.of(TITLE_FONT, SUBTITLE_FONT, SUBTITLE_FONT);
        return new Chart(() -> draw(gap, secondLabel, firstLabel, spec, lines), 960,
                width -> CHROME + (int) Math.ceil(titlesHeight(titles, fonts, width) + rows));
    }

    /**
     * A label's lines: its own line breaks kept, each line wrapped at spaces to at most {@code width} pixels.
     * A word is never split: one wider than the column stands on its own line.
     */
    static List<String> wrap(String text, Font font, double width) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.trim().split(" +")) {
                String candidate = line.length() == 0 ? word : line + " " + word;
                if (line.length() > 0 && font.getStringBounds(candidate, FRC).getWidth() > width) {
                    lines.add(line.toString());
                    line.setLength(0);
                    line.append(word);
                } else {
                    line.setLength(0);
                    line.append(candidate);
                }
            }
            lines.add(line.toString());
        }
        return List.copyOf(lines);
    }

    /** A category axis whose labels are the lines given, never broken further (JFreeChart would break words). */
    private static final class WrappedAxis extends CategoryAxis {
        private static final long serialVersionUID = 1L;
        private final Map<String, List<String>> lines;

        WrappedAxis(Map<String, List<String>> lines) {
            this.lines = Map.copyOf(lines);
        }

        @Override
        @SuppressWarnings("rawtypes") // JFreeChart's signature
        protected TextBlock createLabel(Comparable category, float width, RectangleEdge edge, Graphics2D g2) {
            TextBlock block = new TextBlock();
            for (String line : lines.getOrDefault(category.toString(), List.of(category.toString()))) {
                block.addLine(line, getTickLabelFont(category), getTickLabelPaint(category));
            }
            block.setLineAlignment(HorizontalAlignment.RIGHT);
            return block;
        }
    }

    private static JFreeChart draw(GapDecomposition gap, String secondLabel, String firstLabel, ChartSpec spec,
            Map<String, List<String>> lines) {
        Language language = spec.language();
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        String row = language.label("waterfall.points");
        // WaterfallBarRenderer starts at the first value and ends with the running total: the second figure's
        // share, each part, then the first figure's share, which the parts reach exactly.
        data.addValue(gap.secondPoints(), row, secondLabel);
        for (GapDecomposition.Part p : gap.parts()) {
            data.addValue(p.points(), row, label(p, language));
        }
        data.addValue(gap.firstPoints(), row, firstLabel);
        // The intervals: a second dataset on the same categories, error bars only (no line, no marker).
        double z = new NormalDistribution().inverseCumulativeProbability(0.975);
        DefaultStatisticalCategoryDataset intervals = new DefaultStatisticalCategoryDataset();
        String interval = language.label("waterfall.interval");
        intervals.add(null, null, interval, secondLabel);
        double walk = gap.secondPoints();
        for (GapDecomposition.Part p : gap.parts()) {
            walk += p.points();
            intervals.add(walk, z * gap.pointsStandardError(p), interval, label(p, language));
        }
        intervals.add(null, null, interval, firstLabel);
        // The parts down the left, one per row, their names wrapped at spaces: labels side by side under
        // vertical bars ran into each other and broke words at a narrow width.
        CategoryAxis parts = new WrappedAxis(lines);
        parts.setLowerMargin((1 - PLOT_SHARE) / 2);
        parts.setUpperMargin((1 - PLOT_SHARE) / 2);
        NumberAxis points = new NumberAxis(language.label("waterfall.axis"));
        points.setRange(0, 100);
        WaterfallBarRenderer renderer = new WaterfallBarRenderer(Palette.BLUE, Palette.BLUISH_GREEN, Palette.VERMILLION,
                Palette.BLUE);
        CategoryPlot plot = new CategoryPlot(data, parts, points, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT); // the points under the walk, as on a page
        StatisticalLineAndShapeRenderer bars = new StatisticalLineAndShapeRenderer(false, false);
        bars.setErrorIndicatorPaint(Palette.BLACK);
        plot.setDataset(1, intervals);
        plot.setRenderer(1, bars);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD); // the intervals over the bars
        JFreeChart chart = Style.chart(spec, language.label("waterfall.title"), plot, false);
        parts.setTickLabelFont(LABEL_FONT); // the font the labels were wrapped in
        chart.addSubtitle(new TextTitle(language.label("waterfall.intervals"), SUBTITLE_FONT));
        return chart;
    }

    /** A part's category: its name in words, and on a second line its range with one study left out, in whole points. */
    static String label(GapDecomposition.Part part, Language language) {
        return language.label("waterfall." + part.dimension()) + "\n"
                + language.label("waterfall.range", Math.round(part.lowestPoints()), Math.round(part.highestPoints()));
    }
}
