#!/usr/bin/env bash
# Re-records the Wine oracle's outputs (README.md): builds oracle.exe with mingw-w64, regenerates the random
# scripts with the test classes' ScriptGenerator, and runs every bundle under Wine.
#   plugins/kernel-conformance/src/test/oracle/record.sh      (from the repository root, after mvn test-compile)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
MODULE=$(cd "$HERE/../../.." && pwd)
RES=$MODULE/src/test/resources/oracle
WINE=${WINE:-/usr/lib/wine/wine64}
command -v x86_64-w64-mingw32-gcc >/dev/null || { echo "record.sh: apt-get install gcc-mingw-w64-x86-64" >&2; exit 2; }
[[ -x $WINE ]] || { echo "record.sh: apt-get install wine64 (or set WINE)" >&2; exit 2; }
BUILD=$(mktemp -d)
trap 'rm -rf "$BUILD"' EXIT
x86_64-w64-mingw32-gcc -O1 -Wall -o "$BUILD/oracle.exe" "$HERE/oracle.c"
CP=$MODULE/target/test-classes:$(cd "$MODULE" && mvn -q -o dependency:build-classpath -Dmdep.outputFile=/dev/stdout)
java -cp "$CP" pagelab.kernel.conformance.oracle.ScriptGenerator "$RES/random.scripts"
mkdir -p "$RES/wine"
for bundle in "$RES"/*.scripts; do
    name=$(basename "$bundle" .scripts)
    out=$RES/wine/$name.out
    : > "$out"
    resume=()
    # a script that crashes the implementation (Wine has such bugs) is marked and the rest of the bundle resumed
    until WINEDEBUG=-all "$WINE" "$BUILD/oracle.exe" ${resume[@]+"${resume[@]}"} "$bundle" >> "$out"; do
        last=$(grep '^=== ' "$out" | tail -1 | cut -c5-)
        [[ -n $last ]] || { echo "record.sh: the oracle fails before its first script" >&2; exit 1; }
        echo "(crashed)" >> "$out"
        echo "  $last crashed the oracle; resuming after it" >&2
        resume=(--after "$last")
    done
    echo "recorded $(grep -c '^=== ' "$out") scripts of $name ($(wc -l < "$out") lines)"
done
