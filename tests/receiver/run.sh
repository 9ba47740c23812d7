#!/usr/bin/env bash
# Receiver integration test: starts the real `retour hook` on a free loopback port with
# a temporary database and checks status codes, stored rows, and crash safety.
#   tests/receiver/run.sh NATIVE_BUILD_DIR      (last line: "N passed, N failed")
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
build="${1:?usage: tests/receiver/run.sh NATIVE_BUILD_DIR}"
exec node "$here/run.mjs" "$(cd "$build" && pwd)/tools/retour"
