#!/usr/bin/env bash
# PageLab with its own Java runtime, made with jpackage from the release archive (mvn package makes it first):
# a jlinked runtime holding jdk.compiler (grading compiles solutions), an app-image, and the installers named.
#   app/dist/src/release/jpackage.sh                 the app-image only: target/jpackage/image/PageLab
#   app/dist/src/release/jpackage.sh deb             and target/jpackage/pagelab_VERSION_ARCH.deb (Linux; rpm too)
#   app/dist/src/release/jpackage.sh msi             Windows (msi and exe need the WiX Toolset 3 on the PATH)
#   app/dist/src/release/jpackage.sh dmg             macOS (dmg or pkg)
# Runs on the JDK that JAVA_HOME names, else the one on the PATH: its jmods become the runtime, so use a JDK 17 (or
# later) that has them (Debian's openjdk-17-jdk does). Two launchers: PageLab (the desktop; on Windows no console
# window) and pagelab-cli (the command line; a console launcher on Windows). docs/releasing.md has the steps.
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
# On Linux the launchers also read the class-data archive of PageLab's classes that make_cds_archive (below) leaves in
# the app's folder. -Xshare:auto: a missing, corrupt or stale archive is skipped (the runtime's own one is still
# used) and PageLab starts as it would without; -Xlog:...=off keeps the JVM's warning about a stale one off the console.
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

# The app-image's class-data archive (Linux): lib/app/pagelab.jsa, the classes the desktop loads up to its first
# window and the plugins loaded, on top of the runtime's own archive. Made as ./pagelab makes its own: the desktop runs
# once (on a virtual display when there is none) with the image's runtime, the launcher's class path and main class,
# and -XX:ArchiveClassesAtExit, and closes itself. Java 17 accepts the archive only where it was made (it compares the
# jars' absolute paths; a moved copy starts without it), so it is made after the installers, which leave it out:
# a .deb installs the app elsewhere (/opt/pagelab).
make_cds_archive() {
    local image="$out/image/PageLab" app cp main display=()
    app="$image/lib/app"
    cp="$(sed -n 's/^app\.classpath=//p' "$app/PageLab.cfg" | sed "s|\\\$APPDIR|$app|" | paste -sd:)"
    main="$(sed -n 's/^app\.mainclass=//p' "$app/PageLab.cfg")"
    if [ -z "${DISPLAY:-}" ]; then
        if ! command -v xvfb-run >/dev/null; then
            echo "jpackage.sh: no display and no xvfb-run: the app-image has no class-data archive (it starts without)" >&2
            return 0
        fi
        display=(xvfb-run -a -s "-screen 0 1280x1024x24")
    fi
    local data
    data="$(mktemp -d)"
    if ! PAGELAB_HOME="$data" "${display[@]}" "$image/lib/runtime/bin/java" -XX:ArchiveClassesAtExit="$app/pagelab.jsa" \
            -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dpagelab.plugins.dir="$app/plugins" \
            -Dpagelab.quitAfterPaint=true -cp "$cp" "$main" >"$out/cds.log" 2>&1 || [ ! -s "$app/pagelab.jsa" ]; then
        rm -f "$app/pagelab.jsa"
        echo "jpackage.sh: the class-data archive could not be made (see $out/cds.log); the app-image starts without" >&2
    fi
    rm -rf "$data"
}
if [ "$os" = linux ]; then
    start=$(date +%s)
    make_cds_archive
    echo "jpackage.sh: class-data archive in $(( $(date +%s) - start )) s"
fi
ls -l "$out" | grep -v '^d' || true
