// The timeline: each task force's measures on a time axis, drawn as SVG,
// with the same facts in a table; its choice is in the URL fragment.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { serve, launch, open, rendered, shot, axe, ROOT, htmlPage, supports, ENGINE } from './helpers.mjs';

const overdueData = JSON.stringify({
  title: 'Timeline test', asOf: '2021-06-30',
  taskForces: [{ id: 'a', name: 'Alpha', measures: [
    { id: 'late', title: 'Late measure', status: 'behind', progress: 40, start: '2021-01-01', due: '2021-05-31',
      milestones: [{ title: 'Half way', due: '2021-03-31', done: true }, { title: 'Done', due: '2021-05-31' }] },
    { id: 'fine', title: 'Fine measure', status: 'on-track', progress: 60, start: '2021-02-01', due: '2021-12-31' },
    { id: 'open', title: 'No dates yet', status: 'not-started' }] }],
});

let server, browser;
before(async () => {
  server = await serve({
    '/data/t.json': (req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(overdueData),
    '/test/t.html': htmlPage('<task-force-tracker id="t" src="/data/t.json" lang="en" loading="eager"></task-force-tracker>', { lang: 'en' }),
    '/test/dark.html': htmlPage('<task-force-tracker id="t" lang="en" theme="dark" loading="eager"></task-force-tracker>', { lang: 'en' }),
    '/test/default.html': htmlPage('<task-force-tracker id="t" loading="eager"></task-force-tracker>'),
  });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });


test('the reader switches to the timeline; the fragment keeps it; the table states what the picture shows', async () => {
  const { page, context, problems } = await open(browser, server.url + '/test/t.html');
  await rendered(page, '#t');
  const w = page.locator('#t');
  await w.getByRole('button', { name: 'Timeline' }).click();
  assert.match(page.url(), /#t-a\/~timeline$/);
  const svg = w.locator('svg.tl');
  await svg.waitFor();
  assert.equal(await svg.evaluate((e) => e.namespaceURI), 'http://www.w3.org/2000/svg', 'drawn in the SVG namespace');
  assert.ok((await svg.boundingBox()).height > 100, 'drawn, not collapsed');
  const alt = await svg.getAttribute('aria-label');
  assert.match(alt, /3 measures from .* as of 30 Jun 2021, 1 overdue/);

  // Every row of the picture has its row in the table, with the same status words.
  const labels = await w.locator('g.tl-row > text.tl-label').allTextContents();
  await w.getByText('View the timeline as a table').click();
  const rows = await w.locator('.tl-table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
  assert.equal(labels.length, 3);
  assert.equal(rows.length, labels.length);
  for (const [i, [title, status, start, due, progress, , milestones]] of rows.entries()) {
    assert.ok(labels[i].startsWith(title.slice(0, 20)), `${labels[i]} / ${title}`);
    assert.ok(labels[i].endsWith(status), `${labels[i]} ends with ${status}`);
    if (title === 'Late measure') {
      assert.deepEqual([status, start, due, progress, milestones], ['Behind schedule · Overdue', '1 Jan 2021', '31 May 2021', '40%', 'Half way 31 Mar 2021 ✓；Done 31 May 2021']);
    }
  }
  assert.equal(await w.locator('.tl-due.overdue').count(), 1, 'the overdue deadline is marked');
  assert.equal(await w.locator('.tl-ms.done').count(), 1);
  await axe(page, 'timeline with its table open');
  await shot(page, 'timeline-1280-light');

  // Back to the list, and a deep link straight to the timeline.
  await page.goBack();
  await w.locator('.measures').waitFor();
  assert.equal(await w.locator('svg.tl').count(), 0);
  await page.goto(server.url + '/test/t.html#t-a/~timeline');
  await rendered(page, '#t');
  await w.locator('svg.tl').waitFor();
  assert.equal(await w.getByRole('button', { name: 'Timeline' }).getAttribute('aria-pressed'), 'true');
  assert.deepEqual(problems, { console: [], thrown: [] });
  await context.close();
});

test('the timeline at 375 px scrolls in its own box; dark and forced colours keep it visible', async () => {
  for (const [name, url, width, forced] of [['375-light', '/test/default.html', 375, false], ['1280-dark', '/test/dark.html', 1280, false], ['1280-forced', '/test/default.html', 1280, true]]) {
    if (forced && !supports('forced-colors')) continue; // only Chromium's driver can force colours
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    if (forced) await page.emulateMedia({ forcedColors: 'active' });
    await page.goto(server.url + url + '#t-ecology/~timeline');
    await rendered(page, '#t');
    const shown = page.locator('#t').locator('[role=tabpanel]:not([hidden])');
    const box = shown.locator('.tl-scroll');
    await box.waitFor();
    const { scroll, client, page: pageWidth } = await box.evaluate((e) => ({ scroll: e.scrollWidth, client: e.clientWidth, page: document.documentElement.scrollWidth }));
    if (width === 375) {
      assert.ok(scroll > client, 'wider than the phone: it scrolls inside its box');
      assert.ok(pageWidth <= 375, `the page itself does not scroll sideways (${pageWidth})`);
    }
    // The bars are painted: a fill's stroke is a real colour, not none or transparent.
    const stroke = await shown.locator('.tl-fill').first().evaluate((e) => getComputedStyle(e).stroke);
    assert.ok(stroke && stroke !== 'none' && !/rgba\(.*, 0\)/.test(stroke), `${name}: ${stroke}`);
    const track = await shown.locator('.tl-track').first().evaluate((e) => getComputedStyle(e).stroke);
    assert.notEqual(stroke, track, `${name}: progress and track differ`);
    await axe(page, `timeline ${name}`);
    await shown.locator('.timeline').screenshot({ path: join(ROOT, 'test-output/screenshots', `timeline-${name}${ENGINE === 'chromium' ? '' : `-${ENGINE}`}.png`) });
    await context.close();
  }
});
