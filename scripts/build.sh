#!/usr/bin/env bash
# Release build of the widget into www/pkg/: cargo (size-tuned profile) →
# wasm-bindgen --target web → wasm-opt -Oz (npm binaryen; Debian's is too old).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh "$@"

name=task_force_tracker
cargo build --release --target wasm32-unknown-unknown --lib
rm -rf www/pkg
wasm-bindgen --target web --no-typescript --out-dir www/pkg \
  "target/wasm32-unknown-unknown/release/$name.wasm"
node_modules/.bin/wasm-opt -Oz "www/pkg/${name}_bg.wasm" -o "www/pkg/${name}_bg.wasm"
printf '[build] %s: %s bytes wasm, %s bytes JS glue\n' www/pkg \
  "$(stat -c %s "www/pkg/${name}_bg.wasm")" "$(stat -c %s "www/pkg/$name.js")"
