#!/usr/bin/env bash
# Journeyscope's benchmark: builds the release app, serves it on 127.0.0.1, runs the domain's
# criterion benchmarks and the browser benchmark (tests/bench/run.mjs), and prints one table,
# also written to target/bench/results.json.
#   bash scripts/bench.sh           # the full run: 10 runs each, a 2,000-card map, 1,000,000 rows
#   bash scripts/bench.sh --quick   # small inputs, two runs, no criterion: proves the command works
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
export PATH="$PWD/node_modules/.bin:$PATH"

if [ "${1:-}" = --quick ]; then
  cargo bench -p journey-core --no-run
else
  cargo bench -p journey-core
fi
trunk build --release --offline
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory dist >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
until (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do sleep 0.1; done
BASE_URL="http://127.0.0.1:$port/" node tests/bench/run.mjs "$@"
