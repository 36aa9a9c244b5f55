package org.smesurvey.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's gallery is made by one command: five PNG charts of 1000 × 540 with something drawn in them. */
class GalleryTest {

    @Test
    void theGalleryIsFiveDrawnCharts(@TempDir Path dir) throws IOException {
        List<Path> files = Gallery.write(dir, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8));
        assertEquals(5, files.size());
        for (Path file : files) {
            BufferedImage image = ImageIO.read(file.toFile());
            assertEquals(1000, image.getWidth(), file.toString());
            assertEquals(540, image.getHeight(), file.toString());
            long distinct = java.util.stream.IntStream.range(0, 1000 * 540).map(p -> image.getRGB(p % 1000, p / 1000))
                    .distinct().limit(20).count();
            assertTrue(distinct >= 10, file + " has too few colours to hold a chart: " + distinct);
            assertTrue(Files.size(file) > 10_000, file.toString());
        }
    }
}
