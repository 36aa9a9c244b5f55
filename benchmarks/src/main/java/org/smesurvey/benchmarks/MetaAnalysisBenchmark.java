package org.smesurvey.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
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
import org.smesurvey.stats.meta.EffectSizes;
import org.smesurvey.stats.meta.LeaveOneOut;
import org.smesurvey.stats.meta.MetaAnalysis;
import org.smesurvey.stats.meta.MetaResult;
import org.smesurvey.stats.meta.ProportionMeasure;

/**
 * The meta-analysis timings that metafor-timing.R repeats with {@code rma} and {@code leave1out} on the same
 * data: a REML random-effects model of k = 50 logit proportions, and leave-one-out of k = 1,000 (1,000 REML
 * fits of 999 studies). Both start from the effect sizes, as metafor starts from {@code escalc}'s output.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MetaAnalysisBenchmark {

    private final MetaAnalysis reml = MetaAnalysis.withDefaults();
    private EffectSizes k50;
    private EffectSizes k1000;

    /** JMH creates the state; the data come in {@link #load()}. */
    public MetaAnalysisBenchmark() {
    }

    /** Loads the two data sets of benchmarks/data. */
    @Setup
    public void load() {
        k50 = read("k50.csv");
        k1000 = read("k1000.csv");
    }

    static EffectSizes read(String name) {
        try (InputStream in = MetaAnalysisBenchmark.class.getResourceAsStream(name);
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(reader).getRecords();
            int[] x = rows.stream().mapToInt(r -> Integer.parseInt(r.get("xi"))).toArray();
            int[] n = rows.stream().mapToInt(r -> Integer.parseInt(r.get("ni"))).toArray();
            return EffectSizes.of(ProportionMeasure.PLO, x, n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * REML on k = 50.
     *
     * @return the fit, so that it is not optimised away
     */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public MetaResult remlK50() {
        return reml.fit(k50);
    }

    /**
     * Leave-one-out on k = 1,000.
     *
     * @return the analyses, so that they are not optimised away
     */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public LeaveOneOut leaveOneOutK1000() {
        return reml.leaveOneOut(k1000);
    }
}
