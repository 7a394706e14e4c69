#!/usr/bin/env bash
# Measures what a student waits for after typing ./pagelab: from the JVM's start (java -jar, with the launcher's
# options and its class-data archive) to the first painted window, and to the catalog filled with every shipped
# plugin. Median of N runs (default 5). Needs a display: on a machine without one run
#   xvfb-run -a -s "-screen 0 1280x1024x24" app/dist/measure-startup.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs="${1:-5}"
data="$(mktemp -d)"
trap 'rm -rf "$data"' EXIT
export PAGELAB_HOME="$data"
# A student's first start builds PageLab if needed and makes the launcher's class-data archive; not measured.
PAGELAB_JAVA_OPTS="-Dpagelab.quitAfterPaint=true" "$root/pagelab" >/dev/null 2>&1 || true
paint=(); ready=()
for i in $(seq "$runs"); do
    out="$(PAGELAB_JAVA_OPTS="-Dpagelab.startupTime=true -Dpagelab.quitAfterPaint=true" "$root/pagelab" 2>&1)"
    paint+=("$(echo "$out" | awk '/^startup-ms/ {print $2}')")
    ready+=("$(echo "$out" | awk '/^plugins-loaded-ms/ {print $2}')")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "first paint (ms):      ${paint[*]}  median $(median "${paint[@]}")"
echo "plugins loaded (ms):   ${ready[*]}  median $(median "${ready[@]}")  ($(ls "$root/app/dist/target/plugins" | wc -l) plugins)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) CPUs (wall times stretch with load)"
