// The embed on a page built like a real newsroom's article (issue #14): the
// release folder under a sub-path, a 56 px sticky site header, the site's own
// CSS with generic class names, a CMS `<base href>`, two embeds (the element
// with the `tft render-html` fallback inside, and a CMS `div` in English) and
// links in the article text to measures.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, launch, open, rendered, shot, axe, ROOT } from './helpers.mjs';

const DIST = join(ROOT, 'dist/task-force-tracker');
const DATA = join(ROOT, 'tests/newsroom/programme.json');
const TFT = join(ROOT, 'target/debug/tft'); // built by `cargo test`
const snapshot = execFileSync(TFT, ['render-html', DATA], { encoding: 'utf8' });
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; require-trusted-types-for 'script'";
const HEADER = 56;
const ARTICLE = '/news/2024/article.html';
const PROGRAMME = JSON.parse(readFileSync(DATA, 'utf8'));
const isOverdue = (m) => !['completed', 'dropped'].includes(m.status) && m.due < PROGRAMME.asOf;
const OVERDUE = PROGRAMME.taskForces.flatMap((t) => t.measures).filter(isOverdue).length;

// What a site's stylesheet does to anything with a common class name.
const SITE_CSS = `
body { margin: 0; font: 18px/1.6 Georgia, serif; }
.site-header { position: sticky; top: 0; height: ${HEADER}px; background: #222; color: #fff; z-index: 10; }
main { max-width: 680px; margin: 0 auto; padding: 0 16px; }
.title { font-size: 40px; color: #c00; text-transform: uppercase; }
.meta { display: none; }
.tag { background: #c00; color: #fff; padding: 4px 12px; border-radius: 0; text-transform: uppercase; }
.note { border: 3px solid orange; padding: 24px; background: #ffe; }
p { margin: 2em 0; }
.spacer { height: 1200px; }
button { background: #c00; color: #fff; font-size: 24px; }
`;

/** The article; `scroll` names how the site keeps anchors clear of its header. */
const article = (scroll, { src = '/news/data/programme.json', preview = false } = {}) => `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>article</title>
<base href="/cms/">
<link rel="icon" href="/news/icon.ico">
<link rel="stylesheet" href="/news/site.css">
<link rel="stylesheet" href="/news/widgets/tft/task-force-tracker-fallback.css">
<link rel="stylesheet" href="/news/${scroll}.css">
<script src="/news/events.js"></script>
<script type="module" src="/news/widgets/tft/task-force-tracker.js"></script>
</head><body>
<header class="site-header">Site header</header>
<main>
<p>文中链接：<a id="link-water" href="${ARTICLE}#air-water/m3">水环境第 3 项措施</a>
和 <a id="link-roads" href="${ARTICLE}#air-roads/m2">公路第 2 项</a>。</p>
<task-force-tracker id="air" src="${src}" loading="eager"${preview ? ' preview' : ''}>${snapshot}</task-force-tracker>
<div class="spacer"></div>
<div data-task-force-tracker id="air-en" data-src="/news/data/programme.json" data-lang="en"></div>
<div class="spacer"></div><div class="spacer"></div>
</main></body></html>`;

// Records CSP violations and host events from the first byte (a file, so
// that the page's own CSP allows it).
const EVENTS_JS = `window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
window.__events = [];
for (const type of ['tft-load', 'tft-error']) document.addEventListener(type, (e) => window.__events.push({ type, target: e.composedPath()[0]?.id ?? '', detail: e.detail }));`;

const page = (body, csp = CSP) => (req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp });
  res.end(body);
};

let server, browser;
before(async () => {
  const json = readFileSync(DATA);
  server = await serve({
    [ARTICLE]: page(article('scroll-padding')),
    '/news/2024/margin.html': page(article('scroll-margin')),
    '/news/2024/broken.html': page(article('scroll-padding', { src: '/news/data/broken.json' })),
    '/news/2024/preview.html': page(article('scroll-padding', { src: '/news/data/broken.json', preview: true })),
    '/news/scroll-padding.css': (req, res) => res.writeHead(200, { 'content-type': 'text/css' }).end('html { scroll-padding-top: 64px; }'),
    '/news/scroll-margin.css': (req, res) => res.writeHead(200, { 'content-type': 'text/css' }).end('task-force-tracker { scroll-margin-top: 64px; }'),
    '/news/icon.ico': (req, res) => res.writeHead(204).end(),
    '/news/site.css': (req, res) => res.writeHead(200, { 'content-type': 'text/css' }).end(SITE_CSS),
    '/news/events.js': (req, res) => res.writeHead(200, { 'content-type': 'text/javascript' }).end(EVENTS_JS),
    '/news/data/programme.json': (req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(json),
    '/news/data/broken.json': (req, res) => res.writeHead(200, { 'content-type': 'application/json' })
      .end(String(json).replace('"status": "blocked"', '"status": "stalled"')),
  }, { '/news/widgets/tft/': DIST });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

const shadow = (page, host, fn, arg) => page.evaluate(([host, fn, arg]) => {
  const root = document.getElementById(host).shadowRoot;
  return new Function('root', 'arg', `return (${fn})(root, arg)`)(root, arg);
}, [host, String(fn), arg]);

/**
 * Top of a measure's card relative to the viewport, once the widget has
 * scrolled it. A link to another page is followed first: until its
 * element is parsed there is none to ask.
 */
const cardTop = (page, host, id) => page.waitForFunction(([host, id]) => {
  const r = document.getElementById(host)?.shadowRoot?.getElementById(id)?.getBoundingClientRect();
  return r && Math.abs(r.top - (window.__lastTop ??= r.top)) < 1 && r.top < innerHeight ? r.top : (window.__lastTop = r?.top, null);
}, [host, id], { polling: 100 }).then((h) => h.jsonValue());

for (const [name, path] of [['scroll-padding-top on the page', ARTICLE], ['scroll-margin-top on the element', '/news/2024/margin.html']]) {
  test(`a deep link lands the measure below the sticky header (${name})`, async () => {
    const { page, context, problems } = await open(browser, server.url + path + '#air-water/m3', { width: 375, height: 700 });
    // Not `rendered()`: that scrolls the element itself into view.
    await page.waitForFunction(() => document.getElementById('air').shadowRoot?.querySelector('.tft:not([data-stage])'));
    const top = await cardTop(page, 'air', 'air-m-water-m3');
    assert.ok(top >= HEADER && top <= 64 + 16, `the card's top is ${top}px, for a ${HEADER}px header and 64px asked`);

    // A link in the text, followed later, lands below the header too.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.locator('#link-roads').click();
    const top2 = await cardTop(page, 'air', 'air-m-roads-m2');
    assert.ok(top2 >= HEADER && top2 <= 64 + 16, `after a link in the text the card's top is ${top2}px`);
    assert.deepEqual(problems, { console: [], thrown: [] });
    await context.close();
  });
}

test('under <base href>, tab clicks and copied links keep the document URL', async () => {
  const { page, context } = await open(browser, server.url + ARTICLE, { width: 1280 });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  await rendered(page, '#air');
  const w = page.locator('#air');
  await w.getByRole('tab').nth(2).click();
  assert.equal(await page.evaluate(() => location.pathname + location.hash), `${ARTICLE}#air-water`);
  await w.getByRole('tabpanel').getByRole('button', { name: /复制链接/ }).first().click();
  await page.waitForFunction(() => document.getElementById('air').shadowRoot.querySelector('[role=status]').textContent.length > 0);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${server.url}${ARTICLE}#air-water`);
  await page.reload();
  await rendered(page, '#air');
  assert.equal(await w.getByRole('tab', { selected: true }).locator('.tab-name').innerText(), '水环境治理专班', 'reload keeps the tab');
  await context.close();
});

test('without a clipboard, "copy link" shows the link in a selected field', async () => {
  const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
  await context.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined });
    document.execCommand = () => false;
  });
  const page = await context.newPage();
  await page.goto(server.url + ARTICLE);
  await rendered(page, '#air');
  const w = page.locator('#air');
  await w.getByRole('tabpanel').getByRole('button', { name: /复制链接/ }).first().click();
  const field = w.getByRole('textbox', { name: /链接/ });
  await field.waitFor();
  assert.ok(await field.isVisible(), 'the field is visible to sighted readers');
  assert.equal(await field.inputValue(), `${server.url}${ARTICLE}#air-dust`);
  const selected = await shadow(page, 'air', (root) => {
    const f = root.activeElement;
    return f && f.tagName === 'INPUT' ? f.value.slice(f.selectionStart, f.selectionEnd) : null;
  });
  assert.equal(selected, `${server.url}${ARTICLE}#air-dust`, 'focused with the link selected, ready to copy');
  await shot(page, 'newsroom-copy-fallback-375');
  await context.close();
});

test('the no-JS fallback is CSP-clean, prefixed, collapsed, dead-control-free and readable', async () => {
  assert.doesNotMatch(snapshot, /\sstyle=/, 'no style attributes');
  const classes = [...snapshot.matchAll(/class="([^"]*)"/g)].flatMap((m) => m[1].split(/\s+/));
  assert.ok(classes.length > 50);
  assert.deepEqual(classes.filter((c) => !c.startsWith('tft-')), [], 'every class is prefixed');

  const noJs = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 800 } });
  const p = await noJs.newPage();
  await p.goto(server.url + ARTICLE);
  const fb = p.locator('#air');
  assert.equal(await fb.locator('button, input, select').count(), 0, 'no controls that need JS');
  assert.equal(await fb.locator('details').count(), 20, 'each measure is a <details>');
  assert.equal(await fb.locator('details[open]').count(), 0, 'collapsed');
  const height = await fb.evaluate((el) => el.getBoundingClientRect().height);
  assert.ok(height < 4000, `fallback is ${height}px tall at 375px`);
  const look = await fb.evaluate((el) => {
    const tag = el.querySelector('[class*="tft-tag"]');
    const cs = getComputedStyle(tag);
    return { meta: getComputedStyle(el.querySelector('.tft-meta')).display, tagUpper: cs.textTransform, text: el.innerText };
  });
  assert.notEqual(look.meta, 'none', 'site CSS does not hide the as-of line');
  assert.equal(look.tagUpper, 'none', 'status tags keep their look');
  assert.match(look.text, /数据截至 2024年6月30日\s*(·|\n)\s*来源/, 'the as-of date and the source are apart');
  // Every measure says its status in words, on its collapsed line.
  const LABELS = { completed: '已完成', 'on-track': '按序时推进', behind: '滞后序时', blocked: '受阻', 'not-started': '未启动', dropped: '不再推进' };
  const shownStatuses = await fb.locator('summary .tft-tag[class*="tft-st-"]').allInnerTexts();
  const dataStatuses = PROGRAMME.taskForces.flatMap((t) => t.measures).map((m) => LABELS[m.status]);
  assert.deepEqual(shownStatuses, dataStatuses);
  await p.locator('#air details').first().locator('summary').click();
  assert.match(await p.locator('#air details').first().innerText(), /第一行/);
  await shot(p, 'newsroom-fallback-nojs-375');
  await noJs.close();

  // With JS, under the README's CSP, the fallback and the widget cause no violation.
  const { page, context } = await open(browser, server.url + ARTICLE);
  await rendered(page, '#air');
  await page.locator('#air-en').scrollIntoViewIfNeeded();
  await rendered(page, '#air-en');
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  await context.close();
});

test('broken data after publication: readers keep the snapshot with a short notice; detail in the console, the event, and preview', async () => {
  const { page, context, problems } = await open(browser, server.url + '/news/2024/broken.html', { width: 375 });
  await page.waitForFunction(() => window.__events.some((e) => e.type === 'tft-error'));
  const w = page.locator('#air');
  const notice = w.locator('[part~="notice"]');
  await notice.waitFor();
  const text = await notice.innerText();
  assert.match(text, /数据暂时无法更新/);
  assert.doesNotMatch(text, /taskForces|line|column|expected|JSON/i, `no developer detail for readers: ${text}`);
  assert.ok(await page.locator('#air .tft-fallback').isVisible(), 'the pasted snapshot stays visible');
  assert.match(await page.locator('#air .tft-fallback').innerText(), /扬尘综合治理专班/);
  const detail = await page.evaluate(() => window.__events.find((e) => e.type === 'tft-error').detail.message);
  assert.match(detail, /taskForces\[0\]\.measures\[3\]\.status/);
  assert.ok(problems.console.some((c) => /taskForces\[0\]\.measures\[3\]\.status/.test(c)), 'the detail is in the console');
  await shot(page, 'newsroom-broken-375');
  await context.close();

  const pv = await open(browser, server.url + '/news/2024/preview.html', { width: 375 });
  await pv.page.locator('#air .tft-error').waitFor();
  assert.match(await pv.page.locator('#air .tft-error').innerText(), /\/news\/data\/broken\.json.*taskForces\[0\]\.measures\[3\]\.status/s);
  await pv.context.close();
});

test('what readers see: names, badges, selects and tabs wrap well; a compact phone layout', async () => {
  for (const width of [375, 1280]) {
    const { page, context } = await open(browser, server.url + ARTICLE, { width });
    await rendered(page, '#air');
    await page.locator('#air-en').scrollIntoViewIfNeeded();
    await rendered(page, '#air-en');
    for (const host of ['air', 'air-en']) {
      const { lonely, checked, names } = await shadow(page, host, (root) => {
        const out = [];
        let checked = 0;
        const names = root.querySelectorAll(':is(.tab-name, .tf-name, .title):not([hidden] *)');
        for (const el of names) {
          // Every character of the name, whatever element its text is in (a <bdi>, a <span lang>).
          const tops = [];
          const texts = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
          for (let text = texts.nextNode(); text; text = texts.nextNode()) {
            for (let i = 0; i < text.length; i++) {
              const r = document.createRange();
              r.setStart(text, i); r.setEnd(text, i + 1);
              const box = r.getBoundingClientRect();
              if (box.width) tops.push(Math.round(box.top));
            }
          }
          if (!tops.length) continue;
          checked++;
          const last = tops.filter((t) => t === tops[tops.length - 1]).length;
          if (new Set(tops).size > 1 && last < 2) out.push(el.textContent);
        }
        return { lonely: out, checked, names: names.length };
      });
      // The title, each task force's tab and the open panel's heading.
      const expected = PROGRAMME.taskForces.length + 2;
      assert.ok(names === expected && checked === names, `${host} at ${width}px: every name measured (${checked} of ${names}, ${expected} expected)`);
      assert.deepEqual(lonely, [], `${host} at ${width}px: no name ends with one character alone on its line`);
      const overdue = await shadow(page, host, (root) => {
        const el = root.querySelector('.overdue-count');
        return { lines: el.getClientRects().length, text: el.textContent };
      });
      assert.equal(overdue.lines, 1, `${host} at ${width}px: "${overdue.text}" on one line`);
      const clipped = await shadow(page, host, (root) => [...root.querySelectorAll('select')].filter((s) => {
        const probe = document.createElement('span');
        probe.style.font = getComputedStyle(s).font;
        probe.style.position = 'absolute';
        probe.textContent = s.options[s.selectedIndex].text;
        document.body.append(probe);
        const need = probe.getBoundingClientRect().width;
        probe.remove();
        return s.getBoundingClientRect().width < need + 28;
      }).map((s) => s.options[s.selectedIndex].text));
      assert.deepEqual(clipped, [], `${host} at ${width}px: no select clips its text`);
    }
    assert.equal(await page.locator('#air-en .overdue-count').innerText(), `${OVERDUE} overdue`);
    if (width === 375) {
      const tabs = await shadow(page, 'air', (root) => root.querySelector('[role=tablist]').getBoundingClientRect().height);
      assert.ok(tabs <= 180, `the tabs take ${tabs}px at 375px`);
    }
    // The reset leaves the intended spacing: the tab row clears the filters' focus rings.
    const gap = await shadow(page, 'air', (root) => {
      const f = root.querySelector('.filters').getBoundingClientRect();
      const t = root.querySelector('.tabs').getBoundingClientRect();
      const p = root.querySelector('[role=tabpanel]:not([hidden])').getBoundingClientRect();
      return { filters: t.top - f.bottom, panel: p.top - t.bottom };
    });
    assert.ok(gap.filters >= 8 && gap.panel >= 8, `spacing ${JSON.stringify(gap)}`);
    await shot(page, `newsroom-${width}-light`);
    await context.close();
  }
  const dark = await open(browser, server.url + ARTICLE, { width: 375, colorScheme: 'dark' });
  await dark.page.evaluate(() => document.getElementById('air').setAttribute('theme', 'auto'));
  await rendered(dark.page, '#air');
  await shot(dark.page, 'newsroom-375-dark');
  await dark.context.close();
  const dark2 = await open(browser, server.url + ARTICLE, { width: 1280, colorScheme: 'dark' });
  await dark2.page.evaluate(() => document.getElementById('air').setAttribute('theme', 'dark'));
  await rendered(dark2.page, '#air');
  await shot(dark2.page, 'newsroom-1280-dark');
  await dark2.context.close();
});

test('searching: tab labels stay short, and matches in other task forces are pointed to', async () => {
  const { page, context } = await open(browser, server.url + ARTICLE, { width: 375 });
  await rendered(page, '#air');
  const w = page.locator('#air');
  await w.getByRole('searchbox').fill('公路');
  await w.locator('.count').waitFor();
  const lines = await shadow(page, 'air', (root) => [...root.querySelectorAll('.tab-count')].map((c) => c.getClientRects().length));
  assert.ok(lines.every((n) => n === 1), `tab counts on one line: ${lines}`);
  const elsewhere = w.getByRole('button', { name: /在全部专班中查看/ });
  assert.match(await w.locator('.filters').innerText(), /其他专班另有 5 项/);
  await elsewhere.click();
  assert.equal(await w.locator('.results .measure').count(), 5);
  await context.close();
});

test('version in words, report line breaks, one report shown once', async () => {
  const { page, context } = await open(browser, server.url + ARTICLE, { width: 1280 });
  await rendered(page, '#air');
  const w = page.locator('#air');
  assert.doesNotMatch(await w.locator('header.head').innerText(), /版本/, 'no bare version in the header');
  assert.match(await w.locator('.about').innerText(), /数据版本 [0-9a-f]{12}/);
  const card = w.locator('#air-m-dust-m2');
  await card.locator('button[aria-expanded]').click();
  const note = await card.locator('.report').innerText();
  assert.match(note, /第一行：[^\n]*\n第二行/, 'the line break in the note is kept');
  const times = (await card.innerText()).split('第一行').length - 1;
  assert.equal(times, 1, 'a single report is shown once');
  await context.close();
});

test('overdue measures: counted on each task force, and a filter lists them', async () => {
  // CSP bypassed so that axe-core can be injected.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  const page = await context.newPage();
  await page.goto(server.url + ARTICLE);
  await rendered(page, '#air');
  const w = page.locator('#air');
  for (const [i, tf] of PROGRAMME.taskForces.entries()) {
    const n = tf.measures.filter(isOverdue).length;
    const label = await w.getByRole('tab').nth(i).innerText();
    if (n) assert.match(label, new RegExp(`${n} 项逾期`), label);
    else assert.doesNotMatch(label, /逾期/, label);
  }
  await w.locator('select[data-act=status]').selectOption('overdue');
  await w.locator('select[data-act=scope]').selectOption('all');
  await w.locator('.results').waitFor();
  const cards = w.locator('.results .measure');
  assert.equal(await cards.count(), OVERDUE);
  for (let i = 0; i < OVERDUE; i++) assert.match(await cards.nth(i).locator('.tags').innerText(), /已逾期/);
  await axe(page, 'overdue filter');
  await context.close();
});
