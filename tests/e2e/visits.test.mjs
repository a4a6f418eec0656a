// "Since your last visit": the widget remembers, in the reader's own
// browser, what it showed, and marks on the next visit what changed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { serve, launch, open, rendered, ROOT, htmlPage } from './helpers.mjs';

const OLD = await readFile(join(ROOT, 'tests/diff/old.json'));
const NEW = await readFile(join(ROOT, 'tests/diff/new.json'));
let serving = OLD;
const routes = {
  '/data/visit.json': (req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(serving),
  '/test/visit.html': htmlPage('<task-force-tracker id="v" src="/data/visit.json" lang="en" loading="eager"></task-force-tracker>', { lang: 'en' }),
  '/test/off.html': htmlPage('<task-force-tracker id="o" src="/data/visit.json" lang="en" remember="off" loading="eager"></task-force-tracker>', { lang: 'en' }),
};

let server, browser;
before(async () => {
  server = await serve(routes);
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

const MARK = 'Updated since your last visit';

test('a second visit marks exactly the measures that changed, and a filter shows only them', async () => {
  serving = OLD;
  const { page, context, problems } = await open(browser, server.url + '/test/visit.html');
  await rendered(page, '#v');
  const w = page.locator('#v');
  await w.getByRole('tab', { name: /Ecology/ }).waitFor();
  assert.equal(await w.getByText(MARK).count(), 0, 'a first visit shows nothing special');
  assert.equal(await w.locator('.updates').count(), 0);

  serving = NEW;
  await page.reload();
  await rendered(page, '#v');
  await w.getByText('4 measures updated since your last visit').waitFor();
  const marked = await w.locator('[role=tabpanel]:not([hidden]) .measure').filter({ has: page.locator('.tag.updated') }).locator('.m-title').allInnerTexts();
  assert.deepEqual(marked.sort(), ['Pave village roads', 'Upgrade rural toilets', 'Village lighting']);
  assert.equal(await w.locator('[role=tabpanel]:not([hidden]) .measure').filter({ hasText: 'Rural sewage treatment' }).locator('.tag.updated').count(), 0);
  await w.getByRole('button', { name: 'Show only these' }).click();
  assert.equal(await w.locator('.results .measure').count(), 4, 'all four, across task forces');
  assert.equal(await w.getByRole('button', { name: 'Show only these' }).getAttribute('aria-pressed'), 'true');

  await page.reload();
  await rendered(page, '#v');
  await w.getByRole('tab', { name: /Ecology/ }).waitFor();
  assert.equal(await w.getByText(MARK).count(), 0, 'nothing new since the last visit');
  const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('task-force-tracker:')));
  assert.equal(stored.length, 1, 'one key per programme and source');
  assert.deepEqual(problems, { console: [], thrown: [] });
  await context.close();
});

test('remember="off" stores nothing', async () => {
  serving = OLD;
  const { page, context } = await open(browser, server.url + '/test/off.html');
  await rendered(page, '#o');
  await page.locator('#o').getByRole('tab', { name: /Ecology/ }).waitFor();
  assert.equal(await page.evaluate(() => localStorage.length), 0);
  await context.close();
});

test('blocked storage shows no error and no markers', async () => {
  serving = NEW;
  const context = await browser.newContext();
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } });
  });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(String(e)));
  await page.goto(server.url + '/test/visit.html');
  await rendered(page, '#v');
  await page.locator('#v').getByRole('tab', { name: /Ecology/ }).waitFor();
  await page.reload();
  await rendered(page, '#v');
  await page.locator('#v').getByRole('tab', { name: /Ecology/ }).waitFor();
  assert.equal(await page.locator('#v').getByText(MARK).count(), 0);
  assert.equal(await page.locator('#v .tft-error').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});
