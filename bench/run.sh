#!/usr/bin/env bash
# PageLab kernel benchmarks (issues 2 and 3, Performance): builds the JMH module, compiles the C baselines,
# runs everything and prints one table: benchmark, simulator, baseline, ratio, target, PASS/FAIL/SKIP.
#
#   bench/run.sh                      build, measure (10 to 15 minutes on 2 busy cores), print the table
#   bench/run.sh --skip-build         reuse plugins/kernel-bench/target/benchmarks.jar
#   bench/run.sh --installed-kernel   build only kernel-bench, against the kernel jars installed in ~/.m2
#                                     (or in the local repository MVN_ARGS names with -Dmaven.repo.local=...)
#   bench/run.sh --quick              1 short iteration per benchmark: checks the script, not the figures
#   bench/run.sh --profile REGEX      only JMH -prof gc and -prof stack for the benchmarks matching REGEX;
#                                     JMH options may follow after --, e.g. -- -p trace=false -p arch=x64
#
# The VirtualQuery benchmarks run QUERY_FORKS times (5; 1 with --quick), one fork each, and the table takes each
# score's median, so that one slow fork cannot decide a ratio.
# Raw results go to bench-results/<date-time>/ (git-ignored; bench-results/latest points at the newest run).
# Environment: MVN_ARGS (e.g. -o) is passed to Maven; JAVA (default java) runs the benchmarks.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR=$ROOT/plugins/kernel-bench/target/benchmarks.jar
JAVA=${JAVA:-java}
# Eight warm-up seconds: a traced benchmark's JIT settles only after several (its first iterations swing between
# 1x and 15x its steady state as the compiler redoes the trace's paths; docs/benchmarks.md, 2026-12-04).
JMH_OPTS=(-f 1 -wi 8 -w 1s -i 5 -r 1s)
QUERY_FORKS=${QUERY_FORKS:-5}
BUILD=yes
PROFILE=
JMH_EXTRA=()

usage() {
    sed -n '2,13s/^# \{0,1\}//p' "$0"
}

while [[ $# -gt 0 ]]; do
    case $1 in
        --skip-build) BUILD=no ;;
        --installed-kernel) BUILD=installed ;;
        --quick) JMH_OPTS=(-f 1 -wi 0 -i 1 -r 200ms); QUERY_FORKS=1 ;;
        --profile)
            [[ $# -ge 2 ]] || { echo "run.sh: --profile needs a benchmark REGEX" >&2; exit 2; }
            PROFILE=$2
            shift ;;
        -h|--help) usage; exit 0 ;;
        --) shift; JMH_EXTRA=("$@"); break ;;
        *) echo "run.sh: unknown option '$1'" >&2; usage >&2; exit 2 ;;
    esac
    shift
done

for tool in "$JAVA" gcc; do
    command -v "$tool" >/dev/null || { echo "run.sh: '$tool' is needed and not on the PATH" >&2; exit 2; }
done

KERNEL="kernel modules built from the source tree at $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"
if [[ -n $(git -C "$ROOT" status --porcelain -- plugins/kernel-api plugins/kernel-sim 2>/dev/null) ]]; then
    KERNEL="$KERNEL, with uncommitted changes in plugins/kernel-api or plugins/kernel-sim"
fi
if [[ $BUILD == yes ]]; then
    echo "== building plugins/kernel-bench and the kernel modules it needs, from the source tree"
    if ! (cd "$ROOT" && mvn -B -q ${MVN_ARGS:-} -Pbench -pl plugins/kernel-bench -am package -DskipTests); then
        echo "run.sh: the build failed (see above). To measure the kernel installed in ~/.m2 instead, run" >&2
        echo "        bench/run.sh --installed-kernel" >&2
        exit 1
    fi
elif [[ $BUILD == installed ]]; then
    echo "== building plugins/kernel-bench against the kernel jars installed in ~/.m2"
    (cd "$ROOT" && mvn -B -q ${MVN_ARGS:-} -Pbench -pl plugins/kernel-bench package -DskipTests)
    REPO=$(sed -n 's/.*-Dmaven\.repo\.local=\([^ ]*\).*/\1/p' <<< "${MVN_ARGS:-}")
    SIM=${REPO:-$HOME/.m2/repository}/org/pagelab/kernel-sim/0.1.0-SNAPSHOT/kernel-sim-0.1.0-SNAPSHOT.jar
    KERNEL="kernel-sim installed in ${REPO:-~/.m2} on $(date -u -r "$SIM" '+%Y-%m-%d %H:%M UTC' 2>/dev/null || echo '?')"
else
    KERNEL="whatever $JAR was built with (--skip-build)"
fi
[[ -f $JAR ]] || { echo "run.sh: $JAR is missing; run without --skip-build" >&2; exit 2; }

OUT=$ROOT/bench-results/$(date -u +%Y%m%d-%H%M%S)${PROFILE:+-profile}
mkdir -p "$OUT/bin"
PROPS=$OUT/measurements.properties
: > "$PROPS"

if [[ -n $PROFILE ]]; then
    echo "== JMH -prof gc -prof stack for '$PROFILE' (raw output: $OUT/profile.log)"
    "$JAVA" -jar "$JAR" "${JMH_OPTS[@]}" ${JMH_EXTRA[@]+"${JMH_EXTRA[@]}"} -prof gc -prof "stack:lines=6;top=15" \
        "$PROFILE" > "$OUT/profile.log" 2>&1 \
        || echo "(JMH exited with an error: see $OUT/profile.log)"
    awk '/^# Benchmark:/ || /^# Parameters:/ {print} /Stack profiler:/ {n = 40} n > 0 {print; n--}' "$OUT/profile.log"
    sed -n '/^Benchmark .*Mode/,$p' "$OUT/profile.log"
    exit 0
fi
ln -sfn "$(basename "$OUT")" "$ROOT/bench-results/latest"

{
    echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "host: $(uname -srm), $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo) RAM"
    echo "cpu: $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)"
    echo "java: $("$JAVA" -version 2>&1 | head -1)"
    echo "gcc: $(gcc --version | head -1)"
    echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "kernel: $KERNEL"
    echo "jmh options: ${JMH_OPTS[*]}"
} > "$OUT/environment.txt"
cat "$OUT/environment.txt"

echo "== C baselines (gcc -O2)"
gcc -O2 -Wall -Wextra -o "$OUT/bin/mmap_pair" "$ROOT/bench/c/mmap_pair.c"
gcc -O2 -Wall -Wextra -o "$OUT/bin/malloc_pair" "$ROOT/bench/c/malloc_pair.c"
"$OUT/bin/mmap_pair" private 65536 | tee -a "$PROPS"
"$OUT/bin/mmap_pair" shared 1048576 | tee -a "$PROPS"
"$OUT/bin/malloc_pair" | tee -a "$PROPS"

echo "== which kernel families are implemented"
"$JAVA" -cp "$JAR" pagelab.bench.KernelFeatures | awk '{print "feature." $1 "=" $2}' | tee -a "$PROPS"

echo "== heap footprint (-Xmx64m; an OutOfMemoryError is a failure, then re-measured with -Xmx1g)"
for trace in false true; do
    mode=$([[ $trace == true ]] && echo trace || echo notrace)
    log=$OUT/footprint-$mode.log
    if ! "$JAVA" -Xmx64m -XX:+UseSerialGC -cp "$JAR" pagelab.bench.FootprintMeasure $trace > "$log" 2>&1; then
        grep -q OutOfMemoryError "$log" && echo "footprint.$mode.oomAt64m=true" >> "$PROPS"
        "$JAVA" -Xmx1g -XX:+UseSerialGC -cp "$JAR" pagelab.bench.FootprintMeasure $trace > "$log.1g" 2>&1 || true
        log=$log.1g
    fi
    grep '^footprint\.' "$log" | tee -a "$PROPS" || true
done

echo "== 3 GiB file through 64 KiB views"
"$JAVA" -Xmx1g -cp "$JAR" pagelab.bench.BigFileScan > "$OUT/bigfile.log" 2>&1 || true
grep '^bigfile\.' "$OUT/bigfile.log" | tee -a "$PROPS" || echo "(no result: see $OUT/bigfile.log)"

echo "== machine start-up time"
"$JAVA" -cp "$JAR" pagelab.bench.StartupMeasure > "$OUT/startup.log" 2>&1 || true
grep '^startup\.' "$OUT/startup.log" | tee -a "$PROPS" || echo "(no result: see $OUT/startup.log)"

echo "== a traced call while the trace keeps it"
"$JAVA" -cp "$JAR" pagelab.bench.KeptTraceMeasure > "$OUT/kepttrace.log" 2>&1 || true
grep '^keptTrace\.' "$OUT/kepttrace.log" | tee -a "$PROPS" || echo "(no result: see $OUT/kepttrace.log)"

benches='MemoryAccess|ByteArrayBaseline|VirtualAllocPair'
grep -q '^feature.heap=yes' "$PROPS" && benches="$benches|HeapPair"
grep -q '^feature.mapping=yes' "$PROPS" && benches="$benches|MapViewPair"
echo "== JMH ${JMH_OPTS[*]}: $benches (log: $OUT/jmh.log)"
"$JAVA" -jar "$JAR" "${JMH_OPTS[@]}" -rf csv -rff "$OUT/jmh.csv" "pagelab\.bench\.($benches)Bench\." \
    > "$OUT/jmh.log" 2>&1 || echo "(JMH exited with an error: see $OUT/jmh.log)"
sed -n '/^Benchmark .*Mode/,$p' "$OUT/jmh.log" | grep -v '^Benchmark result is saved' || true

echo "== JMH ${JMH_OPTS[*]}, $QUERY_FORKS times: VirtualQuery|VirtualQueryWalk (log: $OUT/jmh-query.log)"
for fork in $(seq 1 "$QUERY_FORKS"); do
    "$JAVA" -jar "$JAR" "${JMH_OPTS[@]}" -rf csv -rff "$OUT/jmh-query-$fork.csv" \
        'pagelab\.bench\.(VirtualQuery|VirtualQueryWalk)Bench\.' >> "$OUT/jmh-query.log" 2>&1 \
        || echo "(JMH exited with an error: see $OUT/jmh-query.log)"
done
grep -h '^"pagelab' "$OUT"/jmh-query-*.csv 2>/dev/null | cut -d, -f1,5,8- | sort || true

echo
"$JAVA" -cp "$JAR" pagelab.bench.ResultTable "$OUT" | tee "$OUT/table.txt"
echo
echo "raw results: $OUT"
