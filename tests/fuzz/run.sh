#!/usr/bin/env bash
# Runs the libFuzzer targets of the sanitize configuration (tests/fuzz/CMakeLists.txt,
# clang-14, build/sanitize; built here if needed): seeds build/sanitize/corpus/<target>/
# from the fixtures and tests/fuzz/regressions/, replays that corpus and explores for
# SECONDS per target, JOBS targets at a time (each is one process). Prints one line per
# target, then the "N passed, N failed" line build.sh counts: a clean run is 1 passed,
# a crash, leak, timeout or broken invariant is 1 failed, with the input kept under
# build/sanitize/crashes/<target>/ and its path printed.
# Usage: tests/fuzz/run.sh SECONDS [TARGET...]
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="$ROOT/build/sanitize"
SECONDS_EACH="${1:-60}"; shift || true
JOBS="${JOBS:-$(nproc)}"
TARGETS=(fuzz_policy fuzz_order fuzz_order_token fuzz_return_request fuzz_webhook
         fuzz_published_order fuzz_order_import fuzz_label fuzz_hook)
[ $# -gt 0 ] && TARGETS=("$@")

if [ ! -f "$OUT/build.ninja" ]; then
  (cd "$ROOT" && cmake --preset sanitize >/dev/null) || { echo "0 passed, 1 failed (fuzz configure)"; exit 1; }
fi
cmake --build "$OUT" -j "$JOBS" --target "${TARGETS[@]}" make_seeds >"$OUT/fuzz-build.log" 2>&1 ||
  { tail -n 40 "$OUT/fuzz-build.log"; echo "0 passed, 1 failed (fuzz build)"; exit 1; }

mkdir -p "$OUT/corpus"
{ node "$ROOT/tests/fuzz/seeds.mjs" "$ROOT" "$OUT/corpus" && "$OUT/tests/fuzz/make_seeds" "$OUT/corpus"; } ||
  { echo "0 passed, 1 failed (fuzz seeds)"; exit 1; }

export ASAN_OPTIONS="${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1:symbolize=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
# fuzz_one TARGET: runs it; its result line goes to logs/TARGET.result, the status is the exit code.
fuzz_one() {
  local t="$1" crashes="$OUT/crashes/$1" log="$OUT/logs/$1.log" res="$OUT/logs/$1.result"
  mkdir -p "$crashes" "$OUT/corpus/$t"
  local before; before=$(ls "$crashes" | wc -l)
  # -timeout: one input taking 10 s is a hang; the outer timeout only guards libFuzzer itself.
  timeout $((SECONDS_EACH + 120)) "$OUT/tests/fuzz/$t" -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$crashes/" "$OUT/corpus/$t" >"$log" 2>&1
  local rc=$?
  local runs cov corpus newest
  runs=$(sed -nE 's/^stat::number_of_executed_units: *([0-9]+).*/\1/p' "$log" | tail -n 1)
  cov=$(grep -oE 'cov: [0-9]+' "$log" | tail -n 1 | cut -d' ' -f2)
  corpus=$(ls "$OUT/corpus/$t" | wc -l)
  newest=$(ls -t "$crashes" | head -n 1)
  if [ "$rc" -eq 0 ] && [ "$(ls "$crashes" | wc -l)" -eq "$before" ]; then
    echo "ok   $t: ${SECONDS_EACH} s, ${runs:-?} inputs, coverage ${cov:-?}, corpus $corpus" >"$res"
    return 0
  fi
  { echo "FAIL $t: exit $rc after ${runs:-?} inputs; log $log"
    grep -E '^(==[0-9]+==ERROR|SUMMARY|fuzz invariant broken|.*runtime error)' "$log" | head -n 5 | sed 's/^/     /'
    if [ -n "$newest" ]; then
      echo "     input saved as $crashes/$newest"
      echo "     reproduce: $OUT/tests/fuzz/$t $crashes/$newest"
    fi; } >"$res"
  return 1
}

mkdir -p "$OUT/logs"
for t in "${TARGETS[@]}"; do
  while [ "$(jobs -rp | wc -l)" -ge "$JOBS" ]; do wait -n; done
  rm -f "$OUT/logs/$t.result"
  fuzz_one "$t" &
done
wait
passed=0; failed=0
for t in "${TARGETS[@]}"; do
  cat "$OUT/logs/$t.result" 2>/dev/null || echo "FAIL $t: no result"
  if grep -q '^ok ' "$OUT/logs/$t.result" 2>/dev/null; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
