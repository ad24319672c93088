#!/usr/bin/env bash
# Prints the size of the release build's wasm and JS, raw and gzipped (what a first visit costs).
set -euo pipefail
cd "$(dirname "$0")/../dist"
total_raw=0
total_gz=0
printf '%-44s %10s %10s\n' file bytes gzip
# The app's own files: the embed loader and the offline worker are not part of a visit.
for file in *.wasm journeyscope-*.js boot-*.js; do
  raw=$(wc -c <"$file")
  gz=$(gzip -9 -c "$file" | wc -c)
  total_raw=$((total_raw + raw))
  total_gz=$((total_gz + gz))
  printf '%-44s %10d %10d\n' "$file" "$raw" "$gz"
done
printf '%-44s %10d %10d\n' "wasm + js" "$total_raw" "$total_gz"
