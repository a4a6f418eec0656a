// Shared end-to-end helpers: a loopback HTTP server for www/ and test routes,
// and headless Debian Chromium driven by playwright-core.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile, mkdir } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { ENGINE, launchEngine, network, serverInitScripts } from './engines/index.mjs';

export { ENGINE, supports, unless } from './engines/index.mjs';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const WWW = join(ROOT, 'www');
export const SHOTS = join(ROOT, 'test-output', 'screenshots');

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.wasm': 'application/wasm',
};

/**
 * Serves www/ on a free loopback port. `routes` maps a path to a handler
 * `(req, res) => void` that takes precedence over files (for fault injection
 * and test pages); `mounts` maps a URL prefix to another folder.
 * Returns { url, close }.
 */
export async function serve(routes = {}, mounts = {}) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (network.offline) return req.socket.destroy();
    if (path === '/__tft-init.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
      return res.end(serverInitScripts.join('\n'));
    }
    if (ENGINE === 'webkit') firstInHead(res);
    if (routes[path]) return routes[path](req, res);
    const [prefix, dir] = Object.entries(mounts).find(([p]) => path.startsWith(p)) ?? ['/', WWW];
    const rel = path.slice(prefix.length - 1);
    const file = normalize(join(dir, rel.endsWith('/') ? rel + 'index.html' : rel));
    if (!file.startsWith(dir)) { res.writeHead(403).end(); return; }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${server.address().port}`;
  return {
    url,
    close: () => new Promise((ok) => { server.closeAllConnections(); server.close(ok); }),
  };
}

/**
 * Puts the driver layer's init scripts first in an HTML answer (WebKit's
 * WebDriver cannot run a script before the page's own; see engines/).
 */
function firstInHead(res) {
  const end = res.end.bind(res);
  res.end = (body, ...rest) => {
    const type = String(res.getHeader('content-type') ?? '');
    if (body && type.startsWith('text/html')) {
      const html = String(body);
      const tag = '<script src="/__tft-init.js"></script>';
      const at = html.search(/<head[^>]*>/i);
      body = at < 0 ? tag + html : html.replace(/<head[^>]*>/i, (h) => h + tag);
    }
    return end(body, ...rest);
  };
  const head = res.writeHead.bind(res);
  res.writeHead = (status, ...args) => {
    const headers = args.find((a) => a && typeof a === 'object');
    for (const [k, v] of Object.entries(headers ?? {})) res.setHeader(k, v);
    if (headers?.['content-length'] && String(res.getHeader('content-type') ?? '').startsWith('text/html')) res.removeHeader('content-length');
    return head(status);
  };
}

/**
 * Launches the engine under test (ENGINE: chromium, firefox or webkit).
 * Chromium is headless Debian Chromium through Playwright, with the flags
 * this machine needs (and `extra`); the others go through the driver layer.
 */
export function launch(extra = []) {
  if (ENGINE !== 'chromium') return launchEngine(ENGINE);
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', ...extra],
  });
}

/**
 * Opens a page that records console errors, uncaught exceptions and
 * unhandled rejections, so a test can assert nothing leaked into the host,
 * and the widget's host events (window.__events). `init` runs in the page
 * before anything else (a hostile page's own scripts), given `initArg`; `contextOptions` go
 * to the browser context (downloads, CSP bypass, another viewport).
 */
export async function open(browser, url, { width = 1280, height = 900, colorScheme = 'light', init, initArg, contextOptions = {} } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme, ...contextOptions });
  context.setDefaultTimeout(5_000);
  if (init) await context.addInitScript(init, initArg);
  const page = await context.newPage();
  const problems = { console: [], thrown: [] };
  page.on('console', (m) => { if (m.type() === 'error') problems.console.push(m.text()); });
  page.on('pageerror', (e) => problems.thrown.push(String(e)));
  await page.addInitScript(() => {
    window.__hostErrors = [];
    window.addEventListener('error', (e) => window.__hostErrors.push(String(e.message)));
    window.addEventListener('unhandledrejection', (e) => window.__hostErrors.push(String(e.reason)));
    // Host events, as a page's analytics would see them.
    window.__events = [];
    for (const type of ['tft-load', 'tft-select', 'tft-error']) {
      document.addEventListener(type, (e) => window.__events.push({
        type, target: e.composedPath()[0]?.id ?? '', detail: e.detail,
      }));
    }
  });
  await page.goto(url);
  return { page, context, problems };
}

/** Saves a full-page screenshot under test-output/screenshots/ (named for
 * the engine when it is not Chromium). */
export async function shot(page, name) {
  await mkdir(SHOTS, { recursive: true });
  const engine = ENGINE === 'chromium' ? '' : `-${ENGINE}`;
  await page.screenshot({ path: join(SHOTS, `${name}${engine}.png`), fullPage: true });
}

/**
 * Scrolls the widget `selector` into view, as a reader would (it starts
 * lazily near the viewport), and resolves when it has rendered data or an error.
 */
export async function rendered(page, selector = 'task-force-tracker') {
  await page.locator(selector).first().scrollIntoViewIfNeeded();
  return page.waitForFunction(
    // Shown, not staged (built out of sight first, see Dom::stage).
    (sel) => document.querySelector(sel)?.shadowRoot?.querySelector('.tft:not([data-stage])'),
    selector,
  );
}

/**
 * A route answering with a test page that loads the widget: `body` inside
 * <body>, optional extra `head`, a CSP header, another favicon or script.
 */
export function htmlPage(body, { lang = 'zh-CN', head = '', csp, icon = 'data:,', script = '/task-force-tracker.js' } = {}) {
  return (req, res) => {
    const headers = { 'content-type': 'text/html; charset=utf-8' };
    if (csp) headers['content-security-policy'] = csp;
    res.writeHead(200, headers);
    res.end(`<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>test</title>
<link rel="icon" href="${icon}">${head}<script type="module" src="${script}"></script></head>
<body>${body}</body></html>`);
  };
}

/**
 * Returns a function that collects garbage and reads the page's listener and
 * DOM node counts (Chromium's own metrics) and the wasm memory size.
 */
export async function leakProbe(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  return async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
    const wasm = await page.evaluate(async () => (await (await import('/pkg/task_force_tracker.js')).default()).memory.buffer.byteLength);
    return { listeners: m.JSEventListeners, nodes: m.Nodes, wasm };
  };
}

/**
 * Adds a widget to #slot, waits for its data, optionally clicks its second
 * tab, removes it; `n` times. `attrs` are set on each element.
 */
export function mountCycles(page, n, { attrs = {}, click = false } = {}) {
  return page.evaluate(async ([n, attrs, click]) => {
    for (let i = 0; i < n; i++) {
      const el = document.createElement('task-force-tracker');
      el.setAttribute('loading', 'eager');
      for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
      const loaded = new Promise((ok) => el.addEventListener('tft-load', ok, { once: true }));
      document.getElementById('slot').append(el);
      await loaded;
      if (click) el.shadowRoot.querySelectorAll('[role=tab]')[1].click();
      el.remove();
    }
  }, [n, attrs, click]);
}

/**
 * A reader scrolling straight down a page with one tracker from the moment
 * it loads, past the tracker: 300 px of wheel every 60 ms, 25 times; then
 * the tracker's first view has shown, and 300 ms more. Resolves to how far
 * the page moved under the reader meanwhile (its CLS). The CLS test and
 * `bench/scroll.mjs` drive the page alike through this.
 */
export async function scrollPastTracker(page) {
  await page.evaluate(() => {
    window.__cls = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  for (let i = 0; i < 25; i++) {
    await page.mouse.wheel(0, 300);
    await page.waitForTimeout(60);
  }
  await page.waitForFunction(() => document.querySelector('task-force-tracker').shadowRoot?.querySelector('.tft:not([data-stage])'));
  await page.waitForTimeout(300);
  return page.evaluate(() => window.__cls);
}

const AXE = join(ROOT, 'node_modules/axe-core/axe.min.js');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Runs axe-core (WCAG 2.0–2.2 A and AA) on the page; fails on any violation. */
export async function axe(page, label) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return r.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
  }, AXE_TAGS);
  assert.deepEqual(result, [], `${label}: ${JSON.stringify(result, null, 1)}`);
}
