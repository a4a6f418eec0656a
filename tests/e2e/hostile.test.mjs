// Hostile data: markup, script URLs, bidi controls, huge strings and arrays.
// No script runs, no foreign element appears, links stay http(s), the layout
// stays inside its box, and what cannot be shown is named precisely.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, rendered } from './helpers.mjs';

const NASTY = {
  title: '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">',
  asOf: '2021-06-30',
  source: { title: '"><svg onload="window.__pwned=3">', url: 'https://example.org/a?b=<c>&d="e"' },
  taskForces: [
    {
      id: 'x',
      name: '\u202Egnp.exe\u202C <b>bold</b> \u2066isolate',
      focus: '<iframe src="javascript:window.__pwned=4"></iframe>',
      measures: [
        {
          id: 'long', title: 'W'.repeat(300), status: 'blocked', progress: 5,
          reports: [
            { date: '2021-06-01', note: 'Ж'.repeat(4000), url: 'http://example.org/report' },
            { date: '2021-05-01', note: '<a href="javascript:alert(1)">click</a>' },
          ],
        },
        { id: 'rtl', title: 'مرحبا \u202B<i>embedded</i>', status: 'on-track' },
      ],
    },
  ],
};
const base = () => JSON.parse(JSON.stringify(NASTY));
const REJECTED = {
  'javascript-link': [(d) => { d.taskForces[0].measures[0].reports[0].url = 'javascript:window.__pwned=5'; }, /taskForces\[0\]\.measures\[0\]\.reports\[0\]\.url.*http/s],
  'data-link': [(d) => { d.source.url = 'data:text/html,<script>window.__pwned=6</script>'; }, /source\.url.*http/s],
  'huge-string': [(d) => { d.taskForces[0].measures[1].title = 'x'.repeat(100_000); }, /taskForces\[0\]\.measures\[1\]\.title.*100000 characters long, expected at most 300/s],
  'huge-array': [(d) => { d.taskForces = Array.from({ length: 20_000 }, (_, i) => ({ id: `t${i}`, name: 'n', measures: [] })); }, /taskForces.*20000 entries, expected at most 100/s],
};

let server, browser;
before(async () => {
  const routes = {
    '/data/nasty.json': (req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(NASTY)),
    '/data/deep.json': (req, res) => res.writeHead(200, { 'content-type': 'application/json' })
      .end(`{"title":"deep","asOf":"2021-01-01","taskForces":${'['.repeat(200_000)}${']'.repeat(200_000)}}`),
  };
  for (const [name, [mutate]] of Object.entries(REJECTED)) {
    const d = base();
    mutate(d);
    routes[`/data/${name}.json`] = (req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(d));
  }
  routes['/test/hostile-data.html'] = (req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>h</title><link rel="icon" href="data:,">
<script type="module" src="/task-force-tracker.js"></script></head><body style="max-width:600px">
<task-force-tracker id="nasty" preview src="/data/nasty.json" loading="eager"></task-force-tracker>
<task-force-tracker id="deep" preview src="/data/deep.json" loading="eager"></task-force-tracker>
${Object.keys(REJECTED).map((n) => `<task-force-tracker id="${n}" preview src="/data/${n}.json" loading="eager"></task-force-tracker>`).join('\n')}
</body></html>`);
  };
  server = await serve(routes);
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

test('markup and script in data stay text; links stay http(s); layout stays in its box', async () => {
  const { page, context, problems } = await open(browser, server.url + '/test/hostile-data.html');
  await rendered(page, '#nasty');
  const w = page.locator('#nasty');
  await w.getByRole('button', { name: 'W'.repeat(300), exact: true }).click();
  await page.waitForTimeout(200);
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'no script ran');
  const report = await w.evaluate((el) => {
    const r = el.shadowRoot;
    const tags = new Set([...r.querySelectorAll('*')].map((n) => n.localName));
    const links = [...r.querySelectorAll('a')].map((a) => ({ href: a.getAttribute('href'), rel: a.rel }));
    const tft = r.querySelector('.tft');
    return { tags: [...tags].sort(), links, overflow: tft.scrollWidth - tft.clientWidth, width: el.getBoundingClientRect().width };
  });
  for (const bad of ['script', 'img', 'svg', 'iframe', 'b', 'i']) assert.ok(!report.tags.includes(bad), `no <${bad}> from data: ${report.tags}`);
  assert.deepEqual([...new Set(report.links.map((l) => l.href))].sort(),
    ['http://example.org/report', 'https://example.org/a?b=<c>&d="e"']);
  for (const l of report.links) assert.equal(l.rel, 'noopener noreferrer', l.href);
  assert.ok(report.overflow <= 0, `no horizontal overflow (${report.overflow}px)`);
  assert.ok(report.width <= 600, 'the widget keeps to its column');
  assert.match(await w.locator('.title').innerText(), /<script>window.__pwned = 1<\/script>/);
  assert.equal(await page.evaluate(() => document.querySelectorAll('img, iframe, svg').length), 0);
  assert.deepEqual(problems.thrown, []);
  await context.close();
});

test('what cannot be shown is named: bad links, huge strings and arrays, deep nesting', async () => {
  const { page, context, problems } = await open(browser, server.url + '/test/hostile-data.html');
  for (const [name, [, pattern]] of Object.entries(REJECTED)) {
    await page.locator(`#${name} .tft-error`).waitFor();
    const text = await page.locator(`#${name} .tft-error`).innerText();
    assert.match(text, pattern, `${name}: ${text}`);
    assert.match(text, new RegExp(`/data/${name}.json`));
  }
  await page.locator('#deep .tft-error').waitFor();
  assert.match(await page.locator('#deep .tft-error').innerText(), /\/data\/deep\.json — (not valid JSON|invalid data)/);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(problems.thrown, []);
  assert.deepEqual(await page.evaluate(() => window.__hostErrors), []);
  await context.close();
});

test('a host script that rearranges the shadow DOM cannot leave the widget broken', async () => {
  const { page, context, problems } = await open(browser, server.url + '/');
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await rendered(page);
  const w = page.locator('task-force-tracker');
  // An extension or host script edits the open shadow root behind the widget's back.
  await page.evaluate(() => {
    const root = document.querySelector('task-force-tracker').shadowRoot;
    root.querySelector('.tabs').remove();
    root.querySelector('[role=tabpanel]:not([hidden])').replaceChildren('tampered');
    root.querySelector('header').prepend(document.createElement('marquee'));
  });
  // The next update finds the DOM not as it left it: it is rebuilt whole.
  await page.evaluate(() => document.querySelector('task-force-tracker').setAttribute('selected', 'ecology'));
  assert.equal(await w.getByRole('tab', { selected: true }).locator('.tab-name').innerText(), '生态振兴');
  assert.equal(await w.locator('.tabs').count(), 1);
  assert.equal(await w.locator('marquee').count(), 0);
  await w.getByRole('tab', { name: '文化振兴' }).click();
  assert.match(await w.locator('[role=tabpanel]:not([hidden])').innerText(), /文化/);
  assert.deepEqual(problems.thrown, []);
  assert.deepEqual(problems.console, []);
  assert.equal(warnings.filter((m) => m.includes('changed from outside; rebuilt')).length, 1, warnings.join('\n'));
  await context.close();
});
