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
