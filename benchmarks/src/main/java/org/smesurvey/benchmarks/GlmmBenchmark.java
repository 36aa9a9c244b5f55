package org.smesurvey.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.smesurvey.stats.EffectiveSample;
import org.smesurvey.stats.meta.Glmm;
import org.smesurvey.stats.meta.GlmmResult;

/**
 * The binomial–normal model (7 quadrature nodes) on k = 50 and k = 1,000 studies, against glmm-timing.R's
 * {@code rma.glmm(measure = "PLO", xi, ni)} on the same studies: study i of k has
 * \( n_i = 20 + (37i \bmod 480) \) firms and \( x_i = \operatorname{round}(n_i \operatorname{expit}(-0.5 +
 * 1.2\sin i)) \) of them on a social network, i = 1…k (a rule both sides compute, no random numbers).
 *
 * @since 0.1
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class GlmmBenchmark {

    /** The number of studies. */
    @Param({"50", "1000"})
    public int k;

    private List<EffectiveSample> studies;
    private List<String> labels;

    /** JMH creates the state; the studies come in {@link #make()}. */
    public GlmmBenchmark() {
    }

    /** Makes the k studies. */
    @Setup
    public void make() {
        studies = new ArrayList<>();
        labels = new ArrayList<>();
        for (int i = 1; i <= k; i++) {
            double n = 20 + (37L * i) % 480;
            double p = 1 / (1 + Math.exp(-(-0.5 + 1.2 * Math.sin(i))));
            studies.add(new EffectiveSample(Math.rint(n * p), n));
            labels.add("study " + i);
        }
    }

    /**
     * The random-effects fit, standard errors included.
     *
     * @return the fit, so that it is not optimised away
     */
    @Benchmark
    public GlmmResult randomEffects() {
        return Glmm.withDefaults().fit(studies, labels);
    }
}
