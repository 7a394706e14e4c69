#!/usr/bin/env bash
# A check's wall time for every exercise, as a student feels it: `check ID --reference` of a built distribution
# (app/dist/target, or another build's copy), warm (the compile cache and the grading child's class-data archive in
# place), the median of ROUNDS runs. With two distributions, runs alternate between them, so both meet the same
# moments of a shared machine.
#
#   bench/checks.sh [ROUNDS] DIST [DIST2]         e.g. bench/checks.sh 5 /tmp/dist-before app/dist/target
#
# Prints one line per exercise: its median wall time in seconds under each distribution.
set -euo pipefail

ROUNDS=${1:-5}
shift
DISTS=("$@")
[[ ${#DISTS[@]} -ge 1 ]] || { echo "usage: bench/checks.sh [ROUNDS] DIST [DIST2]" >&2; exit 2; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

run() { # dist home id: wall seconds of one check
    local start end
    start=$(date +%s.%N)
    PAGELAB_HOME=$2 java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dpagelab.plugins.dir="$1/plugins" \
        -jar "$1/pagelab.jar" check "$3" --reference >/dev/null 2>&1 || true
    end=$(date +%s.%N)
    echo "$end - $start" | bc
}

median() {
    sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'
}

echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; $ROUNDS rounds; ${DISTS[*]}"
for jar in "${DISTS[0]}"/plugins/*.jar; do
    id=$(basename "$jar" .jar)
    line="$id"
    declare -A times=()
    for d in "${!DISTS[@]}"; do
        # warm: the compile cache and the grading child's archive (wanted by the first check, trained after the
        # second in the background: wait for it)
        run "${DISTS[$d]}" "$WORK/home$d" "$id" >/dev/null
        run "${DISTS[$d]}" "$WORK/home$d" "$id" >/dev/null
        for _ in $(seq 240); do
            compgen -G "$WORK/home$d/cache/cds/*.training" >/dev/null || break
            sleep 0.5
        done
        times[$d]=""
    done
    for _ in $(seq "$ROUNDS"); do
        for d in "${!DISTS[@]}"; do
            times[$d]+="$(run "${DISTS[$d]}" "$WORK/home$d" "$id") "
        done
    done
    for d in "${!DISTS[@]}"; do
        line+="  $(printf '%s\n' ${times[$d]} | median)"
    done
    echo "$line"
    unset times
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
