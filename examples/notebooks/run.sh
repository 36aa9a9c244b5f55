#!/bin/sh
# Executes every notebook of examples/notebooks headless with the Java kernel; a failing cell fails the script.
#   examples/notebooks/run.sh
# Needs Jupyter from Debian (apt-get install jupyter-nbconvert python3-nbclient python3-ipykernel) and a JDK 17+.
# Builds smesurvey and its dependencies into examples/target/notebook-lib (the notebooks' %jar), fetches the
# kernel (io.github.padreati:rapaio-jupyter-kernel) from Maven Central into examples/target/jupyter with its
# kernel.json, writes the executed notebooks, charts included, to examples/target/notebooks, and fails on an
# error or a stray output in them (examples/notebooks/check-outputs.py).
set -eu
cd "$(dirname "$0")/../.."
root=$(pwd)
kernel_version=3.0.1

if ! command -v jupyter >/dev/null; then
  echo "jupyter not found: apt-get install jupyter-nbconvert python3-nbclient python3-ipykernel" >&2
  exit 1
fi

echo "== building smesurvey into examples/target/notebook-lib"
rm -rf examples/target/notebook-lib
./mvnw -q -B -ntp -pl examples -am package dependency:copy-dependencies -DskipTests -DincludeScope=runtime \
    -DoutputDirectory="$root/examples/target/notebook-lib"
cp examples/target/smesurvey-examples-*.jar examples/target/notebook-lib/

echo "== the Java kernel, rapaio-jupyter-kernel $kernel_version"
kernels="$root/examples/target/jupyter/kernels/rapaio-jupyter-kernel"
mkdir -p "$kernels"
./mvnw -q -B -ntp -N dependency:copy -Dartifact="io.github.padreati:rapaio-jupyter-kernel:$kernel_version" \
    -DoutputDirectory="$kernels"
cat > "$kernels/kernel.json" <<JSON
{
  "argv": ["java", "-Djava.awt.headless=true", "-jar", "$kernels/rapaio-jupyter-kernel-$kernel_version.jar",
           "{connection_file}"],
  "display_name": "Java (rjk $kernel_version)",
  "language": "java",
  "interrupt_mode": "message",
  "env": {"RJK_TIMEOUT_MILLIS": "-1"}
}
JSON

echo "== executing the notebooks"
mkdir -p examples/target/notebooks
log=examples/target/notebooks/nbconvert.log
for notebook in examples/notebooks/*.ipynb; do
  echo "-- $notebook"
  # A kernel that does not answer at start-up is retried, up to five times (it happens: once in two CI runs of
  # 2026-12-07, three times in a row in one of them); a failing cell is not.
  for attempt in 1 2 3 4 5; do
    if JUPYTER_PATH="$root/examples/target/jupyter" jupyter nbconvert --to notebook --execute \
        --ExecutePreprocessor.timeout=600 --ExecutePreprocessor.startup_timeout=60 \
        --output-dir examples/target/notebooks "$notebook" > "$log" 2>&1; then
      break
    fi
    if [ "$attempt" -lt 5 ] && grep -q "Kernel didn't respond" "$log"; then
      echo "   the kernel did not start; trying again"
      continue
    fi
    grep -v "INFO" "$log" >&2
    exit 1
  done
done
# The %jar cells' class-path lines are not for the reader: their outputs go (cells tagged remove-output).
jupyter nbconvert --to notebook --inplace --TagRemovePreprocessor.enabled=True \
    --TagRemovePreprocessor.remove_all_outputs_tags=remove-output examples/target/notebooks/*.ipynb \
    > "$log" 2>&1 || { cat "$log" >&2; exit 1; }
echo "== checking the executed notebooks for errors and stray outputs"
python3 examples/notebooks/check-outputs.py examples/target/notebooks/*.ipynb
echo "Executed notebooks are in examples/target/notebooks"
