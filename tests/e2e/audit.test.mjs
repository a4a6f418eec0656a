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

// Every status, 30 measures in one task force (more than one page), a task
// force named only in English, members with a right-to-left override.
const STATUSES = ['completed', 'on-track', 'behind', 'blocked', 'not-started', 'dropped'];
const audit = JSON.stringify({
  title: { 'zh-Hans': '审计计划', en: 'Audit plan' },
  asOf: '2021-06-30',
  sample: true,
  taskForces: [
    {
      id: 'big', name: { 'zh-Hans': '大专班', en: 'Big' },
      members: ['\u202Eabc', 'def'],
      measures: Array.from({ length: 30 }, (_, i) => ({
        id: `m${i + 1}`, title: { 'zh-Hans': `措施${i + 1} 号`, en: `Measure ${i + 1}` },
        status: STATUSES[i % 6], progress: (i * 7) % 100, due: '2021-12-31',
      })),
    },
    { id: 'en-only', name: { en: 'Only in English' }, measures: [{ id: 'x', title: '改厕', status: 'on-track' }] },
  ],
});

let server, browser;
before(async () => {
  server = await serve({
    '/data/audit.json': (req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(audit),
    '/test/audit.html': htmlPage('<task-force-tracker id="a" src="/data/audit.json" loading="eager"></task-force-tracker>'),
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
const hostile = (setup) => open(browser, server.url + '/test/plain.html', { init: setup });

/** The messages of the `tft-error` events the page received. */
const reported = (page) => page.evaluate(() => window.__events.filter((e) => e.type === 'tft-error').map((e) => e.detail.message));

test('a page without TextDecoder: no uncaught error, a reported failure and a line for readers', async () => {
  const { page, context, problems } = await hostile(() => { delete window.TextDecoder; });
  await page.waitForFunction(() => window.__events.filter((e) => e.type === 'tft-error').length >= 2);
  assert.deepEqual(problems.thrown, [], 'nothing reaches window.onerror');
  assert.match((await reported(page))[0], /TextDecoder/);
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

const inShadow = (page, fn, arg) => page.evaluate(([fn, arg]) => {
  const root = document.getElementById('a').shadowRoot;
  return new Function('root', 'arg', `return (${fn})(root, arg)`)(root, arg);
}, [String(fn), arg]);
const focused = (page) => inShadow(page, (root) => {
  const f = root.activeElement;
  return f ? `${f.tagName} ${f.getAttribute('data-act') ?? ''} ${f.textContent.trim().slice(0, 20)}` : document.activeElement.tagName;
});

test('focus stays in the widget when "clear filters" and the last "show more" go away', async () => {
  const { page, context } = await open(browser, server.url + '/test/audit.html');
  await rendered(page, '#a');
  const w = page.locator('#a');
  await w.getByRole('searchbox').fill('措施');
  await w.getByRole('button', { name: '清除筛选' }).focus();
  await page.keyboard.press('Enter');
  assert.match(await focused(page), /^INPUT query/, 'the search box has focus');
  await w.getByRole('button', { name: /显示更多/ }).focus();
  await page.keyboard.press('Enter');
  assert.equal(await w.getByRole('button', { name: /显示更多/ }).count(), 0, 'the last page is shown');
  assert.match(await focused(page), /^BUTTON toggle 措施26 号/, 'focus on the first measure revealed');
  await context.close();
});

test('outside edits to the shadow DOM: restyling is tolerated, a rebuild keeps focus', async () => {
  const { page, context } = await open(browser, server.url + '/test/audit.html');
  await rendered(page, '#a');
  // A dark-mode extension restyles: no rebuild (the very same nodes stay).
  await inShadow(page, (root) => {
    root.querySelector('.title').__mark = 1;
    for (const el of root.querySelectorAll('*')) el.setAttribute('data-darkreader-inline-color', '');
  });
  await page.locator('#a').getByRole('tab').nth(1).click();
  assert.equal(await inShadow(page, (root) => root.querySelector('.title').__mark), 1, 'not rebuilt');
  // A translation extension wraps text in <font>: the next input rebuilds,
  // and the reader's focus stays where it was.
  await page.locator('#a').getByRole('button', { name: 'English', exact: true }).focus();
  await inShadow(page, (root) => {
    const h = root.querySelector('.title');
    const font = document.createElement('font');
    font.append(...h.childNodes);
    h.append(font);
  });
  await page.keyboard.press('Tab');
  assert.match(await focused(page), /^BUTTON download/, 'Tab went on from "English" to the downloads');
  await context.close();
});

test('headings never skip a level, also in the all-task-forces results', async () => {
  const { page, context } = await open(browser, server.url + '/test/audit.html');
  await rendered(page, '#a');
  const w = page.locator('#a');
  await w.getByRole('searchbox').fill('1');
  await w.locator('select[data-act=scope]').selectOption('all');
  await w.locator('.results').waitFor();
  await w.locator('.results button[aria-expanded]').first().click();
  const levels = await inShadow(page, (root) => [...root.querySelectorAll('h1, h2, h3, h4, h5, h6')].filter((h) => h.offsetParent).map((h) => +h.tagName[1]));
  assert.ok(levels.length > 5);
  levels.forEach((l, i) => assert.ok(i === 0 || l <= levels[i - 1] + 1, `h${levels[i - 1]} then h${l}: ${levels}`));
  await context.close();
});

test('every text is marked with the language it is in', async () => {
  const { page, context } = await open(browser, server.url + '/test/audit.html');
  await rendered(page, '#a');
  const w = page.locator('#a');
  assert.equal(await w.locator('.badge.sample [lang=en]').innerText(), 'Sample data');
  await w.getByRole('tab').nth(1).click();
  assert.equal(await w.locator('.tab-name [lang=en]').first().innerText(), 'Only in English', 'an English-only name in the Chinese view');
  await w.getByRole('searchbox').fill('措施');
  await page.waitForFunction(() => /[\u4e00-\u9fff]/.test(document.getElementById("a").shadowRoot.querySelector("[role=status]").textContent));
  await w.getByRole('button', { name: 'English', exact: true }).click();
  const live = await w.locator('[role=status]').innerText();
  assert.doesNotMatch(live, /[\u4e00-\u9fff]/, `no Chinese left in the live region under lang=en: "${live}"`);
  assert.equal(await w.locator('.badge.sample [lang=zh-Hans]').innerText(), '示例数据');
  await context.close();
});

test('a right-to-left override in one member does not reorder the next', async () => {
  const { page, context } = await open(browser, server.url + '/test/audit.html');
  await rendered(page, '#a');
  const xs = await inShadow(page, (root) => {
    const dd = [...root.querySelectorAll('.facts dd')].find((d) => d.textContent.includes('def'));
    const walker = document.createTreeWalker(dd, NodeFilter.SHOW_TEXT);
    let node;
    while ((node = walker.nextNode())) {
      const at = node.data.indexOf('def');
      if (at < 0) continue;
      return [0, 1, 2].map((k) => {
        const r = document.createRange();
        r.setStart(node, at + k); r.setEnd(node, at + k + 1);
        return r.getBoundingClientRect().x;
      });
    }
    return null;
  });
  assert.ok(xs && xs[0] < xs[1] && xs[1] < xs[2], `"def" reads left to right: ${xs}`);
  await context.close();
});

/** WCAG relative luminance contrast of two CSS rgb() colours. */
function contrast(a, b) {
  const lum = (c) => {
    const [r, g, bl] = c.match(/[\d.]+/g).slice(0, 3).map((v) => {
      const s = +v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

test('bar fills are at least 3:1 against their track, light and dark', async () => {
  for (const theme of ['light', 'dark']) {
    const { page, context } = await open(browser, server.url + '/test/audit.html');
    await page.evaluate((t) => document.getElementById('a').setAttribute('theme', t), theme);
    await rendered(page, '#a');
    const pairs = await inShadow(page, (root) => [...root.querySelectorAll('.fill, .seg')].map((f) => ({
      status: f.className, fill: getComputedStyle(f).backgroundColor, track: getComputedStyle(f.parentElement).backgroundColor,
    })));
    const seen = new Set(pairs.map((p) => p.status.replace(/^(fill|seg) /, '')));
    assert.equal(seen.size, 6, `every status drawn: ${[...seen]}`);
    for (const p of pairs) assert.ok(contrast(p.fill, p.track) >= 3, `${theme} ${p.status}: ${p.fill} on ${p.track} is ${contrast(p.fill, p.track).toFixed(2)}`);
    await context.close();
  }
});

/** The share of a box's pixels that differ from its track's background (in the page). */
async function painted(page, selector) {
  // Drawn for the reader: hidden panels' content is laid out, not shown.
  const boxes = await inShadow(page, (root, sel) => [...root.querySelectorAll(sel)].filter((el) => !el.closest('[hidden]')).map((el) => {
    const r = el.getBoundingClientRect();
    return { x: r.x, y: r.y + scrollY, width: r.width, height: r.height };
  }), selector);
  const out = [];
  for (const box of boxes) {
    if (!box.width || !box.height) { out.push(0); continue; }
    const png = await page.screenshot({ clip: box, fullPage: true });
    out.push(await page.evaluate(async (src) => {
      const img = new Image();
      img.src = src;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width; c.height = img.height;
      const g = c.getContext('2d');
      g.drawImage(img, 0, 0);
      const d = g.getImageData(0, 0, c.width, c.height).data;
      let ink = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i] + d[i + 1] + d[i + 2] < 3 * 128) ink++;
      return ink / (d.length / 4);
    }, `data:image/png;base64,${png.toString('base64')}`));
  }
  return out;
}

test('forced colours: bars, dots and the pressed language stay visible and distinct', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, forcedColors: 'active' });
  const page = await context.newPage();
  await page.goto(server.url + '/test/audit.html');
  await rendered(page, '#a');
  const w = page.locator('#a');
  // Dark ink (CanvasText on a white Canvas) in every bar and dot.
  for (const sel of ['.overall .bar', '.tab .bar', '.fill', '.dot']) {
    const shares = await painted(page, sel);
    assert.ok(shares.length > 0, sel);
    const empty = shares.filter((s, i) => s < 0.05 && !(sel === '.fill' && i % 6 === 0));
    assert.deepEqual(empty, [], `${sel}: some drawn with no ink (${shares.map((s) => s.toFixed(2))})`);
  }
  // Filled and empty parts differ: a 0 % bar is mostly Canvas, a 100 % one mostly ink.
  const meters = await painted(page, '.meter');
  const progress = JSON.parse(audit).taskForces[0].measures.slice(0, meters.length).map((m) => m.progress);
  const low = meters[progress.indexOf(0)];
  const high = meters[progress.indexOf(Math.max(...progress))];
  assert.ok(high > low + 0.4, `a fuller bar shows more ink (${low.toFixed(2)} at 0 %, ${high.toFixed(2)} at ${Math.max(...progress)} %)`);
  const pressed = await w.getByRole('button', { name: '简体中文' }).evaluate((b) => getComputedStyle(b).backgroundColor);
  const other = await w.getByRole('button', { name: 'English', exact: true }).evaluate((b) => getComputedStyle(b).backgroundColor);
  assert.notEqual(pressed, other, 'the pressed language differs by more than weight');
  await shot(page, 'audit-forced-colors-1280');
  await context.close();
});

test('every text can be themed through ::part, and --tft-font-size scales badges, buttons and fields', async () => {
  const parts = ['root', 'header', 'title', 'badge', 'updated', 'overall', 'filters', 'tabs', 'tab', 'tab-selected', 'panel',
    'timeline', 'notice', 'error', 'button', 'tag', 'muted', 'overdue', 'label', 'field'];
  const { page, context } = await open(browser, server.url + '/test/audit.html');
  await page.evaluate((parts) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(`${parts.map((p) => `task-force-tracker::part(${p})`).join(', ')} { color: rgb(1, 2, 3); }`);
    document.adoptedStyleSheets = [sheet];
  }, parts);
  await rendered(page, '#a');
  await page.locator('#a').locator('button[aria-expanded]').first().click();
  const missed = await inShadow(page, (root) => [...root.querySelectorAll('*')].filter((el) => el.offsetParent !== null
    && !(el instanceof SVGElement)
    && [...el.childNodes].some((n) => n.nodeType === 3 && n.data.trim())
    && getComputedStyle(el).color !== 'rgb(1, 2, 3)').map((el) => `${el.tagName}.${el.className}`));
  assert.deepEqual(missed, [], 'texts out of reach of ::part');
  await page.evaluate(() => document.getElementById('a').style.setProperty('--tft-font-size', '24px'));
  const sizes = await inShadow(page, (root) => Object.fromEntries(['.tag', '.chip', 'select', 'input'].map((s) => [s, parseFloat(getComputedStyle(root.querySelector(s)).fontSize)])));
  assert.ok(sizes['.tag'] >= 19 && sizes['.chip'] >= 20 && sizes.select >= 23.5 && sizes.input >= 23.5, JSON.stringify(sizes));
  await context.close();
});
