// Links in the article text to a measure: following one (or setting
// location.hash) opens the measure and brings it into view.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, rendered, htmlPage } from './helpers.mjs';

let server, browser;
before(async () => {
  server = await serve({
    '/test/article.html': htmlPage(`<article>
      <p><a id="to-measure" href="#t-ecology/sewage">the sewage measure</a></p>
      <task-force-tracker id="t" lang="en" loading="eager"></task-force-tracker>
      <div style="height: 3000px"></div></article>`, { lang: 'en' }),
  });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

/** Resolves once the element with `id` in the widget's shadow root is in the viewport. */
const scrolledTo = (page, id) => page.waitForFunction((id) => {
  const r = document.getElementById('t').shadowRoot.getElementById(id)?.getBoundingClientRect();
  return r && r.top > -2 && r.top < innerHeight; // -2: sub-pixel positions at the top edge
}, id);

test('a link in the article text opens the measure and brings it into view', async () => {
  const { page, context, problems } = await open(browser, server.url + '/test/article.html', { width: 375, height: 700 });
  await rendered(page, '#t');
  await page.locator('#to-measure').click();
  const card = page.locator('#t #t-m-ecology-sewage');
  await card.waitFor();
  await scrolledTo(page, 't-m-ecology-sewage');
  assert.equal(await card.locator('button[aria-expanded]').first().getAttribute('aria-expanded'), 'true');

  // Back at the top, setting location.hash scrolls as well.
  await page.evaluate(() => { window.scrollTo(0, 0); location.hash = '#t-culture'; });
  await page.evaluate(() => { location.hash = '#t-ecology/waste'; });
  await page.locator('#t #t-m-ecology-waste').waitFor();
  await scrolledTo(page, 't-m-ecology-waste');
  assert.deepEqual(problems, { console: [], thrown: [] });
  await context.close();
});
