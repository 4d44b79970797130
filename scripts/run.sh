#!/usr/bin/env bash
# Starts the service with embedded defaults: a demo PKI (CAs, OCSP, CRL and TSA on loopback) generated
# on first start into ./var, its signing keys in a SoftHSM2 token. Then open http://localhost:8080/.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh
mkdir -p var
export SOFTHSM2_CONF="$PWD/var/softhsm/softhsm2.conf"
mvn -B -ntp -q -DskipTests install
# Access control is off in the demo unless KYSO_SECURITY=true: then every demo principal gets an API key,
# written to var/demo-api-keys.txt (docs/security.md). The README calls assume it is off; the samples
# send the keys with KYSO_API_KEYS_FILE=var/demo-api-keys.txt (samples/README.md).
exec java -jar api/target/kyso-api-*.jar --kyso.demo.enabled=true --kyso.demo.directory="$PWD/var/demo-pki" \
  --kyso.security.enabled="${KYSO_SECURITY:-false}" "$@"
