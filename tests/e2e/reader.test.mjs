// Reading the tracker: measure details, filter and search, deep links with
// Back/Forward, copy link, downloads, the language switch and print.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, open, rendered, shot, ROOT, htmlPage, unless } from './helpers.mjs';

const DATA = await readFile(join(ROOT, 'data/dezhou.json'), 'utf8');
const page2 = (body) => htmlPage(`<main>${body}</main>`);

const LONG = JSON.stringify({
  title: 'Long', asOf: '2021-06-30',
  taskForces: [{ id: 'a', name: 'A', measures: Array.from({ length: 60 }, (_, i) => ({ id: `m${i}`, title: `Measure ${i}`, status: 'on-track' })) },
    { id: 'b', name: 'B', measures: [] }],
});

let server, browser;
before(async () => {
  server = await serve({
    '/data/long.json': (req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(LONG),
    '/test/long.html': page2('<task-force-tracker id="long" src="/data/long.json" lang="en"></task-force-tracker>'),
    '/test/two.html': page2(`<task-force-tracker id="a"></task-force-tracker>
<div style="height:1500px"></div><task-force-tracker id="b" lang="en"></task-force-tracker>`),
  });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

const selectedName = (w) => w.getByRole('tab', { selected: true }).locator('.tab-name').innerText();
const live = (w) => w.getByRole('status').innerText();

test('a measure\'s meter fills to its progress and marks the schedule where their percentages say', async () => {
  const { page, context } = await open(browser, server.url + '/', { width: 375, height: 800 });
  await rendered(page);
  const meters = await page.evaluate(() => [...document.querySelector('task-force-tracker').shadowRoot
    .querySelectorAll('[role=tabpanel]:not([hidden]) [role=progressbar]')].map((m) => {
    const b = m.getBoundingClientRect();
    const f = m.querySelector('.fill').getBoundingClientRect();
    const k = m.querySelector('.mark')?.getBoundingClientRect();
    return {
      progress: Number(m.getAttribute('aria-valuenow')),
      schedule: Number(/·\D*(\d+)%/.exec(m.getAttribute('aria-valuetext'))?.[1] ?? NaN),
      width: b.width,
      fill: [f.left - b.left, f.top - b.top, f.width, f.bottom - b.bottom],
      mark: k && [k.left + k.width / 2 - b.left, k.top - b.top, k.bottom - b.bottom, k.width],
    };
  }));
  assert.ok(meters.length >= 4 && meters.some((m) => m.mark), `${meters.length} meters`);
  for (const m of meters) {
    const near = (a, b, what) => assert.ok(Math.abs(a - b) <= 1, `${what}: ${a.toFixed(1)} px, expected ${b.toFixed(1)} (${JSON.stringify(m)})`);
    near(m.fill[0], 0, 'the fill starts at the track\'s start');
    near(m.fill[1], 0, 'the fill\'s top is the track\'s');
    near(m.fill[3], 0, 'the fill\'s bottom is the track\'s');
    near(m.fill[2], m.width * m.progress / 100, `the fill's width at ${m.progress}%`);
    if (!m.mark) continue;
    near(m.mark[0], m.width * m.schedule / 100, `the schedule mark at ${m.schedule}%`);
    near(m.mark[1], -3, 'the mark stands 3 px above the track');
    near(m.mark[2], 3, 'and 3 px below it');
    near(m.mark[3], 2, 'the mark is 2 px wide');
  }
  await context.close();
});

test('a measure opens to its milestones and full history, newest first, without moving the page', async () => {
  const { page, context } = await open(browser, server.url + '/');
  await rendered(page);
  const w = page.locator('task-force-tracker');
  const button = w.getByRole('button', { name: '大力发展富民乡村产业', exact: true });
  await button.scrollIntoViewIfNeeded();
  const y = await page.evaluate(() => scrollY);
  await button.click();
  assert.equal(await button.getAttribute('aria-expanded'), 'true');
  const details = w.locator(`#${await button.getAttribute('aria-controls')}`);
  const history = details.locator('.history li');
  assert.equal(await history.count(), 2);
  assert.match(await history.nth(0).innerText(), /2020年4月17日\s*滞后序时\s*15%/);
  assert.match(await history.nth(1).innerText(), /2020年3月20日\s*按序时推进\s*10%/);
  assert.equal(await page.evaluate(() => location.hash), '#dezhou-tracker-industry/rural-industries');
  assert.equal(await page.evaluate(() => scrollY), y, 'the page does not jump');

  await w.getByRole('tab', { name: '生态振兴' }).click();
  await w.getByRole('button', { name: '抓好农村改厕规范升级和后续管护', exact: true }).click();
  const ms = w.locator('[role=tabpanel]:not([hidden]) .milestones li');
  assert.deepEqual(await ms.allInnerTexts(), ['已完成 2020年3月31日：完成排查', '待完成 2020年7月31日：整改过半']);
  await w.getByRole('button', { name: '持续推进农村生活污水治理', exact: true }).click();
  assert.match(await w.locator('[role=tabpanel]:not([hidden]) .milestones li.late').innerText(), /已逾期 2020年4月10日：完成招标/);
  // Schedule progress is shown with text beside the reported figure.
  const bar = w.getByRole('progressbar', { name: /持续推进农村生活污水治理/ });
  assert.equal(await bar.getAttribute('aria-valuetext'), '已报进度 12% · 序时进度 29%');
  await shot(page, 'measure-expanded-1280');
  await context.close();
});

test('filter by status and search in Chinese, in one task force or all, with live counts', async () => {
  const { page, context } = await open(browser, server.url + '/');
  await rendered(page);
  const w = page.locator('task-force-tracker');
  const visible = w.locator('[role=tabpanel]:not([hidden]) .measure');
  assert.equal(await visible.count(), 5);

  await w.getByLabel('状态').selectOption('behind');
  assert.equal(await visible.count(), 1, 'industry has one measure behind schedule');
  assert.match(await live(w), /显示 1\/5 项措施/);
  assert.match(await w.getByRole('tab', { name: /人才振兴/ }).innerText(), /1 项符合/, 'tabs show matches');

  await w.getByLabel('范围').selectOption('all');
  const results = w.locator('.results .measure');
  assert.equal(await results.count(), 4);
  assert.match(await live(w), /显示 4\/23 项措施/);
  assert.deepEqual(await w.locator('.results h3').allInnerTexts(), ['产业振兴', '人才振兴', '生态振兴', '组织振兴']);

  await w.getByLabel('状态').selectOption('');
  await w.getByRole('searchbox').fill('污水'); // substring, no word splitting
  assert.equal(await results.count(), 1);
  assert.equal(await results.locator('.m-title').innerText(), '持续推进农村生活污水治理');
  await w.getByRole('searchbox').fill('招标延后'); // matches a report note
  assert.equal(await results.count(), 1);
  await w.getByRole('searchbox').fill('火星');
  assert.equal(await results.count(), 0);
  assert.match(await w.locator('.results').innerText(), /没有符合条件的措施。/);
  assert.equal(await live(w), '没有符合条件的措施。');

  // Selecting a task force leaves the all-task-forces results.
  await w.getByRole('button', { name: '清除筛选' }).click();
  assert.equal(await w.getByRole('searchbox').inputValue(), '');
  await w.getByRole('tab', { name: '文化振兴' }).click();
  assert.equal(await w.getByLabel('范围').inputValue(), 'one');
  assert.equal(await visible.count(), 5);

  // Latin text matches in any case.
  await w.getByRole('button', { name: 'English' }).click();
  await w.getByRole('searchbox').fill('FOUR VIRTUES');
  assert.equal(await visible.count(), 1);
  await context.close();
});

test('deep links: load a fragment, Back and Forward, copy link', async () => {
  const { page, context } = await open(browser, server.url + '/#dezhou-tracker-ecology/toilets');
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  await rendered(page);
  const w = page.locator('task-force-tracker');
  assert.equal(await selectedName(w), '生态振兴');
  assert.equal(await w.getByRole('button', { name: '抓好农村改厕规范升级和后续管护', exact: true }).getAttribute('aria-expanded'), 'true');

  await w.getByRole('tab', { name: '人才振兴' }).click();
  await w.getByRole('tab', { name: '文化振兴' }).click();
  assert.equal(await page.evaluate(() => location.hash), '#dezhou-tracker-culture');
  await page.goBack();
  assert.equal(await selectedName(w), '人才振兴');
  await page.goBack();
  assert.equal(await selectedName(w), '生态振兴');
  assert.equal(await w.getByRole('button', { name: '抓好农村改厕规范升级和后续管护', exact: true }).getAttribute('aria-expanded'), 'true');
  await page.goForward();
  assert.equal(await selectedName(w), '人才振兴');

  await w.locator('[role=tabpanel]:not([hidden]) .panel-head').getByRole('button', { name: /复制链接/ }).click();
  await w.getByRole('status').filter({ hasText: '链接已复制' }).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, `${server.url}/#dezhou-tracker-talent`);
  await context.close();
});

test('two widgets on one page keep separate fragments and history', async () => {
  const { page, context } = await open(browser, server.url + '/test/two.html#b-culture');
  const a = page.locator('#a');
  const b = page.locator('#b');
  await rendered(page, '#a');
  await rendered(page, '#b');
  assert.equal(await selectedName(a), '产业振兴');
  assert.equal(await selectedName(b), 'Culture', 'the fragment names b, not a');

  await a.getByRole('tab', { name: '生态振兴' }).click();
  assert.equal(await page.evaluate(() => location.hash), '#a-ecology');
  assert.equal(await selectedName(b), 'Culture', 'b is untouched by a\'s fragment');
  await b.getByRole('tab', { name: 'Talent' }).click();
  assert.equal(await selectedName(a), '生态振兴');
  await page.goBack();
  assert.equal(await selectedName(b), 'Culture');
  assert.equal(await selectedName(a), '生态振兴', 'a keeps its state when b goes back');
  await page.goBack();
  assert.equal(await selectedName(a), '产业振兴');
  assert.equal(await selectedName(b), 'Culture');
  await context.close();
});

test('download data as JSON and CSV', async () => {
  const { page, context } = await open(browser, server.url + '/');
  await rendered(page);
  const w = page.locator('task-force-tracker');
  const version = await w.locator('.version code').innerText();
  const read = async (name) => {
    const [download] = await Promise.all([page.waitForEvent('download'), w.getByRole('button', { name }).click()]);
    return { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
  };
  const json = await read('下载数据 json');
  assert.equal(json.name, `dezhou-tracker-${version}.json`);
  // The embedded default is stored without indentation (build.rs): the same data.
  assert.deepEqual(JSON.parse(json.text), JSON.parse(DATA), 'exactly the data shown');
  const csv = await read('下载数据 csv');
  assert.equal(csv.name, `dezhou-tracker-${version}.csv`);
  const lines = csv.text.split('\r\n').filter(Boolean);
  assert.equal(lines.length, 24, 'header + 23 measures');
  assert.ok(lines[0].startsWith('\ufefftask_force_id,task_force,measure_id,measure,status'));
  assert.ok(lines.some((l) => l.startsWith('ecology,生态振兴,sewage,持续推进农村生活污水治理,behind,滞后序时,12,29,')));
  await context.close();
});

test('language: attribute, page language, and the switch', async () => {
  const { page, context } = await open(browser, server.url + '/test/two.html');
  await rendered(page, '#b');
  assert.equal(await selectedName(page.locator('#a')), '产业振兴', 'page lang zh-CN');
  const b = page.locator('#b');
  assert.equal(await selectedName(b), 'Industry', 'lang="en"');
  assert.match(await b.locator('.meta').innerText(), /Data as of 17 Apr 2020/);
  await b.getByRole('button', { name: '简体中文' }).click();
  assert.equal(await selectedName(b), '产业振兴');
  assert.equal(await b.getByRole('button', { name: '简体中文' }).getAttribute('aria-pressed'), 'true');
  await b.evaluate((el) => el.setAttribute('lang', 'zh-HK'));
  assert.match(await b.locator('.meta').innerText(), /資料截至 2020年4月17日/);
  await context.close();
});

test('print shows every task force and measure expanded', { skip: unless('print-media') }, async () => {
  const { page, context } = await open(browser, server.url + '/');
  await rendered(page);
  const w = page.locator('task-force-tracker');
  await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print' });
  assert.equal(await w.locator('section.panel').count(), 5, 'every task force, one after another');
  assert.equal(await w.locator('.measure').count(), 23);
  assert.equal(await w.getByRole('button').count(), 0, 'no controls on paper');
  assert.equal(await w.locator('.details:not([hidden])').count(), 23);
  assert.equal(await w.getByRole('tablist').isVisible(), false, 'controls are left off paper');
  await shot(page, 'print');
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => dispatchEvent(new Event('afterprint')));
  assert.equal(await w.locator('[role=tabpanel]:not([hidden])').count(), 1);
  await context.close();
});

test('long lists come 25 at a time, with "show more"; a deep link reaches past the first page', async () => {
  const { page, context } = await open(browser, server.url + '/test/long.html');
  await rendered(page, '#long');
  const w = page.locator('#long');
  const items = w.locator('[role=tabpanel]:not([hidden]) .measure');
  assert.equal(await items.count(), 25);
  const more = w.getByRole('button', { name: 'Show more (35 more)' });
  await more.click();
  assert.equal(await items.count(), 50);
  assert.equal(await page.evaluate(() => document.activeElement.shadowRoot.activeElement?.textContent), 'Show more (10 more)', 'focus stays on the button');
  await w.getByRole('button', { name: 'Show more (10 more)' }).click();
  assert.equal(await items.count(), 60);
  assert.equal(await w.getByRole('button', { name: /Show more/ }).count(), 0);
  await w.getByRole('searchbox').fill('Measure');
  assert.equal(await items.count(), 25, 'a new filter starts from the first page');
  await context.close();

  const deep = await open(browser, server.url + '/test/long.html#long-a/m42');
  await rendered(deep.page, '#long');
  const open42 = deep.page.locator('#long').getByRole('button', { name: 'Measure 42', exact: true });
  assert.equal(await open42.getAttribute('aria-expanded'), 'true');
  await deep.context.close();
});
