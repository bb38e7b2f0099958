#!/usr/bin/env bash
# Benchmarks: criterion (parse, index, filter and aggregate at 1k / 10k / 100k records) and the
# browser benchmarks (load to first chart, filter click to repaint and what it is made of; start-up
# against an ECharts reference page, on loopback and under emulated networks; workbooks from pick
# to preview; the report files, click to download) on the release build.
# Both print medians; copy the figures into docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo bench --bench dashboard

mkdir -p dist/bench
for size in 1000 10000 100000; do
  [ -s "dist/bench/$size.json" ] || cargo run --quiet --bin generate_dataset -- "$size" > "dist/bench/$size.json"
done
# Workbooks under a college's headings, for pick-to-preview.
for size in 10000 100000; do
  [ -s "dist/bench/workbook-$size.xlsx" ] ||
    cargo run --quiet --release --example workbook_fixtures -- rows "$size" > "dist/bench/workbook-$size.xlsx"
done
# The 2021 report as a Word document, for pick-to-preview.
cp tests/fixtures/report-2021.docx dist/bench/
# The start-up reference: the same chart drawn with ECharts (test-only, from npm).
mkdir -p dist/bench/reference
cp tests/e2e/reference/echarts.html tests/e2e/node_modules/echarts/dist/echarts.min.js \
  data/report-2021.json dist/bench/reference/
(cd tests/e2e && npx playwright test -c playwright.bench.config.ts)
cat target/bench-browser.txt target/bench-levers.txt target/bench-startup.txt target/bench-network.txt \
  target/bench-workbooks.txt target/bench-office.txt target/bench-standalone.txt
