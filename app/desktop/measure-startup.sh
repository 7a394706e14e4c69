#!/usr/bin/env bash
# Measures the desktop's startup: JVM start to first painted window, and to the catalog filled with every
# plugin of the development tree loaded. Median of N runs (default 5). Needs a display: run under
#   xvfb-run -a -s "-screen 0 1280x1024x24" app/desktop/measure-startup.sh
# after `mvn -o -q -pl app/desktop package -DskipTests` (or any build that filled target/classes).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
runs="${1:-5}"
cp_file="$here/target/runtime-classpath.txt"
if [ ! -s "$cp_file" ]; then
    (cd "$root" && mvn -B -o -q -pl app/desktop dependency:build-classpath -Dmdep.outputFile="$cp_file" \
        -Dmdep.includeScope=runtime) >&2
fi
cp="$here/target/classes:$(cat "$cp_file")"
data="$(mktemp -d)"
trap 'rm -rf "$data"' EXIT
paint=(); ready=(); paintcpu=(); readycpu=()
for i in $(seq "$runs"); do
    out="$(PAGELAB_DEV_ROOT="$root" java ${PAGELAB_JAVA_OPTS:-} -cp "$cp" pagelab.app.desktop.PageLabDesktop \
        --data-dir "$data" --startup-time --quit-after-paint)"
    paint+=("$(echo "$out" | awk '/^startup-ms/ {print $2}')")
    ready+=("$(echo "$out" | awk '/^plugins-loaded-ms/ {print $2}')")
    paintcpu+=("$(echo "$out" | awk '/^startup-ms/ {print $4}')")
    readycpu+=("$(echo "$out" | awk '/^plugins-loaded-ms/ {print $4}')")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "first paint (ms):      ${paint[*]}  median $(median "${paint[@]}")"
echo "plugins loaded (ms):   ${ready[*]}  median $(median "${ready[@]}")"
echo "JVM CPU time at first paint (ms, all threads): ${paintcpu[*]}  median $(median "${paintcpu[@]}")"
echo "JVM CPU time when plugins loaded (ms):         ${readycpu[*]}  median $(median "${readycpu[@]}")"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) CPUs (wall times stretch with load; CPU times do not)"
