#!/usr/bin/env bash
# Prints the size of each file of the first load, raw and gzip-compressed, and the total.
set -euo pipefail
dist=${1:-dist}
total_raw=0
total_gz=0
printf '%-48s %10s %10s\n' "file" "bytes" "gzip"
for file in "$dist"/*.html "$dist"/*.js "$dist"/*.wasm "$dist"/*.css; do
  [ -f "$file" ] || continue
  raw=$(stat -c %s "$file")
  gz=$(gzip -9 -c "$file" | wc -c)
  total_raw=$((total_raw + raw))
  total_gz=$((total_gz + gz))
  printf '%-48s %10d %10d\n' "$(basename "$file")" "$raw" "$gz"
done
printf '%-48s %10d %10d\n' "first load, total" "$total_raw" "$total_gz"
