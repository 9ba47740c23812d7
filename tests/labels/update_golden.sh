#!/usr/bin/env bash
# Regenerates tests/fixtures/labels/golden/ with the native `retour label` after an
# intended change to the label output. Review the diff of the .zpl files before
# committing: they show what changed.
#   tests/labels/update_golden.sh build/native
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BUILD="${1:?usage: update_golden.sh BUILD_DIR}"
RETOUR="$BUILD/tools/retour"
FIX="$ROOT/tests/fixtures/labels"
OUT="$FIX/golden"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$OUT"
declare -A REQUEST=([sample]=request.json [hostile]=request-hostile.json)
declare -A POLICY=([sample]=policy.json [hostile]=policy-json-qr.json)
for sample in sample hostile; do
  for size in 4x6 a6 a4 letter; do
    for format in pdf svg zpl; do
      "$RETOUR" label --request "$FIX/${REQUEST[$sample]}" --policy "$FIX/${POLICY[$sample]}" \
        --format "$format" --size "$size" -o "$TMP/$sample-$size.$format" 2>/dev/null
    done
  done
done
cp "$TMP/sample-4x6.zpl" "$TMP/hostile-4x6.zpl" "$OUT/"
python3 - "$TMP" "$OUT/hashes.json" <<'PY'
import json, os, sys
tmp, out = sys.argv[1], sys.argv[2]
def fnv1a64(data):
    h = 0xcbf29ce484222325
    for b in data:
        h = ((h ^ b) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return "%016x" % h
hashes = {}
for sample in ("sample", "hostile"):
    for size in ("4x6", "a6", "a4", "letter"):
        for fmt in ("pdf", "svg", "zpl"):
            with open(os.path.join(tmp, f"{sample}-{size}.{fmt}"), "rb") as f:
                hashes[f"{sample}/{size}/{fmt}"] = fnv1a64(f.read())
with open(out, "w") as f:
    json.dump(hashes, f, indent=2)
    f.write("\n")
PY
echo "updated $OUT"
