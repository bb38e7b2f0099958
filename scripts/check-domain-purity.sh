#!/usr/bin/env bash
# The domain is plain Rust: it must not import leptos, web_sys, js_sys, wasm_bindgen or gloo,
# so that it is tested natively and every rule about the data lives in one place.
set -euo pipefail
cd "$(dirname "$0")/.."
pattern='\b(leptos|web_sys|js_sys|wasm_bindgen|wasm_bindgen_futures|gloo[a-z_]*|plotters_canvas)\b'
if grep -rnE "$pattern" src/domain.rs src/domain/; then
  echo "src/domain must not use web APIs or the UI framework (see ARCHITECTURE.md)." >&2
  exit 1
fi
echo "domain purity: src/domain imports no web APIs"
