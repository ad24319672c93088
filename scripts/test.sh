#!/usr/bin/env bash
# Every check Journeyscope has, in order, stopping at the first failure. CI runs exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
export PATH="$PWD/node_modules/.bin:$PATH"

step() { printf '\n== %s\n' "$*"; }

step "format"
cargo fmt --all --check

step "clippy (host and wasm32)"
cargo clippy --workspace --all-targets --all-features --locked -- -D warnings
cargo clippy -p journeyscope --all-targets --target wasm32-unknown-unknown --locked -- -D warnings

step "native tests"
cargo test --workspace --all-features --locked

step "component tests in headless Chromium"
cargo test -p journeyscope --target wasm32-unknown-unknown --locked

step "release build, and a debug build for the crash-screen test"
trunk build --release --offline
trunk build --offline --dist dist-debug

step "end-to-end tests against the release build on 127.0.0.1"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
debug_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory dist >/dev/null 2>&1 &
server=$!
python3 -m http.server "$debug_port" --bind 127.0.0.1 --directory dist-debug >/dev/null 2>&1 &
debug_server=$!
trap 'kill $server $debug_server 2>/dev/null || true' EXIT
BASE_URL="http://127.0.0.1:$port/" DEBUG_BASE_URL="http://127.0.0.1:$debug_port/" npm run --silent e2e | tee target/e2e.log
e2e_summary=$(awk '/^# pass/ { pass = $3 } /^# fail/ { fail = $3 } END { print pass " passed, " fail " failed" }' target/e2e.log)

step "Lighthouse (desktop and mobile; accessibility and best practices must be 1)"
BASE_URL="http://127.0.0.1:$port/" npm run --silent lighthouse

step "benchmark, quick mode (proves the command works; the figures mean nothing here)"
bash scripts/bench.sh --quick

step "release size"
bash scripts/size.sh

step "summary"
echo "end-to-end: $e2e_summary"
