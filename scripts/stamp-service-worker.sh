#!/usr/bin/env bash
# Writes the build's id into the service worker that Trunk copied into dist/, so that every
# deployment changes sw.js and browsers install the new version. The id is a hash of
# index.html, which names every hashed file of the build, of the import worker's files (whose
# names carry no hash), and of the service worker itself.
set -euo pipefail
dist=${1:-dist}
id=$(cat "$dist/index.html" "$dist"/import-worker* "$dist/sw.js" | sha256sum | cut -c1-16)
sed -i "s/^const BUILD = '[^']*';/const BUILD = '$id';/" "$dist/sw.js"
grep -q "^const BUILD = '$id';" "$dist/sw.js"
echo "service worker stamped with build $id"
