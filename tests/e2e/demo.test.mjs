// The demo article as a reader sees it: the widget renders the embedded
// default, every task force can be opened, and nothing leaks into the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, open, shot, rendered, ROOT } from './helpers.mjs';

const data = JSON.parse(await readFile(join(ROOT, 'data/dezhou.json'), 'utf8'));
const STATUS = {
  'not-started': '未启动', 'on-track': '按序时推进', behind: '滞后序时',
  blocked: '受阻', completed: '已完成', dropped: '不再推进',
};

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('the article shows the tracker and every task force opens to its measures', async () => {
  const { page, context, problems } = await open(browser, server.url + '/');
  await rendered(page);
  const widget = page.locator('task-force-tracker');
  await assert.doesNotReject(widget.getByRole('heading', { name: '德州乡村振兴五大专班工作进展' }).waitFor());
  assert.match(await widget.locator('.meta').innerText(), /数据截至 2020年4月17日/);
  assert.match(await widget.locator('.sample-note').innerText(), /示例数据/);
  assert.equal(await page.locator('.fallback').isVisible(), false, 'fallback hidden once rendered');

  const tabs = widget.getByRole('tab');
  assert.equal(await tabs.count(), 5);
  for (const [i, tf] of data.taskForces.entries()) {
    await widget.getByRole('tab', { name: tf.name['zh-Hans'] }).click();
    const panel = widget.getByRole('tabpanel');
    assert.equal(await panel.count(), 1, 'exactly one visible panel');
    assert.equal(await panel.getByRole('heading', { level: 3 }).innerText(), tf.name['zh-Hans']);
    assert.match(await panel.locator('.facts').innerText(), new RegExp(tf.focus['zh-Hans']));
    const items = panel.locator('.measure');
    assert.equal(await items.count(), tf.measures.length, tf.id);
    for (const [j, m] of tf.measures.entries()) {
      const item = items.nth(j);
      assert.equal(await item.locator('.m-title').innerText(), m.title['zh-Hans']);
      assert.equal(await item.locator('.tag').first().innerText(), STATUS[m.status], `${tf.id}/${m.id} status as text`);
      assert.equal(await item.getByRole('progressbar').getAttribute('aria-valuenow'), String(m.progress));
      assert.match(await item.locator('.report').innerText(), /最新汇报 2020年4月17日：示例/);
      assert.equal(await item.locator('.m-title').getByRole('button').getAttribute('aria-expanded'), 'false');
    }
    assert.equal(await tabs.nth(i).getAttribute('aria-selected'), 'true');
  }

  const events = await page.evaluate(() => window.__events);
  const load = events.find((e) => e.type === 'tft-load');
  const { version, ...rest } = load?.detail ?? {};
  assert.deepEqual(rest, { source: 'embedded default data', asOf: '2020-04-17', taskForces: 5, measures: 23 });
  assert.match(version, /^[0-9a-f]{12}$/);
  assert.match(await widget.locator('.version').innerText(), new RegExp(version), 'content hash shown beside the as-of date');
  const selects = events.filter((e) => e.type === 'tft-select').map((e) => e.detail.id);
  assert.deepEqual(selects, ['talent', 'culture', 'ecology', 'organisation'], 'one select per change, none for the already-selected tab');
  assert.deepEqual(problems, { console: [], thrown: [] });
  assert.deepEqual(await page.evaluate(() => window.__hostErrors), []);
  await context.close();
});

test('keyboard: Tab reaches the selected tab, arrows move selection', async () => {
  const { page, context } = await open(browser, server.url + '/');
  await rendered(page);
  const widget = page.locator('task-force-tracker');
  await widget.getByRole('tab', { name: '产业振兴' }).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  const focused = () => page.evaluate(() => document.activeElement.shadowRoot?.activeElement?.querySelector('.tab-name')?.textContent);
  assert.equal(await focused(), '文化振兴');
  assert.equal(await widget.getByRole('tab', { selected: true }).locator('.tab-name').innerText(), '文化振兴');
  await page.keyboard.press('Tab');
  const active = await page.evaluate(() => document.activeElement.shadowRoot?.activeElement?.getAttribute('role'));
  assert.equal(active, 'tabpanel', 'Tab from the tab list moves into the panel, not across tabs');
  await context.close();
});

test('screenshots: phone and desktop, light and dark', async () => {
  for (const [width, scheme] of [[320, 'light'], [375, 'light'], [1280, 'light'], [375, 'dark'], [1280, 'dark']]) {
    const { page, context, problems } = await open(browser, server.url + '/', { width, colorScheme: scheme });
    await rendered(page);
    const widget = page.locator('task-force-tracker');
    if (scheme === 'dark') await widget.evaluate((el) => el.setAttribute('theme', 'dark'));
    await widget.getByRole('tab', { name: '生态振兴' }).click();
    const box = await widget.boundingBox();
    assert.ok(box.width <= width, `widget fits a ${width}px viewport (${box.width})`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no horizontal scroll at ${width}px (${overflow}px)`);
    await shot(page, `demo-${width}-${scheme}`);
    await widget.screenshot({ path: join(ROOT, 'test-output/screenshots', `widget-${width}-${scheme}.png`) });
    assert.deepEqual(problems.thrown, []);
    await context.close();
  }
});
