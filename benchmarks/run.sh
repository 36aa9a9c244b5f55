#!/bin/sh
# Runs the JMH benchmarks, then times metafor on the same data, and prints both with their ratio:
#   benchmarks/run.sh            (from anywhere; needs R with metafor: apt-get install r-cran-metafor)
# The table it prints is what docs/performance.md records. Takes about an hour, most of it metafor's leave1out.
set -eu
cd "$(dirname "$0")/.."
./mvnw -q -B -Pbenchmarks -pl benchmarks -am package -DskipTests
java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" org.openjdk.jmh.Main \
    -rf csv -rff benchmarks/target/jmh.csv
Rscript benchmarks/metafor-timing.R benchmarks/target/jmh.csv | tee benchmarks/target/results.md
