package org.smesurvey.examples.report;

import static org.smesurvey.examples.report.Html.escape;

import java.util.ArrayList;
import java.util.IntSummaryStatistics;
import java.util.List;
import org.smesurvey.charts.ChartSpec;
import org.smesurvey.charts.ForestPlot;
import org.smesurvey.core.Observation;
import org.smesurvey.stats.EffectiveSample;
import org.smesurvey.stats.Interval;
import org.smesurvey.stats.meta.EffectSizes;
import org.smesurvey.stats.meta.MetaAnalysis;
import org.smesurvey.stats.meta.MetaResult;
import org.smesurvey.stats.meta.Pooling;
import org.smesurvey.stats.meta.ProportionMeasure;

/**
 * Section 4, pooled figures only where a pool means something: the same indicator, platform and network scope,
 * years within {@value #WINDOW} of each other, one figure per study. The prediction interval comes first, and
 * where heterogeneity stays high (I² of 75 % or more) the pooled value is marked as not a single rate.
 */
final class PooledSection {

    /** The most years between a pool's figures: adoption moves several points a year. */
    static final int WINDOW = 3;
    /** From this I² on, the pooled value is not read as one rate (Higgins et al. 2003: "high"). */
    private static final double HIGH_I2 = 75;

    private PooledSection() {
    }

    static void write(Html html, ReportContext c) {
        Words w = c.words();
        html.raw("<section id='pooled'>").element("h2", w.get("pooled.title"));
        Pooling.Result pooling = Pooling.of(c.catalogue(), WINDOW);
        html.element("p", w.get("pooled.lead", WINDOW, pooling.unweighable()));
        if (pooling.pools().isEmpty()) {
            html.note(w.get("left.out", w.get("pooled.none")));
            html.raw("</section>");
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (Pooling.Pool pool : pooling.pools()) {
            MetaResult r = pool.result().orElseThrow();
            Interval ci = r.backTransformed().confidence();
            Interval pi = r.backTransformed().prediction();
            IntSummaryStatistics years = pool.figures().stream().mapToInt(o -> o.effectiveYear().getAsInt())
                    .summaryStatistics();
            String pooled = w.percent(ci.estimate()) + " (" + w.percent(ci.lower()) + "–" + w.percent(ci.upper()) + ")"
                    + (r.i2() >= HIGH_I2 ? ", " + w.get("pooled.notone") : "");
            rows.add(List.of(escape(topic(pool.figures().get(0), w)),
                    years.getMin() == years.getMax() ? String.valueOf(years.getMin())
                            : years.getMin() + "–" + years.getMax(),
                    String.valueOf(r.k()), "<strong>" + escape(w.percent(pi.lower()) + "–" + w.percent(pi.upper()))
                            + "</strong>", escape(pooled), String.format(w.locale(), "%.0f %%", r.i2())));
        }
        html.table(List.of(w.get("pooled.topic"), w.get("pooled.years"), w.get("pooled.studies"),
                w.get("pooled.prediction"), w.get("pooled.pooled"), "I²"), rows);
        for (Pooling.Pool pool : pooling.pools()) {
            // The same fit with the studies named in words on the plot.
            List<Observation> figures = pool.figures();
            MetaResult named = MetaAnalysis.withDefaults().fit(EffectSizes.of(ProportionMeasure.PLO,
                    figures.stream().map(EffectiveSample::of).toList(), figures.stream().map(o -> w.source(o)).toList()));
            html.chart(ForestPlot.of(named, ChartSpec.builder().title(topic(figures.get(0), w)).language(w.language())
                    .build()), topic(figures.get(0), w));
        }
        html.raw("</section>");
    }

    /** A pool's topic in words: the indicator, its platform, its network scope. */
    static String topic(Observation o, Words w) {
        return w.indicator(o.indicator().code()) + o.platform().map(p -> " (" + p.description() + ")").orElse("")
                + ", " + o.scope().description();
    }
}
