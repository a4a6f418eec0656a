#!/usr/bin/env bash
# Installs what building and testing need, skipping what is already there:
# the wasm32 target, the wasm-bindgen CLI pinned to Cargo.lock, npm packages
# (binaryen's wasm-opt, playwright-core, puppeteer-core, selenium-webdriver,
# axe-core, typescript) and, with --browser, the three engines the tests run
# from Debian's packages: Chromium + ChromeDriver, Firefox ESR, and WebKitGTK
# (WebKitWebDriver + MiniBrowser) with xvfb to give it a display. Nothing
# downloads a browser of its own. Safe to run repeatedly.
set -euo pipefail
cd "$(dirname "$0")/.."

browser=0
[[ "${1:-}" == "--browser" ]] && browser=1

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

for component in rustfmt clippy; do
  rustup component list --installed | grep -q "^$component" || rustup component add "$component"
done

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

[[ -f Cargo.lock ]] || cargo generate-lockfile
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
if [[ "$have" != "$want" ]]; then
  say "installing wasm-bindgen-cli $want (about 3 minutes, once)"
  # --locked fails against this registry (see TOOLCHAIN.md); the version pin is what matters.
  cargo install wasm-bindgen-cli --version "$want"
fi

if [[ ! -x node_modules/.bin/wasm-opt || package-lock.json -nt node_modules/.package-lock.json ]]; then
  say "installing npm packages"
  npm ci --no-audit --no-fund
fi

if (( browser )); then
  missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  command -v firefox-esr >/dev/null || missing+=(firefox-esr)
  command -v WebKitWebDriver >/dev/null || missing+=(webkit2gtk-driver)
  command -v xvfb-run >/dev/null || missing+=(xvfb xauth)
  command -v brotli >/dev/null || missing+=(brotli)
  # CJK glyphs, so screenshots of the widget are readable.
  [[ -d /usr/share/fonts/opentype/noto ]] || missing+=(fonts-noto-cjk)
  if (( ${#missing[@]} )); then
    say "installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi
