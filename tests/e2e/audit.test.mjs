// What an outside audit found beyond axe (issue #15): hostile host pages,
// and accessibility in forced colours, focus, headings, language, contrast
// and theming.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, rendered, htmlPage, shot } from './helpers.mjs';

const small = JSON.stringify({
  title: { 'zh-Hans': '小计划', en: 'Small plan' },
  asOf: '2021-06-30',
  taskForces: [{ id: 'a', name: { 'zh-Hans': '甲', en: 'A' }, measures: [{ id: 'm', title: { 'zh-Hans': '措施', en: 'Measure' }, status: 'on-track' }] }],
});

let server, browser;
before(async () => {
  server = await serve({
    '/data/small.json': (req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(small),
    '/test/plain.html': htmlPage(`<task-force-tracker id="t" loading="eager"><p>fallback</p></task-force-tracker>
      <div data-task-force-tracker id="cms" data-src="/data/small.json" data-loading="eager"><p>cms fallback</p></div>`),
    '/test/frame.html': htmlPage('<task-force-tracker id="t" lang="en" loading="eager"></task-force-tracker><iframe id="f" src="/test/inner.html"></iframe>'),
    '/test/inner.html': (req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>inner</title></head><body></body></html>'),
  });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

/** A page whose scripts broke something before the widget loaded. */
async function hostile(setup) {
  const context = await browser.newContext();
  await context.addInitScript(setup);
  const page = await context.newPage();
  const problems = { console: [], thrown: [] };
  page.on('console', (m) => { if (m.type() === 'error') problems.console.push(m.text()); });
  page.on('pageerror', (e) => problems.thrown.push(String(e)));
  await page.addInitScript(() => {
    window.__errors = [];
    document.addEventListener('tft-error', (e) => window.__errors.push(e.detail.message));
  });
  await page.goto(server.url + '/test/plain.html');
  return { page, context, problems };
}

test('a page without TextDecoder: no uncaught error, a reported failure and a line for readers', async () => {
  const { page, context, problems } = await hostile(() => { delete window.TextDecoder; });
  await page.waitForFunction(() => window.__errors.length >= 2);
  assert.deepEqual(problems.thrown, [], 'nothing reaches window.onerror');
  assert.match(await page.evaluate(() => window.__errors[0]), /TextDecoder/);
  assert.match(await page.locator('#t [part=notice]').innerText(), /无法在此浏览器中运行/);
  assert.ok(await page.locator('#t p:text("fallback")').isVisible(), 'the fallback still shows');
  await context.close();
});

test('a page that defines Object.prototype.then is told why nothing loads', async () => {
  // eslint-disable-next-line no-extend-native
  const { context, problems } = await hostile(() => { Object.prototype.then = function () {}; });
  // Playwright's own evaluate awaits objects too: watch the console instead.
  for (let i = 0; i < 50 && !problems.console.some((m) => /Object\.prototype\.then/.test(m)); i++) await new Promise((r) => setTimeout(r, 100));
  assert.ok(problems.console.some((m) => /loading the WebAssembly module failed.*Object\.prototype\.then/s.test(m)), problems.console.join('\n'));
  await context.close();
});

test('a broken Array.prototype.includes never shows other data than the embed asks for', async () => {
  const { page, context, problems } = await hostile(() => {
    // eslint-disable-next-line no-extend-native
    Array.prototype.includes = function () { return false; };
  });
  await rendered(page, '#cms');
  assert.equal(await page.locator('#cms .title').innerText(), '小计划', 'the data-src data, not the built-in programme');
  assert.deepEqual(problems, { console: [], thrown: [] });
  await context.close();
});

test('element.data set again from inside a getter of the value being read: the last write wins', async () => {
  const { page, context } = await open(browser, server.url + '/test/plain.html');
  await rendered(page, '#t');
  await page.evaluate((small) => {
    const el = document.getElementById('t');
    const newer = JSON.parse(small);
    newer.title = { 'zh-Hans': '新的', en: 'Newer' };
    const older = JSON.parse(small);
    Object.defineProperty(older, 'title', { enumerable: true, get() { el.data = newer; return { 'zh-Hans': '旧的', en: 'Older' }; } });
    el.data = older;
  }, small);
  await page.waitForFunction(() => document.getElementById('t').shadowRoot.querySelector('.title')?.textContent === '新的');
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(await page.locator('#t .title').innerText(), '新的');
  await context.close();
});

test('moved into an iframe, the widget is styled and responsive there', async () => {
  const { page, context, problems } = await open(browser, server.url + '/test/frame.html');
  await rendered(page, '#t');
  await page.waitForFunction(() => document.getElementById('f').contentDocument?.readyState === 'complete');
  await page.evaluate(() => document.getElementById('f').contentDocument.body.append(document.getElementById('t')));
  const frame = page.frameLocator('#f');
  const w = frame.locator('#t');
  await w.locator('.tft').waitFor();
  const border = await w.locator('.tft').evaluate((el) => getComputedStyle(el).borderTopStyle);
  assert.equal(border, 'solid', 'styled by the widget stylesheet');
  await w.getByRole('tab').nth(1).click();
  assert.equal(await w.getByRole('tab').nth(1).getAttribute('aria-selected'), 'true', 'responds to the reader');
  assert.deepEqual(problems, { console: [], thrown: [] });
  await context.close();
});
