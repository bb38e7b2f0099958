#!/usr/bin/env bash
# Installs the build tools at the versions the project pins, each only when it is missing or
# of another version. Nothing here downloads a prebuilt binary: trunk and wasm-bindgen are
# built by cargo, wasm-opt comes from the npm package `binaryen` (Debian's binaryen 108 builds
# a wasm that crashes in the browser).
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# Cuts the page's wasm into chunks between cargo and wasm-bindgen (scripts/split/).
WASM_SPLIT_VERSION=0.2.4
# Must equal the `wasm-bindgen = "=…"` pin in Cargo.toml and `wasm_bindgen` in Trunk.toml.
WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = "=\(.*\)"/\1/p' Cargo.toml)
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  echo "installing the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
for component in clippy rustfmt; do
  if ! rustup component list --installed | grep -q "^$component"; then
    rustup component add "$component"
  fi
done

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  echo "installing trunk $TRUNK_VERSION (takes several minutes)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  echo "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # Not --locked: with its lockfile, resolution fails on this registry.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# (wasm-split-cli has no --version: cargo lists what it installed.)
if ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  echo "installing wasm-split-cli $WASM_SPLIT_VERSION (takes several minutes)"
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked
fi

if ! tools/node_modules/.bin/wasm-opt --version 2>/dev/null | grep -q "version 132"; then
  echo "installing wasm-opt (npm binaryen 132)"
  npm ci --prefix tools --no-audit --no-fund
fi
