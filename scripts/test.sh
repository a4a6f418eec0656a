#!/usr/bin/env bash
# Runs every test: native (model, validation, view), in-browser unit tests
# (wasm-bindgen-test in headless Chromium), then end-to-end tests that load
# the real pages: every file in Chromium (playwright-core), and the reader,
# embed, accessibility and keyboard, links, timeline, desk, faults, errors
# and engine files in Firefox ESR (puppeteer-core, WebDriver BiDi) and WebKitGTK
# (selenium-webdriver, WebKitWebDriver under xvfb) through the driver layer
# in tests/e2e/engines/. Installs what it needs.
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
# A test without a timeout of its own fails after two minutes, and a file
# whose tests are done exits even if a browser left a request hanging:
# a stuck browser fails its test, by name, instead of the whole run.
e2e=(node --test --test-timeout=120000 --test-force-exit)
echo "[test] end to end in Chromium"
"${e2e[@]}" tests/e2e/
# The files that run in every engine readers use.
cross=(reader embed a11y links timeline desk faults errors engines phone)
cross=("${cross[@]/#/tests/e2e/}")
cross=("${cross[@]/%/.test.mjs}")
echo "[test] end to end in Firefox ESR"
ENGINE=firefox "${e2e[@]}" "${cross[@]}"
echo "[test] end to end in WebKitGTK"
ENGINE=webkit xvfb-run -a "${e2e[@]}" "${cross[@]}"
