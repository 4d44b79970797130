#!/usr/bin/env bash
# Signs the sample letters through the running service (scripts/run.sh), the Decree 30 way:
# the authorised person first (signature image), then the organisation (seal over the signature), at
# B-LTA so the result stays verifiable for decades. Also makes an electronic copy and a separately
# signed attachment. Results go to samples/out/.
#   samples/sign-letters.sh [base-url]
# With access control on, set KYSO_API_KEYS_FILE or KYSO_API_KEY (credentials.sh): the person signs as
# herself (tran-thi-bich-ngoc, SIGNER), the organisations as their clerks (van-thu-<key>, CLERK).
set -euo pipefail
source "$(dirname "$0")/credentials.sh"
cd "$(dirname "$0")"
base="${1:-http://localhost:8080}"
mkdir -p out

sign() { # sign <in> <out> <key> <as-principal> <level> <appearance> [extra curl -F args...]
  local in="$1" out="$2" key="$3" principal="$4" level="$5" appearance="$6"; shift 6
  local status
  kyso_as "$principal"
  status=$(curl -sS -o "$out" -w '%{http_code}' -H "@$kyso_header_file" -F "file=@$in;type=application/pdf" \
    -F "key=$key" -F "level=$level" -F "appearance=$appearance" "$@" "$base/api/v1/signatures")
  if [ "$status" != 200 ]; then
    echo "FAILED ($status) signing $in with $key:" >&2; cat "$out" >&2; echo >&2; rm -f "$out"; return 1
  fi
  echo "signed $in with $key ($level, $appearance) -> $out"
}

for letter in letters/*.pdf; do
  name=$(basename "$letter" .pdf)
  sign "$letter" "out/$name.person.pdf" tran-thi-bich-ngoc tran-thi-bich-ngoc B-T person
  sign "out/$name.person.pdf" "out/$name.signed.pdf" ubnd-binh-an van-thu-ubnd-binh-an B-LTA organisation
done
sign letters/cong-van-mot-trang.pdf out/phu-luc.signed.pdf ubnd-binh-an van-thu-ubnd-binh-an B-LT attachment \
  -F "numberSymbol=123/UBND-VP"
sign letters/cong-van-mot-trang.pdf out/ban-sao.signed.pdf so-noi-vu-binh-an van-thu-so-noi-vu-binh-an B-LT copy \
  -F "copyForm=SAO Y" -F "copySource=PAPER"
echo "Done. Check with: pdfsig out/cong-van-mot-trang.signed.pdf"
