// Bad sources: each widget says what failed, where, and what was expected;
// nothing is thrown into the host page; other widgets keep working.
// They carry `preview`, the attribute editors use: readers get a short notice
// instead (tests/e2e/newsroom.test.mjs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open } from './helpers.mjs';

const BAD_DATE = {
  title: 'Bad date', asOf: '2020-04-17',
  taskForces: [{ id: 'a', name: 'A', measures: [{ id: 'm', title: 'M', status: 'on-track', due: '2020-02-30' }] }],
};
const json = (body, status = 200) => (req, res) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
};
const ROUTES = {
  '/data/missing.json': json('{"error":"not found"}', 404),
  '/data/stall.json': () => {}, // never answers: the widget must time out
  '/data/page.json': (req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><html><body><h1>Welcome to our CMS</h1></body></html>');
  },
  '/data/truncated.json': json('{"title": "Cut off", "asOf": "2020-0'),
  '/data/bad-date.json': json(BAD_DATE),
  '/test/errors.html': (req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<script type="module" src="/task-force-tracker.js"></script></head><body>
<task-force-tracker preview id="missing" src="/data/missing.json"></task-force-tracker>
<task-force-tracker preview id="stall" src="/data/stall.json"></task-force-tracker>
<task-force-tracker preview id="page" src="/data/page.json"></task-force-tracker>
<task-force-tracker preview id="truncated" src="/data/truncated.json"></task-force-tracker>
<task-force-tracker preview id="bad-date" src="/data/bad-date.json"></task-force-tracker>
<task-force-tracker preview id="good"></task-force-tracker>
</body></html>`);
  },
};

let server, browser;
before(async () => { server = await serve(ROUTES); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const errorText = (page, id) => page.locator(`#${id} .tft-error`).innerText();

test('each bad source gets its own clear message; the good widget still works', { timeout: 30_000 }, async () => {
  const { page, context, problems } = await open(browser, server.url + '/test/errors.html');
  const cases = {
    missing: [/Could not load the progress data/, /\/data\/missing\.json/, /HTTP 404/],
    page: [/\/data\/page\.json/, /received a web page \(HTML\), expected a JSON data file/],
    truncated: [/\/data\/truncated\.json/, /not valid JSON/],
    'bad-date': [/\/data\/bad-date\.json/, /taskForces\[0\]\.measures\[0\]\.due/, /"2020-02-30"/, /YYYY-MM-DD/],
  };
  for (const [id, patterns] of Object.entries(cases)) {
    await page.locator(`#${id} .tft-error`).waitFor();
    const text = await errorText(page, id);
    for (const p of patterns) assert.match(text, p, `${id}: ${text}`);
  }

  // The good widget renders and responds while the others have failed.
  const good = page.locator('#good');
  await good.getByRole('tab', { name: 'Ecology' }).click();
  assert.equal(await good.getByRole('tab', { selected: true }).locator('.tab-name').innerText(), 'Ecology');

  // The stalled fetch times out after 10 s with its own message.
  await page.locator('#stall .tft-error').waitFor({ timeout: 15_000 });
  assert.match(await errorText(page, 'stall'), /\/data\/stall\.json.*no answer within 10 seconds/s);

  const events = await page.evaluate(() => window.__events);
  const errors = events.filter((e) => e.type === 'tft-error').map((e) => e.target).sort();
  assert.deepEqual(errors, ['bad-date', 'missing', 'page', 'stall', 'truncated']);
  const detail = events.find((e) => e.target === 'bad-date').detail;
  assert.equal(detail.source, '/data/bad-date.json');
  assert.match(detail.message, /taskForces\[0\]\.measures\[0\]\.due/);

  // Detail goes to the console; nothing is thrown into the host page.
  assert.ok(problems.console.some((m) => m.includes('[task-force-tracker] could not show data from /data/bad-date.json')));
  assert.deepEqual(problems.thrown, []);
  assert.deepEqual(await page.evaluate(() => window.__hostErrors), []);
  await context.close();
});

test('element.data that cannot be written as JSON is named, and null returns to the default', async () => {
  const { page, context, problems } = await open(browser, server.url + '/test/errors.html');
  const good = page.locator('#good');
  await good.getByRole('tab', { name: 'Ecology' }).waitFor();
  await page.evaluate(() => {
    const cyclic = { title: 'Loop', asOf: '2021-01-01' };
    cyclic.self = cyclic;
    document.getElementById('good').data = cyclic;
  });
  // Good data was showing: it stays, under a notice that names the property.
  const notice = good.locator('.stale');
  await notice.waitFor();
  assert.match(await notice.innerText(), /element\.data.*the value cannot be written as JSON/s);
  assert.equal(await good.getByRole('tab').count(), 5);
  await page.evaluate(() => { document.getElementById('good').data = null; });
  await good.locator('.stale').waitFor({ state: 'detached' });
  assert.deepEqual(problems.thrown, []);
  await context.close();
});
