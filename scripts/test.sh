#!/usr/bin/env bash
# Runs every test of every module: unit, PKCS#11 (SoftHSM2), end-to-end and independent-validator tests.
# Benchmarks are tagged "benchmark" and run only with scripts/bench.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh
# The reference S3 server (Ceph RGW enforcing Object Lock) for the archive tests: one start for the
# whole run (~20-35 s); the tests find it through var/ceph/s3.properties (testing.CephRgw).
bash scripts/ceph-rgw.sh start var/ceph
# IngestThroughOsdLossTest starts and stops a three-OSD cluster of its own in var/ceph-osds3; stopped
# here too in case its JVM died before its @AfterAll.
trap 'bash scripts/ceph-rgw.sh stop var/ceph >/dev/null 2>&1 || true
      bash scripts/ceph-rgw.sh stop var/ceph-osds3 >/dev/null 2>&1 || true' EXIT
./mvnw -B -ntp verify "$@"
# The packaged service, started as scripts/run.sh starts it, exercised over HTTP.
bash scripts/smoke.sh
