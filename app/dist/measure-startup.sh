#!/usr/bin/env bash
# Measures what a student waits for after typing ./pagelab: from the JVM's start (java -jar, with the launcher's
# options and its class-data archive) to the first painted window, and to the catalog filled with every shipped
# plugin. Median of N runs (default 5). Needs a display: on a machine without one run
#   xvfb-run -a -s "-screen 0 1280x1024x24" app/dist/measure-startup.sh
# A second argument measures another launcher the same way: the release's bin/pagelab, or the packaged app's
#   app/dist/measure-startup.sh 5 app/dist/target/jpackage/image/PageLab/bin/PageLab
# (the options go in JAVA_TOOL_OPTIONS, which the JVM itself reads, whichever launcher started it).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs="${1:-5}"
launcher="${2:-$root/pagelab}"
data="$(mktemp -d)"
trap 'rm -rf "$data"' EXIT
export PAGELAB_HOME="$data"
# A student's first start builds PageLab if needed and makes the launcher's class-data archive; not measured.
JAVA_TOOL_OPTIONS="-Dpagelab.quitAfterPaint=true" "$launcher" >/dev/null 2>&1 || true
paint=(); ready=()
for i in $(seq "$runs"); do
    out="$(JAVA_TOOL_OPTIONS="-Dpagelab.startupTime=true -Dpagelab.quitAfterPaint=true" "$launcher" 2>&1)"
    paint+=("$(echo "$out" | awk '/^startup-ms/ {print $2}')")
    ready+=("$(echo "$out" | awk '/^plugins-loaded-ms/ {print $2}')")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "$launcher"
echo "first paint (ms):      ${paint[*]}  median $(median "${paint[@]}")"
echo "plugins loaded (ms):   ${ready[*]}  median $(median "${ready[@]}")  ($(ls "$root/app/dist/target/plugins" | wc -l) plugins)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) CPUs (wall times stretch with load)"
