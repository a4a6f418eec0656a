#!/usr/bin/env bash
# Builds the widget and writes a self-contained folder a site can copy to its
# own server or CDN: dist/task-force-tracker/. Code files carry a content hash
# in their names (cache them forever); task-force-tracker.js is a stable alias
# (cache it briefly). Every URL inside is relative to the module itself.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh "$@"

out=dist/task-force-tracker
rm -rf "$out" && mkdir -p "$out"
version=$(awk -F'"' '/^version = / { print $2; exit }' Cargo.toml)
hash() { sha256sum "$1" | cut -c1-10; }

wasm="task-force-tracker-$(hash www/pkg/task_force_tracker_bg.wasm).wasm"
cp www/pkg/task_force_tracker_bg.wasm "$out/$wasm"
data="task-force-tracker-$(hash www/pkg/dezhou.json).json"
cp www/pkg/dezhou.json "$out/$data"

# The element and the bindings become one minified module, so a
# page fetches entry -> module -> wasm, not entry -> element -> bindings ->
# wasm. Built from a copy of the element in which the wasm's and the default
# data's URLs are the hashed ones.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp www/pkg/task_force_tracker.js "$tmp/bindings.js"  # the element passes the wasm URL
sed -e "s|'./pkg/task_force_tracker.js'|'./bindings.js'|" -e "s|'./pkg/task_force_tracker_bg.wasm'|'./$wasm'|" \
  -e "s|'./pkg/dezhou.json'|'./$data'|" www/task-force-tracker.js > "$tmp/element.js"
grep -q "'./bindings.js'" "$tmp/element.js" && grep -q "'./$wasm'" "$tmp/element.js" && grep -q "'./$data'" "$tmp/element.js" \
  || { echo "release: bindings, wasm or data path not found in the element" >&2; exit 1; }
# esbuild bundles; terser minifies (about 200 bytes brotli smaller than
# esbuild's own minifier on this code).
node_modules/.bin/esbuild "$tmp/element.js" --bundle --format=esm --log-level=warning --outfile="$tmp/bundle.js"
node_modules/.bin/terser "$tmp/bundle.js" --module --ecma 2020 --compress passes=2 --mangle -o "$tmp/module.js"
module="task-force-tracker-$(hash "$tmp/module.js").js"
cp "$tmp/module.js" "$out/$module"

# The stable entry (cache it briefly): every reader downloads it, so one
# line of comment; the hashed files it loads never change.
cat > "$out/task-force-tracker.js" <<JS
// task-force-tracker $version
import './$module';
JS

# For a site template that knows this release's names (README, "Sooner
# first view"): the files a tracker with the default data downloads, asked
# for from the page's <head> at once, not after the entry and the module.
cat > "$out/preload.html" <<HTML
<link rel="modulepreload" href="/path/to/task-force-tracker/$module">
<link rel="preload" href="/path/to/task-force-tracker/$wasm" as="fetch" crossorigin>
<link rel="preload" href="/path/to/task-force-tracker/$data" as="fetch" crossorigin>
HTML

cp www/task-force-tracker.d.ts "$out/"  # the declarations (tests/e2e/contract.test.mjs checks them)

cat > "$out/package.json" <<JSON
{
  "name": "task-force-tracker",
  "version": "$version",
  "description": "Embeddable progress tracker for a public programme's task forces (a custom element backed by WebAssembly).",
  "license": "MIT OR Apache-2.0",
  "type": "module",
  "exports": {
    ".": { "types": "./task-force-tracker.d.ts", "default": "./task-force-tracker.js" },
    "./package.json": "./package.json"
  },
  "types": "./task-force-tracker.d.ts",
  "files": ["*.js", "*.wasm", "*.d.ts", "*.css", "desk/", "README.md", "LICENSE"],
  "sideEffects": true
}
JSON

cat > "$out/README.md" <<MD
# task-force-tracker $version

Copy this folder to your server or CDN, then:

\`\`\`html
<script type="module" src="/path/to/task-force-tracker/task-force-tracker.js"></script>
<task-force-tracker src="/data/programme.json" lang="zh-CN">
  <p>Fallback text for readers without JavaScript.</p>
</task-force-tracker>
\`\`\`

Where the editor strips unknown tags: \`<div data-task-force-tracker data-src="/data/programme.json"></div>\`.
For the no-JavaScript fallback, paste the output of \`tft render-html programme.json\` inside the
element and link \`task-force-tracker-fallback.css\` from this folder in the page's \`<head>\`.
Serve \`.wasm\` as \`application/wasm\`. A page with a Content Security Policy needs
\`script-src 'self' 'wasm-unsafe-eval'\` (WebAssembly compilation); nothing else.
Files named \`task-force-tracker-<hash>.*\` never change: cache them for a year.
A site template can start their downloads from the page's \`<head>\` with the tags in
\`preload.html\` (the data line only where a tracker shows the default data); their
names change with each release, so never paste them into an article.
MD
cp LICENSE "$out/LICENSE"
cp www/task-force-tracker-fallback.css "$out/"  # a stable name: pages link it directly
# The data desk for programme staff (desk/index.html): its own module, which
# no reader of an article loads; it shows the widget through ../task-force-tracker.js.
bash scripts/build.sh --desk >/dev/null
mkdir -p "$out/desk/pkg"
cp www/desk/index.html www/desk/desk.js www/desk/poster.js www/desk/desk.css www/desk/icon.svg "$out/desk/"
cp www/desk/pkg/task_force_tracker.js www/desk/pkg/task_force_tracker_bg.wasm "$out/desk/pkg/"

echo "[release] $out:"
(cd "$out" && for f in *; do printf '  %-44s %8s bytes\n' "$f" "$(stat -c %s "$f")"; done)
