#!/usr/bin/env bash
# A modular application on the module path: compiles tools/module-consumer (its own module-info.java requires
# org.smesurvey.core, .stats and .charts) with javac --module-path against the jars the build made and their
# dependencies, then runs it. It fits a meta-analysis, compares it with metafor and draws a forest plot.
# Run after ./mvnw package (or verify), as .ci/run does:  tools/check-modules.sh
#
# core is an explicit module (module-info.java); stats and charts are automatic modules with the names in their
# manifests, because commons-math3 3.6.1 and tablesaw-core 0.44.4 declare no module name (docs/modules.md).
# Tablesaw, an automatic module, cannot name the explicit modules it needs (io.github.classgraph, org.slf4j) and
# charts cannot name org.jfree.svg, so the application runs with --add-modules ALL-MODULE-PATH.
set -euo pipefail
cd "$(dirname "$0")/.."

version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -1)
jars=""
for module in core stats charts; do
  jar="$module/target/smesurvey-$module-$version.jar"
  if [ ! -f "$jar" ]; then
    echo "check-modules: $jar is missing; build it first: ./mvnw package -DskipTests -pl charts -am" >&2
    exit 1
  fi
  jars="$jars:$jar"
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The dependencies of charts (and so of stats and core), with the SLF4J binding its tests use, as an application
# would choose one; JUnit and smesurvey's own artifacts are left out (the jars above stand for the latter).
./mvnw -q -pl charts -am dependency:build-classpath -Dmdep.includeScope=test \
  -DexcludeGroupIds=org.smesurvey,org.junit.jupiter,org.junit.platform,org.opentest4j,org.apiguardian,org.jspecify \
  -Dmdep.outputFile="$work/dependencies.txt" >/dev/null
modulepath="${jars#:}:$(cat "$work/dependencies.txt")"

javac -Xlint:all -Werror -Xlint:-requires-automatic,-requires-transitive-automatic \
  --module-path "$modulepath" -d "$work/classes" \
  $(find tools/module-consumer/src -name '*.java')
java -Djava.awt.headless=true --module-path "$work/classes:$modulepath" --add-modules ALL-MODULE-PATH \
  --module org.smesurvey.moduleconsumer/org.smesurvey.moduleconsumer.Main "$work/charts"
