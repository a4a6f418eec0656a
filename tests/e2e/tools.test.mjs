// The data tools and the widget agree: every malformed corpus file gets the
// same clear message in the widget as from `tft validate`; a spreadsheet
// imported with `tft import-csv` shows the same measures and statuses; the
// `tft render-html` snapshot is a working no-JS fallback.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { serve, launch, open, rendered, ROOT, htmlPage } from './helpers.mjs';

const CORPUS = join(ROOT, 'tests/corpus');
const TFT = join(ROOT, 'target/debug/tft'); // built by `cargo test`
const manifest = (await readFile(join(CORPUS, 'EXPECTED.tsv'), 'utf8'))
  .split('\n').filter((l) => l.trim() && !l.startsWith('#')).map((l) => l.split('\t'));

const imported = execFileSync(TFT, ['import-csv', join(ROOT, 'data/template.csv'), '--title', '导入测试', '--title-en', 'Import test', '--as-of', '2020-04-17'], { encoding: 'utf8' });
const csvRows = (await readFile(join(ROOT, 'data/template.csv'), 'utf8')).trim().split('\n').slice(1).map((l) => l.split(','));
const DEZHOU = await readFile(join(ROOT, 'data/dezhou.json'), 'utf8');
const snapshot = execFileSync(TFT, ['render-html', join(ROOT, 'data/dezhou.json')], { encoding: 'utf8' });

const html = (body) => htmlPage(body, { lang: 'en' });

let server, browser;
before(async () => {
  const routes = {
    '/data/imported.json': (req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(imported),
    '/data/huge-string.json': (req, res) => {
      const d = JSON.parse(DEZHOU);
      d.taskForces[0].measures[0].title = '长'.repeat(3_500_000);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(d));
    },
    '/test/corpus.html': html(manifest.map(([f], i) => `<task-force-tracker id="c${i}" preview src="/corpus/${f}" loading="eager"></task-force-tracker>`).join('\n')
      + '<task-force-tracker id="huge" preview src="/data/huge-string.json" loading="eager"></task-force-tracker>'),
    '/test/imported.html': html('<task-force-tracker id="imp" src="/data/imported.json" lang="zh-Hans" loading="eager"></task-force-tracker>'),
    '/test/snapshot.html': html(`<task-force-tracker id="snap">${snapshot}</task-force-tracker>`),
  };
  for (const f of await readdir(CORPUS)) {
    routes[`/corpus/${f}`] = async (req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(await readFile(join(CORPUS, f)));
  }
  server = await serve(routes);
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

test('the widget gives each malformed file the same clear message as tft validate', { timeout: 30_000 }, async () => {
  const { page, context, problems } = await open(browser, server.url + '/test/corpus.html', { height: 3000 });
  for (const [i, [file, path, words]] of manifest.entries()) {
    const w = page.locator(`#c${i}`);
    if (words === 'OK') {
      await rendered(page, `#c${i}`);
      assert.equal(await w.locator('.tft-error').count(), 0, file);
      continue;
    }
    await w.locator('.tft-error').waitFor();
    const text = await w.locator('.tft-error').innerText();
    assert.ok(text.includes(words), `${file}: expected "${words}" in ${text}`);
    if (path !== '-') assert.ok(text.includes(`${path} (line `), `${file}: expected ${path} with its line in ${text}`);
    assert.ok(text.includes(`/corpus/${file}`), `${file} names the file`);
  }
  await page.locator('#huge .tft-error').waitFor();
  assert.match(await page.locator('#huge .tft-error').innerText(), /taskForces\[0\]\.measures\[0\]\.title \(line 1, column \d+\): text is 3500000 characters long, expected at most 300/);
  assert.deepEqual(problems.thrown, []);
  assert.deepEqual(await page.evaluate(() => window.__hostErrors), []);
  await context.close();
});

test('CSV → tft import-csv → widget shows the same measures and statuses', async () => {
  const { page, context } = await open(browser, server.url + '/test/imported.html');
  await rendered(page, '#imp');
  const w = page.locator('#imp');
  const measureRows = csvRows.filter((r) => r[0] === 'measure');
  const items = w.locator('[role=tabpanel]:not([hidden]) .measure');
  assert.equal(await items.count(), measureRows.length);
  const STATUS = { 按序时推进: '按序时推进', 'on-track': '按序时推进', behind: '滞后序时' };
  for (const [j, row] of measureRows.entries()) {
    assert.equal(await items.nth(j).locator('.m-title').innerText(), row[9]);
    assert.equal(await items.nth(j).locator('.tag').first().innerText(), STATUS[row[11]]);
    assert.equal(await items.nth(j).getByRole('progressbar').getAttribute('aria-valuenow'), row[12]);
  }
  assert.match(await items.first().locator('.report').innerText(), /问题厕所排查整改同步推进/);
  assert.match(await w.locator('[role=tabpanel]:not([hidden]) .facts').innerText(), /市农业农村局、市生态环境局/);
  await context.close();
});

test('the render-html snapshot is the no-JS fallback, and gives way to the widget', async () => {
  const noJs = await browser.newContext({ javaScriptEnabled: false });
  const p = await noJs.newPage();
  await p.goto(server.url + '/test/snapshot.html');
  const data = JSON.parse(await readFile(join(ROOT, 'data/dezhou.json'), 'utf8'));
  const text = await p.locator('#snap').innerText();
  for (const m of data.taskForces.flatMap((t) => t.measures)) assert.ok(text.includes(m.title['zh-Hans']), m.id);
  await noJs.close();

  const { page, context } = await open(browser, server.url + '/test/snapshot.html');
  await rendered(page, '#snap');
  assert.equal(await page.locator('#snap').getByRole('tab').count(), 5, 'the widget replaced the snapshot');
  await context.close();
});
