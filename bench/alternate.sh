#!/usr/bin/env bash
# Alternating rounds, for A/B comparisons on a noisy machine: each round runs one JMH benchmark once per jar
# given (in order), then bench/c/malloc_pair, and prints per jar the fastest of 8 half-second iterations after
# 4 of warm-up. Taking the minimum of each fork keeps the host's slow spells out of the comparison; alternating
# keeps both builds in the same spells.
#
#   bench/alternate.sh [-n ROUNDS] [-b BENCHMARK] [-p JMH_PARAM]... JAR...
#
#   -n ROUNDS      rounds (default 4)
#   -b BENCHMARK   JMH benchmark regex (default HeapPairBench)
#   -p K=V         JMH parameter (default trace=false); may repeat
#
# Build a jar per variant with `mvn -Pbench -pl plugins/kernel-bench package` and copy
# plugins/kernel-bench/target/benchmarks.jar aside between builds.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
ROUNDS=4
BENCH=HeapPairBench
PARAMS=()
while getopts "n:b:p:h" opt; do
    case $opt in
        n) ROUNDS=$OPTARG ;;
        b) BENCH=$OPTARG ;;
        p) PARAMS+=(-p "$OPTARG") ;;
        *) sed -n '2,12s/^# \{0,1\}//p' "$0"; exit 2 ;;
    esac
done
shift $((OPTIND - 1))
[[ $# -gt 0 ]] || { echo "alternate.sh: name at least one benchmarks.jar" >&2; exit 2; }
[[ ${#PARAMS[@]} -gt 0 ]] || PARAMS=(-p trace=false)

MALLOC=$(mktemp -d)/malloc_pair
trap 'rm -rf "$(dirname "$MALLOC")"' EXIT
gcc -O2 -o "$MALLOC" "$ROOT/bench/c/malloc_pair.c"

for round in $(seq 1 "$ROUNDS"); do
    line="round $round:"
    for jar in "$@"; do
        best=$(java -jar "$jar" "$BENCH" "${PARAMS[@]}" -f 1 -wi 4 -w 500ms -i 8 -r 500ms 2>&1 \
            | awk '/^Iteration/ {print $3}' | sort -n | head -1)
        line="$line  $(basename "$(dirname "$jar")")/$(basename "$jar")=${best:-failed}"
    done
    echo "$line  glibc=$("$MALLOC" | sed 's/.*=//')"
done
