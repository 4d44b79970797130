#!/usr/bin/env bash
# Starts the packaged service exactly as scripts/run.sh does (demo PKI, SoftHSM2, embedded defaults) on
# a free port in a scratch directory, then exercises it over HTTP like a user: health, keys, a person
# and organisation signature, the public validation API and the /verify page. Catches what unit tests
# on the test class path cannot: a dependency missing from the packaged jar, a broken start-up.
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
# As root the archive's private PostgreSQL runs as the postgres user, which must reach its directory.
chmod 755 "$work"
export SOFTHSM2_CONF="$work/softhsm/softhsm2.conf"
jar=$(ls api/target/kyso-api-*-demo.jar | head -1)
# The production jar beside it must not carry the demo PKI, the demo jar must (ADR 0012).
production="${jar%-demo.jar}.jar"
if jar tf "$production" | grep 'kyso-demo-pki' >/dev/null; then echo "SMOKE FAILED: $production carries the demo PKI" >&2; exit 1; fi
jar tf "$jar" | grep 'BOOT-INF/lib/kyso-demo-pki-' >/dev/null || { echo "SMOKE FAILED: $jar lacks the demo PKI" >&2; exit 1; }
java -jar "$jar" --server.port=0 --kyso.demo.enabled=true --kyso.demo.directory="$work/demo-pki" \
  --kyso.demo.port=0 --kyso.archive.directory="$work/archive" --kyso.security.enabled=false \
  > "$work/service.log" 2>&1 &
pid=$!
cleanup() { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
fail() { echo "SMOKE FAILED: $*" >&2; tail -40 "$work/service.log" >&2; exit 1; }
port=""
for _ in $(seq 1 180); do
  port=$(sed -n 's/.*Tomcat started on port \([0-9]*\).*/\1/p' "$work/service.log" | head -1)
  [ -n "$port" ] && break
  kill -0 "$pid" 2>/dev/null || fail "the service exited during start-up"
  sleep 1
done
[ -n "$port" ] || fail "the service did not start within 180 s"
base="http://127.0.0.1:$port"
curl -fsS "$base/actuator/health" | grep '"status":"UP"' >/dev/null || fail "health is not UP"
curl -fsS "$base/api/v1/keys" | grep 'ubnd-binh-an' >/dev/null || fail "demo keys not listed"
letter=samples/letters/cong-van-mot-trang.pdf
curl -fsS -o "$work/person.pdf" -F "file=@$letter" -F key=tran-thi-bich-ngoc -F level=B-T -F appearance=person \
  "$base/api/v1/signatures" || fail "person signature"
curl -fsS -o "$work/signed.pdf" -F "file=@$work/person.pdf" -F key=ubnd-binh-an -F level=B-LTA \
  -F appearance=organisation "$base/api/v1/signatures" || fail "organisation signature"
verdict=$(curl -fsS -o /dev/null -D - -F "file=@$work/signed.pdf" "$base/api/v1/validations" \
  | tr -d '\r' | awk -F': ' 'tolower($1)=="x-validation-verdict"{print $2}')
[ "$verdict" = VALID ] || fail "validation verdict was '$verdict'"
curl -fsS "$base/verify" | grep -i '<html' >/dev/null || fail "/verify page"
record=$(curl -fsS -F "file=@$work/signed.pdf" -F fondCode=G09 -F fileCode=G09.SMOKE -F numberSymbol=1/UBND-VP \
  -F documentDate=2026-11-20 -F documentType="Công văn" -F issuer="UBND tỉnh Bình An" \
  -F subject="Triển khai ký số văn bản điện tử" -F preservation=10 "$base/api/v1/records") || fail "archive ingest"
id=$(printf '%s' "$record" | sed -n 's/^{[^{]*"id" *: *"\([0-9a-f-]*\)".*/\1/p')
[ -n "$id" ] || fail "no record id in: ${record:0:200}"
curl -fsS "$base/api/v1/records?q=trien+khai+ky+so" | grep "$id" >/dev/null || fail "archive search without diacritics"
curl -fsS -o "$work/back.pdf" "$base/api/v1/records/$id/content" || fail "archive content"
cmp -s "$work/signed.pdf" "$work/back.pdf" || fail "archived original differs from what was sent"
echo "Smoke test passed: the packaged service on port $port signed a letter twice, validated it as VALID,"
echo "archived it in its private PostgreSQL and filesystem store, found it and returned it byte for byte."

