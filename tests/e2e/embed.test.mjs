// The embed contract: isolation from host CSS, every data source, live
// attributes, refresh, strict CSP, no layout shift, no leaks, no-JS fallback.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, rendered, shot, htmlPage as html, leakProbe, mountCycles, scrollPastTracker, unless } from './helpers.mjs';

const small = (name, lang, progress = 10, extra = '') => ({
  title: { [lang]: `${name} programme` },
  asOf: '2021-06-30',
  taskForces: [
    { id: 'a', name: { [lang]: `${name} A` }, measures: [{ id: 'm1', title: `${name} first${extra}`, status: 'on-track', progress }] },
    { id: 'b', name: { [lang]: `${name} B` }, measures: [
      { id: 'roads', title: `${name} roads${extra}`, status: 'behind', progress, due: '2021-12-31', start: '2021-01-01' },
      { id: 'water', title: `${name} water`, status: 'completed' },
    ] },
  ],
});

// A data file whose answers the tests script: ok (with an ETag), fail, stall.
const live = { version: 1, mode: 'ok', hits: [] };
function liveRoute(req, res) {
  const etag = `"v${live.version}"`;
  const inm = req.headers['if-none-match'] ?? null;
  const hit = { at: Date.now(), inm, mode: live.mode, status: 0 };
  live.hits.push(hit);
  if (live.mode === 'stall') return; // never answers
  if (live.mode === 'fail') { hit.status = 500; res.writeHead(500).end('boom'); return; }
  if (inm === etag) { hit.status = 304; res.writeHead(304, { etag }).end(); return; }
  hit.status = 200;
  res.writeHead(200, { 'content-type': 'application/json', etag, 'cache-control': 'no-cache' });
  res.end(JSON.stringify(small('Live', 'en', live.version * 10)));
}

const HOSTILE = `<style>
  * { all: revert; font-family: "Courier New", monospace !important; letter-spacing: 3px; }
  html, body { text-align: justify; line-height: 3; color: #f0f; background: #ffe; }
  button { display: none !important; }
  div, section, p, ol, li, ul { margin: 40px !important; padding: 20px; border: 5px dotted red; }
  [role=tab], .tab, .tft, .panel { visibility: hidden !important; }
  .title { font-size: 8px; color: lime; }
</style>`;

let server, browser;
before(async () => {
  server = await serve({
    '/data/live.json': liveRoute,
    '/data/zh.json': (req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(small('简', 'zh-Hans')));
    },
    '/data/zh2.json': (req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(small('第二', 'zh-Hans')));
    },
    '/test/hostile.html': html(`${HOSTILE.replace('<style>', '<style nonce="x">')}
      <p class="title">host title</p><button class="tab">host button</button>
      <task-force-tracker id="w" lang="en" loading="eager"></task-force-tracker>`,
      { head: '<link rel="stylesheet" href="/test/hostile.css">' }),
    '/test/hostile.css': (req, res) => {
      res.writeHead(200, { 'content-type': 'text/css' });
      res.end(HOSTILE.replace(/<\/?style>/g, ''));
    },
    '/test/three.html': html(`
      <task-force-tracker id="one" src="/data/zh.json" loading="eager"></task-force-tracker>
      <task-force-tracker id="two" lang="zh-Hant" loading="eager"><script type="application/json">${JSON.stringify(small('繁', 'zh-Hant'))}</script><p>fallback two</p></task-force-tracker>
      <task-force-tracker id="three" lang="en" loading="eager"></task-force-tracker>
      <div data-task-force-tracker data-src="/data/zh.json" data-lang="en" data-loading="eager" id="cms" class="from-cms"><p>cms fallback</p></div>`),
    '/test/lazy.html': html(`<task-force-tracker id="top"><p>top fallback</p></task-force-tracker>
      <div style="height: 6000px"></div>
      <task-force-tracker id="far" src="/data/zh.json"><p>far fallback</p></task-force-tracker>`),
    '/test/sourced.html': html(`<task-force-tracker id="src" src="/data/zh.json" loading="eager"></task-force-tracker>
      <task-force-tracker id="inline" loading="eager"><script type="application/json">${JSON.stringify(small('Inline', 'en'))}</script></task-force-tracker>
      <div data-task-force-tracker data-src="/data/zh.json" data-loading="eager" id="cms"></div>`),
    '/test/live.html': html(`<task-force-tracker id="live" preview src="/data/live.json" refresh="1" timeout="1" lang="en" loading="eager"></task-force-tracker>`, { lang: 'en' }),
    '/test/strict.html': html(`<task-force-tracker id="s" src="/data/zh.json"></task-force-tracker>
      <task-force-tracker id="d"></task-force-tracker>`, {
      head: '<script src="/test/csp-listener.js"></script>',
      csp: "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; require-trusted-types-for 'script'",
      icon: '/favicon.ico',
    }),
    '/favicon.ico': (req, res) => res.writeHead(204).end(),
    '/test/csp-listener.js': (req, res) => {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(`window.__violations = [];
        document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));`);
    },
    '/test/mount.html': html('<main id="slot"></main>', { lang: 'en' }),
  });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

const selectedName = (w) => w.getByRole('tab', { selected: true }).locator('.tab-name').innerText();

test('hostile host CSS neither breaks the widget nor is broken by it', async () => {
  const { page, context, problems } = await open(browser, server.url + '/test/hostile.html');
  await rendered(page, '#w');
  const w = page.locator('#w');
  const tab = w.getByRole('tab', { name: 'Ecology' });
  assert.ok(await tab.isVisible(), 'tabs stay visible despite button{display:none!important}');
  await tab.click();
  assert.equal(await selectedName(w), 'Ecology');
  const inside = await w.evaluate((el) => {
    const name = el.shadowRoot.querySelector('.tab-name');
    const cs = getComputedStyle(name);
    const panel = getComputedStyle(el.shadowRoot.querySelector('.panel:not([hidden])'));
    return { spacing: cs.letterSpacing, color: cs.color, font: cs.fontFamily, lineHeight: parseFloat(cs.lineHeight) / parseFloat(cs.fontSize), align: getComputedStyle(el.shadowRoot.querySelector('.tft')).textAlign,
      border: panel.borderTopStyle, margin: panel.marginLeft };
  });
  assert.equal(inside.spacing, 'normal', 'no inherited letter-spacing');
  assert.ok(!/Courier/.test(inside.font), `the host's forced font stays out (${inside.font})`);
  assert.ok(inside.lineHeight < 2, `the host's line-height stays out (${inside.lineHeight})`);
  assert.notEqual(inside.color, 'rgb(255, 0, 255)', 'no inherited colour');
  assert.equal(inside.align, 'start');
  assert.equal(inside.margin, '0px', 'host element selectors do not reach inside');
  // Our CSS does not leak out.
  const hostTitle = await page.locator('p.title').evaluate((p) => getComputedStyle(p).fontSize);
  assert.equal(hostTitle, '8px');
  const box = await w.boundingBox();
  const viewport = page.viewportSize();
  assert.ok(box.x >= 0 && box.x + box.width <= viewport.width + 1, 'inside the page width');
  await shot(page, 'hostile-host-css');
  assert.deepEqual(problems.thrown, []);
  await context.close();
});

test('three instances, three sources and languages, operated independently; CMS div upgraded', async () => {
  const { page, context, problems } = await open(browser, server.url + '/test/three.html');
  await page.locator('#three').evaluate((el) => { el.data = { title: 'Property', asOf: '2021-06-30', taskForces: [{ id: 'p', name: 'Prop A', measures: [] }, { id: 'q', name: 'Prop B', measures: [] }] }; });
  for (const id of ['one', 'two', 'three', 'cms']) await rendered(page, `#${id}`);
  const [one, two, three, cms] = ['one', 'two', 'three', 'cms'].map((id) => page.locator(`#${id}`));
  assert.equal(await selectedName(one), '简 A');
  assert.equal(await selectedName(two), '繁 A');
  assert.equal(await selectedName(three), 'Prop A');
  assert.match(await two.locator('.meta').innerText(), /資料截至 2021年6月30日/);
  assert.match(await three.locator('.meta').innerText(), /Data as of 30 Jun 2021/);
  assert.equal(await page.getByText('fallback two').isVisible(), false, 'inline JSON child and fallback hidden once rendered');

  await two.getByRole('tab', { name: '繁 B' }).click();
  assert.equal(await selectedName(two), '繁 B');
  assert.equal(await selectedName(one), '简 A');
  assert.equal(await selectedName(three), 'Prop A');
  await three.getByRole('tab', { name: 'Prop B' }).click();
  assert.equal(await selectedName(two), '繁 B');

  // The CMS-safe div became the element, keeping id, class and data-* settings.
  assert.equal(await cms.evaluate((el) => `${el.localName} ${el.className} ${el.getAttribute('src')} ${el.getAttribute('lang')}`),
    'task-force-tracker from-cms /data/zh.json en');
  assert.match(await cms.locator('.meta').innerText(), /Data as of/);

  // Attribute changes apply live.
  await one.evaluate((el) => el.setAttribute('src', '/data/zh2.json'));
  await one.getByRole('tab', { name: '第二 A' }).waitFor();
  await one.evaluate((el) => el.setAttribute('selected', 'b'));
  assert.equal(await selectedName(one), '第二 B');
  await one.evaluate((el) => el.setAttribute('lang', 'en'));
  assert.match(await one.locator('.meta').innerText(), /Data as of/);
  const bg = () => one.evaluate((el) => getComputedStyle(el.shadowRoot.querySelector('.tft')).backgroundColor);
  const light = await bg();
  await one.evaluate((el) => el.setAttribute('theme', 'dark'));
  assert.notEqual(await bg(), light, 'theme applies live');
  await one.evaluate((el) => el.setAttribute('theme', 'purple'));
  assert.equal(await bg(), light, 'unknown theme shows light');
  // Setting data replaces src; null returns to src.
  await one.evaluate((el) => { el.data = { title: 'Given', asOf: '2021-01-01', taskForces: [{ id: 'g', name: 'Given A', measures: [] }] }; });
  // Data is read in steps of its own since #22: wait for it, as for src.
  await one.getByRole('tab', { name: 'Given A' }).waitFor();
  assert.equal(await selectedName(one), 'Given A');
  await one.evaluate((el) => { el.data = null; });
  await one.getByRole('tab', { name: '第二 A' }).waitFor();
  assert.deepEqual(problems.thrown, []);
  await context.close();
});

test('refresh: 200, 304, changed, 500, timeout, recovery; reader state kept throughout', { timeout: 40_000 }, async () => {
  const { page, context, problems } = await open(browser, server.url + '/test/live.html');
  await rendered(page, '#live');
  const w = page.locator('#live');
  const figure = () => w.locator('[role=tabpanel]:not([hidden]) .measure').first().locator('.figures').innerText();
  await w.getByRole('tab', { name: 'Live B' }).click();
  await w.getByRole('searchbox').fill('roads');
  const toggle = w.getByRole('button', { name: 'Live roads', exact: true });
  await toggle.click(); // open the measure; focus stays on its button
  assert.match(await figure(), /Reported 10%/);
  const until = async (what, pred, ms = 8_000) => {
    const end = Date.now() + ms;
    while (!(await pred())) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await page.waitForTimeout(100);
    }
  };

  await until('a 304', () => live.hits.some((h) => h.status === 304 && h.inm === '"v1"'));
  assert.match(await figure(), /Reported 10%/, 'unchanged file: nothing changes');

  live.version = 2;
  await until('v2 shown', async () => /Reported 20%/.test(await figure()));
  assert.equal(await selectedName(w), 'Live B', 'selected task force kept');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true', 'open measure kept');
  assert.equal(await w.getByRole('searchbox').inputValue(), 'roads', 'filter kept');
  assert.equal(await page.evaluate(() => document.activeElement.shadowRoot.activeElement?.textContent), 'Live roads', 'focus kept');
  assert.match(await w.getByRole('status').innerText(), /Data updated, as of 30 Jun 2021/);

  live.mode = 'fail';
  const failedAt = Date.now();
  await until('500 notice', async () => /Update failed.*HTTP 500/s.test(await w.locator('.stale').innerText().catch(() => '')));
  assert.match(await w.locator('.stale').innerText(), /Showing earlier data as of 30 Jun 2021/);
  assert.match(await figure(), /Reported 20%/, 'last good data kept');

  live.mode = 'stall';
  await until('timeout notice', async () => /no answer within 1 seconds/.test(await w.locator('.stale').innerText()), 10_000);
  const after500 = live.hits.filter((h) => h.at >= failedAt);
  assert.ok(after500.length >= 2);
  assert.ok(after500[1].at - after500[0].at >= 1_900, `backs off after a failure (${after500[1].at - after500[0].at} ms)`);

  live.mode = 'ok';
  live.version = 3;
  await until('recovery', async () => /Reported 30%/.test(await figure()), 15_000);
  assert.equal(await w.locator('.stale').count(), 0, 'notice gone once data is fresh');
  assert.equal(await selectedName(w), 'Live B');

  // Polling pauses while the page is hidden and resumes when it is seen.
  const hide = (hidden) => page.evaluate((h) => {
    Object.defineProperty(document, 'visibilityState', { value: h ? 'hidden' : 'visible', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  }, hidden);
  await hide(true);
  await page.waitForTimeout(1_500);
  const count = live.hits.length;
  await page.waitForTimeout(2_500);
  assert.equal(live.hits.length, count, 'no fetches while hidden');
  await hide(false);
  await until('a fetch on return', () => live.hits.length > count, 3_000);

  const errors = await page.evaluate(() => window.__events.filter((e) => e.type === 'tft-error').length);
  assert.ok(errors >= 2, 'each failed refresh is reported to the host');
  assert.deepEqual(problems.thrown, []);
  assert.deepEqual(await page.evaluate(() => window.__hostErrors), []);
  await context.close();
});

test('strict CSP with Trusted Types: zero violations', async () => {
  const { page, context, problems } = await open(browser, server.url + '/test/strict.html');
  await rendered(page, '#s');
  await rendered(page, '#d');
  const d = page.locator('#d');
  await d.getByRole('tab', { name: '生态振兴' }).click();
  await d.getByRole('button', { name: '持续推进农村生活污水治理', exact: true }).click();
  await d.getByRole('searchbox').fill('污水');
  assert.equal(await d.locator('.progress .fill').first().evaluate((f) => getComputedStyle(f).width !== '0px'), true, 'bar widths set through the CSSOM');
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(problems.console.filter((m) => /Content Security Policy|Trusted Type/i.test(m)), []);
  await context.close();
});

test('the default data downloads while the module does, and only for a tracker that shows it', async () => {
  const files = (page) => page.evaluate(() => Object.fromEntries(performance.getEntriesByType('resource')
    .map((e) => [new URL(e.name).pathname.split('/').pop(), { start: e.startTime, end: e.responseEnd }])));
  let { page, context } = await open(browser, server.url + '/');
  await rendered(page);
  let got = await files(page);
  assert.ok(got['dezhou.json'], 'the demo downloads the default data');
  assert.ok(got['dezhou.json'].start < got['task_force_tracker_bg.wasm'].end,
    `asked for at ${got['dezhou.json'].start.toFixed(0)} ms, before the module arrived (${got['task_force_tracker_bg.wasm'].end.toFixed(0)} ms)`);
  await context.close();
  ({ page, context } = await open(browser, server.url + '/test/sourced.html'));
  for (const id of ['src', 'inline', 'cms']) await rendered(page, `#${id}`);
  got = await files(page);
  assert.ok(got['zh.json'] && got['task_force_tracker_bg.wasm']);
  assert.equal(got['dezhou.json'], undefined, 'src, data-src and inline JSON: no default data');
  await context.close();
});

test('a tracker starts near the viewport: one in view at once, one far below only when the reader scrolls near it', async () => {
  const { page, context, problems } = await open(browser, server.url + '/test/lazy.html', { width: 375, height: 740 });
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await rendered(page, '#top');
  await page.waitForTimeout(500);
  assert.equal(await page.locator('#far').evaluate((el) => el.shadowRoot), null, 'the far one has not started');
  assert.ok(!requests.includes('/data/zh.json'), 'nor fetched its data');
  assert.match(await page.locator('#far').innerText(), /far fallback/);
  // Still below the viewport, but within 800 px of it.
  await page.evaluate(() => window.scrollTo(0, document.getElementById('far').getBoundingClientRect().top + scrollY - innerHeight - 500));
  await page.waitForFunction(() => document.getElementById('far').shadowRoot?.querySelector('.tft:not([data-stage])'));
  assert.ok(requests.includes('/data/zh.json'));
  assert.deepEqual(problems.thrown, []);
  await context.close();
});

test('no layout shift on the demo page (CLS ≤ 0.01) at phone and desktop widths', { skip: unless('layout-shift') }, async () => {
  for (const [width, height] of [[375, 740], [1280, 900]]) {
    const { page, context } = await open(browser, server.url + '/', { width, height });
    // Scroll down the article as a reader does, past the widget.
    const cls = await scrollPastTracker(page);
    assert.ok(cls <= 0.01, `CLS at ${width}px is ${cls}`);
    await context.close();
  }
});

test('200 mounts and unmounts leave listeners and nodes where they were', { timeout: 60_000, skip: unless('cdp') }, async () => {
  const { page, context } = await open(browser, server.url + '/test/mount.html');
  const metrics = await leakProbe(context, page);
  const cycle = (n) => mountCycles(page, n, { attrs: { refresh: '60' }, click: true });
  await cycle(1);
  const start = await metrics();
  await cycle(200);
  const end = await metrics();
  assert.equal(end.listeners, start.listeners, `listeners ${start.listeners} → ${end.listeners}`);
  assert.ok(end.nodes - start.nodes < 50, `nodes ${start.nodes} → ${end.nodes}`);
  await context.close();
});

test('without JavaScript the light-DOM fallback shows', { skip: unless('no-script') }, async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(server.url + '/');
  const fallback = page.locator('task-force-tracker .fallback');
  assert.ok(await fallback.isVisible());
  assert.match(await fallback.innerText(), /产业振兴、人才振兴、文化振兴、生态振兴、组织振兴/);
  await context.close();
});
