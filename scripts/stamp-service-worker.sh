#!/usr/bin/env bash
# Writes the build's id into the service worker that Trunk copied into dist/, so that every
# deployment changes sw.js and browsers install the new version. The id is a hash of
# index.html, which names every hashed file of the build and the import worker's version, and of
# the service worker itself.
set -euo pipefail
dist=${1:-dist}
# The import worker's files and the standalone page's boot script carry no hash in their names:
# the page names their version.
worker=$(cat "$dist/import-worker.js" "$dist/import-worker_bg.wasm" "$dist/import-worker-start.js" \
  "$dist/standalone-boot.js" | sha256sum | cut -c1-16)
sed -i "s/<meta name=\"import-worker-version\" content=\"[^\"]*\"/<meta name=\"import-worker-version\" content=\"$worker\"/" "$dist/index.html"
grep -q "content=\"$worker\"" "$dist/index.html"
id=$(cat "$dist/index.html" "$dist/sw.js" | sha256sum | cut -c1-16)
sed -i "s/^const BUILD = '[^']*';/const BUILD = '$id';/" "$dist/sw.js"
grep -q "^const BUILD = '$id';" "$dist/sw.js"
echo "service worker stamped with build $id"
