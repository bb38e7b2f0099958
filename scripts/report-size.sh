#!/usr/bin/env bash
# Prints the size of each file of the first load (the page, its JS and the chunks' loader, the
# main wasm with the built-in dataset inside, the CSS), of each chunk of the page's code that
# loads on first use (or right after the first screen), of the import worker, and of the service
# worker, raw and gzip-compressed, with totals; fails when the first load's gzip total is over
# the budget.
#   scripts/report-size.sh DIST BUDGET_BYTES
set -euo pipefail
dist=${1:-dist}
budget=${2:-}

# Prints each file's row and leaves the totals in $raw_total and $gz_total.
measure() {
  local label=$1 file raw gz
  shift
  raw_total=0
  gz_total=0
  for file in "$@"; do
    [ -f "$file" ] || continue
    raw=$(stat -c %s "$file")
    gz=$(gzip -9 -c "$file" | wc -c)
    raw_total=$((raw_total + raw))
    gz_total=$((gz_total + gz))
    printf '%-52s %10d %10d\n' "$label$(basename "$file")" "$raw" "$gz"
  done
}

first_load=() chunks=() worker=()
for file in "$dist"/*.html "$dist"/*.js "$dist"/*.wasm "$dist"/*.css; do
  case "$(basename "$file")" in
    import-worker*) worker+=("$file") ;;
    # Fetched when a standalone page is exported, never by the first screen.
    standalone-boot.js) chunks+=("$file") ;;
    sw.js) ;;
    split_*.wasm | chunk_*.wasm) chunks+=("$file") ;;
    *) first_load+=("$file") ;;
  esac
done
printf '%-52s %10s %10s\n' "file" "bytes" "gzip -9"
measure "" "${first_load[@]}"
first_gz=$gz_total
printf '%-52s %10d %10d\n' "first load, total (goal: 250000 gzip)" "$raw_total" "$gz_total"
# The page's chunks: split_<name> for each group of on-demand code, chunk_<n> for code that
# several of them share (fetched with the first of those).
measure "on demand: " "${chunks[@]}"
printf '%-52s %10d %10d\n' "on demand, total" "$raw_total" "$gz_total"
# Loaded on first use only: the import worker, with the first table or workbook opened.
measure "import worker: " "${worker[@]}"
printf '%-52s %10d %10d\n' "import worker, total" "$raw_total" "$gz_total"
measure "service worker: " "$dist/sw.js"
if [ -n "$budget" ]; then
  if [ "$first_gz" -gt "$budget" ]; then
    echo "size budget exceeded: $first_gz B gzip > $budget B (see docs/performance.md)" >&2
    exit 1
  fi
  echo "size budget: $first_gz B gzip of $budget B ($((budget - first_gz)) B to spare)"
fi
