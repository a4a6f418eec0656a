// The benchmark behind scripts/bench.sh. Every timing is a median over
// fresh page loads with min and max, next to a floor measured in the same
// page run: the same DOM inserted as static HTML (the pure view's HTML).
import { readFile, writeFile, mkdir, readdir } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { join } from 'node:path';
import { serve, launch, ROOT } from '../tests/e2e/helpers.mjs';
import { phone, print as printPhone } from './phone.mjs';
import { large } from './large.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const OUT = join(ROOT, 'bench-output');
const TFT = join(ROOT, 'target/release/tft');
// build.rs output of the wasm release build: the minified CSS and default
// data it embeds (the newest, should older build directories linger).
const BUILD = join(ROOT, 'target/wasm32-unknown-unknown/release/build');
const builtOut = (await readdir(BUILD))
  .filter((d) => d.startsWith('task-force-tracker-') && existsSync(join(BUILD, d, 'out/widget.min.css')))
  .map((d) => join(BUILD, d, 'out'))
  .sort((a, b) => statSync(join(b, 'widget.min.css')).mtimeMs - statSync(join(a, 'widget.min.css')).mtimeMs)[0];
// The floor uses the very stylesheet the widget adopts.
const CSS = await readFile(join(builtOut, 'widget.min.css'), 'utf8');

// ---- sizes -----------------------------------------------------------------
const size = (buf) => ({
  raw: buf.length,
  gzip: gzipSync(buf, { level: 9 }).length,
  brotli: brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
});
// What a site copies and every reader downloads: the release folder.
const DIST = join(ROOT, 'dist/task-force-tracker');
const distFiles = await readdir(DIST);
const pick = (re) => join(DIST, distFiles.find((f) => re.test(f)));
const files = {
  wasm: pick(/^task-force-tracker-[0-9a-f]+\.wasm$/),
  'JS: element + bindings (min.)': pick(/^task-force-tracker-[0-9a-f]+\.js$/),
  'JS: entry': join(DIST, 'task-force-tracker.js'),
};
const sizes = {};
for (const [k, f] of Object.entries(files)) sizes[k] = size(await readFile(f));
const sum = (list) => list.reduce((a, s) => ({ raw: a.raw + s.raw, gzip: a.gzip + s.gzip, brotli: a.brotli + s.brotli }), { raw: 0, gzip: 0, brotli: 0 });
sizes.total = sum(Object.values(sizes));
// The default data is a file of its own, downloaded only by trackers that
// show it.
sizes['default data (minified, a file of its own)'] = size(await readFile(pick(/^task-force-tracker-[0-9a-f]+\.json$/)));
const minified = (name) => readFile(join(builtOut, name));
sizes['CSS (minified, inside the wasm)'] = size(await minified('widget.min.css'));

// Where the bytes go: twiggy on a copy that keeps function names.
// Same passes as scripts/build.sh, plus --debuginfo.
execFileSync('wasm-bindgen', ['--target', 'web', '--no-typescript', '--omit-default-module-path', '--encode-into', 'always',
  '--out-dir', join(OUT, 'named'), join(ROOT, 'target/wasm32-unknown-unknown/release/task_force_tracker.wasm')]);
execFileSync(join(ROOT, 'node_modules/.bin/wasm-opt'), ['-Oz', '-Oz', '--low-memory-unused',
  '--debuginfo', join(OUT, 'named/task_force_tracker_bg.wasm'), '-o', join(OUT, 'named.wasm')]);
const twiggy = JSON.parse(execFileSync('twiggy', ['top', '-n', '12', '--format', 'json', join(OUT, 'named.wasm')], { encoding: 'utf8' }))
  .filter((i) => !/names" subsection|^Σ|and \d+ more/.test(i.name)).slice(0, 10)
  .map((i) => ({ bytes: i.shallow_size, percent: +i.shallow_size_percent.toFixed(2), item: i.name.slice(0, 90) }));
// What each crate contributes: every item's shallow size, by the crate its
// name starts with (for `<T as Trait>`, T's crate); the data segments and
// the import/export glue apart.
const everything = JSON.parse(execFileSync('twiggy', ['top', '-n', '1000000', '--format', 'json', join(OUT, 'named.wasm')],
  { encoding: 'utf8', maxBuffer: 1 << 28 }));
const byCrate = {};
for (const i of everything) {
  if (/names" subsection|^Σ|and \d+ more/.test(i.name)) continue;
  const m = /([A-Za-z_][A-Za-z0-9_]*)(?:\[[0-9a-f]+\])?::/.exec(i.name);
  const key = /^data\[|data segment/.test(i.name) ? '(data: text, CSS, default dataset)'
    : / shim/.test(i.name) ? 'wasm_bindgen (export shims)'
      : /^(import|export) /.test(i.name) ? '(imports and exports)' : m ? m[1] : '(other)';
  byCrate[key] = (byCrate[key] ?? 0) + i.shallow_size;
}
const crates = Object.entries(byCrate).sort((a, b) => b[1] - a[1]).slice(0, 16).map(([crate, bytes]) => ({ crate, bytes }));

// ---- data ------------------------------------------------------------------
const dezhou = await readFile(join(ROOT, 'data/dezhou.json'), 'utf8');
const LARGE = large(2000);
await mkdir(OUT, { recursive: true });
await writeFile(join(OUT, 'large.json'), LARGE);
const staticHtml = (file, ...opts) => execFileSync(TFT, ['render-html', file, '--widget-view', ...opts], { encoding: 'utf8', maxBuffer: 1 << 28 });
const FLOOR_DEZHOU = staticHtml(join(ROOT, 'data/dezhou.json'));
const FLOOR_LARGE = staticHtml(join(OUT, 'large.json'));
// Floors for the interactions: the same view after the switch, and after
// the search, as static HTML (served, fetched by the page before timing).
const QUERY = '措施';
const FLOOR_SWITCH = [1, 2, 3, 4].map((k) => staticHtml(join(OUT, 'large.json'), '--selected', String(k)));
const FLOOR_SEARCH = [1, 2, 3, 4].map((k) => staticHtml(join(OUT, 'large.json'), '--selected', String(k), '--query', QUERY));

// ---- pages -----------------------------------------------------------------
// t0 is taken before the element module is imported; the widget counts as
// painted at the second animation frame after its tft-load event. The widget
// is then removed and the floor inserts the same view as HTML into a shadow
// root with the same CSS, in the same place, so both paint the same pixels.
// Before either is timed, the same HTML is painted once on screen and
// removed, so that neither pays for loading fonts and rasterising CJK glyphs
// the first time, and the comparison is of the work itself.
const page = (src, floorHtml) => `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body>
<div id="warm" style="position:absolute;left:0;top:0;width:100%"></div>
<task-force-tracker id="w" loading="eager" ${src ? `src="${src}"` : ''}></task-force-tracker><div id="floor"></div>
<script type="application/json" id="floor-html">${JSON.stringify(floorHtml).replace(/</g, '\\u003c')}</script>
<script type="module">
  window.__long = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(e.duration); }).observe({ type: 'longtask', buffered: true });
  const painted = () => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
  const html = JSON.parse(document.getElementById('floor-html').textContent);
  const css = ${JSON.stringify(CSS).replace(/</g, '\\u003c')};
  const insert = (host) => {
    const sheet = new CSSStyleSheet(); sheet.replaceSync(css);
    const root = host.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [sheet];
    root.innerHTML = html;
  };
  insert(document.getElementById('warm'));
  await painted();
  document.getElementById('warm').remove();
  window.__long = [];
  const t0 = performance.now();
  const loaded = new Promise((ok) => document.getElementById('w').addEventListener('tft-load', ok, { once: true }));
  await import('/task-force-tracker.js');
  await loaded; await painted();
  const now = performance.now();
  window.__widget = now - t0;
  window.__render = now - performance.getEntriesByName('task-force-tracker:start')[0].startTime;
  window.__floor = async () => {
    document.getElementById('w').remove();
    await painted();
    const t = performance.now(); // the static page needs its stylesheet parsed too
    insert(document.getElementById('floor'));
    await painted();
    return performance.now() - t;
  };
  window.__ready = true;
</script></body></html>`;
const routes = {
  '/bench/default.html': (q, r) => r.writeHead(200, { 'content-type': 'text/html' }).end(page('', FLOOR_DEZHOU)),
  '/bench/large.html': (q, r) => r.writeHead(200, { 'content-type': 'text/html' }).end(page('/bench/large.json', FLOOR_LARGE)),
  '/bench/large.json': (q, r) => r.writeHead(200, { 'content-type': 'application/json' }).end(LARGE),
  // The same bytes as a binary type: Chromium then does not decode the body
  // as text for DevTools (which Playwright always enables), a task of its own
  // that no reader without DevTools open has.
  '/bench/large-bin.html': (q, r) => r.writeHead(200, { 'content-type': 'text/html' }).end(page('/bench/large.bin', FLOOR_LARGE)),
  '/bench/large.bin': (q, r) => r.writeHead(200, { 'content-type': 'application/octet-stream' }).end(LARGE),
};
for (let k = 1; k <= 4; k++) {
  routes[`/bench/floor-switch-${k}.html`] = (q, r) => r.writeHead(200, { 'content-type': 'text/html' }).end(FLOOR_SWITCH[k - 1]);
  routes[`/bench/floor-search-${k}.html`] = (q, r) => r.writeHead(200, { 'content-type': 'text/html' }).end(FLOOR_SEARCH[k - 1]);
}
const server = await serve(routes);
const browser = await launch();

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: +s[Math.floor(s.length / 2)].toFixed(2), min: +s[0].toFixed(2), max: +s[s.length - 1].toFixed(2), runs: s.length };
};

async function firstRender(url, runs, on = browser) {
  const widget = []; const render = []; const floor = []; const long = [];
  for (let i = 0; i < runs; i++) {
    const ctx = await on.newContext({ viewport: { width: 1280, height: 900 } });
    const p = await ctx.newPage();
    await p.goto(url);
    await p.waitForFunction(() => window.__ready, null, { timeout: 60_000 });
    widget.push(await p.evaluate(() => window.__widget));
    render.push(await p.evaluate(() => window.__render));
    long.push(Math.max(0, ...(await p.evaluate(() => window.__long)))); // before the floor's own work
    floor.push(await p.evaluate(() => window.__floor()));
    await ctx.close();
  }
  const ratio = (a) => +(stats(a).median / stats(floor).median).toFixed(2);
  return { withModuleLoad: stats(widget), fromModuleStart: stats(render), floor: stats(floor), ratio: ratio(render), ratioWithModuleLoad: ratio(widget), longestTask: stats(long) };
}

async function interactions(runs, on = browser) {
  // "DOM updated" is the synchronous work of the event (the widget patches
  // the DOM before returning); "painted" adds waiting for the next frames.
  // The floors: the widget is removed, the first view is inserted as static
  // HTML in its place, then replaced by the view after the switch, and that
  // by the view after the search (innerHTML, the same stylesheet).
  const keys = ['sw', 'swPaint', 'filter', 'filterPaint', 'long', 'tl', 'tlPaint', 'tlLong', 'swFloor', 'swPaintFloor', 'filterFloor', 'filterPaintFloor'];
  const all = Object.fromEntries(keys.map((k) => [k, []]));
  for (let i = 0; i < runs; i++) {
    const ctx = await on.newContext({ viewport: { width: 1280, height: 900 } });
    const p = await ctx.newPage();
    await p.goto(server.url + '/bench/large.html');
    await p.waitForFunction(() => window.__ready, null, { timeout: 60_000 });
    const r = await p.evaluate(async ([i, query]) => {
      const painted = () => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
      const k = 1 + (i % 4);
      const [switched, searched] = await Promise.all([`/bench/floor-switch-${k}.html`, `/bench/floor-search-${k}.html`]
        .map((u) => fetch(u).then((res) => res.text())));
      const root = document.getElementById('w').shadowRoot;
      window.__long = [];
      let t = performance.now();
      root.querySelectorAll('[role=tab]')[k].click();
      const sw = performance.now() - t;
      await painted();
      const swPaint = performance.now() - t;
      const q = root.querySelector('[data-act=query]');
      q.value = query;
      t = performance.now();
      q.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      const filter = performance.now() - t;
      await painted();
      const filterPaint = performance.now() - t;
      const long = Math.max(0, ...window.__long);
      // The timeline of a task force of 2,000 measures (the search cleared).
      q.value = '';
      q.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      await painted();
      window.__long = [];
      t = performance.now();
      root.querySelector('[data-act=layout][data-arg=timeline]').click();
      const tl = performance.now() - t;
      await painted();
      const tlPaint = performance.now() - t;
      await new Promise((ok) => setTimeout(ok, 50)); // long-task entries arrive after the task
      const tlLong = Math.max(0, ...window.__long);

      document.getElementById('w').remove();
      const host = document.getElementById('floor');
      const floorRoot = host.attachShadow({ mode: 'open' });
      floorRoot.adoptedStyleSheets = root.adoptedStyleSheets;
      floorRoot.innerHTML = JSON.parse(document.getElementById('floor-html').textContent);
      await painted();
      t = performance.now();
      floorRoot.innerHTML = switched;
      const swFloor = performance.now() - t;
      await painted();
      const swPaintFloor = performance.now() - t;
      t = performance.now();
      floorRoot.innerHTML = searched;
      const filterFloor = performance.now() - t;
      await painted();
      const filterPaintFloor = performance.now() - t;
      return { sw, swPaint, filter, filterPaint, long, tl, tlPaint, tlLong, swFloor, swPaintFloor, filterFloor, filterPaintFloor };
    }, [i, QUERY]);
    for (const k of keys) all[k].push(r[k]);
    await ctx.close();
  }
  const withFloor = (a, floor) => ({ ...stats(a), floor: stats(floor), ratio: +(stats(a).median / stats(floor).median).toFixed(2) });
  return {
    switchTaskForce: withFloor(all.sw, all.swFloor), switchTaskForcePainted: withFloor(all.swPaint, all.swPaintFloor),
    applyFilter: withFloor(all.filter, all.filterFloor), applyFilterPainted: withFloor(all.filterPaint, all.filterPaintFloor),
    longestTask: stats(all.long),
    timeline: stats(all.tl), timelinePainted: stats(all.tlPaint), timelineLongestTask: stats(all.tlLong),
  };
}

/** Switching once V8 has optimised the code: 40 switches per page load,
 * the first 10 left out (the first switch above includes that warm-up). */
async function warmSwitch(loads) {
  const all = [];
  for (let i = 0; i < loads; i++) {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const p = await ctx.newPage();
    await p.goto(server.url + '/bench/large.html');
    await p.waitForFunction(() => window.__ready, null, { timeout: 60_000 });
    all.push(...(await p.evaluate(async () => {
      const root = document.getElementById('w').shadowRoot;
      const times = [];
      for (let k = 0; k < 40; k++) {
        const t = performance.now();
        root.querySelectorAll('[role=tab]')[1 + (k % 4)].click();
        times.push(performance.now() - t);
        await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
      }
      return times.slice(10);
    })));
    await ctx.close();
  }
  return stats(all);
}

async function memory(cycles) {
  const ctx = await browser.newContext();
  const p = await ctx.newPage();
  await p.goto(server.url + '/bench/default.html');
  await p.waitForFunction(() => window.__ready);
  const cdp = await ctx.newCDPSession(p);
  const measure = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const nodes = (await cdp.send('Performance.getMetrics').catch(() => ({ metrics: [] }))).metrics;
    return p.evaluate(async () => ({
      wasmBytes: (await (await import('/pkg/task_force_tracker.js')).default()).memory.buffer.byteLength,
      shadowNodes: document.getElementById('w').shadowRoot.querySelectorAll('*').length,
      pageNodes: document.getElementsByTagName('*').length,
    }));
  };
  await cdp.send('Performance.enable');
  const programmes = [0, 1, 2, 3].map((n) => large(40 + n * 7, n));
  // Baseline after one pass over every variant: wasm memory only grows to a
  // high-water mark, so "flat" means no growth after it.
  await p.evaluate((ds) => { const el = document.getElementById('w'); for (const d of ds) el.data = JSON.parse(d); el.data = JSON.parse(ds[0]); }, programmes);
  const first = await measure();
  const refresh = (n) => p.evaluate(async ([ds, n]) => {
    const el = document.getElementById('w');
    const parsed = ds.map((d) => JSON.parse(d));
    for (let i = 1; i <= n; i++) el.data = parsed[i % parsed.length];
    el.data = parsed[0];
  }, [programmes, n]);
  await refresh(cycles / 2);
  const half = await measure();
  await refresh(cycles / 2);
  const after = await measure();
  await ctx.close();
  return { cycles, afterFirst: first, afterHalf: half, afterAll: after };
}

const result = { date: new Date().toISOString(), runs: RUNS, sizes, twiggy, crates };
result.firstRenderDefault = await firstRender(server.url + '/bench/default.html', RUNS);
// The same page in a browser told to compile the whole wasm up front in V8's
// optimising tier (no reader's browser does: it compiles each function when
// first called, in its baseline tier). The difference is what a first render
// pays for running cold code, as opposed to the widget's own work.
const optimised = await launch(['--js-flags=--no-wasm-lazy-compilation --no-liftoff']);
result.firstRenderDefaultOptimised = await firstRender(server.url + '/bench/default.html', RUNS, optimised);
result.largeData = {
  shape: '5 task forces × 2,000 measures × 5 reports',
  bytes: LARGE.length,
  firstRender: await firstRender(server.url + '/bench/large.html', Math.max(5, Math.round(RUNS / 3))),
  firstRenderBinary: await firstRender(server.url + '/bench/large-bin.html', Math.max(5, Math.round(RUNS / 3))),
  // Interactions are cheap and noisy (6–25 ms from load to load): every run.
  ...(await interactions(RUNS)),
  switchWarm: await warmSwitch(3),
};
result.largeDataOptimised = { switchTaskForce: (await interactions(RUNS, optimised)).switchTaskForce };
await optimised.close();
result.memory = await memory(500);
await browser.close();
await server.close();
// What phone readers get: 375 px, the CPU at 1x and slowed 4x.
result.phone = await phone({
  runs: Math.max(3, Math.round(RUNS / 3)),
  data: { 'measures-2000': large(400), 'file-6.9MB': LARGE },
});
await writeFile(join(OUT, 'bench.json'), JSON.stringify(result, null, 2));

// ---- report ----------------------------------------------------------------
const kb = (n) => (n / 1024).toFixed(1).padStart(7);
console.log('\nSizes (KB)                          raw    gzip  brotli');
for (const [k, s] of Object.entries(sizes)) console.log(`  ${k.padEnd(30)} ${kb(s.raw)} ${kb(s.gzip)} ${kb(s.brotli)}`);
console.log('\nwasm: top items (twiggy top, names kept)');
for (const t of twiggy) console.log(`  ${String(t.bytes).padStart(7)}  ${String(t.percent).padStart(5)}%  ${t.item}`);
console.log('\nwasm: bytes by crate (twiggy, before brotli; names kept)');
for (const c of crates) console.log(`  ${String(c.bytes).padStart(7)}  ${c.crate}`);
const row = (label, s, floor, ratio) => console.log(`  ${label.padEnd(34)} ${String(s.median).padStart(8)} ms  (min ${s.min}, max ${s.max}, n=${s.runs})${floor ? `   floor ${floor.median} ms, ratio ${ratio}` : ''}`);
console.log('\nTimings (median of fresh page loads)');
const d = result.firstRenderDefault;
row('first render, default data', d.fromModuleStart, d.floor, d.ratio);
row('  … including wasm download+compile', d.withModuleLoad, d.floor, d.ratioWithModuleLoad);
const o = result.firstRenderDefaultOptimised;
row('  … wasm optimised up front (V8 flags)', o.fromModuleStart, o.floor, o.ratio);
const L = result.largeData;
row('large: first render (fetch+parse+render)', L.firstRender.fromModuleStart, L.firstRender.floor, L.firstRender.ratio);
row('large: longest task during load', L.firstRender.longestTask);
row('  … body served as binary (no DevTools decode)', L.firstRenderBinary.longestTask);
row('large: switch task force (DOM updated)', L.switchTaskForce, L.switchTaskForce.floor, L.switchTaskForce.ratio);
row('  … wasm optimised up front (V8 flags)', result.largeDataOptimised.switchTaskForce);
row('  … to the second frame after', L.switchTaskForcePainted, L.switchTaskForcePainted.floor, L.switchTaskForcePainted.ratio);
row('  … warm (switches 11–40 of a page)', L.switchWarm);
row('large: search filter (DOM updated)', L.applyFilter, L.applyFilter.floor, L.applyFilter.ratio);
row('  … to the second frame after', L.applyFilterPainted, L.applyFilterPainted.floor, L.applyFilterPainted.ratio);
row('large: longest task, switch + filter', L.longestTask);
row('large: timeline of 2,000 measures (DOM updated)', L.timeline);
row('  … to the second frame after', L.timelinePainted);
row('  … longest task', L.timelineLongestTask);
const m = result.memory;
console.log(`\nMemory after one pass over 4 datasets, then after ${m.cycles / 2} and ${m.cycles} more refreshes`);
console.log(`  wasm memory ${m.afterFirst.wasmBytes} → ${m.afterHalf.wasmBytes} (after ${m.cycles / 2}) → ${m.afterAll.wasmBytes} bytes (a high-water mark: flat once reached means no leak)`);
console.log(`  shadow DOM nodes ${m.afterFirst.shadowNodes} → ${m.afterHalf.shadowNodes} → ${m.afterAll.shadowNodes}; page nodes ${m.afterFirst.pageNodes} → ${m.afterAll.pageNodes}`);
printPhone(result.phone);
console.log(`\nWritten: bench-output/bench.json`);
