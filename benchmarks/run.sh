#!/bin/sh
# Runs the JMH benchmarks, then times R (metafor, survey) on the same data, and prints both with their ratios:
#   benchmarks/run.sh [meta|survey|adoption|glmm]   (all by default; needs R: apt-get install r-cran-metafor
#   r-cran-survey r-cran-lme4)
# The tables it prints are what docs/performance.md records. The meta-analysis part takes about an hour, most
# of it metafor's leave1out; the survey part a few minutes.
set -eu
cd "$(dirname "$0")/.."
./mvnw -q -B -Pbenchmarks -pl benchmarks -am package -DskipTests
part=${1:-all}
classpath="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
if [ "$part" = all ] || [ "$part" = meta ]; then
  java -cp "$classpath" org.openjdk.jmh.Main MetaAnalysisBenchmark -rf csv -rff benchmarks/target/jmh-meta.csv
  Rscript benchmarks/metafor-timing.R benchmarks/target/jmh-meta.csv | tee benchmarks/target/results-meta.md
fi
if [ "$part" = all ] || [ "$part" = survey ]; then
  Rscript benchmarks/data/respondents.R benchmarks/target/respondents.csv
  # The benchmark reads benchmarks/target/respondents.csv and forks with -Xmx1g.
  java -cp "$classpath" org.openjdk.jmh.Main SurveyBenchmark -rf csv -rff benchmarks/target/jmh-survey.csv
  Rscript benchmarks/survey-timing.R benchmarks/target/jmh-survey.csv benchmarks/target/respondents.csv \
      | tee benchmarks/target/results-survey.md
fi
if [ "$part" = all ] || [ "$part" = adoption ]; then
  java -cp "$classpath" org.openjdk.jmh.Main AdoptionBenchmark -rf csv -rff benchmarks/target/jmh-adoption.csv
  Rscript benchmarks/adoption-timing.R benchmarks/target/jmh-adoption.csv | tee benchmarks/target/results-adoption.md
fi
if [ "$part" = all ] || [ "$part" = glmm ]; then
  java -cp "$classpath" org.openjdk.jmh.Main GlmmBenchmark -rf csv -rff benchmarks/target/jmh-glmm.csv
  Rscript benchmarks/glmm-timing.R benchmarks/target/jmh-glmm.csv | tee benchmarks/target/results-glmm.md
fi
