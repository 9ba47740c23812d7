#!/usr/bin/env bash
# `./build.sh bench`: builds the bench programs (tests/bench/CMakeLists.txt) in the native
# and wasm configurations (build/native, build/wasm), measures, and prints one table
# (tests/bench/report.mjs) that is also written as build/bench/results.json.
# Expects `./build.sh build` to have run (build/dist: the portal as deployed). A part that is
# missing or fails is reported as "n/a" with the reason, never as a number.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="$ROOT/build/bench"; PARTS="$OUT/parts"
JOBS="${JOBS:-$(nproc)}"
RUNS="${BENCH_RUNS:-10}"
export NODE_PATH=/usr/share/nodejs
mkdir -p "$PARTS"; rm -f "$PARTS"/*

na() { echo "$2" >"$PARTS/$1.na"; echo "bench: $1: n/a ($2)" >&2; }
# Runs "$@" with its stdout into parts/NAME.json; a failure becomes NAME.na.
part() {
  local name="$1" why="$2"; shift 2
  if "$@" >"$PARTS/$name.json" 2>"$PARTS/$name.log"; then return 0; fi
  rm -f "$PARTS/$name.json"; na "$name" "$why; see $PARTS/$name.log"; return 1
}

echo "== bench: building (build presets bench and bench-wasm, into build/native and build/wasm)" >&2
NATIVE="$ROOT/build/native"; WASM="$ROOT/build/wasm"
native_ok=0; wasm_ok=0; tool_ok=0
(cd "$ROOT" && cmake --build --preset bench -j "$JOBS") >"$OUT/build.log" 2>&1 && native_ok=1
cmake --build "$NATIVE" -j "$JOBS" --target retour >>"$OUT/build.log" 2>&1 && tool_ok=1
(cd "$ROOT" && cmake --build --preset bench-wasm -j "$JOBS") >"$OUT/build-wasm.log" 2>&1 && wasm_ok=1
[ $native_ok = 1 ] || echo "bench: native bench build failed, see $OUT/build.log" >&2
[ $wasm_ok = 1 ] || echo "bench: wasm bench build failed, see $OUT/build-wasm.log" >&2
BENCH="$NATIVE/tests/bench"; WBENCH="$WASM/tests/bench"

echo "== bench: core throughput and labels" >&2
if [ $native_ok = 1 ]; then part core-native "native bench_core failed" "$BENCH/bench_core" "$ROOT"; else na core-native "not built"; fi
if [ $wasm_ok = 1 ]; then part core-wasm "wasm bench_core failed" node --no-experimental-fetch "$WBENCH/bench_core.js" "$ROOT"
else na core-wasm "not built"; fi

echo "== bench: receiver" >&2
RETOUR="$NATIVE/tools/retour"
na_receiver() { na receiver-8 "$1"; na receiver-64 "$1"; }
if [ $native_ok != 1 ]; then na_receiver "load client not built"
elif [ $tool_ok != 1 ]; then na_receiver "retour did not build; see $OUT/build.log"
elif ! "$RETOUR" help 2>&1 | grep -qE '^ *hook'; then na_receiver "not built yet: no \`retour hook\`"
else
  # The issue's two loads: a few busy clients, and many (each run on a fresh database).
  for clients in 8 64; do
    port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
    db="$OUT/receiver.db"; rm -f "$db" "$db"-*
    "$RETOUR" hook --policy "$ROOT/tests/fixtures/receiver/policy.json" --db "$db" --host 127.0.0.1 --port "$port" \
      --rate 1000000 --burst 1000000 --max-conns-per-ip 0 >"$PARTS/receiver-$clients-server.log" 2>&1 &
    hook_pid=$!
    part "receiver-$clients" "load run failed or not every post was accepted" \
      "$BENCH/load_hook" --port "$port" --clients "$clients" --requests 6000 --seconds 20
    kill "$hook_pid" 2>/dev/null; wait "$hook_pid" 2>/dev/null
  done
fi

echo "== bench: browser (bytes, first frame x$RUNS, idle, cpu per frame)" >&2
HELLO="$OUT/hello-dist"
if [ $wasm_ok != 1 ]; then na browser "hello page not built"
elif [ ! -f "$ROOT/build/dist/index.html" ]; then na browser "no build/dist (run ./build.sh build)"
else
  rm -rf "$HELLO" && mkdir -p "$HELLO"
  cp "$ROOT/tests/bench/hello/index.html" "$ROOT/web/platform.js" "$WBENCH/hello/retour.js" "$WBENCH/hello/retour.wasm" \
    "$ROOT/.deps/font/retour-sans.ttf" "$HELLO/"
  # The portal as deployed, with the example policy as the shop's policy.json (a
  # merchant's own file; the portal fetches it on the first visit).
  PORTAL="$OUT/portal-dist"
  rm -rf "$PORTAL" && cp -r "$ROOT/build/dist" "$PORTAL"
  [ -f "$PORTAL/policy.json" ] || cp "$PORTAL/policy.example.json" "$PORTAL/policy.json"
  part browser "browser run failed" node "$ROOT/tests/bench/browser.mjs" --dist "$PORTAL" --hello "$HELLO" \
    --runs "$RUNS" --retour "$NATIVE/tools/retour" --out /dev/stdout
fi

node "$ROOT/tests/bench/report.mjs" "$PARTS" "$OUT/results.json"
