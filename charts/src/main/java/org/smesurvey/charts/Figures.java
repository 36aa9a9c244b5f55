package org.smesurvey.charts;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.smesurvey.core.Figure;
import org.smesurvey.core.Observation;
import org.smesurvey.stats.EffectiveSample;
import org.smesurvey.stats.Interval;
import org.smesurvey.stats.proportion.ProportionInterval;

/** What the charts of catalogue figures share: checking the figures, and the interval of each. */
final class Figures {

    private Figures() {
    }

    /** The figures, checked to be there and to have what the chart needs, each failure named. */
    static List<Observation> require(List<Observation> figures, String chart, String needs,
            java.util.function.Predicate<Observation> has) {
        Objects.requireNonNull(figures, "figures");
        if (figures.isEmpty()) {
            throw new IllegalArgumentException("A " + chart + " needs at least one figure");
        }
        List<String> missing = figures.stream().filter(has.negate()).map(Observation::label).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("A " + chart + " needs " + needs + "; these figures have none: "
                    + missing.stream().collect(Collectors.joining(", ")));
        }
        return List.copyOf(figures);
    }

    /**
     * The figure's Wilson interval on its effective sample at the level; the bare proportion when the figure
     * gives no precision (an unbased figure, or a proportion of 0 or 1 known only with a standard error).
     */
    static Interval interval(Observation o, double level) {
        Figure figure = o.figure();
        double p = figure.proportion();
        boolean knownPrecision = !(figure instanceof Figure.Unbased)
                && (figure instanceof Figure.Counts || figure instanceof Figure.WithBase || (p > 0 && p < 1));
        if (!knownPrecision) {
            return new Interval(p, p, p, level);
        }
        Interval wilson = ProportionInterval.WILSON.of(EffectiveSample.of(o), level);
        return new Interval(p, wilson.lower(), wilson.upper(), level);
    }
}
