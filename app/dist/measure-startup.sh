#!/usr/bin/env bash
# Measures what a student waits for after typing ./pagelab: from the JVM's start (java -jar, with the launcher's
# options and its class-data archive) to the first painted window, and to the catalog filled with every shipped
# plugin. Median of N runs (default 5). Needs a display: on a machine without one run
#   xvfb-run -a -s "-screen 0 1280x1024x24" app/dist/measure-startup.sh
# More arguments measure other launchers the same way: the release's bin/pagelab, or the packaged app's
#   app/dist/measure-startup.sh 5 app/dist/target/jpackage/image/PageLab/bin/PageLab
# (the options go in JAVA_TOOL_OPTIONS, which the JVM itself reads, whichever launcher started it). Several launchers
# take turns, one run of each per round, so that a change in the machine's load falls on all of them alike:
#   app/dist/measure-startup.sh 9 ./pagelab app/dist/target/jpackage/image/PageLab/bin/PageLab
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs="${1:-5}"
shift || true
launchers=("$@")
[ ${#launchers[@]} -gt 0 ] || launchers=("$root/pagelab")
data="$(mktemp -d)"
trap 'rm -rf "$data"' EXIT
export PAGELAB_HOME="$data"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
# A student's first start builds PageLab if needed and makes the launcher's class-data archive; not measured.
for launcher in "${launchers[@]}"; do
    JAVA_TOOL_OPTIONS="-Dpagelab.quitAfterPaint=true" "$launcher" >/dev/null 2>&1 || true
done
declare -A paint ready cpu
for i in $(seq "$runs"); do
    for l in "${!launchers[@]}"; do
        out="$(JAVA_TOOL_OPTIONS="-Dpagelab.startupTime=true -Dpagelab.quitAfterPaint=true" "${launchers[$l]}" 2>&1)"
        paint[$l]="${paint[$l]:-} $(echo "$out" | awk '/^startup-ms/ {print $2}')"
        ready[$l]="${ready[$l]:-} $(echo "$out" | awk '/^plugins-loaded-ms/ {print $2}')"
        cpu[$l]="${cpu[$l]:-} $(echo "$out" | awk '/^plugins-loaded-ms/ {print $4}')"
    done
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
plugins="$(ls "$root/app/dist/target/plugins" | wc -l)"
for l in "${!launchers[@]}"; do
    # shellcheck disable=SC2086 # the lists are numbers separated by spaces
    {
        echo "${launchers[$l]}"
        echo "first paint (ms):     ${paint[$l]}  median $(median ${paint[$l]})"
        echo "plugins loaded (ms):  ${ready[$l]}  median $(median ${ready[$l]})  ($plugins plugins)"
        # The JVM's CPU time by then: what the start costs, which the machine's load stretches less than wall time.
        echo "CPU until then (ms):  ${cpu[$l]}  median $(median ${cpu[$l]})"
    }
done
echo "load average: $load_before before, $(cut -d' ' -f1-3 /proc/loadavg) after, on $(nproc) CPUs" \
    "(wall times stretch with load)"
