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
 * years within {@value #WINDOW} of each other, one figure per study. The prediction interval comes first. A pool
 * whose heterogeneity stays high (I² of 75 % or more) and whose prediction interval is wider than
 * {@value #NARROW_POINTS} points is not a single rate: it gets one line, how far apart its studies are, and neither a
 * pooled value nor a forest plot.
 */
final class PooledSection {

    /** The most years between a pool's figures: adoption moves several points a year. */
    static final int WINDOW = 3;
    /** From this I² on, the pooled value is not read as one rate (Higgins et al. 2003: "high")... */
    private static final double HIGH_I2 = 75;
    /** ...unless a new study's figure would still fall within this many points: then the spread is small anyway. */
    static final double NARROW_POINTS = 20;

    private PooledSection() {
    }

    static void write(Html html, ReportContext c) {
        Words w = c.words();
        html.raw("<section id='pooled'>").element("h2", w.get("pooled.title"));
        // One statistic reported by several sources (an import repeating a bundled figure) is pooled once.
        java.util.Set<Observation> repeats = new java.util.HashSet<>(
                org.smesurvey.stats.adoption.DuplicateFigures.of(c.catalogue()).duplicates());
        Pooling.Result pooling = Pooling.of(c.catalogue().filter(o -> !repeats.contains(o)), WINDOW);
        html.element("p", w.get("pooled.lead", WINDOW, pooling.unweighable()));
        if (pooling.pools().isEmpty()) {
            html.note(w.get("left.out", w.get("pooled.none")));
            html.raw("</section>");
            return;
        }
        // A pool is one rate when its heterogeneity is not high or a new study would fall close to it anyway:
        // those get a row and a forest plot; the others are one line, their spread and why.
        List<Pooling.Pool> single = new ArrayList<>();
        List<String> spread = new ArrayList<>();
        for (Pooling.Pool pool : pooling.pools()) {
            MetaResult r = pool.result().orElseThrow();
            Interval pi = r.backTransformed().prediction();
            if (r.i2() < HIGH_I2 || 100 * (pi.upper() - pi.lower()) <= NARROW_POINTS) {
                single.add(pool);
            } else {
                spread.add(escape(w.get("pooled.spread", topic(pool.figures().get(0), w), years(pool),
                        r.k(), w.percent(pi.lower()), w.percent(pi.upper()), String.format(w.locale(), "%.0f",
                                r.i2()))));
            }
        }
        if (!single.isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            for (Pooling.Pool pool : single) {
                MetaResult r = pool.result().orElseThrow();
                Interval ci = r.backTransformed().confidence();
                Interval pi = r.backTransformed().prediction();
                rows.add(List.of(escape(topic(pool.figures().get(0), w)), years(pool), String.valueOf(r.k()),
                        "<strong>" + escape(w.percent(pi.lower()) + "–" + w.percent(pi.upper())) + "</strong>",
                        escape(w.percent(ci.estimate()) + " (" + w.percent(ci.lower()) + "–" + w.percent(ci.upper())
                                + ")"), String.format(w.locale(), "%.0f %%", r.i2())));
            }
            html.table(List.of(w.get("pooled.topic"), w.get("pooled.years"), w.get("pooled.studies"),
                    w.get("pooled.prediction"), w.get("pooled.pooled"), "I²"), rows);
        }
        if (!spread.isEmpty()) {
            html.element("p", w.get("pooled.notone.lead", w.count(spread.size(), "pool")));
            html.raw("<ul><li>" + String.join("</li><li>", spread) + "</li></ul>");
        }
        for (Pooling.Pool pool : single) {
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
                + ", " + w.get("scope." + o.scope().code());
    }

    /** A pool's years: one, or the first and last. */
    private static String years(Pooling.Pool pool) {
        IntSummaryStatistics years = pool.figures().stream().mapToInt(o -> o.effectiveYear().getAsInt())
                .summaryStatistics();
        return years.getMin() == years.getMax() ? String.valueOf(years.getMin())
                : years.getMin() + "–" + years.getMax();
    }
}
