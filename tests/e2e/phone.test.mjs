// Readers on phones, in every engine: a shared link to a measure lands on
// it though the tracker sits 2,000 px down the article (it would otherwise
// start only when scrolled near), a tracker that replaces its short
// fallback while the reader looks at it keeps its top where it was (and
// one that shows or grows above the screen, the text being read below
// it), and a
// switch shows a panel laid out ahead, out of sight.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, htmlPage } from './helpers.mjs';

const HEADER = 56;
const head = `<style>
  html { scroll-padding-top: 64px; }
  body { margin: 0; font: 17px/1.7 serif; }
  header { position: sticky; top: 0; height: ${HEADER}px; background: #222; color: #fff; z-index: 1; }
  .text { height: 2000px; margin: 0 16px; }
</style>`;
const body = `<header>站点</header>
<div class="text"><p>文中链接：<a id="link" href="#d-culture/customs">文化振兴专班第 5 项</a></p></div>
<task-force-tracker id="d"><p style="margin: 0">进展表（备用内容）</p></task-force-tracker>
<div class="text"></div>`;

let server, browser;
before(async () => {
  // A programme that grows by ten measures from its second download on.
  let hits = 0;
  const grow = (req, res) => {
    const n = ++hits === 1 ? 2 : 12;
    const measures = Array.from({ length: n }, (_, i) => ({ id: `m${i}`, title: `Measure ${i + 1}`, status: 'on-track', progress: 10 }));
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify({ title: { en: 'Growing' }, asOf: '2021-06-30', taskForces: [{ id: 'a', name: { en: 'Alpha' }, measures }] }));
  };
  server = await serve({
    '/test/phone.html': htmlPage(body, { head }),
    '/test/refresh.html': htmlPage(body.replace('<task-force-tracker id="d">', '<task-force-tracker id="d" src="/data/grow.json" refresh="2" lang="en">'), { head, lang: 'en' }),
    '/data/grow.json': grow,
  });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

/** The top of the card with this id once it has stayed put for a moment. */
const settledTop = (page, id) => page.waitForFunction((id) => {
  const r = document.getElementById('d').shadowRoot?.getElementById(id)?.getBoundingClientRect();
  const same = r && Math.abs(r.top - (window.__lastTop ?? NaN)) < 1;
  window.__lastTop = r?.top;
  return same && r.top < innerHeight ? r.top : null;
}, id, { polling: 150, timeout: 10_000 }).then((h) => h.jsonValue());

test('a shared link to a measure starts the tracker 2,000 px down a phone page and brings the measure into view', async () => {
  const { page, context, problems } = await open(browser, `${server.url}/test/phone.html#d-ecology/toilets`, { width: 375, height: 800 });
  const top = await settledTop(page, 'd-m-ecology-toilets');
  assert.ok(top >= HEADER && top <= 64 + 16, `the card's top is ${top}px, below the ${HEADER}px header`);
  const card = page.locator('#d').locator('#d-m-ecology-toilets');
  assert.equal(await card.locator('button[aria-expanded]').first().getAttribute('aria-expanded'), 'true', 'the measure is open');

  assert.deepEqual(problems, { console: [], thrown: [] });
  await context.close();
});

test('a link in the article to a measure starts the waiting tracker and brings the measure into view', async () => {
  const { page, context, problems } = await open(browser, `${server.url}/test/phone.html`, { width: 375, height: 800 });
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => !!document.getElementById('d').shadowRoot), false, 'far down, it waits');
  await page.locator('#link').click();
  const top = await settledTop(page, 'd-m-culture-customs');
  assert.ok(top >= HEADER && top <= 64 + 16, `after the link the card's top is ${top}px`);
  assert.deepEqual(problems, { console: [], thrown: [] });
  await context.close();
});

for (const at of [0, 150]) {
  test(`a tracker replacing its one-line fallback at ${at}px from the top of the screen keeps its top there`, async () => {
    const { page, context, problems } = await open(browser, `${server.url}/test/phone.html`, { width: 375, height: 800 });
    // The reader scrolls until the fallback is there, with the article's
    // text below it on the screen.
    const y = await page.evaluate((at) => document.getElementById('d').getBoundingClientRect().top + scrollY - at, at);
    await page.evaluate((y) => window.scrollTo(0, y), y);
    await page.waitForFunction(() => window.__events.some((e) => e.type === 'tft-load'), null, { timeout: 10_000 });
    await page.waitForTimeout(500);
    const { top, height } = await page.evaluate(() => document.getElementById('d').getBoundingClientRect().toJSON());
    assert.ok(height > 1000, `the tracker (${height}px) is much taller than its fallback`);
    assert.ok(Math.abs(top - at) < 2, `the tracker's top is at ${top}px, where its fallback's was (${at}px)`);
    assert.deepEqual(problems, { console: [], thrown: [] });
    await context.close();
  });
}

/** Scrolls the reader on to 400 px below the tracker (within 800 px, so
 * it starts); gives a reading of where the text below it is on the screen. */
async function readOnBelow(page) {
  await page.evaluate(() => window.scrollTo(0, document.getElementById('d').getBoundingClientRect().bottom + scrollY + 400));
  return () => page.evaluate(() => document.getElementById('d').nextElementSibling.getBoundingClientRect().top);
}
/** Waits for the tracker's `n`th tft-load. */
const loaded = (page, n = 1) => page.waitForFunction((n) => window.__events.filter((e) => e.type === 'tft-load').length >= n, n, { timeout: 10_000 });

test('a tracker that shows above the screen leaves the text the reader is reading where it is', async () => {
  const { page, context, problems } = await open(browser, `${server.url}/test/phone.html`, { width: 375, height: 800 });
  // The reader has scrolled past the fallback and reads the text below it.
  const reading = await readOnBelow(page);
  const before = await reading();
  assert.ok(before < -300, `the text below the tracker starts ${before}px above the screen`);
  await loaded(page);
  await page.waitForTimeout(500);
  const { height } = await page.evaluate(() => document.getElementById('d').getBoundingClientRect().toJSON());
  assert.ok(height > 1000, `the tracker (${height}px) is much taller than its fallback`);
  const after = await reading();
  assert.ok(Math.abs(after - before) < 2, `the text moved from ${before}px to ${after}px`);
  assert.deepEqual(problems, { console: [], thrown: [] });
  await context.close();
});

test('a refresh that makes a tracker above the screen taller leaves the text the reader is reading where it is', async () => {
  const { page, context, problems } = await open(browser, `${server.url}/test/refresh.html`, { width: 375, height: 800 });
  await page.evaluate(() => document.getElementById('d').scrollIntoView());
  await loaded(page);
  // The reader reads on below the tracker.
  const reading = await readOnBelow(page);
  const before = await reading();
  const height = await page.evaluate(() => document.getElementById('d').getBoundingClientRect().height);
  await loaded(page, 2);
  await page.waitForTimeout(500);
  const grown = await page.evaluate(() => document.getElementById('d').getBoundingClientRect().height);
  assert.ok(grown > height + 200, `the tracker grew from ${height}px to ${grown}px`);
  const after = await reading();
  assert.ok(Math.abs(after - before) < 2, `the text moved from ${before}px to ${after}px`);
  assert.deepEqual(problems, { console: [], thrown: [] });
  await context.close();
});

test('once the panels are built ahead, a switch adds no node: the panel was laid out out of sight, and shows', async () => {
  const { page, context, problems } = await open(browser, `${server.url}/test/phone.html`, { width: 375, height: 800 });
  const w = page.locator('#d');
  await page.evaluate(() => document.getElementById('d').scrollIntoView());
  // Built ahead when idle: every hidden panel holds its content.
  await page.waitForFunction(() => {
    const panels = [...(document.getElementById('d').shadowRoot?.querySelectorAll('[role=tabpanel]') ?? [])];
    return panels.length === 5 && panels.every((p) => p.childElementCount > 0);
  }, null, { timeout: 15_000 });
  const hidden = await page.evaluate(() => [...document.getElementById('d').shadowRoot.querySelectorAll('[role=tabpanel][hidden]')]
    .map((p) => [p.getBoundingClientRect().height, getComputedStyle(p).visibility, p.querySelector('.measure').getBoundingClientRect().width]));
  assert.equal(hidden.length, 4);
  for (const [height, visibility, width] of hidden) {
    assert.equal(height, 0, 'a hidden panel takes no room');
    assert.equal(visibility, 'hidden', 'nor shows');
    assert.ok(width > 300, `its cards are laid out at the shown width (${width}px)`);
  }
  await page.evaluate(() => {
    window.__added = 0;
    new MutationObserver((records) => { for (const r of records) window.__added += r.addedNodes.length + r.removedNodes.length; })
      .observe(document.getElementById('d').shadowRoot, { childList: true, subtree: true });
  });
  await w.getByRole('tab', { name: '生态振兴' }).click();
  await page.waitForFunction(() => document.getElementById('d').shadowRoot.querySelector('[role=tab][aria-selected=true]')?.textContent.includes('生态振兴'));
  const shown = await page.evaluate(() => {
    const panel = document.getElementById('d').shadowRoot.querySelector('[role=tabpanel]:not([hidden])');
    const card = panel.querySelector('#d-m-ecology-toilets');
    return { added: window.__added, panel: panel.getBoundingClientRect().height, card: card.getBoundingClientRect().height, visibility: getComputedStyle(card).visibility };
  });
  assert.equal(shown.added, 0, 'no node added or removed by the switch');
  assert.ok(shown.panel > 300 && shown.card > 40, `the panel shows (${shown.panel}px, its card ${shown.card}px)`);
  assert.equal(shown.visibility, 'visible');
  assert.equal(await w.getByRole('tabpanel').count(), 1, 'only the shown panel is in the accessibility tree');
  assert.deepEqual(problems, { console: [], thrown: [] });
  await context.close();
});
