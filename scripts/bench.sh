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
node bench/bench.mjs "$@"
