#!/usr/bin/env bash
# Tests the Linux app-image that jpackage.sh made (target/jpackage/image/PageLab): its desktop loads PageLab's classes
# from the class-data archive made for it, and starts (paints its window, loads the plugins) whatever becomes of that
# archive: corrupt, missing, or stale because the image was copied elsewhere (Java 17 then ignores it). Needs a
# display; on a machine without one:
#   xvfb-run -a -s "-screen 0 1280x1024x24" app/dist/src/release/test-app-image.sh
set -euo pipefail
dist="$(cd "$(dirname "$0")/../.." && pwd)"
image="$dist/target/jpackage/image/PageLab"
[ -x "$image/bin/PageLab" ] || { echo "test-app-image.sh: no $image: run jpackage.sh first" >&2; exit 1; }
[ -n "${DISPLAY:-}" ] || { echo "test-app-image.sh: no DISPLAY (run it under xvfb-run)" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failures=0

# Starts the desktop of image $1 on a fresh data folder, closing itself once the plugins are loaded, with the JVM's
# class-load log in $work/classes.log. Fails unless it painted its window and exited normally.
start() {
    rm -rf "$work/data" "$work/classes.log"
    if ! PAGELAB_HOME="$work/data" JAVA_TOOL_OPTIONS="-Dpagelab.startupTime=true -Dpagelab.quitAfterPaint=true \
-Xlog:class+load=info:file=$work/classes.log" timeout 120 "$1/bin/PageLab" >"$work/out.txt" 2>&1 \
            || ! grep -q '^plugins-loaded-ms' "$work/out.txt"; then
        cat "$work/out.txt" >&2
        return 1
    fi
}
# The desktop's main window class came from the archive, or not.
from_archive() {
    grep -q 'pagelab\.app\.desktop\.MainFrame source: shared objects file' "$work/classes.log"
}
check() { # name, then the command that must succeed
    local name="$1"
    shift
    if "$@"; then echo "ok   $name"; else echo "FAIL $name"; failures=$((failures + 1)); fi
}

check "the image has its class-data archive" test -s "$image/lib/app/pagelab.jsa"
check "  and ships the class list and script the .deb makes its own from" \
    test -s "$image/lib/app/pagelab.classlist" -a -x "$image/lib/app/make-cds-archive.sh"
check "the desktop starts from the image" start "$image"
check "  and loads its classes from the archive" from_archive

copy="$work/elsewhere/PageLab"
mkdir -p "$(dirname "$copy")"
cp -a "$image" "$copy"
check "a copy elsewhere (cp -a) starts" start "$copy"
# Java 17 compares the class path's absolute paths with the archive's: a moved app-image starts without it.
check "  without the archive (made for the image's own path)" eval '! from_archive'

printf 'not a class-data archive' >"$copy/lib/app/pagelab.jsa.new"
mv -f "$copy/lib/app/pagelab.jsa.new" "$copy/lib/app/pagelab.jsa"
check "a corrupt archive: the desktop starts" start "$copy"
rm -f "$copy/lib/app/pagelab.jsa"
check "no archive: the desktop starts" start "$copy"

[ "$failures" -eq 0 ] || { echo "test-app-image.sh: $failures failed" >&2; exit 1; }
echo "test-app-image.sh: all passed"
