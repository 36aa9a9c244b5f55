package org.smesurvey.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.smesurvey.examples.notebook.HtmlTable;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class HtmlTableTest {

    @Test
    void numbersAreRoundedAndTextEscaped() {
        Table table = Table.create("effect <sizes>", StringColumn.create("label", "A & B", "C"),
                DoubleColumn.create("yi", 0.12887312, 12.3456), IntColumn.create("ni", 1657, 30200),
                DoubleColumn.create("vi", 0.000412345, Double.NaN));
        assertEquals("<table><caption>effect &lt;sizes&gt;</caption><tr><th>label</th><th>yi</th><th>ni</th>"
                + "<th>vi</th></tr><tr><td>A &amp; B</td><td style='text-align:right'>0.129</td>"
                + "<td style='text-align:right'>1657</td><td style='text-align:right'>0.000412</td></tr>"
                + "<tr><td>C</td><td style='text-align:right'>12.3</td><td style='text-align:right'>30,200</td>"
                + "<td style='text-align:right'>—</td></tr></table>", HtmlTable.of(table));
    }
}
