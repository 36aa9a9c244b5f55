#!/usr/bin/env bash
# Are the jars reproducible? Builds the published modules (core, stats, charts, with their sources and Javadoc
# jars) and the examples' command-line jar twice from clean, tests skipped, and compares every jar byte for byte
# (sha256). The second build runs in a copy of the tree at another path, in another time zone and with a
# group-writable umask (002; Maven's reproducible mode applies 022 to the entries' modes, so the usual 022 and 002
# give one jar), so that a path, a clock or a file mode leaking into a jar shows. Exits 1 naming each jar that
# differs.
# .ci/run runs it; by hand: tools/check-reproducible.sh   (MAVEN_ARGS passes options such as -o to Maven)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
modules="core,stats,charts,examples"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

build() { # build DIR OUT: a clean package of the modules in DIR, their jars copied to OUT
  (cd "$1" && ./mvnw -q -B -ntp -pl "$modules" clean package -Dmaven.test.skip=true)
  mkdir -p "$2"
  for module in ${modules//,/ }; do
    cp "$1/$module"/target/*.jar "$2/"
  done
}

echo "== first build, in $root"
build "$root" "$work/first"

# The copy leaves out what builds make and git's own files: the build reads neither.
mkdir "$work/tree"
tar -C "$root" --exclude=./.git --exclude='./*/target' --exclude=./target -cf - . | tar -C "$work/tree" -xf -
echo "== second build, in a copy at $work/tree (TZ=Pacific/Chatham, umask 0002)"
(umask 0002 && TZ=Pacific/Chatham build "$work/tree" "$work/second")

status=0
count=0
for jar in "$work"/first/*.jar; do
  name=$(basename "$jar")
  count=$((count + 1))
  if [ ! -f "$work/second/$name" ]; then
    echo "MISSING from the second build: $name"
    status=1
  elif [ "$(sha256sum < "$jar")" != "$(sha256sum < "$work/second/$name")" ]; then
    echo "DIFFERS: $name"
    status=1
  fi
done
if [ "$count" -eq 0 ]; then
  echo "no jar was built"
  exit 1
fi
if [ "$status" -eq 0 ]; then
  echo "reproducible: $count jars byte-identical in two clean builds"
  (cd "$work/first" && sha256sum -- *.jar)
fi
exit "$status"
