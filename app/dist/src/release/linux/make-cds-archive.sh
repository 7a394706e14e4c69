#!/bin/sh
# Makes the class-data archive of the packaged PageLab (Linux), pagelab.jsa beside this script in the app's folder
# (lib/app): the classes listed in pagelab.classlist (what the desktop loaded up to its first window and the plugins
# loaded, recorded by jpackage.sh), loaded, linked and written in the JVM's own form with the app's runtime, so that
# the launchers (-XX:SharedArchiveFile=$APPDIR/pagelab.jsa -Xshare:auto) map them instead of reading the jars.
# Java 17 accepts an archive only at the absolute paths it was made for, so this runs where the app is: jpackage.sh
# for its app-image, the .deb's postinst once installed in /opt/pagelab. No display needed: nothing is run.
# Takes 5-20 s. On failure no archive is left, and PageLab starts without one.
set -eu
app="$(cd "$(dirname "$0")" && pwd)"
java="$app/../runtime/bin/java"
# The launcher's class path, in its order (the JVM checks the archive's against it): app.classpath lines of its
# configuration, $APPDIR being this folder.
cp="$(sed -n 's/^app\.classpath=//p' "$app/PageLab.cfg" | sed "s|\\\$APPDIR|$app|" | paste -sd: -)"
rm -f "$app/pagelab.jsa"
if ! "$java" -Xshare:dump -XX:SharedClassListFile="$app/pagelab.classlist" -XX:SharedArchiveFile="$app/pagelab.jsa" \
        -Xlog:cds=off -cp "$cp" >/dev/null 2>&1; then
    rm -f "$app/pagelab.jsa"
    echo "make-cds-archive.sh: the class-data archive could not be made; PageLab starts without it" >&2
    exit 1
fi
