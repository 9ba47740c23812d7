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
# (FNV-1a 64 -> top 50 bits -> Crockford base32 + two Reed-Solomon check characters
# over GF(32)) and the policy. The check characters are found here the other way
# round: the pair that makes the codeword vanish at a and a^2.
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
def gf_mul(a, b):  # GF(32) = GF(2)[x] / (x^5 + x^2 + 1)
    p = 0
    while b:
        if b & 1: p ^= a
        a <<= 1
        if a & 32: a ^= 0x25
        b >>= 1
    return p
def gf_pow(a, n):
    r = 1
    for _ in range(n): r = gf_mul(r, a)
    return r
def vanishes(word, root):  # word[0] is the highest power
    acc = 0
    for s in word: acc = gf_mul(acc, root) ^ s
    return acc == 0
alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
value = fnv1a64(req["id"].encode("utf-8")) >> 14
symbols = [(value >> (5 * (9 - i))) & 31 for i in range(10)]
check = next((a, b) for a in range(32) for b in range(32)
             if all(vanishes(symbols + [a, b], gf_pow(2, j)) for j in (1, 2)))
code = "".join(alphabet[s] for s in symbols + list(check))
rma = req.get("rma") or pol["labels"]["rma_prefix"] + "-" + code
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

# The label speaks the request's language (the sample is de-DE); --locale overrides it.
lang_check() {  # tag, extra args, expected text, text that must not show
  local tag="$1" extra="$2" want="$3" not="$4" zpl="$WORK/lang.zpl"
  if ! "$RETOUR" label --request "$FIX/request.json" --policy "$FIX/policy.json" --format zpl $extra -o "$zpl" 2>"$WORK/err"; then
    fail "$tag: retour label failed: $(cat "$WORK/err")"
  elif grep -q "$want" "$zpl" && ! grep -q "$not" "$zpl"; then pass "$tag: prints \"$want\", not \"$not\""
  else fail "$tag: expected \"$want\" and no \"$not\" in the ZPL"; fi
}
lang_check "label in the request's language" "" "ABSENDER" "FROM"
lang_check "label --locale da" "--locale da" "MODTAGER" "EMPF"
lang_check "label --locale en" "--locale en-GB" "SHIP TO" "ABSENDER"
if "$RETOUR" label --request "$FIX/request.json" --policy "$FIX/policy.json" --locale xx -o "$WORK/x.pdf" 2>"$WORK/err"; then
  fail "label --locale xx: accepted"
elif grep -q -- "--locale must be" "$WORK/err"; then pass "label --locale xx: refused with a reason"
else fail "label --locale xx: $(cat "$WORK/err")"; fi

echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
