// The data desk (www/desk/, issue #13): a liaison officer goes from a WPS
// GB18030 export to a published JSON and a preview with no terminal, under
// the widget's strict CSP, with the same checks and words as `tft`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, readFile, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { serve, launch, open, shot, axe, ROOT, WWW } from './helpers.mjs';

const OFFICE = join(ROOT, 'tests/office');
const TFT = join(ROOT, 'target/debug/tft'); // built by `cargo test`
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; require-trusted-types-for 'script'";

/** What `tft import-csv` says of a file, and the JSON it writes (if any). */
function tft(file, lang) {
  const out = `/tmp/desk-e2e-${process.pid}-${file}.json`;
  const run = spawnSync(TFT, ['import-csv', join(OFFICE, file), '--title', '测试计划', '--as-of', '2024-06-30', '-o', out, '--lang', lang],
    { encoding: 'utf8' });
  const ok = run.status === 0;
  return { ok, json: ok ? JSON.parse(readFileSync(out, 'utf8')) : null, text: run.stderr };
}

let server, browser;
before(async () => {
  const page = (file, type) => async (req, res) => {
    const body = await promisify(readFile)(join(WWW, 'desk', file));
    res.writeHead(200, { 'content-type': type, 'content-security-policy': CSP }).end(body);
  };
  server = await serve({
    '/desk/': page('index.html', 'text/html; charset=utf-8'),
  }, { '/rel/': join(ROOT, 'dist/task-force-tracker') });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

/** The desk, recording CSP violations from the first byte. */
const openDesk = (options = {}) => open(browser, server.url + '/desk/', {
  contextOptions: { acceptDownloads: true, ...options },
  init: () => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  },
});

test('a WPS GB18030 export becomes the published JSON and a preview in both languages, under the strict CSP', async () => {
  const { page, context, problems } = await openDesk();
  await page.getByLabel('计划名称（中文）*').fill('测试计划');
  await page.getByLabel(/数据截至日期/).fill('2024-06-30');
  await page.locator('#file').setInputFiles(join(OFFICE, 'wps-gb18030.csv'));
  const status = page.locator('#status');
  await assert.doesNotReject(page.waitForFunction(() => /没有发现问题/.test(document.getElementById('status').textContent)));
  assert.match(await page.locator('#name').innerText(), /GB18030/);
  const expected = tft('wps-gb18030.csv', 'zh');
  assert.ok(expected.ok, expected.text);
  // The same summary and notes as tft, word for word.
  const summary = expected.text.match(/已导入：(.*)；写入/)[1];
  assert.match(await status.innerText(), new RegExp(summary.replace(/[()（）]/g, '.')));
  for (const note of expected.text.split('\n').filter((l) => l.includes('列：')).map((l) => l.split(': ').slice(1).join(': '))) {
    assert.ok((await page.locator('#notes').innerText()).includes(note), note);
  }
  // The previews show the data, in Chinese and in English.
  await page.locator('#preview-zh').getByRole('tab', { name: /扬尘综合治理专班/ }).waitFor();
  await page.locator('#preview-en').getByRole('tab', { name: /Dust control/ }).waitFor();
  // The JSON to publish is what tft writes.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载数据文件（JSON）' }).click()]);
  assert.equal(download.suggestedFilename(), 'wps-gb18030.json');
  const json = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.deepEqual(json, expected.json);
  const [fallback] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /无脚本备用内容/ }).click()]);
  const html = readFileSync(await fallback.path(), 'utf8');
  assert.match(html, /^<div class="tft-fallback" lang="zh-Hans">/);
  assert.doesNotMatch(html, /\sstyle=/);
  await shot(page, 'desk-1280-ok');
  assert.deepEqual(await page.evaluate(() => window.__violations), [], 'no CSP violation');
  assert.deepEqual(problems, { console: [], thrown: [] });
  await context.close();
});

test('every problem of a broken sheet is listed by row and column, in the words tft uses', async () => {
  // CSP bypassed here so that axe-core can be injected.
  const { page, context } = await openDesk({ viewport: { width: 375, height: 800 }, bypassCSP: true });
  await page.getByLabel('计划名称（中文）*').fill('测试计划');
  await page.getByLabel(/数据截至日期/).fill('2024-06-30');
  await page.locator('#file').setInputFiles(join(OFFICE, 'wps-broken-gb18030.csv'));
  await page.waitForFunction(() => /发现 2 处问题/.test(document.getElementById('status').textContent));
  const listed = await page.locator('#problems li').allInnerTexts();
  const expected = tft('wps-broken-gb18030.csv', 'zh');
  assert.equal(expected.ok, false);
  const lines = expected.text.split('\n').filter((l) => /第 \d+ 行/.test(l)).map((l) => l.slice(l.indexOf('第')));
  assert.equal(listed.length, lines.length);
  for (const [i, line] of lines.entries()) {
    const [place, message] = line.split('：');
    assert.ok(listed[i].startsWith(place), `${listed[i]} / ${place}`);
    assert.ok(listed[i].includes(line.slice(place.length + 1)), `${listed[i]} / ${message}`);
  }
  assert.ok(await page.getByRole('button', { name: '下载数据文件（JSON）' }).isDisabled(), 'nothing to publish');
  await shot(page, 'desk-375-problems');
  await axe(page, 'desk with problems');
  await context.close();
});

test('a JSON file is checked as tft validate does, with line and column; the page speaks English too', async () => {
  const { page, context } = await openDesk();
  await page.locator('.langs').getByRole('button', { name: 'English' }).click();
  assert.equal(await page.locator('h1').innerText(), 'Progress data desk');
  await page.locator('#file').setInputFiles(join(ROOT, 'tests/corpus/invalid-date.json'));
  await page.waitForFunction(() => /1 problem;/.test(document.getElementById('status').textContent));
  const item = await page.locator('#problems li').first().innerText();
  assert.match(item, /^line 1, column 5079 taskForces\[2\]\.measures\[1\]\.due/);
  assert.match(item, /found the string "2020-02-30" \(in task force "culture" 文化振兴, measure "four-virtues"/);
  await page.locator('#file').setInputFiles(join(ROOT, 'data/dezhou.json'));
  await page.waitForFunction(() => /No problems: 5 task forces, 23 measures/.test(document.getElementById('status').textContent));
  await context.close();
});

/**
 * Loaded: the readers' previews too, which show the built-in programme
 * until a file is dropped. Since it is a file of its own (downloaded only by
 * trackers that show it), going offline before it arrives makes them say
 * so on the console; the page is not loaded until then.
 */
const previewsLoaded = (page) => page.waitForFunction(
  () => ['preview-zh', 'preview-en'].every((id) => document.getElementById(id)?.shadowRoot?.querySelector('.tft:not([data-stage])')),
  null, { timeout: 20_000 });

test('the desk ships in the release folder and works from there, offline once loaded', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(server.url + '/rel/desk/index.html');
  await page.locator('h1').waitFor();
  await page.waitForFunction(() => document.querySelector('#file') && !document.querySelector('#status').textContent.includes('cannot run'));
  await previewsLoaded(page);
  await context.setOffline(true);
  await page.locator('#file').setInputFiles(join(ROOT, 'data/dezhou.json'));
  await page.waitForFunction(() => /没有发现问题：5 个专班，23 项措施/.test(document.getElementById('status').textContent));
  await page.locator('#preview-zh').getByRole('tab', { name: /产业振兴/ }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('each programme-office symptom, through the desk: the same problems and notes as tft', async () => {
  const { page, context } = await openDesk();
  await page.getByLabel('计划名称（中文）*').fill('测试计划');
  await page.getByLabel(/数据截至日期/).fill('2024-06-30');
  for (const name of ['dates', 'ambiguous', 'messages', 'duplicate', 'status', 'milestones', 'readers-table']) {
    await page.locator('#file').setInputFiles(join(OFFICE, `${name}.csv`));
    await page.waitForFunction((n) => document.getElementById('name').textContent.startsWith(`${n}.csv`), name);
    const expected = tft(`${name}.csv`, 'zh');
    const problems = expected.text.split('\n').filter((l) => /第 \d+ 行/.test(l)).map((l) => l.slice(l.indexOf('第')).replace('：', ''));
    const listed = (await page.locator('#problems li').allInnerTexts()).map((t) => t.replace(/\s+/, ''));
    assert.deepEqual(listed.map((t) => t.replace(/\s/g, '')), problems.map((t) => t.replace(/\s/g, '')), name);
    const notes = expected.text.split('\n').filter((l) => l.includes('列：') && !/第 \d+ 行/.test(l)).map((l) => l.split(': ').slice(1).join(': '));
    assert.deepEqual(await page.locator('#notes li').allInnerTexts(), notes, name);
    assert.equal(await page.getByRole('button', { name: '下载数据文件（JSON）' }).isEnabled(), expected.ok, name);
  }
  // Download the spreadsheet, import it again: the same programme.
  await page.locator('#file').setInputFiles(join(OFFICE, 'milestones.csv'));
  await page.waitForFunction(() => /没有发现问题/.test(document.getElementById('status').textContent));
  const [sheet] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /下载表格/ }).click()]);
  const before = JSON.parse(await page.evaluate(() => JSON.stringify(document.getElementById('preview-zh').data)));
  await page.locator('#file').setInputFiles(await sheet.path());
  await page.waitForFunction(() => /没有发现问题/.test(document.getElementById('status').textContent));
  const after = JSON.parse(await page.evaluate(() => JSON.stringify(document.getElementById('preview-zh').data)));
  assert.deepEqual(after, before, 'download → import is a round trip');
  await context.close();
});

const BOOKS = join(ROOT, 'tests/data/workbooks');

/** What `tft import` writes for these workbooks. */
function tftImport(files) {
  const run = spawnSync(TFT, ['import', ...files.map((f) => join(BOOKS, f)), '--lang', 'zh'], { encoding: 'utf8' });
  return { ok: run.status === 0, json: run.status === 0 ? JSON.parse(run.stdout) : null, text: run.stderr };
}

test('seven workbooks dropped at once, offline: each file listed with what it gave, the form filled from the instructions sheet, the JSON tft writes', async () => {
  const { page, context, problems } = await openDesk();
  await page.locator('h1').waitFor();
  await page.waitForFunction(() => typeof document.getElementById('file')?.files === 'object' && document.getElementById('status').textContent.length > 0);
  await previewsLoaded(page);
  await context.setOffline(true);
  const files = [1, 2, 3, 4, 5, 6, 7].map((i) => `seven-${i}.xlsx`);
  await page.locator('#file').setInputFiles(files.map((f) => join(BOOKS, f)));
  await page.waitForFunction(() => /没有发现问题：7 个专班，27 项措施/.test(document.getElementById('status').textContent));
  const listed = await page.locator('#contributions li').allInnerTexts();
  assert.equal(listed.length, 7);
  assert.equal(listed[0], '文件「seven-1.xlsx」工作表「第1专班」：1 个专班，3 项措施，1 个节点，4 条汇报');
  assert.equal(await page.getByLabel('计划名称（中文）*').inputValue(), '七个专班的计划', 'the form is filled from the workbook');
  assert.equal(await page.getByLabel(/数据截至日期/).inputValue(), '2024-06-30');
  const expected = tftImport(files);
  assert.ok(expected.ok, expected.text);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载数据文件（JSON）' }).click()]);
  assert.deepEqual(JSON.parse(readFileSync(await download.path(), 'utf8')), expected.json);
  await page.locator('#preview-zh').getByRole('tab', { name: /第7专班/ }).waitFor();
  await shot(page, 'desk-1280-workbooks');
  assert.deepEqual(problems, { console: [], thrown: [] });
  await context.close();
});

test('a status typed outside the drop-down, and a task force in two files, are named by file, sheet, row and column in Chinese and English', async () => {
  const { page, context } = await openDesk();
  await page.locator('#file').setInputFiles(join(BOOKS, 'bad-status.xlsx'));
  await page.waitForFunction(() => document.querySelectorAll('#problems li').length > 0);
  const item = (await page.locator('#problems li').first().innerText()).replace(/\s+/g, ' ');
  assert.match(item, /^工作表「产业振兴」第 2 行，状态（status）列 ?应为以下之一：已完成（completed）/);
  assert.match(item, /实际是文字“进行中”/);
  assert.ok(await page.getByRole('button', { name: '下载数据文件（JSON）' }).isDisabled());
  await page.locator('.langs').getByRole('button', { name: 'English' }).click();
  await page.waitForFunction(() => /^sheet/.test(document.querySelector('#problems li')?.textContent ?? ''));
  assert.match((await page.locator('#problems li').first().innerText()).replace(/\s+/g, ' '), /^sheet "产业振兴", row 2: column 状态（status）/);
  await page.locator('#file').setInputFiles([join(BOOKS, 'dup-a.xlsx'), join(BOOKS, 'dup-b.xlsx')]);
  await page.waitForFunction(() => /already comes from/.test(document.getElementById('problems').textContent));
  const dup = (await page.locator('#problems li').first().innerText()).replace(/\s+/g, ' ');
  assert.match(dup, /^dup-b\.xlsx, sheet "人才振兴", row 2: column 专班编号（task_force_id） ?task force "talent" already comes from dup-a\.xlsx, sheet "人才振兴", row 2/);
  await context.close();
});

test('the Excel workbook downloaded reads back to the same data, and the blank template downloads', async () => {
  const { page, context } = await openDesk();
  await page.locator('#file').setInputFiles(join(BOOKS, 'dezhou.xlsx'));
  await page.waitForFunction(() => /没有发现问题：5 个专班，23 项措施/.test(document.getElementById('status').textContent));
  const before = await page.evaluate(() => JSON.stringify(document.getElementById('preview-zh').data));
  const [book] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Excel 工作簿/ }).click()]);
  assert.equal(book.suggestedFilename(), 'dezhou.xlsx');
  const bytes = readFileSync(await book.path());
  assert.equal(bytes.subarray(0, 2).toString(), 'PK', 'a workbook');
  await page.locator('#file').setInputFiles(await book.path());
  await page.waitForFunction(() => /没有发现问题：5 个专班，23 项措施/.test(document.getElementById('status').textContent));
  assert.equal(await page.evaluate(() => JSON.stringify(document.getElementById('preview-zh').data)), before, 'download → import is a round trip');
  const [template] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /空白模板/ }).click()]);
  assert.equal(template.suggestedFilename(), '进展表模板.xlsx');
  const blank = readFileSync(await template.path());
  assert.equal(blank.subarray(0, 2).toString(), 'PK');
  await context.close();
});

/** What `tft render-svg` writes for a programme (the SVG, or its caption). */
function renderSvg(programme, args) {
  const file = `/tmp/desk-e2e-${process.pid}-poster.json`;
  writeFileSync(file, JSON.stringify(programme));
  const run = spawnSync(TFT, ['render-svg', file, ...args], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return run.stdout;
}

/** A PNG's width and height, from its header. */
function pngSize(bytes) {
  assert.equal(bytes.subarray(1, 4).toString(), 'PNG', 'a PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The poster shown, read back on a canvas: its size, how much of it is
 * ink, how many colours, and the colour of the band across its top. */
const posterPixels = () => (async () => {
  const img = document.getElementById('poster-img');
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = img.naturalWidth;
  canvas.height = img.naturalHeight;
  const ctx = canvas.getContext('2d');
  ctx.drawImage(img, 0, 0);
  const d = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
  let ink = 0;
  let seen = 0;
  const colours = new Set();
  for (let i = 0; i < d.length; i += 4 * 11) {
    seen++;
    if (d[i] < 230 || d[i + 1] < 230 || d[i + 2] < 230) ink++;
    colours.add(((d[i] >> 4) << 8) | ((d[i + 1] >> 4) << 4) | (d[i + 2] >> 4));
  }
  return { width: canvas.width, height: canvas.height, ink: ink / seen, colours: colours.size, band: [...ctx.getImageData(20, 10, 1, 1).data.slice(0, 3)] };
})();

test('the long image: a PNG 1,500 px wide drawn from the SVG tft writes, not blank, captioned with the summary\'s figures, in Chinese and English', async () => {
  const { page, context, problems } = await openDesk();
  await page.locator('#file').setInputFiles(join(BOOKS, 'seven-all.xlsx'));
  await page.waitForFunction(() => /没有发现问题：7 个专班，27 项措施/.test(document.getElementById('status').textContent));
  await page.waitForFunction(() => !document.getElementById('get-png').disabled);
  const programme = await page.evaluate(() => document.getElementById('preview-zh').data);

  // The SVG is the one `tft render-svg` writes; the PNG is it at 2x.
  const [svg] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /下载矢量图/ }).click()]);
  assert.equal(svg.suggestedFilename(), 'seven-all-总览.svg');
  const svgText = readFileSync(await svg.path(), 'utf8');
  assert.equal(svgText, renderSvg(programme, ['--lang', 'zh']));
  const svgHeight = Number(svgText.match(/<svg [^>]*height="(\d+)"/)[1]);
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /下载长图/ }).click()]);
  assert.equal(png.suggestedFilename(), 'seven-all-总览.png');
  assert.deepEqual(pngSize(readFileSync(await png.path())), { width: 1500, height: 2 * svgHeight });
  const pixels = await page.evaluate(posterPixels);
  assert.equal(pixels.width, 1500);
  assert.equal(pixels.height, 2 * svgHeight);
  assert.ok(pixels.ink > 0.04 && pixels.colours > 12, `not blank: ${JSON.stringify(pixels)}`);
  assert.ok(Math.abs(pixels.band[0] - 0xa4) < 24 && pixels.band[1] < 60, `the masthead's band is drawn: ${pixels.band}`);

  // The caption: what `tft render-svg --caption` says, the image's alt
  // text, and the figures the readers' widget gives as its `summary`.
  const caption = await page.getByLabel(/配图说明/).inputValue();
  assert.equal(caption, renderSvg(programme, ['--lang', 'zh', '--caption']).trim());
  assert.equal(await page.locator('#poster-img').getAttribute('alt'), caption);
  await page.locator('#preview-zh').getByRole('tab', { name: /第1专班/ }).waitFor();
  const summary = await page.evaluate(() => document.getElementById('preview-zh').summary);
  assert.ok(caption.includes(`${summary.measures}项措施中已完成${summary.byStatus.completed}项，${summary.overdue}项逾期`), caption);
  await shot(page, 'desk-1280-poster');

  // One task force's poster, then the page in English: a new image each time.
  await page.getByLabel('长图内容').selectOption('2');
  await page.waitForFunction(() => /第2专班的4项措施/.test(document.getElementById('caption').value));
  await page.waitForFunction(() => !document.getElementById('get-png').disabled);
  assert.equal(await page.getByLabel(/配图说明/).inputValue(), renderSvg(programme, ['--lang', 'zh', '--task-force', 'tf2', '--caption']).trim());
  const one = await page.evaluate(posterPixels);
  assert.ok(one.width === 1500 && one.height !== pixels.height && one.ink > 0.04, JSON.stringify(one));
  await page.locator('.langs').getByRole('button', { name: 'English' }).click();
  await page.waitForFunction(() => /^As of 30 Jun 2024, of the 4 measures/.test(document.getElementById('caption').value));
  await page.waitForFunction(() => !document.getElementById('get-png').disabled && /^As of/.test(document.getElementById('poster-img').alt));
  assert.equal(await page.getByLabel(/Caption/).inputValue(), renderSvg(programme, ['--lang', 'en', '--task-force', 'tf2', '--caption']).trim());
  const [en] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /vector image/ }).click()]);
  assert.equal(readFileSync(await en.path(), 'utf8'), renderSvg(programme, ['--lang', 'en', '--task-force', 'tf2']));
  assert.deepEqual(problems, { console: [], thrown: [] });
  await context.close();
});

test('the long image section on a phone: the image as wide as the screen, its controls labelled, nothing axe-core finds', async () => {
  // CSP bypassed here so that axe-core can be injected (the test above runs under it).
  const { page, context, problems } = await openDesk({ viewport: { width: 375, height: 800 }, bypassCSP: true });
  await page.locator('#file').setInputFiles(join(BOOKS, 'dezhou.xlsx'));
  await page.waitForFunction(() => !document.getElementById('get-png').disabled);
  const frame = await page.locator('#poster-frame').boundingBox();
  assert.ok(frame.width >= 330 && frame.width <= 375, `the image is as wide as the phone: ${frame.width}`);
  assert.equal(await page.getByLabel('长图内容').inputValue(), '0', 'the overview first');
  await page.locator('#poster-frame').scrollIntoViewIfNeeded();
  await shot(page, 'desk-375-poster');
  await axe(page, 'desk with its long image');
  assert.deepEqual(problems, { console: [], thrown: [] });
  await context.close();
});

test('a poster too long for a PNG says so in the staff\'s words, and its SVG still downloads', async () => {
  // One task force of 300 measures: its poster is over 30,000 px tall, twice that at 2x.
  const measures = Array.from({ length: 300 }, (_, i) => ({ id: `m${i}`, title: `第${i + 1}项措施`, status: 'on-track', due: '2024-12-31' }));
  const file = `/tmp/desk-e2e-${process.pid}-long.json`;
  writeFileSync(file, JSON.stringify({ title: '长计划', asOf: '2024-06-30', taskForces: [{ id: 'a', name: '甲专班', measures }, { id: 'b', name: '乙专班', measures: measures.slice(0, 3) }] }));
  const { page, context } = await openDesk();
  await page.locator('#file').setInputFiles(file);
  await page.waitForFunction(() => !document.getElementById('get-png').disabled);
  await page.getByLabel('长图内容').selectOption('1');
  await page.waitForFunction(() => /这张长图太长，无法生成 PNG（2 倍时 [\d,]+ 像素/.test(document.getElementById('poster-status').textContent));
  assert.ok(await page.getByRole('button', { name: /下载长图/ }).isDisabled(), 'no PNG to offer');
  assert.equal(await page.locator('#poster-img').isVisible(), false, 'no image of another poster left in view');
  const [svg] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /下载矢量图/ }).click()]);
  assert.equal(svg.suggestedFilename(), 'desk-e2e-' + process.pid + '-long-甲专班.svg');
  await page.getByLabel('长图内容').selectOption('2');
  await page.waitForFunction(() => !document.getElementById('get-png').disabled && document.getElementById('poster-status').textContent === '');
  await context.close();
});
