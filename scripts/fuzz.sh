#!/usr/bin/env bash
# Fuzzes every decoder (map files, share links, Mermaid, survey CSV, stored values) with cargo-fuzz
# and prints each target's run count. Not part of CI: it needs the nightly toolchain and takes
# SECONDS per target (default 600).
#   bash scripts/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/../fuzz"

seconds=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(map_json share_link mermaid survey_csv stored_value)

command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
cargo +nightly fuzz build -O

mkdir -p ../target/fuzz
printf '%-14s %12s %8s %10s  %s\n' target runs seconds runs/s result
for target in "${targets[@]}"; do
  log=../target/fuzz/$target.log
  mkdir -p "corpus/$target"
  # Each input is capped at 64 KB and 10 s and the process at 2 GB, so a hang or a runaway
  # allocation is reported as a failure instead of passing unnoticed.
  if cargo +nightly fuzz run -O "$target" "corpus/$target" "seeds/$target" -- \
      -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
      -print_final_stats=1 >"$log" 2>&1; then
    result=ok
  else
    result="FAILED (see target/fuzz/$target.log)"
  fi
  runs=$(awk '/stat::number_of_executed_units/ { print $2 }' "$log")
  took=$(awk '/^Done [0-9]+ runs in/ { print $5 }' "$log")
  printf '%-14s %12s %8s %10s  %s\n' "$target" "${runs:-?}" "${took:-?}" \
    "$(( ${runs:-0} / (${took:-1} > 0 ? ${took:-1} : 1) ))" "$result"
done
