package org.smesurvey.charts;

import java.awt.Dimension;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/**
 * A chart ready to be written: PNG or SVG, to a stream or a file. Immutable: each write draws a fresh
 * JFreeChart, and {@link #toJFreeChart()} hands out a fresh one to change at will.
 *
 * <pre>{@code
 * Chart forest = ForestPlot.of(result, ChartSpec.defaults());
 * forest.save(Path.of("forest.svg"));                         // its preferred size
 * forest.write(out, ChartFormat.PNG, 1200, 800);
 * }</pre>
 *
 * @since 0.1
 */
public final class Chart {

    /** Larger images are refused rather than risk running out of memory: 100 megapixels. */
    private static final long MAX_PIXELS = 100_000_000L;

    private final Supplier<JFreeChart> factory;
    private final Dimension preferredSize;
    private final IntUnaryOperator heightForWidth;

    /** A chart whose height at another width keeps the preferred proportions. */
    Chart(Supplier<JFreeChart> factory, int preferredWidth, int preferredHeight) {
        this(factory, preferredWidth, width -> (int) Math.round((double) preferredHeight * width / preferredWidth));
    }

    /** A chart whose content needs its own height at each width: rows of text keep their height when narrower. */
    Chart(Supplier<JFreeChart> factory, int preferredWidth, IntUnaryOperator heightForWidth) {
        this.factory = factory;
        this.heightForWidth = heightForWidth;
        this.preferredSize = new Dimension(preferredWidth, heightForWidth.applyAsInt(preferredWidth));
    }

    /**
     * A new JFreeChart of this chart, to inspect or restyle before drawing it yourself.
     *
     * @return the chart
     */
    public JFreeChart toJFreeChart() {
        return factory.get();
    }

    /**
     * The size that fits the chart's content, in pixels (a forest plot grows with its studies).
     *
     * @return width and height
     */
    public Dimension preferredSize() {
        return new Dimension(preferredSize);
    }

    /**
     * The size that fits the chart's content at a given width: the height its rows and labels need there (a
     * forest plot's rows, a waterfall's parts keep their height when the chart is narrower), else the preferred
     * size's proportions. Drawn smaller than this, a chart may have to crowd or drop its labels.
     *
     * @param width the width in pixels, positive
     * @return that width and the height it needs
     * @throws IllegalArgumentException if the width is not positive
     */
    public Dimension preferredSize(int width) {
        if (width <= 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "Chart width is not positive: %d", width));
        }
        return new Dimension(width, Math.max(1, heightForWidth.applyAsInt(width)));
    }

    /**
     * The chart drawn in memory, for a Swing component or a notebook's {@code display(...)}.
     *
     * @param width the width in pixels, positive
     * @param height the height in pixels, positive
     * @return the image
     * @throws IllegalArgumentException if a size is not positive or the image would exceed 100 megapixels
     */
    public BufferedImage toImage(int width, int height) {
        requireSize(width, height);
        return factory.get().createBufferedImage(width, height);
    }

    /**
     * Writes the chart to a stream, which stays open.
     *
     * @param out where to write
     * @param format PNG or SVG
     * @param width the width in pixels, positive
     * @param height the height in pixels, positive
     * @throws IOException if the stream fails
     * @throws IllegalArgumentException if a size is not positive or the image would exceed 100 megapixels
     */
    public void write(OutputStream out, ChartFormat format, int width, int height) throws IOException {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(format, "format");
        requireSize(width, height);
        JFreeChart chart = factory.get();
        if (format == ChartFormat.PNG) {
            ChartUtils.writeChartAsPNG(out, chart, width, height);
        } else {
            SVGGraphics2D g2 = new SVGGraphics2D(width, height);
            // Coordinates to a tenth of a pixel, transforms to 1e-4: the drawing is the same, the file much smaller.
            g2.setGeomDoubleConverter(d -> rounded(d, 1));
            g2.setTransformDoubleConverter(d -> rounded(d, 4));
            String key = "c" + Long.toString(System.nanoTime() & 0xffffffffL, 36);
            g2.setDefsKeyPrefix(key);
            chart.draw(g2, new Rectangle(width, height));
            out.write(sharedStyles(g2.getSVGDocument(), key).getBytes(StandardCharsets.UTF_8));
        }
        out.flush();
    }

    /** A number with at most {@code digits} decimals, without trailing zeros: {@code 12.5}, {@code 3}. */
    static String rounded(double value, int digits) {
        return java.math.BigDecimal.valueOf(value).setScale(digits, java.math.RoundingMode.HALF_EVEN)
                .stripTrailingZeros().toPlainString();
    }

    /**
     * Each distinct inline {@code style} of the document once, as a class of a {@code <style>} element at its
     * start, the elements pointing to their class: JFreeSVG repeats the same style on every element. The class
     * names start with the document's own key, so that several SVG documents inlined in one page do not clash.
     */
    static String sharedStyles(String svg, String key) {
        java.util.Map<String, String> classes = new java.util.LinkedHashMap<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("style='([^']*)'").matcher(svg);
        StringBuilder body = new StringBuilder();
        while (m.find()) {
            String name = classes.computeIfAbsent(m.group(1), style -> key + "s" + classes.size());
            m.appendReplacement(body, "class='" + name + "'");
        }
        m.appendTail(body);
        StringBuilder css = new StringBuilder("<style>");
        classes.forEach((style, name) -> css.append('.').append(name).append('{').append(style).append('}'));
        css.append("</style>");
        int open = body.indexOf(">", body.indexOf("<svg")) + 1;
        return body.insert(open, css).toString();
    }

    private static void requireSize(int width, int height) {
        if (width <= 0 || height <= 0 || (long) width * height > MAX_PIXELS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "Chart size is not positive and at most 100 megapixels: %d x %d", width, height));
        }
    }

    /**
     * Writes the chart to a file, replacing it.
     *
     * @param file the file
     * @param format PNG or SVG
     * @param width the width in pixels, positive
     * @param height the height in pixels, positive
     * @throws IOException if the file cannot be written
     * @throws IllegalArgumentException if a size is not positive or the image would exceed 100 megapixels
     */
    public void save(Path file, ChartFormat format, int width, int height) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(out, format, width, height);
        }
    }

    /**
     * Writes the chart to a file at its preferred size, in the format its extension names.
     *
     * @param file a file ending in .png or .svg
     * @throws IOException if the file cannot be written
     * @throws IllegalArgumentException if the name does not end in .png or .svg
     */
    public void save(Path file) throws IOException {
        save(file, ChartFormat.of(file), preferredSize.width, preferredSize.height);
    }
}
