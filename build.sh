#!/usr/bin/env bash
# Retour's one entry point. On a fresh Debian 12 machine:
#   ./build.sh demo    install, build, serve the portal with demo data (and the receiver)
#   ./build.sh test    install, build, run every test; last line "N passed, N failed"
# Lower-level steps: setup | build | bench | fuzz [seconds] | clean
#
# Every step is idempotent and quick when nothing changed: packages are only installed
# when missing, sources only fetched once into .deps/, builds are incremental.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DEPS="$ROOT/.deps"
BUILD="$ROOT/build"
NATIVE="$BUILD/native"
WASM="$BUILD/wasm"
DIST="$BUILD/dist"
DEMO_DIST="$BUILD/demo-dist"
JOBS="${JOBS:-$(nproc)}"

# Debian's Emscripten 3.1.6 with the machine's node 20 (DESIGN.md, toolchain facts):
# emcc needs Debian's acorn, and the generated JS must not see node's own fetch.
export NODE_PATH=/usr/share/nodejs
NODE_RUN=(node --no-experimental-fetch)

PACKAGES=(
  build-essential cmake ninja-build pkg-config dpkg-dev ca-certificates
  emscripten
  nlohmann-json3-dev googletest libgtest-dev libbenchmark-dev
  libsodium-dev libmicrohttpd-dev libcurl4-openssl-dev libcpp-httplib-dev libsqlite3-dev sqlite3
  chromium zbar-tools qpdf poppler-utils curl
  fonts-dejavu-core fonttools brotli
  python3-aiosmtpd openssl  # the local SMTP server the mail tests send to, and its certificate
  tzdata iso-codes python3
  clang-14 libclang-rt-14-dev
)
PLAYWRIGHT_VERSION=1.65.1
STANDARDWEBHOOKS_VERSION=1.1.1  # the reference verifier the receiver tests check forwarded events with

say() { printf '\033[1m== %s\033[0m\n' "$*"; }

# Seconds per stage and suite: wall clock and CPU (user+sys of every process the
# stage waited for, from /proc: cutime+cstime). The machine may be shared, so CPU is
# the figure to compare; a quiet 2-core wall time is about CPU/2 for parallel builds.
TIMINGS=()
TICKS=$(getconf CLK_TCK)
cpu_ticks() { local f; read -ra f <"/proc/$1/stat"; echo $((f[13] + f[14] + f[15] + f[16])); }
now_ms() { local t; t=$(date +%s%N); echo $((t / 1000000)); }
# timed NAME CMD...: runs CMD (a failure still stops the script), prints and records its times.
timed() {
  local name="$1"; shift
  local me=$BASHPID w0 c0; w0=$(now_ms); c0=$(cpu_ticks "$me")
  "$@"
  local line; line=$(awk -v n="$name" -v w="$(( $(now_ms) - w0 ))" -v c="$(( $(cpu_ticks "$me") - c0 ))" -v t="$TICKS" \
    'BEGIN { printf "%-16s %7.1f s wall %7.1f s cpu", n, w / 1000, c / t }')
  TIMINGS+=("$line")
  printf '\033[2m-- %s\033[0m\n' "$line"
}
print_timings() { echo "== time per stage and suite"; printf '   %s\n' "${TIMINGS[@]}"; }
die() { printf 'build.sh: %s\n' "$*" >&2; exit 1; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# ---------------------------------------------------------------------------
# setup: packages, npm test tools, third-party sources for wasm, subset font
# ---------------------------------------------------------------------------

ensure_packages() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  # The image's node may come from elsewhere (with its own npm); Debian's only if none.
  command -v node >/dev/null || missing+=(nodejs)
  command -v npm >/dev/null || missing+=(npm)
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]}"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
}

# `apt-get source` needs a deb-src entry; Debian 12 images ship without one.
ensure_deb_src() {
  if ! grep -rqsE '^(deb-src|Types:.*deb-src)' /etc/apt/sources.list /etc/apt/sources.list.d/; then
    say "adding a deb-src entry for bookworm main"
    as_root tee /etc/apt/sources.list.d/retour-src.sources >/dev/null <<'EOF'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
    as_root apt-get update -qq
  fi
}

# Fetch a Debian source package's upstream tarball and unpack it as $DEPS/<dir>.
# Only the .orig tarball is used: qr-code-generator's Debian patch tarball is missing
# from the archive (apt-get source exits non-zero), and we need no Debian patches.
fetch_source() {
  local pkg="$1" dir="$2"
  [ -d "$DEPS/$dir" ] && return 0
  ensure_deb_src
  say "fetching source of $pkg"
  local tmp; tmp="$(mktemp -d)"
  (cd "$tmp" && apt-get source --download-only "$pkg" >/dev/null 2>&1 || true)
  local orig; orig="$(ls "$tmp"/*.orig.tar.* 2>/dev/null | head -n 1)"
  [ -n "$orig" ] || die "apt-get source $pkg fetched no .orig tarball"
  tar -xf "$orig" -C "$tmp"
  [ -d "$tmp/$dir" ] || die "source of $pkg did not unpack to $dir"
  mv "$tmp/$dir" "$DEPS/$dir"
  rm -rf "$tmp"
}

# Emscripten must not see /usr/include (it would shadow its own libc headers), so
# the wasm build finds nlohmann_json in a staging prefix holding only that package.
stage_wasm_prefix() {
  local p="$DEPS/wasm-prefix"
  [ -f "$p/share/cmake/nlohmann_json/nlohmann_jsonConfig.cmake" ] && return 0
  mkdir -p "$p/include" "$p/share/cmake"
  cp -r /usr/include/nlohmann "$p/include/"
  cp -r /usr/share/cmake/nlohmann_json "$p/share/cmake/"
}

# DejaVu Sans cut to the glyphs our five languages use: Latin-1, Latin Extended-A,
# general punctuation (– — “ ” …) and €.
subset_font() {
  local out="$DEPS/font/retour-sans.ttf"
  [ -f "$out" ] && return 0
  mkdir -p "$DEPS/font"
  /usr/bin/pyftsubset /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf \
    --unicodes="U+0020-007E,U+00A0-00FF,U+0100-017F,U+2000-206F,U+20AC,U+2190-2193,U+2212,U+2713,U+2715" \
    --layout-features='' --no-hinting --desubroutinize --output-file="$out"
}

# True when .deps/npm holds package $1 at version $2.
has_npm_package() {
  grep -qs "\"version\": \"$2\"" "$DEPS/npm/node_modules/$1/package.json"
}

ensure_npm_tools() {
  local dir="$DEPS/npm"
  has_npm_package playwright-core "$PLAYWRIGHT_VERSION" && has_npm_package standardwebhooks "$STANDARDWEBHOOKS_VERSION" && return 0
  say "installing playwright-core@$PLAYWRIGHT_VERSION (drives Debian's chromium; downloads no browser) and standardwebhooks@$STANDARDWEBHOOKS_VERSION"
  mkdir -p "$dir"
  [ -f "$dir/package.json" ] || echo '{"name":"retour-test-tools","private":true}' >"$dir/package.json"
  (cd "$dir" && npm install --no-audit --no-fund --silent "playwright-core@$PLAYWRIGHT_VERSION" \
    "standardwebhooks@$STANDARDWEBHOOKS_VERSION")
}

cmd_setup() {
  ensure_packages
  mkdir -p "$DEPS"
  fetch_source imgui imgui-1.86
  fetch_source libsodium libsodium-1.0.18
  fetch_source qr-code-generator QR-Code-generator-1.8.0
  stage_wasm_prefix
  subset_font
  ensure_npm_tools
}

# ---------------------------------------------------------------------------
# build: the configurations of CMakePresets.json, each in build/<preset>
# ---------------------------------------------------------------------------

# build_preset PRESET: configures build/PRESET from CMakePresets.json (again each time:
# cheap, and it picks up changed options) and builds it. A tree made before the presets
# (another generator) is configured afresh.
build_preset() {
  say "$1 build"
  mkdir -p "$BUILD"
  [ -f "$BUILD/$1/build.ninja" ] || rm -rf "$BUILD/$1/CMakeCache.txt" "$BUILD/$1/CMakeFiles"
  (cd "$ROOT" && cmake --preset "$1" >"$BUILD/$1.configure.log" 2>&1) || { cat "$BUILD/$1.configure.log"; return 1; }
  (cd "$ROOT" && cmake --build --preset "$1" -j "$JOBS")
}

# The static folder a merchant deploys (content-hashed app files, the small uncached
# entry points, the service worker, the policy schema) and, apart, the demo folder:
# the same portal plus demo data, the example storefront and the single-file demo.
assemble_dist() {
  node "$ROOT/tools/dist/assemble.mjs" --web "$ROOT/web" --wasm "$WASM/wasm" \
    --font "$DEPS/font/retour-sans.ttf" --out "$DIST" --demo-out "$DEMO_DIST"
}

cmd_build() {
  mkdir -p "$BUILD"
  timed "native build" build_preset native
  timed "wasm build" build_preset wasm
  timed dist assemble_dist
}

# ---------------------------------------------------------------------------
# test: every suite; each adds to one "N passed, N failed" total
# ---------------------------------------------------------------------------

LOGS="$BUILD/test-logs"
PASSED=0
FAILED=0
SUITES_FAILED=()
declare -A SUITE_PID=()

# start_suite NAME CMD...: runs a suite in the background, its output in test-logs/NAME.log,
# its times in NAME.time (tests/suite_time.py: CPU includes the browsers and servers it
# started). A GoogleTest suite writes its results to test-logs/NAME.xml.
start_suite() {
  local name="$1"; shift
  mkdir -p "$LOGS"; rm -f "$LOGS/$name".*
  say "suite $name started"
  python3 "$ROOT/tests/suite_time.py" "$LOGS/$name.time" "$@" >"$LOGS/$name.log" 2>&1 &
  SUITE_PID[$name]=$!
}

# finish_suite NAME: waits for it, shows its output and adds its counts to the total.
# Counts come from GoogleTest's XML report, or else from the suite's own last
# "N passed, N failed" line; a suite that exits non-zero without reporting a failure
# counts as one failure.
finish_suite() {
  local name="$1" rc=0 p f w c
  wait "${SUITE_PID[$name]}" || rc=$?
  say "suite: $name"
  cat "$LOGS/$name.log"
  if [ -f "$LOGS/$name.xml" ]; then
    local head; head=$(grep -m 1 -o '<testsuites [^>]*>' "$LOGS/$name.xml")
    attr() { sed -nE "s/.* $1=\"([0-9]+)\".*/\1/p" <<<"$head"; }
    local tests failures errors disabled skipped
    tests=$(attr tests); failures=$(attr failures); errors=$(attr errors); disabled=$(attr disabled)
    skipped=$(grep -c 'result="skipped"' "$LOGS/$name.xml" || true)
    f=$(( ${failures:-0} + ${errors:-0} )); p=$(( ${tests:-0} - f - ${disabled:-0} - skipped ))
  else
    p=$(sed -nE 's/^([0-9]+) passed, ([0-9]+) failed.*/\1/p' "$LOGS/$name.log" | tail -n 1)
    f=$(sed -nE 's/^([0-9]+) passed, ([0-9]+) failed.*/\2/p' "$LOGS/$name.log" | tail -n 1)
  fi
  p=${p:-0}; f=${f:-0}
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
  PASSED=$((PASSED + p)); FAILED=$((FAILED + f))
  [ "$f" -eq 0 ] || SUITES_FAILED+=("$name")
  read -r w c <"$LOGS/$name.time" || true
  local line; line=$(printf '%-16s %7.1f s wall %7.1f s cpu   %s passed, %s failed' "$name" "${w:-0}" "${c:-0}" "$p" "$f")
  TIMINGS+=("$line")
  printf '\033[2m-- %s\033[0m\n' "$line"
}

gtest_xml() { echo "--gtest_output=xml:$LOGS/$1.xml"; }

# Two cores are kept busy: suites run in the background while the next configuration
# builds (most of them wait on servers, browsers and time-outs more than they compute),
# and their outputs are shown at the end, in this order.
SUITES=(core-native portal-native labels-scan receiver core-wasm merchant-guide browser core-sanitize fuzz)
cmd_test() {
  timed setup cmd_setup
  mkdir -p "$BUILD"
  timed "native build" build_preset native
  start_suite core-native "$NATIVE/tests/retour_core_tests" "$(gtest_xml core-native)"
  start_suite portal-native "$NATIVE/tests/portal/retour_portal_tests" "$(gtest_xml portal-native)"
  start_suite labels-scan bash "$ROOT/tests/labels/scan.sh" "$NATIVE"
  start_suite receiver bash "$ROOT/tests/receiver/run.sh" "$NATIVE"
  timed "wasm build" build_preset wasm
  timed dist assemble_dist
  start_suite core-wasm "${NODE_RUN[@]}" "$WASM/tests/retour_core_tests.js" "$(gtest_xml core-wasm)"
  start_suite merchant-guide bash "$ROOT/tests/docs/merchant_guide.sh" "$NATIVE" "$DIST" "$DEMO_DIST"
  start_suite browser node "$ROOT/tests/browser/run.mjs" --dist "$DIST" --demo "$DEMO_DIST" --out "$BUILD/screenshots"
  timed "sanitize build" build_preset sanitize
  start_suite core-sanitize "$BUILD/sanitize/tests/retour_core_tests" "$(gtest_xml core-sanitize)"
  # One target at a time: the browser suite, still running, needs the other core (its
  # waits time out when starved), and 9 × 15 s fit within it anyway.
  JOBS=1 start_suite fuzz "$ROOT/tests/fuzz/run.sh" "${FUZZ_SECONDS:-15}"
  for s in "${SUITES[@]}"; do finish_suite "$s"; done
  echo
  print_timings
  [ ${#SUITES_FAILED[@]} -eq 0 ] || echo "failed suites: ${SUITES_FAILED[*]}"
  echo "$PASSED passed, $FAILED failed"
  [ "$FAILED" -eq 0 ]
}

# ---------------------------------------------------------------------------
# demo: serve the portal on 127.0.0.1
# ---------------------------------------------------------------------------

cmd_demo() {
  cmd_setup
  cmd_build
  local port="${RETOUR_PORT:-8080}"
  say "starting the demo (Ctrl-C stops it)"
  exec "$NATIVE/tools/retour" demo --dist "$DEMO_DIST" --data "${RETOUR_DEMO_DATA:-$BUILD/demo-data}" --port "$port"
}

cmd_clean() { rm -rf "$BUILD"; }

# fuzz [seconds]: build the sanitize preset and run each libFuzzer target that long (tests/fuzz/run.sh).
cmd_fuzz() { cmd_setup; build_preset sanitize; "$ROOT/tests/fuzz/run.sh" "${1:-60}"; }

# bench: one table of measured figures vs their references, build/bench/results.json (tests/bench/run.sh).
cmd_bench() { cmd_setup; cmd_build; "$ROOT/tests/bench/run.sh"; }

case "${1:-}" in
  setup) cmd_setup ;;
  build) cmd_setup; cmd_build ;;
  test) cmd_test ;;
  demo) cmd_demo ;;
  clean) cmd_clean ;;
  fuzz) cmd_fuzz "${2:-60}" ;;
  bench) cmd_bench ;;
  *) sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
