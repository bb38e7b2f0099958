#!/usr/bin/env bash
# Benchmarks: criterion (parse, index, filter and aggregate at 1k / 10k / 100k records) and the
# browser benchmark (load to first chart, filter click to repaint) on the release build.
# Both print medians; copy the figures into docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo bench --bench dashboard

mkdir -p dist/bench
for size in 1000 10000 100000; do
  [ -s "dist/bench/$size.json" ] || cargo run --quiet --bin generate_dataset -- "$size" > "dist/bench/$size.json"
done
(cd tests/e2e && npx playwright test -c playwright.bench.config.ts)
cat target/bench-browser.txt
