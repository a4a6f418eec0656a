// Accessibility: axe-core (WCAG 2.0/2.1/2.2 A and AA) finds nothing in any
// state, and everything can be reached and operated from the keyboard alone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { serve, launch, open, rendered, axe, ROOT } from './helpers.mjs';


let server, browser;
before(async () => {
  server = await serve({
    '/data/missing.json': (req, res) => res.writeHead(404).end(),
    '/test/error.html': (req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>error</title>
<link rel="icon" href="data:,"><script type="module" src="/task-force-tracker.js"></script></head>
<body><main><task-force-tracker preview src="/data/missing.json"></task-force-tracker></main></body></html>`);
    },
  });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });


test('axe finds no violations in any state', { timeout: 60_000 }, async () => {
  const { page, context } = await open(browser, server.url + '/');
  await rendered(page);
  const widget = page.locator('task-force-tracker');
  await axe(page, 'initial');
  for (const name of ['产业振兴', '人才振兴', '文化振兴', '生态振兴', '组织振兴']) {
    await widget.getByRole('tab', { name }).click();
    await axe(page, `selected ${name}`);
  }
  await widget.getByRole('tab', { name: '生态振兴' }).click();
  await widget.getByRole('button', { name: '持续推进农村生活污水治理' }).click();
  await axe(page, 'measure expanded');
  await widget.getByRole('searchbox').fill('没有这样的措施');
  await widget.getByText('没有符合条件的措施。').first().waitFor();
  await axe(page, 'filter with no result');
  await widget.getByLabel('范围').selectOption('all');
  await axe(page, 'no result in all task forces');
  await widget.getByRole('searchbox').fill('污水');
  await axe(page, 'results in all task forces');
  await widget.getByRole('button', { name: 'English' }).click();
  await axe(page, 'English');
  await widget.evaluate((el) => el.setAttribute('theme', 'dark'));
  await axe(page, 'dark theme');
  await page.setViewportSize({ width: 320, height: 640 });
  await axe(page, '320 px, dark');
  await widget.evaluate((el) => el.setAttribute('theme', 'light'));
  await axe(page, '320 px, light');
  await context.close();

  const dark = await open(browser, server.url + '/', { colorScheme: 'dark' });
  await rendered(dark.page);
  await dark.page.locator('task-force-tracker').evaluate((el) => el.setAttribute('theme', 'auto'));
  await axe(dark.page, 'theme=auto with a dark system');
  await dark.context.close();

  const err = await open(browser, server.url + '/test/error.html');
  await err.page.locator('task-force-tracker .tft-error').waitFor();
  await axe(err.page, 'error state');
  await err.context.close();
});

test('keyboard only: every control is reached in order and works', async () => {
  const { page, context } = await open(browser, server.url + '/');
  await rendered(page);
  // Start from the element before the widget: the article text has no links,
  // so focus the widget's host and walk with Tab.
  const focused = () => page.evaluate(() => {
    let a = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    return { tag: a.tagName.toLowerCase(), role: a.getAttribute('role'), text: (a.getAttribute('aria-label') || a.textContent || a.placeholder || '').trim().slice(0, 40), act: a.dataset?.act ?? '' };
  });
  await page.evaluate(() => {
    const fig = document.querySelector('figure.embed');
    fig.tabIndex = -1;
    fig.focus();
  });
  const seen = [];
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    const f = await focused();
    seen.push(f.act || f.role || f.tag);
  }
  assert.deepEqual(seen.slice(0, 11), [
    'lang', 'lang', 'download', 'download', 'query', 'status', 'scope', 'tab', 'tabpanel', 'copy', 'toggle',
  ], `tab order: ${seen}`);

  // Operate: switch language with Enter, search by typing, change status with
  // arrows, move tabs with arrows, open a measure with Space.
  const widget = page.locator('task-force-tracker');
  await widget.getByRole('button', { name: 'English' }).focus();
  await page.keyboard.press('Enter');
  assert.equal(await widget.getByRole('tab', { selected: true }).locator('.tab-name').innerText(), 'Industry');
  await page.keyboard.press('Tab'); // JSON
  await page.keyboard.press('Tab'); // CSV
  await page.keyboard.press('Tab'); // search
  await page.keyboard.type('sewage');
  await widget.getByText('No measures match.').first().waitFor(); // sewage is not an industry measure
  await page.keyboard.press('Tab'); // status
  await page.keyboard.press('Tab'); // scope
  await page.keyboard.press('ArrowDown'); // → all task forces
  assert.equal(await widget.locator('.results .measure').count(), 1, 'search across all task forces');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowUp'); // back to this task force
  await page.keyboard.press('Tab'); // clear-filters button is gone: the selected tab
  assert.equal((await focused()).role, 'tab');
  await page.keyboard.press('End');
  assert.equal(await widget.getByRole('tab', { selected: true }).locator('.tab-name').innerText(), 'Organisation');
  await page.keyboard.press('Tab'); // panel
  await page.keyboard.press('Tab'); // copy link
  await page.keyboard.press('Tab'); // first measure
  await page.keyboard.press('Space');
  const first = widget.locator('[role=tabpanel]:not([hidden]) .measure').first();
  assert.equal(await first.locator('.disclosure').getAttribute('aria-expanded'), 'true');
  assert.ok(await first.locator('.details').isVisible());
  await context.close();
});
