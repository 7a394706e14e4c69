#!/usr/bin/env bash
# Two (or more) builds' grading compared in one run, alternating, so both meet the same moments of a shared
# machine: `grade sparse-cells` of N distinct submissions (the reference, each with its own first line) with --jobs 2
# in graded mode, per distribution (app/dist/target, or a copy of one: pagelab.jar, lib/, plugins/). Two warm-up
# grades per distribution first (the grading child's class-data archive is wanted by the first and trained after
# the second), then ROUNDS timed grades each, with the machine's CPU time from /proc/stat.
#
#   bench/grading-ab.sh N ROUNDS DIST...        e.g. bench/grading-ab.sh 100 1 /tmp/dist-before app/dist/target
set -euo pipefail

[[ $# -ge 3 ]] || { sed -n '2,8s/^# \{0,1\}//p' "$0"; exit 2; }
N=$1
ROUNDS=$2
shift 2
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
reference=$(unzip -p "$1/plugins/sparse-cells.jar" sparse-cells/reference/SparseSpreadsheet.java)
for i in $(seq -w 1 "$N"); do
    mkdir -p "$WORK/class/s$i"
    { echo "// submission $i"; echo "$reference"; } > "$WORK/class/s$i/SparseSpreadsheet.java"
done
cpu() { awk '/^cpu /{print ($2 + $3 + $4 + $7 + $8) / 100}' /proc/stat; }

grade() { # dist home csv
    PAGELAB_HOME=$2 java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dpagelab.plugins.dir="$1/plugins" \
        -jar "$1/pagelab.jar" grade sparse-cells "$WORK/class" --out "$3" --jobs 2 >/dev/null 2>&1 || true
}

i=0
for dist in "$@"; do
    grade "$dist" "$WORK/home$i" "$WORK/warm.csv"
    grade "$dist" "$WORK/home$i" "$WORK/warm.csv"
    for _ in $(seq 240); do
        compgen -G "$WORK/home$i/cache/cds/*.training" >/dev/null || break
        sleep 0.5
    done
    i=$((i + 1))
done
for r in $(seq "$ROUNDS"); do
    i=0
    for dist in "$@"; do
        rm -rf "$WORK/home$i/cache/classes"
        load=$(cut -d' ' -f1 /proc/loadavg)
        c0=$(cpu)
        t0=$(date +%s.%N)
        grade "$dist" "$WORK/home$i" "$WORK/grades.csv"
        t1=$(date +%s.%N)
        c1=$(cpu)
        echo "$dist round $r: $(echo "$t1 - $t0" | bc) s, $(echo "$c1 - $c0" | bc) CPU-s" \
            "($(echo "scale=3; ($c1 - $c0) / $N" | bc) each), $(grep -c ',graded,' "$WORK/grades.csv" || true)" \
            "graded, load $load at the start"
        i=$((i + 1))
    done
done
