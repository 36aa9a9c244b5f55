package org.smesurvey.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The export API and the spec every chart shares. */
class ChartTest {

    private static Chart forest() {
        return ForestPlot.of(ForestPlotTest.pritz(), ChartSpec.builder().title("Pritz 1997").subtitle("14 studies")
                .build());
    }

    @Test
    void saveWritesTheFormatItsExtensionNames(@TempDir Path dir) throws Exception {
        Chart chart = forest();
        Path png = dir.resolve("forest.PNG");
        chart.save(png);
        assertEquals(chart.preferredSize().width, ImageIO.read(png.toFile()).getWidth());
        Path svg = dir.resolve("forest.svg");
        chart.save(svg, ChartFormat.SVG, 400, 300);
        assertTrue(Files.readString(svg).contains("<svg"));
        assertEquals("File name does not end in .png or .svg: " + dir.resolve("forest.pdf"),
                assertThrows(IllegalArgumentException.class, () -> chart.save(dir.resolve("forest.pdf"))).getMessage());
    }

    @Test
    void imagesForNotebooksAndSwing() {
        java.awt.image.BufferedImage image = forest().toImage(640, 480);
        assertEquals(640, image.getWidth());
        assertTrue(Rendering.inkShare(image) > 0.01);
        assertEquals("Chart size is not positive and at most 100 megapixels: 640 x -1", assertThrows(
                IllegalArgumentException.class, () -> forest().toImage(640, -1)).getMessage());
    }

    @Test
    void sizesAreChecked() {
        Chart chart = forest();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals("Chart size is not positive and at most 100 megapixels: 0 x 300", assertThrows(
                IllegalArgumentException.class, () -> chart.write(out, ChartFormat.PNG, 0, 300)).getMessage());
        assertEquals("Chart size is not positive and at most 100 megapixels: 20000 x 20000", assertThrows(
                IllegalArgumentException.class, () -> chart.write(out, ChartFormat.SVG, 20_000, 20_000)).getMessage());
        assertEquals(0, out.size(), "nothing written");
    }

    @Test
    void thePreferredSizeAtAWidthKeepsWhatTheContentNeeds() {
        // A forest plot's rows keep their height at any width.
        Chart chart = forest();
        assertEquals(new java.awt.Dimension(720, chart.preferredSize().height), chart.preferredSize(720));
        assertEquals(new java.awt.Dimension(1920, chart.preferredSize().height), chart.preferredSize(1920));
        // A chart without rows keeps its proportions: the funnel plot's 800 x 600.
        Chart funnel = FunnelPlot.of(ForestPlotTest.pritz(), ChartSpec.defaults());
        assertEquals(new java.awt.Dimension(800, 600), funnel.preferredSize());
        assertEquals(new java.awt.Dimension(400, 300), funnel.preferredSize(400));
        assertEquals("Chart width is not positive: 0",
                assertThrows(IllegalArgumentException.class, () -> chart.preferredSize(0)).getMessage());
    }

    @Test
    void titleAndSubtitleComeFromTheSpec() throws Exception {
        Chart chart = forest();
        assertEquals("Pritz 1997", chart.toJFreeChart().getTitle().getText());
        assertTrue(Rendering.texts(Rendering.svg(chart, 900, 500), "text").containsAll(
                java.util.List.of("Pritz 1997", "14 studies")));
        assertTrue(chart.toJFreeChart() != chart.toJFreeChart(), "a fresh JFreeChart each time");
    }

    @Test
    void specIsValidated() {
        assertEquals("Level is not in (0, 1): 1.0", assertThrows(IllegalArgumentException.class,
                () -> ChartSpec.builder().level(1).build()).getMessage());
        assertEquals("language", assertThrows(NullPointerException.class,
                () -> ChartSpec.builder().language(null).build()).getMessage());
        assertEquals(ChartSpec.defaults(), ChartSpec.builder().build());
    }

    @Test
    void paletteRepeatsAfterEight() {
        assertEquals(Palette.BLUE, Palette.series(8));
        assertEquals(8, Palette.series().size());
        assertEquals("Series index is negative: -1", assertThrows(IllegalArgumentException.class,
                () -> Palette.series(-1)).getMessage());
    }

    @Test
    void chartsUseAFontThatRendersText() {
        // DejaVu Sans is on any Debian machine with fontconfig; the logical font is the fallback.
        assertTrue(Style.FONT_FAMILY.equals("DejaVu Sans") || Style.FONT_FAMILY.equals("Liberation Sans")
                || Style.FONT_FAMILY.equals(java.awt.Font.SANS_SERIF), Style.FONT_FAMILY);
    }
}
