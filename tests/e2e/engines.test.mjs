// What differed between engines, or broke on pages whose browser APIs are
// not the browser's own (issue #23). Runs in Chromium, Firefox and WebKit
// (ENGINE; see engines/), against the release folder a site copies.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { serve, launch, open, rendered, htmlPage, ROOT, ENGINE } from './helpers.mjs';
import { chromium } from 'playwright-core';

const DIST = process.env.DIST ?? join(ROOT, 'dist/task-force-tracker');
const README_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; require-trusted-types-for 'script'";
const DATA = JSON.stringify({
  title: 'Engines', asOf: '2021-06-30',
  taskForces: [{ id: 'a', name: 'Alpha', measures: [
    { id: 'm1', title: 'First measure', status: 'on-track', progress: 40, start: '2021-01-01', due: '2021-12-31' },
    { id: 'm2', title: 'Second measure', status: 'behind', progress: 10, start: '2021-02-01', due: '2021-05-31' },
    { id: 'm3', title: 'Third measure', status: 'completed', start: '2021-03-01', due: '2021-06-01' },
  ] }],
});
const page = (body, options = {}) => htmlPage(body, { lang: 'en', script: '/rel/task-force-tracker.js', ...options });
const FALLBACK = '<p class="fallback">The programme as published.</p>';

/** Host scripts that replace the page's fetch (analytics wrappers, polyfills, blockers). */
const HOSTS = {
  // A blocker: fetch throws before it returns anything.
  throwing: () => { window.fetch = () => { throw new TypeError('fetch blocked by host'); }; },
  // An XMLHttpRequest polyfill: no body stream, no AbortController support.
  polyfill: () => {
    window.fetch = (input) => new Promise((resolve, reject) => {
      const url = typeof input === 'string' ? input : input.url;
      const xhr = new XMLHttpRequest();
      xhr.open('GET', url);
      xhr.responseType = 'arraybuffer';
      xhr.onload = () => resolve({
        ok: xhr.status >= 200 && xhr.status < 300, status: xhr.status, statusText: xhr.statusText,
        headers: { get: (n) => xhr.getResponseHeader(n) },
        arrayBuffer: () => Promise.resolve(xhr.response),
      });
      xhr.onerror = () => reject(new TypeError('polyfill: network error'));
      xhr.send();
    });
  },
  // A fetch that never answers and ignores its signal.
  deaf: () => { window.fetch = () => new Promise(() => {}); },
};

let server, browser;
before(async () => {
  const huge = Buffer.alloc(13 * 1024 * 1024, 0x20);
  const routes = {
    '/data/ok.json': (req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(DATA),
    // 13 MB of spaces, with no declared length: only reading it whole tells its size.
    '/data/huge.json': (req, res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end(huge); },
    '/test/timeline.html': page('<task-force-tracker id="t" src="/data/ok.json" loading="eager"></task-force-tracker>'),
    '/test/copy.html': page('<task-force-tracker id="c" loading="eager"></task-force-tracker>'),
    '/test/wasm-off.html': page(`<task-force-tracker id="w" loading="eager">${FALLBACK}</task-force-tracker>`),
    '/desk/': async (req, res) => {
      const { readFile } = await import('node:fs/promises');
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': README_CSP });
      res.end(await readFile(join(DIST, 'desk/index.html')));
    },
  };
  for (const host of Object.keys(HOSTS)) {
    for (const src of ['ok', 'huge']) {
      routes[`/test/${host}-${src}.html`] = page(`<script src="/host/${host}.js"></script>
<task-force-tracker id="h" preview src="/data/${src}.json" timeout="2" loading="eager"></task-force-tracker>
<task-force-tracker id="reader" src="/data/${src}.json" timeout="2" loading="eager">${FALLBACK}</task-force-tracker>`);
    }
    routes[`/host/${host}.js`] = (req, res) => res.writeHead(200, { 'content-type': 'text/javascript' }).end(`(${HOSTS[host]})();`);
  }
  server = await serve(routes, { '/rel/': DIST });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

const nothingThrown = async (p, problems) => {
  assert.deepEqual(problems.thrown, [], 'nothing thrown into the page');
  assert.deepEqual(await p.evaluate(() => window.__hostErrors), [], 'nothing reached window.onerror');
};

test('a fetch that throws: readers get their notice over the page\'s fallback, the host gets tft-error', async () => {
  const { page: p, context, problems } = await open(browser, server.url + '/test/throwing-ok.html');
  await p.locator('#h .tft-error').waitFor();
  assert.match(await p.locator('#h .tft-error').innerText(), /\/data\/ok\.json.*network error.*fetch blocked by host/s);
  const notice = p.locator('#reader [part~="notice"]');
  await notice.waitFor();
  assert.match(await notice.innerText(), /could not be updated just now/);
  assert.ok(await p.locator('#reader .fallback').isVisible(), 'the page\'s own fallback stays');
  const errors = await p.evaluate(() => window.__events.filter((e) => e.type === 'tft-error').map((e) => e.target).sort());
  assert.deepEqual(errors, ['h', 'reader']);
  await nothingThrown(p, problems);
  await context.close();
});

test('an XMLHttpRequest polyfill without streams or abort support: the data shows', async () => {
  const { page: p, context, problems } = await open(browser, server.url + '/test/polyfill-ok.html');
  await rendered(p, '#reader');
  await p.locator('#reader').getByRole('tab', { name: 'Alpha' }).waitFor();
  assert.equal(await p.locator('#reader .measure').count(), 3);
  await nothingThrown(p, problems);
  await context.close();
});

test('a body without a stream is read whole, within the same 12 MB cap', async () => {
  const { page: p, context, problems } = await open(browser, server.url + '/test/polyfill-huge.html');
  await p.locator('#h .tft-error').waitFor({ timeout: 20_000 });
  assert.match(await p.locator('#h .tft-error').innerText(), /larger than the 12 MB limit/);
  await nothingThrown(p, problems);
  await context.close();
});

test('a fetch that ignores its signal and never answers is abandoned on time', async () => {
  const { page: p, context, problems } = await open(browser, server.url + '/test/deaf-ok.html', {
    init: () => document.addEventListener('tft-error', () => { window.__errorAt ??= performance.now(); }),
  });
  // (The module itself comes by XMLHttpRequest once the page's fetch has not answered.)
  await p.locator('#h .tft-error').waitFor({ timeout: 15_000 });
  assert.match(await p.locator('#h .tft-error').innerText(), /no answer within 2 seconds/);
  const waited = await p.evaluate(() => window.__errorAt - performance.getEntriesByName('task-force-tracker:start')[0].startTime);
  assert.ok(waited >= 1_900 && waited < 3_500, `abandoned at its 2 s limit, not waited on (${Math.round(waited)} ms)`);
  await nothingThrown(p, problems);
  await context.close();
});

test('the timeline\'s as-of line never crosses a row\'s label', async () => {
  const { page: p, context } = await open(browser, server.url + '/test/timeline.html#t-a/~timeline');
  await p.locator('#t svg.tl').waitFor();
  const crossings = await p.locator('#t').evaluate((host) => {
    const svg = host.shadowRoot.querySelector('svg.tl');
    const line = svg.querySelector('.tl-asof path');
    const x = Number(line.getAttribute('d').match(/^M(\d+)/)[1]);
    const out = [];
    for (const label of svg.querySelectorAll('.tl-label')) {
      const box = label.getBBox();
      if (x < box.x || x > box.x + box.width) continue; // the line passes beside it
      for (let y = Math.floor(box.y); y <= box.y + box.height; y++) {
        if (line.isPointInStroke(new DOMPoint(x, y))) { out.push(`${label.textContent} at y=${y}`); break; }
      }
    }
    return { out, labels: svg.querySelectorAll('.tl-label').length, beside: x };
  });
  assert.equal(crossings.labels, 3);
  assert.deepEqual(crossings.out, []);
  await context.close();
});

test('where there is no clipboard, or no way to write to it, "copy link" shows the link to copy by hand, selected', async () => {
  // Plain-http pages have no navigator.clipboard; older WebViews have one without writeText.
  for (const clipboard of [undefined, {}]) {
    const { page: p, context, problems } = await open(browser, server.url + '/test/copy.html', {
      init: (value) => { Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => value, configurable: true }); },
      initArg: clipboard,
    });
    await rendered(p, '#c');
    await p.locator('#c [role=tabpanel]:not([hidden]) .panel-head').getByRole('button', { name: /Copy link/ }).click();
    const field = p.locator('#c .copy-field input');
    await field.waitFor();
    assert.equal(await field.inputValue(), `${server.url}/test/copy.html#c-industry`);
    const selected = await p.locator('#c').evaluate((host) => {
      const input = host.shadowRoot.activeElement;
      return input && input.value.slice(input.selectionStart, input.selectionEnd);
    });
    assert.equal(selected, `${server.url}/test/copy.html#c-industry`, 'focused and selected, ready to copy');
    assert.ok(await p.locator('#c .copy-field').isVisible(), 'sighted readers see it');
    await nothingThrown(p, problems);
    await context.close();
  }
});

test('the desk in the release folder runs under the README\'s CSP with nothing refused, its fields in their columns', async () => {
  for (const width of [1280, 375]) {
    const { page: p, context, problems } = await open(browser, server.url + '/desk/', {
      width, init: () => {
        window.__violations = [];
        document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
      },
    });
    await p.locator('#title').waitFor();
    await p.waitForFunction(() => document.querySelector('h1').textContent.length > 0);
    const overflow = await p.evaluate(() => {
      const out = [];
      for (const label of document.querySelectorAll('#settings .grid label')) {
        const cell = label.getBoundingClientRect();
        const input = label.querySelector('input').getBoundingClientRect();
        if (input.right > cell.right + 0.5 || input.left < cell.left - 0.5) out.push(`${label.textContent.trim()}: ${input.width} in ${cell.width}`);
      }
      return { out, sideways: document.documentElement.scrollWidth - innerWidth };
    });
    assert.deepEqual(overflow.out, [], `${width}px: every field fits its column`);
    assert.ok(overflow.sideways <= 0, `${width}px: the page does not scroll sideways (${overflow.sideways})`);
    assert.deepEqual(await p.evaluate(() => window.__violations), [], 'no CSP violation');
    assert.deepEqual(problems.console.filter((m) => /Content Security Policy|refused|violat/i.test(m)), [], 'none in the console');
    await context.close();
  }
});

test('with WebAssembly off, the page\'s fallback stays, with one console line and tft-error, no notice', { skip: ENGINE !== 'chromium' && 'Chromium turns WebAssembly off by a flag' }, async () => {
  // V8 without its JIT has no WebAssembly, as iOS Lockdown Mode does (Chromium
  // 156 no longer hides it for --noexpose_wasm).
  const off = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--js-flags=--jitless'],
  });
  try {
    const { page: p, context, problems } = await open(off, server.url + '/test/wasm-off.html');
    await p.waitForFunction(() => window.__events.some((e) => e.type === 'tft-error'));
    assert.equal(await p.evaluate(() => typeof WebAssembly), 'undefined', 'the flag took');
    assert.ok(await p.locator('#w .fallback').isVisible(), 'the fallback stays');
    assert.equal(await p.locator('#w [part~="notice"]').count(), 0, 'no notice over good content');
    const lines = problems.console.filter((m) => m.includes('[task-force-tracker]'));
    assert.equal(lines.length, 1, lines.join('\n'));
    await nothingThrown(p, problems);
    await context.close();
  } finally {
    await off.close();
  }
});
