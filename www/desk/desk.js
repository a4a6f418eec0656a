// The data desk: programme staff check a spreadsheet (CSV) or a data file
// (JSON) with the same checks and words as `tft`, from the same Rust crate
// compiled to wasm (src/desk.rs, built into ./pkg by `build.sh --desk`), see
// the widget as readers will, and download what to publish. Nothing leaves
// the page. Text is only ever set as text.
import init, { readSheet, checkJson, fallbackHtml, exportSheet } from './pkg/task_force_tracker.js';

const WORDS = {
  zh: {
    title: '进展数据工作台', lead: '选择或拖入各专班填写的表格（Excel / WPS 另存的 CSV，UTF-8 或 GB18030 均可）或数据文件（JSON）。检查和预览都在本页完成，文件不会上传到任何地方。',
    file: '1. 选择文件', choose: '选择文件，或把文件拖到这里', settings: '2. 表格之外的信息（导入 CSV 时填写）',
    'f-title': '计划名称（中文）*', 'f-title-en': '计划名称（英文）', 'f-as-of': '数据截至日期 *（如 2024-06-30）',
    'f-source': '来源标题', 'f-publisher': '来源发布单位', 'f-url': '来源链接（http 或 https）', 'f-sample': '所有状态和数字为示例数据',
    again: '按以上信息重新检查', result: '3. 检查结果', waiting: '尚未选择文件。', download: '4. 下载',
    'download-help': '数据文件交给网站发布；无脚本备用内容粘贴在文章的 <task-force-tracker> 元素里。',
    'get-json': '下载数据文件（JSON）', 'get-html': '下载无脚本备用内容（HTML）', 'get-csv': '下载表格（CSV，可继续编辑后再导入）', preview: '5. 读者看到的样子', zh: '中文', en: 'English',
    reading: (name) => `正在检查 ${name}……`, ok: (summary) => `没有发现问题：${summary}。`,
    bad: (n) => `发现 ${n} 处问题，请在表格中改正后重新选择文件：`, encoding: (e) => `（文件编码：${e}）`,
    unreadable: '无法读取此文件。', loadFailed: '工作台无法在此浏览器中运行：',
  },
  en: {
    title: 'Progress data desk', lead: 'Choose or drop the spreadsheet the task forces keep (CSV saved from Excel or WPS, UTF-8 or GB18030) or a data file (JSON). Checking and preview happen in this page; nothing is uploaded anywhere.',
    file: '1. Choose a file', choose: 'Choose a file, or drop it here', settings: '2. What the spreadsheet does not carry (for a CSV)',
    'f-title': 'Programme title (Chinese) *', 'f-title-en': 'Programme title (English)', 'f-as-of': 'Data as of * (for example 2024-06-30)',
    'f-source': 'Source title', 'f-publisher': 'Source publisher', 'f-url': 'Source link (http or https)', 'f-sample': 'Every status and figure is sample data',
    again: 'Check again with these settings', result: '3. What the check found', waiting: 'No file chosen yet.', download: '4. Download',
    'download-help': 'The data file goes to whoever publishes the site; the no-JavaScript fallback is pasted inside the article\'s <task-force-tracker> element.',
    'get-json': 'Download the data file (JSON)', 'get-html': 'Download the no-JavaScript fallback (HTML)', 'get-csv': 'Download the spreadsheet (CSV, to edit and import again)', preview: '5. What readers will see', zh: '中文', en: 'English',
    reading: (name) => `Checking ${name}…`, ok: (summary) => `No problems: ${summary}.`,
    bad: (n) => `${n} ${n === 1 ? 'problem' : 'problems'}; correct the spreadsheet and choose the file again:`, encoding: (e) => ` (file encoding: ${e})`,
    unreadable: 'This file cannot be read.', loadFailed: 'The desk cannot run in this browser: ',
  },
};

const $ = (id) => document.getElementById(id);
let lang = 'zh';
let file = null; // { name, text, encoding }
let published = null; // the JSON text of the last valid check

const words = () => WORDS[lang];

function setLanguage(next) {
  lang = next;
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.title = `${words().title} · ${lang === 'zh' ? 'Data desk' : '进展数据工作台'}`;
  for (const el of document.querySelectorAll('[data-t]')) {
    const w = words()[el.dataset.t];
    if (typeof w === 'string' && (el.id !== 'status' || !file)) el.textContent = w;
  }
  for (const b of document.querySelectorAll('[data-lang]')) b.setAttribute('aria-pressed', String(b.dataset.lang === lang));
  if (file) check();
}

/** The file's text: UTF-8 if it is valid UTF-8, else GB18030 (what WPS saves). */
function decode(bytes) {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'GB18030' };
  }
}

async function choose(chosen) {
  if (!chosen) return;
  $('status').className = '';
  $('status').textContent = words().reading(chosen.name);
  try {
    file = { name: chosen.name, ...decode(new Uint8Array(await chosen.arrayBuffer())) };
  } catch (err) {
    console.error('[desk] reading the file failed:', err);
    $('status').textContent = words().unreadable;
    return;
  }
  $('name').textContent = file.name + words().encoding(file.encoding);
  check();
}

const isJson = () => /\.json$/i.test(file.name) || /^\s*[{[]/.test(file.text);

function settings() {
  const value = (id) => $(id).value.trim() || undefined;
  return {
    title: value('title') ?? '', titleEn: value('titleEn'), asOf: value('asOf') ?? '',
    sourceTitle: value('sourceTitle'), sourceUrl: value('sourceUrl'), sourcePublisher: value('sourcePublisher'),
    sample: $('sample').checked,
  };
}

function check() {
  const report = isJson() ? checkJson(file.text, lang) : readSheet(file.text, settings(), lang);
  const status = $('status');
  const problems = $('problems');
  const notes = $('notes');
  problems.replaceChildren();
  notes.replaceChildren();
  for (const p of report.problems) {
    const li = document.createElement('li');
    if (p.place) {
      const place = document.createElement('span');
      place.className = 'place';
      place.textContent = p.place;
      li.append(place);
    }
    li.append(p.message);
    problems.append(li);
  }
  for (const n of report.notes) {
    const li = document.createElement('li');
    li.textContent = n;
    notes.append(li);
  }
  published = report.json ?? null;
  status.className = published ? 'good' : 'bad';
  status.textContent = published ? words().ok(report.summary) : words().bad(report.problems.length);
  $('get-json').disabled = !published;
  $('get-html').disabled = !published;
  $('get-csv').disabled = !published;
  // Readers' view of this file only: never the built-in programme.
  if (published) {
    const data = JSON.parse(published);
    $('preview-zh').data = data;
    $('preview-en').data = data;
  }
  $('previews').hidden = !published;
}

function download(text, name, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const stem = () => file.name.replace(/\.[^.]*$/, '');

async function main() {
  try {
    await init({ module_or_path: new URL('./pkg/task_force_tracker_bg.wasm', import.meta.url) });
  } catch (err) {
    console.error('[desk] loading the checks failed:', err);
    $('status').textContent = words().loadFailed + err;
    return;
  }
  $('file').addEventListener('change', (e) => choose(e.target.files[0]));
  const drop = $('drop');
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => { e.preventDefault(); drop.classList.remove('over'); choose(e.dataTransfer.files[0]); });
  $('again').addEventListener('click', () => file && check());
  for (const b of document.querySelectorAll('[data-lang]')) b.addEventListener('click', () => setLanguage(b.dataset.lang));
  $('get-json').addEventListener('click', () => published && download(published, `${stem()}.json`, 'application/json'));
  $('get-csv').addEventListener('click', () => published && download(exportSheet(published), `${stem()}-sheet.csv`, 'text/csv'));
  $('get-html').addEventListener('click', () => published && download(fallbackHtml(published, lang === 'zh' ? 'zh-Hans' : 'en'), `${stem()}-fallback.html`, 'text/html'));
}

main();
