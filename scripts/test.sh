#!/usr/bin/env bash
# Runs every test: native (model, validation, view), in-browser unit tests
# (wasm-bindgen-test in headless Chromium), then end-to-end tests that load
# the real pages in Chromium through playwright-core. Installs what it needs.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser

echo "[test] native: cargo test"
cargo test
echo "[test] in the browser: cargo test --target wasm32-unknown-unknown"
cargo test --target wasm32-unknown-unknown
echo "[test] end to end: release build (www/pkg and dist/), then node --test"
bash scripts/release.sh
bash scripts/build.sh --probe   # a test-only build that can be made to panic
node --test tests/e2e/
