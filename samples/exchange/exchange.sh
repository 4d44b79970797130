#!/usr/bin/env bash
# An edXML exchange between two demo agencies through a running service (scripts/run.sh), which hosts
# both: the People's Committee of Bình An (000.00.00.H99, key ubnd-binh-an) signs a letter, builds the
# signed edXML message to its Department of Home Affairs (000.00.12.H99), and the Department receives
# it and answers with a signed Status message. Then a changed copy of the message is refused, the
# Department reports that it is processing the letter, a replay is answered as a duplicate, the Committee
# sends an update (a corrected letter) that the Department refuses (16), and recalls the letter, which the
# Department agrees to (15); the archived copy stays, its history records both. Results go to
# samples/exchange/out/.
#   samples/exchange/exchange.sh [base-url]
# With access control on, set KYSO_API_KEYS_FILE or KYSO_API_KEY (../credentials.sh): each agency acts
# through its own clerk (van-thu-ubnd-binh-an, van-thu-so-noi-vu-binh-an), who may act for it only.
set -euo pipefail
source "$(dirname "$0")/../credentials.sh"
cd "$(dirname "$0")"
base="${1:-http://localhost:8080}"
out=out
mkdir -p "$out"
ubnd=000.00.00.H99
so_noi_vu=000.00.12.H99
# A fresh number each run: the demo archive keeps every received letter.
number=$(( (RANDOM % 9000) + 1000 ))

call() { # call <expected-status> <out-file> curl-args... ; prints the body on an unexpected status
  local want="$1" file="$2"; shift 2
  local got
  got=$(curl -sS -o "$file" -w '%{http_code}' -H "@$kyso_header_file" "$@")
  if [ "$got" != "$want" ]; then
    echo "FAILED: HTTP $got (expected $want):" >&2; cat "$file" >&2; echo >&2; return 1
  fi
}

kyso_as van-thu-ubnd-binh-an
echo "1. UBND signs the letter (organisation key, B-T)"
call 200 "$out/cong-van.signed.pdf" -F "file=@../letters/cong-van-mot-trang.pdf;type=application/pdf" \
  -F key=ubnd-binh-an -F level=B-T "$base/api/v1/signatures"

echo "2. UBND builds the signed edXML message $number/UBND-VP for Sở Nội vụ"
call 200 "$out/message.edxml.xml" -F "file=@$out/cong-van.signed.pdf;type=application/pdf" \
  -F from=$ubnd -F to=$so_noi_vu -F "toName=Sở Nội vụ tỉnh Bình An" \
  -F codeNumber=$number -F codeNotation=UBND-VP -F "place=Bình An" -F promulgationDate="$(date +%F)" \
  -F "documentType=Công văn" -F "subject=Về việc triển khai văn bản điện tử liên thông" -F priority=URGENT \
  "$base/api/v1/exchange/outgoing"
echo "   -> $out/message.edxml.xml ($(wc -c < "$out/message.edxml.xml") bytes)"

kyso_as van-thu-so-noi-vu-binh-an
echo "3. Sở Nội vụ receives it; the status message it sends back:"
call 200 "$out/status-received.xml" -H 'Content-Type: application/xml' \
  --data-binary "@$out/message.edxml.xml" "$base/api/v1/exchange/incoming?receiver=$so_noi_vu"
grep -o '<edXML:Status>.*</edXML:Status>' "$out/status-received.xml" || sed -n '/<edXML:Status>/,/<\/edXML:Status>/p' "$out/status-received.xml"

echo "4. A copy whose number was changed after signing is refused (problem, then the Status message):"
sed "0,/CodeNumber>$number</s//CodeNumber>9$number</" "$out/message.edxml.xml" > "$out/message.tampered.xml"
call 422 "$out/refused.json" -H 'Content-Type: application/xml' \
  --data-binary "@$out/message.tampered.xml" "$base/api/v1/exchange/incoming?receiver=$so_noi_vu"
cat "$out/refused.json"; echo
call 422 "$out/status-rejected.xml" -H 'Content-Type: application/xml' \
  --data-binary "@$out/message.tampered.xml" "$base/api/v1/exchange/incoming?receiver=$so_noi_vu&format=edxml"
grep -o '<edXML:Description>[^<]*' "$out/status-rejected.xml" | sed 's/<edXML:Description>/   /'

echo "5. Sở Nội vụ reports that it is processing the letter"
call 200 "$out/status-processing.xml" -F from=$so_noi_vu -F to=$ubnd \
  -F "documentId=$ubnd,$(date +%Y/%m/%d),$number/UBND-VP" -F numberSymbol="$number/UBND-VP" \
  -F status=PROCESSING -F "staff=Lê Minh Khoa" -F "department=Phòng Công chức" "$base/api/v1/exchange/status"
echo "   -> $out/status-processing.xml"

echo "6. The same message again is a replay: answered as a duplicate (409), not archived again"
call 409 "$out/duplicate.json" -H 'Content-Type: application/xml' \
  --data-binary "@$out/message.edxml.xml" "$base/api/v1/exchange/incoming?receiver=$so_noi_vu"
cat "$out/duplicate.json"; echo

kyso_as van-thu-ubnd-binh-an
echo "7. UBND corrects the letter (signed again) and sends an update (BussinessDocType 2)"
call 200 "$out/cong-van-sua.signed.pdf" -F "file=@../letters/cong-van-mot-trang.pdf;type=application/pdf" \
  -F key=ubnd-binh-an -F level=B-T "$base/api/v1/signatures"
call 200 "$out/update.edxml.xml" -F from=$ubnd -F "original=@$out/message.edxml.xml;type=application/xml" \
  -F type=UPDATE -F "reason=Sửa lỗi chính tả ở trang 1" -F "file=@$out/cong-van-sua.signed.pdf;type=application/pdf" \
  "$base/api/v1/exchange/follow-up"
kyso_as van-thu-so-noi-vu-binh-an
call 200 "$out/status-update-registered.xml" -H 'Content-Type: application/xml' \
  --data-binary "@$out/update.edxml.xml" "$base/api/v1/exchange/incoming?receiver=$so_noi_vu"
grep -o '<edXML:StatusCode>[^<]*\|<edXML:Description>[^<]*' "$out/status-update-registered.xml" | sed 's/<edXML:/   /'
echo "   Sở Nội vụ's clerk refuses the update (16): the letter was already handled"
call 200 "$out/status-update-refused.xml" -F from=$so_noi_vu -F to=$ubnd \
  -F "documentId=$ubnd,$(date +%Y/%m/%d),$number/UBND-VP" -F numberNotation="$number/UBND-VP" \
  -F status=RECALL_REFUSED -F "description=Văn bản đã được xử lý xong" "$base/api/v1/exchange/status"

kyso_as van-thu-ubnd-binh-an
echo "8. UBND recalls the letter (BussinessDocType 1)"
call 200 "$out/recall.edxml.xml" -F from=$ubnd -F "original=@$out/message.edxml.xml;type=application/xml" \
  -F type=RECALL -F "reason=Văn bản ban hành chưa đúng thẩm quyền" "$base/api/v1/exchange/follow-up"
kyso_as van-thu-so-noi-vu-binh-an
call 200 "$out/status-recall-registered.xml" -H 'Content-Type: application/xml' \
  --data-binary "@$out/recall.edxml.xml" "$base/api/v1/exchange/incoming?receiver=$so_noi_vu"
grep -o '<edXML:StatusCode>[^<]*\|<edXML:Description>[^<]*' "$out/status-recall-registered.xml" | sed 's/<edXML:/   /'
echo "   Sở Nội vụ's clerk agrees (15); the archived letter stays, its history records the recall"
call 200 "$out/status-recall-agreed.xml" -F from=$so_noi_vu -F to=$ubnd \
  -F "documentId=$ubnd,$(date +%Y/%m/%d),$number/UBND-VP" -F numberNotation="$number/UBND-VP" \
  -F status=RECALL_ACCEPTED "$base/api/v1/exchange/status"
grep -o '<edXML:StatusCode>[^<]*\|<edXML:Description>[^<]*' "$out/status-recall-agreed.xml" | sed 's/<edXML:/   /'
echo "Done. Every message and status message is XAdES-signed: check one at $base/verify"
