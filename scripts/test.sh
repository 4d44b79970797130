#!/usr/bin/env bash
# Runs every test of every module: unit, PKCS#11 (SoftHSM2), end-to-end and independent-validator tests.
# Benchmarks are tagged "benchmark" and run only with scripts/bench.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh
mvn -B -ntp verify "$@"
# The packaged service, started as scripts/run.sh starts it, exercised over HTTP.
bash scripts/smoke.sh
