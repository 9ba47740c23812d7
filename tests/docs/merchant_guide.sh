#!/usr/bin/env bash
# Runs every shell block of docs/merchant.md, in order, in an empty folder, the way
# the guide says: `retour` on the PATH, the built portal copied to ./dist and the
# demo folder to ./demo-dist.
# Blocks marked ```sh server start a server: they must still be running after 3 s.
#   tests/docs/merchant_guide.sh NATIVE_BUILD_DIR DIST_DIR [DEMO_DIR]   (last line: "N passed, N failed")
# DEMO_DIR defaults to demo-dist beside DIST_DIR.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
NATIVE="$(cd "${1:?usage: merchant_guide.sh NATIVE_BUILD_DIR DIST_DIR}" && pwd)"
DIST="$(cd "${2:?usage: merchant_guide.sh NATIVE_BUILD_DIR DIST_DIR}" && pwd)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
DEMO="$(cd "${3:-$DIST/../demo-dist}" && pwd)"
cp -r "$DIST" "$WORK/dist"
cp -r "$DEMO" "$WORK/demo-dist"
export PATH="$NATIVE/tools:$PATH"

passed=0 failed=0 n=0 kind="" block=""
run_block() {
  n=$((n + 1))
  local first; first="$(printf '%s\n' "$block" | head -n 1)"
  if [ "$kind" = server ]; then
    (cd "$WORK" && timeout 3 bash -e -c "$block" >"$WORK/.out" 2>&1)
    local rc=$?
    if [ $rc -eq 124 ]; then passed=$((passed + 1)); echo "ok   block $n (server still running after 3 s): $first"
    else failed=$((failed + 1)); echo "FAIL block $n exited $rc: $first"; sed 's/^/     /' "$WORK/.out"; fi
  else
    if (cd "$WORK" && bash -e -c "$block" >"$WORK/.out" 2>&1); then
      passed=$((passed + 1)); echo "ok   block $n: $first"
    else
      failed=$((failed + 1)); echo "FAIL block $n: $first"; sed 's/^/     /' "$WORK/.out"
    fi
  fi
}

in_block=0
while IFS= read -r line; do
  if [ $in_block -eq 0 ] && [[ "$line" =~ ^\`\`\`sh( server)?$ ]]; then
    in_block=1; kind="${BASH_REMATCH[1]# }"; block=""
  elif [ $in_block -eq 1 ] && [ "$line" = '```' ]; then
    in_block=0; run_block
  elif [ $in_block -eq 1 ]; then
    block+="$line"$'\n'
  fi
done < "$ROOT/docs/merchant.md"

# What the steps should have left behind.
for f in keys/retour.key policy.json dist/policy.json returns.db returns.csv message.json label.pdf stored-label.svg dist/status/req_guide_0001.de.json; do
  if [ -s "$WORK/$f" ]; then passed=$((passed + 1)); echo "ok   the guide produced $f"
  else failed=$((failed + 1)); echo "FAIL the guide did not produce $f"; fi
done
if cmp -s "$WORK/now.json" "$WORK/message.json"; then passed=$((passed + 1)); echo "ok   the stored message came back out byte for byte"
else failed=$((failed + 1)); echo "FAIL message.json is not the posted now.json"; fi
if ls "$WORK"/dist/orders/*.bin >/dev/null 2>&1; then passed=$((passed + 1)); echo "ok   published order files"
else failed=$((failed + 1)); echo "FAIL no published order files"; fi
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
