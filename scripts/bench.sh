#!/usr/bin/env bash
# Benchmark: sizes (raw, gzip -9, brotli -11), where the wasm bytes go
# (twiggy), first render against a static-HTML floor, large-data timings and
# memory across refreshes, all measured in headless Chromium in one run.
# Prints a table and writes bench-output/bench.json. Not part of the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/release.sh --browser
command -v twiggy >/dev/null || cargo install twiggy
cargo build --release --bin tft
# The same widget with the default dataset compiled out, for the size
# "without data" (its own target dir: different flags mean a full rebuild).
RUSTFLAGS="--cfg tft_no_default_data" cargo build --release --target wasm32-unknown-unknown --lib \
  --target-dir target/no-data
rm -rf bench-output/no-data
wasm-bindgen --target web --no-typescript --out-dir bench-output/no-data \
  target/no-data/wasm32-unknown-unknown/release/task_force_tracker.wasm
node_modules/.bin/wasm-opt -Oz bench-output/no-data/task_force_tracker_bg.wasm -o bench-output/no-data/task_force_tracker_bg.wasm
node bench/bench.mjs "$@"
