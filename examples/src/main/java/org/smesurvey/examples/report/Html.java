package org.smesurvey.examples.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.text.StringEscapeUtils;
import org.smesurvey.charts.Chart;
import org.smesurvey.charts.ChartFormat;

/** The pieces of the report page: escaped text, tables, and charts inlined as SVG so the page needs no file. */
final class Html {

    private final StringBuilder page = new StringBuilder();

    /** The five characters HTML gives a meaning to, escaped; the rest stays as it is in a UTF-8 page. */
    static String escape(String text) {
        return StringEscapeUtils.escapeXml10(text);
    }

    Html raw(String html) {
        page.append(html).append('\n');
        return this;
    }

    Html element(String tag, String text) {
        return raw("<" + tag + ">" + escape(text) + "</" + tag.split(" ")[0] + ">");
    }

    /** A table, in a box that scrolls sideways on a narrow screen: a header row and rows of cells already HTML. */
    Html table(List<String> header, List<List<String>> rows) {
        raw("<div class='scroll'><table><thead><tr>");
        header.forEach(h -> raw("<th>" + escape(h) + "</th>"));
        raw("</tr></thead><tbody>");
        for (List<String> row : rows) {
            raw("<tr>" + String.join("", row.stream().map(c -> "<td>" + c + "</td>").toList()) + "</tr>");
        }
        return raw("</tbody></table></div>");
    }

    /** A line in italics: why a section or part of one is left out, or what a reader must know. */
    Html note(String text) {
        return raw("<p class='note'>" + escape(text) + "</p>");
    }

    /**
     * The chart as an inline SVG element (the XML prolog and DOCTYPE dropped), drawn {@value #WIDTH} pixels wide
     * (as high as its content needs at that width) so that its text keeps its size on an 800-pixel screen, never
     * scaled up.
     */
    Html chart(Chart chart, String caption) {
        return chart(chart, caption, WIDTH);
    }

    /**
     * The chart as an inline SVG element drawn {@code width} pixels wide, for a column narrower than the page's: its
     * text then keeps its size there.
     */
    Html chart(Chart chart, String caption, int width) {
        // Not the preferred height scaled down: a forest plot's rows keep their height in a narrower chart.
        int height = chart.preferredSize(width).height;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            chart.write(out, ChartFormat.SVG, width, height);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String svg = out.toString(StandardCharsets.UTF_8);
        svg = svg.substring(svg.indexOf("<svg"));
        // A viewBox lets the browser scale the drawing down to a narrower column.
        svg = svg.replaceFirst("<svg ", "<svg viewBox='0 0 " + width + " " + height + "' role='img' aria-label='"
                + escape(caption) + "' ");
        return raw("<figure>" + svg + "<figcaption>" + escape(caption) + "</figcaption></figure>");
    }

    /** The width charts are drawn at: the page's column at 800 pixels. */
    static final int WIDTH = 720;

    @Override
    public String toString() {
        return page.toString();
    }
}
