// The data desk: programme staff check workbooks (.xlsx, .xls, .ods), CSV
// files (several at once are merged, one task force per file or sheet) or a
// data file (JSON) with the same checks and words as `tft`, from the same
// Rust crate compiled to wasm (src/desk.rs, built into ./pkg by
// `build.sh --desk`), see the widget as readers will, and download what to
// publish or fill in again, and the long image for WeChat articles and print
// (poster.js). Nothing leaves the page. Text is only ever set as text.
import init, {
  readFiles, checkJson, isWorkbook, fallbackHtml, exportSheet, exportBook, templateBook, words as deskWords,
} from './pkg/task_force_tracker.js';
import { showPosters, posterControls } from './poster.js';

// The page's own words come from the same tables as every problem it
// shows (src/words/, through the module's `words`); only the line said when
// the module itself cannot load is here.
const CANNOT_LOAD = { 'zh-Hans': '工作台无法在此浏览器中运行：', 'zh-Hant': '工作台無法在此瀏覽器中執行：', en: 'The desk cannot run in this browser: ' };
/** A word with a value in its `{}`. */
const fill = (template, value) => template.replace('{}', value);

const $ = (id) => document.getElementById(id);
let lang = 'zh-Hans';
let words = null; // the page's words in `lang`, from the module
let files = null; // [{ name, text, encoding } (CSV, JSON) or { name, bytes } (a workbook)]
let published = null; // the JSON text of the last valid check

function setLanguage(next) {
  lang = next;
  words = deskWords(lang);
  document.documentElement.lang = lang;
  document.title = `${words.title} · ${words.otherTitle}`;
  for (const el of document.querySelectorAll('[data-t]')) {
    const w = words[el.dataset.t];
    if (typeof w === 'string' && (el.id !== 'status' || !files)) el.textContent = w;
  }
  for (const b of document.querySelectorAll('[data-lang]')) b.setAttribute('aria-pressed', String(b.dataset.lang === lang));
  // The Chinese preview in the Chinese the page is in.
  if (lang.startsWith('zh')) $('preview-zh').setAttribute('lang', lang);
  if (files) check();
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
  if (!chosen?.length) return;
  $('status').className = '';
  $('status').textContent = fill(words.reading, chosen.map((f) => f.name).join('、'));
  try {
    files = await Promise.all(chosen.map(async (f) => {
      const bytes = new Uint8Array(await f.arrayBuffer());
      return isWorkbook(f.name, bytes.subarray(0, 4)) ? { name: f.name, bytes } : { name: f.name, ...decode(bytes) };
    }));
  } catch (err) {
    console.error('[desk] reading the file failed:', err);
    $('status').textContent = words.unreadable;
    return;
  }
  $('name').textContent = files.map((f) => f.name + (f.encoding ? fill(words.encoding, f.encoding) : '')).join('、');
  check();
}

const isJson = () => files.length === 1 && !files[0].bytes && (/\.json$/i.test(files[0].name) || /^\s*[{[]/.test(files[0].text));

function settings() {
  const value = (id) => $(id).value.trim() || undefined;
  return {
    title: value('title') ?? '', titleEn: value('titleEn'), asOf: value('asOf') ?? '',
    sourceTitle: value('sourceTitle'), sourceUrl: value('sourceUrl'), sourcePublisher: value('sourcePublisher'),
    sample: $('sample').checked,
  };
}

/** The form's empty fields, from the workbooks' instructions sheets. */
function prefill(from) {
  if (!from) return [];
  const filled = [];
  for (const [id, key] of [['title', 'title'], ['titleEn', 'titleEn'], ['asOf', 'asOf'], ['sourceTitle', 'sourceTitle'],
    ['sourcePublisher', 'sourcePublisher'], ['sourceUrl', 'sourceUrl']]) {
    if (from[key] && !$(id).value.trim()) {
      $(id).value = from[key];
      filled.push($(id).closest('label').querySelector('span').textContent.replace(/\s*\*.*$/, ''));
    }
  }
  if (from.sample && !$('sample').checked) $('sample').checked = true;
  return filled;
}

function check() {
  let report = isJson() ? checkJson(files[0].text, lang) : readFiles(files, settings(), lang);
  const filled = isJson() ? [] : prefill(report.settings);
  // Read again with what the form now says (the same, shown).
  if (filled.length) report = readFiles(files, settings(), lang);
  const contributions = $('contributions');
  contributions.replaceChildren();
  for (const c of report.contributions ?? []) {
    const li = document.createElement('li');
    li.textContent = c;
    contributions.append(li);
  }
  $('contributed').hidden = !(report.contributions?.length > 1);
  $('from-book').textContent = filled.length ? fill(words.fromBook, filled.join('、')) : '';
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
  status.textContent = report.status;
  $('get-json').disabled = !published;
  $('get-html').disabled = !published;
  $('get-csv').disabled = !published;
  $('get-book').disabled = !published;
  // Readers' view of this file only: never the built-in programme.
  if (published) {
    const data = JSON.parse(published);
    $('preview-zh').data = data;
    $('preview-en').data = data;
  }
  $('previews').hidden = !published;
  $('poster').hidden = !published;
  if (published) showPosters({ json: published, lang, words, stem: stem() });
}

function downloadUrl(url, name) {
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
}

function download(text, name, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  downloadUrl(url, name);
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const stem = () => files[0].name.replace(/\.[^.]*$/, '');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function main() {
  // Files chosen while the checks load are read once they have.
  const ready = init({ module_or_path: new URL('./pkg/task_force_tracker_bg.wasm', import.meta.url) }).then(() => setLanguage(lang), (err) => {
    console.error('[desk] loading the checks failed:', err);
    $('status').textContent = (CANNOT_LOAD[lang] ?? CANNOT_LOAD.en) + err;
    throw err;
  });
  const take = (list) => ready.then(() => choose([...list]), () => {});
  $('file').addEventListener('change', (e) => take(e.target.files));
  const drop = $('drop');
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => { e.preventDefault(); drop.classList.remove('over'); take(e.dataTransfer.files); });
  try {
    await ready;
  } catch {
    return;
  }
  $('again').addEventListener('click', () => files && check());
  for (const b of document.querySelectorAll('[data-lang]')) b.addEventListener('click', () => setLanguage(b.dataset.lang));
  $('get-json').addEventListener('click', () => published && download(published, `${stem()}.json`, 'application/json'));
  $('get-csv').addEventListener('click', () => published && download(exportSheet(published), `${stem()}-sheet.csv`, 'text/csv'));
  $('get-html').addEventListener('click', () => published && download(fallbackHtml(published, lang), `${stem()}-fallback.html`, 'text/html'));
  $('get-book').addEventListener('click', () => published && download(exportBook(published, lang), `${stem()}.xlsx`, XLSX));
  $('get-template').addEventListener('click', () => download(templateBook(lang), `${words.templateName}.xlsx`, XLSX));
  posterControls({ download, downloadUrl });
}

main();
