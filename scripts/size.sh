#!/usr/bin/env bash
# Prints the size of the release build's modules, raw and gzipped: the app and the embed module a
# frame on another site and a share link's read-only page run, each with the page's loader
# (inline in index.html), and the screens module the app fetches when a user opens saved versions
# or the score report.
# Fails when one is over its budget; bytes are deterministic, so this check belongs in every test
# run.
set -euo pipefail
cd "$(dirname "$0")/../dist"
APP_BUDGET=$((400 * 1024))
EMBED_BUDGET=$((200 * 1024))
# Fetched once, when a user first opens its screens, then kept offline with the app.
SCREENS_BUDGET=$((320 * 1024))
# Fetched only when a user picks an .xlsx workbook to import. Most of it is the text decoders
# calamine's XML reader links in for workbooks in legacy encodings (about 170 KB gzipped).
SHEETS_BUDGET=$((300 * 1024))
loader=$(mktemp --suffix=.loader.js)
trap 'rm -f "$loader"' EXIT
node ../scripts/inline-loader.mjs index.html >"$loader"
over=0
report() {
  local label=$1 budget=$2
  shift 2
  local total_raw=0 total_gz=0 raw gz file
  for file in "$@"; do
    raw=$(wc -c <"$file")
    gz=$(gzip -9 -c "$file" | wc -c)
    total_raw=$((total_raw + raw))
    total_gz=$((total_gz + gz))
    printf '%-48s %10d %10d\n' "${file/#$loader/the loader in index.html}" "$raw" "$gz"
  done
  printf '%-48s %10d %10d   budget %d: ' "$label: wasm + js" "$total_raw" "$total_gz" "$budget"
  if [ "$total_gz" -le "$budget" ]; then
    echo "within"
  else
    echo "OVER by $((total_gz - budget)) bytes"
    over=1
  fi
  echo
}
printf '%-48s %10s %10s\n' file bytes gzip
app=$(ls journeyscope-*.wasm journeyscope-*.js | grep -v -e '^journeyscope-embed-' -e '^journeyscope-screens-' -e '^journeyscope-sheets-')
# shellcheck disable=SC2086
report "app" "$APP_BUDGET" $app "$loader"
report "embed module" "$EMBED_BUDGET" journeyscope-embed-*.wasm journeyscope-embed-*.js "$loader"
report "screens module" "$SCREENS_BUDGET" journeyscope-screens-*.wasm journeyscope-screens-*.js
report "sheets module" "$SHEETS_BUDGET" journeyscope-sheets-*.wasm journeyscope-sheets-*.js
if [ "$over" -ne 0 ]; then
  echo "a module is over its gzip budget (app 400 KiB, embed module 200 KiB, screens module 320 KiB, sheets module 300 KiB)" >&2
  exit 1
fi
