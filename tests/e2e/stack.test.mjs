// What moving the browser work into Rust made possible: typed values across
// the boundary, cancelled downloads, moves without reloads, and panics in
// callbacks that no JS frame called (fetch, timers) kept inside one widget.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { serve, launch, open, rendered, WWW, htmlPage } from './helpers.mjs';

const data = (n) => JSON.stringify({
  title: { 'zh-Hans': '测试', en: 'Stack test' }, asOf: '2021-06-30',
  taskForces: [
    { id: 'a', name: 'Alpha', measures: [
      { id: 'm1', title: 'one', status: 'completed' },
      { id: 'm2', title: 'two', status: 'behind', due: '2021-01-01', progress: n }] },
    { id: 'b', name: 'Beta', measures: [{ id: 'm3', title: 'three', status: 'blocked', due: '2021-06-29' }] }],
});
let completed = 0; // downloads served to the end
let started = 0;
const routes = {
  '/test/stack.html': htmlPage(`<div id="box"><task-force-tracker id="s" lang="en" src="/slow/0.json" loading="eager"></task-force-tracker></div>
    <div id="other"></div><task-force-tracker id="d" preview lang="en" loading="eager"></task-force-tracker>`, { lang: 'en' }),
  '/test/parse.html': htmlPage('<task-force-tracker id="j" lang="en" loading="eager"></task-force-tracker>', {
    lang: 'en', head: '<script src="/test/parse.js"></script>' }),
  '/test/parse.js': (req, res) => {
    res.writeHead(200, { 'content-type': 'text/javascript' });
    res.end('JSON.parse = () => { throw new Error("this page broke JSON.parse"); };');
  },
  '/test/probe.html': htmlPage(`<task-force-tracker id="p-fetch" src="/slow/1.json?__panic_probe__" loading="eager"></task-force-tracker>
    <task-force-tracker id="panic-probe-refresh" src="/slow/2.json" refresh="1" loading="eager"></task-force-tracker>
    <task-force-tracker id="p-ok" loading="eager"></task-force-tracker>`, { lang: 'en', script: '/probe/task-force-tracker.js' }),
  '/probe/task-force-tracker.js': async (req, res) => {
    res.writeHead(200, { 'content-type': 'text/javascript' });
    res.end(await readFile(join(WWW, 'task-force-tracker.js')));
  },
};
for (let i = 0; i < 200; i++) {
  // Each file trickles out over ~300 ms, so a quick change of src can cancel it.
  routes[`/slow/${i}.json`] = (req, res) => {
    started++;
    const body = Buffer.from(data(i % 100));
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(body.length) });
    let at = 0;
    const more = () => {
      if (res.destroyed) return;
      if (at >= body.length) { completed++; res.end(); return; }
      res.write(body.subarray(at, at + 64));
      at += 64;
      setTimeout(more, 300 / Math.ceil(body.length / 64));
    };
    more();
  };
}

let server, browser;
before(async () => {
  server = await serve(routes, { '/probe/pkg/': join(WWW, 'pkg-probe') });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

test('summary and event details are typed plain objects, even where the page broke JSON.parse', async () => {
  const { page, context, problems } = await open(browser, server.url + '/test/parse.html');
  await rendered(page, '#j');
  const loads = await page.evaluate(() => window.__events.filter((e) => e.type === 'tft-load').map((e) => e.detail));
  assert.equal(loads.length, 1, 'the load event arrived');
  assert.equal(loads[0].taskForces, 5);
  const summary = await page.evaluate(() => document.getElementById('j').summary);
  assert.equal(summary.measures, 23);
  assert.equal(summary.taskForces.length, 5);
  assert.equal(summary.taskForces[0].id, 'industry');
  const total = Object.values(summary.byStatus).reduce((a, b) => a + b, 0);
  assert.equal(total, 23, 'every measure has one status');
  assert.match(summary.version, /^[0-9a-f]{12}$/);
  await page.evaluate(() => { document.getElementById('j').summary = 'x'; }).catch(() => {});
  assert.equal(await page.evaluate(() => typeof document.getElementById('j').summary), 'object', 'read-only');
  assert.deepEqual(problems.thrown, []);
  await context.close();
});

test('element.data is read as an object: 1e400 is named, not shown as 0 %', async () => {
  const { page, context } = await open(browser, server.url + '/test/stack.html');
  await rendered(page, '#d');
  await page.evaluate((value) => {
    value.taskForces[0].measures[1].progress = 1e400;
    document.getElementById('d').data = value;
  }, JSON.parse(data(5)));
  const notice = page.locator('#d .stale');
  await notice.waitFor();
  assert.match(await notice.innerText(), /taskForces\[0\]\.measures\[1\]\.progress/);
  assert.match(await notice.innerText(), /Infinity/);
  await context.close();
});

test('a new src cancels the download in flight; a move within the page keeps state and data', async () => {
  const { page, context, problems } = await open(browser, server.url + '/test/stack.html');
  await rendered(page, '#s');
  await page.locator('#s').getByRole('tab', { name: 'Alpha' }).waitFor();
  completed = 0;
  started = 0;
  await page.evaluate(async () => {
    const el = document.getElementById('s');
    for (let i = 1; i <= 100; i++) {
      el.setAttribute('src', `/slow/${i}.json`);
      // 20 ms apart: long enough for each request to reach the server
      // (one aborted before it is sent is not counted as started).
      await new Promise((ok) => setTimeout(ok, 20));
    }
  });
  await page.waitForTimeout(1_500);
  // A request aborted before it was sent never reaches the server, so how
  // many start depends on the machine's load; of those that start, nearly
  // all must be cancelled. Before downloads could be cancelled, every one
  // of them completed.
  assert.ok(started >= 20, `requests were made (${started})`);
  assert.ok(completed <= started / 4, `downloads cancelled: ${completed} of ${started} completed`);
  await page.locator('#s').getByRole('tab', { name: 'Beta' }).click();
  const before = started;
  const loadsBefore = await page.evaluate(() => window.__events.filter((e) => e.type === 'tft-load').length);
  await page.evaluate(() => {
    const el = document.getElementById('s');
    for (let i = 0; i < 12; i++) document.getElementById(i % 2 ? 'box' : 'other').append(el);
  });
  await page.waitForTimeout(500);
  assert.equal(started, before, 'no new download after 12 moves');
  assert.equal(await page.evaluate(() => window.__events.filter((e) => e.type === 'tft-load').length), loadsBefore);
  assert.equal(await page.locator('#s').getByRole('tab', { selected: true }).locator('.tab-name').innerText(), 'Beta', 'state kept');
  await page.evaluate(() => document.getElementById('s').remove());
  assert.deepEqual(problems.thrown, []);
  await context.close();
});

test('a panic in a fetch callback or a refresh timer stops only that widget', async () => {
  const { page, context, problems } = await open(browser, server.url + '/test/probe.html');
  for (const id of ['p-fetch', 'panic-probe-refresh']) {
    await page.locator(`#${id}`).getByText('The tracker hit an internal error and has stopped.').waitFor({ timeout: 10_000 });
  }
  const ok = page.locator('#p-ok');
  await ok.getByRole('tab', { name: 'Culture' }).click();
  assert.equal(await ok.getByRole('tab', { selected: true }).locator('.tab-name').innerText(), 'Culture');
  assert.ok(problems.console.some((m) => m.includes('panic probe in a fetch callback')));
  assert.ok(problems.console.some((m) => m.includes('panic probe in a refresh timer')));
  const errors = await page.evaluate(() => window.__events.filter((e) => e.type === 'tft-error').map((e) => `${e.target}:${e.detail.source}`));
  assert.deepEqual(errors.sort(), ['p-fetch:internal', 'panic-probe-refresh:internal']);
  assert.deepEqual(problems.thrown, []);
  assert.deepEqual(await page.evaluate(() => window.__hostErrors), []);
  await context.close();
});
