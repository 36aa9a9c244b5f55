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
import org.smesurvey.stats.adoption.AdoptionData;
import org.smesurvey.stats.adoption.AdoptionModel;

/**
 * The adoption model on the bundled catalogue: {@code AdoptionModel.fit(AdoptionData.of(catalogue))}, the figures
 * prepared and the three-level REML fit made, against adoption-timing.R's {@code rma.mv} on the same design
 * (stats/src/test/resources/org/smesurvey/stats/adoption/adoption-design.csv, which the tests pin to what this
 * code builds).
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
        catalogue = StudyCatalogue.bundled();
    }

    /**
     * The whole model: figures prepared, design built, REML fit.
     *
     * @return the fit, so that it is not optimised away
     */
    @Benchmark
    public AdoptionModel.Fit bundledCatalogue() {
        return AdoptionModel.fit(AdoptionData.of(catalogue));
    }
}
