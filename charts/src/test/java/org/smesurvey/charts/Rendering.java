package org.smesurvey.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Renders charts for real and checks what came out: a decodable PNG with ink, a parseable SVG. */
final class Rendering {

    private Rendering() {
    }

    /** Writes the chart as PNG, decodes it, and checks its size and that a share of its pixels is not white. */
    static BufferedImage png(Chart chart, int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        chart.write(out, ChartFormat.PNG, width, height);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
        assertEquals(width, image.getWidth());
        assertEquals(height, image.getHeight());
        assertTrue(inkShare(image) > 0.01, "the PNG is nearly blank: " + inkShare(image));
        return image;
    }

    /** The share of pixels that are not white. */
    static double inkShare(BufferedImage image) {
        long ink = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                    ink++;
                }
            }
        }
        return (double) ink / ((long) image.getWidth() * image.getHeight());
    }

    /** The number of pixels of exactly this colour. */
    static long pixels(BufferedImage image, java.awt.Color colour) {
        return pixelsNear(image, colour, 0);
    }

    /** The number of pixels within {@code tolerance} of this colour on each of red, green and blue. */
    static long pixelsNear(BufferedImage image, java.awt.Color colour, int tolerance) {
        long count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                if (Math.abs(((rgb >> 16) & 0xFF) - colour.getRed()) <= tolerance
                        && Math.abs(((rgb >> 8) & 0xFF) - colour.getGreen()) <= tolerance
                        && Math.abs((rgb & 0xFF) - colour.getBlue()) <= tolerance) {
                    count++;
                }
            }
        }
        return count;
    }

    /** Writes the chart as SVG and parses it (nothing fetched), checking the root element and its size. */
    static Document svg(Chart chart, int width, int height) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        chart.write(out, ChartFormat.SVG, width, height);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        // JFreeSVG declares the SVG 1.1 DTD; parse without fetching it.
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(out.toByteArray()));
        Element root = document.getDocumentElement();
        assertEquals("svg", root.getLocalName());
        assertEquals(width, Double.parseDouble(root.getAttribute("width")));
        assertEquals(height, Double.parseDouble(root.getAttribute("height")));
        return document;
    }

    /** The text content of every element with this name. */
    static List<String> texts(Document document, String element) {
        NodeList nodes = document.getElementsByTagNameNS("*", element);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    /** Saves the chart in both formats under target/charts, for a human to look at; returns the PNG. */
    static Path saveForInspection(Chart chart, String name) throws IOException {
        Path dir = Path.of("target", "charts");
        Files.createDirectories(dir);
        chart.save(dir.resolve(name + ".svg"));
        Path png = dir.resolve(name + ".png");
        chart.save(png);
        return png;
    }
}
