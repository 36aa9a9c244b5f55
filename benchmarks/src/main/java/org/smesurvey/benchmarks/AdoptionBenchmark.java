package org.smesurvey.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.smesurvey.core.StudyCatalogue;
import org.smesurvey.core.bundled.Bundled;
import org.smesurvey.stats.adoption.AdoptionData;
import org.smesurvey.stats.adoption.AdoptionModel;
import org.smesurvey.stats.adoption.CrossValidation;

/**
 * The adoption model on the bundled catalogue: {@code AdoptionModel.fit(AdoptionData.of(catalogue))}, the figures
 * prepared (duplicates found, size mixtures weighted) and the model fitted (linearised, each linear mixed model with
 * crossed country, indicator and private-survey effects beside the study's and figure's fitted by REML, to the fixed
 * point); and the leave-one-study-out cross-validation every fit's summary reports, on a fresh fit each time so that
 * the whole of it is measured. The fit's design is pinned by the tests for a check in R
 * (stats/src/test/resources/org/smesurvey/stats/adoption/).
 *
 * @since 0.1
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AdoptionBenchmark {

    private StudyCatalogue catalogue;

    /** JMH creates the state; the catalogue comes in {@link #load()}. */
    public AdoptionBenchmark() {
    }

    /** Loads the bundled catalogue. */
    @Setup
    public void load() {
        catalogue = Bundled.catalogue();
    }

    /**
     * The whole model: figures prepared, design built, model fitted.
     *
     * @return the fit, so that it is not optimised away
     */
    @Benchmark
    public AdoptionModel.Fit bundledCatalogue() {
        return AdoptionModel.fit(AdoptionData.of(catalogue));
    }

    /**
     * The model's out-of-sample test: a fresh fit, then each study left out in turn, the model refitted without it
     * (warm-started from the full fit) and its figures predicted. The fit is made anew each time, since a fit keeps
     * its cross-validation once computed.
     *
     * @return the cross-validation, so that it is not optimised away
     */
    @Benchmark
    public CrossValidation crossValidation() {
        return AdoptionModel.fit(AdoptionData.of(catalogue)).crossValidation();
    }
}
