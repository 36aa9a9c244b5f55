package org.smesurvey.examples;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.smesurvey.core.Observation;
import org.smesurvey.core.Platform;
import org.smesurvey.core.bundled.Bundled;
import org.smesurvey.stats.Interval;
import org.smesurvey.stats.meta.EffectSizes;
import org.smesurvey.stats.meta.LeaveOneOut;
import org.smesurvey.stats.meta.MetaAnalysis;
import org.smesurvey.stats.meta.MetaResult;
import org.smesurvey.stats.meta.ProportionMeasure;

/**
 * Pools the share of SMEs on Facebook from the twelve studies of the catalogue that give it with a base
 * (Belgium 2011, US 2011, six countries 2012, France 2018, Germany 2023; from the 2026 additions Canada 2016,
 * Spain 2011, Germany 2012, two UK surveys, US 2018 and Korea's largest firms 2012) in a random-effects
 * meta-analysis on the logit scale, and shows how much the studies disagree: I², the prediction interval, and each study left out in
 * turn. One figure per study: InSites' B2B and B2C figures are subgroups of its average, not other studies.
 *
 * @since 0.1
 */
public final class PoolStudies {
    private PoolStudies() {
    }

    /**
     * Prints the pooled figure, its heterogeneity and the leave-one-out estimates.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        print(System.out);
    }

    static void print(PrintStream out) {
        List<Observation> facebook = Bundled.catalogue().observations().stream()
                .filter(o -> o.indicator().code().equals("platform_use") && o.platform().equals(
                        java.util.Optional.of(Platform.FACEBOOK)) && o.figure().hasBase()
                        && o.denominator().isEmpty()).toList();
        EffectSizes studies = EffectSizes.of(ProportionMeasure.PLO, facebook);
        MetaAnalysis reml = MetaAnalysis.withDefaults();
        MetaResult result = reml.fit(studies);

        Interval ci = result.backTransformed().confidence();
        Interval pi = result.backTransformed().prediction();
        out.printf(Locale.ROOT, "%d studies: %.1f %% on Facebook (95 %% CI %.1f to %.1f %%)%n", result.k(),
                100 * ci.estimate(), 100 * ci.lower(), 100 * ci.upper());
        out.printf(Locale.ROOT, "I2 = %.1f %%, tau2 = %.3f; a new study would find 95 %% of the time %.1f to %.1f %%%n",
                result.i2(), result.tau2(), 100 * pi.lower(), 100 * pi.upper());
        LeaveOneOut loo = reml.leaveOneOut(studies);
        for (int i = 0; i < studies.size(); i++) {
            out.printf(Locale.ROOT, "without %-20s %.1f %%%n", studies.label(i),
                    100 * loo.results().get(i).backTransformed().confidence().estimate());
        }
    }
}
