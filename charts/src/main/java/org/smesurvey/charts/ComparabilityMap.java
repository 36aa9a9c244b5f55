package org.smesurvey.charts;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYDataset;
import org.jfree.svg.SVGHints;
import org.smesurvey.core.Observation;
import org.smesurvey.core.Study;
import org.smesurvey.core.StudyCatalogue;
import org.smesurvey.stats.comparability.Assessment;
import org.smesurvey.stats.comparability.ComparabilityCheck;
import org.smesurvey.stats.comparability.ComparabilityReport;
import org.smesurvey.stats.comparability.Verdict;

/**
 * Which figures, or studies, can be compared: a figure × figure (or study × study) map coloured by the overall
 * verdict of each pair
 * (comparable, comparable after an adjustment, unknown, not comparable). In SVG each cell carries the
 * reasons as a {@code <title>}, which browsers show on hover.
 *
 * @since 0.1
 */
public final class ComparabilityMap {

    private static final Color SELF = new Color(0xBBBBBB);

    private ComparabilityMap() {
    }

    /**
     * The map of the figures under the {@linkplain ComparabilityCheck#withDefaults() default} check.
     *
     * @param figures the figures, at least two
     * @param spec title, language
     * @return the chart
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if there are fewer than two figures
     */
    public static Chart of(List<Observation> figures, ChartSpec spec) {
        return of(figures, ComparabilityCheck.withDefaults(), spec);
    }

    /**
     * The map of the figures under a check.
     *
     * @param figures the figures, at least two
     * @param check which dimensions count, and how
     * @param spec title, language
     * @return the chart
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if there are fewer than two figures
     */
    public static Chart of(List<Observation> figures, ComparabilityCheck check, ChartSpec spec) {
        Objects.requireNonNull(figures, "figures");
        Objects.requireNonNull(check, "check");
        requireTwo(figures.size(), "figures");
        List<Observation> copy = List.copyOf(figures);
        return chart(copy.stream().map(Observation::label).toList(), check.compareAll(copy), spec);
    }

    /**
     * The study × study map of a catalogue under a check: each pair of studies compared on their populations,
     * respondents, years, methods, and the indicators and scopes of the figures they published.
     *
     * @param catalogue the studies and their figures, at least two studies
     * @param check which dimensions count, and how
     * @param spec title, language
     * @return the chart
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if there are fewer than two studies
     */
    public static Chart ofStudies(StudyCatalogue catalogue, ComparabilityCheck check, ChartSpec spec) {
        return ofStudies(catalogue, check, Study::id, spec);
    }

    /**
     * A map of every pair of a catalogue's studies, each study named as the reader should see it.
     *
     * @param catalogue the studies and their figures, at least two studies
     * @param check which dimensions count, and how
     * @param name each study's name on the axes, such as its publisher and year
     * @param spec title, language
     * @return the chart
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if there are fewer than two studies
     */
    public static Chart ofStudies(StudyCatalogue catalogue, ComparabilityCheck check,
            java.util.function.Function<Study, String> name, ChartSpec spec) {
        Objects.requireNonNull(catalogue, "catalogue");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(name, "name");
        List<Study> studies = catalogue.studies();
        int n = requireTwo(studies.size(), "studies");
        ComparabilityReport[][] reports = new ComparabilityReport[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                reports[i][j] = check.compare(studies.get(i), catalogue.observationsOf(studies.get(i)), studies.get(j),
                        catalogue.observationsOf(studies.get(j)));
                reports[j][i] = reports[i][j];
            }
        }
        return chart(studies.stream().map(name).toList(), reports, spec);
    }

    private static int requireTwo(int count, String what) {
        if (count < 2) {
            throw new IllegalArgumentException("A comparability map needs at least two " + what + ": " + count);
        }
        return count;
    }

    private static Chart chart(List<String> labels, ComparabilityReport[][] reports, ChartSpec spec) {
        Objects.requireNonNull(spec, "spec");
        int side = 260 + 28 * labels.size();
        return new Chart(() -> draw(labels, reports, spec), side + 200, side);
    }

    /** The colour of a verdict: from green (comparable) to vermillion (not comparable). */
    static Color colour(Verdict verdict) {
        return switch (verdict) {
            case COMPARABLE -> Palette.BLUISH_GREEN;
            case AFTER_ADJUSTMENT -> Palette.SKY_BLUE;
            case UNKNOWN -> Palette.ORANGE;
            case NOT_COMPARABLE -> Palette.VERMILLION;
        };
    }

    private static JFreeChart draw(List<String> names, ComparabilityReport[][] reports, ChartSpec spec) {
        Language language = spec.language();
        int n = names.size();
        double[][] cells = new double[3][n * n];
        String[][] titles = new String[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                int c = i * n + j;
                cells[0][c] = i;
                cells[1][c] = j;
                cells[2][c] = i == j ? -1 : reports[i][j].overall().ordinal();
                titles[i][j] = i == j ? null : title(reports[i][j], language);
            }
        }
        DefaultXYZDataset dataset = new DefaultXYZDataset();
        dataset.addSeries("verdicts", cells);

        LookupPaintScale scale = new LookupPaintScale(-1.5, Verdict.values().length, Color.WHITE);
        scale.add(-1.5, SELF);
        for (Verdict v : Verdict.values()) {
            scale.add(v.ordinal() - 0.5, colour(v));
        }
        XYBlockRenderer renderer = new TitledBlockRenderer(titles, n);
        renderer.setPaintScale(scale);

        String[] labels = names.toArray(String[]::new);
        SymbolAxis x = new SymbolAxis(null, labels);
        x.setVerticalTickLabels(true);
        SymbolAxis y = new SymbolAxis(null, labels);
        y.setInverted(true);
        for (SymbolAxis axis : List.of(x, y)) {
            axis.setGridBandsVisible(false);
            axis.setRange(-0.5, n - 0.5);
        }
        XYPlot plot = new XYPlot(dataset, x, y, renderer);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        LegendItemCollection legend = new LegendItemCollection();
        for (Verdict v : Verdict.values()) {
            legend.add(new LegendItem(language.label("verdict." + v.name()), null, null, null,
                    new Rectangle2D.Double(-6, -6, 12, 12), colour(v)));
        }
        plot.setFixedLegendItems(legend);
        return Style.chart(spec, language.label("map.title"), plot, true);
    }

    /**
     * A cell's hover text in the chart's language: the verdict, then each dimension that stands in the way with its
     * verdict and the adjustment that settles it; in English the library's reason too, which is English only.
     */
    static String title(ComparabilityReport report, Language language) {
        StringBuilder text = new StringBuilder(language.label("verdict." + report.overall().name()));
        for (Assessment a : report.assessments()) {
            if (a.verdict() == Verdict.COMPARABLE) {
                continue;
            }
            text.append("\n").append(language.label("dimension." + a.dimension().name())).append(": ")
                    .append(language.label("verdict." + a.verdict().name()));
            a.adjustment().ifPresent(adj -> text.append(" (").append(language.label("adjustment." + adj.name()))
                    .append(')'));
            if (language == Language.ENGLISH) {
                text.append(" — ").append(a.reason());
            }
        }
        return text.toString();
    }

    /** Draws each cell with its reasons as the SVG title of a group around it. */
    private static final class TitledBlockRenderer extends XYBlockRenderer {
        private static final long serialVersionUID = 1L;
        private final String[][] titles;
        private final int n;

        TitledBlockRenderer(String[][] titles, int n) {
            this.titles = titles;
            this.n = n;
        }

        @Override
        public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea, PlotRenderingInfo info,
                XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset dataset, int series, int item,
                CrosshairState crosshairState, int pass) {
            String title = titles[item / n][item % n];
            if (title == null) {
                super.drawItem(g2, state, dataArea, info, plot, domainAxis, rangeAxis, dataset, series, item,
                        crosshairState, pass);
                return;
            }
            // JFreeSVG writes the title where the hint is set: first thing inside the cell's group.
            g2.setRenderingHint(SVGHints.KEY_BEGIN_GROUP, String.format(Locale.ROOT, "cell-%d-%d", item / n, item % n));
            g2.setRenderingHint(SVGHints.KEY_ELEMENT_TITLE, title);
            super.drawItem(g2, state, dataArea, info, plot, domainAxis, rangeAxis, dataset, series, item,
                    crosshairState, pass);
            g2.setRenderingHint(SVGHints.KEY_END_GROUP, "cell");
        }
    }
}
