#!/usr/bin/env bash
# Creates an empty SoftHSM2 token for manual experiments:
#   hsm-config/softhsm2/setup.sh kyso-specialised
# The PIN is read from $KYSO_PIN (or generated and printed once). Import a key and certificate with
# pkcs11-tool --write-object ... --type privkey|cert --label <label> --id <hex>.
set -euo pipefail
label="${1:?token label}"
: "${SOFTHSM2_CONF:=$PWD/var/softhsm/softhsm2.conf}"
export SOFTHSM2_CONF
mkdir -p "$(dirname "$SOFTHSM2_CONF")/tokens"
if [ ! -f "$SOFTHSM2_CONF" ]; then
  printf 'directories.tokendir = %s\nobjectstore.backend = file\nlog.level = ERROR\nslots.removable = false\n' \
    "$(dirname "$SOFTHSM2_CONF")/tokens" > "$SOFTHSM2_CONF"
fi
pin="${KYSO_PIN:-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')}"
so_pin="$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
softhsm2-util --init-token --free --label "$label" --pin "$pin" --so-pin "$so_pin" >/dev/null
echo "token '$label' created in $(dirname "$SOFTHSM2_CONF")/tokens"
[ -n "${KYSO_PIN:-}" ] || echo "user PIN (store it in your secret manager, it is not shown again): $pin"
