package org.smesurvey.charts;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The text elements of a chart's SVG with the box each takes on the page: JFreeSVG writes each line at its
 * baseline's left end ({@code x}, {@code y}) with its font in the element's class, so the box is the string's
 * advance by the font's ascent and descent, measured with the same font the chart drew with.
 */
record SvgText(String text, Rectangle2D box) {

    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

    /** Every unrotated text element of the document with its box. */
    static List<SvgText> of(Document svg) {
        Map<String, String> styles = new HashMap<>();
        NodeList styleElements = svg.getElementsByTagNameNS("*", "style");
        for (int i = 0; i < styleElements.getLength(); i++) {
            Matcher m = Pattern.compile("\\.([\\w-]+)\\{([^}]*)}").matcher(styleElements.item(i).getTextContent());
            while (m.find()) {
                styles.put(m.group(1), m.group(2));
            }
        }
        List<SvgText> texts = new ArrayList<>();
        NodeList nodes = svg.getElementsByTagNameNS("*", "text");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            if (!e.getAttribute("transform").isEmpty()) {
                continue; // a rotated axis label
            }
            String style = styles.getOrDefault(e.getAttribute("class"), e.getAttribute("style"));
            Matcher size = Pattern.compile("font-size:\\s*([\\d.]+)px").matcher(style);
            Font font = Style.font(style.contains("bold") ? Font.BOLD : Font.PLAIN,
                    size.find() ? Float.parseFloat(size.group(1)) : 12);
            String text = e.getTextContent();
            LineMetrics metrics = font.getLineMetrics(text, FRC);
            double x = Double.parseDouble(e.getAttribute("x"));
            double y = Double.parseDouble(e.getAttribute("y"));
            double width = font.getStringBounds(text, FRC).getWidth();
            texts.add(new SvgText(text, new Rectangle2D.Double(x, y - metrics.getAscent(), width,
                    metrics.getAscent() + metrics.getDescent())));
        }
        return texts;
    }

    /** Every pair of these texts whose boxes overlap, in words. */
    static List<String> overlaps(List<SvgText> texts) {
        List<String> overlaps = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            for (int j = i + 1; j < texts.size(); j++) {
                Rectangle2D a = texts.get(i).box();
                Rectangle2D b = texts.get(j).box();
                if (a.intersects(b)) {
                    overlaps.add("'" + texts.get(i).text() + "' " + a + " and '" + texts.get(j).text() + "' " + b);
                }
            }
        }
        return overlaps;
    }
}
