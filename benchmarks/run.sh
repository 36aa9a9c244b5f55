#!/bin/sh
# Runs the JMH benchmarks, then times R (metafor, survey) on the same data, and prints both with their ratios:
#   benchmarks/run.sh [meta|survey|adoption|glmm]   (all by default; needs R: apt-get install r-cran-metafor
#   r-cran-survey r-cran-lme4)
#   RESPONDENTS=200000 benchmarks/run.sh survey     (the survey data's size; 1,000,000 unless set)
# R runs twice when Debian 13's chroot is there (benchmarks/trixie-r.sh builds it; TRIXIE_DIR, /work/trixie
# unless set): Debian 12's R 4.2 on the host, then R 4.5 with survey 4.4, metafor 4.8 and lme4 in the chroot, each
# printing its versions and BLAS. The survey part also runs SurveyUserJvmBenchmark (the overall share, the 120
# domains and raking, coded and per call, beside their bound, after every estimator form has run in the JVM). In
# the chroot, metafor times REML on k = 50 only (leave1out on k = 1,000 takes 27 minutes on the host already).
# The tables it prints are what docs/performance.md records. The meta-analysis part takes about an hour, most of
# it metafor's leave1out; the survey part about twenty minutes.
set -eu
cd "$(dirname "$0")/.."
./mvnw -q -B -ntp -Pbenchmarks -pl benchmarks -am package -DskipTests
part=${1:-all}
classpath="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
trixie=${TRIXIE_DIR:-/work/trixie}
# Rscript in Debian 13's chroot, in benchmarks/ (paths relative to it), if the chroot is there.
r45() {
  if [ -x "$trixie/usr/bin/Rscript" ]; then
    echo "== Debian 13's R (chroot $trixie)"
    benchmarks/trixie-r.sh run benchmarks "$@"
  else
    echo "== no Debian 13 chroot at $trixie (benchmarks/trixie-r.sh builds it): R 4.5 not timed"
  fi
}
if [ "$part" = all ] || [ "$part" = meta ]; then
  java -cp "$classpath" org.openjdk.jmh.Main MetaAnalysisBenchmark -rf csv -rff benchmarks/target/jmh-meta.csv
  Rscript benchmarks/metafor-timing.R benchmarks/target/jmh-meta.csv | tee benchmarks/target/results-meta.md
  r45 metafor-timing.R target/jmh-meta.csv data reml | tee benchmarks/target/results-meta-r45.md
fi
if [ "$part" = all ] || [ "$part" = survey ]; then
  Rscript benchmarks/data/respondents.R benchmarks/target/respondents.csv "${RESPONDENTS:-1000000}"
  # The benchmarks read benchmarks/target/respondents.csv and fork with -Xmx1g.
  java -cp "$classpath" org.openjdk.jmh.Main 'SurveyBenchmark\.' -rf csv -rff benchmarks/target/jmh-survey.csv
  java -cp "$classpath" org.openjdk.jmh.Main \
      'SurveyUserJvmBenchmark\.(overall(Taylor|TaylorAnswers|Bound)|domains(Taylor|TaylorCoded|Bound)|rakeTwoMargins(Coded)?)$' \
      -rf csv -rff benchmarks/target/jmh-survey-user.csv
  Rscript benchmarks/survey-timing.R benchmarks/target/jmh-survey.csv benchmarks/target/respondents.csv \
      benchmarks/target/jmh-survey-user.csv | tee benchmarks/target/results-survey.md
  r45 survey-timing.R target/jmh-survey.csv target/respondents.csv target/jmh-survey-user.csv \
      | tee benchmarks/target/results-survey-r45.md
fi
if [ "$part" = all ] || [ "$part" = adoption ]; then
  java -cp "$classpath" org.openjdk.jmh.Main AdoptionBenchmark -rf csv -rff benchmarks/target/jmh-adoption.csv
  Rscript benchmarks/adoption-timing.R benchmarks/target/jmh-adoption.csv | tee benchmarks/target/results-adoption.md
  cp stats/src/test/resources/org/smesurvey/stats/adoption/adoption-design.csv benchmarks/target/
  r45 adoption-timing.R target/jmh-adoption.csv target/adoption-design.csv \
      | tee benchmarks/target/results-adoption-r45.md
fi
if [ "$part" = all ] || [ "$part" = glmm ]; then
  java -cp "$classpath" org.openjdk.jmh.Main GlmmBenchmark -rf csv -rff benchmarks/target/jmh-glmm.csv
  Rscript benchmarks/glmm-timing.R benchmarks/target/jmh-glmm.csv | tee benchmarks/target/results-glmm.md
  r45 glmm-timing.R target/jmh-glmm.csv | tee benchmarks/target/results-glmm-r45.md
fi
