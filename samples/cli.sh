#!/usr/bin/env bash
# The sample letters through the command-line client (cli/, docs/cli.md) instead of curl: list the keys,
# sign a letter and a batch, validate with the PDF report, archive, find, fetch, export (a file's package in
# the background), run a fixity job, look the document up by its id and check a copy against the archive. Results go to samples/out/cli/.
#   samples/cli.sh [base-url]
# With access control on, KYSO_API_KEY (or KYSO_TOKEN, an OIDC access token) is sent on every request: the
# client it names must be allowed every step (signing and archiving); scripts/run.sh's demo has it off.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
export KYSO_URL="${1:-${KYSO_URL:-http://localhost:8080}}"
jar=$(ls "$root"/cli/target/kyso-cli-*-all.jar 2>/dev/null | head -1 || true)
if [ -z "$jar" ]; then
  (cd "$root" && ./mvnw -B -q -o -pl cli -am package -DskipTests)
  jar=$(ls "$root"/cli/target/kyso-cli-*-all.jar | head -1)
fi
kyso() { java -jar "$jar" "$@"; }
out="$here/out/cli"
mkdir -p "$out"
# A random UUID as the document id: unguessable, so its id alone opens the public lookup (an id the issuer
# chooses, such as a register number, needs its QR link's token t: kyso verify '<the link>').
id="$(cat /proc/sys/kernel/random/uuid)"
file_code="G09.$(date +%Y).CLI"

kyso keys
kyso sign "$here/letters/cong-van-mot-trang.pdf" --key ubnd-binh-an --level B-LTA --appearance organisation \
  -o "$out/cong-van.signed.pdf"
kyso sign "$here"/letters/*.pdf --key so-noi-vu-binh-an --level B-T -o "$out/batch" || true  # the draft may fail
kyso validate "$out/cong-van.signed.pdf" --pdf "$out/cong-van.report.pdf"
record=$(kyso archive put "$out/cong-van.signed.pdf" --fond G09 --file-code "$file_code" \
  --number "$(( $(date +%s) % 100000 ))/UBND-VP" --date "$(date +%F)" --type "Công văn" \
  --issuer "Ủy ban nhân dân tỉnh Bình An" --subject "Về việc thử công cụ dòng lệnh" --preservation 10 \
  --access public --document-id "$id" | awk '{ print $1 }')
kyso archive search "thu cong cu dong lenh"
kyso archive get "$record" --out "$out/cong-van.archived.pdf"
kyso archive export --record "$record" -o "$out"
kyso archive export --fond G09 --file-code "$file_code" --format eark --async -o "$out"  # 202, progress, download
kyso archive job fixity --wait
kyso verify "$id"                                   # what the archive holds under the id, as /verify shows it
kyso verify "$id" "$out/cong-van.archived.pdf"      # and whether this copy is the archived original
echo "Done: $out"
