// Many and long: 20 instances on a page, 1,000 data refreshes, 200 mounts —
// listeners, DOM nodes and wasm memory stay flat.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, rendered, leakProbe, mountCycles } from './helpers.mjs';

const data = (n) => JSON.stringify({
  title: `Cycle ${n}`, asOf: '2021-06-30',
  taskForces: ['a', 'b', 'c'].map((id, i) => ({
    id, name: `TF ${id}`,
    measures: Array.from({ length: 5 + ((n + i) % 4) }, (_, j) => ({
      id: `m${j}`, title: `Measure ${j} of ${id} at ${n}`, status: j % 2 ? 'on-track' : 'behind', progress: (n + j) % 101,
      reports: [{ date: '2021-06-01', note: `note ${n}` }],
    })),
  })),
});

let server, browser;
before(async () => {
  server = await serve({
    '/data/cycle.json': (req, res) => {
      const n = Number(new URL(req.url, 'http://x').searchParams.get('n') ?? 0);
      res.writeHead(200, { 'content-type': 'application/json' }).end(data(n));
    },
    '/test/twenty.html': (req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>m</title><link rel="icon" href="data:,">
<script type="module" src="/task-force-tracker.js"></script></head><body>
${Array.from({ length: 20 }, (_, i) => `<task-force-tracker id="w${i}" ${i % 2 ? 'src="/data/cycle.json?n=' + i + '"' : ''} lang="${['en', 'zh-Hans', 'zh-Hant'][i % 3]}" loading="eager"></task-force-tracker>`).join('\n')}
<main id="slot"></main></body></html>`);
    },
  });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });


test('20 instances all render and respond, each on its own', { timeout: 60_000 }, async () => {
  const { page, context, problems } = await open(browser, server.url + '/test/twenty.html', { height: 4000 });
  for (let i = 0; i < 20; i++) await rendered(page, `#w${i}`);
  for (let i = 0; i < 20; i++) {
    const w = page.locator(`#w${i}`);
    const tabs = w.getByRole('tab');
    await tabs.nth(2).click();
    assert.equal(await tabs.nth(2).getAttribute('aria-selected'), 'true', `w${i}`);
  }
  for (let i = 0; i < 20; i++) {
    assert.equal(await page.locator(`#w${i}`).getByRole('tab').nth(2).getAttribute('aria-selected'), 'true', `w${i} kept its own state`);
  }
  assert.deepEqual(problems.thrown, []);
  await context.close();
});

test('1,000 refreshes with changing data and 200 mounts leave listeners, nodes and wasm memory flat', { timeout: 120_000 }, async () => {
  const { page, context, problems } = await open(browser, server.url + '/test/twenty.html', { height: 4000 });
  await rendered(page, '#w1');
  const measure = await leakProbe(context, page);
  const refresh = (from, to) => page.evaluate(async ([from, to]) => {
    const el = document.getElementById('w1');
    el.shadowRoot.querySelectorAll('[role=tab]')[1].click();
    for (let n = from; n < to; n++) {
      const loaded = new Promise((ok) => el.addEventListener('tft-load', ok, { once: true }));
      el.setAttribute('src', `/data/cycle.json?n=${n}`);
      await loaded;
    }
  }, [from, to]);
  await refresh(100, 200);
  const warm = await measure();
  await refresh(200, 1100);
  const end = await measure();
  assert.equal(end.listeners, warm.listeners, `listeners ${warm.listeners} → ${end.listeners}`);
  assert.ok(Math.abs(end.nodes - warm.nodes) < 100, `nodes ${warm.nodes} → ${end.nodes}`);
  assert.equal(end.wasm, warm.wasm, `wasm memory ${warm.wasm} → ${end.wasm}`);
  assert.equal(await page.locator('#w1').getByRole('tab', { selected: true }).locator('.tab-name').innerText(), 'TF b', 'state kept');

  const mount = (n) => mountCycles(page, n);
  await mount(20);
  const before = await measure();
  await mount(200);
  const afterMounts = await measure();
  assert.equal(afterMounts.listeners, before.listeners, `listeners ${before.listeners} → ${afterMounts.listeners}`);
  assert.ok(Math.abs(afterMounts.nodes - before.nodes) < 100, `nodes ${before.nodes} → ${afterMounts.nodes}`);
  assert.equal(afterMounts.wasm, before.wasm, `wasm memory ${before.wasm} → ${afterMounts.wasm}`);
  console.log(`# memory: refresh ${JSON.stringify(warm)} → ${JSON.stringify(end)}; mounts ${JSON.stringify(before)} → ${JSON.stringify(afterMounts)}`);
  assert.deepEqual(problems.thrown, []);
  await context.close();
});
