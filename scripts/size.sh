#!/usr/bin/env bash
# Prints the size of the release build's three modules, raw and gzipped: the library module a
# first visit to the library runs, the embed module a frame on another site and a share link run,
# and the full app a map opened directly runs. Each counts the page's loader too, which is inline
# in index.html.
set -euo pipefail
cd "$(dirname "$0")/../dist"
loader=$(mktemp --suffix=.loader.js)
trap 'rm -f "$loader"' EXIT
node ../scripts/inline-loader.mjs index.html >"$loader"
report() {
  local label=$1
  shift
  local total_raw=0 total_gz=0 raw gz file
  for file in "$@"; do
    raw=$(wc -c <"$file")
    gz=$(gzip -9 -c "$file" | wc -c)
    total_raw=$((total_raw + raw))
    total_gz=$((total_gz + gz))
    printf '%-48s %10d %10d\n' "${file/#$loader/the loader in index.html}" "$raw" "$gz"
  done
  printf '%-48s %10d %10d\n\n' "$label: wasm + js" "$total_raw" "$total_gz"
}
printf '%-48s %10s %10s\n' file bytes gzip
report "library module" journeyscope-library-*.wasm journeyscope-library-*.js "$loader"
report "embed module" journeyscope-embed-*.wasm journeyscope-embed-*.js "$loader"
full=$(ls journeyscope-*.wasm journeyscope-*.js | grep -v -e '^journeyscope-library-' -e '^journeyscope-embed-')
# shellcheck disable=SC2086
report "full app" $full "$loader"
