#!/usr/bin/env bash
# Release build of the widget into www/pkg/: cargo (size-tuned profile) →
# wasm-bindgen --target web → wasm-opt -Oz (npm binaryen; Debian's is too old).
# With --probe, builds the test-only panic-probe variant into www/pkg-probe/.
set -euo pipefail
cd "$(dirname "$0")/.."

out=www/pkg features=() target=target
if [[ "${1:-}" == "--probe" ]]; then
  out=www/pkg-probe features=(--features panic-probe) target=target/probe
  shift
fi
bash scripts/setup.sh "$@"

name=task_force_tracker
cargo build --release --target wasm32-unknown-unknown --lib "${features[@]}" --target-dir "$target"
rm -rf "$out"
wasm-bindgen --target web --no-typescript --out-dir "$out" \
  "$target/wasm32-unknown-unknown/release/$name.wasm"
node_modules/.bin/wasm-opt -Oz "$out/${name}_bg.wasm" -o "$out/${name}_bg.wasm"
printf '[build] %s: %s bytes wasm, %s bytes JS glue\n' "$out" \
  "$(stat -c %s "$out/${name}_bg.wasm")" "$(stat -c %s "$out/$name.js")"
