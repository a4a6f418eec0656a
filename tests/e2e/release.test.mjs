// The release folder works when copied anywhere: hashed names, relative URLs,
// an npm package.json whose exports exist.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir, access } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, open, rendered, ROOT } from './helpers.mjs';

const DIST = join(ROOT, 'dist/task-force-tracker');
let server, browser;
before(async () => {
  server = await serve({
    '/news/2020/04/article.html': (req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>r</title><link rel="icon" href="data:,">
<script type="module" src="/static/vendor/tft/task-force-tracker.js"></script></head>
<body><task-force-tracker lang="en" loading="eager"><p>fallback</p></task-force-tracker></body></html>`);
    },
    '/news/2020/04/preloaded.html': async (req, res) => {
      const tags = (await readFile(join(DIST, 'preload.html'), 'utf8')).replaceAll('/path/to/task-force-tracker/', '/static/vendor/tft/');
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>r</title><link rel="icon" href="data:,">
<script type="module" src="/static/vendor/tft/task-force-tracker.js"></script>${tags}</head>
<body><task-force-tracker lang="en" loading="eager"><p>fallback</p></task-force-tracker></body></html>`);
    },
  }, { '/static/vendor/tft/': DIST });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

test('the folder is self-contained and content-addressed', async () => {
  const files = await readdir(DIST);
  assert.ok(files.some((f) => /^task-force-tracker-[0-9a-f]{10}\.wasm$/.test(f)), files.join(' '));
  const modules = files.filter((f) => /^task-force-tracker-[0-9a-f]{10}\.js$/.test(f));
  assert.equal(modules.length, 1, 'element and bindings in one module: one request fewer');
  assert.match(await readFile(join(DIST, 'task-force-tracker.js'), 'utf8'), new RegExp(`import '\\./${modules[0]}'`));
  assert.ok(files.includes('LICENSE') && files.includes('README.md'));
  const pkg = JSON.parse(await readFile(join(DIST, 'package.json'), 'utf8'));
  for (const target of [pkg.exports['.'].default, pkg.exports['.'].types, pkg.types]) {
    await access(join(DIST, target));
  }
  assert.match(await readFile(join(DIST, 'README.md'), 'utf8'), /wasm-unsafe-eval/);
});

test('served from another path, the module finds its wasm relative to itself', async () => {
  const { page, context, problems } = await open(browser, server.url + '/news/2020/04/article.html');
  await rendered(page);
  assert.equal(await page.locator('task-force-tracker').getByRole('tab', { selected: true }).locator('.tab-name').innerText(), 'Industry');
  assert.deepEqual(problems, { console: [], thrown: [] });
  await context.close();
});

test("preload.html names this release's module, wasm and default data, each then downloaded once", async () => {
  const tags = await readFile(join(DIST, 'preload.html'), 'utf8');
  const named = [...tags.matchAll(/href="\/path\/to\/task-force-tracker\/([^"]+)"/g)].map((m) => m[1]);
  const files = await readdir(DIST);
  assert.deepEqual(named, [
    files.find((f) => /^task-force-tracker-[0-9a-f]{10}\.js$/.test(f)),
    files.find((f) => /^task-force-tracker-[0-9a-f]{10}\.wasm$/.test(f)),
    files.find((f) => /^task-force-tracker-[0-9a-f]{10}\.json$/.test(f)),
  ]);
  const { page, context, problems } = await open(browser, server.url + '/news/2020/04/preloaded.html');
  const asked = [];
  page.on('request', (r) => asked.push(r.url().split('/').pop()));
  await page.reload();
  await rendered(page);
  for (const name of named) assert.equal(asked.filter((a) => a === name).length, 1, `${name}: ${asked.join(' ')}`);
  assert.deepEqual(problems, { console: [], thrown: [] });
  await context.close();
});
