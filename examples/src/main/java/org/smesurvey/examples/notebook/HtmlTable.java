package org.smesurvey.examples.notebook;

import java.util.Locale;
import java.util.Objects;
import org.apache.commons.text.StringEscapeUtils;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A table as the notebooks show it: an HTML table whose numbers are rounded for reading, for the Java kernel's
 * {@code display("text/html", …)}. Tablesaw's own {@code print()} is a fixed-width text of full-precision
 * doubles, which a notebook shows as a wall of digits.
 *
 * @since 0.1
 */
public final class HtmlTable {

    private HtmlTable() {
    }

    /**
     * The table in HTML, decimal numbers rounded (three decimals under 1, two under 10, one under 100, none
     * above; six for the smallest), whole numbers grouped by thousands from 10,000, missing cells as a dash.
     *
     * @param table the table
     * @return the HTML, one {@code <table>} element with a caption
     */
    public static String of(Table table) {
        Objects.requireNonNull(table, "table");
        StringBuilder html = new StringBuilder("<table><caption>").append(escape(table.name())).append("</caption><tr>");
        for (String name : table.columnNames()) {
            html.append("<th>").append(escape(name)).append("</th>");
        }
        html.append("</tr>");
        for (int row = 0; row < table.rowCount(); row++) {
            html.append("<tr>");
            for (Column<?> column : table.columns()) {
                html.append(column instanceof NumericColumn<?> ? "<td style='text-align:right'>" : "<td>")
                        .append(escape(cell(column, row))).append("</td>");
            }
            html.append("</tr>");
        }
        return html.append("</table>").toString();
    }

    private static String cell(Column<?> column, int row) {
        if (column.isMissing(row)) {
            return "—";
        }
        if (column instanceof NumericColumn<?> numbers) {
            return rounded(numbers.getDouble(row));
        }
        return column.getString(row);
    }

    /** A number as a reader wants it: 2024; 38,412; 45.2; 0.128; 0.000412 (whole numbers grouped from 10,000). */
    static String rounded(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format(Locale.ROOT, Math.abs(value) < 10_000 ? "%d" : "%,d", (long) value);
        }
        double size = Math.abs(value);
        int decimals = size >= 100 ? 0 : size >= 10 ? 1 : size >= 1 ? 2 : size >= 0.001 ? 3 : 6;
        return String.format(Locale.ROOT, "%,." + decimals + "f", value);
    }

    private static String escape(String text) {
        return StringEscapeUtils.escapeXml10(text);
    }
}
