#!/usr/bin/env bash
# Starts the service with embedded defaults: a demo PKI (CAs, OCSP, CRL and TSA on loopback) generated
# on first start into ./var, its signing keys in a SoftHSM2 token. Then open http://localhost:8080/.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh
mkdir -p var
export SOFTHSM2_CONF="$PWD/var/softhsm/softhsm2.conf"
./mvnw -B -ntp -q -DskipTests install
# Access control is off in the demo unless KYSO_SECURITY=true: then every demo principal gets an API key,
# written to var/demo-api-keys.txt (docs/security.md). The README calls assume it is off; the samples
# send the keys with KYSO_API_KEYS_FILE=var/demo-api-keys.txt (samples/README.md).
# KYSO_ARCHIVE=s3 keeps the archive's objects in a local Ceph RGW with Object Lock (scripts/ceph-rgw.sh,
# in memory: gone when Ceph stops, so its catalogue lives apart, in var/archive-s3) instead of files.
archive_args=()
if [ "${KYSO_ARCHIVE:-filesystem}" = "s3" ]; then
  bash scripts/ceph-rgw.sh start var/ceph
  prop() { sed -n "s/^$1=//p" var/ceph/s3.properties; }
  export KYSO_ARCHIVE_STORE_ACCESS_KEY="$(prop accessKey)" KYSO_ARCHIVE_STORE_SECRET_KEY="$(prop secretKey)"
  archive_args=(--kyso.archive.store.type=s3 --kyso.archive.store.endpoint="$(prop endpoint)"
    --kyso.archive.store.region="$(prop region)" --kyso.archive.directory="$PWD/var/archive-s3")
fi
# The -demo jar: the production one leaves the demo PKI out (docs/adr/0012-demo-pki-module.md).
exec java -jar api/target/kyso-api-*-demo.jar "${archive_args[@]}" --kyso.demo.enabled=true --kyso.demo.directory="$PWD/var/demo-pki" \
  --kyso.security.enabled="${KYSO_SECURITY:-false}" "$@"
