// The embed contract is declared once, in Rust (src/embed.rs, src/view/act.rs,
// src/words/, src/controller/effect.rs), and printed by `tft contract`. What
// JS must repeat is held against that output here, by running both: the
// shim's observed attributes and its one notice (in a real browser), the
// actions the end-to-end tests select controls by, and the release's
// TypeScript declarations (type-checked with tsc against the Rust values).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { serve, launch, open, htmlPage, ROOT } from './helpers.mjs';

const TFT = join(ROOT, 'target/debug/tft'); // built by `cargo test`
const contract = JSON.parse(execFileSync(TFT, ['contract'], { encoding: 'utf8' }));

let server, browser;
before(async () => {
  server = await serve({
    '/test/en.html': htmlPage('<task-force-tracker id="w" loading="eager"><p>fallback</p></task-force-tracker>', { lang: 'en' }),
    '/test/hans.html': htmlPage('<task-force-tracker id="w" loading="eager"><p>备用</p></task-force-tracker>', { lang: 'zh-CN' }),
    '/test/hant.html': htmlPage('<task-force-tracker id="w" loading="eager"><p>備用</p></task-force-tracker>', { lang: 'zh-TW' }),
  });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

test('the shim observes exactly the attributes Rust declares, for the tag Rust declares', async () => {
  const { page, context } = await open(browser, server.url + '/test/en.html');
  const observed = await page.evaluate((tag) => customElements.get(tag)?.observedAttributes, contract.tag);
  assert.deepEqual(observed, contract.attributes);
  // And the tracker follows each of them: a change reaches Rust (a bad value is named).
  await page.locator('#w').getByRole('tab').first().waitFor();
  const warned = [];
  page.on('console', (m) => m.type() === 'warning' && warned.push(m.text()));
  await page.evaluate(() => document.getElementById('w').setAttribute('theme', 'purple'));
  await page.waitForTimeout(100);
  assert.ok(warned.some((w) => w.includes('theme="purple"')), warned.join('\n'));
  await context.close();
});

test('the notice shown when the module cannot run is the words table’s, in each language', async () => {
  for (const [path, lang] of [['/test/en.html', 'en'], ['/test/hans.html', 'zh-Hans'], ['/test/hant.html', 'zh-Hant']]) {
    // No TextDecoder: the bindings cannot load, and the shim reports it.
    const { page, context } = await open(browser, server.url + path, { init: () => { delete window.TextDecoder; } });
    const notice = page.locator('#w [part="notice"]');
    await notice.waitFor();
    assert.equal(await notice.innerText(), contract.cannotRun[lang], path);
    assert.equal(await notice.getAttribute('lang'), lang, path);
    await context.close();
  }
});

test('every action the end-to-end tests select controls by is one Rust declares', () => {
  const used = new Set();
  for (const file of readdirSync(join(ROOT, 'tests/e2e')).filter((f) => f.endsWith('.mjs'))) {
    const text = readFileSync(join(ROOT, 'tests/e2e', file), 'utf8');
    for (const m of text.matchAll(/data-act=["']?([a-z-]+)/g)) used.add(m[1]);
  }
  assert.ok(used.size >= 2, [...used].join(', '));
  for (const act of used) assert.ok(contract.acts.includes(act), `${act} is not one of ${contract.acts.join(', ')}`);
});

test('the TypeScript declarations describe the values Rust sends', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tft-dts-'));
  copyFileSync(join(ROOT, 'www/task-force-tracker.d.ts'), join(dir, 'task-force-tracker.d.ts'));
  const { examples } = contract;
  // Object literals: tsc refuses a field the declarations lack, and a missing one.
  writeFileSync(join(dir, 'check.ts'), `import type {
  TaskForceTrackerElement, TaskForceTrackerLoadDetail, TaskForceTrackerSelectDetail,
  TaskForceTrackerErrorDetail, TaskForceTrackerSummary,
} from './task-force-tracker';
const load: TaskForceTrackerLoadDetail = ${JSON.stringify(examples['tft-load'])};
const select: TaskForceTrackerSelectDetail = ${JSON.stringify(examples['tft-select'])};
const error: TaskForceTrackerErrorDetail = ${JSON.stringify(examples['tft-error'])};
const summary: TaskForceTrackerSummary = ${JSON.stringify(examples.summary)};
declare const el: TaskForceTrackerElement;
el.addEventListener('tft-load', (e) => e.detail.measures.toFixed());
el.addEventListener('tft-select', (e) => e.detail.name.trim());
el.addEventListener('tft-error', (e) => e.detail.message.trim());
const live: TaskForceTrackerSummary | null = el.summary;
const tracker: TaskForceTrackerElement = document.createElement('${contract.tag}');
export { load, select, error, summary, live, tracker };
`);
  const tsc = join(ROOT, 'node_modules/.bin/tsc');
  const args = ['--noEmit', '--strict', '--exactOptionalPropertyTypes', '--target', 'es2022', '--module', 'es2022',
    '--moduleResolution', 'bundler', '--lib', 'es2022,dom', join(dir, 'check.ts')];
  try {
    execFileSync(tsc, args, { encoding: 'utf8' });
  } catch (e) {
    assert.fail(`tsc: ${e.stdout}${e.stderr}`);
  }
  // The check can fail: a field Rust does not send is refused.
  writeFileSync(join(dir, 'bad.ts'), `import type { TaskForceTrackerLoadDetail } from './task-force-tracker';
const load: TaskForceTrackerLoadDetail = ${JSON.stringify({ ...examples['tft-load'], taskforces: 5 })};
export { load };
`);
  assert.throws(() => execFileSync(tsc, [...args.slice(0, -1), join(dir, 'bad.ts')], { encoding: 'utf8', stdio: 'pipe' }));
});
