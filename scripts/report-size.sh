#!/usr/bin/env bash
# Prints the size of each file of the first load (the page, its JS, wasm with the built-in
# dataset inside, CSS, and the service worker), raw and gzip-compressed, and the total; fails
# when the gzip total is over the budget.
#   scripts/report-size.sh DIST BUDGET_BYTES
set -euo pipefail
dist=${1:-dist}
budget=${2:-}
total_raw=0
total_gz=0
printf '%-48s %10s %10s\n' "file" "bytes" "gzip -9"
for file in "$dist"/*.html "$dist"/*.js "$dist"/*.wasm "$dist"/*.css; do
  [ -f "$file" ] || continue
  case "$(basename "$file")" in import-worker*) continue ;; esac
  raw=$(stat -c %s "$file")
  gz=$(gzip -9 -c "$file" | wc -c)
  total_raw=$((total_raw + raw))
  total_gz=$((total_gz + gz))
  printf '%-48s %10d %10d\n' "$(basename "$file")" "$raw" "$gz"
done
printf '%-48s %10d %10d\n' "first load, total" "$total_raw" "$total_gz"
# Loaded on first use only (the import worker, on the first workbook or unfamiliar table).
demand_raw=0
demand_gz=0
for file in "$dist"/import-worker*; do
  [ -f "$file" ] || continue
  raw=$(stat -c %s "$file")
  gz=$(gzip -9 -c "$file" | wc -c)
  demand_raw=$((demand_raw + raw))
  demand_gz=$((demand_gz + gz))
  printf '%-48s %10d %10d\n' "on first use: $(basename "$file")" "$raw" "$gz"
done
printf '%-48s %10d %10d\n' "on first use, total" "$demand_raw" "$demand_gz"
if [ -n "$budget" ]; then
  if [ "$total_gz" -gt "$budget" ]; then
    echo "size budget exceeded: $total_gz B gzip > $budget B (see docs/performance.md)" >&2
    exit 1
  fi
  echo "size budget: $total_gz B gzip of $budget B ($((budget - total_gz)) B to spare)"
fi
