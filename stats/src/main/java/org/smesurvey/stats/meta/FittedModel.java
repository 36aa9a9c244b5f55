package org.smesurvey.stats.meta;

import java.util.List;
import java.util.OptionalDouble;
import org.smesurvey.stats.TestResult;

/** What every fit of {@code rma.uni}'s family shares, read from one {@link Fitted}. */
abstract class FittedModel implements PooledModel {

    final Fitted fit;

    FittedModel(Fitted fit) {
        this.fit = fit;
    }

    /**
     * The options of the analysis.
     *
     * @return the analysis
     */
    public final MetaAnalysis analysis() {
        return fit.options;
    }

    @Override
    public final EffectSizes studies() {
        return fit.studies;
    }

    @Override
    public final int k() {
        return fit.k;
    }

    @Override
    public final Tau2Estimator estimator() {
        return fit.options.estimator();
    }

    @Override
    public final double level() {
        return fit.options.level();
    }

    @Override
    public final List<Coefficient> coefficients() {
        return fit.coefficients();
    }

    @Override
    public final double tau2() {
        return fit.tau2;
    }

    @Override
    public final double i2() {
        return fit.i2;
    }

    @Override
    public final double h2() {
        return fit.h2;
    }

    @Override
    public final TestResult heterogeneityTest() {
        return fit.heterogeneityTest();
    }

    @Override
    public final double weight(int i) {
        return fit.weight(i);
    }

    @Override
    public final FitStatistics fitStatistics(boolean restricted) {
        return fit.fitStatistics(restricted);
    }

    /**
     * Knapp and Hartung's scale factor \( s^2 \) of the variance, metafor's {@code s2w}.
     *
     * @return s², empty without the Knapp–Hartung adjustment
     */
    public final OptionalDouble knappHartungFactor() {
        return fit.options.knappHartung() ? OptionalDouble.of(fit.s2w) : OptionalDouble.empty();
    }
}
