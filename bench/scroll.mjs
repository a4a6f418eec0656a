// How often a reader who scrolls straight down the demo article from the
// moment it loads sees the page move: fresh loads at phone and desktop
// widths, the wheel driven as the CLS test drives it (300 px every 60 ms,
// `scrollPastTracker` in tests/e2e/helpers.mjs). For each load: its CLS, when the tracker's first view
// showed (tft-load, ms from navigation) and how far the page had scrolled
// then. Prints figures; it asserts nothing. `node bench/scroll.mjs [LOADS]`
// after `bash scripts/release.sh --browser` (the demo serves www/).
import { serve, launch, open, scrollPastTracker } from '../tests/e2e/helpers.mjs';

const loads = Number(process.argv[2] ?? 20);
const server = await serve();
const browser = await launch();
for (const [width, height] of [[375, 740], [1280, 900]]) {
  const rows = [];
  for (let i = 0; i < loads; i++) {
    const init = () => document.addEventListener('tft-load', () => { window.__shown ??= [performance.now(), scrollY]; });
    const { page, context } = await open(browser, server.url + '/', { width, height, init });
    const cls = await scrollPastTracker(page);
    rows.push({ cls, ...(await page.evaluate(() => ({ at: window.__shown[0], scrolled: window.__shown[1] }))) });
    await context.close();
  }
  const moved = rows.filter((r) => r.cls > 0.01);
  const worst = Math.max(...rows.map((r) => r.cls));
  const at = rows.map((r) => r.at).sort((a, b) => a - b);
  const still = rows.filter((r) => r.scrolled === 0).length;
  console.log(`${width} px: the page moved (CLS > 0.01) in ${moved.length} of ${loads} loads, worst CLS ${worst.toFixed(4)}; `
    + `the view showed at ${Math.round(at[at.length >> 1])} ms median (${Math.round(at[0])}–${Math.round(at[at.length - 1])}), before any scroll in ${still}`);
}
await browser.close();
await server.close();
