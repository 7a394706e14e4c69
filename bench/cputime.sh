#!/usr/bin/env bash
# A cross-check of bench/run.sh's rows for a busy host: the same operations timed by the thread's CPU time, which
# other tenants inflate less than the wall clock (pagelab.bench.CpuTimeRows, bench/c built with
# -DPAGELAB_CLOCK=CLOCK_THREAD_CPUTIME_ID). Prints key=value lines.
#
#   bench/cputime.sh                  the kernel in plugins/kernel-bench/target/benchmarks.jar (run bench/run.sh first)
#   bench/cputime.sh --lib DIR        the kernel-api and kernel-sim jars in DIR (e.g. another build's app/dist/target/lib)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR=$ROOT/plugins/kernel-bench/target/benchmarks.jar
JAVA=${JAVA:-java}
CP=$JAR
if [[ ${1:-} == --lib ]]; then
    CP="$2/kernel-api-0.1.0-SNAPSHOT.jar:$2/kernel-sim-0.1.0-SNAPSHOT.jar:$JAR" # theirs first: they win
fi
[[ -f $JAR ]] || { echo "cputime.sh: $JAR is missing; run bench/run.sh first" >&2; exit 2; }

BIN=$(mktemp -d)
trap 'rm -rf "$BIN"' EXIT
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
gcc -O2 -DPAGELAB_CLOCK=CLOCK_THREAD_CPUTIME_ID -o "$BIN/mmap_pair" "$ROOT/bench/c/mmap_pair.c"
gcc -O2 -DPAGELAB_CLOCK=CLOCK_THREAD_CPUTIME_ID -o "$BIN/malloc_pair" "$ROOT/bench/c/malloc_pair.c"
"$BIN/mmap_pair" private 65536
"$BIN/mmap_pair" shared 1048576
"$BIN/malloc_pair"
"$JAVA" -cp "$CP" pagelab.bench.CpuTimeRows bytearray false
"$JAVA" -cp "$CP" pagelab.bench.CpuTimeRows query100 false
for row in memory valloc mapview heap query100000; do
    "$JAVA" -cp "$CP" pagelab.bench.CpuTimeRows "$row" false
    "$JAVA" -cp "$CP" pagelab.bench.CpuTimeRows "$row" true
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
