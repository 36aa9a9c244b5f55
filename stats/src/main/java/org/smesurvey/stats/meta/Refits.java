package org.smesurvey.stats.meta;

import java.util.ArrayList;
import java.util.List;
import org.smesurvey.stats.internal.Formats;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** A series of fits (leave-one-out, cumulative) as a table and as metafor prints it: one row per fit. */
final class Refits {

    private static final String[] COLUMNS = {"estimate", "se", "statistic", "p_value", "ci_lower", "ci_upper", "q",
        "q_p_value", "tau2", "i2", "h2"};

    private Refits() {
    }

    private static double[] row(MetaResult r) {
        return new double[] {r.estimate(), r.standardError(), r.statistic(), r.pValue(), r.confidenceInterval().lower(),
            r.confidenceInterval().upper(), r.qe(), r.qePValue(), r.tau2(), r.i2(), r.h2()};
    }

    static Table table(String name, String first, List<String> labels, List<MetaResult> results) {
        Table table = Table.create(name, StringColumn.create(first, labels));
        for (int c = 0; c < COLUMNS.length; c++) {
            double[] column = new double[results.size()];
            for (int i = 0; i < column.length; i++) {
                column[i] = row(results.get(i))[c];
            }
            table.addColumns(DoubleColumn.create(COLUMNS[c], column));
        }
        return table;
    }

    /** metafor's {@code print.list.rma}: four decimals, tval under Knapp–Hartung. */
    static String summary(List<String> labels, List<MetaResult> results) {
        String[] headers = {"estimate", "se", "zval", "pval", "ci.lb", "ci.ub", "Q", "Qp", "tau2", "I2", "H2"};
        if (!results.isEmpty() && results.get(0).degreesOfFreedom().isPresent()) {
            headers[2] = "tval";
        }
        List<String[]> columns = new ArrayList<>();
        for (int c = 0; c < headers.length; c++) {
            columns.add(new String[results.size()]);
        }
        for (int i = 0; i < results.size(); i++) {
            double[] row = row(results.get(i));
            for (int c = 0; c < row.length; c++) {
                columns.get(c)[i] = Formats.fixed(row[c], 4);
            }
        }
        return String.join("\n", Formats.table(labels, List.of(headers), columns));
    }
}
