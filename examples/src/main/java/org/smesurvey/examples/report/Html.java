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

    static String escape(String text) {
        return StringEscapeUtils.escapeHtml4(text);
    }

    Html raw(String html) {
        page.append(html).append('\n');
        return this;
    }

    Html element(String tag, String text) {
        return raw("<" + tag + ">" + escape(text) + "</" + tag.split(" ")[0] + ">");
    }

    /** A table: a header row and rows of cells that are already HTML. */
    Html table(List<String> header, List<List<String>> rows) {
        raw("<table><thead><tr>");
        header.forEach(h -> raw("<th>" + escape(h) + "</th>"));
        raw("</tr></thead><tbody>");
        for (List<String> row : rows) {
            raw("<tr>" + String.join("", row.stream().map(c -> "<td>" + c + "</td>").toList()) + "</tr>");
        }
        return raw("</tbody></table>");
    }

    /** The chart as an inline SVG element (the XML prolog and DOCTYPE dropped), scaled to the page width. */
    Html chart(Chart chart, String caption) {
        int width = chart.preferredSize().width;
        int height = chart.preferredSize().height;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            chart.write(out, ChartFormat.SVG, width, height);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String svg = out.toString(StandardCharsets.UTF_8);
        svg = svg.substring(svg.indexOf("<svg"));
        // A viewBox lets the browser scale the drawing to the column's width.
        svg = svg.replaceFirst("<svg ", "<svg viewBox='0 0 " + width + " " + height + "' role='img' aria-label='"
                + escape(caption) + "' ");
        return raw("<figure>" + svg + "<figcaption>" + escape(caption) + "</figcaption></figure>");
    }

    @Override
    public String toString() {
        return page.toString();
    }
}
