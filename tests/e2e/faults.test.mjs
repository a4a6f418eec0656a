// Network faults, panics and host-page hazards: the reader always gets a
// message or the last good data, the widget recovers when the server does,
// and nothing is ever thrown into the host page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { serve, launch, open, rendered, WWW, htmlPage } from './helpers.mjs';

const good = (n) => JSON.stringify({
  title: 'Fault test', asOf: '2021-06-30',
  taskForces: [{ id: 'a', name: 'Alpha', measures: [{ id: 'm', title: `Measure v${n}`, status: 'on-track', progress: n }] },
    { id: 'b', name: 'Beta', measures: [] }],
});
const page = (body, lang = 'en', script = undefined, head = '') => htmlPage(body, { lang, script, head });

// Each fault serves its failure until `healed`, then good data.
const FAULTS = {
  '404': (req, res) => res.writeHead(404, { 'content-type': 'text/plain' }).end('no'),
  '500': (req, res) => res.writeHead(500).end('boom'),
  stall: () => {}, // a 10 s stall against a 2 s timeout: never answers in time
  truncated: (req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': '5000' });
    res.write(good(1).slice(0, 60));
    setTimeout(() => req.socket.destroy(), 50);
  },
  html: (req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Login</title><form></form>'),
  huge: (req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(20 * 1024 * 1024) });
    res.end(Buffer.alloc(20 * 1024 * 1024, 0x20));
  },
  'huge-chunked': (req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' }); // no length: refused while streaming
    let sent = 0;
    const more = () => {
      if (res.destroyed) return;
      if (sent >= 20 * 1024 * 1024) return res.end();
      sent += 1024 * 1024;
      res.write(Buffer.alloc(1024 * 1024, 0x20), more);
    };
    more();
  },
  reset: (req) => req.socket.destroy(),
};
const healed = new Set();
let etagHits = 0;
const routes = {
  '/test/faults.html': page(Object.keys(FAULTS).map((f) =>
    `<task-force-tracker id="f-${f}" preview src="/fault/${f}" refresh="1" timeout="2" loading="eager"></task-force-tracker>`).join('\n')
    + '<task-force-tracker id="ok" loading="eager"></task-force-tracker>'),
  // The ETag changes on every answer, the content never does.
  '/data/etag.json': (req, res) => {
    etagHits++;
    res.writeHead(200, { 'content-type': 'application/json', etag: `"${Date.now()}-${etagHits}"` });
    res.end(good(5));
  },
  '/test/etag.html': page('<task-force-tracker id="e" src="/data/etag.json" refresh="1" loading="eager"></task-force-tracker>'),
  '/test/panic.html': page(`<task-force-tracker id="p-data" loading="eager"></task-force-tracker>
    <task-force-tracker id="panic-probe-click" loading="eager"></task-force-tracker>
    <task-force-tracker id="p-ok" loading="eager"></task-force-tracker>`, 'en', '/probe/task-force-tracker.js'),
  '/probe/task-force-tracker.js': async (req, res) => {
    res.writeHead(200, { 'content-type': 'text/javascript' });
    res.end(await readFile(join(WWW, 'task-force-tracker.js')));
  },
  '/test/hazards.html': page(`<task-force-tracker id="h-src" preview src="/data/etag.json" loading="eager"></task-force-tracker>
    <task-force-tracker id="h-default" loading="eager"></task-force-tracker>
    <script type="module" src="/task-force-tracker.js?copy=2"></script>`, 'en', '/task-force-tracker.js',
  `<script src="/test/hazards.js"></script>`),
  '/test/hazards.js': (req, res) => {
    res.writeHead(200, { 'content-type': 'text/javascript' });
    // Globals with our names, and a fetch that refuses everything.
    res.end(`window.Tracker = 'host'; window.init = 'host'; window.wasm = 'host'; window.TaskForceTracker = 'host';
      window.fetch = () => Promise.reject(new TypeError('fetch is disabled on this page'));`);
  },
};
for (const name of Object.keys(FAULTS)) {
  routes[`/fault/${name}`] = (req, res) => (healed.has(name)
    ? res.writeHead(200, { 'content-type': 'application/json' }).end(good(7))
    : FAULTS[name](req, res));
}

let server, browser;
before(async () => {
  server = await serve(routes, { '/probe/pkg/': join(WWW, 'pkg-probe') });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

const EXPECT = {
  '404': /HTTP 404/, '500': /HTTP 500/, stall: /no answer within 2 seconds/, truncated: /network error/,
  html: /received a web page \(HTML\)/, huge: /larger than the 12 MB limit/, 'huge-chunked': /larger than the 12 MB limit/,
  reset: /network error/,
};

test('every network fault gets its own message, and every widget recovers with the server', { timeout: 60_000 }, async () => {
  const { page: p, context, problems } = await open(browser, server.url + '/test/faults.html');
  for (const [name, pattern] of Object.entries(EXPECT)) {
    const box = p.locator(`#f-${name} .tft-error`);
    await box.waitFor({ timeout: 10_000 });
    const text = await box.innerText();
    assert.match(text, pattern, `${name}: ${text}`);
    assert.match(text, new RegExp(`/fault/${name}`), `${name} names its URL`);
  }
  await rendered(p, '#ok');
  await p.locator('#ok').getByRole('tab', { name: 'Talent' }).click();

  for (const name of Object.keys(FAULTS)) healed.add(name);
  for (const name of Object.keys(FAULTS)) {
    await p.locator(`#f-${name}`).getByRole('tab', { name: 'Alpha' }).waitFor({ timeout: 40_000 });
    assert.equal(await p.locator(`#f-${name} .tft-error`).count(), 0, `${name} recovered`);
  }
  assert.deepEqual(problems.thrown, []);
  assert.deepEqual(await p.evaluate(() => window.__hostErrors), []);
  await context.close();
});

test('a changing ETag with unchanged content re-renders nothing', async () => {
  const { page: p, context } = await open(browser, server.url + '/test/etag.html');
  await rendered(p, '#e');
  const start = etagHits;
  while (etagHits < start + 3) await p.waitForTimeout(200);
  const loads = await p.evaluate(() => window.__events.filter((e) => e.type === 'tft-load').length);
  assert.equal(loads, 1, 'one load event for one content');
  await context.close();
});

test('a panic inside the wasm stops only that widget, with a message; the others keep working', async () => {
  const { page: p, context, problems } = await open(browser, server.url + '/test/panic.html');
  await rendered(p, '#p-ok');
  await rendered(p, '#panic-probe-click');
  // A panic while data is applied…
  await p.locator('#p-data').evaluate((el) => { el.data = { title: '__panic_probe__' }; });
  await p.locator('#p-data').getByText('The tracker hit an internal error and has stopped.').waitFor();
  // …and one inside a click handler, with the widget's state borrowed.
  await p.locator('#panic-probe-click').getByRole('tab', { name: 'Culture' }).click();
  await p.locator('#panic-probe-click').getByText('The tracker hit an internal error and has stopped.').waitFor();

  const ok = p.locator('#p-ok');
  await ok.getByRole('tab', { name: 'Ecology' }).click();
  assert.equal(await ok.getByRole('tab', { selected: true }).locator('.tab-name').innerText(), 'Ecology');
  await ok.getByRole('searchbox').fill('sewage');
  assert.equal(await ok.locator('[role=tabpanel]:not([hidden]) .measure').count(), 1);
  // A new widget still starts on the same module.
  await p.evaluate(() => {
    const el = document.createElement('task-force-tracker');
    el.id = 'p-new';
    el.setAttribute('loading', 'eager');
    document.body.append(el);
  });
  await rendered(p, '#p-new');

  // The release's own panic handler logs a constant message and where it
  // happened (formatted messages would need core::fmt in the wasm).
  assert.ok(problems.console.some((m) => /panic probe in data at src\/controller\/load\.rs:\d+/.test(m)), 'the console has the detail');
  assert.ok(problems.console.some((m) => m.includes('panic probe in a click handler')));
  const errors = await p.evaluate(() => window.__events.filter((e) => e.type === 'tft-error').map((e) => `${e.target}:${e.detail.source}`));
  assert.deepEqual(errors.sort(), ['p-data:internal', 'panic-probe-click:internal']);
  assert.deepEqual(problems.thrown, []);
  assert.deepEqual(await p.evaluate(() => window.__hostErrors), []);
  await context.close();
});

test('host-page hazards: overridden fetch, globals with our names, the script loaded twice', async () => {
  const { page: p, context, problems } = await open(browser, server.url + '/test/hazards.html');
  await rendered(p, '#h-default');
  await rendered(p, '#h-src');
  assert.match(await p.locator('#h-src .tft-error').innerText(), /\/data\/etag\.json.*network error \(fetch is disabled on this page\)/s);
  await p.locator('#h-default').getByRole('tab', { name: 'Culture' }).click();
  assert.equal(await p.locator('#h-default').getByRole('tab', { selected: true }).locator('.tab-name').innerText(), 'Culture');
  assert.deepEqual(await p.evaluate(() => [window.Tracker, window.init, window.wasm, window.TaskForceTracker]), ['host', 'host', 'host', 'host']);
  assert.equal(await p.evaluate(() => document.querySelectorAll('task-force-tracker').length), 2);
  assert.deepEqual(problems.thrown, []);
  assert.deepEqual(await p.evaluate(() => window.__hostErrors), []);
  await context.close();
});
