#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder image (Ubuntu base image).
# Written by `pagelab autograder @EXERCISE@ --target gradescope` (PageLab @VERSION@).
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
apt-get update
# A JDK, not a JRE: PageLab compiles the submission with javac's API. bubblewrap is PageLab's OS sandbox; where
# the image cannot run it (no user namespaces), grading falls back to PageLab's solution policy and says so.
apt-get install -y --no-install-recommends openjdk-17-jdk-headless bubblewrap
java -version
chmod +x /autograder/source/pagelab/bin/pagelab /autograder/source/run_autograder
# The grading children's own runtime (java.base and the kernel's modules), linked once here with the JDK's jlink:
# each child then boots cheaper and has nothing else of the JDK. Some releases of Ubuntu keep the JDK's modules
# (jmods) in a package of their own. Without it, children run on the JDK itself, with the same rules.
apt-get install -y --no-install-recommends openjdk-17-jmods >/dev/null 2>&1 || true
/autograder/source/pagelab/bin/pagelab child-runtime || echo "setup.sh: grading children will run on the JDK itself"
