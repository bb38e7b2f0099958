#!/usr/bin/env bash
# Trunk's post-build hook for the split build: puts the chunks that scripts/split/wasm-bindgen
# cut from the page's wasm into the staging folder, each named by its content's hash.
#   - each chunk (split_*.wasm, chunk_*.wasm) through wasm-opt -Oz in a release build;
#   - the chunks' loader, __wasm_split.js, told the names of the chunks and of the page's JS;
#   - the page's JS told the loader's name, then named again by its new content (its
#     integrity attribute in index.html recomputed), so that a browser never holds a new page
#     next to an old chunk;
#   - the service worker (sw.js, `const CHUNKS`) is told the loader's and the chunks' names.
# A build without split points (no __wasm_split.js in the page's JS) is left as it is.
set -euo pipefail
staging=${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}
project=${TRUNK_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
name=pilot-board
split_dir="$project/target/wasm-split/$name"

js=$(find "$staging" -maxdepth 1 -name "$name-*.js" ! -name '*_bg*' -printf '%f\n')
[ "$(wc -l <<< "$js")" = 1 ] || { echo "split: expected one $name-*.js in $staging, found: $js" >&2; exit 1; }
if ! grep -q '"./__wasm_split.js"' "$staging/$js"; then
  echo "split: $js has no split points; nothing to do"
  exit 0
fi
[ -f "$split_dir/__wasm_split.js" ] || { echo "split: $split_dir/__wasm_split.js missing" >&2; exit 1; }

short_hash() { sha256sum "$1" | cut -c1-16; }
sri() { echo "sha384-$(openssl dgst -sha384 -binary "$1" | base64 -w0)"; }

loader=$(mktemp)
cp "$split_dir/__wasm_split.js" "$loader"
chunks=()
for chunk in "$split_dir"/*.wasm; do
  stem=$(basename "$chunk" .wasm)
  [ "$stem" = "$name" ] && continue
  out="$staging/$stem.wasm"
  if [ "${TRUNK_PROFILE:-debug}" = release ]; then
    wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
      --enable-mutable-globals --enable-reference-types --enable-multivalue \
      "$chunk" -o "$out"
  else
    cp "$chunk" "$out"
  fi
  hashed="$stem-$(short_hash "$out").wasm"
  mv "$out" "$staging/$hashed"
  grep -q "\"./$stem.wasm\"" "$loader" || { echo "split: the loader does not name $stem.wasm" >&2; exit 1; }
  sed -i "s|\"./$stem.wasm\"|\"./$hashed\"|" "$loader"
  chunks+=("$hashed")
done
[ "${#chunks[@]}" -gt 0 ] || { echo "split: no chunks in $split_dir" >&2; exit 1; }

grep -q "from \"./$name.js\"" "$loader" || { echo "split: the loader does not import ./$name.js" >&2; exit 1; }
sed -i "s|from \"./$name.js\"|from \"./$js\"|" "$loader"
loader_name="__wasm_split-$(short_hash "$loader").js"
mv "$loader" "$staging/$loader_name"
chmod 644 "$staging/$loader_name"

old_sri=$(sri "$staging/$js")
sed -i "s|from \"./__wasm_split.js\"|from \"./$loader_name\"|" "$staging/$js"
grep -q "from \"./$loader_name\"" "$staging/$js" || { echo "split: $js does not import ./__wasm_split.js" >&2; exit 1; }
new_js="$name-$(short_hash "$staging/$js").js"
mv "$staging/$js" "$staging/$new_js"
sed -i "s|\"./$js\"|\"./$new_js\"|" "$staging/$loader_name"
html="$staging/index.html"
grep -q "$old_sri" "$html" || { echo "split: index.html has no integrity $old_sri for $js" >&2; exit 1; }
sed -i -e "s|$old_sri|$(sri "$staging/$new_js")|" -e "s|/$js|/$new_js|g" "$html"
grep -q "/$new_js" "$html" && ! grep -q "$js" "$html" || { echo "split: index.html does not link $new_js alone" >&2; exit 1; }
sw="$staging/sw.js"
grep -q '^const CHUNKS = \[\];' "$sw" || { echo "split: sw.js has no 'const CHUNKS = [];' line" >&2; exit 1; }
list=$(printf "'%s', " "$loader_name" "${chunks[@]}")
sed -i "s|^const CHUNKS = \[\];|const CHUNKS = [${list%, }];|" "$sw"
echo "split: ${#chunks[@]} chunk(s): ${chunks[*]}; loader $loader_name; page $new_js"
