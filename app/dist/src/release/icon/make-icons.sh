#!/usr/bin/env bash
# Makes pagelab.png (Linux, the desktop entry) and pagelab.ico (Windows) from pagelab.svg, with ImageMagick
# (sudo apt-get install imagemagick). Run after changing the SVG, and commit the three files: the release build
# (jpackage.sh) uses them as they are, on machines without ImageMagick. macOS's .icns is made from the PNG there.
set -euo pipefail
cd "$(dirname "$0")"
convert -background none pagelab.svg -resize 256x256 -depth 8 pagelab.png
convert -background none pagelab.svg -define icon:auto-resize=256,128,64,48,32,16 pagelab.ico
