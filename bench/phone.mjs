// What a phone reader gets: the release folder in an article, Chromium at
// 375 px with its CPU slowed (CDP Emulation.setCPUThrottlingRate; 4 is
// DevTools' mid-tier mobile), fresh loads. For each: time to tft-load from
// navigation, the longest main-thread task and the total blocking time
// (each task's time over 50 ms, summed) from the module's start (the shim's
// `task-force-tracker:module` mark) until the tracker is interactive (tft-load, then the idle preparation of the other task forces),
// and the Event Timing duration of the first task-force click (what INP
// reports), next to a floor measured in the same run: a static button whose
// click does nothing. Prints figures; it asserts nothing.
import { serve, launch } from '../tests/e2e/helpers.mjs';
import { join } from 'node:path';
import { ROOT } from '../tests/e2e/helpers.mjs';

export async function phone({ runs = 7, rates = [1, 4], data = {} } = {}) {
  const DIST = join(ROOT, 'dist/task-force-tracker');
  const article = (src) => `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<link rel="icon" href="data:,"><title>article</title>
<script>
  window.__tasks = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__tasks.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true });
  window.__events = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__events.push([e.name, e.duration, e.target?.id ?? '']); }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  // What each long frame spent in scripts and in the browser's style and
  // layout (Long Animation Frames, Chromium 123+).
  window.__frames = [];
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__frames.push([e.startTime, Math.max(0, ...e.scripts.map((s) => s.duration - s.forcedStyleAndLayoutDuration)), (e.styleAndLayoutStart ? e.startTime + e.duration - e.styleAndLayoutStart : 0) + Math.max(0, ...e.scripts.map((s) => s.forcedStyleAndLayoutDuration))]); }).observe({ type: 'long-animation-frame', buffered: true });
  } catch { /* no LoAF */ }
  document.addEventListener('tft-load', () => { window.__loaded ??= performance.now(); });
</script>
<script type="module" src="/rel/task-force-tracker.js"></script></head>
<body style="margin:0;font:17px/1.7 serif"><main style="padding:0 16px">
<h1>德州召开乡村振兴五大专班专题会议</h1><p>${'文章正文。'.repeat(40)}</p>
<button id="floor" type="button">static</button>
<task-force-tracker id="t"${src ? ` src="${src}"` : ''}><p>进展表</p></task-force-tracker>
<p>${'文章正文。'.repeat(200)}</p></main></body></html>`;
  const routes = { '/article.html': (q, r) => r.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(article()) };
  for (const [name, body] of Object.entries(data)) {
    routes[`/data/${name}.bin`] = (q, r) => r.writeHead(200, { 'content-type': 'application/octet-stream' }).end(body);
    routes[`/${name}.html`] = (q, r) => r.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(article(`/data/${name}.bin`));
  }
  const server = await serve(routes, { '/rel/': DIST });
  const browser = await launch();
  const out = {};
  for (const page of ['article', ...Object.keys(data)]) {
    for (const rate of rates) {
      const rows = [];
      for (let i = 0; i < runs; i++) {
        const ctx = await browser.newContext({ viewport: { width: 375, height: 800 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
        const p = await ctx.newPage();
        const cdp = await ctx.newCDPSession(p);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate });
        await p.goto(`${server.url}/${page}.html`);
        // Polled over bare CDP: Playwright's waitForFunction would first
        // evaluate its own injected script in the page, one task of ~70 ms
        // at 4× counted as the tracker's.
        await until(cdp, 'window.__loaded');
        // Interactive: loaded, and the idle work after it done (quiet for 1 s).
        await until(cdp, `performance.now() - Math.max(window.__loaded, ...window.__tasks.map(([s, d]) => s + d)) > 1000`);
        await cdp.send('Runtime.evaluate', { expression: 'window.__interactive = performance.now()' });
        // A static button: the floor of a click's Event Timing duration.
        await p.locator('#floor').click();
        await p.locator('#t').getByRole('tab').nth(3).click();
        await p.waitForTimeout(300);
        const r = await p.evaluate(() => {
          // The tracker's own: from the module's start (the page's parse
          // and first layout before it are the page's).
          const from = performance.getEntriesByName('task-force-tracker:module')[0]?.startTime ?? 0;
          // Until interactive: the clicks below are measured on their own.
          const until = window.__interactive;
          const tasks = window.__tasks.filter(([s, d]) => s + d > from && s < until).map(([, d]) => d);
          const click = (id) => Math.max(0, ...window.__events.filter(([n, , t]) => (n === 'click' || n === 'pointerup' || n === 'pointerdown') && (id ? t === id : t !== 'floor')).map(([, d]) => d));
          const frames = window.__frames.filter(([s]) => s >= from && s < until);
          return {
            loaded: window.__loaded,
            longest: Math.max(0, ...tasks),
            script: Math.max(0, ...frames.map(([, s]) => s)),
            rendering: Math.max(0, ...frames.map(([, , r]) => r)),
            blocking: tasks.reduce((a, d) => a + Math.max(0, d - 50), 0),
            click: click(''),
            floor: click('floor'),
          };
        });
        rows.push(r);
        await ctx.close();
      }
      const med = (k) => { const s = rows.map((r) => r[k]).sort((a, b) => a - b); return { median: Math.round(s[s.length >> 1]), min: Math.round(s[0]), max: Math.round(s[s.length - 1]) }; };
      out[`${page} ${rate}x`] = {
        loaded: med('loaded'), longestTask: med('longest'), longestScript: med('script'), longestRendering: med('rendering'),
        blocking: med('blocking'), click: med('click'), clickFloor: med('floor'),
      };
    }
  }
  await browser.close();
  await server.close();
  return out;
}

/** Resolves once `expression` is truthy in the page, polled every 100 ms. */
async function until(cdp, expression, timeout = 120_000) {
  for (const end = Date.now() + timeout; Date.now() < end;) {
    const { result } = await cdp.send('Runtime.evaluate', { expression, returnByValue: true });
    if (result.value) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${expression}`);
}

export function print(result) {
  const f = (s) => `${String(s.median).padStart(5)} (${s.min}–${s.max})`;
  console.log('\nPhone, 375 px (medians of fresh loads, ms; from the module\'s start until interactive)');
  console.log(`  ${''.padEnd(19)} ${['tft-load', 'longest task', 'its script', 'its layout', 'blocking', 'first switch', 'floor click'].map((h) => h.padStart(16)).join('')}`);
  for (const [k, v] of Object.entries(result)) {
    console.log(`  ${k.padEnd(19)} ${[v.loaded, v.longestTask, v.longestScript, v.longestRendering, v.blocking, v.click, v.clickFloor].map((x) => f(x).padStart(16)).join('')}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { large } = await import('./large.mjs');
  print(await phone({ runs: Number(process.env.BENCH_RUNS ?? 7), data: { 'measures-2000': large(400), 'file-6.9MB': large(2000) } }));
}
