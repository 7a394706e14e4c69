#!/usr/bin/env bash
# A private virtual display for the GUI tests of a build run without one (the "xvfb" profile of pom.xml).
#   xvfb.sh start STATE_DIR   starts Xvfb on a free display, prints it (":N") and nothing else
#   xvfb.sh stop STATE_DIR    stops it
# Xvfb picks the free display number itself (-displayfd), so builds running side by side never collide. A
# watchdog stops it when the Maven process that started it ends, so a failed or interrupted build (no "stop")
# leaves no Xvfb behind.
set -euo pipefail
cmd="$1"
state="$2"
case "$cmd" in
    start)
        mkdir -p "$state"
        maven=$PPID # the JVM that runs this script
        : >"$state/xvfb.display"
        Xvfb -displayfd 3 -screen 0 1280x1024x24 -nolisten tcp 3>"$state/xvfb.display" \
            </dev/null >"$state/xvfb.log" 2>&1 &
        xvfb=$!
        echo "$xvfb" >"$state/xvfb.pid"
        (
            while kill -0 "$maven" 2>/dev/null && kill -0 "$xvfb" 2>/dev/null; do sleep 2; done
            kill "$xvfb" 2>/dev/null || true
        ) </dev/null >/dev/null 2>&1 &
        for _ in $(seq 1 100); do
            n="$(head -n 1 "$state/xvfb.display" 2>/dev/null || true)"
            if [ -n "$n" ]; then
                echo ":$n"
                exit 0
            fi
            kill -0 "$xvfb" 2>/dev/null || break
            sleep 0.1
        done
        echo "xvfb.sh: Xvfb did not start; its log, $state/xvfb.log, says:" >&2
        cat "$state/xvfb.log" >&2 || true
        kill "$xvfb" 2>/dev/null || true
        exit 1
        ;;
    stop)
        if [ -f "$state/xvfb.pid" ]; then
            kill "$(cat "$state/xvfb.pid")" 2>/dev/null || true
            rm -f "$state/xvfb.pid"
        fi
        ;;
    *)
        echo "usage: xvfb.sh start|stop STATE_DIR" >&2
        exit 2
        ;;
esac
