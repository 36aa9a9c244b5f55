package org.smesurvey.benchmarks;

/**
 * {@link SurveyBenchmark}'s cases measured as a user's JVM runs them: before any measurement, every form of every
 * estimator is called ({@link SurveyBenchmark#callEveryForm()}), as a notebook or the report calls them, so that
 * the JIT compiles each hot loop having seen every form that reaches it. Measured alone in its JVM, as each of
 * {@code SurveyBenchmark}'s forks measures it, a loop that reads its values through an interface sees one class,
 * inlines it and runs at the memory bound; here it would see several and stop inlining: this benchmark is the one
 * that catches that. {@code benchmarks/run.sh survey} runs the overall share, the 120 domains and raking here, each
 * beside its bound, per-call and coded.
 */
public class SurveyUserJvmBenchmark extends SurveyBenchmark {

    /** JMH creates the state. */
    public SurveyUserJvmBenchmark() {
    }

    @Override
    void prepare() {
        callEveryForm();
    }
}
