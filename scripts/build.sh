#!/usr/bin/env bash
# Release build of the widget into www/pkg/: cargo (size-tuned profile) →
# wasm-bindgen --target web → wasm-opt (npm binaryen; Debian's is too old).
# With --probe, builds the test-only panic-probe variant into www/pkg-probe/;
# with --desk, the data desk's module (the spreadsheet checks in wasm) into
# www/desk/pkg/. Variants have their own target dirs: different flags mean a
# full rebuild. The widget's default data goes next to it as dezhou.json
# (minified by build.rs), downloaded only by trackers that show it.
set -euo pipefail
cd "$(dirname "$0")/.."

out=www/pkg features=() target=target
case "${1:-}" in
  --probe) out=www/pkg-probe features=(--features panic-probe) target=target/probe; shift ;;
  --desk) out=www/desk/pkg features=(--features desk) target=target/desk; shift ;;
esac
bash scripts/setup.sh "$@"

name=task_force_tracker
cargo build --release --target wasm32-unknown-unknown --lib "${features[@]}" --target-dir "$target"
rm -rf "$out"
# The element always passes the wasm's URL, and every browser it supports has
# TextEncoder#encodeInto: the bindings need neither fallback.
wasm-bindgen --target web --no-typescript --omit-default-module-path --encode-into always --out-dir "$out" \
  "$target/wasm32-unknown-unknown/release/$name.wasm"
# -Oz twice. (--flatten --rereloop first saved 0.4 KB brotli more, but the
# restructured code ran the first tab switch and search ~1.5 ms slower in
# V8's baseline tier: measured with the bench's interactions.)
# --low-memory-unused assumes nothing lives in the first KB of memory:
# Rust's stack grows down from 1 MB towards it (data lies above), so only a
# stack 1,023 KB deep would get there. The producers and target-features
# sections are metadata no browser reads.
# Import and export names are shortened last (scripts/short-names.mjs gives
# the bindings the same names).
node_modules/.bin/wasm-opt -Oz -Oz --low-memory-unused --strip-producers --strip-target-features \
  --minify-imports-and-exports-and-modules "$out/${name}_bg.wasm" -o "$out/${name}_bg.wasm" > "$target/short-names.json"
node scripts/short-names.mjs "$out/$name.js" "$target/short-names.json" "$out/${name}_bg.wasm"
printf '[build] %s: %s bytes wasm, %s bytes JS glue\n' "$out" \
  "$(stat -c %s "$out/${name}_bg.wasm")" "$(stat -c %s "$out/$name.js")"
if [ "$out" != www/desk/pkg ]; then
  built=$(ls -t "$target"/wasm32-unknown-unknown/release/build/task-force-tracker-*/out/dezhou.min.json | head -1)
  cp "$built" "$out/dezhou.json"
fi
