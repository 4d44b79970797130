#!/usr/bin/env bash
# Runs the benchmarks (tests tagged "benchmark"), which the normal test command skips.
# Prints the figures and writes them to {validation,conversion,archive,audit,api,bench}/target/bench/*.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh
# The ingest benchmarks (archive's IngestOnCephBenchmark, api's IngestOnCephHttpBenchmark) run on Ceph RGW
# with Object Lock, started once here as scripts/test.sh does and stopped on exit.
bash scripts/ceph-rgw.sh start var/ceph
trap 'bash scripts/ceph-rgw.sh stop var/ceph >/dev/null 2>&1 || true' EXIT
./mvnw -B -ntp -q -DskipTests install
./mvnw -B -ntp -pl validation,conversion,archive,audit,api surefire:test -Dgroups=benchmark -DexcludedGroups= -Dtest='*Benchmark' \
  -Dsurefire.failIfNoSpecifiedTests=false "$@"
# The service against DSS's own REST services (bench/, test code only). A reactor build with the test
# phase: bench needs api's classes, not the executable jar that install leaves in the local repository.
./mvnw -B -ntp -q -pl bench -am test -Dgroups=benchmark -DexcludedGroups= -Dtest='PeerBenchmark,ValidationPeerBenchmark' \
  -Dsurefire.failIfNoSpecifiedTests=false "$@"
# B-LT at the second's edge (signing, ADR 0028): before/after in one run, outputs checked strictly and by pdfsig.
./mvnw -B -ntp -q -pl signing surefire:test -Dgroups=benchmark -DexcludedGroups= -Dtest='SecondEdgeBenchmark' \
  -Dsurefire.failIfNoSpecifiedTests=false "$@"
echo "== signing/target/bench/second-edge.md"; cat signing/target/bench/second-edge.md
for f in validation/target/bench/*.md conversion/target/bench/*.md archive/target/bench/*.md audit/target/bench/*.md api/target/bench/*.md \
  bench/target/bench/*.md; do echo "== $f"; cat "$f"; done
