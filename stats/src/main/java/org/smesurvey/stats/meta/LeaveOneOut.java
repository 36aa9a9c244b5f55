package org.smesurvey.stats.meta;

import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The model refitted without each study in turn: metafor's {@code leave1out}. Immutable.
 *
 * @param studies the effect sizes
 * @param results {@code results.get(i)} is the fit without study {@code i}
 * @since 0.1
 */
public record LeaveOneOut(EffectSizes studies, List<MetaResult> results) {

    /**
     * Copies the list.
     *
     * @param studies the effect sizes
     * @param results one fit per study left out
     */
    public LeaveOneOut {
        java.util.Objects.requireNonNull(studies, "studies");
        results = List.copyOf(java.util.Objects.requireNonNull(results, "results"));
    }

    /**
     * The fits as a table, one row per study left out: {@code left_out, estimate, se, statistic, p_value,
     * ci_lower, ci_upper, q, q_p_value, tau2, i2, h2}.
     *
     * @return the table
     */
    public Table toTable() {
        int k = results.size();
        String[] labels = new String[k];
        double[][] columns = new double[11][k];
        for (int i = 0; i < k; i++) {
            MetaResult r = results.get(i);
            labels[i] = studies.label(i);
            double[] row = {r.estimate(), r.standardError(), r.statistic(), r.pValue(), r.confidenceInterval().lower(),
                r.confidenceInterval().upper(), r.qe(), r.qePValue(), r.tau2(), r.i2(), r.h2()};
            for (int c = 0; c < row.length; c++) {
                columns[c][i] = row[c];
            }
        }
        String[] names = {"estimate", "se", "statistic", "p_value", "ci_lower", "ci_upper", "q", "q_p_value", "tau2",
            "i2", "h2"};
        Table table = Table.create("leave-one-out", StringColumn.create("left_out", labels));
        for (int c = 0; c < names.length; c++) {
            table.addColumns(DoubleColumn.create(names[c], columns[c]));
        }
        return table;
    }

    /**
     * The fits as metafor's {@code print(leave1out(res))} lays them out, one row per study left out, four decimals
     * (in one table, where R wraps at the console's width).
     *
     * @return the text
     */
    public String summary() {
        String[] headers = {"estimate", "se", "zval", "pval", "ci.lb", "ci.ub", "Q", "Qp", "tau2", "I2", "H2"};
        if (!results.isEmpty() && results.get(0).degreesOfFreedom().isPresent()) {
            headers[2] = "tval";
        }
        List<String[]> columns = new java.util.ArrayList<>();
        for (int c = 0; c < headers.length; c++) {
            columns.add(new String[results.size()]);
        }
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            MetaResult r = results.get(i);
            names.add(studies.label(i));
            double[] row = {r.estimate(), r.standardError(), r.statistic(), r.pValue(), r.confidenceInterval().lower(),
                r.confidenceInterval().upper(), r.qe(), r.qePValue(), r.tau2(), r.i2(), r.h2()};
            for (int c = 0; c < row.length; c++) {
                columns.get(c)[i] = org.smesurvey.stats.internal.Formats.fixed(row[c], 4);
            }
        }
        return String.join("\n", org.smesurvey.stats.internal.Formats.table(names, List.of(headers), columns));
    }
}
