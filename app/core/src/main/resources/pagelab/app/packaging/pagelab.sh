#!/bin/sh
# PageLab without the desktop: the command line only (pagelab --help). Written by `pagelab autograder`.
# JAVA names the java to run (default: the one on PATH, a JDK 17 or later: grading compiles with javac's API);
# PAGELAB_JAVA_OPTS adds JVM options for the host (the grading children have their own limits).
here="$(cd "$(dirname "$0")/.." && pwd)"
exec "${JAVA:-java}" ${PAGELAB_JAVA_OPTS:-} -Djava.awt.headless=true -Dpagelab.plugins.dir="$here/plugins" \
    -cp "$here/lib/*" @MAIN@ "$@"
