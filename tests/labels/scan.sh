#!/usr/bin/env bash
# Scan test for return labels: renders every size as PDF with the native
# `retour label`, checks each file with qpdf, rasterizes it at 203 dpi (thermal
# printer) and 300 dpi (office printer) and reads it with a real barcode scanner
# (zbarimg). The Code 128 must decode to the RMA and the QR to its payload, both
# computed here independently of the C++ code. SVGs must parse as XML.
#   tests/labels/scan.sh BUILD_DIR        last line: "N passed, N failed"
# Needs: qpdf, poppler-utils (pdftoppm), zbar-tools (zbarimg), python3.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BUILD="${1:?usage: scan.sh BUILD_DIR}"
RETOUR="$BUILD/tools/retour"
FIX="$ROOT/tests/fixtures/labels"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

PASSED=0
FAILED=0
pass() { PASSED=$((PASSED + 1)); echo "ok   $*"; }
fail() { FAILED=$((FAILED + 1)); echo "FAIL $*"; }

# The RMA and QR payload a request should get, from the spec in core/label/rma.h
# (FNV-1a 64 -> top 50 bits -> Crockford base32 + mod-37 check) and the policy.
expected() {
  python3 - "$1" "$2" <<'PY'
import json, sys
req = json.load(open(sys.argv[1], encoding="utf-8"))
pol = json.load(open(sys.argv[2], encoding="utf-8"))
def fnv1a64(data):
    h = 0xcbf29ce484222325
    for b in data:
        h = ((h ^ b) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return h
alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
value = fnv1a64(req["id"].encode("utf-8")) >> 14
code = "".join(alphabet[(value >> (5 * (9 - i))) & 31] for i in range(10))
rma = req.get("rma") or pol["labels"]["rma_prefix"] + "-" + code + (alphabet + "*~$=U")[value % 37]
qr = pol["labels"].get("qr")
if qr is None:
    payload = ""
elif qr["payload"] == "status_url":
    payload = qr["status_url"].replace("{rma}", rma)
else:
    payload = json.dumps({"rma": rma, "order": req["order"]["number"], "merchant": pol["shop"]["name"]},
                         separators=(",", ":"), ensure_ascii=False)
print(rma)
print(payload)
PY
}

if [ ! -x "$RETOUR" ]; then
  fail "no retour binary at $RETOUR"
  echo "$PASSED passed, $FAILED failed"
  exit 1
fi

for pair in "request.json policy.json" "request-hostile.json policy-json-qr.json"; do
  set -- $pair
  request="$FIX/$1" policy="$FIX/$2" name="${1%.json}"
  { read -r rma; read -r payload; } < <(expected "$request" "$policy")
  for size in 4x6 a6 a4 letter; do
    tag="$name $size"
    pdf="$WORK/$name-$size.pdf"
    if ! "$RETOUR" label --request "$request" --policy "$policy" --format pdf --size "$size" -o "$pdf" 2>"$WORK/err"; then
      fail "$tag: retour label failed: $(cat "$WORK/err")"
      continue
    fi
    if qpdf --check "$pdf" >"$WORK/qpdf" 2>&1; then pass "$tag: qpdf --check"
    else fail "$tag: qpdf --check: $(tail -n 3 "$WORK/qpdf")"; fi
    if [ "$size" = 4x6 ]; then
      bytes=$(stat -c %s "$pdf")
      if [ "$bytes" -le 10240 ]; then pass "$tag: PDF is $bytes bytes (<= 10 KB)"
      else fail "$tag: PDF is $bytes bytes (> 10 KB)"; fi
    fi
    for dpi in 203 300; do
      png="$WORK/$name-$size-$dpi"
      if ! pdftoppm -r "$dpi" -png -singlefile "$pdf" "$png" 2>"$WORK/err"; then
        fail "$tag @${dpi}dpi: pdftoppm: $(cat "$WORK/err")"
        continue
      fi
      scan="$(zbarimg -q "$png.png" 2>/dev/null)"
      code128="$(printf '%s\n' "$scan" | sed -n 's/^CODE-128://p')"
      qr="$(printf '%s\n' "$scan" | sed -n 's/^QR-Code://p')"
      if [ "$code128" = "$rma" ]; then pass "$tag @${dpi}dpi: Code 128 reads $rma"
      else fail "$tag @${dpi}dpi: Code 128 read '$code128', expected '$rma'"; fi
      if [ "$qr" = "$payload" ]; then pass "$tag @${dpi}dpi: QR reads its payload"
      else fail "$tag @${dpi}dpi: QR read '$qr', expected '$payload'"; fi
    done
    svg="$WORK/$name-$size.svg"
    if "$RETOUR" label --request "$request" --policy "$policy" --format svg --size "$size" -o "$svg" 2>/dev/null &&
       python3 -c 'import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])' "$svg" 2>"$WORK/err"; then
      pass "$tag: SVG parses as XML"
    else
      fail "$tag: SVG does not parse: $(tail -n 1 "$WORK/err")"
    fi
  done
done

echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
