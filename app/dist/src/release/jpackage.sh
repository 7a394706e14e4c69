#!/usr/bin/env bash
# PageLab with its own Java runtime, made with jpackage from the release archive (mvn package makes it first):
# a jlinked runtime holding jdk.compiler (grading compiles solutions), an app-image, and the installers named.
#   app/dist/src/release/jpackage.sh                 the app-image only: target/jpackage/image/PageLab
#   app/dist/src/release/jpackage.sh deb             and target/jpackage/pagelab_VERSION_ARCH.deb (Linux; rpm too)
#   app/dist/src/release/jpackage.sh msi             Windows (msi and exe need the WiX Toolset 3 on the PATH)
#   app/dist/src/release/jpackage.sh dmg             macOS (dmg or pkg)
# Runs on the JDK that JAVA_HOME names, else the one on the PATH: its jmods become the runtime, so use a JDK 17 (or
# later) that has them (Debian's openjdk-17-jdk does). Two launchers: PageLab (the desktop; on Windows no console
# window) and pagelab-cli (the command line; a console launcher on Windows). On Linux the desktop runs once, to list
# the classes of its class-data archive: on the display, else under xvfb-run (without either, no archive).
# docs/releasing.md has the steps.
set -euo pipefail
dist="$(cd "$(dirname "$0")/../.." && pwd)"
release="$dist/src/release"
out="$dist/target/jpackage"
bin="${JAVA_HOME:+$JAVA_HOME/bin/}"
if command -v cygpath >/dev/null && [ -n "${JAVA_HOME:-}" ]; then # Git Bash on Windows: C:\... to /c/...
    bin="$(cygpath -u "$JAVA_HOME")/bin/"
fi
zips=("$dist"/target/pagelab-*.zip)
[ -f "${zips[0]}" ] || { echo "jpackage.sh: no $dist/target/pagelab-*.zip: run mvn package first" >&2; exit 1; }
zip="${zips[0]}"
name="$(basename "$zip" .zip)"        # pagelab-0.1.0-SNAPSHOT
version="${name#pagelab-}"
app_version="${version%%-*}"          # jpackage takes numbers only: 0.1.0
case "$(uname -s)" in
    Darwin) os=mac; icon="$out/pagelab.icns"
        # macOS refuses an app version whose first number is 0: until PageLab 1.0, the app says 1.MINOR.PATCH.
        [ "${app_version%%.*}" != 0 ] || app_version="1.${app_version#0.}" ;;
    MINGW*|MSYS*|CYGWIN*) os=windows; icon="$release/icon/pagelab.ico" ;;
    *) os=linux; icon="$release/icon/pagelab.png" ;;
esac

rm -rf "$out"
mkdir -p "$out/stage"
(cd "$out/stage" && "${bin}jar" xf "$zip") # jar, not unzip: every JDK has it
unpacked="$out/stage/$name"
# The app's folder: the jars, with the plugins and the guides in folders beside them.
input="$out/input"
mkdir -p "$input"
cp "$unpacked"/lib/*.jar "$input/"
cp -r "$unpacked/plugins" "$unpacked/docs" "$unpacked/README.md" "$input/"

if [ "$os" = mac ]; then # .icns from the PNG, with macOS's own tools
    set="$out/pagelab.iconset"
    mkdir -p "$set"
    for s in 16 32 64 128 256; do sips -z "$s" "$s" "$release/icon/pagelab.png" --out "$set/icon_${s}x${s}.png" >/dev/null; done
    iconutil -c icns "$set" -o "$icon"
fi

# The runtime: the modules PageLab uses (jdeps finds java.base, java.compiler, java.desktop, java.sql), the compiler
# itself, and those found only at run time: zip file systems (autograder), Ed25519 (signed result bundles), the
# JVM's CPU clock (the desktop's start-up report), Unsafe (libraries). Not compressed: it starts faster as it is.
# --generate-cds-archive: the runtime's own class-data archive, as an installed JDK has.
start=$(date +%s)
"${bin}jlink" --add-modules java.base,java.compiler,jdk.compiler,java.desktop,java.sql,java.logging,java.naming,\
java.management,jdk.management,jdk.zipfs,jdk.crypto.ec,jdk.unsupported,jdk.accessibility \
    --strip-debug --no-header-files --no-man-pages --generate-cds-archive --output "$out/runtime" >/dev/null

common=(--name PageLab --app-version "$app_version" --vendor "PageLab"
    --description "A teaching lab for the Windows memory manager: graded exercises against a simulated kernel")
# The command line's launcher: a console program on Windows, without a menu entry or shortcut of its own (jpackage 17
# ignores linux-shortcut here: the .deb's postinst leaves its entry out).
printf '%s\n' win-console=true win-shortcut=false win-menu=false linux-shortcut=false >"$out/cli.properties"
# On Linux the launchers also read the class-data archive of PageLab's classes, lib/app/pagelab.jsa (below).
# -Xshare:auto: a missing, corrupt or stale archive is skipped and PageLab starts with no class-data sharing (slower:
# the archive takes the runtime's own one's place); -Xlog:...=off keeps any warning of the JVM's about it off the
# console, as ./pagelab does.
cds_options=()
if [ "$os" = linux ]; then
    cds_options=(--java-options '-XX:SharedArchiveFile=$APPDIR/pagelab.jsa' --java-options '-Xshare:auto'
        --java-options '-Xlog:cds=off' --java-options '-Xlog:cds+dynamic=off')
fi
"${bin}jpackage" --type app-image --dest "$out/image" "${common[@]}" --runtime-image "$out/runtime" \
    --input "$input" --main-jar pagelab.jar --main-class pagelab.app.dist.Launcher --icon "$icon" \
    --java-options '-XX:+UseSerialGC' --java-options '-XX:TieredStopAtLevel=1' \
    --java-options '-Dpagelab.plugins.dir=$APPDIR/plugins' ${cds_options[@]+"${cds_options[@]}"} \
    --add-launcher pagelab-cli="$out/cli.properties"
echo "jpackage.sh: app-image $out/image in $(( $(date +%s) - start )) s"

# Linux: the list of classes for the class-data archive (src/release/linux/make-cds-archive.sh), shipped in lib/app with
# that script: the desktop runs once from the image (on a virtual display when there is none) with
# -XX:DumpLoadedClassList, and closes itself once its window is painted and the plugins are loaded, as ./pagelab's
# first start does to make its own archive. The archive itself depends on where the app is (Java 17 checks the jars'
# absolute paths): the image gets its own after the installers, which leave it out; the .deb makes it on install.
class_list() {
    local app="$1" data display=()
    if [ -z "${DISPLAY:-}" ]; then
        if ! command -v xvfb-run >/dev/null; then
            echo "jpackage.sh: no display and no xvfb-run: no class-data archive (PageLab starts without)" >&2
            return 1
        fi
        display=(xvfb-run -a -s "-screen 0 1280x1024x24")
    fi
    data="$(mktemp -d)"
    PAGELAB_HOME="$data" JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$app/pagelab.classlist \
-Dpagelab.quitAfterPaint=true" "${display[@]}" "$app/../../bin/PageLab" >"$out/class-list.log" 2>&1 || true
    rm -rf "$data"
    if ! grep -q '^pagelab/app/desktop/MainFrame$' "$app/pagelab.classlist" 2>/dev/null; then
        rm -f "$app/pagelab.classlist"
        echo "jpackage.sh: the desktop did not start (see $out/class-list.log): no class-data archive" >&2
        return 1
    fi
    cp "$release/linux/make-cds-archive.sh" "$app/"
}
cds=false
if [ "$os" = linux ]; then
    start=$(date +%s)
    class_list "$out/image/PageLab/lib/app" && cds=true
    echo "jpackage.sh: class list in $(( $(date +%s) - start )) s"
fi

for type in "$@"; do
    start=$(date +%s)
    extra=()
    case "$type" in
        deb|rpm) extra=(--linux-package-name pagelab --linux-shortcut --linux-menu-group Education
                        --linux-app-category education --install-dir /opt --resource-dir "$release/linux") ;;
        msi|exe) extra=(--win-menu --win-menu-group PageLab --win-shortcut --win-dir-chooser
                        --win-upgrade-uuid 6f1d2a43-6c1b-4bd8-9d0e-3c5e0a2f7b11) ;;
    esac
    "${bin}jpackage" --type "$type" --dest "$out" "${common[@]}" --app-image "$out/image/PageLab" \
        "${extra[@]}"
    echo "jpackage.sh: $type in $(( $(date +%s) - start )) s"
done

if [ "$cds" = true ]; then
    start=$(date +%s)
    "$out/image/PageLab/lib/app/make-cds-archive.sh" || true
    echo "jpackage.sh: the app-image's class-data archive in $(( $(date +%s) - start )) s"
fi
ls -l "$out" | grep -v '^d' || true
