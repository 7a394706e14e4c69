#!/usr/bin/env bash
# What a student and a grader feel of grading (issue 12's speed targets), as timed runs of ./pagelab on the built
# distribution (app/dist/target; build it first, e.g. with ./pagelab or mvn -B -DskipTests install):
#   - `check sparse-cells --reference`, cold (a fresh data folder: javac, a class-data archive not yet made) and
#     warm (the compile cache and the grading child's archive in place), each the median of ROUNDS runs;
#   - `grade sparse-cells` of N distinct submissions (the reference, each with its own first line, so each is
#     compiled on its own) with --jobs JOBS, in graded mode (a fresh child JVM per submission, bubblewrap where it
#     works), once after a warm-up grade that trains the grading child's class-data archive.
#
#   bench/grading.sh [N] [JOBS] [ROUNDS]        defaults: 200 2 5
#
# Prints one line per measurement and the load average before and after: on a shared machine, note it.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
N=${1:-200}
JOBS=${2:-2}
ROUNDS=${3:-5}
DIST=$ROOT/app/dist/target
[[ -f $DIST/pagelab.jar ]] || { echo "grading.sh: build the distribution first ($DIST/pagelab.jar)" >&2; exit 2; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
# what a student types: ./pagelab (its JVM options and its command line's class-data archive, made here if missing)
PAGELAB=("$ROOT/pagelab")
"${PAGELAB[@]}" --version >/dev/null

seconds() { # runs "$@", prints its wall time in seconds
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s.%N)
    echo "$end - $start" | bc
}

median() {
    sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'
}

await_archive() { # waits (up to 2 minutes) until the data folder's child archive is trained
    local i
    for i in $(seq 240); do
        compgen -G "$1/cache/cds/*.jsa" >/dev/null && ! compgen -G "$1/cache/cds/*.training" >/dev/null && return
        sleep 0.5
    done
    echo "grading.sh: no class-data archive in $1 after 2 minutes; measuring without" >&2
}

echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"

cold=()
for _ in $(seq "$ROUNDS"); do
    rm -rf "$WORK/cold"
    cold+=("$(PAGELAB_HOME=$WORK/cold seconds "${PAGELAB[@]}" check sparse-cells --reference)")
done
echo "check sparse-cells --reference, cold: median $(printf '%s\n' "${cold[@]}" | median) s of ${cold[*]}"

# the grading child's class-data archive: wanted by the first check, trained in the background after the second
for _ in 1 2; do
    PAGELAB_HOME=$WORK/warm "${PAGELAB[@]}" check sparse-cells --reference >/dev/null 2>&1 || true
done
await_archive "$WORK/warm"
warm=()
for _ in $(seq "$ROUNDS"); do
    warm+=("$(PAGELAB_HOME=$WORK/warm seconds "${PAGELAB[@]}" check sparse-cells --reference)")
done
echo "check sparse-cells --reference, warm: median $(printf '%s\n' "${warm[@]}" | median) s of ${warm[*]}"

mkdir -p "$WORK/class"
reference=$(unzip -p "$DIST/plugins/sparse-cells.jar" sparse-cells/reference/SparseSpreadsheet.java)
for i in $(seq -w 1 "$N"); do
    mkdir -p "$WORK/class/s$i"
    { echo "// submission $i"; echo "$reference"; } > "$WORK/class/s$i/SparseSpreadsheet.java"
done
PAGELAB_HOME=$WORK/grade "${PAGELAB[@]}" grade sparse-cells "$WORK/class" --out "$WORK/warmup.csv" \
    --jobs "$JOBS" >/dev/null 2>&1 || true # trains the class-data archive; the sources are then in the cache
await_archive "$WORK/grade"
rm -rf "$WORK/grade/cache/classes"
g=$(PAGELAB_HOME=$WORK/grade seconds "${PAGELAB[@]}" grade sparse-cells "$WORK/class" --out "$WORK/grades.csv" \
    --jobs "$JOBS")
graded=$(grep -c ',graded,' "$WORK/grades.csv" || true)
echo "grade sparse-cells, $N submissions, --jobs $JOBS: $g s ($graded graded), $(echo "scale=3; $g / $N" | bc) s each"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
