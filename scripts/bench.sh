#!/usr/bin/env bash
# Runs the benchmarks (tests tagged "benchmark"), which the normal test command skips.
# Prints the figures and writes them to api/target/bench/*.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh
mvn -B -ntp -q -DskipTests install
mvn -B -ntp -pl api surefire:test -Dgroups=benchmark -DexcludedGroups= -Dtest='*Benchmark' \
  -Dsurefire.failIfNoSpecifiedTests=false "$@"
for f in api/target/bench/*.md; do echo "== $f"; cat "$f"; done
